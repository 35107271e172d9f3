"""One file's syntax tree -> call sites, component uses and suppressions."""

from __future__ import annotations

import re
from collections.abc import Mapping

from checker.scan.exports import exported_guards
from checker.scan.functions import enclosing_function, function_calls, is_project_module, nested_functions, top_level_functions
from checker.scan.guards import GuardReader
from checker.scan.libraries import library_sites
from checker.scan.position import in_type, position
from checker.scan.scopes import Bindings, _string_value, _text, _unwrap
from checker.scan.sites import Argument, Call, CallSite, ComponentUse, FileScan, Guard, GuardKind, ScanNote, ScanNoteKind, Suppression, WrapperUse
from checker.syntax import IDENTIFIERS, Node, captures, first_error, named, parse_as_built

__all__ = ["extract"]

COMPONENTS_MODULE = "@tarojs/components"
_PROMISE_METHODS = {"then", "catch", "finally"}
_PASS_THROUGH = {"call", "apply", "bind"}
_SUPPRESS = re.compile(r"taro-compat-ignore\b([^\n]*?)(?:\s--\s*(.*?))?\s*(?:\*/)?$")
_CONDITIONS = {"if_statement", "while_statement", "do_statement", "ternary_expression"}


# One query per grammar finds every node the scanner looks at, so Python never walks the whole tree.
_QUERY = """
(import_statement) @import
(variable_declarator) @decl
(member_expression object: (identifier)) @member
(subscript_expression object: (identifier) index: (string)) @member
((comment) @comment (#match? @comment "taro-compat-ignore"))
(formal_parameters) @params
(catch_clause parameter: (_) @catch)
(arrow_function parameter: (identifier) @arrowparam)
(function_declaration name: (identifier) @fname)
(generator_function_declaration name: (identifier) @fname)
(class_declaration name: (_) @cname)
(assignment_expression left: (identifier) @assigned)
(augmented_assignment_expression left: (identifier) @assigned)
(update_expression argument: (identifier) @assigned)
"""
_JSX_QUERY = "(jsx_opening_element) @jsx (jsx_self_closing_element) @jsx"


def extract(
    source: bytes,
    language: str,
    display: str,
    *,
    globals_: frozenset[str],
    env_aliases: frozenset[str],
    file_guards: tuple[Guard, ...] = (),
    env_types: Mapping[str, str] | None = None,
    platform_packages: Mapping[str, str] | None = None,
    wrappers: tuple[WrapperUse, ...] = (),
    project_prefixes: tuple[str, ...] = (),
) -> FileScan:
    tree, language = parse_as_built(source, language)  # a .jsx file Babel builds may need the TSX grammar
    root = tree.root_node
    found = captures(root, language, _QUERY)
    bindings = Bindings(found, globals_, platform_packages)
    reader = GuardReader(bindings, env_aliases, env_types)
    assigned = {_text(node) for node in found.get("assigned", ())}
    for node in found.get("decl", ()):
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is not None and value is not None and name.type == "identifier" and _is_const(node, assigned):
            reader.remember_constant(_text(name), value)
    for node in found.get("fname", ()):
        if node.parent is not None:
            reader.remember_function(_text(node), node.parent)
    if bindings.platform_envs:  # import Taro from '@tarojs/taro-h5': code written for that platform
        file_guards = (*file_guards, Guard(GuardKind.PLATFORM_PACKAGE, 1, envs=tuple(sorted(bindings.platform_envs))))
    lines = source.split(b"\n")
    top = top_level_functions(root)
    nested = nested_functions(_declarations(found), _class_bodies(found), top)
    functions = {**top, **{key: (name, ()) for key, (name, _) in nested.items()}}
    suppressions = {s.line: s for s in (_suppression(node, lines) for node in found.get("comment", ())) if s is not None}
    sites: list[CallSite] = []
    for node in found.get("member", ()):
        use = _member_use(node, bindings)
        if use is not None and not _in_test_position(node) and not in_type(node):
            sites.append(_site(node, *use, display, lines, reader, file_guards, functions))
    if bindings.named:
        for node in named(root, language, IDENTIFIERS, bindings.named):
            api = bindings.named_api(node) if not _is_declaration(node, bindings) else None
            if api is not None and not _in_test_position(node):
                sites.append(_site(node, api, "taro", display, lines, reader, file_guards, functions))
    sites += library_sites(root, language, bindings, wrappers, display, lines, reader, file_guards)
    components: list[ComponentUse] = []
    component_names = _component_imports(found.get("import", ()))
    if component_names and language != "typescript":  # plain TypeScript has no JSX
        for node in sorted(captures(root, language, _JSX_QUERY).get("jsx", ()), key=lambda n: n.start_byte):
            components += _component_uses(node, component_names, display, lines, reader, file_guards)
    sites.sort(key=lambda site: (site.line, site.column))
    sites = [_with_suppression(site, suppressions) for site in sites]
    outer = {name: found for name, scope in nested.values() for found in (enclosing_function(scope, functions),) if found is not None}
    wrappers = _with_outer({s.within for s in sites if s.within}, outer)
    calls, exported = _wrapped(wrappers, root, language, bindings, project_prefixes, lines, reader, file_guards, functions, nested)
    nesting = tuple(sorted((name, found) for name, found in outer.items() if name in wrappers))
    problems: tuple[ScanNote, ...] = ()
    if root.has_error:
        problems = (ScanNote(ScanNoteKind.DOES_NOT_PARSE, line=first_error(root).start_point[0] + 1),)
    exports, reexports = exported_guards(root, reader)
    return FileScan(display, tuple(sites), tuple(components), problems, exports=exports, reexports=reexports, parsed=True,
                    calls=tuple(calls), functions=exported, nesting=nesting)


