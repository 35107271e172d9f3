"""Globs as .gitignore and the package managers' workspace lists read them: ``**`` any folders, ``*`` and ``?`` within one."""

from __future__ import annotations

import re
from functools import cache

__all__ = ["glob_regex"]


@cache
def glob_regex(pattern: str, *, with_contents: bool = False) -> re.Pattern[str]:
    """The regex of ``pattern``; ``with_contents`` also matches everything below a matched folder."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + ("(?:/.*)?" if with_contents else ""))
