"""The one place a renderer gets words from: a finding's message, its platforms, a rule's documentation.

Every format asks here, so that the wording (and its language) is decided in one module. Until
the rule registry lands, messages are the English text a finding carries and rule documentation
is read from docs/findings.md, the page the registry will generate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.findings import CODES, Finding
from checker.resources import docs_root

__all__ = ["RuleDoc", "message", "platforms_of", "rule_doc", "rule_docs"]


def message(finding: Finding, lang: str = "en") -> str:
    """The finding's words in ``lang`` (English only, until findings carry structured arguments)."""
    del lang
    return finding.message


def platforms_of(finding: Finding) -> tuple[str, ...]:
    """The target platforms a finding concerns; () for a project-wide finding."""
    return (finding.platform,) if finding.platform else ()


@dataclass(frozen=True, slots=True)
class RuleDoc:
    code: str
    slug: str
    severity: str  # the rule's default severity
    summary: str  # one sentence, plain text
    explanation: str  # Markdown, the whole section of docs/findings.md

    @property
    def explanation_text(self) -> str:
        """The explanation without Markdown markup, for places that show plain text."""
        text = re.sub(r"\*\*([^*]+)\*\*", r"\1", self.explanation)
        text = re.sub(r"`([^`]+)`", r"\1", text)
        return re.sub(r"\*([^*]+)\*", r"\1", text)


_SECTION = re.compile(r"^## (TC\d{3}) ([a-z0-9-]+)\n(.*?)(?=^## |\Z)", re.M | re.S)
_SEVERITY = re.compile(r"^Severity: (error|warning|info)\.\s*")


@cache
def rule_docs() -> dict[str, RuleDoc]:
    """Every rule's documentation, by code, in code order."""
    text = (docs_root() / "findings.md").read_text(encoding="utf-8")
    found: dict[str, RuleDoc] = {}
    for code, slug, body in _SECTION.findall(text):
        body = " ".join(body.split())
        severity = _SEVERITY.match(body)
        explanation = body[severity.end():] if severity else body
        first = re.split(r"(?<=[.!?])\s", explanation, maxsplit=1)[0]
        summary = re.sub(r"[`*]", "", first)
        found[code] = RuleDoc(code, slug, severity.group(1) if severity else "warning", summary, explanation)
    for code, slug in CODES.items():  # a code the page does not document yet still gets a rule
        found.setdefault(code, RuleDoc(code, slug, "warning", slug.replace("-", " ").capitalize() + ".", slug.replace("-", " ").capitalize() + "."))
    return dict(sorted(found.items()))


def rule_doc(code: str) -> RuleDoc:
    return rule_docs()[code]
