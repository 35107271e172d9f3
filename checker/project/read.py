"""Read one Taro project into a :class:`ProjectProfile`: manifests, lock file, configs, targets."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from checker.errors import InvalidVersion, Location
from checker.model import Platform, UsageShare
from checker.project.manifests import PlatformConfig, read_package, read_platform_config, resolve_taro
from checker.project.profile import Note, ProjectProfile
from checker.project.settings import SETTINGS_FILE, Settings, parse_settings, read_settings_file
from checker.project.taro_config import CONFIG_NAMES, TaroConfig, read_taro_config
from checker.project.targets import Target, parse_targets
from checker.usage import minimum_for_share
from checker.versions import TaroVersion

__all__ = ["DEFAULT_COVERAGE", "read_project"]

DEFAULT_COVERAGE = 99.5  # percent of users a runtime minimum must reach when the project states none


def read_project(
    directory: Path,
    *,
    scan_root: Path,
    platforms: Mapping[str, Platform],
    usage: Mapping[str, UsageShare],
    targets_override: str | None = None,
) -> ProjectProfile:
    """Everything the project declares; raises :class:`ProjectError` on input it cannot trust."""

    def display_of(path: Path) -> str:
        return Path(os.path.relpath(path, directory)).as_posix()

    package = read_package(directory, "package.json")
    notes: list[Note] = list(package.notes)
    plugins = {p.plugin: p.id for p in platforms.values() if p.plugin}
    taro, taro_notes, plugin_versions = resolve_taro(package, directory, scan_root, display_of, plugins)
    notes += taro_notes
    config = _taro_config(directory)
    platform_config = read_platform_config(directory, display_of, platforms, config.values.get("projectConfigName") if config else None)
    notes += platform_config.notes
    settings = _settings(directory, package.settings, notes)

    if targets_override is not None:
        targets = parse_targets(targets_override, platforms=platforms, usage=usage, source="--targets", location=Location("--targets"))
    elif settings is not None and settings.targets is not None:
        targets = parse_targets(settings.targets, platforms=platforms, usage=usage, source=settings.source, location=settings.location)
    else:
        targets = _default_targets(package.build_types, config, platforms, usage, platform_config, notes)
    notes += _plugins_behind_or_ahead(taro, plugin_versions, plugins, targets)
    if platform_config.lib_version:
        notes.append(
            Note(
                "TC001",
                "info",
                f"libVersion {platform_config.lib_version} is the base library the WeChat devtools debug with, not the "
                "production minimum (that is set in the admin console); declare it in taroCompat targets, e.g. "
                f"'{platform_config.lib_version_platform} >= {platform_config.lib_version}'",
                platform_config.lib_version_at or Location("package.json"),
            )
        )
    values = config.values if config else {}
    return ProjectProfile(
        root=Path(os.path.relpath(directory, scan_root)).as_posix(),
        name=package.name,
        taro=taro,
        targets=targets,
        framework=_literal(values.get("framework")),
        compiler=_literal(values.get("compiler")),
        source_root=_literal(values.get("sourceRoot")) or "src",
        output_root=values.get("outputRoot"),
        plugins=config.plugins if config else (),
        env_aliases=config.env_aliases if config else (),
        lib_version=platform_config.lib_version,
        lib_version_at=platform_config.lib_version_at,
        lib_version_platform=platform_config.lib_version_platform,
        appid=platform_config.appid,
        miniprogram_root=platform_config.miniprogram_root,
        platform_files=platform_config.files,
        published=settings.published if settings else None,
        include=settings.include if settings else (),
        exclude=settings.exclude if settings else (),
        baseline=settings.baseline if settings else None,
        fail_on=settings.fail_on if settings else None,
        ignore=settings.ignore if settings else (),
        strict_unknown=settings.strict_unknown if settings else False,
        notes=tuple(notes),
    )


def _plugins_behind_or_ahead(taro, locked, plugins: dict[str, str], targets: tuple[Target, ...]) -> list[Note]:  # type: ignore[no-untyped-def]
    """A target platform's plugin at another version than Taro: the platform's runtime behaviour (which
    APIs are promisified, forwarded or stubbed) follows the plugin, while the checks assume Taro's version."""
    if taro.resolved is None:
        return []
    taro_version = TaroVersion.parse(taro.resolved)
    found = []
    wanted = {t.platform for t in targets}
    for name, entry in sorted(locked.items()):
        if plugins.get(name) not in wanted:
            continue
        try:
            plugin_version = TaroVersion.parse(entry.version)
        except InvalidVersion:
            continue
        if plugin_version != taro_version:
            relation = "older" if taro_version < plugin_version else "newer"
            found.append(Note("TC012", "warning", f"the resolved Taro {taro.resolved} is {relation} than {name} {entry.version} "
                              f"({entry.lockfile}); the checks assume {taro.resolved} for {plugins[name]}",
                              Location(entry.lockfile, entry.line)))
    return found


