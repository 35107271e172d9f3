"""The documentation site in a real browser (Debian's Chromium, driven by Playwright; nothing downloaded).

Most tests run on a small matrix written for them (tests/fixtures/site), at a desktop width and a
phone width; the last ones check the issue's own examples on the bundled matrix. Every page a test
opens must log no console error and request nothing outside the page; each leaves a screenshot in
test-artifacts/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.kb import load_matrix
from checker.render.site import build_site
from checker.render.site_disagreements import read_report
from conftest import MATRIX, MINIMAL_API, REPO

from browser_support import ARTIFACTS, launch, require_browser

require_browser()
from playwright.sync_api import Browser, Page  # noqa: E402 - only where it is installed

FIXTURES = REPO / "tests" / "fixtures" / "site"
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def small_matrix(root: Path) -> Path:
    """The real platforms, catalogues and usage data with the test's own five APIs."""
    for part in ("schema", "platforms", "catalogues", "usage"):
        shutil.copytree(MATRIX / part, root / part)
    shutil.copy(MATRIX / "_meta.yaml", root / "_meta.yaml")
    (root / "apis").mkdir()
    for path in FIXTURES.glob("*.yaml"):
        if path.name != "taro-docs-vs-code.yaml":
            shutil.copy(path, root / "apis" / path.name)
    return root


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("sites")
    root = small_matrix(base / "matrix")
    matrix = load_matrix(root, use_cache=False)
    report = read_report(FIXTURES / "taro-docs-vs-code.yaml")
    build_site(matrix, base / "en", docs_vs_code=report)
    build_site(matrix, base / "zh", lang="zh", docs_vs_code=report)
    build_site(load_matrix(MATRIX, use_cache=False), base / "real")
    return {"en": base / "en", "zh": base / "zh", "real": base / "real"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch()


def open_page(browser: Browser, viewport: dict[str, int]) -> Page:
    page = browser.new_page(viewport=viewport)
    page.console_errors = []  # type: ignore[attr-defined]
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.on("console", lambda message: page.console_errors.append(message.text) if message.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))  # type: ignore[attr-defined]
    page.on("request", lambda req: None if req.url.startswith("file://") else page.foreign_requests.append(req.url))  # type: ignore[attr-defined]
    return page


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280", "390"])
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    page = open_page(browser, request.param)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=False)
    assert page.console_errors == []  # type: ignore[attr-defined]
    assert page.foreign_requests == []  # type: ignore[attr-defined]
    page.close()


def visible_apis(page: Page) -> list[str]:
    return page.eval_on_selector_all("#matrix tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.api)")


def test_search_by_any_name_in_any_case_and_in_chinese(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["en"] / "index.html").as_uri())
    assert visible_apis(page) == ["alpha", "beta", "button.open-type.sample", "delta", "gamma"]
    page.fill("#search", "wx.beta")
    assert visible_apis(page) == ["beta"]
    page.fill("#search", "TARO.ALPHA")
    assert visible_apis(page) == ["alpha"]
    page.fill("#search", "Taro?.beta({ count: 1 })")  # pasted from code
    assert visible_apis(page) == ["beta"]
    page.fill("#search", "tt.gamma")
    assert visible_apis(page) == ["gamma"]
    page.fill("#search", "my.alpha")  # Alipay's global: found, to show it is not there
    assert visible_apis(page) == ["alpha"]
    page.fill("#search", "头像")  # the Chinese summaries
    assert visible_apis(page) == ["alpha", "button.open-type.sample"]
    page.fill("#search", "灰色")  # a behaviour change's Chinese summary
    assert visible_apis(page) == ["alpha"]
    page.fill("#search", "picture")
    assert visible_apis(page) == ["alpha", "beta", "button.open-type.sample"]
    assert page.inner_text("#count") == "3 of 5 shown"
    page.fill("#search", "beta")  # a name typed in full comes first
    page.fill("#search", "a")
    assert visible_apis(page)[0] == "alpha"


