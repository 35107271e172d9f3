"""One glob reader for the scanner's include/exclude lists and the package managers' workspace lists."""

from __future__ import annotations

import pytest

from checker.globs import glob_regex


@pytest.mark.parametrize(("pattern", "path", "with_contents", "matches"), [
    ("packages/*", "packages/app", False, True),
    ("packages/*", "packages/app/src", False, False),
    ("packages/*", "packages/app/src", True, True),
    ("**/vendor", "a/b/vendor", False, True),
    ("**/vendor", "vendor", False, True),
    ("apps/**", "apps/x/y", False, True),
    ("src/?.ts", "src/ab.ts", False, False),
    ("src/a.ts", "src/a+ts", False, False),
])
def test_globs_read_as_gitignore_and_workspace_lists_do(pattern: str, path: str, with_contents: bool, matches: bool) -> None:
    assert bool(glob_regex(pattern, with_contents=with_contents).fullmatch(path)) is matches
