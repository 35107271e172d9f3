"""TC009 settings-in-two-places: a note of the project reader (worded here, en and zh)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC009',
    slug='settings-in-two-places',
    severity=Severity.WARNING,
    summary={"en": 'Settings are in two places', "zh": '设置写在两处'},
    explanation='Settings are in both `taro-compat.yaml` and `package.json#taroCompat`; the YAML file wins.',
    fix='Keep one.',
    example=None,
    messages={
        "en": {"default": Template("settings in both {settings} and package.json#taroCompat: using {settings}")},
        "zh": {"default": Template("{settings} 和 package.json#taroCompat 中都有配置：使用 {settings}")},
    },
)
