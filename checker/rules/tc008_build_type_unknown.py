"""TC008 build-type-unknown: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC008',
    slug='build-type-unknown',
    severity=Severity.INFO,
    summary={"en": 'A build names a platform the knowledge base does not cover', "zh": '构建脚本指向知识库未覆盖的平台'},
    explanation=("A build the team chose (a CI job, or a script it wrote) names a platform the knowledge base does not cover"
                 " (e.g. quickapp); it is not checked."),
    fix=None,
    example='"build:quickapp": "taro build --type quickapp"',
    messages={"en": {"default": Template("{text}")}},
)
