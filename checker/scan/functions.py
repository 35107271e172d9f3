"""Project functions that wrap an API, and where they are called: the file-scan half of wrapper functions.

A top-level function of a file (``function login() {...}``, ``const login = async () => {...}``, exported
or not) that holds call sites is a wrapper; the scan records, for each of its sites, the wrapper's
name, and records every call (or reference, ``onClick={login}``) of the file's wrappers and of names
imported from the project's own modules, with the guards there. The project pass joins the two.

A function declared inside another (``const pay = () => Taro.requestPayment(...)`` in a component,
called under ``if (WEAPP)``) is a wrapper too, named ``pay@LINE`` (unique in its file) and called
where its name is in scope; ``nesting`` maps it to the function it is declared in, so that a site
whose nested function no caller guards is judged as part of the enclosing one.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.scan.guards import GuardReader
from checker.scan.position import in_type, position
from checker.scan.scopes import Bindings, _text
from checker.scan.sites import Call, Guard
from checker.syntax import IDENTIFIERS, THIS_MEMBERS, Node, named

__all__ = ["NESTED_MARK", "enclosing_function", "function_calls", "function_label", "nested_functions", "top_level_functions"]

NESTED_MARK = "@"  # pay@12: a nested function, by its name and the line it is declared on
_THIS = "this."  # this.onTap@12: a class's method or arrow-function field

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
            function = _function_value(value)
            if name is not None and name.type == "identifier" and function is not None:
                out.append((function, _text(name)))
        return out
    return []


# hooks that hand back the function they are given (React's useCallback, ahooks' useMemoizedFn)
_KEEPS_FUNCTION = ("useCallback", "React.useCallback", "useMemoizedFn", "usePersistFn")


def _function_value(value: Node | None) -> Node | None:
    """The function a declarator binds: ``() => {}``, or the one in ``useCallback(() => {}, [])``."""
    if value is None:
        return None
    if value.type in _FUNCTIONS:
        return value
    if value.type == "call_expression" and _text(value.child_by_field_name("function")) in _KEEPS_FUNCTION:
        arguments = value.child_by_field_name("arguments")
        first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        return first if first is not None and first.type in _FUNCTIONS else None
    return None


def function_label(within: str) -> str:
    """The function's name as its source spells it (``pay@12`` -> ``pay``)."""
    return within.partition(NESTED_MARK)[0]


def nested_functions(
    declarations: Iterable[Node], classes: Iterable[Node], top: dict[int, tuple[str, tuple[str, ...]]],
) -> dict[int, tuple[str, Node]]:
    """Function node id -> (``name@line``, the node its name is in scope in) for functions declared inside others,
    from the file's declarations (lexical, variable, function) and class bodies (the scan's one query finds them)."""
    found: dict[int, tuple[str, Node]] = {}
    for body in classes:
        found.update(_class_members(body, top))
    for node in declarations:
        scope = node.parent
        if scope is None or scope.type not in ("statement_block", "switch_body"):
            continue  # at the top level (or in a class body): not nested
        for function, name in _functions_declared(node):
            if function.id not in top and _inside_function(scope):
                found[function.id] = (f"{name}{NESTED_MARK}{function.start_point[0] + 1}", scope)
    return found


def _class_members(body: Node, top: dict[int, tuple[str, tuple[str, ...]]]) -> dict[int, tuple[str, Node]]:
    """A class's methods and arrow-function fields (``onTap = () => {...}``), named ``this.onTap@line``:
    called as ``this.onTap()`` or handed on as ``onClick={this.onTap}`` inside the class."""
    found: dict[int, tuple[str, Node]] = {}
    for member in body.named_children:
        if member.type == "method_definition":
            name, function = member.child_by_field_name("name"), member
        elif member.type in ("field_definition", "public_field_definition"):
            name = member.child_by_field_name("property") or member.child_by_field_name("name")
            function = _function_value(member.child_by_field_name("value"))
        else:
            continue
        if name is not None and name.type == "property_identifier" and function is not None and function.id not in top:
            found[function.id] = (f"{_THIS}{_text(name)}{NESTED_MARK}{function.start_point[0] + 1}", body)
    return found


