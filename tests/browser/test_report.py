"""The check HTML report in a real browser (Debian's Chromium via Playwright): at 14,000 findings the
filters, the search and the collapsible files work, the hostile strings stay text, the script runs
under the page's CSP without a console error, and nothing outside the page is requested."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.render.fmt_html import render_html
from synthetic_report import EIGHT, HOSTILE_FILE, build_report


from browser_support import ARTIFACTS, launch, require_browser

require_browser()
from playwright.sync_api import Browser, Page  # noqa: E402 - only where it is installed

REPORT = build_report(14_000)
FINDINGS = [(r.profile.root, f) for r in REPORT.results for f in r.findings]


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(REPORT), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch()


@pytest.fixture
def page(browser: Browser, report_file: Path, request: pytest.FixtureRequest) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda req: None if req.url == report_file.as_uri() else foreign.append(req.url))
    page.goto(report_file.as_uri())
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    assert errors == []
    assert foreign == []
    assert page.evaluate("window.__xss") is None
    page.close()


def shown(page: Page) -> int:
    return int(page.inner_text("#count").split(" / ")[0])


def test_every_finding_is_listed_and_counted(page: Page) -> None:
    assert page.inner_text("#count") == f"{len(FINDINGS)} / {len(FINDINGS)}"
    assert page.locator("#findings .f").count() == len(FINDINGS)
    files = {(root, f.file) for root, f in FINDINGS}
    assert page.locator("#findings details.file").count() == len(files)


def test_filters_by_severity_code_platform_and_file(page: Page) -> None:
    errors = sum(f.severity == "error" for _, f in FINDINGS)
    page.uncheck("input[name=severity][value=warning]")
    page.uncheck("input[name=severity][value=info]")
    assert shown(page) == errors
    assert page.locator("#findings .f.warning:not([hidden])").count() == 0
    page.select_option("#code", "TC104")
    assert shown(page) == sum(f.code == "TC104" for _, f in FINDINGS)
    page.select_option("#platform", "rn")
    assert shown(page) == sum(f.code == "TC104" and "rn" in f.platform_ids for _, f in FINDINGS)
    page.check("input[name=severity][value=warning]")
    page.check("input[name=severity][value=info]")
    page.select_option("#code", "")
    page.select_option("#platform", "")
    path = f"packages/app1/{HOSTILE_FILE}"
    page.select_option("#file", path)
    assert shown(page) == sum(f"{root}/{f.file}" == path for root, f in FINDINGS)
    assert page.locator("#findings details.file:not([hidden])").count() == 1


def test_text_search_matches_every_word(page: Page) -> None:
    page.fill("#search", "api007 TC101")
    expected = sum(f.api == "api007" and f.code == "TC101" for _, f in FINDINGS)
    assert 0 < expected == shown(page)
    page.fill("#search", "no such words at all")
    assert shown(page) == 0
    assert page.locator("#findings details.file:not([hidden])").count() == 0


def test_files_collapse_and_expand(page: Page) -> None:
    first = page.locator("#findings details.file").first
    assert first.get_attribute("open") is None  # 14,000 findings open collapsed
    page.click("#expand")
    assert page.locator("#findings details.file[open]").count() == page.locator("#findings details.file").count()
    assert first.locator(".f").first.is_visible()
    page.click("#collapse")
    assert page.locator("#findings details.file[open]").count() == 0


def test_hostile_strings_are_text_and_messages_wrap(page: Page) -> None:
    page.select_option("#file", f"packages/app0/{HOSTILE_FILE}")
    page.click("#expand")
    body = page.inner_text("#findings")
    assert HOSTILE_FILE in body and "<img src=x onerror=alert(1)>" in body and "</script><script>alert(2)</script>" in body
    assert page.locator("img").count() == 0 and page.locator("#findings script").count() == 0
    links = page.eval_on_selector_all("#findings a", "as => as.map(a => a.getAttribute('href'))")
    assert links and all(link.startswith("https://") for link in links)  # the javascript: source stays text
    message = page.locator("#findings .f .msg", has_text="onerror=alert(1)").first
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1000  # long messages wrap: no horizontal scroll
    assert message.bounding_box()["width"] < 1000  # type: ignore[index]


def test_platform_filter_offers_the_targets(page: Page) -> None:
    options = page.eval_on_selector_all("#platform option", "os => os.map(o => o.value)")
    assert options == ["", *EIGHT]
