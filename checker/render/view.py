"""A report arranged for reading: errors first, grouped by file, with counts per severity, code
and platform, and an order of importance. Every format lays out this one arrangement."""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from checker.evaluate import ProjectResult
from checker.findings import Finding, Severity
from checker.render.options import RenderOptions
from checker.render.targets_line import describe_targets
from checker.render.words import word
from checker.report import Report

__all__ = ["Entry", "ReportView", "SEVERITY_ORDER", "project_header"]

SEVERITY_ORDER = tuple(s.value for s in sorted(Severity, reverse=True))  # error, warning, info
_RANK = {severity: rank for rank, severity in enumerate(SEVERITY_ORDER)}


@dataclass(frozen=True, slots=True)
class Entry:
    """One finding, placed: where it is from here and from the repository root, and its words."""

    finding: Finding
    project: str  # the project's root, relative to the checked path
    path: str  # from the current directory
    repo_path: str  # from the repository root
    message: str
    platforms: tuple[str, ...]
    fingerprint: str
    excerpt: str

    @property
    def severity(self) -> str:
        return self.finding.severity.value

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def line(self) -> int:
        return self.finding.line

    @property
    def column(self) -> int:
        return self.finding.column


def _join(prefix: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(prefix, path)) if prefix else posixpath.normpath(path)
    return joined


_HEADER = {
    "en": {"line": "{name} ({root}): Taro {taro} from {source}; targets {targets}{scanned}", "unnamed": "unnamed",
           "unknown": "unknown ({declared})", "scanned": "; {count} source files"},
    "zh": {"line": "{name} ({root})：Taro {taro}，来自 {source}；目标平台 {targets}{scanned}", "unnamed": "未命名",
           "unknown": "未知（{declared}）", "scanned": "；{count} 个源文件"},
}


def project_header(result: ProjectResult, lang: str = "en") -> str:
    """A project's first line: its Taro version and its targets, with where each came from (or "guessed")."""
    profile = result.profile
    words = _HEADER.get(lang, _HEADER["en"])
    taro = profile.taro.resolved or words["unknown"].format(declared=profile.taro.declared)
    scanned = words["scanned"].format(count=result.scanned_files) if result.scanned_files is not None else ""
    return words["line"].format(name=profile.name or words["unnamed"], root=profile.root, taro=taro, source=profile.taro.source,
                                targets=describe_targets(result.targets, lang), scanned=scanned)


class ReportView:
    def __init__(self, report: Report, options: RenderOptions | None = None) -> None:
        self.report = report
        self.options = options or RenderOptions()

    def _display(self, in_scan: str) -> str:
        options = self.options
        if options.scan_root and options.cwd:
            return posixpath.relpath(posixpath.join(options.scan_root, in_scan), options.cwd)
        return _join(options.display_prefix, in_scan)

    @cached_property
    def all_entries(self) -> tuple[Entry, ...]:
        """Every finding: errors, then warnings, then infos; within each, by file, line and column."""
        entries = []
        for result in self.report.results:
            root = result.profile.root
            for finding, key in zip(result.findings, self.report.fingerprints(result), strict=True):
                in_scan = _join(root, finding.file or "package.json")
                entries.append(Entry(
                    finding, root, self._display(in_scan), _join(self.options.repo_prefix, in_scan),
                    word(finding, self.options.lang), finding.platform_ids, key, self.report.excerpt(root, finding),
                ))
        entries.sort(key=lambda e: (_RANK[e.severity], e.path, e.line, e.column, e.code, e.platforms, e.message))
        return tuple(entries)

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        """What the reading formats show: everything, or the errors alone with --quiet."""
        if self.options.quiet:
            return tuple(e for e in self.all_entries if e.severity == "error")
        return self.all_entries

    def of_severity(self, severity: str) -> list[Entry]:
        return [e for e in self.entries if e.severity == severity]

    @staticmethod
    def by_file(entries: list[Entry], *, from_repository: bool = False) -> list[tuple[str, list[Entry]]]:
        """Consecutive entries of one file (entries come sorted by file within a severity)."""
        key = (lambda e: e.repo_path) if from_repository else (lambda e: e.path)
        return [(path, list(group)) for path, group in groupby(entries, key=key)]

    def most_important(self, severity: str, limit: int) -> list[Entry]:
        """The first ``limit`` entries of a severity: those on most platforms first, then one of each code
        before a second of any (so ten annotations show ten kinds of problem where there are), then by place."""
        ranked = sorted(self.of_severity(severity), key=lambda e: (-len(e.platforms), e.code, e.repo_path, e.line, e.column))
        seen: Counter[tuple[int, str]] = Counter()
        keyed = []
        for entry in ranked:
            key = (len(entry.platforms), entry.code)
            keyed.append((-len(entry.platforms), seen[key], entry.code, entry))
            seen[key] += 1
        keyed.sort(key=lambda item: item[:3])  # stable: place order within a rank
        return [entry for *_, entry in keyed[:limit]]

    @cached_property
    def counts(self) -> dict[str, int]:
        counted = Counter(e.severity for e in self.all_entries)
        return {severity: counted[severity] for severity in SEVERITY_ORDER}

    @cached_property
    def by_code(self) -> list[tuple[str, dict[str, int]]]:
        """(code, count per severity) in code order."""
        table: dict[str, Counter[str]] = {}
        for entry in self.all_entries:
            table.setdefault(entry.code, Counter())[entry.severity] += 1
        return [(code, {s: table[code][s] for s in SEVERITY_ORDER}) for code in sorted(table)]

    @cached_property
    def by_platform(self) -> list[tuple[str, dict[str, int]]]:
        """(platform, count per severity) in target order; a project-wide finding counts under no platform."""
        order: list[str] = []
        for result in self.report.results:
            order += [t.platform for t in result.targets if t.platform not in order]
        table: dict[str, Counter[str]] = {}
        for entry in self.all_entries:
            for platform in entry.platforms:
                table.setdefault(platform, Counter())[entry.severity] += 1
        keys = [p for p in order if p in table] + sorted(p for p in table if p not in order)
        return [(p, {s: table[p][s] for s in SEVERITY_ORDER}) for p in keys]

    @property
    def failed(self) -> bool:
        """A project could not be read or the targets were bad: the result says nothing of the code."""
        return bool(self.report.problems)

    @cached_property
    def not_scanned(self) -> list[Entry]:
        """Files skipped or only partly parsed (TC010): the run is incomplete."""
        return [e for e in self.all_entries if e.code == "TC010"]

    @property
    def complete(self) -> bool:
        return not self.failed and not self.not_scanned

    def totals_line(self) -> str:
        """The last line of a run; a failed run never reads like a pass."""
        counts = self.counts
        projects = len(self.report.results)
        if self.failed:
            problems = len(self.report.problems)
            if not projects:
                return f"FAILED: nothing was checked ({problems} problem(s) above)"
            return (f"FAILED: {problems} problem(s) above; only {projects} project(s) checked, with "
                    f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
        total = f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info in {projects} project(s)"
        if self.not_scanned:
            total += f"; incomplete: {len(self.not_scanned)} file(s) not scanned or only partly parsed"
        if self.report.baselined or self.report.gone:
            gone = len(self.report.gone)
            total += f"; {self.report.baselined} accepted by the baseline, {gone} baseline entr{'y' if gone == 1 else 'ies'} gone"
        return total
