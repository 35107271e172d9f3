"""TC122 guard-obsolete: the declared minimums already guarantee what the guard tests."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules import _words
from checker.rules.context import Case, detail, make
from checker.rules.rule import Rule, Template
from checker.scan.sites import Guard

RULE = Rule(
    code="TC122",
    slug="guard-obsolete",
    severity=Severity.INFO,
    summary={"en": "The guard is obsolete", "zh": "该条件已无必要"},
    explanation="The guard is obsolete: on every platform it covers, the declared minimums already have the API."
                " It is reported at the guard, once, and only when it protects no platform.",
    fix="Delete the condition.",
    messages={
        "en": {"default": Template("{api}: this {kind} is obsolete: the declared minimums on {platforms} already have it")},
        "zh": {"default": Template("{api}：这个{kind}已无必要：{platforms} 声明的最低版本都已支持", "{platform}", "、")},
    },
    vocabulary={lang: {"kind": words} for lang, words in _words.GUARD.items()},
)


def check(case: Case, guard: Guard) -> Finding:
    return make(RULE, case.site, case.api.id, platform=detail(case.target.platform), line=guard.line, kind=guard.kind)
