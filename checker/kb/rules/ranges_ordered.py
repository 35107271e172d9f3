"""KB102: on one axis, statements are listed from old to new and never overlap."""

from __future__ import annotations

from collections.abc import Iterator

from checker.errors import KnowledgeBaseError
from checker.kb import LoadedMatrix
from checker.kb.rules._walk import axes

CODE = "KB102"


def check(loaded: LoadedMatrix) -> Iterator[KnowledgeBaseError]:
    for group in axes(loaded.matrix):
        intervals = [(interval, statement) for statement in group.statements for interval in statement.versions.intervals]
        for index, (interval, statement) in enumerate(intervals):
            for other, other_statement in intervals[index + 1 :]:
                if interval.overlaps(other):
                    yield KnowledgeBaseError(
                        f"{group.platform} {group.axis}: {other_statement.versions.text!r} overlaps {statement.versions.text!r}",
                        other_statement.where,
                        CODE,
                    )
                elif other.sort_key() < interval.sort_key():
                    yield KnowledgeBaseError(
                        f"{group.platform} {group.axis}: {other_statement.versions.text!r} comes before "
                        f"{statement.versions.text!r}: list statements from old to new",
                        other_statement.where,
                        CODE,
                    )
