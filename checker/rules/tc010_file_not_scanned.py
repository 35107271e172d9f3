"""TC010 file-not-scanned: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC010',
    slug='file-not-scanned',
    severity=Severity.WARNING,
    summary={"en": 'A source file was not scanned, or only in part', "zh": '源文件未扫描或只扫描了一部分'},
    explanation=('A source file was skipped (binary, too large, unreadable, not UTF-8) or only partly parsed; the '
                 'run still reports the rest, and the report says it is incomplete.'),
    fix='Fix the file, or exclude it (`exclude:` in taro-compat.yaml).',
    example=None,
    messages={"en": {"default": Template("{text}")}},
)
