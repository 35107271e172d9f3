"""The site builds from the matrix alone, deterministically, with relative links only."""

from __future__ import annotations

import re
from pathlib import Path

from checker.kb import load_matrix
from checker.render.site import build_site
from conftest import MATRIX


def test_build_is_byte_identical_and_links_are_relative(tmp_path: Path) -> None:
    matrix = load_matrix(MATRIX, use_cache=False)
    first = build_site(matrix, tmp_path / "a")
    second = build_site(matrix, tmp_path / "b")
    assert [p.relative_to(tmp_path / "a") for p in first] == [p.relative_to(tmp_path / "b") for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    names = sorted(p.relative_to(tmp_path / "a").as_posix() for p in first)
    assert {"index.html", "compare.html", "api/getUserProfile.html", "api/request.html", "platform/weapp.html"} <= set(names)
    assert len(names) == len(matrix) + len(matrix.platforms) + 2
    for page in first:
        text = page.read_text(encoding="utf-8")
        for link in re.findall(r'(?:href|src)="([^"]+)"', text):
            assert not link.startswith("/"), (page, link)
            if not link.startswith(("https://", "http://", "#")):
                target = (page.parent / link.split("#")[0]).resolve()
                assert target.exists(), (page, link)
