"""The documentation site: the matrix as static, offline, caniuse-like pages (Jinja2, autoescaped).

Pages: an index (every API by every platform: search by any name, sort, filter to the targets a team
ships, state in the URL), one page per API (a summary grid first, then timelines and statements per
platform), one page per platform (the usage chart first), a compare page, and where Taro's docs and
its code disagree. Platforms in audience order (``order`` in matrix/platforms). Relative links only;
no request leaves the page; byte-identical on a second build.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from checker.atomic import replace_atomically
from checker.model import Api, Matrix, Statement
from checker.render.site_axis import Axis, Run
from checker.render.site_disagreements import DocsCodeReport, disagreement_rows
from checker.render.site_rows import SYMBOL, STATUS_CODE, Row, build_rows, compare_entry, search_text
from checker.render.site_words import category_label, stretches_phrase
from checker.render.templating import html_environment
from checker.resources import reports_root
from checker.usage import share_at_or_above

__all__ = ["build_site", "labels"]

_STATUSES = ("supported", "partial", "stub", "unsupported", "unknown")
_CHART_FLOOR = 80.0  # the usage chart shows 80% to 100%: the interesting part is near 100%


@cache
def labels() -> dict[str, dict[str, Any]]:
    return json.loads((reports_root() / "site" / "i18n.json").read_text(encoding="utf-8"))


def _name(platform: Any, lang: str) -> str:
    return (platform.short_name or platform.name).get(lang)


def _categories(matrix_categories: set[str], names: Mapping[str, str]) -> list[tuple[str, str]]:
    """Every category and every top-level group of them, as (value, readable label), by label."""
    values = set(matrix_categories) | {c.split("/")[0] for c in matrix_categories if "/" in c}
    return sorted(((v, category_label(v, names)) for v in values), key=lambda pair: (pair[1].lower(), pair[0]))


def _context(matrix: Matrix, lang: str, docs_vs_code: DocsCodeReport | None) -> dict[str, Any]:
    t = labels()[lang]
    platforms = sorted(matrix.platforms.values(), key=lambda p: p.audience_key)
    taro_axis = Axis(matrix.taro_catalogue())
    runtime_axes = {p.id: Axis(c) for p in platforms if (c := matrix.runtime_catalogue(p.id)) is not None}
    rows = build_rows(matrix, platforms, taro_axis, runtime_axes, lang, t)
    globals_ = sorted({p.native_global for p in platforms if p.native_global})
    category_names = t["categories"]
    latest = taro_axis.versions[-1]
    previous_major = next((i for i in range(taro_axis.last, -1, -1) if taro_axis.versions[i].key[0] < latest.key[0]), 0)
    return {
        "lang": lang, "t": t, "symbol": SYMBOL, "statuses": _STATUSES, "matrix": matrix, "platforms": platforms,
        "platform_ids": [p.id for p in platforms], "rows": rows, "name": lambda p: _name(p, lang),
        "category_label": lambda c: category_label(c, category_names),
        "categories": _categories({r.api.category for r in rows}, category_names),
        "search": {r.api.id: search_text(r, globals_) for r in rows},
        "taro_axis": taro_axis, "runtime_axes": runtime_axes, "code": STATUS_CODE,
        "compare_data": {"apis": [r.api.id for r in rows], "taro": taro_axis.texts, "codes": {v: k for k, v in STATUS_CODE.items()},
                         "entries": {r.api.id: compare_entry(r) for r in rows}},
        "index_data": {"platforms": [p.id for p in platforms], "minimums": {p: a.texts for p, a in runtime_axes.items()},
                       "shown": t["shown"]},
        "compare_names": {p.id: _name(p, lang) for p in platforms},
        "compare_defaults": {"a": taro_axis.last, "previous": previous_major},
        "disagreements": disagreement_rows(docs_vs_code, matrix, taro_axis, t, lang), "docs_vs_code": docs_vs_code,
        "confidence": lambda c: t["confidences"].get(c.value, c.value),
        "known": lambda ref: ref in matrix,  # a reference to an API with a page of its own
    }


def _statement_rows(runs: Sequence[Run], statements: Sequence[Statement], axis: Axis, t: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The statements of one axis, each with the releases it holds in words and its exact range."""
    return [{"statement": s, "words": stretches_phrase(axis, [(r.lo, r.hi) for r in runs if r.statement is s], t),
             "exact": str(s.versions)} for s in statements]


def _timeline(axis: Axis, runs: Sequence[Run], start: int, name: str, t: Mapping[str, Any]) -> dict[str, Any]:
    titles = {}
    for index, run in enumerate(runs):
        confidence = t["confidences"].get(run.statement.confidence.value, run.statement.confidence.value)
        titles[index] = f"{run.statement.versions}: {t[run.status]} ({confidence})"
    line = axis.timeline(runs, start, titles)
    line["title"] = t["axis_title"].format(name=name)
    line["start_note"] = t["timeline_start"].format(v=axis.texts[start]) if start > 0 else ""
    return line


