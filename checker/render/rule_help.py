"""A rule's own documentation as the reports show it (SARIF's descriptions and help, summaries),
taken from the rule registry: the one place rules are documented."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.rules import RULES, rule_for
from checker.rules.rule import Rule

__all__ = ["RuleHelp", "rule_help", "rule_helps"]


@dataclass(frozen=True, slots=True)
class RuleHelp:
    code: str
    slug: str
    severity: str  # the rule's default severity
    summary: str  # one sentence, plain text
    markdown: str  # the whole documentation: explanation, fix, example
    text: str  # the same without Markdown markup

    @property
    def explanation_text(self) -> str:
        return self.text


def _plain(markdown: str) -> str:
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", markdown)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return re.sub(r"(?<!\w)\*([^*]+)\*(?!\w)", r"\1", text)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _help(rule: Rule) -> RuleHelp:
    summary = _sentence(rule.summary["en"])
    parts = [rule.explanation]
    if rule.fix:
        parts.append(f"**Fix:** {rule.fix}")
    markdown = "\n\n".join(parts) + (f"\n\nExample:\n\n```js\n{rule.example}\n```" if rule.example else "")
    text = "\n\n".join(_plain(part) for part in parts) + (f"\n\nExample: {rule.example}" if rule.example else "")
    return RuleHelp(rule.code, rule.slug, rule.severity.value, _plain(summary), markdown, text)


@cache
def rule_helps() -> tuple[RuleHelp, ...]:
    """Every rule's help, in code order."""
    return tuple(_help(rule) for rule in sorted(RULES, key=lambda r: r.code))


def rule_help(code: str) -> RuleHelp:
    """A rule's help; a code the registry does not know gets its code as its words."""
    rule = rule_for(code)
    if rule is None:
        return RuleHelp(code, code, "warning", code, code, code)
    return _help(rule)
