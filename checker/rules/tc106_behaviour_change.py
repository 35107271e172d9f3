"""TC106 behaviour-change: the call works, but returns something else for this release's users."""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC106",
    slug="behaviour-change",
    severity=Severity.WARNING,
    summary={"en": "The call works but behaves differently for these users", "zh": "调用可用，但对这些用户行为已变化"},
    explanation="The call works but returns something else under conditions that reach this release's users (publish date,"
                " base library): e.g. getUserProfile's grey avatar and the nickname 微信用户 after 2022-11-08.",
    fix="Use the replacement the message names.",
    messages={
        "en": {"default": Template("{api} on {platforms}: {summary}{replacement?; use instead: {replacement}}",
                                   "{platform}{runtime? for users on base library {runtime}}")},
        "zh": {"default": Template("{api} 在 {platforms}：{summary}{replacement?；请改用：{replacement}}",
                                   "{platform}{runtime?（基础库 {runtime} 的用户）}", "、")},
    },
    gathered=True,
)


def check(case: Case) -> list[Finding]:
    """Changes for the users of this release: its publish date, and every base library from the declared minimum up."""
    context, target = case.context, case.target
    found = []
    for match in case.resolution.changes:
        change = match.change
        if change.published_after is not None and context.published <= change.published_after:
            continue
        if change.in_effect_from is not None and context.today < change.in_effect_from:
            continue
        if change.taro is not None and (context.taro is None or context.taro not in change.taro):
            continue
        runtime = None
        if change.runtime is not None:
            if case.catalogue is None:
                continue
            key = (case.api.id, change.id, target.platform, target.min_version or "")
            if key not in context.memo.reach:
                minimum = case.minimum
                context.memo.reach[key] = any((minimum is None or v >= minimum) and v in change.runtime  # type: ignore[operator]
                                              for v in case.catalogue.versions)
            if not context.memo.reach[key]:
                continue
            runtime = str(change.runtime)
        summary = change.summary
        where = detail(target.platform, runtime=runtime)
        found.append(make(RULE, case.site, case.api.id, platform=where, sources=cite(change.sources), change=change.id,
                          summary=summary.get("en").rstrip("."), summary_zh=(summary.zh or "").rstrip("。") or None,
                          replacement=change.replacement or None))
    return found
