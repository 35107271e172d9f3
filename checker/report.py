"""The one input of every renderer: a run's results and what they are traced to."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.evaluate import ProjectResult
from checker.findings import Finding, Severity

__all__ = ["Report", "fingerprint"]

_NOT_SCANNED = "TC010"  # a source file skipped or only partly parsed


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[ProjectResult, ...]
    tool_version: str
    matrix_digest: str
    matrix_apis: int
    scanned: bool
    excerpts: Mapping[tuple[str, str, int], str] = field(default_factory=dict)  # (project root, file, line) -> text
    baselined: int = 0  # findings accepted by the baseline, left out of the results
    gone: tuple[str, ...] = ()  # baseline entries that no longer occur
    problems: tuple[str, ...] = ()  # what made the run incomplete
    lang: str = "en"  # the language findings are worded in

    @property
    def complete(self) -> bool:
        """Every project read and every source file scanned whole (the one answer every format gives)."""
        return not self.problems and not any(f.code == _NOT_SCANNED for r in self.results for f in r.findings)

    def excerpt(self, root: str, finding: Finding) -> str:
        return self.excerpts.get((root, finding.file or "", finding.line), "")

    def fingerprints(self, result: ProjectResult) -> list[str]:
        """One per finding, in order; a repeat of the same fingerprint gets its occurrence number."""
        seen: dict[str, int] = {}
        keys = []
        for finding in result.findings:
            key = fingerprint(result.profile.root, finding, self.excerpt(result.profile.root, finding))
            seen[key] = seen.get(key, 0) + 1
            keys.append(key if seen[key] == 1 else f"{key}:{seen[key]}")
        return keys

    def counts(self) -> dict[str, int]:
        findings = [f for r in self.results for f in r.findings]
        return {severity.value: sum(f.severity is severity for f in findings)
                for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


def fingerprint(root: str, finding: Finding, excerpt: str) -> str:
    """Stable across unrelated edits: the code line's text, not its number (as code scanning tracks results).

    A finding about one platform keeps the fingerprint it had when findings were per platform.
    """
    parts = [root, finding.code, finding.api or "", ",".join(finding.platform_ids), finding.file or "", " ".join(excerpt.split())]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
