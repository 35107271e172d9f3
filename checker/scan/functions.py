"""Project functions that wrap an API, and where they are called: the file-scan half of wrapper functions.

A top-level function of a file (``function login() {...}``, ``const login = async () => {...}``, exported
or not) that holds call sites is a wrapper; the scan records, for each of its sites, the wrapper's
name, and records every call (or reference, ``onClick={login}``) of the file's wrappers and of names
imported from the project's own modules, with the guards there. The project pass joins the two.
"""

from __future__ import annotations

from checker.scan.guards import GuardReader
from checker.scan.position import in_type, position
from checker.scan.scopes import Bindings, _text
from checker.syntax import Node, captures
from checker.scan.sites import Call, Guard

__all__ = ["enclosing_function", "function_calls", "top_level_functions"]

_FUNCTIONS = ("arrow_function", "function_expression", "function", "function_declaration", "generator_function_declaration")
# where a name is declared, exported, closes a JSX element or has a property read: none of these calls it
_NOT_A_USE = ("import_specifier", "export_specifier", "function_declaration", "namespace_import", "import_clause", "export_statement",
              "jsx_closing_element")


def top_level_functions(root: Node) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Function node id -> (its name, the names it is exported as) for the program's own functions."""
    found: dict[int, tuple[str, tuple[str, ...]]] = {}
    exported: dict[str, list[str]] = {}
    for statement in root.named_children:
        declaration, names = statement, ()
        if statement.type == "export_statement":
            default = any(c.type == "default" for c in statement.children)
            declaration = statement.child_by_field_name("declaration") or statement.child_by_field_name("value")
            clause = next((c for c in statement.named_children if c.type == "export_clause"), None)
            if clause is not None and statement.child_by_field_name("source") is None:
                for spec in clause.named_children:
                    if spec.type == "export_specifier":
                        local = _text(spec.child_by_field_name("name"))
                        exported.setdefault(local, []).append(_text(spec.child_by_field_name("alias")) or local)
            if declaration is None:
                continue
            names = ("default",) if default else ()
        for node, name in _functions_declared(declaration):
            found[node.id] = (name, names or ((name,) if statement.type == "export_statement" else ()))
    return {key: (name, (*names, *exported.get(name, ()))) for key, (name, names) in found.items()}


def _functions_declared(declaration: Node | None) -> list[tuple[Node, str]]:
    if declaration is None:
        return []
    if declaration.type in ("function_declaration", "generator_function_declaration"):
        name = declaration.child_by_field_name("name")
        return [(declaration, _text(name))] if name is not None else []
    if declaration.type in ("lexical_declaration", "variable_declaration"):
        out = []
        for declarator in declaration.named_children:
            name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if name is not None and name.type == "identifier" and value is not None and value.type in _FUNCTIONS:
                out.append((value, _text(name)))
        return out
    return []


def enclosing_function(node: Node, functions: dict[int, tuple[str, tuple[str, ...]]]) -> str | None:
    """The top-level function ``node`` is inside, if any."""
    parent = node.parent
    while parent is not None:
        if parent.id in functions:
            return functions[parent.id][0]
        parent = parent.parent
    return None


def function_calls(
    root: Node, language: str, bindings: Bindings, wrappers: set[str], project_module: callable, lines: list[bytes],  # type: ignore[valid-type]
    reader: GuardReader, file_guards: tuple[Guard, ...], functions: dict[int, tuple[str, tuple[str, ...]]],
) -> list[Call]:
    """Calls and references of this file's wrappers and of names imported from project modules."""
    imported = {local: bound for local, bound in bindings.imported.items() if bound[1] not in ("*",) and project_module(bound[0])}
    names = sorted(wrappers | set(imported))
    if not names:
        return []
    quoted = " ".join(f'"{name}"' for name in names)
    calls = []
    for node in captures(root, language, f"((identifier) @id (#any-of? @id {quoted}))").get("id", ()):
        parent = node.parent
        if parent is None or parent.type in _NOT_A_USE or in_type(node):
            continue
        if parent.type == "variable_declarator" and parent.child_by_field_name("name") is not None and parent.child_by_field_name("name").id == node.id:
            continue
        if parent.type == "member_expression" and parent.child_by_field_name("object") is not None and parent.child_by_field_name("object").id == node.id:
            continue  # Page.config = {...}
        name = _text(node)
        module, target = (None, name) if name in wrappers else (imported[name][0], imported[name][1])
        line, column = position(node, lines)
        calls.append(Call(target, module, line, column, file_guards + reader.guards_of(node), enclosing_function(node, functions)))
    return calls


def is_project_module(specifier: str, prefixes: tuple[str, ...]) -> bool:
    """A relative import, or one through the project's aliases ('@/utils')."""
    if specifier.startswith(("./", "../")) or specifier in (".", ".."):
        return True
    return any(specifier == p or specifier.startswith(p.rstrip("/") + "/") for p in prefixes)



