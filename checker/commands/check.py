"""`check`: the CI gate over every project below a path."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.commands import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    discover_projects,
    excerpts,
    load,
    read_projects,
)
from checker.errors import UsageError
from checker.version import __version__

__all__ = ["check"]


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(code.strip() for value in values or () for code in value.split(",") if code.strip())


def check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.baseline import apply_baseline, read_baseline, write_baseline
    from checker.commands.report_options import render_options
    from checker.evaluate import Selection, evaluate
    from checker.findings import at_or_above
    from checker.output import write_atomic
    from checker.render import RENDERERS
    from checker.render.fmt_markdown import render_markdown
    from checker.render.statistics import render_statistics
    from checker.report import Report
    from checker.rules import unknown_patterns

    select, ignore = _codes(args.select), _codes(args.ignore)
    unknown = unknown_patterns(select + ignore)
    if unknown:
        raise UsageError(f"taro-compat: no rule is named {', '.join(unknown)} (see taro-compat rules)")
    matrix = load(args.matrix)
    today = date.today()
    try:
        scan_root, projects = discover_projects(args.path)
    except UsageError as error:  # nothing to check: still a report, in the format asked, that says so
        print(error, file=err)
        scan_root, problems, read = args.path.resolve(), [str(error).removeprefix("taro-compat: ")], []
    else:
        read, problems = read_projects(scan_root, projects, matrix, args.targets, scan=not args.no_scan, err=err)
    results = []
    for profile, resolved, scans, vendored in read:
        selection = Selection(select, ignore + profile.ignore, args.strict_unknown or profile.strict_unknown)
        results.append(evaluate(matrix, profile, scans, targets=resolved, today=today, selection=selection, vendored=vendored))
    lines = excerpts(scan_root, results)
    report = Report(tuple(results), __version__, matrix.digest, len(matrix), not args.no_scan, lines,
                    problems=tuple(problems), lang=args.lang)
    if args.baseline:
        report = apply_baseline(report, read_baseline(args.baseline))
    if args.write_baseline:
        write_baseline(args.write_baseline, report)
    options = render_options(scan_root, fmt=args.format, to_terminal=args.output is None and out.isatty(),
                             quiet=args.quiet, full=args.full, link_base=args.link_base, lang=args.lang)
    text = render_statistics(report) if args.statistics else RENDERERS[args.format](report, options)
    if args.output:
        write_atomic(args.output, text)
    else:
        out.write(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary:
        try:
            with Path(summary).open("a", encoding="utf-8") as handle:
                handle.write(render_markdown(report, options) + "\n")
        except OSError as error:
            print(f"taro-compat: GITHUB_STEP_SUMMARY: cannot append to {summary}: {error.strerror}", file=err)
    if problems:
        return EXIT_USAGE
    failing = any(
        at_or_above(finding, args.fail_on or result.profile.fail_on or "error") for result in report.results for finding in result.findings
    )
    return EXIT_FINDINGS if failing else EXIT_OK
