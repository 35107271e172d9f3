"""Release plans: text, JSON and Markdown (Markdown fits a release ticket)."""

from __future__ import annotations

import json
from typing import Any

from checker.findings import Finding
from checker.planning import Plan
from checker.render.templating import md_escape
from checker.render.words import slug, word

__all__ = ["plan_data", "render_plan_json", "render_plan_markdown", "render_plan_text"]


def _finding(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "verdict": slug(f.code), "severity": f.severity.value, "api": f.api, "platform": f.platform,
            "file": f.file, "line": f.line, "message": word(f)}


def _describe(plan: Plan) -> str:
    parts = [f"raise {p} to {v}" for p, v in sorted(plan.request.raise_to.items())]
    if plan.request.taro:
        parts.append(f"Taro {plan.before.profile.taro.resolved or 'unknown'} -> {plan.request.taro}")
    parts += [f"add {p}" for p in plan.request.add_targets] + [f"drop {p}" for p in plan.request.drop_targets]
    return ", ".join(parts) or "no change"


def plan_data(plan: Plan) -> dict[str, Any]:
    return {
        "format_version": 1,
        "project": plan.before.profile.root,
        "change": _describe(plan),
        "fixed": [_finding(f) for f in plan.fixed],
        "introduced": [_finding(f) for f in plan.introduced],
        "obsolete_guards": [_finding(f) for f in plan.obsolete_guards],
        "behaviour_changes_crossed": [
            {"api": c.api, "platform": c.platform, "change": c.change.id, "summary": str(c.change.summary),
             "when": {"published_after": c.change.published_after.isoformat() if c.change.published_after else None,
                      "runtime": str(c.change.runtime) if c.change.runtime else None},
             "replacement": list(c.change.replacement), "files": list(c.files)}
            for c in plan.crossed
        ],
        "users_lost": [
            {"platform": u.platform, "before": u.before, "after": u.after, "usage_date": u.usage_date.isoformat(),
             "total": u.total, "ios": u.ios, "android": u.android}
            for u in plan.users_lost
        ],
        "requirements": {"before": plan.before.requirements, "after": plan.after.requirements},
        "recommendations": list(plan.recommendations),
    }


def render_plan_json(plans: list[Plan]) -> str:
    return json.dumps({"plans": [plan_data(p) for p in plans]}, ensure_ascii=False, indent=2) + "\n"


def _line(f: Finding) -> str:
    where = f"{f.file}:{f.line}" if f.file and f.line else (f.file or "project")
    return f"{where} {f.code} {word(f)}"


def render_plan_text(plans: list[Plan]) -> str:
    lines: list[str] = []
    for plan in plans:
        lines.append(f"{plan.before.profile.name or plan.before.profile.root}: {_describe(plan)}")
        for title, items in (("disappear", plan.fixed), ("appear", plan.introduced), ("guards that become obsolete", plan.obsolete_guards)):
            lines.append(f"  {len(items)} finding(s) {title}" if title != "guards that become obsolete" else f"  {len(items)} {title}")
            lines += [f"    {_line(f)}" for f in items]
        for crossed in plan.crossed:
            instead = ", ".join(crossed.change.replacement)
            lines.append(f"  behaviour change crossed: {crossed.api} on {crossed.platform}: {crossed.change.summary} "
                         f"({crossed.change.id}; every user from now on{'; use instead: ' + instead if instead else ''})")
        for lost in plan.users_lost:
            split = f" (iOS {lost.ios}%, Android {lost.android}%)" if lost.ios is not None and lost.android is not None else ""
            lines.append(f"  users who can no longer open the app on {lost.platform}: {lost.total}%{split}, "
                         f"{lost.before or 'no minimum'} -> {lost.after}, usage data of {lost.usage_date.isoformat()}")
        lines.append("  recommendation:")
        lines += [f"    - {r}" for r in plan.recommendations]
        lines.append("")
    return "\n".join(lines)


def render_plan_markdown(plans: list[Plan]) -> str:
    out: list[str] = []
    for plan in plans:
        out += [f"## Release plan: {md_escape(_describe(plan))}", "", f"Project: {md_escape(plan.before.profile.name or plan.before.profile.root)}", ""]
        for lost in plan.users_lost:
            out.append(f"**Users lost on {md_escape(lost.platform)}:** {lost.total}% (iOS {lost.ios}%, Android {lost.android}%), "
                       f"usage data of {lost.usage_date.isoformat()}")
            out.append("")
        for title, items in (("Findings that disappear", plan.fixed), ("Findings that appear", plan.introduced),
                             ("Guards that become obsolete", plan.obsolete_guards)):
            out += [f"### {title} ({len(items)})", ""]
            if items:
                out += ["| Code | Where | Message |", "|---|---|---|"]
                out += [f"| {f.code} | {md_escape((f.file or '') + (f':{f.line}' if f.line else ''))} | {md_escape(word(f))} |" for f in items]
                out.append("")
        if plan.crossed:
            out += ["### Behaviour changes crossed", ""]
            for crossed in plan.crossed:
                instead = f" (use instead: {md_escape(', '.join(crossed.change.replacement))})" if crossed.change.replacement else ""
                out.append(f"- **{md_escape(crossed.api)}** on {md_escape(crossed.platform)}: {md_escape(crossed.change.summary)}{instead}")
            out.append("")
        out += ["### Recommendation", ""] + [f"- {md_escape(r)}" for r in plan.recommendations] + [""]
    return "\n".join(out)
