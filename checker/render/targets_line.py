"""The words every format starts a project with: its targets, where each came from, and whether guessed."""

from __future__ import annotations

from collections.abc import Sequence

from checker.targets.model import Target
from checker.targets.resolve import INIT_COMMAND

__all__ = ["describe_targets", "target_names", "targets_origin"]


def target_names(targets: Sequence[Target]) -> str:
    """``h5, weapp >= 2.27.3``"""
    return ", ".join(t.platform + (f" >= {t.min_version}" if t.min_version else "") for t in targets) or "none"


def describe_targets(targets: Sequence[Target]) -> str:
    """``weapp >= 2.27.3 (guessed: weapp from project.config.json appid wx...; ...; declare them with `taro-compat init`)``"""
    names = target_names(targets)
    return f"{names} ({targets_origin(targets)})" if targets else names


def targets_origin(targets: Sequence[Target]) -> str:
    """Where the targets came from: their declaration, or "guessed" with the evidence and the command that declares them."""
    if any(t.guessed for t in targets):
        reasons = [f"{t.platform} from {t.evidence[0].detail}" if t.evidence else f"{t.platform} by default (no evidence)"
                   for t in targets if t.guessed]
        minimums = [f"{t.platform} minimum keeps {t.coverage}% of users" for t in targets if t.minimum_source and t.coverage is not None]
        return f"guessed: {'; '.join(reasons + minimums)}; declare them with `{INIT_COMMAND}`"
    return f"from {', '.join(dict.fromkeys(t.source for t in targets))}"
