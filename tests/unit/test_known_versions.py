"""Versions someone typed, against a small catalogue built here (not the bundled one)."""

from __future__ import annotations

from datetime import date

import pytest

from checker.known_versions import UnknownVersion, known_version
from checker.model import Catalogue, Text
from checker.versions import RuntimeVersion, Scheme, TaroVersion


def catalogue(scheme: Scheme, texts: list[str], *, complete: bool = True, dates: dict[str, date] | None = None) -> Catalogue:
    parse = TaroVersion.parse if scheme is Scheme.SEMVER else RuntimeVersion.parse
    versions = tuple(sorted(parse(t) for t in texts))  # type: ignore[type-var]
    return Catalogue("x", Text(en="Lib"), scheme, complete, versions, dates or {}, {}, None, frozenset(versions))


DOTTED = catalogue(Scheme.DOTTED, ["2.9.4", "2.10.0", "2.10.4", "2.11.0", "2.11.1"], dates={"2.11.1": date(2020, 3, 1)})
SEMVER = catalogue(Scheme.SEMVER, ["3.6.38", "3.6.40", "4.0.0-beta.1", "4.0.0", "4.0.2"], complete=False)


def test_a_listed_version_is_known_without_warning() -> None:
    assert known_version("2.10.4", DOTTED).warning is None
    assert known_version("4.0.0", SEMVER).version == TaroVersion.parse("4.0.0")


def test_a_made_up_version_names_its_neighbours() -> None:
    with pytest.raises(UnknownVersion) as caught:
        known_version("2.10.99", DOTTED)
    assert str(caught.value) == "Lib 2.10.99 is not a known release (nearest known: 2.10.0, 2.10.4, 2.11.0, 2.11.1)"
    with pytest.raises(UnknownVersion) as caught:
        known_version("3.6.99", SEMVER)  # past the last 3.6 release although the catalogue is incomplete
    assert str(caught.value) == "Lib 3.6.99 is not a known release (nearest known: 3.6.38, 3.6.40, 4.0.0, 4.0.2)"


def test_two_parts_name_no_single_release() -> None:
    with pytest.raises(UnknownVersion) as caught:
        known_version("2.10", DOTTED)
    assert str(caught.value) == "Lib 2.10 names no single release: give all its parts (known: 2.10.0, 2.10.4)"


def test_newer_than_the_catalogue_is_a_warning_with_its_date() -> None:
    checked = known_version("9.9.9", DOTTED)
    assert checked.version == RuntimeVersion.parse("9.9.9")
    assert checked.warning == ("Lib 9.9.9 is newer than the catalogue (newest release 2.11.1, dated 2020-03-01): "
                               "it is taken as given, and what the matrix says of newer releases is not known")
    assert known_version("5.0.0", SEMVER).warning == (
        "Lib 5.0.0 is newer than the catalogue (newest release 4.0.2; it records no dates): "
        "it is taken as given, and what the matrix says of newer releases is not known")


def test_a_gap_inside_a_line_of_an_incomplete_catalogue_is_a_warning() -> None:
    assert known_version("3.6.39", SEMVER).warning == (
        "Lib 3.6.39 is not in the catalogue, which is incomplete; it falls between known releases of its line and is taken as given")
    with pytest.raises(UnknownVersion):
        known_version("2.10.2", DOTTED)  # a complete catalogue lists every release


def test_unparseable_is_unknown() -> None:
    with pytest.raises(UnknownVersion) as caught:
        known_version("two", DOTTED)
    assert str(caught.value) == "Lib 'two' is not a dotted version (2 to 4 numbers, e.g. 2.10.4)"
