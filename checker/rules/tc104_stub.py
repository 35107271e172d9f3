"""TC104 stub: Taro ships a function that rejects, or silently resolves."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.model import Outcome, Statement
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC104",
    slug="stub",
    severity=Severity.ERROR,
    summary={"en": "Taro ships a stub on a target platform", "zh": "Taro 在目标平台上只提供桩函数"},
    explanation="Taro ships a stub on this platform: it rejects, or (H5 production builds) resolves silently with no data.",
    fix="Keep the call off that platform.",
    example="Taro.getUserProfile()  // on h5: a stub that rejects",
    messages={
        "en": {"default": Template("{api} is a stub on {platforms}", "{platform} ({how})", "; ")},
        "zh": {"default": Template("{api} 在 {platforms} 上只是桩函数", "{platform}（{how}）", "；")},
    },
    vocabulary={
        "en": {"how": {"resolves": "it rejects in development and resolves silently in production: the user sees no error and gets no data",
                       "silent": "it does nothing and reports no error, in development too: the user gets no data",
                       "unknown": "it {development} in development; what it does in production is not known",
                       "rejects": "it rejects", "throws": "it throws", "undefined": "it is undefined", "fails": "it fails"}},
        "zh": {"how": {"resolves": "开发环境中 reject，生产环境中静默 resolve：用户看不到错误，也拿不到数据",
                       "silent": "什么也不做且不报错（开发环境中也是）：用户拿不到数据",
                       "unknown": "开发环境中 {development}，生产环境中的行为未知",
                       "rejects": "调用会 reject", "throws": "调用会抛出异常", "undefined": "函数不存在", "fails": "调用会失败"}},
    },
)


def check(case: Case, statement: Statement) -> Finding:
    behaviour = statement.stub
    how = "fails" if behaviour is None else behaviour.production.value
    if behaviour is not None and behaviour.production is Outcome.RESOLVES and behaviour.development is Outcome.RESOLVES:
        how = "silent"  # no rejection anywhere (RN's and Taro 1's stubs): not the H5 development/production split
    development = behaviour.development.value if behaviour is not None and behaviour.production is Outcome.UNKNOWN else None
    where = detail(case.target.platform, sources=cite(statement.sources), how=how, development=development)
    return make(RULE, case.site, case.api.id, platform=where)
