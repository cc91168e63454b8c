"""The REST API: the store's questions as JSON, paginated and described in the OpenAPI schema.

Reads are open (on localhost by default) unless `private`; writes need the operator's token in
the `X-API-Token` header, and are refused when no token is configured. Request bodies above
`max_body` bytes are refused. Every error is JSON `{"error": "..."}` with a 4xx code (a 5xx only
for a fault of the service), never a stack trace.
"""

from __future__ import annotations

import hmac
import threading
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from .. import __version__
from ..store import Database, Ingest
from ..store import queries
from ..store.queries import QueryError

MAX_BODY = 2_000_000  # bytes of a request body
MAX_TEXT = 1_000_000  # characters of a posted document


Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]


class View:
    """One request's access to the store: its own cursor on the shared connection."""

    def __init__(self, db: Database):
        self.con = db.con.cursor()
        self.path = db.path
        self._db = db

    def scalar(self, sql: str, params: list | None = None):
        return self.con.execute(sql, params or []).fetchone()[0]

    def version(self) -> int:
        return self._db.version()


class AnswerCache:
    """The last CAPACITY answers (JSON bodies), least recently used out first."""

    CAPACITY = 4096

    def __init__(self):
        from collections import OrderedDict

        self.answers: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple[bytes, str] | None:
        with self.lock:
            body = self.answers.get(key)
            if body is not None:
                self.answers.move_to_end(key)
            return body

    def put(self, key: str, body: tuple[bytes, str]) -> None:
        with self.lock:
            self.answers[key] = body
            while len(self.answers) > self.CAPACITY:
                self.answers.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.answers.clear()


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="The article text.")
    doc_date: date | None = Field(None, description="The article's date, YYYY-MM-DD: relative dates in the text are resolved against it.")
    source: str | None = Field(None, max_length=2000, description="Where it comes from (a URL, an agency).")
    title: str | None = Field(None, max_length=2000)
    doc_id: str | None = Field(None, max_length=200, description="Your id; by default a hash of the text.")


