"""The targets stage on small platforms and usage data built here: which evidence selects a target."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from checker.errors import Location
from checker.model import Platform, Text, UsageShare
from checker.project.evidence import BuildCommand, PlatformFile
from checker.project.profile import ProjectProfile, TargetsDeclaration, TaroVersionInfo
from checker.rules._words import evidence_phrase
from checker.targets.evidence import is_placeholder_appid
from checker.targets.model import TargetQueryError
from checker.targets.resolve import resolve_targets
from checker.versions import RuntimeVersion


def platform(pid: str, *, runtime: str | None = None, files: tuple[str, ...] = (), prefix: str | None = None) -> Platform:
    return Platform(pid, Text(en=pid), pid, None, runtime, f"@tarojs/plugin-platform-{pid}", {}, project_files=files, app_id_prefix=prefix)


PLATFORMS = {p.id: p for p in (
    platform("wx", runtime="wx-lib", files=("project.config.json", "project.private.config.json"), prefix="wx"),
    platform("dy", files=("project.dy.json",), prefix="dy"),
    platform("bd", files=("project.bd.json",)),
    platform("web"),
    platform("app"),
    platform("q1"),
    platform("q2"),
    platform("q3"),
)}
USAGE = {"wx-lib": UsageShare("wx-usage", "wx-lib", date(2025, 1, 31), {}, (
    (RuntimeVersion.parse("3.0.0"), 90.0), (RuntimeVersion.parse("2.20.0"), 9.7), (RuntimeVersion.parse("2.10.0"), 0.3)))}
TARO = TaroVersionInfo("3.6.26", None, "3.6.26", "package.json")


def profile(**fields: object) -> ProjectProfile:
    return ProjectProfile(root=".", name="p", taro=TARO, **fields)  # type: ignore[arg-type]


def script(build_type: str, name: str, shape: str, *, template: bool = False, line: int = 3) -> BuildCommand:
    return BuildCommand(build_type, Location("package.json", line), "script", name, template, shape)


def template_scripts(*types: str) -> tuple[BuildCommand, ...]:
    return tuple(script(t, f"build:{t}", "taro build --type {}", template=True) for t in types)


def chosen(p: ProjectProfile) -> list[tuple[str, str | None, bool]]:
    return [(t.platform, t.min_version, t.guessed) for t in resolve_targets(p, PLATFORMS, USAGE).targets]


def codes(p: ProjectProfile) -> list[tuple[str, str]]:
    return [(n.code, n.severity) for n in resolve_targets(p, PLATFORMS, USAGE).notes]


@pytest.mark.parametrize(("appid", "placeholder"), [
    ("touristappid", True), ("testAppId", True), ("", True), ("wx0000000000000000", True), ("微信小程序appid", True),
    ("wx0123456789abcdef", False), ("2021005124687991", False), ("15168119", False),
])
def test_placeholder_app_ids(appid: str, placeholder: bool) -> None:
    assert is_placeholder_appid(appid) is placeholder


def test_template_scripts_alone_are_not_evidence() -> None:
    p = profile(builds=template_scripts("wx", "dy", "bd", "web", "app", "q1"))
    assert chosen(p) == [("wx", "2.20.0", True)]  # the usage data's platform, its minimum from the default coverage
    assert codes(p) == [("TC007", "warning"), ("TC006", "info")]


def test_a_real_app_id_selects_its_platform_and_a_placeholder_does_not() -> None:
    files = (PlatformFile("project.bd.json", "project.bd.json", appid="15168119"),
             PlatformFile("project.config.json", "project.config.json", appid="touristappid"))
    assert chosen(profile(project_files=files)) == [("bd", None, True)]


def test_without_strong_evidence_only_the_usage_platforms_template_file_counts() -> None:
    files = (PlatformFile("project.config.json", "project.config.json", appid="touristappid"),
             PlatformFile("project.dy.json", "project.dy.json", appid="testAppId"))
    p = profile(project_files=files)
    assert chosen(p) == [("wx", "2.20.0", True)]
    assert codes(p) == [("TC007", "info"), ("TC006", "info")]


def test_a_file_the_devtools_opened_counts_even_with_a_placeholder() -> None:
    files = (PlatformFile("project.config.json", "project.config.json", appid="touristappid", devtools_keys=("condition",)),
             PlatformFile("project.bd.json", "project.bd.json", appid="15168119"))
    assert chosen(profile(project_files=files)) == [("bd", None, True), ("wx", "2.20.0", True)]


def test_an_app_id_copied_from_another_platform_is_not_evidence() -> None:
    files = (PlatformFile("project.config.json", "project.config.json", appid="wx0123456789abcdef"),
             PlatformFile("project.dy.json", "project.dy.json", appid="wx0123456789abcdef", devtools_keys=("condition",)))
    assert chosen(profile(project_files=files)) == [("wx", "2.20.0", True)]


def test_pruned_template_scripts_are_a_choice() -> None:
    assert chosen(profile(builds=template_scripts("web", "app"))) == [("app", None, True), ("web", None, True)]


def test_a_script_edited_for_one_platform_stands_out_of_the_boilerplate() -> None:
    builds = template_scripts("wx", "dy", "bd", "q1", "q2") + (script("web", "build:web", "cross-env X={} taro build --type {}"),)
    assert chosen(profile(builds=builds)) == [("web", None, True)]


def test_ci_builds_config_plugins_and_output_root_are_evidence() -> None:
    ci = BuildCommand("app", Location(".github/workflows/ci.yml", 12), "ci", "yarn build:app", False)
    p = profile(builds=(ci,), plugins=("@tarojs/plugin-platform-dy",), output_root="dist/q1", config_file="config/index.ts",
                config_lines=(("outputRoot", 5), ("plugins", 9)))
    resolved = resolve_targets(p, PLATFORMS, USAGE)
    assert [(t.platform, [(e.kind.value, str(e.location)) for e in t.evidence]) for t in resolved.targets] == [
        ("app", [("ci_build", ".github/workflows/ci.yml:12")]),
        ("dy", [("config_plugin", "config/index.ts:9")]),
        ("q1", [("output_root", "config/index.ts:5")]),
    ]


def test_a_computed_output_root_is_no_evidence() -> None:
    assert chosen(profile(output_root_computed=True)) == [("wx", "2.20.0", True)]


def test_declared_targets_win_over_evidence() -> None:
    files = (PlatformFile("project.bd.json", "project.bd.json", appid="15168119"),)
    p = profile(project_files=files, declared_targets=TargetsDeclaration("web, wx >= 2.10.0", "package.json#taroCompat", Location("package.json", 20)))
    assert chosen(p) == [("web", None, False), ("wx", "2.10.0", False)]
    assert codes(p) == []


def test_build_types_the_matrix_lacks_are_noted_only_when_chosen() -> None:
    quick = script("quickapp", "build:quickapp", "taro build --type {}", template=True, line=7)
    assert ("TC008", "info") not in codes(profile(builds=template_scripts("wx", "dy", "bd", "q1", "q2") + (quick,)))
    assert ("TC008", "info") in codes(profile(builds=(replace(quick, shape="taro build --type {} --env prod", template=False),)))


def test_a_declared_minimum_is_checked_against_the_catalogue() -> None:
    from checker.model import Catalogue
    from checker.versions import Scheme

    versions = tuple(RuntimeVersion.parse(v) for v in ("2.10.0", "2.20.0", "3.0.0"))
    catalogues = {"wx-lib": Catalogue("wx-lib", Text(en="Wx lib"), Scheme.DOTTED, True, versions, {}, {}, None, frozenset(versions))}
    where = Location("taro-compat.yaml", 1, 10)
    newer = profile(declared_targets=TargetsDeclaration("wx >= 9.0.0", "taro-compat.yaml", where))
    notes = resolve_targets(newer, PLATFORMS, USAGE, catalogues).notes
    assert [(n.code, n.severity, str(n.location)) for n in notes] == [("TC014", "warning", "taro-compat.yaml:1:10")]
    made_up = profile(declared_targets=TargetsDeclaration("wx >= 2.15.0", "taro-compat.yaml", where))
    with pytest.raises(TargetQueryError) as caught:
        resolve_targets(made_up, PLATFORMS, USAGE, catalogues)
    assert str(caught.value) == "taro-compat.yaml:1:10: 'wx >= 2.15.0': Wx lib 2.15.0 is not a known release (nearest known: 2.10.0, 2.20.0, 3.0.0)"


def test_config_comparisons_and_computed_output_roots_are_evidence() -> None:
    p = profile(config_env_comparisons=(("config/prod.js", "app", 7),), output_root_strings=("dist/q1", "build"), output_root_computed=True)
    resolved = resolve_targets(p, PLATFORMS, USAGE)
    assert [(t.platform, [(e.kind.value, str(e.location), evidence_phrase("en", e.detail)) for e in t.evidence]) for t in resolved.targets] == [
        ("app", [("config_env", "config/prod.js:7", "config/prod.js sets something apart for TARO_ENV 'app'")]),
        ("q1", [("output_root", "config/index.js", "outputRoot 'dist/q1'")]),
    ]
