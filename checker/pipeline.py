"""Scanning a read project, as the CLI and the Python API both do it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.cachedir import cache_file_for
from checker.model import Matrix
from checker.project.profile import ProjectProfile
from checker.scan.files import source_files
from checker.scan.runner import ScanOptions, scan_files
from checker.scan.sites import FileScan
from checker.vendored import split_vendored

__all__ = ["member_names", "scan_options", "scan_project", "scan_project_files"]


def member_names(matrix: Matrix) -> frozenset[str]:
    """What a file must mention to hold a use the matrix knows: API ids, and component attribute values."""
    return frozenset(api_id.rsplit(".", 1)[-1] for api_id in matrix.api_ids())


def scan_options(matrix: Matrix, profile: ProjectProfile) -> ScanOptions:
    return ScanOptions(
        globals_=frozenset(p.native_global for p in matrix.platforms.values() if p.native_global),
        env_values=frozenset(p.taro_env for p in matrix.platforms.values()),
        env_aliases=frozenset(profile.env_aliases),
        names=member_names(matrix),
    )


def scan_project(directory: Path, profile: ProjectProfile, matrix: Matrix, projects: Iterable[Path] = (), *, cache: bool = True) -> tuple[FileScan, ...]:
    """Every source file of one project, without the nested projects, the build output and vendored files."""
    return scan_project_files(directory, profile, matrix, projects, cache=cache)[0]


def scan_project_files(directory: Path, profile: ProjectProfile, matrix: Matrix, projects: Iterable[Path] = (), *,
                       cache: bool = True) -> tuple[tuple[FileScan, ...], tuple[str, ...]]:
    """The scans, and the vendored or minified files left out (project paths)."""
    nested = [p.relative_to(directory).as_posix() for p in projects if p != directory and directory in p.parents]
    output = [profile.output_root] if profile.output_root and "(" not in profile.output_root else []
    files, _ = source_files(directory, include=profile.include, exclude=profile.exclude, skip_dirs=nested + output)
    files, vendored = split_vendored(files, profile.include)
    cache_path = cache_file_for("scan", directory, ".json") if cache else None
    return scan_files(files, scan_options(matrix, profile), cache_path=cache_path).files, vendored
