"""The documentation site: the matrix as static, offline, caniuse-like pages (Jinja2, autoescaped).

Pages: an index (every API by every platform, searchable and filterable), one page per API
(support ranges on both axes as timelines over the release catalogues, gaps visible, behaviour
changes, parameters, sources with their confidence), one page per platform (with the usage share
where there is one), and a compare page. Relative links only; no request leaves the page;
byte-identical on a second build.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from checker.atomic import replace_atomically
from checker.model import Api, Catalogue, Matrix, Statement, Status, Text
from checker.render.templating import html_environment
from checker.resources import reports_root
from checker.support import resolve
from checker.usage import share_at_or_above
from checker.versions import TaroVersion, Version

__all__ = ["build_site"]

SYMBOL = {"supported": "✓", "partial": "◐", "stub": "⊘", "unsupported": "✗", "unknown": "?"}
_WIDTH = 720
_CHART_FLOOR = 80.0  # the usage chart shows 80% to 100%


@cache
def _labels() -> dict[str, dict[str, str]]:
    return json.loads((reports_root() / "site" / "i18n.json").read_text(encoding="utf-8"))


def _text(text: Text | None, lang: str) -> str:
    return text.get(lang) if text else ""


class _Axis:
    """A catalogue laid out along a line: the releases (no pre-releases), oldest first."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.versions = [v for v in catalogue.versions if not (isinstance(v, TaroVersion) and v.is_prerelease)]
        self.keys = [v.key for v in self.versions]

    def span(self, statement: Statement) -> list[tuple[int, int]]:
        """Index runs [first, last] of the versions each interval of the statement holds."""
        runs = []
        for interval in statement.versions.intervals:
            lo = 0 if interval.lower is None else (bisect_left if interval.lower.inclusive else bisect_right)(self.keys, interval.lower.version.key)
            hi = len(self.keys) - 1 if interval.upper is None else (
                bisect_right(self.keys, interval.upper.version.key) if interval.upper.inclusive else bisect_left(self.keys, interval.upper.version.key)) - 1
            if lo <= hi:
                runs.append((lo, hi))
        return runs

    def ticks(self, count: int = 8) -> list[dict[str, Any]]:
        if not self.versions:
            return []
        step = max(1, len(self.versions) // count)
        slot = _WIDTH / len(self.versions)
        return [{"x": round(i * slot, 1), "label": self.versions[i].text} for i in range(0, len(self.versions), step)]

    def segments(self, statements: tuple[Statement, ...], lang: str, labels: Mapping[str, str]) -> list[dict[str, Any]]:
        slot = _WIDTH / max(1, len(self.versions))
        found = []
        for statement in statements:
            for lo, hi in self.span(statement):
                title = f"{statement.versions}: {labels[statement.status.value]} ({statement.confidence.value})"
                found.append({"x": round(lo * slot, 1), "width": round(max(slot, (hi - lo + 1) * slot), 1),
                              "status": statement.status.value, "title": title})
        return found


def _now(matrix: Matrix, api: Api, platform: str, latest_taro: Version) -> str:
    catalogue = matrix.runtime_catalogue(platform)
    runtime = catalogue.latest() if catalogue else None
    resolution = resolve(api, platform, taro=latest_taro, runtime=runtime, has_runtime_axis=catalogue is not None)
    return (resolution.verdict or Status.UNKNOWN).value


def _lowest(api: Api, platform: str, gap_label: str) -> str:
    """The lowest runtime version that works, marked when versions above it do not (a gap)."""
    support = api.support.get(platform)
    if support is None:
        return ""
    lows = [s.versions.lowest() for s in support.runtime if s.status in (Status.SUPPORTED, Status.PARTIAL)]
    found = [v for v in lows if v is not None]
    if not found:
        return ""
    lowest = min(found)  # type: ignore[type-var]
    gap = any(s.status is Status.UNSUPPORTED and any(i.lower is not None and i.lower.version >= lowest for i in s.versions.intervals)
              for s in support.runtime)
    return f"{lowest.text}+ ({gap_label})" if gap else f"{lowest.text}+"


def _context(matrix: Matrix, lang: str) -> dict[str, Any]:
    labels = _labels()[lang]
    platforms = sorted(matrix.platforms)
    taro_axis = _Axis(matrix.taro_catalogue())
    latest_taro = taro_axis.versions[-1]
    runtime_axes = {p: _Axis(c) for p in platforms if (c := matrix.runtime_catalogue(p)) is not None}
    rows, compare = [], {}
    for api in matrix.apis():
        cells = []
        for platform in platforms:
            status = _now(matrix, api, platform, latest_taro) if platform in api.support else "unknown"
            cells.append({"platform": platform, "status": status, "symbol": SYMBOL[status], "from": _lowest(api, platform, labels["gap"])})
        rows.append({"api": api, "cells": cells})
        compare[api.id] = {
            "status": {c["platform"]: c["status"] for c in cells},
            "taro": {p: [[lo, hi, s.status.value] for s in support.taro for lo, hi in taro_axis.span(s)]
                     for p, support in sorted(api.support.items())},
        }
    return {
        "lang": lang, "t": labels, "symbol": SYMBOL, "matrix": matrix, "platforms": platforms, "rows": rows,
        "categories": sorted({api.category for api in matrix.apis()}),
        "taro_axis": taro_axis, "runtime_axes": runtime_axes, "width": _WIDTH,
        "compare_data": {"apis": [r["api"].id for r in rows], "platforms": platforms,
                         "taro_versions": [v.text for v in taro_axis.versions], "entries": compare},
    }


def _api_context(base: dict[str, Any], api: Api) -> dict[str, Any]:
    lang, labels = base["lang"], base["t"]
    sections = []
    for platform in base["platforms"]:
        support = api.support.get(platform)
        axes = []
        if support is not None:
            if support.taro:
                axes.append({"name": labels["taro_axis"], "statements": support.taro, "ticks": base["taro_axis"].ticks(),
                             "segments": base["taro_axis"].segments(support.taro, lang, labels)})
            runtime_axis = base["runtime_axes"].get(platform)
            if support.runtime and runtime_axis is not None:
                name = _text(base["matrix"].platforms[platform].runtime_name, lang) or labels["runtime_axis"]
                axes.append({"name": name, "statements": support.runtime, "ticks": runtime_axis.ticks(),
                             "segments": runtime_axis.segments(support.runtime, lang, labels)})
        sections.append({"platform": base["matrix"].platforms[platform], "support": support, "axes": axes})
    return {**base, "api": api, "sections": sections}


def _platform_context(base: dict[str, Any], platform: str) -> dict[str, Any]:
    matrix: Matrix = base["matrix"]
    entry = matrix.platforms[platform]
    usage = matrix.usage.get(entry.runtime or "")
    bars = []
    if usage is not None:
        versions = sorted({v for v, _ in usage.total})
        for index, version in enumerate(versions):
            share = share_at_or_above(usage, version)
            height = round(max(2.0, (share - _CHART_FLOOR) * 160 / (100 - _CHART_FLOOR)), 1)  # the interesting part is near 100%
            bars.append({"version": version.text, "share": share, "x": index * 22, "height": height, "y": round(160 - height, 1)})
    rows = [{"api": r["api"], "cell": next(c for c in r["cells"] if c["platform"] == platform)} for r in base["rows"]]
    return {**base, "platform": entry, "usage": usage, "bars": bars, "platform_rows": rows}


def build_site(matrix: Matrix, out_dir: Path, *, lang: str = "en") -> list[Path]:
    """Write the site into ``out_dir``; returns the files written (sorted)."""
    environment = html_environment()
    base = _context(matrix, lang)
    pages: dict[str, str] = {
        "index.html": environment.get_template("site/index.html.j2").render(**base, root=""),
        "compare.html": environment.get_template("site/compare.html.j2").render(**base, root=""),
    }
    api_template = environment.get_template("site/api.html.j2")
    for row in base["rows"]:
        pages[f"api/{row['api'].id}.html"] = api_template.render(**_api_context(base, row["api"]), root="../")
    platform_template = environment.get_template("site/platform.html.j2")
    for platform in base["platforms"]:
        pages[f"platform/{platform}.html"] = platform_template.render(**_platform_context(base, platform), root="../")
    written = []
    for relative, text in sorted(pages.items()):
        target = out_dir / relative
        replace_atomically(target, text, make_parents=True)
        written.append(target)
    return written
