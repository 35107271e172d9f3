"""KB106: a file is named after the id it defines (BCD test-filename)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from checker.errors import KnowledgeBaseError
from checker.kb import LoadedMatrix

CODE = "KB106"


def check(loaded: LoadedMatrix) -> Iterator[KnowledgeBaseError]:
    for display, document in sorted(loaded.documents.items()):
        if not isinstance(document.data, dict) or "id" not in document.data:
            continue
        stem = PurePosixPath(display).name.removesuffix(".yaml")
        if stem != document.data["id"]:
            yield KnowledgeBaseError(
                f"file name {stem!r} differs from its id {document.data['id']!r}", document.location(("id",)), CODE
            )
