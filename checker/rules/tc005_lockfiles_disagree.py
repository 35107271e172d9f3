"""TC005 lockfiles-disagree: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC005',
    slug='lockfiles-disagree',
    severity=Severity.WARNING,
    summary={"en": 'Lock files resolve Taro differently', "zh": '多个锁文件解析出不同的 Taro 版本'},
    explanation=('Several lock files resolve `@tarojs/taro` to different versions, or the one used is stale (what it '
                 "recorded of the declaration, such as pnpm's importer `specifier`, differs from package.json). A lock "
                 'file that agrees with package.json wins over a stale one; among those that agree, the one '
                 '`packageManager` names (else pnpm, yarn, npm). The message says which was used and why.'),
    fix='Delete the lock files of the package managers you do not use, and install again.',
    example=None,
    messages={"en": {"default": Template("{text}")}},
)
