"""KB101: every version a statement names is a real release in its catalogue (BCD test-versions)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.errors import KnowledgeBaseError, Location
from checker.kb import LoadedMatrix
from checker.kb.rules._walk import axes
from checker.model import TARO_CATALOGUE, Catalogue
from checker.versions import TaroVersion, Version, VersionRange

CODE = "KB101"


def _known(version: Version, catalogue: Catalogue) -> bool:
    # compare the written text: an exclusive bound "<3.0.0" is stored as 3.0.0's floor
    text = version.text
    if isinstance(version, TaroVersion) and text.endswith("-0"):
        text = text[:-2]  # npm's "3.0.0-0", the first pre-release of 3.0.0: 3.0.0 must exist
    return type(version).parse(text) in catalogue


def _check_range(
    versions: VersionRange[Version] | None, catalogue: Catalogue | None, where: Location, what: str
) -> Iterator[KnowledgeBaseError]:
    if versions is None or catalogue is None:
        return
    for version in versions.named_versions():
        if not _known(version, catalogue):
            yield KnowledgeBaseError(
                f"{what}: {version.text} is not a release in catalogues/{catalogue.id}.yaml", where, CODE
            )


def check(loaded: LoadedMatrix) -> Iterator[KnowledgeBaseError]:
    matrix = loaded.matrix
    for group in axes(matrix):
        catalogue = matrix.catalogues.get(group.catalogue) if group.catalogue else None
        for statement in group.statements:
            yield from _check_range(statement.versions, catalogue, statement.where, f"{group.platform} {group.axis}")
    for api in matrix.apis():
        for change in api.changes:
            taro = matrix.catalogues.get(TARO_CATALOGUE)
            yield from _check_range(change.taro, taro, change.where, f"change {change.id} taro")
            if change.platforms:
                runtime = matrix.runtime_catalogue(change.platforms[0])
                yield from _check_range(change.runtime, runtime, change.where, f"change {change.id} runtime")
        for param in api.params:
            for platform, versions in param.platforms.items():
                where = Location(api.path)
                yield from _check_range(versions, matrix.runtime_catalogue(platform), where, f"param {param.name}")
        for field in api.returns:
            for platform, versions in field.runtime.items():
                where = Location(api.path)
                yield from _check_range(versions, matrix.runtime_catalogue(platform), where, f"return field {field.name}")
    for usage in matrix.usage.values():
        catalogue = matrix.catalogues.get(usage.catalogue)
        if catalogue is None:
            continue
        for version, _ in usage.total + usage.ios + usage.android:
            if version not in catalogue:
                yield KnowledgeBaseError(
                    f"usage share names {version.text}, which is not in catalogues/{catalogue.id}.yaml",
                    Location(f"matrix/usage/{usage.id}.yaml"),
                    CODE,
                )
