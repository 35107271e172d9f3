"""KB105: every source an API file defines is cited somewhere in it."""

from __future__ import annotations

from collections.abc import Iterator

from checker.errors import KnowledgeBaseError
from checker.kb import LoadedMatrix
from checker.model import Api

CODE = "KB105"


def _cited(api: Api) -> set[str]:
    found: set[str] = set()
    for support in api.support.values():
        for statement in support.taro + support.runtime + support.documented:
            found.update(s.id for s in statement.sources)
        for extra in (support.deprecated, support.can_i_use, support.native_api):
            if extra is not None:
                found.update(s.id for s in extra.sources)
    for group in (api.changes, api.params, api.returns, api.restrictions, api.notes):
        for item in group:
            found.update(s.id for s in item.sources)
    return found


def check(loaded: LoadedMatrix) -> Iterator[KnowledgeBaseError]:
    for api in loaded.matrix.apis():
        document = loaded.documents[api.path]  # the curated file when one merges over an import
        for unused in sorted(set(document.data.get("sources", {})) - _cited(api)):
            yield KnowledgeBaseError(
                f"source {unused!r} is defined but never cited", document.location(("sources", unused), key=True), CODE
            )
