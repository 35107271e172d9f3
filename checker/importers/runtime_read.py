"""One unpacked Taro package -> the facts it holds about which ``Taro.X`` exists (no matrix knowledge).

Where each line keeps them (see ``shared/research/taro-runtime-facts.md``; verified in the packages):

- ``@tarojs/taro`` 1.x-2.x ``src/native-apis.js`` and ``@tarojs/api`` 3.0 ``dist/index.js``: the fixed
  lists ``onAndSyncApis``, ``noPromiseApis``, ``otherApis`` (Promise iff in ``otherApis``).
- ``@tarojs/taro-<env>`` 1.x-2.x ``src/native-api.js``; ``@tarojs/taro`` 3.0 ``lib/<global>.js``: the
  per-platform setup: framework members (``taro.request = ...``), alias tables, renames.
- ``@tarojs/shared`` ``dist/shared.esm.js``: 3.1-3.2 the fixed ``noPromiseApis``/``needPromiseApis``;
  from 3.3 ``processApis`` forwards ``Object.keys(global)`` minus a ``preserved`` list.
- ``@tarojs/plugin-platform-<env>`` ``dist/runtime-utils.js`` (or ``dist/runtime.js``): the plugin's
  lists, its alias table, ``transformMeta`` renames and ``modifyApis`` edits.
- ``@tarojs/taro-h5`` ``dist/index.cjs.js`` exports (a ``temporarilyNotSupport`` call is a stub, a
  ``processOpenApi`` without ``standardMethod`` works only in WeChat's browser); from 3.6 also
  ``@tarojs/plugin-platform-h5`` ``dist/definition.json``.
- ``@tarojs/taro-rn`` 2.x ``dist/native-api.js`` (every fixed-list name stubbed, then the implementations of
  ``dist/api/*`` copied in; ``@tarojs/taro-router-rn`` ``dist/*.js`` sets the page APIs); from 3.2 ``apiList.js`` + ``libList.js``, a
  ``dist/lib/<name>`` that re-exports from ``../unsupportedApi`` being a stub.
- ``@tarojs/cli`` ``package.json``: the platform plugin versions it pins.
- ``@mini-types/my``, ``@douyin-microapp/typings``: the names of the native global's members.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from checker.importers.jsread import JsModule, read_module
from checker.syntax import captures, parse

__all__ = ["PackageError", "PackageFacts", "Facts", "package_facts", "read_package"]

_LISTS = ("onAndSyncApis", "noPromiseApis", "otherApis")
_STUB_HELPERS = ("temporarilyNotSupport", "permanentlyNotSupport")
_OPEN_API_HELPERS = ("processOpenApi", "processOpenapi")
_FALLBACK_KEY = "standardMethod"
_UNSUPPORTED_MODULE = "../unsupportedApi"
_FRAMEWORK_OWNERS = ("taro", "Taro")  # the object a setup function assigns Taro's own members on


class PackageError(Exception):
    """A package folder the importer cannot read: one line naming the file."""


@dataclass(frozen=True, slots=True)
class Facts:
    """What one package says; equal facts in two releases mean nothing changed between them."""

    listed: frozenset[str] = frozenset()  # a fixed list: every name here is defined
    promise: frozenset[str] = frozenset()  # promisified names
    framework: frozenset[str] = frozenset()  # Taro's own members (no native API behind them)
    forwards: bool = False  # 3.3+: every key of the native global becomes Taro.X
    reserved: frozenset[str] = frozenset()  # native keys processApis does not forward
    aliases: tuple[tuple[str, str], ...] = ()  # (Taro name, native name called)
    modify_added: frozenset[str] | None = None  # modifyApis edits, None when there is no hook
    modify_deleted: frozenset[str] = frozenset()
    apis: tuple[tuple[str, str], ...] = ()  # H5 / RN: (name, implemented | stub | wechat | stub-sync | stub-async)
    stub_production: str = ""  # H5: what a stub does in production (rejects | resolves)
    pins: tuple[tuple[str, str], ...] = ()  # CLI: (package, version)
    runtime_names: frozenset[str] = frozenset()  # typings: members of the native global
    per_global: tuple[tuple[str, "Facts"], ...] = ()  # @tarojs/taro 3.0: lib/<global>.js facts
    borrows: str = ""  # a plugin that takes another plugin's promise list (package name)
    stubs_rest: bool = False  # RN 2.x: every fixed-list name not in ``apis`` is a stub


@dataclass(frozen=True, slots=True)
class PackageFacts:
    name: str
    version: str
    files: tuple[str, ...]  # the files read, relative to the package
    facts: Facts = field(default_factory=Facts)


def _root(folder: Path) -> Path:
    return folder / "package" if (folder / "package" / "package.json").is_file() else folder


def _manifest(folder: Path) -> tuple[Path, str, str]:
    package = _root(folder)
    path = package / "package.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageError(f"{path}: not an unpacked npm package ({type(error).__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not isinstance(data.get("version"), str):
        raise PackageError(f"{path}: no name and version")
    return package, data["name"], data["version"]


def _module(package: Path, relative: str) -> JsModule:
    path = package / relative
    try:
        source = path.read_bytes()
    except OSError:
        raise PackageError(f"{path}: missing from the package") from None
    module = read_module(source)
    if module.error_line is not None and not module.names and not module.exports:
        raise PackageError(f"{path}:{module.error_line}: cannot parse")
    return module


def _first(package: Path, *candidates: str) -> str:
    for relative in candidates:
        if (package / relative).is_file():
            return relative
    raise PackageError(f"{package / candidates[0]}: missing from the package")


def _framework(module: JsModule) -> frozenset[str]:
    return frozenset(n for owner in _FRAMEWORK_OWNERS for n in module.members.get(owner, ()))


def _platform_setup(module: JsModule) -> Facts:
    aliases = {k: v for table in module.aliases.values() for k, v in table.items()}
    for api, targets in module.renames.items():
        aliases.setdefault(api, " / ".join(sorted(targets)))
    return Facts(framework=_framework(module), aliases=tuple(sorted(aliases.items())),
                 modify_added=module.modify.added if module.modify else None,
                 modify_deleted=module.modify.deleted if module.modify else frozenset())


def _fixed_lists(module: JsModule, where: Path) -> Facts:
    missing = [name for name in _LISTS if name not in module.names]
    if missing:
        raise PackageError(f"{where}: no {missing[0]} list")
    listed = frozenset().union(*(module.names[n] for n in _LISTS))
    framework = module.names.get("Taro", frozenset()) - listed
    return Facts(listed=listed, promise=module.names["otherApis"], framework=framework)


def read_package(folder: Path) -> PackageFacts:
    """The facts of one unpacked package (``folder`` or ``folder/package``); PackageError when unreadable."""
    package, name, version = _manifest(folder)
    reader = _READERS.get(name) or next((r for prefix, r in _PREFIXES if name.startswith(prefix)), None)
    if reader is None:
        raise PackageError(f"{package / 'package.json'}: {name} is not a package this importer reads")
    files, facts = reader(package, version)
    return PackageFacts(name, version, tuple(files), facts)


def package_facts(folder: Path) -> Facts:
    return read_package(folder).facts


def _read_taro(package: Path, version: str) -> tuple[list[str], Facts]:
    if (package / "src" / "native-apis.js").is_file():  # 1.x-2.x
        files = ["src/native-apis.js", _first(package, "src/index.js")]
        lists = _fixed_lists(_module(package, files[0]), package / files[0])
        index = _module(package, files[1])
        return files, Facts(listed=lists.listed, promise=lists.promise,
                            framework=(frozenset(index.exports) | _framework(index)) - lists.listed - frozenset(_LISTS))
    lib = package / "lib"
    if not lib.is_dir():
        raise PackageError(f"{package / 'src' / 'native-apis.js'}: missing from the package")
    files, per_global = [], []
    for path in sorted(lib.glob("*.js")):
        relative = path.relative_to(package).as_posix()
        module = _module(package, relative)
        if "processApis" not in module.bindings:
            continue
        files.append(relative)
        per_global.append((path.stem, _platform_setup(module)))
    if not per_global:
        raise PackageError(f"{lib}: no platform setup (processApis) in lib/*.js")
    return files, Facts(per_global=tuple(per_global))


def _read_api(package: Path, version: str) -> tuple[list[str], Facts]:
    relative = _first(package, "dist/index.js")
    module = _module(package, relative)
    if all(name in module.names for name in _LISTS):
        return [relative], _fixed_lists(module, package / relative)
    # Taro's own: the members of the object literal and those assigned on it (Taro.pxTransform = getPxTransform(Taro))
    return [relative], Facts(framework=module.names.get("Taro", frozenset()) | module.members.get("Taro", frozenset()))


def _read_shared(package: Path, version: str) -> tuple[list[str], Facts]:
    relative = _first(package, "dist/shared.esm.js", "dist/index.js")
    module = _module(package, relative)
    if "needPromiseApis" not in module.names:
        raise PackageError(f"{package / relative}: no needPromiseApis list")
    promise = module.names["needPromiseApis"]
    framework = _framework(module)
    if "preserved" in module.names:
        return [relative], Facts(promise=promise, framework=framework, forwards=True, reserved=module.names["preserved"])
    return [relative], Facts(listed=promise | module.names.get("noPromiseApis", frozenset()), promise=promise, framework=framework)


def _read_platform(package: Path, version: str) -> tuple[list[str], Facts]:
    relative = _first(package, "src/native-api.js")
    return [relative], _platform_setup(_module(package, relative))


def _read_plugin(package: Path, version: str) -> tuple[list[str], Facts]:
    relative = _first(package, "dist/runtime-utils.js", "dist/runtime.js")
    module = _module(package, relative)
    setup = _platform_setup(module)
    promise = module.names.get("needPromiseApis", frozenset()) | module.names.get("asyncApis", frozenset())
    listed = promise | module.names.get("noPromiseApis", frozenset())
    origin = module.imports.get("needPromiseApis", "")
    borrows = origin.split("/dist/")[0] if origin.startswith("@tarojs/plugin-platform-") else ""
    return [relative], Facts(listed=listed, promise=promise, framework=setup.framework, aliases=setup.aliases,
                             modify_added=setup.modify_added, modify_deleted=setup.modify_deleted, borrows=borrows)


def _read_h5(package: Path, version: str) -> tuple[list[str], Facts]:
    relative = _first(package, "dist/index.cjs.js")
    module = _module(package, relative)
    if not module.exports:
        raise PackageError(f"{package / relative}: no exports")
    kinds = []
    for name, local in sorted(module.exports.items()):
        if name == "default":
            continue
        binding = module.bindings.get(local)
        kind = "implemented"
        if binding is not None and binding.callee in _STUB_HELPERS:
            kind = "stub"
        elif binding is not None and binding.callee in _OPEN_API_HELPERS and _FALLBACK_KEY not in binding.keys:
            kind = "wechat"
        kinds.append((name, kind))
    default = module.exports.get("default")  # exports.default = taro: {navigateTo: router.navigateTo, ...}
    exported = {name for name, _ in kinds}
    kinds += [(name, "implemented") for name in sorted(module.names.get(default or "", frozenset()) - exported)]
    kinds.sort()
    helper = module.calls.get(_STUB_HELPERS[0], frozenset())
    production = "resolves" if any(c == "Promise.resolve" or c.endswith(".success") for c in helper) else "rejects"
    return [relative], Facts(apis=tuple(kinds), stub_production=production)


def _read_framework_plugin(package: Path, version: str) -> tuple[list[str], Facts]:
    """The framework plugin's runtime exports the hooks Taro puts on itself (useLoad, useDidShow ...)."""
    relative = _first(package, "dist/runtime.js")
    return [relative], Facts(framework=frozenset(n for n in _module(package, relative).exports if n != "default"))


