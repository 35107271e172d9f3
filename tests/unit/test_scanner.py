"""The scanner corpus: one small file per pattern, plus decoys; exact call sites and guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.scan.files import source_files
from checker.scan.runner import ScanOptions, scan_files, scan_one
from checker.scan.sites import FileScan, ScanNote, ScanNoteKind
from conftest import REPO

CORPUS = REPO / "tests" / "fixtures" / "scan"
OPTIONS = ScanOptions(
    globals_=frozenset({"wx", "tt", "my", "swan", "qq", "jd"}),
    env_values=frozenset({"weapp", "tt", "alipay", "swan", "qq", "jd", "h5", "rn"}),
    env_aliases=frozenset({"__TARO_ENV"}),
)


def scan(name: str) -> FileScan:
    return scan_one(str(CORPUS / name), name, OPTIONS)


def sites(name: str) -> list[tuple[object, ...]]:
    """(api, line, column, callee, via, called, promise_style) of every call site."""
    return [(s.api, s.line, s.column, s.callee, s.via, s.called, s.promise_style) for s in scan(name).call_sites]


def guards(name: str) -> list[tuple[str, int, list[tuple[object, ...]]]]:
    """(api, line, [(kind, negated, what)]) of every call site."""
    return [
        (s.api, s.line, [(g.kind, g.negated, g.schema or g.api or ",".join(g.envs) or g.version) for g in s.guards])
        for s in scan(name).call_sites
    ]


def test_default_import() -> None:
    assert sites("default_import.ts") == [("getUserProfile", 4, 10, "Taro.getUserProfile", "taro", True, False)]
    (site,) = scan("default_import.ts").call_sites
    assert [(a.key, a.value, a.literal) for a in site.arguments] == [("desc", "完善会员资料", True)]


def test_namespace_import_under_another_name() -> None:
    assert sites("namespace_import.ts") == [("login", 3, 1, "T.login", "taro", True, False)]
    assert [(a.key, a.value) for a in scan("namespace_import.ts").call_sites[0].arguments] == [("timeout", 3000)]


def test_require_and_destructuring_with_renames() -> None:
    assert sites("require.js") == [
        ("showToast", 4, 1, "Taro.showToast", "taro", True, False),
        ("getUserProfile", 5, 1, "getUserProfile", "taro", True, False),
        ("login", 6, 1, "signIn", "taro", True, False),
    ]


def test_aliases_subscripts_optional_chaining_and_named_imports() -> None:
    assert sites("aliases.ts") == [
        ("getLocation", 6, 1, "api.getLocation", "taro", True, False),
        ("openSetting", 7, 1, "Taro['openSetting']", "taro", True, False),
        ("vibrateShort", 8, 1, "Taro?.vibrateShort", "taro", True, False),
        ("getUserProfile", 9, 1, "gup", "taro", True, False),
        ("canIUse", 10, 1, "canIUse", "taro", True, False),
    ]


def test_native_globals_unless_shadowed() -> None:
    assert sites("native_globals.js") == [
        ("getUserProfile", 1, 1, "wx.getUserProfile", "wx", True, False),
        ("getUserProfile", 2, 1, "tt.getUserProfile", "tt", True, False),
        ("getOpenUserInfo", 3, 1, "my.getOpenUserInfo", "my", True, False),
        ("login", 4, 1, "swan.login", "swan", True, False),
        ("login", 5, 1, "qq.login", "qq", True, False),
        ("login", 6, 1, "jd.login", "jd", True, False),
    ]
    tt = scan("native_globals.js").call_sites[1]
    assert [(a.key, a.value) for a in tt.arguments] == [("desc", "x"), ("force", True)]


def test_uses_without_a_call_awaits_thens_and_call() -> None:
    assert sites("uses.ts") == [
        ("getUserProfile", 3, 14, "Taro.getUserProfile", "taro", False, False),
        ("getUserProfile", 5, 21, "Taro.getUserProfile", "taro", True, True),
        ("login", 6, 3, "Taro.login", "taro", True, True),
        ("getUserProfile", 7, 3, "Taro.getUserProfile", "taro", True, False),
    ]
    assert [(a.key, a.value) for a in scan("uses.ts").call_sites[3].arguments] == [("desc", "y")]  # after thisArg


def test_decoys_are_not_call_sites() -> None:
    result = scan("decoys.tsx")
    # comments, strings, template text, type references, typeof in a type, other objects' methods,
    # this.x, a local function of the same name, an unused import: none is a call site
    assert result.call_sites == ()
    assert [(c.component, c.attribute, c.value, c.line, c.column) for c in result.components] == [
        ("button", "open-type", "getUserInfo", 20, 18)
    ]


def test_capability_guards() -> None:
    assert guards("guards_capability.ts") == [
        ("canIUse", 3, []),
        ("getUserProfile", 4, [("can_i_use", False, "getUserProfile")]),
        ("getUserInfo", 6, [("can_i_use", True, "getUserProfile")]),
        ("getUserProfile", 9, [("exists", False, "getUserProfile")]),
        ("getUserProfile", 11, [("exists", False, "getUserProfile")]),
        ("getUserProfile", 13, [("exists", False, "getUserProfile")]),
        ("getUserProfile", 16, [("exists", False, "getUserProfile")]),
        ("canIUse", 18, []),
        ("getUserProfile", 18, [("can_i_use", False, "getUserProfile")]),
        ("getUserInfo", 18, [("can_i_use", True, "getUserProfile")]),
    ]
    receivers = [[g.receiver for g in s.guards] for s in scan("guards_capability.ts").call_sites]
    assert receivers == [[], ["taro"], ["taro"], ["wx"], ["taro"], ["taro"], ["wx"], [], ["wx"], ["wx"]]


def test_taro_env_guards_aliases_and_switch() -> None:
    assert guards("guards_env.ts") == [
        ("getUserProfile", 5, [("taro_env", False, "weapp")]),
        ("login", 8, [("taro_env", True, "h5")]),
        ("getUserProfile", 13, [("taro_env", False, "tt,weapp")]),
        ("showToast", 16, [("taro_env", True, "weapp,tt")]),
        ("getOpenUserInfo", 19, [("taro_env", False, "alipay")]),  # a defineConstants alias
        ("getUserProfile", 22, [("taro_env", False, "weapp")]),  # a constant defined from TARO_ENV
    ]


def test_early_return_version_comparison_and_try() -> None:
    assert guards("guards_flow.ts") == [
        ("canIUse", 4, []),
        ("getUserProfile", 5, [("can_i_use", False, "getUserProfile")]),
        ("getUserProfile", 9, [("version", False, "2.10.4")]),
        ("getUserProfile", 14, [("try_catch", False, None)]),
        ("getUserInfo", 16, []),  # the catch block is not inside the try
    ]


def test_platform_specific_file() -> None:
    assert guards("page.weapp.ts") == [("getUserProfile", 2, [("platform_file", False, "weapp")])]


def test_suppressions_on_the_line_or_the_line_before() -> None:
    found = [(s.api, s.line, s.suppression.reason if s.suppression else None) for s in scan("suppressed.ts").call_sites]
    assert found == [
        ("getUserProfile", 4, "checked on device, 2.27.3 clients"),
        ("getUserInfo", 5, "legacy screen"),
        ("login", 6, None),  # names another API; a trailing comment does not cover the next line
    ]


def test_vue_script_blocks_count_lines_in_the_whole_file() -> None:
    assert sites("component.vue") == [
        ("login", 7, 39, "Taro.login", "taro", True, False),
        ("getUserProfile", 12, 19, "getUserProfile", "taro", True, False),
    ]


def test_a_file_that_does_not_parse_is_scanned_where_it_can() -> None:
    result = scan("broken.ts")
    assert [(s.api, s.line) for s in result.call_sites] == [("getUserProfile", 2), ("login", 4)]
    assert result.problems == (ScanNote(ScanNoteKind.DOES_NOT_PARSE, line=3),)


@pytest.mark.parametrize(
    ("content", "skipped"),
    [
        (b"\x00\x01binary" * 10, ScanNote(ScanNoteKind.BINARY)),
        (b"\xff\xfewx.login()\n\x00\xd8", ScanNote(ScanNoteKind.BAD_BYTE_ORDER_MARK, encoding="UTF-16")),
        (b"x" * (2 * 1024 * 1024 + 1), ScanNote(ScanNoteKind.TOO_LARGE, megabytes=2)),
    ],
)
def test_bad_files_get_a_note(tmp_path: Path, content: bytes, skipped: ScanNote) -> None:
    target = tmp_path / "bad.js"
    target.write_bytes(content)
    assert scan_one(str(target), "bad.js", OPTIONS).skipped == skipped


def test_utf16_with_bom_and_crlf(tmp_path: Path) -> None:
    target = tmp_path / "u.ts"
    target.write_bytes("import Taro from '@tarojs/taro'\r\n// 中文\r\nTaro.login()\r\n".encode("utf-16"))
    result = scan_one(str(target), "u.ts", OPTIONS)
    assert [(s.api, s.line, s.column) for s in result.call_sites] == [("login", 3, 1)]
    assert (result.notes, result.skipped) == ((ScanNote(ScanNoteKind.DECODED_BY_MARK, encoding="UTF-16"),), None)


GBK_PAGE = """import Taro from '@tarojs/taro'

