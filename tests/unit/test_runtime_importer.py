"""`kb import taro-runtime` on small package folders written for the tests (no Taro code copied)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.cli import main
from checker.importers.runtime_facts import Cell, PlatformTarget, facts_by_version
from checker.importers.runtime_read import PackageError, read_package
from checker.importers.runtime_write import NativeNames, apply_runtime
from checker.importers.write import load_imported, save_imported
from checker.kb import load_documents
from checker.kb.rules import lint
from checker.model import Status
from checker.support import resolve
from checker.versions import TaroVersion
from conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "importers" / "runtime"
GOOD = ("taro-2.0.0", "taro-alipay-2.0.0", "shared-3.3.0", "shared-3.3.1", "api-3.3.0", "api-3.3.1",
        "plugin-alipay-3.3.0", "plugin-alipay-3.3.1", "taro-h5-3.4.1", "taro-rn-3.6.4", "mini-types-my")
ALIPAY = PlatformTarget("alipay", "alipay", "my")


def _packages():  # type: ignore[no-untyped-def]
    return [read_package(FIXTURES / name) for name in GOOD]


def test_the_lists_and_hooks_read_from_the_syntax_tree() -> None:
    taro = read_package(FIXTURES / "taro-2.0.0")
    assert (taro.name, taro.version, taro.files) == ("@tarojs/taro", "2.0.0", ("src/native-apis.js", "src/index.js"))
    assert taro.facts.listed == {"onThing", "readSync", "stopThing", "askProfile", "askTitle"}
    assert taro.facts.promise == {"askProfile", "askTitle"}
    assert taro.facts.framework == {"getEnv", "eventCenter"}
    old = read_package(FIXTURES / "taro-alipay-2.0.0").facts
    assert old.aliases == (("askTitle", "askHeading"), ("showThing", "confirmThing"))
    assert old.framework == {"request", "pxTransform"}
    hook = read_package(FIXTURES / "plugin-alipay-3.3.1").facts
    assert (hook.modify_added, hook.modify_deleted) == ({"askTitle", "showThing"}, {"askHeading", "confirmThing"})
    assert read_package(FIXTURES / "plugin-alipay-3.3.0").facts.modify_added is None  # no hook yet
    shared = read_package(FIXTURES / "shared-3.3.0").facts
    assert (shared.forwards, shared.reserved, shared.framework) == (True, {"getEnv", "eventCenter"}, {"request", "addInterceptor"})
    h5 = read_package(FIXTURES / "taro-h5-3.4.1").facts
    # exports, and the members of the default export (exports["default"] = taro: the router's page APIs)
    assert h5.apis == (("askProfile", "stub"), ("locateThing", "implemented"), ("navigateThing", "implemented"),
                       ("readSync", "implemented"), ("scanThing", "wechat"))
    assert h5.stub_production == "resolves"
    rn = read_package(FIXTURES / "taro-rn-3.6.4").facts
    assert rn.apis == (("askProfile", "stub-async"), ("askTitle", "implemented"), ("getEnv", "implemented"), ("readSync", "stub-sync"))
    assert read_package(FIXTURES / "mini-types-my").facts.runtime_names == {"askHeading", "confirmThing", "SDKVersion"}


def test_cells_per_line_fixed_list_forwarded_and_the_hook_regression() -> None:
    facts = facts_by_version(_packages(), ALIPAY)
    assert list(facts) == ["2.0.0", "3.3.0", "3.3.1"]
    fixed, before_hook, after_hook = facts["2.0.0"], facts["3.3.0"], facts["3.3.1"]
    assert fixed.rule == "fixed"
    assert fixed.cell("askTitle") == Cell("supported", promise=True, native="askHeading", kind="fixed")
    assert fixed.cell("readSync") == Cell("supported", promise=False, kind="fixed")
    assert fixed.cell("showThing") == Cell("unsupported", kind="unlisted")  # not in the fixed list: undefined
    assert fixed.cell("request") == Cell("supported", framework=True, kind="framework")
    # 3.3.0: no modifyApis yet, so a renamed API exists only if the native global has the Taro name
    assert before_hook.cell("showThing") == Cell("supported", promise=False, forwarded=True, kind="forwarded")
    assert after_hook.cell("showThing") == Cell("supported", promise=False, kind="added")
    assert after_hook.cell("confirmThing") == Cell("unsupported", kind="deleted")
    assert after_hook.cell("askProfile") == Cell("supported", promise=True, forwarded=True, kind="forwarded")
    assert after_hook.cell("pxTransform") == Cell("supported", framework=True, kind="framework")
    h5 = facts_by_version(_packages(), PlatformTarget("h5", "h5", None))["3.4.1"]
    assert h5.cell("askProfile") == Cell("stub", stub=("rejects", "resolves"), kind="stub")
    assert h5.cell("scanThing") == Cell("partial", kind="wechat")
    assert h5.cell("askTitle") == Cell("unsupported", kind="absent")
    # Taro's own in another release's core (getEnv in @tarojs/taro 2.0.0): not taken for absent
    assert h5.cell("getEnv") == Cell("supported", framework=True, kind="framework-elsewhere")
    rn = facts_by_version(_packages(), PlatformTarget("rn", "rn", None))["3.6.4"]
    assert rn.cell("readSync") == Cell("stub", stub=("resolves", "resolves"), kind="stub-sync")


def _record(name: str) -> dict:
    return {"id": name, "kind": "api", "category": "misc", "summary": name, "support": {}, "sources": {},
            "provenance": {"imported_from": ["x@1"], "by": "test"}}


def test_statements_join_equal_neighbours_and_leave_unread_stretches_unknown() -> None:
    records = {"showThing": _record("showThing")}
    facts = {"alipay": facts_by_version(_packages(), ALIPAY)}
    published = ["2.0.0", "2.0.1", "3.3.0", "3.3.1", "3.4.0"]
    my = NativeNames(frozenset({"confirmThing"}), "@mini-types/my@9.0.0", "types/lib.my.d.ts", True, "{name}: present")
    apply_runtime(records, facts, published, {"alipay": my})
    taro = records["showThing"]["support"]["alipay"]["taro"]
    # 2.0.0 then 3.3.0 differ with 2.0.1 unread between them: 2.0.1 stays unknown; 3.4.0 was not read either
    assert [(s["versions"], s["status"], s.get("forwarded")) for s in taro] == [
        (">=2.0.0 <=2.0.0", "unsupported", None), (">=3.3.0 <3.3.1", "supported", True), (">=3.3.1 <=3.3.1", "supported", None)]
    assert all(s["confidence"] == "computed" for s in taro)
    assert taro[1]["sources"] == ["imp-code-api-3.3.0-index", "imp-code-plugin-platform-alipay-3.3.0-runtime-utils", "imp-code-shared-3.3.0-shared-esm"]
    native = records["showThing"]["support"]["alipay"]["native_api"]
    assert (native["present"], native["confidence"]) == (False, "inferred")  # absent from a typed list of the whole global
    assert records["showThing"]["sources"]["imp-code-shared-3.3.0-shared-esm"] == {"package": "@tarojs/shared@3.3.0", "file": "dist/shared.esm.js"}


@pytest.mark.parametrize(("folder", "message"), [
    ("not-taro", "not-taro/package/package.json: left-pad is not a package this importer reads"),
    ("missing-file", "missing-file/package/dist/shared.esm.js: missing from the package"),
    ("h5-plugin-bad", "h5-plugin-bad/package/dist/definition.json:2: malformed definition (JSONDecodeError)"),
])
def test_bad_package_is_one_line_exit_2_and_nothing_written(make_matrix: Callable[..., Path], folder: str, message: str) -> None:
    matrix = make_matrix()
    before = {p: p.read_bytes() for p in matrix.rglob("*.yaml")}
    out, err = io.StringIO(), io.StringIO()
    code = main(["kb", "import", "taro-runtime", str(FIXTURES / "taro-2.0.0"), str(FIXTURES / folder), "--matrix", str(matrix)], stdout=out, stderr=err)
    assert code == 2
    assert err.getvalue().count("\n") == 1 and err.getvalue().endswith(f"{message}\n")
    assert {p: p.read_bytes() for p in matrix.rglob("*.yaml")} == before
    with pytest.raises(PackageError):
        read_package(FIXTURES / folder)


def test_import_twice_is_byte_identical_and_the_matrix_reads_it(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix({})
    save_imported(root / "apis" / "imported", {"showThing": _record("showThing") | {"support": {"weapp": {"documented": [
        {"versions": ">=3.3.0", "status": "supported", "confidence": "imported", "sources": ["tag"]}]}}, "sources": {"tag": {"url": "https://example.org"}}}})
    args = ["kb", "import", "taro-runtime", *(str(FIXTURES / n) for n in GOOD), "--matrix", str(root)]
    assert main(args, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    first = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    assert main(args, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == first
    loaded = load_documents(root)
    assert lint(loaded) == []
    alipay = loaded.matrix.api("showThing").support["alipay"]
    assert alipay.native_api is not None and alipay.native_api.present is False
    at = {v: resolve(loaded.matrix.api("showThing"), "alipay", taro=TaroVersion.parse(v), has_runtime_axis=False).verdict for v in ("3.3.0", "3.3.1")}
    assert at == {"3.3.0": Status.UNSUPPORTED, "3.3.1": Status.SUPPORTED}  # forwarded and absent; then added by the hook
    report = load_imported(root / "reports")
    assert report["taro-docs-vs-code"]["packages_read"] == len(GOOD)


FORWARDED = """\
id: sample
kind: api
category: base
summary: A sample API for tests.
support:
  swan:
    taro:
      - {versions: ">=3.3.0", status: supported, forwarded: true, confidence: computed, sources: [code]}
  alipay:
    taro:
      - {versions: ">=3.3.0", status: supported, forwarded: true, native: renamed, confidence: computed, sources: [code]}
    native_api: {present: true, confidence: imported, sources: [code], note: "present now, minimum not published"}
  weapp:
    taro:
      - {versions: "*", status: supported, framework: true, confidence: computed, sources: [code]}
