"""`init`: declare a project's targets in its package.json, from the evidence or from ``--targets``.

Exit codes: 0 written (or nothing to do); 1 a declaration exists and was kept (no ``--force``);
2 bad usage or a project file it cannot read (nothing is written then).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from checker.commands import EXIT_FINDINGS, EXIT_OK, discover_projects, load
from checker.errors import UsageError

__all__ = ["init"]


def init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.errors import ProjectError

    scan_root, projects = discover_projects(args.path)
    if len(projects) > 1 and not args.all:
        listed = ", ".join(p.relative_to(scan_root).as_posix() for p in projects[:8]) + (", ..." if len(projects) > 8 else "")
        raise UsageError(f"taro-compat: {args.path}: {len(projects)} Taro projects ({listed}): run init on one of them, "
                         "or give --all to declare every one")
    matrix = load(args.matrix)
    kept = 0
    for directory in projects:
        prefix = "" if directory == scan_root else f"{directory.relative_to(scan_root).as_posix()}/"
        try:
            kept += not _init_one(directory, scan_root, projects, matrix, args, prefix, out, err)
        except ProjectError as error:
            raise UsageError(f"taro-compat: {prefix}{error.location}: {error.message}") from None
    return EXIT_FINDINGS if kept else EXIT_OK


def _init_one(  # type: ignore[no-untyped-def]
    directory: Path, scan_root: Path, projects: list[Path], matrix, args: argparse.Namespace, prefix: str, out: TextIO, err: TextIO,
) -> bool:
    """Declare one project's targets; False when an existing declaration was kept."""
    from checker.errors import Location
    from checker.output import write_atomic
    from checker.project.package_edit import set_targets
    from checker.project.read import read_project
    from checker.project.settings import SETTINGS_FILE
    from checker.render.targets_line import target_names, targets_origin
    from checker.targets.query import parse_targets
    from checker.contradicted import drop_contradicted
    from checker.pipeline import scan_project_files
    from checker.targets.resolve import INIT_COMMAND, default_minimum, resolve_targets

    profile = read_project(directory, scan_root=scan_root)
    declared = profile.declared_targets
    if declared is not None and not args.force:
        out.write(f"{prefix}{declared.location}: targets already declared ({declared.query!r}); kept (--force replaces them)\n")
        return False
    if args.targets is not None:
        targets = parse_targets(args.targets, platforms=matrix.platforms, usage=matrix.usage, source="--targets",
                                location=Location("--targets"), catalogues=matrix.catalogues,
                                warn=lambda clause, checked: print(f"taro-compat: warning: --targets: {clause!r}: {checked.warning}", file=err))
        query, why = args.targets, "as given"
    else:
        undeclared = _undeclared(profile)
        resolved = resolve_targets(undeclared, matrix.platforms, matrix.usage, matrix.catalogues)
        # the same targets check would use: a guess the source contradicts is left out here too
        scans, _ = scan_project_files(directory, undeclared, matrix, projects)
        targets = drop_contradicted(resolved, scans, matrix.platforms, lambda t: default_minimum(t, matrix.platforms, matrix.usage)).targets
        query, why = target_names(targets), targets_origin(targets).removesuffix(f"; declare them with `{INIT_COMMAND}`")
    manifest = directory / "package.json"
    try:
        text = manifest.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"taro-compat: {prefix}package.json: not UTF-8 text; nothing was changed") from None
    written = set_targets(text, query, "package.json")
    if written != text:
        write_atomic(manifest, written)
    out.write(f'{prefix}package.json: wrote "taroCompat": {{"targets": "{query}"}} ({why})\n')
    if (directory / SETTINGS_FILE).is_file():
        out.write(f"{prefix}{SETTINGS_FILE}: its settings still win over package.json#taroCompat; remove its targets to use these\n")
    return True


def _undeclared(profile):  # type: ignore[no-untyped-def]
    """The profile as if nothing were declared: --force infers afresh."""
    from dataclasses import replace

    return replace(profile, declared_targets=None)
