"""JSON Schema validation of matrix files, with errors placed at ``file:line:col``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from checker.errors import KnowledgeBaseError
from checker.kb._yaml import Document

__all__ = ["FILE_KINDS", "validate"]

# file kind -> schema file, in matrix/schema/
FILE_KINDS = {
    "meta": "meta.schema.json",
    "platform": "platform.schema.json",
    "catalogue": "catalogue.schema.json",
    "usage": "usage.schema.json",
    "api": "api.schema.json",
    "wrapper": "wrapper.schema.json",
    "report": "report.schema.json",
}


@cache
def _validator(schema_dir: Path, kind: str):  # type: ignore[no-untyped-def]
    # jsonschema is imported here: a warm load from the cache never needs it
    import jsonschema
    from referencing import Registry, Resource

    resources = []
    for name in {"common.schema.json", *FILE_KINDS.values()}:
        contents = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        resources.append((name, Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    schema = json.loads((schema_dir / FILE_KINDS[kind]).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, registry=registry)


def validate(document: Document, kind: str, schema_dir: Path) -> list[KnowledgeBaseError]:
    """Every schema violation in ``document``, each located and worded for a data editor."""
    errors = []
    validator = _validator(schema_dir, kind)
    for error in sorted(validator.iter_errors(document.data), key=lambda e: [str(p) for p in e.absolute_path]):
        errors.append(_describe(document, error))
    return errors


def _describe(document: Document, error) -> KnowledgeBaseError:  # type: ignore[no-untyped-def]
    path = tuple(error.absolute_path)
    where = "/".join(str(part) for part in path) or "(top)"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(key for key in error.instance if key not in allowed)
        key = unknown[0] if unknown else ""
        choices = ", ".join(sorted(allowed))
        return KnowledgeBaseError(
            f"unknown key {key!r} in {where} (allowed: {choices})", document.location((*path, key), key=True), "KB002"
        )
    raw = document.raw(path)
    if error.validator == "type" and raw is not None and "string" in str(error.validator_value):
        return KnowledgeBaseError(
            f"{where}: {raw} was read as a {type(error.instance).__name__}; quote it: \"{raw}\"",
            document.location(path),
            "KB002",
        )
    if error.validator == "oneOf" and error.context:
        # report the branch that got furthest rather than "is not valid under any"
        best = max(error.context, key=lambda e: len(e.absolute_path))
        return _describe(document, best)
    message = error.message
    if raw is not None:  # say what was written, not what YAML made of it (yes -> True)
        message = message.replace(repr(error.instance), repr(raw), 1)
    return KnowledgeBaseError(f"{where}: {message}", document.location(path), "KB002")
