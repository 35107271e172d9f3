"""The compiled matrix cache: validated data as JSON, keyed by the matrix's content digest.

Layout of one cache file (one per matrix directory)::

    header line   {"format", "digest", "fingerprint", "index_length", "index_sha256"}
    index         JSON: meta, platforms, catalogues, usage, and for each API [path, offset, length, sha256]
    blobs         one JSON document per API

A warm load stats the matrix files; when names, sizes and times match the
recorded fingerprint it reads the header and the index only, and an API's
blob when it is first used. Every part carries a sha256: a truncated or
edited cache is detected and never trusted. Writes are atomic (temp file +
rename), so a killed run leaves the previous cache whole.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.atomic import replace_atomically
from checker.cachedir import cache_file_for

__all__ = ["PREBUILT_SUFFIX", "CacheIndex", "adopt", "cache_file", "prebuilt_file", "read_blob", "read_index", "remove", "write_cache"]

_FORMAT = 2


PREBUILT_SUFFIX = ".cache"


def cache_file(directory: Path, root: Path) -> Path:
    return cache_file_for("matrix", root, ".cache", directory)


def prebuilt_file(root: Path) -> Path:
    """Where a wheel ships the cache it built for its own matrix: beside it (``_data/matrix.cache``).
    Its fingerprint means nothing on another machine; only its digest is trusted."""
    return root.with_name(root.name + PREBUILT_SUFFIX)


def adopt(prebuilt: CacheIndex, path: Path, fingerprint: list[list[object]]) -> bool:
    """Copy a prebuilt cache to ``path`` with this machine's fingerprint, atomically, so that the next
    load is a stat-only warm one. False when it cannot be written (the prebuilt one is then read)."""
    try:
        with open(prebuilt.file, "rb") as handle:
            header = json.loads(handle.readline(1 << 24))
            rest = handle.read()
        header["fingerprint"] = fingerprint
        replace_atomically(path, [json.dumps(header, separators=(",", ":")).encode() + b"\n", rest], make_parents=True)
    except (OSError, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True, slots=True)
class CacheIndex:
    file: Path
    digest: str
    fingerprint: list[list[object]]
    index: dict[str, Any]
    blobs_start: int


def read_index(path: Path) -> CacheIndex | None:
    """The header and index of a cache file, or None when absent or damaged."""
    try:
        with open(path, "rb") as handle:
            header = json.loads(handle.readline(1 << 24))
            raw_index = handle.read(header["index_length"])
            blobs_start = handle.tell()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(header, dict) or header.get("format") != _FORMAT:
        return None
    if hashlib.sha256(raw_index).hexdigest() != header.get("index_sha256"):
        return None
    try:
        index = json.loads(raw_index)
    except ValueError:
        return None
    return CacheIndex(path, header["digest"], header["fingerprint"], index, blobs_start)


def read_blob(cache: CacheIndex, entry: list[Any]) -> dict[str, Any] | None:
    """One API's data, or None when that part of the file is damaged."""
    _, offset, length, checksum = entry
    try:
        with open(cache.file, "rb") as handle:
            handle.seek(cache.blobs_start + offset)
            raw = handle.read(length)
    except OSError:
        return None
    if len(raw) != length or hashlib.sha256(raw).hexdigest() != checksum:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def write_cache(path: Path, digest: str, fingerprint: list[list[object]], payload: dict[str, Any]) -> bool:
    """Write atomically; False (and no partial file) when the directory is not writable."""
    blobs = []
    entries: dict[str, list[Any]] = {}
    offset = 0
    for api_id, record in sorted(payload["apis"].items()):
        raw = json.dumps(record["data"], ensure_ascii=False, separators=(",", ":")).encode()
        entries[api_id] = [record["path"], offset, len(raw), hashlib.sha256(raw).hexdigest()]
        blobs.append(raw)
        offset += len(raw)
    index = {key: payload.get(key, {}) for key in ("meta", "platforms", "catalogues", "usage", "wrappers")}
    index["apis"] = entries
    raw_index = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()
    header = {
        "format": _FORMAT,
        "digest": digest,
        "fingerprint": fingerprint,
        "index_length": len(raw_index),
        "index_sha256": hashlib.sha256(raw_index).hexdigest(),
    }
    try:
        replace_atomically(path, [json.dumps(header, separators=(",", ":")).encode() + b"\n", raw_index, *blobs], make_parents=True)
    except OSError:
        return False
    return True


def remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
