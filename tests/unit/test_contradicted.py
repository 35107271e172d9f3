"""A guessed target the app's entry contradicts (another platform's global called unguarded at launch) is dropped, with one warning."""

from __future__ import annotations

import dataclasses

from checker.contradicted import drop_contradicted, is_entry
from checker.errors import Location
from checker.evaluate import note_finding
from checker.findings import Args, Severity
from checker.model import Platform, Text
from checker.project.profile import Note
from checker.render.words import word
from checker.scan.sites import CallSite, FileScan, Guard, GuardKind
from checker.targets.model import Detail, Evidence, EvidenceKind, Said, Target, detail_args
from checker.targets.resolve import ResolvedTargets


def _platform(pid: str, glob: str) -> Platform:
    return Platform(id=pid, name=Text(), taro_env=pid, native_global=glob, runtime=None, plugin=None, sources={})


PLATFORMS = {"pa": _platform("pa", "ga"), "pb": _platform("pb", "gb")}


def _site(file: str, via: str = "gb", guards: tuple[Guard, ...] = ()) -> CallSite:
    return CallSite(api="hideMenu", file=file, line=55, column=5, callee=f"{via}.hideMenu", via=via, called=True, promise_style=False,
                    guards=guards)


def _targets(guessed: bool = True) -> ResolvedTargets:
    return ResolvedTargets((Target("pa", None, "evidence", guessed=guessed), Target("pb", None, "evidence", guessed=guessed)))


def test_the_entry_is_src_app_with_a_script_extension() -> None:
    assert [is_entry(p) for p in ("src/app.ts", "src/app.vue", "src/app.config.ts", "src/pages/app.ts", "src/app.less")] == [
        True, True, False, False, False]


def test_an_unguarded_call_in_the_entry_drops_the_guess_it_contradicts() -> None:
    result = drop_contradicted(_targets(), (FileScan("src/app.ts", call_sites=(_site("src/app.ts"),)),), PLATFORMS)
    assert [t.platform for t in result.targets] == ["pb"]
    assert result.notes == (Note("TC007", Severity.WARNING, Location("src/app.ts", 55, 5), "contradicted",
                                 Args.of(platform="pa", callee="gb.hideMenu", site_file="src/app.ts", site_line=55)),)
    (note,) = result.notes
    assert word(note_finding(note)) == (
        "pa was guessed as a target, but the app's entry calls gb.hideMenu() unguarded at src/app.ts:55, which that"
        " build could not run: pa left out of the guessed targets; declare the targets (taro-compat init --targets"
        " ...) if it is one")
    assert word(note_finding(note), "zh") == (
        "pa 是推断出的目标平台，但应用入口在 src/app.ts:55 未加保护地调用了 gb.hideMenu()，该平台的构建无法运行："
        "已将 pa 移出推断的目标平台；如果确实要支持它，请声明目标平台（taro-compat init --targets ...）")


def test_declared_targets_guarded_calls_and_other_files_change_nothing() -> None:
    entry = (FileScan("src/app.ts", call_sites=(_site("src/app.ts"),)),)
    assert drop_contradicted(_targets(guessed=False), entry, PLATFORMS) == _targets(guessed=False)
    guarded = (FileScan("src/app.ts", call_sites=(_site("src/app.ts", guards=(Guard(GuardKind.TARO_ENV, 50, envs=("pb",)),)),)),)
    assert drop_contradicted(_targets(), guarded, PLATFORMS) == _targets()
    elsewhere = (FileScan("src/pages/a.ts", call_sites=(_site("src/pages/a.ts"),)),)
    assert drop_contradicted(_targets(), elsewhere, PLATFORMS) == _targets()


def test_no_target_is_dropped_when_none_would_be_left() -> None:
    both = (FileScan("src/app.ts", call_sites=(_site("src/app.ts"), _site("src/app.ts", via="ga"))),)
    assert drop_contradicted(_targets(), both, PLATFORMS) == _targets()


WRITTEN = Detail(Said.SCRIPT_WRITTEN, Args.of(script="build-dev:pa"))
PB_FILE = Detail(Said.NO_APPID, Args.of(file="pb.json"))


def _scripted(kind: EvidenceKind = EvidenceKind.BUILD_SCRIPT, strong: bool = True) -> ResolvedTargets:
    said = Evidence(kind, "pa", Location("package.json", 7), WRITTEN, strong)
    return ResolvedTargets((Target("pa", None, "evidence", guessed=True, evidence=(said,)), Target("pb", None, "evidence", guessed=True)))


