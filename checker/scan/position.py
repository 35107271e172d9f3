"""Where a node is: its 1-based line and character column, and whether it sits in a type."""

from __future__ import annotations

from checker.syntax import Node

__all__ = ["in_type", "position"]

_TYPE_CONTEXTS = {"type_query", "type_annotation", "type_alias_declaration", "interface_declaration", "type_arguments"}


def position(node: Node, lines: list[bytes]) -> tuple[int, int]:
    """1-based line and column; the column counts characters, not UTF-8 bytes."""
    row, byte_column = node.start_point
    line = lines[row] if row < len(lines) else b""
    return row + 1, len(line[:byte_column].decode("utf-8", "replace")) + 1


def in_type(node: Node) -> bool:
    """``typeof Taro.getUserProfile`` in a type annotation names a type, it calls nothing."""
    parent = node.parent
    while parent is not None:
        if parent.type in _TYPE_CONTEXTS:
            return True
        if parent.type in ("statement_block", "program", "expression_statement"):
            return False
        parent = parent.parent
    return False
