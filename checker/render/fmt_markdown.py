"""Markdown for a pull-request comment: a summary, a table per platform, collapsible details."""

from __future__ import annotations

from typing import Any

from checker.render.targets_line import describe_targets
from checker.report import Report
from checker.render.templating import markdown_environment

__all__ = ["render_markdown"]


def context(report: Report) -> dict[str, Any]:
    projects = []
    for result in report.results:
        profile = result.profile
        by_platform: dict[str, list[Any]] = {}
        for finding in result.findings:
            if finding.severity == "info":
                continue
            by_platform.setdefault(", ".join(finding.platform_ids) or "all platforms", []).append(finding)
        targets = {t.platform: t for t in result.targets}
        sections = [
            {
                "title": key + (f" >= {targets[key].min_version}" if key in targets and targets[key].min_version else ""),
                "findings": by_platform[key],
            }
            for key in sorted(by_platform, key=lambda k: (k == "all platforms", k))
        ]
        projects.append({
            "profile": profile,
            "targets": describe_targets(result.targets),
            "sections": sections,
            "infos": [f for f in result.findings if f.severity == "info"],
            "requirements": result.requirements,
        })
    return {"report": report, "counts": report.counts(), "projects": projects}


def render_markdown(report: Report) -> str:
    return markdown_environment().get_template("report.md.j2").render(**context(report))
