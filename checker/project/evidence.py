"""What a repository shows about where a team builds to, read without the matrix: build commands in
package.json scripts and CI files, and the platform project files (``project.*.json``) with their app ids.

The targets stage decides which platform each fact is about and how much it weighs.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import Location, ProjectError
from checker.project.jsonfile import JsonFile, read_json
from checker.yamlread import YamlProblem, read_documents

__all__ = ["BuildCommand", "PlatformFile", "ci_builds", "platform_files", "script_builds"]


@dataclass(frozen=True, slots=True)
class BuildCommand:
    """A ``taro build --type X`` a script or a CI job runs."""

    build_type: str
    location: Location
    via: str  # "script" or "ci"
    context: str  # the script's name, or the CI file's command line
    template: bool  # exactly as Taro's project template writes it (build:X / dev:X), so no sign of a choice
    shape: str = ""  # the script with its build type as {} and the template's flags dropped: siblings share one


@dataclass(frozen=True, slots=True)
class PlatformFile:
    """A platform's project file at the project root (project.config.json, project.tt.json, mini.project.json, ...)."""

    name: str
    display: str
    appid: str | None = None
    appid_at: Location | None = None
    lib_version: str | None = None
    lib_version_at: Location | None = None
    miniprogram_root: str | None = None
    lenient: bool = False
    devtools_keys: tuple[str, ...] = ()  # keys the platform's devtools write when a developer opens the project


# launchers that run the next word as the command
_LAUNCHERS = frozenset({"npx", "cross-env", "cross-env-shell", "env", "dotenv", "exec", "--"})
_PACKAGE_MANAGERS = frozenset({"npm", "yarn", "pnpm", "cnpm", "tnpm", "bun"})
_MAX_SCRIPT_DEPTH = 4
# Taro's template writes neither; WeChat's devtools (and the QQ and Douyin ones, which read the same format)
# add them when a developer opens the project: a sign the team runs it there, even with a placeholder appid
_DEVTOOLS_KEYS = ("libVersion", "condition")  # "dev" -> "dev:weapp" -> "build:weapp" -> taro


def script_builds(scripts: Mapping[str, str], manifest: JsonFile, display: str) -> tuple[BuildCommand, ...]:
    """Every build type each script runs, directly or through other scripts (``npm run build:weapp``)."""
    found: list[BuildCommand] = []
    for name, script in scripts.items():
        location = Location(display, manifest.line_of(name))
        template = _template_shaped(name, script)
        for build_type in dict.fromkeys(_types_of(script, scripts, 0)):
            found.append(BuildCommand(build_type, location, "script", name, template, _shape(script, build_type)))
    return tuple(found)


# CI files, relative to the repository root
_CI_FILES = (".gitlab-ci.yml", ".travis.yml", "azure-pipelines.yml", "bitbucket-pipelines.yml", ".drone.yml",
             ".circleci/config.yml", "Jenkinsfile")
_CI_FOLDERS = (".github/workflows", ".gitea/workflows")
_MAX_CI_BYTES = 1024 * 1024


def ci_builds(directory: Path, scan_root: Path, scripts: Mapping[str, str], display_of: Any) -> tuple[BuildCommand, ...]:
    """Build types the CI of the repository runs: in the folders from the project up to its repository root."""
    found: list[BuildCommand] = []
    for path in _ci_files(directory, scan_root):
        display = display_of(path)
        try:
            if path.stat().st_size > _MAX_CI_BYTES:
                continue
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # not ours to judge: the check reads CI files only as evidence
        for line_number, line in _command_lines(text, path.suffix in (".yml", ".yaml")):
            for build_type in dict.fromkeys(_types_of(line, scripts, 0)):
                found.append(BuildCommand(build_type, Location(display, line_number), "ci", line.strip()[:200], False))
    return tuple(found)


def platform_files(directory: Path, display_of: Any, config_name: str | None) -> tuple[PlatformFile, ...]:
    """The platform project files at the project root, read strictly (a broken one stops the check: Taro's CLI
    copies them into the build and would fail too)."""
    names = sorted({p.name for p in directory.glob("project.*.json")} | {p.name for p in directory.glob("mini.project.json")})
    if config_name and (directory / config_name).is_file() and config_name not in names:
        names.append(config_name)
    files = []
    for name in names:
        path = directory / name
        if not path.is_file():
            continue
        display = display_of(path)
        parsed = read_json(path, display)
        data = parsed.data if isinstance(parsed.data, dict) else {}

        def text(key: str) -> tuple[str | None, Location | None]:
            value = data.get(key)
            return (value, Location(display, parsed.line_of(key))) if isinstance(value, str) else (None, None)

        appid, appid_at = text("appid") if "appid" in data else text("appId")
        lib_version, lib_version_at = text("libVersion")
        root, _ = text("miniprogramRoot")
        touched = tuple(key for key in _DEVTOOLS_KEYS if key in data)
        files.append(PlatformFile(name, display, appid, appid_at, lib_version, lib_version_at, root, parsed.lenient, touched))
    return tuple(files)


