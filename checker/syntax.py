"""The one module that imports tree-sitter: parsers for JavaScript, TypeScript and TSX.

Keeping the binding behind this door means a grammar or binding upgrade
touches one file (tree-sitter 0.25+ API: ``Parser(language)``, ``Query``, ``QueryCursor``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Collection
from functools import cache

import tree_sitter
import tree_sitter_javascript
import tree_sitter_typescript

__all__ = ["IDENTIFIERS", "THIS_MEMBERS", "Node", "captures", "first_error", "language_for", "named", "parse", "parse_as_built"]

Node = tree_sitter.Node


@cache
def _language(name: str) -> tree_sitter.Language:
    if name == "javascript":
        return tree_sitter.Language(tree_sitter_javascript.language())
    if name == "typescript":
        return tree_sitter.Language(tree_sitter_typescript.language_typescript())
    if name == "tsx":
        return tree_sitter.Language(tree_sitter_typescript.language_tsx())
    raise ValueError(f"no grammar for {name!r}")


def language_for(suffix: str) -> str:
    """The grammar for a file suffix: ``.ts`` is TypeScript, ``.tsx`` TSX, the rest JavaScript (with JSX)."""
    return {".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "tsx"}.get(suffix, "javascript")


def parse(source: bytes, language: str) -> tree_sitter.Tree:
    return tree_sitter.Parser(_language(language)).parse(source)


def parse_as_built(source: bytes, language: str) -> tuple[tree_sitter.Tree, str]:
    """Parse as Taro's compiler would build the file: a ``.js``/``.jsx`` file that the JavaScript grammar
    refuses (JSX ``class=``, TypeScript annotations, which Babel's TypeScript preset strips) is read again
    with the TSX grammar, whose tree wins when it parses further; and a bare ``&`` or ``>`` in JSX text
    (``积分 >``), which Babel reads as text (Babel 7.9+ refuses a ``>``; the older Babel of Taro 1 and 2
    builds it) and tree-sitter refuses, is read as a space (same length: positions hold).
    Returns the tree and its grammar."""
    tree = parse(source, language)
    if not tree.root_node.has_error:
        return tree, language
    if language == "javascript":
        retry = parse(source, "tsx")
        if not retry.root_node.has_error or first_error(retry.root_node).start_byte > first_error(tree.root_node).start_byte:
            tree, language = retry, "tsx"
    if language in ("javascript", "tsx"):
        tree = _without_bare_text_marks(source, tree, language)
    if language in ("typescript", "tsx") and tree.root_node.has_error:
        tree = _with_renamed_type_named_parameters(source, tree, language)
    return tree, language


# ``(object) => any``: a function type whose lone parameter is named like a predefined type, which
# TypeScript reads (a parameter "object" of type any) and tree-sitter-typescript refuses at the arrow
_TYPE_NAMED_PARAMETER = re.compile(rb"\(\s*(any|object|string|number|boolean|symbol|unknown|never|bigint)\s*\)\s*$")


def _with_renamed_type_named_parameters(source: bytes, tree: tree_sitter.Tree, language: str) -> tree_sitter.Tree:
    """Rename such a parameter (``object`` -> ``_bject``, same length: positions hold) and parse again."""
    text = bytearray(source)
    for _ in range(_MAX_REPAIRS):
        if not tree.root_node.has_error:
            break
        at = first_error(tree.root_node).start_byte
        if text[at : at + 2] != b"=>":
            break
        named = _TYPE_NAMED_PARAMETER.search(bytes(text[max(0, at - 64) : at]))
        if named is None:
            break
        text[max(0, at - 64) + named.start(1)] = 0x5F  # "_"
        tree = parse(bytes(text), language)
    return tree


def _in_jsx(node: tree_sitter.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type in ("jsx_element", "jsx_fragment"):
            return True
        parent = parent.parent
    return False


_ENTITY = re.compile(rb"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_MAX_REPAIRS = 16


def _without_bare_text_marks(source: bytes, tree: tree_sitter.Tree, language: str) -> tree_sitter.Tree:
    text = bytearray(source)
    for _ in range(_MAX_REPAIRS):
        if not tree.root_node.has_error:
            break
        error = first_error(tree.root_node)
        at = error.start_byte
        mark = text[at : at + 1]
        if mark not in (b"&", b">") or text[at + 1 : at + 2] == mark or (mark == b"&" and _ENTITY.match(text, at)):
            break  # an error that is not a bare & or > in text: leave it to the report
        if not _in_jsx(error):
            break
        text[at] = 0x20
        tree = parse(bytes(text), language)
    return tree


@cache
def _query(language: str, source: str) -> tree_sitter.Query:
    return tree_sitter.Query(_language(language), source)


def captures(node: tree_sitter.Node, language: str, source: str) -> dict[str, list[tree_sitter.Node]]:
    """Nodes captured by a tree-sitter query (compiled once per language and text), by capture name."""
    return tree_sitter.QueryCursor(_query(language, source)).captures(node)


def named(node: tree_sitter.Node, language: str, pattern: str, names: Collection[str]) -> list[tree_sitter.Node]:
    """The nodes ``pattern`` captures as ``@name`` whose text is one of ``names``, in source order. One static
    query filtered here: a query written for each file's names costs more to compile (milliseconds) than the walk."""
    if not names:
        return []
    wanted = {name.encode() for name in names}
    return [n for n in captures(node, language, pattern).get("name", ()) if n.text in wanted]


IDENTIFIERS = "(identifier) @name"
THIS_MEMBERS = "(member_expression object: (this) property: (property_identifier) @name)"


def first_error(root: tree_sitter.Node) -> tree_sitter.Node:
    """The shallowest ERROR or MISSING node (breadth first): where a reader would say the parse broke."""
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if node.type == "ERROR" or node.is_missing:
            return node
        queue.extend(node.children)
    return root
