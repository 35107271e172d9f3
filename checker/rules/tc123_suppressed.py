"""TC123 suppressed: an inline suppression comment silences the call."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules.context import make
from checker.rules.rule import Rule, Template
from checker.scan.sites import CallSite

RULE = Rule(
    code="TC123",
    slug="suppressed",
    severity=Severity.INFO,
    summary={"en": "Suppressed inline", "zh": "已用注释忽略"},
    explanation="Suppressed with `// taro-compat-ignore API -- reason`; the reason is shown so that reviewers see it.",
    example="// taro-compat-ignore getUserProfile -- weapp-only page\nTaro.getUserProfile({ desc })",
    messages={
        "en": {"default": Template("{api}: suppressed ({reason?{reason}|no reason given})")},
        "zh": {"default": Template("{api}：已忽略（{reason?{reason}|未说明原因}）")},
    },
)


def check(site: CallSite, api: str) -> Finding | None:
    if site.suppression is None:
        return None
    return make(RULE, site, api, reason=site.suppression.reason or None)
