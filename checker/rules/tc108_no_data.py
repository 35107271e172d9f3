"""TC108 no-data: what the knowledge base cannot tell. Unknown is never a pass, nor a flood.

Per site the findings are gathered by the evaluator into one note per platform and cause that
names the APIs and counts their sites; ``--strict-unknown`` lists them per site, as errors.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.findings import Args, Axis, Finding, PlatformDetail, Requirement, Severity
from checker.rules import _words
from checker.rules.context import Case, cite, detail, make
from checker.rules.rule import Rule, Template
from checker.support import AxisAnswer

# why the answer is unknown: no entry for the platform; no runtime catalogue for it; the Taro
# version cannot be told; no statement covers the version
CAUSES = ("no-data", "no-catalogue", "taro-unknown", "version-unknown")

_CAUSE = {
    "en": {"no-data": "no data", "no-catalogue": "no runtime versions are known for this platform",
           "taro-unknown": "the Taro version cannot be told{required?, and it works in Taro {required}}",
           "version-unknown": "unknown for {axis} {version}{note? ({note})}",
           "version-unknown-summary": "no data for {axis} {version}"},
    "zh": {"no-data": "没有数据", "no-catalogue": "该平台没有已知的运行时版本",
           "taro-unknown": "无法确定 Taro 版本{required?，它在 Taro {required} 中可用}",
           "version-unknown": "{axis} {version} 的支持情况未知{note?（{note}）}",
           "version-unknown-summary": "{axis} {version} 没有数据"},
}

RULE = Rule(
    code="TC108",
    slug="no-data",
    severity=Severity.WARNING,
    summary={"en": "The knowledge base cannot tell: unknown is not a pass", "zh": "知识库无法判断：未知不等于通过"},
    explanation="The knowledge base has no data for this API on this platform or version. Unknown is never a pass: by default"
                " one note per platform and cause names the APIs and counts their call sites; `--strict-unknown` (or"
                " `strictUnknown: true`) lists every site as an error, so unknowns fail the gate.",
    fix="Check on a device, then add the fact (with its source) to `matrix/`.",
    messages={
        "en": {"default": Template("{api} on {platforms}: {cause}; unknown is not a pass", "{platform}", ", "),
               "summary": Template("{platforms}: {cause} for {count} API(s) at {sites} call site(s): {apis}{more? and {more} more};"
                                   " unknown is not a pass"
                                   " (--strict-unknown lists them)")},
        "zh": {"default": Template("{api} 在 {platforms}：{cause}；未知不等于通过", "{platform}", "、"),
               "summary": Template("{platforms}：{count} 个 API 共 {sites} 处调用{cause}：{apis}{more? 等另外 {more} 个}；"
                                   "未知不等于通过（--strict-unknown 会逐处列出）")},
    },
    vocabulary={lang: {"cause": _CAUSE[lang], "axis": _words.AXIS[lang]} for lang in ("en", "zh")},
)


def no_data(case: Case, cause: str) -> Finding:
    return make(RULE, case.site, case.api.id, platform=detail(case.target.platform), cause=cause)


def unknown_axis(case: Case, answer: AxisAnswer) -> Finding:
    statement = answer.statement
    note = statement.note if statement else None
    required = Requirement(Axis(answer.axis), answer.requirement) if answer.requirement else None
    if answer.status is None:  # the Taro version cannot be told
        return make(RULE, case.site, case.api.id, platform=detail(case.target.platform, required=required), cause="taro-unknown")
    where = detail(case.target.platform, required=required, sources=cite(statement.sources) if statement else ())
    return make(RULE, case.site, case.api.id, platform=where, cause="version-unknown", axis=answer.axis, version=str(answer.version),
                note=note.get("en") if note else None, note_zh=note.zh if note else None)


_NAMED = 8  # APIs a summary names; the rest are counted


def summarise(findings: Iterable[Finding]) -> list[Finding]:
    """One note per platform and cause, naming the APIs (with their number of sites) and counting the sites."""
    sites: dict[tuple[str, str, str | None, str | None], dict[str, set[tuple[str | None, int, int]]]] = {}
    for finding in findings:
        cause = str(finding.args.get("cause"))
        axis, version = finding.args.get("axis"), finding.args.get("version")
        for platform in finding.platform_ids:
            per_api = sites.setdefault((platform, cause, str(axis) if axis else None, str(version) if version else None), {})
            per_api.setdefault(finding.api or "", set()).add((finding.file, finding.line, finding.column))
    notes = []
    for (platform, cause, axis, version), per_api in sorted(sites.items(), key=lambda item: tuple(map(str, item[0]))):
        ranked = sorted(per_api.items(), key=lambda item: (-len(item[1]), item[0]))
        apis = tuple(f"{api} ({len(where)})" if len(where) > 1 else api for api, where in ranked[:_NAMED])
        summary_cause = "version-unknown-summary" if cause == "version-unknown" else cause
        notes.append(Finding(RULE.code, RULE.severity, None, 0, 0, None,
                             Args.of(variant="summary", cause=summary_cause, axis=axis, version=version, count=len(per_api),
                                     more=len(per_api) - _NAMED if len(per_api) > _NAMED else None,
                                     sites=sum(len(where) for where in per_api.values()), apis=apis),
                             (PlatformDetail(platform),)))
    return notes
