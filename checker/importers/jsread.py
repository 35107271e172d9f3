"""What Taro's shipped JavaScript says, read from its syntax tree (tree-sitter; the code is never run).

Small readers, one shape each, shared by the runtime importer: the string names a variable holds
(``{a: true}``, ``['a']``, ``new Set([...])``), the aliases of an ``{api: {alias: 'x'}}`` table, the
members assigned on an object (``taro.request = ...``), a module's exports and what each is bound to,
the renames a ``transformMeta``-style function makes, and the edits a ``modifyApis`` hook makes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.syntax import Node, parse

__all__ = ["Binding", "JsModule", "ModifyEdits", "read_module"]


def _text(node: Node | None) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text is not None else ""


def _string(node: Node | None) -> str | None:
    if node is None or node.type != "string":
        return None
    return _text(node)[1:-1]


def _key(pair: Node) -> str | None:
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    if key.type in ("property_identifier", "identifier"):
        return _text(key)
    return _string(key)


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.named_children))


@dataclass(frozen=True, slots=True)
class Binding:
    """What a top-level name is bound to: a function, or a call of a named helper (``temporarilyNotSupport``)."""

    callee: str | None  # the function called to make it, when it is such a call
    keys: frozenset[str]  # keys of the object passed to that call (``standardMethod`` ...)
    arguments: tuple[str, ...]  # literal arguments of that call, as source text
    line: int


@dataclass(frozen=True, slots=True)
class ModifyEdits:
    added: frozenset[str]
    deleted: frozenset[str]


@dataclass(frozen=True, slots=True)
class JsModule:
    names: dict[str, frozenset[str]]  # variable -> the string names it holds
    aliases: dict[str, dict[str, str]]  # variable -> {key: alias} of an {api: {alias: 'x'}} table
    members: dict[str, frozenset[str]]  # object -> member names assigned on it (taro.request = ...)
    exports: dict[str, str]  # exported name -> local name
    bindings: dict[str, Binding]  # top-level name -> what it is bound to
    renames: dict[str, frozenset[str]]  # api -> native names a rename function sends it to
    modify: ModifyEdits | None  # what a modifyApis hook does, when the module has one
    calls: dict[str, frozenset[str]]  # top-level function -> the callees it calls (``Promise.resolve`` ...)
    imports: dict[str, str]  # local name -> the module it is imported from
    module_imports: dict[str, tuple[str, bool]]  # default or namespace import: local -> (module, is namespace)
    assigned: dict[str, tuple[str, ...]]  # Object.assign(target, a, b): target -> (a, b) when all are identifiers
    default_keys: tuple[frozenset[str], tuple[str, ...]] | None  # export default {a, ...b}: (keys, spread names)
    error_line: int | None  # first line the parser could not read, None when clean


def _names_of(value: Node) -> frozenset[str] | None:
    if value.type == "new_expression" and _text(value.child_by_field_name("constructor")) == "Set":
        arguments = value.child_by_field_name("arguments")
        inner = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        return _names_of(inner) if inner is not None else frozenset()
    if value.type == "array":
        strings = [_string(child) for child in value.named_children]
        return frozenset(s for s in strings if s is not None) if strings and all(s is not None for s in strings) else None
    if value.type == "object":
        keys = [_key(child) for child in value.named_children if child.type == "pair"]
        keys += [_text(child) for child in value.named_children if child.type == "shorthand_property_identifier"]
        return frozenset(k for k in keys if k)
    return None


def _alias_table(value: Node) -> dict[str, str]:
    table = {}
    if value.type != "object":
        return table
    for pair in value.named_children:
        inner = pair.child_by_field_name("value") if pair.type == "pair" else None
        if inner is None or inner.type != "object":
            continue
        for field in inner.named_children:
            if field.type == "pair" and _key(field) == "alias":
                alias = _string(field.child_by_field_name("value"))
                name = _key(pair)
                if alias and name:
                    table[name] = alias
    return table


def _binding(value: Node) -> Binding:
    line = value.start_point[0] + 1
    call = value
    if call.type == "call_expression":
        callee = call.child_by_field_name("function")
        arguments = call.child_by_field_name("arguments")
        args = tuple(arguments.named_children) if arguments is not None else ()
        keys = frozenset(k for a in args if a.type == "object" for k in (_key(p) for p in a.named_children if p.type in ("pair", "shorthand_property_identifier")) if k)
        keys |= frozenset(_text(p) for a in args if a.type == "object" for p in a.named_children if p.type == "shorthand_property_identifier")
        name = _text(callee).split(".")[-1] if callee is not None else None
        return Binding(name, keys, tuple(_text(a) for a in args if a.type in ("string", "true", "false", "number")), line)
    return Binding(None, frozenset(), (), line)


def _declarators(root: Node) -> Iterator[Node]:
    for node in _walk(root):
        if node.type == "variable_declarator":
            yield node


def read_module(source: bytes) -> JsModule:
    tree = parse(source, "javascript")
    root = tree.root_node
    names: dict[str, frozenset[str]] = {}
    aliases: dict[str, dict[str, str]] = {}
    bindings: dict[str, Binding] = {}
    for declarator in _declarators(root):
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is None or value is None or name.type != "identifier":
            continue
        key = _text(name)
        held = _names_of(value)
        if held is not None and key not in names:
            names[key] = held
        table = _alias_table(value)
        if table:
            aliases[key] = table
        if declarator.parent is not None and declarator.parent.parent is not None and declarator.parent.parent.type in ("program", "export_statement"):
            bindings.setdefault(key, _binding(value))
    members: dict[str, set[str]] = {}
    exports: dict[str, str] = {}
    renames: dict[str, set[str]] = {}
    modify: ModifyEdits | None = None
    calls: dict[str, frozenset[str]] = {}
    imports: dict[str, str] = {}
    module_imports: dict[str, tuple[str, bool]] = {}
    assigned: dict[str, tuple[str, ...]] = {}
    default_keys: tuple[frozenset[str], tuple[str, ...]] | None = None
    for node in _walk(root):
        if node.type == "function_declaration" and node.parent is not None and node.parent.type in ("program", "export_statement"):
            calls[_text(node.child_by_field_name("name"))] = frozenset(
                _text(c.child_by_field_name("function")) for c in _walk(node) if c.type == "call_expression")
        if node.type == "function_declaration" and node.parent is not None and node.parent.type in ("program", "export_statement"):
            bindings.setdefault(_text(node.child_by_field_name("name")), Binding(None, frozenset(), (), node.start_point[0] + 1))
        elif node.type == "assignment_expression":
            _assignment(node, members, exports)
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            held = _names_of(right) if right is not None else None
            if held is not None and left is not None and left.type == "member_expression":
                names.setdefault(_text(left), held)
        elif node.type == "export_statement":
            _export(node, exports)
        elif node.type == "import_statement":
            origin = _string(node.child_by_field_name("source"))
            for spec in _walk(node):
                if spec.type == "import_specifier" and origin:
                    imports[_text(spec.child_by_field_name("alias") or spec.child_by_field_name("name"))] = origin
                elif spec.type == "import_clause" and origin:
                    for part in spec.named_children:
                        if part.type == "identifier":
                            module_imports[_text(part)] = (origin, False)
                        elif part.type == "namespace_import":
                            local = next((c for c in part.named_children if c.type == "identifier"), None)
                            if local is not None:
                                module_imports[_text(local)] = (origin, True)
        elif node.type == "call_expression" and _text(node.child_by_field_name("function")) == "Object.assign":
            arguments = node.child_by_field_name("arguments")
            # comments are named children too: Object.assign(taro, storage, // media,\n toast)
            args = [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []
            if len(args) > 1 and args[0].type == "identifier" and all(a.type == "identifier" for a in args[1:]):
                assigned.setdefault(_text(args[0]), tuple(_text(a) for a in args[1:]))
        if node.type == "export_statement" and any(c.type == "default" for c in node.children):
            value = node.child_by_field_name("value")
            if value is not None:
                default_keys = _object_keys(value)
        if node.type in ("function_declaration", "method_definition", "pair") and _function_name(node) == "modifyApis":
            modify = _modify_edits(node, aliases)
        if node.type in ("function_declaration", "method_definition", "pair") and _function_name(node) in ("transformMeta", "generateSpecialApis"):
            for api, target in _renames(node):
                renames.setdefault(api, set()).add(target)
    error = next((n for n in _walk(root) if n.type == "ERROR" or n.is_missing), None)
    return JsModule(names, aliases, {k: frozenset(v) for k, v in members.items()}, exports, bindings,
                    {k: frozenset(v) for k, v in renames.items()}, modify, calls, imports, module_imports, assigned, default_keys, error.start_point[0] + 1 if error is not None else None)


def _object_keys(value: Node) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """``{a, b: c, ...d}`` or ``Object.assign({a}, d)``: (keys, spread identifiers)."""
    extra: list[str] = []
    if value.type == "call_expression" and _text(value.child_by_field_name("function")) == "Object.assign":
        arguments = value.child_by_field_name("arguments")
        args = [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []
        if not args or args[0].type != "object":
            return None
        extra = [_text(a) for a in args[1:] if a.type == "identifier"]
        value = args[0]
    if value.type != "object":
        return None
    keys = set()
    for child in value.named_children:
        if child.type == "shorthand_property_identifier":
            keys.add(_text(child))
        elif child.type == "pair" and _key(child):
            keys.add(_key(child) or "")
        elif child.type == "spread_element" and child.named_children and child.named_children[0].type == "identifier":
            extra.append(_text(child.named_children[0]))
    return frozenset(keys), tuple(extra)


def _function_name(node: Node) -> str | None:
    if node.type == "pair":
        value = node.child_by_field_name("value")
        if value is None or value.type not in ("function_expression", "arrow_function"):
            return None
        return _key(node)
    return _text(node.child_by_field_name("name")) or None


def _assignment(node: Node, members: dict[str, set[str]], exports: dict[str, str]) -> None:
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is not None and left.type == "subscript_expression" and _text(left.child_by_field_name("object")) == "exports":
        index = _string(left.child_by_field_name("index"))  # exports["default"] = taro
        if index and right is not None:
            exports[index] = _text(right) if right.type == "identifier" else index
        return
    if left is None or left.type != "member_expression":
        return
    target, prop = left.child_by_field_name("object"), left.child_by_field_name("property")
    if target is None or prop is None:
        return
    owner, member = _text(target), _text(prop)
    if owner == "module" and member == "exports" and right is not None:
        exports.setdefault("module.exports", "module.exports")
    if owner == "exports" and right is not None:
        exports[member] = _text(right) if right.type == "identifier" else member
        return
    if target.type == "identifier":
        members.setdefault(owner, set()).add(member)


def _export(node: Node, exports: dict[str, str]) -> None:
    declaration = node.child_by_field_name("declaration")
    if declaration is not None:
        if declaration.type in ("function_declaration", "generator_function_declaration", "class_declaration"):
            name = _text(declaration.child_by_field_name("name"))
            exports[name] = name
        for child in declaration.named_children:  # export const a = ..., b = ...
            target = child.child_by_field_name("name") if child.type == "variable_declarator" else None
            if target is not None and target.type == "identifier":
                exports[_text(target)] = _text(target)
        return
    for clause in node.named_children:
        if clause.type != "export_clause":
            continue
        for spec in clause.named_children:
            local, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
            if local is not None:
                exports[_text(alias or local)] = _text(local)


def _renames(function: Node) -> Iterator[tuple[str, str]]:
    """``if (api === 'login') key = 'getLoginCode'``: the api compared, the string assigned in the branch."""
    for node in _walk(function):
        if node.type != "if_statement":
            continue
        condition = node.child_by_field_name("condition")
        compared = [c for c in _walk(condition) if c.type == "binary_expression" and _text(c.child_by_field_name("operator")) in ("===", "==")] if condition is not None else []
        apis = [s for c in compared for s in (_string(c.child_by_field_name("right")), _string(c.child_by_field_name("left"))) if s]
        consequence = node.child_by_field_name("consequence")
        if len(apis) != 1 or consequence is None:
            continue
        for inner in _walk(consequence):
            if inner.type == "assignment_expression":
                target = _string(inner.child_by_field_name("right"))
                left = inner.child_by_field_name("left")
                if target and left is not None and left.type == "identifier":
                    yield apis[0], target


def _modify_edits(function: Node, aliases: dict[str, dict[str, str]]) -> ModifyEdits:
    """``apis.add('x')``, ``apis.delete('x')``; over ``Object.keys(table)``: add every key, delete every alias."""
    added: set[str] = set()
    deleted: set[str] = set()
    for node in _walk(function):
        if node.type != "call_expression":
            continue
        callee = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if callee is None or arguments is None or callee.type != "member_expression":
            continue
        method = _text(callee.child_by_field_name("property"))
        first = arguments.named_children[0] if arguments.named_children else None
        if method in ("add", "delete") and first is not None and _string(first) is not None:
            (added if method == "add" else deleted).add(_string(first) or "")
        elif method in ("forEach", "map"):
            keys_of = callee.child_by_field_name("object")
            if keys_of is None or keys_of.type != "call_expression" or _text(keys_of.child_by_field_name("function")) != "Object.keys":
                continue
            table_args = keys_of.child_by_field_name("arguments")
            table = _text(table_args.named_children[0]) if table_args is not None and table_args.named_children else ""
            body = _text(first)
            if table in aliases and ".add(" in body:
                added |= set(aliases[table])
            if table in aliases and ".delete(" in body and ".alias" in body:
                deleted |= set(aliases[table].values())
    return ModifyEdits(frozenset(added), frozenset(deleted))
