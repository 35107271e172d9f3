"""What one Taro project declares: the typed result of reading its manifests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checker.errors import Location
from checker.findings import Args, Severity
from checker.project.evidence import BuildCommand, PlatformFile
from checker.project.lockfiles import Locked

__all__ = ["Note", "ProjectProfile", "TargetsDeclaration", "TaroVersionInfo"]


@dataclass(frozen=True, slots=True)
class Note:
    """A project-level finding that needs no call site, as data: its rule's template words it (en/zh).

    ``variant`` names the rule's message template; ``args`` fill it (file names, versions, commands as
    they are; words that differ by language as the rule's vocabulary keys).
    """

    code: str
    severity: Severity
    location: Location
    variant: str = "default"
    args: Args = field(default_factory=Args)


@dataclass(frozen=True, slots=True)
class TaroVersionInfo:
    declared: str | None  # the @tarojs/taro specifier in package.json
    declared_at: Location | None
    resolved: str | None  # the exact version, or None: cannot tell (the evaluator treats it as unknown)
    source: str  # where the resolved version comes from: a lock file, package.json, or why there is none
    allows: str | None = None  # without a lock file: the npm range the declaration allows
    resolved_at: Location | None = None


@dataclass(frozen=True, slots=True)
class TargetsDeclaration:
    """A target query as the project (or the command line) wrote it; the targets stage reads it."""

    query: str
    source: str  # "package.json#taroCompat", "taro-compat.yaml" or "--targets"
    location: Location


@dataclass(frozen=True, slots=True)
class ProjectProfile:
    root: str  # relative to the checked path, POSIX ("." for the path itself)
    name: str | None
    taro: TaroVersionInfo
    declared_targets: TargetsDeclaration | None = None  # None: the targets stage infers them from the evidence below
    framework: str | None = None
    compiler: str | None = None
    source_root: str = "src"
    output_root: str | None = None  # its literal value
    output_root_computed: bool = False  # set to an expression (`dist/${process.env.TARO_ENV}`)
    plugins: tuple[str, ...] = ()
    config_file: str | None = None  # config/index.js or .ts, as read
    config_lines: tuple[tuple[str, int], ...] = ()  # config key -> its line
    config_env_comparisons: tuple[tuple[str, str, int], ...] = ()  # (config file, word, line) of TARO_ENV === 'word' (evidence)
    output_root_strings: tuple[str, ...] = ()  # the strings of a computed outputRoot (evidence)
    env_aliases: tuple[str, ...] = ()  # defineConstants aliases of process.env.TARO_ENV
    module_aliases: tuple[tuple[str, str], ...] = ()  # import prefixes -> project folders ('@' -> 'src'): config alias, tsconfig paths
    module_base: str | None = None  # tsconfig/jsconfig compilerOptions.baseUrl, project-relative
    libraries: tuple[tuple[str, str], ...] = ()  # its other dependencies: (package, locked version or declared range)
    lib_version: str | None = None  # WeChat devtools' debug base library (a hint, not the minimum)
    lib_version_at: Location | None = None
    appid: str | None = None
    miniprogram_root: str | None = None
    platform_files: tuple[str, ...] = ()
    project_files: tuple[PlatformFile, ...] = ()  # the platform project files with their app ids (evidence)
    builds: tuple[BuildCommand, ...] = ()  # taro build --type X in scripts and CI files (evidence)
    plugin_versions: tuple[tuple[str, Locked], ...] = ()  # locked @tarojs/plugin-platform-* packages
    has_settings: bool = False  # a taroCompat declaration or taro-compat.yaml exists (init keeps it)
    published: date | None = None  # planned publish date, for date-bound rules
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    baseline: str | None = None
    fail_on: str | None = None
    ignore: tuple[str, ...] = ()  # finding codes or prefixes the settings leave out
    strict_unknown: bool = False  # the settings ask for every unknown per call site
    notes: tuple[Note, ...] = field(default=())
