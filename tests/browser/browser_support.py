"""Debian's Chromium through Playwright, as both browser test modules drive it (no browser download)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from conftest import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# as root in a closed network: no sandbox, no background connections that the machine refuses
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"

try:
    from playwright.sync_api import Browser, sync_playwright
except ImportError:  # pragma: no cover - the README's test command installs it
    sync_playwright = None


def require_browser() -> None:
    """Skip the calling module where no browser is installed; CI must have one."""
    if sync_playwright is None or not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            raise RuntimeError("CI must run the browser tests: install chromium and playwright (see the README's test command)")
        pytest.skip("Chromium or Playwright is not installed", allow_module_level=True)


def launch() -> Iterator[Browser]:
    """One headless Chromium for a module's tests (the body of its browser fixture)."""
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield instance
        instance.close()
