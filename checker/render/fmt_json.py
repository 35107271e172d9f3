"""The versioned JSON report of ``check`` (DESIGN.md contract: add keys freely, never rename or drop)."""

from __future__ import annotations

import json
from typing import Any

from checker import __version__
from checker.evaluate import ProjectResult
from checker.findings import Finding
from checker.model import Matrix

__all__ = ["render_json", "report_data"]

FORMAT_VERSION = 1


def _finding(finding: Finding) -> dict[str, Any]:
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
    }


def _project(result: ProjectResult) -> dict[str, Any]:
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
        "call_sites": [],
        "findings": [_finding(f) for f in result.findings],
        "requirements": result.requirements,
    }


def report_data(results: list[ProjectResult], matrix: Matrix, *, scanned: bool) -> dict[str, Any]:
    findings = [f for r in results for f in r.findings]
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "taro-compat", "version": __version__},
        "matrix": {"digest": matrix.digest, "apis": len(matrix)},
        "scanned": scanned,
        "projects": [_project(r) for r in results],
        "summary": {
            "errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings),
            "infos": sum(f.severity == "info" for f in findings),
        },
    }


def render_json(results: list[ProjectResult], matrix: Matrix, *, scanned: bool) -> str:
    return json.dumps(report_data(results, matrix, scanned=scanned), ensure_ascii=False, indent=2) + "\n"
