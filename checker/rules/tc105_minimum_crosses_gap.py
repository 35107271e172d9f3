"""TC105 minimum-crosses-gap: versions above the declared minimum lack the API."""

from __future__ import annotations

from checker.findings import Axis, Finding, Requirement, Severity
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template
from checker.support import versions_lacking
from checker.versions import RuntimeVersion

RULE = Rule(
    code="TC105",
    slug="minimum-crosses-gap",
    severity=Severity.WARNING,
    summary={"en": "Versions above the declared minimum lack the API", "zh": "高于最低版本的部分版本缺少该 API"},
    explanation="The declared minimum works, but versions above it lack the API (e.g. WeChat base library 2.11 to 2.15"
                " for getUserProfile, a community report).",
    fix="Feature-detect the API, or raise the minimum past the gap.",
    messages={
        "en": {"default": Template("{api}: {platforms}; feature-detect it or raise the minimum",
                                   "on {platform}, base libraries {first} to {last} above the minimum {minimum}"
                                   " lack it ({confidence})", "; ")},
        "zh": {"default": Template("{api}：{platforms}；请做特性检测或提高最低版本",
                                   "在 {platform} 上，高于最低版本 {minimum} 的基础库 {first} 至 {last} 缺少它（{confidence}）", "；")},
    },
)


def check(case: Case, minimum: RuntimeVersion) -> Finding | None:
    """Versions above ``minimum`` that lack it (2.10.4 works, 2.11 to 2.15 do not); the same for every call."""
    support, catalogue = case.resolution.support, case.catalogue
    if support is None or catalogue is None:
        return None
    key = (case.api.id, case.target.platform, minimum.text)
    gaps = case.context.memo.gaps
    if key not in gaps:
        gaps[key] = versions_lacking(support, catalogue, minimum)
    missing = gaps[key]
    if not missing:
        return None
    last, statement = missing[-1][0], missing[0][1]
    where = detail(case.target.platform, required=Requirement(Axis.RUNTIME, f">{last}"), sources=cite(statement.sources),
                   first=str(missing[0][0]), last=str(last), minimum=str(minimum), confidence=statement.confidence.value)
    return make(RULE, case.site, case.api.id, platform=where)
