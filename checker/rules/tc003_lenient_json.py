"""TC003 lenient-json: a note of the project reader (worded here, en and zh)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC003',
    slug='lenient-json',
    severity=Severity.WARNING,
    summary={"en": 'A JSON manifest has comments or trailing commas', "zh": 'JSON 清单含注释或多余逗号'},
    explanation="A JSON manifest has comments or trailing commas. taro-compat reads it, but npm and Taro's CLI (`JSON.parse`) would not.",
    fix='Remove them.',
    example='{"name": "shop", }',
    messages={
        "en": {"package": Template("comments or trailing commas: npm and Taro's CLI would reject this file"),
               "project_file": Template("comments or trailing commas: Taro's CLI reads this file with JSON.parse and would fail")},
        "zh": {"package": Template("含有注释或末尾逗号：npm 和 Taro CLI 都会拒绝读取此文件"),
               "project_file": Template("含有注释或末尾逗号：Taro CLI 用 JSON.parse 读取此文件，会解析失败")},
    },
)
