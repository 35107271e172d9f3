"""TC102 needs-newer-runtime: the API exists only from a newer runtime than the declared minimum."""

from __future__ import annotations

from checker.findings import Axis, Finding, Requirement, Severity
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template
from checker.support import AxisAnswer

RULE = Rule(
    code="TC102",
    slug="needs-newer-runtime",
    severity=Severity.ERROR,
    summary={"en": "The API needs a newer runtime than the declared minimum", "zh": "API 需要比声明的最低版本更新的基础库"},
    explanation="The API exists only from a newer runtime version (e.g. WeChat base library) than the declared minimum:"
                " users on the older versions get `undefined`.",
    fix="Raise the minimum (see `taro-compat plan`), or guard the call (`if (Taro.canIUse('x'))`, a base library comparison).",
    example="// targets: weapp >= 2.10.4\n<Button openType='chooseAvatar' />  // needs 2.21.2",
    messages={
        "en": {"default": Template("{api} needs {platforms}",
                                   "{platform} base library {required}; the declared minimum is {minimum} ({source})", "; ")},
        "zh": {"default": Template("{api} 需要 {platforms}", "{platform} 基础库 {required}；声明的最低版本是 {minimum}（{source}）", "；")},
    },
)


def check(case: Case, answer: AxisAnswer) -> Finding | None:
    if answer.requirement is None or answer.axis != "runtime":
        return None
    statement = answer.statement
    where = detail(case.target.platform, required=Requirement(Axis.RUNTIME, answer.requirement),
                   sources=cite(statement.sources) if statement else (), minimum=str(answer.version), source=case.target.source)
    return make(RULE, case.site, case.api.id, platform=where)
