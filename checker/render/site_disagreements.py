"""Where Taro's docs (the @supported tags of its typings) and its shipped code disagree, as the site shows it.

The importer over Taro's packages writes the list (``matrix/docs-vs-code.yaml``); this module turns
its plain data into typed rows once, at the boundary, and into what the page prints. Each entry::

    - api: setStorage
      platform: alipay
      taro: ">=1.3.0 <3.6.40"      # the Taro versions where the two disagree
      documented: unsupported      # what the tags say: supported | unsupported
      computed: supported          # what the code does: supported | partial | stub | unsupported
      note: {en: ..., zh: ...}     # optional
      evidence: ["@tarojs/plugin-platform-alipay@3.6.0 dist/runtime.js:12", ...]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pathlib import Path

from checker.errors import InvalidRange, KnowledgeBaseError, KnowledgeBaseErrors, Location
from checker.model import Matrix, Status, Text
from checker.render.site_axis import Axis
from checker.render.site_words import stretches_phrase
from checker.versions import Scheme, VersionRange, parse_range
from checker.yamlread import YamlProblem, read_documents

__all__ = ["DOCS_VS_CODE", "Disagreement", "disagreement_rows", "parse_disagreements", "read_disagreements"]

DOCS_VS_CODE = "docs-vs-code.yaml"  # in matrix/, beside the API folders

_STATUSES = {s.value for s in Status}


@dataclass(frozen=True, slots=True)
class Disagreement:
    api: str
    platform: str
    taro: VersionRange[Any]
    documented: str
    computed: str
    evidence: tuple[str, ...]
    note: Text | None = None


def _text(value: Any) -> Text | None:
    if isinstance(value, str):
        return Text(en=value)
    if isinstance(value, Mapping):
        return Text(en=value.get("en"), zh=value.get("zh"))
    return None


def read_disagreements(path: Path) -> tuple[Disagreement, ...]:
    """The file's entries; none when the knowledge base has no such file yet."""
    if not path.is_file():
        return ()
    where = path.as_posix()
    try:
        documents = read_documents(path.read_text(encoding="utf-8"), typed=True)
        return parse_disagreements(documents[0] if documents else None, where)
    except YamlProblem as problem:
        raise KnowledgeBaseErrors([KnowledgeBaseError(problem.message, Location(where, problem.line, problem.column), "KB001")]) from None
    except KnowledgeBaseError as error:
        raise KnowledgeBaseErrors([error]) from None
    except UnicodeDecodeError:
        raise KnowledgeBaseErrors([KnowledgeBaseError("not UTF-8 text", Location(where), "KB001")]) from None


def parse_disagreements(data: Any, path: str) -> tuple[Disagreement, ...]:
    """The entries of the file's ``disagreements`` list; a malformed one is a located error."""
    entries = data.get("disagreements") if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        raise KnowledgeBaseError("expected a mapping with a 'disagreements' list", Location(path, 1), "KB001")
    found = []
    for index, entry in enumerate(entries):
        line = getattr(entry, "key_at", {}).get("api", (0, 0))[0] if isinstance(entry, Mapping) else 0
        where = Location(path, line)
        if not isinstance(entry, Mapping) or not all(isinstance(entry.get(k), str) for k in ("api", "platform", "taro", "documented", "computed")):
            raise KnowledgeBaseError(f"disagreement {index + 1}: needs api, platform, taro, documented and computed as text", where, "KB001")
        for key in ("documented", "computed"):
            if entry[key] not in _STATUSES:
                raise KnowledgeBaseError(f"disagreement {index + 1}: {key} {entry[key]!r} is not a status", where, "KB001")
        try:
            taro = parse_range(entry["taro"], Scheme.SEMVER)
        except InvalidRange as error:
            raise KnowledgeBaseError(f"disagreement {index + 1}: {error}", where, "KB002") from None
        evidence = entry.get("evidence") or []
        found.append(Disagreement(entry["api"], entry["platform"], taro, entry["documented"], entry["computed"],
                                  tuple(str(e) for e in evidence), _text(entry.get("note"))))
    return tuple(found)


def disagreement_rows(items: Sequence[Disagreement], matrix: Matrix, taro_axis: Axis, t: Mapping[str, Any],
                      lang: str) -> list[dict[str, Any]]:
    rows = []
    for item in sorted(items, key=lambda d: (d.api, d.platform)):
        platform = matrix.platforms.get(item.platform)
        runs = taro_axis.span_range(item.taro)
        rows.append({
            "item": item, "known": item.api in matrix,
            "platform": (platform.short_name or platform.name).get(lang) if platform else item.platform,
            "words": stretches_phrase(taro_axis, runs, t), "exact": str(item.taro),
            "note": item.note.get(lang) if item.note else "",
        })
    return rows
