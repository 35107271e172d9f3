"""The reader's evidence, without the matrix: build commands in scripts and CI files, platform project files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.project.evidence import ci_builds, platform_files, script_builds
from checker.project.jsonfile import read_json


def builds_of(tmp_path: Path, scripts: dict[str, str]) -> list[tuple[str, str, bool, str]]:
    (tmp_path / "package.json").write_text(json.dumps({"scripts": scripts}, indent=2))
    found = script_builds(scripts, read_json(tmp_path / "package.json", "package.json"), "package.json")
    return [(b.build_type, b.context, b.template, b.shape) for b in found]


@pytest.mark.parametrize(("script", "build_type"), [
    ("taro build --type weapp", "weapp"),
    ("taro build --type=alipay", "alipay"),
    ("npx @tarojs/cli build --type tt", "tt"),
    ("npx @tarojs/cli@3.6.26 build --type=swan --watch", "swan"),
    ("cross-env NODE_ENV=production TARO_APP_ID=1 taro build --type qq", "qq"),
    ("./node_modules/.bin/taro build --type jd", "jd"),
    ("rimraf dist && taro build --type h5 --env production", "h5"),
])
def test_build_commands_as_teams_write_them(tmp_path: Path, script: str, build_type: str) -> None:
    assert [b[0] for b in builds_of(tmp_path, {"release": script})] == [build_type]


def test_scripts_reach_builds_through_other_scripts(tmp_path: Path) -> None:
    scripts = {"build:weapp": "taro build --type weapp", "dev:weapp": "npm run build:weapp -- --watch",
               "start": "yarn dev:weapp", "lint": "eslint .", "install-all": "yarn install"}
    assert builds_of(tmp_path, scripts) == [
        ("weapp", "build:weapp", True, "taro build --type {}"),
        ("weapp", "dev:weapp", True, "npm run build:{}"),
        ("weapp", "start", False, "yarn dev:{}"),
    ]


def test_an_edited_template_script_has_its_own_shape(tmp_path: Path) -> None:
    found = builds_of(tmp_path, {"build:h5": "cross-env CLIENT_ENV=h5 taro build --type h5", "dev:rn": "npm run build:rn -- --watch --qr"})
    assert found == [("h5", "build:h5", False, "cross-env CLIENT_ENV={} taro build --type {}")]  # build:rn is not there


def test_ci_files_up_to_the_repository_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "release.yml").write_text(
        "jobs:\n  build:\n    steps:\n      - run: |\n          pnpm install\n          pnpm build:weapp --upload\n"
        "      - run: npx @tarojs/cli build --type h5\n")
    (repo / ".gitlab-ci.yml").write_text("build:\n  script:\n    - taro build --type=tt\n")
    (repo / ".github" / "workflows" / "broken.yml").write_text("jobs: [\n  taro build --type alipay\n")  # does not parse: ignored
    app = repo / "apps" / "mini"
    app.mkdir(parents=True)
    found = ci_builds(app, app, {"build:weapp": "taro build --type weapp"}, lambda p: Path(os.path.relpath(p, app)).as_posix())
    assert [(b.build_type, str(b.location), b.context) for b in found] == [
        ("tt", "../../.gitlab-ci.yml:3", "taro build --type=tt"),
        ("weapp", "../../.github/workflows/release.yml:6", "pnpm build:weapp --upload"),
        ("h5", "../../.github/workflows/release.yml:7", "npx @tarojs/cli build --type h5"),
    ]


def test_platform_files_with_their_app_ids(tmp_path: Path) -> None:
    (tmp_path / "project.config.json").write_text('{\n  "appid": "touristappid",\n  "libVersion": "2.30.0",\n  "condition": {}\n}\n')
    (tmp_path / "project.tt.json").write_text('{"appid": "tt0123456789abcdef"}')
    (tmp_path / "project.json").write_text('{"name": "an Nx project, not a platform file"}')
    (tmp_path / "mini.project.json").write_text('{"format": 2}')
    files = platform_files(tmp_path, lambda p: p.name, None)
    assert [(f.name, f.appid, str(f.appid_at) if f.appid_at else None, f.lib_version, f.devtools_keys) for f in files] == [
        ("mini.project.json", None, None, None, ()),
        ("project.config.json", "touristappid", "project.config.json:2", "2.30.0", ("libVersion", "condition")),
        ("project.tt.json", "tt0123456789abcdef", "project.tt.json:1", None, ()),
    ]
