"""Answers of ``query targets``, ``query api --since`` and ``diff``: text and JSON."""

from __future__ import annotations

import json
from typing import Any

from checker.queries import ApiSince, TargetsAnswer, TaroDiff

__all__ = ["diff_data", "render_diff", "render_since", "render_targets", "since_data", "targets_data"]


def targets_data(answer: TargetsAnswer) -> dict[str, Any]:
    return {
        "targets": [{"platform": t.platform, "min_version": t.min_version} for t in answer.targets],
        "coverage": dict(answer.coverage),
        "on_all": list(answer.on_all),
        "on_some": [{"api": api, "platforms": list(platforms)} for api, platforms in answer.on_some],
        "on_none": list(answer.on_none),
        "verdicts": {api: dict(row) for api, row in answer.verdicts.items()},
        "gaps": {api: dict(row) for api, row in answer.gaps.items()},
    }


def render_targets(answer: TargetsAnswer, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(targets_data(answer), ensure_ascii=False, indent=2) + "\n"
    names = ", ".join(t.platform + (f" >= {t.min_version}" if t.min_version else "") for t in answer.targets)
    lines = [f"targets: {names}"]
    for platform, share in answer.coverage.items():
        lines.append(f"  {platform}: the minimum reaches {share}% of users")
    lines.append(f"usable on all ({len(answer.on_all)}): {', '.join(answer.on_all) or '-'}")
    lines.append(f"usable on some ({len(answer.on_some)}):")
    lines += [f"  {api}: {', '.join(platforms)}" for api, platforms in answer.on_some]
    lines.append(f"usable on none ({len(answer.on_none)}): {', '.join(answer.on_none) or '-'}")
    width = max((len(api) for api in answer.verdicts), default=3)
    header = "  ".join(f"{t.platform:<11}" for t in answer.targets)
    lines += ["", f"{'':<{width}}  {header}"]
    for api, row in answer.verdicts.items():
        lines.append(f"{api:<{width}}  " + "  ".join(f"{row[t.platform]:<11}" for t in answer.targets))
    gaps = [(api, platform, versions) for api, row in answer.gaps.items() for platform, versions in row.items()]
    if gaps:
        lines.append("")
        lines += [f"partial: {api} on {platform}: base libraries {versions} above the minimum lack it;"
                  " feature-detect it or raise the minimum" for api, platform, versions in gaps]
    return "\n".join(lines) + "\n"


def since_data(since: ApiSince) -> dict[str, Any]:
    return {"api": since.api, "runtime": dict(since.runtime), "lowest_runtime": dict(since.lowest_runtime),
            "taro_release_lines": {p: dict(lines) for p, lines in since.taro_lines.items()},
            "cover": {p: {"minimum": m, "share": s} for p, (m, s) in since.cover.items()}}


def render_since(since: ApiSince, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(since_data(since), ensure_ascii=False, indent=2) + "\n"
    lines = [f"{since.api}: since when it works"]
    platforms = sorted(set(since.runtime) | set(since.taro_lines))
    for platform in platforms:
        lines.append(f"  {platform}")
        if platform in since.runtime:
            lines.append(f"    runtime: {since.runtime[platform]} (lowest {since.lowest_runtime.get(platform, '-')})")
        if platform in since.taro_lines:
            per_line = ", ".join(f"{line}.x from {version}" for line, version in since.taro_lines[platform].items())
            lines.append(f"    Taro: {per_line}")
        if platform in since.cover:
            minimum, share = since.cover[platform]
            lines.append(f"    the minimum that keeps the asked share of users: {minimum} ({share}%)")
    return "\n".join(lines) + "\n"


def diff_data(diff: TaroDiff) -> dict[str, Any]:
    return {"taro": {"from": diff.before, "to": diff.after},
            "changes": [{"api": a, "platform": p, "kind": k, "before": b, "after": x} for a, p, k, b, x in diff.changes]}


def render_diff(diff: TaroDiff, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(diff_data(diff), ensure_ascii=False, indent=2) + "\n"
    lines = [f"Taro {diff.before} -> {diff.after}: {len(diff.changes)} change(s)"]
    for kind in ("gained", "lost", "became a stub", "changed", "behaviour change", "unknown"):
        rows = [c for c in diff.changes if c[2] == kind]
        if rows:
            lines.append(f"  {kind}:")
            lines += [f"    {api} on {platform}: {before} -> {after}" for api, platform, _, before, after in rows]
    return "\n".join(lines) + "\n"
