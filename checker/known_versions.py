"""Is a version someone typed one that exists? Checked against the release catalogues of the matrix.

A version inside the catalogue's span that it does not list is an error naming its neighbours
(``--taro 3.6.99``, ``weapp >= 2.10.99``), and so is a dotted version written with fewer parts than
the catalogue's releases (``--runtime 2.10``: which 2.10.x?). A version newer than the newest release
is only a warning naming the catalogue's date: the catalogue may simply be older than the release.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from checker.errors import CompatError, InvalidVersion
from checker.model import Catalogue
from checker.versions import RuntimeVersion, Version, parse_version

__all__ = ["KnownVersion", "UnknownVersion", "known_version"]

_NEIGHBOURS = 2  # versions named on each side of an unknown one


class UnknownVersion(CompatError):
    """A version its catalogue does not list (or cannot parse)."""


@dataclass(frozen=True, slots=True)
class KnownVersion:
    version: Version
    warning: str | None = None  # set when the version is newer than the catalogue


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
        return KnownVersion(version, _newer_warning(text, catalogue))
    short = _fewer_parts(text, catalogue)
    if version in catalogue and not short:
        return KnownVersion(version)
    if short:
        line = [v for v in releases if v.text.startswith(text + ".") or v.text == text]
        if line:
            raise UnknownVersion(f"{name} {text} names no single release: give all its parts (known: {_listed(line)})")
    candidates = [v for v in releases if not _prerelease(v) or _prerelease(version)] or list(releases)
    index = bisect.bisect_left(candidates, version)  # type: ignore[arg-type]
    near = candidates[max(0, index - _NEIGHBOURS) : index + _NEIGHBOURS]
    incomplete = "; the catalogue is incomplete, so a real release may be missing from it" if not catalogue.complete else ""
    raise UnknownVersion(f"{name} {text} is not a known release (nearest known: {', '.join(v.text for v in near)}){incomplete}")


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
