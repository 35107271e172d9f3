"""The conditions that decide whether a piece of code runs, read from its enclosing syntax.

Walks from a use up to the program: if/else branches, ternaries, ``&&``/``||``
chains, ``switch (process.env.TARO_ENV)``, try blocks, and early exits
(``if (!Taro.canIUse('x')) return`` before the use, in the same block).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from checker.scan.scopes import Bindings, _string_value, _text, _unwrap
from checker.scan.sites import ExportedGuard, Guard, GuardKind
from checker.syntax import Node

__all__ = ["GuardReader"]

_EXITS = {"return_statement", "throw_statement", "break_statement", "continue_statement"}
_EQUAL = {"===", "==", "!=", "!=="}
_ORDER = {">=", ">", "<=", "<", "===", "==", "!==", "!="}
# Taro's own platform test: getEnv() returns one of ENV_TYPE's values (the values per platform are matrix data)
_ENV_FUNCTION = "getEnv"
_ENV_ENUM = "ENV_TYPE"
_GLOBAL_OBJECTS = {"window", "globalThis", "global", "self"}  # JavaScript's names of the global object


class GuardReader:
    def __init__(self, bindings: Bindings, env_aliases: frozenset[str], env_types: Mapping[str, str] | None = None) -> None:
        self.bindings = bindings
        self.env_aliases = env_aliases
        self.env_types = env_types or {}  # ENV_TYPE key -> TARO_ENV value (WEB -> h5)
        self._constants: dict[str, Node] = {}  # const isWeapp = process.env.TARO_ENV === 'weapp'
        self._functions: dict[str, Node] = {}  # function isWeapp() { return ... }: name -> the returned expression

    def remember_constant(self, name: str, value: Node) -> None:
        returned = _returned(value)
        if returned is not None:
            self._functions[name] = returned
        else:
            self._constants[name] = _invoked(value) or value  # const WEAPP = (() => TARO_ENV === 'weapp')()

    def remember_function(self, name: str, function: Node) -> None:
        returned = _returned(function)
        if returned is not None:
            self._functions[name] = returned

    def summary(self, name: str) -> ExportedGuard | None:
        """The guards a const or one-line function of this file stands for, when it tests anything."""
        if name in self._functions:
            expression, call = self._functions[name], True
        elif name in self._constants:
            expression, call = self._constants[name], False
        else:
            return None
        when_true, when_false = self.atoms(expression, positive=True), self.atoms(expression, positive=False)
        return ExportedGuard(name, call, tuple(when_true), tuple(when_false)) if when_true or when_false else None

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
                found.append(Guard(GuardKind.TRY_CATCH, parent.start_point[0] + 1))
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
        subject = self._env_subject(switch.child_by_field_name("value")) if switch is not None and switch.type == "switch_statement" else None
        if subject is None:
            return []
        cases = [c for c in body.named_children if c.type == "switch_case"]
        line = case.start_point[0] + 1
        if case.type == "switch_default":
            values = tuple(dict.fromkeys(v for c in cases for v in self._env_values(subject, c.child_by_field_name("value")) or ()))
            return [Guard(GuardKind.TARO_ENV, line, negated=True, envs=values)] if values else []
        # fall-through: earlier cases with empty bodies share this one's code
        values = []
        for other in cases[cases.index(case)::-1] if case in cases else []:
            if other.id != case.id and any(n.type != "comment" for n in other.named_children[1:]):
                break
            values += self._env_values(subject, other.child_by_field_name("value")) or ()
        return [Guard(GuardKind.TARO_ENV, line, envs=tuple(sorted(set(values))))] if values else []

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
                if both and all(g.kind is GuardKind.TARO_ENV and not g.negated for g in both):
                    return [Guard(GuardKind.TARO_ENV, line, envs=tuple(sorted({e for g in both for e in g.envs})))]
                return []
            if operator in _EQUAL:
                return self._comparison(node, left, right, operator, positive, line)
            if operator == "in":
                api, via = _string_value(_unwrap(left)), self.bindings.namespace_of(_unwrap(right)) if right else None
                return [Guard(GuardKind.EXISTS, line, not positive, api=api, receiver=via)] if api and via else []
            if operator in _ORDER:
                return self._version(left, right, operator, positive, line)
            return []
        if node.type == "identifier" and node.text is not None and node.text.decode() in self._constants:
            return self.atoms(self._constants[node.text.decode()], positive=positive)
        if node.type == "call_expression":
            function = _unwrap(node.child_by_field_name("function"))
            if function is not None and function.type == "identifier" and _text(function) in self._functions:
                return self.atoms(self._functions[_text(function)], positive=positive)
            return self._can_i_use(node, positive, line) or self._imported(function, positive, line, call=True)
        tested = self._tested_api(node)
        if tested is not None:
            api, via = tested
            return [Guard(GuardKind.EXISTS, line, not positive, api=api, receiver=via)]
        native = self._native_global(node)
        if native is not None:  # if (my) ...: the platform's global itself
            return [Guard(GuardKind.EXISTS, line, not positive, receiver=native)]
        return self._imported(node, positive, line, call=False)

    def _native_global(self, node: Node | None) -> str | None:
        if node is not None and node.type == "member_expression":  # window.my: the global, read without a ReferenceError
            holder, name = _unwrap(node.child_by_field_name("object")), _text(node.child_by_field_name("property"))
            held = holder is not None and holder.type == "identifier" and _text(holder) in _GLOBAL_OBJECTS
            return name if held and name in self.bindings.globals else None  # (a local named window is not told apart)
        via = self.bindings.namespace_of(node) if node is not None else None
        return via if via not in (None, "taro") else None

    def _imported(self, node: Node | None, positive: bool, line: int, *, call: bool) -> list[Guard]:
        """``isWeapp`` / ``isWeapp()`` / ``env.isWeapp`` imported from a project module: resolved by the project pass."""
        if node is None:
            return []
        name = None
        if node.type == "identifier":
            name = self.bindings.imported.get(_text(node))
        elif node.type == "member_expression":
            obj = _unwrap(node.child_by_field_name("object"))
            bound = self.bindings.imported.get(_text(obj)) if obj is not None and obj.type == "identifier" else None
            prop = node.child_by_field_name("property")
            if bound is not None and bound[1] == "*" and prop is not None:
                name = (bound[0], _text(prop))
        if name is None or name[1] in ("*", "default"):
            return []
        return [Guard(GuardKind.IMPORTED, line, not positive, api=name[1], receiver=name[0], schema="call" if call else None)]

    def _comparison(self, node: Node, left: Node | None, right: Node | None, operator: str, positive: bool, line: int) -> list[Guard]:
        negate = operator.startswith("!") == positive  # "!==" when positive, or "===" under a negation
        for subject, other in ((left, right), (right, left)):
            kind = self._env_subject(subject)
            envs = self._env_values(kind, other) if kind is not None else None
            if envs is not None:
                return [Guard(GuardKind.TARO_ENV, line, negated=negate, envs=envs)]
            value = _string_value(_unwrap(other))
            if value is None:
                continue
            subject = _unwrap(subject)
            if subject is not None and subject.type == "unary_expression" and _operator(subject) == "typeof":
                tested = self._tested_api(_unwrap(subject.child_by_field_name("argument")))
                if tested is not None and value in ("function", "undefined"):
                    present = (value == "function") != negate
                    return [Guard(GuardKind.EXISTS, line, not present, api=tested[0], receiver=tested[1])]
                native = self._native_global(_unwrap(subject.child_by_field_name("argument")))
                if native is not None and value in ("undefined", "object"):  # typeof wx !== 'undefined'
                    present = (value == "object") != negate
                    return [Guard(GuardKind.EXISTS, line, not present, receiver=native)]
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
                return [Guard(GuardKind.VERSION, line, version=version)]
            if index == 0:
                at_least = not at_least  # compareVersion('2.10.4', SDKVersion) <= 0
            return [Guard(GuardKind.VERSION, line, negated=(not at_least) == positive, version=version)]
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
        return [Guard(GuardKind.CAN_I_USE, line, not positive, api=schema.split(".")[0], schema=schema, receiver=via)]

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

    def _env_subject(self, node: Node | None) -> str | None:
        """"taro_env" for process.env.TARO_ENV (and its aliases), "env_type" for getEnv(), else None."""
        node = _unwrap(node)
        if node is None:
            return None
        text = _text(node).replace(" ", "")
        if text == "process.env.TARO_ENV" or (node.type == "identifier" and text in self.env_aliases):
            return "taro_env"
        if node.type == "call_expression" and self._is_taro_member(node.child_by_field_name("function"), _ENV_FUNCTION):
            return "env_type"
        if node.type == "identifier" and text in self._constants:
            return self._env_subject(self._constants[text])
        if node.type == "member_expression" and text.startswith("this."):  # this.buildTarget = process.env.TARO_ENV
            return self._field_subject(node)
        if node.type == "member_expression":  # const g = { ENV: Taro.getEnv() }; g.ENV
            return self._env_subject(self._property_value(node))
        return None

    def _field_subject(self, node: Node) -> str | None:
        """``this.x`` stands for a platform value when every write of ``x`` in the enclosing class stores one."""
        owner = node.parent
        while owner is not None and owner.type not in ("class_declaration", "class", "abstract_class_declaration"):
            owner = owner.parent
        body, field = owner.child_by_field_name("body") if owner is not None else None, _text(node.child_by_field_name("property"))
        written: list[Node | None] = []
        stack = list(body.named_children) if body is not None else []
        while stack:
            current = stack.pop()
            if current.type in ("assignment_expression", "augmented_assignment_expression", "update_expression"):
                target = _unwrap(current.child_by_field_name("left") or current.child_by_field_name("argument"))
                if target is not None and _text(target).replace(" ", "") == f"this.{field}":
                    written.append(current.child_by_field_name("right") if current.type == "assignment_expression" else None)
            elif current.type in ("public_field_definition", "field_definition") and _text(
                    current.child_by_field_name("property") or current.child_by_field_name("name")) == field:
                if current.child_by_field_name("value") is not None:  # ``buildTarget: string`` declares, writes nothing
                    written.append(current.child_by_field_name("value"))
            stack += current.named_children
        subjects = {self._env_subject(value) if value is not None else None for value in written}
        return subjects.pop() if len(subjects) == 1 and None not in subjects else None

    def _property_value(self, node: Node) -> Node | None:
        """The initialiser of ``name.key`` when ``name`` is a const of this file bound to an object literal."""
        obj = _unwrap(node.child_by_field_name("object"))
        literal = self._constants.get(_text(obj)) if obj is not None and obj.type == "identifier" else None
        literal = _unwrap(literal)
        if literal is None or literal.type != "object":
            return None
        key = _text(node.child_by_field_name("property"))
        values = [p.child_by_field_name("value") for p in literal.named_children
                  if p.type == "pair" and (_string_value(p.child_by_field_name("key")) or _text(p.child_by_field_name("key"))) == key]
        return values[0] if len(values) == 1 else None

    def _env_values(self, subject: str, node: Node | None) -> tuple[str, ...] | None:
        """The TARO_ENV values a compared value names: 'weapp'; for getEnv(): 'WEAPP' or ENV_TYPE.WEAPP
        (an ENV_TYPE key of no known platform names none of them)."""
        node = _unwrap(node)
        value = _string_value(node)
        if subject == "taro_env":
            return (value,) if value is not None else None
        if value is None and node is not None and node.type == "member_expression":
            if self._is_taro_member(_unwrap(node.child_by_field_name("object")), _ENV_ENUM):
                value = _text(node.child_by_field_name("property"))
        if value is None:
            return None
        return (self.env_types[value],) if value in self.env_types else ()

    def _is_taro_member(self, node: Node | None, member: str) -> bool:
        """``Taro.<member>`` or ``<member>`` imported from Taro by name."""
        if node is None:
            return False
        if node.type == "member_expression":
            obj = _unwrap(node.child_by_field_name("object"))
            return _text(node.child_by_field_name("property")) == member and obj is not None and self.bindings.namespace_of(obj) == "taro"
        return node.type == "identifier" and self.bindings.named_api(node) == member


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return _text(operator) if operator is not None else ""


def _same(a: Node | None, b: Node | None) -> bool:
    return a is not None and b is not None and a.id == b.id


def _inside(node: Node, container: Node | None) -> bool:
    return container is not None and container.start_byte <= node.start_byte and node.end_byte <= container.end_byte


def _returned(function: Node | None) -> Node | None:
    """The expression a function returns when that is all it does: ``() => a === b``, ``{ return a === b }``."""
    function = _unwrap(function)
    if function is None or function.type not in ("arrow_function", "function_expression", "function", "function_declaration"):
        return None
    body = function.child_by_field_name("body")
    if body is None:
        return None
    if body.type != "statement_block":
        return body
    statements = [s for s in body.named_children if s.type != "comment"]
    if len(statements) == 1 and statements[0].type == "return_statement" and statements[0].named_children:
        return statements[0].named_children[0]
    return None


def _invoked(value: Node) -> Node | None:
    """What an immediately invoked function without arguments returns: ``(() => { return a === b })()``."""
    value = _unwrap(value)
    if value is None or value.type != "call_expression":
        return None
    arguments = value.child_by_field_name("arguments")
    if arguments is None or arguments.named_children:
        return None
    return _returned(value.child_by_field_name("function"))


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
