"""Uses of a wrapper library's exports (matrix/wrappers): ``useUserInfo()`` from taro-hooks, ``<AtImagePicker>``
from taro-ui. Each is a call site of every API the export calls, with the library's own tests as guards."""

from __future__ import annotations

from checker.scan.guards import GuardReader
from checker.scan.position import in_type, position
from checker.scan.scopes import Bindings, _text
from checker.scan.sites import CallSite, Guard, GuardKind, WrapperUse
from checker.syntax import IDENTIFIERS, Node, named

__all__ = ["library_sites"]


def library_sites(
    root: Node, language: str, bindings: Bindings, wrappers: tuple[WrapperUse, ...], display: str, lines: list[bytes],
    reader: GuardReader, file_guards: tuple[Guard, ...],
) -> list[CallSite]:
    """``useUserInfo()`` from taro-hooks, ``<AtImagePicker>`` from taro-ui: a use of the APIs the export calls."""
    table: dict[tuple[str, str], list[WrapperUse]] = {}
    for use in wrappers:
        table.setdefault((use.package, use.export), []).append(use)
    locals_ = {local: table[bound] for local, bound in bindings.imported.items() if bound in table}
    if not locals_:
        return []
    found = []
    for node in named(root, language, IDENTIFIERS, locals_):
        parent = node.parent
        if parent is None or parent.type in ("import_specifier", "export_specifier") or in_type(node):
            continue
        line, column = position(node, lines)
        called = parent.type in ("call_expression", "jsx_opening_element", "jsx_self_closing_element", "jsx_closing_element")
        if parent.type == "jsx_closing_element":
            continue  # the opening tag is the use
        guards = file_guards + reader.guards_of(node)
        for use in locals_[_text(node)]:
            library = (Guard(GuardKind.LIBRARY_ENV, line, envs=use.envs),) if use.envs else ()
            tested = (Guard(GuardKind.EXISTS, line, api=use.api, receiver="taro"),) if use.tested else ()
            found.append(CallSite(api=use.api, file=display, line=line, column=column, callee=_text(node), via="taro", called=called,
                                  promise_style=False, guards=guards + library + tested, wrapper=f"{use.label} {use.export}"))
    return found
