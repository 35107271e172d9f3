"""TC011 libversion-below-requirement: the devtools debug with an older library than the code needs."""

from __future__ import annotations

from checker.errors import InvalidVersion
from checker.findings import Args, Axis, Finding, PlatformDetail, Requirement, Severity
from checker.rules.rule import Rule, Template
from checker.targets.resolve import LibVersionHint
from checker.versions import RuntimeVersion, Version

RULE = Rule(
    code="TC011",
    slug="libversion-below-requirement",
    severity=Severity.WARNING,
    summary={"en": "libVersion is older than the unguarded calls need", "zh": "libVersion 低于未加保护的调用所需版本"},
    explanation=("`libVersion` is older than the base library the unguarded calls need, so the devtools debug a "
                 "library the code cannot run on."),
    fix="Raise `libVersion` to the requirement.",
    messages={
        "en": {"default": Template("libVersion {lib_version} is below {needed}, which the unguarded calls need on {platforms}:"
                                   " the devtools debug with a library this code cannot run on")},
        "zh": {"default": Template("libVersion {lib_version} 低于 {platforms} 上未加保护的调用所需的 {needed}："
                                   "开发者工具调试所用的基础库无法运行这些代码")},
    },
)


def check(hint: LibVersionHint, needed: Version | None, has_catalogue: bool) -> list[Finding]:
    """``needed``: the lowest runtime version under which every unguarded call works on the libVersion platform."""
    platform = hint.platform
    if not isinstance(needed, RuntimeVersion) or not has_catalogue:
        return []
    try:
        if RuntimeVersion.parse(hint.version) >= needed:
            return []
    except InvalidVersion:
        return []  # "latest" and the like: nothing to compare
    where = hint.location
    requirement = Requirement(Axis.RUNTIME, f">={needed}")
    return [Finding(RULE.code, RULE.severity, where.path if where else None, where.line if where else 0, 0, None,
                    Args.of(lib_version=hint.version, needed=str(needed)), (PlatformDetail(platform, Args(), requirement),))]
