"""The versioned JSON report of ``check`` (DESIGN.md contract: add keys freely, never rename or drop)."""

from __future__ import annotations

import json
from typing import Any

from checker.evaluate import ProjectResult, Use
from checker.scan.sites import CallSite, Guard
from checker.findings import Finding
from checker.render.options import RenderOptions
from checker.report import Report

__all__ = ["render_json", "report_data"]

FORMAT_VERSION = 1


def _finding(finding: Finding, key: str) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "verdict": finding.verdict,
        "api": finding.api,
        "platform": finding.platform,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "required": finding.required,
        "sources": list(finding.sources),
        "fingerprint": key,
    }


def _guard(guard: Guard, platforms: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": guard.kind, "platforms": list(platforms), "line": guard.line}
    if guard.negated:
        data["negated"] = True
    for key in ("api", "schema", "receiver", "version"):
        if getattr(guard, key) is not None:
            data[key] = getattr(guard, key)
    if guard.envs:
        data["envs"] = list(guard.envs)
    return data


def _use(use: Use) -> dict[str, Any]:
    site = use.site
    data: dict[str, Any] = {"api": use.api, "file": site.file, "line": site.line, "column": site.column}
    if isinstance(site, CallSite):
        data |= {
            "callee": site.callee,
            "via": site.via,
            "called": site.called,
            "promise_style": site.promise_style,
            "arguments": [{"key": a.key, "value": a.value, "literal": a.literal} for a in site.arguments],
        }
        if site.suppression:
            data["suppressed"] = {"line": site.suppression.line, "reason": site.suppression.reason}
    data["guards"] = [_guard(g, p) for g, p in zip(site.guards, use.guard_platforms)]
    return data


def _project(result: ProjectResult, report: Report) -> dict[str, Any]:
    profile = result.profile
    taro = profile.taro
    return {
        "root": profile.root,
        "name": profile.name,
        "taro": {"declared": taro.declared, "resolved": taro.resolved, "source": taro.source, "allows": taro.allows},
        "targets": [
            {"platform": t.platform, "min_version": t.min_version, "from": t.source, "coverage": t.coverage}
            for t in profile.targets
        ],
        "config": {
            "framework": profile.framework,
            "compiler": profile.compiler,
            "source_root": profile.source_root,
            "output_root": profile.output_root,
            "plugins": list(profile.plugins),
            "env_aliases": list(profile.env_aliases),
            "lib_version": profile.lib_version,
            "appid": profile.appid,
            "platform_files": list(profile.platform_files),
            "published": profile.published.isoformat() if profile.published else None,
        },
        "scanned_files": result.scanned_files,
        "call_sites": [_use(u) for u in result.call_sites],
        "component_uses": [_use(u) for u in result.components],
        "findings": [_finding(f, key) for f, key in zip(result.findings, report.fingerprints(result))],
        "requirements": result.requirements,
    }


def _status(report: Report, complete: bool) -> str:
    """failed: nothing (or not everything asked) could be checked; incomplete: some files were not scanned."""
    return "failed" if report.problems else ("complete" if complete else "incomplete")


def report_data(report: Report) -> dict[str, Any]:
    counts = report.counts()
    complete = not report.problems and not any(f.code == "TC010" for r in report.results for f in r.findings)
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "taro-compat", "version": report.tool_version},
        "matrix": {"digest": report.matrix_digest, "apis": report.matrix_apis},
        "scanned": report.scanned,
        # a project that could not be read, or a source file skipped or only partly parsed (TC010)
        "complete": complete,
        "status": _status(report, complete),
        "problems": list(report.problems),
        "projects": [_project(r, report) for r in report.results],
        "baseline": {"accepted": report.baselined, "gone": list(report.gone)},
        "summary": {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]},
    }


def render_json(report: Report, options: RenderOptions | None = None) -> str:
    del options  # the JSON report is the whole data, the same wherever it is read
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
