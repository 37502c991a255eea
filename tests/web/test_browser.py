"""The pages as people see them, in headless Chromium (Debian's `chromium`, driven by
Playwright): the questions listed and one run to a result table, an entity page's facts and
quotes, the dashboard's map drawn, and no request leaving 127.0.0.1 on any of them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from kg.paths import QUERIES_DIR

pytestmark = [pytest.mark.server, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]

playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="Playwright is not installed (make install)")
if shutil.which("chromium") is None:
    pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does "
                "it as root)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, site: str) -> Iterator:
    """A fresh page that records every request it makes; at the end, all went to the site."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    requested: list[str] = []
    opened.on("request", lambda request: requested.append(request.url))
    failed: list[str] = []
    opened.on("requestfailed", lambda request: failed.append(request.url))
    yield opened
    context.close()
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, requested
    assert not failed, failed


def test_the_home_page_lists_the_questions_and_runs_one(page, site: str):
    page.goto(f"{site}/?lang=de")
    page.wait_for_load_state("networkidle")
    items = page.locator("#questions li")
    assert items.count() == len(list(QUERIES_DIR.glob("cq-*.rq")))
    assert "Welche Vereinbarungen hat jedes Land" in items.first.inner_text()
    assert page.locator(".yasgui .tabsList .tab").count() >= 10
    page.locator("#questions li").nth(0).locator("button.run").click()
    page.wait_for_selector(".yasr table.dataTable tbody tr", timeout=30_000)
    rows = page.locator(".yasr table.dataTable tbody tr")
    assert rows.count() >= 20
    assert "Regionalpartnerschaft" in page.locator(".yasr table.dataTable").inner_text()


def test_an_entity_page_shows_facts_and_quotes(page, site: str):
    page.goto(f"{site}/id/region/JP-14?lang=de")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Präfektur Kanagawa"
    assert page.locator("#facts tbody tr").count() >= 5
    page.locator("#agreements details.source summary").first.click()
    quote = page.locator("#agreements blockquote.quote").first
    assert quote.is_visible() and "Kanagawa" in quote.inner_text()


def test_the_dashboard_draws_the_map(page, site: str):
    page.goto(f"{site}/dashboard?lang=de")
    page.wait_for_selector("#map[data-drawn='true']", timeout=30_000)
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map path.country.partner").count() >= 5
    markers = page.locator("#map circle.partner-marker")
    assert markers.count() >= 10
    box = page.locator("#map").bounding_box()
    assert box is not None and box["width"] > 500
    assert page.locator("#timeline tr.pair").count() >= 10
