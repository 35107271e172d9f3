"""The command line: parse arguments, run one stage chain, map outcomes to exit codes.

Exit codes: 0 fine; 1 findings at or above --fail-on; 2 bad usage or
unreadable project input; 3 invalid knowledge base.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from checker import __version__
from checker.errors import CompatError, InvalidVersion, KnowledgeBaseErrors, UsageError

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_KB = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="taro-compat", description="Will every platform API your Taro project calls work where it ships?")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    query = commands.add_parser("query", help="ask the knowledge base")
    query_kinds = query.add_subparsers(dest="query_kind", metavar="WHAT", parser_class=_Parser)
    api = query_kinds.add_parser("api", help="the whole matrix of one API, or the answer for one combination")
    api.add_argument("name", help="API id, e.g. getUserProfile")
    api.add_argument("--platform", help="a platform id: weapp, tt, alipay, swan, qq, jd, h5, rn, harmony-hybrid")
    api.add_argument("--taro", help="Taro version, e.g. 3.6.26")
    api.add_argument("--runtime", help="the platform's runtime version, e.g. WeChat base library 2.27.1")
    api.add_argument("--published", help="publish date of the app version, YYYY-MM-DD (for date-bound rules)")
    api.add_argument("--native", action="store_true", help="the call goes through the native global (wx.x), not Taro")
    api.add_argument("--format", choices=("text", "json"), default="text")
    api.add_argument("--lang", choices=("en", "zh"), default="en")
    api.add_argument("--since", action="store_true", help="the lowest versions where it works, per platform and Taro release line")
    api.add_argument("--cover", type=float, metavar="PERCENT", help="with --since: the minimum that keeps this share of users")
    api.add_argument("--matrix", type=Path, help="knowledge base directory (default: the bundled one)")
    targets = query_kinds.add_parser("targets", help="which APIs a target query can use")
    targets.add_argument("query", help="e.g. 'weapp >= 2.10.4, h5, rn'")
    targets.add_argument("--api", action="append", help="only this API (repeatable)")
    targets.add_argument("--format", choices=("text", "json"), default="text")
    targets.add_argument("--matrix", type=Path)

    diff = commands.add_parser("diff", help="what changes between two Taro versions, per platform")
    diff.add_argument("--taro", required=True, metavar="FROM..TO", help="e.g. 3.0.10..3.6.26")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--matrix", type=Path)

    check = commands.add_parser("check", help="check a Taro project (or every project below PATH)")
    check.add_argument("path", nargs="?", default=".", type=Path)
    check.add_argument("--targets", help="target query, e.g. 'weapp >= 2.10.4, h5, not rn' (overrides the project's)")
    check.add_argument("--format", choices=("text", "json", "markdown", "html", "sarif", "github"), default="text")
    check.add_argument("--output", type=Path, help="write the report here (atomically) instead of stdout")
    check.add_argument("--fail-on", choices=("error", "warning", "never"), help="exit 1 at or above this severity (default: error)")
    check.add_argument("--no-scan", action="store_true", help="read the manifests only, no source")
    check.add_argument("--baseline", type=Path, help="accept the findings recorded in this file (see --write-baseline)")
    check.add_argument("--write-baseline", type=Path, help="record the current findings as accepted, in this file")
    check.add_argument("--matrix", type=Path, help="knowledge base directory (default: the bundled one)")

    plan = commands.add_parser("plan", help="what changes if a minimum is raised, Taro upgraded, a platform added or dropped")
    plan.add_argument("path", nargs="?", default=".", type=Path)
    plan.add_argument("--raise", dest="raise_", action="append", metavar="PLATFORM=VERSION", help="raise a minimum, e.g. weapp=2.27.1")
    plan.add_argument("--taro", help="plan an upgrade to this Taro version")
    plan.add_argument("--add-target", action="append", metavar="PLATFORM")
    plan.add_argument("--drop-target", action="append", metavar="PLATFORM")
    plan.add_argument("--targets", help="target query to start from (overrides the project's)")
    plan.add_argument("--usage", type=Path, help="your own usage share (YAML, the shape of matrix/usage/weapp-baselib.yaml)")
    plan.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    plan.add_argument("--output", type=Path)
    plan.add_argument("--matrix", type=Path, help="knowledge base directory (default: the bundled one)")

    site = commands.add_parser("site", help="render the knowledge base as a static, offline site")
    site.add_argument("outdir", type=Path)
    site.add_argument("--lang", choices=("en", "zh"), default="en")
    site.add_argument("--matrix", type=Path)

    kb = commands.add_parser("kb", help="maintain the knowledge base")
    kb_actions = kb.add_subparsers(dest="kb_action", metavar="ACTION", parser_class=_Parser)
    importer = kb_actions.add_parser("import", help="import facts from unpacked npm packages (a maintainer's tool)")
    importer.add_argument("source", choices=("taro", "wx-typings"), help="taro: @tarojs/taro folders; wx-typings: miniprogram-api-typings")
    importer.add_argument("packages", nargs="+", type=Path, help="unpacked package folders (npm pack, then tar xzf)")
    importer.add_argument("--matrix", type=Path, help="knowledge base directory (default: the bundled one)")
    lint = kb_actions.add_parser("lint", help="check matrix/ against its schemas and data rules")
    lint.add_argument("--matrix", type=Path, help="knowledge base directory (default: the bundled one)")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        args = _parser().parse_args(argv)
        if args.version:
            out.write(f"taro-compat {__version__}\n")
            return EXIT_OK
        if args.command == "query" and args.query_kind == "api":
            return _query_api(args, out)
        if args.command == "query" and args.query_kind == "targets":
            return _query_targets(args, out)
        if args.command == "diff":
            return _diff(args, out)
        if args.command == "check":
            return _check(args, out, err)
        if args.command == "plan":
            return _plan(args, out, err)
        if args.command == "site":
            from checker.render.site import build_site

            written = build_site(_load(args.matrix), args.outdir, lang=args.lang)
            out.write(f"{args.outdir}: {len(written)} pages\n")
            return EXIT_OK
        if args.command == "kb" and args.kb_action == "import":
            return _kb_import(args, out, err)
        if args.command == "kb" and args.kb_action == "lint":
            return _kb_lint(args, out)
        raise UsageError("taro-compat: say what to do: check PATH, query api NAME, kb lint (see --help)")
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    except UsageError as error:
        print(f"{error}", file=err)
        return EXIT_USAGE
    except KnowledgeBaseErrors as group:
        for problem in group.errors:
            print(problem, file=err)
        print(f"taro-compat: invalid knowledge base: {len(group.errors)} problem(s)", file=err)
        return EXIT_KB
    except CompatError as error:
        print(f"taro-compat: {error}", file=err)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # last resort: never a traceback for the user
        if debug:
            raise
        print(
            f"taro-compat: internal error: {type(error).__name__}: {error}. "
            "This is a bug; please report it with the output of the same command run with --debug.",
            file=err,
        )
        return EXIT_USAGE


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _load(matrix_dir: Path | None):  # type: ignore[no-untyped-def]
    from checker.kb import load_matrix
    from checker.resources import matrix_root

    return load_matrix(matrix_dir or matrix_root())


def _query_api(args: argparse.Namespace, out: TextIO) -> int:
    from checker.render.api_data import api_data, resolution_data
    from checker.render.query_text import render_api, render_resolution
    from checker.support import resolve
    from checker.versions import RuntimeVersion, TaroVersion

    matrix = _load(args.matrix)
    if args.name not in matrix:
        raise UsageError(f"taro-compat: the knowledge base has no API {args.name!r}{_suggest(args.name, matrix.api_ids())}")
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
        raise UsageError(f"taro-compat: unknown platform {args.platform!r}{_suggest(args.platform, matrix.platforms)}")
    catalogue = matrix.runtime_catalogue(args.platform)
    if args.runtime is not None and catalogue is None:
        raise UsageError(f"taro-compat: platform {args.platform!r} has no runtime version axis; drop --runtime")
    try:
        taro = TaroVersion.parse(args.taro) if args.taro else None
        runtime = RuntimeVersion.parse(args.runtime) if args.runtime else None
    except InvalidVersion as error:
        raise UsageError(f"taro-compat: {error}") from None
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


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.baseline import apply_baseline, read_baseline, write_baseline
    from checker.evaluate import evaluate
    from checker.findings import at_or_above
    from checker.output import write_atomic
    from checker.render import RENDERERS
    from checker.report import Report

    scan_root, projects = _discover(args.path)
    matrix = _load(args.matrix)
    today = date.today()
    read, problems = _read_projects(scan_root, projects, matrix, args.targets, scan=not args.no_scan, err=err)
    results = [evaluate(matrix, profile, scans, today=today) for profile, scans in read]
    excerpts = _excerpts(scan_root, results)
    report = Report(tuple(results), __version__, matrix.digest, len(matrix), not args.no_scan, excerpts, problems=tuple(problems))
    if args.baseline:
        report = apply_baseline(report, read_baseline(args.baseline))
    if args.write_baseline:
        write_baseline(args.write_baseline, report)
    colour = args.format == "text" and args.output is None and out.isatty() and "NO_COLOR" not in os.environ
    text = RENDERERS[args.format](report, colour=colour) if args.format == "text" else RENDERERS[args.format](report)
    if args.output:
        write_atomic(args.output, text)
    else:
        out.write(text)
    if problems:
        return EXIT_USAGE
    failing = any(
        at_or_above(finding, args.fail_on or result.profile.fail_on or "error") for result in report.results for finding in result.findings
    )
    return EXIT_FINDINGS if failing else EXIT_OK


def _read_projects(scan_root: Path, projects: list[Path], matrix, targets: str | None, *, scan: bool, err: TextIO):  # type: ignore[no-untyped-def]
    """Each project's profile and scans; a project that cannot be read is a problem line, and the others go on."""
    from checker.errors import ProjectError
    from checker.project.read import read_project

    read = []
    problems: list[str] = []
    for directory in projects:
        try:
            profile = read_project(directory, scan_root=scan_root, platforms=matrix.platforms, usage=matrix.usage, targets_override=targets)
        except ProjectError as error:
            relative = directory.relative_to(scan_root).as_posix()
            prefix = "" if relative == "." or error.location.path.startswith("--") else f"{relative}/"
            problem = f"{prefix}{error.location}: {error.message}"
            print(f"taro-compat: {problem}", file=err)
            problems.append(problem)
            continue
        read.append((profile, _scan(directory, profile, projects, matrix) if scan else ()))
    return read, problems


