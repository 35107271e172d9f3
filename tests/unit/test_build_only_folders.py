"""Folders only some builds compile (custom-tab-bar/): their code is read as built for those platforms alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.kb import load_matrix
from checker.pipeline import folder_envs
from checker.scan.runner import _platform_file_guard
from checker.scan.sites import Guard, GuardKind

PLATFORM = """\
id: {id}
name: {{en: "Test {id}"}}
taro_env: {id}
native_global: {glob}
runtime: null
plugin: null
{folders}sources:
  doc:
    url: "https://example.com/doc"
"""
FOLDERS = """\
build_only_folders:
  - folder: tab-only
    sources: [doc]
    confidence: official
"""


def test_the_folder_is_built_for_the_platforms_listing_it(make_matrix: Callable[..., Path]) -> None:
    extra = {"platforms/qq.yaml": PLATFORM.format(id="qq", glob="qq", folders=FOLDERS),
             "platforms/tt.yaml": PLATFORM.format(id="tt", glob="tt", folders=FOLDERS)}
    matrix = load_matrix(make_matrix(extra=extra), use_cache=False)
    assert matrix.platforms["qq"].build_only_folders == ("tab-only",)
    assert ("tab-only", ("qq", "tt")) in folder_envs(matrix)


def test_a_file_under_the_folder_gets_a_platform_guard() -> None:
    folders = (("custom-tab-bar", ("qq", "weapp")),)
    envs = frozenset({"weapp", "qq", "h5"})
    assert _platform_file_guard("src/custom-tab-bar/index.tsx", envs, folders) == (Guard(GuardKind.PLATFORM_FILE, 1, envs=("qq", "weapp")),)
    assert _platform_file_guard("src/custom-tab-bar/index.weapp.tsx", envs, folders) == (
        Guard(GuardKind.PLATFORM_FILE, 1, envs=("weapp",)), Guard(GuardKind.PLATFORM_FILE, 1, envs=("qq", "weapp")))
    assert _platform_file_guard("src/pages/custom-tab-bar.tsx", envs, folders) == ()
