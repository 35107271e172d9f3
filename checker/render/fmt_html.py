"""One self-contained HTML file: no network, no CDN; a matrix of the project's APIs by targets,
then each finding with its code excerpt and sources. Jinja2 autoescapes every value."""

from __future__ import annotations

from typing import Any

from checker.render.targets_line import describe_targets
from checker.report import Report
from checker.render.templating import html_environment

__all__ = ["render_html"]

_RANK = {"error": 3, "warning": 2, "info": 1}


def _is_link(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def context(report: Report) -> dict[str, Any]:
    projects = []
    for result in report.results:
        profile = result.profile
        platforms = [t.platform for t in result.targets]
        apis = sorted({u.api for u in result.call_sites + result.components} | {f.api for f in result.findings if f.api})
        worst: dict[tuple[str, str], str] = {}
        for finding in result.findings:
            if not finding.api:
                continue
            for platform in finding.platform_ids or platforms:
                key = (finding.api, platform)
                if _RANK[finding.severity] > _RANK.get(worst.get(key, ""), 0):
                    worst[key] = finding.severity
        rows = [{"api": api, "cells": [worst.get((api, p), "ok") for p in platforms]} for api in apis]
        findings = [{"finding": f, "excerpt": report.excerpt(profile.root, f),
                     "sources": [{"text": s, "link": _is_link(s)} for s in f.all_sources]} for f in result.findings]
        projects.append({"profile": profile, "platforms": platforms, "targets": describe_targets(result.targets), "rows": rows, "findings": findings,
                         "requirements": result.requirements, "uses": len(result.call_sites) + len(result.components)})
    return {"report": report, "counts": report.counts(), "projects": projects}


def render_html(report: Report) -> str:
    return html_environment().get_template("report.html.j2").render(**context(report))
