"""Which platforms a project's repository shows it ships to, and how sure that is.

Strong evidence alone selects a target: a platform project file with a real app id, a platform plugin
configured in config/index, an outputRoot that names the platform, a CI job that builds it, a build
script the team wrote or pruned. Taro's project template writes a ``build:X`` script for every platform
and a project.config.json with the placeholder app id ``touristappid``
(@tarojs/cli@4.0.9 templates/default), so those are weak: they only break a tie when nothing is strong.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from checker.errors import Location
from checker.findings import Args
from checker.model import Platform
from checker.project.profile import ProjectProfile
from checker.targets.model import Detail, Evidence, EvidenceKind, Said

__all__ = ["is_placeholder_appid", "platform_evidence", "platform_of_file", "unknown_build_types"]

# words of the app ids templates and tutorials ship with (touristappid, testAppId, "your appid", ...)
_PLACEHOLDER_WORDS = ("tourist", "test", "demo", "example", "sample", "your", "xxx", "appid", "todo", "replace")
_MIN_APPID_LENGTH = 8


def is_placeholder_appid(appid: str | None) -> bool:
    """An empty app id, one a template or tutorial ships with, or one no platform would issue."""
    if not appid or not appid.strip():
        return True
    text = appid.strip()
    if not text.isascii() or not text.replace("_", "").isalnum() or len(text) < _MIN_APPID_LENGTH:
        return True
    if len(set(text.lower())) < 4:  # wx0000000000000000
        return True
    return any(word in text.lower() for word in _PLACEHOLDER_WORDS)


def platform_of_file(name: str, platforms: Mapping[str, Platform]) -> str | None:
    """The platform whose project file this is (project.config.json, project.tt.json, mini.project.json, ...)."""
    return next((p.id for p in sorted(platforms.values(), key=lambda p: p.id) if name in p.project_files), None)


def platform_evidence(profile: ProjectProfile, platforms: Mapping[str, Platform]) -> dict[str, list[Evidence]]:
    """Every piece of evidence, per platform, strong first."""
    found: dict[str, list[Evidence]] = {}
    for item in _all_evidence(profile, platforms):
        found.setdefault(item.platform, []).append(item)
    return {platform: sorted(items, key=lambda e: not e.strong) for platform, items in sorted(found.items())}


def unknown_build_types(profile: ProjectProfile, platforms: Mapping[str, Platform]) -> list[tuple[str, Location]]:
    """Build types a team chose (CI, or scripts it wrote) that no platform of the matrix is built by."""
    by_env = {p.taro_env for p in platforms.values()}
    pruned = _pruned(profile, platforms)
    boilerplate = _boilerplate_shapes(profile)
    chosen = [b for b in profile.builds if b.build_type not in by_env and (b.via == "ci" or b.shape not in boilerplate or pruned)]
    return list({b.build_type: (b.build_type, b.location) for b in chosen}.values())


def _all_evidence(profile: ProjectProfile, platforms: Mapping[str, Platform]) -> Iterator[Evidence]:
    by_env = {p.taro_env: p.id for p in platforms.values()}
    by_plugin = {p.plugin: p.id for p in platforms.values() if p.plugin}
    for file in profile.project_files:
        platform = platform_of_file(file.name, platforms)
        if platform is None:
            continue
        where = file.appid_at or Location(file.display)
        if file.appid is not None and not is_placeholder_appid(file.appid):
            owner = _owner_of_appid(file.appid, platforms)
            if owner in (None, platform):
                yield Evidence(EvidenceKind.PROJECT_FILE, platform, where, _said(Said.APPID, file=file.display, appid=file.appid), strong=True)
                continue
            # a copy of another platform's file: whatever its devtools wrote into it came along
            copied = _said(Said.COPIED_APPID, file=file.display, appid=file.appid, owner=owner)
            yield Evidence(EvidenceKind.PROJECT_FILE, platform, where, copied, strong=False)
            continue
        placeholder = {"appid": file.appid} if file.appid is not None else {}
        if file.devtools_keys:
            said = Said.PLACEHOLDER_APPID_OPENED if placeholder else Said.NO_APPID_OPENED
            opened = _said(said, file=file.display, keys=tuple(file.devtools_keys), **placeholder)
            yield Evidence(EvidenceKind.PROJECT_FILE, platform, where, opened, strong=True)
        else:
            said = Said.PLACEHOLDER_APPID if placeholder else Said.NO_APPID
            yield Evidence(EvidenceKind.PROJECT_FILE, platform, where, _said(said, file=file.display, **placeholder), strong=False)
    config_file = profile.config_file or "config/index.js"
    lines = dict(profile.config_lines)
    for plugin in profile.plugins:
        if plugin in by_plugin:
            yield Evidence(EvidenceKind.CONFIG_PLUGIN, by_plugin[plugin], Location(config_file, lines.get("plugins", 0)),
                           _said(Said.PLUGIN, file=config_file, plugin=plugin), strong=True)
    roots = [profile.output_root] if profile.output_root else list(profile.output_root_strings)
    for root in roots:
        for word in dict.fromkeys(_words(root)):
            if word in by_env:
                yield Evidence(EvidenceKind.OUTPUT_ROOT, by_env[word], Location(config_file, lines.get("outputRoot", 0)),
                               _said(Said.OUTPUT_ROOT, root=root), strong=True)
    for file, word, line in profile.config_env_comparisons:
        if word in by_env:
            yield Evidence(EvidenceKind.CONFIG_ENV, by_env[word], Location(file, line), _said(Said.CONFIG_ENV, file=file, word=word),
                           strong=True)
    pruned = _pruned(profile, platforms)
    boilerplate = _boilerplate_shapes(profile)
    for build in profile.builds:
        if build.build_type not in by_env:
            continue
        platform = by_env[build.build_type]
        if build.via == "ci":
            yield Evidence(EvidenceKind.CI_BUILD, platform, build.location, _said(Said.CI, command=build.context), strong=True)
        elif pruned:
            yield Evidence(EvidenceKind.BUILD_SCRIPT, platform, build.location, _said(Said.SCRIPT_KEPT, script=build.context), strong=True)
        elif build.shape not in boilerplate:
            yield Evidence(EvidenceKind.BUILD_SCRIPT, platform, build.location, _said(Said.SCRIPT_WRITTEN, script=build.context), strong=True)
        else:
            how = Said.SCRIPT_TEMPLATE if build.template else Said.SCRIPT_ALIKE
            yield Evidence(EvidenceKind.BUILD_SCRIPT, platform, build.location, _said(how, script=build.context), strong=False)


def _said(said: Said, **args: str | tuple[str, ...]) -> Detail:
    return Detail(said, Args.of(args))


def _pruned(profile: ProjectProfile, platforms: Mapping[str, Platform]) -> bool:
    """The template writes a build script for most platforms (5 to 9 of them, by Taro release); a project whose
    scripts build at most half of the matrix's platforms had the others removed: what is left was chosen."""
    scripted = {b.build_type for b in profile.builds if b.via == "script"}
    return 0 < len(scripted) <= len(platforms) // 2


_BOILERPLATE_BREADTH = 3  # a script shape shared by this many platforms was written for all of them, not chosen


def _boilerplate_shapes(profile: ProjectProfile) -> set[str]:
    types_by_shape: dict[str, set[str]] = {}
    for build in profile.builds:
        if build.via == "script":
            types_by_shape.setdefault(build.shape, set()).add(build.build_type)
    return {shape for shape, types in types_by_shape.items() if len(types) >= _BOILERPLATE_BREADTH}


def _owner_of_appid(appid: str, platforms: Mapping[str, Platform]) -> str | None:
    """The platform whose app ids start as this one does (None: no platform claims the form)."""
    return next((p.id for p in platforms.values() if p.app_id_prefix and appid.startswith(p.app_id_prefix)), None)


def _words(text: str) -> list[str]:
    """``dist/weapp``, ``dist-weapp``, ``build_weapp`` -> their words."""
    segments = "".join(c if c.isalnum() or c == "-" else " " for c in text).split()
    return segments + [part for segment in segments if "-" in segment for part in segment.split("-")]
