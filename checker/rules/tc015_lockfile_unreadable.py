"""TC015 lockfile-unreadable: a note of the project reader (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC015",
    slug="lockfile-unreadable",
    severity=Severity.WARNING,
    summary={"en": "A lock file cannot be read; the project is checked all the same", "zh": "锁文件无法读取，项目仍照常检查"},
    explanation="A lock file cannot be read (cut short, invalid JSON or YAML, an unknown format version). The project is"
                " still checked: the Taro version comes from another lock file, else from the `package.json` declaration"
                " (an exact version, or a range the checks treat as unknown, TC002).",
    fix="Regenerate the lock file with your package manager (`pnpm install`, `yarn`, `npm install`).",
    example='"@tarojs/taro@^3.6.8":\n  version "3.6   # yarn.lock, cut short',
    messages={"en": {"default": Template("{text}")}},
)
