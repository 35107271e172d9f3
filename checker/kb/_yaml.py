"""Matrix files: strict, typed YAML with the position of every value and key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.errors import KnowledgeBaseError, Location
from checker.yamlread import YamlList, YamlMap, YamlProblem, read_documents

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "Document", "Path_", "read_yaml"]

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]


@dataclass(slots=True)
class Document:
    """A parsed matrix file: its data (YamlMap/YamlList, which remember positions)."""

    path: str
    data: Any

    def _walk(self, path: Path_) -> tuple[Any, Any]:
        """The container holding the last step of ``path`` and that step (None, None if absent)."""
        node = self.data
        for step in path[:-1]:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None, None
        return node, path[-1]

    def location(self, path: Path_, *, key: bool = False) -> Location:
        """Where the value at ``path`` (or its key) stands; the nearest parent's place if absent."""
        probe = tuple(path)
        while probe:
            parent, step = self._walk(probe)
            if isinstance(parent, YamlMap) and isinstance(step, str):
                table = parent.key_at if key else parent.value_at
                if step in table:
                    return Location(self.path, *table[step])
                if step in parent.value_at:
                    return Location(self.path, *parent.value_at[step])
            if isinstance(parent, YamlList) and isinstance(step, int) and 0 <= step < len(parent.item_at):
                return Location(self.path, *parent.item_at[step])
            probe = probe[:-1]
            key = False
        return Location(self.path, 1, 1)

    def raw(self, path: Path_) -> str | None:
        """How a typed scalar was written (``2.10`` for the float 2.1), if it was not a string."""
        parent, step = self._walk(path) if path else (None, None)
        if isinstance(parent, (YamlMap, YamlList)):
            return parent.raw.get(step)  # type: ignore[arg-type]
        return None


def read_yaml(raw: bytes, display_path: str) -> Document:
    """Parse one matrix file; raises :class:`KnowledgeBaseError` at the first problem."""
    if len(raw) > MAX_FILE_BYTES:
        raise KnowledgeBaseError(f"file is {len(raw)} bytes, over the {MAX_FILE_BYTES} byte limit", Location(display_path), "KB001")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise KnowledgeBaseError("not UTF-8 text", Location(display_path, line), "KB001") from None
    try:
        documents = read_documents(text, typed=True, max_depth=MAX_DEPTH)
    except YamlProblem as problem:
        raise KnowledgeBaseError(problem.message, Location(display_path, problem.line, problem.column), "KB001") from None
    if not documents or documents == [None]:
        raise KnowledgeBaseError("empty file", Location(display_path, 1, 1), "KB001")
    if len(documents) > 1:
        raise KnowledgeBaseError("one YAML document per file", Location(display_path, 1, 1), "KB001")
    return Document(display_path, documents[0])
