"""miniprogram-api-typings: the minimum WeChat base library of each ``wx.x``.

Two annotation formats: ``需要基础库： `2.10.4``` (3.4.2 and later) and ``最低基础库： `X``` (up to
3.4.1); plugin availability ``在插件中使用：需要基础库 `X``` / ``不支持``; ``@deprecated 基础库版本 X 起已废弃``.
A method without a minimum predates the annotations (base library 1.x).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.importers.declarations import interface_members

__all__ = ["WxApi", "WxPackage", "read_wx_package"]

_MINIMUM = re.compile(r"(?:需要基础库|最低基础库)\s*[:：]\s*`([^`]+)`")
_PLUGIN = re.compile(r"在插件中使用\s*[:：]\s*(不支持|支持|需要基础库\s*`([^`]+)`)")
_DEPRECATED = re.compile(r"@deprecated[^\n]*?(\d+\.\d+\.\d+)")
_DOC = re.compile(r"\]\((https://developers\.weixin\.qq\.com/miniprogram/dev/api/[^)\s]+)\)")
_VERSION = re.compile(r"\d+\.\d+\.\d+")


@dataclass(frozen=True, slots=True)
class WxApi:
    name: str
    minimum: str | None  # None: no annotation (a 1.x API)
    plugin: str | None  # "unsupported", "supported", or the base library from which plugins have it
    deprecated_from: str | None
    doc: str | None  # the official page the typings link
    file: str
    line: int


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
        apis[member.name] = WxApi(member.name, value, plugin, deprecated.group(1) if deprecated else None,
                                  doc.group(1) if doc else None, relative, member.line)
    return WxPackage(version, apis, tuple(problems))
