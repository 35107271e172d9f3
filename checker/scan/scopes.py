"""Who a name refers to: the Taro namespace, a named import from it, a native global, or a local.

A light scope model fed by one tree-sitter query (declarations, imports,
parameters): each function, block, catch clause and the program declare names; a name is local when any enclosing scope
declares it. That is what keeps ``tim.getUserProfile()`` and a local ``wx``
parameter out of the results.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from checker.names import TARO_PACKAGE
from checker.syntax import Node

__all__ = ["Bindings", "TARO_MODULE"]

TARO_MODULE = TARO_PACKAGE
_SCOPES = {
    "program",
    "statement_block",
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function",
    "catch_clause",
    "for_statement",
    "for_in_statement",
    "class_body",
}


def _text(node: Node | None) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text is not None else ""


def _string_value(node: Node | None) -> str | None:
    if node is None or node.type != "string":
        return None
    return "".join(_text(part) for part in node.named_children if part.type == "string_fragment")


class Bindings:
    """Bindings of one file: the Taro namespace's local names, named imports, and every local declaration."""

    def __init__(self, found: dict[str, list[Node]], globals_: frozenset[str], platform_packages: Mapping[str, str] | None = None) -> None:
        self.globals = globals_
        self.platform_packages = platform_packages or {}  # @tarojs/taro-h5 -> h5: the namespace built for one platform
        self.namespaces: set[str] = set()  # local names of the Taro namespace
        self.named: dict[str, str] = {}  # local name -> API (import { getUserProfile as gup })
        self.imported: dict[str, tuple[str, str]] = {}  # local name -> (module, exported name; "default", "*")
        self.platform_envs: set[str] = set()  # TARO_ENV values of the platform packages Taro comes from
        self._declared: dict[int, set[str]] = {}  # scope node id -> names declared there
        self._watched: set[str] = set(globals_) | {"Taro"}
        self._collect(found)

    # -- resolution ------------------------------------------------------------------
    def is_local(self, name: str, node: Node) -> bool:
        """Declared by an enclosing scope (imports and requires of Taro do not count as local)."""
        scope = node.parent
        while scope is not None:
            if name in self._declared.get(scope.id, ()):
                return True
            scope = scope.parent
        return False

    def namespace_of(self, node: Node) -> str | None:
        """'taro' or a native global when ``node`` (an identifier) names one, else None."""
        if node.type != "identifier":
            return None
        name = _text(node)
        if name in self.namespaces:
            return "taro"
        if name != "Taro" and name not in self.globals:
            return None
        if self.is_local(name, node):
            return None
        return "taro" if name == "Taro" else name  # a global Taro (ProvidePlugin setups) is the namespace

    def named_api(self, node: Node) -> str | None:
        """The API a name imported from Taro stands for, unless a nearer declaration shadows it."""
        if node.type != "identifier":
            return None
        name = _text(node)
        if name not in self.named or self.is_local(name, node):
            return None
        return self.named[name]

    # -- collection (from the captures of the file's query) --------------------------------
    def _collect(self, found: dict[str, list[Node]]) -> None:
        for node in found.get("import", ()):
            self._import(node)
        rest = [node for node in found.get("decl", ()) if not self._taro_declarator(node)]
        # only declarations of names the scanner asks about can change an answer
        self._watched = self.globals | {"Taro"} | self.namespaces | set(self.named)
        for node in rest:
            target = node.child_by_field_name("name")
            if target is not None and (target.type != "identifier" or _text(target) in self._watched):
                for name in _pattern_names(target):
                    self._declare(node, name)
        for node in [*found.get("fname", ()), *found.get("cname", ())]:
            if node.parent is not None:
                self._declare(node.parent.parent, _text(node))  # declared in the scope around the declaration
        for node in found.get("params", ()):
            for name in _pattern_names(node):
                self._declare(node.parent, name)
        for node in found.get("arrowparam", ()):
            self._declare(node.parent, _text(node))
        for node in found.get("catch", ()):
            for name in _pattern_names(node):
                self._declare(node.parent, name)

    def _declare(self, scope: Node | None, name: str) -> None:
        if name not in self._watched:
            return
        while scope is not None and scope.type not in _SCOPES:
            scope = scope.parent
        if scope is not None:
            self._declared.setdefault(scope.id, set()).add(name)

    def _import(self, node: Node) -> None:
        source = _string_value(node.child_by_field_name("source"))
        clause = next((c for c in node.named_children if c.type == "import_clause"), None)
        if clause is None:
            return
        for part in clause.named_children:
            if part.type == "identifier":  # default import
                self._bind_namespace_or_local(part, source)
            elif part.type == "namespace_import":
                name = next((c for c in part.named_children if c.type == "identifier"), None)
                if name is not None:
                    self._bind_namespace_or_local(name, source)
            elif part.type == "named_imports":
                for spec in part.named_children:
                    if spec.type != "import_specifier":
                        continue
                    imported = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias") or imported
                    if self._is_taro(source) and imported is not None:
                        self.named[_text(alias)] = _text(imported)
                    else:
                        self._declare(node.parent, _text(alias))
                        if source and imported is not None:
                            self.imported[_text(alias)] = (source, _text(imported))
        for part in clause.named_children:
            if source and not self._is_taro(source) and part.type in ("identifier", "namespace_import"):
                name = part if part.type == "identifier" else next((c for c in part.named_children if c.type == "identifier"), None)
                if name is not None:
                    self.imported[_text(name)] = (source, "default" if part.type == "identifier" else "*")

    def _is_taro(self, source: str | None) -> bool:
        if source == TARO_MODULE:
            return True
        if source in self.platform_packages:
            self.platform_envs.add(self.platform_packages[source])
            return True
        return False

    def _bind_namespace_or_local(self, name: Node, source: str | None) -> None:
        if self._is_taro(source):
            self.namespaces.add(_text(name))
        else:
            self._declare(name.parent, _text(name))  # import wx from './mock' shadows the global

    def _taro_declarator(self, node: Node) -> bool:
        """Record ``const Taro = require('@tarojs/taro')``, ``const T = Taro``, ``const { x } = Taro``."""
        target = node.child_by_field_name("name")
        value = _unwrap(node.child_by_field_name("value"))
        if target is None or value is None or not (self._is_require_of_taro(value) or self._names_namespace(value)):
            return False
        if target.type == "identifier":
            self.namespaces.add(_text(target))
            return True
        if target.type == "object_pattern":
            for local, imported in _destructured(target):
                self.named[local] = imported
            return True
        return False

    def _is_require_of_taro(self, node: Node) -> bool:
        if node.type != "call_expression":
            return False
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or _text(function) != "require" or arguments is None:
            return False
        first = arguments.named_children[0] if arguments.named_children else None
        return self._is_taro(_string_value(first))

    def _names_namespace(self, node: Node) -> bool:
        return node.type == "identifier" and (_text(node) in self.namespaces or _text(node) == "Taro")


