"""TC016 source-not-utf8: a note of the scanner (a file it decoded), worded here in en and zh; ``default`` is a note given as prose."""

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
    messages={  # the variants are the scanner's note kinds (checker.scan.sites.ScanNoteKind)
        "en": {
            "default": Template("{text}"),
            "decoded_bom": Template("{encoding} text (with a byte-order mark), decoded and scanned"),
            "decoded": Template("not UTF-8 (line {line}): decoded as {encoding} (detected) and scanned; bundlers read sources as UTF-8,"
                                " so its non-ASCII strings may show garbled"),
        },
        "zh": {
            "default": Template("{text}"),
            "decoded_bom": Template("{encoding} 文本（带字节顺序标记），已解码并扫描"),
            "decoded": Template("不是 UTF-8（第 {line} 行）：已按检测出的 {encoding} 解码并扫描；打包工具按 UTF-8 读取源码，"
                                "其中的非 ASCII 字符串在设备上可能显示为乱码"),
        },
    },
)