def _api_context(base: dict[str, Any], row: Row) -> dict[str, Any]:
    lang, t = base["lang"], base["t"]
    api: Api = row.api
    taro_axis: Axis = base["taro_axis"]
    taro_start = taro_axis.start(s for support in api.support.values() for s in support.taro)  # one start: comparable lines
    sections = []
    for cell in row.cells:
        platform = cell.platform
        support = api.support.get(platform.id)
        axes = []
        if support is not None:
            if support.taro:
                axes.append({"name": "Taro", "exact": cell.taro_exact, "words": cell.taro_words,
                             "line": _timeline(taro_axis, cell.taro_runs, taro_start, "Taro", t),
                             "statements": _statement_rows(cell.taro_runs, support.taro, taro_axis, t)})
            runtime_axis = base["runtime_axes"].get(platform.id)
            if support.runtime and runtime_axis is not None:
                name = platform.runtime_name.get(lang) if platform.runtime_name else t["runtime_axis"]
                start = runtime_axis.start(support.runtime)
                axes.append({"name": name, "exact": cell.runtime_exact, "words": cell.runtime_words,
                             "line": _timeline(runtime_axis, cell.runtime_runs, start, name, t),
                             "statements": _statement_rows(cell.runtime_runs, support.runtime, runtime_axis, t)})
        runtime_name = platform.runtime_name.get(lang) if platform.runtime_name else ""
        sections.append({"platform": platform, "cell": cell, "support": support, "axes": axes, "runtime_name": runtime_name})

    def range_words(versions: Any, platform: str | None = None) -> str:
        """A range of a change, parameter or field in words: on the platform's runtime axis, else Taro's."""
        if versions is None:
            return t["w_every"]
        axis = base["runtime_axes"].get(platform) if platform else None
        return stretches_phrase(axis or taro_axis, (axis or taro_axis).span_range(versions), t)

    change_runtime = {c.id: next((p for p in c.platforms if p in base["runtime_axes"]), None) for c in api.changes}
    return {**base, "api": api, "row": row, "sections": sections, "names": row.names, "range_words": range_words,
            "change_runtime": change_runtime}


def _platform_context(base: dict[str, Any], platform_id: str) -> dict[str, Any]:
    matrix: Matrix = base["matrix"]
    entry = matrix.platforms[platform_id]
    usage = matrix.usage.get(entry.runtime or "")
    bars = []
    if usage is not None:
        for version in sorted({v for v, _ in usage.total}, reverse=True):
            share = share_at_or_above(usage, version)
            width = max(0.5, (share - _CHART_FLOOR) * 100 / (100 - _CHART_FLOOR)) if share >= _CHART_FLOOR else 3.0
            bars.append({"version": version.text, "share": share, "width": round(min(width, 100.0), 3), "below": share < _CHART_FLOOR})
    grid = [{"left": (v - _CHART_FLOOR) * 100 / (100 - _CHART_FLOOR), "label": f"{v:g}%"} for v in (80.0, 85.0, 90.0, 95.0, 100.0)]
    rows = [{"row": r, "cell": r.cell(platform_id)} for r in base["rows"]]
    counts = {s: sum(1 for r in rows if r["cell"].status == s) for s in _STATUSES}
    return {**base, "platform": entry, "usage": usage, "bars": bars, "grid": grid, "platform_rows": rows, "counts": counts}


def build_site(matrix: Matrix, out_dir: Path, *, lang: str = "en", docs_vs_code: DocsCodeReport | None = None) -> list[Path]:
    """Write the site into ``out_dir``; returns the files written (sorted). ``docs_vs_code``: the
    importer's report of where Taro's docs and code disagree, when the knowledge base has one."""
    environment = html_environment()
    base = _context(matrix, lang, docs_vs_code)
    pages: dict[str, str] = {
        name: environment.get_template(f"site/{name}.j2").render(**base, root="")
        for name in ("index.html", "compare.html", "docs-vs-code.html")
    }
    api_template = environment.get_template("site/api.html.j2")
    for row in base["rows"]:
        pages[f"api/{row.api.id}.html"] = api_template.render(**_api_context(base, row), root="../")
    platform_template = environment.get_template("site/platform.html.j2")
    for platform in base["platform_ids"]:
        pages[f"platform/{platform}.html"] = platform_template.render(**_platform_context(base, platform), root="../")
    written = []
    for relative, text in sorted(pages.items()):
        target = out_dir / relative
        replace_atomically(target, text, make_parents=True)
        written.append(target)
    return written

