"""What a project promises to support: typed values the targets stage hands to evaluation and reports."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from checker.errors import Location, ProjectError
from checker.findings import Arg, Args, arg_text
from checker.versions import RuntimeVersion

__all__ = ["Detail", "Evidence", "EvidenceKind", "Said", "Target", "TargetQueryError", "detail_args", "details_of"]


class EvidenceKind(enum.Enum):
    """What kind of thing in a repository shows that a team builds for a platform."""

    PROJECT_FILE = "project_file"  # the platform's own project file (project.config.json, project.tt.json, ...)
    CONFIG_PLUGIN = "config_plugin"  # a platform plugin in config/index plugins
    OUTPUT_ROOT = "output_root"  # config/index outputRoot names the platform
    CONFIG_ENV = "config_env"  # a config file compares process.env.TARO_ENV with the platform
    CI_BUILD = "ci_build"  # a CI workflow runs the platform's build
    BUILD_SCRIPT = "build_script"  # a package.json script the team wrote or kept on purpose
    SOURCE_CALLS = "source_calls"  # the source calls the platform's global unguarded in many files (my.getAuthCode())


class Said(enum.StrEnum):
    """What a piece of evidence says: the variants of its words (checker.rules._words.EVIDENCE), with their arguments."""

    APPID = "appid"  # file, appid: a real app id
    COPIED_APPID = "copied_appid"  # file, appid, owner: another platform's app id (a copy of its file)
    PLACEHOLDER_APPID = "placeholder_appid"  # file, appid: touristappid
    PLACEHOLDER_APPID_OPENED = "placeholder_appid_opened"  # file, appid, keys: ... but the devtools wrote into it
    NO_APPID = "no_appid"  # file
    NO_APPID_OPENED = "no_appid_opened"  # file, keys
    PLUGIN = "plugin"  # file, plugin: config/index plugins
    OUTPUT_ROOT = "output_root"  # root
    CONFIG_ENV = "config_env"  # file, word: a TARO_ENV comparison in a config file
    CI = "ci"  # command: a CI workflow's build
    SCRIPT_KEPT = "script_kept"  # script: the others were removed
    SCRIPT_WRITTEN = "script_written"  # script: not shaped as the others
    SCRIPT_TEMPLATE = "script_template"  # script: as the template writes it
    SCRIPT_ALIKE = "script_alike"  # script: one of a set written alike for every platform
    SOURCE_CALLS = "source_calls"  # count, via: files calling the platform's global unguarded


@dataclass(frozen=True, slots=True)
class Detail:
    """What was seen, as data (file names, app ids, commands as they are); the renderer words it, en or zh."""

    said: Said
    args: Args = field(default_factory=Args)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason to think a project ships to ``platform``; ``strong`` evidence alone selects a target."""

    kind: EvidenceKind
    platform: str
    location: Location
    detail: Detail  # what was seen: Detail(Said.APPID, file=project.config.json, appid=wx0123456789abcdef)
    strong: bool


_PREFIX = "evidence_"


def detail_args(details: Sequence[Detail]) -> dict[str, tuple[str, ...]]:
    """Details as a note's aligned arguments: ``evidence`` what each says, ``evidence_<name>`` each argument ("" where unset)."""
    names = sorted({name for d in details for name in d.args})
    return {"evidence": tuple(d.said.value for d in details),
            **{_PREFIX + name: tuple(arg_text(d.args.get(name)) for d in details) for name in names}}


def details_of(values: Mapping[str, Arg]) -> list[Detail]:
    """The details :func:`detail_args` laid out."""
    said = values.get("evidence")
    columns = {key.removeprefix(_PREFIX): value for key, value in values.items() if key.startswith(_PREFIX) and isinstance(value, tuple)}
    return [Detail(Said(kind), Args.of({name: column[i] for name, column in columns.items() if i < len(column) and column[i]}))
            for i, kind in enumerate(said if isinstance(said, tuple) else ())]



@dataclass(frozen=True, slots=True)
class Target:
    platform: str
    min_version: str | None  # the lowest runtime version promised; None when not stated or no runtime axis
    source: str  # where the platform came from, e.g. "package.json#taroCompat", "--targets", "evidence"
    location: Location | None = None
    coverage: float | None = None  # share of users at or above min_version, where usage data exists
    guessed: bool = False  # inferred from evidence, not declared
    evidence: tuple[Evidence, ...] = ()  # why a guessed target was chosen
    minimum_source: str | None = None  # where min_version came from, when not from ``source``

    @property
    def minimum(self) -> RuntimeVersion | None:
        return RuntimeVersion.parse(self.min_version) if self.min_version else None


class TargetQueryError(ProjectError):
    """A target query that cannot be read."""
