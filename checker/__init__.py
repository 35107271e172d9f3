"""taro-compat: will every platform API a Taro project calls work where it ships?"""

from __future__ import annotations

from checker.version import __version__

__all__ = ["__version__", "check", "diff", "load", "plan", "query", "query_api", "query_since", "query_targets"]

_API = {"check", "diff", "load", "plan", "query", "query_api", "query_since", "query_targets"}


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # imported on first use, so that `taro-compat --version` stays a fast start
    if name in _API:
        from checker import api

        return getattr(api, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
