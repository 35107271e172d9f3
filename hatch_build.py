"""Wheel-build hook: compile the matrix once, so the wheel ships its cache (checker/_data/matrix.cache).

The first check on a fresh machine then reads that cache, trusted by the digest of the matrix files it
was built from (checker/kb/cache.py), instead of parsing and validating every YAML file. Editable
installs read the checkout's matrix and build the cache on first use, as before.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class MatrixCacheHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        try:
            from checker.kb import build_prebuilt_cache
        finally:
            sys.path.remove(self.root)
        self._scratch = Path(tempfile.mkdtemp(prefix="taro-compat-build-"))
        out = self._scratch / "matrix.cache"
        build_prebuilt_cache(Path(self.root) / "matrix", out)
        build_data["force_include"][str(out)] = "checker/_data/matrix.cache"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
