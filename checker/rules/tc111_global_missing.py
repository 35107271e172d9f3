"""TC111 global-missing: a native global (wx) on a platform that does not have it."""

from __future__ import annotations

from checker.findings import Args, Finding, PlatformDetail, Severity
from checker.model import Api, Platform
from checker.rules.context import make
from checker.rules.rule import Rule, Template
from checker.scan.sites import CallSite

RULE = Rule(
    code="TC111",
    slug="global-missing",
    severity=Severity.ERROR,
    summary={"en": "A native global is called where it does not exist", "zh": "在没有该原生全局对象的平台上调用了它"},
    explanation="A native global (`wx.x`) is called where that global does not exist (H5, React Native, another mini-program host),"
                " whether or not the matrix lists the member (`my.scan()` built for WeChat):"
                " a ReferenceError.",
    fix="Call `Taro.x`, or keep the code to the global's platform.",
    example="wx.login()  // built for h5",
    messages={
        "en": {"default": Template("{via}.{api}: there is no {via} on {platforms}; call Taro.{api}, or keep this code to its platform",
                                   "{platform} ({global?its global is {global}|it has no native global})"),
               # a member the matrix does not list: whether Taro has it is not known, the global's absence is
               "unlisted": Template("{via}.{api}: there is no {via} on {platforms}; keep this code to its platform",
                                    "{platform} ({global?its global is {global}|it has no native global})")},
        "zh": {"default": Template("{via}.{api}：{platforms} 上没有 {via}；请调用 Taro.{api}，或将这段代码限制在其平台上",
                                   "{platform}（{global?其全局对象是 {global}|没有原生全局对象}）", "、"),
               "unlisted": Template("{via}.{api}：{platforms} 上没有 {via}；请将这段代码限制在其平台上",
                                    "{platform}（{global?其全局对象是 {global}|没有原生全局对象}）", "、")},
    },
)


def check(site: CallSite, api: Api, platform: Platform) -> Finding:
    where = PlatformDetail(platform.id, Args.of({"global": platform.native_global}))  # "global" is a keyword: no **kwargs
    return make(RULE, site, api.id, platform=where, via=site.via)


def check_unlisted(site: CallSite, platform: Platform) -> Finding:
    """``my.scan()`` where the matrix does not list ``scan``: the missing global is enough."""
    where = PlatformDetail(platform.id, Args.of({"global": platform.native_global}))
    return make(RULE, site, site.api, platform=where, via=site.via, variant="unlisted")
