"""KB110: a curated Taro-axis statement contradicts a fact computed from Taro's shipped code.

The curated file still wins (it may know better, e.g. a runtime quirk the code cannot show), but the
disagreement must be looked at: the message names the computed statement's versions and its sources
(package@version and file). Checked at the lowest version of each computed statement. On a mini-program platform a defined
``Taro.X`` (fixed list or forwarded) still depends on the native API, so there only a curated
"works" against a computed "undefined or stub" is a contradiction.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.errors import KnowledgeBaseError
from checker.kb import LoadedMatrix
from checker.model import Status
from checker.support import statement_for
from checker.versions import Scheme, parse_range

CODE = "KB110"
_WORKS = (Status.SUPPORTED, Status.PARTIAL)


def _works(status: Status) -> bool | None:
    if status in _WORKS:
        return True
    if status in (Status.STUB, Status.UNSUPPORTED):
        return False
    return None


def check(loaded: LoadedMatrix) -> Iterator[KnowledgeBaseError]:
    for api_id, record in sorted(loaded.payload["apis"].items()):
        imported_path = record.get("imported")
        curated = loaded.documents.get(record["path"])
        if not imported_path or curated is None:
            continue
        imported = loaded.documents[imported_path].data
        api = loaded.matrix.api(api_id)
        for platform, entry in sorted((curated.data.get("support") or {}).items()):
            if "taro" not in entry:
                continue
            computed = [s for s in ((imported.get("support") or {}).get(platform) or {}).get("taro") or () if s.get("confidence") == "computed"]
            statements = api.support[platform].taro
            native_dependent = loaded.matrix.platforms[platform].native_global is not None
            for fact in computed:
                versions = parse_range(fact["versions"], Scheme.SEMVER)
                lower = versions.intervals[0].lower
                if lower is None:
                    continue
                version = lower.version
                mine = statement_for(statements, version)
                theirs = _works(Status(fact["status"]))
                if theirs and native_dependent and not fact.get("framework"):
                    continue  # Taro.X is defined, but whether it works is the native runtime's to say
                if mine is None or theirs is None or _works(mine.status) is None or _works(mine.status) == theirs:
                    continue
                evidence = ", ".join(f"{s['package']} {s['file']}" for s in (imported["sources"].get(ref, {}) for ref in fact["sources"]) if "package" in s)
                yield KnowledgeBaseError(
                    f"{platform} taro at {version}: curated {mine.status.value!r} ({mine.versions.text}), but the shipped code "
                    f"says {fact['status']!r} for {fact['versions']} ({evidence})",
                    mine.where,
                    CODE,
                )