def test_sort_by_a_platform_and_back(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["en"] / "index.html").as_uri())
    page.click("#matrix thead th[data-sort=weapp] button")
    # supported first, the lowest version from which every later one works first among them
    assert visible_apis(page) == ["gamma", "alpha", "beta", "button.open-type.sample", "delta"]
    assert page.get_attribute("#matrix thead th[data-sort=weapp]", "aria-sort") == "ascending"
    assert "sort=weapp" in page.url
    page.click("#matrix thead th[data-sort=weapp] button")
    assert visible_apis(page) == ["delta", "button.open-type.sample", "beta", "alpha", "gamma"]
    assert page.get_attribute("#matrix thead th[data-sort=weapp]", "aria-sort") == "descending"
    page.click("#matrix thead th[data-sort=name] button")
    assert visible_apis(page) == ["alpha", "beta", "button.open-type.sample", "delta", "gamma"]


def test_filter_usable_on_all_of_several_targets_with_minimums_and_the_url_keeps_it(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["en"] / "index.html").as_uri())
    page.select_option("#targets select[data-minimum=weapp]", "2.10.4")  # choosing a minimum ticks the platform
    assert page.is_checked("#targets input[value=weapp]")
    assert visible_apis(page) == ["alpha", "gamma"]  # beta works on 2.10.4 but not on 2.11-2.15
    page.check("#targets input[value=h5]")
    assert visible_apis(page) == ["alpha"]  # gamma is unsupported on H5
    page.select_option("#targets select[data-minimum=weapp]", "2.16.0")
    assert visible_apis(page) == ["alpha"]  # beta is a stub on H5
    page.uncheck("#targets input[value=h5]")
    page.check("#targets input[value=tt]")
    assert visible_apis(page) == ["gamma"]
    page.select_option("#category", "open-api")  # a group holds its sub-categories
    assert visible_apis(page) == []
    page.select_option("#category", "")
    url = page.url
    assert url.endswith("#on=weapp%3A2.16.0%2Ctt")
    page.goto((sites["en"] / "compare.html").as_uri())
    page.goto(url)  # a shared link opens on the same state
    assert visible_apis(page) == ["gamma"]
    assert page.input_value("#targets select[data-minimum=weapp]") == "2.16.0"
    page.click("#clear")
    assert len(visible_apis(page)) == 5


def test_index_names_platforms_categories_and_marks_deprecations(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["en"] / "index.html").as_uri())
    heads = page.eval_on_selector_all("#matrix thead th", "ths => ths.map(th => th.innerText.replace(/ [▲▼]$/, ''))")
    assert heads[:6] == ["API", "Category", "WeChat", "H5", "Alipay", "Douyin"]  # audience order, by name
    row = page.locator("tr[data-api=beta]")
    assert row.locator(".deprecated").inner_text() == "deprecated: use alpha"
    assert row.locator(".deprecated").get_attribute("title") == "WeChat: deprecated from base library 2.21.0"
    assert page.locator("tr[data-api=alpha] td").first.inner_text() == "Open API › User info"
    assert page.locator("tr[data-api=alpha] td.cell").first.inner_text() == "✓ 2.10.4+"
    unknown = page.locator("tr[data-api=delta] td.cell").first
    assert unknown.inner_text() == "?"
    legend = page.locator(".legend .unknown").evaluate("e => getComputedStyle(e).backgroundImage")
    assert legend == unknown.evaluate("e => getComputedStyle(e).backgroundImage") != "none"  # one encoding of unknown


