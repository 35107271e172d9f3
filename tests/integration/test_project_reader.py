"""Reading real-shaped Taro projects: the profile, the check --no-scan JSON, and bad input."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from checker.evaluate import note_finding
from checker.kb import load_matrix
from checker.model import Matrix
from checker.project.discover import discover
from checker.project.profile import Note, ProjectProfile
from checker.project.read import read_project
from checker.render.words import word
from checker.targets.resolve import resolve_targets
from conftest import MATRIX, REPO


def said(note: Note) -> str:
    return word(note_finding(note))

PROJECTS = REPO / "tests" / "fixtures" / "projects"


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return load_matrix(MATRIX, use_cache=False)


def read(matrix: Matrix, directory: Path, scan_root: Path | None = None, targets: str | None = None) -> ProjectProfile:
    return read_project(directory, scan_root=scan_root or directory, targets_override=targets)


def targets_of(matrix: Matrix, profile: ProjectProfile) -> list[tuple[str, str | None, str]]:
    resolved = resolve_targets(profile, matrix.platforms, matrix.usage, matrix.catalogues)
    return [(t.platform, t.min_version, t.source) for t in resolved.targets]


def notes_of(matrix: Matrix, profile: ProjectProfile) -> list[tuple[str, str, str]]:
    resolved = resolve_targets(profile, matrix.platforms, matrix.usage, matrix.catalogues)
    return [(n.code, n.severity, str(n.location)) for n in profile.notes + resolved.notes]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_npm_project(matrix: Matrix) -> None:
    profile = read(matrix, PROJECTS / "npm-app")
    assert (profile.name, profile.taro.declared, profile.taro.resolved, profile.taro.source) == (
        "npm-app",
        "^3.6.8",
        "3.6.26",
        "package-lock.json",
    )
    assert str(profile.taro.declared_at) == "package.json:14"
    # three build scripts left of the template's eight, and a project file the devtools opened: chosen platforms
    assert targets_of(matrix, profile) == [("h5", None, "evidence"), ("weapp", "2.27.3", "evidence")]
    assert (profile.framework, profile.compiler, profile.source_root, profile.output_root) == ("react", "webpack5", "src", None)
    assert profile.output_root_computed
    assert profile.plugins == ("@tarojs/plugin-generator",)
    assert profile.env_aliases == ("__TARO_ENV", "CURRENT_PLATFORM")
    assert (profile.lib_version, str(profile.lib_version_at), profile.appid) == ("2.27.1", "project.config.json:5", "touristappid")
    assert notes_of(matrix, profile) == [
        ("TC007", "info", "package.json"),  # guessed
        ("TC006", "info", "package.json"),  # the weapp minimum from the usage data
        ("TC008", "info", "package.json:9"),  # build type quickapp is not in the matrix
        ("TC001", "info", "project.config.json:5"),
    ]


def test_settings_in_package_json(matrix: Matrix) -> None:
    profile = read(matrix, PROJECTS / "yarn-app")
    assert (profile.taro.resolved, profile.taro.source) == ("3.6.20", "yarn.lock")
    assert targets_of(matrix, profile) == [
        ("tt", "2.30.0", "package.json#taroCompat"),
        ("weapp", "2.16.0", "package.json#taroCompat"),
    ]
    assert (profile.published.isoformat() if profile.published else None, profile.fail_on, profile.exclude) == (
        "2023-01-01",
        "warning",
        ("src/legacy/**",),
    )
    assert notes_of(matrix, profile) == []


def test_targets_option_overrides_the_project(matrix: Matrix) -> None:
    profile = read(matrix, PROJECTS / "yarn-app", targets="h5, cover 99.5% in weapp")
    assert targets_of(matrix, profile) == [("h5", None, "--targets"), ("weapp", "2.27.3", "--targets (cover 99.5%)")]


def test_messy_project(matrix: Matrix) -> None:
    profile = read(matrix, PROJECTS / "messy")
    assert (profile.taro.declared, profile.taro.resolved, profile.taro.allows) == ("latest", None, None)
    # project.private.config.json overrides project.config.json
    assert (profile.lib_version, str(profile.lib_version_at)) == ("2.30.4", "project.private.config.json:2")
    assert profile.appid == "wx0123456789abcdef"
    assert profile.platform_files == ("project.config.json", "project.private.config.json", "project.tt.json")
    assert targets_of(matrix, profile) == [("h5", None, "taro-compat.yaml"), ("weapp", "2.21.2", "taro-compat.yaml")]
    assert profile.baseline == ".taro-compat-baseline.json"
    assert (profile.framework, profile.compiler) == ("vue3", "webpack5")
    assert notes_of(matrix, profile) == [
        ("TC004", "warning", "package.json:4"),
        ("TC002", "warning", "package.json:4"),
        ("TC003", "warning", "project.config.json:1:1"),
        ("TC009", "warning", "taro-compat.yaml:1:1"),
        ("TC001", "info", "project.private.config.json:2"),
    ]


def test_lock_files_that_disagree(matrix: Matrix) -> None:
    profile = read(matrix, PROJECTS / "disagree")
    assert (profile.taro.resolved, profile.taro.source) == ("3.6.26", "yarn.lock")  # packageManager says yarn
    (note,) = [n for n in profile.notes if n.code == "TC005"]
    assert said(note) == "lock files disagree on @tarojs/taro (package-lock.json 3.6.20, yarn.lock 3.6.26); using yarn.lock"


def test_monorepo_discovery_skips_dependencies_and_build_output(tmp_path: Path, matrix: Matrix) -> None:
    root = tmp_path / "monorepo"
    shutil.copytree(PROJECTS / "monorepo", root)
    for hidden in ("packages/app-a/node_modules/some-lib", "packages/app-b/dist"):
        (root / hidden).mkdir(parents=True)
        (root / hidden / "package.json").write_text('{"dependencies": {"@tarojs/taro": "^3.0.0"}}')
    (root / "packages" / "loop").symlink_to(root / "packages", target_is_directory=True)
    found = discover(root)
    assert [p.relative_to(root).as_posix() for p in found] == ["packages/app-a", "packages/app-b"]
    a, b = (read(matrix, directory, scan_root=root) for directory in found)
    assert (a.root, a.taro.resolved, a.taro.source) == ("packages/app-a", "3.6.26", "../../pnpm-lock.yaml")
    assert (b.root, b.taro.resolved) == ("packages/app-b", "3.5.12")


def check_json(*argv: str) -> tuple[int, dict[str, Any], str]:
    code, out, err = run("check", "--no-scan", "--format", "json", *argv)
    return code, json.loads(out) if out else {}, err


def test_check_no_scan_fills_the_profile_section() -> None:
    code, report, err = check_json(str(PROJECTS / "npm-app"))
    assert (code, err) == (0, "")
    assert report["format_version"] == 2
    (project,) = report["projects"]
    assert project["root"] == "."
    assert project["taro"] == {"declared": "^3.6.8", "resolved": "3.6.26", "source": "package-lock.json", "allows": None}
    pruned = "kept when the others were removed"

    def kept(script: str) -> dict[str, object]:
        return {"detail": f"script '{script}' {pruned}", "detail_kind": "script_kept", "detail_args": {"script": script}}

    assert project["targets"] == [
        {"platform": "h5", "min_version": None, "from": "evidence", "coverage": None, "guessed": True, "minimum_from": None,
         "evidence": [{"kind": "build_script", "file": "package.json", "line": 7, "strong": True, **kept("build:h5")}]},
        {"platform": "weapp", "min_version": "2.27.3", "from": "evidence", "coverage": 99.78, "guessed": True,
         "minimum_from": "default: cover 99.5% in weapp (usage data of 2025-11-30)",
         "evidence": [
             {"kind": "project_file", "file": "project.config.json", "line": 4, "strong": True,
              "detail": "project.config.json with placeholder appid 'touristappid', opened in the devtools (libVersion)",
              "detail_kind": "placeholder_appid_opened",
              "detail_args": {"file": "project.config.json", "appid": "touristappid", "keys": ["libVersion"]}},
             {"kind": "build_script", "file": "package.json", "line": 6, "strong": True, **kept("build:weapp")},
             {"kind": "build_script", "file": "package.json", "line": 8, "strong": True, **kept("dev:weapp")},
         ]},
    ]
    assert project["targets_summary"] == (
        "h5, weapp >= 2.27.3 (guessed: h5 from script 'build:h5' kept when the others were removed; weapp from project.config.json "
        "with placeholder appid 'touristappid', opened in the devtools (libVersion); weapp minimum keeps 99.78% of users; "
        "declare them with `taro-compat init`)"
    )
    assert project["call_sites"] == []
    assert [(f["code"], f["verdict"], f["file"], f["line"]) for f in project["findings"]] == [
        ("TC006", "default-minimum-assumed", "package.json", 0),
        ("TC007", "no-targets-declared", "package.json", 0),
        ("TC008", "build-type-unknown", "package.json", 9),
        ("TC001", "libversion-is-a-hint", "project.config.json", 5),
    ]
    assert report["summary"] == {"errors": 0, "warnings": 0, "infos": 4}


def test_check_monorepo_reports_each_project(tmp_path: Path) -> None:
    code, report, _ = check_json(str(PROJECTS / "monorepo"))
    assert code == 0
    assert [(p["root"], p["taro"]["resolved"]) for p in report["projects"]] == [("packages/app-a", "3.6.26"), ("packages/app-b", "3.5.12")]


def test_fail_on_warning_from_the_project_settings() -> None:
    code, _, _ = check_json(str(PROJECTS / "messy"))
    assert code == 0  # warnings only, default --fail-on error
    code, _, _ = check_json(str(PROJECTS / "messy"), "--fail-on", "warning")
    assert code == 1


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run("check", "--no-scan", "--format", "json", "--output", str(target), str(PROJECTS / "npm-app"))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text())["projects"][0]["taro"]["resolved"] == "3.6.26"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left behind


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


TARO_PACKAGE = '{"name": "x", "dependencies": {"@tarojs/taro": "3.6.8"}, "scripts": {"b": "taro build --type weapp"}}'


@pytest.mark.parametrize(
    ("files", "message"),
    [
        pytest.param({"package.json": '{"name": "x", "dependencies": {"@tarojs/taro": "3.6.8",'}, "package.json:1:56: invalid JSON: Expecting property name enclosed in double quotes", id="truncated package.json"),
        pytest.param({"package.json": TARO_PACKAGE, "project.config.json": '{"libVersion": "2.10.4"'}, "project.config.json:1:24: invalid JSON: Expecting ',' delimiter", id="truncated project.config.json"),
        pytest.param({"package.json": TARO_PACKAGE, "config/index.js": "module.exports = { framework: 'react', \n plugins: [ }\n"}, "config/index.js:2:12: does not parse as JavaScript/TypeScript", id="config that does not parse"),
        pytest.param({"package.json": TARO_PACKAGE, "taro-compat.yaml": "targets: wepp >= 2.10\n"}, "taro-compat.yaml:1:1: unknown platform 'wepp' (did you mean 'weapp'?)", id="target typo in settings"),
        pytest.param({"package.json": TARO_PACKAGE, "taro-compat.yaml": "target: weapp\n"}, "taro-compat.yaml:1:1: unknown setting 'target' (did you mean 'targets'?); known: targets, published, include, exclude, baseline, failOn, ignore, strictUnknown", id="unknown setting"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, files: dict[str, str], message: str | None) -> None:
    write(tmp_path, files)
    code, out, err = run("check", "--no-scan", str(tmp_path))
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1
    if message is not None:
        assert lines[0] == f"taro-compat: {message}"
    else:
        assert lines[0].startswith("taro-compat: yarn.lock:")


def test_a_lock_file_cut_in_half_does_not_drop_the_project(tmp_path: Path) -> None:
    write(tmp_path, {"package.json": TARO_PACKAGE.replace('"3.6.8"', '"^3.6.8"'), "yarn.lock": '# yarn lockfile v1\n\n"@tarojs/taro@^3.6.8":\n  version "3.6'})
    code, out, err = run("check", "--no-scan", "--format", "json", str(tmp_path))
    (project,) = json.loads(out)["projects"]
    assert (code, err) == (0, "")
    assert project["taro"] == {"declared": "^3.6.8", "resolved": None, "source": "yarn.lock cannot be read", "allows": "^3.6.8"}
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in project["findings"] if f["code"] in ("TC002", "TC015")] == [
        ("TC002", "package.json", 1, 0), ("TC015", "yarn.lock", 4, 15)
    ]


def test_not_a_taro_project(tmp_path: Path) -> None:
    write(tmp_path, {"package.json": '{"name": "web", "dependencies": {"react": "18.2.0"}}'})
    assert run("check", "--no-scan", str(tmp_path))[::2] == (2, f"taro-compat: {tmp_path}: no Taro project found (package.json does not depend on @tarojs/taro)\n")


def test_targets_typo_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path, {"package.json": TARO_PACKAGE})
    code, _, err = run("check", "--no-scan", "--targets", "wepp >= 2.10", str(tmp_path))
    assert (code, err) == (2, "taro-compat: --targets: unknown platform 'wepp' (did you mean 'weapp'?)\n")


def test_one_broken_project_does_not_hide_the_others(tmp_path: Path) -> None:
    write(tmp_path, {"a/package.json": TARO_PACKAGE, "b/package.json": TARO_PACKAGE[:-1] + ',,}'})
    code, out, err = run("check", "--no-scan", "--format", "json", str(tmp_path))
    assert code == 2  # incomplete
    assert err.startswith("taro-compat: b/package.json:1:")
    assert [p["root"] for p in json.loads(out)["projects"]] == ["a"]


def test_check_scans_sources_unless_told_not_to(tmp_path: Path) -> None:
    write(tmp_path, {"package.json": TARO_PACKAGE, "src/app.ts": "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'x' })\n"})
    code, out, err = run("check", "--format", "json", str(tmp_path))
    (project,) = json.loads(out)["projects"]
    assert (project["scanned_files"], [(c["api"], c["file"], c["line"], c["column"]) for c in project["call_sites"]]) == (
        1,
        [("getUserProfile", "src/app.ts", 2, 1)],
    )
    code, out, err = run("check", "--no-scan", "--format", "json", str(tmp_path))
    (project,) = json.loads(out)["projects"]
    assert (project["scanned_files"], project["call_sites"]) == (None, [])


def test_discovery_of_200_packages(tmp_path: Path) -> None:
    for index in range(200):
        write(tmp_path, {f"packages/p{index:03d}/package.json": TARO_PACKAGE, f"packages/p{index:03d}/src/index.ts": "export {}\n"})
    assert len(discover(tmp_path)) == 200


def test_a_platform_plugin_locked_at_another_version(matrix: Matrix, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "package.json": json.dumps({"name": "p", "dependencies": {"@tarojs/taro": "~3.6.0", "@tarojs/plugin-platform-tt": "^3.6.0",
                                                                  "@tarojs/plugin-platform-weapp": "^3.6.0"},
                                    "taroCompat": {"targets": "tt >= 2.30.0"}}),
        "yarn.lock": (
            '# yarn lockfile v1\n\n\n"@tarojs/plugin-platform-tt@^3.6.0":\n  version "3.6.26"\n\n'
            '"@tarojs/plugin-platform-weapp@^3.6.0":\n  version "3.6.30"\n\n'
            '"@tarojs/taro@~3.6.0":\n  version "3.6.20"\n'
        ),
    })
    profile = read(matrix, root)
    resolved = resolve_targets(profile, matrix.platforms, matrix.usage, matrix.catalogues)
    notes = [(n.code, said(n), str(n.location)) for n in resolved.notes if n.code == "TC012"]
    # weapp is not a target: its plugin's version does not matter here
    assert notes == [("TC012", "the resolved Taro 3.6.20 is older than @tarojs/plugin-platform-tt 3.6.26 (yarn.lock); "
                      "the checks assume 3.6.20 for tt", "yarn.lock:4")]
