"""KB107: ids that point elsewhere (alternatives, replacements, see also, catalogues, wrapper calls) exist."""

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
    for wrapper in matrix.wrappers.values():
        where = f"matrix/wrappers/{wrapper.id}.yaml"
        document = loaded.documents.get(where)
        for export, calls in wrapper.exports.items():
            for index, call in enumerate(calls):
                location = document.location(("exports", export, index)) if document is not None else Location(where)
                if call.api not in matrix:
                    yield KnowledgeBaseError(f"{call.api!r} is not an API of the matrix", location, CODE)
                for platform in call.platforms:
                    if platform not in matrix.platforms:
                        yield KnowledgeBaseError(f"platform {platform!r} does not exist", location, CODE)
    for usage in matrix.usage.values():
        if usage.catalogue not in matrix.catalogues:
            yield KnowledgeBaseError(
                f"catalogue {usage.catalogue!r} does not exist", Location(f"matrix/usage/{usage.id}.yaml"), CODE
            )
