"""What the commands share: loading the matrix, finding and reading projects."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from checker.errors import UsageError

__all__ = ["EXIT_FINDINGS", "EXIT_KB", "EXIT_OK", "EXIT_USAGE", "checked_version", "discover_projects", "excerpts", "load", "read_projects",
           "suggest"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_KB = 0, 1, 2, 3


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def load(matrix_dir: Path | None):  # type: ignore[no-untyped-def]
    from checker.kb import load_matrix
    from checker.resources import matrix_root

    return load_matrix(matrix_dir or matrix_root())


def discover_projects(path: Path) -> tuple[Path, list[Path]]:
    from checker.project.discover import discover

    if not path.exists():
        raise UsageError(f"taro-compat: {path}: no such file or directory")
    if not path.is_dir():
        raise UsageError(f"taro-compat: {path}: not a directory")
    root = path.resolve()
    projects = discover(root)
    if not projects:
        manifest = path / "package.json"
        if manifest.is_file():
            from checker.errors import ProjectError
            from checker.project.jsonfile import read_json

            try:
                parsed = read_json(manifest, "package.json")  # a broken manifest: say what is broken, not "no project"
            except ProjectError as error:
                raise UsageError(f"taro-compat: {error}") from None
            if not isinstance(parsed.data, dict):
                raise UsageError("taro-compat: package.json:1:1: package.json must hold a JSON object")
        reason = "package.json does not depend on @tarojs/taro" if manifest.is_file() else "no package.json that depends on @tarojs/taro"
        raise UsageError(f"taro-compat: {path}: no Taro project found ({reason})")
    return root, projects


def read_projects(scan_root: Path, projects: list[Path], matrix, targets: str | None, *, scan: bool, err: TextIO):  # type: ignore[no-untyped-def]
    """Each project's profile, targets and scans; a project that cannot be read is a problem line, and the others go on."""
    from checker.errors import ProjectError
    from checker.contradicted import drop_contradicted
    from checker.pipeline import scan_project_files
    from checker.project.read import read_project
    from checker.targets.resolve import default_minimum, resolve_targets

    read = []
    problems: list[str] = []
    for directory in projects:
        try:
            profile = read_project(directory, scan_root=scan_root, targets_override=targets)
            resolved = resolve_targets(profile, matrix.platforms, matrix.usage, matrix.catalogues)
        except ProjectError as error:
            relative = directory.relative_to(scan_root).as_posix()
            prefix = "" if relative == "." or error.location.path.startswith("--") else f"{relative}/"
            problem = f"{prefix}{error.location}: {error.message}"
            print(f"taro-compat: {problem}", file=err)
            problems.append(problem)
            continue
        scans, vendored = scan_project_files(directory, profile, matrix, projects) if scan else ((), ())
        resolved = drop_contradicted(resolved, scans, matrix.platforms,
                                     lambda t: default_minimum(t, matrix.platforms, matrix.usage))
        read.append((profile, resolved, scans, vendored))
    return read, problems


def excerpts(scan_root: Path, results) -> dict[tuple[str, str, int], str]:  # type: ignore[no-untyped-def]
    """The source line of each finding, read once per file (reports show it; fingerprints hash it)."""
    wanted: dict[tuple[str, str], set[int]] = {}
    for result in results:
        for finding in result.findings:
            if finding.file and finding.line:
                wanted.setdefault((result.profile.root, finding.file), set()).add(finding.line)
    excerpts = {}
    for (root, file), lines in wanted.items():
        try:
            text = (scan_root / root / file).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            if 0 < line <= len(text):
                excerpts[(root, file, line)] = text[line - 1].strip()[:300]
    return excerpts


def checked_version(text: str, catalogue, flag: str, err: TextIO):  # type: ignore[no-untyped-def]
    """A version from the command line that its catalogue lists (an error naming the nearest ones otherwise);
    one newer than the catalogue is taken, with a warning naming the catalogue's date."""
    from checker.known_versions import UnknownVersion, known_version

    try:
        checked = known_version(text, catalogue)
    except UnknownVersion as error:
        raise UsageError(f"taro-compat: {flag}: {error}") from None
    if checked.warning:
        print(f"taro-compat: warning: {flag}: {checked.warning}", file=err)
    return checked.version
