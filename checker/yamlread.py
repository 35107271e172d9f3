"""Strict YAML reading from parser events: plain data that remembers where every value stands.

libyaml's composer recurses: about 30,000 nested brackets crash the process
(a segmentation fault, not an exception). Here the C parser only emits
events; the data is built with an explicit stack, so depth is refused before
anything recurses. Aliases are refused at the alias (a "billion laughs" bomb
stops at its first ``*name``), as are duplicate keys and, when scalars are
typed, merge keys (``<<``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

__all__ = ["YamlList", "YamlMap", "YamlProblem", "read_documents"]

_Loader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
_RESOLVER = yaml.resolver.Resolver()
_SCALARS = yaml.constructor.SafeConstructor()
_CONSTRUCT: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
}
_MERGE = "tag:yaml.org,2002:merge"

Position = tuple[int, int]  # 1-based line and column


class YamlMap(dict[str, Any]):
    """A mapping that knows where each key and each value stands, and how typed scalars were written."""

    __slots__ = ("key_at", "value_at", "raw")

    def __init__(self) -> None:
        super().__init__()
        self.key_at: dict[str, Position] = {}
        self.value_at: dict[str, Position] = {}
        self.raw: dict[str, str] = {}


class YamlList(list[Any]):
    __slots__ = ("item_at", "raw")

    def __init__(self) -> None:
        super().__init__()
        self.item_at: list[Position] = []
        self.raw: dict[int, str] = {}


class YamlProblem(Exception):
    """Where and why reading stopped; callers turn it into their own located error."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def read_documents(text: str, *, typed: bool, max_depth: int = 64) -> list[Any]:
    """Every document of ``text``. With ``typed``, plain scalars become int, float, bool or None as
    YAML 1.1 reads them (so a schema can refuse an unquoted ``2.10``); dates stay text. Without it,
    every scalar stays text (``lockfileVersion: 5.4`` is ``"5.4"``)."""
    documents: list[Any] = []
    stack: list[Any] = []
    pending: list[tuple[str, Position] | None] = []  # per open mapping: a key awaiting its value
    try:
        for event in yaml.parse(text, Loader=_Loader):
            at = (event.start_mark.line + 1, event.start_mark.column + 1)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= max_depth:
                    raise YamlProblem(f"nested deeper than {max_depth} levels", *at)
                stack.append(YamlMap() if isinstance(event, yaml.MappingStartEvent) else YamlList())
                pending.append(None)
                if len(stack) > 1:
                    _place_collection(stack, pending, at)
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                pending.pop()
                value = stack.pop()
                if stack:
                    continue  # already placed in its parent when it opened
                documents.append(value)
                continue
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem("YAML aliases (*name) are not allowed here: write the value out", *at)
            if not isinstance(event, yaml.ScalarEvent):
                continue  # stream and document boundaries
            value, raw = _scalar(event, typed, key=bool(stack) and isinstance(stack[-1], YamlMap) and pending[-1] is None)
            if not stack:
                documents.append(value)
            else:
                _place(stack, pending, value, at, raw)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlProblem(f"YAML syntax: {error.problem or error.context}", *((mark.line + 1, mark.column + 1) if mark else (0, 0))) from None
    except yaml.YAMLError as error:  # the reader: a character YAML does not allow
        position = getattr(error, "position", 0)
        line_start = text.rfind("\n", 0, position) + 1
        reason = getattr(error, "reason", "unreadable text")
        raise YamlProblem(f"YAML: {reason}", text.count("\n", 0, position) + 1, position - line_start + 1) from None
    return documents


def _scalar(event: yaml.ScalarEvent, typed: bool, *, key: bool) -> tuple[Any, str | None]:
    if not typed:
        return event.value, None
    tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _MERGE and key:
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        raise YamlProblem("YAML merge keys (<<) are not allowed here", line, column)
    construct = _CONSTRUCT.get(tag)
    if construct is None:
        return event.value, None  # strings, and dates kept as text
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    return construct(node), event.value


def _place_collection(stack: list[Any], pending: list[Any], at: Position) -> None:
    """Attach the collection just opened (stack[-1]) to its parent (stack[-2])."""
    child, parent = stack[-1], stack[-2]
    if isinstance(parent, YamlList):
        parent.append(child)
        parent.item_at.append(at)
        return
    slot = pending[-2]
    if slot is None:
        raise YamlProblem("mapping keys must be plain strings", *at)
    key, _ = slot
    parent[key] = child
    parent.value_at[key] = at
    pending[-2] = None


def _place(stack: list[Any], pending: list[Any], value: Any, at: Position, raw: str | None) -> None:
    parent = stack[-1]
    if isinstance(parent, YamlList):
        if raw is not None:
            parent.raw[len(parent)] = raw
        parent.append(value)
        parent.item_at.append(at)
        return
    if pending[-1] is None:
        key = value if isinstance(value, str) else raw if raw is not None else str(value)
        if key in parent:
            raise YamlProblem(f"duplicate key {key!r}", *at)
        parent.key_at[key] = at
        pending[-1] = (key, at)
        return
    key, _ = pending[-1]
    parent[key] = value
    parent.value_at[key] = at
    if raw is not None:
        parent.raw[key] = raw
    pending[-1] = None
