"""Each rule on a small matrix built here (not the bundled one): a data edit cannot break these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from checker.evaluate import Selection, evaluate
from checker.findings import Finding, Severity
from checker.kb import load_matrix
from checker.model import Matrix
from checker.project.profile import ProjectProfile, TaroVersionInfo
from checker.targets.model import Target
from checker.targets.resolve import ResolvedTargets
from checker.render.words import word
from checker.rules import RULES, matches, rule_for, unknown_patterns
from checker.scan.sites import CallSite, FileScan, Guard, GuardKind

SOURCES = """\
sources:
  doc:
    url: "https://example.com/doc"
  pkg:
    package: "@tarojs/taro@3.6.26"
    file: "types/index.d.ts"
"""

# works on weapp from base library 2.20.0; a rejecting stub on h5; no data for rn
ALPHA = """\
id: alpha
kind: api
category: base
summary: Alpha, for tests.
support:
  weapp:
    taro:
      - versions: ">=3.0.0"
        status: supported
        confidence: verified
        sources: [pkg]
    runtime:
      - versions: "<2.20.0"
        status: unsupported
        confidence: official
        sources: [doc]
      - versions: ">=2.20.0"
        status: supported
        confidence: official
        sources: [doc]
  h5:
    taro:
      - versions: ">=3.0.0"
        status: stub
        stub: {development: rejects, production: rejects}
        confidence: verified
        sources: [pkg]
        note: "A stub."
""" + SOURCES

# works everywhere it has data: weapp from 2.10.0, h5 by Taro
BETA = """\
id: beta
kind: api
category: base
summary: Beta, for tests.
support:
  weapp:
    taro:
      - versions: ">=3.0.0"
        status: supported
        confidence: verified
        sources: [pkg]
    runtime:
      - versions: ">=2.10.0"
        status: supported
        confidence: official
        sources: [doc]
  h5:
    taro:
      - versions: ">=3.0.0"
        status: unsupported
        confidence: verified
        sources: [pkg]
        note: "Not in the H5 build."
