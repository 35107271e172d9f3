"""Read Taro's ``config/index.(js|ts)`` without executing it: a syntax tree, not a regex.

Real configs compute values (``outputRoot: `dist/${process.env.TARO_ENV}` ``);
those are reported as dynamic rather than guessed.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import Location, ProjectError
from checker.syntax import Node, first_error, language_for, parse

__all__ = ["TaroConfig", "read_taro_config", "CONFIG_NAMES"]

CONFIG_NAMES = ("index.ts", "index.js", "index.mjs", "index.cjs")
_KEYS = ("projectName", "framework", "compiler", "sourceRoot", "outputRoot", "projectConfigName")
MAX_CONFIG_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TaroConfig:
    file: str
    values: dict[str, str] = field(default_factory=dict)  # key -> its literal value
    computed: frozenset[str] = frozenset()  # keys set to an expression this reader does not evaluate
    plugins: tuple[str, ...] = ()
    env_aliases: tuple[str, ...] = ()  # defineConstants names whose value is process.env.TARO_ENV
    lines: dict[str, int] = field(default_factory=dict)  # key -> line where it is set
    aliases: tuple[tuple[str, str], ...] = ()  # alias: {'@': path.resolve(__dirname, '..', 'src')} -> ("@", "src")
    env_comparisons: tuple[tuple[str, int], ...] = ()  # 'alipay' in process.env.TARO_ENV === 'alipay', with its line
    output_root_strings: tuple[str, ...] = ()  # the strings of a computed outputRoot (TARO_ENV === 'weapp' ? 'dist/weapp' : ...)


def read_taro_config(path: Path, display: str) -> TaroConfig:
    """The fields a check needs from one config file; raises :class:`ProjectError` if it does not parse."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProjectError(f"cannot read: {error.strerror}", Location(display)) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ProjectError("config file is over 2 MB; not a Taro config", Location(display))
    tree = parse(raw, language_for(path.suffix))
    if tree.root_node.has_error:
        bad = first_error(tree.root_node)
        raise ProjectError("does not parse as JavaScript/TypeScript", Location(display, bad.start_point[0] + 1, bad.start_point[1] + 1))
    values: dict[str, str] = {}
    computed: set[str] = set()
    lines: dict[str, int] = {}
    plugins: list[str] = []
    aliases: list[str] = []
    modules: list[tuple[str, str]] = []
    folder = posixpath.dirname(display)
    plugin_depth = None
    output_strings: tuple[str, ...] = ()
    for pair, depth in _pairs(tree.root_node):
        key = _key(pair)
        value = pair.child_by_field_name("value")
        if key is None or value is None:
            continue
        line = pair.start_point[0] + 1
        if key in _KEYS and key not in lines:
            literal = _compiler_type(value) if key == "compiler" else _string(value)
            lines[key] = line
            if literal is not None:
                values[key] = literal
            else:
                computed.add(key)
                if key == "outputRoot":
                    output_strings = _result_strings(value)
        elif key == "plugins" and (plugin_depth is None or depth < plugin_depth):
            # the config's own plugins, not a babel or postcss option's of the same name (nested deeper;
            # Taro 1's config has a plugins object of babel options)
            plugin_depth = depth
            lines["plugins"] = line
            plugins.clear()
            for item in value.named_children if value.type == "array" else ():
                name = _string(item) or (_string(item.named_children[0]) if item.type == "array" and item.named_children else None)
                if name:
                    plugins.append(name)
        elif key == "alias" and value.type == "object" and "alias" not in lines:
            lines["alias"] = line
            for entry in value.named_children:
                name = _key(entry) if entry.type == "pair" else None
                target = _path_value(entry.child_by_field_name("value"), folder) if name else None
                if name and target is not None:
                    modules.append((name, target))
        elif key == "defineConstants" and value.type == "object":
            for constant in value.named_children:
                if constant.type == "pair" and _mentions_taro_env(constant.child_by_field_name("value")):
                    name = _key(constant)
                    if name:
                        aliases.append(name)
    return TaroConfig(display, values, frozenset(computed), tuple(plugins), tuple(dict.fromkeys(aliases)), lines, tuple(modules),
                      _env_comparisons(tree.root_node), output_strings)


