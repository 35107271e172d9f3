"""TC010 file-not-scanned: a note of the scanner (a file skipped, or only partly parsed) or of the project
reader (tsconfig/jsconfig paths it cannot follow), worded here in en and zh; ``default`` is a note given as prose."""

from __future__ import annotations

from checker.findings import Severity
from checker.rules.rule import Rule, Template

RULE = Rule(
    code='TC010',
    slug='file-not-scanned',
    severity=Severity.WARNING,
    summary={"en": 'A source file was not scanned, or only in part', "zh": '源文件未扫描或只扫描了一部分'},
    explanation=('A source file was skipped (binary, too large, unreadable, or marked UTF-16 but not valid UTF-16) or '
                 'only partly parsed: a syntax neither the JavaScript nor the TSX grammar reads (a `.js`/`.jsx` file '
                 "the JavaScript grammar refuses is read again as TSX first, as Taro's Babel build accepts JSX "
                 '`class=` and TypeScript annotations there, and a bare `&` or `>` in JSX text is read as text, as '
                 'Babel reads it; a `.vue` file\'s `<script lang="tsx">` is TSX). A function type whose parameter is '
                 'named like a type (`(object) => any`), which TypeScript accepts and tree-sitter-typescript 0.23 '
                 'refuses, is read as TypeScript reads it. The run still reports the rest, and the report says it '
                 'is incomplete.'),
    fix='Fix the file, or exclude it (`exclude:` in taro-compat.yaml).',
    example=None,
    messages={  # the scanner's variants are its note kinds (checker.scan.sites.ScanNoteKind)
        "en": {
            "default": Template("{text}"),
            "module_paths": Template("{detail}; imports through its paths are not followed"),
            "does_not_parse": Template("line {line}: does not parse; the rest of the file was scanned"),
            "too_large": Template("over {megabytes} MB: a bundle or generated file, not scanned"),
            "unreadable": Template("cannot read: {reason}"),
            "binary": Template("binary content (NUL bytes), not source"),
            "bad_bom": Template("starts with a {encoding} byte-order mark but is not valid {encoding}"),
            "undecodable": Template("not UTF-8 text (line {line}), and no likely encoding decodes it"),
        },
        "zh": {
            "default": Template("{text}"),
            "module_paths": Template("{detail}；不跟踪经由其 paths 配置的导入"),
            "does_not_parse": Template("第 {line} 行无法解析；已扫描文件的其余部分"),
            "too_large": Template("超过 {megabytes} MB：应是打包产物或生成的文件，未扫描"),
            "unreadable": Template("无法读取：{reason}"),
            "binary": Template("二进制内容（含 NUL 字节），不是源码"),
            "bad_bom": Template("以 {encoding} 字节顺序标记（BOM）开头，但不是有效的 {encoding}"),
            "undecodable": Template("不是 UTF-8 文本（第 {line} 行），也没有可能的编码能解码它"),
        },
    },
)
