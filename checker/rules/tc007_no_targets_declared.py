"""TC007 no-targets-declared: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC007',
    slug='no-targets-declared',
    severity=Severity.WARNING,
    summary={"en": 'No target is declared', "zh": '未声明目标平台'},
    explanation='Neither settings nor evidence in the project name a target platform.',
    fix='Declare targets (`taro-compat init`).',
    example=None,
    messages={"en": {"default": Template("{text}")}},
)
