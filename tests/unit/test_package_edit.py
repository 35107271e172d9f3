"""taroCompat.targets written into package.json text: nothing else in the file changes."""

from __future__ import annotations

import json

import pytest

from checker.errors import ProjectError
from checker.project.package_edit import set_targets

Q = "weapp >= 2.27.3, h5"


@pytest.mark.parametrize(("before", "after"), [
    pytest.param('{\n  "name": "a",\n  "dependencies": {\n    "x": "1"\n  }\n}\n',
                 '{\n  "name": "a",\n  "dependencies": {\n    "x": "1"\n  },\n  "taroCompat": {\n    "targets": "weapp >= 2.27.3, h5"\n  }\n}\n',
                 id="two spaces, added last"),
    pytest.param('{\n    "name": "a"\n}',
                 '{\n    "name": "a",\n    "taroCompat": {\n        "targets": "weapp >= 2.27.3, h5"\n    }\n}', id="four spaces, no newline"),
    pytest.param('{\r\n\t"name": "a"\r\n}\r\n', '{\r\n\t"name": "a",\r\n\t"taroCompat": {\r\n\t\t"targets": "weapp >= 2.27.3, h5"\r\n\t}\r\n}\r\n',
                 id="tabs and CRLF"),
    pytest.param('{"name":"a"}', '{"name":"a", "taroCompat": {"targets": "weapp >= 2.27.3, h5"}}', id="one line"),
    pytest.param('\ufeff{\n  "name": "中文"\n}\n', '\ufeff{\n  "name": "中文",\n  "taroCompat": {\n    "targets": "weapp >= 2.27.3, h5"\n  }\n}\n',
                 id="BOM and non-ASCII"),
    pytest.param('{\n  "taroCompat": {\n    "published": "2023-01-01"\n  },\n  "name": "a"\n}\n',
                 '{\n  "taroCompat": {\n    "published": "2023-01-01",\n    "targets": "weapp >= 2.27.3, h5"\n  },\n  "name": "a"\n}\n',
                 id="settings without targets"),
    pytest.param('{\n  "taroCompat": {\n    "targets": "weapp",\n    "failOn": "warning"\n  }\n}\n',
                 '{\n  "taroCompat": {\n    "targets": "weapp >= 2.27.3, h5",\n    "failOn": "warning"\n  }\n}\n', id="targets replaced in place"),
    pytest.param('{\n  "taroCompat": "weapp"\n}\n', '{\n  "taroCompat": {\n    "targets": "weapp >= 2.27.3, h5"\n  }\n}\n', id="not an object"),
    pytest.param('{\n  "s": "a \\"}\\" b",\n  "n": [1, {"taroCompat": 2}]\n}\n',
                 '{\n  "s": "a \\"}\\" b",\n  "n": [1, {"taroCompat": 2}],\n  "taroCompat": {\n    "targets": "weapp >= 2.27.3, h5"\n  }\n}\n',
                 id="braces in strings and nested keys"),
])
def test_set_targets_keeps_the_layout(before: str, after: str) -> None:
    written = set_targets(before, Q, "package.json")
    assert written == after
    assert json.loads(written.lstrip("\ufeff"))["taroCompat"]["targets"] == Q


@pytest.mark.parametrize(("text", "where"), [
    ('{\n  // a comment\n  "name": "a"\n}\n', "package.json:2:3"),
    ('{\n  "name": "a",\n}\n', "package.json:3:1"),
    ('["not", "an", "object"]', "package.json:1:1"),
])
def test_what_npm_would_refuse_is_refused_with_its_place(text: str, where: str) -> None:
    with pytest.raises(ProjectError) as caught:
        set_targets(text, Q, "package.json")
    assert str(caught.value.location) == where
    assert caught.value.message.endswith("nothing was changed")
