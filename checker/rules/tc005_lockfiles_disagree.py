"""TC005 lockfiles-disagree: a note of the project reader (worded here, en and zh)."""

from __future__ import annotations

from collections.abc import Mapping

from checker.findings import Arg, Severity
from checker.rules._words import STALE, items, stale_phrase
from checker.rules.rule import Rule, Template


def _phrases(lang: str, values: Mapping[str, Arg]) -> dict[str, Arg]:
    """The other stale lock files, set aside, each with what it records."""
    aside = zip(items(values.get("aside_files")), items(values.get("aside_kinds")), items(values.get("aside_values")), strict=False)
    said = "；{file} 已过期：{why}" if lang == "zh" else "; {file} is stale: it {why}"
    return {"set_aside": "".join(said.format(file=file, why=stale_phrase(lang, kind, value, values.get("package"), values.get("declared")))
                                 for file, kind, value in aside)}


RULE = Rule(
    code='TC005',
    slug='lockfiles-disagree',
    severity=Severity.WARNING,
    summary={"en": 'Lock files resolve Taro differently', "zh": '多个锁文件解析出不同的 Taro 版本'},
    explanation=('Several lock files resolve `@tarojs/taro` to different versions, or the one used is stale (what it '
                 "recorded of the declaration, such as pnpm's importer `specifier`, differs from package.json). A lock "
                 'file that agrees with package.json wins over a stale one; among those that agree, the one '
                 '`packageManager` names (else pnpm, yarn, npm). The message says which was used and why.'),
    fix='Delete the lock files of the package managers you do not use, and install again.',
    example=None,
    messages={
        "en": {
            "stale_chosen": Template("{lockfile} is stale: it {stale}; using its {package} {version} all the same (no lock file agrees"
                                     " with package.json; the next install may resolve another version){set_aside}"),
            "disagree": Template("lock files disagree on {package} ({listed}); using {lockfile}{agrees? (it agrees with package.json)}"
                                 "{set_aside}"),
        },
        "zh": {
            "stale_chosen": Template("{lockfile} 已过期：{stale}；仍使用其中的 {package} {version}（没有与 package.json 一致的锁文件，"
                                     "下次安装可能解析出其他版本）{set_aside}"),
            "disagree": Template("各锁文件中的 {package} 版本不一致（{listed}）；使用 {lockfile}{agrees?（它与 package.json 一致）}"
                                 "{set_aside}"),
        },
    },
    vocabulary={"en": {"stale": STALE["en"]}, "zh": {"stale": STALE["zh"]}},
    phrases=_phrases,
)
