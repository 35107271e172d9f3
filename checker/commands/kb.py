"""`kb lint` and `kb import`: maintaining the knowledge base."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from checker.commands import EXIT_OK, load
from checker.errors import KnowledgeBaseErrors, UsageError

__all__ = ['kb_import', 'kb_lint']

WX_GLOBAL = "wx"  # miniprogram-api-typings types the `wx` object (its `interface Wx`)


def kb_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.importers.taro import read_taro_package
    from checker.importers.write import apply_taro, apply_wx, load_imported, save_imported
    from checker.importers.wx import read_wx_package
    from checker.resources import matrix_root

    root = args.matrix or matrix_root()
    matrix = load(root)
    folder = root / "apis" / "imported"
    records = load_imported(folder)
    for package in args.packages:
        if not package.is_dir():
            raise UsageError(f"taro-compat: {package}: not an unpacked package folder")
    if args.source == "taro-runtime":
        from checker.importers.runtime_import import import_runtime

        written, problems = import_runtime(matrix, records, args.packages, root / "reports")
        save_imported(folder, records)
        out.write(f"{folder}: {written} computed statement(s) from {len(args.packages)} package folder(s)\n")
        for problem in problems:
            print(f"taro-compat: could not import: {problem}", file=err)
        return EXIT_OK
    if args.source == "taro":
        catalogue = {v.text for v in matrix.taro_catalogue().versions}
        platforms = sorted(matrix.platforms)
        spellings = {name: p.id for p in matrix.platforms.values() for name in p.typings_names}
        problems = apply_taro(records, [read_taro_package(p, spellings) for p in args.packages], platforms, catalogue)
    else:
        if len(args.packages) != 1:
            raise UsageError("taro-compat: kb import wx-typings takes one miniprogram-api-typings folder")
        # the typings describe the wx object: they speak for the platform whose native global it is
        platform = next((p.id for p in matrix.platforms.values() if p.native_global == WX_GLOBAL), None)
        runtime = matrix.runtime_catalogue(platform) if platform else None
        if platform is None or runtime is None:
            raise UsageError(f"taro-compat: no platform with the native global {WX_GLOBAL!r} and a runtime catalogue")
        catalogue = {v.text for v in runtime.versions}
        problems = apply_wx(records, read_wx_package(args.packages[0]), catalogue, platform)
    written = save_imported(folder, records)
    for problem in problems:
        print(f"taro-compat: could not import: {problem}", file=err)
    conflicts = _import_conflicts(load(root), folder)
    for conflict in conflicts:
        print(f"taro-compat: conflict: {conflict}", file=err)
    out.write(f"{folder}: {written} imported API file(s); {len(problems)} problem(s), {len(conflicts)} conflict(s) with curated data\n")
    return EXIT_OK


def _import_conflicts(matrix, folder: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Where an import and a curated file disagree: how the curated data stays honest."""
    from checker.importers.write import load_imported

    conflicts = []
    imported = load_imported(folder)
    for api in matrix.apis():
        if not api.imported_from or api.id not in imported or "/imported/" in api.path:
            continue
        raw = imported[api.id]["support"]
        for platform, support in sorted(api.support.items()):
            theirs = raw.get(platform, {})
            for axis in ("taro", "runtime"):
                mine = [str(s.versions) for s in getattr(support, axis) if s.status.value == "supported"]
                others = [s["versions"] for s in theirs.get(axis, []) if s["status"] == "supported"]
                if mine and others and "*" not in mine and support.lowest(axis) != _lowest(matrix, platform, axis, others):
                    conflicts.append(f"{api.id} on {platform} ({axis}): curated {' || '.join(mine)}; imported {' || '.join(others)}")
                elif others and not mine and getattr(support, axis):
                    conflicts.append(f"{api.id} on {platform} ({axis}): curated has no supported range; imported {' || '.join(others)}")
    return conflicts


def _lowest(matrix, platform: str, axis: str, ranges: list[str]):  # type: ignore[no-untyped-def]
    """The lowest version the imported ranges name as a lower bound, compared as versions ('2.9.0' < '2.10.4')."""
    from checker.errors import InvalidRange
    from checker.versions import parse_range

    catalogue = matrix.taro_catalogue() if axis == "taro" else matrix.runtime_catalogue(platform)
    if catalogue is None:
        return None
    lows = []
    for text in ranges:
        try:
            low = parse_range(text, catalogue.scheme).lowest()
        except InvalidRange:
            continue
        if low is not None:
            lows.append(low)
    return min(lows) if lows else None


def kb_lint(args: argparse.Namespace, out: TextIO) -> int:
    from checker.kb import load_documents
    from checker.kb.rules import lint
    from checker.resources import matrix_root

    root = args.matrix or matrix_root()
    loaded = load_documents(root)
    problems = lint(loaded)
    if problems:
        raise KnowledgeBaseErrors(problems)
    out.write(f"{root}: {len(loaded.matrix)} API(s), {len(loaded.documents)} file(s): no problems\n")
    return EXIT_OK