def test_a_guess_from_scripts_alone_loses_to_source_written_for_another_platform() -> None:
    files = tuple(FileScan(f"src/pages/p{i}.ts", call_sites=(_site(f"src/pages/p{i}.ts"), _site(f"src/pages/p{i}.ts"))) for i in (3, 1, 2))
    result = drop_contradicted(_scripted(), files, PLATFORMS)
    assert [t.platform for t in result.targets] == ["pb"]
    assert result.notes == (Note("TC007", Severity.WARNING, Location("src/pages/p1.ts", 55, 5), "sourced",
                                 Args.of(platform="pa", count=3, via="gb", callee="gb.hideMenu", site_file="src/pages/p1.ts",
                                         site_line=55, own=("ga",))),)
    (note,) = result.notes
    assert word(note_finding(note)) == (
        "pa was guessed from build scripts or a template's project file only, but 3 files call gb.* unguarded (first gb.hideMenu() at"
        " src/pages/p1.ts:55) and none calls ga: the source is written for another platform; pa left out of the"
        " guessed targets; declare the targets (taro-compat init --targets ...) if it is one")
    assert word(note_finding(note), "zh") == (
        "pa 仅凭构建脚本或模板生成的项目文件推断为目标平台，但有 3 个文件未加保护地调用了 gb.*（第一处是 src/pages/p1.ts:55 的 gb.hideMenu()），"
        "且没有文件调用 ga：源码是为其他平台写的；已将 pa 移出推断的目标平台；如果确实要支持它，请声明目标平台（taro-compat init --targets ...）")
    # two files are not enough; a project file is more than scripts; one call of pa's own global, guarded or not, keeps it
    assert drop_contradicted(_scripted(), files[:2], PLATFORMS) == _scripted()
    assert drop_contradicted(_scripted(EvidenceKind.PROJECT_FILE), files, PLATFORMS) == _scripted(EvidenceKind.PROJECT_FILE)
    # ... but not the template's project file (touristappid), which alone is no evidence
    assert [t.platform for t in drop_contradicted(_scripted(EvidenceKind.PROJECT_FILE, strong=False), files, PLATFORMS).targets] == ["pb"]
    own = FileScan("src/pa.ts", call_sites=(_site("src/pa.ts", via="ga", guards=(Guard(GuardKind.TARO_ENV, 50, envs=("pa",)),)),))
    assert drop_contradicted(_scripted(), (*files, own), PLATFORMS) == _scripted()


def test_the_guessed_note_and_the_assumed_minimum_forget_a_dropped_target() -> None:
    guessed = Note("TC007", Severity.INFO, Location("package.json"), "guessed",
                   Args.of(detail_args([WRITTEN, PB_FILE]), chosen=("pa", "pb"), command="taro-compat init"))
    minimum = Note("TC006", Severity.INFO, Location("package.json"), args=Args.of(platform="pa", minimum="2.27.3", coverage=99.78, date="2026-01-01"))
    files = tuple(FileScan(f"src/pages/p{i}.ts", call_sites=(_site(f"src/pages/p{i}.ts"),)) for i in (1, 2, 3))
    result = drop_contradicted(dataclasses.replace(_scripted(), notes=(guessed, minimum)), files, PLATFORMS)
    assert [t.platform for t in result.targets] == ["pb"]
    assert [(n.code, n.variant, n.args.as_dict().get("chosen"), n.args.as_dict().get("evidence")) for n in result.notes] == [
        ("TC007", "guessed", ("pb",), ("no_appid",)), ("TC007", "sourced", None, None)]
    assert result.notes[0].args == Args.of(chosen=("pb",), evidence=("no_appid",), evidence_file=("pb.json",), command="taro-compat init")
    assert word(note_finding(result.notes[0])) == (
        "no targets declared: guessed pb from the evidence (pb: pb.json without an appid); declare them with `taro-compat init`")


def test_when_no_guess_would_be_left_the_platform_the_source_is_written_for_takes_its_place() -> None:
    said = Evidence(EvidenceKind.PROJECT_FILE, "pa", Location("project.pa.json"),
                    Detail(Said.PLACEHOLDER_APPID, Args.of(file="project.pa.json", appid="touristappid")), False)
    only = ResolvedTargets((Target("pa", None, "evidence", guessed=True, evidence=(said,)),))
    files = tuple(FileScan(f"src/pages/p{i}.ts", call_sites=(_site(f"src/pages/p{i}.ts"),)) for i in (1, 2, 3))

    def settle(target: Target) -> tuple[Target, Note | None]:
        return dataclasses.replace(target, min_version="1.0.0"), Note("TC006", Severity.INFO, Location("package.json"), args=Args.of(platform="pb"))

    result = drop_contradicted(only, files, PLATFORMS, settle)
    (target,) = result.targets
    assert (target.platform, target.min_version, target.guessed, target.location) == ("pb", "1.0.0", True, Location("src/pages/p1.ts", 55, 5))
    assert [(e.kind, e.detail, e.strong) for e in target.evidence] == [
        (EvidenceKind.SOURCE_CALLS, Detail(Said.SOURCE_CALLS, Args.of(count=3, via="gb")), True)]
    assert [(n.code, n.variant) for n in result.notes] == [("TC006", "default"), ("TC007", "sourced")]
    # two globals, or a global no platform owns alone: nothing to put in its place, the guess stays
    assert drop_contradicted(only, files[:2], PLATFORMS, settle) == only
