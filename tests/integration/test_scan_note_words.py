"""The scanner's notes (TC010, TC016) and the evidence of guessed targets are data: the renderer words them in
English (as before, byte for byte) and in Chinese, so `check --lang zh` is Chinese from its first line on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import MATRIX

from checker.cli import main
from checker.evaluate import scan_note_finding
from checker.kb import load_matrix
from checker.model import Matrix
from checker.project.read import read_project
from checker.render.words import word
from checker.rules._words import EVIDENCE as EVIDENCE_WORDS
from checker.rules._words import evidence_phrase
from checker.scan.runner import ScanOptions, scan_one
from checker.scan.sites import ScanNote, ScanNoteKind
from checker.targets.evidence import platform_evidence
from checker.targets.model import Said

OPTIONS = ScanOptions(globals_=frozenset({"wx", "tt", "my"}), env_values=frozenset({"weapp", "tt", "alipay", "h5"}))
CALL = b"import Taro from '@tarojs/taro'\nTaro.showToast({ title: 'a' })\n"
LOCK = '{"lockfileVersion": 3, "packages": {"": {"dependencies": {"@tarojs/taro": "3.6.8"}}, "node_modules/@tarojs/taro": {"version": "3.6.8"}}}'
GBK = "import Taro from '@tarojs/taro'\n\n// 获取用户信息，然后显示欢迎语\nexport function greet(name) {\n  Taro.showToast({ title: '欢迎使用，' + name })\n}\n"


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return load_matrix(MATRIX, use_cache=False)


SCANNER_NOTES = [
    ("broken.ts", CALL + b"const x = {{{ ;\n", ScanNote(ScanNoteKind.DOES_NOT_PARSE, line=3), "TC010",
     "line 3: does not parse; the rest of the file was scanned", "第 3 行无法解析；已扫描文件的其余部分"),
    ("big.js", b"var a=1;\n" * (2 * 1024 * 1024 // 9 + 1), ScanNote(ScanNoteKind.TOO_LARGE, megabytes=2), "TC010",
     "over 2 MB: a bundle or generated file, not scanned", "超过 2 MB：应是打包产物或生成的文件，未扫描"),
    ("folder.ts", None, ScanNote(ScanNoteKind.UNREADABLE, reason="Is a directory"), "TC010",
     "cannot read: Is a directory", "无法读取：Is a directory"),
    ("binary.ts", b"\x7fELF\x00\x00\x00binary", ScanNote(ScanNoteKind.BINARY), "TC010",
     "binary content (NUL bytes), not source", "二进制内容（含 NUL 字节），不是源码"),
    ("odd.ts", b"\xff\xfewx.login()\n\x00\xd8", ScanNote(ScanNoteKind.BAD_BYTE_ORDER_MARK, encoding="UTF-16"), "TC010",
     "starts with a UTF-16 byte-order mark but is not valid UTF-16", "以 UTF-16 字节顺序标记（BOM）开头，但不是有效的 UTF-16"),
    ("noise.ts", b"wx.login()\n" + bytes(range(0x80, 0x100)) * 10, ScanNote(ScanNoteKind.UNDECODABLE, line=2), "TC010",
     "not UTF-8 text (line 2), and no likely encoding decodes it", "不是 UTF-8 文本（第 2 行），也没有可能的编码能解码它"),
    ("utf16.ts", CALL.decode().encode("utf-16"), ScanNote(ScanNoteKind.DECODED_BY_MARK, encoding="UTF-16"), "TC016",
     "UTF-16 text (with a byte-order mark), decoded and scanned", "UTF-16 文本（带字节顺序标记），已解码并扫描"),
    ("gbk.js", GBK.encode("gbk"), ScanNote(ScanNoteKind.DECODED, line=3, encoding="GB18030"), "TC016",
     "not UTF-8 (line 3): decoded as GB18030 (detected) and scanned; bundlers read sources as UTF-8, so its non-ASCII strings may"
     " show garbled",
     "不是 UTF-8（第 3 行）：已按检测出的 GB18030 解码并扫描；打包工具按 UTF-8 读取源码，其中的非 ASCII 字符串在设备上可能显示为乱码"),
]


@pytest.mark.parametrize(("name", "content", "note", "code", "english", "chinese"), SCANNER_NOTES, ids=[n.kind.value for _, _, n, *_ in SCANNER_NOTES])
def test_each_scanner_note_is_data_worded_in_english_and_chinese(
    tmp_path: Path, name: str, content: bytes | None, note: ScanNote, code: str, english: str, chinese: str,
) -> None:
    path = tmp_path / name
    if content is None:
        path.mkdir()  # opening it fails as an unreadable file does
    else:
        path.write_bytes(content)
    scanned = scan_one(str(path), name, OPTIONS)
    (found,) = (*scanned.problems, *((scanned.skipped,) if scanned.skipped else ()), *scanned.notes)
    assert found == note
    finding = scan_note_finding(name, found)
    assert (finding.code, finding.file, word(finding), word(finding, "zh")) == (code, name, english, chinese)


def _files(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


TEMPLATE_SCRIPTS = {f"build:{t}": f"taro build --type {t}" for t in ("weapp", "tt", "alipay", "swan", "h5", "jd")}
MANY = {  # more platforms than half the matrix's have scripts: none was pruned, so each script's shape decides
    "package.json": json.dumps({"name": "many", "dependencies": {"@tarojs/taro": "3.6.8"}, "scripts": {
        **TEMPLATE_SCRIPTS, "release:qq": "cross-env X=1 taro build --type qq",
        **{f"start:{t}": f"cross-env A=1 taro build --type {t} --watch" for t in ("weapp", "tt", "alipay")}}}, indent=2),
    "config/index.js": "const config = {\n  outputRoot: 'dist/h5',\n  plugins: ['@tarojs/plugin-platform-alipay'],\n}\n"
                       "if (process.env.TARO_ENV === 'swan') { config.x = 1 }\nmodule.exports = config\n",
    "project.config.json": '{"appid": "wx8a1b2c3d4e5f6a7b"}',
    "project.tt.json": '{"appid": "wx8a1b2c3d4e5f6a7b"}',
    "project.qq.json": '{"appid": "touristappid"}',
    "project.jd.json": '{"appid": "touristappid", "libVersion": "1.0.0"}',
    "project.swan.json": "{}",
    "mini.project.json": '{"condition": {}}',
    ".github/workflows/ci.yml": "jobs:\n  b:\n    steps:\n      - run: yarn build:tt\n",
}
EVIDENCE = [  # platform, what it says: English (as before), Chinese
    ("alipay", "plugin", "config/index.js plugins @tarojs/plugin-platform-alipay", "config/index.js 的 plugins 中配置了 @tarojs/plugin-platform-alipay"),
    ("alipay", "no_appid_opened", "mini.project.json without an appid, opened in the devtools (condition)",
     "mini.project.json 没有 appid，但已在开发者工具中打开过（condition）"),
    ("alipay", "script_template", "script 'build:alipay' as the template writes it", "脚本 'build:alipay' 与模板生成的一致"),
    ("alipay", "script_alike", "script 'start:alipay' one of a set written alike for every platform",
     "脚本 'start:alipay' 属于为每个平台照同一写法编写的一组脚本"),
    ("h5", "output_root", "outputRoot 'dist/h5'", "outputRoot 为 'dist/h5'"),
    ("jd", "placeholder_appid_opened", "project.jd.json with placeholder appid 'touristappid', opened in the devtools (libVersion)",
     "project.jd.json 使用占位 appid 'touristappid'，但已在开发者工具中打开过（libVersion）"),
    ("qq", "script_written", "script 'release:qq' written for it", "脚本 'release:qq' 是专为该平台编写的"),
    ("qq", "placeholder_appid", "project.qq.json with placeholder appid 'touristappid'", "project.qq.json 使用占位 appid 'touristappid'"),
    ("swan", "config_env", "config/index.js sets something apart for TARO_ENV 'swan'", "config/index.js 针对 TARO_ENV 'swan' 做了单独配置"),
    ("swan", "no_appid", "project.swan.json without an appid", "project.swan.json 没有 appid"),
    ("tt", "ci", "CI runs 'yarn build:tt'", "CI 中运行 'yarn build:tt'"),
    ("tt", "copied_appid", "project.tt.json with appid wx8a1b2c3d4e5f6a7b, which is weapp's (a copy)",
     "project.tt.json 的 appid wx8a1b2c3d4e5f6a7b 属于 weapp（是复制来的文件）"),
    ("weapp", "appid", "project.config.json appid wx8a1b2c3d4e5f6a7b", "project.config.json 的 appid 为 wx8a1b2c3d4e5f6a7b"),
]


def test_each_evidence_detail_is_data_worded_in_english_and_chinese(tmp_path: Path, matrix: Matrix) -> None:
    profile = read_project(_files(tmp_path, MANY), scan_root=tmp_path)
    seen = {(platform, e.detail.said.value): (evidence_phrase("en", e.detail), evidence_phrase("zh", e.detail))
            for platform, items in platform_evidence(profile, matrix.platforms).items() for e in items}
    assert {said for _, said in seen} == {said for _, said, _, _ in EVIDENCE}
    for platform, said, english, chinese in EVIDENCE:
        assert seen[(platform, said)] == (english, chinese), said


def test_every_variant_is_tested_and_worded_in_both_languages() -> None:
    # script_kept and source_calls: in the tests below, through check
    assert {said for _, said, _, _ in EVIDENCE} | {"script_kept", "source_calls"} == set(Said)
    assert set(EVIDENCE_WORDS["en"]) == set(EVIDENCE_WORDS["zh"]) == set(Said)
    assert {note.kind for _, _, note, *_ in SCANNER_NOTES} == set(ScanNoteKind)


def check(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_target_the_source_is_written_for_is_said_in_both_languages(tmp_path: Path) -> None:
    pages = {f"src/pages/p{i}.ts": "my.getAuthCode({ scopes: 'auth_base' })\n" for i in (1, 2, 3)}
    _files(tmp_path, {"package.json": '{"name": "ali", "dependencies": {"@tarojs/taro": "3.6.8"}, "scripts": {"build:weapp": '
                                      '"taro build --type weapp"}}', "package-lock.json": LOCK, **pages})
    code, out, err = check(str(tmp_path), "--format", "json")
    (target,) = json.loads(out)["projects"][0]["targets"]
    assert (target["platform"], target["evidence"]) == ("alipay", [
        {"kind": "source_calls", "file": "src/pages/p1.ts", "line": 1, "detail": "3 files call my.* unguarded", "strong": True,
         "detail_kind": "source_calls", "detail_args": {"count": 3, "via": "my"}}])
    _, text, _ = check(str(tmp_path), "--lang", "zh")
    assert text.splitlines()[0] == ("ali (.)：Taro 3.6.8，来自 package-lock.json；目标平台 alipay（推断得出，alipay：3 个文件未加保护地调用了 my.*；"
                                    "请用 `taro-compat init` 声明）；3 个源文件")


def test_a_pruned_build_script_in_json_and_in_both_languages(tmp_path: Path) -> None:
    _files(tmp_path, {"package.json": '{"name": "web", "dependencies": {"@tarojs/taro": "3.6.8"}, "scripts": {"build:h5": "taro build --type h5"}}'})
    _, out, _ = check(str(tmp_path), "--no-scan", "--format", "json")
    (project,) = json.loads(out)["projects"]
    assert [(e["detail"], e["detail_kind"], e["detail_args"]) for e in project["targets"][0]["evidence"]] == [
        ("script 'build:h5' kept when the others were removed", "script_kept", {"script": "build:h5"})]
    assert project["targets_summary"] == ("h5 (guessed: h5 from script 'build:h5' kept when the others were removed;"
                                          " declare them with `taro-compat init`)")  # JSON keeps the English words
    _, text, _ = check(str(tmp_path), "--no-scan")
    assert text.splitlines()[0] == ("web (.): Taro 3.6.8 from package.json (exact version); targets h5 (guessed: h5 from script 'build:h5'"
                                    " kept when the others were removed; declare them with `taro-compat init`)")


def test_check_lang_zh_is_chinese_from_the_first_line(tmp_path: Path) -> None:
    _files(tmp_path, {
        "package.json": '{"name": "mini", "dependencies": {"@tarojs/taro": "3.6.8"}, "scripts": {"build:h5": "taro build --type h5"}}',
        "package-lock.json": LOCK,
        "src/broken.ts": CALL.decode() + "const x = {{{ ;\n",
    })
    (tmp_path / "src" / "gbk.js").write_bytes(GBK.encode("gbk"))
    (tmp_path / "src" / "big.js").write_bytes(b"var a=1;\n" * (2 * 1024 * 1024 // 9 + 1))
    code, out, err = check(str(tmp_path), "--lang", "zh")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("mini (.)：Taro 3.6.8，来自 package-lock.json；目标平台 h5（推断得出，h5：删除其他平台的脚本后仍保留了脚本 'build:h5'；"
                        "请用 `taro-compat init` 声明）；3 个源文件")
    told = [line.split(f"{tmp_path.name}/", 1)[-1] for line in lines if f"{tmp_path.name}/" in line]
    assert told == [
        "src/big.js: warning TC010 超过 2 MB：应是打包产物或生成的文件，未扫描",
        "src/broken.ts: warning TC010 第 3 行无法解析；已扫描文件的其余部分",
        "package.json: info TC007 未声明目标平台：根据证据推断为 h5（h5：删除其他平台的脚本后仍保留了脚本 'build:h5'）；请用 `taro-compat init` 声明",
        "src/gbk.js: info TC016 不是 UTF-8（第 3 行）：已按检测出的 GB18030 解码并扫描；打包工具按 UTF-8 读取源码，"
        "其中的非 ASCII 字符串在设备上可能显示为乱码",
    ]
    _, english, _ = check(str(tmp_path), "--format", "json")  # the JSON in English reads as it did: the corpus runner counts its reasons
    messages = sorted((f["code"], f["file"], f["message"]) for f in json.loads(english)["projects"][0]["findings"] if f["code"] != "TC007")
    assert messages == [
        ("TC010", "src/big.js", "over 2 MB: a bundle or generated file, not scanned"),
        ("TC010", "src/broken.ts", "line 3: does not parse; the rest of the file was scanned"),
        ("TC016", "src/gbk.js", "not UTF-8 (line 3): decoded as GB18030 (detected) and scanned; bundlers read sources as UTF-8, so its"
                                " non-ASCII strings may show garbled"),
    ]
