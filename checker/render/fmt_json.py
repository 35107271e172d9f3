"""The versioned JSON report of ``check`` (DESIGN.md contract).

Format 2 (the default) has one finding per place and problem, with a ``platforms`` list of
per-platform detail; ``--format json-v1`` keeps format 1 (one finding per platform) for one release.
"""

from __future__ import annotations

import json
from typing import Any

from checker.evaluate import ProjectResult, Use
from checker.findings import Args, Finding, PlatformDetail
from checker.render.options import RenderOptions
from checker.render.targets_line import describe_targets
from checker.render.words import slug, word, word_platform
from checker.report import Report
from checker.rules._words import evidence_phrase
from checker.scan.functions import function_label
from checker.scan.sites import CallSite, Guard
from checker.targets.model import Target

__all__ = ["render_json", "render_json_v1", "report_data"]

FORMAT_VERSION = 2


def _detail(finding: Finding, detail: PlatformDetail, lang: str) -> dict[str, Any]:
    return {
        "platform": detail.platform,
        "required": str(detail.required) if detail.required else None,
        "axis": detail.required.axis.value if detail.required else None,
        "sources": list(detail.sources),
        "args": {key: list(value) if isinstance(value, tuple) else value for key, value in detail.args.items()},
        "message": word_platform(finding, detail, lang),
    }


def _finding(finding: Finding, key: str, lang: str, version: int) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": finding.code,
        "severity": finding.severity.value,
        "verdict": slug(finding.code),
        "api": finding.api,
        "platform": finding.platform,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "message": word(finding, lang),
        "required": finding.required,
        "sources": list(finding.all_sources),
        "fingerprint": key,
    }
    if version >= 2:
        data["platforms"] = [_detail(finding, d, lang) for d in finding.platforms]
        data["args"] = {k: list(v) if isinstance(v, tuple) else v for k, v in finding.args.items()}
    return data


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
            "via": site.wrapper or site.via,  # "taro-hooks@1.5.8 useUserInfo" for a wrapper library's export
            "called": site.called,
            "promise_style": site.promise_style,
            "arguments": [{"key": a.key, "value": a.value, "literal": a.literal} for a in site.arguments],
        }
        if site.caller:
            data["caller"] = {"function": function_label(site.within or ""), "at": site.caller}
        if site.wrapper:
            package, _, export = site.wrapper.partition(" ")
            data["wrapper"] = {"package": package, "export": export, "through": site.via}
        if site.suppression:
            data["suppressed"] = {"line": site.suppression.line, "reason": site.suppression.reason}
    data["guards"] = [_guard(g, p) for g, p in zip(site.guards, use.guard_platforms, strict=True)]
    return data


def _findings(result: ProjectResult, report: Report, version: int) -> list[dict[str, Any]]:
    keys = report.fingerprints(result)
    if version >= 2:
        return [_finding(f, key, report.lang, version) for f, key in zip(result.findings, keys, strict=True)]
    from checker.report import fingerprint

    out = []
    for finding in result.findings:
        for single in finding.per_platform():
            key = fingerprint(result.profile.root, single, report.excerpt(result.profile.root, single))
            out.append(_finding(single, key, report.lang, version))
    return out


def _args(args: Args) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in args.items()}


def _target(target: Target) -> dict[str, Any]:
    return {
        "platform": target.platform, "min_version": target.min_version, "from": target.source, "coverage": target.coverage,
        "guessed": target.guessed, "minimum_from": target.minimum_source,
        "evidence": [{"kind": e.kind.value, "file": e.location.path, "line": e.location.line, "detail": evidence_phrase("en", e.detail),
                      "strong": e.strong, "detail_kind": e.detail.said.value, "detail_args": _args(e.detail.args)}
                     for e in target.evidence],
    }


def _project(result: ProjectResult, report: Report, version: int) -> dict[str, Any]:
    profile = result.profile
    taro = profile.taro
    return {
        "root": profile.root,
        "name": profile.name,
        "taro": {"declared": taro.declared, "resolved": taro.resolved, "source": taro.source, "allows": taro.allows},
        "targets": [_target(t) for t in result.targets],
        "targets_summary": describe_targets(result.targets),
        "config": {
            "framework": profile.framework,
            "compiler": profile.compiler,
            "source_root": profile.source_root,
            "output_root": profile.output_root,
            "output_root_computed": profile.output_root_computed,
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
        "findings": _findings(result, report, version),
        "requirements": result.requirements,
    }


def report_data(report: Report, version: int = FORMAT_VERSION) -> dict[str, Any]:
    projects = [_project(r, report, version) for r in report.results]
    if version >= 2:
        counts = report.counts()
    else:
        every = [f for p in projects for f in p["findings"]]
        counts = {s: sum(f["severity"] == s for f in every) for s in ("error", "warning", "info")}
    return {
        "format_version": version,
        "tool": {"name": "taro-compat", "version": report.tool_version},
        "matrix": {"digest": report.matrix_digest, "apis": report.matrix_apis},
        "scanned": report.scanned,
        "complete": report.complete,  # a project that could not be read, or a source file skipped or only partly parsed (TC010)
        "status": "failed" if report.problems else ("complete" if report.complete else "incomplete"),  # failed: not checked
        "problems": list(report.problems),
        "projects": projects,
        "baseline": {"accepted": report.baselined, "gone": list(report.gone)},
        "summary": {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]},
    }


def render_json(report: Report, options: RenderOptions | None = None) -> str:
    del options  # the JSON report is the whole data, the same wherever it is read
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


def render_json_v1(report: Report, options: RenderOptions | None = None) -> str:
    """Format 1, one finding per platform (deprecated: kept for one release)."""
    del options
    return json.dumps(report_data(report, 1), ensure_ascii=False, indent=2) + "\n"
