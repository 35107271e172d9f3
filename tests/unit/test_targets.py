from __future__ import annotations


import pytest

from checker.errors import Location
from checker.kb import load_matrix
from checker.model import Matrix
from checker.targets.query import Target, TargetQueryError, parse_targets
from checker.usage import minimum_for_share, share_at_or_above
from checker.versions import RuntimeVersion
from conftest import MATRIX

WHERE = Location("--targets")


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return load_matrix(MATRIX, use_cache=False)


def parse(matrix: Matrix, query: str, start: tuple[Target, ...] = ()) -> list[tuple[str, str | None, float | None]]:
    targets = parse_targets(query, platforms=matrix.platforms, usage=matrix.usage, source="--targets", location=WHERE, start=start)
    return [(t.platform, t.min_version, t.coverage) for t in targets]


def test_platforms_with_and_without_minimums(matrix: Matrix) -> None:
    assert parse(matrix, "weapp >= 2.10.4, tt >= 2.30.0, h5, rn") == [
        ("h5", None, None),
        ("rn", None, None),
        ("tt", "2.30.0", None),  # no usage data for Douyin
        ("weapp", "2.10.4", 99.99),
    ]


def test_not_drops_a_platform(matrix: Matrix) -> None:
    defaults = (Target("rn", None, "scripts"), Target("h5", None, "scripts"))
    assert parse(matrix, "not rn", start=defaults) == [("h5", None, None)]
    assert parse(matrix, "weapp, rn, not rn") == [("weapp", None, None)]


def test_cover_uses_the_bundled_usage_share(matrix: Matrix) -> None:
    # hand computation from matrix/usage/weapp-baselib.yaml (2025-11-30), total, newest first:
    # 3.12.0 4.5 + 3.11.3 81.15 + ... reaches 99.5 at the 2.27.3 row
    assert parse(matrix, "cover 99.5% in weapp") == [("weapp", "2.27.3", 99.78)]
    assert parse(matrix, "cover 99% in weapp") == [("weapp", "2.33.0", 99.01)]


def test_cover_beyond_the_listed_share_takes_the_oldest_listed(matrix: Matrix) -> None:
    assert parse(matrix, "cover 100% in weapp") == [("weapp", "2.19.6", 99.99)]


def test_usage_arithmetic(matrix: Matrix) -> None:
    share = matrix.usage["weapp-baselib"]
    assert share_at_or_above(share, RuntimeVersion.parse("2.27.1")) == 99.78
    assert share_at_or_above(share, RuntimeVersion.parse("3.12.0")) == 4.5
    assert share_at_or_above(share, RuntimeVersion.parse("3.12.0"), "ios") == share.ios[0][1]
    assert minimum_for_share(share, 50)[0] == RuntimeVersion.parse("3.11.3")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("wepp >= 2.10", "--targets: unknown platform 'wepp' (did you mean 'weapp'?)"),
        ("h5 >= 1.0", "--targets: 'h5 >= 1.0': h5 has no runtime version to state a minimum for"),
        ("weapp > 2.10.4", "--targets: 'weapp > 2.10.4': a target states a minimum; write 'weapp >= 2.10.4'"),
        ("weapp >= 2.x", "--targets: 'weapp >= 2.x': '2.x' is not a dotted version (2 to 4 numbers, e.g. 2.10.4)"),
        ("", "--targets: empty target query"),
        ("weapp,, h5", "--targets: cannot read target '' (e.g. 'weapp >= 2.10.4', 'h5', 'not rn', 'cover 99.5% in weapp')"),
        ("cover 99% in tt", "--targets: no usage data for tt: give a minimum instead (tt >= X)"),
        ("cover 150% in weapp", "--targets: coverage 150.0% is not between 0 and 100"),
        ("weapp >= >= 2", "--targets: cannot read target 'weapp >= >= 2' (e.g. 'weapp >= 2.10.4', 'h5', 'not rn', 'cover 99.5% in weapp')"),
    ],
)
def test_bad_queries_say_what_is_wrong(matrix: Matrix, query: str, message: str) -> None:
    with pytest.raises(TargetQueryError) as caught:
        parse(matrix, query)
    assert str(caught.value) == message
