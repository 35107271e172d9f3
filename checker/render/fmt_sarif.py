"""SARIF 2.1.0 for code scanning.

Each rule carries its own documentation (short and full descriptions, help as text and Markdown);
no helpUri, as no hosted page is assumed. Paths are relative to the repository root, which
``originalUriBaseIds`` names, so a monorepo package's results land on the right files. The
invocation says whether the run succeeded, and lists the files skipped or only partly parsed.
"""

from __future__ import annotations

import json
from typing import Any

from checker.render.options import RenderOptions
from checker.render.targets_line import describe_targets
from checker.render.view import Entry, ReportView
from checker.render.rule_help import RuleHelp, rule_helps
from checker.report import Report

__all__ = ["SARIF_SCHEMA", "render_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_ROOT = "%SRCROOT%"
_NOT_SCANNED = "TC010"  # a skipped or partly parsed file: a notification about the run as well as a result


def _rule(doc: RuleHelp) -> dict[str, Any]:
    title = f"{doc.code} {doc.slug}"
    return {
        "id": doc.code,
        "name": "".join(part.capitalize() for part in doc.slug.split("-")),  # SARIF wants an identifier-like name
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.text.split("\n\n", 1)[0]},
        "help": {"text": f"{title} (default severity: {doc.severity}): {doc.text}",
                 "markdown": f"**{title}** (default severity: {doc.severity})\n\n{doc.markdown}"},
        "defaultConfiguration": {"level": _LEVEL[doc.severity]},
        "properties": {"tags": ["compatibility", "taro"]},
    }


def _location(entry: Entry) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": entry.repo_path, "uriBaseId": _ROOT}}
    if entry.line:
        region: dict[str, int] = {"startLine": entry.line}
        if entry.column:
            region["startColumn"] = entry.column
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(entry: Entry, index: dict[str, int]) -> dict[str, Any]:
    finding = entry.finding
    properties: dict[str, Any] = {"platforms": list(entry.platforms)}
    for key, value in (("api", finding.api), ("required", finding.required)):
        if value is not None:
            properties[key] = value
    if finding.all_sources:
        properties["sources"] = list(finding.all_sources)
    return {
        "ruleId": entry.code,
        "ruleIndex": index[entry.code],
        "level": _LEVEL[entry.severity],
        "message": {"text": entry.message},
        "locations": [_location(entry)],
        "partialFingerprints": {"taroCompat/v1": entry.fingerprint},
        "properties": properties,
    }


def _invocation(view: ReportView) -> dict[str, Any]:
    notifications: list[dict[str, Any]] = [
        {"level": "error", "message": {"text": problem}, "descriptor": {"id": "not-checked"}} for problem in view.report.problems
    ]
    notifications += [
        {"level": "warning", "message": {"text": entry.message}, "locations": [_location(entry)], "descriptor": {"id": _NOT_SCANNED}}
        for entry in view.not_scanned
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not view.failed}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def render_sarif(report: Report, options: RenderOptions | None = None) -> str:
    view = ReportView(report, options)
    docs = list(rule_helps())
    index = {doc.code: i for i, doc in enumerate(docs)}
    root: dict[str, Any] = {"description": {"text": "The repository root: every result's path is relative to it."}}
    if view.options.repo_root_uri:
        root["uri"] = view.options.repo_root_uri
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "taro-compat", "version": report.tool_version, "semanticVersion": report.tool_version,
                            "rules": [_rule(doc) for doc in docs]}},
        "invocations": [_invocation(view)],
        "originalUriBaseIds": {_ROOT: root},
        "columnKind": "unicodeCodePoints",
        "results": [_result(entry, index) for entry in view.all_entries],
        "properties": {"matrixDigest": report.matrix_digest, "complete": view.complete, "failed": view.failed,
                       "targets": {r.profile.root: describe_targets(r.targets) for r in report.results}},
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
