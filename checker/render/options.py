"""How a report is laid out for where it is read: paths, links, colour, and how much of it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MARKDOWN_LIMIT", "RenderOptions"]

# GitHub rejects a comment body over 65,536 characters; the margin leaves room for a bot's own header
MARKDOWN_LIMIT = 64_000


@dataclass(frozen=True, slots=True)
class RenderOptions:
    display_prefix: str = ""  # POSIX path from the current directory to the checked path ("" when they are one)
    scan_root: str | None = None  # with cwd: absolute POSIX paths, so paths print relative to cwd even below the checked path
    cwd: str | None = None
    repo_prefix: str = ""  # POSIX path from the repository root to the checked path
    repo_root_uri: str | None = None  # file:///.../ of the repository root, for SARIF's originalUriBaseIds
    link_base: str | None = None  # e.g. https://github.com/o/r/blob/SHA: Markdown links to file#Lline
    full_report_url: str | None = None  # where "see the full report" points (e.g. the CI run)
    colour: bool = False
    quiet: bool = False  # errors only (text, Markdown, annotations)
    full: bool = False  # Markdown: the whole report, not cut to a PR comment's size
    markdown_limit: int = MARKDOWN_LIMIT
    lang: str = "en"
