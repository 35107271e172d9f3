"""Version ranges and category paths written for people, in English or Chinese.

``2.10.4 || >=2.16.0`` reads "2.10.4, then 2.16.0 and later; 2.10.5–2.15 lack it": the releases a
range holds (from the catalogue, never the range's own semver bounds), then what the gaps between
them are. The exact range stays in a title for those who want it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.render.site_axis import USABLE, Axis, Run

__all__ = ["category_label", "exact", "runs_phrase", "stretches_phrase"]

_MISSING = ("unsupported", "stub")


def exact(runs: Sequence[Run], statuses: Sequence[str] = USABLE) -> str:
    """The statements' own ranges, for a title: ``2.10.4 || >=2.16.0``."""
    seen: list[str] = []
    for run in runs:
        text = str(run.statement.versions)
        if run.status in statuses and text not in seen:
            seen.append(text)
    return " || ".join(seen)


def _merged(runs: Sequence[Run], statuses: Sequence[str]) -> list[tuple[int, int, bool]]:
    """Adjacent runs of the wanted statuses joined: (lo, hi, all of them supported)."""
    merged: list[tuple[int, int, bool]] = []
    for run in runs:
        if run.status not in statuses:
            continue
        full = run.status == "supported"
        if merged and merged[-1][1] + 1 >= run.lo:
            lo, hi, was_full = merged[-1]
            merged[-1] = (lo, max(hi, run.hi), was_full and full)
        else:
            merged.append((run.lo, run.hi, full))
    return merged


def _stretch(axis: Axis, lo: int, hi: int, t: Mapping[str, str]) -> str:
    v = axis.texts
    if hi == axis.last:
        return t["w_every"] if lo == 0 else t["w_and_later"].format(v=v[lo])
    if lo == hi:
        return v[lo]
    if lo == 0:
        return t["w_up_to"].format(v=v[hi])
    return t["w_to"].format(a=v[lo], b=v[hi])


def _gap(axis: Axis, lo: int, hi: int) -> str:
    """A gap as briefly as the catalogue allows: whole release lines as ``2.11–2.15``."""
    if lo == hi:
        return axis.texts[lo]
    if axis.is_line_start(lo) and axis.is_line_end(hi):  # whole release lines
        first, last = axis.lines[lo], axis.lines[hi]
        return first if first == last else f"{first}–{last}"
    return f"{axis.texts[lo]}–{axis.texts[hi]}"


def stretches_phrase(axis: Axis, spans: Sequence[tuple[int, int]], t: Mapping[str, str]) -> str:
    """The releases some index spans hold, in words, without saying what lies between them."""
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and merged[-1][1] + 1 >= lo:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return t["w_then"].join(_stretch(axis, lo, hi, t) for lo, hi in merged) if merged else t["w_no_data"]


def runs_phrase(axis: Axis, runs: Sequence[Run], t: Mapping[str, str]) -> str:
    """Where the API works along the axis, and what the gaps between those stretches are."""
    usable = _merged(runs, USABLE)
    if not usable:
        stubs = _merged(runs, ("stub",))
        if stubs:
            return t["w_stub"].format(r=t["w_then"].join(_stretch(axis, lo, hi, t) for lo, hi, _ in stubs))
        return t["w_never"] if any(run.status == "unsupported" for run in runs) else t["w_no_data"]
    parts = [_stretch(axis, lo, hi, t) + ("" if full else t["w_partial"]) for lo, hi, full in usable]
    text = t["w_then"].join(parts)
    lacking, unknown = [], []
    for (_, before, _), (after, _, _) in zip(usable, usable[1:]):
        lo, hi = before + 1, after - 1
        if lo > hi:
            continue
        missing = any(run.status in _MISSING and run.lo <= hi and run.hi >= lo for run in runs)
        (lacking if missing else unknown).append(_gap(axis, lo, hi))
    gaps = [t[key].format(g=t["w_list_sep"].join(found)) for key, found in (("w_lack", lacking), ("w_gap_no_data", unknown)) if found]
    return text + (t["w_gap_sep"] + t["w_gap_sep"].join(gaps) if gaps else "")


def category_label(category: str, names: Mapping[str, str]) -> str:
    """``open-api/user-info`` -> "Open API › User info" (named parts from i18n, the others spelled out)."""
    parts = []
    for part in category.split("/"):
        parts.append(names.get(part) or part.replace("-", " ").capitalize())
    return " › ".join(parts)
