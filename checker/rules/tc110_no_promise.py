"""TC110 no-promise: awaited or .then on a platform where the API takes callbacks only."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.model import Platform
from checker.rules import _words
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template
from checker.scan.sites import CallSite
from checker.versions import RuntimeVersion

RULE = Rule(
    code="TC110",
    slug="no-promise",
    severity=Severity.ERROR,
    summary={"en": "The API does not return a Promise here", "zh": "该 API 在此不返回 Promise"},
    explanation="The call is awaited or chained with `.then`, but on this platform and Taro version the API takes callbacks only:"
                " `await` gets `undefined` and `.then` throws.",
    fix="Pass `success`/`fail` callbacks, or upgrade Taro.",
    example="const res = await Taro.getUserProfile({ desc })  // tt, Taro < 3.5.7",
    messages={
        "en": {"default": Template("{api} does not return a Promise on {platforms}; await gets no result and .then throws;"
                                   " pass success and fail callbacks", "{platform} ({axis} {version})")},
        "zh": {"default": Template("{api} 在 {platforms} 上不返回 Promise：await 拿不到结果，.then 会抛错；请传入 success 和 fail 回调",
                                   "{platform}（{axis} {version}）", "、")},
    },
    vocabulary={lang: {"axis": words} for lang, words in _words.AXIS.items()},
)


def check(case: Case) -> Finding | None:
    if not isinstance(case.site, CallSite) or not case.site.promise_style:
        return None
    platform = case.context.matrix.platforms[case.target.platform]
    if platform.sync_suffix and case.api.id.endswith(platform.sync_suffix):
        return None  # a synchronous API: await gives its result
    for answer in case.resolution.axes:
        if answer.statement is not None and answer.statement.promise is False:
            if answer.statement.forwarded and _native_promise(platform, case):
                continue  # Taro passes the native function through, and the native returns a Promise
            where = detail(case.target.platform, sources=cite(answer.statement.sources), axis=answer.axis, version=str(answer.version))
            return make(RULE, case.site, case.api.id, platform=where)
    return None


def _native_promise(platform: Platform, case: Case) -> bool:
    """Whether every base library the target promises returns a Promise from this native when no callback is given."""
    if platform.native_promise_from is None or case.minimum is None or case.api.id in platform.native_promise_except:
        return False
    return case.minimum >= RuntimeVersion.parse(platform.native_promise_from)
