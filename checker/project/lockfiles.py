"""Resolved versions from npm, yarn and pnpm lock files.

package.json says which versions were allowed (``^3.6.8``); the lock file says
which one was installed (3.6.26). Each reader returns only the wanted packages,
with the line of their entry so that a finding can point at it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nodesemver

from checker.errors import Location, ProjectError
from checker.project.yarnlock import YarnSyntaxError, read_yarn_v1
from checker.yamlread import YamlMap, YamlProblem, read_documents

__all__ = ["LOCKFILE_NAMES", "MAX_LOCKFILE_BYTES", "LockfileError", "Locked", "read_lockfile"]

LOCKFILE_NAMES = ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml")
MAX_LOCKFILE_BYTES = 64 * 1024 * 1024
# Lock files nest about five levels deep. The limit matters: libyaml's own
# composer recurses in C and overflows the stack near 30 000 open brackets.
_MAX_YAML_DEPTH = 64

_Found = dict[str, tuple[str, int, str | None]]  # name -> (version, line, recorded specifier)
_YarnEntry = tuple[frozenset[str], str, int]  # ({"name@range", ...}, version, line)


@dataclass(frozen=True, slots=True)
class Locked:
    """One package as a lock file resolved it; ``line`` is 1-based, 0 when unknown.

    ``specifier`` is the project's declaration as the lock file recorded it when it was written (pnpm's
    importer ``specifier``, npm's root package, yarn berry's workspace entry, the range of yarn 1's
    matching key); None when the format keeps none (npm v1). A specifier that differs from package.json
    means the lock file is stale: the next install resolves again.
    """

    package: str
    version: str
    lockfile: str
    line: int
    specifier: str | None = None


class LockfileError(ProjectError):
    """A lock file that cannot be read, with where the reading stopped."""


def read_lockfile(path: Path, display: str, wanted: Mapping[str, str], *, importer: str = ".") -> dict[str, Locked]:
    """Resolved versions of the wanted packages (name -> declared spec from package.json).

    ``importer`` is the project's directory relative to the lock file's directory
    (POSIX, ``"."`` for the same one), for workspace lock files. Packages that the
    lock file does not resolve (absent, or a ``link:``/``file:`` folder) are absent.
    """
    reader = _READERS.get(path.name)
    if reader is None:
        raise LockfileError("unknown lock file format", Location(display))
    text = _read_text(path, display)
    project = PurePosixPath(importer).as_posix()  # "./packages/app/" -> "packages/app"
    found = reader(text, display, wanted, project)
    return {name: Locked(name, version, display, line, specifier) for name, (version, line, specifier) in found.items()}


def _read_text(path: Path, display: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_LOCKFILE_BYTES:
            limit = MAX_LOCKFILE_BYTES // (1024 * 1024)
            raise LockfileError(f"file is {size} bytes, over the {limit} MB limit for a lock file", Location(display))
        raw = path.read_bytes()
    except OSError as error:
        raise LockfileError(f"cannot read: {error.strerror or error}", Location(display)) from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        where = Location(display, raw.count(b"\n", 0, error.start) + 1, error.start - line_start + 1)
        raise LockfileError(f"not UTF-8 text (byte 0x{raw[error.start]:02x})", where) from None


# --- npm: package-lock.json, npm-shrinkwrap.json -----------------------------


def _npm(text: str, display: str, wanted: Mapping[str, str], importer: str) -> _Found:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" at").removesuffix(" starting")  # "Unterminated string starting at"
        raise LockfileError(f"invalid JSON: {message}", Location(display, error.lineno, error.colno)) from None
    except RecursionError:
        raise LockfileError("invalid JSON: nested too deeply", Location(display, 1, 1)) from None
    if not isinstance(data, dict):
        raise LockfileError("not an npm lock file: the top level is not an object", Location(display, 1, 1))
    version = data.get("lockfileVersion")
    if type(version) is not int or version not in (1, 2, 3):  # type(): True is an int too
        what = "no lockfileVersion" if version is None else f"unsupported lockfileVersion {json.dumps(version)}"
        at = text.find('"lockfileVersion"')
        raise LockfileError(what, Location(display, text.count("\n", 0, at) + 1 if at >= 0 else 1))
    declared: dict[str, str] = {}
    if version == 1:  # npm 5-6: one level of names; npm 6 had no workspaces, and kept no declarations
        candidates = {name: [name] for name in wanted}
        entries = data.get("dependencies")
    else:  # npm 7+: install paths; a workspace member's own copy wins over the hoisted one
        nested = "" if importer == "." else f"{importer}/"
        candidates = {name: _unique(f"{nested}node_modules/{name}", f"node_modules/{name}") for name in wanted}
        entries = data.get("packages")
        member = entries.get("" if importer == "." else importer) if isinstance(entries, dict) else None
        declared = _npm_declarations(member)
    if not isinstance(entries, dict):
        return {}
    lines = _json_object_lines(text, {key for keys in candidates.values() for key in keys})
    found: _Found = {}
    for name, keys in candidates.items():
        for key in keys:
            entry = entries.get(key)
            version = entry.get("version") if isinstance(entry, dict) else None
            if isinstance(version, str):
                if version.startswith("npm:"):  # v1 writes an alias as "npm:@scope/real@1.2.3"
                    version = version.rpartition("@")[2]
                found[name] = (version, lines.get(key, 0), declared.get(name))
                break
    return found


def _npm_declarations(member: object) -> dict[str, str]:
    """What the root package (or a workspace member) declared when npm wrote the lock file."""
    declared: dict[str, str] = {}
    if isinstance(member, dict):
        for field in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
            section = member.get(field)
            if isinstance(section, dict):
                for name, spec in section.items():
                    if isinstance(spec, str):
                        declared.setdefault(name, spec)
    return declared


def _json_object_lines(text: str, keys: set[str]) -> dict[str, int]:
    """Line of each ``"key": {`` among ``keys``; the least indented one when a key repeats.

    json keeps no positions. npm writes one key per line, and its top-level
    entries are the least indented (nested v1 entries and "requires" sit deeper).
    """
    best: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        body = line.lstrip()
        end = body.find('"', 1)
        if not body.startswith('"') or end < 0 or body[1:end] not in keys:
            continue
        rest = body[end + 1 :].lstrip()
        if rest.startswith(":") and rest[1:].lstrip().startswith("{"):
            indent = len(line) - len(body)
            if body[1:end] not in best or indent < best[body[1:end]][0]:
                best[body[1:end]] = (indent, number)
    return {key: number for key, (_, number) in best.items()}


# --- yarn: v1 (its own line format) and berry (YAML) -------------------------


def _yarn(text: str, display: str, wanted: Mapping[str, str], importer: str) -> _Found:
    """yarn 1's grammar first; failing that YAML, as yarn 1.22 itself falls back to: berry's format
    (``__metadata``), or a yarn 1 lock file written as YAML."""
    try:
        return _yarn_v1(text, display, wanted)
    except LockfileError as error:
        grammar_error = error
    try:
        root = _load_yaml(text, display)
    except LockfileError:
        raise grammar_error from None
    if "__metadata" in root:
        return _berry(root, display, wanted, importer)
    if root and all(isinstance(value, YamlMap) and isinstance(value.get("version"), str) for value in root.values()):
        entries = [(frozenset(k.strip() for k in keys.split(",")), value["version"], root.key_at[keys][0]) for keys, value in root.items()]
        return _pick(entries, {name: (f"{name}@{spec}", spec) for name, spec in wanted.items()})
    if not text.lstrip().startswith("# yarn lockfile v1") and "# yarn lockfile v1" not in text[:400]:
        message = 'not a yarn lock file: no "# yarn lockfile v1" header and no __metadata'
        raise LockfileError(message, Location(display, 1, 1)) from None
    raise grammar_error from None


def _yarn_v1(text: str, display: str, wanted: Mapping[str, str]) -> _Found:
    lines = text.splitlines()
    if text and not text.endswith("\n"):  # yarn always ends the file with a newline
        where = Location(display, len(lines), len(lines[-1]) + 1)
        raise LockfileError("the file ends mid-line: it looks cut short", where)
    try:
        parsed = read_yarn_v1(text)
    except YarnSyntaxError as error:
        raise LockfileError(error.message, Location(display, error.line, error.column)) from None
    entries: list[_YarnEntry] = []
    for entry in parsed:
        if not entry.version:
            raise LockfileError("entry has no version: the file looks cut short", Location(display, entry.line, 1))
        entries.append((frozenset(entry.descriptors), entry.version, entry.line))
    if not entries and "# yarn lockfile v1" not in text:
        raise LockfileError('not a yarn lock file: no "# yarn lockfile v1" header and no __metadata', Location(display, 1, 1))
    return _pick(entries, {name: (f"{name}@{spec}", spec) for name, spec in wanted.items()})


def _berry(root: YamlMap, display: str, wanted: Mapping[str, str], importer: str) -> _Found:
    meta = root.get("__metadata")
    if not isinstance(meta, YamlMap):
        message = 'not a yarn lock file: no "# yarn lockfile v1" header and no __metadata'
        raise LockfileError(message, Location(display, 1, 1))
    version = meta.get("version")
    # yarn 2 wrote version 4, yarn 4 writes 8
    if not (isinstance(version, str) and version.isdigit() and 4 <= int(version) <= 8):
        where = Location(display, *meta.key_at.get("version", root.key_at["__metadata"]))
        raise LockfileError(f"unsupported yarn lock file version {version}", where)
    entries: list[_YarnEntry] = []
    workspace = YamlMap()
    for keys, value in root.items():
        if keys != "__metadata" and isinstance(value, YamlMap) and isinstance(value.get("version"), str):
            descriptors = frozenset(key.strip() for key in keys.split(","))
            entries.append((descriptors, value["version"], root.key_at[keys][0]))
            if any(key.endswith(f"@workspace:{importer}") for key in descriptors):
                workspace = value
    # The workspace's own entry holds the range yarn resolved, which may be newer than package.json.
    ranges = {name: _workspace_range(workspace, name) or spec for name, spec in wanted.items()}
    protocol = {name: spec if ":" in spec else f"npm:{spec}" for name, spec in ranges.items()}  # "^3" -> "npm:^3"
    found = _pick(entries, {name: (f"{name}@{spec}", spec.removeprefix("npm:")) for name, spec in protocol.items()})
    recorded = {name: _workspace_range(workspace, name) for name in wanted}
    return {name: (version, line, (recorded[name] or "").removeprefix("npm:") or spec) for name, (version, line, spec) in found.items()}


def _workspace_range(workspace: YamlMap, name: str) -> str | None:
    for field in ("dependencies", "devDependencies"):
        deps = workspace.get(field)
        if isinstance(deps, YamlMap) and isinstance(deps.get(name), str):
            return str(deps[name])
    return None


def _pick(entries: list[_YarnEntry], wanted: dict[str, tuple[str, str]]) -> _Found:
    """Per name: the entry listing ``descriptor`` (name -> (descriptor, range)), else the highest in range."""
    by_name: dict[str, list[_YarnEntry]] = {}
    for entry in entries:
        for name in {_descriptor_name(key) for key in entry[0]}:
            by_name.setdefault(name, []).append(entry)
    found: _Found = {}
    for name, (descriptor, spec) in wanted.items():
        group = by_name.get(name, [])
        exact = next(((version, line) for keys, version, line in group if descriptor in keys), None)
        if exact is not None:
            found[name] = (*exact, spec)
            continue
        match = _highest_satisfying([(version, line) for _, version, line in group], spec)
        if match is not None:  # no key for this declaration: the lock was written for another range
            keys = next(keys for keys, version, line in group if (version, line) == match)
            written = sorted(key[len(name) + 1 :] for key in keys if _descriptor_name(key) == name)
            found[name] = (*match, written[0].removeprefix("npm:") if written else None)
    return found


def _unique(*keys: str) -> list[str]:
    return list(dict.fromkeys(keys))


def _descriptor_name(descriptor: str) -> str:
    """``@tarojs/taro@npm:^3.6.8`` -> ``@tarojs/taro``: the first ``@`` after a scope's."""
    at = descriptor.find("@", 1)
    return descriptor[:at] if at > 0 else descriptor


def _highest_satisfying(candidates: list[tuple[str, int]], spec: str) -> tuple[str, int] | None:
    try:
        versions = [version for version, _ in candidates if nodesemver.valid(version, loose=False)]
        best = nodesemver.max_satisfying(versions, spec, loose=False)
    except (ValueError, TypeError):  # not a range: a tag, a path, a URL
        return None
    return next((c for c in candidates if c[0] == best), None) if best else None


# --- pnpm: pnpm-lock.yaml -----------------------------------------------------


def _pnpm(text: str, display: str, wanted: Mapping[str, str], importer: str) -> _Found:
    root = _load_yaml(text, display)
    raw = root.get("lockfileVersion")
    major = raw.split(".")[0] if isinstance(raw, str) else ""
    if major not in ("5", "6", "9"):
        what = "no lockfileVersion" if raw is None else f"unsupported lockfileVersion {raw}"
        raise LockfileError(what, Location(display, *root.key_at.get("lockfileVersion", (1, 1))))
    importers = root.get("importers")  # v5 and v6 keep a lone project's dependencies at the top level
    if isinstance(importers, YamlMap):
        project = importers.get(importer)
    else:
        project = root if importer == "." else None
    if not isinstance(project, YamlMap):
        return {}
    found: _Found = {}
    specifiers = project.get("specifiers")  # v5 keeps the declarations apart; v6 and v9 beside each version
    for field in ("dependencies", "devDependencies", "optionalDependencies"):
        deps = project.get(field)
        for name in wanted:
            if not isinstance(deps, YamlMap) or name in found or name not in deps:
                continue
            value = deps[name]  # v5: "3.6.8_react@18.2.0"; v6, v9: {specifier, version}
            raw_version = value.get("version") if isinstance(value, YamlMap) else value
            version = _pnpm_version(raw_version, major) if isinstance(raw_version, str) else None
            if version:
                recorded = value.get("specifier") if isinstance(value, YamlMap) else specifiers.get(name) if isinstance(specifiers, YamlMap) else None
                found[name] = (version, deps.key_at[name][0], recorded if isinstance(recorded, str) else None)
    return found


def _pnpm_version(raw: str, major: str) -> str | None:
    if raw.startswith(("link:", "file:")):  # a folder, not a registry version
        return None
    if major == "5":  # "3.6.8_react@18.2.0", "/@scope/alias/3.6.8_peer" (v5 writes "/" in peers as "+")
        return raw.rsplit("/", 1)[-1].split("_", 1)[0]
    head = raw.split("(", 1)[0]  # "3.6.8(react@18.2.0)", alias "/name@3.6.8" (v6), "name@3.6.8" (v9)
    return head[head.rfind("@") + 1 :] if head.rfind("@") > 0 else head


# --- YAML with key positions ----------------------------------------------------


def _load_yaml(text: str, display: str) -> YamlMap:
    """The last document of ``text``, scalars kept as text (``5.4`` stays "5.4")."""
    try:
        documents = read_documents(text, typed=False, max_depth=_MAX_YAML_DEPTH)
    except YamlProblem as problem:
        message = problem.message
        for prefix in ("YAML syntax: ", "YAML: "):
            if message.startswith(prefix):
                message = "invalid YAML: " + message.removeprefix(prefix)
        raise LockfileError(message, Location(display, problem.line, problem.column)) from None
    if not documents:
        raise LockfileError("empty file", Location(display, 1, 1))
    if not isinstance(documents[-1], YamlMap):  # pnpm 10 may put an env document first: the lock file is the last
        raise LockfileError("not a lock file: the top level is not a mapping", Location(display, 1, 1))
    return documents[-1]


_READERS: dict[str, Callable[[str, str, Mapping[str, str], str], _Found]] = {
    "package-lock.json": _npm,
    "npm-shrinkwrap.json": _npm,
    "yarn.lock": _yarn,
    "pnpm-lock.yaml": _pnpm,
}
