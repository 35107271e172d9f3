"""Version and range types: npm semver for Taro, dotted integers for runtimes.

Taro versions follow npm's semver (``3.0.0-beta.6`` sorts before ``3.0.0``);
they are parsed by node-semver, never by ``packaging``, which would rewrite
the text. Runtime versions (WeChat or Douyin base library: ``2.10.4``,
``2.68.0.3``) are dotted integers compared part by part, as WeChat's own
``compareVersion`` does, so ``2.10`` equals ``2.10.0``.

One range grammar serves both (an npm subset; see ``matrix/FORMAT.md``)::

    range      := set ("||" set)*
    set        := "*" | version " - " version | comparator (" " comparator)*
    comparator := ("<" | "<=" | ">" | ">=" | "=")? version

A range is a union of intervals over the version order. Unlike npm, a
pre-release inside an interval is in the range: ``3.6.0-beta.1`` is in
``>=3.1.4`` because the API exists in that build; and ``<3.0.0`` ends before
``3.0.0``'s own pre-releases (npm's ``<3.0.0-0``), which belong to the 3.0 line.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import nodesemver

from checker.errors import InvalidRange, InvalidVersion

__all__ = [
    "Interval",
    "RuntimeVersion",
    "Scheme",
    "TaroVersion",
    "Version",
    "VersionRange",
    "parse_range",
    "parse_version",
    "union_text",
]


class Scheme(enum.Enum):
    """How a catalogue's versions are written and ordered."""

    SEMVER = "semver"
    DOTTED = "dotted"


