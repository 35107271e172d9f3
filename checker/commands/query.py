"""`query api`, `query targets` and `diff`: questions asked of the matrix alone."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TextIO

from checker.commands import EXIT_OK, checked_version, load, suggest
from checker.errors import InvalidVersion, UsageError

__all__ = ['diff', 'query_api', 'query_targets']


def query_api(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.render.api_data import api_data, resolution_data
    from checker.render.query_text import render_api, render_resolution
    from checker.support import resolve
    matrix = load(args.matrix)
    if args.name not in matrix:
        raise UsageError(f"taro-compat: the knowledge base has no API {args.name!r}{suggest(args.name, matrix.api_ids())}")
    api = matrix.api(args.name)
    if args.since:
        from checker.queries import api_since
        from checker.render.fmt_queries import render_since

        out.write(render_since(api_since(matrix, api, args.cover), args.format))
        return EXIT_OK
    asked = any(value is not None for value in (args.taro, args.runtime, args.published)) or args.native
    if args.platform is None:
        if asked:
            raise UsageError("taro-compat: --taro, --runtime, --published and --native need --platform")
        if args.format == "json":
            json.dump(api_data(api), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            out.write(render_api(api, matrix.platforms, args.lang))
        return EXIT_OK
    if args.platform not in matrix.platforms:
        raise UsageError(f"taro-compat: unknown platform {args.platform!r}{suggest(args.platform, matrix.platforms)}")
    catalogue = matrix.runtime_catalogue(args.platform)
    if args.runtime is not None and catalogue is None:
        raise UsageError(f"taro-compat: platform {args.platform!r} has no runtime version axis; drop --runtime")
    taro = checked_version(args.taro, matrix.taro_catalogue(), "--taro", err) if args.taro else None
    runtime = checked_version(args.runtime, catalogue, "--runtime", err) if args.runtime and catalogue else None
    try:
        published = date.fromisoformat(args.published) if args.published else None
    except ValueError:
        raise UsageError(f"taro-compat: --published {args.published!r} is not a date (YYYY-MM-DD)") from None
    resolution = resolve(
        api,
        args.platform,
        taro=taro,
        runtime=runtime,
        has_runtime_axis=catalogue is not None,
        published=published,
        today=published or date.today(),
        native=args.native,
    )
    if args.format == "json":
        json.dump(resolution_data(resolution), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(render_resolution(resolution, matrix.platforms, args.lang))
    return EXIT_OK


def query_targets(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.errors import Location
    from checker.targets.query import parse_targets
    from checker.queries import usable_under
    from checker.render.fmt_queries import render_targets

    matrix = load(args.matrix)
    targets = parse_targets(args.query, platforms=matrix.platforms, usage=matrix.usage, source="query", location=Location("query"),
                            catalogues=matrix.catalogues, warn=lambda clause, checked: print(f"taro-compat: warning: query: {clause!r}: {checked.warning}", file=err))
    for name in args.api or ():
        if name not in matrix:
            raise UsageError(f"taro-compat: the knowledge base has no API {name!r}{suggest(name, matrix.api_ids())}")
    out.write(render_targets(usable_under(matrix, targets, tuple(args.api) if args.api else None), args.format))
    return EXIT_OK


def diff(args: argparse.Namespace, out: TextIO) -> int:
    from checker.queries import diff_taro
    from checker.render.fmt_queries import render_diff
    from checker.versions import TaroVersion

    before, sep, after = args.taro.partition("..")
    if not sep:
        raise UsageError("taro-compat: --taro takes FROM..TO, e.g. 3.0.10..3.6.26")
    try:
        versions = TaroVersion.parse(before), TaroVersion.parse(after)
    except InvalidVersion as error:
        raise UsageError(f"taro-compat: --taro: {error}") from None
    out.write(render_diff(diff_taro(load(args.matrix), *versions), args.format))
    return EXIT_OK

