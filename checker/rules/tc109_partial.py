"""TC109 partial: the API works only in part here."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules import _words
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template
from checker.support import AxisAnswer

RULE = Rule(
    code="TC109",
    slug="partial",
    severity=Severity.WARNING,
    summary={"en": "The API works only in part", "zh": "API 只部分可用"},
    explanation="The API works only in part here (the note says how).",
    messages={
        "en": {"default": Template("{api} works only in part on {platforms}", "{platform} ({axis} {version}): {note}", "; ")},
        "zh": {"default": Template("{api} 在 {platforms} 上只部分可用", "{platform}（{axis} {version}）：{note}", "；")},
    },
    vocabulary={lang: {"axis": words} for lang, words in _words.AXIS.items()},
)


def check(case: Case, answer: AxisAnswer) -> Finding | None:
    statement = answer.statement
    if statement is None:
        return None
    note = statement.note
    where = detail(case.target.platform, sources=cite(statement.sources), axis=answer.axis, version=str(answer.version),
                   note=note.get("en") if note else "", note_zh=note.zh if note else None)
    return make(RULE, case.site, case.api.id, platform=where)
