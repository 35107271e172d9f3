"""A deterministic report with thousands of findings, built in memory (no matrix, no scan), so the
renderers' size limits and layouts are tested at the scale of a real monorepo run. Findings have the
registry's shape (rule code, structured arguments, one to four platforms each) and are worded by
the rules' own templates. As in a real project, which platforms a problem concerns depends on the
API and the rule, while call sites, lines and source excerpts are all different.

Some strings are hostile on purpose: HTML, Markdown table breakers, workflow-command injections,
a ``</script>``, a line separator, a ``javascript:`` source.
"""

from __future__ import annotations

import random

from checker.evaluate import ProjectResult
from checker.findings import Args, Axis, Finding, PlatformDetail, Requirement, Severity, sort_key
from checker.project.profile import ProjectProfile, TaroVersionInfo
from checker.targets.model import Target
from checker.report import Report

__all__ = ["EIGHT", "HOSTILE_FILE", "HOSTILE_NOTE", "build_report"]

EIGHT = ("weapp", "tt", "alipay", "swan", "qq", "jd", "h5", "rn")
HOSTILE_FILE = "src/x%0A::set-output name=pwned::1,y:z <b>.ts"
HOSTILE_NOTE = '"><img src=x onerror=alert(1)> | `x` </script><script>alert(2)</script> [a](javascript:alert(3))\u2028::warning::x'
_REQUIRED = Requirement(Axis.RUNTIME, ">=2.21.2")

# code, severity, finding arguments, one platform's arguments
_KINDS: tuple[tuple[str, Severity, dict[str, str], dict[str, str]], ...] = (
    ("TC101", Severity.ERROR, {}, {"note": "absent from the platform's package: the call is undefined"}),
    ("TC102", Severity.ERROR, {}, {"minimum": "2.10.4", "source": "package.json#taroCompat"}),
    ("TC104", Severity.ERROR, {}, {"how": "rejects in development, resolves silently in production"}),
    ("TC110", Severity.ERROR, {}, {"axis": "taro", "version": "3.5.6"}),
    ("TC105", Severity.WARNING, {}, {"first": "2.11.0", "last": "2.15.0", "minimum": "2.10.4", "confidence": "community"}),
    ("TC106", Severity.WARNING, {"summary": "returns the default grey avatar", "replacement": "button.open-type.chooseAvatar"}, {}),
    ("TC108", Severity.WARNING, {"cause": "no data for this platform"}, {}),
    ("TC109", Severity.WARNING, {}, {"axis": "taro", "version": "3.6.26", "note": "callbacks work, while await fails"}),
    ("TC120", Severity.INFO, {"kind": "can_i_use", "guard_line": "3", "without": "unsupported"}, {}),
    ("TC122", Severity.INFO, {"kind": "can_i_use"}, {}),
)


def _platforms(api: str, code: str) -> list[str]:
    """The platforms a problem concerns follow from the API and the rule (the matrix decides), not from the call site."""
    chooser = random.Random(f"{api}/{code}")
    return sorted(chooser.sample(EIGHT, chooser.choice((1, 1, 1, 2, 3, 4))))


def build_report(findings: int = 6000, *, projects: int = 2, seed: int = 7, problems: tuple[str, ...] = ()) -> Report:
    rng = random.Random(seed)
    apis = [f"api{n:03d}" for n in range(160)]
    per_project = findings // projects
    results, excerpts = [], {}
    for index in range(projects):
        root = f"packages/app{index}"
        profile = ProjectProfile(root=root, name=f"app{index}", taro=TaroVersionInfo("^3.6.0", None, "3.6.26", "pnpm-lock.yaml"))
        targets = tuple(Target(p, "2.10.4" if p == "weapp" else None, "--targets") for p in EIGHT)
        files = [f"src/pages/page{n:03d}/index.tsx" for n in range(per_project // 12)] + [HOSTILE_FILE]
        made: list[Finding] = []
        for number in range(per_project):
            file = HOSTILE_FILE if number == 0 else rng.choice(files)
            line, column = rng.randint(1, 400), rng.randint(1, 60)
            code, severity, args, each = _KINDS[0] if number == 0 else rng.choice(_KINDS)
            api = rng.choice(apis)
            platforms = _platforms(api, code)
            if number == 0:
                each = {"note": HOSTILE_NOTE}
            sources = ("https://developers.weixin.qq.com/miniprogram/dev/api/", "javascript:alert(4)") if number % 50 == 0 else (
                "@tarojs/taro@3.6.26 types/api/index.d.ts",)
            details = tuple(PlatformDetail(p, Args.of(each), _REQUIRED if code == "TC102" else None, sources) for p in platforms)
            made.append(Finding(code, severity, file, line, column, api, Args.of(args), details))
            excerpts[(root, file, line)] = f"  await Taro.{rng.choice(apis)}({{ desc: 'line {line} of {file}' }}) // </script> <b>"
        made.append(Finding("TC010", Severity.WARNING, "src/vendor/big.min.js", args=Args.of(text="src/vendor/big.min.js: skipped: larger than 2 MB")))
        unique = tuple(sorted(set(made), key=sort_key))
        results.append(ProjectResult(profile, unique, {"weapp": ">=2.21.2", "taro": ">=3.6.26"}, scanned_files=len(files), targets=targets))
    return Report(tuple(results), "9.9.9", "d" * 64, 583, True, excerpts, problems=problems)
