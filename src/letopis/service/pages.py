"""The dashboard: server-rendered pages over the store (Jinja2), every asset served by the
service itself — charts are SVG drawn here, the one stylesheet is local — so it works offline.
Filters live in the URL, so a view can be shared."""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store import queries
from ..store.queries import QueryError
from ..store.registry import iso_day

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
QUADS = [(1, "verbal cooperation"), (2, "material cooperation"), (3, "verbal conflict"), (4, "material conflict")]
QUAD_KEYS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
QUAD_COLOURS = ["#7fb3d5", "#1f618d", "#f5b041", "#c0392b"]
PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "CONCEDE", "RETREAT", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def router(view, reader) -> APIRouter:
    pages = APIRouter(dependencies=[Depends(reader)], include_in_schema=False)

    def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"q": request.query_params.get("q"), **context}, status_code=status)

    def answer(request: Request, build):
        try:
            return build()
        except QueryError as error:
            return render(request, "error.html", 404 if str(error).startswith("no ") else 400, message=str(error))

    @pages.get("/", response_class=HTMLResponse)
    def overview(request: Request, v=Depends(view)):
        return render(request, "overview.html", stats=queries.stats(v), trend=svg_timeline(queries.trend(v, "month").rows),
                      events=queries.events(v, queries.EventFilter(limit=15)).rows, dyads=queries.dyads(v, limit=10).rows)

    @pages.get("/events", response_class=HTMLResponse)
    def events(request: Request, v=Depends(view), actor: str | None = None, country: str | None = None, dyad: str | None = None,
               type: str | None = None, quad: str | None = None, since: str | None = None, until: str | None = None,
               search: str | None = None, offset: int = 0, limit: int = 50):
        limit, offset = max(1, min(limit, 200)), max(0, offset)
        f = queries.EventFilter(actor or None, (country or "").upper() or None, dyad or None, False, type or None, None,
                                int(quad) if quad and quad.isdigit() else None, None, iso_day(since), iso_day(until), search or None, limit, offset)
        rows, error = [], None
        try:
            rows = queries.events(v, f).rows
        except QueryError as problem:
            error = str(problem)
        here = {k: val for k, val in request.query_params.items() if k != "offset"}
        return render(request, "events.html", events=rows, f=f, types=PLOVER_TYPES, quads=QUADS, error=error, offset=offset, limit=limit,
                      prev="/events?" + urlencode({**here, "offset": max(0, offset - limit)}), next="/events?" + urlencode({**here, "offset": offset + limit}))

    @pages.get("/dyad", response_class=HTMLResponse)
    def dyad(request: Request, a: str, b: str, v=Depends(view), by: str = "month"):
        def build():
            line = queries.timeline(v, a, b, by)
            rows = queries.events(v, queries.EventFilter(dyad=f"{a}:{b}", both_ways=True, limit=100)).rows
            return render(request, "dyad.html", a=a, b=b, by=by, chart=svg_timeline(line.rows), events=rows)
        return answer(request, build)

    @pages.get("/actor/{actor_id}", response_class=HTMLResponse)
    def actor(request: Request, actor_id: int, v=Depends(view)):
        def build():
            profile = queries.profile_of(v, actor_id, 20)
            return render(request, "actor.html", p={k: (val if isinstance(val, dict) else val.rows) for k, val in profile.items()})
        return answer(request, build)

    @pages.get("/event/{event_id}", response_class=HTMLResponse)
    def event(request: Request, event_id: int, v=Depends(view)):
        return answer(request, lambda: render(request, "event.html", e=queries.event_detail(v, event_id)))

    @pages.get("/documents", response_class=HTMLResponse)
    def documents(request: Request, v=Depends(view), offset: int = 0, limit: int = 50):
        limit, offset = max(1, min(limit, 200)), max(0, offset)
        return render(request, "documents.html", docs=queries.documents(v, limit, offset).rows, offset=offset, limit=limit)

    @pages.get("/document/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str, v=Depends(view)):
        def build():
            doc = queries.document(v, doc_id)
            return render(request, "document.html", d=doc, marked=mark_up(doc))
        return answer(request, build)

    @pages.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = "", v=Depends(view)):
        q = q.strip()
        actors = queries.search_actors(v, q, 30).rows if q else []
        found = queries.events(v, queries.EventFilter(search=q, limit=50)).rows if q else []
        return render(request, "search.html", actors=actors, events=found)

    return pages


