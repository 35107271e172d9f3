"""Minified files are told apart from written ones by their line shape, from 4 KiB up."""

from __future__ import annotations

from pathlib import Path

from checker.scan.files import SourceFile
from checker.vendored import is_vendored


def _file(tmp_path: Path, name: str, text: str) -> SourceFile:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return SourceFile(str(path), name, path.stat().st_size, 0)


def test_a_small_one_line_sdk_is_vendored(tmp_path: Path) -> None:
    sdk = "!function(){" + "var a=wx.getStorageSync('k');" * 600 + "}();"  # ~17 KB on one line, like ald-stat.js
    assert is_vendored(_file(tmp_path, "ald-stat.js", sdk)) is True


def test_a_licence_header_above_one_long_line_is_still_minified(tmp_path: Path) -> None:
    header = "".join(f"// licence line {i}\n" for i in range(60))
    body = "var a=1;" * 1500  # 12 000 characters on one line
    assert is_vendored(_file(tmp_path, "sdk.js", header + body)) is True


def test_written_code_of_the_same_size_is_not(tmp_path: Path) -> None:
    code = "const value = wx.getStorageSync('key')\n" * 500  # ~20 KB in short lines
    assert is_vendored(_file(tmp_path, "app.js", code)) is False


def test_a_file_under_four_kib_is_never_opened(tmp_path: Path) -> None:
    assert is_vendored(_file(tmp_path, "tiny.js", "x" * 4000)) is False
