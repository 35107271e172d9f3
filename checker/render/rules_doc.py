"""The rule registry as documentation: docs/findings.md, ``taro-compat rules`` (text and JSON)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checker.rules import RULES
from checker.rules.rule import Rule

__all__ = ["findings_markdown", "rule_data", "rule_text", "rules_table"]

_INTRO = """# Findings

Every finding of `taro-compat check` has a stable code and a slug (the `verdict` in JSON, the rule
name in SARIF and annotations). SARIF rules link here. This page is generated from the rule
registry (`checker/rules/`, one module per rule); `taro-compat rules CODE` prints the same.
Select rules with `--select` / `--ignore` (codes, prefixes such as `TC1`, or slugs) or the
`ignore:` setting.

Unknowns (TC108) are summarised by default: one note per platform and cause, naming the APIs
and counting their call sites. `--strict-unknown` (or `strictUnknown: true`) lists every site, as
an error.
"""


def rule_data(rule: Rule, lang: str = "en") -> dict[str, Any]:
    return {
        "code": rule.code,
        "slug": rule.slug,
        "severity": rule.severity.value,
        "summary": rule.summary.get(lang) or rule.summary["en"],
        "explanation": rule.explanation,
        "fix": rule.fix,
        "example": rule.example,
    }


def _section(rule: Rule) -> list[str]:
    lines = [f"## {rule.code} {rule.slug}", "", f"Severity: {rule.severity.value}. {rule.summary['en']}.", "", rule.explanation]
    if rule.fix:
        lines += ["", f"**Fix:** {rule.fix}"]
    if rule.example:
        lines += ["", "```js", rule.example, "```"]
    return lines + [""]


def rule_text(rule: Rule, lang: str = "en") -> str:
    return "\n".join(_section(rule)) if lang == "en" else "\n".join(
        [f"{rule.code} {rule.slug} ({rule.severity.value}): {rule.summary.get(lang) or rule.summary['en']}", ""] + _section(rule)[2:])


def rules_table(rules: Iterable[Rule], lang: str = "en") -> str:
    rows = list(rules)
    width = max(len(r.slug) for r in rows)
    return "".join(f"{r.code}  {r.slug:<{width}}  {r.severity.value:<7}  {r.summary.get(lang) or r.summary['en']}\n" for r in rows)


def findings_markdown() -> str:
    """docs/findings.md, whole (a test keeps the checked-in file equal to it)."""
    lines = [_INTRO]
    for rule in RULES:
        lines += _section(rule)
    return "\n".join(lines).rstrip("\n") + "\n"
