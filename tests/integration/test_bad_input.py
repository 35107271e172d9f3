"""The bad-input catalogue: one case each, with its exit code and its one line. Never a traceback."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from checker.cli import main

PACKAGE = '{"name": "x", "dependencies": {"@tarojs/taro": "3.6.26"}, "taroCompat": {"targets": "weapp >= 2.16.0, h5"}}'
CALL = "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: 'member profile' })\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path


@pytest.mark.parametrize(
    ("lockfile", "content", "where"),
    [
        ("package-lock.json", '{"lockfileVersion": 3, "packages": {"node_modules/@tarojs/taro": {"vers', (1, 67)),
        ("yarn.lock", '# yarn lockfile v1\n\n"@tarojs/taro@3.6.26":\n  version "3.6', (4, 15)),
        ("pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      '@tarojs/taro':\n        specifier: 3.6.26\n        version: [3.6", (8, 1)),
    ],
)
def test_a_lock_file_cut_in_half_is_a_located_warning_not_a_dropped_project(tmp_path: Path, lockfile: str, content: str, where: tuple[int, int]) -> None:
    code, out, err = run("check", str(project(tmp_path, {"package.json": PACKAGE, lockfile: content})), "--format", "json")
    (result,) = json.loads(out)["projects"]
    assert (code, err) == (0, "")
    assert result["taro"]["resolved"] == "3.6.26"  # package.json's exact version
    (note,) = [f for f in result["findings"] if f["code"] == "TC015"]
    assert (note["file"], note["line"], note["column"]) == (lockfile, *where)


@pytest.mark.parametrize(
    ("name", "files", "message"),
    [
        ("truncated package.json", {"package.json": PACKAGE[:40]}, "package.json:1:32: invalid JSON: Unterminated string starting at"),
        ("truncated project.config.json", {"package.json": PACKAGE, "project.config.json": '{"appid": "wx'}, "project.config.json:1:11: invalid JSON: Unterminated string"),
        ("truncated project.private.config.json", {"package.json": PACKAGE, "project.private.config.json": '{"libVersion": '}, "project.private.config.json:1:16: invalid JSON: Expecting value"),
        ("truncated project.tt.json", {"package.json": PACKAGE, "project.tt.json": "{"}, "project.tt.json:1:2: invalid JSON: Expecting property name enclosed in double quotes"),
        ("truncated mini.project.json", {"package.json": PACKAGE, "mini.project.json": "[1,"}, "mini.project.json:1:4: invalid JSON: Expecting value"),
        ("deeply nested package.json", {"package.json": "[" * 100_000 + "]" * 100_000}, "package.json:1:1: JSON nested too deeply"),
        ("package.json that is not an object", {"package.json": "[]"}, "package.json:1:1: package.json must hold a JSON object"),
        ("package.json not UTF-8", {"package.json": b'{"name": "\xff\xfe"}'}, "package.json:1: not UTF-8 text"),
        ("package.json with NUL bytes", {"package.json": b"{\x00}"}, "package.json: binary content (NUL bytes), not JSON"),
        ("empty package.json", {"package.json": ""}, "package.json:1:1: invalid JSON: Expecting value"),
        ("config that does not parse", {"package.json": PACKAGE, "config/index.ts": "export default {{{"}, "config/index.ts:1:"),
        ("target query with garbage", {"package.json": PACKAGE.replace("weapp >= 2.16.0, h5", "weapp >=> 2, ,")}, "package.json:"),
        ("settings file that is not YAML", {"package.json": PACKAGE, "taro-compat.yaml": "targets: [weapp\n"}, "taro-compat.yaml:2:1: YAML syntax"),
        ("settings nested too deep", {"package.json": PACKAGE, "taro-compat.yaml": "targets: " + "[" * 40_000 + "]" * 40_000}, "taro-compat.yaml:1:"),
    ],
)
def test_manifest_problems_are_one_line_and_exit_2(tmp_path: Path, name: str, files: dict[str, str | bytes], message: str) -> None:
    code, out, err = run("check", str(project(tmp_path, files)), "--format", "json")
    assert code == 2, name
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"taro-compat: {message}"), lines[0]
    if out:  # a report was written for the other projects: it says it is incomplete
        assert json.loads(out)["complete"] is False


def test_a_package_json_that_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "package.json").mkdir()
    code, _, err = run("check", str(tmp_path))
    assert (code, err) == (2, f"taro-compat: {tmp_path}: no Taro project found (no package.json that depends on @tarojs/taro)\n")


def test_a_50_mb_package_json(tmp_path: Path) -> None:
    with open(tmp_path / "package.json", "wb") as handle:
        handle.write(b'{"dependencies": {"@tarojs/taro": "3.6.26"}, "pad": "' + b"x" * (50 * 1024 * 1024) + b'"}')
    code, _, err = run("check", str(tmp_path))
    assert (code, err) == (2, "taro-compat: package.json: file is over 16 MB; not a manifest\n")


@pytest.mark.parametrize(
    ("name", "content", "note"),
    [
        ("binary named .ts", b"\x7fELF\x00\x00\x00binary", "binary content (NUL bytes), not source"),
        ("20 MB generated file", b"var a=1;\n" * (20 * 1024 * 1024 // 9), "over 2 MB: a bundle or generated file, not scanned"),
        ("UTF-16 mark, odd bytes", b"\xff\xfe" + "import Taro from '@tarojs/taro'".encode("utf-16-le") + b"\x00\xd8",
         "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
        ("does not parse", CALL.encode() + b"const x = {{{ ;\n", "line 3: does not parse; the rest of the file was scanned"),
    ],
)
def test_bad_source_files_are_noted_and_the_rest_is_checked(tmp_path: Path, name: str, content: bytes, note: str) -> None:
    project(tmp_path, {"package.json": PACKAGE, "src/bad.ts": content, "src/good.ts": CALL})
    code, out, err = run("check", str(tmp_path), "--format", "json")
    report = json.loads(out)
    (result,) = report["projects"]
    assert (code, err) == (1, "")  # the stub on h5 is an error; the bad file is a warning, not a crash
    assert report["complete"] is False
    assert [(f["file"], f["message"]) for f in result["findings"] if f["code"] == "TC010"] == [("src/bad.ts", note)]
    assert {c["file"] for c in result["call_sites"]} >= {"src/good.ts"}


def test_a_gbk_source_is_checked_with_a_note(tmp_path: Path) -> None:
    gbk = ("// 登录后显示欢迎语\n" + CALL).encode("gbk")
    project(tmp_path, {"package.json": PACKAGE, "src/gbk.ts": gbk, "src/good.ts": CALL})
    code, out, err = run("check", str(tmp_path), "--format", "json")
    report = json.loads(out)
    (result,) = report["projects"]
    assert report["complete"] is True
    assert [(f["code"], f["severity"], f["file"]) for f in result["findings"] if f["code"] in ("TC010", "TC016")] == [
        ("TC016", "info", "src/gbk.ts")
    ]
    assert sorted({c["file"] for c in result["call_sites"]}) == ["src/gbk.ts", "src/good.ts"]


@pytest.mark.parametrize(
    "content",
    ["\ufeff" + CALL, CALL.replace("\n", "\r\n"), "\ufeff" + CALL.replace("\n", "\r\n")],
    ids=["BOM", "CRLF", "BOM and CRLF"],
)
def test_bom_and_crlf_sources_keep_their_positions(tmp_path: Path, content: str) -> None:
    project(tmp_path, {"package.json": PACKAGE, "src/a.ts": content})
    _, out, _ = run("check", str(tmp_path), "--format", "json")
    (result,) = json.loads(out)["projects"]
    assert [(c["line"], c["column"]) for c in result["call_sites"]] == [(2, 1)]


def test_utf16_manifest_with_bom(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_bytes(PACKAGE.encode("utf-16"))
    code, out, _ = run("check", str(tmp_path), "--no-scan", "--format", "json")
    assert (code, json.loads(out)["projects"][0]["taro"]["resolved"]) == (0, "3.6.26")


def test_empty_source_files_and_no_source_files(tmp_path: Path) -> None:
    project(tmp_path, {"package.json": PACKAGE, "src/empty.ts": ""})
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    assert (code, json.loads(out)["projects"][0]["call_sites"]) == (0, [])
    (tmp_path / "src" / "empty.ts").unlink()
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    assert (code, json.loads(out)["projects"][0]["scanned_files"]) == (0, None)


def test_symlink_loops_do_not_trap_the_walk(tmp_path: Path) -> None:
    project(tmp_path, {"package.json": PACKAGE, "src/a.ts": CALL})
    (tmp_path / "src" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "src" / "self").symlink_to(tmp_path / "src" / "self")  # a link to itself
    code, out, err = run("check", str(tmp_path), "--format", "json")
    assert (code, err) == (1, "")
    assert [c["file"] for c in json.loads(out)["projects"][0]["call_sites"]] == ["src/a.ts"]


@pytest.mark.parametrize("folder", ["my project", "it's \"quoted\"", "项目 中文", "a,b:c;d"])
def test_odd_paths(tmp_path: Path, folder: str) -> None:
    root = project(tmp_path / folder, {"package.json": PACKAGE, f"src/{folder}.ts": CALL})
    code, out, err = run("check", str(root), "--format", "json")
    assert (code, err) == (1, "")
    assert [c["file"] for c in json.loads(out)["projects"][0]["call_sites"]] == [f"src/{folder}.ts"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_an_unreadable_source_file(tmp_path: Path) -> None:
    project(tmp_path, {"package.json": PACKAGE, "src/secret.ts": CALL})
    (tmp_path / "src" / "secret.ts").chmod(0)
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    notes = [f["message"] for f in json.loads(out)["projects"][0]["findings"] if f["code"] == "TC010"]
    assert notes == ["cannot read: Permission denied"]


def test_path_that_does_not_exist_or_is_a_file(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "nope"))[::2] == (2, f"taro-compat: {tmp_path / 'nope'}: no such file or directory\n")
    (tmp_path / "f").write_text("x")
    assert run("check", str(tmp_path / "f"))[::2] == (2, f"taro-compat: {tmp_path / 'f'}: not a directory\n")


def test_an_internal_error_becomes_exit_2_with_a_bug_report_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.commands.query

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("simulated")

    monkeypatch.setattr(checker.commands.query, "query_api", broken)
    code, out, err = run("query", "api", "getUserProfile")
    assert (code, out) == (2, "")
    assert err == (
        "taro-compat: internal error: ZeroDivisionError: simulated. This is a bug; please report it with the output of "
        "the same command run with --debug.\n"
    )


def test_vendored_and_minified_files_are_left_out_with_one_note(tmp_path: Path) -> None:
    bundle = b"var a=1;" * (64 * 1024 // 8) + b"Taro.getUserProfile()"
    files = {"package.json": PACKAGE, "src/good.ts": CALL, "src/vendor/sdk.ts": CALL, "src/lib/x.min.js": CALL, "src/bundle.js": bundle}
    project(tmp_path, files)
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    report = json.loads(out)
    (result,) = report["projects"]
    assert report["complete"] is True  # left out on purpose, and said so
    assert {c["file"] for c in result["call_sites"]} == {"src/good.ts"}
    (note,) = [f for f in result["findings"] if f["code"] == "TC013"]
    assert (note["file"], note["severity"]) == (None, "info")
    assert note["message"] == ("3 vendored or minified file(s) not scanned: src/bundle.js, src/lib/x.min.js, src/vendor/sdk.ts;"
                               " to scan them, name them in include: of taro-compat.yaml")
    (tmp_path / "taro-compat.yaml").write_text("include: ['src/**', 'src/vendor/**']\n")
    _, out, _ = run("check", str(tmp_path), "--format", "json")
    (result,) = json.loads(out)["projects"]
    assert {c["file"] for c in result["call_sites"]} == {"src/good.ts", "src/vendor/sdk.ts"}