def _unwrap(node: Node | None) -> Node | None:
    while node is not None and node.type in ("parenthesized_expression", "await_expression", "as_expression", "non_null_expression"):
        node = node.named_children[0] if node.named_children else None
    return node


def _pattern_names(node: Node | None) -> Iterator[str]:
    """Every name a binding pattern declares (identifiers, destructuring, defaults, rest)."""
    if node is None:
        return
    stack = [node]
    while stack:
        current = stack.pop()
        kind = current.type
        if kind in ("identifier", "shorthand_property_identifier_pattern"):
            yield _text(current)
        elif kind == "pair_pattern":
            value = current.child_by_field_name("value")
            if value is not None:
                stack.append(value)
        elif kind in ("assignment_pattern", "object_assignment_pattern"):
            left = current.child_by_field_name("left")
            if left is not None:
                stack.append(left)
        elif kind in ("required_parameter", "optional_parameter"):
            pattern = current.child_by_field_name("pattern")
            if pattern is not None:
                stack.append(pattern)
        elif kind in ("formal_parameters", "object_pattern", "array_pattern", "rest_pattern"):
            stack.extend(current.named_children)


def _destructured(pattern: Node) -> Iterator[tuple[str, str]]:
    """(local, imported) pairs of ``{ a, b: c, d = 1 }``."""
    for part in pattern.named_children:
        if part.type == "shorthand_property_identifier_pattern":
            yield _text(part), _text(part)
        elif part.type == "pair_pattern":
            key, value = part.child_by_field_name("key"), part.child_by_field_name("value")
            if value is not None and value.type == "assignment_pattern":
                value = value.child_by_field_name("left")
            if key is not None and value is not None and value.type == "identifier":
                yield _text(value), _text(key)
        elif part.type == "object_assignment_pattern":
            left = part.child_by_field_name("left")
            if left is not None:
                yield _text(left), _text(left)
