from __future__ import annotations

import nodesemver
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import InvalidRange, InvalidVersion
from checker.versions import RuntimeVersion, Scheme, TaroVersion, parse_range, union_text


def taro(text: str) -> TaroVersion:
    return TaroVersion.parse(text)


def runtime(text: str) -> RuntimeVersion:
    return RuntimeVersion.parse(text)


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("3.0.0-beta.6", "3.0.0"),
        ("3.0.0-alpha.7", "3.0.0-beta.0"),
        ("3.0.0-beta.2", "3.0.0-beta.10"),  # numeric identifiers compare as numbers
        ("3.6.0-beta.1", "3.6.0-canary.3"),
        ("2.2.17", "3.0.0-alpha.7"),
        ("3.0.29", "3.1.0"),
    ],
)
def test_taro_versions_order_like_npm(lower: str, higher: str) -> None:
    assert taro(lower) < taro(higher)


def test_taro_version_keeps_its_text() -> None:
    assert str(taro("3.0.0-beta.6")) == "3.0.0-beta.6"  # packaging would say 3.0.0b6


@pytest.mark.parametrize("bad", ["3.0", "v3.0.1", " 3.0.1", "3.0.1.2", "latest", "", "3.0.x"])
def test_taro_version_rejects_non_semver(bad: str) -> None:
    with pytest.raises(InvalidVersion):
        taro(bad)


def test_runtime_versions_compare_numerically_and_pad_with_zeros() -> None:
    assert runtime("2.10.4") > runtime("2.9.10")
    assert runtime("2.27.1") > runtime("2.3.0")  # string comparison would say the opposite
    assert runtime("2.10") == runtime("2.10.0")
    assert runtime("2.68.0.3") > runtime("2.68.0")


@pytest.mark.parametrize("bad", ["2", "2.10.4-beta", "x.y", "2.10.4.1.1", "2.1O.4"])
def test_runtime_version_rejects_garbage(bad: str) -> None:
    with pytest.raises(InvalidVersion):
        runtime(bad)


GAPPED = ">=2.2.17 <3.0.0 || >=3.0.29 <3.1.0 || >=3.1.4"


@pytest.mark.parametrize(
    ("version", "inside"),
    [
        ("2.2.16", False),
        ("2.2.17", True),
        ("2.9.0-beta.1", True),
        ("3.0.0-beta.6", False),  # <3.0.0 ends before 3.0.0's own pre-releases
        ("3.0.27", False),
        ("3.0.29", True),
        ("3.1.0-beta.4", False),
        ("3.1.1", False),
        ("3.1.4", True),
        ("3.6.0-canary.3", True),  # a pre-release inside an interval is inside
        ("4.2.1", True),
    ],
)
def test_union_of_ranges_with_gaps(version: str, inside: bool) -> None:
    assert (taro(version) in parse_range(GAPPED, Scheme.SEMVER)) is inside


def test_runtime_range_with_a_single_version_and_a_gap() -> None:
    reported = parse_range("2.10.4 || >=2.16.0", Scheme.DOTTED)
    assert [v for v in ("2.10.3", "2.10.4", "2.11.0", "2.14.1", "2.16.0", "3.12.0") if runtime(v) in reported] == [
        "2.10.4",
        "2.16.0",
        "3.12.0",
    ]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (">= 3.0.0  <4.0.0", ">=3.0.0 <4.0.0"),
        ("1.2.3 - 2.0.0", ">=1.2.3 <=2.0.0"),
        ("*", "*"),
        (">2.10.4 <2.16.0", ">2.10.4 <2.16.0"),
        ("=3.2.0", "3.2.0"),
    ],
)
def test_range_canonical_text(text: str, canonical: str) -> None:
    assert str(parse_range(text, Scheme.SEMVER if "3" in text[:5] or "1.2" in text else Scheme.DOTTED)) == canonical


