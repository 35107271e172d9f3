"""Strict YAML reading for the matrix: plain data plus the position of every value.

The C composer (libyaml) builds the node graph; our own walk turns it into
plain data and refuses what a hand-edited knowledge base must not contain:
aliases (an alias re-visits a node, so a "billion laughs" bomb is refused at
its first repeat, in microseconds), merge keys and duplicate keys. Scalars
keep their YAML type so the schema can refuse an unquoted ``2.10`` (a float).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from checker.errors import KnowledgeBaseError, Location

__all__ = ["Document", "Path_", "read_yaml", "MAX_FILE_BYTES", "MAX_DEPTH"]

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]

_Loader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
_SCALARS = yaml.constructor.SafeConstructor()
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_TEXT_TAGS = {_STR, "tag:yaml.org,2002:timestamp"}  # dates stay text: the schema reads them


@dataclass(slots=True)
class Document:
    """A parsed file: its data, and where each value and key stands."""

    path: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    raw_scalars: dict[Path_, str] = field(default_factory=dict)

    def location(self, path: Path_, *, key: bool = False) -> Location:
        """The location of the value at ``path`` (or of its key), else the nearest parent's."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return Location(self.path, *table[probe])
            if probe in self.positions:
                return Location(self.path, *self.positions[probe])
            probe = probe[:-1]
        return Location(self.path, *self.positions.get((), (1, 1)))


def read_yaml(raw: bytes, display_path: str) -> Document:
    """Parse one matrix file; raises :class:`KnowledgeBaseError` at the first problem."""
    if len(raw) > MAX_FILE_BYTES:
        raise KnowledgeBaseError(f"file is {len(raw)} bytes, over the {MAX_FILE_BYTES} byte limit", Location(display_path), "KB001")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise KnowledgeBaseError("not UTF-8 text", Location(display_path, line), "KB001") from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(display_path, mark.line + 1, mark.column + 1) if mark else Location(display_path)
        raise KnowledgeBaseError(f"YAML syntax: {error.problem or error.context}", where, "KB001") from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(f"YAML: {error}", Location(display_path), "KB001") from None
    document = Document(display_path, None)
    if node is None:
        raise KnowledgeBaseError("empty file", Location(display_path, 1, 1), "KB001")
    document.data = _Walker(document).value(node, (), 0)
    return document


class _Walker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.seen: set[int] = set()

    def fail(self, message: str, node: yaml.Node) -> KnowledgeBaseError:
        mark = node.start_mark
        return KnowledgeBaseError(message, Location(self.document.path, mark.line + 1, mark.column + 1), "KB001")

    def value(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if id(node) in self.seen:
            raise self.fail("YAML anchors and aliases (&name, *name) are not allowed in the matrix: this value is reused by an alias", node)
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.fail(f"nested deeper than {MAX_DEPTH} levels", node)
        self.document.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise self.fail("YAML merge keys (<<) are not allowed in the matrix", key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail("mapping keys must be plain strings", key_node)
            key = key_node.value
            if key in result:
                raise self.fail(f"duplicate key {key!r}", key_node)
            child = (*path, key)
            self.document.key_positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.value(value_node, child, depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag in _TEXT_TAGS:
            return node.value
        self.document.raw_scalars[path] = node.value
        try:
            return _SCALARS.construct_object(node)
        except yaml.YAMLError as error:
            raise self.fail(f"cannot read scalar {node.value!r}: {error}", node) from None
