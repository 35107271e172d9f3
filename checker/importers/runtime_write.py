"""Computed facts -> the Taro axis (and native presence) of the imported API files, plus the docs-vs-code report.

Owns, per API and platform: ``taro`` (computed from the shipped code; the typings' tags stay beside
it as ``documented``) and ``native_api`` (from the runtime typings, or Taro's own tags at the newest
release where no typings exist). A stretch between two read versions whose facts differ, with an
unread published release between them, stays unknown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.importers.runtime_facts import Cell, VersionFacts

__all__ = ["NativeNames", "apply_runtime", "disagreements", "reset"]

SOURCE_PREFIX = "imp-code-"
NATIVE_PREFIX = "imp-native-"


@dataclass(frozen=True, slots=True)
class NativeNames:
    """The members a platform's native global has now, and where that list comes from."""

    names: frozenset[str]
    package: str  # package@version
    file: str
    absent_is_evidence: bool  # a typed list of the whole global (a missing name is absent), or tags only
    note: str


def _source_id(package: str, file: str) -> str:
    """One id per package and file: ``imp-code-taro-3.0.29-swan`` (lib/swan.js)."""
    stem = file.rsplit("/", 1)[-1].removesuffix(".js").removesuffix(".json").replace(".", "-")
    return SOURCE_PREFIX + package.replace("@tarojs/", "").replace("/", "-").replace("@", "-") + "-" + stem


_NOTES = {
    "fixed": "in the fixed API list: Taro.{name} is defined (a stub that warns when the native global lacks it)",
    "framework": "Taro's own API: defined by Taro itself, no native API behind it",
    "framework-elsewhere": "Taro's own API (defined by Taro's core in the releases read; here by its framework runtime): no native API behind it",
    "unlisted": "not in the fixed API list: Taro.{name} is undefined",
    "forwarded": "forwarded: Taro.{name} exists iff the native global has it",
    "added": "added by the platform plugin's modifyApis: always defined",
    "deleted": "removed by the platform plugin's modifyApis: Taro.{name} is undefined",
    "absent": "not exported by the platform's Taro package: Taro.{name} is undefined",
    "implemented": "implemented by the platform's Taro package",
    "stub": "a stub: it does not call any implementation",
    "wechat": "works only inside WeChat's browser (JS-SDK); a rejecting stub elsewhere",
    "stub-sync": "a stub: returns an Error object without throwing, so the call seems to succeed",
    "stub-async": "a stub: the call rejects with {{errMsg}}",
    "stub-undefined": "a stub: it logs that the API is not supported and returns undefined (no error, no Promise)",
}


def _statement(cell: Cell, name: str, low: str, high: str | None, gap: bool, refs: list[str]) -> dict[str, Any]:
    if high is None:
        versions = f">={low}"
    else:
        versions = f">={low} <={high}" if gap else f">={low} <{high}"
    statement: dict[str, Any] = {"versions": versions, "status": cell.status, "confidence": "computed", "sources": sorted(set(refs))}
    note = _NOTES[cell.kind].format(name=name)
    if cell.native:
        note += f"; calls the native {cell.native}"
    statement["note"] = note
    if cell.promise is not None and cell.status in ("supported", "partial"):
        statement["promise"] = cell.promise
    if cell.stub:
        statement["stub"] = {"development": cell.stub[0], "production": cell.stub[1]}
    if cell.forwarded:
        statement["forwarded"] = True
    if cell.native:
        statement["native"] = cell.native
    if cell.framework:
        statement["framework"] = True
    return statement


def _runs(name: str, facts: Mapping[str, VersionFacts], published: Sequence[str]) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """Consecutive read versions with the same cell -> one statement each; sources used."""
    order = {v: i for i, v in enumerate(published)}
    read = [v for v in published if v in facts]
    statements, sources = [], {}
    index = 0
    while index < len(read):
        first = read[index]
        cell = facts[first].cell(name)
        end = index
        while end + 1 < len(read) and facts[read[end + 1]].cell(name) == cell:
            end += 1
        last = read[end]
        refs = []
        for version in {first, last}:
            for package, file in facts[version].sources:
                refs.append(_source_id(package, file))
                sources[_source_id(package, file)] = {"package": package, "file": file}
        if end + 1 < len(read):
            following = read[end + 1]
            adjacent = order[following] == order[last] + 1
            statements.append(_statement(cell, name, first, following if adjacent else last, not adjacent, refs))
        elif last == published[-1]:
            statements.append(_statement(cell, name, first, None, False, refs))
        else:  # the newest releases were not read: say nothing about them
            statements.append(_statement(cell, name, first, last, True, refs))
        index = end + 1
    return [s for s in statements if s["status"] != "unknown"], sources


