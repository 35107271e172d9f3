"""Members of a TypeScript interface with the JSDoc comment right before each (a syntax tree, not regexes)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.syntax import Node, captures, parse

__all__ = ["Member", "interface_members"]

_QUERY = "(interface_declaration name: (type_identifier) @name body: (interface_body) @body) @interface"
_MEMBERS = {"method_signature", "property_signature"}


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    comment: str  # the JSDoc text, "" when none
    line: int  # 1-based line of the member


def interface_members(source: bytes, interface: str) -> Iterator[Member]:
    """Every member of every ``interface <interface>`` in the file (declaration merging spreads them)."""
    tree = parse(source, "typescript")
    found = captures(tree.root_node, "typescript", _QUERY)
    for body in found.get("body", ()):
        declaration = body.parent
        name = declaration.child_by_field_name("name") if declaration is not None else None
        if name is None or name.text is None or name.text.decode() != interface:
            continue
        yield from _members(body)


def _members(body: Node) -> Iterator[Member]:
    previous: Node | None = None
    for child in body.named_children:
        if child.type in _MEMBERS:
            key = child.child_by_field_name("name")
            if key is not None and key.text is not None and key.type in ("property_identifier", "string"):
                comment = previous.text.decode("utf-8", "replace") if previous is not None and previous.type == "comment" and previous.text else ""
                yield Member(key.text.decode().strip("'\""), comment, child.start_point[0] + 1)
        previous = child