def _literal(value: str | None) -> str | None:
    return None if value in (None, "(computed)") else value


def _taro_config(directory: Path) -> TaroConfig | None:
    """config/index.*; the other config files (dev, prod) only add defineConstants aliases."""
    folder = directory / "config"
    main = next((folder / name for name in CONFIG_NAMES if (folder / name).is_file()), None)
    if main is None:
        return None
    config = read_taro_config(main, f"config/{main.name}")
    aliases = list(config.env_aliases)
    for extra in sorted(folder.glob("*.[jt]s")):
        if extra != main:
            aliases += read_taro_config(extra, f"config/{extra.name}").env_aliases
    return TaroConfig(config.file, config.values, config.plugins, tuple(dict.fromkeys(aliases)), config.lines)


def _settings(directory: Path, in_package: object, notes: list[Note]) -> Settings | None:
    from_file = read_settings_file(directory / SETTINGS_FILE, SETTINGS_FILE) if (directory / SETTINGS_FILE).is_file() else None
    from_package = parse_settings(in_package, "package.json#taroCompat", Location("package.json")) if in_package is not None else None
    if from_file and from_package:
        notes.append(Note("TC009", "warning", f"settings in both {SETTINGS_FILE} and package.json#taroCompat: using {SETTINGS_FILE}", from_file.location))
    return from_file or from_package


def _default_targets(
    build_types: tuple[str, ...],
    config: TaroConfig | None,
    platforms: Mapping[str, Platform],
    usage: Mapping[str, UsageShare],
    platform_config: PlatformConfig,
    notes: list[Note],
) -> tuple[Target, ...]:
    by_env = {platform.taro_env: platform.id for platform in platforms.values()}
    by_plugin = {platform.plugin: platform.id for platform in platforms.values() if platform.plugin}
    chosen: dict[str, Target] = {}
    for build_type in build_types:
        if build_type in by_env:
            chosen.setdefault(by_env[build_type], Target(by_env[build_type], None, "package.json scripts (taro build --type)", Location("package.json")))
        else:
            notes.append(Note("TC008", "info", f"build type {build_type!r} has no platform in the knowledge base; it is not checked", Location("package.json")))
    for plugin in config.plugins if config else ():
        if plugin in by_plugin:
            chosen.setdefault(by_plugin[plugin], Target(by_plugin[plugin], None, f"{config.file} plugins", Location(config.file, config.lines.get("plugins", 0))))  # type: ignore[union-attr]
    if not chosen:
        fallback = min(usage.values(), key=lambda u: u.id).catalogue if usage else None
        platform = next((p.id for p in platforms.values() if p.runtime == fallback), None)
        if platform is None:
            return ()
        notes.append(Note("TC007", "warning", f"no targets declared and no taro build scripts found: assuming {platform}", Location("package.json")))
        chosen[platform] = Target(platform, None, "default", Location("package.json"))
    for platform_id, target in list(chosen.items()):
        share = usage.get(platforms[platform_id].runtime or "")
        if share is None:
            continue
        if platform_config.lib_version and platform_config.lib_version_platform == platform_id:
            where = platform_config.lib_version_at
            chosen[platform_id] = Target(platform_id, platform_config.lib_version, f"{where.path if where else 'project file'} libVersion (a hint)", where)
            continue
        minimum, reached = minimum_for_share(share, DEFAULT_COVERAGE)
        chosen[platform_id] = Target(platform_id, minimum.text, f"default: cover {DEFAULT_COVERAGE}% in {platform_id}", target.location, reached)
        notes.append(
            Note("TC006", "info", f"no {platform_id} minimum declared: assuming {minimum.text}, the oldest version that keeps {reached}% of users (usage data of {share.date.isoformat()})", Location("package.json"))
        )
    return tuple(chosen[p] for p in sorted(chosen))