def _with_outer(names: set[str], outer: dict[str, str]) -> set[str]:
    """The wrappers and every function they are nested in."""
    found = set(names)
    for name in names:
        while name in outer:
            name = outer[name]
            found.add(name)
    return found


def _wrapped(
    wrappers: set[str], root: Node, language: str, bindings: Bindings, prefixes: tuple[str, ...], lines: list[bytes],
    reader: GuardReader, file_guards: tuple[Guard, ...], functions: dict[int, tuple[str, tuple[str, ...]]],
    nested: dict[int, tuple[str, Node]],
) -> tuple[list[Call], tuple[tuple[str, str], ...]]:
    """The calls of this file's wrappers and of imported project names, and the wrappers it exports."""
    calls = function_calls(root, language, bindings, wrappers, lambda m: is_project_module(m, prefixes), lines, reader, file_guards, functions,
                           nested)
    exported = tuple(sorted({(alias, name) for name, aliases in functions.values() if name in wrappers for alias in aliases}))
    return calls, exported


def _member_use(node: Node, bindings: Bindings) -> tuple[str, str] | None:
    """(api, via) when ``node`` is ``Taro.x`` / ``wx.x`` / ``Taro['x']`` on the namespace itself."""
    obj = node.child_by_field_name("object")
    via = bindings.namespace_of(_unwrap(obj)) if obj is not None else None
    if via is None:
        return None
    if node.type == "member_expression":
        prop = node.child_by_field_name("property")
        return (_text(prop), via) if prop is not None and prop.type == "property_identifier" else None
    key = _string_value(_unwrap(node.child_by_field_name("index")))
    return (key, via) if key else None


def _site(
    node: Node, api: str, via: str, display: str, lines: list[bytes], reader: GuardReader, file_guards: tuple[Guard, ...],
    functions: dict[int, tuple[str, tuple[str, ...]]],
) -> CallSite:
    call, promise = _call_of(node)
    line, column = position(node, lines)
    return CallSite(
        api=api,
        file=display,
        line=line,
        column=column,
        callee=_text(node),
        via=via,
        called=call is not None,
        promise_style=promise,
        arguments=_arguments(call, skip=1 if call is not None and call.id != (node.parent.id if node.parent else -1) else 0) if call is not None else (),
        guards=file_guards + reader.guards_of(node) + _optional_call(node, api, via, line),
        within=enclosing_function(node, functions),
    )


