"""The command line: parse arguments, run one stage chain, map outcomes to exit codes.

Exit codes: 0 fine; 1 findings at or above --fail-on; 2 bad usage or
unreadable project input; 3 invalid knowledge base.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from checker.version import __version__
from checker.errors import CompatError, KnowledgeBaseErrors, UsageError

__all__ = ["main"]

from checker.commands import EXIT_KB, EXIT_OK, EXIT_USAGE


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
    check.add_argument("--format", choices=("text", "json", "json-v1", "markdown", "html", "sarif", "github"), default="text",
                       help="json is format 2 (one finding per place and problem); json-v1 keeps format 1 for one release")
    check.add_argument("--lang", choices=("en", "zh"), default="en", help="the language of the findings' messages")
    check.add_argument("--select", action="append", metavar="CODES", help="only these rules: codes, prefixes or slugs, comma-separated (TC1,TC010)")
    check.add_argument("--ignore", action="append", metavar="CODES", help="leave these rules out (codes, prefixes or slugs)")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per code and per API instead of the findings")
    check.add_argument("--strict-unknown", action="store_true", help="list every unknown per call site, as an error (default: one note per platform and cause)")
    check.add_argument("--output", type=Path, help="write the report here (atomically) instead of stdout")
    check.add_argument("--fail-on", choices=("error", "warning", "never"), help="exit 1 at or above this severity (default: error)")
    check.add_argument("--no-scan", action="store_true", help="read the manifests only, no source")
    check.add_argument("--baseline", type=Path, help="accept the findings recorded in this file (see --write-baseline)")
    check.add_argument("--write-baseline", type=Path, help="record the current findings as accepted, in this file")
    check.add_argument("--quiet", action="store_true", help="errors only (text, markdown, github)")
    check.add_argument("--full", action="store_true", help="markdown: the whole report, not cut to a PR comment's 65,536 characters")
    check.add_argument("--link-base", metavar="URL", help="link findings to URL/PATH#LLINE, e.g. https://github.com/OWNER/REPO/blob/SHA "
                       "(default on GitHub Actions: from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA)")
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

    init = commands.add_parser("init", help="declare the project's targets in package.json (taroCompat), from the evidence")
    init.add_argument("path", nargs="?", default=".", type=Path)
    init.add_argument("--targets", help="the target query to write, e.g. 'weapp >= 2.27.3, h5' (default: what the evidence shows)")
    init.add_argument("--force", action="store_true", help="replace targets the project already declares")
    init.add_argument("--all", action="store_true", help="below a monorepo root: declare every project, not just one")
    init.add_argument("--matrix", type=Path, help="knowledge base directory (default: the bundled one)")

    site = commands.add_parser("site", help="render the knowledge base as a static, offline site")
    site.add_argument("outdir", type=Path)
    site.add_argument("--lang", choices=("en", "zh"), default="en")
    site.add_argument("--matrix", type=Path)

    kb = commands.add_parser("kb", help="maintain the knowledge base")
    kb_actions = kb.add_subparsers(dest="kb_action", metavar="ACTION", parser_class=_Parser)
    importer = kb_actions.add_parser("import", help="import facts from unpacked npm packages (a maintainer's tool)")
    importer.add_argument("source", choices=("taro", "wx-typings", "taro-runtime"),
                          help="taro: @tarojs/taro folders (typings tags); wx-typings: miniprogram-api-typings; "
                               "taro-runtime: Taro's shipped packages of every line (their code), @mini-types/my, @douyin-microapp/typings")
    importer.add_argument("packages", nargs="+", type=Path, help="unpacked package folders (npm pack, then tar xzf)")
    importer.add_argument("--matrix", type=Path, help="knowledge base directory (default: the bundled one)")
    rules = commands.add_parser("rules", help="every finding code, or one explained")
    rules.add_argument("code", nargs="?", help="a code (TC102) or slug (needs-newer-runtime)")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--lang", choices=("en", "zh"), default="en")

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
            from checker.commands.query import query_api

            return query_api(args, out, err)
        if args.command == "query" and args.query_kind == "targets":
            from checker.commands.query import query_targets

            return query_targets(args, out, err)
        if args.command == "diff":
            from checker.commands.query import diff

            return diff(args, out)
        if args.command == "check":
            from checker.commands.check import check

            return check(args, out, err)
        if args.command == "rules":
            from checker.commands.rules import rules

            return rules(args, out)
        if args.command == "plan":
            from checker.commands.plan import plan

            return plan(args, out, err)
        if args.command == "init":
            from checker.commands.init import init

            return init(args, out, err)
        if args.command == "site":
            from checker.render.site import build_site
            from checker.render.site_disagreements import DOCS_VS_CODE, read_report
            from checker.resources import matrix_root

            from checker.commands import load

            matrix = load(args.matrix)
            report = read_report((args.matrix or matrix_root()) / DOCS_VS_CODE)  # parsed here, at the boundary
            written = build_site(matrix, args.outdir, lang=args.lang, docs_vs_code=report)
            out.write(f"{args.outdir}: {len(written)} pages\n")
            return EXIT_OK
        if args.command == "kb" and args.kb_action == "import":
            from checker.commands.kb import kb_import

            return kb_import(args, out, err)
        if args.command == "kb" and args.kb_action == "lint":
            from checker.commands.kb import kb_lint

            return kb_lint(args, out)
        raise UsageError("taro-compat: say what to do: check PATH, init PATH, query api NAME, kb lint (see --help)")
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
