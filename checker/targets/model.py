"""What a project promises to support: typed values the targets stage hands to evaluation and reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checker.errors import Location, ProjectError
from checker.versions import RuntimeVersion

__all__ = ["Evidence", "EvidenceKind", "Target", "TargetQueryError"]


class EvidenceKind(enum.Enum):
    """What kind of thing in a repository shows that a team builds for a platform."""

    PROJECT_FILE = "project_file"  # the platform's own project file (project.config.json, project.tt.json, ...)
    CONFIG_PLUGIN = "config_plugin"  # a platform plugin in config/index plugins
    OUTPUT_ROOT = "output_root"  # config/index outputRoot names the platform
    CONFIG_ENV = "config_env"  # a config file compares process.env.TARO_ENV with the platform
    CI_BUILD = "ci_build"  # a CI workflow runs the platform's build
    BUILD_SCRIPT = "build_script"  # a package.json script the team wrote or kept on purpose
    SOURCE_CALLS = "source_calls"  # the source calls the platform's global unguarded in many files (my.getAuthCode())


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason to think a project ships to ``platform``; ``strong`` evidence alone selects a target."""

    kind: EvidenceKind
    platform: str
    location: Location
    detail: str  # what was seen, e.g. "appid wx0123456789abcdef", "build:weapp: cross-env ... taro build --type weapp"
    strong: bool


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
