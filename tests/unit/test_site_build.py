"""The site builds from the matrix alone, deterministically, with relative links only; its words for
version ranges; the docs-vs-code list read at the boundary."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import KnowledgeBaseError, KnowledgeBaseErrors
from checker.kb import load_matrix
from checker.model import Confidence, Statement, Status
from checker.render.site import build_site, labels
from checker.render.site_axis import Axis
from checker.render.site_disagreements import parse_report, read_report
from checker.render.site_words import category_label, exact, runs_phrase, stretches_phrase
from checker.versions import Scheme, parse_range
from conftest import MATRIX

EN, ZH = labels()["en"], labels()["zh"]


def statements(scheme: Scheme, *pairs: tuple[str, Status]) -> list[Statement]:
    return [Statement(parse_range(text, scheme), status, Confidence.OFFICIAL, ()) for text, status in pairs]


@pytest.fixture(scope="module")
def axes() -> tuple[Axis, Axis]:
    matrix = load_matrix(MATRIX)
    return Axis(matrix.taro_catalogue()), Axis(matrix.runtime_catalogue("weapp"))  # type: ignore[arg-type]


def test_build_is_byte_identical_and_links_are_relative(tmp_path: Path) -> None:
    matrix = load_matrix(MATRIX, use_cache=False)
    first = build_site(matrix, tmp_path / "a")
    second = build_site(matrix, tmp_path / "b")
    assert [p.relative_to(tmp_path / "a") for p in first] == [p.relative_to(tmp_path / "b") for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    names = sorted(p.relative_to(tmp_path / "a").as_posix() for p in first)
    assert {"index.html", "compare.html", "docs-vs-code.html", "api/getUserProfile.html", "api/request.html", "platform/weapp.html"} <= set(names)
    assert len(names) == len(matrix) + len(matrix.platforms) + 3
    for page in first:
        text = page.read_text(encoding="utf-8")
        for link in re.findall(r'(?:href|src)="([^"]+)"', text):
            assert not link.startswith("/"), (page, link)
            if not link.startswith(("https://", "http://", "#")):
                target = (page.parent / link.split("#")[0]).resolve()
                assert target.exists(), (page, link)


def test_a_range_with_a_gap_in_words_in_both_languages(axes: tuple[Axis, Axis]) -> None:
    _, runtime = axes
    found = runtime.runs(statements(Scheme.DOTTED, ("<2.10.4", Status.UNSUPPORTED), ("2.10.4", Status.SUPPORTED),
                                    (">2.10.4 <2.16.0", Status.UNSUPPORTED), (">=2.16.0", Status.SUPPORTED)))
    assert runs_phrase(runtime, found, EN) == "2.10.4, then 2.16.0 and later; 2.11–2.15 lack it"
    assert runs_phrase(runtime, found, ZH) == "2.10.4，之后 2.16.0 及以上；2.11–2.15 不支持"
    assert exact(found) == "2.10.4 || >=2.16.0"
    assert runtime.usable_from(found) == runtime.texts.index("2.16.0")
    assert runtime.start(s for r in found for s in [r.statement]) == runtime.texts.index("2.10.0")


def test_taro_ranges_read_as_releases_not_semver_bounds(axes: tuple[Axis, Axis]) -> None:
    taro, _ = axes
    found = taro.runs(statements(Scheme.SEMVER, ("<2.2.17", Status.UNSUPPORTED), (">=2.2.17 <3.0.0", Status.SUPPORTED),
                                 (">=3.0.0-0 <=3.0.27", Status.UNSUPPORTED), (">=3.0.29", Status.PARTIAL)))
    assert runs_phrase(taro, found, EN) == "2.2.17 to 2.2.22, then 3.0.29 and later (partly); 3.0.0–3.0.27 lack it"
    assert taro.usable_from(found) == taro.texts.index("3.0.29")
    unknown_gap = taro.runs(statements(Scheme.SEMVER, (">=3.1.0 <3.2.0", Status.SUPPORTED), (">=3.3.0", Status.SUPPORTED)))
    assert runs_phrase(taro, unknown_gap, EN) == "3.1.0 to 3.1.5, then 3.3.0 and later; no data for 3.2"
    assert taro.usable_from(unknown_gap) == taro.texts.index("3.3.0")
    assert runs_phrase(taro, taro.runs(statements(Scheme.SEMVER, ("*", Status.SUPPORTED))), EN) == "every version"
    assert runs_phrase(taro, taro.runs(statements(Scheme.SEMVER, (">=3.3.0", Status.STUB))), ZH) == "3.3.0 及以上 为空实现"
    assert runs_phrase(taro, taro.runs(statements(Scheme.SEMVER, ("*", Status.UNSUPPORTED))), EN) == "not available"
    assert runs_phrase(taro, [], EN) == "no data"
    assert stretches_phrase(taro, taro.span_range(parse_range("<3.0.0", Scheme.SEMVER)), EN) == "up to 2.2.22"
    assert taro.start(statements(Scheme.SEMVER, ("<2.0.0", Status.UNSUPPORTED))) == taro.texts.index("1.3.0")


def test_timeline_ticks_stay_inside_and_label_the_newest(axes: tuple[Axis, Axis]) -> None:
    taro, _ = axes
    found = taro.runs(statements(Scheme.SEMVER, (">=3.0.0", Status.SUPPORTED)))
    start = taro.start(s for s in [found[0].statement])
    line = taro.timeline(found, start, {})
    assert line["segments"] == [{"left": 0.0, "width": 100.0, "status": "supported", "title": ""}]
    assert line["ticks"][0] == {"left": 0.0, "label": "3.0", "version": "3.0.0", "major": True, "align": "start"}
    assert line["ticks"][-1]["align"] == "end" and line["ticks"][-1]["label"] == taro.texts[-1]
    lefts = [tick["left"] for tick in line["ticks"]]
    assert lefts == sorted(lefts) and all(b - a >= 6.5 for a, b in zip(lefts, lefts[1:]))
    majors = [tick["left"] for tick in line["ticks"] if tick["major"]]  # what a phone shows
    assert majors[0] == 0.0 and majors[-1] == 100.0 and all(b - a >= 14 for a, b in zip(majors, majors[1:]))


def test_category_names_are_readable() -> None:
    assert category_label("open-api/user-info", EN["categories"]) == "Open API › User info"
    assert category_label("open-api/user-info", ZH["categories"]) == "开放接口 › 用户信息"
    assert category_label("media/some-new-thing", EN["categories"]) == "Media › Some new thing"


ENTRY = """\
id: taro-docs-vs-code
generated_by: taro-compat kb import taro-runtime
versions_read: ["1.3.0", "3.2.16"]
packages_read: 4
summary: {entries: 1}
entries:
  - api: setStorage
    platform: alipay
    kind: code-only
    versions: ">=1.3.0 <=3.2.16"
    code: supported
    sources: ["@tarojs/shared@3.2.16 dist/shared.esm.js"]
