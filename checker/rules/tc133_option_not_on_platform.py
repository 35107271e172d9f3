"""TC133 option-not-on-platform: an option exists on other platforms only, or from a newer runtime."""

from __future__ import annotations

from checker.findings import Axis, Finding, Requirement, Severity
from checker.model import Api, Param
from checker.rules.context import cite, detail, make, minimum_of
from checker.rules.rule import Rule, Template
from checker.scan.sites import CallSite
from checker.targets.model import Target

RULE = Rule(
    code="TC133",
    slug="option-not-on-platform",
    severity=Severity.WARNING,
    summary={"en": "An option is ignored on some target platforms", "zh": "部分目标平台会忽略该参数"},
    explanation="An option exists on other platforms only, or from a newer runtime version (e.g. `force` on Douyin from 2.54.0):"
                " where it is missing, it is ignored.",
    messages={
        "en": {"default": Template("{api}: option '{option}' exists on {only} only; {platforms} ignore it"),
               "version": Template("{api}: option '{option}' needs {platforms}", "{platform} base library {required};"
                                   " the declared minimum is {minimum}", "; ")},
        "zh": {"default": Template("{api}：参数 '{option}' 只在 {only} 上存在；{platforms} 会忽略它", "{platform}", "、"),
               "version": Template("{api}：参数 '{option}' 需要 {platforms}",
                                   "{platform} 基础库 {required}；声明的最低版本是 {minimum}", "；")},
    },
)


def check(site: CallSite, api: Api, param: Param, running: list[Target]) -> list[Finding]:
    if not param.platforms:
        return []
    found = []
    sources = cite(param.sources)
    only = tuple(sorted(param.platforms))
    for target in running:
        if target.platform not in param.platforms:
            found.append(make(RULE, site, api.id, platform=detail(target.platform), sources=sources, option=param.name, only=only))
            continue
        versions = param.platforms[target.platform]
        minimum = minimum_of(target)
        if versions is not None and minimum is not None and minimum not in versions:
            where = detail(target.platform, required=Requirement(Axis.RUNTIME, str(versions)), minimum=target.min_version)
            found.append(make(RULE, site, api.id, platform=where, sources=sources, option=param.name, variant="version"))
    return found
