"""The knowledge base as typed, immutable objects.

Built only by ``checker.kb``; read by every later stage. Plain data: no I/O,
no rules, no API names.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from checker.errors import Location
from checker.versions import RuntimeVersion, Scheme, Version, VersionRange

if TYPE_CHECKING:
    from checker.model_wrappers import Wrapper

__all__ = [
    "Api",
    "CanIUse",
    "Catalogue",
    "Change",
    "Confidence",
    "Deprecation",
    "Fact",
    "Matrix",
    "NativePresence",
    "Outcome",
    "Param",
    "Platform",
    "PlatformSupport",
    "Restriction",
    "ReturnField",
    "Source",
    "Statement",
    "Status",
    "StubBehaviour",
    "Text",
    "UsageShare",
]


TARO_CATALOGUE = "taro"  # the framework's own release catalogue: the Taro axis


class Status(enum.Enum):
    SUPPORTED = "supported"
    PARTIAL = "partial"
    STUB = "stub"  # Taro ships a function that rejects or silently resolves
    UNSUPPORTED = "unsupported"
    UNKNOWN = "unknown"  # no data: never a pass


class Confidence(enum.Enum):
    """How a statement is known, strongest first."""

    OFFICIAL = "official"  # the platform's own documentation
    VERIFIED = "verified"  # read in the published package contents
    COMMUNITY = "community"  # reported by users or staff in forums and issues
    INFERRED = "inferred"  # reasoned from other facts
    COMPUTED = "computed"  # computed by an importer from a package's shipped code (outranks declarations)
    IMPORTED = "imported"  # read by an importer from published declarations (lower than curated)

    @property
    def rank(self) -> int:
        return list(Confidence).index(self)


class Outcome(enum.Enum):
    """What calling a stub does."""

    REJECTS = "rejects"
    RESOLVES = "resolves"  # silent success: the dangerous one
    THROWS = "throws"
    UNDEFINED = "undefined"  # the function is missing: calling it is a TypeError
    UNKNOWN = "unknown"  # a stub, but what it does in this build was not checked


@dataclass(frozen=True, slots=True)
class Text:
    """Prose in English and/or Chinese."""

    en: str | None = None
    zh: str | None = None

    def get(self, lang: str = "en") -> str:
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or ""

    def __str__(self) -> str:
        return self.get("en")


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    url: str | None = None
    package: str | None = None
    file: str | None = None
    line: int | None = None
    title: Text | None = None
    licence: str | None = None
    note: Text | None = None

    def cite(self) -> str:
        """One line naming the source: its URL, or ``package@version file:line``."""
        if self.url:
            return self.url
        where = f"{self.package} {self.file}"
        return f"{where}:{self.line}" if self.line else where


@dataclass(frozen=True, slots=True)
class StubBehaviour:
    development: Outcome
    production: Outcome


@dataclass(frozen=True, slots=True)
class Statement:
    """What holds for one range of versions on one axis."""

    versions: VersionRange[Version]
    status: Status
    confidence: Confidence
    sources: tuple[Source, ...]
    note: Text | None = None
    promise: bool | None = None
    stub: StubBehaviour | None = None
    forwarded: bool | None = None  # Taro.X exists iff the native global has the API: the runtime decides
    native: str | None = None  # the native API Taro calls, when it is not the same name
    framework: bool | None = None  # Taro's own API: no native API behind it, no runtime axis
    where: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True, slots=True)
class NativePresence:
    """Whether the platform's native global has the API now, when no minimum version is published."""

    present: bool
    confidence: Confidence
    sources: tuple[Source, ...]
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Deprecation:
    note: Text
    confidence: Confidence
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class CanIUse:
    """What ``canIUse`` answers for the API on a platform."""

    answers: bool
    confidence: Confidence
    sources: tuple[Source, ...]
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class PlatformSupport:
    """Support on one platform, on two axes: Taro versions and runtime versions."""

    platform: str
    taro: tuple[Statement, ...] = ()
    runtime: tuple[Statement, ...] = ()
    note: Text | None = None
    alternatives: tuple[str, ...] = ()
    deprecated: Deprecation | None = None
    can_i_use: CanIUse | None = None
    documented: tuple[Statement, ...] = ()  # what Taro's typings tags say (evidence; computed facts outrank it)
    native_api: NativePresence | None = None
    where: Location = field(default=Location(""), compare=False)

    def lowest(self, axis: str) -> Version | None:
        """The lowest version from which the API works (supported or partial) on ``axis`` ("taro" or "runtime")."""
        statements = self.taro if axis == "taro" else self.runtime
        lows = [s.versions.lowest() for s in statements if s.status in (Status.SUPPORTED, Status.PARTIAL)]
        found = [v for v in lows if v is not None]
        return min(found) if found else None  # type: ignore[type-var]


