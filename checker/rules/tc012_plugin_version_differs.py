"""TC012 plugin-version-differs: a note of the targets stage (worded here, en and zh)."""

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
    messages={
        "en": {"default": Template("the resolved Taro {taro} is {relation} than {plugin} {plugin_version} ({lockfile});"
                                   " the checks assume {taro} for {platform}")},
        "zh": {"default": Template("解析出的 Taro {taro} {relation} {plugin} {plugin_version}（{lockfile}）；"
                                   "检查 {platform} 时按 {taro} 处理")},
    },
    vocabulary={"en": {"relation": {"older": "older", "newer": "newer"}}, "zh": {"relation": {"older": "低于", "newer": "高于"}}},
)
