from __future__ import annotations

import re

import pytest

from checker.errors import KnowledgeBaseError
from checker.kb._yaml import MAX_DEPTH, read_yaml


def error_of(text: bytes) -> str:
    with pytest.raises(KnowledgeBaseError) as caught:
        read_yaml(text, "matrix/apis/x.yaml")
    return str(caught.value)


def test_values_keep_positions_and_yaml_types() -> None:
    document = read_yaml(b'id: x\nsince: 2.10\nlist:\n  - v: "2.10.4"\n    when: 2022-11-08\n', "f.yaml")
    assert document.data == {"id": "x", "since": 2.1, "list": [{"v": "2.10.4", "when": "2022-11-08"}]}
    assert document.raw(("since",)) == "2.10"
    assert document.raw(("id",)) is None
    assert str(document.location(("list", 0, "v"))) == "f.yaml:4:8"
    assert str(document.location(("list", 0, "v"), key=True)) == "f.yaml:4:5"


BILLION_LAUGHS = b"""\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_billion_laughs_is_refused_at_the_first_alias() -> None:
    assert error_of(BILLION_LAUGHS) == (
        "matrix/apis/x.yaml:2:8: KB001 YAML aliases (*name) are not allowed here: write the value out"
    )


def test_merge_key_bomb_is_refused() -> None:
    text = b"a: &a {x: 1}\nb: &b {<<: [*a, *a]}\nc: {<<: [*b, *b, *b]}\n"
    assert "KB001" in error_of(text)


def test_merge_key_without_alias_is_refused() -> None:
    assert error_of(b"a:\n  <<: {x: 1}\n") == "matrix/apis/x.yaml:2:3: KB001 YAML merge keys (<<) are not allowed here"


def test_recursive_alias_is_refused() -> None:
    assert "aliases" in error_of(b"a: &a [*a]\n")


def test_duplicate_keys_are_refused_at_the_second_key() -> None:
    assert error_of(b"id: x\nkind: api\nid: y\n") == "matrix/apis/x.yaml:3:1: KB001 duplicate key 'id'"


def test_syntax_error_names_line_and_column() -> None:
    assert error_of(b"id: x\nsupport: [weapp,\n") == "matrix/apis/x.yaml:3:1: KB001 YAML syntax: did not find expected node content"


def test_non_utf8_names_the_line() -> None:
    assert error_of(b"id: x\nnote: \xff\xfe\n") == "matrix/apis/x.yaml:2: KB001 not UTF-8 text"


def test_empty_file() -> None:
    assert error_of(b"# nothing\n") == "matrix/apis/x.yaml:1:1: KB001 empty file"


def test_depth_is_bounded() -> None:
    deep = b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n"
    assert f"nested deeper than {MAX_DEPTH} levels" in error_of(deep)


def test_very_deep_nesting_is_refused_without_crashing() -> None:
    # libyaml's own composer crashes the process (SIGSEGV) near 30,000 levels
    deep = b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    # refused at a place on line 1, whichever layer sees it first (libyaml >= 0.2.5's own limit, or ours)
    assert re.fullmatch(r"matrix/apis/x\.yaml:1:\d+: KB001 .*(nested deeper|nesting depth).*", error_of(deep))


def test_two_documents_are_refused() -> None:
    assert error_of(b"id: a\n---\nid: b\n") == "matrix/apis/x.yaml:1:1: KB001 one YAML document per file"
