"""A curated file over an imported one: the curated file wins field by field.

Per platform and axis: a curated axis replaces the imported one; an axis (or a platform) the curated
file does not have is taken from the import. Sources are united, the curated definition winning.
"""

from __future__ import annotations

from typing import Any

__all__ = ["IMPORTED_FOLDER", "is_imported", "merge_records"]

IMPORTED_FOLDER = "/apis/imported/"


def is_imported(display_path: str) -> bool:
    return IMPORTED_FOLDER in f"/{display_path}"


def merge_records(imported: dict[str, Any], curated: dict[str, Any]) -> dict[str, Any]:
    merged = dict(imported)
    for key, value in curated.items():
        if key == "support":
            support = {platform: dict(entry) for platform, entry in imported.get("support", {}).items()}
            for platform, entry in value.items():
                support[platform] = {**support.get(platform, {}), **entry}
            merged["support"] = support
        elif key == "sources":
            merged["sources"] = {**imported.get("sources", {}), **value}
        else:
            merged[key] = value
    return merged
