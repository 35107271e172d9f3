"""TC015 lockfile-unreadable: a note of the project reader (worded here, en and zh)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC015",
    slug="lockfile-unreadable",
    severity=Severity.WARNING,
    summary={"en": "A lock file cannot be read; the project is checked all the same", "zh": "锁文件无法读取，项目仍照常检查"},
    explanation="A lock file cannot be read (cut short, invalid JSON or YAML, an unknown format version). The project is"
                " still checked: the Taro version comes from another lock file, else from the `package.json` declaration"
                " (an exact version, or a range the checks treat as unknown, TC002).",
    fix="Regenerate the lock file with your package manager (`pnpm install`, `yarn`, `npm install`).",
    example='"@tarojs/taro@^3.6.8":\n  version "3.6   # yarn.lock, cut short',
    messages={
        "en": {
            "using_lock": Template("cannot read this lock file ({detail}): using {lockfile} ({version})"),
            "using_exact": Template("cannot read this lock file ({detail}): using package.json's exact {range}"),
            "using_range": Template("cannot read this lock file ({detail}): using package.json's range '{declared}' (unknown within it)"),
            "workspace": Template("cannot read the workspace file ({detail}): its catalogs are unknown"),
            "workspace_not_utf8": Template("cannot read the workspace file (not UTF-8 text): its catalogs are unknown"),
        },
        "zh": {
            "using_lock": Template("无法读取此锁文件（{detail}）：改用 {lockfile}（{version}）"),
            "using_exact": Template("无法读取此锁文件（{detail}）：改用 package.json 中的确切版本 {range}"),
            "using_range": Template("无法读取此锁文件（{detail}）：改用 package.json 中的范围 '{declared}'（范围内的具体版本未知）"),
            "workspace": Template("无法读取 workspace 文件（{detail}）：其中的 catalog 未知"),
            "workspace_not_utf8": Template("无法读取 workspace 文件（不是 UTF-8 文本）：其中的 catalog 未知"),
        },
    },
)
