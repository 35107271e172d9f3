"""Where a report is read from: the current directory, the repository root, GitHub's environment.

The renderers stay pure; this is the one place that looks at the environment for them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from checker.errors import UsageError
from checker.render.options import RenderOptions

__all__ = ["repository_root", "render_options"]

_LINK_BASE = re.compile(r"https?://[^\s<>\"'`()\[\]]+")


def repository_root(path: Path, env: Mapping[str, str]) -> Path:
    """The checkout the checked path is in: GITHUB_WORKSPACE, else the nearest folder with .git, else the path."""
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace:
        root = Path(workspace).resolve()
        if path == root or root in path.parents:
            return root
    for folder in (path, *path.parents):
        if (folder / ".git").exists():
            return folder
    return path


def _relative(path: Path, base: Path) -> str:
    relative = os.path.relpath(path, base)
    return "" if relative == "." else Path(relative).as_posix()


def _link_base(given: str | None, env: Mapping[str, str]) -> str | None:
    if given is not None:
        if not _LINK_BASE.fullmatch(given):
            raise UsageError(f"taro-compat: --link-base: {given!r} is not an http(s) URL (e.g. https://github.com/OWNER/REPO/blob/SHA)")
        return given.rstrip("/")
    server, repository, sha = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    if server and repository and sha and _LINK_BASE.fullmatch(f"{server}/{repository}/blob/{sha}"):
        return f"{server.rstrip('/')}/{repository}/blob/{sha}"
    return None


def _run_url(env: Mapping[str, str]) -> str | None:
    server, repository, run = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_RUN_ID")
    url = f"{(server or '').rstrip('/')}/{repository}/actions/runs/{run}"
    return url if server and repository and run and _LINK_BASE.fullmatch(url) else None


def render_options(scan_root: Path, *, fmt: str, to_terminal: bool, quiet: bool, full: bool, link_base: str | None,
                   lang: str = "en", env: Mapping[str, str] | None = None, cwd: Path | None = None) -> RenderOptions:
    env = os.environ if env is None else env
    here = (cwd or Path.cwd()).resolve()
    repo = repository_root(scan_root, env)
    colour = fmt == "text" and to_terminal and not env.get("NO_COLOR") and env.get("TERM") != "dumb"
    return RenderOptions(
        scan_root=scan_root.as_posix(),
        cwd=here.as_posix(),
        repo_prefix=_relative(scan_root, repo),
        repo_root_uri=repo.as_uri().rstrip("/") + "/",
        link_base=_link_base(link_base, env),
        full_report_url=_run_url(env),
        colour=colour,
        quiet=quiet,
        full=full,
        lang=lang,
    )
