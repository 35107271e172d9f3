"""Shared traversal for rules: every statement with its axis and platform."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.model import Api, Matrix, Statement, TARO_CATALOGUE


@dataclass(frozen=True, slots=True)
class AxisStatements:
    api: Api
    platform: str
    axis: str  # "taro" or "runtime"
    catalogue: str | None  # the catalogue the axis's versions belong to
    statements: tuple[Statement, ...]


def axes(matrix: Matrix) -> Iterator[AxisStatements]:
    for api in matrix.apis():
        for platform, support in sorted(api.support.items()):
            yield AxisStatements(api, platform, "taro", TARO_CATALOGUE, support.taro)
            if support.documented and support.documented != support.taro:
                yield AxisStatements(api, platform, "documented", TARO_CATALOGUE, support.documented)
            runtime = matrix.platforms[platform].runtime
            yield AxisStatements(api, platform, "runtime", runtime, support.runtime)
