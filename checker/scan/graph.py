"""The project pass: what one file's scan cannot know alone.

- Platform files: where ``x.h5.tsx`` exists, ``x.tsx`` is not built for h5. Taro's resolver
  (@tarojs/helper ``resolveMainFilePath``, used by the MultiPlatformPlugin and for pages) tries, for
  each extension in webpack's order, ``x.<env><ext>``, ``x/index.<env><ext>``, ``x.<env>/index<ext>``
  (for ``x/index``) before ``x<ext>``.
- Guards imported from the project's own modules (``import { isWeapp } from '@/utils/env'``): each
  placeholder the file scan left is replaced by what the module exports, through re-exports, to a
  bounded depth; a name that resolves to nothing is no guard.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from checker.scan.callers import judge_at_callers
from checker.scan.sites import ExportedGuard, FileScan, Guard, GuardKind

__all__ = ["ModuleMap", "RESOLVE_EXTENSIONS", "project_pass", "replaced_on"]

# webpack's resolve.extensions in Taro's base config (@tarojs/webpack5-runner@3.6.26 dist/webpack/BaseConfig.js)
RESOLVE_EXTENSIONS = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".vue")
_MAX_DEPTH = 6  # re-exports and guards built of other modules' guards, followed this far


@dataclass(frozen=True, slots=True)
class ModuleMap:
    """How the project's import specifiers name its files."""

    aliases: tuple[tuple[str, str], ...] = ()  # ("@", "src"): '@/x' -> 'src/x' (webpack alias, tsconfig paths)
    base_url: str | None = None  # tsconfig compilerOptions.baseUrl: 'utils/env' -> '<base>/utils/env'


def replaced_on(display: str, files: frozenset[str], env_values: Iterable[str]) -> tuple[str, ...]:
    """The TARO_ENV values for which a platform variant of ``display`` is built instead of it."""
    folder, name = posixpath.split(display)
    stem, ext = posixpath.splitext(name)
    if ext not in RESOLVE_EXTENSIONS:
        return ()
    envs = set(env_values)
    if posixpath.splitext(stem)[1][1:] in envs:
        return ()  # itself a platform file
    earlier = RESOLVE_EXTENSIONS[: RESOLVE_EXTENSIONS.index(ext) + 1]
    base = posixpath.join(folder, stem)
    found = []
    for env in sorted(envs):
        candidates = [f"{base}.{env}{e}" for e in earlier]
        if stem == "index" and folder:
            candidates += [f"{folder}.{env}/index{e}" for e in earlier]
        if any(c in files for c in candidates):
            found.append(env)
    return tuple(found)


class _Resolver:
    def __init__(self, files: frozenset[str], modules: ModuleMap) -> None:
        self.files = files
        self.aliases = sorted(modules.aliases, key=lambda pair: -len(pair[0]))
        self.base_url = modules.base_url

    def resolve(self, importer: str, specifier: str) -> str | None:
        for base in self._bases(importer, specifier):
            found = self._file(posixpath.normpath(base))
            if found is not None:
                return found
        return None

    def _bases(self, importer: str, specifier: str) -> list[str]:
        if specifier.startswith(("./", "../")) or specifier in (".", ".."):
            return [posixpath.join(posixpath.dirname(importer), specifier)]
        bases = []
        for key, target in self.aliases:
            if specifier == key or specifier.startswith(key.rstrip("/") + "/"):
                bases.append(target + specifier[len(key.rstrip("/")):])
        if self.base_url is not None:
            bases.append(posixpath.join(self.base_url, specifier))
        return bases

    def _file(self, base: str) -> str | None:
        if base.startswith("../"):
            return None  # outside the project
        base = base.removeprefix("./")
        if base in self.files:
            return base
        for candidate in (*(base + e for e in RESOLVE_EXTENSIONS), *(f"{base}/index{e}" for e in RESOLVE_EXTENSIONS)):
            if candidate in self.files:
                return candidate
        return None


