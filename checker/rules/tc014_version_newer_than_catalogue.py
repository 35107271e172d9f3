"""TC014 version-newer-than-catalogue: a note of the targets stage (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC014",
    slug="version-newer-than-catalogue",
    severity=Severity.WARNING,
    summary={"en": "A declared minimum is newer than the catalogue", "zh": "声明的最低版本比版本目录还新"},
    explanation=("A declared minimum is newer than every release in the platform's catalogue (`weapp >= 9.9.9`): it is taken "
                 "as given, but what the matrix says of releases after the catalogue's date is not known. A version inside the "
                 "catalogue's span that it does not list is an error instead (exit 2), naming the nearest known releases; so are "
                 "`--taro 3.6.99` and `--runtime 2.10` on the command line."),
    fix="Check the version; if it is a real, new release, the knowledge base is behind.",
    example='"taroCompat": {"targets": "weapp >= 9.9.9"}',
    messages={"en": {"default": Template("{text}")}},
)
