"""`kb import taro-runtime`: read every package folder, compute the facts, write them (nothing on bad input)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.importers.runtime_facts import PlatformTarget, VersionFacts, facts_by_version
from checker.importers.runtime_read import PackageError, PackageFacts, read_package
from checker.importers.runtime_write import NativeNames, apply_runtime, disagreements, reset
from checker.model import Matrix
from checker.versions import TaroVersion

__all__ = ["import_runtime"]

REPORT_ID = "taro-docs-vs-code"
_TYPINGS = {"@mini-types/my": "my", "@douyin-microapp/typings": "tt"}  # package -> the native global it types


def _read_all(folders: Sequence[Path]) -> list[PackageFacts]:
    packages = []
    for folder in folders:
        try:
            packages.append(read_package(folder))
        except PackageError as error:
            raise UsageError(f"taro-compat: {error}") from None
    return packages


def _published(matrix: Matrix) -> list[str]:
    """Stable Taro releases in order (pre-releases are inside the ranges, never a boundary)."""
    return [v.text for v in matrix.taro_catalogue().versions if "-" not in v.text]


def _native_names(matrix: Matrix, records: dict[str, dict[str, Any]], packages: Sequence[PackageFacts] = ()) -> dict[str, NativeNames]:
    found: dict[str, NativeNames] = {}
    for package in packages:
        native_global = _TYPINGS.get(package.name)
        platform = next((p.id for p in matrix.platforms.values() if p.native_global == native_global), None)
        if native_global and platform:
            found[platform] = NativeNames(package.facts.runtime_names, f"{package.name}@{package.version}",
                                          package.files[0], True,
                                          f"{{name}} is declared by {package.name}@{package.version}: present in the current runtime, minimum not published")
    # the newest @tarojs/taro whose typings `kb import taro` read (the tags' own provenance)
    tagged_versions = {p.split("@")[-1] for r in records.values() for p in r["provenance"].get("imported_from", ()) if p.startswith("@tarojs/taro@")}
    newest = max(tagged_versions, key=TaroVersion.parse) if tagged_versions else None
    for platform in matrix.platforms.values():
        if platform.native_global is None or platform.runtime is not None or platform.id in found:
            continue
        tagged = frozenset(name for name, record in records.items()
                           for s in record["support"].get(platform.id, {}).get("documented", [])
                           if s["status"] == "supported" and newest and s["versions"].startswith(">=") and " " not in s["versions"])
        if tagged:
            found[platform.id] = NativeNames(tagged, f"@tarojs/taro@{newest}", "types/api", False,
                                             f"Taro's @supported tags at {newest} list {platform.id} for {{name}}: evidence that the native API exists, no minimum")
    return found


def import_runtime(matrix: Matrix, records: dict[str, dict[str, Any]], folders: Sequence[Path], reports: Path) -> tuple[int, list[str]]:
    from checker.importers.write import save_report

    packages = _read_all(folders)
    published = _published(matrix)
    by_platform: dict[str, dict[str, VersionFacts]] = {}
    problems = []
    for platform in sorted(matrix.platforms.values(), key=lambda p: p.id):
        facts = facts_by_version(packages, PlatformTarget(platform.id, platform.taro_env, platform.native_global))
        unknown = [v for v in facts if v not in published]
        problems += [f"{platform.id}: Taro {v} is not in the Taro catalogue" for v in unknown]
        if facts:
            by_platform[platform.id] = {v: f for v, f in facts.items() if v in published}
    reset(records)  # before reading the tags back: a first run finds them under `taro`
    native = _native_names(matrix, records, packages)
    written = apply_runtime(records, by_platform, published, native)
    found = disagreements(records, by_platform, published)
    read = sorted({v for facts in by_platform.values() for v in facts}, key=TaroVersion.parse)
    summary = {"entries": len(found), "code-only": sum(1 for e in found if e["kind"] == "code-only"),
               "docs-only": sum(1 for e in found if e["kind"] == "docs-only")}
    save_report(reports / f"{REPORT_ID}.yaml", {
        "id": REPORT_ID, "title": "Where Taro's typings tags (@supported) and its shipped code disagree",
        "generated_by": "taro-compat kb import taro-runtime", "versions_read": read, "packages_read": len(packages),
        "summary": summary, "entries": [{**e, "versions": _compact(e["versions"], read)} for e in found]})
    return written, problems


def _compact(versions: list[str], published: Sequence[str]) -> str:
    """Some of the read versions -> ranges over the read ones: ``>=3.1.4 <=3.2.16 || 3.4.0``."""
    order = {v: i for i, v in enumerate(published)}
    parts, start, previous = [], versions[0], versions[0]
    for version in versions[1:]:
        if order[version] != order[previous] + 1:
            parts.append((start, previous))
            start = version
        previous = version
    parts.append((start, previous))
    return " || ".join(f">={a} <={b}" if a != b else f"{a}" for a, b in parts)
