"""A baseline of accepted findings (Android Lint's baseline): known findings do not fail the gate,
and entries that no longer occur are reported so the file can shrink."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from checker.errors import Location, ProjectError
from checker.evaluate import ProjectResult
from checker.findings import Finding, PlatformDetail
from checker.output import write_atomic
from checker.report import Report, fingerprint

__all__ = ["apply_baseline", "read_baseline", "write_baseline"]

_FORMAT = 1


def read_baseline(path: Path) -> dict[str, str]:
    """fingerprint -> a one-line description, from a file written by --write-baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProjectError("baseline file not found (create it with --write-baseline)", Location(str(path))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectError(f"cannot read the baseline: {error}", Location(str(path))) from None
    except json.JSONDecodeError as error:
        raise ProjectError(f"invalid JSON: {error.msg}", Location(str(path), error.lineno, error.colno)) from None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("findings"), list):
        raise ProjectError("not a taro-compat baseline (format 1)", Location(str(path)))
    return {entry["fingerprint"]: entry.get("what", "") for entry in data["findings"] if isinstance(entry, dict) and "fingerprint" in entry}


def _entries(report: Report, result: ProjectResult) -> Iterator[tuple[Finding, list[tuple[PlatformDetail | None, str]]]]:
    """Each finding with the fingerprint of each of its platforms (as they were when findings were per platform)."""
    root = result.profile.root
    for finding in result.findings:
        excerpt = report.excerpt(root, finding)
        if len(finding.platforms) <= 1:
            yield finding, [(None, fingerprint(root, finding, excerpt))]
        else:
            yield finding, [(single.platforms[0], fingerprint(root, single, excerpt)) for single in finding.per_platform()]


def apply_baseline(report: Report, accepted: dict[str, str]) -> Report:
    """Leave out what the baseline accepts; a finding keeps the platforms the baseline does not name."""
    seen: set[str] = set()
    results = []
    dropped = 0
    for result in report.results:
        kept = []
        for finding, keys in _entries(report, result):
            known = [key for _, key in keys if key in accepted]
            seen.update(known)
            dropped += len(known)
            left = tuple(detail for detail, key in keys if key not in accepted and detail is not None)
            if len(known) < len(keys):
                kept.append(replace(finding, platforms=left) if left else finding)
        results.append(replace(result, findings=tuple(kept)))
    gone = tuple(sorted(accepted[key] or key for key in accepted.keys() - seen))
    return replace(report, results=tuple(results), baselined=dropped, gone=gone)


def write_baseline(path: Path, report: Report) -> None:
    entries = []
    for result in report.results:
        root = result.profile.root
        for finding, keys in _entries(report, result):
            where = f"{root}/{finding.file}:{finding.line}" if finding.file else root
            for detail, key in keys:
                platform = detail.platform if detail is not None else (finding.platform or "")
                entries.append({"fingerprint": key, "what": f"{where} {finding.code} {finding.api or ''} {platform}".strip()})
    entries.sort(key=lambda e: (e["what"], e["fingerprint"]))
    write_atomic(path, json.dumps({"format": _FORMAT, "findings": entries}, ensure_ascii=False, indent=2) + "\n")
