"""The REST API through the ASGI test client: reads, pagination, the token, limits, JSON errors."""

from __future__ import annotations

import warnings

import pytest

from test_store import meeting_docs

warnings.filterwarnings("ignore", message=".*httpx.*")


@pytest.fixture()
def store(tmp_path):
    from letopis.store import Database, Ingest

    path = tmp_path / "api.duckdb"
    with Database(path) as db:
        Ingest(db).add(list(meeting_docs()))
    return path


def client(path, **options):
    from fastapi.testclient import TestClient

    from letopis.service import create_app

    return TestClient(create_app(path, **options))


def test_reads_answer_the_stores_questions(store):
    api = client(store)
    assert api.get("/api/stats").json()["events"] == 1
    events = api.get("/api/events", params={"dyad": "AZE:GBR"}).json()
    assert events["count"] == 1 and events["items"][0]["source"] == "Закир Гасанов"
    event = api.get(f"/api/events/{events['items'][0]['event_id']}").json()
    assert [s["name"] for s in event["sources"]] == ["Закир Гасанов"] and len(event["evidence"]) == 2  # two reports
    assert api.get("/api/timeline", params={"a": "GBR", "b": "AZE"}).json()["periods"][0]["period"] == "2025-12"
    found = api.get("/api/actors", params={"q": "гасан"}).json()["items"]
    profile = api.get(f"/api/actors/{found[0]['actor_id']}").json()
    assert profile["actor"]["name"] == "Закир Гасанов" and profile["roles"][0]["position"] == "министр обороны"
    documents = api.get("/api/documents", params={"limit": 1}).json()
    assert documents["count"] == 1 and api.get("/api/documents", params={"limit": 1, "offset": 1}).json()["items"] != documents["items"]
    doc = api.get(f"/api/documents/{documents['items'][0]['doc_id']}").json()
    assert doc["text"] and doc["entities"] and doc["events"]
    assert "/api/events" in api.get("/openapi.json").json()["paths"]


def test_errors_are_json_with_a_message(store):
    api = client(store)
    for response, code in ((api.get("/api/events/999"), 404), (api.get("/api/events", params={"limit": 0}), 422),
                           (api.get("/api/timeline", params={"a": "GBR", "b": "AZE", "by": "fortnight"}), 422),
                           (api.get("/api/events", params={"actor": "Никто"}), 404), (api.get("/api/documents/nope"), 404)):
        assert response.status_code == code and set(response.json()) == {"error"} and "Traceback" not in response.text


def test_writes_need_the_token_and_bodies_have_a_limit(store):
    closed = client(store)
    assert closed.post("/api/documents", json={"text": "Текст"}).status_code == 403  # no token configured: no writes
    api = client(store, token="s3cret", max_body=10_000)
    assert api.post("/api/documents", json={"text": "Текст"}).status_code == 401
    assert api.post("/api/documents", json={"text": "Текст"}, headers={"X-API-Token": "wrong"}).status_code == 401
    big = api.post("/api/documents", json={"text": "я" * 20_000}, headers={"X-API-Token": "s3cret"})
    assert big.status_code == 413 and "limit" in big.json()["error"]
    bad = api.post("/api/documents", content=b"{not json", headers={"X-API-Token": "s3cret", "content-type": "application/json"})
    assert bad.status_code == 422 and "error" in bad.json()
    assert api.post("/api/documents", json={"text": ""}, headers={"X-API-Token": "s3cret"}).status_code == 422


def test_a_private_service_closes_reads(store):
    api = client(store, token="s3cret", private=True)
    assert api.get("/api/stats").status_code == 401
    assert api.get("/api/stats", headers={"X-API-Token": "s3cret"}).status_code == 200


def test_a_posted_text_is_extracted_and_stored(store, pipeline):
    api = client(store, token="s3cret")
    before = api.get("/api/stats").json()["documents"]  # an answer the service keeps …
    text = "Министр иностранных дел Армении Арарат Мирзоян посетил Тбилиси и встретился с премьер-министром Грузии Ираклием Кобахидзе."
    first = api.post("/api/documents", json={"text": text, "doc_date": "2025-10-14"}, headers={"X-API-Token": "s3cret"})
    assert first.status_code == 201 and first.json()["stored"] and first.json()["events"] >= 1
    again = api.post("/api/documents", json={"text": text, "doc_date": "2025-10-14"}, headers={"X-API-Token": "s3cret"})
    assert again.json()["already_stored"]
    assert api.get("/api/events", params={"dyad": "ARM:GEO"}).json()["count"] >= 1
    assert api.get("/api/stats").json()["documents"] == before + 1  # … until the store changes


def test_every_page_renders_with_links_that_work(store):
    import re

    api = client(store)
    seen, queue = set(), ["/"]
    while queue and len(seen) < 60:  # follow the dashboard's own links
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        page = api.get(url)
        assert page.status_code == 200, url
        if url.startswith("/static/"):
            continue
        assert "<html" in page.text and "Traceback" not in page.text
        queue += [link.replace("&amp;", "&") for link in re.findall(r'(?:href|src)="(/[^"#]*)"', page.text) if link not in seen]
    assert {"/events", "/documents"} <= seen and any(u.startswith("/actor/") for u in seen) and any(u.startswith("/event/") for u in seen)
    assert any(u.startswith("/dyad?") for u in seen) and any(u.startswith("/document/") for u in seen)
    assert "<svg" in api.get("/").text and "<rect" in api.get("/dyad?a=AZE&b=GBR").text  # the charts are drawn


def test_the_article_page_marks_names_events_and_quotes(store):
    api = client(store)
    page = api.get("/document/a").text
    assert 'class="entity PERSON" href="/actor/' in page and "Закир Гасанов" in page
    assert '<span class="event" data-event=' in page
    assert api.get("/actor/99999").status_code == 404 and "no actor 99999" in api.get("/actor/99999").text


def test_no_asset_comes_from_elsewhere(store):
    import re

    api = client(store)
    for url in ("/", "/events", "/dyad?a=GBR&b=AZE", "/document/a"):
        assert not re.search(r'(?:href|src)="(?:https?:)?//', api.get(url).text), url


def test_a_posted_file_is_read_as_extract_reads_it(store, pipeline):
    api = client(store, token="s3cret")
    article = " date 2025-11-02 \nПремьер-министр Армении Никол Пашинян посетил Москву.\n".encode("cp1251")
    sent = api.post("/api/documents/file", params={"name": "news.txt"}, content=article,
                    headers={"X-API-Token": "s3cret", "content-type": "application/octet-stream"})
    assert sent.status_code == 201 and sent.json()["documents"][0]["stored"]
    empty = api.post("/api/documents/file", params={"name": "empty.txt"}, content=b"", headers={"X-API-Token": "s3cret"})
    assert empty.status_code == 422 and "E003" in empty.json()["error"]
    assert api.post("/api/documents/file", params={"name": "x.txt"}, content=article).status_code == 401