def _read_h5_plugin(package: Path, version: str) -> tuple[list[str], Facts]:
    relative = _first(package, "dist/definition.json")
    path = package / relative
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise PackageError(f"{path}{':' + str(line) if line else ''}: malformed definition ({type(error).__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("apis"), dict):
        raise PackageError(f"{path}: no apis object")
    files, own = [relative], ()
    runtime = "dist/runtime/apis/index.js"
    if (package / runtime).is_file():  # the plugin's own implementations, over taro-h5's (canIUse from 3.6.8)
        files.append(runtime)
        own = tuple((name, "implemented") for name in sorted(_module(package, runtime).exports) if name != "default")
    return files, Facts(listed=frozenset(data["apis"]), apis=own)


def _read_rn(package: Path, version: str) -> tuple[list[str], Facts]:
    if (package / "apiList.js").is_file():
        files = ["apiList.js", _first(package, "libList.js")]
        api_list, lib_list = (_module(package, f) for f in files)
        names = [n for m in (api_list, lib_list) for n in _exported_list(m)]
        kinds = []
        for name in sorted(set(names)):
            index = package / "dist" / "lib" / name / "index.js"
            stub = ""
            if index.is_file():
                files.append(index.relative_to(package).as_posix())
                stub = _stub_kind(package, index, name)
            kinds.append((name, stub or "implemented"))
        return files, Facts(apis=tuple(kinds))
    relative = _first(package, "dist/native-api.js")
    module = _module(package, relative)
    files, kinds = [relative], {name: "implemented" for name in _framework(module)}
    for local in module.assigned.get(_FRAMEWORK_OWNERS[0], ()):  # Object.assign(taro, storage, media, ...)
        origin = module.module_imports.get(local)
        if origin is None:
            continue
        path = _resolve(package, relative, origin[0])
        files.append(path)
        part = _module(package, path)
        if origin[1]:  # import * as media: its named exports
            kinds.update((name, "implemented") for name in part.exports if name != "default")
        elif part.default_keys is not None:  # export default {a, b, ...unsupported}
            keys, spreads = part.default_keys
            kinds.update((name, "implemented") for name in keys)
            kinds.update((name, "stub-undefined") for spread in spreads for name in part.names.get(spread, ()))
    # every fixed-list name not copied in stays the stub processApis made first (it logs and returns undefined)
    return files, Facts(apis=tuple(sorted(kinds.items())), stubs_rest=True)


def _read_router(package: Path, version: str) -> tuple[list[str], Facts]:
    """H5 and RN 1.x-2.x: the router sets Taro.navigateTo and the other page APIs when the app starts."""
    files = sorted(p.relative_to(package).as_posix() for p in (package / "dist").glob("*.js"))
    if not files:
        raise PackageError(f"{package / 'dist'}: no JavaScript files")
    names: set[str] = set()
    for relative in files:
        names |= _framework(_module(package, relative))
    return files, Facts(apis=tuple((name, "implemented") for name in sorted(names)))


def _resolve(package: Path, importer: str, origin: str) -> str:
    base = (package / importer).parent / origin
    for candidate in (base.with_name(base.name + ".js"), base / "index.js"):
        if candidate.is_file():
            return candidate.resolve().relative_to(package.resolve()).as_posix()
    raise PackageError(f"{base}.js: missing from the package (imported by {package / importer})")


def _exported_list(module: JsModule) -> list[str]:
    held = [names for names in module.names.values()]
    return sorted(module.names.get("module.exports", frozenset()) or (held[0] if held else frozenset()))


def _stub_kind(package: Path, index: Path, name: str) -> str:
    source = index.read_bytes()
    tree = parse(source, "javascript")
    found = captures(tree.root_node, "javascript", "(export_statement source: (string) @from)")
    if not any(node.text is not None and node.text.decode()[1:-1] == _UNSUPPORTED_MODULE for node in found.get("from", ())):
        return ""
    unsupported = _module(package, "dist/lib/unsupportedApi.js")
    binding = unsupported.bindings.get(name)
    if binding is None:
        return "stub-async"
    return "stub-async" if "false" in binding.arguments[2:] else "stub-sync"


def _read_cli(package: Path, version: str) -> tuple[list[str], Facts]:
    data = json.loads((package / "package.json").read_text(encoding="utf-8"))
    deps = {**(data.get("dependencies") or {})}
    return ["package.json"], Facts(pins=tuple(sorted((k, v) for k, v in deps.items() if isinstance(v, str))))


def _read_my_typings(package: Path, version: str) -> tuple[list[str], Facts]:
    files = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.d.ts") if "node_modules" not in p.parts)
    if not files:
        raise PackageError(f"{package}: no .d.ts declarations")
    per_file = {relative: _declared_members((package / relative).read_bytes()) for relative in files}
    files = sorted(files, key=lambda f: (-len(per_file[f]), f))  # the file that declares the most first: the one cited
    return files, Facts(runtime_names=frozenset().union(*per_file.values()))


_EXPORTED = """
(export_statement (function_signature name: (identifier) @name))
(export_statement (lexical_declaration (variable_declarator name: (identifier) @name)))
(export_statement (ambient_declaration (lexical_declaration (variable_declarator name: (identifier) @name))))
(export_statement (ambient_declaration (function_signature name: (identifier) @name)))
(export_statement (ambient_declaration (variable_declaration (variable_declarator name: (identifier) @name))))
"""


def _declared_members(source: bytes) -> set[str]:
    """Exported functions and constants: of a module, or of a top-level ``declare namespace g`` (not ``g.sub``)."""
    tree = parse(source, "typescript")
    names = set()
    for node in captures(tree.root_node, "typescript", _EXPORTED).get("name", ()):
        parent = node.parent
        while parent is not None and parent.type != "internal_module":
            parent = parent.parent
        namespace = parent.child_by_field_name("name") if parent is not None else None
        if namespace is not None and namespace.type != "identifier":
            continue  # my.ap, my.cloud: members of a member
        if node.text is not None:
            names.add(node.text.decode())
    return names


_READERS = {
    "@tarojs/taro": _read_taro,
    "@tarojs/api": _read_api,
    "@tarojs/shared": _read_shared,
    "@tarojs/taro-h5": _read_h5,
    "@tarojs/plugin-platform-h5": _read_h5_plugin,
    "@tarojs/taro-rn": _read_rn,
    "@tarojs/taro-router-rn": _read_router,
    "@tarojs/router": _read_router,
    "@tarojs/plugin-framework-react": _read_framework_plugin,
    "@tarojs/cli": _read_cli,
    "@mini-types/my": _read_my_typings,
    "@douyin-microapp/typings": _read_my_typings,
}
_PREFIXES = (("@tarojs/plugin-platform-", _read_plugin), ("@tarojs/taro-", _read_platform))  # after the exact names
