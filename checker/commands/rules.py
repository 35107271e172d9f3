"""`rules [CODE]`: every finding code, or one explained (as ``ruff rule`` does), from the registry."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from checker.commands import EXIT_OK, suggest
from checker.errors import UsageError

__all__ = ["rules"]


def rules(args: argparse.Namespace, out: TextIO) -> int:
    from checker.render.rules_doc import rule_data, rule_text, rules_table
    from checker.rules import RULES

    chosen = RULES
    if args.code:
        wanted = args.code.strip()
        chosen = tuple(r for r in RULES if r.code == wanted.upper() or r.slug == wanted)
        if not chosen:
            raise UsageError(f"taro-compat: no rule {wanted!r}{suggest(wanted, [r.code for r in RULES] + [r.slug for r in RULES])}")
    if args.format == "json":
        data = [rule_data(r, args.lang) for r in chosen]
        out.write(json.dumps(data[0] if args.code else data, ensure_ascii=False, indent=2) + "\n")
    elif args.code:
        out.write(rule_text(chosen[0], args.lang))
    else:
        out.write(rules_table(chosen, args.lang))
    return EXIT_OK
