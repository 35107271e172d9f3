"""KB103: partial, stub and unknown statements explain themselves; KB104: stubs say what they do."""

from __future__ import annotations

from collections.abc import Iterator

from checker.errors import KnowledgeBaseError
from checker.kb import LoadedMatrix
from checker.kb.rules._walk import axes
from checker.model import Status

NEEDS_NOTE = (Status.PARTIAL, Status.STUB, Status.UNKNOWN)


def check(loaded: LoadedMatrix) -> Iterator[KnowledgeBaseError]:
    for group in axes(loaded.matrix):
        for statement in group.statements:
            label = f"{group.platform} {group.axis} {statement.versions.text!r}"
            if statement.status in NEEDS_NOTE and statement.note is None:
                yield KnowledgeBaseError(f"{label}: a {statement.status.value} statement needs a note", statement.where, "KB103")
            if statement.status is Status.STUB and statement.stub is None:
                yield KnowledgeBaseError(
                    f"{label}: a stub needs 'stub: {{development: ..., production: ...}}'", statement.where, "KB104"
                )
            if statement.status is not Status.STUB and statement.stub is not None:
                yield KnowledgeBaseError(f"{label}: 'stub' is only for status stub", statement.where, "KB104")
    for api in loaded.matrix.apis():
        for change in api.changes:
            if change.replacement == () and change.note is None:
                yield KnowledgeBaseError(
                    f"change {change.id}: say what to do instead (replacement) or why not (note)", change.where, "KB103"
                )
