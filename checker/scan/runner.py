"""Scan a project's files: a byte-level pre-filter, a content-hash cache, and the machine's cores.

An unchanged file costs a ``stat``: the cache remembers each file's size,
modification time and sha256 with its result (like ESLint's ``--cache``).
Files that cannot hold a use (no ``@tarojs/`` and no namespace name) are not
parsed. Bad files give a per-file note, never a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker.scan import codec
from checker.scan.extract import extract
from checker.scan.sites import FileScan, Guard
from checker.scan.vue import script_of_vue
from checker.syntax import language_for

__all__ = ["MAX_SOURCE_BYTES", "ProjectScan", "ScanOptions", "scan_files", "scan_one"]

MAX_SOURCE_BYTES = 2 * 1024 * 1024  # larger files are bundles or generated code, not sources to check
SCANNER_VERSION = "1"
_PARALLEL_FROM = 48  # below this many files to parse, starting worker processes costs more than it saves


@dataclass(frozen=True, slots=True)
class ScanOptions:
    globals_: frozenset[str]  # native globals to report (wx, tt, my, ...), from the platforms
    env_values: frozenset[str]  # TARO_ENV values, to read platform-specific file names (a.weapp.ts)
    env_aliases: frozenset[str] = frozenset()  # defineConstants names standing for process.env.TARO_ENV

    def digest(self) -> str:
        text = json.dumps([SCANNER_VERSION, sorted(self.globals_), sorted(self.env_values), sorted(self.env_aliases)])
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ProjectScan:
    files: tuple[FileScan, ...]
    parsed: int  # files actually parsed this run (not from the cache, not filtered out)
    from_cache: int


def _prefilter(options: ScanOptions) -> re.Pattern[bytes]:
    names = sorted({"Taro", *options.globals_})
    return re.compile(rb"@tarojs/|\b(?:" + b"|".join(re.escape(n.encode()) for n in names) + rb")\b")


def scan_one(path: str, display: str, options: ScanOptions, raw: bytes | None = None) -> FileScan:
    """Scan one file; every problem becomes a note on the result."""
    try:
        if raw is None:
            if os.path.getsize(path) > MAX_SOURCE_BYTES:
                return FileScan(display, skipped=f"over {MAX_SOURCE_BYTES // (1024 * 1024)} MB: a bundle or generated file, not scanned")
            with open(path, "rb") as handle:
                raw = handle.read()
    except OSError as error:
        return FileScan(display, skipped=f"cannot read: {error.strerror}")
    if len(raw) > MAX_SOURCE_BYTES:
        return FileScan(display, skipped=f"over {MAX_SOURCE_BYTES // (1024 * 1024)} MB: a bundle or generated file, not scanned")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            raw = raw.decode("utf-16").encode("utf-8")  # positions: lines stay lines
        except UnicodeDecodeError:
            return FileScan(display, skipped="not valid UTF-16 text")
    if b"\x00" in raw[:8192]:
        return FileScan(display, skipped="binary content (NUL bytes), not source")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return FileScan(display, skipped=f"not UTF-8 text (line {line})")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = b"   " + raw[3:]  # keep columns: a BOM is not a character of the first line
    if not _prefilter(options).search(raw):
        return FileScan(display)
    suffix = os.path.splitext(display)[1]
    language = language_for(suffix)
    if suffix == ".vue":
        raw, language = script_of_vue(raw)
    return extract(raw, language, display, globals_=options.globals_, env_aliases=options.env_aliases,
                   file_guards=_platform_file_guard(display, options.env_values))


def _platform_file_guard(display: str, env_values: frozenset[str]) -> tuple[Guard, ...]:
    """``index.weapp.ts`` is compiled only for weapp."""
    parts = os.path.basename(display).split(".")
    if len(parts) >= 3 and parts[-2] in env_values:
        return (Guard("platform_file", 1, envs=(parts[-2],)),)
    return ()


def _scan_batch(batch: list[tuple[str, str]], options: ScanOptions) -> list[dict[str, object]]:
    return [codec.encode(scan_one(path, display, options)) for path, display in batch]


def scan_files(
    files: Iterable[tuple[Path, str]], options: ScanOptions, *, cache_path: Path | None = None, jobs: int | None = None
) -> ProjectScan:
    entries = list(files)
    cache = _read_cache(cache_path, options) if cache_path else {}
    results: dict[str, FileScan] = {}
    fresh: dict[str, dict[str, object]] = {}
    todo: list[tuple[str, str]] = []
    stamps: dict[str, tuple[int, int]] = {}
    from_cache = 0
    for path, display in entries:
        try:
            stat = os.stat(path)
        except OSError as error:
            results[display] = FileScan(display, skipped=f"cannot read: {error.strerror}")
            continue
        stamps[display] = (stat.st_size, stat.st_mtime_ns)
        cached = cache.get(display)
        if cached is not None and (cached["size"], cached["mtime_ns"]) == stamps[display]:
            results[display] = codec.decode(cached["result"])  # type: ignore[arg-type]
            fresh[display] = cached
            from_cache += 1
        else:
            todo.append((str(path), display))
    workers = min(jobs or os.cpu_count() or 1, 8)
    if len(todo) >= _PARALLEL_FROM and workers > 1:
        size = max(16, len(todo) // (workers * 4))
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            encoded = [item for chunk in pool.map(_scan_batch, batches, [options] * len(batches)) for item in chunk]
    else:
        encoded = _scan_batch(todo, options)
    for data in encoded:
        display = str(data["file"])
        results[display] = codec.decode(data)  # type: ignore[arg-type]
        size, mtime = stamps.get(display, (0, 0))
        fresh[display] = {"size": size, "mtime_ns": mtime, "result": data}
    if cache_path is not None:
        _write_cache(cache_path, options, fresh)
    ordered = tuple(results[display] for _, display in entries if display in results)
    return ProjectScan(ordered, parsed=len(todo), from_cache=from_cache)


def _read_cache(path: Path, options: ScanOptions) -> dict[str, dict[str, object]]:
    try:
        header, _, body = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta.get("options") != options.digest() or meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return {}
        files = json.loads(body)
    except (OSError, ValueError, AttributeError):
        return {}  # absent or damaged: rebuilt, never trusted
    return files if isinstance(files, dict) else {}


def _write_cache(path: Path, options: ScanOptions, files: dict[str, dict[str, object]]) -> None:
    body = json.dumps(files, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"options": options.digest(), "sha256": hashlib.sha256(body).hexdigest()}).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".scan-", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(header + b"\n" + body)
        os.replace(temp, path)
    except OSError:
        return  # an unwritable cache only costs speed
