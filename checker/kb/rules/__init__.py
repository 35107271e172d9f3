"""Data rules of ``kb lint``, BCD-style: one small module per rule, all problems collected."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from checker.errors import KnowledgeBaseError
from checker.kb import LoadedMatrix
from checker.kb.rules import (
    computed_contradicted,
    file_names,
    notes_required,
    ranges_ordered,
    references_exist,
    sources_used,
    versions_in_catalogue,
)

__all__ = ["RULES", "lint"]

Rule = Callable[[LoadedMatrix], Iterable[KnowledgeBaseError]]

RULES: tuple[Rule, ...] = (
    versions_in_catalogue.check,
    ranges_ordered.check,
    notes_required.check,
    sources_used.check,
    file_names.check,
    references_exist.check,
    computed_contradicted.check,
)


def lint(loaded: LoadedMatrix) -> list[KnowledgeBaseError]:
    """Every rule's problems over an already loaded (schema-valid) matrix."""
    problems: list[KnowledgeBaseError] = []
    for rule in RULES:
        problems.extend(rule(loaded))
    return problems
