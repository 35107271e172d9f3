"""`plan`: what raising a minimum, upgrading Taro or changing targets does to a project."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.commands import EXIT_OK, EXIT_USAGE, checked_version, load, suggest
from checker.errors import UsageError
from checker.commands import discover_projects, read_projects

__all__ = ['plan']


def plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.output import write_atomic
    from checker.planning import PlanRequest, make_plan
    from checker.render.fmt_plan import render_plan_json, render_plan_markdown, render_plan_text

    matrix = load(args.matrix)
    raise_to: dict[str, str] = {}
    for item in args.raise_ or ():
        platform, _, version = item.partition("=")
        if platform not in matrix.platforms:
            raise UsageError(f"taro-compat: --raise {item!r}: unknown platform {platform!r}{suggest(platform, matrix.platforms)}")
        if matrix.runtime_catalogue(platform) is None:
            raise UsageError(f"taro-compat: --raise {item!r}: {platform} has no runtime version to raise")
        raise_to[platform] = checked_version(version, matrix.runtime_catalogue(platform), f"--raise {item!r}", err).text
    for platform in [*(args.add_target or ()), *(args.drop_target or ())]:
        if platform not in matrix.platforms:
            raise UsageError(f"taro-compat: unknown platform {platform!r}{suggest(platform, matrix.platforms)}")
    if args.taro is not None:
        checked_version(args.taro, matrix.taro_catalogue(), "--taro", err)
    if not (raise_to or args.taro or args.add_target or args.drop_target):
        raise UsageError("taro-compat: say what to plan: --raise PLATFORM=VERSION, --taro VERSION, --add-target P or --drop-target P")
    usage = dict(matrix.usage)
    if args.usage is not None:
        usage = user_usage(args.usage, matrix)
    root, projects = discover_projects(args.path)
    read, problems = read_projects(root, projects, matrix, args.targets, scan=True, err=err)
    request = PlanRequest(raise_to, args.taro, tuple(args.add_target or ()), tuple(args.drop_target or ()))
    plans = [make_plan(matrix, profile, resolved, scans, request, today=date.today(), usage=usage) for profile, resolved, scans, _ in read]
    render = {"text": render_plan_text, "json": render_plan_json, "markdown": render_plan_markdown}[args.format]
    text = render(plans)
    if args.output:
        write_atomic(args.output, text)
    else:
        out.write(text)
    return EXIT_USAGE if problems else EXIT_OK


def user_usage(path: Path, matrix):  # type: ignore[no-untyped-def]
    """A usage file the user supplies (their WeChat console export, in the bundled file's shape)."""
    from checker.errors import KnowledgeBaseError, KnowledgeBaseErrors
    from checker.kb._yaml import read_yaml
    from checker.kb.build_meta import build_usage
    from checker.kb.schema import validate
    from checker.resources import matrix_root

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"taro-compat: {path}: cannot read: {error.strerror}") from None
    try:
        document = read_yaml(raw, str(path))
        problems = validate(document, "usage", matrix_root() / "schema")
        if problems:
            raise KnowledgeBaseErrors(problems)
        share = build_usage(document.data, str(path), document.location)
    except KnowledgeBaseError as error:
        raise UsageError(f"taro-compat: {error}") from None
    except KnowledgeBaseErrors as group:
        raise UsageError(f"taro-compat: {group.errors[0]}") from None
    usage = dict(matrix.usage)
    usage[share.catalogue] = share
    return usage
