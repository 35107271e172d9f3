"""``check --statistics``: how many findings per code and per API (as ruff's --statistics)."""

from __future__ import annotations

from collections import Counter

from checker.render.words import slug
from checker.report import Report

__all__ = ["render_statistics"]


def render_statistics(report: Report) -> str:
    findings = [f for result in report.results for f in result.findings]
    by_code = Counter((f.code, f.severity.value) for f in findings)
    by_api = Counter(f.api for f in findings if f.api)
    lines = ["findings per code:"]
    width = max((len(str(n)) for n in by_code.values()), default=1)
    for (code, severity), count in sorted(by_code.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {count:>{width}}  {code} {slug(code)} ({severity})")
    if by_api:
        lines.append("findings per API:")
        width = max(len(str(n)) for n in by_api.values())
        for api, count in sorted(by_api.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {count:>{width}}  {api}")
    counts = report.counts()
    lines.append(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info in {len(report.results)} project(s)")
    return "\n".join(lines) + "\n"
