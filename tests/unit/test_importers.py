"""The importers on small folders written for the tests, one per dirty form found in the wild."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

from checker.cli import main
from checker.importers.taro import parse_tags, read_taro_package
from checker.importers.write import apply_taro, apply_wx, load_imported, save_imported
from checker.importers.wx import read_wx_package
from checker.kb import load_documents
from checker.kb.rules import lint
from conftest import MINIMAL_API, REPO

FIXTURES = REPO / "tests" / "fixtures" / "importers"
SPELLINGS = {"weapp": "weapp", "tt": "tt", "alipay": "alipay", "aliapy": "alipay", "h5": "h5", "harmony_hybrid": "harmony-hybrid"}


def test_jsdoc_tags_tolerate_the_dirty_forms() -> None:
    assert parse_tags("/** @supported weapp, aliapy, h5 */", SPELLINGS) == (["weapp", "alipay", "h5"], None, [], [])
    assert parse_tags("* @supported weapp, alipay 基础库: 1.13.0, h5 */", SPELLINGS) == (["weapp", "alipay", "h5"], None, ["alipay 基础库: 1.13.0"], [])
    assert parse_tags("* @supported 暂未支持\n */", SPELLINGS) == ([], None, [], [])
    assert parse_tags("* @supported weapp, harmony_hybrid, harmony\n * @since 3.0.29+", SPELLINGS) == (["weapp", "harmony-hybrid"], "3.0.29+", [], [])
    assert parse_tags("* @supported global", SPELLINGS) == (["*"], None, [], [])  # a framework API: every platform
    assert parse_tags("@supported weapp, mystery", SPELLINGS) == (["weapp"], None, [], ["mystery"])


def test_taro_package_reads_interface_members_and_namespaces() -> None:
    newer = read_taro_package(FIXTURES / "taro-3.4.0", SPELLINGS)
    assert sorted(newer.apis) == ["askProfile", "dirtyTags", "notYet"]
    assert newer.apis["askProfile"].platforms == ("weapp", "alipay")
    assert (newer.apis["askProfile"].file, newer.apis["askProfile"].line) == ("types/api/open-api/user.d.ts", 9)
    assert newer.apis["notYet"].platforms == ()
    older = read_taro_package(FIXTURES / "taro-3.0.0", SPELLINGS)
    assert older.apis["askProfile"].platforms == ("weapp", "h5")
    assert read_taro_package(FIXTURES / "taro-3.6.0", SPELLINGS).problems == (
        "types/api/open-api/user.d.ts:8: strange: cannot read @supported value 'mystery'",
    )


def test_wx_typings_both_formats_plugins_and_deprecation() -> None:
    package = read_wx_package(FIXTURES / "wx-typings")
    assert package.version == "9.9.9"
    ask, old, ancient = package.apis["askProfile"], package.apis["oldStyle"], package.apis["ancient"]
    assert (ask.minimum, ask.plugin, ask.deprecated_from) == ("2.10.4", "unsupported", None)
    assert ask.doc == "https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/wx.askProfile.html"
    assert (old.minimum, old.plugin, old.deprecated_from) == ("1.1.0", "1.9.6", "2.4.0")
    assert (ancient.minimum, ancient.plugin) == (None, None)


def test_wx_typings_chinese_description_and_replacements() -> None:
    package = read_wx_package(FIXTURES / "wx-typings")
    ask, old, ancient = package.apis["askProfile"], package.apis["oldStyle"], package.apis["ancient"]
    assert ask.description == "获取用户头像。页面产生点击事件（例如 button 上 bindtap 的回调中）后才可调用， 详见 说明。"
    assert old.description == "wx.ancient 的旧版本"  # a paragraph that starts with a link is prose; the heading link is not
    assert ancient.description is None
    assert (ask.replacements, old.replacements) == ((), ("askProfile", "ancient"))
    records: dict = {}
    apply_wx(records, package, {"1.0.0", "1.1.0", "2.10.4"}, "weapp")
    assert records["askProfile"]["summary"] == {"en": "wx.askProfile (imported from miniprogram-api-typings)", "zh": ask.description}
    assert records["ancient"]["summary"] == "wx.ancient (imported from miniprogram-api-typings)"
    assert records["oldStyle"]["support"]["weapp"]["alternatives"] == ["askProfile", "ancient"]


def test_taro_ranges_come_from_where_an_api_appears_and_disappears() -> None:
    records: dict = {}
    packages = [read_taro_package(FIXTURES / f"taro-{v}", SPELLINGS) for v in ("3.6.0", "3.0.0", "3.4.0")]
    problems = apply_taro(records, packages, ["weapp", "tt", "alipay", "h5", "harmony-hybrid"], {"3.0.0", "3.4.0", "3.6.0"})
    support = records["askProfile"]["support"]
    # the tags are documentation: they go to `documented`, which a computed Taro axis outranks
    assert [s["versions"] for s in support["weapp"]["documented"]] == [">=3.0.0"]
    assert [s["versions"] for s in support["h5"]["documented"]] == [">=3.0.0 <=3.0.0"]  # dropped after 3.0.0
    assert [s["versions"] for s in support["alipay"]["documented"]] == [">=3.4.0 <=3.4.0"]
    assert [s["versions"] for s in support["tt"]["documented"]] == [">=3.6.0"]
    assert set(support) == {"weapp", "h5", "alipay", "tt", "harmony-hybrid"}
    assert all(s["confidence"] == "imported" for p in support.values() for s in p["documented"])
    assert records["askProfile"]["sources"]["imp-taro-3.4.0"] == {"package": "@tarojs/taro@3.4.0", "file": "types/api/open-api/user.d.ts", "line": 9}
    assert "notYet" not in records  # documented for no platform: nothing to say
    assert problems == ["types/api/open-api/user.d.ts:8: strange: cannot read @supported value 'mystery'"]


def test_wx_runtime_axis_and_unknown_versions() -> None:
    records: dict = {}
    problems = apply_wx(records, read_wx_package(FIXTURES / "wx-typings"), {"1.0.0", "1.1.0", "2.10.4"}, "weapp")
    assert records["askProfile"]["support"]["weapp"]["runtime"] == [
        {"versions": "<2.10.4", "status": "unsupported", "confidence": "imported", "sources": ["imp-wx-9.9.9", "imp-doc"]},
        {"versions": ">=2.10.4", "status": "supported", "confidence": "imported", "sources": ["imp-wx-9.9.9", "imp-doc"]},
    ]
    assert records["askProfile"]["restrictions"][0]["id"] == "not-in-plugin"
    assert records["oldStyle"]["support"]["weapp"]["deprecated"]["note"] == {"en": "deprecated from base library 2.4.0", "zh": "基础库 2.4.0 起已废弃"}
    assert records["ancient"]["support"]["weapp"]["runtime"][0]["versions"] == ">=1.0.0"
    assert "fromTheFuture" not in records
    assert problems == ["types/wx/lib.wx.api.d.ts:28: fromTheFuture: base library 9.9.9 is not in the WeChat catalogue; imported as unknown"]


def test_each_importer_keeps_the_others_part(tmp_path: Path) -> None:
    records: dict = {}
    apply_wx(records, read_wx_package(FIXTURES / "wx-typings"), {"1.0.0", "1.1.0", "2.10.4"}, "weapp")
    apply_taro(records, [read_taro_package(FIXTURES / "taro-3.4.0", SPELLINGS)], ["weapp"], {"3.4.0"})
    save_imported(tmp_path, records)
    again = load_imported(tmp_path)
    apply_taro(again, [read_taro_package(FIXTURES / "taro-3.6.0", SPELLINGS)], ["weapp"], {"3.6.0"})  # a new Taro import
    weapp = again["askProfile"]["support"]["weapp"]
    assert [s["versions"] for s in weapp["documented"]] == [">=3.6.0"]
    assert [s["versions"] for s in weapp["runtime"]] == ["<2.10.4", ">=2.10.4"]  # the wx part survived
    assert again["askProfile"]["provenance"]["imported_from"] == ["@tarojs/taro@3.6.0", "miniprogram-api-typings@9.9.9"]


CURATED = MINIMAL_API.replace("id: sample", "id: askProfile")


def test_curated_file_wins_field_by_field(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix({"askProfile": CURATED})
    records: dict = {}
    apply_wx(records, read_wx_package(FIXTURES / "wx-typings"), {"1.0.0", "1.1.0", "2.10.4"}, "weapp")
    apply_taro(records, [read_taro_package(FIXTURES / f"taro-{v}", SPELLINGS) for v in ("3.4.0", "3.6.0")], ["weapp", "tt", "alipay"], {"3.4.0", "3.6.0"})
    save_imported(root / "apis" / "imported", records)
    loaded = load_documents(root)
    api = loaded.matrix.api("askProfile")
    weapp = api.support["weapp"]
    assert [str(s.versions) for s in weapp.taro] == [">=3.3.0"]  # curated, not the import's >=3.4.0
    assert [s.confidence.value for s in weapp.runtime] == ["official"]  # curated
    assert [str(s.versions) for s in api.support["tt"].taro] == [">=3.6.0"]  # only the import has tt
    assert api.path == "matrix/apis/askProfile.yaml"
    assert api.imported_from == ("@tarojs/taro@3.4.0", "@tarojs/taro@3.6.0", "miniprogram-api-typings@9.9.9")
    assert lint(loaded) == []


def test_kb_import_reports_conflicts_with_curated_data(tmp_path: Path) -> None:
    matrix = tmp_path / "matrix"
    shutil.copytree(REPO / "matrix", matrix, ignore=shutil.ignore_patterns("imported"))
    (matrix / "apis" / "askProfile.yaml").write_text(CURATED.replace('">=2.10.4"', '">=2.16.0"'), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["kb", "import", "wx-typings", str(FIXTURES / "wx-typings"), "--matrix", str(matrix)], stdout=out, stderr=err)
    assert code == 0
    assert out.getvalue() == f"{matrix}/apis/imported: 3 imported API file(s); 1 problem(s), 1 conflict(s) with curated data\n"
    assert "taro-compat: conflict: askProfile on weapp (runtime): curated >=2.16.0; imported >=2.10.4" in err.getvalue()
