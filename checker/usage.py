"""Usage-share arithmetic over the published runtime distribution (pure).

WeChat publishes one row per minor line (its newest patch) and leaves out
versions under 0.01%, so "users at or above 2.27.1" counts the 2.27.3 row.
"""

from __future__ import annotations

from checker.model import UsageShare
from checker.versions import RuntimeVersion

__all__ = ["minimum_for_share", "share_at_or_above"]


def _rows(usage: UsageShare, client: str) -> tuple[tuple[RuntimeVersion, float], ...]:
    rows = {"total": usage.total, "ios": usage.ios, "android": usage.android}[client]
    return tuple(sorted(rows, reverse=True))


def share_at_or_above(usage: UsageShare, minimum: RuntimeVersion, client: str = "total") -> float:
    """Percent of users whose runtime is ``minimum`` or newer (they can open an app with that minimum)."""
    return round(sum(share for version, share in _rows(usage, client) if version >= minimum), 4)


def minimum_for_share(usage: UsageShare, percent: float, client: str = "total") -> tuple[RuntimeVersion, float]:
    """The highest minimum version that still reaches ``percent`` of users, and the share it reaches.

    When no row reaches it (the list sums to a little under 100), the oldest listed version.
    """
    reached = 0.0
    rows = _rows(usage, client)
    for version, share in rows:
        reached += share
        if reached + 1e-9 >= percent:
            return version, round(reached, 4)
    return rows[-1][0], round(reached, 4)
