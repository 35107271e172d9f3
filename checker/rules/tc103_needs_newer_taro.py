"""TC103 needs-newer-taro: the resolved Taro version does not reach an implementation on the platform."""

from __future__ import annotations

from checker.findings import Axis, Finding, Requirement, Severity
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template
from checker.support import AxisAnswer

RULE = Rule(
    code="TC103",
    slug="needs-newer-taro",
    severity=Severity.ERROR,
    summary={"en": "The API needs a newer Taro on a target platform", "zh": "目标平台上的 API 需要更新的 Taro"},
    explanation="The resolved Taro version does not reach an implementation on this platform; the message lists the Taro"
                " versions that do, gaps between release lines included.",
    fix="Upgrade Taro, or call the native API where Taro lacks it.",
    messages={
        "en": {"default": Template("{api} needs a newer Taro on {platforms}; the project has {version}", "{platform} (Taro {required})")},
        "zh": {"default": Template("{api} 在 {platforms} 上需要更新的 Taro；项目使用 {version}", "{platform}（Taro {required}）", "、")},
    },
)


def check(case: Case, answer: AxisAnswer) -> Finding | None:
    if answer.requirement is None or answer.axis != "taro":
        return None
    statement = answer.statement
    required = Requirement(Axis.TARO, answer.requirement)
    where = detail(case.target.platform, required=required, sources=cite(statement.sources) if statement else ())
    return make(RULE, case.site, case.api.id, platform=where, version=str(answer.version))
