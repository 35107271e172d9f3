"""The target query language: which platforms and minimum runtime versions a project promises.

Grammar (comma-separated clauses, applied left to right)::

    query   := clause ("," clause)*
    clause  := platform                      # the platform, no stated minimum
             | platform ">=" version          # with a minimum runtime version
             | "not" platform                # drop a platform named earlier or by default
             | "cover" number "%" "in" platform   # the minimum that reaches that share of users
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping

from checker.errors import InvalidVersion, Location
from checker.known_versions import KnownVersion, UnknownVersion, known_version
from checker.model import Catalogue, Platform, UsageShare
from checker.targets.model import Target, TargetQueryError
from checker.usage import minimum_for_share, share_at_or_above
from checker.versions import RuntimeVersion

__all__ = ["Target", "TargetQueryError", "parse_targets"]


_CLAUSE = re.compile(
    r"(?:(?P<not>not)\s+(?P<dropped>\S+)"
    r"|cover\s+(?P<percent>\d+(?:\.\d+)?)\s*%\s+in\s+(?P<covered>\S+)"
    r"|(?P<platform>[^\s<>=]+)(?:\s*(?P<op>>=|<=|>|<|=)\s*(?P<version>\S+))?)",
)


def parse_targets(
    query: str,
    *,
    platforms: Mapping[str, Platform],
    usage: Mapping[str, UsageShare],
    source: str,
    location: Location,
    start: tuple[Target, ...] = (),
    catalogues: Mapping[str, Catalogue] | None = None,
    warn: Callable[[str, KnownVersion], None] | None = None,
) -> tuple[Target, ...]:
    """Apply ``query`` to ``start`` (default targets that ``not`` may drop); raises :class:`TargetQueryError`.

    With ``catalogues``, a minimum must be a known release (else an error naming the nearest ones); one newer
    than the catalogue is passed to ``warn`` with its clause.
    """
    chosen: dict[str, Target] = {target.platform: target for target in start}
    clauses = [clause.strip() for clause in query.split(",")]
    if not query.strip():
        raise TargetQueryError("empty target query", location)
    for clause in clauses:
        match = _CLAUSE.fullmatch(clause)
        if not clause or match is None:
            raise TargetQueryError(f"cannot read target {clause!r} (e.g. 'weapp >= 2.10.4', 'h5', 'not rn', 'cover 99.5% in weapp')", location)
        if match["not"]:
            chosen.pop(_platform(match["dropped"], platforms, location), None)
        elif match["percent"]:
            platform = _platform(match["covered"], platforms, location)
            share = usage.get(platforms[platform].runtime or "")
            if share is None:
                raise TargetQueryError(f"no usage data for {platform}: give a minimum instead ({platform} >= X)", location)
            percent = float(match["percent"])
            if not 0 < percent <= 100:
                raise TargetQueryError(f"coverage {percent}% is not between 0 and 100", location)
            minimum, reached = minimum_for_share(share, percent)
            chosen[platform] = Target(platform, minimum.text, f"{source} (cover {match['percent']}%)", location, reached)
        else:
            platform = _platform(match["platform"], platforms, location)
            version = None
            if match["op"]:
                if match["op"] != ">=":
                    raise TargetQueryError(f"{clause!r}: a target states a minimum; write '{platform} >= {match['version']}'", location)
                if platforms[platform].runtime is None:
                    raise TargetQueryError(f"{clause!r}: {platform} has no runtime version to state a minimum for", location)
                try:
                    version = RuntimeVersion.parse(match["version"]).text
                except InvalidVersion as error:
                    raise TargetQueryError(f"{clause!r}: {error}", location) from None
                catalogue = (catalogues or {}).get(platforms[platform].runtime or "")
                if catalogue is not None:
                    try:
                        checked = known_version(version, catalogue)
                    except UnknownVersion as error:
                        raise TargetQueryError(f"{clause!r}: {error}", location) from None
                    if checked.warning and warn is not None:
                        warn(clause, checked)
            share = usage.get(platforms[platform].runtime or "")
            coverage = share_at_or_above(share, RuntimeVersion.parse(version)) if share and version else None
            chosen[platform] = Target(platform, version, source, location, coverage)
    return tuple(chosen[p] for p in sorted(chosen))


def _platform(word: str, platforms: Mapping[str, Platform], location: Location) -> str:
    if word in platforms:
        return word
    close = difflib.get_close_matches(word, list(platforms), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise TargetQueryError(f"unknown platform {word!r}{hint}", location)
