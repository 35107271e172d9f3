"""TC008 build-type-unknown: a note of the targets stage (worded here, en and zh)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC008',
    slug='build-type-unknown',
    severity=Severity.INFO,
    summary={"en": 'A build names a platform the knowledge base does not cover', "zh": '构建脚本指向知识库未覆盖的平台'},
    explanation=("A build the team chose (a CI job, or a script it wrote) names a platform the knowledge base does not cover"
                 " (e.g. quickapp); it is not checked."),
    fix=None,
    example='"build:quickapp": "taro build --type quickapp"',
    messages={
        "en": {"default": Template("build type '{build_type}' has no platform in the knowledge base; it is not checked")},
        "zh": {"default": Template("构建类型 '{build_type}' 在知识库中没有对应的平台，不做检查")},
    },
)