sources:
  code: {package: "@tarojs/shared@3.3.0", file: dist/shared.esm.js}
"""


def test_forwarded_takes_native_presence_and_framework_skips_the_runtime(make_matrix: Callable[..., Path]) -> None:
    from checker.kb import load_matrix
    from checker.versions import RuntimeVersion

    matrix = load_matrix(make_matrix({"sample": FORWARDED}), use_cache=False)
    api = matrix.api("sample")
    taro = TaroVersion.parse("3.6.0")
    assert resolve(api, "alipay", taro=taro, has_runtime_axis=False).verdict is Status.SUPPORTED
    assert resolve(api, "swan", taro=taro, has_runtime_axis=False).verdict is Status.UNKNOWN  # forwarded, presence unknown
    # a framework API has no native API: the base library (no runtime statement here) does not make it unknown
    assert resolve(api, "weapp", taro=taro, runtime=RuntimeVersion.parse("2.10.4"), has_runtime_axis=True).verdict is Status.SUPPORTED
    assert api.support["alipay"].taro[0].native == "renamed"


def test_rn_2x_stubs_every_listed_name_then_copies_the_implementations_in() -> None:
    packages = [read_package(FIXTURES / n) for n in ("taro-2.0.0", "taro-rn-2.0.0", "router-rn-2.0.0")]
    assert packages[1].files == ("dist/native-api.js", "dist/api/store/index.js", "dist/api/media/index.js")
    rn = facts_by_version(packages, PlatformTarget("rn", "rn", None))["2.0.0"]
    assert {name: rn.cell(name).kind for name in ("askTitle", "stopThing", "onThing", "askProfile", "readSync", "pxTransform", "showThing")} == {
        "askTitle": "implemented", "stopThing": "implemented", "onThing": "implemented", "askProfile": "implemented",  # the router's
        "readSync": "stub-undefined", "pxTransform": "implemented", "showThing": "absent"}
    assert rn.cell("readSync") == Cell("stub", stub=("resolves", "resolves"), kind="stub-undefined")


IMPORTED_COMPUTED = """\
id: sample
kind: api
category: base
summary: imported
provenance: {imported_from: ["@tarojs/taro@4.2.1"], computed_from: ["@tarojs/taro-h5@3.4.1"], by: test}
support:
  h5:
    taro:
      - {versions: ">=3.3.0", status: stub, stub: {development: rejects, production: resolves}, confidence: computed, sources: [imp-code-h5], note: a stub}
  weapp:
    taro:
      - {versions: ">=3.3.0", status: supported, forwarded: true, confidence: computed, sources: [imp-code-h5]}
