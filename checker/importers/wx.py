"""miniprogram-api-typings: the minimum WeChat base library of each ``wx.x``.

Two annotation formats: ``需要基础库： `2.10.4``` (3.4.2 and later) and ``最低基础库： `X``` (up to
3.4.1); plugin availability ``在插件中使用：需要基础库 `X``` / ``不支持``; ``@deprecated 基础库版本 X 起已废弃``
(with ``请使用 [wx.Y](...) 替换`` naming the replacement). A method without a minimum predates the
annotations (base library 1.x). The first paragraph of prose after the annotations is WeChat's own
Chinese description of the method (the first sentence of its doc page), imported as its Chinese summary.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.importers.declarations import interface_members

__all__ = ["WxApi", "WxPackage", "description", "read_wx_package"]

_MINIMUM = re.compile(r"(?:需要基础库|最低基础库)\s*[:：]\s*`([^`]+)`")
_PLUGIN = re.compile(r"在插件中使用\s*[:：]\s*(不支持|支持|需要基础库\s*`([^`]+)`)")
_DEPRECATED = re.compile(r"@deprecated[^\n]*?(\d+\.\d+\.\d+)")
_DOC = re.compile(r"\]\((https://developers\.weixin\.qq\.com/miniprogram/dev/api/[^)\s]+)\)")
_VERSION = re.compile(r"\d+\.\d+\.\d+")
_DEPRECATION_LINE = re.compile(r"@deprecated[^\n]*")
_REPLACEMENT = re.compile(r"\[wx\.([A-Za-z0-9_]+)\]")  # after 请使用 in a deprecation line
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# paragraphs that are annotations, not the description (the heading is a paragraph that is one link)
_NOT_PROSE = ("需要基础库", "最低基础库", "在插件中使用", "@", "**", "```", "|", "小程序插件", "微信 Windows", "微信 Mac")
_DESCRIPTION_LIMIT = 400  # characters: the description, not the whole page


@dataclass(frozen=True, slots=True)
class WxApi:
    name: str
    minimum: str | None  # None: no annotation (a 1.x API)
    plugin: str | None  # "unsupported", "supported", or the base library from which plugins have it
    deprecated_from: str | None
    doc: str | None  # the official page the typings link
    file: str
    line: int
    description: str | None = None  # WeChat's Chinese description, plain text
    replacements: tuple[str, ...] = ()  # the wx methods the deprecation note says to use instead


@dataclass(frozen=True, slots=True)
class WxPackage:
    version: str
    apis: dict[str, WxApi]
    problems: tuple[str, ...] = field(default=())


def read_wx_package(folder: Path) -> WxPackage:
    package = folder / "package" if (folder / "package" / "package.json").is_file() else folder
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    path = package / "types" / "wx" / "lib.wx.api.d.ts"
    relative = path.relative_to(package).as_posix()
    apis: dict[str, WxApi] = {}
    problems: list[str] = []
    for member in interface_members(path.read_bytes(), "Wx"):
        comment = member.comment
        minimum = _MINIMUM.search(comment)
        value = minimum.group(1).strip() if minimum else None
        if value is not None and not _VERSION.fullmatch(value):
            problems.append(f"{relative}:{member.line}: {member.name}: cannot read the minimum {value!r}")
            value = None
        plugin_match = _PLUGIN.search(comment)
        plugin = None
        if plugin_match:
            plugin = {"不支持": "unsupported", "支持": "supported"}.get(plugin_match.group(1), plugin_match.group(2))
        deprecated = _DEPRECATED.search(comment)
        doc = _DOC.search(comment)
        if member.name in apis:  # an overload: keep the first declaration's facts
            continue
        line = _DEPRECATION_LINE.search(comment)
        replacements = tuple(dict.fromkeys(_REPLACEMENT.findall(line.group(0).partition("请使用")[2]))) if line else ()
        apis[member.name] = WxApi(member.name, value, plugin, deprecated.group(1) if deprecated else None,
                                  doc.group(1) if doc else None, relative, member.line, description(comment),
                                  replacements)
    return WxPackage(version, apis, tuple(problems))


def description(comment: str) -> str | None:
    """The first paragraph of prose in a JSDoc comment, Markdown links and code marks removed."""
    body = comment.removeprefix("/**").removesuffix("*/")
    lines = [re.sub(r"^\s*\*? ?", "", line).rstrip() for line in body.splitlines()]
    paragraphs, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    for paragraph in paragraphs:
        if paragraph.startswith(_NOT_PROSE) or _LINK.fullmatch(paragraph):
            continue
        text = " ".join(_LINK.sub(r"\1", paragraph).replace("`", "").replace("**", "").split())
        if len(text) > _DESCRIPTION_LIMIT:
            cut = text.rfind("。", 0, _DESCRIPTION_LIMIT)
            text = text[: cut + 1] if cut > 0 else text[:_DESCRIPTION_LIMIT] + "…"
        return text or None
    return None
