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
    "TC011": "libversion-below-requirement",  # the devtools debug with an older library than the code needs
    "TC012": "plugin-version-differs",  # a target's platform plugin is locked at another version than Taro
    "TC013": "version-newer-than-catalogue",  # a declared minimum newer than every release the matrix knows
    "TC101": "unsupported",  # no version of the platform (or of Taro) has it
    "TC102": "needs-newer-runtime",  # exists only from a newer base library than the declared minimum
    "TC103": "needs-newer-taro",  # the resolved Taro version does not reach it on this platform
    "TC104": "stub",  # Taro ships a function that rejects, or silently resolves
    "TC105": "minimum-crosses-gap",  # versions above the minimum lack it
    "TC106": "behaviour-change",  # it works, but returns something else under these conditions
    "TC107": "deprecated",
    "TC108": "no-data",  # unknown is never a pass
    "TC109": "partial",
    "TC110": "no-promise",  # awaited or .then on a platform where it only takes callbacks
    "TC111": "global-missing",  # a native global (wx) on a platform that does not have it
    "TC120": "guarded",
    "TC121": "guard-cannot-protect",  # canIUse answers true for a stub
    "TC122": "guard-obsolete",  # the declared minimums already guarantee it
    "TC123": "suppressed",
    "TC130": "option-missing",
    "TC131": "option-too-long",
    "TC132": "option-invalid",
    "TC133": "option-not-on-platform",
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
    sources: tuple[str, ...] = ()  # citations (URL or package@version file) behind the verdict

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