def _types_of(script: str, scripts: Mapping[str, str], depth: int) -> Iterator[str]:
    for words in _commands(script):
        words = _strip_launchers(words)
        if not words:
            continue
        if _is_taro(words[0]) and "build" in words[1:]:
            yield from _type_flags(words)
        elif depth < _MAX_SCRIPT_DEPTH and words[0] in _PACKAGE_MANAGERS:
            target = _script_run(words)
            if target is not None and target in scripts:
                yield from _types_of(scripts[target], scripts, depth + 1)


def _commands(script: str) -> Iterator[list[str]]:
    for command in script.replace("&&", ";").replace("||", ";").replace("|", ";").replace("\n", ";").split(";"):
        try:
            yield shlex.split(command)
        except ValueError:
            continue


def _strip_launchers(words: list[str]) -> list[str]:
    while words and (words[0] in _LAUNCHERS or _is_assignment(words[0]) or words[0].startswith("-") and words[0] != "--type"):
        words = words[1:]
    return words


def _is_assignment(word: str) -> bool:
    name, sep, _ = word.partition("=")
    return bool(sep) and name.replace("_", "").isalnum() and not name.startswith("-")


def _is_taro(word: str) -> bool:
    """``taro``, ``./node_modules/.bin/taro``, or the CLI package itself (``npx @tarojs/cli@3.6 build``)."""
    return word.rsplit("/", 1)[-1] == "taro" or word == "@tarojs/cli" or word.startswith("@tarojs/cli@")


def _type_flags(words: list[str]) -> Iterator[str]:
    for index, word in enumerate(words):
        if word == "--type" and index + 1 < len(words):
            yield words[index + 1]
        elif word.startswith("--type="):
            yield word.removeprefix("--type=")


def _script_run(words: list[str]) -> str | None:
    """The script ``npm run X`` / ``yarn X`` / ``pnpm run X`` runs (``yarn install`` is not a script)."""
    rest = [w for w in words[1:] if not w.startswith("-")]
    if rest and rest[0] in ("run", "run-script"):
        return rest[1] if len(rest) > 1 else None
    if words[0] in ("yarn", "pnpm", "bun") and rest:
        return rest[0]
    return None


_TEMPLATE_FLAGS = ("--watch", "--qr", "--")  # dev:rn of older templates adds --qr


def _shape(script: str, build_type: str) -> str:
    """``cross-env CLIENT_ENV=h5 taro build --type h5`` -> ``cross-env CLIENT_ENV={} taro build --type {}``: the scripts
    a template or a generator writes for every platform share a shape; one a team edited for a platform stands out."""
    text = re.sub(rf"(?<![\w-]){re.escape(build_type)}(?![\w-])", "{}", script)
    return " ".join(word for word in text.split() if word not in _TEMPLATE_FLAGS)


def _template_shaped(name: str, script: str) -> bool:
    """Taro's template writes ``build:X`` as ``taro build --type X`` and ``dev:X`` as ``npm run build:X -- --watch``
    (or ``taro build --type X --watch``): such a script exists whether or not the team ships to X."""
    kind, _, build_type = name.partition(":")
    if kind not in ("build", "dev") or not build_type:
        return False
    try:
        words = shlex.split(script)
    except ValueError:
        return False
    flags = [w for w in words if w in _TEMPLATE_FLAGS]
    core = [w for w in words if w not in flags]
    if core == ["taro", "build", "--type", build_type]:
        return kind == "build" or "--watch" in flags
    runs_build = core in (["npm", "run", f"build:{build_type}"], ["pnpm", "run", f"build:{build_type}"], ["yarn", f"build:{build_type}"])
    return kind == "dev" and runs_build and "--watch" in flags


def _ci_files(directory: Path, scan_root: Path) -> Iterator[Path]:
    for folder in _repository_folders(directory, scan_root):
        for name in _CI_FILES:
            if (folder / name).is_file():
                yield folder / name
        for workflows in _CI_FOLDERS:
            if (folder / workflows).is_dir():
                yield from sorted(p for p in (folder / workflows).iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def _repository_folders(directory: Path, scan_root: Path) -> Iterator[Path]:
    """The project folder and its parents up to its repository root (``.git``), else up to the checked path."""
    chain = [directory, *directory.parents][:8]
    top = next((folder for folder in chain if (folder / ".git").exists()), None)
    if top is None:
        top = scan_root if scan_root in chain else directory
    for folder in chain:
        yield folder
        if folder == top:
            return


def _command_lines(text: str, is_yaml: bool) -> Iterator[tuple[int, str]]:
    """Each line that may hold a shell command; a YAML file that does not parse holds none we trust."""
    if is_yaml:
        try:
            read_documents(text, typed=False, max_depth=32)
        except YamlProblem:
            return
        except ProjectError:
            return
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().lstrip("-").strip()
        for prefix in ("run:", "script:", "command:", "sh ", "sh(", "cmd:"):
            if stripped.startswith(prefix):
                stripped = stripped.removeprefix(prefix).strip().strip("'\"()")
        if stripped and not stripped.startswith("#"):
            yield number, stripped