def _optional_call(node: Node, api: str, via: str, line: int) -> tuple[Guard, ...]:
    """``Taro.x?.()`` calls only where ``Taro.x`` exists: the test of ``if (Taro.x) Taro.x()``."""
    parent = node.parent
    if parent is None or parent.type != "call_expression" or not _same(parent.child_by_field_name("function"), node):
        return ()
    optional = any(c.type in ("?.", "optional_chain") for c in parent.children)
    return (Guard(GuardKind.EXISTS, line, api=api, receiver=via),) if optional else ()


def _call_of(node: Node) -> tuple[Node | None, bool]:
    """The call that invokes ``node`` (directly or through .call/.apply), and whether its result is
    used as a Promise (awaited for its value, or .then/.catch/.finally). ``await Taro.hideLoading()`` alone
    on its line is not: awaiting what is no Promise just goes on, and no result is lost."""
    parent = node.parent
    call: Node | None = None
    if parent is not None and parent.type == "call_expression" and _same(parent.child_by_field_name("function"), node):
        call = parent
    elif parent is not None and parent.type == "member_expression" and _text(parent.child_by_field_name("property")) in _PASS_THROUGH:
        outer = parent.parent
        if outer is not None and outer.type == "call_expression":
            call = outer
    if call is None:
        return None, False
    above = call.parent
    while above is not None and above.type == "parenthesized_expression":
        above = above.parent
    if above is not None and above.type == "await_expression":
        return call, above.parent is None or above.parent.type != "expression_statement"
    if above is not None and above.type == "member_expression" and _text(above.child_by_field_name("property")) in _PROMISE_METHODS:
        return call, True
    return call, False


def _arguments(call: Node, skip: int = 0) -> tuple[Argument, ...]:
    """Keys of the options object: the first argument, or the second through ``.call(thisArg, ...)``."""
    arguments = call.child_by_field_name("arguments")
    values = arguments.named_children[skip:] if arguments is not None else []
    first = _unwrap(values[0]) if values else None
    if first is None or first.type != "object":
        return ()
    found = []
    for pair in first.named_children:
        if pair.type == "pair":
            key = pair.child_by_field_name("key")
            name = _string_value(key) if key is not None and key.type == "string" else _text(key)
            value, literal = _literal(pair.child_by_field_name("value"))
            found.append(Argument(name, value, literal))
        elif pair.type == "shorthand_property_identifier":
            found.append(Argument(_text(pair), None, False))
        elif pair.type == "method_definition":
            found.append(Argument(_text(pair.child_by_field_name("name")), None, False))
    return tuple(found)


def _literal(node: Node | None) -> tuple[str | int | float | bool | None, bool]:
    node = _unwrap(node)
    if node is None:
        return None, False
    if node.type == "string":
        return _string_value(node), True
    if node.type == "template_string" and not any(c.type == "template_substitution" for c in node.named_children):
        return "".join(_text(c) for c in node.named_children if c.type == "string_fragment"), True
    if node.type in ("true", "false"):
        return node.type == "true", True
    if node.type == "number":
        text = _text(node).replace("_", "")
        try:
            return (int(text, 0) if text.isdigit() or text.lower().startswith(("0x", "0o", "0b")) else float(text)), True
        except ValueError:
            return None, False
    return None, False


def _in_test_position(node: Node) -> bool:
    """``if (wx.getUserProfile)``, ``!Taro.x``, ``typeof wx.x``, ``Taro.x && ...``: the API is tested, not used."""
    child, parent = node, node.parent
    while parent is not None:
        kind = parent.type
        if kind == "parenthesized_expression" or (kind == "unary_expression" and _text(parent.child_by_field_name("operator")) in ("!", "typeof")):
            child, parent = parent, parent.parent
            continue
        if kind == "binary_expression":
            operator = _text(parent.child_by_field_name("operator"))
            if operator in ("&&", "||") or (operator in ("===", "!==", "==", "!=") and child.type == "unary_expression"):
                if operator in ("&&", "||") and _same(parent.child_by_field_name("left"), child):
                    return True
                child, parent = parent, parent.parent
                continue
            return False
        if kind in _CONDITIONS:
            return _same(parent.child_by_field_name("condition"), child)
        return False
    return False