""" + SOURCES


@pytest.fixture
def matrix(make_matrix: Callable[..., Path]) -> Matrix:
    return load_matrix(make_matrix({"alpha": ALPHA, "beta": BETA}), use_cache=False)


def profile() -> ProjectProfile:
    taro = TaroVersionInfo(declared="3.6.26", declared_at=None, resolved="3.6.26", source="test")
    return ProjectProfile(root=".", name="t", taro=taro)


def resolved(*targets: Target) -> ResolvedTargets:
    return ResolvedTargets(targets or (Target("h5", None, "test"), Target("rn", None, "test"), Target("weapp", "2.10.4", "test")))


def call(api: str, line: int = 1, *, via: str = "taro", guards: tuple[Guard, ...] = ()) -> CallSite:
    return CallSite(api=api, file="a.ts", line=line, column=1, callee=f"{via}.{api}", via=via, called=True, promise_style=False,
                    guards=guards)


def check(matrix: Matrix, *sites: CallSite, selection: Selection | None = None, targets: tuple[Target, ...] = ()) -> list[Finding]:
    result = evaluate(matrix, profile(), (FileScan("a.ts", call_sites=sites),), targets=resolved(*targets), selection=selection)
    return list(result.findings)


def shape(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.severity.value, f.file, f.line, f.platform_ids) for f in findings]


def test_needs_newer_runtime_stub_and_summarised_unknown(matrix: Matrix) -> None:
    found = check(matrix, call("alpha", 1), call("alpha", 2))
    assert shape(found) == [
        ("TC108", "warning", None, 0, ("rn",)),
        ("TC102", "error", "a.ts", 1, ("weapp",)),
        ("TC104", "error", "a.ts", 1, ("h5",)),
        ("TC102", "error", "a.ts", 2, ("weapp",)),
        ("TC104", "error", "a.ts", 2, ("h5",)),
    ]
    assert word(found[0]) == "rn: no data for 1 API(s) at 2 call site(s): alpha (2); unknown is not a pass (--strict-unknown lists them)"
    assert word(found[1]) == "alpha needs weapp base library >=2.20.0; the declared minimum is 2.10.4 (test)"
    assert found[1].required == ">=2.20.0" and found[1].all_sources == ("https://example.com/doc",)
    assert word(found[2]) == "alpha is a stub on h5 (it rejects)"


def test_strict_unknown_lists_every_site_as_an_error(matrix: Matrix) -> None:
    found = check(matrix, call("alpha", 1), call("alpha", 2), selection=Selection(select=("TC108",), strict_unknown=True))
    assert shape(found) == [("TC108", "error", "a.ts", 1, ("rn",)), ("TC108", "error", "a.ts", 2, ("rn",))]
    assert word(found[0]) == "alpha on rn: no data; unknown is not a pass"


def test_one_finding_per_site_and_problem_with_the_platforms_gathered(matrix: Matrix) -> None:
    targets = (Target("h5", None, "test"), Target("rn", None, "test"), Target("tt", None, "test"), Target("weapp", "2.30.0", "test"))
    (finding,) = check(matrix, call("beta", via="wx"), targets=targets, selection=Selection(select=("TC111",)))
    assert (finding.code, finding.platform_ids, finding.platform) == ("TC111", ("h5", "rn", "tt"), None)
    assert word(finding) == ("wx.beta: there is no wx on h5 (it has no native global), rn (it has no native global), tt (its global is tt);"
                             " call Taro.beta, or keep this code to its platform")
    assert word(finding, "zh") == ("wx.beta：h5（没有原生全局对象）、rn（没有原生全局对象）、tt（其全局对象是 tt） 上没有 wx；"
                                   "请调用 Taro.beta，或将这段代码限制在其平台上")
    assert [f.platform for f in finding.per_platform()] == ["h5", "rn", "tt"]


def test_an_unknown_beside_an_error_on_the_same_platform_is_not_reported(matrix: Matrix) -> None:
    targets = (Target("h5", None, "test"),)
    assert shape(check(matrix, call("beta"), targets=targets)) == [("TC101", "error", "a.ts", 1, ("h5",))]


def test_a_guard_is_obsolete_only_where_it_protects_nothing(matrix: Matrix) -> None:
    guard = Guard(kind=GuardKind.CAN_I_USE, line=1, api="beta", schema="beta", receiver="taro")
    weapp = (Target("weapp", "2.30.0", "test"),)
    (obsolete,) = check(matrix, call("beta", 2, guards=(guard,)), targets=weapp)
    assert (obsolete.code, obsolete.line, word(obsolete)) == (
        "TC122", 1, "beta: this canIUse check is obsolete: the declared minimums on weapp already have it")
    both = (Target("h5", None, "test"), Target("weapp", "2.30.0", "test"))
    (guarded,) = check(matrix, call("beta", 2, guards=(guard,)), targets=both)
    assert (guarded.code, guarded.platform_ids) == ("TC120", ("h5",))
    assert word(guarded) == "beta: guarded on h5 by the canIUse check on line 1 (unsupported without it)"


def test_select_and_ignore_take_codes_prefixes_and_slugs(matrix: Matrix) -> None:
    sites = (call("alpha", 1),)
    assert {f.code for f in check(matrix, *sites, selection=Selection(select=("TC10",)))} == {"TC102", "TC104", "TC108"}
    assert {f.code for f in check(matrix, *sites, selection=Selection(ignore=("TC1",)))} == set()
    assert {f.code for f in check(matrix, *sites, selection=Selection(select=("stub",)))} == {"TC104"}
    assert {f.code for f in check(matrix, *sites, selection=Selection(select=("TC1",), ignore=("no-data", "TC104")))} == {"TC102"}
    assert unknown_patterns(["TC1", "TC9", "stub", "nope"]) == ["TC9", "nope"]
    assert matches("TC102", ["ALL"]) and not matches("TC102", ["TC103"])


def test_severity_is_ordered_by_rank_not_by_spelling() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert max([Severity.WARNING, Severity.ERROR, Severity.INFO]) is Severity.ERROR
    assert sorted(["warning", "error", "info"], key=Severity) == ["info", "warning", "error"]


def test_the_registry_is_whole_and_every_template_fills() -> None:
    codes = [rule.code for rule in RULES]
    assert codes == sorted(set(codes))
    assert len({rule.slug for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule_for(rule.code) is rule
        assert rule.summary["en"] and rule.summary.get("zh") and rule.explanation
        english = rule.messages["en"]
        if any(template.text != "{text}" for template in english.values()):  # prose of the reader needs no template
            assert set(rule.messages["zh"]) == set(english), rule.code


def test_a_test_of_a_native_global_keeps_every_call_through_it_off_the_platforms_without_it(matrix: Matrix) -> None:
    targets = (Target("h5", None, "test"), Target("tt", None, "test"), Target("weapp", "2.30.0", "test"))
    tc111_only = Selection(select=("TC111",))
    global_test = Guard(kind=GuardKind.EXISTS, line=1, receiver="wx")  # typeof wx !== 'undefined' && wx.beta()
    other_member = Guard(kind=GuardKind.EXISTS, line=1, api="alpha", receiver="wx")  # typeof wx.alpha === 'function' && wx.beta()
    assert check(matrix, call("beta", 2, via="wx", guards=(global_test,)), targets=targets, selection=tc111_only) == []
    # a member test throws where wx is missing: it keeps nothing off h5 and tt
    (member_tested,) = check(matrix, call("beta", 2, via="wx", guards=(other_member,)), targets=targets, selection=tc111_only)
    assert (member_tested.code, member_tested.platform_ids) == ("TC111", ("h5", "tt"))
    # the test of another global: the code runs only where tt is, and wx is missing there
    (missing,) = check(matrix, call("beta", 2, via="wx", guards=(Guard(kind=GuardKind.EXISTS, line=1, receiver="tt"),)), targets=targets)
    assert (missing.code, missing.platform_ids) == ("TC111", ("tt",))
    # unguarded, or under a negated test (typeof wx === 'undefined'), the call still errs where wx is missing
    (bare,) = check(matrix, call("beta", 2, via="wx"), targets=targets, selection=tc111_only)
    assert (bare.code, bare.platform_ids) == ("TC111", ("h5", "tt"))
    negated = Guard(kind=GuardKind.EXISTS, line=1, negated=True, receiver="wx")
    (under_negation,) = check(matrix, call("beta", 2, via="wx", guards=(negated,)), targets=targets, selection=tc111_only)
    assert (under_negation.code, under_negation.platform_ids) == ("TC111", ("h5", "tt"))


def test_import_conflicts_compare_versions_not_text(matrix: Matrix) -> None:
    from checker.commands.kb import _lowest

    assert str(_lowest(matrix, "weapp", "runtime", [">=2.10.4", ">=2.9.0 <2.10.0"])) == "2.9.0"  # as text, '2.10.4' < '2.9.0'
    assert str(_lowest(matrix, "weapp", "taro", [">=3.10.0", ">=3.9.0"])) == "3.9.0"
    assert _lowest(matrix, "rn", "runtime", [">=1.0.0"]) is None  # no runtime catalogue: nothing to compare


def test_the_atomic_writer_leaves_no_temp_file_when_a_write_fails(tmp_path: Path) -> None:
    from checker.atomic import replace_atomically

    target = tmp_path / "report.json"
    target.write_text("old")

    def chunks():  # type: ignore[no-untyped-def]
        yield b"new, in part"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        replace_atomically(target, chunks())
    assert (target.read_text(), sorted(p.name for p in tmp_path.iterdir())) == ("old", ["report.json"])
    replace_atomically(tmp_path / "deep" / "x.txt", "中文", make_parents=True)
    assert (tmp_path / "deep" / "x.txt").read_text(encoding="utf-8") == "中文"


def test_code_in_a_folder_named_after_a_platform_runs_there_only(matrix: Matrix) -> None:
    native = CallSite(api="beta", file="src/iconfont/alipay/alipay.js", line=3, column=1, callee="my.beta", via="my", called=True,
                      promise_style=False)
    scans = (FileScan(native.file, call_sites=(native,)),)
    targets = resolved(Target("weapp", "2.30.0", "test"))
    result = evaluate(matrix, profile(), scans, targets=targets)
    assert [f.code for f in result.findings] == []  # no TC111: the folder is alipay's
    elsewhere = replace(native, file="src/iconfont/weapp-icons/alipay.js")
    result = evaluate(matrix, profile(), (FileScan(elsewhere.file, call_sites=(elsewhere,)),), targets=targets)
    assert [f.code for f in result.findings] == ["TC111"]


OWN = """\
id: own
kind: api
category: base
summary: Taro's own, for tests.
support:
  weapp:
    taro:
      - versions: ">=1.3.0"
        status: supported
        framework: true
        confidence: computed
        sources: [pkg]
