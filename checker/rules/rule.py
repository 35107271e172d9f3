"""What a rule is: its code, slug, default severity, documentation and message templates.

Templates are worded by ``checker.render.words``; their small syntax:

- ``{name}``: the argument (a list is joined with ", "); ``{platforms}``: the finding's platform
  parts, each worded with ``each`` and joined with ``sep``;
- ``{name?text}`` / ``{name?text|other}``: ``text`` when the argument is set (non-empty), else ``other``;
- a ``vocabulary`` entry words an argument's value (e.g. a guard kind) in each language;
- ``phrases``: values worded from the arguments in code, per language, where a template cannot
  (a list of structured items: each stale lock file with what it records).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from checker.findings import Arg, Severity

__all__ = ["DEFAULT_VARIANT", "LANGUAGES", "Phrases", "Rule", "Template"]

LANGUAGES = ("en", "zh")
DEFAULT_VARIANT = "default"

# (lang, the finding's values) -> more values for its template
Phrases = Callable[[str, Mapping[str, Arg]], Mapping[str, Arg]]


@dataclass(frozen=True, slots=True)
class Template:
    text: str  # the whole message; {platforms} is where the platform parts go
    each: str = "{platform}"  # one platform's part
    sep: str = ", "


@dataclass(frozen=True, slots=True)
class Rule:
    code: str  # stable: TC102
    slug: str  # stable: needs-newer-runtime
    severity: Severity  # the default; a rule may raise or lower it for one finding
    summary: Mapping[str, str]  # lang -> one line
    explanation: str  # Markdown: why it matters and what happens at run time
    messages: Mapping[str, Mapping[str, Template]]  # lang -> variant -> template
    fix: str | None = None  # Markdown
    example: str | None = None  # a short code example that triggers it
    vocabulary: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)  # lang -> arg -> value -> words
    # a fact about the API, not a defect of the call: one finding per API and problem, at its first
    # call site, counting the others (a deprecation said once, not at each of 40 sites)
    gathered: bool = False
    phrases: Phrases | None = None

    def template(self, lang: str, variant: str = DEFAULT_VARIANT) -> Template:
        by_variant = self.messages.get(lang) or self.messages["en"]
        return by_variant.get(variant) or self.messages["en"][variant]
