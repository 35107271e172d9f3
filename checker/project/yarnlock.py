"""yarn 1's own lock-file grammar, read as yarn 1.22 reads it, with the line of every entry.

The grammar (yarn's ``src/lockfile/parse.js``; this is a reading of it, not a port): lines of
``key[, key...]`` followed by ``:`` (an object, indented two spaces deeper on the lines below) or
by one value (a quoted JSON string, an unquoted word, a number, ``true``/``false``). Keys and values
may be quoted or not (``"version" "2.2.0"``, the style npm writes when it updates a yarn lock, is
as valid as ``version "2.2.0"``); ``#`` starts a comment anywhere outside a string. A lock file with
git conflict markers is read on both sides and merged, the second side winning, as yarn does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

__all__ = ["YarnEntry", "YarnSyntaxError", "read_yarn_v1"]

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: .*)?$")


class YarnSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass(frozen=True, slots=True)
class YarnEntry:
    descriptors: tuple[str, ...]  # "name@range", unquoted, in the order written
    version: str | None
    line: int  # of the entry's header


_Value = str | int | bool | dict


def read_yarn_v1(text: str) -> list[YarnEntry]:
    """Top-level entries; raises :class:`YarnSyntaxError` where yarn's parser would stop."""
    lines = text.split("\n")
    sides = _conflict_sides(lines)
    if sides is None:
        return _entries(lines)
    merged: dict[str, YarnEntry] = {}
    for side in sides:
        for entry in _entries(side):
            for descriptor in entry.descriptors:
                merged[descriptor] = entry
    return list({id(entry): entry for entry in merged.values()}.values())


def _conflict_sides(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """Both sides of every conflict, other lines blanked so that line numbers stay the file's."""
    if not any(_CONFLICT.match(line) for line in lines):
        return None
    ours, theirs = [], []
    state = "both"
    for line in lines:
        marker = _CONFLICT.match(line)
        if marker:
            state = {"<": "ours", "=": "theirs", ">": "both"}[line[0]]
            ours.append("")
            theirs.append("")
            continue
        ours.append(line if state in ("both", "ours") else "")
        theirs.append(line if state in ("both", "theirs") else "")
    return ours, theirs


def _entries(lines: list[str]) -> list[YarnEntry]:
    root: dict[str, _Value] = {}
    header_line: dict[int, int] = {}  # id of a top-level object -> line of its header
    stack: list[dict[str, _Value]] = [root]  # stack[n] holds the members indented n levels
    for number, line in enumerate(lines, 1):
        line = line.removesuffix("\r")
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue  # blank lines and comments do not close an object
        indent = len(line) - len(stripped)
        if stripped[0] == "\t":
            raise YarnSyntaxError("a tab in the indentation: yarn indents with two spaces", number, indent + 1)
        if indent % 2:
            raise YarnSyntaxError("an odd number of spaces: yarn indents with two spaces", number, 1)
        level = indent // 2
        if level > len(stack) - 1:
            raise YarnSyntaxError("indented deeper than the line above allows", number, 1)
        del stack[level + 1 :]  # a shallower line closes the objects above it
        _line(stripped, indent, number, stack)
        if level == 0 and len(stack) > 1:
            header_line[id(stack[1])] = number
    groups: dict[int, list[str]] = {}
    objects: dict[int, dict[str, _Value]] = {}
    for key, value in root.items():
        if isinstance(value, dict):
            groups.setdefault(id(value), []).append(key)
            objects[id(value)] = value
    return [_entry(tuple(keys), objects[identity], header_line.get(identity, 0)) for identity, keys in groups.items()]


def _entry(descriptors: tuple[str, ...], fields: dict[str, _Value], line: int) -> YarnEntry:
    version = fields.get("version")
    return YarnEntry(descriptors, None if version is None or isinstance(version, dict) else str(version), line)


def _line(text: str, indent: int, number: int, stack: list[dict[str, _Value]]) -> None:
    """Read one line's pairs into stack[-1]; a line that ends with ``:`` leaves its object open on the stack."""
    tokens = list(_tokens(text, indent, number))
    depth = len(stack)
    position = 0
    while position < len(tokens):
        kind, value, column = tokens[position]
        if kind != "string":
            raise YarnSyntaxError(f"expected a key, found {_describe(kind, value)}", number, column)
        keys = [str(value)]
        position += 1
        while position < len(tokens) and tokens[position][0] == ",":
            if position + 1 >= len(tokens) or tokens[position + 1][0] != "string":
                raise YarnSyntaxError("expected a key after ','", number, tokens[position][2] + 1)
            keys.append(str(tokens[position + 1][1]))
            position += 2
        if position >= len(tokens):
            raise YarnSyntaxError(f"{keys[-1]!r} has no value and no ':'", number, column)
        kind, value, at = tokens[position]
        position += 1
        if kind == ":":
            opened: dict[str, _Value] = {}
            for key in keys:
                stack[-1][key] = opened
            stack.append(opened)  # pairs after the colon, on this line or indented below, are its members
        elif kind in ("string", "number", "boolean"):
            for key in keys:
                stack[-1][key] = value
        else:
            raise YarnSyntaxError(f"expected a value, found {_describe(kind, value)}", number, at)
    if tokens[-1][0] != ":":
        del stack[depth:]  # "a: b 1" filled its object on its own line; deeper lines cannot join it


# one token per match, in the order yarn's tokenizer tries them; a quoted string is checked for its
# closing quote here and decoded as JSON below
_TOKEN = re.compile(
    r' +|(?P<comment>#.*)|(?P<string>"(?:[^"\\]|\\.)*")|(?P<open>")|(?P<punct>[:,])|(?P<number>[0-9]+)'
    r'|(?P<boolean>true|false)|(?P<word>[a-zA-Z/.-][^:, \r\n]*)'
)


def _tokens(text: str, indent: int, number: int):  # type: ignore[no-untyped-def]
    """(kind, value, 1-based column) of each token of one line, as yarn's tokenizer cuts them."""
    i, end = 0, len(text)
    while i < end:
        match = _TOKEN.match(text, i)
        column = indent + i + 1
        if match is None:
            raise YarnSyntaxError(f"unexpected character {text[i]!r}", number, column)
        kind = match.lastgroup
        i = match.end()
        if kind is None:
            continue  # spaces
        if kind == "comment":
            return
        if kind == "open":
            raise YarnSyntaxError("unterminated string: the file looks cut short", number, column)
        value = match.group()
        if kind == "string":
            try:
                yield "string", json.loads(value) if "\\" in value else value[1:-1], column
            except ValueError:
                raise YarnSyntaxError("invalid string (yarn reads it as JSON)", number, column) from None
        elif kind == "punct":
            yield value, value, column
        elif kind == "number":
            yield "number", int(value), column
        elif kind == "boolean":
            yield "boolean", value == "true", column
        else:
            yield "string", value, column


def _describe(kind: str, value: object) -> str:
    return {":": "':'", ",": "','"}.get(kind, f"the {kind} {value!r}")
