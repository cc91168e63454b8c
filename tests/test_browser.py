"""The dashboard in a real browser (Debian's chromium driven by Playwright): every page loads,
charts render, links lead somewhere; a screenshot of each page goes to build/screenshots/."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest

from conftest import ROOT
from test_store import meeting_docs

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
SHOTS = ROOT / "build" / "screenshots"


def serving(path):
    """The service over the store at `path` on a free loopback port, for the module's tests."""
    import uvicorn

    from letopis.service import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from letopis.store import Database, Ingest

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Database(path) as db:
        Ingest(db).add(list(meeting_docs()))
    yield from serving(path)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


PAGES = {"overview": "/", "events": "/events?dyad=AZE:GBR", "dyad": "/dyad?a=AZE&b=GBR", "documents": "/documents",
         "article": "/document/a", "search": "/search?q=Гасанов"}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_and_renders(site, browser, name):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    response = page.goto(site + PAGES[name])
    assert response.status == 200 and page.title().endswith("letopis")
    assert page.locator("link[rel=stylesheet]").evaluate("l => l.sheet !== null")  # the local stylesheet loaded
    if name in ("overview", "dyad"):
        assert page.locator("svg rect").count() > 0 and page.locator("svg rect").first.bounding_box()["height"] > 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert not failed
    page.close()


def test_links_lead_to_actor_event_and_article_pages(site, browser):
    page = browser.new_page()
    page.goto(site + "/")
    page.locator("table.events a[href^='/actor/']").first.click()
    assert page.locator("h1").inner_text() in ("Закир Гасанов", "Гарет Уорд")
    page.screenshot(path=str(SHOTS / "actor.png"), full_page=True)
    page.goto(site + "/")
    page.locator("table.events a[href^='/event/']").first.click()
    assert page.locator("h1").inner_text().endswith("CONSULT")
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    page.locator(".evidence a").first.click()
    assert page.locator("#article a.entity").count() > 0
    page.close()


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory, pipeline):
    """The seed article and the bundled examples, stored as `letopis ingest` stores them."""
    from conftest import shared_path
    from letopis.readers import read
    from letopis.store import Database, Ingest

    seed = shared_path("seed", "000_f23d8bf6105c5564.txt")
    docs = [d for d in read([str(seed), str(ROOT / "examples")]) if hasattr(d, "text")]
    path = tmp_path_factory.mktemp("chronicle") / "chronicle.duckdb"
    with Database(path) as db:
        Ingest(db).add([d.to_record() for d in pipeline.process_batch(docs)])
    yield from serving(path)


def test_the_seed_story_in_the_dashboard(chronicle, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(chronicle + "/dyad?a=GBR&b=AZE")
    periods = page.locator("#timeline svg text").all_text_contents()
    assert {"2025-03", "2025-08", "2025-10", "2025-12"} <= set(periods)
    assert page.locator("table.events tr").count() >= 8
    page.screenshot(path=str(SHOTS / "seed-dyad-GBR-AZE.png"), full_page=True)
    page.locator("table.events a", has_text="Вернон Коакер").first.click()
    assert page.locator("h1").inner_text() == "Вернон Коакер"
    assert "государственный министр обороны" in page.content()
    counterparts = page.locator("section", has_text="Counterparts").inner_text()
    assert all(name in counterparts for name in ("Ильхам Алиев", "Закир Гасанов", "Вюгар Мустафаев"))
    page.screenshot(path=str(SHOTS / "seed-actor-Coaker.png"), full_page=True)
    page.goto(chronicle + "/search?q=Коакер")
    page.locator("table.events a[href^='/event/']").first.click()
    page.locator(".evidence a").first.click()
    assert page.locator("#article span.event").count() >= 5 and page.locator("#article a.entity.PERSON").count() >= 4
    page.screenshot(path=str(SHOTS / "seed-article.png"), full_page=True)
    page.close()
