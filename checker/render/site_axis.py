"""A release catalogue laid along a line: where statements hold (runs of releases) and a timeline to draw.

Positions are release indices (pre-releases left out), so a run of ten patch releases is as wide as
ten releases, whatever their dates. The timeline is HTML in percentages: its labels keep their font
size on a phone instead of shrinking with an SVG.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.model import Catalogue, Statement, Status
from checker.versions import TaroVersion, VersionRange

__all__ = ["Axis", "Run", "USABLE"]

USABLE = (Status.SUPPORTED.value, Status.PARTIAL.value)
_TICK_GAP = 6.5  # percent of the line between two labelled ticks on a wide screen
_MAJOR_GAP = 24.0  # ... and between the ticks still labelled on a phone
_CHAR, _CHAR_PHONE = 1.0, 2.0  # one label character, in percent of a line about 720 px (desktop) and 360 px (phone) wide


@dataclass(frozen=True, slots=True)
class Run:
    """Releases ``lo`` to ``hi`` (indices, inclusive) where one statement holds."""

    lo: int
    hi: int
    status: str
    statement: Statement


class Axis:
    """The releases of one catalogue, oldest first."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.versions = [v for v in catalogue.versions if not (isinstance(v, TaroVersion) and v.is_prerelease)]
        self.texts = [v.text for v in self.versions]
        self.keys = [v.key for v in self.versions]
        self.lines = [".".join(text.split(".")[:2]) for text in self.texts]
        self.last = len(self.versions) - 1
        self._line_starts = [i for i in range(len(self.versions)) if i == 0 or self.lines[i] != self.lines[i - 1]]
        self._ticks_from: dict[int, list[dict[str, Any]]] = {}  # the same start gives the same ticks

    def span(self, statement: Statement) -> list[tuple[int, int]]:
        """Index runs [first, last] of the releases each interval of the statement holds."""
        return self.span_range(statement.versions)

    def span_range(self, versions: VersionRange[Any]) -> list[tuple[int, int]]:
        runs = []
        for interval in versions.intervals:
            lower, upper = interval.lower, interval.upper
            lo = 0 if lower is None else (bisect_left if lower.inclusive else bisect_right)(self.keys, lower.version.key)
            hi = self.last if upper is None else (
                bisect_right(self.keys, upper.version.key) if upper.inclusive else bisect_left(self.keys, upper.version.key)) - 1
            if lo <= hi:
                runs.append((lo, hi))
        return runs

    def runs(self, statements: Iterable[Statement]) -> list[Run]:
        found = [Run(lo, hi, s.status.value, s) for s in statements for lo, hi in self.span(s)]
        return sorted(found, key=lambda run: run.lo)

    def usable_from(self, runs: Sequence[Run]) -> int | None:
        """The first release from which every later release works (None: the newest does not)."""
        start = None
        for run in sorted(runs, key=lambda r: r.lo, reverse=True):
            if run.status not in USABLE or run.hi != (self.last if start is None else start - 1):
                break
            start = run.lo
        return start

    def start(self, statements: Iterable[Statement]) -> int:
        """Where a timeline of these statements begins: the release line of the oldest version any of
        them names; a range open below (``<2.0.0``) names the line of its newest release (1.3), so the
        timeline does not start at the catalogue's 0.0.1."""
        found = []
        for statement in statements:
            for interval in statement.versions.intervals:
                if interval.lower is not None:
                    found.append(bisect_left(self.keys, interval.lower.version.key))
                elif interval.upper is not None:
                    upper = interval.upper
                    found.append((bisect_right if upper.inclusive else bisect_left)(self.keys, upper.version.key) - 1)
        if not found:
            return 0
        index = max(0, min(min(found), self.last))
        while index > 0 and not self.is_line_start(index):
            index -= 1
        return index

    def is_line_start(self, index: int) -> bool:
        return index == 0 or self.lines[index] != self.lines[index - 1]

    def is_line_end(self, index: int) -> bool:
        return index == self.last or self.lines[index] != self.lines[index + 1]

    def timeline(self, runs: Sequence[Run], start: int, titles: Mapping[int, str]) -> dict[str, Any]:
        """Segments and ticks from release ``start`` (the first with data) to the newest."""
        count = max(1, self.last - start + 1)
        segments = []
        for index, run in enumerate(runs):
            lo, hi = max(run.lo, start), run.hi
            if lo > hi:
                continue
            segments.append({"left": _pct((lo - start) / count), "width": _pct((hi - lo + 1) / count),
                             "status": run.status, "title": titles.get(index, "")})
        if start not in self._ticks_from:
            self._ticks_from[start] = self._ticks(start, count)
        return {"segments": segments, "ticks": self._ticks_from[start], "first": self.texts[start], "last": self.texts[-1]}

    def _ticks(self, start: int, count: int) -> list[dict[str, Any]]:
        """The first release, the newest, and release lines between them: first each major version's
        first line (2.0, 3.0), then the others from the newest back, each kept only where its label has
        room next to its neighbours; a phone shows the subset with room at its width (``major``)."""
        lefts = {i: (i - start) / count * 100 for i in [start] + [i for i in self._line_starts if i > start]}
        labels = {i: self.lines[i] if self.is_line_start(i) else self.texts[i] for i in lefts}
        newest = self.texts[-1]

        def pick(gap: float, char: float) -> set[int]:
            """``char``: the width of one label character, in percent of the line."""
            chosen = {start}
            order = sorted((i for i in lefts if i != start), key=lambda i: (not self.lines[i].endswith(".0"), -i))
            for index in order:
                left, width = lefts[index], len(labels[index]) * char
                room_at_end = 100 - left >= width / 2 + len(newest) * char + 1  # the newest is right-aligned at 100
                if room_at_end and all(abs(left - lefts[c]) >= max(gap, (width + len(labels[c]) * char) / 2 + 1) for c in chosen):
                    chosen.add(index)
            return chosen

        shown, majors = pick(_TICK_GAP, _CHAR), pick(_MAJOR_GAP, _CHAR_PHONE)
        ticks = [{"left": round(lefts[i], 3), "label": labels[i], "version": self.texts[i], "major": i in majors,
                  "align": "start" if lefts[i] < 4 else "middle"} for i in sorted(shown | majors)]
        ticks.append({"left": 100.0, "label": newest, "version": newest, "major": True, "align": "end"})
        return ticks


def _pct(share: float) -> float:
    return round(share * 100, 3)
