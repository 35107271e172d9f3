"""Where caches live: ``$TARO_COMPAT_CACHE_DIR``, else ``$XDG_CACHE_HOME/taro-compat``, else ``~/.cache/taro-compat``."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

__all__ = ["cache_dir", "cache_file_for"]


def cache_dir() -> Path:
    explicit = os.environ.get("TARO_COMPAT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "taro-compat"


def cache_file_for(kind: str, directory: Path, suffix: str, base: Path | None = None) -> Path:
    """One cache file per (kind, folder): e.g. the matrix cache of a matrix folder, the scan cache of a project."""
    where = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:24]
    return (base or cache_dir()) / f"{kind}-{where}{suffix}"
