"""TC012 plugin-version-differs: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC012',
    slug='plugin-version-differs',
    severity=Severity.WARNING,
    summary={"en": 'A platform plugin is locked at another version than Taro', "zh": '平台插件版本与 Taro 不同'},
    explanation=("A target platform's plugin (`@tarojs/plugin-platform-tt`, ...) is locked at another version "
                 "than `@tarojs/taro`. The platform's runtime behaviour (which APIs are promisified, forwarded or "
                 "stubbed) follows the plugin, while the checks assume Taro's version."),
    fix='Upgrade them together.',
    example=None,
    messages={"en": {"default": Template("{text}")}},
)
