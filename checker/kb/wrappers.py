"""Build a wrapper library file (matrix/wrappers/ID.yaml) into the model."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checker.errors import InvalidRange, KnowledgeBaseError, KnowledgeBaseErrors
from checker.kb.build import Locate, _sources
from checker.model import Confidence, Source
from checker.model_wrappers import Wrapper, WrapperCall
from checker.versions import Scheme, parse_range

__all__ = ["build_wrapper"]


def build_wrapper(data: Mapping[str, Any], path: str, locate: Locate) -> Wrapper:
    sources = _sources(data["sources"])
    cited = next((s for s in sources.values() if s.package), next(iter(sources.values())))
    exports = {
        name: tuple(
            WrapperCall(call["api"], tuple(call.get("platforms") or ()), Source(cited.id, package=cited.package, file=call["file"], line=call["line"]),
                        bool(call.get("tested")))
            for call in calls
        )
        for name, calls in data["exports"].items()
    }
    try:
        parse_range(data["versions"], Scheme.SEMVER)
    except InvalidRange as error:
        raise KnowledgeBaseErrors([KnowledgeBaseError(f"bad version range: {error}", locate(("versions",)), "KB004")]) from None
    return Wrapper(data["id"], data["package"], data["versions"], Confidence(data["confidence"]), exports, sources)
