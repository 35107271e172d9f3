"""Read one Taro project into a :class:`ProjectProfile`: manifests, lock file, configs, and the evidence of
where it ships. No matrix here: the targets stage turns the declaration or the evidence into targets."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from checker.errors import Location
from checker.findings import Args, Severity
from checker.project.evidence import ci_builds, platform_files
from checker.project.manifests import PLATFORM_PLUGIN_PREFIX, read_package
from checker.project.resolve import resolve_taro
from checker.project.module_paths import read_module_paths
from checker.project.profile import Note, ProjectProfile, TargetsDeclaration
from checker.project.settings import SETTINGS_FILE, Settings, parse_settings, read_settings_file
from checker.project.taro_config import CONFIG_NAMES, TaroConfig, read_taro_config

__all__ = ["read_project"]


def read_project(directory: Path, *, scan_root: Path, targets_override: str | None = None) -> ProjectProfile:
    """Everything the project declares; raises :class:`ProjectError` on input it cannot trust."""

    def display_of(path: Path) -> str:
        return Path(os.path.relpath(path, directory)).as_posix()

    package = read_package(directory, "package.json")
    notes: list[Note] = list(package.notes)
    plugins = [name for name in package.dependencies if name.startswith(PLATFORM_PLUGIN_PREFIX)]
    # every dependency's locked version, for the wrapper libraries the matrix knows (the pipeline picks them)
    others = sorted(name for name in package.dependencies if name not in plugins)
    taro, taro_notes, locked = resolve_taro(package, directory, scan_root, display_of, [*plugins, *others])
    plugin_versions = {name: entry for name, entry in locked.items() if name in plugins}
    libraries = tuple((name, locked[name].version if name in locked else package.dependencies[name]) for name in others)
    notes += taro_notes
    config, env_comparisons = _taro_config(directory)
    values = config.values if config else {}
    files = platform_files(directory, display_of, values.get("projectConfigName"))
    notes += [Note("TC003", Severity.WARNING, Location(f.display, 1, 1), "project_file") for f in files if f.lenient]
    settings = _settings(directory, package.settings, package.settings_at, notes)
    if targets_override is not None:
        declared: TargetsDeclaration | None = TargetsDeclaration(targets_override, "--targets", Location("--targets"))
    elif settings is not None and settings.targets is not None:
        declared = TargetsDeclaration(settings.targets, settings.source, settings.targets_at or settings.location)
    else:
        declared = None
    lib = next((f for f in reversed(files) if f.lib_version), None)  # project.private.config.json overrides
    module_paths = read_module_paths(directory)
    notes += module_paths.notes
    return ProjectProfile(
        root=Path(os.path.relpath(directory, scan_root)).as_posix(),
        name=package.name,
        taro=taro,
        declared_targets=declared,
        framework=values.get("framework"),
        compiler=values.get("compiler"),
        source_root=values.get("sourceRoot") or "src",
        output_root=values.get("outputRoot"),
        output_root_computed=config is not None and "outputRoot" in config.computed,
        plugins=config.plugins if config else (),
        config_file=config.file if config else None,
        config_lines=tuple(sorted(config.lines.items())) if config else (),
        config_env_comparisons=env_comparisons,
        output_root_strings=config.output_root_strings if config else (),
        env_aliases=config.env_aliases if config else (),
        module_aliases=(config.aliases if config else ()) + module_paths.aliases,
        module_base=module_paths.base_url,
        libraries=libraries,
        lib_version=lib.lib_version if lib else None,
        lib_version_at=lib.lib_version_at if lib else None,
        appid=next((f.appid for f in files if f.appid), None),
        miniprogram_root=next((f.miniprogram_root for f in files if f.miniprogram_root), None),
        platform_files=tuple(f.display for f in files),
        project_files=files,
        builds=package.builds + ci_builds(directory, scan_root, package.scripts, display_of),
        plugin_versions=tuple(sorted(plugin_versions.items())),
        has_settings=settings is not None,
        published=settings.published if settings else None,
        include=settings.include if settings else (),
        exclude=settings.exclude if settings else (),
        baseline=settings.baseline if settings else None,
        fail_on=settings.fail_on if settings else None,
        ignore=settings.ignore if settings else (),
        strict_unknown=settings.strict_unknown if settings else False,
        notes=tuple(notes),
    )


def _taro_config(directory: Path) -> tuple[TaroConfig | None, tuple[tuple[str, str, int], ...]]:
    """config/index.*, and the TARO_ENV comparisons of every config file (file, platform word, line); the
    other config files (dev, prod) only add defineConstants aliases and comparisons."""
    folder = directory / "config"
    main = next((folder / name for name in CONFIG_NAMES if (folder / name).is_file()), None)
    if main is None:
        return None, ()
    config = read_taro_config(main, f"config/{main.name}")
    aliases = list(config.env_aliases)
    comparisons = [(config.file, text, line) for text, line in config.env_comparisons]
    for extra in sorted(folder.glob("*.[jt]s")):
        if extra != main:
            other = read_taro_config(extra, f"config/{extra.name}")
            aliases += other.env_aliases
            comparisons += [(other.file, text, line) for text, line in other.env_comparisons]
    return replace(config, env_aliases=tuple(dict.fromkeys(aliases))), tuple(comparisons)


def _settings(directory: Path, in_package: object, settings_at: Location, notes: list[Note]) -> Settings | None:
    from_file = read_settings_file(directory / SETTINGS_FILE, SETTINGS_FILE) if (directory / SETTINGS_FILE).is_file() else None
    from_package = parse_settings(in_package, "package.json#taroCompat", settings_at) if in_package is not None else None
    if from_file and from_package:
        notes.append(Note("TC009", Severity.WARNING, from_file.location, args=Args.of(settings=SETTINGS_FILE)))
    return from_file or from_package