def _inside_function(node: Node) -> bool:
    parent: Node | None = node
    while parent is not None:
        if parent.type in _FUNCTIONS or parent.type in ("method_definition",):
            return True
        parent = parent.parent
    return False


def enclosing_function(node: Node, functions: dict[int, tuple[str, tuple[str, ...]]]) -> str | None:
    """The innermost project function (top-level or nested) ``node`` is inside, if any."""
    parent = node.parent
    while parent is not None:
        if parent.id in functions:
            return functions[parent.id][0]
        parent = parent.parent
    return None


def function_calls(
    root: Node, language: str, bindings: Bindings, wrappers: set[str], project_module: callable, lines: list[bytes],  # type: ignore[valid-type]
    reader: GuardReader, file_guards: tuple[Guard, ...], functions: dict[int, tuple[str, tuple[str, ...]]],
    nested: dict[int, tuple[str, Node]],
) -> list[Call]:
    """Calls and references of this file's wrappers and of names imported from project modules."""
    imported = {local: bound for local, bound in bindings.imported.items() if bound[1] not in ("*",) and project_module(bound[0])}
    in_scope: dict[str, list[tuple[str, Node]]] = {}  # plain name (this.onTap for a member) -> (nested wrapper, its scope)
    for qualified, scope in nested.values():
        if qualified in wrappers:
            in_scope.setdefault(function_label(qualified), []).append((qualified, scope))
    names = sorted({function_label(w) for w in wrappers if not w.startswith(_THIS)} | set(imported))
    members = sorted(name.removeprefix(_THIS) for name in in_scope if name.startswith(_THIS))
    calls = _member_calls(named(root, language, THIS_MEMBERS, members), in_scope, lines, reader, file_guards, functions)
    for node in named(root, language, IDENTIFIERS, names):
        parent = node.parent
        if parent is None or parent.type in _NOT_A_USE or in_type(node):
            continue
        if parent.type == "variable_declarator" and parent.child_by_field_name("name") is not None and parent.child_by_field_name("name").id == node.id:
            continue
        if parent.type == "member_expression" and parent.child_by_field_name("object") is not None and parent.child_by_field_name("object").id == node.id:
            continue  # Page.config = {...}
        name = _text(node)
        local = _nested_target(node, in_scope.get(name, ()))
        if local is not None:
            module, target = None, local
        elif name in wrappers:
            module, target = None, name
        elif name in imported:
            module, target = imported[name][0], imported[name][1]
        else:
            continue  # a nested wrapper's name used out of its scope: another binding
        line, column = position(node, lines)
        calls.append(Call(target, module, line, column, file_guards + reader.guards_of(node), enclosing_function(node, functions)))
    return calls


def _member_calls(
    found: Iterable[Node], in_scope: dict[str, list[tuple[str, Node]]], lines: list[bytes], reader: GuardReader,
    file_guards: tuple[Guard, ...], functions: dict[int, tuple[str, tuple[str, ...]]],
) -> list[Call]:
    """``this.onTap()`` and ``onClick={this.onTap}`` inside the class that defines onTap."""
    calls = []
    for node in found:
        use = node.parent
        target = _nested_target(use, in_scope.get(_THIS + _text(node), ())) if use is not None else None
        if use is None or target is None:
            continue
        line, column = position(use, lines)
        calls.append(Call(target, None, line, column, file_guards + reader.guards_of(use), enclosing_function(use, functions)))
    return calls


def _nested_target(node: Node, candidates: tuple[tuple[str, Node], ...] | list[tuple[str, Node]]) -> str | None:
    """The nested wrapper the identifier names: the innermost declaration whose scope holds it."""
    inside = [(scope.end_byte - scope.start_byte, qualified) for qualified, scope in candidates
              if scope.start_byte <= node.start_byte and node.end_byte <= scope.end_byte]
    return min(inside)[1] if inside else None


def is_project_module(specifier: str, prefixes: tuple[str, ...]) -> bool:
    """A relative import, or one through the project's aliases ('@/utils')."""
    if specifier.startswith(("./", "../")) or specifier in (".", ".."):
        return True
    return any(specifier == p or specifier.startswith(p.rstrip("/") + "/") for p in prefixes)



