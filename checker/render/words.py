"""The one place a finding becomes a sentence: its rule's template, in the language asked for."""

from __future__ import annotations

import re
from collections.abc import Mapping

from checker.findings import Arg, Finding, PlatformDetail, arg_text
from checker.rules import rule_for
from checker.rules.rule import DEFAULT_VARIANT, Rule

__all__ = ["fill", "slug", "word", "word_platform"]

# how a call is reached when not directly (any rule): a wrapper library's export, a project function's caller
_HOW = {
    "en": "{through? (through {through})}{caller? (in {within}, called from {caller})}",
    "zh": "{through?（经由 {through}）}{caller?（在 {within} 中，由 {caller} 调用）}",
}
_OPTIONAL = re.compile(r"\{(\w+)\?((?:[^{}|]|\{\w+\})*)(?:\|((?:[^{}|]|\{\w+\})*))?\}")
_NAME = re.compile(r"\{(\w+)\}")


def slug(code: str) -> str:
    """The rule's name in reports (the verdict of JSON format 1)."""
    found = rule_for(code)
    return found.slug if found is not None else code



def fill(template: str, values: Mapping[str, Arg], words: Mapping[str, Mapping[str, str]] | None = None, lang: str = "en") -> str:
    """``template`` with its ``{name}`` and ``{name?text|other}`` parts filled from ``values``."""
    words = words or {}

    def value(name: str) -> str:
        localised = values.get(f"{name}_{lang}")
        raw = localised if localised not in (None, "") else values.get(name)
        vocabulary = words.get(name, {})
        if isinstance(raw, tuple) and vocabulary:  # each item worded: ("TC105",) -> "a gap above the minimum"
            return ", ".join(vocabulary.get(item, item) for item in raw)
        text = arg_text(raw)
        wording = vocabulary.get(text)
        return fill(wording, values, {k: v for k, v in words.items() if k != name}, lang) if wording is not None else text

    def optional(match: re.Match[str]) -> str:
        chosen = match.group(2) if value(match.group(1)) else (match.group(3) or "")
        return _NAME.sub(lambda m: value(m.group(1)), chosen)

    return _NAME.sub(lambda m: value(m.group(1)), _OPTIONAL.sub(optional, template))


def _values(finding: Finding, detail: PlatformDetail | None) -> dict[str, Arg]:
    values: dict[str, Arg] = {"api": finding.api, "code": finding.code, **finding.args.as_dict()}
    if detail is not None:
        values |= {"platform": detail.platform, "required": str(detail.required) if detail.required else None, **detail.args.as_dict()}
    return values


_GATHERED = {  # said after the message of a finding that stands for several call sites
    "en": " ({gathered} call sites; also at {elsewhere}{more_sites? and {more_sites} more})",
    "zh": "（共 {gathered} 处调用；另见 {elsewhere}{more_sites? 等另外 {more_sites} 处}）",
}


def _word(rule: Rule, finding: Finding, details: tuple[PlatformDetail, ...], lang: str) -> str:
    variant = str(finding.args.get("variant") or DEFAULT_VARIANT)
    template = rule.template(lang, variant)
    words = rule.vocabulary.get(lang) or rule.vocabulary.get("en") or {}
    parts = template.sep.join(fill(template.each, _values(finding, d), words, lang) for d in details)
    values = _values(finding, details[0] if len(details) == 1 else None) | {"platforms": parts}
    if rule.phrases is not None:
        values |= rule.phrases(lang, values)
    text = fill(template.text, values, words, lang) + fill(_HOW.get(lang, _HOW["en"]), values, {}, lang)
    if finding.args.get("gathered"):
        text += fill(_GATHERED.get(lang, _GATHERED["en"]), values, None, lang)
    return text


def word(finding: Finding, lang: str = "en") -> str:
    """The finding's message in ``lang`` (en or zh; English where a template has no translation)."""
    rule = rule_for(finding.code)
    if rule is None:
        return arg_text(finding.args.get("text")) or finding.code
    return _word(rule, finding, finding.platforms, lang)


def word_platform(finding: Finding, detail: PlatformDetail, lang: str = "en") -> str:
    """The message as if the finding concerned ``detail``'s platform only."""
    rule = rule_for(finding.code)
    if rule is None:
        return word(finding, lang)
    return _word(rule, finding, (detail,), lang)
