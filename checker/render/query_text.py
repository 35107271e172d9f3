"""Human-readable answers of ``taro-compat query api`` (text; not a stable format)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

from checker.model import Api, Confidence, Platform, Source, Statement, Status, Text
from checker.support import Applicability, Resolution

__all__ = ["STATUS_SYMBOL", "render_api", "render_resolution"]

STATUS_SYMBOL = {
    Status.SUPPORTED: "✓",
    Status.PARTIAL: "◐",
    Status.STUB: "⊘",
    Status.UNSUPPORTED: "✗",
    Status.UNKNOWN: "?",
}
_WIDTH = 100


def _t(text: Text | None, lang: str) -> str:
    return text.get(lang) if text else ""


def _wrap(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return textwrap.wrap(text, _WIDTH, initial_indent=pad, subsequent_indent=pad) if text else []


def _refs(sources: Iterable[Source]) -> str:
    return "[" + ", ".join(source.id for source in sources) + "]"


def _statement_lines(statement: Statement, lang: str) -> list[str]:
    status = statement.status.value
    if statement.stub:
        status += f" (development: {statement.stub.development.value}, production: {statement.stub.production.value})"
    if statement.promise is False:
        status += ", no Promise style"
    if statement.forwarded:
        status += ", forwarded (the native global decides)"
    if statement.framework:
        status += ", Taro's own"
    if statement.native:
        status += f", calls {statement.native}"
    if statement.confidence is Confidence.COMPUTED:  # facts read in the shipped code: say which package and file
        head = f"    {STATUS_SYMBOL[statement.status]} {str(statement.versions):<26} {status}  ({statement.confidence.value})"
        cited = "read in " + "; ".join(source.cite() for source in statement.sources)
        return [head, *_wrap(_t(statement.note, lang), 8), *_wrap(cited, 8)]
    head = f"    {STATUS_SYMBOL[statement.status]} {str(statement.versions):<26} {status}  ({statement.confidence.value}) {_refs(statement.sources)}"
    return [head, *_wrap(_t(statement.note, lang), 8)]


def render_api(api: Api, platforms: Mapping[str, Platform], lang: str = "en") -> str:
    """The whole matrix of one API."""
    lines = [f"{api.id}  ({api.kind}, {api.category})", *_wrap(_t(api.summary, lang), 2)]
    if api.imported_from:
        lines += _wrap("imported (confidence 'imported', below curated data) from " + ", ".join(api.imported_from), 2)
    lines.append("")
    for platform_id in _platform_order(api, platforms):
        platform = platforms[platform_id]
        support = api.support.get(platform_id)
        lines.append(f"{platform_id}  {_t(platform.name, lang)}")
        if support is None:
            lines.append("    ? no data: unknown, never a pass")
            lines.append("")
            continue
        if support.taro:
            lines.append("  Taro versions:")
            for statement in support.taro:
                lines.extend(_statement_lines(statement, lang))
        if support.runtime:
            lines.append(f"  {_t(platform.runtime_name, lang) or 'runtime'} versions:")
            for statement in support.runtime:
                lines.extend(_statement_lines(statement, lang))
        if support.native_api:
            present = "has it now" if support.native_api.present else "does not have it"
            lines.append(f"  native global {present} ({support.native_api.confidence.value}): "
                         + "; ".join(source.cite() for source in support.native_api.sources))
            lines.extend(_wrap(_t(support.native_api.note, lang), 8))
        if support.can_i_use:
            answer = "true" if support.can_i_use.answers else "false"
            lines.append(f"  canIUse answers {answer} ({support.can_i_use.confidence.value}) {_refs(support.can_i_use.sources)}")
            lines.extend(_wrap(_t(support.can_i_use.note, lang), 8))
        if support.alternatives:
            lines.append("  use instead: " + ", ".join(support.alternatives))
        if support.deprecated:
            lines.append(f"  deprecated ({support.deprecated.confidence.value}): {_t(support.deprecated.note, lang)}")
        lines.extend(_wrap(_t(support.note, lang), 2))
        lines.append("")
    if api.changes:
        lines.append("Behaviour changes:")
        for change in api.changes:
            lines.append(f"  {change.id} on {', '.join(change.platforms)}, when {_conditions(change)}  ({change.confidence.value}) {_refs(change.sources)}")
            lines.extend(_wrap(_t(change.summary, lang), 6))
            lines.extend(_wrap(_t(change.note, lang), 6))
            if change.replacement:
                lines.append("      use instead: " + ", ".join(change.replacement))
        lines.append("")
    if api.params:
        lines.append("Parameters:")
        for param in api.params:
            facts = [param.type, "required" if param.required else "optional"]
            if param.enum:
                facts.append("one of " + " / ".join(str(v) for v in param.enum))
            if param.default is not None:
                facts.append(f"default {param.default}")
            if param.max_length:
                facts.append(f"at most {param.max_length} characters")
            if param.platforms:
                facts.append("only on " + ", ".join(f"{p} {r or '*'}" for p, r in param.platforms.items()))
            lines.append(f"  {param.name}: {', '.join(facts)}  {_refs(param.sources)}")
            lines.extend(_wrap(_t(param.note, lang), 6))
        lines.append("")
    if api.returns:
        lines.append("Returns:")
        for field in api.returns:
            runtime = ", ".join(f"{p} {r}" for p, r in field.runtime.items())
            lines.append(f"  {field.name}: {field.type}" + (f"  ({runtime})" if runtime else "") + f"  {_refs(field.sources)}")
            lines.extend(_wrap(_t(field.note, lang), 6))
        lines.append("")
    if api.restrictions:
        lines.append("Restrictions:")
        for restriction in api.restrictions:
            lines.append(f"  {restriction.id} on {', '.join(restriction.platforms)}  {_refs(restriction.sources)}")
            lines.extend(_wrap(_t(restriction.note, lang), 6))
        lines.append("")
    if api.notes:
        lines.append("Notes:")
        for fact in api.notes:
            where = f" ({', '.join(fact.platforms)})" if fact.platforms else ""
            lines.extend(_wrap(f"-{where} {_t(fact.text, lang)} ({fact.confidence.value}) {_refs(fact.sources)}", 2))
        lines.append("")
    if api.replaced_by:
        lines.append("Replaced by: " + ", ".join(api.replaced_by))
    if api.see_also:
        lines.append("See also: " + ", ".join(api.see_also))
    lines.append("")
    lines.append("Sources:")
    for key in sorted(api.sources):
        lines.append(f"  [{key}] {api.sources[key].cite()}")
    return "\n".join(lines) + "\n"


def _platform_order(api: Api, platforms: Mapping[str, Platform]) -> list[str]:
    return sorted(platforms, key=lambda p: (p not in api.support, p))


def _conditions(change) -> str:  # type: ignore[no-untyped-def]
    parts = []
    if change.published_after:
        parts.append(f"published after {change.published_after.isoformat()}")
    if change.in_effect_from:
        parts.append(f"from {change.in_effect_from.isoformat()}")
    if change.runtime:
        parts.append(f"runtime {change.runtime}")
    if change.taro:
        parts.append(f"Taro {change.taro}")
    return ", ".join(parts)


def render_resolution(resolution: Resolution, platforms: Mapping[str, Platform], lang: str = "en") -> str:
    """The answer for one exact combination."""
    platform = platforms[resolution.platform]
    given = []
    for answer in resolution.axes:
        if answer.version is not None:
            given.append(f"{_axis_name(answer.axis, platform, lang)} {answer.version}")
    if resolution.published is not None:
        given.append(f"published {resolution.published.isoformat()}")
    verdict = resolution.verdict.value if resolution.verdict else "no version given"
    applying = [m.change.id for m in resolution.changes if m.applicability is Applicability.APPLIES]
    possible = [m.change.id for m in resolution.changes if m.applicability is Applicability.MAY_APPLY]
    if applying and resolution.verdict in (Status.SUPPORTED, Status.PARTIAL):  # it works, but returns something else: not plain "supported"
        verdict += f", but behaves differently ({', '.join(applying)})"
    elif possible and resolution.verdict in (Status.SUPPORTED, Status.PARTIAL):
        verdict += f", and may behave differently ({', '.join(possible)})"
    via = f"{platform.native_global}.{resolution.api.id}" if resolution.native else f"Taro.{resolution.api.id}"
    lines = [f"{via} on {resolution.platform}" + (f" ({', '.join(given)})" if given else "") + f": {verdict}"]
    if resolution.support is None:
        lines.append("  no data for this platform: unknown is never a pass")
    for answer in resolution.axes:
        name = _axis_name(answer.axis, platform, lang)
        if answer.version is None:
            lines.append(f"  {name}: not given; works in {answer.requirement or 'no known version'}")
            continue
        status = answer.status.value if answer.status else "unknown"
        if answer.statement is None:
            lines.append(f"  {name} {answer.version}: unknown (no statement covers it); works in {answer.requirement or 'no known version'}")
            continue
        statement = answer.statement
        detail = f"  {name} {answer.version}: {STATUS_SYMBOL[statement.status]} {status} ({statement.confidence.value}) {_refs(statement.sources)}"
        lines.append(detail)
        if statement.stub:
            lines.append(f"      stub: development {statement.stub.development.value}, production {statement.stub.production.value}")
        lines.extend(_wrap(_t(statement.note, lang), 6))
        if answer.status is not Status.SUPPORTED and answer.requirement:
            lines.append(f"      works in {answer.requirement}")
    for match in resolution.changes:
        if match.applicability is Applicability.DOES_NOT_APPLY:
            continue
        label = "behaviour change applies" if match.applicability is Applicability.APPLIES else "behaviour change may apply"
        lines.append(f"  {label}: {match.change.id} (when {_conditions(match.change)}) {_refs(match.change.sources)}")
        lines.extend(_wrap(_t(match.change.summary, lang), 6))
        if match.change.replacement:
            lines.append("      use instead: " + ", ".join(match.change.replacement))
    cited: dict[str, Source] = {}
    for answer in resolution.axes:
        if answer.statement:
            cited.update((s.id, s) for s in answer.statement.sources)
    for match in resolution.changes:
        if match.applicability is not Applicability.DOES_NOT_APPLY:
            cited.update((s.id, s) for s in match.change.sources)
    if cited:
        lines.append("Sources:")
        lines.extend(f"  [{key}] {cited[key].cite()}" for key in sorted(cited))
    return "\n".join(lines) + "\n"


def _axis_name(axis: str, platform: Platform, lang: str) -> str:
    if axis == "taro":
        return "Taro"
    return _t(platform.runtime_name, lang) or "runtime"
