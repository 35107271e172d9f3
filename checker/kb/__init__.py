"""Loading the knowledge base: ``matrix/`` -> :class:`checker.model.Matrix`.

Cold: read every YAML file strictly, validate it against its JSON Schema,
build every model object (collecting all problems), then cache the validated
data. Warm: read the cache for the matrix's digest; APIs are built on use.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from checker import __version__
from checker.errors import KnowledgeBaseError, KnowledgeBaseErrors, Location
from checker.kb import cache as _cache
from checker.kb._yaml import Document, read_yaml
from checker.kb.build import ApiBuilder, build_catalogue, build_platform, build_usage, check_taro_catalogue
from checker.kb.files import MatrixFile, list_files
from checker.kb.files import digest as _digest
from checker.kb.schema import validate
from checker.model import Api, Matrix

__all__ = ["LoadedMatrix", "load_matrix", "load_documents"]

_BUILDERS = {"platform": build_platform, "catalogue": build_catalogue, "usage": build_usage}
_SECTION = {"platform": "platforms", "catalogue": "catalogues", "usage": "usage"}


class LoadedMatrix:
    """A cold load: the matrix, its documents (with positions, for lint) and the cache payload."""

    def __init__(self, matrix: Matrix, documents: dict[str, Document], payload: dict[str, Any]) -> None:
        self.matrix = matrix
        self.documents = documents
        self.payload = payload


def load_matrix(root: Path, *, cache_dir: Path | None = None, use_cache: bool = True) -> Matrix:
    """Load ``root`` (a ``matrix/`` directory); raises :class:`KnowledgeBaseErrors`."""
    root = Path(root)
    files, errors = list_files(root)
    if errors:
        raise KnowledgeBaseErrors(errors)
    digest = _digest(files, root / "schema", __version__)
    directory = cache_dir or _cache.default_cache_dir()
    if use_cache:
        payload = _cache.read_cache(directory, digest)
        if payload is not None:
            return _from_payload(payload, digest)
    loaded = load_documents(root, files=files, digest=digest)
    if use_cache:
        _cache.write_cache(directory, digest, loaded.payload)  # an unwritable cache only costs speed
    return loaded.matrix


def load_documents(root: Path, *, files: list[MatrixFile] | None = None, digest: str | None = None) -> LoadedMatrix:
    """The cold path: parse, validate and build everything, collecting every problem."""
    root = Path(root)
    if files is None:
        files, errors = list_files(root)
        if errors:
            raise KnowledgeBaseErrors(errors)
    digest = digest or _digest(files, root / "schema", __version__)
    errors: list[KnowledgeBaseError] = []
    documents: dict[str, Document] = {}
    kinds: dict[str, str] = {}  # display path -> file kind
    gc.disable()  # the cyclic GC would otherwise spend most of the load walking fresh nodes
    try:
        for file in files:
            try:
                document = read_yaml(file.raw, file.display)
            except KnowledgeBaseError as error:
                errors.append(error)
                continue
            problems = validate(document, file.kind, root / "schema")
            if problems:
                errors.extend(problems)
                continue
            documents[file.display] = document
            kinds[file.display] = file.kind
    finally:
        gc.enable()

    payload: dict[str, Any] = {"meta": {}, "platforms": {}, "catalogues": {}, "usage": {}, "apis": {}}
    built: dict[str, dict[str, Any]] = {"platforms": {}, "catalogues": {}, "usage": {}}
    for display, document in documents.items():
        kind = kinds[display]
        if kind == "meta":
            payload["meta"] = document.data
        elif kind == "api":
            api_id = document.data["id"]
            if api_id in payload["apis"]:
                errors.append(KnowledgeBaseError(f"API {api_id!r} is defined twice", document.location(("id",)), "KB006"))
            payload["apis"][api_id] = {"path": display, "data": document.data}
        else:
            section = _SECTION[kind]
            item_id = document.data["id"]
            if item_id in payload[section]:
                errors.append(KnowledgeBaseError(f"{kind} {item_id!r} is defined twice", document.location(("id",)), "KB006"))
            payload[section][item_id] = {"path": display, "data": document.data}
            try:
                built[section][item_id] = _BUILDERS[kind](document.data, display, document.location)
            except KnowledgeBaseErrors as group:
                errors.extend(group.errors)
    if not any(kind == "meta" for kind in kinds.values()) and not any(e.location.path.endswith("_meta.yaml") for e in errors):
        errors.append(KnowledgeBaseError("_meta.yaml is missing", Location(f"{root.name}/_meta.yaml"), "KB001"))
    errors.extend(check_taro_catalogue(built["catalogues"], f"{root.name}/catalogues"))
    builder = ApiBuilder(built["platforms"], built["catalogues"])
    apis: dict[str, Api] = {}
    for api_id, record in payload["apis"].items():
        try:
            apis[api_id] = builder(record, documents[record["path"]].location)
        except KnowledgeBaseErrors as group:
            errors.extend(group.errors)
    if errors:
        raise KnowledgeBaseErrors(errors)
    matrix = _matrix(digest, built, payload["apis"], builder, apis)
    return LoadedMatrix(matrix, documents, payload)


def _matrix(
    digest: str,
    built: dict[str, dict[str, Any]],
    records: dict[str, Any],
    builder: ApiBuilder,
    apis: dict[str, Api] | None = None,
) -> Matrix:
    return Matrix(
        digest=digest,
        platforms=built["platforms"],
        catalogues=built["catalogues"],
        usage=built["usage"],
        api_records=records,
        build_api=builder,
        built_apis=apis,
    )


def _from_payload(payload: dict[str, Any], digest: str) -> Matrix:
    def nowhere(path: str):  # type: ignore[no-untyped-def]
        return lambda at, key=False: Location(path)

    built: dict[str, dict[str, Any]] = {}
    for section, kind in (("platforms", "platform"), ("catalogues", "catalogue"), ("usage", "usage")):
        built[section] = {
            item_id: _BUILDERS[kind](record["data"], record["path"], nowhere(record["path"]))
            for item_id, record in payload[section].items()
        }
    return _matrix(digest, built, payload["apis"], ApiBuilder(built["platforms"], built["catalogues"]))

