"""Validated plain data -> the model's platforms, release catalogues and usage shares (APIs: build.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from checker.errors import InvalidVersion, KnowledgeBaseError, Location
from checker.kb.build import Locate, _Context, _sources, text_of
from checker.model import TARO_CATALOGUE, Catalogue, Platform, Text, UsageShare
from checker.versions import RuntimeVersion, Scheme, Version, parse_version

__all__ = ["build_catalogue", "build_platform", "build_usage", "check_taro_catalogue"]


def build_platform(data: Mapping[str, Any], path: str, locate: Locate) -> Platform:
    return Platform(
        id=data["id"],
        name=text_of(data["name"]) or Text(),
        taro_env=data["taro_env"],
        native_global=data["native_global"],
        runtime=data["runtime"],
        plugin=data["plugin"],
        sources=_sources(data["sources"]),
        runtime_name=text_of(data.get("runtime_name")),
        note=text_of(data.get("note")),
        project_files=tuple(data.get("project_files") or ()),
        typings_names=tuple(data.get("typings_names") or ()),
        env_type=data.get("env_type"),
        taro_packages=tuple(data.get("taro_packages") or ()),
        app_id_prefix=data.get("app_id_prefix"),
        order=data.get("order"),
        short_name=text_of(data.get("short_name")),
        build_only_folders=tuple(item["folder"] for item in data.get("build_only_folders") or ()),
        package_globals=tuple((item["global"], tuple(item["packages"])) for item in data.get("package_globals") or ()),
        native_globals_also=tuple(item["global"] for item in data.get("native_globals_also") or ()),
        sync_suffix=(data.get("sync_suffix") or {}).get("suffix"),
        native_promise_from=(data.get("native_promise") or {}).get("from"),
        native_promise_except=tuple((data.get("native_promise") or {}).get("except") or ()),
    )


def build_catalogue(data: Mapping[str, Any], path: str, locate: Locate) -> Catalogue:
    ctx = _Context(path, locate)
    scheme = Scheme(data["scheme"])
    versions: list[Version] = []
    dates: dict[str, date] = {}
    for index, item in enumerate(data["versions"]):
        text = item if isinstance(item, str) else item["version"]
        try:
            version = parse_version(text, scheme)
        except InvalidVersion as error:
            ctx.error(str(error), ("versions", index), "KB003")
            continue
        versions.append(version)
        if isinstance(item, dict) and item.get("date"):
            dates[text] = date.fromisoformat(item["date"])
    ctx.raise_if_errors()
    ordered = tuple(sorted(versions))
    return Catalogue(
        id=data["id"],
        name=text_of(data["name"]) or Text(),
        scheme=scheme,
        complete=data["complete"],
        versions=ordered,
        dates=dates,
        sources=_sources(data["sources"]),
        note=text_of(data.get("note")),
        members=frozenset(ordered),
    )


def build_usage(data: Mapping[str, Any], path: str, locate: Locate) -> UsageShare:
    ctx = _Context(path, locate)

    def shares(key: str) -> tuple[tuple[RuntimeVersion, float], ...]:
        rows = []
        for index, row in enumerate(data.get(key) or ()):
            try:
                rows.append((RuntimeVersion.parse(row["version"]), float(row["share"])))
            except InvalidVersion as error:
                ctx.error(str(error), (key, index, "version"), "KB003")
        return tuple(sorted(rows, reverse=True))

    total, ios, android = shares("total"), shares("ios"), shares("android")
    ctx.raise_if_errors()
    return UsageShare(
        id=data["id"],
        catalogue=data["catalogue"],
        date=date.fromisoformat(data["date"]),
        sources=_sources(data["sources"]),
        total=total,
        ios=ios,
        android=android,
        note=text_of(data.get("note")),
    )


def check_taro_catalogue(catalogues: Mapping[str, Catalogue], path: str) -> list[KnowledgeBaseError]:
    """The Taro axis needs the Taro release catalogue, in semver."""
    taro = catalogues.get(TARO_CATALOGUE)
    if taro is None:
        return [KnowledgeBaseError(f"catalogues/{TARO_CATALOGUE}.yaml is missing", Location(path), "KB002")]
    if taro.scheme is not Scheme.SEMVER:
        return [KnowledgeBaseError("the Taro catalogue must use the semver scheme", Location(path), "KB002")]
    return []
