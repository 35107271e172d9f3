"""What a module exports that tests the platform, for the project pass to use where it is imported.

``export const isWeapp = process.env.TARO_ENV === 'weapp'``, ``export function isH5() { return getEnv() === ENV_TYPE.WEB }``,
``export { isWeapp }``, and the re-exports (``export * from './env'``) an index file is made of.
CommonJS ``module.exports`` and default-exported objects are not read.
"""

from __future__ import annotations

from checker.scan.guards import GuardReader
from checker.scan.scopes import _string_value, _text
from checker.scan.sites import ExportedGuard, Reexport
from checker.syntax import Node

__all__ = ["exported_guards"]


def exported_guards(root: Node, reader: GuardReader) -> tuple[tuple[ExportedGuard, ...], tuple[Reexport, ...]]:
    exports: list[ExportedGuard] = []
    reexports: list[Reexport] = []
    for statement in root.named_children:
        if statement.type != "export_statement" or any(c.type == "default" for c in statement.children):
            continue
        source = _string_value(statement.child_by_field_name("source"))
        declaration = statement.child_by_field_name("declaration")
        clause = next((c for c in statement.named_children if c.type == "export_clause"), None)
        if declaration is not None:
            for name in _declared(declaration):
                summary = reader.summary(name)
                if summary is not None:
                    exports.append(summary)
        elif clause is not None:
            for spec in clause.named_children:
                if spec.type != "export_specifier":
                    continue
                local = _text(spec.child_by_field_name("name"))
                alias = _text(spec.child_by_field_name("alias")) or local
                if source is not None:
                    reexports.append(Reexport(alias, source, local))
                elif local in reader.bindings.imported:
                    module, imported = reader.bindings.imported[local]
                    reexports.append(Reexport(alias, module, imported))
                elif (summary := reader.summary(local)) is not None:
                    exports.append(ExportedGuard(alias, summary.call, summary.when_true, summary.when_false))
        elif source is not None and not any(c.type == "namespace_export" for c in statement.named_children):
            reexports.append(Reexport("*", source, "*"))
    return tuple(exports), tuple(reexports)


def _declared(declaration: Node) -> list[str]:
    if declaration.type in ("function_declaration", "generator_function_declaration"):
        return [_text(declaration.child_by_field_name("name"))]
    if declaration.type == "lexical_declaration":
        names = []
        for declarator in declaration.named_children:
            name = declarator.child_by_field_name("name") if declarator.type == "variable_declarator" else None
            if name is not None and name.type == "identifier":
                names.append(_text(name))
        return names
    return []
