"""TC131 option-too-long: a literal option breaks a documented length limit."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.model import Api, Param
from checker.rules.context import cite, make
from checker.rules.rule import Rule, Template
from checker.scan.sites import CallSite

RULE = Rule(
    code="TC131",
    slug="option-too-long",
    severity=Severity.ERROR,
    summary={"en": "A literal option is too long", "zh": "参数超出长度限制"},
    explanation="A literal option breaks a documented limit (e.g. `desc` over 30 characters): the platform rejects the call.",
    messages={
        "en": {"default": Template("{api}: '{option}' is {length} characters; at most {limit}")},
        "zh": {"default": Template("{api}：'{option}' 有 {length} 个字符；最多 {limit} 个")},
    },
)


def check(site: CallSite, api: Api, param: Param, value: object) -> Finding | None:
    if param.max_length is None or not isinstance(value, str) or len(value) <= param.max_length:
        return None
    return make(RULE, site, api.id, sources=cite(param.sources), option=param.name, length=len(value), limit=param.max_length)
