"""Findings: what a check reports, as data until the renderers word it for a format."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CODES", "SEVERITIES", "Finding", "at_or_above", "sort_key"]

SEVERITIES = ("info", "warning", "error")

# stable codes -> the verdict slug that names them in reports (like ruff's rule names)
CODES = {
    "TC001": "libversion-is-a-hint",
    "TC002": "taro-version-unknown",
    "TC003": "lenient-json",
    "TC004": "taro-packages-disagree",
    "TC005": "lockfiles-disagree",
    "TC006": "default-minimum-assumed",
    "TC007": "no-targets-declared",
    "TC008": "build-type-unknown",
    "TC009": "settings-in-two-places",
    "TC010": "file-not-scanned",  # skipped (binary, too large, unreadable) or only partly parsed
}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: str  # info | warning | error
    message: str
    file: str | None  # relative to the project root, POSIX
    line: int = 0
    column: int = 0
    api: str | None = None
    platform: str | None = None
    required: str | None = None

    @property
    def verdict(self) -> str:
        return CODES.get(self.code, self.code)


def sort_key(finding: Finding) -> tuple[object, ...]:
    return (finding.file or "", finding.line, finding.column, finding.code, finding.api or "", finding.platform or "", finding.message)


def at_or_above(finding: Finding, threshold: str) -> bool:
    """Whether ``finding`` reaches ``--fail-on`` (error | warning | never)."""
    if threshold == "never":
        return False
    return SEVERITIES.index(finding.severity) >= SEVERITIES.index(threshold)
