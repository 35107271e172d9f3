"""TC121 guard-cannot-protect: canIUse answers true for Taro's stub."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC121",
    slug="guard-cannot-protect",
    severity=Severity.WARNING,
    summary={"en": "The guard cannot protect the call", "zh": "该条件保护不了调用"},
    explanation="The guard cannot protect: `canIUse` answers true for Taro's stub on this platform, so the stub is called.",
    fix="Test the platform (`process.env.TARO_ENV`) instead.",
    example="if (Taro.canIUse('getUserProfile')) { ... }  // true on h5, where it is a stub",
    messages={
        "en": {"default": Template("{api}: canIUse answers true for Taro's stub on {platforms}, so this guard lets the call through"
                                   " (test the platform with process.env.TARO_ENV instead)")},
        "zh": {"default": Template("{api}：在 {platforms} 上 canIUse 对 Taro 的桩函数也返回 true，"
                                   "这个条件拦不住调用（请改用 process.env.TARO_ENV 判断平台）", "{platform}", "、")},
    },
)


def check(case: Case) -> Finding | None:
    support = case.resolution.support
    if support is None or support.can_i_use is None or not support.can_i_use.answers:
        return None
    return make(RULE, case.site, case.api.id, platform=detail(case.target.platform, sources=cite(support.can_i_use.sources)))
