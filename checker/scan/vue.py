"""Vue single-file components: keep the <script> blocks, blank the rest, keep every position.

The template and styles become spaces (newlines kept), so the script parses as one program
whose lines and columns are those of the whole .vue file.
"""

from __future__ import annotations

import re

__all__ = ["script_of_vue"]

# A top-level tag at the start of a line; an HTML tokenizer is not needed for SFC blocks, which
# Vue itself requires to be top level.
_OPEN = re.compile(rb"^<script\b([^>]*)>", re.M)
_CLOSE = re.compile(rb"</script\s*>")
_LANG = re.compile(rb"""\blang\s*=\s*["']?(tsx|ts|jsx|js)\b""")


def script_of_vue(source: bytes) -> tuple[bytes, str]:
    """The file with everything outside <script> blocks blanked, and the grammar to parse it with."""
    keep = bytearray(re.sub(rb"[^\n]", b" ", source))
    language = "javascript"
    position = 0
    while True:
        opened = _OPEN.search(source, position)
        if opened is None:
            break
        closed = _CLOSE.search(source, opened.end())
        end = closed.start() if closed else len(source)
        keep[opened.end() : end] = source[opened.end() : end]
        lang = _LANG.search(opened.group(1))
        if lang and lang.group(1) in (b"ts", b"tsx"):
            language = "tsx" if lang.group(1) == b"tsx" else "typescript"
        position = closed.end() if closed else len(source)
    return bytes(keep), language
