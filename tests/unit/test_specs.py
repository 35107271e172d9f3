from __future__ import annotations

import pytest

from checker.project.specs import SpecKind, classify


@pytest.mark.parametrize(
    ("text", "kind", "range_"),
    [
        ("^3.0.29", SpecKind.RANGE, "^3.0.29"),
        ("~3.6.0", SpecKind.RANGE, "~3.6.0"),
        ("3.x", SpecKind.RANGE, "3.x"),
        (">=3 <4", SpecKind.RANGE, ">=3 <4"),
        ("3.6.8", SpecKind.EXACT, "3.6.8"),
        ("*", SpecKind.RANGE, "*"),
        ("latest", SpecKind.TAG, None),
        ("next", SpecKind.TAG, None),
        ("workspace:*", SpecKind.RANGE, "*"),
        ("workspace:^3.6.8", SpecKind.RANGE, "^3.6.8"),
        ("npm:@tarojs/taro@3.6.8", SpecKind.EXACT, "3.6.8"),
        ("npm:@tarojs/taro@^3.6.0", SpecKind.RANGE, "^3.6.0"),
        ("file:../taro", SpecKind.LOCAL, None),
        ("link:../taro", SpecKind.LOCAL, None),
        ("github:NervJS/taro#v3.6.8", SpecKind.REMOTE, None),
        ("git+https://github.com/NervJS/taro.git", SpecKind.REMOTE, None),
        ("https://example.com/taro-3.6.8.tgz", SpecKind.REMOTE, None),
        ("NervJS/taro#v3.6.8", SpecKind.REMOTE, None),
        ("3.6 .8 x", SpecKind.INVALID, None),
    ],
)
def test_specifiers(text: str, kind: SpecKind, range_: str | None) -> None:
    spec = classify(text)
    assert (spec.kind, spec.range) == (kind, range_)
