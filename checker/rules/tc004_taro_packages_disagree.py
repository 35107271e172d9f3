"""TC004 taro-packages-disagree: a note of the project reader (worded here, en and zh)."""

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
    messages={
        "en": {"default": Template("{package} is {declared} but {differing}: Taro packages should share one version")},
        "zh": {"default": Template("{package} 为 {declared}，但 {differing}：Taro 的各个包应使用同一版本")},
    },
)
