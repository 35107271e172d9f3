"""Wrapper functions, the project-pass half: a site inside a project function is judged at each of the
function's callers, with the guards there (Android Lint reads SDK checks at a helper's callers too).

A site in ``function login() { Taro.getUserProfile(...) }`` becomes one copy per call of ``login``
(in its file, or in a file that imports it from the project, through re-exports), each with the
caller's guards added and ``caller`` naming it (``src/pages/a.tsx:12``), when at least one caller
is guarded; a function nobody calls, or whose callers add no guard, keeps its sites as they are
(a component used in five pages is then still one finding, not five). A component's JSX use
(``{canUse && <LoginButton />}``) is a caller, so render-level guards around it are read. One level: a caller inside another wrapper counts with its own guards.
Callers in files the byte pre-filter left out are looked for when a wrapper has a guarded caller
(only then can another caller change the answer), in the files that spell its name and its module's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from checker.scan.sites import Call, CallSite, FileScan, GuardKind

__all__ = ["judge_at_callers"]

_MAX_DEPTH = 6


def judge_at_callers(
    done: dict[str, FileScan],
    resolve: Callable[[str, str], str | None],
    scan_of: Callable[..., FileScan],  # (display, force=False)
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
                if call.module is not None and call.name not in names:
                    continue  # no file exports a wrapper by that name: not worth resolving (a renaming re-export is missed)
                target = (scan.file, call.name) if call.module is None else defining(scan.file, call.module, call.name)
                if target is not None and target in wrapped:
                    callers.setdefault(target, []).append((scan.file, replace(call, guards=substitute(scan.file, call.guards))))
        return callers

    wrapped = {(scan.file, s.within) for scan in done.values() for s in scan.call_sites if s.within}
    wrapped |= {(scan.file, outer) for scan in done.values() for _, outer in scan.nesting}
    names = {exported for scan in done.values() for exported, local in scan.functions if (scan.file, local) in wrapped}
    callers = index()
    # only a wrapper with a guarded caller can change its sites: look for its other callers in the files
    # the pre-filter left out, among those that mention both the name and the module's file name
    guarded = {key for key, found in callers.items() if any(_guarded(call) for _, call in found)}
    exports = {(display, local): [e for e, name in scan.functions if name == local] for display, scan in done.items() for _, local in scan.functions}
    # a default export is imported under any name: its other callers cannot be looked for, so it keeps its sites
    opaque = {key for key, names in exports.items() if "default" in names}
    needs = [(_stem(key[0]).encode(), name.encode()) for key in guarded - opaque for name in exports.get(key, ())]
    if needs:
        missing = [d for d, scan in done.items() if not scan.parsed and scan.skipped is None]
        for display in missing:
            raw = read(display)
            if any(all(word in raw for word in need) for need in needs):
                done[display] = scan_of(display, True)
        callers = index()
    out = dict(done)
    for display, scan in done.items():
        if not any(s.within for s in scan.call_sites):
            continue
        sites = []
        outer = dict(scan.nesting)
        guarded_here = {within for file, within in guarded if file == display}
        for site in scan.call_sites:
            site = _lift(site, outer, guarded_here)
            found = callers.get((display, site.within)) if site.within else None
            if not found or (display, site.within) not in guarded or (display, site.within) in opaque:
                sites.append(site)  # no caller adds a guard: the site as it is, once
                continue
            for where, call in sorted(found, key=lambda item: (item[0], item[1].line, item[1].column)):
                sites.append(replace(site, guards=site.guards + call.guards, caller=f"{where}:{call.line}"))
        out[display] = replace(scan, call_sites=tuple(sites))
    return out


def _lift(site: CallSite, outer: dict[str, str], guarded: set[str]) -> CallSite:
    """A site in a nested function no caller guards is judged as part of the function it is declared in."""
    within = site.within
    while within is not None and within in outer and within not in guarded:
        within = outer[within]
    return site if within == site.within else replace(site, within=within)


def _stem(display: str) -> str:
    """What an import of the file must spell: its name, or its folder's for an index file."""
    parts = display.rsplit("/", 2)
    name = parts[-1].split(".", 1)[0]
    return parts[-2] if name == "index" and len(parts) > 1 else name


def _guarded(call: Call) -> bool:
    return any(g.kind is not GuardKind.TRY_CATCH for g in call.guards)