def svg_timeline(rows: list[dict], width: int = 960, height: int = 260) -> str:
    """Stacked bars of events per quad class per period, and the Goldstein mean as a line (right axis)."""
    if not rows:
        return '<p class="empty">No dated events.</p>'
    left, right, top, bottom = 44, 48, 12, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    most = max(4, -(-max(r["events"] for r in rows) // 4) * 4)  # a multiple of 4: whole numbers on the grid
    step = plot_w / len(rows)
    bar = max(2.0, step * 0.7)
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="events per period by quad class, with the Goldstein mean">']
    for k in range(5):  # horizontal grid with counts
        y = top + plot_h * k / 4
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6ec"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#5d6677">{round(most * (4 - k) / 4)}</text>')
    labels_every = max(1, len(rows) // 12)
    points = []
    for i, row in enumerate(rows):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        for key, colour in zip(QUAD_KEYS, QUAD_COLOURS):
            h = plot_h * row[key] / most
            if h > 0:
                y -= h
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}"><title>{escape(str(row["period"]))}: {row[key]} {key.replace("_", " ")}</title></rect>')
        if row["goldstein_mean"] is not None:
            points.append((x + bar / 2, top + plot_h * (10 - float(row["goldstein_mean"])) / 20))
        if i % labels_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" font-size="11" text-anchor="middle" fill="#5d6677">{escape(str(row["period"]))}</text>')
    zero = top + plot_h / 2
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{zero}" y2="{zero}" stroke="#9aa3b2" stroke-dasharray="3 3"/>')
    if points:
        parts.append('<polyline fill="none" stroke="#1d2330" stroke-width="1.8" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1d2330"/>' for x, y in points]
    for value in (10, 0, -10):
        y = top + plot_h * (10 - value) / 20
        parts.append(f'<text x="{left + plot_w + 6}" y="{y + 4:.1f}" font-size="11" fill="#5d6677">{value:+d}</text>')
    parts.append(f'<text x="{left}" y="{height - 6}" font-size="11" fill="#5d6677">events per period (bars) · Goldstein mean −10…+10 (line, right)</text>')
    parts.append("</svg>")
    return "".join(parts)


def mark_up(doc: dict) -> str:
    """The article's text as HTML: sentences stating events highlighted, quotes marked, names linked
    to their actors (offsets from the store index the stored text)."""
    text = doc["text"]
    sentences = [(e["start_char"], e["end_char"], e["event_id"]) for e in doc["events"]]
    quotes = [(q["start_char"], q["end_char"]) for q in doc["quotes"] if q["start_char"] is not None and q["end_char"]]
    names = [(m["start"], m["end"], e["actor_id"], e["type"], e["name"]) for e in doc["entities"] for m in (e["mentions"] or []) if m and m.get("start") is not None]
    cuts = sorted({0, len(text), *[p for s, e, *_ in sentences + names for p in (s, e)], *[p for s, e in quotes for p in (s, e)]})
    html = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end])
        name = next((n for n in names if n[0] <= start and end <= n[1]), None)
        if name:
            piece = f'<a class="entity {name[3]}" href="/actor/{name[2]}" title="{escape(name[4])}">{piece}</a>'
        classes = []
        event = next((s for s in sentences if s[0] <= start and end <= s[1]), None)
        if event:
            classes.append("event")
        if any(s <= start and end <= e for s, e in quotes):
            classes.append("quote")
        if classes:
            piece = f'<span class="{" ".join(classes)}"' + (f' data-event="{event[2]}"' if event else "") + f">{piece}</span>"
        html.append(piece)
    return "".join(html)
