"""Findings: what a check reports, as data until the renderers word it (in the language asked for).

A finding is one problem at one place: its rule's code, a severity, the location, the API, the
arguments its message template needs, and the platforms it concerns, each with its own detail
(arguments, the versions it needs, the sources behind it). Rules build findings; only
``checker.render.words`` turns them into sentences.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

__all__ = [
    "Arg",
    "Args",
    "Axis",
    "Finding",
    "PlatformDetail",
    "Requirement",
    "Severity",
    "arg_text",
    "at_or_above",
    "group_platforms",
    "sort_key",
]


class Severity(enum.StrEnum):
    """How much a finding matters, ordered by rank (not by spelling): info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        return self.rank < Severity(other).rank if isinstance(other, str) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= Severity(other).rank if isinstance(other, str) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > Severity(other).rank if isinstance(other, str) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= Severity(other).rank if isinstance(other, str) else NotImplemented

    __hash__ = str.__hash__  # equal to its value, so it hashes as its value


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Axis(enum.Enum):
    """Which version decides: Taro's, or the platform's runtime (e.g. WeChat base library)."""

    TARO = "taro"
    RUNTIME = "runtime"


@dataclass(frozen=True, slots=True)
class Requirement:
    """The versions under which a use works, on one axis, in the matrix's range syntax."""

    axis: Axis
    versions: str  # e.g. ">=2.10.4", "2.10.4 || >=2.16.0", ">2.15.0"

    def __str__(self) -> str:
        return self.versions


Arg = str | int | float | bool | None | tuple[str, ...]


def arg_text(value: Arg) -> str:
    """An argument as plain text: a list joined with ", ", nothing for None."""
    if isinstance(value, tuple):
        return ", ".join(value)
    return "" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Args(Mapping[str, Arg]):
    """Structured, hashable message arguments (a frozen mapping)."""

    items_: tuple[tuple[str, Arg], ...] = ()

    @classmethod
    def of(cls, values: Mapping[str, Arg] | None = None, **more: Arg) -> Args:
        merged = {**(values or {}), **more}
        return cls(tuple(sorted(merged.items())))

    def __getitem__(self, key: str) -> Arg:
        for name, value in self.items_:
            if name == key:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.items_)

    def __len__(self) -> int:
        return len(self.items_)

    def as_dict(self) -> dict[str, Arg]:
        return dict(self.items_)


@dataclass(frozen=True, slots=True)
class PlatformDetail:
    """What a finding says about one target platform."""

    platform: str
    args: Args = field(default_factory=Args)
    required: Requirement | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # the rule's stable code, e.g. TC102
    severity: Severity
    file: str | None  # relative to the project root, POSIX; None: the project as a whole
    line: int = 0
    column: int = 0
    api: str | None = None
    args: Args = field(default_factory=Args)  # what the message needs beyond the platforms
    platforms: tuple[PlatformDetail, ...] = ()  # sorted by platform id; empty: not about a platform
    sources: tuple[str, ...] = ()  # citations (URL or package@version file) behind the finding as a whole

    @property
    def platform(self) -> str | None:
        """The platform, when the finding concerns exactly one."""
        return self.platforms[0].platform if len(self.platforms) == 1 else None

    @property
    def platform_ids(self) -> tuple[str, ...]:
        return tuple(detail.platform for detail in self.platforms)

    @property
    def required(self) -> str | None:
        """The versions needed, when one requirement holds for every platform of the finding."""
        found = {str(detail.required) for detail in self.platforms if detail.required is not None}
        return found.pop() if len(found) == 1 else None

    @property
    def all_sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.sources + tuple(s for detail in self.platforms for s in detail.sources)))

    def per_platform(self) -> tuple[Finding, ...]:
        """One finding per platform (the shape of JSON format 1)."""
        if len(self.platforms) <= 1:
            return (self,)
        return tuple(replace(self, platforms=(detail,)) for detail in self.platforms)


def sort_key(finding: Finding) -> tuple[object, ...]:
    arguments = tuple((name, _comparable(value)) for name, value in finding.args.items_)
    return (finding.file or "", finding.line, finding.column, finding.code, finding.api or "", finding.platform_ids, arguments)


def _comparable(value: Arg) -> tuple[int, str]:
    """Arguments of one name may be None in one finding and text in another: order them without comparing the two."""
    return (0, "") if value is None else (1, repr(value))


def at_or_above(finding: Finding, threshold: str) -> bool:
    """Whether ``finding`` reaches ``--fail-on`` (error | warning | never)."""
    if threshold == "never":
        return False
    return finding.severity >= Severity(threshold)


def group_platforms(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per place, rule, API and problem, the platforms gathered into it.

    Findings are the same problem when everything but their platform details is equal.
    """
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        key = (finding.code, finding.severity, finding.file, finding.line, finding.column, finding.api, finding.args, finding.sources)
        groups.setdefault(key, []).append(finding)
    merged = []
    for members in groups.values():
        if len(members) == 1:
            merged.append(members[0])
            continue
        details = {detail.platform: detail for member in members for detail in member.platforms}
        merged.append(replace(members[0], platforms=tuple(details[p] for p in sorted(details))))
    return merged
