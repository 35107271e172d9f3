"""The conditions that decide whether a piece of code runs, read from its enclosing syntax.

Walks from a use up to the program: if/else branches, ternaries, ``&&``/``||``
chains, ``switch (process.env.TARO_ENV)``, try blocks, and early exits
(``if (!Taro.canIUse('x')) return`` before the use, in the same block).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.scan.scopes import Bindings, _string_value, _text, _unwrap
from checker.scan.sites import Guard
from checker.syntax import Node

__all__ = ["GuardReader"]

_EXITS = {"return_statement", "throw_statement", "break_statement", "continue_statement"}
_EQUAL = {"===", "==", "!=", "!=="}
_ORDER = {">=", ">", "<=", "<", "===", "==", "!==", "!="}


class GuardReader:
    def __init__(self, bindings: Bindings, env_aliases: frozenset[str]) -> None:
        self.bindings = bindings
        self.env_aliases = env_aliases
        self._constants: dict[str, Node] = {}  # const isWeapp = process.env.TARO_ENV === 'weapp'

    def remember_constant(self, name: str, value: Node) -> None:
        self._constants[name] = value

    # -- the walk up from a use --------------------------------------------------------
    def guards_of(self, node: Node) -> tuple[Guard, ...]:
        found: list[Guard] = []
        child, parent = node, node.parent
        while parent is not None:
            kind = parent.type
            if kind == "if_statement":
                condition = parent.child_by_field_name("condition")
                if _inside(child, parent.child_by_field_name("consequence")):
                    found += self.atoms(condition, positive=True)
                elif _inside(child, parent.child_by_field_name("alternative")):
                    found += self.atoms(condition, positive=False)
            elif kind == "ternary_expression":
                condition = parent.child_by_field_name("condition")
                if _same(child, parent.child_by_field_name("consequence")):
                    found += self.atoms(condition, positive=True)
                elif _same(child, parent.child_by_field_name("alternative")):
                    found += self.atoms(condition, positive=False)
            elif kind == "binary_expression" and _same(child, parent.child_by_field_name("right")):
                operator = _operator(parent)
                if operator == "&&":
                    found += self.atoms(parent.child_by_field_name("left"), positive=True)
                elif operator == "||":
                    found += self.atoms(parent.child_by_field_name("left"), positive=False)
            elif kind in ("switch_case", "switch_default"):
                found += self._switch(parent)
            elif kind == "try_statement" and _same(child, parent.child_by_field_name("body")):
                found.append(Guard("try_catch", parent.start_point[0] + 1))
            elif kind in ("statement_block", "program"):
                found += self._early_exits(parent, child)
            child, parent = parent, parent.parent
        return tuple(found)

    def _early_exits(self, block: Node, child: Node) -> Iterator[Guard]:
        for statement in block.named_children:
            if statement.id == child.id:
                return
            if statement.type == "if_statement" and statement.child_by_field_name("alternative") is None:
                if _always_exits(statement.child_by_field_name("consequence")):
                    yield from self.atoms(statement.child_by_field_name("condition"), positive=False)

    def _switch(self, case: Node) -> list[Guard]:
        body = case.parent
        switch = body.parent if body is not None else None
        if switch is None or switch.type != "switch_statement" or not self._is_env(switch.child_by_field_name("value")):
            return []
        cases = [c for c in body.named_children if c.type == "switch_case"]
        line = case.start_point[0] + 1
        if case.type == "switch_default":
            values = tuple(v for c in cases if (v := _string_value(_unwrap(c.child_by_field_name("value")))))
            return [Guard("taro_env", line, negated=True, envs=values)] if values else []
        # fall-through: earlier cases with empty bodies share this one's code
        values = []
        for other in cases[cases.index(case)::-1] if case in cases else []:
            if other.id != case.id and any(n.type != "comment" for n in other.named_children[1:]):
                break
            value = _string_value(_unwrap(other.child_by_field_name("value")))
            if value:
                values.append(value)
        return [Guard("taro_env", line, envs=tuple(sorted(values)))] if values else []

    # -- a condition -> guard atoms -------------------------------------------------------
    def atoms(self, condition: Node | None, *, positive: bool) -> list[Guard]:
        node = _unwrap(condition)
        if node is None:
            return []
        line = node.start_point[0] + 1
        if node.type == "unary_expression" and _operator(node) == "!":
            return self.atoms(node.child_by_field_name("argument"), positive=not positive)
        if node.type == "binary_expression":
            operator = _operator(node)
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if (operator == "&&" and positive) or (operator == "||" and not positive):
                return self.atoms(left, positive=positive) + self.atoms(right, positive=positive)
            if operator == "||" and positive:
                both = self.atoms(left, positive=True) + self.atoms(right, positive=True)
                if both and all(g.kind == "taro_env" and not g.negated for g in both):
                    return [Guard("taro_env", line, envs=tuple(sorted({e for g in both for e in g.envs})))]
                return []
            if operator in _EQUAL:
                return self._comparison(node, left, right, operator, positive, line)
            if operator == "in":
                api, via = _string_value(_unwrap(left)), self.bindings.namespace_of(_unwrap(right)) if right else None
                return [Guard("exists", line, not positive, api=api, receiver=via)] if api and via else []
            if operator in _ORDER:
                return self._version(left, right, operator, positive, line)
            return []
        if node.type == "identifier" and node.text is not None and node.text.decode() in self._constants:
            return self.atoms(self._constants[node.text.decode()], positive=positive)
        if node.type == "call_expression":
            return self._can_i_use(node, positive, line)
        tested = self._tested_api(node)
        if tested is not None:
            api, via = tested
            return [Guard("exists", line, not positive, api=api, receiver=via)]
        return []

    def _comparison(self, node: Node, left: Node | None, right: Node | None, operator: str, positive: bool, line: int) -> list[Guard]:
        negate = operator.startswith("!") == positive  # "!==" when positive, or "===" under a negation
        for subject, other in ((left, right), (right, left)):
            value = _string_value(_unwrap(other))
            if value is None:
                continue
            if self._is_env(subject):
                return [Guard("taro_env", line, negated=negate, envs=(value,))]
            subject = _unwrap(subject)
            if subject is not None and subject.type == "unary_expression" and _operator(subject) == "typeof":
                tested = self._tested_api(_unwrap(subject.child_by_field_name("argument")))
                if tested is not None and value in ("function", "undefined"):
                    present = (value == "function") != negate
                    return [Guard("exists", line, not present, api=tested[0], receiver=tested[1])]
        return self._version(left, right, operator, positive, line)

    def _version(self, left: Node | None, right: Node | None, operator: str, positive: bool, line: int) -> list[Guard]:
        """compareVersion(SDKVersion, '2.10.4') >= 0 (WeChat's documented helper, any name ending in it)."""
        for call, other, flipped in ((left, right, False), (right, left, True)):
            call = _unwrap(call)
            if call is None or call.type != "call_expression":
                continue
            function = call.child_by_field_name("function")
            name = _text(function.child_by_field_name("property") if function is not None and function.type == "member_expression" else function)
            if not name.lower().endswith("compareversion"):
                continue
            arguments = call.child_by_field_name("arguments")
            literals = [(i, _string_value(a)) for i, a in enumerate(arguments.named_children if arguments else [])]
            literals = [(i, v) for i, v in literals if v]
            if len(literals) != 1:
                continue
            index, version = literals[0]
            bound = _text(_unwrap(other))
            at_least = _at_least(operator, bound, flipped) if bound in ("0", "-1", "1") else None
            if at_least is None:
                return [Guard("version", line, version=version)]
            if index == 0:
                at_least = not at_least  # compareVersion('2.10.4', SDKVersion) <= 0
            return [Guard("version", line, negated=(not at_least) == positive, version=version)]
        return []

    def _can_i_use(self, node: Node, positive: bool, line: int) -> list[Guard]:
        function = node.child_by_field_name("function")
        if function is None or function.type != "member_expression" or _text(function.child_by_field_name("property")) != "canIUse":
            named = self.bindings.named_api(function) if function is not None else None
            if named != "canIUse":
                return []
            via = "taro"
        else:
            via = self.bindings.namespace_of(_unwrap(function.child_by_field_name("object")))
            if via is None:
                return []
        arguments = node.child_by_field_name("arguments")
        schema = _string_value(arguments.named_children[0]) if arguments and arguments.named_children else None
        if not schema:
            return []
        return [Guard("can_i_use", line, not positive, api=schema.split(".")[0], schema=schema, receiver=via)]

    def _tested_api(self, node: Node | None) -> tuple[str, str] | None:
        """``wx.getUserProfile`` / ``Taro['x']`` / an imported name, used as a value to test."""
        if node is None:
            return None
        if node.type in ("member_expression", "subscript_expression"):
            obj = _unwrap(node.child_by_field_name("object"))
            via = self.bindings.namespace_of(obj) if obj is not None else None
            if via is None:
                return None
            if node.type == "member_expression":
                return _text(node.child_by_field_name("property")), via
            key = _string_value(_unwrap(node.child_by_field_name("index")))
            return (key, via) if key else None
        api = self.bindings.named_api(node)
        return (api, "taro") if api else None

    def _is_env(self, node: Node | None) -> bool:
        node = _unwrap(node)
        if node is None:
            return False
        text = _text(node).replace(" ", "")
        if text == "process.env.TARO_ENV":
            return True
        if node.type == "identifier" and text in self.env_aliases:
            return True
        if node.type == "identifier" and text in self._constants:
            return self._is_env(self._constants[text])
        return False


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return _text(operator) if operator is not None else ""


def _same(a: Node | None, b: Node | None) -> bool:
    return a is not None and b is not None and a.id == b.id


def _inside(node: Node, container: Node | None) -> bool:
    return container is not None and container.start_byte <= node.start_byte and node.end_byte <= container.end_byte


def _always_exits(node: Node | None) -> bool:
    if node is None:
        return False
    if node.type in _EXITS:
        return True
    if node.type == "statement_block" and node.named_children:
        return node.named_children[-1].type in _EXITS
    return False


def _at_least(operator: str, bound: str, flipped: bool) -> bool | None:
    """For compareVersion(current, v) OP bound: True when the branch means current >= v."""
    if flipped:
        operator = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}.get(operator, operator)
    table = {
        (">=", "0"): True, (">", "-1"): True, ("===", "1"): True, ("==", "1"): True, ("!==", "-1"): True, ("!=", "-1"): True,
        ("<", "0"): False, ("<=", "-1"): False, ("===", "-1"): False, ("==", "-1"): False,
    }
    return table.get((operator, bound))
