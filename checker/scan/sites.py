"""What the scanner reports: plain, frozen data (no matrix, no verdicts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["CAPABILITY_GUARDS", "DECODED", "PLATFORM_GUARDS", "GuardKind", "ScanNote", "ScanNoteKind", "Argument", "CallSite", "Call", "ComponentUse", "ExportedGuard", "FileScan", "Guard", "Reexport", "Suppression", "WrapperUse"]


class GuardKind(StrEnum):
    """What a guard tests; the values are the JSON's ``kind`` strings."""

    CAN_I_USE = "can_i_use"  # canIUse('x')
    EXISTS = "exists"  # if (wx.x), typeof wx.x, 'x' in wx, typeof my !== 'undefined'
    VERSION = "version"  # compareVersion(SDKVersion, '2.10.4') >= 0
    TARO_ENV = "taro_env"  # process.env.TARO_ENV === 'weapp', its aliases, switch
    PLATFORM_FILE = "platform_file"  # name.weapp.ts
    PLATFORM_PACKAGE = "platform_package"  # Taro imported from @tarojs/taro-h5
    LIBRARY_ENV = "library_env"  # a wrapper library calls the API only on some platforms
    TRY_CATCH = "try_catch"  # recorded; not a capability guard
    IMPORTED = "imported"  # a condition on an imported name: the project pass replaces or drops it


# kinds that keep code off platforms altogether (the build leaves it out), rather than test a capability
PLATFORM_GUARDS = frozenset({GuardKind.TARO_ENV, GuardKind.PLATFORM_FILE, GuardKind.PLATFORM_PACKAGE, GuardKind.LIBRARY_ENV})
# kinds that test at run time whether the API is there
CAPABILITY_GUARDS = frozenset({GuardKind.CAN_I_USE, GuardKind.EXISTS, GuardKind.VERSION})


@dataclass(frozen=True, slots=True)
class Guard:
    """A condition that decides whether the code around a call runs.

    kind: ``can_i_use`` (canIUse('x')), ``exists`` (if (wx.x), typeof, 'x' in wx), ``taro_env``
    (process.env.TARO_ENV === 'weapp', its aliases, switch), ``version`` (compareVersion(SDKVersion,
    '2.10.4') >= 0), ``platform_file`` (name.weapp.ts; negated: name.ts where name.h5.ts replaces it),
    ``platform_package`` (Taro imported from a platform's own package, @tarojs/taro-h5), ``try_catch``
    (recorded; not a capability guard), ``library_env`` (a wrapper library calls the API only on ``envs``). Between the file scan and the project pass only, ``imported``:
    a condition on a name imported from a project module (receiver: the module specifier, api: the
    exported name, schema: "call" when it is called); the project pass replaces it, or drops it.
    ``negated``: the code runs when the condition is false (an else branch, an early return).
    """

    kind: GuardKind
    line: int
    negated: bool = False
    api: str | None = None  # the API the condition tests (canIUse's first segment, the member tested)
    schema: str | None = None  # the full canIUse argument, e.g. "button.open-type.chooseAvatar"
    receiver: str | None = None  # "taro" or the native global ("wx") the test goes through
    envs: tuple[str, ...] = ()  # TARO_ENV values of a taro_env or platform_file guard
    version: str | None = None  # the literal a version comparison tests against


@dataclass(frozen=True, slots=True)
class WrapperUse:
    """An export of a library that calls an API: using it is a call site of that API."""

    package: str  # taro-hooks
    label: str  # taro-hooks@1.5.8: the package at the project's version
    export: str  # useUserInfo
    api: str
    envs: tuple[str, ...] = ()  # the library calls it only on these TARO_ENV values; empty: wherever it runs
    tested: bool = False  # the library tests that the API exists before calling it


@dataclass(frozen=True, slots=True)
class Argument:
    key: str
    value: str | int | float | bool | None  # a literal value, else None
    literal: bool


@dataclass(frozen=True, slots=True)
class Suppression:
    line: int
    apis: tuple[str, ...]  # empty: every API on the line
    reason: str
    standalone: bool = True  # alone on its line: it also covers the next line