def reset(records: dict[str, dict[str, Any]]) -> None:
    """Drop this importer's part (idempotent); tags an older import wrote as ``taro`` become ``documented``."""
    for record in records.values():
        for support in record["support"].values():
            if "taro" in support and support["taro"] and support["taro"][0].get("confidence") != "computed":
                support["documented"] = support.pop("taro")
            support.pop("taro", None)
            support.pop("native_api", None)
        record["sources"] = {k: v for k, v in record["sources"].items() if not k.startswith((SOURCE_PREFIX, NATIVE_PREFIX))}


def apply_runtime(records: dict[str, dict[str, Any]], by_platform: Mapping[str, Mapping[str, VersionFacts]],
                  published: Sequence[str], native: Mapping[str, NativeNames]) -> int:
    """Write the computed Taro axis of every API already in ``records``; returns the statements written."""
    reset(records)
    written = 0
    for name, record in sorted(records.items()):
        for support in record["support"].values():
            if "taro" in support and support["taro"] and support["taro"][0].get("confidence") != "computed":
                support["documented"] = support.pop("taro")  # an import written before the tags moved
        for platform, facts in sorted(by_platform.items()):
            statements, sources = _runs(name, facts, published)
            if not statements:
                continue
            record["support"].setdefault(platform, {})["taro"] = statements
            record["sources"].update(sources)
            written += len(statements)
        for platform, names in sorted(native.items()):
            latest = by_platform.get(platform, {})
            newest = latest[max(latest, key=lambda v: published.index(v))] if latest else None
            cell = newest.cell(name) if newest is not None else None
            if cell is not None and cell.framework:
                continue
            called = cell.native if cell is not None and cell.native and " / " not in cell.native else name
            present = called in names.names
            if not present and not names.absent_is_evidence:
                continue
            source = NATIVE_PREFIX + platform
            record["support"].setdefault(platform, {})["native_api"] = {
                "present": present, "confidence": "imported" if present else "inferred", "sources": [source],
                "note": names.note.format(name=called) if present else f"not among the members {names.package} declares"}
            record["sources"][source] = {"package": names.package, "file": names.file}
        used = sorted({s["package"] for k, s in record["sources"].items() if k.startswith((SOURCE_PREFIX, NATIVE_PREFIX))})
        record["provenance"].pop("computed_from", None)
        if used:
            record["provenance"]["computed_from"] = used
    return written


def disagreements(records: Mapping[str, dict[str, Any]], by_platform: Mapping[str, Mapping[str, VersionFacts]],
                  published: Sequence[str]) -> list[dict[str, Any]]:
    """Per API, platform and Taro version read: where the typings tags and the shipped code disagree."""
    from checker.versions import Scheme, TaroVersion, parse_range

    found = []
    for name, record in sorted(records.items()):
        for platform, facts in sorted(by_platform.items()):
            documented = record["support"].get(platform, {}).get("documented") or []
            ranges = [parse_range(s["versions"], Scheme.SEMVER) for s in documented if s["status"] == "supported"]
            versions_code, versions_docs = [], []
            for version in published:
                if version not in facts:
                    continue
                cell = facts[version].cell(name)
                says = any(TaroVersion.parse(version) in r for r in ranges)
                if says and cell.status in ("unsupported", "stub"):
                    versions_docs.append(version)
                elif not says and cell.status == "supported" and not cell.forwarded:
                    versions_code.append(version)
            for kind, versions in (("code-only", versions_code), ("docs-only", versions_docs)):
                if versions:
                    cell = facts[versions[-1]].cell(name)
                    found.append({"api": name, "platform": platform, "kind": kind, "versions": versions,
                                  "code": cell.status + (" (forwarded)" if cell.forwarded else ""),
                                  "sources": [f"{p} {f}" for p, f in facts[versions[-1]].sources]})
    return found
