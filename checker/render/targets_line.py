"""The words every format starts a project with: its targets, where each came from, and whether guessed (en/zh)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.rules._words import evidence_phrase
from checker.targets.model import Target
from checker.targets.resolve import INIT_COMMAND

__all__ = ["describe_targets", "target_names", "targets_origin"]

_WORDS = {
    "en": {"none": "none", "described": "{names} ({origin})", "from_evidence": "{platform} from {detail}",
           "by_default": "{platform} by default (no evidence)", "minimum": "{platform} minimum keeps {coverage}% of users",
           "guessed": "guessed: {reasons}; declare them with `{command}`", "sep": "; ", "declared": "from {sources}"},
    "zh": {"none": "无", "described": "{names}（{origin}）", "from_evidence": "{platform}：{detail}",
           "by_default": "{platform}：默认（没有证据）", "minimum": "{platform} 的最低版本覆盖 {coverage}% 的用户",
           "guessed": "推断得出，{reasons}；请用 `{command}` 声明", "sep": "；", "declared": "来自 {sources}"},
}


def target_names(targets: Sequence[Target], lang: str = "en") -> str:
    """``h5, weapp >= 2.27.3``"""
    names = ", ".join(t.platform + (f" >= {t.min_version}" if t.min_version else "") for t in targets)
    return names or _WORDS.get(lang, _WORDS["en"])["none"]


def describe_targets(targets: Sequence[Target], lang: str = "en") -> str:
    """``weapp >= 2.27.3 (guessed: weapp from project.config.json appid wx...; ...; declare them with `taro-compat init`)``"""
    names = target_names(targets, lang)
    words = _WORDS.get(lang, _WORDS["en"])
    return words["described"].format(names=names, origin=targets_origin(targets, lang)) if targets else names


def targets_origin(targets: Sequence[Target], lang: str = "en") -> str:
    """Where the targets came from: their declaration, or "guessed" with the evidence and the command that declares them."""
    words = _WORDS.get(lang, _WORDS["en"])
    if any(t.guessed for t in targets):
        reasons = [words["from_evidence"].format(platform=t.platform, detail=evidence_phrase(lang, t.evidence[0].detail)) if t.evidence
                   else words["by_default"].format(platform=t.platform) for t in targets if t.guessed]
        minimums = [words["minimum"].format(platform=t.platform, coverage=t.coverage)
                    for t in targets if t.minimum_source and t.coverage is not None]
        return words["guessed"].format(reasons=words["sep"].join(reasons + minimums), command=INIT_COMMAND)
    return words["declared"].format(sources=", ".join(dict.fromkeys(t.source for t in targets)))
