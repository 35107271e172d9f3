"""Package facts -> what ``Taro.X`` is on each platform at each Taro version read (pure; no I/O).

The rules (verified in the packages, see ``runtime_read``):

- mini-program platforms up to 3.2: a fixed list; a listed name is defined (a stub when the native
  global lacks it), an unlisted one is undefined; Promise iff in the promise list.
- from 3.3 (``processApis`` forwards ``Object.keys(global)``): Taro.X exists iff the native global has
  X, so the statement is ``forwarded`` and the runtime axis decides; a plugin's ``modifyApis`` adds
  names that always exist (calling the renamed native API) and deletes others.
- Taro's own members (``taro.request = ...``, the reserved keys) have no runtime axis.
- H5 and React Native: the exports and lists of their packages.

The packages of one Taro version: the ones at that version, and for a platform plugin the version
the CLI of that Taro version pins (``@tarojs/cli`` package.json), else the same version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.importers.runtime_read import Facts, PackageFacts
from checker.versions import TaroVersion

__all__ = ["Cell", "PlatformTarget", "VersionFacts", "facts_by_version"]

_TARO = "@tarojs/taro"
_API = "@tarojs/api"
_SHARED = "@tarojs/shared"
_CLI = "@tarojs/cli"
_PLUGIN = "@tarojs/plugin-platform-"
_ENV_PACKAGE = "@tarojs/taro-"
_ROUTER = "@tarojs/router"
_FRAMEWORK_REACT = "@tarojs/plugin-framework-react"


@dataclass(frozen=True, slots=True)
class PlatformTarget:
    id: str
    taro_env: str
    native_global: str | None


@dataclass(frozen=True, slots=True)
class Cell:
    """What Taro.X is at one version on one platform."""

    status: str  # supported | partial | stub | unsupported
    promise: bool | None = None
    native: str | None = None  # the native name called when it is not X
    forwarded: bool = False  # exists iff the native global has it (the runtime axis decides)
    framework: bool = False  # Taro's own: no native API behind it
    stub: tuple[str, str] | None = None  # (development, production) outcomes
    kind: str = ""  # what decided it, for the note


@dataclass(frozen=True, slots=True)
class VersionFacts:
    version: str
    rule: str  # fixed | forwarded | h5 | rn
    sources: tuple[tuple[str, str], ...]  # (package@version, file)
    facts: tuple[Facts, ...]
    framework_anywhere: frozenset[str] = frozenset()  # Taro's own members in any release read (hooks ...)

    def cell(self, name: str) -> Cell:
        return _CELL[self.rule](self, name)


class _Index:
    """Packages by name and version. A version between two read releases of a package whose facts are
    equal has those facts too (what the fetch's bisection establishes): it resolves to the lower one."""

    def __init__(self, packages: Sequence[PackageFacts]) -> None:
        self.exact = {(p.name, p.version): p for p in packages}
        self.by_name: dict[str, list[PackageFacts]] = {}
        for package in sorted(packages, key=lambda p: TaroVersion.parse(p.version)):
            self.by_name.setdefault(package.name, []).append(package)

    def get(self, key: tuple[str, str]) -> PackageFacts | None:
        found = self.exact.get(key)
        if found is not None:
            return found
        name, version = key
        wanted = TaroVersion.parse(version)
        lower = upper = None
        for package in self.by_name.get(name, ()):
            if TaroVersion.parse(package.version) < wanted:
                lower = package
            elif upper is None:
                upper = package
        if lower is not None and upper is not None and lower.facts == upper.facts:
            return lower
        return None


def _index(packages: Sequence[PackageFacts]) -> _Index:
    return _Index(packages)


def _pinned(index: _Index, package: str, version: str) -> str:
    cli = index.get((_CLI, version))
    if cli is not None:
        pinned = dict(cli.facts.pins).get(package)
        if pinned and pinned[:1].isdigit():
            return pinned
    return version


def facts_by_version(packages: Sequence[PackageFacts], platform: PlatformTarget) -> dict[str, VersionFacts]:
    """Every Taro version whose packages for ``platform`` were all read -> its facts there."""
    index = _index(packages)
    versions = sorted({p.version for p in packages if p.name in (_TARO, _API, _SHARED, _ENV_PACKAGE + platform.taro_env, _PLUGIN + platform.taro_env)},
                      key=TaroVersion.parse)
    # Taro's own members in any release read: from 3.x the hooks come from the framework plugin's runtime,
    # which is not read, so a name that was Taro's own elsewhere is not taken for a forwarded or absent one
    core = [p for p in packages if p.name in (_TARO, _API, _SHARED, _FRAMEWORK_REACT)]
    listed = frozenset().union(*(p.facts.listed for p in core))  # a listed name is a native API somewhere
    anywhere = frozenset().union(*(p.facts.framework | p.facts.reserved for p in core)) - listed
    found = {}
    for version in versions:
        facts = _one(index, platform, version)
        if facts is not None:
            found[version] = VersionFacts(facts.version, facts.rule, facts.sources, facts.facts, anywhere)
    return found


def _src(package: PackageFacts) -> list[tuple[str, str]]:
    return [(f"{package.name}@{package.version}", package.files[0])]


def _one(index: _Index, platform: PlatformTarget, version: str) -> VersionFacts | None:
    parsed = TaroVersion.parse(version)
    env = platform.taro_env
    if platform.native_global is None:
        own = index.get((_ENV_PACKAGE + env, version))
        if own is None or not own.facts.apis:
            return None
        if own.facts.stubs_rest:  # RN 2.x: the fixed lists of @tarojs/taro, stubbed, then real ones copied in
            lists = index.get((_TARO, version))
            if lists is None or not lists.facts.listed:
                return None
            router = index.get((_ENV_PACKAGE + "router-" + env, version))
            if router is None:
                return None
            kinds = {name: "stub-undefined" for name in lists.facts.listed} | dict(own.facts.apis) | dict(router.facts.apis)
            sources = _src(own) + _src(lists) + [(f"{router.name}@{router.version}", router.files[-1])]
            return VersionFacts(version, "rn", tuple(sources), (Facts(apis=tuple(sorted(kinds.items()))),))
        rule = "h5" if own.facts.stub_production else "rn"
        kinds, sources = dict(own.facts.apis), _src(own)
        if rule == "h5" and parsed < TaroVersion.parse("3.0.0-0"):  # 1.x-2.x: @tarojs/router sets the page APIs on Taro
            router = index.get((_ROUTER, version))
            if router is None:
                return None
            kinds = dict(router.facts.apis) | kinds
            sources.append((f"{router.name}@{router.version}", router.files[-1]))
        plugin = index.get((_PLUGIN + env, version))
        if plugin is not None and plugin.facts.apis:  # plugin-platform-h5's own implementations (canIUse from 3.6.8)
            kinds |= dict(plugin.facts.apis)
            sources.append((f"{plugin.name}@{plugin.version}", plugin.files[-1]))
        merged = Facts(apis=tuple(sorted(kinds.items())), stub_production=own.facts.stub_production)
        return VersionFacts(version, rule, tuple(sources), (merged,))
    if parsed < TaroVersion.parse("3.0.0-0"):
        lists, setup = index.get((_TARO, version)), index.get((_ENV_PACKAGE + env, version))
        if lists is None or setup is None or not lists.facts.listed:
            return None
        return VersionFacts(version, "fixed", tuple(_src(lists) + _src(setup)), (lists.facts, setup.facts))
    shared = index.get((_SHARED, version))
    if shared is None or parsed < TaroVersion.parse("3.1.0-0"):
        lists, taro = index.get((_API, version)), index.get((_TARO, version))
        if lists is None or taro is None or not lists.facts.listed:
            return None
        per_global = dict(taro.facts.per_global)
        key = platform.native_global if platform.native_global in per_global else env  # lib/wx.js, lib/alipay.js
        setup = per_global.get(key)
        if setup is None:
            return None
        file = next(f for f in taro.files if f.endswith(f"/{key}.js"))
        return VersionFacts(version, "fixed", tuple(_src(lists) + [(f"{taro.name}@{taro.version}", file)]), (lists.facts, setup))
    plugin_name = _PLUGIN + env
    plugin = index.get((plugin_name, _pinned(index, plugin_name, version)))
    api = index.get((_API, version))  # Taro's own members (pxTransform, getEnv, ...)
    if plugin is None or api is None:
        return None
    facts = [shared.facts, plugin.facts, Facts(framework=api.facts.framework)]
    sources = _src(shared) + _src(plugin) + _src(api)
    if plugin.facts.borrows:
        lender = index.get((plugin.facts.borrows, _pinned(index, plugin.facts.borrows, version)))
        if lender is None:
            return None
        facts.append(Facts(promise=lender.facts.promise))
        sources += _src(lender)
    return VersionFacts(version, "forwarded" if shared.facts.forwards else "fixed", tuple(sources), tuple(facts))


def _union(facts: tuple[Facts, ...], field: str) -> frozenset[str]:
    return frozenset().union(*(getattr(f, field) for f in facts))


def _aliases(facts: tuple[Facts, ...]) -> dict[str, str]:
    return {k: v for f in facts for k, v in f.aliases}


def _fixed(self: VersionFacts, name: str) -> Cell:
    if name in _union(self.facts, "listed"):
        native = _aliases(self.facts).get(name)
        return Cell("supported", promise=name in _union(self.facts, "promise"), native=native, kind="fixed")
    if name in _union(self.facts, "framework"):
        return Cell("supported", framework=True, kind="framework")
    return Cell("unsupported", kind="unlisted")


def _forwarded(self: VersionFacts, name: str) -> Cell:
    framework = _union(self.facts, "framework") | _union(self.facts, "reserved")
    if name in framework:
        return Cell("supported", framework=True, kind="framework")
    if name in self.framework_anywhere:
        return Cell("supported", framework=True, kind="framework-elsewhere")
    hooks = [f for f in self.facts if f.modify_added is not None]
    added = frozenset().union(*(f.modify_added or frozenset() for f in hooks))
    deleted = frozenset().union(*(f.modify_deleted for f in hooks))
    promise = name in _union(self.facts, "promise")
    if name in deleted and name not in added:
        return Cell("unsupported", kind="deleted")
    native = _aliases(self.facts).get(name)
    if name in added:  # modifyApis puts it on Taro whatever the native global has: it calls the native name
        return Cell("supported", promise=promise, native=native, kind="added")
    return Cell("supported", promise=promise, native=native, forwarded=True, kind="forwarded")


def _h5(self: VersionFacts, name: str) -> Cell:
    facts = self.facts[0]
    kind = dict(facts.apis).get(name)
    if kind is None and name in self.framework_anywhere:
        return Cell("supported", framework=True, kind="framework-elsewhere")
    if kind is None:
        return Cell("unsupported", kind="absent")
    if kind == "stub":
        return Cell("stub", stub=("rejects", facts.stub_production), kind="stub")
    if kind == "wechat":
        return Cell("partial", kind="wechat")
    return Cell("supported", kind="implemented")


def _rn(self: VersionFacts, name: str) -> Cell:
    kind = dict(self.facts[0].apis).get(name)
    if kind is None and name in self.framework_anywhere:
        return Cell("supported", framework=True, kind="framework-elsewhere")
    if kind is None:
        return Cell("unsupported", kind="absent")
    if kind == "stub-sync":
        return Cell("stub", stub=("resolves", "resolves"), kind="stub-sync")
    if kind == "stub-async":
        return Cell("stub", stub=("rejects", "rejects"), kind="stub-async")
    if kind == "stub-undefined":
        return Cell("stub", stub=("resolves", "resolves"), kind="stub-undefined")
    return Cell("supported", kind="implemented")


_CELL = {"fixed": _fixed, "forwarded": _forwarded, "h5": _h5, "rn": _rn}
