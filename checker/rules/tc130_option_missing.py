"""TC130 option-missing: a required option is missing from the literal options object."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.model import Api, Param
from checker.rules.context import cite, make
from checker.rules.rule import Rule, Template
from checker.scan.sites import CallSite

RULE = Rule(
    code="TC130",
    slug="option-missing",
    severity=Severity.ERROR,
    summary={"en": "A required option is missing", "zh": "缺少必填参数"},
    explanation="A required option is missing from the literal options object (e.g. `desc` of getUserProfile): the call fails.",
    example="Taro.getUserProfile({})",
    messages={
        "en": {"default": Template("{api}: the required option '{option}' is missing")},
        "zh": {"default": Template("{api}：缺少必填参数 '{option}'")},
    },
)


def check(site: CallSite, api: Api, param: Param) -> Finding:
    return make(RULE, site, api.id, sources=cite(param.sources), option=param.name)