""" + SOURCES


def test_taros_own_api_needs_no_runtime_data_even_when_the_taro_version_is_unknown(make_matrix: Callable[..., Path]) -> None:
    matrix = load_matrix(make_matrix({"own": OWN, "alpha": ALPHA}), use_cache=False)
    unknown = ProjectProfile(root=".", name="t", taro=TaroVersionInfo(declared="^1.1.9", declared_at=None, resolved=None, source="test"))
    scans = (FileScan("a.ts", call_sites=(call("own", 1), call("alpha", 2))),)
    found = evaluate(matrix, unknown, scans, targets=resolved(Target("weapp", "2.10.4", "test")),
                     selection=Selection(strict_unknown=True)).findings
    # own is Taro's own on every line: only its Taro axis is unknown, no base library is asked about
    assert [(f.code, f.line, f.api, word(f)) for f in found] == [
        ("TC108", 1, "own", "own on weapp: the Taro version cannot be told, and it works in Taro >=1.3.0; unknown is not a pass"),
        ("TC102", 2, "alpha", "alpha needs weapp base library >=2.20.0; the declared minimum is 2.10.4 (test)")]


SILENT = """\
id: silent
kind: api
category: base
summary: A stub that never rejects, for tests.
support:
  rn:
    taro:
      - versions: ">=3.0.0"
        status: stub
        stub: {development: resolves, production: resolves}
        confidence: computed
        sources: [pkg]
  h5:
    taro:
      - versions: ">=3.0.0"
        status: stub
        stub: {development: rejects, production: resolves}
        confidence: computed
        sources: [pkg]
""" + SOURCES


def test_a_stub_that_never_rejects_is_worded_apart_from_the_h5_split(make_matrix: Callable[..., Path]) -> None:
    matrix = load_matrix(make_matrix({"silent": SILENT}), use_cache=False)
    (finding,) = check(matrix, call("silent"), targets=(Target("h5", None, "test"), Target("rn", None, "test")))
    assert word(finding) == ("silent is a stub on h5 (it rejects in development and resolves silently in production: the user sees no"
                             " error and gets no data); rn (it does nothing and reports no error, in development too: the user gets no data)")
    assert word(finding, "zh") == ("silent 在 h5（开发环境中 reject，生产环境中静默 resolve：用户看不到错误，也拿不到数据）；"
                                   "rn（什么也不做且不报错（开发环境中也是）：用户拿不到数据） 上只是桩函数")
