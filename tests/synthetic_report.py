"""A deterministic report with thousands of findings, built in memory (no matrix, no scan), so the
renderers' size limits and layouts are tested at the scale of a real monorepo run.

Some strings are hostile on purpose: HTML, Markdown table breakers, workflow-command injections,
a ``</script>``, a line separator, a ``javascript:`` source.
"""

from __future__ import annotations

import random

from checker.evaluate import ProjectResult
from checker.findings import Finding, sort_key
from checker.project.profile import ProjectProfile, TaroVersionInfo
from checker.project.targets import Target
from checker.report import Report

__all__ = ["EIGHT", "HOSTILE_FILE", "HOSTILE_MESSAGE", "build_report"]

EIGHT = ("weapp", "tt", "alipay", "swan", "qq", "jd", "h5", "rn")
HOSTILE_FILE = "src/x%0A::set-output name=pwned::1,y:z <b>.ts"
HOSTILE_MESSAGE = 'getThing on h5: "><img src=x onerror=alert(1)> | `x` </script><script>alert(2)</script> [a](javascript:alert(3))\u2028::warning::x'
_CODES = (("TC101", "error"), ("TC102", "error"), ("TC104", "error"), ("TC110", "error"), ("TC105", "warning"),
          ("TC106", "warning"), ("TC108", "warning"), ("TC109", "warning"), ("TC120", "info"), ("TC122", "info"))
_WORDS = ("is not supported there: Taro has no implementation and the host global lacks it",
          "needs base library >=2.21.2; the declared minimum is 2.10.4 (package.json#taroCompat)",
          "is a stub that rejects", "does not return a Promise here; pass success and fail callbacks",
          "base libraries 2.11.0 to 2.15.0 above the minimum lack it (community); feature-detect it or raise the minimum",
          "returns something else for users on base library >=2.27.1; use the replacement",
          "no data for this platform; unknown is not a pass", "partial in Taro 3.6.26: callbacks work, while await fails",
          "guarded by can_i_use on the line above", "this guard is obsolete: the declared minimums already have it")


def build_report(findings: int = 6000, *, projects: int = 2, seed: int = 7, problems: tuple[str, ...] = ()) -> Report:
    rng = random.Random(seed)
    apis = [f"api{n:03d}" for n in range(160)]
    per_project = findings // projects
    results, excerpts = [], {}
    for index in range(projects):
        root = f"packages/app{index}"
        profile = ProjectProfile(
            root=root, name=f"app{index}", taro=TaroVersionInfo("^3.6.0", None, "3.6.26", "pnpm-lock.yaml"),
            targets=tuple(Target(p, "2.10.4" if p == "weapp" else None, "--targets") for p in EIGHT),
        )
        files = [f"src/pages/page{n:03d}/index.tsx" for n in range(per_project // 12)] + [HOSTILE_FILE]
        made: list[Finding] = []
        for number in range(per_project):
            file = HOSTILE_FILE if number == 0 else rng.choice(files)
            line, column = rng.randint(1, 400), rng.randint(1, 60)
            which = rng.randrange(len(_CODES))
            code, severity = _CODES[which]
            api, platform = rng.choice(apis), rng.choice(EIGHT)
            message = HOSTILE_MESSAGE if number == 0 else f"{api} on {platform} {_WORDS[which]}"
            sources = ("https://developers.weixin.qq.com/miniprogram/dev/api/", "javascript:alert(4)") if number % 50 == 0 else (
                "@tarojs/taro@3.6.26 types/api/index.d.ts",)
            made.append(Finding(code, severity, message, file, line, column, api, platform, ">=2.21.2" if code == "TC102" else None, sources))
            excerpts[(root, file, line)] = f"  await Taro.{api}({{ desc: 'line {line} of {file}' }}) // </script> <b>"
        made.append(Finding("TC010", "warning", "src/vendor/big.min.js: skipped: larger than 2 MB", "src/vendor/big.min.js"))
        unique = tuple(sorted(set(made), key=sort_key))
        results.append(ProjectResult(profile, unique, {"weapp": ">=2.21.2", "taro": ">=3.6.26"}, scanned_files=len(files)))
    return Report(tuple(results), "9.9.9", "d" * 64, 583, True, excerpts, problems=problems)
