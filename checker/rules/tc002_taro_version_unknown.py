"""TC002 taro-version-unknown: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC002',
    slug='taro-version-unknown',
    severity=Severity.WARNING,
    summary={"en": 'The Taro version cannot be told', "zh": '无法确定 Taro 版本'},
    explanation=('No lock file resolves `@tarojs/taro` and the declaration is a range, a dist-tag or a local or '
                 'git dependency, so the Taro version is unknown; Taro-axis checks then say *unknown*, never '
                 '*supported*.'),
    fix='Commit the lock file, or pin the version.',
    example='"@tarojs/taro": "latest"  // package.json, no lock file',
    messages={"en": {"default": Template("{text}")}},
)
