"""FileScan <-> plain data, for the scan cache."""

from __future__ import annotations

from typing import Any

from checker.scan.sites import (
    Argument, Call, CallSite, ComponentUse, ExportedGuard, FileScan, Guard, GuardKind, Reexport, ScanNote, ScanNoteKind, Suppression,
)

__all__ = ["decode", "encode"]


def _guard(data: dict[str, Any]) -> Guard:
    return Guard(**{**data, "kind": GuardKind(data["kind"]), "envs": tuple(data.get("envs", ()))})


def _note(data: dict[str, Any]) -> ScanNote:
    return ScanNote(**{**data, "kind": ScanNoteKind(data["kind"])})


def _note_data(note: ScanNote) -> dict[str, Any]:
    return {"kind": note.kind.value, **note.args()}


def encode(scan: FileScan) -> dict[str, Any]:
    def guard(g: Guard) -> dict[str, Any]:
        return {k: v for k, v in ((f, getattr(g, f)) for f in g.__dataclass_fields__) if v not in (None, (), False)} | {"kind": g.kind.value, "line": g.line}

    return {
        "file": scan.file,
        "sites": [
            {
                "api": s.api, "line": s.line, "column": s.column, "callee": s.callee, "via": s.via, "called": s.called,
                "promise": s.promise_style, "args": [[a.key, a.value, a.literal] for a in s.arguments],
                "guards": [guard(g) for g in s.guards],
                "suppression": [s.suppression.line, list(s.suppression.apis), s.suppression.reason, s.suppression.standalone] if s.suppression else None,
                "wrapper": s.wrapper,
                "within": s.within,
            }
            for s in scan.call_sites
        ],
        "components": [
            {"component": c.component, "attribute": c.attribute, "value": c.value, "line": c.line, "column": c.column,
             "guards": [guard(g) for g in c.guards]}
            for c in scan.components
        ],
        "problems": [_note_data(n) for n in scan.problems],
        "skipped": _note_data(scan.skipped) if scan.skipped else None,
        "exports": [[e.name, e.call, [guard(g) for g in e.when_true], [guard(g) for g in e.when_false]] for e in scan.exports],
        "reexports": [[r.name, r.source, r.imported] for r in scan.reexports],
        "parsed": scan.parsed,
        "calls": [[c.name, c.module, c.line, c.column, [guard(g) for g in c.guards], c.within] for c in scan.calls],
        "functions": [list(pair) for pair in scan.functions],
        "nesting": [list(pair) for pair in scan.nesting],
        "notes": [_note_data(n) for n in scan.notes],
    }


def decode(data: dict[str, Any]) -> FileScan:
    file = data["file"]
    sites = tuple(
        CallSite(
            api=s["api"], file=file, line=s["line"], column=s["column"], callee=s["callee"], via=s["via"], called=s["called"],
            promise_style=s["promise"], arguments=tuple(Argument(k, v, lit) for k, v, lit in s["args"]),
            guards=tuple(_guard(g) for g in s["guards"]),
            suppression=Suppression(s["suppression"][0], tuple(s["suppression"][1]), s["suppression"][2], s["suppression"][3]) if s["suppression"] else None,
            wrapper=s.get("wrapper"),
            within=s.get("within"),
        )
        for s in data["sites"]
    )
    components = tuple(
        ComponentUse(c["component"], c["attribute"], c["value"], file, c["line"], c["column"], tuple(_guard(g) for g in c["guards"]))
        for c in data["components"]
    )
    exports = tuple(
        ExportedGuard(name, call, tuple(_guard(g) for g in when_true), tuple(_guard(g) for g in when_false))
        for name, call, when_true, when_false in data.get("exports", ())
    )
    reexports = tuple(Reexport(name, source, imported) for name, source, imported in data.get("reexports", ()))
    calls = tuple(Call(name, module, line, column, tuple(_guard(g) for g in guards), within)
                  for name, module, line, column, guards, within in data.get("calls", ()))
    functions = tuple((exported, local) for exported, local in data.get("functions", ()))
    nesting = tuple((nested, outer) for nested, outer in data.get("nesting", ()))
    skipped = _note(data["skipped"]) if data["skipped"] else None
    return FileScan(file, sites, components, tuple(_note(n) for n in data["problems"]), skipped, exports, reexports, bool(data.get("parsed")),
                    calls, functions, tuple(_note(n) for n in data.get("notes", ())), nesting)