def test_api_page_summary_first_ranges_in_words_and_timelines(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["en"] / "api" / "beta.html").as_uri())
    order = page.evaluate("[...document.querySelectorAll('#summary-grid, h3')].map(e => e.id)")
    assert order[:3] == ["summary-grid", "weapp", "h5"]  # the grid, then the platforms in audience order
    weapp = page.locator("#summary-grid tr[data-platform=weapp] td")
    assert weapp.all_inner_texts()[:3] == ["✓ supported", "3.0.0 and later",
                                          "WeChat base library 2.10.4, then 2.16.0 and later; 2.11–2.15 lack it"]
    assert weapp.nth(2).get_attribute("title") == "exact range: 2.10.4 || >=2.16.0"
    h5 = page.locator("#summary-grid tr[data-platform=h5] td")
    assert h5.all_inner_texts()[1:] == ["a stub in 3.0.0 and later", "no runtime version axis",
                                        "in development rejects, in production resolves silently"]
    assert page.locator("#summary-grid tr[data-platform=alipay] td").first.inner_text() == "? unknown (no data)"
    timeline = page.locator("h3#weapp ~ .timeline").nth(1)
    # the first statement is open below (<2.10.4): the line starts at the release line it names
    assert timeline.locator(".axis-title .name").inner_text() == "WeChat base library version →"
    assert timeline.locator(".axis-title .start").inner_text() == "shown from 2.10.0, the first release line a statement names"
    ticks = timeline.locator(".tick").all_inner_texts()
    newest = load_matrix(MATRIX).runtime_catalogue("weapp").latest().text  # type: ignore[union-attr]
    assert ticks[0] == "2.10" and ticks[-1] == newest
    box = timeline.bounding_box()
    for tick in timeline.locator(".tick:visible").all():  # labels never cut
        edge = tick.bounding_box()
        assert box and edge and edge["x"] >= box["x"] - 0.5 and edge["x"] + edge["width"] <= box["x"] + box["width"] + 0.5
    statuses = timeline.locator(".seg").evaluate_all("s => s.map(e => e.className)")
    assert statuses == ["seg unsupported", "seg supported", "seg unsupported", "seg supported"]
    taro = page.locator("h3#weapp ~ .timeline").first
    assert taro.locator(".tick").first.inner_text() == "3.0"  # starts at the first version with data, not 0.0.1
    assert page.locator("#deprecation").inner_text() == "Deprecated · WeChat: deprecated from base library 2.21.0 · Use instead: alpha"
    page.goto((sites["en"] / "api" / "delta.html").as_uri())
    alipay = page.locator("#summary-grid tr[data-platform=alipay] td")
    assert alipay.all_inner_texts()[:3] == ["✓ supported", "3.3.0 and later", "my.delta is in the current runtime (no minimum published)"]
    assert page.locator("h3#alipay ~ .scroll table.statements td.supported").first.inner_text() == (
        "✓ supported\nforwarded: Taro.X exists where the native API does\ncalls myDelta")
    page.goto((sites["en"] / "api" / "beta.html").as_uri())
    stub = page.locator("h3#h5 ~ .scroll table.statements td.stub").first.inner_text()
    assert stub == "⊘ stub (in development rejects, in production resolves silently)"


def test_compare_wechat_and_h5_by_default_only_differences_at_a_taro_version(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["en"] / "compare.html").as_uri())
    assert page.input_value("#pa") == "weapp" and page.input_value("#pb") == "h5"
    rows = page.locator("#compare-platforms tbody tr")
    assert rows.evaluate_all("rs => rs.map(r => [r.dataset.api, ...[...r.cells].slice(1).map(c => c.innerText)])") == [
        ["beta", "✓ supported", "⊘ stub"],
        ["button.open-type.sample", "✓ supported", "? unknown (no data)"],
        ["delta", "? unknown (no data)", "✓ supported"],
        ["gamma", "✓ supported", "✗ unsupported"],
    ]  # alpha works on both: hidden
    page.uncheck("#pdiff")
    assert rows.count() == 5
    page.check("#pdiff")
    page.select_option("#at", label="3.5.0")  # before delta reached H5
    assert [r[0] for r in rows.evaluate_all("rs => rs.map(r => [r.dataset.api])")] == ["beta", "button.open-type.sample", "gamma"]
    assert "at=3.5.0" in page.url
    page.select_option("#tp", "h5")
    page.select_option("#ta", label="3.5.0")
    page.select_option("#tb", label="3.6.0")
    taro_rows = page.locator("#compare-taro tbody tr")
    assert taro_rows.evaluate_all("rs => rs.map(r => [r.dataset.api, ...[...r.cells].slice(1).map(c => c.innerText)])") == [
        ["delta", "? unknown (no data)", "✓ supported"]]
    url = page.url
    page.goto((sites["en"] / "index.html").as_uri())
    page.goto(url)  # a shared link opens on the same comparison
    assert [page.input_value(s) for s in ("#pa", "#pb", "#tp")] == ["weapp", "h5", "h5"]
    assert [page.locator(s).evaluate("e => e.options[e.selectedIndex].text") for s in ("#at", "#ta", "#tb")] == ["3.5.0", "3.5.0", "3.6.0"]
    assert taro_rows.count() == 1