@pytest.mark.parametrize("bad", ["", ">=3.0.0 <2.0.0", "latest", ">=3 ||", "^3.0.29", "3.0.0 <<4.0.0", ">=3.0.0 ||  || <1.0.0"])
def test_range_rejects_what_the_grammar_does_not_have(bad: str) -> None:
    with pytest.raises(InvalidRange):
        parse_range(bad, Scheme.SEMVER)


def test_overlap_and_adjacency() -> None:
    below = parse_range("<3.0.0", Scheme.SEMVER).intervals[0]
    from_ = parse_range(">=3.0.0", Scheme.SEMVER).intervals[0]
    at = parse_range("<=3.0.0", Scheme.SEMVER).intervals[0]
    assert not below.overlaps(from_)
    assert at.overlaps(from_)


semver_text = st.builds(
    lambda a, b, c, pre: f"{a}.{b}.{c}" + (f"-{pre}" if pre else ""),
    st.integers(0, 12),
    st.integers(0, 40),
    st.integers(0, 40),
    st.one_of(
        st.none(),
        st.sampled_from(["alpha", "beta", "rc", "canary"]).flatmap(lambda tag: st.integers(0, 12).map(lambda n: f"{tag}.{n}")),
        st.integers(0, 5).map(str),
    ),
)


@settings(max_examples=300, deadline=None)
@given(semver_text, semver_text)
def test_ordering_agrees_with_node_semver(a: str, b: str) -> None:
    expected = nodesemver.compare(a, b, loose=False)
    got = (taro(a) > taro(b)) - (taro(a) < taro(b))
    assert got == expected


release_text = st.builds(lambda a, b, c: f"{a}.{b}.{c}", st.integers(0, 6), st.integers(0, 12), st.integers(0, 12))
comparator = st.tuples(st.sampled_from(["<", "<=", ">", ">=", ""]), release_text).map(lambda t: t[0] + t[1])
range_text = st.lists(st.lists(comparator, min_size=1, max_size=2).map(" ".join), min_size=1, max_size=3).map(" || ".join)


@settings(max_examples=300, deadline=None)
@given(range_text, release_text)
def test_membership_agrees_with_node_semver_for_releases(text: str, version: str) -> None:
    try:
        parsed = parse_range(text, Scheme.SEMVER)
    except InvalidRange:
        # we refuse an alternative that holds no version (a data mistake); npm accepts it and matches nothing
        grid = [f"{a}.{b}.{c}" for a in range(7) for b in range(13) for c in range(13)]
        assert any(not any(nodesemver.satisfies(v, alt, loose=False) for v in grid) for alt in text.split("||"))
        return
    assert (taro(version) in parsed) == nodesemver.satisfies(version, text, loose=False)


@settings(max_examples=200, deadline=None)
@given(range_text)
def test_range_text_round_trips(text: str) -> None:
    try:
        parsed = parse_range(text, Scheme.SEMVER)
    except InvalidRange:
        return
    again = parse_range(str(parsed), Scheme.SEMVER)
    assert again.intervals == parsed.intervals


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        ((">=1.3.11 <=2.2.22", ">=3.0.14 <3.4.7", ">=3.4.7"), ">=1.3.11 <=2.2.22 || >=3.0.14"),  # touching at 3.4.7
        ((">=2.0.0 <=2.5.0", ">=2.3.0 <2.4.0", "<1.0.0"), "<1.0.0 || >=2.0.0 <=2.5.0"),  # inside another, out of order
        (("2.10.4", ">=2.16.0"), "2.10.4 || >=2.16.0"),  # apart
        ((">=1.0.0 <2.0.0", "2.0.0"), ">=1.0.0 <=2.0.0"),
    ],
)
def test_a_union_is_written_with_touching_intervals_joined(parts: tuple[str, ...], joined: str) -> None:
    assert union_text(parse_range(p, Scheme.SEMVER) for p in parts) == joined
