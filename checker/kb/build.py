"""Validated plain data -> model objects: the only place model objects are made from YAML.

Every problem is collected with its location; a caller gets all of them at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from checker.errors import InvalidRange, KnowledgeBaseError, KnowledgeBaseErrors, Location
from checker.kb._yaml import Path_
from checker.model import (
    Api,
    CanIUse,
    Catalogue,
    Change,
    Confidence,
    Deprecation,
    Fact,
    NativePresence,
    Outcome,
    Param,
    Platform,
    PlatformSupport,
    Restriction,
    ReturnField,
    Source,
    Statement,
    Status,
    StubBehaviour,
    Text,
)
from checker.versions import Scheme, Version, VersionRange, parse_range

__all__ = ["ApiBuilder", "Locate", "text_of"]

Locate = Callable[..., Location]  # (path, key=False) -> where that value (or its key) stands


def text_of(value: Any) -> Text | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Text(en=value) if value.isascii() else Text(zh=value)
    return Text(en=value.get("en"), zh=value.get("zh"))


def _sources(data: Mapping[str, Any] | None) -> dict[str, Source]:
    return {
        key: Source(
            id=key,
            url=value.get("url"),
            package=value.get("package"),
            file=value.get("file"),
            line=value.get("line"),
            title=text_of(value.get("title")),
            licence=value.get("licence"),
            note=text_of(value.get("note")),
        )
        for key, value in (data or {}).items()
    }


class _Context:
    """Collects errors for one file while its values are turned into objects."""

    def __init__(self, path: str, locate: Locate) -> None:
        self.path = path
        self.locate = locate
        self.errors: list[KnowledgeBaseError] = []
        self.sources: dict[str, Source] = {}

    def error(self, message: str, at: Path_, code: str, *, key: bool = False) -> None:
        self.errors.append(KnowledgeBaseError(message, self.locate(at, key=key), code))

    def refs(self, ids: list[str] | None, at: Path_) -> tuple[Source, ...]:
        found = []
        for index, ref in enumerate(ids or ()):
            source = self.sources.get(ref)
            if source is None:
                hint = _nearest(ref, self.sources)
                self.error(f"source {ref!r} is not defined under 'sources' in this file{hint}", (*at, index), "KB005")
            else:
                found.append(source)
        return tuple(found)

    def range(self, text: str | None, scheme: Scheme, at: Path_) -> VersionRange[Version] | None:
        if text is None:
            return None
        try:
            return parse_range(text, scheme)
        except InvalidRange as error:
            self.error(f"bad version range: {error}", at, "KB004")
            return None

    def raise_if_errors(self) -> None:
        if self.errors:
            raise KnowledgeBaseErrors(self.errors)


def _nearest(word: str, choices: Mapping[str, object] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class ApiBuilder:
    """Builds :class:`Api` objects against the platforms and catalogues of one matrix."""

    def __init__(self, platforms: Mapping[str, Platform], catalogues: Mapping[str, Catalogue]) -> None:
        self.platforms = platforms
        self.catalogues = catalogues

    def runtime_scheme(self, platform: str) -> Scheme | None:
        entry = self.platforms.get(platform)
        if entry is None or entry.runtime is None:
            return None
        catalogue = self.catalogues.get(entry.runtime)
        return catalogue.scheme if catalogue else None

    def __call__(self, record: Mapping[str, Any], locate: Locate | None = None) -> Api:
        path = record["path"]
        data = record["data"]
        ctx = _Context(path, locate or (lambda at, key=False: Location(path)))
        ctx.sources = _sources(data["sources"])
        support = {
            platform: self._platform_support(ctx, platform, entry, ("support", platform))
            for platform, entry in data["support"].items()
            if self._known_platform(ctx, platform, ("support", platform))
        }
        api = Api(
            id=data["id"],
            kind=data["kind"],
            category=data["category"],
            summary=text_of(data["summary"]) or Text(),
            support=support,
            sources=ctx.sources,
            path=path,
            component=data.get("component"),
            changes=tuple(self._change(ctx, c, ("changes", i)) for i, c in enumerate(data.get("changes") or ())),
            params=tuple(self._param(ctx, p, ("params", i)) for i, p in enumerate(data.get("params") or ())),
            returns=tuple(self._field(ctx, f, ("returns", i)) for i, f in enumerate(data.get("returns") or ())),
            restrictions=tuple(
                self._restriction(ctx, r, ("restrictions", i)) for i, r in enumerate(data.get("restrictions") or ())
            ),
            notes=tuple(self._fact(ctx, f, ("notes", i)) for i, f in enumerate(data.get("notes") or ())),
            replaced_by=tuple(data.get("replaced_by") or ()),
            see_also=tuple(data.get("see_also") or ()),
            imported_from=tuple((data.get("provenance") or {}).get("imported_from") or ()),
        )
        ctx.raise_if_errors()
        return api

    def _known_platform(self, ctx: _Context, platform: str, at: Path_) -> bool:
        if platform in self.platforms:
            return True
        ctx.error(f"unknown platform {platform!r}{_nearest(platform, self.platforms)}", at, "KB007", key=True)
        return False

    def _platform_support(self, ctx: _Context, platform: str, entry: Mapping[str, Any], at: Path_) -> PlatformSupport:
        runtime_scheme = self.runtime_scheme(platform)
        if entry.get("runtime") and runtime_scheme is None:
            ctx.error(f"platform {platform!r} has no runtime version axis: remove 'runtime'", (*at, "runtime"), "KB008", key=True)
        deprecated = entry.get("deprecated")
        can_i_use = entry.get("can_i_use")
        native_api = entry.get("native_api")
        return PlatformSupport(
            platform=platform,
            taro=self._statements(ctx, entry.get("taro") or entry.get("documented"), Scheme.SEMVER, (*at, "taro")),
            documented=self._statements(ctx, entry.get("documented"), Scheme.SEMVER, (*at, "documented")),
            native_api=NativePresence(
                present=native_api["present"],
                confidence=Confidence(native_api["confidence"]),
                sources=ctx.refs(native_api["sources"], (*at, "native_api", "sources")),
                note=text_of(native_api.get("note")),
            )
            if native_api
            else None,
            runtime=self._statements(ctx, entry.get("runtime"), runtime_scheme, (*at, "runtime")),
            note=text_of(entry.get("note")),
            alternatives=tuple(entry.get("alternatives") or ()),
            deprecated=Deprecation(
                note=text_of(deprecated["note"]) or Text(),
                confidence=Confidence(deprecated["confidence"]),
                sources=ctx.refs(deprecated["sources"], (*at, "deprecated", "sources")),
            )
            if deprecated
            else None,
            can_i_use=CanIUse(
                answers=can_i_use["answers"],
                confidence=Confidence(can_i_use["confidence"]),
                sources=ctx.refs(can_i_use["sources"], (*at, "can_i_use", "sources")),
                note=text_of(can_i_use.get("note")),
            )
            if can_i_use
            else None,
            where=ctx.locate(at),
        )

    def _statements(
        self, ctx: _Context, items: list[Mapping[str, Any]] | None, scheme: Scheme | None, at: Path_
    ) -> tuple[Statement, ...]:
        if not items or scheme is None:
            return ()
        built = []
        for index, item in enumerate(items):
            here = (*at, index)
            versions = ctx.range(item["versions"], scheme, (*here, "versions"))
            stub = item.get("stub")
            if versions is None:
                continue
            built.append(
                Statement(
                    versions=versions,
                    status=Status(item["status"]),
                    confidence=Confidence(item["confidence"]),
                    sources=ctx.refs(item["sources"], (*here, "sources")),
                    note=text_of(item.get("note")),
                    promise=item.get("promise"),
                    stub=StubBehaviour(Outcome(stub["development"]), Outcome(stub["production"])) if stub else None,
                    forwarded=item.get("forwarded"),
                    native=item.get("native"),
                    framework=item.get("framework"),
                    where=ctx.locate(here),
                )
            )
        return tuple(built)

    def _change(self, ctx: _Context, item: Mapping[str, Any], at: Path_) -> Change:
        when = item["when"]
        platforms = tuple(p for i, p in enumerate(item["platforms"]) if self._known_platform(ctx, p, (*at, "platforms", i)))
        runtime = None
        if "runtime" in when:
            schemes = {self.runtime_scheme(p) for p in platforms}
            if len(schemes) != 1 or None in schemes:
                ctx.error("a runtime condition needs platforms that share one runtime version axis", (*at, "when", "runtime"), "KB008")
            else:
                runtime = ctx.range(when["runtime"], schemes.pop(), (*at, "when", "runtime"))  # type: ignore[arg-type]
        return Change(
            id=item["id"],
            kind=item["kind"],
            platforms=platforms,
            summary=text_of(item["summary"]) or Text(),
            confidence=Confidence(item["confidence"]),
            sources=ctx.refs(item["sources"], (*at, "sources")),
            published_after=_date(when.get("published_after")),
            in_effect_from=_date(when.get("in_effect_from")),
            runtime=runtime,
            taro=ctx.range(when.get("taro"), Scheme.SEMVER, (*at, "when", "taro")),
            announced=_date(item.get("announced")),
            note=text_of(item.get("note")),
            replacement=tuple(item.get("replacement") or ()),
            where=ctx.locate(at),
        )

    def _runtime_map(self, ctx: _Context, mapping: Mapping[str, str] | None, at: Path_) -> dict[str, VersionRange[Version] | None]:
        result: dict[str, VersionRange[Version] | None] = {}
        for platform, text in (mapping or {}).items():
            if not self._known_platform(ctx, platform, (*at, platform)):
                continue
            scheme = self.runtime_scheme(platform)
            if text == "*":
                result[platform] = None
            elif scheme is None:
                ctx.error(f"platform {platform!r} has no runtime version axis: write '*'", (*at, platform), "KB008")
            else:
                result[platform] = ctx.range(text, scheme, (*at, platform))
        return result

    def _param(self, ctx: _Context, item: Mapping[str, Any], at: Path_) -> Param:
        return Param(
            name=item["name"],
            type=item["type"],
            required=item["required"],
            confidence=Confidence(item["confidence"]),
            sources=ctx.refs(item["sources"], (*at, "sources")),
            default=item.get("default"),
            enum=tuple(item.get("enum") or ()),
            max_length=item.get("max_length"),
            platforms=self._runtime_map(ctx, item.get("platforms"), (*at, "platforms")),
            note=text_of(item.get("note")),
        )

    def _field(self, ctx: _Context, item: Mapping[str, Any], at: Path_) -> ReturnField:
        runtime = {k: v for k, v in self._runtime_map(ctx, item.get("runtime"), (*at, "runtime")).items() if v is not None}
        return ReturnField(
            name=item["name"],
            type=item["type"],
            confidence=Confidence(item["confidence"]),
            sources=ctx.refs(item["sources"], (*at, "sources")),
            runtime=runtime,
            note=text_of(item.get("note")),
        )

    def _restriction(self, ctx: _Context, item: Mapping[str, Any], at: Path_) -> Restriction:
        platforms = tuple(p for i, p in enumerate(item["platforms"]) if self._known_platform(ctx, p, (*at, "platforms", i)))
        return Restriction(
            id=item["id"],
            platforms=platforms,
            note=text_of(item["note"]) or Text(),
            confidence=Confidence(item["confidence"]),
            sources=ctx.refs(item["sources"], (*at, "sources")),
        )

    def _fact(self, ctx: _Context, item: Mapping[str, Any], at: Path_) -> Fact:
        platforms = tuple(
            p for i, p in enumerate(item.get("platforms") or ()) if self._known_platform(ctx, p, (*at, "platforms", i))
        )
        return Fact(
            text=text_of(item["text"]) or Text(),
            confidence=Confidence(item["confidence"]),
            sources=ctx.refs(item["sources"], (*at, "sources")),
            platforms=platforms,
        )