def test_docs_and_code_disagreements_page(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["en"] / "docs-vs-code.html").as_uri())
    rows = page.locator("#disagreements tbody tr")
    assert rows.evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.innerText))") == [
        ["beta", "H5", "3.3.0 and later", "✓ documented", "⊘ stub", "@tarojs/taro-h5@3.3.0 dist/index.js"],
        ["gamma", "Alipay", "1.3.0 to 3.2.16", "? not documented", "✓ supported",
         "@tarojs/shared@3.2.16 dist/shared.esm.js; @tarojs/plugin-platform-alipay@3.2.16 dist/runtime-utils.js"],
    ]
    assert rows.nth(1).locator("td").nth(1).get_attribute("title") == "exact range: >=1.3.0 <=3.2.16"
    assert page.inner_text("#disagreement-count").startswith("2 disagreements (1 code only, 1 docs only) · 4 Taro versions, 12 packages read")
    page.select_option("#dkind", "code-only")
    assert page.eval_on_selector_all("#disagreements tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.api)") == ["gamma"]
    page.select_option("#dkind", "")
    page.select_option("#dplatform", "h5")
    assert page.inner_text("#dcount") == "1 of 2 shown"
    page.click("text=beta")
    assert page.url.endswith("api/beta.html#h5")


@pytest.mark.parametrize("name", ["index.html", "api/beta.html", "api/button.open-type.sample.html", "platform/weapp.html",
                                  "compare.html", "docs-vs-code.html"])
def test_phone_layout_never_scrolls_sideways_and_keeps_first_columns(browser: Browser, sites: dict[str, Path], name: str) -> None:
    for lang in ("en", "zh"):
        page = open_page(browser, PHONE)
        page.goto((sites[lang] / name).as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (lang, name)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"phone-{lang}-{name.replace('/', '-')}.png"), full_page=False)
        wide = page.locator(".scroll").evaluate_all("ss => ss.filter(s => s.scrollWidth > s.clientWidth).length")
        if wide:
            scroller = page.locator(".scroll").evaluate_all("ss => ss.findIndex(s => s.scrollWidth > s.clientWidth)")
            first = page.locator(".scroll").nth(scroller).locator("tbody tr > :first-child").first
            before = first.bounding_box()
            page.locator(".scroll").nth(scroller).evaluate("s => { s.scrollLeft = 200; }")
            after = first.bounding_box()
            assert before and after and abs(before["x"] - after["x"]) < 1  # the first column stays
        assert page.console_errors == [] and page.foreign_requests == []  # type: ignore[attr-defined]
        page.close()


def test_chinese_labels_legend_confidences_and_notes(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["zh"] / "api" / "alpha.html").as_uri())
    assert page.locator("header a").first.inner_text() == "全部 API"
    assert " ".join(page.locator(".legend").first.inner_text().split()) == "图例: ✓ 支持 ◐ 部分支持 ⊘ 空实现 ✗ 不支持 ? 未知（无数据）"
    grid = page.locator("#summary-grid")
    assert grid.locator("thead th").all_inner_texts() == ["平台", "当前", "Taro 版本", "基础库版本", "说明"]
    assert grid.locator("tr[data-platform=weapp] td").nth(2).inner_text() == "微信基础库 2.10.4 及以上"
    assert grid.locator("tr[data-platform=weapp] th").inner_text() == "微信"
    statements = page.locator("h3#weapp ~ .scroll table.statements").nth(1)
    assert statements.locator("tbody tr").nth(1).locator("td").all_inner_texts()[:4] == ["2.10.4 及以上", "✓ 支持", "官方文档", "需要先点击。"]
    assert page.locator("h3#weapp ~ .timeline .axis-title .name").first.inner_text() == "Taro 版本 →"
    text = page.inner_text("main")
    for english in ("supported", "Legend", "Confidence", "official", "Summary", "and later", "exact range"):
        assert english not in text, english
    page.goto((sites["zh"] / "index.html").as_uri())
    assert page.locator("tr[data-api=beta] .deprecated").inner_text() == "已废弃：请使用 alpha"
    assert page.locator("tr[data-api=alpha] td").first.inner_text() == "开放接口 › 用户信息"
    page.fill("#search", "头像")
    assert visible_apis(page) == ["alpha", "button.open-type.sample"]
    assert page.inner_text("#count") == "显示 2 / 5"


