"""Sorting findings whose arguments differ only by a missing value (seen on a real project's unknowns)."""

from __future__ import annotations

from checker.findings import Args, Finding, Severity, sort_key


def test_findings_sort_when_an_argument_is_missing_in_one_of_them() -> None:
    with_axis = Finding("TC108", Severity.WARNING, None, args=Args.of(axis="runtime"))
    without = Finding("TC108", Severity.WARNING, None, args=Args.of(axis=None))
    assert sorted([with_axis, without], key=sort_key) == [without, with_axis]
