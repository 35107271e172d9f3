"""TC006 default-minimum-assumed: a note of the targets stage (worded here, en and zh)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC006',
    slug='default-minimum-assumed',
    severity=Severity.INFO,
    summary={"en": 'A default minimum was assumed', "zh": '采用了默认最低版本'},
    explanation="No minimum was declared for a platform with usage data, so the default coverage set it: the oldest version that still "
                 "reaches 99.5% of users in the bundled usage data (`cover 99.5%`), as browserslist's `defaults` does.",
    fix='Declare targets (`taro-compat init`).',
    example=None,
    messages={
        "en": {"default": Template("no {platform} minimum declared: assuming {minimum}, the oldest version that keeps {coverage}% of users"
                                   " (usage data of {date})")},
        "zh": {"default": Template("未声明 {platform} 的最低版本：假定为 {minimum}，即仍能覆盖 {coverage}% 用户的最低版本"
                                   "（用户分布数据日期：{date}）")},
    },
)
