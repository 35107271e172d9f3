"""TC004 taro-packages-disagree: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC004',
    slug='taro-packages-disagree',
    severity=Severity.WARNING,
    summary={"en": '@tarojs/* packages have different versions', "zh": '@tarojs/* 各包版本不一致'},
    explanation="`@tarojs/*` packages are declared with different versions; Taro's packages are released together and expect one version.",
    fix='Use one version for every `@tarojs/*` package.',
    example='"@tarojs/taro": "3.6.8", "@tarojs/cli": "3.5.0"',
    messages={"en": {"default": Template("{text}")}},
)
