"""@tarojs/taro's TypeScript declarations: which platforms each ``Taro.x`` is documented for.

``@supported weapp, tt, h5`` tags on the members of ``interface TaroStatic`` (and, in 1.x-3.2,
``declare namespace Taro { function x }``). The values are dirty and tolerated: a trailing ``*/``,
free text after a platform (``alipay 基础库: 1.13.0``), ``暂未支持``, the typo ``aliapy``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.importers.declarations import interface_members
from checker.syntax import captures, parse

__all__ = ["TaroApi", "TaroPackage", "read_taro_package"]

# tag values of the format itself: "global" is a Taro framework API (every platform); the others are real
# Taro platforms that are not targets of the matrix. Platform spellings come from matrix/platforms/*.yaml.
_FORMAT_NAMES = {"global": "*", "harmony": None, "quickapp": None}
_NOT_SUPPORTED = ("暂未支持", "暂不支持", "不支持")
_TAG = re.compile(r"@(supported|since)\b([^@]*)", re.S)


@dataclass(frozen=True, slots=True)
class TaroApi:
    name: str
    platforms: tuple[str, ...]
    since: str | None
    file: str  # relative to the package
    line: int
    notes: tuple[str, ...] = ()  # free text found beside platform names


@dataclass(frozen=True, slots=True)
class TaroPackage:
    version: str
    apis: dict[str, TaroApi]
    problems: tuple[str, ...] = field(default=())  # what could not be read, file:line: reason


def _clean(text: str) -> str:
    return " ".join(line.strip().lstrip("*").strip() for line in text.replace("*/", "").splitlines()).strip()


def parse_tags(comment: str, spellings: Mapping[str, str]) -> tuple[list[str], str | None, list[str], list[str]]:
    """(platforms, since, notes, unreadable tokens) of one JSDoc comment; ``spellings``: tag value -> platform id."""
    known = {**_FORMAT_NAMES, **spellings}
    platforms: list[str] = []
    since = None
    notes: list[str] = []
    unreadable: list[str] = []
    for tag, value in _TAG.findall(comment):
        text = _clean(value)
        if tag == "since":
            since = since or text or None
            continue
        for token in (t.strip() for t in re.split(r"[,，]", text) if t.strip()):
            if any(mark in token for mark in _NOT_SUPPORTED):
                continue
            word = token.split()[0].rstrip(":：")
            if word not in known:
                unreadable.append(token)
                continue
            platform = known[word]
            if platform and platform not in platforms:
                platforms.append(platform)
            if len(token.split()) > 1:
                notes.append(token)
    return platforms, since, notes, unreadable


def read_taro_package(folder: Path, spellings: Mapping[str, str]) -> TaroPackage:
    """The documented platforms of every ``Taro.x`` in an unpacked ``@tarojs/taro`` folder."""
    package = folder / "package" if (folder / "package" / "package.json").is_file() else folder
    import json

    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    apis: dict[str, TaroApi] = {}
    problems: list[str] = []
    for path in sorted((package / "types").rglob("*.d.ts")):
        relative = path.relative_to(package).as_posix()
        source = path.read_bytes()
        members = list(interface_members(source, "TaroStatic")) + list(_namespace_functions(source))
        for member in members:
            if "@supported" not in member.comment and "@since" not in member.comment:
                continue
            platforms, since, notes, unreadable = parse_tags(member.comment, spellings)
            problems += [f"{relative}:{member.line}: {member.name}: cannot read @supported value {token!r}" for token in unreadable]
            if member.name in apis:
                known = apis[member.name]
                platforms = list(dict.fromkeys([*known.platforms, *platforms]))  # overloads: the union
            apis[member.name] = TaroApi(member.name, tuple(platforms), since, relative, member.line, tuple(notes))
    return TaroPackage(version, apis, tuple(problems))


_NAMESPACE_QUERY = "(ambient_declaration (internal_module name: (identifier) @ns body: (statement_block) @body))"


def _namespace_functions(source: bytes):  # type: ignore[no-untyped-def]
    """``declare namespace Taro { /** @supported ... */ function x(...) }`` (Taro 1.x to 3.2)."""
    from checker.importers.declarations import Member

    tree = parse(source, "typescript")
    found = captures(tree.root_node, "typescript", _NAMESPACE_QUERY)
    for body in found.get("body", ()):
        previous = None
        for child in body.named_children:
            function = child
            if function.type == "export_statement" and function.named_children:
                function = function.named_children[-1]
            if function.type in ("function_signature", "function_declaration"):
                name = function.child_by_field_name("name")
                if name is not None and name.text is not None:
                    comment = previous.text.decode("utf-8", "replace") if previous is not None and previous.type == "comment" and previous.text else ""
                    yield Member(name.text.decode(), comment, function.start_point[0] + 1)
            previous = child