def _discover(path: Path) -> tuple[Path, list[Path]]:
    from checker.project.discover import discover

    if not path.exists():
        raise UsageError(f"taro-compat: {path}: no such file or directory")
    if not path.is_dir():
        raise UsageError(f"taro-compat: {path}: not a directory")
    root = path.resolve()
    projects = discover(root)
    if not projects:
        manifest = path / "package.json"
        if manifest.is_file():
            from checker.errors import ProjectError
            from checker.project.jsonfile import read_json

            try:
                parsed = read_json(manifest, "package.json")  # a broken manifest: say what is broken, not "no project"
            except ProjectError as error:
                raise UsageError(f"taro-compat: {error}") from None
            if not isinstance(parsed.data, dict):
                raise UsageError("taro-compat: package.json:1:1: package.json must hold a JSON object")
        reason = "package.json does not depend on @tarojs/taro" if manifest.is_file() else "no package.json that depends on @tarojs/taro"
        raise UsageError(f"taro-compat: {path}: no Taro project found ({reason})")
    return root, projects


def _plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.output import write_atomic
    from checker.planning import PlanRequest, make_plan
    from checker.render.fmt_plan import render_plan_json, render_plan_markdown, render_plan_text
    from checker.versions import RuntimeVersion, TaroVersion

    matrix = _load(args.matrix)
    raise_to: dict[str, str] = {}
    for item in args.raise_ or ():
        platform, _, version = item.partition("=")
        if platform not in matrix.platforms:
            raise UsageError(f"taro-compat: --raise {item!r}: unknown platform {platform!r}{_suggest(platform, matrix.platforms)}")
        if matrix.runtime_catalogue(platform) is None:
            raise UsageError(f"taro-compat: --raise {item!r}: {platform} has no runtime version to raise")
        try:
            raise_to[platform] = RuntimeVersion.parse(version).text
        except InvalidVersion as error:
            raise UsageError(f"taro-compat: --raise {item!r}: {error}") from None
    for platform in [*(args.add_target or ()), *(args.drop_target or ())]:
        if platform not in matrix.platforms:
            raise UsageError(f"taro-compat: unknown platform {platform!r}{_suggest(platform, matrix.platforms)}")
    if args.taro is not None:
        try:
            TaroVersion.parse(args.taro)
        except InvalidVersion as error:
            raise UsageError(f"taro-compat: --taro: {error}") from None
    if not (raise_to or args.taro or args.add_target or args.drop_target):
        raise UsageError("taro-compat: say what to plan: --raise PLATFORM=VERSION, --taro VERSION, --add-target P or --drop-target P")
    usage = dict(matrix.usage)
    if args.usage is not None:
        usage = _user_usage(args.usage, matrix)
    root, projects = _discover(args.path)
    read, problems = _read_projects(root, projects, matrix, args.targets, scan=True, err=err)
    request = PlanRequest(raise_to, args.taro, tuple(args.add_target or ()), tuple(args.drop_target or ()))
    plans = [make_plan(matrix, profile, scans, request, today=date.today(), usage=usage) for profile, scans in read]
    render = {"text": render_plan_text, "json": render_plan_json, "markdown": render_plan_markdown}[args.format]
    text = render(plans)
    if args.output:
        write_atomic(args.output, text)
    else:
        out.write(text)
    return EXIT_USAGE if problems else EXIT_OK


