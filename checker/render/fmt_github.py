"""GitHub Actions workflow commands: ``::error file=...,line=...::message`` annotations.

Everything that comes from the project or the matrix is escaped as the runner expects, so a
file name with ``%0A::set-output`` cannot start a command of its own.
"""

from __future__ import annotations

import posixpath

from checker.render.targets_line import describe_targets
from checker.render.words import slug, word
from checker.report import Report

__all__ = ["render_github"]

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for result in report.results:
        root = result.profile.root
        lines.append(f"::notice title={_property('taro-compat targets')}::{_data(f'{root}: targets {describe_targets(result.targets)}')}")
        for finding in result.findings:
            path = posixpath.normpath(posixpath.join(root, finding.file or "package.json"))
            properties = [f"file={_property(path)}"]
            if finding.line:
                properties.append(f"line={finding.line}")
            if finding.column:
                properties.append(f"col={finding.column}")
            properties.append(f"title={_property(f'{finding.code} {slug(finding.code)}')}")
            lines.append(f"::{_LEVEL[finding.severity.value]} {','.join(properties)}::{_data(word(finding, report.lang))}")
    for problem in report.problems:
        lines.append(f"::error title=taro-compat incomplete::{_data(problem)}")
    return "\n".join(lines) + ("\n" if lines else "")
