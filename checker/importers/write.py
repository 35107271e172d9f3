"""Imported facts -> matrix YAML under ``matrix/apis/imported/`` (one file per API id).

Each importer owns its part of a file: ``kb import taro`` the Taro axis, ``kb import wx-typings``
WeChat's runtime axis; a run keeps the other importer's part. Every statement is ``imported``
with its provenance (package@version, file, line); curated files are never written: the loader
merges them over the imported ones, field by field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from checker.atomic import replace_atomically
from checker.importers.taro import TaroPackage
from checker.importers.wx import WxPackage
from checker.versions import RuntimeVersion, TaroVersion

__all__ = ["ImportReport", "apply_taro", "apply_wx", "load_imported", "save_imported"]

BY = "taro-compat kb import"


@dataclass(frozen=True, slots=True)
class ImportReport:
    written: int
    problems: tuple[str, ...]
    conflicts: tuple[str, ...]


def _category(path: str) -> str:
    parts = [re.sub(r"[^a-z0-9-]+", "-", p.lower()).strip("-") for p in path.split("/") if p]
    parts = [p for p in parts if p]
    return "/".join(parts) or "misc"


def _source_id(kind: str, version: str) -> str:
    return f"imp-{kind}-{version}"


def load_imported(folder: Path) -> dict[str, dict[str, Any]]:
    """The imported files already in ``folder``, as plain data (this importer's own output)."""
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        if isinstance(data, dict) and "id" in data:
            found[data["id"]] = data
    return found


def _entry(records: dict[str, dict[str, Any]], api_id: str, category: str, summary: str) -> dict[str, Any]:
    return records.setdefault(api_id, {"id": api_id, "kind": "api", "category": category, "summary": summary,
                                       "support": {}, "sources": {}, "provenance": {"imported_from": [], "by": BY}})


def _provenance(record: dict[str, Any], keep: str, add: Sequence[str]) -> None:
    """Replace one importer's packages in the record's provenance, keep the other importer's."""
    others = [p for p in record["provenance"]["imported_from"] if not p.startswith(keep)]
    record["provenance"]["imported_from"] = sorted({*others, *add})


def apply_taro(records: dict[str, dict[str, Any]], packages: Sequence[TaroPackage], platforms: Sequence[str],
               catalogue: set[str]) -> list[str]:
    """Taro-axis statements from several @tarojs/taro versions: an API documented for a platform in two
    neighbouring sampled versions is taken as documented for every release between them; where the
    documentation starts or stops between two samples, that stretch stays unknown."""
    problems: list[str] = []
    ordered = sorted(packages, key=lambda p: TaroVersion.parse(p.version))
    names = sorted({name for package in ordered for name in package.apis})
    for record in records.values():  # this importer's part is rewritten whole
        for support in record["support"].values():
            support.pop("documented", None)
        record["sources"] = {k: v for k, v in record["sources"].items() if not k.startswith("imp-taro-")}
    for name in names:
        latest = next((p.apis[name] for p in reversed(ordered) if name in p.apis))
        record = _entry(records, name, _category(latest.file.removeprefix("types/api/").rsplit("/", 1)[0]),
                        f"Taro.{name} (imported from @tarojs/taro's declarations)")
        used: set[str] = set()
        for platform in platforms:
            present = [name in p.apis and (platform in p.apis[name].platforms or "*" in p.apis[name].platforms) for p in ordered]
            statements = []
            index = 0
            while index < len(ordered):
                if not present[index]:
                    index += 1
                    continue
                end = index
                while end + 1 < len(ordered) and present[end + 1]:
                    end += 1
                low, high = ordered[index].version, ordered[end].version
                versions = f">={low}" if end == len(ordered) - 1 else f">={low} <={high}"
                refs = [_source_id("taro", ordered[i].version) for i in (index, end)]
                used.update(refs)
                if low not in catalogue or high not in catalogue:
                    problems.append(f"{name} on {platform}: {low} or {high} is not in the Taro catalogue")
                tag = "global (a Taro framework API)" if "*" in ordered[end].apis[name].platforms else platform
                statements.append({"versions": versions, "status": "supported", "confidence": "imported",
                                   "sources": sorted(set(refs)),
                                   "note": f"documented with @supported {tag} in the declarations of every sampled version from {low} to {high}"})
                index = end + 1
            if statements:  # documentation: a computed Taro axis (kb import taro-runtime) outranks it
                record["support"].setdefault(platform, {})["documented"] = statements
        for package in ordered:
            source = _source_id("taro", package.version)
            if source in used:
                entry = package.apis.get(name) or latest
                record["sources"][source] = {"package": f"@tarojs/taro@{package.version}", "file": entry.file, "line": entry.line}
        _provenance(record, "@tarojs/taro@", [f"@tarojs/taro@{p.version}" for p in ordered])
        problems += [p for package in ordered for p in package.problems]
    _drop_empty(records)
    return sorted(set(problems))


def apply_wx(records: dict[str, dict[str, Any]], package: WxPackage, catalogue: set[str], platform: str) -> list[str]:
    """The runtime axis of ``platform`` (the one whose global is ``wx``): supported from the typings'
    minimum, unsupported below it."""
    problems = list(package.problems)
    source = _source_id("wx", package.version)
    for record in records.values():
        support = record["support"].get(platform)
        if support is not None:
            support.pop("runtime", None)
            support.pop("deprecated", None)
            support.pop("alternatives", None)
        record["sources"] = {k: v for k, v in record["sources"].items() if not k.startswith("imp-wx-") and k != "imp-doc"}
        record.pop("restrictions", None)
    for name, api in sorted(package.apis.items()):
        category = _category(api.doc.split("/dev/api/", 1)[1].rsplit("/", 1)[0]) if api.doc and "/dev/api/" in api.doc else "misc"
        record = _entry(records, name, category, f"wx.{name} (imported from miniprogram-api-typings)")
        if api.description:  # WeChat's own Chinese description of the method
            english = record["summary"].get("en") if isinstance(record["summary"], dict) else record["summary"]
            record["summary"] = {"en": english, "zh": api.description}
        refs = [source] + (["imp-doc"] if api.doc else [])
        record["sources"][source] = {"package": f"miniprogram-api-typings@{package.version}", "file": api.file, "line": api.line}
        if api.doc:
            record["sources"]["imp-doc"] = {"url": api.doc}
        minimum = api.minimum or "1.0.0"
        if minimum not in catalogue:
            problems.append(f"{api.file}:{api.line}: {name}: base library {minimum} is not in the WeChat catalogue; imported as unknown")
            continue
        statements = []
        if RuntimeVersion.parse(minimum) > RuntimeVersion.parse("1.0.0"):
            statements.append({"versions": f"<{minimum}", "status": "unsupported", "confidence": "imported", "sources": refs})
        statement = {"versions": f">={minimum}", "status": "supported", "confidence": "imported", "sources": refs}
        if api.minimum is None:
            statement["note"] = "the typings give no minimum: an API of the first base libraries (1.x)"
        statements.append(statement)
        support = record["support"].setdefault(platform, {})
        support["runtime"] = statements
        if api.deprecated_from:
            note = {"en": f"deprecated from base library {api.deprecated_from}", "zh": f"基础库 {api.deprecated_from} 起已废弃"}
            support["deprecated"] = {"note": note, "confidence": "imported", "sources": refs}
            if api.replacements:
                support["alternatives"] = list(api.replacements)
        if api.plugin == "unsupported":
            record["restrictions"] = [{"id": "not-in-plugin", "platforms": [platform], "note": "not available in mini-program plugins",
                                       "confidence": "imported", "sources": refs}]
        _provenance(record, "miniprogram-api-typings@", [f"miniprogram-api-typings@{package.version}"])
    _drop_empty(records)
    return sorted(set(problems))


def _drop_empty(records: dict[str, dict[str, Any]]) -> None:
    for api_id in list(records):
        record = records[api_id]
        record["support"] = {p: s for p, s in record["support"].items() if any(s.get(k) for k in ("taro", "documented", "runtime", "native_api"))}
        if not record["support"]:
            del records[api_id]


def save_imported(folder: Path, records: Mapping[str, dict[str, Any]]) -> int:
    """Write one YAML file per API (and remove imported files no longer produced)."""
    folder.mkdir(parents=True, exist_ok=True)
    keep = set()
    for api_id, record in sorted(records.items()):
        ordered = {key: record[key] for key in ("id", "kind", "category", "summary", "provenance", "support", "restrictions", "sources") if key in record}
        ordered["provenance"] = {key: record["provenance"][key] for key in ("imported_from", "computed_from", "by") if key in record["provenance"]}
        # one canonical order, whichever importer ran last: files change only when facts do
        ordered["support"] = {platform: {key: entry[key] for key in ("taro", "documented", "runtime", "native_api", "deprecated", "alternatives") if key in entry}
                              for platform, entry in sorted(record["support"].items())}
        ordered["sources"] = dict(sorted(record["sources"].items()))
        text = "# Written by `taro-compat kb import`; do not edit: curate in matrix/apis/<id>.yaml, which wins field by field.\n"
        text += yaml.dump(ordered, allow_unicode=True, sort_keys=False, width=120, Dumper=_QuotingDumper)
        target = folder / f"{api_id}.yaml"
        keep.add(target.name)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            replace_atomically(target, text)
    for stale in folder.glob("*.yaml"):
        if stale.name not in keep:
            stale.unlink()
    return len(keep)


class _QuotingDumper(yaml.SafeDumper):
    """Strings are always quoted where they could read as numbers (versions!); never an alias (the matrix refuses them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if re.fullmatch(r"[\d.<>=* |-]+", value) or value in ("", "yes", "no", "on", "off", "true", "false") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_QuotingDumper.add_representer(str, _represent_str)


def save_report(path: Path, report: Mapping[str, Any]) -> None:
    """An importer's report (matrix/reports/), written atomically and only when it changed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# Written by `taro-compat kb import taro-runtime`; do not edit. Format: matrix/FORMAT.md.\n"
    text += yaml.dump(dict(report), allow_unicode=True, sort_keys=False, width=120, Dumper=_QuotingDumper)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    from checker.output import write_atomic

    write_atomic(path, text)