def _user_usage(path: Path, matrix):  # type: ignore[no-untyped-def]
    """A usage file the user supplies (their WeChat console export, in the bundled file's shape)."""
    from checker.errors import KnowledgeBaseError, KnowledgeBaseErrors
    from checker.kb._yaml import read_yaml
    from checker.kb.build import build_usage
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


def _excerpts(scan_root: Path, results) -> dict[tuple[str, str, int], str]:  # type: ignore[no-untyped-def]
    """The source line of each finding, read once per file (reports show it; fingerprints hash it)."""
    wanted: dict[tuple[str, str], set[int]] = {}
    for result in results:
        for finding in result.findings:
            if finding.file and finding.line:
                wanted.setdefault((result.profile.root, finding.file), set()).add(finding.line)
    excerpts = {}
    for (root, file), lines in wanted.items():
        try:
            text = (scan_root / root / file).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            if 0 < line <= len(text):
                excerpts[(root, file, line)] = text[line - 1].strip()[:300]
    return excerpts


def _scan(directory: Path, profile, projects: list[Path], matrix):  # type: ignore[no-untyped-def]
    from checker.cachedir import cache_file_for
    from checker.scan.files import source_files
    from checker.scan.runner import ScanOptions, scan_files

    nested = [p.relative_to(directory).as_posix() for p in projects if p != directory and directory in p.parents]
    output = [profile.output_root] if profile.output_root and "(" not in profile.output_root else []
    files, _ = source_files(directory, include=profile.include, exclude=profile.exclude, skip_dirs=nested + output)
    options = ScanOptions(
        globals_=frozenset(p.native_global for p in matrix.platforms.values() if p.native_global),
        env_values=frozenset(p.taro_env for p in matrix.platforms.values()),
        env_aliases=frozenset(profile.env_aliases),
        names=frozenset(_member_names(matrix)),
    )
    return scan_files(files, options, cache_path=cache_file_for("scan", directory, ".json")).files