class _Graph:
    def __init__(self, scans: Mapping[str, FileScan], resolver: _Resolver, load: Callable[[str], FileScan],
                 read: Callable[[str], bytes]) -> None:
        self.scans = dict(scans)
        self.resolver = resolver
        self.load = load
        self.read = read
        self.loaded: list[str] = []
        self.plain: set[str] = set()  # left out by the pre-filter and re-export nothing: nothing to read

    def scan(self, display: str, *, force: bool = False) -> FileScan:
        """A file's scan; one the pre-filter left out is parsed when it may re-export (or when forced)."""
        scan = self.scans[display]
        if not scan.parsed and scan.skipped is None and (force or display not in self.plain):
            # the pre-filter keeps every file with a platform test or a call site, so a file it left out can
            # only pass guards and wrappers on (export * from './env'): parse it only when it re-exports
            if force or _re_exports(self.read(display)):
                scan = self.scans[display] = self.load(display)
                self.loaded.append(display)
            else:
                self.plain.add(display)
        return scan

    def export(self, importer: str, specifier: str, name: str, depth: int, seen: frozenset[tuple[str, str]]) -> tuple[str, ExportedGuard] | None:
        """(defining file, export) for ``name`` of the module ``specifier`` names from ``importer``."""
        display = self.resolver.resolve(importer, specifier)
        if display is None or (display, name) in seen or depth > _MAX_DEPTH:
            return None
        seen = seen | {(display, name)}
        scan = self.scan(display)
        for exported in scan.exports:
            if exported.name == name:
                return display, exported
        for reexport in scan.reexports:
            if reexport.name == name or reexport.name == "*":
                found = self.export(display, reexport.source, name if reexport.name == "*" else reexport.imported, depth + 1, seen)
                if found is not None:
                    return found
        return None

    def substitute(self, importer: str, guards: tuple[Guard, ...], depth: int = 0, seen: frozenset[tuple[str, str]] = frozenset()) -> tuple[Guard, ...]:
        if not any(g.kind is GuardKind.IMPORTED for g in guards):
            return guards
        out: list[Guard] = []
        for guard in guards:
            if guard.kind is not GuardKind.IMPORTED:
                out.append(guard)
                continue
            found = self.export(importer, guard.receiver or "", guard.api or "", depth, seen)
            if found is None or found[1].call != (guard.schema == "call"):
                continue  # not a platform test we can read: no guard
            where, exported = found
            taken = exported.when_false if guard.negated else exported.when_true
            inner = self.substitute(where, taken, depth + 1, seen | {(where, exported.name)})
            out += [replace(g, line=guard.line) for g in inner]
        return tuple(out)


def project_pass(
    scans: tuple[FileScan, ...], modules: ModuleMap, env_values: Iterable[str], load: Callable[[str], FileScan],
    read: Callable[[str], bytes] = lambda display: b"",
) -> tuple[FileScan, ...]:
    files = frozenset(scan.file for scan in scans)
    envs = tuple(env_values)
    graph = _Graph({scan.file: scan for scan in scans}, _Resolver(files, modules), load, read)
    done = {scan.file: _resolved(graph.scans[scan.file], graph, files, envs) for scan in scans}
    while graph.loaded:  # a file read for its exports is reported whole, as a later run reads it from the cache
        display = graph.loaded.pop()
        done[display] = _resolved(graph.scans[display], graph, files, envs)

    def scan_of(display: str, force: bool = False) -> FileScan:
        scan = graph.scan(display, force=force)
        while graph.loaded:
            loaded = graph.loaded.pop()
            done[loaded] = _resolved(graph.scans[loaded], graph, files, envs)
        return done.get(display, scan)

    done = judge_at_callers(done, graph.resolver.resolve, scan_of, graph.substitute, read)
    return tuple(done[scan.file] for scan in scans)


def _resolved(scan: FileScan, graph: _Graph, files: frozenset[str], envs: tuple[str, ...]) -> FileScan:
    replaced = replaced_on(scan.file, files, envs) if scan.call_sites or scan.components else ()
    extra = (Guard(GuardKind.PLATFORM_FILE, 1, negated=True, envs=replaced),) if replaced else ()
    if not extra and not _has_placeholder(scan):
        return scan
    sites = tuple(replace(s, guards=extra + graph.substitute(scan.file, s.guards)) for s in scan.call_sites)
    components = tuple(replace(c, guards=extra + graph.substitute(scan.file, c.guards)) for c in scan.components)
    return replace(scan, call_sites=sites, components=components)


def _re_exports(raw: bytes) -> bool:
    """Could the file re-export (``export * from``, ``export { a } from``)? A byte test; the parse decides."""
    return b"export" in raw and b"from" in raw and (b"export *" in raw or b"export {" in raw)


def _has_placeholder(scan: FileScan) -> bool:
    return any(g.kind is GuardKind.IMPORTED for s in (*scan.call_sites, *scan.components) for g in s.guards)