def create_app(db_path: Path | str, token: str | None = None, private: bool = False, max_body: int = MAX_BODY) -> FastAPI:
    db = Database(db_path)  # created and migrated when missing
    lock = threading.Lock()  # one writer at a time
    state: dict = {}
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        db.close()

    app = FastAPI(title="letopis", version=__version__, lifespan=lifespan,
                  description="The chronicle of politics from Russian news: events, actors, dyad timelines, quotes, with the evidence sentences.")

    def view() -> View:
        return View(db)

    def authorised(given: str | None) -> bool:
        return bool(token) and given is not None and hmac.compare_digest(given.encode(), token.encode())

    def reader(x_api_token: Annotated[str | None, Header(description="Needed for reads only when the service is private.")] = None) -> None:
        if private and not authorised(x_api_token):
            raise HTTPException(401, "this service is private: send the API token in the X-API-Token header")

    def writer(x_api_token: Annotated[str | None, Header(description="The operator's API token.")] = None) -> None:
        if not token:
            raise HTTPException(403, "writing is disabled: the operator has configured no API token")
        if not authorised(x_api_token):
            raise HTTPException(401, "a write needs the API token in the X-API-Token header")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            return JSONResponse({"error": f"request body over the limit of {max_body:,} bytes"}, status_code=413)
        return await call_next(request)

    cache = AnswerCache()

    @app.middleware("http")
    async def remember_answers(request: Request, call_next):
        """Answers of reads (API and pages) are kept until the store changes (a write through this
        service, the only writer while it holds the file): shared questions come back at once."""
        if request.method != "GET" or request.url.path.startswith(("/static/", "/docs", "/openapi")) or private:
            response = await call_next(request)
            if request.method == "POST" and response.status_code < 300:
                cache.clear()
            return response
        key = request.url.path + "?" + "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))
        kept = cache.get(key)
        if kept is not None:
            return Response(kept[0], media_type=kept[1])
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        media = response.headers.get("content-type", "application/json")
        cache.put(key, (body, media))
        return Response(body, status_code=200, media_type=media)

    @app.exception_handler(QueryError)
    async def not_found(request: Request, error: QueryError):
        return JSONResponse({"error": str(error)}, status_code=404 if str(error).startswith("no ") else 400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        return JSONResponse({"error": str(error.detail)}, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid request')}".strip(": ")}, status_code=422)

    @app.exception_handler(Exception)
    async def fault(request: Request, error: Exception):
        return JSONResponse({"error": f"the service failed ({type(error).__name__}); the store is unchanged"}, status_code=500)

    read = [Depends(reader)]

    def page(rows: queries.Rows, limit: int, offset: int) -> dict:
        return {"limit": limit, "offset": offset, "count": len(rows.rows), "items": rows.rows}

    @app.get("/api/stats", dependencies=read, summary="What the store holds")
    def stats(v: View = Depends(view)) -> dict:
        return queries.stats(v)

    @app.get("/api/events", dependencies=read, summary="Events, the latest first, with their evidence")
    def events(v: View = Depends(view), actor: str | None = None, country: str | None = None,
               dyad: Annotated[str | None, Query(description="SOURCE:TARGET, ISO codes or actor names")] = None, both_ways: bool = False,
               type: Annotated[str | None, Query(description="PLOVER type")] = None, root: str | None = None,
               quad: Annotated[int | None, Query(ge=1, le=4)] = None, status: str | None = None, since: date | None = None,
               until: date | None = None, search: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        f = queries.EventFilter(actor, country, dyad, both_ways, type, root, quad, status, since, until, search, limit, offset)
        return page(queries.events(v, f), limit, offset)

    @app.get("/api/events/{event_id}", dependencies=read, summary="One event: coded fields, actors, evidence from every report")
    def event(event_id: int, v: View = Depends(view)) -> dict:
        return queries.event_detail(v, event_id)

    @app.get("/api/actors", dependencies=read, summary="Actors whose name or alias contains the text")
    def actors(q: Annotated[str, Query(min_length=1)], v: View = Depends(view), limit: Limit = 20, offset: Offset = 0) -> dict:
        return page(queries.search_actors(v, q, limit, offset), limit, offset)

    @app.get("/api/actors/{actor_id}", dependencies=read, summary="An actor: names, posts over time, counterparts, events, quotes")
    def actor(actor_id: int, v: View = Depends(view), limit: Limit = 10) -> dict:
        profile = queries.profile_of(v, actor_id, limit)
        return {k: (value if isinstance(value, dict) else value.rows) for k, value in profile.items()}

    @app.get("/api/timeline", dependencies=read, summary="Events between two sides per period, by quad class, with Goldstein mean and sum")
    def timeline(a: str, b: str, v: View = Depends(view), by: Annotated[str, Query(pattern="^(day|week|month|quarter|year)$")] = "month",
                 since: date | None = None, until: date | None = None) -> dict:
        return {"a": a, "b": b, "by": by, "periods": queries.timeline(v, a, b, by, since, until).rows}

    @app.get("/api/dyads", dependencies=read, summary="The most active pairs")
    def dyads(v: View = Depends(view), by: Annotated[str, Query(pattern="^(country|actor)$")] = "country",
              since: date | None = None, until: date | None = None, limit: Limit = 20) -> dict:
        return {"by": by, "items": queries.dyads(v, by, since, until, limit).rows}

    @app.get("/api/quotes", dependencies=read, summary="Quotes, the latest first")
    def quotes(v: View = Depends(view), actor: str | None = None, limit: Limit = 20, offset: Offset = 0) -> dict:
        return page(queries.quotes(v, actor, limit, offset), limit, offset)

    @app.get("/api/documents", dependencies=read, summary="Documents, the latest first")
    def documents(v: View = Depends(view), limit: Limit = 20, offset: Offset = 0) -> dict:
        return page(queries.documents(v, limit, offset), limit, offset)

    @app.get("/api/documents/{doc_id}", dependencies=read, summary="A document with its entities, roles, events and quotes")
    def document(doc_id: str, v: View = Depends(view)) -> dict:
        return queries.document(v, doc_id)

    def store(docs) -> list[dict]:
        from ..pipeline import Pipeline

        with lock:
            if "pipeline" not in state:
                state["pipeline"] = Pipeline.load()
            if "ingest" not in state or state["ingest"].failed:  # the registry is read once, not per posted document
                state["ingest"] = Ingest(db)
            done = state["pipeline"].process_batch(list(docs))
            answers = []
            for doc in done:
                added = state["ingest"].add([doc.to_record()])
                if added.conflicts:
                    raise HTTPException(409, f"document id {doc.doc_id!r} is already stored with another text")
                answers.append({"doc_id": doc.doc_id, "stored": bool(added.documents), "already_stored": bool(added.skipped),
                                "near_duplicate": bool(added.duplicates), "events": added.events})
        cache.clear()
        return answers

    @app.post("/api/documents", dependencies=[Depends(writer)], status_code=201, summary="Extract a text and store it (needs the API token)")
    def add_document(new: NewDocument) -> dict:
        from ..document import Document

        doc = Document(text=new.text, doc_id=new.doc_id, doc_date=new.doc_date.isoformat() if new.doc_date else None, source=new.source, title=new.title)
        return store([doc])[0]

    @app.post("/api/documents/file", dependencies=[Depends(writer)], status_code=201,
              summary="Extract and store a file sent as the request body (dated text, .txt, .html, .jsonl, .csv; UTF-8, cp1251, koi8-r)")
    async def add_file(request: Request, name: Annotated[str, Query(min_length=1, max_length=300, description="The file's name; its extension says its format.")]) -> dict:
        from ..readers import read_bytes

        data = await request.body()
        items = list(read_bytes(data, name, Path(name).suffix.lower(), MAX_TEXT))
        problems = [str(item) for item in items if not hasattr(item, "text")]
        if problems and len(problems) == len(items):
            raise HTTPException(422, problems[0])
        docs = [item for item in items if hasattr(item, "text")]
        from starlette.concurrency import run_in_threadpool

        return {"documents": await run_in_threadpool(store, docs), "problems": problems}

    from fastapi.staticfiles import StaticFiles

    from .pages import HERE, router

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router(view, reader))
    return app
