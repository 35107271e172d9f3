"""Vendored and minified sources: third-party code a team does not edit, left out of the scan by default."""

from __future__ import annotations

from collections.abc import Iterable

from checker.scan.files import SourceFile, glob_matches

__all__ = ["VENDOR_DIRS", "split_vendored"]

VENDOR_DIRS = frozenset({"vendor", "vendors", "third_party", "third-party", "thirdparty"})
_MINIFIED = (".min.js", ".min.mjs", ".min.cjs", "-min.js", ".prod.js", ".bundle.js")
_BUNDLE_SIZE = 4 * 1024  # below this, a file is never taken for a bundle (and is not opened here)
_SAMPLE = 64 * 1024
_BUNDLE_LINE = 2000  # average characters per line in the sample above which a file is a one-line bundle
_LONGEST_LINE = 5000  # one line this long, holding most of the sample, is minifier output (a licence header above it)
_LONGEST_SHARE = 0.75


def _is_bundle(file: SourceFile) -> bool:
    if file.size < _BUNDLE_SIZE:
        return False
    try:
        with open(file.path, "rb") as handle:
            sample = handle.read(_SAMPLE)
    except OSError:
        return False  # the scanner reports what it cannot read
    lines = sample.split(b"\n")
    if len(sample) / len(lines) > _BUNDLE_LINE:
        return True
    longest = max(len(line) for line in lines)
    return longest >= _LONGEST_LINE and longest >= _LONGEST_SHARE * len(sample)


def is_vendored(file: SourceFile) -> bool:
    parts = file.display.split("/")
    return any(part in VENDOR_DIRS for part in parts[:-1]) or parts[-1].endswith(_MINIFIED) or _is_bundle(file)


def split_vendored(files: Iterable[SourceFile], include: tuple[str, ...] = ()) -> tuple[list[SourceFile], tuple[str, ...]]:
    """(files to scan, project paths of the vendored ones); a vendored file that ``include`` names is kept."""
    kept: list[SourceFile] = []
    vendored: list[str] = []
    for file in files:
        if is_vendored(file) and not _named(file.display, include):
            vendored.append(file.display)
        else:
            kept.append(file)
    return kept, tuple(vendored)


def _named(relative: str, include: tuple[str, ...]) -> bool:
    """An include glob that names the file itself (no wildcard) or its vendored part, not only a folder (``src/**``)."""
    return any(glob_matches(relative, [pattern]) and ("*" not in pattern or any(mark in pattern for mark in _MARKS)) for pattern in include)


_MARKS = ("vendor", "third", ".min", "bundle")
