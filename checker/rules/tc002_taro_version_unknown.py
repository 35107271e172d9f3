"""TC002 taro-version-unknown: a note of the project reader (worded here, en and zh)."""

from __future__ import annotations

from collections.abc import Mapping

from checker.findings import Arg, Severity
from checker.rules._words import items, stale_phrase
from checker.rules.rule import Rule, Template

_EN = "cannot tell the Taro version: {package} '{declared}' is {spec}, and "
_EN_END = "; the check treats it as unknown"
_ZH = "无法确定 Taro 版本：{package} 声明为 '{declared}'（{spec}），"
_ZH_END = "；检查时视为未知版本"
# what a specifier is (checker.project.specs): its kind, and where its range comes from
_INNER = {"en": {
        "catalog_ref": "a pnpm catalog reference ({spec_catalog}): pnpm-workspace.yaml holds the range",
        "workspace": "a workspace package: the version in the workspace",
        "exact": "exactly {spec_value}{spec_origin}",
        "range": "any version in {spec_value}{spec_origin}",
        "tag": "the dist-tag '{spec_value}': the version depends on the day of install",
        "local": "a local folder: npm cannot compare it",
        "remote": "a git or URL dependency: npm cannot compare it",
        "invalid": "'{spec_value}' is not a version range npm understands",
    },
          "zh": {
        "catalog_ref": "pnpm catalog 引用（{spec_catalog}），版本范围写在 pnpm-workspace.yaml 中",
        "workspace": "workspace 内的包，版本以 workspace 中的为准",
        "exact": "确切版本 {spec_value}{spec_origin}",
        "range": "范围 {spec_value} 内的任意版本{spec_origin}",
        "tag": "dist-tag '{spec_value}'，版本取决于安装当天",
        "local": "本地目录，npm 无法比较其版本",
        "remote": "git 或 URL 依赖，npm 无法比较其版本",
        "invalid": "'{spec_value}' 不是 npm 能识别的版本范围",
    }}
_SPEC = {
    "en": {**_INNER["en"], "catalog_missing": "a pnpm catalog reference ({spec_catalog}) that cannot be followed: {spec_where}",
           "catalog": "{spec_inner} (pnpm catalog '{spec_catalog}' in pnpm-workspace.yaml)"},
    "zh": {**_INNER["zh"], "catalog_missing": "无法解析的 pnpm catalog 引用（{spec_catalog}）：{spec_where}",
           "catalog": "{spec_inner}，来自 pnpm-workspace.yaml 中的 pnpm catalog '{spec_catalog}'"},
}
_ORIGIN = {"en": {"workspace": " (from the workspace)", "alias": " (an alias of {spec_alias})"},
           "zh": {"workspace": "，来自 workspace", "alias": "，是 {spec_alias} 的别名"}}
_WHERE = {"en": {"no_entry": "pnpm-workspace.yaml has no such entry", "no_workspace": "no pnpm-workspace.yaml above the project"},
          "zh": {"no_entry": "pnpm-workspace.yaml 中没有这一项", "no_workspace": "项目所在目录及其上级都没有 pnpm-workspace.yaml"}}


def _phrases(lang: str, values: Mapping[str, Arg]) -> dict[str, Arg]:
    """The unreadable lock files, and each stale one with what it records."""
    zh = lang == "zh"
    stale = zip(items(values.get("stale_files")), items(values.get("stale_kinds")), items(values.get("stale_values")), strict=False)
    listed = [f"{file} {stale_phrase(lang, kind, value, values.get('package'), values.get('declared'))}" for file, kind, value in stale]
    return {"unreadable_files": ("、" if zh else " and ").join(items(values.get("unreadable"))),
            "stale_list": ("；" if zh else "; ").join(listed)}


RULE = Rule(
    code='TC002',
    slug='taro-version-unknown',
    severity=Severity.WARNING,
    summary={"en": 'The Taro version cannot be told', "zh": '无法确定 Taro 版本'},
    explanation=('No lock file resolves `@tarojs/taro` and the declaration is a range, a dist-tag or a local or '
                 'git dependency, so the Taro version is unknown; Taro-axis checks then say *unknown*, never '
                 '*supported*.'),
    fix='Commit the lock file, or pin the version.',
    example='"@tarojs/taro": "latest"  // package.json, no lock file',
    messages={
        "en": {
            "unreadable": Template(_EN + "{unreadable_files} cannot be read" + _EN_END),
            "stale": Template(_EN + "every lock file is stale: {stale_list}" + _EN_END),
            "no_lock": Template(_EN + "no lock file resolves it" + _EN_END),
            "spec": Template(_EN + "{spec}" + _EN_END),
        },
        "zh": {
            "unreadable": Template(_ZH + "且 {unreadable_files} 无法读取" + _ZH_END),
            "stale": Template(_ZH + "且所有锁文件都已过期：{stale_list}" + _ZH_END),
            "no_lock": Template(_ZH + "且没有锁文件能确定它" + _ZH_END),
            "spec": Template(_ZH.removesuffix("，") + _ZH_END),
        },
    },
    vocabulary={
        "en": {"spec": _SPEC["en"], "spec_inner": _INNER["en"], "spec_origin": _ORIGIN["en"], "spec_where": _WHERE["en"]},
        "zh": {"spec": _SPEC["zh"], "spec_inner": _INNER["zh"], "spec_origin": _ORIGIN["zh"], "spec_where": _WHERE["zh"]},
    },
    phrases=_phrases,
)
