"""Scanning a read project, as the CLI and the Python API both do it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.cachedir import cache_file_for
from checker.model import Matrix
from checker.project.profile import ProjectProfile
from checker.scan.files import source_files
from checker.scan.graph import ModuleMap
from checker.errors import InvalidRange, InvalidVersion
from checker.scan.runner import ScanOptions, WrapperUse, scan_files
from checker.versions import Scheme, TaroVersion, parse_range
from checker.scan.sites import FileScan
from checker.vendored import split_vendored

__all__ = ["member_names", "module_map", "scan_options", "scan_project", "scan_project_files", "wrapper_uses"]


def member_names(matrix: Matrix) -> frozenset[str]:
    """What a file must mention to hold a use the matrix knows: API ids, and component attribute values."""
    return frozenset(api_id.rsplit(".", 1)[-1] for api_id in matrix.api_ids())


def scan_options(matrix: Matrix, profile: ProjectProfile) -> ScanOptions:
    return ScanOptions(
        globals_=frozenset(g for p in matrix.platforms.values() for g in p.native_globals),
        env_values=frozenset(p.taro_env for p in matrix.platforms.values()),
        env_aliases=frozenset(profile.env_aliases),
        names=member_names(matrix),
        env_types=tuple(sorted((p.env_type, p.taro_env) for p in matrix.platforms.values() if p.env_type)),
        platform_packages=tuple(sorted((package, p.taro_env) for p in matrix.platforms.values() for package in p.taro_packages)),
        wrappers=wrapper_uses(matrix, profile),
        project_prefixes=tuple(sorted({key for key, _ in profile.module_aliases})),
        folder_envs=folder_envs(matrix),
    )


def folder_envs(matrix: Matrix) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each folder some platforms' builds alone compile (their ``build_only_folders``), with those platforms' TARO_ENV values."""
    envs: dict[str, set[str]] = {}
    for platform in matrix.platforms.values():
        for folder in platform.build_only_folders:
            envs.setdefault(folder, set()).add(platform.taro_env)
    return tuple(sorted((folder, tuple(sorted(values))) for folder, values in envs.items()))


def wrapper_uses(matrix: Matrix, profile: ProjectProfile) -> tuple[WrapperUse, ...]:
    """What the scanner reports for the wrapper libraries this project depends on, at the version it has."""
    found = []
    for package, version in profile.libraries:
        for wrapper in matrix.wrappers.values():
            if wrapper.package != package or not _version_in(version, wrapper.versions):
                continue
            label = f"{package}@{version}"
            for export, calls in sorted(wrapper.exports.items()):
                for call in calls:
                    envs = tuple(sorted(matrix.platforms[p].taro_env for p in call.platforms if p in matrix.platforms))
                    found.append(WrapperUse(package, label, export, call.api, envs, call.tested))
    return tuple(found)


def _version_in(version: str, versions: str) -> bool:
    """A locked version, or the lowest a declared range allows, in the versions a wrapper record covers."""
    try:
        wanted = parse_range(versions, Scheme.SEMVER)
        try:
            exact = TaroVersion.parse(version)
        except InvalidVersion:
            exact = parse_range(version.lstrip("^~"), Scheme.SEMVER).lowest()
    except (InvalidRange, InvalidVersion):
        return False
    return exact is not None and exact in wanted


def module_map(profile: ProjectProfile) -> ModuleMap:
    return ModuleMap(aliases=profile.module_aliases, base_url=profile.module_base)


def scan_project(directory: Path, profile: ProjectProfile, matrix: Matrix, projects: Iterable[Path] = (), *, cache: bool = True) -> tuple[FileScan, ...]:
    """Every source file of one project, without the nested projects, the build output and vendored files."""
    return scan_project_files(directory, profile, matrix, projects, cache=cache)[0]


def scan_project_files(directory: Path, profile: ProjectProfile, matrix: Matrix, projects: Iterable[Path] = (), *,
                       cache: bool = True) -> tuple[tuple[FileScan, ...], tuple[str, ...]]:
    """The scans, and the vendored or minified files left out (project paths)."""
    nested = [p.relative_to(directory).as_posix() for p in projects if p != directory and directory in p.parents]
    output = [profile.output_root] if profile.output_root else []
    files, _ = source_files(directory, include=profile.include, exclude=profile.exclude, skip_dirs=nested + output)
    files, vendored = split_vendored(files, profile.include)
    cache_path = cache_file_for("scan", directory, ".json") if cache else None
    return scan_files(files, scan_options(matrix, profile), cache_path=cache_path, modules=module_map(profile)).files, vendored