// 获取用户信息，然后显示欢迎语
export function greet(name) {
  const 标题 = '欢迎使用，' + name
  Taro.showToast({ title: 标题 })
}
"""


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_a_gbk_source_is_decoded_and_scanned_with_a_note(tmp_path: Path, encoding: str) -> None:
    target = tmp_path / "greet.js"
    target.write_bytes(GBK_PAGE.encode(encoding))
    result = scan_one(str(target), "greet.js", OPTIONS)
    assert [(s.api, s.line, s.column) for s in result.call_sites] == [("showToast", 6, 3)]
    assert result.skipped is None and result.problems == ()
    assert result.notes == (ScanNote(ScanNoteKind.DECODED, line=3, encoding="GB18030"),)


def test_big5_is_told_from_gbk(tmp_path: Path) -> None:
    target = tmp_path / "hello.js"
    target.write_bytes("// 取得使用者資訊，歡迎使用本程式\nwx.login()\n".encode("big5"))
    result = scan_one(str(target), "hello.js", OPTIONS)
    assert [(s.api, s.line) for s in result.call_sites] == [("login", 2)]
    assert result.notes == (ScanNote(ScanNoteKind.DECODED, line=1, encoding="BIG5"),)


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("class.jsx", "import Taro from '@tarojs/taro'\nexport default () => <View class='a' onClick={() => Taro.login()} />\n"),
        ("typed.js", "import Taro from '@tarojs/taro'\nexport function go(url: string): void {\n  Taro.navigateTo({ url })\n}\n"),
    ],
)
def test_javascript_the_grammar_refuses_is_read_as_tsx(tmp_path: Path, name: str, source: str) -> None:
    # Taro's compiler builds both (JSX class=, TypeScript annotations in a .js file); tree-sitter's JavaScript grammar refuses them
    target = tmp_path / name
    target.write_text(source, encoding="utf-8")
    result = scan_one(str(target), name, OPTIONS)
    assert result.problems == ()
    assert [s.api for s in result.call_sites] == ["login" if name == "class.jsx" else "navigateTo"]


def test_a_bare_ampersand_in_jsx_text_is_text_as_babel_reads_it(tmp_path: Path) -> None:
    target = tmp_path / "amp.jsx"
    target.write_text("import Taro from '@tarojs/taro'\nconst a = <View>a &\n  <Text>b &amp; c</Text></View>\nTaro.login()\n", encoding="utf-8")
    result = scan_one(str(target), "amp.jsx", OPTIONS)
    assert result.problems == ()
    assert [(s.api, s.line, s.column) for s in result.call_sites] == [("login", 4, 1)]


def test_a_bare_greater_than_in_jsx_text_is_text_as_older_babel_reads_it(tmp_path: Path) -> None:
    target = tmp_path / "gt.jsx"
    target.write_text("import Taro from '@tarojs/taro'\nconst a = <View onClick={() => Taro.login()}>兑换记录 ></View>\n", encoding="utf-8")
    result = scan_one(str(target), "gt.jsx", OPTIONS)
    assert (result.problems, [(s.api, s.line) for s in result.call_sites]) == ((), [("login", 2)])


def test_javascript_that_no_grammar_reads_keeps_the_first_problem(tmp_path: Path) -> None:
    target = tmp_path / "broken.jsx"
    target.write_text("import Taro from '@tarojs/taro'\nconst a = <View>{ }}</View> &\nTaro.login()\n", encoding="utf-8")
    result = scan_one(str(target), "broken.jsx", OPTIONS)
    assert result.problems == (ScanNote(ScanNoteKind.DOES_NOT_PARSE, line=2),)
    assert [(s.api, s.line) for s in result.call_sites] == [("login", 3)]


@pytest.mark.parametrize("name", ["props.ts", "props.tsx"])
def test_a_function_type_whose_parameter_is_named_like_a_type(tmp_path: Path, name: str) -> None:
    # TypeScript reads "(object) => any" as a parameter named object; tree-sitter-typescript refuses it
    target = tmp_path / name
    target.write_text("import Taro from '@tarojs/taro'\ninterface Props {\n  onUpdate: (object) => any;\n  success: (any) => void\n}\n"
                      "Taro.login()\n", encoding="utf-8")
    result = scan_one(str(target), name, OPTIONS)
    assert (result.problems, [(s.api, s.line) for s in result.call_sites]) == ((), [("login", 6)])


def test_a_vue_script_in_tsx_is_read_with_the_tsx_grammar(tmp_path: Path) -> None:
    target = tmp_path / "page.vue"
    target.write_text('<script lang="tsx">\nimport Taro from \'@tarojs/taro\'\nexport default () => <view onTap={() => Taro.login()} />\n</script>\n', encoding="utf-8")
    result = scan_one(str(target), "page.vue", OPTIONS)
    assert (result.problems, [(s.api, s.line) for s in result.call_sites]) == ((), [("login", 3)])


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    target = tmp_path / "c.ts"
    target.write_text("const 名 = '中文'; wx.login()\n", encoding="utf-8")
    assert [(s.line, s.column) for s in scan_one(str(target), "c.ts", OPTIONS).call_sites] == [(1, 17)]


def test_the_cache_makes_an_unchanged_file_cost_a_stat(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    source = project / "a.ts"
    source.write_text("wx.login()\n")
    (project / "b.ts").write_text("export const b = 1\n")
    cache = tmp_path / "scan.json"
    first = scan_files(source_files(project)[0], OPTIONS, cache_path=cache)
    second = scan_files(source_files(project)[0], OPTIONS, cache_path=cache)
    assert (first.parsed, first.from_cache, second.parsed, second.from_cache) == (2, 0, 0, 2)
    assert second.files == first.files
    source.write_text("wx.login()\nwx.request()\n")
    third = scan_files(source_files(project)[0], OPTIONS, cache_path=cache)
    assert (third.parsed, [s.api for s in third.files[0].call_sites]) == (1, ["login", "request"])
    cache.write_bytes(cache.read_bytes()[:-20])  # damaged: ignored and rebuilt
    fourth = scan_files(source_files(project)[0], OPTIONS, cache_path=cache)
    assert (fourth.parsed, fourth.files) == (2, third.files)


def test_parallel_scan_gives_the_same_result_as_serial(tmp_path: Path) -> None:
    for index in range(60):
        path = tmp_path / f"f{index:02d}.ts"
        path.write_text(f"import Taro from '@tarojs/taro'\nTaro.login()\n{'wx.request()' if index % 2 else ''}\n")
    files, _ = source_files(tmp_path)
    serial = scan_files(files, OPTIONS, jobs=1)
    parallel = scan_files(files, OPTIONS, jobs=2)
    assert parallel.files == serial.files
    assert sum(len(f.call_sites) for f in serial.files) == 90


def test_walk_skips_dependencies_output_and_type_declarations(tmp_path: Path) -> None:
    for relative in ("src/a.ts", "src/b.vue", "src/types.d.ts", "node_modules/x/index.js", "dist/app.js", ".cache/c.js",
                     "src/legacy/old.js", "README.md", "src/style.css"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("wx.login()\n")
    (tmp_path / "src" / "loop").symlink_to(tmp_path / "src", target_is_directory=True)
    files, notes = source_files(tmp_path, exclude=("src/legacy/**",))
    assert ([f.display for f in files], notes) == (["src/a.ts", "src/b.vue"], [])
    included, _ = source_files(tmp_path, include=("src/**/*.vue",))
    assert [f.display for f in included] == ["src/b.vue"]


def test_stored_platform_tests_immediately_invoked_getenv_values_and_fields() -> None:
    options = ScanOptions(globals_=OPTIONS.globals_, env_values=OPTIONS.env_values, env_types=(("ALIPAY", "alipay"), ("WEAPP", "weapp")))
    found = [(s.api, s.line, [(g.kind, g.negated, ",".join(g.envs)) for g in s.guards])
             for s in scan_one(str(CORPUS / "guards_env_stored.ts"), "guards_env_stored.ts", options).call_sites if s.via != "taro"]
    assert found == [
        ("getAuthCode", 9, [("taro_env", False, "alipay")]),
        ("login", 12, [("taro_env", False, "weapp")]),
        ("login", 15, []),  # a function given an argument is not unwrapped
        ("getUserProfile", 18, [("taro_env", False, "weapp")]),
        ("tradePay", 21, [("taro_env", False, "alipay")]),
        ("alert", 24, []),  # another property of the same object
        ("getRunScene", 33, [("taro_env", False, "alipay")]),  # a field only ever set from TARO_ENV
        ("getRunScene", 44, []),  # a field also set to something else
        ("getRunScene", 52, [("taro_env", False, "alipay")]),  # a field declared with its value
    ]


def test_a_native_global_tested_on_the_global_object_or_by_typeof() -> None:
    found = [(s.api, s.line, [(g.kind, g.negated, g.api, g.receiver) for g in s.guards]) for s in scan("guards_global.js").call_sites]
    assert found == [
        ("alert", 2, [("exists", False, None, "my")]),
        ("login", 5, [("exists", False, None, "wx")]),
        ("alert", 8, [("exists", False, None, "my")]),
    ]


def test_an_optional_call_tests_that_the_api_exists(tmp_path: Path) -> None:
    source = tmp_path / "a.ts"
    source.write_text("import Taro from '@tarojs/taro'\nTaro.onNeedPrivacyAuthorization?.(() => 1)\nTaro.hideHomeButton()\nwx.onAppRoute?.(f)\n"
                      "wx.getAccountInfoSync?.().miniProgram\n", encoding="utf-8")
    found = scan_one(str(source), "a.ts", OPTIONS)
    assert [(s.api, s.line, [(g.kind, g.negated, g.api, g.receiver) for g in s.guards]) for s in found.call_sites] == [
        ("onNeedPrivacyAuthorization", 2, [("exists", False, "onNeedPrivacyAuthorization", "taro")]),
        ("hideHomeButton", 3, []),
        ("onAppRoute", 4, [("exists", False, "onAppRoute", "wx")]),
        ("getAccountInfoSync", 5, [("exists", False, "getAccountInfoSync", "wx")]),
    ]


def test_var_and_let_never_reassigned_hold_a_platform_test_as_const_does(tmp_path: Path) -> None:
    source = tmp_path / "a.ts"
    source.write_text("import Taro from '@tarojs/taro'\nvar env = Taro.getEnv()\nlet mode = process.env.TARO_ENV\nmode = load()\n"
                      "if (env === 'WEAPP') wx.getSystemInfoSync()\nif (mode === 'weapp') wx.getSystemInfoSync()\n", encoding="utf-8")
    options = ScanOptions(globals_=OPTIONS.globals_, env_values=OPTIONS.env_values, env_types=(("WEAPP", "weapp"),))
    found = scan_one(str(source), "a.ts", options)
    assert [(s.line, [(g.kind, g.envs) for g in s.guards]) for s in found.call_sites if s.api == "getSystemInfoSync"] == [
        (5, [("taro_env", ("weapp",))]),
        (6, []),  # mode is reassigned: what it holds there cannot be told
    ]


def test_an_await_whose_value_is_thrown_away_is_no_promise_use(tmp_path: Path) -> None:
    source = tmp_path / "a.ts"
    source.write_text("import Taro from '@tarojs/taro'\nasync function f() {\n  await Taro.hideLoading()\n  const r = await Taro.login()\n"
                      "  Taro.showLoading().then(g)\n  return await (Taro.getSetting())\n}\n", encoding="utf-8")
    found = scan_one(str(source), "a.ts", OPTIONS)
    assert [(s.api, s.promise_style) for s in found.call_sites] == [("hideLoading", False), ("login", True), ("showLoading", True),
                                                                  ("getSetting", True)]
