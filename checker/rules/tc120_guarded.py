"""TC120 guarded: the call would fail here, but a guard covers it."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules import _words
from checker.rules.context import Case, detail, make
from checker.rules.rule import Rule, Template
from checker.scan.sites import Guard
from checker.versions import RuntimeVersion

# what the call would be without the guard: the codes of the problems it covers, or a status
_WITHOUT = {
    "en": {"TC101": "unsupported", "TC102": "needs a newer base library", "TC103": "needs a newer Taro", "TC104": "a stub",
           "TC105": "missing in versions above the minimum", "TC106": "behaves differently", "TC107": "deprecated",
           "TC108": "unknown", "TC109": "partial", "TC110": "no Promise", "unknown": "unknown", "unsupported": "unsupported",
           "stub": "a stub", "partial": "partial"},
    "zh": {"TC101": "不支持", "TC102": "需要更新的基础库", "TC103": "需要更新的 Taro", "TC104": "桩函数",
           "TC105": "高于最低版本的部分版本缺少它", "TC106": "行为变化", "TC107": "已废弃",
           "TC108": "未知", "TC109": "部分可用", "TC110": "不返回 Promise", "unknown": "未知", "unsupported": "不支持",
           "stub": "桩函数", "partial": "部分可用"},
}

RULE = Rule(
    code="TC120",
    slug="guarded",
    severity=Severity.INFO,
    summary={"en": "A guard covers a call that would fail", "zh": "调用本会失败，但已被条件保护"},
    explanation="The call would fail on this platform, but a guard (canIUse, an existence test, a base library comparison) covers it.",
    example="if (Taro.canIUse('getUserProfile')) { Taro.getUserProfile({ desc }) }",
    messages={
        "en": {"default": Template("{api}: guarded on {platforms}",
                                   "{platform} by the {kind} on line {guard_line} ({without} without it)", "; "),
               "version": Template("{api}: guarded on {platforms}", "{platform} by a base library check (>= {version})", "; ")},
        "zh": {"default": Template("{api}：在 {platforms} 上已被保护", "{platform}（第 {guard_line} 行的{kind}；否则为 {without}）", "；"),
               "version": Template("{api}：在 {platforms} 上已被保护", "{platform}（基础库版本检查 >= {version}）", "；")},
    },
    vocabulary={lang: {"kind": words, "without": _WITHOUT[lang]} for lang, words in _words.GUARD.items()},
)


def by_guard(case: Case, guard: Guard, without: tuple[str, ...]) -> Finding:
    where = detail(case.target.platform, kind=guard.kind, guard_line=guard.line, without=without)
    return make(RULE, case.site, case.api.id, platform=where)


def by_version(case: Case, version: RuntimeVersion) -> Finding:
    return make(RULE, case.site, case.api.id, platform=detail(case.target.platform, version=str(version)), variant="version")
