"""Jinja2 environments: autoescaped HTML; Markdown with a tested escape filter."""

from __future__ import annotations

import re
from functools import cache

import jinja2
import markupsafe

from checker.render.words import slug, word
from checker.resources import reports_root

__all__ = ["breakable", "html_environment", "markdown_environment", "md_escape"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def md_escape(value: object) -> str:
    """Inert in a Markdown table cell: no pipes, backticks, HTML, links or line breaks survive as syntax."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=\.)(?=.)")


def breakable(value: object) -> markupsafe.Markup:
    """Escaped, with a line-break opportunity inside camelCase and after dots (``getUser<wbr>Profile``):
    long API names wrap at word boundaries in a narrow column instead of mid-word."""
    return markupsafe.Markup(_BREAK.sub("<wbr>", str(markupsafe.escape(value))))


def _finding_filters(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters["message"] = word  # {{ finding|message(report.lang) }}
    environment.filters["slug"] = slug  # {{ finding.code|slug }}
    return environment


@cache
def html_environment() -> jinja2.Environment:
    environment = _finding_filters(jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(reports_root())),
        autoescape=True,
        auto_reload=False,  # one process renders a thousand pages: no stat of every template per page
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    ))
    environment.filters["wbr"] = breakable  # {{ api.id|wbr }}
    return environment


@cache
def markdown_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(reports_root())),
        autoescape=False,  # Markdown, not HTML: every value goes through |md instead
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = md_escape
    return _finding_filters(environment)
