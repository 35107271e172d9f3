"""A baseline of accepted findings (Android Lint's baseline): known findings do not fail the gate,
and entries that no longer occur are reported so the file can shrink."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from checker.errors import Location, ProjectError
from checker.output import write_atomic
from checker.report import Report

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


def apply_baseline(report: Report, accepted: dict[str, str]) -> Report:
    seen: set[str] = set()
    results = []
    dropped = 0
    for result in report.results:
        kept = []
        for finding, key in zip(result.findings, report.fingerprints(result)):
            if key in accepted:
                seen.add(key)
                dropped += 1
            else:
                kept.append(finding)
        results.append(replace(result, findings=tuple(kept)))
    gone = tuple(sorted(accepted[key] or key for key in accepted.keys() - seen))
    return replace(report, results=tuple(results), baselined=dropped, gone=gone)


def write_baseline(path: Path, report: Report) -> None:
    entries = []
    for result in report.results:
        root = result.profile.root
        for finding, key in zip(result.findings, report.fingerprints(result)):
            where = f"{root}/{finding.file}:{finding.line}" if finding.file else root
            entries.append({
                "fingerprint": key,
                "what": f"{where} {finding.code} {finding.api or ''} {finding.platform or ''}".strip(),
            })
    entries.sort(key=lambda e: (e["what"], e["fingerprint"]))
    write_atomic(path, json.dumps({"format": _FORMAT, "findings": entries}, ensure_ascii=False, indent=2) + "\n")
