"""Each report format's size and rendering time on a real project (or the generated 14,000-finding
report), beside the JSON report of the same run (the baseline: the whole data, no layout).

    python3 benchmarks/report_sizes.py PATH [--targets 'weapp, tt, alipay, swan, qq, jd, h5, rn'] [--strict-unknown] [--runs 3]
    python3 benchmarks/report_sizes.py --synthetic 14000

Limits checked: Markdown under 65,536 characters (GitHub's comment limit), at most 10 ::error and
10 ::warning annotations, HTML under 3 MB.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

from _timing import median_ms  # noqa: E402

from checker.render import RENDERERS  # noqa: E402
from checker.render.options import RenderOptions  # noqa: E402
from checker.report import Report  # noqa: E402

EIGHT = "weapp, tt, alipay, swan, qq, jd, h5, rn"


def _report_of(path: Path, targets: str, strict_unknown: bool) -> Report:
    """The Report ``check`` builds, through the same steps (commands/check.py), without rendering."""
    from datetime import date

    from checker import __version__
    from checker.commands import discover_projects, excerpts, load, read_projects
    from checker.evaluate import Selection, evaluate

    matrix = load(None)
    scan_root, projects = discover_projects(path)
    read, problems = read_projects(scan_root, projects, matrix, targets, scan=True, err=io.StringIO())
    results = [evaluate(matrix, profile, scans, targets=resolved, today=date.today(), vendored=vendored,
                        selection=Selection((), profile.ignore, strict_unknown or profile.strict_unknown))
               for profile, resolved, scans, vendored in read]
    return Report(tuple(results), __version__, matrix.digest, len(matrix), True, excerpts(scan_root, results), problems=tuple(problems))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--targets", default=EIGHT)
    parser.add_argument("--synthetic", type=int, metavar="FINDINGS")
    parser.add_argument("--strict-unknown", action="store_true", help="every unknown call site listed, as check --strict-unknown")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.synthetic:
        from synthetic_report import build_report

        report = build_report(args.synthetic)
    elif args.path:
        report = _report_of(args.path.resolve(), args.targets, args.strict_unknown)
    else:
        parser.error("give a PATH or --synthetic N")
    options = RenderOptions(link_base="https://github.com/OWNER/REPO/blob/SHA", full_report_url="https://github.com/OWNER/REPO/actions/runs/1")
    findings = sum(len(r.findings) for r in report.results)
    print(f"{findings:,} findings in {len(report.results)} project(s)")
    print("| format | characters | bytes | render (median ms) | vs. JSON size |")
    print("|---|--:|--:|--:|--:|")
    outputs = {fmt: render(report, options) for fmt, render in RENDERERS.items()}
    baseline = len(outputs["json"].encode())
    for fmt, render in RENDERERS.items():
        text = outputs[fmt]
        ms = median_ms(lambda render=render: render(report, options), args.runs)  # type: ignore[misc]
        print(f"| {fmt} | {len(text):,} | {len(text.encode()):,} | {ms:,.0f} | {len(text.encode()) / baseline:.3f}x |")
    annotations = [line.split(" ", 1)[0].split("::")[1] for line in outputs["github"].splitlines()]
    counts = {kind: annotations.count(kind) for kind in ("error", "warning", "notice")}
    checks = {
        "markdown < 65,536 characters": len(outputs["markdown"]) < 65_536,
        "at most 10 ::error and 10 ::warning, one ::notice": counts["error"] <= 10 and counts["warning"] <= 10 and counts["notice"] == 1,
        "html < 3 MB": len(outputs["html"].encode()) < 3_000_000,
        "sarif parses": bool(json.loads(outputs["sarif"])["runs"]),
    }
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
