"""Reading JSON manifests: strict first; comments and trailing commas tolerated with a warning.

Taro's CLI reads project.config.json with a plain JSON.parse, so a commented
file breaks ``taro build``; we still read it, and say so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import Location, ProjectError

__all__ = ["JsonFile", "MAX_MANIFEST_BYTES", "read_json"]

MAX_MANIFEST_BYTES = 16 * 1024 * 1024

# string-aware: a "//" inside a string (a URL) is text, not a comment
_STRING_OR_COMMENT = re.compile(r'("(?:\\.|[^"\\\n])*")|//[^\n]*|/\*.*?\*/', re.S)
_STRING_OR_TRAILING_COMMA = re.compile(r'("(?:\\.|[^"\\\n])*")|,(?=\s*[}\]])')


@dataclass(frozen=True, slots=True)
class JsonFile:
    data: Any
    text: str
    lenient: bool  # comments or trailing commas had to be removed

    def line_of(self, key: str) -> int:
        """The line where ``"key"`` first appears (1-based; 0 when absent): for pointing at a value."""
        at = self.text.find(json.dumps(key, ensure_ascii=False))
        return self.text.count("\n", 0, at) + 1 if at >= 0 else 0


def read_json(path: Path, display: str) -> JsonFile:
    """Parse ``path``; raises :class:`ProjectError` with line and column on bad input."""
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ProjectError(f"file is over {MAX_MANIFEST_BYTES // (1024 * 1024)} MB; not a manifest", Location(display))
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ProjectError("is a directory, not a file", Location(display)) from None
    except OSError as error:
        raise ProjectError(f"cannot read: {error.strerror}", Location(display)) from None
    text = _decode(raw, display)
    try:
        return JsonFile(json.loads(text), text, False)
    except RecursionError:
        raise ProjectError("JSON nested too deeply", Location(display, 1, 1)) from None
    except json.JSONDecodeError as strict_error:
        stripped = _STRING_OR_TRAILING_COMMA.sub(
            lambda m: m.group(1) or "", _STRING_OR_COMMENT.sub(lambda m: m.group(1) or "", text)
        )
        if stripped != text:
            try:
                return JsonFile(json.loads(stripped), text, True)
            except (json.JSONDecodeError, RecursionError):
                pass
        raise ProjectError(
            f"invalid JSON: {strict_error.msg}", Location(display, strict_error.lineno, strict_error.colno)
        ) from None


def _decode(raw: bytes, display: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ProjectError("not valid UTF-16 text", Location(display)) from None
    if b"\x00" in raw:
        raise ProjectError("binary content (NUL bytes), not JSON", Location(display))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProjectError("not UTF-8 text", Location(display, raw[: error.start].count(b"\n") + 1)) from None
