"""Wrapper functions, the project-pass half: a site inside a project function is judged at each of the
function's callers, with the guards there (Android Lint reads SDK checks at a helper's callers too).

A site in ``function login() { Taro.getUserProfile(...) }`` becomes one copy per call of ``login``
(in its file, or in a file that imports it from the project, through re-exports), each with the
caller's guards added and ``caller`` naming it (``src/pages/a.tsx:12``), when at least one caller
is guarded; a function nobody calls, or whose callers add no guard, keeps its sites as they are
(a component used in five pages is then still one finding, not five). A component's JSX use
(``{canUse && <LoginButton />}``) is a caller, so render-level guards around it are read. One level: a caller inside another wrapper counts with its own guards.
Callers in files the byte pre-filter left out are looked for by the exported wrappers' names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from checker.scan.sites import Call, FileScan

__all__ = ["judge_at_callers"]

_MAX_DEPTH = 6


def judge_at_callers(
    done: dict[str, FileScan],
    resolve: Callable[[str, str], str | None],
    scan_of: Callable[[str], FileScan],
    substitute: Callable[[str, tuple], tuple],  # type: ignore[type-arg]
    read: Callable[[str], bytes],
) -> dict[str, FileScan]:
    if not any(s.within for scan in done.values() for s in scan.call_sites):
        return done

    def defining(importer: str, module: str, name: str, depth: int = 0) -> tuple[str, str] | None:
        display = resolve(importer, module)
        if display is None or depth > _MAX_DEPTH:
            return None
        scan = scan_of(display)
        for exported, local in scan.functions:
            if exported == name:
                return display, local
        for reexport in scan.reexports:
            if reexport.name in (name, "*"):
                found = defining(display, reexport.source, name if reexport.name == "*" else reexport.imported, depth + 1)
                if found is not None:
                    return found
        return None

    def index() -> dict[tuple[str, str], list[tuple[str, Call]]]:
        callers: dict[tuple[str, str], list[tuple[str, Call]]] = {}
        for scan in list(done.values()):
            for call in scan.calls:
                target = (scan.file, call.name) if call.module is None else defining(scan.file, call.module, call.name)
                if target is not None and target in wrapped:
                    callers.setdefault(target, []).append((scan.file, replace(call, guards=substitute(scan.file, call.guards))))
        return callers

    wrapped = {(scan.file, s.within) for scan in done.values() for s in scan.call_sites if s.within}
    callers = index()
    exported = {e for scan in done.values() for e, local in scan.functions if (scan.file, local) in wrapped}
    if exported:
        missing = [d for d, scan in done.items() if not scan.parsed and scan.skipped is None]
        words = [name.encode() for name in sorted(exported)]
        for display in missing:
            if any(word in read(display) for word in words):
                done[display] = scan_of(display)
        callers = index()
    out = dict(done)
    for display, scan in done.items():
        if not any(s.within for s in scan.call_sites):
            continue
        sites = []
        for site in scan.call_sites:
            found = callers.get((display, site.within)) if site.within else None
            if not found or not any(_guarded(call) for _, call in found):
                sites.append(site)  # no caller adds a guard: the site as it is, once
                continue
            for where, call in sorted(found, key=lambda item: (item[0], item[1].line, item[1].column)):
                sites.append(replace(site, guards=site.guards + call.guards, caller=f"{where}:{call.line}"))
        out[display] = replace(scan, call_sites=tuple(sites))
    return out


def _guarded(call: Call) -> bool:
    return any(g.kind != "try_catch" for g in call.guards)

