"""Evaluate a project against the matrix: profile (+ call sites, soon) -> findings. Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from checker.findings import Finding, sort_key
from checker.model import Matrix
from checker.project.profile import ProjectProfile

__all__ = ["ProjectResult", "evaluate"]


@dataclass(frozen=True, slots=True)
class ProjectResult:
    profile: ProjectProfile
    findings: tuple[Finding, ...]
    requirements: dict[str, str]


def evaluate(matrix: Matrix, profile: ProjectProfile) -> ProjectResult:
    """Findings that the manifests alone decide (project level); call sites join with the scanner."""
    findings = [
        Finding(note.code, note.severity, note.message, note.location.path or None, note.location.line, note.location.column)
        for note in profile.notes
    ]
    return ProjectResult(profile, tuple(sorted(findings, key=sort_key)), {})
