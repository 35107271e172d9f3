"""TC132 option-invalid: a literal option is not one of the documented values."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.model import Api, Param
from checker.rules.context import cite, make
from checker.rules.rule import Rule, Template
from checker.scan.sites import CallSite

RULE = Rule(
    code="TC132",
    slug="option-invalid",
    severity=Severity.ERROR,
    summary={"en": "A literal option has an undocumented value", "zh": "参数取值不在文档列出的范围内"},
    explanation="A literal option is not one of the documented values (e.g. `lang`).",
    example="Taro.getUserProfile({ desc, lang: 'fr' })",
    messages={
        "en": {"default": Template("{api}: '{option}' is {value}; one of {allowed}")},
        "zh": {"default": Template("{api}：'{option}' 的值是 {value}；应为 {allowed} 之一")},
    },
)


def check(site: CallSite, api: Api, param: Param, value: object) -> Finding | None:
    if not param.enum or value in param.enum:
        return None
    return make(RULE, site, api.id, sources=cite(param.sources), option=param.name, value=repr(value),
                allowed=tuple(str(v) for v in param.enum))
