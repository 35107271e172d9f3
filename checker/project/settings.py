"""The project's own taro-compat settings: ``taro-compat.yaml``, or ``"taroCompat"`` in package.json."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from checker.errors import Location, ProjectError
from checker.yamlread import YamlProblem, read_documents

__all__ = ["SETTINGS_FILE", "Settings", "parse_settings", "read_settings_file"]

SETTINGS_FILE = "taro-compat.yaml"
_KEYS = ("targets", "published", "include", "exclude", "baseline", "failOn", "ignore", "strictUnknown")
_FAIL_ON = ("error", "warning", "never")


@dataclass(frozen=True, slots=True)
class Settings:
    source: str  # "taro-compat.yaml" or "package.json#taroCompat"
    location: Location
    targets: str | None = None
    targets_at: Location | None = None  # where the target query is written
    published: date | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    baseline: str | None = None
    fail_on: str | None = None
    ignore: tuple[str, ...] = ()  # finding codes, prefixes or slugs to leave out
    strict_unknown: bool = False  # every unknown per call site, as an error


def read_settings_file(path: Path, display: str) -> Settings:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectError(f"cannot read: {getattr(error, 'strerror', None) or 'not UTF-8 text'}", Location(display)) from None
    try:
        documents = read_documents(text, typed=True, max_depth=16)
    except YamlProblem as problem:
        raise ProjectError(problem.message, Location(display, problem.line, problem.column)) from None
    data = documents[0] if documents else None
    return parse_settings(data if data is not None else {}, SETTINGS_FILE, Location(display, 1, 1))


def parse_settings(data: Any, source: str, location: Location) -> Settings:
    if not isinstance(data, dict):
        raise ProjectError(f"{source} must be a mapping of settings", location)
    def at(key: str) -> Location:
        """The key's own line in a YAML file; package.json points at its taroCompat line."""
        line, column = getattr(data, "key_at", {}).get(key, (0, 0))
        return Location(location.path, line, column) if line else location

    for key in data:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ProjectError(f"unknown setting {key!r}{hint}; known: {', '.join(_KEYS)}", at(str(key)))
    targets = data.get("targets")
    if isinstance(targets, list) and all(isinstance(t, str) for t in targets):
        targets = ", ".join(targets)
    if targets is not None and not isinstance(targets, str):
        raise ProjectError("targets must be a query string or a list of them", at("targets"))
    published = data.get("published")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise ProjectError(f"published {published!r} is not a date (YYYY-MM-DD)", at("published")) from None
    if published is not None and not isinstance(published, date):
        raise ProjectError("published must be a date (YYYY-MM-DD)", at("published"))
    fail_on = data.get("failOn")
    if fail_on is not None and fail_on not in _FAIL_ON:
        raise ProjectError(f"failOn must be one of {', '.join(_FAIL_ON)}", at("failOn"))
    return Settings(
        source=source,
        location=location,
        targets=targets,
        targets_at=at("targets"),
        published=published,
        include=_globs(data.get("include"), "include", location),
        exclude=_globs(data.get("exclude"), "exclude", location),
        baseline=data.get("baseline") if isinstance(data.get("baseline"), str) else None,
        fail_on=fail_on,
        ignore=_codes(data.get("ignore"), location),
        strict_unknown=_flag(data.get("strictUnknown"), "strictUnknown", location),
    )


def _codes(value: Any, location: Location) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(code.strip() for code in value.split(",") if code.strip())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value if item.strip())
    raise ProjectError("ignore must be a finding code (TC108), a prefix (TC1) or a list of them", location)


def _flag(value: Any, key: str, location: Location) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ProjectError(f"{key} must be true or false", location)
    return value


def _globs(value: Any, key: str, location: Location) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ProjectError(f"{key} must be a glob or a list of globs", location)
