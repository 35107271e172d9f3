"""TC016 source-not-utf8: a note of the scanner (its prose comes with it)."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code="TC016",
    slug="source-not-utf8",
    severity=Severity.INFO,
    summary={"en": "A source file is not UTF-8; it was decoded and scanned", "zh": "源文件不是 UTF-8，已解码并扫描"},
    explanation="A source file is not UTF-8: it was decoded (UTF-16 by its byte-order mark; GBK/GB18030, Big5 and a few"
                " others as charset-normalizer detects them) and scanned whole. Bundlers read sources as UTF-8, so its"
                " non-ASCII strings may show garbled on a device.",
    fix="Save the file as UTF-8.",
    example="// 登录   (a comment saved as GBK)",
    messages={"en": {"default": Template("{text}")}},
)