_SEMVER_TEXT = re.compile(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?")
_DOTTED_TEXT = re.compile(r"\d+(?:\.\d+){1,3}")


@dataclass(frozen=True, slots=True, order=True)
class TaroVersion:
    """An npm semver version such as ``3.6.26`` or ``3.0.0-beta.6``.

    >>> TaroVersion.parse("3.0.0-beta.6") < TaroVersion.parse("3.0.0")
    True
    """

    key: tuple[object, ...]
    text: str = field(compare=False)

    @classmethod
    def parse(cls, text: str) -> TaroVersion:
        if not isinstance(text, str) or not _SEMVER_TEXT.fullmatch(text):
            raise InvalidVersion(f"{text!r} is not a semver version (MAJOR.MINOR.PATCH[-pre])")
        try:
            parsed = nodesemver.make_semver(text, loose=False)
        except ValueError as error:
            raise InvalidVersion(f"{text!r} is not a semver version: {error}") from None
        if parsed.prerelease:
            # semver precedence: numeric identifiers sort before alphanumeric ones
            pre: tuple[object, ...] = (0,) + tuple(
                (0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in parsed.prerelease
            )
        else:
            pre = (1,)
        return cls((parsed.major, parsed.minor, parsed.patch, pre), text)

    def floor(self) -> TaroVersion:
        """Below every pre-release of this version (npm's ``X-0``), same text.

        An exclusive upper bound ``<3.0.0`` means "before the 3.0.0 line",
        so ``3.0.0-beta.6`` must fall outside it.
        """
        return TaroVersion((*self.key[:3], (0,)), self.text)

    @property
    def is_prerelease(self) -> bool:
        return self.key[3] != (1,)

    @property
    def release_line(self) -> str:
        """``3.1`` for 3.1.4: Taro backports fixes along ``major.minor`` lines."""
        return f"{self.key[0]}.{self.key[1]}"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, order=True)
class RuntimeVersion:
    """A dotted base-library version such as ``2.10.4`` (Douyin also has ``2.68.0.3``).

    >>> RuntimeVersion.parse("2.10.4") > RuntimeVersion.parse("2.9.10")
    True
    """

    key: tuple[int, ...]
    text: str = field(compare=False)

    @classmethod
    def parse(cls, text: str) -> RuntimeVersion:
        if not isinstance(text, str) or not _DOTTED_TEXT.fullmatch(text):
            raise InvalidVersion(f"{text!r} is not a dotted version (2 to 4 numbers, e.g. 2.10.4)")
        parts = [int(part) for part in text.split(".")]
        while len(parts) > 1 and parts[-1] == 0:  # 2.10 == 2.10.0, as compareVersion pads with zeros
            parts.pop()
        return cls(tuple(parts), text)

    def __str__(self) -> str:
        return self.text


Version = TaroVersion | RuntimeVersion
V = TypeVar("V", TaroVersion, RuntimeVersion)

_PARSERS: dict[Scheme, Callable[[str], Version]] = {
    Scheme.SEMVER: TaroVersion.parse,
    Scheme.DOTTED: RuntimeVersion.parse,
}


def parse_version(text: str, scheme: Scheme) -> Version:
    """Parse ``text`` in ``scheme``; raises :class:`InvalidVersion`."""
    return _PARSERS[scheme](text)


@dataclass(frozen=True, slots=True)
class Bound(Generic[V]):
    version: V
    inclusive: bool


@dataclass(frozen=True, slots=True)
class Interval(Generic[V]):
    """A contiguous stretch of versions; ``None`` bounds are open-ended."""

    lower: Bound[V] | None
    upper: Bound[V] | None

    def __contains__(self, version: V) -> bool:
        if self.lower is not None:
            if version < self.lower.version or (version == self.lower.version and not self.lower.inclusive):
                return False
        if self.upper is not None:
            if version > self.upper.version or (version == self.upper.version and not self.upper.inclusive):
                return False
        return True

    def is_empty(self) -> bool:
        if self.lower is None or self.upper is None:
            return False
        if self.lower.version == self.upper.version:
            return not (self.lower.inclusive and self.upper.inclusive)
        return self.lower.version > self.upper.version

    def overlaps(self, other: Interval[V]) -> bool:
        return not _before(self, other) and not _before(other, self)

    def sort_key(self) -> tuple[object, ...]:
        if self.lower is None:
            return (0,)
        return (1, self.lower.version, 0 if self.lower.inclusive else 1)

    def __str__(self) -> str:
        lower, upper = self.lower, self.upper
        if lower is None and upper is None:
            return "*"
        if lower and upper and lower.version == upper.version and lower.inclusive and upper.inclusive:
            return lower.version.text
        parts = []
        if lower is not None:
            parts.append((">=" if lower.inclusive else ">") + lower.version.text)
        if upper is not None:
            parts.append(("<=" if upper.inclusive else "<") + upper.version.text)
        return " ".join(parts)


def _before(first: Interval[V], second: Interval[V]) -> bool:
    """True when every version of ``first`` lies below every version of ``second``."""
    if first.upper is None or second.lower is None:
        return False
    a, b = first.upper, second.lower
    if a.version < b.version:
        return True
    return a.version == b.version and not (a.inclusive and b.inclusive)


@dataclass(frozen=True, slots=True)
class VersionRange(Generic[V]):
    """A union of intervals, written in the matrix's range grammar."""

    text: str
    intervals: tuple[Interval[V], ...]

    def __contains__(self, version: V) -> bool:
        return any(version in interval for interval in self.intervals)

    def __str__(self) -> str:
        return " || ".join(str(interval) for interval in self.intervals)

    def named_versions(self) -> Iterator[V]:
        """Every version the range text names (for catalogue checks)."""
        for interval in self.intervals:
            for bound in (interval.lower, interval.upper):
                if bound is not None:
                    yield bound.version

    def lowest(self) -> V | None:
        """The smallest version named as an inclusive lower bound, if any."""
        lows = [i.lower.version for i in self.intervals if i.lower is not None and i.lower.inclusive]
        return min(lows) if lows else None


def union_text(ranges: Iterable[VersionRange[Version]]) -> str:
    """The ranges as one, written with touching and overlapping intervals joined:
    ``>=3.0.14 <3.4.7`` and ``>=3.4.7`` make ``>=3.0.14``."""
    intervals = sorted((i for r in ranges for i in r.intervals), key=Interval.sort_key)
    joined: list[Interval[Version]] = []
    for interval in intervals:
        last = joined[-1] if joined else None
        if last is not None and (last.overlaps(interval) or _touch(last, interval)):
            joined[-1] = Interval(last.lower, _higher(last.upper, interval.upper))
        else:
            joined.append(interval)
    return " || ".join(str(i) for i in joined)


def _touch(first: Interval[V], second: Interval[V]) -> bool:
    """``<3.4.7`` followed by ``>=3.4.7``: the same version, held by one side."""
    a, b = first.upper, second.lower
    # by text: an exclusive upper bound is keyed below the version's prereleases
    return a is not None and b is not None and a.version.text == b.version.text and (a.inclusive or b.inclusive)


def _higher(a: Bound[V] | None, b: Bound[V] | None) -> Bound[V] | None:
    if a is None or b is None:
        return None
    if a.version != b.version:
        return a if a.version > b.version else b
    return a if a.inclusive else b


_COMPARATOR = re.compile(r"\s*(<=|>=|<|>|=)?\s*([^\s<>=|]+)\s*")


def parse_range(text: str, scheme: Scheme) -> VersionRange[Version]:
    """Parse a range written in the matrix grammar; raises :class:`InvalidRange`.

    >>> str(parse_range(">=2.2.17 <3.0.0 || >=3.1.4", Scheme.SEMVER))
    '>=2.2.17 <3.0.0 || >=3.1.4'
    """
    if not isinstance(text, str) or not text.strip():
        raise InvalidRange(f"{text!r} is not a version range")
    intervals = tuple(_parse_set(part.strip(), text, scheme) for part in text.split("||"))
    return VersionRange(text, intervals)


def _parse_set(part: str, whole: str, scheme: Scheme) -> Interval[Version]:
    if part == "*":
        return Interval(None, None)
    if not part:
        raise InvalidRange(f"{whole!r}: empty alternative around '||'")
    try:
        if " - " in part:
            low_text, _, high_text = part.partition(" - ")
            low, high = parse_version(low_text.strip(), scheme), parse_version(high_text.strip(), scheme)
            interval: Interval[Version] = Interval(Bound(low, True), Bound(high, True))
        else:
            interval = Interval(None, None)
            position = 0
            while position < len(part):
                match = _COMPARATOR.match(part, position)
                if match is None or match.end() == position:
                    raise InvalidRange(f"{whole!r}: cannot read {part[position:]!r}")
                interval = _intersect(interval, _comparator(match.group(1) or "=", parse_version(match.group(2), scheme)))
                position = match.end()
    except InvalidVersion as error:
        raise InvalidRange(f"{whole!r}: {error}") from None
    if interval.is_empty():
        raise InvalidRange(f"{whole!r}: {part!r} contains no version")
    return interval


def _comparator(operator: str, version: Version) -> Interval[Version]:
    if operator == "=":
        return Interval(Bound(version, True), Bound(version, True))
    if operator.startswith(">"):
        return Interval(Bound(version, operator == ">="), None)
    if operator == "<" and isinstance(version, TaroVersion) and not version.is_prerelease:
        version = version.floor()
    return Interval(None, Bound(version, operator == "<="))


def _intersect(a: Interval[Version], b: Interval[Version]) -> Interval[Version]:
    return Interval(_tighter(a.lower, b.lower, higher=True), _tighter(a.upper, b.upper, higher=False))


def _tighter(x: Bound[Version] | None, y: Bound[Version] | None, *, higher: bool) -> Bound[Version] | None:
    if x is None:
        return y
    if y is None:
        return x
    if x.version == y.version:
        return Bound(x.version, x.inclusive and y.inclusive)
    if (x.version > y.version) == higher:  # type: ignore[operator]
        return x
    return y