def _declarations(found: dict[str, list[Node]]) -> list[Node]:
    """The file's declarations, from the declarators and function names the query already found."""
    unique = {n.id: n for n in (*(d.parent for d in found.get("decl", ())), *(f.parent for f in found.get("fname", ()))) if n is not None}
    return list(unique.values())


def _class_bodies(found: dict[str, list[Node]]) -> list[Node]:
    bodies = (c.parent.child_by_field_name("body") for c in found.get("cname", ()) if c.parent is not None)
    return [b for b in bodies if b is not None and b.type == "class_body"]


def _is_const(declarator: Node, assigned: set[str]) -> bool:
    """``const x = ...``, or ``var``/``let`` with no assignment to the name anywhere in the file (``var env = Taro.getEnv()``)."""
    declaration = declarator.parent
    if declaration is None or declaration.type not in ("lexical_declaration", "variable_declaration"):
        return False
    return _text(declaration).startswith("const") or _text(declarator.child_by_field_name("name")) not in assigned


def _is_declaration(node: Node, bindings: Bindings) -> bool:
    """The name in ``import { x as y }`` or ``const { x } = Taro`` declares, it does not use."""
    parent = node.parent
    if parent is None:
        return True
    if parent.type in ("import_specifier", "shorthand_property_identifier_pattern", "pair_pattern", "object_pattern"):
        return True
    return parent.type == "variable_declarator" and _same(parent.child_by_field_name("name"), node)


def _same(a: Node | None, b: Node | None) -> bool:
    return a is not None and b is not None and a.id == b.id


def _suppression(comment: Node, lines: list[bytes]) -> Suppression | None:
    text = _text(comment)
    match = _SUPPRESS.search(text)
    if match is None:
        return None
    apis = tuple(word for word in re.split(r"[\s,]+", match.group(1).strip()) if word)
    row, column = comment.start_point
    standalone = not lines[row][:column].strip() if row < len(lines) else True
    return Suppression(row + 1, apis, (match.group(2) or "").strip(), standalone)


def _with_suppression(site: CallSite, suppressions: dict[int, Suppression]) -> CallSite:
    for line in (site.line, site.line - 1):
        suppression = suppressions.get(line)
        if suppression is None or (line != site.line and not suppression.standalone):
            continue
        if not suppression.apis or site.api in suppression.apis:
            return CallSite(**{**{f: getattr(site, f) for f in site.__dataclass_fields__}, "suppression": suppression})
    return site


def _component_imports(imports: list[Node]) -> dict[str, str]:
    """Local JSX names of Taro components: import { Button, Input as TInput } from '@tarojs/components'."""
    names: dict[str, str] = {}
    for statement in imports:
        if _string_value(statement.child_by_field_name("source")) != COMPONENTS_MODULE:
            continue
        clause = next((c for c in statement.named_children if c.type == "import_clause"), None)
        named = next((c for c in clause.named_children if c.type == "named_imports"), None) if clause else None
        for spec in named.named_children if named else ():
            if spec.type == "import_specifier":
                imported = spec.child_by_field_name("name")
                alias = spec.child_by_field_name("alias") or imported
                names[_text(alias)] = _text(imported)
    return names


def _component_uses(
    element: Node, names: dict[str, str], display: str, lines: list[bytes], reader: GuardReader, file_guards: tuple[Guard, ...]
) -> list[ComponentUse]:
    tag = _text(element.child_by_field_name("name"))
    if tag not in names:
        return []
    component = _kebab(names[tag])
    uses = []
    for attribute in element.named_children:
        if attribute.type != "jsx_attribute" or len(attribute.named_children) < 2:
            continue
        name, value = attribute.named_children[0], attribute.named_children[1]
        literal = _string_value(value) if value.type == "string" else None
        if literal is None and value.type == "jsx_expression" and value.named_children:
            literal = _string_value(value.named_children[0])
        if literal:
            line, column = position(attribute, lines)
            uses.append(ComponentUse(component, _kebab(_text(name)), literal, display, line, column, file_guards + reader.guards_of(element)))
    return uses


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()