def test_platform_page_usage_chart_near_the_top_with_axes_and_values(page: Page, sites: dict[str, Path]) -> None:
    matrix = load_matrix(MATRIX)
    usage = matrix.usage[matrix.platforms["weapp"].runtime or ""]
    page.goto((sites["en"] / "platform" / "weapp.html").as_uri())
    bars = page.locator("#usage-chart .bar-row")
    assert bars.count() == len({v for v, _ in usage.total})
    assert page.locator("#usage-chart .xaxis span").all_inner_texts() == ["80%", "85%", "90%", "95%", "100%"]
    assert page.locator("#usage-chart .title").all_inner_texts()[-1] == "Users reached (%) →"
    assert all(value.endswith("%") for value in bars.locator(".value").all_inner_texts())
    chart_top = page.locator("#usage-chart").bounding_box()
    table_top = page.locator("#platform-apis").bounding_box()
    assert chart_top and table_top and chart_top["y"] < table_top["y"] and chart_top["y"] < 400
    assert usage.date.isoformat() in page.inner_text("main")


def test_the_issue_examples_on_the_bundled_matrix(page: Page, sites: dict[str, Path]) -> None:
    page.goto((sites["real"] / "index.html").as_uri())
    page.fill("#search", "头像")
    found = visible_apis(page)
    assert "getUserProfile" in found and "button.open-type.chooseAvatar" in found
    for name in ("wx.getUserProfile", "WX.GETUSERPROFILE", "Taro.getUserProfile", "tt.getUserProfile"):
        page.fill("#search", name)
        assert visible_apis(page)[0] == "getUserProfile", name
    page.fill("#search", "Taro.request")
    assert visible_apis(page)[0] == "request"
    page.fill("#search", "chooseImage")
    assert "chooseMedia" in page.locator("tr[data-api=chooseImage] .deprecated").inner_text()
    page.goto((sites["real"] / "api" / "getUserProfile.html").as_uri())
    assert page.locator("#summary-grid tbody tr").first.get_attribute("data-platform") == "weapp"
    grid = page.locator("#summary-grid").bounding_box()
    assert grid and grid["y"] < 700


def test_hostile_matrix_text_renders_inert(browser: Browser, make_matrix, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = MINIMAL_API.replace(
        "summary: A sample API for tests.",
        "summary: '<script>window.__xss = 1</script>\"><img src=x onerror=\"window.__xss = 2\">'",
    )
    out = tmp_path / "site"
    build_site(load_matrix(make_matrix({"sample": hostile}), use_cache=False), out)
    for name in ("api/sample.html", "index.html"):
        page = browser.new_page()
        page.goto((out / name).as_uri())
        assert page.evaluate("window.__xss") is None
        assert page.locator("img").count() == 0
        page.close()
    page = browser.new_page()
    page.goto((out / "api" / "sample.html").as_uri())
    assert "<script>window.__xss = 1</script>" in page.inner_text("main")
    page.close()


def test_check_html_report_renders_hostile_project_strings_inert(browser: Browser, tmp_path: Path) -> None:
    import io
    import json

    from checker.cli import main

    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "package.json").write_text(json.dumps({
        "name": "<script>window.__xss = 1</script>", "dependencies": {"@tarojs/taro": "3.6.26"},
        "taroCompat": {"targets": "h5, weapp >= 2.16.0"}}))
    (project / "src" / '"><img src=x onerror="window.__xss = 2">.ts').write_text(
        "import Taro from '@tarojs/taro'\nTaro.getUserProfile({ desc: '<script>window.__xss = 3</script>' })\n")
    report = tmp_path / "report.html"
    code = main(["check", str(project), "--format", "html", "--output", str(report)], stdout=io.StringIO(), stderr=io.StringIO())
    assert code == 1
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda req: None if req.url.startswith("file://") else requests.append(req.url))
    page.goto(report.as_uri())
    assert page.evaluate("window.__xss") is None
    assert page.locator("img").count() == 0
    text = page.inner_text("body")
    assert "<script>window.__xss = 1</script>" in text and "<script>window.__xss = 3</script>" in text
    assert requests == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "check-report-hostile.png"), full_page=True)
    page.close()
