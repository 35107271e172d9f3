"""The rule registry: one module per finding code (after Android Lint's ``Issue`` and ruff's rule table).

Each module holds its rule's code, slug, default severity, documentation and message templates,
and, for the rules over call sites, its check. docs/findings.md, SARIF's rules and
``taro-compat rules`` are generated from ``RULES``.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.rules import (
    tc001_libversion_is_a_hint,
    tc002_taro_version_unknown,
    tc003_lenient_json,
    tc004_taro_packages_disagree,
    tc005_lockfiles_disagree,
    tc006_default_minimum_assumed,
    tc007_no_targets_declared,
    tc008_build_type_unknown,
    tc009_settings_in_two_places,
    tc010_file_not_scanned,
    tc011_libversion_below_requirement,
    tc012_plugin_version_differs,
    tc013_vendored_not_scanned,
    tc014_version_newer_than_catalogue,
    tc101_unsupported,
    tc102_needs_newer_runtime,
    tc103_needs_newer_taro,
    tc104_stub,
    tc105_minimum_crosses_gap,
    tc106_behaviour_change,
    tc107_deprecated,
    tc108_no_data,
    tc109_partial,
    tc110_no_promise,
    tc111_global_missing,
    tc120_guarded,
    tc121_guard_cannot_protect,
    tc122_guard_obsolete,
    tc123_suppressed,
    tc130_option_missing,
    tc131_option_too_long,
    tc132_option_invalid,
    tc133_option_not_on_platform,
)
from checker.rules.rule import Rule

__all__ = ["RULES", "matches", "rule_for", "unknown_patterns"]

RULES: tuple[Rule, ...] = tuple(
    module.RULE
    for module in (
        tc001_libversion_is_a_hint, tc002_taro_version_unknown, tc003_lenient_json, tc004_taro_packages_disagree,
        tc005_lockfiles_disagree, tc006_default_minimum_assumed, tc007_no_targets_declared, tc008_build_type_unknown,
        tc009_settings_in_two_places, tc010_file_not_scanned, tc011_libversion_below_requirement, tc012_plugin_version_differs,
        tc013_vendored_not_scanned, tc014_version_newer_than_catalogue, tc101_unsupported, tc102_needs_newer_runtime,
        tc103_needs_newer_taro, tc104_stub,
        tc105_minimum_crosses_gap, tc106_behaviour_change, tc107_deprecated, tc108_no_data, tc109_partial, tc110_no_promise,
        tc111_global_missing, tc120_guarded, tc121_guard_cannot_protect, tc122_guard_obsolete, tc123_suppressed,
        tc130_option_missing, tc131_option_too_long, tc132_option_invalid, tc133_option_not_on_platform,
    )
)
_BY_CODE = {rule.code: rule for rule in RULES}


def rule_for(code: str) -> Rule | None:
    return _BY_CODE.get(code)


def matches(code: str, patterns: Iterable[str]) -> bool:
    """Whether ``code`` is named by a code or a prefix (``TC1``, ``TC10``), or by its slug, as linters select rules."""
    rule = _BY_CODE.get(code)
    for pattern in patterns:
        wanted = pattern.strip()
        if wanted.upper() == "ALL" or code.startswith(wanted.upper()) or (rule is not None and rule.slug == wanted):
            return True
    return False


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    """The patterns that name no rule (a typo in --select would silently select nothing)."""
    return [p for p in patterns if p.strip() and not any(matches(rule.code, [p]) for rule in RULES)]
