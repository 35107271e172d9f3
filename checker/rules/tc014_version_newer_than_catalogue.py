"""TC014 version-newer-than-catalogue: a note of the targets stage (worded here, en and zh)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

_GIVEN = "it is taken as given, and what the matrix says of newer releases is not known"
_GIVEN_ZH = "按所写版本处理，知识库不了解更新版本的情况"

RULE = Rule(
    code="TC014",
    slug="version-newer-than-catalogue",
    severity=Severity.WARNING,
    summary={"en": "A declared minimum is newer than the catalogue", "zh": "声明的最低版本比版本目录还新"},
    explanation=("A declared minimum is newer than every release in the platform's catalogue (`weapp >= 9.9.9`): it is taken "
                 "as given, but what the matrix says of releases after the catalogue's date is not known. A version inside the "
                 "catalogue's span that it does not list is an error instead (exit 2), naming the nearest known releases; so are "
                 "`--taro 3.6.99` and `--runtime 2.10` on the command line."),
    fix="Check the version; if it is a real, new release, the knowledge base is behind.",
    example='"taroCompat": {"targets": "weapp >= 9.9.9"}',
    messages={
        "en": {
            "newer": Template("'{clause}': {catalogue} {version} is newer than the catalogue (newest release {newest}, dated {dated}): "
                              + _GIVEN),
            "newer_undated": Template("'{clause}': {catalogue} {version} is newer than the catalogue (newest release {newest};"
                                      " it records no dates): " + _GIVEN),
            "incomplete": Template("'{clause}': {catalogue} {version} is not in the catalogue, which is incomplete; it falls between"
                                   " known releases of its line and is taken as given"),
        },
        "zh": {
            "newer": Template("'{clause}'：{catalogue} {version} 比版本目录中的都新（目录中最新的是 {newest}，"
                              "发布于 {dated}）：" + _GIVEN_ZH),
            "newer_undated": Template("'{clause}'：{catalogue} {version} 比版本目录中的都新（目录中最新的是 {newest}，目录未记录日期）："
                                      + _GIVEN_ZH),
            "incomplete": Template("'{clause}'：{catalogue} {version} 不在版本目录中（该目录不完整）；它介于同一版本线的已知版本之间，"
                                   "按所写版本处理"),
        },
    },
)
