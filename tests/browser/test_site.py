"""The documentation site in a real browser (Debian's Chromium, driven by Playwright; nothing downloaded)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.kb import load_matrix
from checker.render.site import build_site
from conftest import MATRIX, MINIMAL_API, REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the README's test command installs it
    sync_playwright = None

if sync_playwright is None or not os.path.exists(CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install chromium and playwright (see the README's test command)")
    pytest.skip("Chromium or Playwright is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(load_matrix(MATRIX, use_cache=False), out)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.console_errors = []  # type: ignore[attr-defined]
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.on("console", lambda message: page.console_errors.append(message.text) if message.type == "error" else None)  # type: ignore[attr-defined]
    page.on("request", lambda req: None if req.url.startswith("file://") else page.foreign_requests.append(req.url))  # type: ignore[attr-defined]
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    assert page.console_errors == []  # type: ignore[attr-defined]
    assert page.foreign_requests == []  # type: ignore[attr-defined]
    page.close()


def visible_apis(page: Page) -> list[str]:
    return page.eval_on_selector_all("#matrix tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.api)")


def test_index_search_and_filters(page: Page, site: Path) -> None:
    total = len(load_matrix(MATRIX).api_ids())
    page.goto((site / "index.html").as_uri())
    assert len(visible_apis(page)) == total
    page.fill("#search", "getuserp")
    assert visible_apis(page) == ["getUserProfile"]
    assert page.inner_text("#count") == f"1 / {total}"
    page.fill("#search", "")
    page.select_option("#category", "component/form")
    assert visible_apis(page) == ["button.open-type.chooseAvatar", "button.open-type.getAuthorize", "input.type.nickname"]
    page.select_option("#category", "")
    page.fill("#search", "getuserinfo")
    page.select_option("#platform", "tt")
    assert visible_apis(page) == ["getUserInfo"]
    page.select_option("#platform", "alipay")  # Alipay has getOpenUserInfo instead
    assert visible_apis(page) == []


def test_cells_have_colour_and_symbol(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    cell = page.locator("tr[data-api=getUserProfile] td.cell").nth(1)  # h5
    assert cell.inner_text() == "⊘"
    assert "stub" in (cell.get_attribute("class") or "")
    weapp = page.locator("tr[data-api=getUserProfile] td.cell").last
    assert weapp.inner_text() == "✓ 2.10.4+ (gap)"
    colours = {page.locator(f".legend .{s}").evaluate("e => getComputedStyle(e).backgroundColor")
               for s in ("supported", "partial", "stub", "unsupported", "unknown")}
    assert len(colours) == 5


def test_api_page_timelines_and_sources(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.click("text=getUserProfile")
    assert page.title().startswith("getUserProfile")
    weapp = page.locator("h2#weapp ~ svg.timeline").nth(1)  # the base library axis
    statuses = weapp.locator("rect[class]").evaluate_all("rs => rs.map(r => r.getAttribute('class'))")
    assert statuses[:1] == ["none"] and "unsupported" in statuses and statuses.count("supported") == 2  # 2.10.4, then a gap, then 2.16.0+
    assert page.locator("text=微信用户").count() >= 1
    link = page.locator("#src-wx-doc a")
    assert link.get_attribute("href") == "https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/wx.getUserProfile.html"
    page.screenshot(path=str(REPO / "test-artifacts" / "getUserProfile-page.png"))


def test_compare_platforms_and_taro_versions(page: Page, site: Path) -> None:
    page.goto((site / "compare.html").as_uri())
    page.select_option("#pa", "weapp")
    page.select_option("#pb", "h5")
    row = page.locator("#compare-platforms tr", has_text="getUserProfile")
    assert row.locator("td").all_inner_texts() == ["✓ supported", "⊘ stub"]
    page.select_option("#tp", "weapp")
    page.select_option("#ta", label="3.1.1")
    page.select_option("#tb", label="3.1.4")
    row = page.locator("#compare-taro tr", has_text="getUserProfile")
    assert row.locator("td").all_inner_texts() == ["✗ unsupported", "✓ supported"]


def test_platform_page_usage_chart(page: Page, site: Path) -> None:
    page.goto((site / "platform" / "weapp.html").as_uri())
    assert page.locator("svg.usage rect").count() == 34
    assert "2025-11-30" in page.inner_text("main")


def test_hostile_matrix_text_renders_inert(browser: Browser, make_matrix, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = MINIMAL_API.replace(
        "summary: A sample API for tests.",
        "summary: '<script>window.__xss = 1</script>\"><img src=x onerror=\"window.__xss = 2\">'",
    )
    out = tmp_path / "site"
    build_site(load_matrix(make_matrix({"sample": hostile}), use_cache=False), out)
    page = browser.new_page()
    page.goto((out / "api" / "sample.html").as_uri())
    assert page.evaluate("window.__xss") is None
    assert "<script>window.__xss = 1</script>" in page.inner_text("main")
    assert page.locator("img").count() == 0
    page.close()


def test_chinese_labels(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "zh"
    build_site(load_matrix(MATRIX, use_cache=False), out, lang="zh")
    page = browser.new_page()
    page.goto((out / "api" / "getUserProfile.html").as_uri())
    assert page.locator("header a").first.inner_text() == "全部 API"
    assert "获取用户信息" in page.inner_text("main")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "getUserProfile-zh.png"))
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
