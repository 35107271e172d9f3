"""TC107 deprecated: the platform marks the API deprecated."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC107",
    slug="deprecated",
    severity=Severity.WARNING,
    summary={"en": "The platform marks the API deprecated", "zh": "平台已将该 API 标为废弃"},
    explanation="The platform marks the API deprecated: it may stop working in a later client.",
    fix="Use the alternative.",
    messages={
        "en": {"default": Template("{api} is deprecated on {platforms}", "{platform}{note?: {note}}", "; ")},
        "zh": {"default": Template("{api} 在 {platforms} 上已废弃", "{platform}{note?：{note}}", "；")},
    },
    gathered=True,
)


def check(case: Case) -> Finding | None:
    support = case.resolution.support
    deprecated = support.deprecated if support is not None else None
    if deprecated is None:
        return None
    where = detail(case.target.platform, sources=cite(deprecated.sources), note=deprecated.note.get("en"), note_zh=deprecated.note.zh)
    return make(RULE, case.site, case.api.id, platform=where)