_EQUALITY = frozenset({"===", "==", "!==", "!="})


def _env_comparisons(root: Node) -> tuple[tuple[str, int], ...]:
    """The platform names a config compares process.env.TARO_ENV with: a team that writes per-platform config builds
    there. Not inside defineConstants, where flags for every platform (IS_H5, IS_RN, IS_WEAPP) are boilerplate,
    nor in outputRoot (``TARO_ENV === 'h5' ? 'build' : TARO_ENV`` sends every platform somewhere)."""
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "pair" and _key(node) in ("defineConstants", "outputRoot"):
            continue  # outputRoot's comparisons route every platform's output, naming one of them
        stack.extend(reversed(node.named_children))
        if node.type != "binary_expression":
            continue
        operator = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if operator is None or operator.type not in _EQUALITY or left is None or right is None:
            continue
        for side, other in ((left, right), (right, left)):
            text = _string(other)
            if text and side.type == "member_expression" and side.text and side.text.replace(b" ", b"") == b"process.env.TARO_ENV":
                found.append((text, node.start_point[0] + 1))
    return tuple(found)


def _result_strings(value: Node) -> tuple[str, ...]:
    """The strings a computed value can take, not those it is compared with (TARO_ENV === 'h5' ? 'build' : ...)."""
    found = []
    stack = [value]
    while stack:
        node = stack.pop()
        if node.type == "binary_expression":
            continue
        text = _string(node)
        if text:
            found.append(text)
        stack.extend(reversed(node.named_children))
    return tuple(found)


def _path_value(node: Node | None, folder: str) -> str | None:
    """A project-relative folder from ``path.resolve(__dirname, '..', 'src')`` (or path.join, or a string);
    None when it is computed some other way or leaves the project."""
    if node is None:
        return None
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        if function is None or function.text not in (b"path.resolve", b"path.join", b"resolve", b"join"):
            return None
        arguments = node.child_by_field_name("arguments")
        parts: list[str] = []
        for argument in arguments.named_children if arguments is not None else []:
            if argument.text == b"__dirname":
                parts = [folder]
            elif argument.type == "call_expression" and argument.text == b"process.cwd()":
                parts = ["."]
            else:
                text = _string(argument)
                if text is None:
                    return None
                parts = [text] if text.startswith("/") and function.text.endswith(b"resolve") else [*parts, text]
        relative = posixpath.normpath(posixpath.join(*parts)) if parts else None
    else:
        relative = _string(node)
        relative = posixpath.normpath(relative) if relative else None
    if relative is None or relative.startswith(("/", "..")):
        return None
    return relative


def _pairs(root: Node):  # type: ignore[no-untyped-def]
    """Every key: value pair, in source order, with how many objects enclose it."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node.type == "pair":
            yield node, depth
        inner = depth + (node.type == "object")
        stack.extend((child, inner) for child in reversed(node.named_children))


def _key(pair: Node) -> str | None:
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    if key.type in ("property_identifier", "identifier"):
        return key.text.decode() if key.text else None
    return _string(key)


def _string(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.type == "string":
        return "".join(part.text.decode() for part in node.named_children if part.text) if node.named_children else ""
    if node.type == "template_string" and not any(c.type == "template_substitution" for c in node.named_children):
        return "".join(part.text.decode() for part in node.named_children if part.text)
    return None


def _compiler_type(value: Node) -> str | None:
    if value.type == "object":
        for pair in value.named_children:
            if pair.type == "pair" and _key(pair) == "type":
                return _string(pair.child_by_field_name("value"))
    return _string(value)


def _mentions_taro_env(value: Node | None) -> bool:
    if value is None:
        return False
    stack = [value]
    while stack:
        node = stack.pop()
        if node.type == "member_expression" and node.text and node.text.replace(b" ", b"") == b"process.env.TARO_ENV":
            return True
        stack.extend(node.named_children)
    return False
