"""Scan a project's files: a byte-level pre-filter, a content-hash cache, and the machine's cores.

An unchanged file costs a ``stat``: the cache remembers each file's size,
modification time and sha256 with its result (like ESLint's ``--cache``).
Files that cannot hold a use (no ``@tarojs/`` and no namespace name) are not
parsed. Bad files give a per-file note, never a crash.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker.atomic import replace_atomically
from checker.scan import codec
from checker.scan.encoding import to_utf8
from checker.scan.extract import extract
from checker.scan.files import SourceFile
from checker.scan.graph import ModuleMap, project_pass
from checker.scan.sites import FileScan, Guard, GuardKind, ScanNote, ScanNoteKind, WrapperUse
from checker.scan.vue import script_of_vue
from checker.syntax import language_for

__all__ = ["MAX_SOURCE_BYTES", "ProjectScan", "ScanOptions", "WrapperUse", "scan_files", "scan_one"]

MAX_SOURCE_BYTES = 2 * 1024 * 1024  # larger files are bundles or generated code, not sources to check
SCANNER_VERSION = "10"  # 4: a note per decoded file; 5: a cached scan read stored platform tests (IIFE, getEnv() in an object) as none;
# 6: nested functions are wrappers; 7: optional calls, useCallback, var/let never reassigned; 8: an await alone is no promise use;
# 9: class methods and arrow-function fields are wrappers; 10: the notes are data (a kind and its arguments), not English
_TOO_LARGE = ScanNote(ScanNoteKind.TOO_LARGE, megabytes=MAX_SOURCE_BYTES // (1024 * 1024))
_PARALLEL_FROM = 48  # below this many files to parse, starting worker processes costs more than it saves


@dataclass(frozen=True, slots=True)
class ScanOptions:
    globals_: frozenset[str]  # native globals to report (wx, tt, my, ...), from the platforms
    env_values: frozenset[str]  # TARO_ENV values, to read platform-specific file names (a.weapp.ts)
    env_aliases: frozenset[str] = frozenset()  # defineConstants names standing for process.env.TARO_ENV
    # Member names worth reporting (the caller's API ids and component values); empty: all of them.
    # A file that mentions none of them cannot hold a use worth reporting, so it is not parsed.
    names: frozenset[str] = frozenset()
    env_types: tuple[tuple[str, str], ...] = ()  # Taro.ENV_TYPE key -> TARO_ENV value, for getEnv() tests
    platform_packages: tuple[tuple[str, str], ...] = ()  # @tarojs/taro-h5 -> h5: Taro built for one platform
    wrappers: tuple[WrapperUse, ...] = ()
    project_prefixes: tuple[str, ...] = ()  # import prefixes naming the project's own modules ('@/'): its aliases
    folder_envs: tuple[tuple[str, tuple[str, ...]], ...] = ()  # custom-tab-bar -> the TARO_ENV values whose builds compile it

    def digest(self) -> str:
        text = json.dumps([SCANNER_VERSION, sorted(self.globals_), sorted(self.env_values), sorted(self.env_aliases), sorted(self.names),
                           sorted(self.env_types), sorted(self.platform_packages),
                           sorted([w.label, w.export, w.api, list(w.envs), w.tested] for w in self.wrappers), sorted(self.project_prefixes),
                           sorted([folder, list(envs)] for folder, envs in self.folder_envs)])
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ProjectScan:
    files: tuple[FileScan, ...]
    parsed: int  # files actually parsed this run (not from the cache, not filtered out)
    from_cache: int


class _Prefilter:
    """Byte-level: could this file hold a use worth reporting?

    A few substring tests (memchr speed) for the namespace markers; then the names: a handful are
    substring tests too, while hundreds (the full matrix) are a set lookup of the file's identifiers,
    which is 70 times faster than one regex alternation of every name.
    """

    _IDENTIFIER = re.compile(rb"[A-Za-z_$][\w$]*")

    def __init__(self, options: ScanOptions) -> None:
        globals_ = sorted(g.encode() for g in options.globals_)
        self.natives = tuple(g + b"." for g in globals_)
        self.platform_tests = (b"TARO_ENV", *(alias.encode() for alias in sorted(options.env_aliases)))
        self.markers = (b"@tarojs/", b"Taro", *self.natives, *(g + b"[" for g in globals_))
        names = sorted(n.encode() for n in options.names)
        self.few = names if len(names) <= 16 else None
        self.many = frozenset(names) if len(names) > 16 else None
        self.libraries = tuple(sorted({w.package.encode() for w in options.wrappers}))

    def __call__(self, raw: bytes) -> bool:
        if self.libraries and any(library in raw for library in self.libraries):
            return True  # imports a wrapper library: its exports stand for API calls
        if any(native in raw for native in self.natives):
            return True  # my.scan(): a native global decides on its own, whether or not the matrix lists the member
        if any(test in raw for test in self.platform_tests):
            return True  # a platform test guards the calls of project functions it holds (if (TARO_ENV...) login())
        if self.few is not None:
            if self.few and not any(name in raw for name in self.few):
                return False  # most files mention none of a few names: no marker needs looking for
            return any(marker in raw for marker in self.markers)
        if not any(marker in raw for marker in self.markers):
            return False
        return self.many is None or not self.many.isdisjoint(self._IDENTIFIER.findall(raw))


_PREFILTERS: dict[ScanOptions, _Prefilter] = {}


def _prefilter(options: ScanOptions) -> _Prefilter:
    if options not in _PREFILTERS:
        _PREFILTERS[options] = _Prefilter(options)
    return _PREFILTERS[options]


def scan_one(path: str, display: str, options: ScanOptions, raw: bytes | None = None, *, force: bool = False) -> FileScan:
    """Scan one file; every problem becomes a note on the result. ``force``: parse it whatever the pre-filter says."""
    try:
        if raw is None:
            if os.path.getsize(path) > MAX_SOURCE_BYTES:
                return FileScan(display, skipped=_TOO_LARGE)
            with open(path, "rb") as handle:
                raw = handle.read()
    except OSError as error:
        return FileScan(display, skipped=ScanNote(ScanNoteKind.UNREADABLE, reason=str(error.strerror)))
    if len(raw) > MAX_SOURCE_BYTES:
        return FileScan(display, skipped=_TOO_LARGE)
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FileScan(display, skipped=ScanNote(ScanNoteKind.BINARY))
    decoded = to_utf8(raw)
    if decoded.text is None:
        return FileScan(display, skipped=decoded.note)
    raw = decoded.text
    notes = (decoded.note,) if decoded.note else ()
    if not force and not _prefilter(options)(raw):
        return FileScan(display, notes=notes)
    suffix = os.path.splitext(display)[1]
    language = language_for(suffix)
    if suffix == ".vue":
        raw, language = script_of_vue(raw)
    scanned = extract(raw, language, display, globals_=options.globals_, env_aliases=options.env_aliases,
                      file_guards=_platform_file_guard(display, options.env_values, options.folder_envs),
                      env_types=dict(options.env_types), platform_packages=dict(options.platform_packages), wrappers=options.wrappers,
                      project_prefixes=options.project_prefixes)
    return dataclasses.replace(scanned, notes=notes) if notes else scanned


def _platform_file_guard(display: str, env_values: frozenset[str],
                         folder_envs: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> tuple[Guard, ...]:
    """``index.weapp.ts`` is compiled only for weapp; a file in a folder only some builds compile (custom-tab-bar/), only for those."""
    guards = []
    parts = os.path.basename(display).split(".")
    if len(parts) >= 3 and parts[-2] in env_values:
        guards.append(Guard(GuardKind.PLATFORM_FILE, 1, envs=(parts[-2],)))
    folders = display.split("/")[:-1]
    guards += [Guard(GuardKind.PLATFORM_FILE, 1, envs=envs) for folder, envs in folder_envs if folder in folders]
    return tuple(guards)


def _scan_batch(batch: list[tuple[str, str]], options: ScanOptions) -> list[dict[str, object]]:
    return [codec.encode(scan_one(path, display, options)) for path, display in batch]


def scan_files(
    files: Iterable[SourceFile], options: ScanOptions, *, cache_path: Path | None = None, jobs: int | None = None,
    modules: ModuleMap | None = None,
) -> ProjectScan:
    """Every file's scan (from the cache when unchanged), then the project pass: platform files, and
    guards imported from the project's modules (``modules``: how its imports resolve)."""
    entries = list(files)
    cache = _read_cache(cache_path, options) if cache_path else {}
    results: dict[str, FileScan] = {}
    fresh: dict[str, list[object]] = {}  # display -> [size, mtime_ns, encoded result or None when empty]
    todo: list[tuple[str, str]] = []
    for file in entries:
        cached = cache.get(file.display)
        if cached is not None and cached[0] == file.size and cached[1] == file.mtime_ns:
            if cached[2] is not None:
                results[file.display] = codec.decode(cached[2])  # type: ignore[arg-type]
            fresh[file.display] = cached
        else:
            todo.append((file.path, file.display))
    workers = min(jobs or os.cpu_count() or 1, 8)
    if len(todo) >= _PARALLEL_FROM and workers > 1:
        size = max(16, len(todo) // (workers * 4))
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            encoded = [item for chunk in pool.map(_scan_batch, batches, [options] * len(batches)) for item in chunk]
    else:
        encoded = _scan_batch(todo, options)
    stamps = {file.display: (file.size, file.mtime_ns) for file in entries}
    changed = bool(todo)

    def keep(data: dict[str, object]) -> FileScan:
        display = str(data["file"])
        size, mtime = stamps.get(display, (0, 0))
        empty = not (data["sites"] or data["components"] or data["problems"] or data["skipped"] or data["parsed"] or data["notes"])
        fresh[display] = [size, mtime, None if empty else data]
        results[display] = codec.decode(data)  # type: ignore[arg-type]
        return results[display]

    for data in encoded:
        keep(data)
    paths = {file.display: file.path for file in entries}

    def load(display: str) -> FileScan:
        nonlocal changed
        changed = True
        return keep(codec.encode(scan_one(paths[display], display, options, force=True)))

    ordered = tuple(results.get(file.display) or FileScan(file.display) for file in entries)
    def read(display: str) -> bytes:
        try:
            with open(paths[display], "rb") as handle:
                return handle.read(MAX_SOURCE_BYTES)
        except OSError:
            return b""

    ordered = project_pass(ordered, modules or ModuleMap(), options.env_values, load, read)
    if cache_path is not None and (changed or len(fresh) != len(cache)):
        _write_cache(cache_path, options, fresh)
    return ProjectScan(ordered, parsed=len(todo), from_cache=len(entries) - len(todo))


def _read_cache(path: Path, options: ScanOptions) -> dict[str, list[object]]:
    try:
        header, _, body = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta.get("options") != options.digest() or meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return {}
        files = json.loads(body)
    except (OSError, ValueError, AttributeError):
        return {}  # absent or damaged: rebuilt, never trusted
    if not isinstance(files, dict) or not all(isinstance(v, list) and len(v) == 3 for v in files.values()):
        return {}
    return files


def _write_cache(path: Path, options: ScanOptions, files: dict[str, list[object]]) -> None:
    body = json.dumps(files, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"options": options.digest(), "sha256": hashlib.sha256(body).hexdigest()}).encode()
    try:
        replace_atomically(path, header + b"\n" + body, make_parents=True)
    except OSError:
        return  # an unwritable cache only costs speed
