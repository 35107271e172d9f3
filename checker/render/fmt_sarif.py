"""SARIF 2.1.0 for code scanning: rules with help, results with regions and partial fingerprints."""

from __future__ import annotations

import json
import posixpath
from typing import Any

from checker.render.targets_line import describe_targets
from checker.render.words import word
from checker.report import Report
from checker.rules import rule_for

__all__ = ["render_sarif"]

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_HELP = "docs/findings.md"  # relative to the taro-compat repository: no hosted page is assumed
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rules(codes: list[str]) -> list[dict[str, Any]]:
    """SARIF's rule descriptors, from the registry (an unknown code gets its code as its name)."""
    described = []
    for code in codes:
        rule = rule_for(code)
        name = rule.slug if rule else code
        summary = rule.summary["en"] if rule else code
        explanation = rule.explanation if rule else summary
        fix = f" Fix: {rule.fix}" if rule and rule.fix else ""
        described.append({
            "id": code,
            "name": name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": explanation},
            "defaultConfiguration": {"level": _LEVEL[rule.severity.value] if rule else "warning"},
            "help": {"text": f"{explanation}{fix}", "markdown": f"{explanation}{fix}"},
            "helpUri": f"{_HELP}#{code.lower()}-{name}",
        })
    return described


def render_sarif(report: Report) -> str:
    results = []
    used: set[str] = set()
    for result in report.results:
        root = result.profile.root
        for finding, key in zip(result.findings, report.fingerprints(result)):
            used.add(finding.code)
            path = posixpath.normpath(posixpath.join(root, finding.file or "package.json"))
            location: dict[str, Any] = {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"}}
            if finding.line:
                region: dict[str, int] = {"startLine": finding.line}
                if finding.column:
                    region["startColumn"] = finding.column
                location["region"] = region
            entry: dict[str, Any] = {
                "ruleId": finding.code,
                "level": _LEVEL[finding.severity.value],
                "message": {"text": word(finding, report.lang)},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {"taroCompat/v1": key},
                "properties": {"api": finding.api, "platform": finding.platform, "platforms": list(finding.platform_ids),
                               "required": finding.required, "sources": list(finding.all_sources)},
            }
            results.append(entry)
    codes = sorted(used)
    index = {code: i for i, code in enumerate(codes)}
    for entry in results:
        entry["ruleIndex"] = index[entry["ruleId"]]
    document = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "taro-compat", "version": report.tool_version, "rules": _rules(codes)}},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
                "results": results,
                "properties": {"matrixDigest": report.matrix_digest, "complete": report.complete,
                               "targets": {r.profile.root: describe_targets(r.targets) for r in report.results}},
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
