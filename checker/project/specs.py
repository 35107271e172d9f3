"""What a dependency specifier in package.json says about the version npm will install."""

from __future__ import annotations

import enum
from dataclasses import dataclass

import nodesemver

__all__ = ["Spec", "SpecKind", "classify"]


class SpecKind(enum.Enum):
    EXACT = "exact"  # "3.6.8": the version itself
    RANGE = "range"  # "^3.0.29", "~3.6.0", "3.x", ">=3 <4"
    TAG = "tag"  # "latest", "next": depends on the registry on install day
    LOCAL = "local"  # "file:", "link:", "portal:": whatever the folder holds
    REMOTE = "remote"  # git, GitHub shorthand, tarball URL
    CATALOG = "catalog"  # "catalog:", "catalog:name": pnpm-workspace.yaml holds the range
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Spec:
    text: str
    kind: SpecKind
    range: str | None  # an npm range nodesemver understands, when there is one
    note: str  # plain words, for the resolved version's source (the TC002 note words it from ``words``)
    words: tuple[tuple[str, str], ...] = ()  # what TC002's vocabulary words it from: spec (the key), spec_value, ...

    @property
    def comparable(self) -> bool:
        return self.range is not None

    def args(self) -> dict[str, str]:
        """The note arguments that say what this specifier is (TC002's ``spec`` vocabulary)."""
        return dict(self.words)


_LOCAL = ("file:", "link:", "portal:")
_REMOTE = ("git:", "git+", "github:", "gitlab:", "bitbucket:", "http:", "https:")


def classify(text: str) -> Spec:
    """Classify a specifier such as ``^3.6.8``, ``workspace:*`` or ``npm:@tarojs/taro@3.6.8``."""
    spec = text.strip()
    if spec.startswith("catalog:"):
        name = spec.removeprefix("catalog:").strip() or "default"
        return Spec(text, SpecKind.CATALOG, None, f"a pnpm catalog reference ({name}): pnpm-workspace.yaml holds the range",
                    (("spec", "catalog_ref"), ("spec_catalog", name)))
    if spec.startswith("workspace:"):
        inner = spec.removeprefix("workspace:")
        if inner in ("*", "^", "~", ""):
            return Spec(text, SpecKind.RANGE, "*", "a workspace package: the version in the workspace", (("spec", "workspace"),))
        return _as_range(text, inner, "from the workspace", (("spec_origin", "workspace"),))
    if spec.startswith("npm:"):
        name_and_range = spec.removeprefix("npm:")
        at = name_and_range.rfind("@")
        inner = name_and_range[at + 1 :] if at > 0 else "*"
        alias = name_and_range[:at] if at > 0 else name_and_range
        return _as_range(text, inner, f"an alias of {alias}", (("spec_origin", "alias"), ("spec_alias", alias)))
    if spec.startswith(_LOCAL):
        return Spec(text, SpecKind.LOCAL, None, "a local folder: npm cannot compare it", (("spec", "local"),))
    if spec.startswith(_REMOTE) or ("/" in spec and not spec.startswith((".", "<", ">", "=", "^", "~"))):
        return Spec(text, SpecKind.REMOTE, None, "a git or URL dependency: npm cannot compare it", (("spec", "remote"),))
    return _as_range(text, spec, "")


def _as_range(text: str, inner: str, origin: str, words: tuple[tuple[str, str], ...] = ()) -> Spec:
    suffix = f" ({origin})" if origin else ""
    try:
        parsed = nodesemver.valid(inner, loose=False)
    except (ValueError, TypeError):
        parsed = None
    if parsed:
        exact = str(parsed.version)
        return Spec(text, SpecKind.EXACT, exact, f"exactly {exact}{suffix}", (("spec", "exact"), ("spec_value", exact), *words))
    try:
        canonical = nodesemver.valid_range(inner, loose=False)
    except (ValueError, TypeError):
        canonical = None
    if canonical is not None:
        return Spec(text, SpecKind.RANGE, inner or "*", f"any version in {inner or '*'}{suffix}",
                    (("spec", "range"), ("spec_value", inner or "*"), *words))
    if inner.replace("-", "").isalnum():
        return Spec(text, SpecKind.TAG, None, f"the dist-tag {inner!r}: the version depends on the day of install",
                    (("spec", "tag"), ("spec_value", inner)))
    return Spec(text, SpecKind.INVALID, None, f"{inner!r} is not a version range npm understands", (("spec", "invalid"), ("spec_value", inner)))