def _member_names(matrix):  # type: ignore[no-untyped-def]
    """What a file must mention to hold a use the matrix knows: API ids, and component attribute values."""
    for api_id in matrix.api_ids():
        yield api_id.rsplit(".", 1)[-1]


def _query_targets(args: argparse.Namespace, out: TextIO) -> int:
    from checker.errors import Location
    from checker.project.targets import parse_targets
    from checker.queries import usable_under
    from checker.render.fmt_queries import render_targets

    matrix = _load(args.matrix)
    targets = parse_targets(args.query, platforms=matrix.platforms, usage=matrix.usage, source="query", location=Location("query"))
    for name in args.api or ():
        if name not in matrix:
            raise UsageError(f"taro-compat: the knowledge base has no API {name!r}{_suggest(name, matrix.api_ids())}")
    out.write(render_targets(usable_under(matrix, targets, tuple(args.api) if args.api else None), args.format))
    return EXIT_OK


def _diff(args: argparse.Namespace, out: TextIO) -> int:
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
    out.write(render_diff(diff_taro(_load(args.matrix), *versions), args.format))
    return EXIT_OK


def _kb_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.importers.taro import read_taro_package
    from checker.importers.write import apply_taro, apply_wx, load_imported, save_imported
    from checker.importers.wx import read_wx_package
    from checker.resources import matrix_root

    root = args.matrix or matrix_root()
    matrix = _load(root)
    folder = root / "apis" / "imported"
    records = load_imported(folder)
    for package in args.packages:
        if not package.is_dir():
            raise UsageError(f"taro-compat: {package}: not an unpacked package folder")
    if args.source == "taro":
        catalogue = {v.text for v in matrix.taro_catalogue().versions}
        platforms = sorted(matrix.platforms)
        problems = apply_taro(records, [read_taro_package(p) for p in args.packages], platforms, catalogue)
    else:
        if len(args.packages) != 1:
            raise UsageError("taro-compat: kb import wx-typings takes one miniprogram-api-typings folder")
        runtime = matrix.runtime_catalogue("weapp" if "weapp" in matrix.platforms else sorted(matrix.platforms)[0])
        catalogue = {v.text for v in runtime.versions} if runtime else set()
        problems = apply_wx(records, read_wx_package(args.packages[0]), catalogue)
    written = save_imported(folder, records)
    for problem in problems:
        print(f"taro-compat: could not import: {problem}", file=err)
    conflicts = _import_conflicts(_load(root), folder)
    for conflict in conflicts:
        print(f"taro-compat: conflict: {conflict}", file=err)
    out.write(f"{folder}: {written} imported API file(s); {len(problems)} problem(s), {len(conflicts)} conflict(s) with curated data\n")
    return EXIT_OK