"""


def test_the_docs_vs_code_report_is_read_once_with_located_errors(tmp_path: Path) -> None:
    assert read_report(tmp_path / "absent.yaml") is None
    path = tmp_path / "taro-docs-vs-code.yaml"
    path.write_text(ENTRY, encoding="utf-8")
    report = read_report(path)
    assert report is not None and (report.versions_read, report.packages_read) == (("1.3.0", "3.2.16"), 4)
    (item,) = report.entries
    assert (item.api, item.platform, item.kind, str(item.versions), item.code, item.sources) == (
        "setStorage", "alipay", "code-only", ">=1.3.0 <=3.2.16", "supported", ("@tarojs/shared@3.2.16 dist/shared.esm.js",))
    path.write_text(ENTRY.replace("code: supported", "code: works"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseErrors) as caught:
        read_report(path)
    assert str(caught.value.errors[0]) == f"{path.as_posix()}:7: KB001 entry 1: code 'works' is not a status"
    path.write_text(ENTRY + "    api: twice\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseErrors) as caught:
        read_report(path)
    assert "duplicate" in str(caught.value.errors[0])
    with pytest.raises(KnowledgeBaseError, match="KB002 entry 1: "):
        parse_report({"entries": [{"api": "x", "platform": "h5", "kind": "docs-only", "versions": "banana", "code": "stub"}]}, "f.yaml")
    with pytest.raises(KnowledgeBaseError, match="kind 'both' is not one of code-only, docs-only"):
        parse_report({"entries": [{"api": "x", "platform": "h5", "kind": "both", "versions": "*", "code": "stub"}]}, "f.yaml")


def test_site_command_writes_every_page_and_the_disagreements(tmp_path: Path, make_matrix) -> None:  # type: ignore[no-untyped-def]
    root = make_matrix()
    out, err = io.StringIO(), io.StringIO()
    assert main(["site", str(tmp_path / "site"), "--matrix", str(root), "--lang", "zh"], stdout=out, stderr=err) == 0
    assert out.getvalue() == f"{tmp_path / 'site'}: {1 + 9 + 3} pages\n" and err.getvalue() == ""
    page = (tmp_path / "site" / "docs-vs-code.html").read_text(encoding="utf-8")
    assert "此知识库中尚无不一致数据。" in page
    root = make_matrix(extra={"reports/taro-docs-vs-code.yaml": ENTRY.replace("setStorage", "sample")})  # the loader accepts it too
    assert main(["site", str(tmp_path / "site2"), "--matrix", str(root)], stdout=io.StringIO(), stderr=err) == 0
    page = (tmp_path / "site2" / "docs-vs-code.html").read_text(encoding="utf-8")
    assert '<tr data-api="sample" data-platform="alipay" data-kind="code-only">' in page and "1.3.0 to 3.2.16" in page
    data = json.loads(re.search(r'<script type="application/json" id="index-data">(.*?)</script>', (tmp_path / "site" / "index.html").read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]
    assert data["platforms"][:2] == ["weapp", "h5"]


def test_api_names_break_inside_camel_case_and_stay_escaped() -> None:
    from checker.render.templating import breakable

    assert str(breakable("button.open-type.chooseAvatar")) == "button.<wbr>open-type.<wbr>choose<wbr>Avatar"
    assert str(breakable("getUserProfile")) == "get<wbr>User<wbr>Profile"
    assert str(breakable("<b>x</b>aB")) == "&lt;b&gt;x&lt;/b&gt;a<wbr>B"


def test_every_status_confidence_and_stub_outcome_has_words_in_both_languages() -> None:
    from checker.model import Outcome

    for lang in ("en", "zh"):
        t = labels()[lang]
        assert set(labels()["en"]) == set(t)
        assert all(t[s.value] for s in Status)
        assert set(t["confidences"]) == {c.value for c in Confidence}
        assert set(t["outcomes"]) == {o.value for o in Outcome}
