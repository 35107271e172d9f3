"""Loading the knowledge base: ``matrix/`` -> :class:`checker.model.Matrix`.

Cold: read every YAML file strictly, validate it against its JSON Schema,
build every model object (collecting all problems), then cache the validated
data. Warm: when the files' fingerprint matches the cache, read the cache's
index; each API is built from its cached blob when first used.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker.version import __version__
from checker.cachedir import cache_dir as default_cache_dir
from checker.errors import KnowledgeBaseError, KnowledgeBaseErrors, Location
from checker.kb import cache as _cache
from checker.kb._yaml import Document, read_yaml
from checker.kb.build import ApiBuilder
from checker.kb.build_meta import build_catalogue, build_platform, build_usage, check_taro_catalogue
from checker.kb.wrappers import build_wrapper
from checker.kb.files import MatrixFile, digest, fingerprint, list_files
from checker.kb.merge import is_imported, merge_records
from checker.kb.schema import validate
from checker.model import Api, Matrix

__all__ = ["LoadedMatrix", "build_prebuilt_cache", "load_documents", "load_matrix"]

_BUILDERS: dict[str, Callable[..., Any]] = {
    "platform": build_platform, "catalogue": build_catalogue, "usage": build_usage, "wrapper": build_wrapper,
}
_SECTION = {"platform": "platforms", "catalogue": "catalogues", "usage": "usage", "wrapper": "wrappers"}


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
    stamp = fingerprint(files)
    cache_path = _cache.cache_file(cache_dir or default_cache_dir(), root)
    if use_cache:
        cached = _cache.read_index(cache_path)
        if cached is not None and cached.fingerprint == stamp:
            return _from_cache(cached, root)
    content_digest = digest(files, __version__)
    if use_cache:
        # a wheel ships the cache it built for these very files: trusted by digest, never by times
        prebuilt = _cache.read_index(_cache.prebuilt_file(root))
        if prebuilt is not None and prebuilt.digest == content_digest:
            if _cache.adopt(prebuilt, cache_path, stamp):
                adopted = _cache.read_index(cache_path)
                if adopted is not None and adopted.digest == content_digest:
                    return _from_cache(adopted, root)
            return _from_cache(prebuilt, root)
    loaded = load_documents(root, files=files, content_digest=content_digest)
    if use_cache:
        _cache.write_cache(cache_path, content_digest, stamp, loaded.payload)  # unwritable: only slower
    return loaded.matrix


def build_prebuilt_cache(root: Path, out: Path) -> str:
    """Build the cache a wheel ships for ``root`` (at wheel-build time); returns the content digest."""
    files, errors = list_files(Path(root))
    if errors:
        raise KnowledgeBaseErrors(errors)
    content_digest = digest(files, __version__)
    loaded = load_documents(Path(root), files=files, content_digest=content_digest)
    if not _cache.write_cache(out, content_digest, [], loaded.payload):
        raise OSError(f"cannot write {out}")
    return content_digest


def load_documents(root: Path, *, files: list[MatrixFile] | None = None, content_digest: str | None = None) -> LoadedMatrix:
    """The cold path: parse, validate and build everything, collecting every problem."""
    root = Path(root)
    if files is None:
        files, listing_errors = list_files(root)
        if listing_errors:
            raise KnowledgeBaseErrors(listing_errors)
    content_digest = content_digest or digest(files, __version__)
    errors: list[KnowledgeBaseError] = []
    documents: dict[str, Document] = {}
    kinds: dict[str, str] = {}  # display path -> file kind
    gc.disable()  # the cyclic GC would otherwise spend most of the load walking fresh objects
    try:
        for file in files:
            if file.kind == "schema":
                continue
            try:
                document = read_yaml(file.read(), file.display)
            except KnowledgeBaseError as error:
                errors.append(error)
                continue
            except OSError as error:
                errors.append(KnowledgeBaseError(f"cannot read: {error.strerror}", Location(file.display), "KB001"))
                continue
            problems = validate(document, file.kind, root / "schema")
            if problems:
                errors.extend(problems)
                continue
            documents[file.display] = document
            kinds[file.display] = file.kind
    finally:
        gc.enable()

    payload: dict[str, Any] = {"meta": {}, "platforms": {}, "catalogues": {}, "usage": {}, "wrappers": {}, "apis": {}}
    built: dict[str, dict[str, Any]] = {"platforms": {}, "catalogues": {}, "usage": {}, "wrappers": {}}
    for display, document in documents.items():
        kind = kinds[display]
        if kind == "meta":
            payload["meta"] = document.data
            continue
        if kind == "report":  # an importer's findings, for the site: validated, not part of the model
            continue
        section = "apis" if kind == "api" else _SECTION[kind]
        item_id = document.data["id"]
        record = {"path": display, "data": document.data}
        if item_id in payload[section]:
            earlier = payload[section][item_id]
            if kind == "api" and is_imported(earlier["path"]) != is_imported(display):
                curated, imported = (record, earlier) if is_imported(earlier["path"]) else (earlier, record)
                record = {"path": curated["path"], "data": merge_records(imported["data"], curated["data"]), "imported": imported["path"]}
            else:
                errors.append(KnowledgeBaseError(f"{kind} {item_id!r} is defined twice", document.location(("id",)), "KB006"))
        payload[section][item_id] = record
        if kind != "api":
            try:
                built[section][item_id] = _BUILDERS[kind](document.data, display, document.location)
            except KnowledgeBaseErrors as group:
                errors.extend(group.errors)
    if "meta" not in kinds.values() and not any(e.location.path.endswith("_meta.yaml") for e in errors):
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
    matrix = Matrix(
        digest=content_digest,
        platforms=built["platforms"],
        catalogues=built["catalogues"],
        usage=built["usage"],
        api_records=payload["apis"],
        build_api=builder,
        built_apis=apis,
        wrappers=built["wrappers"],
    )
    return LoadedMatrix(matrix, documents, payload)


def _from_cache(cached: _cache.CacheIndex, root: Path) -> Matrix:
    index = cached.index

    def nowhere(path: str) -> Callable[..., Location]:
        return lambda at, key=False: Location(path)

    built = {
        section: {
            item_id: _BUILDERS[kind](record["data"], record["path"], nowhere(record["path"]))
            for item_id, record in index.get(section, {}).items()
        }
        for kind, section in _SECTION.items()
    }
    builder = ApiBuilder(built["platforms"], built["catalogues"])

    def build_api(entry: list[Any]) -> Api:
        data = _cache.read_blob(cached, entry)
        if data is not None:
            return builder({"path": entry[0], "data": data})
        # a damaged blob is never trusted: drop the cache and read this API from its YAML
        _cache.remove(cached.file)
        return _load_one(root.parent / entry[0], entry[0], root, builder)

    return Matrix(
        digest=cached.digest,
        platforms=built["platforms"],
        catalogues=built["catalogues"],
        usage=built["usage"],
        api_records=index["apis"],
        build_api=build_api,
        wrappers=built["wrappers"],
    )


def _load_one(path: Path, display: str, root: Path, builder: ApiBuilder) -> Api:
    document = read_yaml(path.read_bytes(), display)
    problems = validate(document, "api", root / "schema")
    if problems:
        raise KnowledgeBaseErrors(problems)
    return builder({"path": display, "data": document.data}, document.location)