def _import_conflicts(matrix, folder: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Where an import and a curated file disagree: how the curated data stays honest."""
    from checker.importers.write import load_imported

    conflicts = []
    imported = load_imported(folder)
    for api in matrix.apis():
        if not api.imported_from or api.id not in imported or "/imported/" in api.path:
            continue
        raw = imported[api.id]["support"]
        for platform, support in sorted(api.support.items()):
            theirs = raw.get(platform, {})
            for axis in ("taro", "runtime"):
                mine = [str(s.versions) for s in getattr(support, axis) if s.status.value == "supported"]
                others = [s["versions"] for s in theirs.get(axis, []) if s["status"] == "supported"]
                if mine and others and "*" not in mine and _lowest_text(mine) != _lowest_text(others):
                    conflicts.append(f"{api.id} on {platform} ({axis}): curated {' || '.join(mine)}; imported {' || '.join(others)}")
                elif others and not mine and getattr(support, axis):
                    conflicts.append(f"{api.id} on {platform} ({axis}): curated has no supported range; imported {' || '.join(others)}")
    return conflicts


def _lowest_text(ranges: list[str]) -> str:
    return sorted(r.split()[0].lstrip("><=") for r in ranges)[0]


def _kb_lint(args: argparse.Namespace, out: TextIO) -> int:
    from checker.kb import load_documents
    from checker.kb.rules import lint
    from checker.resources import matrix_root

    root = args.matrix or matrix_root()
    loaded = load_documents(root)
    problems = lint(loaded)
    if problems:
        raise KnowledgeBaseErrors(problems)
    out.write(f"{root}: {len(loaded.matrix)} API(s), {len(loaded.documents)} file(s): no problems\n")
    return EXIT_OK
