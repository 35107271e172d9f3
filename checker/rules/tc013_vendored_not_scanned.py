"""TC013 vendored-not-scanned: vendored and minified files are left out by default, said once."""

from __future__ import annotations

from checker.findings import Args, Finding, Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC013",
    slug="vendored-not-scanned",
    severity=Severity.INFO,
    summary={"en": "Vendored and minified files were not scanned", "zh": "未扫描第三方或压缩文件"},
    explanation="Files under a `vendor/` (or `vendors/`, `third_party/`, `lib/vendor/`) folder, `*.min.js` files and"
                " one-line bundles are third-party code a team does not edit: their calls are not the team's to fix, and"
                " they would flood the report. They are left out, and this note says how many and which.",
    fix="To scan one, name it in `include:` of `taro-compat.yaml` (with your other sources).",
    example="src/lib/echarts.min.js",
    messages={
        "en": {"default": Template("{count} vendored or minified file(s) not scanned: {files}{more? and {more} more};"
                                   " to scan them, name them in include: of taro-compat.yaml")},
        "zh": {"default": Template("未扫描 {count} 个第三方或压缩文件：{files}{more? 等另外 {more} 个}；"
                                   "如需扫描，请在 taro-compat.yaml 的 include: 中列出")},
    },
)

_LISTED = 5


def note(files: tuple[str, ...]) -> list[Finding]:
    if not files:
        return []
    more = len(files) - _LISTED
    return [Finding(RULE.code, RULE.severity, None, args=Args.of(count=len(files), files=files[:_LISTED], more=more if more > 0 else None))]
