"""The model of wrapper libraries (matrix/wrappers/): which exports of a package call which API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checker.model import Confidence, Source

__all__ = ["Wrapper", "WrapperCall"]


@dataclass(frozen=True, slots=True)
class WrapperCall:
    """One API an export of a wrapper library calls."""

    api: str
    platforms: tuple[str, ...]  # the library calls it only there; empty: wherever it runs
    source: Source  # package@version, file and line of the call
    tested: bool = False  # the library tests that the API exists before calling it


@dataclass(frozen=True, slots=True)
class Wrapper:
    """Which exports of a library (taro-hooks, taro-ui, ...) call which API, for some of its versions."""

    id: str
    package: str
    versions: str  # npm range of the package
    confidence: Confidence
    exports: Mapping[str, tuple[WrapperCall, ...]]
    sources: Mapping[str, Source]
