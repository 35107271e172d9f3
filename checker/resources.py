"""The one place that knows where the bundled ``matrix/`` and ``reports/`` live.

In a wheel they are packaged as ``checker/_data/matrix`` and
``checker/_data/reports``; in a checkout (or an editable install) they are
the repository's own top-level folders.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_root", "matrix_root", "reports_root"]


def data_root() -> Path:
    packaged = Path(__file__).resolve().parent / "_data"
    if (packaged / "matrix").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def matrix_root() -> Path:
    return data_root() / "matrix"


def reports_root() -> Path:
    return data_root() / "reports"
