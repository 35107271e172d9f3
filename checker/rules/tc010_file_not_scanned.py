"""TC010 file-not-scanned: a note of the scanner (its prose comes with it) or of the project
reader (tsconfig/jsconfig paths it cannot follow, worded here in en and zh)."""

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
    messages={  # default: a note of the scanner (its prose comes with it)
        "en": {"default": Template("{text}"), "module_paths": Template("{detail}; imports through its paths are not followed")},
        "zh": {"default": Template("{text}"), "module_paths": Template("{detail}；不跟踪经由其 paths 配置的导入")},
    },
)
