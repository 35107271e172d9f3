"""The one atomic writer: a temp file beside the target, then a rename; the temp file never outlives a failure.

Every file taro-compat writes (reports, baselines, caches, the site, imported matrix files) goes
through :func:`replace_atomically`, so a reader sees the old file or the new one, never a part.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["replace_atomically"]


def replace_atomically(path: Path, content: str | bytes | Iterable[bytes], *, make_parents: bool = False) -> None:
    """Write ``content`` (text is UTF-8) to ``path`` atomically; raises ``OSError`` with no temp file left behind."""
    directory = path.parent if str(path.parent) else Path(".")
    if make_parents:
        directory.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(content, str):
                out.write(content.encode("utf-8"))
            elif isinstance(content, bytes):
                out.write(content)
            else:
                for chunk in content:
                    out.write(chunk)
        os.replace(temp, path)
    except BaseException:  # a failed write, or an interrupt: the temp file goes with it
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
