"""Where Taro's docs (the @supported tags of its typings) and its shipped code disagree, as the site shows it.

``kb import taro-runtime`` writes the report (``matrix/reports/taro-docs-vs-code.yaml``, described in
matrix/FORMAT.md); this module turns its plain data into typed entries once, at the boundary, and
into what the page prints. An entry::

    - api: setStorage
      platform: alipay
      kind: code-only            # code-only: the code has Taro.X where the tags are silent
                                 # docs-only: the tags claim Taro.X where the code has none (or a stub)
      versions: ">=1.3.0 <=3.2.16"
      code: supported            # what the code does there
      sources: ["@tarojs/shared@3.2.16 dist/shared.esm.js", ...]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import InvalidRange, KnowledgeBaseError, KnowledgeBaseErrors, Location
from checker.model import Matrix, Status
from checker.render.site_axis import Axis
from checker.render.site_words import stretches_phrase
from checker.versions import Scheme, VersionRange, parse_range
from checker.yamlread import YamlProblem, read_documents

__all__ = ["DOCS_VS_CODE", "DocsCodeReport", "Disagreement", "disagreement_rows", "parse_report", "read_report"]

DOCS_VS_CODE = Path("reports") / "taro-docs-vs-code.yaml"  # inside matrix/
KINDS = ("code-only", "docs-only")
_STATUSES = {s.value for s in Status}
_TEXT_FIELDS = ("api", "platform", "kind", "versions", "code")


@dataclass(frozen=True, slots=True)
class Disagreement:
    api: str
    platform: str
    kind: str  # one of KINDS
    versions: VersionRange[Any]  # Taro versions
    code: str  # a status: what the shipped code does there
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocsCodeReport:
    entries: tuple[Disagreement, ...]
    versions_read: tuple[str, ...]
    packages_read: int
    generated_by: str


def _line(entry: Any, key: str) -> int:
    return getattr(entry, "key_at", {}).get(key, (0, 0))[0]


def parse_report(data: Any, path: str) -> DocsCodeReport:
    """The report's entries; a malformed one is a located error."""
    if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
        raise KnowledgeBaseError("expected a mapping with an 'entries' list", Location(path, 1), "KB001")
    found = []
    for index, entry in enumerate(data["entries"]):
        where = Location(path, _line(entry, "api"))
        if not isinstance(entry, Mapping) or not all(isinstance(entry.get(k), str) for k in _TEXT_FIELDS):
            raise KnowledgeBaseError(f"entry {index + 1}: needs {', '.join(_TEXT_FIELDS)} as text", where, "KB001")
        if entry["kind"] not in KINDS:
            raise KnowledgeBaseError(f"entry {index + 1}: kind {entry['kind']!r} is not one of {', '.join(KINDS)}", where, "KB001")
        if entry["code"] not in _STATUSES:
            raise KnowledgeBaseError(f"entry {index + 1}: code {entry['code']!r} is not a status", where, "KB001")
        try:
            versions = parse_range(entry["versions"], Scheme.SEMVER)
        except InvalidRange as error:
            raise KnowledgeBaseError(f"entry {index + 1}: {error}", Location(path, _line(entry, "versions")), "KB002") from None
        found.append(Disagreement(entry["api"], entry["platform"], entry["kind"], versions, entry["code"],
                                  tuple(str(s) for s in entry.get("sources") or ())))
    read = data.get("versions_read") or []
    packages = data.get("packages_read")
    return DocsCodeReport(tuple(found), tuple(str(v) for v in read), packages if isinstance(packages, int) else 0,
                          str(data.get("generated_by") or ""))


def read_report(path: Path) -> DocsCodeReport | None:
    """The report; None when the knowledge base has none yet."""
    if not path.is_file():
        return None
    where = path.as_posix()
    try:
        documents = read_documents(path.read_text(encoding="utf-8"), typed=True)
        return parse_report(documents[0] if documents else None, where)
    except YamlProblem as problem:
        raise KnowledgeBaseErrors([KnowledgeBaseError(problem.message, Location(where, problem.line, problem.column), "KB001")]) from None
    except KnowledgeBaseError as error:
        raise KnowledgeBaseErrors([error]) from None
    except UnicodeDecodeError:
        raise KnowledgeBaseErrors([KnowledgeBaseError("not UTF-8 text", Location(where), "KB001")]) from None


def disagreement_rows(report: DocsCodeReport | None, matrix: Matrix, taro_axis: Axis, t: Mapping[str, Any],
                      lang: str) -> list[dict[str, Any]]:
    rows = []
    for item in sorted(report.entries if report else (), key=lambda d: (d.api, d.platform, d.kind)):
        platform = matrix.platforms.get(item.platform)
        rows.append({
            "item": item, "known": item.api in matrix,
            "platform": (platform.short_name or platform.name).get(lang) if platform else item.platform,
            "words": stretches_phrase(taro_axis, taro_axis.span_range(item.versions), t), "exact": str(item.versions),
            "documented": "supported" if item.kind == "docs-only" else "unknown",
        })
    return rows
