"""What each page of the site says about one API on one platform: computed once per build.

A ``Cell`` is one API on one platform: its status with the newest Taro and runtime, the releases of
each axis where it works (as runs), the same in words, and what replaces it where it is deprecated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.model import Api, Matrix, Platform, Status
from checker.render.site_axis import Axis, Run
from checker.render.site_words import exact, runs_phrase
from checker.support import combine, resolve, statement_for

__all__ = ["Cell", "Row", "SYMBOL", "STATUS_CODE", "build_rows", "compare_entry", "search_text"]

SYMBOL = {"supported": "✓", "partial": "◐", "stub": "⊘", "unsupported": "✗", "unknown": "?"}
STATUS_CODE = {"supported": "s", "partial": "p", "stub": "b", "unsupported": "u", "unknown": "k"}


@dataclass(frozen=True, slots=True)
class Cell:
    platform: Platform
    status: str  # with the newest Taro and the newest runtime
    taro_runs: tuple[Run, ...]
    runtime_runs: tuple[Run, ...]
    taro_verdicts: tuple[str, ...]  # the verdict within each Taro run, with the newest runtime
    gap_status: str  # the verdict at a Taro version no statement covers
    usable_from: int | None  # runtime release index from which every later one works
    taro_words: str
    taro_exact: str
    runtime_words: str
    runtime_exact: str
    deprecated: str  # the deprecation note, "" when not deprecated here
    alternatives: tuple[str, ...]
    stub: str = ""  # what the stub in the newest Taro does, in words
    native: str = ""  # in words: a framework API, or whether the native API is there now (no runtime axis)

    @property
    def symbol(self) -> str:
        return SYMBOL[self.status]


@dataclass(frozen=True, slots=True)
class Row:
    api: Api
    cells: tuple[Cell, ...]
    names: tuple[str, ...]  # how code calls it: Taro.x, wx.x, ... (empty for a component)
    replacements: tuple[str, ...]  # what to use instead where it is deprecated
    deprecated_note: str

    def cell(self, platform: str) -> Cell:
        return next(c for c in self.cells if c.platform.id == platform)


def _cell(api: Api, platform: Platform, taro_axis: Axis, runtime_axis: Axis | None, lang: str, t: Mapping[str, Any]) -> Cell:
    support = api.support.get(platform.id)
    if support is None:
        return Cell(platform, "unknown", (), (), (), "unknown", None, t["w_no_data"], "", t["w_no_data"] if runtime_axis else "", "", "", ())
    newest_runtime = runtime_axis.versions[-1] if runtime_axis else None

    def verdict(taro: Any) -> str:  # the checker's own answer, so the site never disagrees with `check`
        found = resolve(api, platform.id, taro=taro, runtime=newest_runtime, has_runtime_axis=runtime_axis is not None)
        return (found.verdict or Status.UNKNOWN).value

    taro_runs = tuple(taro_axis.runs(support.taro))
    latest_taro = statement_for(support.taro, taro_axis.versions[-1])
    runtime_runs: tuple[Run, ...] = ()
    usable_from = None
    if runtime_axis is not None:
        runtime_runs = tuple(runtime_axis.runs(support.runtime))
        usable_from = 0 if latest_taro is not None and latest_taro.framework else runtime_axis.usable_from(runtime_runs)
    # outside every Taro statement the Taro axis is unknown: the worse of that and the newest runtime
    gap = "unknown"
    if runtime_axis is not None:
        latest_runtime = statement_for(support.runtime, runtime_axis.versions[-1])
        gap = combine([Status.UNKNOWN, latest_runtime.status if latest_runtime else Status.UNKNOWN]).value
    stub = ""
    if latest_taro is not None and latest_taro.status is Status.STUB and latest_taro.stub is not None:
        outcomes = t["outcomes"]
        stub = t["stub_in"].format(d=outcomes[latest_taro.stub.development.value], p=outcomes[latest_taro.stub.production.value])
    native = ""
    if latest_taro is not None and latest_taro.framework:
        native = t["framework"]
    elif runtime_axis is None and support.native_api is not None:
        presence = support.native_api
        native = (t["native_present"] if presence.present else t["native_absent"]).format(
            n=f"{platform.native_global}.{api.id}" if platform.native_global else api.id)
    deprecated = support.deprecated.note.get(lang) if support.deprecated else ""
    return Cell(
        platform=platform,
        status=verdict(taro_axis.versions[-1]),
        taro_runs=taro_runs,
        runtime_runs=runtime_runs,
        taro_verdicts=tuple(verdict(taro_axis.versions[run.lo]) for run in taro_runs),
        gap_status=gap,
        usable_from=usable_from,
        taro_words=runs_phrase(taro_axis, taro_runs, t),
        taro_exact=exact(taro_runs) or exact(taro_runs, ("stub",)),
        runtime_words=runs_phrase(runtime_axis, runtime_runs, t) if runtime_axis else "",
        runtime_exact=exact(runtime_runs) if runtime_axis else "",
        deprecated=deprecated or (t["deprecated"] if support.deprecated else ""),
        alternatives=support.alternatives,
        stub=stub,
        native=native,
    )


def build_rows(matrix: Matrix, platforms: Sequence[Platform], taro_axis: Axis, runtime_axes: Mapping[str, Axis],
               lang: str, t: Mapping[str, Any]) -> list[Row]:
    rows = []
    for api in matrix.apis():
        cells = tuple(_cell(api, p, taro_axis, runtime_axes.get(p.id), lang, t) for p in platforms)
        names: tuple[str, ...] = ()
        if api.kind == "api":
            names = (f"Taro.{api.id}", *(f"{c.platform.native_global}.{api.id}" for c in cells
                                         if c.platform.native_global and c.status in ("supported", "partial", "stub")))
        dead = [c for c in cells if c.deprecated]
        replacements = tuple(dict.fromkeys([*api.replaced_by, *(a for c in dead for a in c.alternatives)]))
        note = "; ".join(f"{c.platform.short_name.get(lang) if c.platform.short_name else c.platform.name.get(lang)}: {c.deprecated}"
                         for c in dead)
        rows.append(Row(api, cells, names, replacements if dead or api.replaced_by else (), note))
    return rows


def search_text(row: Row, globals_: Sequence[str]) -> str:
    """Everything a search may match, lower-cased: the id, every way code names it, the summary and
    the behaviour changes in both languages."""
    api = row.api
    parts = [api.id]
    if api.kind == "api":
        parts += [f"taro.{api.id}", *(f"{g}.{api.id}" for g in globals_)]
    for text in (api.summary, *(c.summary for c in api.changes)):
        parts += [text.en or "", text.zh or ""]
    return " ".join(parts).lower()


def compare_entry(row: Row) -> dict[str, Any]:
    """For the compare page's script, per platform: each Taro run with the verdict there (the newest
    runtime), and the verdict where no Taro statement holds."""
    entry: dict[str, Any] = {}
    for cell in row.cells:
        if cell.platform.id not in row.api.support:
            continue
        entry[cell.platform.id] = [[[r.lo, r.hi, STATUS_CODE[v]] for r, v in zip(cell.taro_runs, cell.taro_verdicts)],
                                   STATUS_CODE[cell.gap_status]]
    return entry

