"""Set ``taroCompat.targets`` in a package.json's text, changing nothing else: key order, indentation,
line endings, a byte order mark and the trailing newline stay as they were (npm keeps them too).

The text is edited at the spans the JSON decoder reports, never re-serialised; a file that is not strict
JSON (comments, trailing commas) is refused, since npm would refuse it as well.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from checker.errors import Location, ProjectError

__all__ = ["Member", "set_targets"]

SETTINGS_KEY = "taroCompat"
TARGETS_KEY = "targets"
_BOM = "\ufeff"
_WHITESPACE = " \t\r\n"
_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class Member:
    """One ``"key": value`` of an object, as offsets into the text."""

    key: str
    start: int  # the key's opening quote
    value_start: int
    value_end: int  # just after the value


def set_targets(text: str, query: str, display: str) -> str:
    """``text`` with ``taroCompat.targets`` set to ``query`` (added last where missing, replaced in place where present)."""
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom):]
    try:
        data = json.loads(body)
    except json.JSONDecodeError as error:
        raise ProjectError(f"invalid JSON: {error.msg}; nothing was changed", Location(display, error.lineno, error.colno)) from None
    except RecursionError:
        raise ProjectError("JSON nested too deeply; nothing was changed", Location(display, 1, 1)) from None
    if not isinstance(data, dict):
        raise ProjectError("package.json must hold a JSON object; nothing was changed", Location(display, 1, 1))
    newline = "\r\n" if "\r\n" in body else "\n"
    root = _skip(body, 0)
    unit = _indent_unit(body, root)
    settings = next((m for m in reversed(_members(body, root)) if m.key == SETTINGS_KEY), None)
    if settings is None:
        value = json.dumps({TARGETS_KEY: query}, ensure_ascii=False, indent=unit or None)
        return bom + _append(body, root, SETTINGS_KEY, value, newline, unit)
    if body[settings.value_start] != "{":
        value = json.dumps({TARGETS_KEY: query}, ensure_ascii=False, indent=unit or None)
        return bom + _replace(body, settings, _reindent(value, _line_indent(body, settings.start), newline))
    targets = next((m for m in reversed(_members(body, settings.value_start)) if m.key == TARGETS_KEY), None)
    if targets is None:
        return bom + _append(body, settings.value_start, TARGETS_KEY, json.dumps(query, ensure_ascii=False), newline, unit)
    return bom + _replace(body, targets, json.dumps(query, ensure_ascii=False))


def _members(text: str, start: int) -> list[Member]:
    """The members of the object whose ``{`` is at ``start`` (the text is known to be valid JSON)."""
    found = []
    at = _skip(text, start + 1)
    while text[at] != "}":
        key, key_end = _DECODER.raw_decode(text, at)
        value_start = _skip(text, _skip(text, key_end) + 1)  # past the colon
        _, value_end = _DECODER.raw_decode(text, value_start)
        found.append(Member(key, at, value_start, value_end))
        at = _skip(text, value_end)
        if text[at] == ",":
            at = _skip(text, at + 1)
    return found


def _append(text: str, start: int, key: str, value: str, newline: str, unit: str) -> str:
    """Add ``"key": value`` as the last member of the object at ``start``, in the file's own layout."""
    members = _members(text, start)
    close = _closing_brace(text, start, members)
    inner = _line_indent(text, members[0].start) if members and _on_own_line(text, members[0].start) else None
    outer = _line_indent(text, start)
    if inner is None and members:
        entry = f", {json.dumps(key)}: {' '.join(value.split()) if newline not in value else value}"
        return text[: members[-1].value_end] + entry + text[members[-1].value_end:]
    inner = inner if inner is not None else outer + (unit or "  ")
    entry = f"{inner}{json.dumps(key, ensure_ascii=False)}: {_reindent(value, inner, newline)}"
    if members:
        return text[: members[-1].value_end] + "," + newline + entry + text[members[-1].value_end:]
    return text[: start + 1] + newline + entry + newline + outer + text[close:]


def _replace(text: str, member: Member, value: str) -> str:
    return text[: member.value_start] + value + text[member.value_end:]


def _closing_brace(text: str, start: int, members: list[Member]) -> int:
    return _skip(text, members[-1].value_end if members else start + 1)


def _reindent(value: str, indent: str, newline: str) -> str:
    """A multi-line JSON value placed at ``indent``: its inner lines shifted by that much."""
    lines = value.split("\n")
    return newline.join([lines[0]] + [indent + line for line in lines[1:]])


def _indent_unit(text: str, root: int) -> str:
    """The file's indentation step, from its first member (two spaces, four, a tab, or none)."""
    members = _members(text, root)
    if not members or not _on_own_line(text, members[0].start):
        return ""
    return _line_indent(text, members[0].start)[len(_line_indent(text, root)):] or "  "


def _line_indent(text: str, at: int) -> str:
    line_start = text.rfind("\n", 0, at) + 1
    indent = text[line_start:at]
    return indent[: len(indent) - len(indent.lstrip(" \t"))]


def _on_own_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip(" \t")


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _WHITESPACE:
        at += 1
    return at