sources:
  imp-code-h5: {package: "@tarojs/taro-h5@3.4.1", file: dist/index.cjs.js}
"""

CURATED_CLAIM = """\
id: sample
kind: api
category: base
summary: curated
support:
  h5:
    taro:
      - {versions: ">=3.0.0", status: supported, confidence: community, sources: [forum]}
  weapp:
    taro:
      - {versions: ">=3.0.0", status: unsupported, confidence: community, sources: [forum], note: not on old base libraries}
sources:
  forum: {url: "https://example.org/thread"}
"""


def test_kb110_reports_a_curated_claim_the_shipped_code_contradicts(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix({"sample": CURATED_CLAIM}, extra={"apis/imported/sample.yaml": IMPORTED_COMPUTED})
    problems = [p for p in lint(load_documents(root)) if p.code == "KB110"]
    # h5: curated works, the code has a stub; weapp: a forwarded Taro.X depends on the runtime, so no contradiction
    assert [str(p.message) for p in problems] == [
        "h5 taro at 3.3.0: curated 'supported' (>=3.0.0), but the shipped code says 'stub' for >=3.3.0 "
        "(@tarojs/taro-h5@3.4.1 dist/index.cjs.js)"]
    assert problems[0].location.path == "matrix/apis/sample.yaml"


def test_members_assigned_on_taro_are_taros_own() -> None:
    facts = read_package(FIXTURES / "api-3.4.0").facts
    assert sorted(facts.framework) == ["getEnv", "initPxTransform", "pxTransform"]