@dataclass(frozen=True, slots=True)
class CallSite:
    api: str  # the member name: getUserProfile
    file: str  # relative to the project root, POSIX
    line: int  # 1-based, in the whole file (a .vue file too)
    column: int  # 1-based, in characters
    callee: str  # the source text: Taro.getUserProfile, gup, wx['getUserProfile']
    via: str  # "taro", or the native global (wx, tt, ...)
    called: bool  # False: passed on without being called (const f = Taro.getUserProfile)
    promise_style: bool  # awaited, or .then/.catch/.finally on the result
    arguments: tuple[Argument, ...] = ()  # keys of an object-literal first argument
    guards: tuple[Guard, ...] = ()
    suppression: Suppression | None = None
    wrapper: str | None = None  # "taro-hooks@1.5.8 useUserInfo": the use of a library export that calls the API
    within: str | None = None  # the top-level project function holding the call (a wrapper of the API)
    caller: str | None = None  # "src/pages/a.tsx:12": the wrapper's call this copy of the site is judged under


@dataclass(frozen=True, slots=True)
class ComponentUse:
    """A string attribute of a Taro component in JSX: <Button openType="chooseAvatar">."""

    component: str  # button
    attribute: str  # open-type (camelCase props are written kebab-case, as the matrix ids are)
    value: str  # chooseAvatar
    file: str
    line: int
    column: int
    guards: tuple[Guard, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportedGuard:
    """An exported constant or function that tests the platform: ``export const isWeapp = process.env.TARO_ENV === 'weapp'``.

    ``when_true`` / ``when_false``: the guards that hold where the value is true / false (their lines are
    the definition's; a use takes them at its own line).
    """

    name: str
    call: bool  # a function: the test is its result
    when_true: tuple[Guard, ...]
    when_false: tuple[Guard, ...]


@dataclass(frozen=True, slots=True)
class Reexport:
    """``export { a as b } from './m'`` (name b, imported a) or ``export * from './m'`` (name and imported "*")."""

    name: str
    source: str
    imported: str


@dataclass(frozen=True, slots=True)
class Call:
    """A call (or a reference, ``onClick={login}``) of a project function that may wrap an API."""

    name: str  # the function's name in its module (the imported name, or the local one)
    module: str | None  # the import specifier; None: a function of this file
    line: int
    column: int
    guards: tuple[Guard, ...] = ()
    within: str | None = None  # the top-level function of this file the call is in


class ScanNoteKind(StrEnum):
    """Why a file was skipped or only partly parsed (TC010), or how it was decoded (TC016): the rules' template variants."""

    DOES_NOT_PARSE = "does_not_parse"  # line: the first syntax error; the rest was scanned
    TOO_LARGE = "too_large"  # megabytes: the size limit; a bundle or generated file
    UNREADABLE = "unreadable"  # reason: the system's words (Permission denied)
    BINARY = "binary"  # NUL bytes
    BAD_BYTE_ORDER_MARK = "bad_bom"  # encoding: the mark's, which the bytes after it are not
    UNDECODABLE = "undecodable"  # line: the first byte that is not UTF-8; no likely encoding decodes it
    DECODED_BY_MARK = "decoded_bom"  # encoding: UTF-16 by its byte-order mark
    DECODED = "decoded"  # line, encoding: the detected legacy encoding (GB18030, BIG5, ...)


# kinds of a file scanned whole after decoding (TC016); the others are files skipped or partly parsed (TC010)
DECODED = frozenset({ScanNoteKind.DECODED_BY_MARK, ScanNoteKind.DECODED})


@dataclass(frozen=True, slots=True)
class ScanNote:
    """A note of the scanner about one file, as data: its kind and arguments (the rules word it, en/zh)."""

    kind: ScanNoteKind
    line: int | None = None
    encoding: str | None = None  # as reports name it: UTF-16, GB18030
    megabytes: int | None = None
    reason: str | None = None

    def args(self) -> dict[str, str | int]:
        """Its arguments that are set, by name."""
        found = {"line": self.line, "encoding": self.encoding, "megabytes": self.megabytes, "reason": self.reason}
        return {name: value for name, value in found.items() if value is not None}


@dataclass(frozen=True, slots=True)
class FileScan:
    file: str
    call_sites: tuple[CallSite, ...] = ()
    components: tuple[ComponentUse, ...] = ()
    problems: tuple[ScanNote, ...] = field(default=())  # only partly parsed: line 12 does not parse
    skipped: ScanNote | None = None  # why the file was not scanned at all
    exports: tuple[ExportedGuard, ...] = ()
    reexports: tuple[Reexport, ...] = ()
    parsed: bool = False  # its syntax tree was read (False: left out by the byte pre-filter, or skipped)
    calls: tuple[Call, ...] = ()
    functions: tuple[tuple[str, str], ...] = ()  # (exported name, local function) of the exported wrappers
    notes: tuple[ScanNote, ...] = ()  # scanned whole, but worth saying: not UTF-8, decoded as GB18030
    nesting: tuple[tuple[str, str], ...] = ()  # (nested wrapper pay@12, the function it is declared in)
