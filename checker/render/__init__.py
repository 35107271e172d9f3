"""Renderers: a Report -> text, JSON, Markdown, HTML, SARIF, GitHub annotations. The last stage."""

from __future__ import annotations

from collections.abc import Callable

from checker.render.fmt_github import render_github
from checker.render.fmt_html import render_html
from checker.render.fmt_json import render_json, render_json_v1
from checker.render.fmt_markdown import render_markdown
from checker.render.fmt_sarif import render_sarif
from checker.render.fmt_text import render_text
from checker.render.options import RenderOptions
from checker.report import Report

__all__ = ["RENDERERS"]

RENDERERS: dict[str, Callable[[Report, RenderOptions], str]] = {
    "text": render_text,
    "json": render_json,
    "json-v1": render_json_v1,
    "markdown": render_markdown,
    "html": render_html,
    "sarif": render_sarif,
    "github": render_github,
}
