"""Names every stage agrees on (the framework's package, the folders never walked). Plain constants."""

from __future__ import annotations

__all__ = ["SKIPPED_DIRS", "TARO_PACKAGE"]

TARO_PACKAGE = "@tarojs/taro"  # the dependency that makes a Taro project, and the module its code imports

# dependencies, build output, caches and VCS: never a project, never the team's source
SKIPPED_DIRS = frozenset({"node_modules", "dist", "build", "output", "out", "coverage", "release", ".git", ".taro-cache"})
