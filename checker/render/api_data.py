"""Model objects -> plain JSON-ready data, in a fixed key order (machine output)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checker.model import Api, Change, Param, PlatformSupport, ReturnField, Source, Statement, Text
from checker.support import AxisAnswer, Resolution

__all__ = ["api_data", "resolution_data", "text_data", "source_data"]


def text_data(text: Text | None) -> dict[str, str] | None:
    if text is None:
        return None
    return {key: value for key, value in (("en", text.en), ("zh", text.zh)) if value}


def source_data(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {"id": source.id, "cite": source.cite()}
    for key in ("url", "package", "file", "line", "licence"):
        value = getattr(source, key)
        if value is not None:
            data[key] = value
    if source.title:
        data["title"] = text_data(source.title)
    if source.note:
        data["note"] = text_data(source.note)
    return data


def _ids(sources: tuple[Source, ...]) -> list[str]:
    return [source.id for source in sources]


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None and value != [] and value != {}}


def statement_data(statement: Statement) -> dict[str, Any]:
    return _drop_none(
        {
            "versions": str(statement.versions),
            "status": statement.status.value,
            "confidence": statement.confidence.value,
            "promise": statement.promise,
            "stub": {"development": statement.stub.development.value, "production": statement.stub.production.value}
            if statement.stub
            else None,
            "note": text_data(statement.note),
            "sources": _ids(statement.sources),
        }
    )


def support_data(support: PlatformSupport) -> dict[str, Any]:
    return _drop_none(
        {
            "taro": [statement_data(s) for s in support.taro],
            "runtime": [statement_data(s) for s in support.runtime],
            "note": text_data(support.note),
            "alternatives": list(support.alternatives),
            "deprecated": {
                "note": text_data(support.deprecated.note),
                "confidence": support.deprecated.confidence.value,
                "sources": _ids(support.deprecated.sources),
            }
            if support.deprecated
            else None,
            "can_i_use": _drop_none(
                {
                    "answers": support.can_i_use.answers,
                    "confidence": support.can_i_use.confidence.value,
                    "note": text_data(support.can_i_use.note),
                    "sources": _ids(support.can_i_use.sources),
                }
            )
            if support.can_i_use
            else None,
        }
    )


def change_data(change: Change) -> dict[str, Any]:
    when = _drop_none(
        {
            "published_after": change.published_after.isoformat() if change.published_after else None,
            "in_effect_from": change.in_effect_from.isoformat() if change.in_effect_from else None,
            "runtime": str(change.runtime) if change.runtime else None,
            "taro": str(change.taro) if change.taro else None,
        }
    )
    return _drop_none(
        {
            "id": change.id,
            "kind": change.kind,
            "platforms": list(change.platforms),
            "announced": change.announced.isoformat() if change.announced else None,
            "when": when,
            "summary": text_data(change.summary),
            "note": text_data(change.note),
            "replacement": list(change.replacement),
            "confidence": change.confidence.value,
            "sources": _ids(change.sources),
        }
    )


def _runtime_map(mapping: Mapping[str, Any]) -> dict[str, str]:
    return {platform: ("*" if value is None else str(value)) for platform, value in sorted(mapping.items())}


def param_data(param: Param) -> dict[str, Any]:
    return _drop_none(
        {
            "name": param.name,
            "type": param.type,
            "required": param.required,
            "default": param.default,
            "enum": list(param.enum),
            "max_length": param.max_length,
            "platforms": _runtime_map(param.platforms),
            "note": text_data(param.note),
            "confidence": param.confidence.value,
            "sources": _ids(param.sources),
        }
    )


def field_data(field: ReturnField) -> dict[str, Any]:
    return _drop_none(
        {
            "name": field.name,
            "type": field.type,
            "runtime": _runtime_map(field.runtime),
            "note": text_data(field.note),
            "confidence": field.confidence.value,
            "sources": _ids(field.sources),
        }
    )


def api_data(api: Api) -> dict[str, Any]:
    """The whole entry of one API, as JSON-ready data."""
    return _drop_none(
        {
            "id": api.id,
            "kind": api.kind,
            "category": api.category,
            "component": dict(api.component) if api.component else None,
            "summary": text_data(api.summary),
            "support": {platform: support_data(api.support[platform]) for platform in sorted(api.support)},
            "changes": [change_data(c) for c in api.changes],
            "params": [param_data(p) for p in api.params],
            "returns": [field_data(f) for f in api.returns],
            "restrictions": [
                {"id": r.id, "platforms": list(r.platforms), "note": text_data(r.note), "confidence": r.confidence.value,
                 "sources": _ids(r.sources)}
                for r in api.restrictions
            ],
            "notes": [
                _drop_none({"text": text_data(n.text), "platforms": list(n.platforms), "confidence": n.confidence.value,
                            "sources": _ids(n.sources)})
                for n in api.notes
            ],
            "replaced_by": list(api.replaced_by),
            "see_also": list(api.see_also),
            "imported_from": list(api.imported_from),
            "sources": {key: source_data(api.sources[key]) for key in sorted(api.sources)},
            "file": api.path,
        }
    )


def _axis_data(answer: AxisAnswer) -> dict[str, Any]:
    return {
        "axis": answer.axis,
        "version": str(answer.version) if answer.version is not None else None,
        "status": answer.status.value if answer.status else None,
        "statement": statement_data(answer.statement) if answer.statement else None,
        "requirement": answer.requirement,
    }


def resolution_data(resolution: Resolution) -> dict[str, Any]:
    """The answer for one exact combination of platform and versions."""
    cited: dict[str, Source] = {}
    for answer in resolution.axes:
        if answer.statement:
            cited.update((s.id, s) for s in answer.statement.sources)
    for match in resolution.changes:
        cited.update((s.id, s) for s in match.change.sources)
    return {
        "api": resolution.api.id,
        "platform": resolution.platform,
        "native": resolution.native,
        "published": resolution.published.isoformat() if resolution.published else None,
        "verdict": resolution.verdict.value if resolution.verdict else None,
        "axes": [_axis_data(answer) for answer in resolution.axes],
        "changes": [
            {"applicability": match.applicability.value, **change_data(match.change)} for match in resolution.changes
        ],
        "sources": {key: source_data(cited[key]) for key in sorted(cited)},
    }