@dataclass(frozen=True, slots=True)
class Change:
    """Under its conditions the call still works but behaves differently."""

    id: str
    kind: str
    platforms: tuple[str, ...]
    summary: Text
    confidence: Confidence
    sources: tuple[Source, ...]
    published_after: date | None = None
    in_effect_from: date | None = None
    runtime: VersionRange[Version] | None = None
    taro: VersionRange[Version] | None = None
    announced: date | None = None
    note: Text | None = None
    replacement: tuple[str, ...] = ()
    where: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    required: bool
    confidence: Confidence
    sources: tuple[Source, ...]
    default: str | int | float | bool | None = None
    enum: tuple[str | int | float | bool, ...] = ()
    max_length: int | None = None
    platforms: Mapping[str, VersionRange[Version] | None] = field(default_factory=dict)
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class ReturnField:
    name: str
    type: str
    confidence: Confidence
    sources: tuple[Source, ...]
    runtime: Mapping[str, VersionRange[Version]] = field(default_factory=dict)
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Restriction:
    id: str
    platforms: tuple[str, ...]
    note: Text
    confidence: Confidence
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    text: Text
    confidence: Confidence
    sources: tuple[Source, ...]
    platforms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Api:
    """One API (``getUserProfile``) or component (``button.open-type.chooseAvatar``)."""

    id: str
    kind: str
    category: str
    summary: Text
    support: Mapping[str, PlatformSupport]
    sources: Mapping[str, Source]
    path: str
    component: Mapping[str, str] | None = None
    changes: tuple[Change, ...] = ()
    params: tuple[Param, ...] = ()
    returns: tuple[ReturnField, ...] = ()
    restrictions: tuple[Restriction, ...] = ()
    notes: tuple[Fact, ...] = ()
    replaced_by: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    imported_from: tuple[str, ...] = ()  # packages an importer read; empty for a curated entry


@dataclass(frozen=True, slots=True)
class Platform:
    id: str
    name: Text
    taro_env: str
    native_global: str | None
    runtime: str | None  # id of the runtime's release catalogue
    plugin: str | None
    sources: Mapping[str, Source]
    runtime_name: Text | None = None
    note: Text | None = None
    project_files: tuple[str, ...] = ()
    typings_names: tuple[str, ...] = ()  # how Taro's @supported tags spell it
    env_type: str | None = None  # the Taro.ENV_TYPE key getEnv() returns there (WEB for h5)
    taro_packages: tuple[str, ...] = ()  # Taro namespace packages built for this platform only (@tarojs/taro-h5)
    app_id_prefix: str | None = None  # how the platform's app ids start (wx..., tt...), where they have a fixed form
    order: int | None = None  # audience order, 1 first; None: after the ordered ones
    short_name: Text | None = None  # for table headings; the name when None
    build_only_folders: tuple[str, ...] = ()  # source folders only this kind of build compiles (custom-tab-bar)
    package_globals: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a global a dependency provides there: (wx, (weixin-js-sdk, ...))
    native_globals_also: tuple[str, ...] = ()  # further globals the runtime provides (QQ also answers to wx)
    sync_suffix: str | None = None  # a name ending so is a synchronous API (WeChat: Sync)
    native_promise_from: str | None = None  # runtime version from which async natives return a Promise without callbacks
    native_promise_except: tuple[str, ...] = ()  # natives that return a task object instead

    @property
    def native_globals(self) -> tuple[str, ...]:
        """Every native global the platform's runtime provides, its own first."""
        return ((self.native_global,) if self.native_global else ()) + self.native_globals_also

    @property
    def audience_key(self) -> tuple[bool, int, str]:
        """Sort key: audience order, then id."""
        return (self.order is None, self.order or 0, self.id)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every release of one product: the versions statements may name."""

    id: str
    name: Text
    scheme: Scheme
    complete: bool
    versions: tuple[Version, ...]  # ascending
    dates: Mapping[str, date]
    sources: Mapping[str, Source]
    note: Text | None = None
    members: frozenset[Version] = frozenset()

    def __contains__(self, version: object) -> bool:
        return version in self.members

    def latest(self) -> Version:
        return self.versions[-1]


@dataclass(frozen=True, slots=True)
class UsageShare:
    """Which share of users (percent) runs each runtime version, as published on a date."""

    id: str
    catalogue: str
    date: date
    sources: Mapping[str, Source]
    total: tuple[tuple[RuntimeVersion, float], ...]
    ios: tuple[tuple[RuntimeVersion, float], ...] = ()
    android: tuple[tuple[RuntimeVersion, float], ...] = ()
    note: Text | None = None


class Matrix:
    """The whole knowledge base. APIs are built on first use, so a check that
    calls ten APIs does not pay for the other thousand."""

    def __init__(
        self,
        *,
        digest: str,
        platforms: Mapping[str, Platform],
        catalogues: Mapping[str, Catalogue],
        usage: Mapping[str, UsageShare],
        api_records: Mapping[str, object],
        build_api: Callable[[object], Api],
        built_apis: Mapping[str, Api] | None = None,
        wrappers: Mapping[str, Wrapper] | None = None,
    ) -> None:
        self.digest = digest
        self.wrappers = dict(wrappers or {})
        self.platforms = platforms
        self.catalogues = catalogues
        self.usage = usage
        self._records = api_records
        self._build_api = build_api
        self._apis: dict[str, Api] = dict(built_apis or {})

    def api_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self._records))

    def __contains__(self, api_id: object) -> bool:
        return api_id in self._records

    def __len__(self) -> int:
        return len(self._records)

    def api(self, api_id: str) -> Api:
        """The API named ``api_id``; raises ``KeyError`` when the matrix has none."""
        built = self._apis.get(api_id)
        if built is None:
            built = self._build_api(self._records[api_id])
            self._apis[api_id] = built
        return built

    def apis(self) -> Iterator[Api]:
        for api_id in self.api_ids():
            yield self.api(api_id)

    def runtime_catalogue(self, platform: str) -> Catalogue | None:
        runtime = self.platforms[platform].runtime
        return self.catalogues.get(runtime) if runtime else None

    def taro_catalogue(self) -> Catalogue:
        return self.catalogues[TARO_CATALOGUE]

