"""TC001 libversion-is-a-hint: a note of the targets stage (worded here, en and zh)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC001',
    slug='libversion-is-a-hint',
    severity=Severity.INFO,
    summary={"en": 'libVersion is a debugging hint, not the minimum', "zh": 'libVersion 只是调试提示，不是最低版本'},
    explanation=("`libVersion` in `project.config.json` is the base library the WeChat devtools debug with; "
                 "users' base libraries come with their WeChat client, and the minimum is set in the admin "
                 "console."),
    fix='Declare the minimum you set in the console: `"taroCompat": {"targets": "weapp >= 2.16.0"}`.',
    example='{"libVersion": "2.16.0"}  // project.config.json, no taroCompat',
    messages={
        "en": {"default": Template("libVersion {version} is the base library the WeChat devtools debug with, not the production minimum"
                                   " (that is set in the admin console); declare it in taroCompat targets,"
                                   " e.g. '{platform} >= {version}'")},
        "zh": {"default": Template("libVersion {version} 是微信开发者工具调试所用的基础库，不是线上的最低版本"
                                   "（最低版本在小程序管理后台设置）；请在 taroCompat 的 targets 中声明，"
                                   "例如 '{platform} >= {version}'")},
    },
)
