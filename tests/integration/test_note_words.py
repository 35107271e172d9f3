"""Project notes (TC001-TC016) are data: the renderer words each in English (as before) and in Chinese."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import MATRIX

from checker.cli import main
from checker.errors import Location
from checker.evaluate import note_finding
from checker.findings import Args, Severity
from checker.kb import load_matrix
from checker.model import Matrix
from checker.project.profile import Note
from checker.project.read import read_project
from checker.render.words import word
from checker.targets.model import Detail, Said, detail_args
from checker.targets.resolve import resolve_targets


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return load_matrix(MATRIX, use_cache=False)


W, INFO = Severity.WARNING, Severity.INFO
AT = Location("package.json", 4)
TARO = {"package": "@tarojs/taro"}

CASES = [
    (Note("TC001", INFO, AT, args=Args.of(version="2.10.4", platform="weapp")),
     "libVersion 2.10.4 is the base library the WeChat devtools debug with, not the production minimum (that is set in the admin"
     " console); declare it in taroCompat targets, e.g. 'weapp >= 2.10.4'",
     "libVersion 2.10.4 是微信开发者工具调试所用的基础库，不是线上的最低版本（最低版本在小程序管理后台设置）；"
     "请在 taroCompat 的 targets 中声明，例如 'weapp >= 2.10.4'"),
    (Note("TC002", W, AT, "no_lock", Args.of(TARO, declared="^3.6.8", spec="range", spec_value="^3.6.8")),
     "cannot tell the Taro version: @tarojs/taro '^3.6.8' is any version in ^3.6.8, and no lock file resolves it; the check treats"
     " it as unknown",
     "无法确定 Taro 版本：@tarojs/taro 声明为 '^3.6.8'（范围 ^3.6.8 内的任意版本），且没有锁文件能确定它；检查时视为未知版本"),
    (Note("TC002", W, AT, "spec", Args.of(TARO, declared="latest", spec="tag", spec_value="latest")),
     "cannot tell the Taro version: @tarojs/taro 'latest' is the dist-tag 'latest': the version depends on the day of install, and"
     " the dist-tag 'latest': the version depends on the day of install; the check treats it as unknown",
     "无法确定 Taro 版本：@tarojs/taro 声明为 'latest'（dist-tag 'latest'，版本取决于安装当天）；检查时视为未知版本"),
    (Note("TC002", W, AT, "unreadable", Args.of(TARO, declared="npm:@tarojs/taro@^3.6.8", spec="range", spec_value="^3.6.8",
                                                 spec_origin="alias", spec_alias="@tarojs/taro", unreadable=("yarn.lock", "pnpm-lock.yaml"))),
     "cannot tell the Taro version: @tarojs/taro 'npm:@tarojs/taro@^3.6.8' is any version in ^3.6.8 (an alias of @tarojs/taro), and"
     " yarn.lock and pnpm-lock.yaml cannot be read; the check treats it as unknown",
     "无法确定 Taro 版本：@tarojs/taro 声明为 'npm:@tarojs/taro@^3.6.8'（范围 ^3.6.8 内的任意版本，是 @tarojs/taro 的别名），"
     "且 yarn.lock、pnpm-lock.yaml 无法读取；检查时视为未知版本"),
    (Note("TC002", W, AT, "stale", Args.of(TARO, declared="catalog:taro3", spec="catalog", spec_inner="range", spec_value="~3.6.8",
                                            spec_catalog="taro3", stale_files=("yarn.lock",), stale_kinds=("records",),
                                            stale_values=("^3.5.0",))),
     "cannot tell the Taro version: @tarojs/taro 'catalog:taro3' is any version in ~3.6.8 (pnpm catalog 'taro3' in pnpm-workspace.yaml),"
     " and every lock file is stale: yarn.lock records @tarojs/taro '^3.5.0' where package.json says 'catalog:taro3'; the check"
     " treats it as unknown",
     "无法确定 Taro 版本：@tarojs/taro 声明为 'catalog:taro3'（范围 ~3.6.8 内的任意版本，来自 pnpm-workspace.yaml 中的 pnpm catalog"
     " 'taro3'），且所有锁文件都已过期：yarn.lock 记录的是 @tarojs/taro '^3.5.0'，而 package.json 中为 'catalog:taro3'；检查时视为未知版本"),
    (Note("TC003", W, Location("project.config.json", 1, 1), "project_file"),
     "comments or trailing commas: Taro's CLI reads this file with JSON.parse and would fail",
     "含有注释或末尾逗号：Taro CLI 用 JSON.parse 读取此文件，会解析失败"),
    (Note("TC005", W, AT, "disagree", Args.of(TARO, declared="^3.6.8", lockfile="yarn.lock", agrees=True,
                                               listed=("package-lock.json 3.6.20", "yarn.lock 3.6.26"), aside_files=("package-lock.json",),
                                               aside_kinds=("resolves",), aside_values=("3.5.0",))),
     "lock files disagree on @tarojs/taro (package-lock.json 3.6.20, yarn.lock 3.6.26); using yarn.lock (it agrees with package.json);"
     " package-lock.json is stale: it resolves 3.5.0, outside package.json's '^3.6.8'",
     "各锁文件中的 @tarojs/taro 版本不一致（package-lock.json 3.6.20, yarn.lock 3.6.26）；使用 yarn.lock（它与 package.json 一致）；"
     "package-lock.json 已过期：解析为 3.5.0，不在 package.json 的 '^3.6.8' 范围内"),
    (Note("TC005", W, AT, "stale_chosen", Args.of(TARO, declared="^3.6.8", lockfile="pnpm-lock.yaml", version="3.5.12", stale="records",
                                                   stale_value="^3.5.0")),
     "pnpm-lock.yaml is stale: it records @tarojs/taro '^3.5.0' where package.json says '^3.6.8'; using its @tarojs/taro 3.5.12 all"
     " the same (no lock file agrees with package.json; the next install may resolve another version)",
     "pnpm-lock.yaml 已过期：记录的是 @tarojs/taro '^3.5.0'，而 package.json 中为 '^3.6.8'；仍使用其中的 @tarojs/taro 3.5.12"
     "（没有与 package.json 一致的锁文件，下次安装可能解析出其他版本）"),
    (Note("TC006", INFO, AT, args=Args.of(platform="weapp", minimum="2.16.0", coverage=99.52, date="2024-06-01")),
     "no weapp minimum declared: assuming 2.16.0, the oldest version that keeps 99.52% of users (usage data of 2024-06-01)",
     "未声明 weapp 的最低版本：假定为 2.16.0，即仍能覆盖 99.52% 用户的最低版本（用户分布数据日期：2024-06-01）"),
    (Note("TC007", W, AT, "assumed", Args.of(platform="weapp", command="taro-compat init")),
     "no targets declared and no evidence of where the project ships: assuming weapp; declare them with `taro-compat init --targets ...`",
     "未声明目标平台，也没有项目发布到哪些平台的证据：假定为 weapp；请用 `taro-compat init --targets ...` 声明"),
    (Note("TC007", INFO, AT, "guessed", Args.of(detail_args([Detail(Said.APPID, Args.of(file="project.tt.json", appid="tt12345678")),
                                                          Detail(Said.CI, Args.of(command="build"))]),
                                              chosen=("tt", "weapp"), command="taro-compat init")),
     "no targets declared: guessed tt, weapp from the evidence (tt: project.tt.json appid tt12345678; weapp: CI runs 'build');"
     " declare them with `taro-compat init`",
     "未声明目标平台：根据证据推断为 tt, weapp（tt：project.tt.json 的 appid 为 tt12345678；weapp：CI 中运行 'build'）；请用 `taro-compat init` 声明"),
    (Note("TC008", INFO, AT, args=Args.of(build_type="quickapp")),
     "build type 'quickapp' has no platform in the knowledge base; it is not checked",
     "构建类型 'quickapp' 在知识库中没有对应的平台，不做检查"),
    (Note("TC010", W, Location("tsconfig.json", 3, 5), "module_paths", Args.of(detail="tsconfig.json:3:5: invalid JSON")),
     "tsconfig.json:3:5: invalid JSON; imports through its paths are not followed",
     "tsconfig.json:3:5: invalid JSON；不跟踪经由其 paths 配置的导入"),
    (Note("TC012", W, AT, args=Args.of(taro="3.6.20", relation="older", plugin="@tarojs/plugin-platform-tt", plugin_version="3.6.26",
                                        lockfile="yarn.lock", platform="tt")),
     "the resolved Taro 3.6.20 is older than @tarojs/plugin-platform-tt 3.6.26 (yarn.lock); the checks assume 3.6.20 for tt",
     "解析出的 Taro 3.6.20 低于 @tarojs/plugin-platform-tt 3.6.26（yarn.lock）；检查 tt 时按 3.6.20 处理"),
    (Note("TC014", W, AT, "newer", Args.of(clause="weapp >= 9.0.0", catalogue="WeChat base library", catalogue_zh="微信基础库",
                                            version="9.0.0", newest="3.5.0", dated="2024-07-01")),
     "'weapp >= 9.0.0': WeChat base library 9.0.0 is newer than the catalogue (newest release 3.5.0, dated 2024-07-01): it is taken"
     " as given, and what the matrix says of newer releases is not known",
     "'weapp >= 9.0.0'：微信基础库 9.0.0 比版本目录中的都新（目录中最新的是 3.5.0，发布于 2024-07-01）：按所写版本处理，知识库不了解更新版本的情况"),
    (Note("TC014", W, AT, "incomplete", Args.of(clause="tt >= 2.30.5", catalogue="Douyin base library", catalogue_zh="抖音基础库",
                                                 version="2.30.5")),
     "'tt >= 2.30.5': Douyin base library 2.30.5 is not in the catalogue, which is incomplete; it falls between known releases of"
     " its line and is taken as given",
     "'tt >= 2.30.5'：抖音基础库 2.30.5 不在版本目录中（该目录不完整）；它介于同一版本线的已知版本之间，按所写版本处理"),
    (Note("TC015", W, AT, "using_lock", Args.of(detail="the file ends mid-line", lockfile="package-lock.json", version="3.3.19")),
     "cannot read this lock file (the file ends mid-line): using package-lock.json (3.3.19)",
     "无法读取此锁文件（the file ends mid-line）：改用 package-lock.json（3.3.19）"),
    (Note("TC015", W, AT, "using_range", Args.of(detail="bad", declared="^3.6.8")),
     "cannot read this lock file (bad): using package.json's range '^3.6.8' (unknown within it)",
     "无法读取此锁文件（bad）：改用 package.json 中的范围 '^3.6.8'（范围内的具体版本未知）"),
    (Note("TC015", W, Location("pnpm-workspace.yaml"), "workspace_not_utf8"),
     "cannot read the workspace file (not UTF-8 text): its catalogs are unknown",
     "无法读取 workspace 文件（不是 UTF-8 文本）：其中的 catalog 未知"),
]


@pytest.mark.parametrize(("note", "english", "chinese"), CASES, ids=[f"{n.code}-{n.variant}" for n, _, _ in CASES])
def test_each_note_is_worded_in_english_and_chinese(note: Note, english: str, chinese: str) -> None:
    finding = note_finding(note)
    assert (word(finding), word(finding, "zh")) == (english, chinese)


def _project(root: Path, package: str, **files: str) -> None:
    (root / "package.json").write_text(package, encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def test_the_reader_builds_its_notes_as_data(tmp_path: Path, matrix: Matrix) -> None:
    _project(tmp_path, '{"dependencies": {"@tarojs/taro": "3.6.8", "@tarojs/cli": "3.6.2",},\n "taroCompat": {"targets": "h5"}}',
             **{"taro-compat.yaml": "targets: h5\n"})
    profile = read_project(tmp_path, scan_root=tmp_path)
    worded = [(n.code, n.severity, word(note_finding(n)), word(note_finding(n), "zh")) for n in profile.notes]
    assert worded == [
        ("TC003", W, "comments or trailing commas: npm and Taro's CLI would reject this file", "含有注释或末尾逗号：npm 和 Taro CLI 都会拒绝读取此文件"),
        ("TC004", W, "@tarojs/taro is 3.6.8 but @tarojs/cli 3.6.2: Taro packages should share one version",
         "@tarojs/taro 为 3.6.8，但 @tarojs/cli 3.6.2：Taro 的各个包应使用同一版本"),
        ("TC009", W, "settings in both taro-compat.yaml and package.json#taroCompat: using taro-compat.yaml",
         "taro-compat.yaml 和 package.json#taroCompat 中都有配置：使用 taro-compat.yaml"),
    ]
    assert not resolve_targets(profile, matrix.platforms, matrix.usage, matrix.catalogues).notes


def test_the_targets_stage_builds_its_notes_as_data(tmp_path: Path, matrix: Matrix) -> None:
    _project(tmp_path, '{"dependencies": {"@tarojs/taro": "3.6.8"}}',
             **{"project.config.json": '{"appid": "wx8a1b2c3d4e5f6a7b", "libVersion": "2.16.0"}'})
    profile = read_project(tmp_path, scan_root=tmp_path)
    notes = resolve_targets(profile, matrix.platforms, matrix.usage, matrix.catalogues).notes
    assert [(n.code, n.variant, n.severity) for n in notes] == [("TC007", "guessed", INFO), ("TC006", "default", INFO), ("TC001", "default", INFO)]
    guessed = note_finding(notes[0])
    assert word(guessed) == ("no targets declared: guessed weapp from the evidence (weapp: project.config.json appid wx8a1b2c3d4e5f6a7b);"
                             " declare them with `taro-compat init`")
    assert word(guessed, "zh") == ("未声明目标平台：根据证据推断为 weapp（weapp：project.config.json 的 appid 为 wx8a1b2c3d4e5f6a7b）；"
                                   "请用 `taro-compat init` 声明")
    assert word(note_finding(notes[2]), "zh").startswith("libVersion 2.16.0 是微信开发者工具调试所用的基础库")


def test_check_lang_zh_words_the_notes_in_every_format(tmp_path: Path) -> None:
    _project(tmp_path, '{"name": "mini", "dependencies": {"@tarojs/taro": "3.6.8"}}')
    outputs = {}
    for fmt in ("text", "json", "markdown", "sarif", "html"):
        out, err = io.StringIO(), io.StringIO()
        assert main(["check", str(tmp_path), "--lang", "zh", "--format", fmt], stdout=out, stderr=err) == 0, err.getvalue()
        outputs[fmt] = out.getvalue()
    guessed = "未声明目标平台，也没有项目发布到哪些平台的证据：假定为 weapp；请用 `taro-compat init --targets ...` 声明"
    minimum = "未声明 weapp 的最低版本：假定为 "
    for fmt in ("text", "markdown", "html"):
        assert minimum in outputs[fmt], fmt
    assert guessed in outputs["text"]
    findings = json.loads(outputs["json"])["projects"][0]["findings"]
    messages = {f["code"]: f["message"] for f in findings}
    assert messages["TC007"] == guessed and messages["TC006"].startswith(minimum)
    results = json.loads(outputs["sarif"])["runs"][0]["results"]
    assert {r["ruleId"]: r["message"]["text"] for r in results}["TC007"] == guessed
