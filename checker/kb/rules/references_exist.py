"""KB107: ids that point elsewhere (alternatives, replacements, see also, catalogues) exist."""

from __future__ import annotations

from collections.abc import Iterator

from checker.errors import KnowledgeBaseError, Location
from checker.kb import LoadedMatrix

CODE = "KB107"


def check(loaded: LoadedMatrix) -> Iterator[KnowledgeBaseError]:
    matrix = loaded.matrix
    for api in matrix.apis():
        document = loaded.documents[api.path]
        pointers: list[tuple[tuple[str | int, ...], str]] = []
        for platform, support in api.support.items():
            pointers += [(("support", platform, "alternatives", i), ref) for i, ref in enumerate(support.alternatives)]
        for index, change in enumerate(api.changes):
            pointers += [(("changes", index, "replacement", i), ref) for i, ref in enumerate(change.replacement)]
        pointers += [(("replaced_by", i), ref) for i, ref in enumerate(api.replaced_by)]
        pointers += [(("see_also", i), ref) for i, ref in enumerate(api.see_also)]
        for path, ref in pointers:
            if ref not in matrix:
                yield KnowledgeBaseError(f"{ref!r} is not an API or component of the matrix", document.location(path), CODE)
    for platform in matrix.platforms.values():
        if platform.runtime is not None and platform.runtime not in matrix.catalogues:
            yield KnowledgeBaseError(
                f"runtime catalogue {platform.runtime!r} does not exist", Location(f"matrix/platforms/{platform.id}.yaml"), CODE
            )
    for usage in matrix.usage.values():
        if usage.catalogue not in matrix.catalogues:
            yield KnowledgeBaseError(
                f"catalogue {usage.catalogue!r} does not exist", Location(f"matrix/usage/{usage.id}.yaml"), CODE
            )
