"""Is a version someone typed one that exists? Checked against the release catalogues of the matrix.

A version inside the catalogue's span that it does not list is an error naming its neighbours
(``--taro 3.6.99``, ``weapp >= 2.10.99``), and so is a dotted version written with fewer parts than
the catalogue's releases (``--runtime 2.10``: which 2.10.x?). Two cases are warnings instead: a version
newer than the newest release (naming the catalogue's date: the catalogue may be older than the
release), and, in a catalogue marked incomplete, one between known releases of its own line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from checker.errors import CompatError, InvalidVersion
from checker.model import Catalogue, Text
from checker.versions import RuntimeVersion, Version, parse_version

__all__ = ["KnownVersion", "UnknownVersion", "known_version"]

_NEIGHBOURS = 2  # versions named on each side of an unknown one


class UnknownVersion(CompatError):
    """A version its catalogue does not list (or cannot parse)."""


@dataclass(frozen=True, slots=True)
class KnownVersion:
    version: Version
    warning: str | None = None  # set when the version is newer than the catalogue, or in a gap of an incomplete one
    caveat: str | None = None  # the same as data: "newer", "newer_undated" or "incomplete"
    newest: str | None = None  # the catalogue's newest release, for "newer"
    dated: str | None = None  # its date
    catalogue: Text | None = None  # the catalogue's name, with a caveat


def known_version(text: str, catalogue: Catalogue) -> KnownVersion:
    """``text`` parsed in the catalogue's scheme; raises :class:`UnknownVersion` when it is not a release."""
    name = str(catalogue.name)
    try:
        version = parse_version(text, catalogue.scheme)
    except InvalidVersion as error:
        raise UnknownVersion(f"{name} {error}") from None
    releases = catalogue.versions
    if not releases:
        return KnownVersion(version)
    if version > releases[-1]:  # type: ignore[operator]
        newest = catalogue.versions[-1].text
        dated = max(catalogue.dates.values()).isoformat() if catalogue.dates else None
        return KnownVersion(version, _newer_warning(text, catalogue), "newer" if dated else "newer_undated", newest, dated,
                            catalogue.name)
    short = _fewer_parts(text, catalogue)
    if version in catalogue and not short:
        return KnownVersion(version)
    if short:
        line = [v for v in releases if v.text.startswith(text + ".") or v.text == text]
        if line:
            raise UnknownVersion(f"{name} {text} names no single release: give all its parts (known: {_listed(line)})")
    if not catalogue.complete and _inside_a_line(version, releases):
        return KnownVersion(version, f"{name} {text} is not in the catalogue, which is incomplete; "
                                     "it falls between known releases of its line and is taken as given", "incomplete",
                            catalogue=catalogue.name)
    candidates = [v for v in releases if not _prerelease(v) or _prerelease(version)] or list(releases)
    index = bisect.bisect_left(candidates, version)  # type: ignore[arg-type]
    near = candidates[max(0, index - _NEIGHBOURS) : index + _NEIGHBOURS]
    raise UnknownVersion(f"{name} {text} is not a known release (nearest known: {', '.join(v.text for v in near)})")


def _line(version: Version) -> tuple[object, ...]:
    key = tuple(version.key[:2]) if isinstance(version, RuntimeVersion) else tuple(version.key[:2])
    return key + (0,) * (2 - len(key))


def _inside_a_line(version: Version, releases: tuple[Version, ...]) -> bool:
    """Known releases of the same major.minor line on both sides: an incomplete catalogue may lack it
    (real Taro 3.0.28 between listed 3.0.27 and 3.0.29); past a line's last release it is made up (3.6.99)."""
    line = [v for v in releases if _line(v) == _line(version)]
    return any(v < version for v in line) and any(v > version for v in line)  # type: ignore[operator]


def _newer_warning(text: str, catalogue: Catalogue) -> str:
    newest = catalogue.versions[-1]
    dated = [day for day in catalogue.dates.values()]
    as_of = f"newest release {newest.text}, dated {max(dated).isoformat()}" if dated else f"newest release {newest.text}; it records no dates"
    return (f"{catalogue.name} {text} is newer than the catalogue ({as_of}): "
            "it is taken as given, and what the matrix says of newer releases is not known")


def _fewer_parts(text: str, catalogue: Catalogue) -> bool:
    if not all(isinstance(v, RuntimeVersion) for v in catalogue.versions[-10:]):
        return False
    usual = max(len(v.text.split(".")) for v in catalogue.versions[-10:])
    return len(text.split(".")) < usual


def _prerelease(version: Version) -> bool:
    return bool(getattr(version, "is_prerelease", False))


def _listed(versions: list[Version]) -> str:
    if len(versions) <= 2 * _NEIGHBOURS + 1:
        return ", ".join(v.text for v in versions)
    return f"{versions[0].text} to {versions[-1].text}"
