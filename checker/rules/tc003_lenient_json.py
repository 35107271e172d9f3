"""TC003 lenient-json: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC003',
    slug='lenient-json',
    severity=Severity.WARNING,
    summary={"en": 'A JSON manifest has comments or trailing commas', "zh": 'JSON 清单含注释或多余逗号'},
    explanation="A JSON manifest has comments or trailing commas. taro-compat reads it, but npm and Taro's CLI (`JSON.parse`) would not.",
    fix='Remove them.',
    example='{"name": "shop", }',
    messages={"en": {"default": Template("{text}")}},
)
