"""Human text report of ``check``: grouped by project and file, ``path:line:col``, a summary line."""

from __future__ import annotations

from checker.evaluate import ProjectResult

__all__ = ["render_text"]


def render_text(results: list[ProjectResult]) -> str:
    lines: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        profile = result.profile
        taro = profile.taro.resolved or f"unknown ({profile.taro.declared})"
        targets = ", ".join(t.platform + (f" >= {t.min_version}" if t.min_version else "") for t in profile.targets) or "none"
        lines.append(f"{profile.root}  ({profile.name or 'unnamed'}): Taro {taro} from {profile.taro.source}; targets {targets}")
        for finding in result.findings:
            totals[finding.severity] += 1
            where = finding.file or profile.root
            if finding.line:
                where += f":{finding.line}" + (f":{finding.column}" if finding.column else "")
            lines.append(f"  {where}: {finding.severity} {finding.code} {finding.message}")
        lines.append("")
    lines.append(f"{len(results)} project(s): {totals['error']} error(s), {totals['warning']} warning(s), {totals['info']} info")
    return "\n".join(lines) + "\n"
