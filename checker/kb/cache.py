"""The compiled matrix cache: validated data as JSON, keyed by the matrix digest.

A warm load reads one JSON file instead of parsing and validating every YAML
file. The file is written atomically (temp file + rename) and carries its own
checksum, so a truncated or edited cache is detected and rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["default_cache_dir", "read_cache", "write_cache"]

_FORMAT = 1


def default_cache_dir() -> Path:
    """``$TARO_COMPAT_CACHE_DIR``, else ``$XDG_CACHE_HOME/taro-compat``, else ``~/.cache/taro-compat``."""
    explicit = os.environ.get("TARO_COMPAT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "taro-compat"


def _cache_file(cache_dir: Path, digest: str) -> Path:
    return cache_dir / f"matrix-{digest[:32]}.json"


def read_cache(cache_dir: Path, digest: str) -> dict[str, Any] | None:
    """The cached payload for ``digest``, or None when absent, stale or corrupt."""
    try:
        raw = _cache_file(cache_dir, digest).read_bytes()
    except OSError:
        return None
    header, _, body = raw.partition(b"\n")
    try:
        meta = json.loads(header)
        if meta.get("format") != _FORMAT or meta.get("digest") != digest:
            return None
        if meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        payload = json.loads(body)
    except (ValueError, AttributeError):
        return None
    return payload if isinstance(payload, dict) else None


def write_cache(cache_dir: Path, digest: str, payload: dict[str, Any]) -> bool:
    """Write atomically; returns False (and leaves no partial file) when the directory is not writable."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"format": _FORMAT, "digest": digest, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    target = _cache_file(cache_dir, digest)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".matrix-", suffix=".tmp", dir=cache_dir)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header + b"\n" + body)
        os.replace(temp, target)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return False
    return True
