"""TC101 unsupported: no version of the platform (or of Taro) has the API."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template
from checker.support import AxisAnswer

RULE = Rule(
    code="TC101",
    slug="unsupported",
    severity=Severity.ERROR,
    summary={"en": "The API does not exist on a target platform", "zh": "目标平台上没有这个 API"},
    explanation="The API does not exist on a target platform (in no version), or Taro has no implementation there:"
                " the call is `undefined` (a TypeError) or does nothing.",
    fix="Keep the call to the platforms that have it (`process.env.TARO_ENV`, `name.weapp.ts`), or use the alternative the message names.",
    example="Taro.getUserProfile({ desc: '...' })  // on rn: Taro.getUserProfile is undefined",
    messages={
        "en": {"default": Template("{api} is not supported on {platforms}", "{platform}{note?: {note}}", "; ")},
        "zh": {"default": Template("{api} 在 {platforms} 上不受支持", "{platform}{note?：{note}}", "；")},
    },
)


def check(case: Case, answer: AxisAnswer) -> Finding | None:
    if answer.requirement is not None:
        return None
    statement = answer.statement
    note = statement.note if statement else None
    where = detail(case.target.platform, sources=cite(statement.sources) if statement else (),
                   note=note.en if note else None, note_zh=note.zh if note else None)
    return make(RULE, case.site, case.api.id, platform=where)
