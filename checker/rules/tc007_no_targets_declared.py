"""TC007 no-targets-declared: a note of the project reader or the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC007',
    slug='no-targets-declared',
    severity=Severity.WARNING,
    summary={"en": 'No target is declared', "zh": '未声明目标平台'},
    explanation=("Info when the targets were guessed from evidence, warning when there was none. Without a declaration (`taroCompat` "
                 "in package.json, `taro-compat.yaml`, `--targets`), the targets come from evidence that the team ships to a platform: "
                 "its project file with a real app id, or one the platform's devtools opened (`libVersion`, `condition`); a platform "
                 "plugin in config/index `plugins`; an `outputRoot` naming the platform; a CI workflow that runs its build; a build "
                 "script written for it, or kept when the template's others were removed. Taro's template writes a script for every "
                 "platform and a project.config.json with the placeholder app id `touristappid`: alone those are not evidence. With no "
                 "evidence at all, WeChat is assumed. Every report's first line says the targets were guessed."),
    fix='`taro-compat init` writes the guessed targets into package.json (`--targets Q` to choose).',
    example=None,
    messages={"en": {"default": Template("{text}")}},
)
