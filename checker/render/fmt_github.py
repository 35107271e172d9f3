"""GitHub Actions workflow commands: the most important 10 ``::error`` and 10 ``::warning``
annotations (GitHub shows no more per step), after one ``::notice`` with the totals and the targets.

Everything that comes from the project or the matrix is escaped as the runner expects, so a
file name with ``%0A::set-output`` cannot start a command of its own. The whole report goes to
the step summary (the command appends the Markdown report to $GITHUB_STEP_SUMMARY).
"""

from __future__ import annotations

from checker.render.options import RenderOptions
from checker.render.targets_line import describe_targets
from checker.render.view import Entry, ReportView
from checker.report import Report

__all__ = ["ANNOTATIONS_PER_LEVEL", "render_github"]

ANNOTATIONS_PER_LEVEL = 10  # GitHub displays 10 errors and 10 warnings per step, and drops the rest


_OTHER_BREAKS = str.maketrans({"\u2028": " ", "\u2029": " ", "\x85": " ", "\v": " ", "\f": " "})


def _data(text: str) -> str:
    """The runner unescapes %25, %0D and %0A; the other line breaks a reader may split on become spaces."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").translate(_OTHER_BREAKS)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, entry: Entry) -> str:
    properties = [f"file={_property(entry.repo_path)}"]
    if entry.line:
        properties.append(f"line={entry.line}")
    if entry.column:
        properties.append(f"col={entry.column}")
    where = f" on {', '.join(entry.platforms)}" if entry.platforms else ""
    properties.append(f"title={_property(f'taro-compat {entry.code}{where}')}")
    return f"::{level} {','.join(properties)}::{_data(entry.message)}"


def render_github(report: Report, options: RenderOptions | None = None) -> str:
    view = ReportView(report, options)
    lines = [f"::error title=taro-compat did not run::{_data(problem)}" for problem in report.problems]
    levels = ("error",) if view.options.quiet else ("error", "warning")
    for severity in levels:
        lines += [_annotation(severity, entry) for entry in view.most_important(severity, ANNOTATIONS_PER_LEVEL)]
    counts = view.counts
    left = sum(max(0, counts[s] - ANNOTATIONS_PER_LEVEL) for s in levels) + sum(counts[s] for s in ("error", "warning") if s not in levels)
    tail = f"; {left:,} more, and {counts['info']:,} info, in the step summary and the other formats" if left or counts["info"] else ""
    targets = "; ".join(f"{r.profile.name or r.profile.root}: targets {describe_targets(r.targets)}" for r in report.results)
    notice = f"::notice title=taro-compat::{_data(view.totals_line() + tail + (f'. {targets}' if targets else ''))}"
    return "\n".join([notice, *lines]) + "\n"  # the totals and where the targets came from, first
