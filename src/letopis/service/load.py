"""A bounded load on a running service: N concurrent clients, each asking without pause, put the
events and timeline questions of the store's PAIRS most active country pairs (drawn at random)
for a while; latency percentiles and errors per endpoint. For measuring, not for stress tests."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field

PAIRS = 200  # the questions are about the store's most active country pairs, in both endpoints


@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    errors: int = 0

    def line(self, name: str) -> str:
        if not self.times:
            return f"{name:32} no answers, {self.errors} errors"
        ordered = sorted(self.times)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        return (f"{name:32} {len(ordered):6} requests | p50 {statistics.median(ordered) * 1000:7.1f} ms | p95 {p95 * 1000:7.1f} ms | "
                f"max {ordered[-1] * 1000:7.1f} ms | {self.errors} errors")


def run(base: str, clients: int = 50, seconds: float = 30.0, seed: int = 1) -> dict[str, Tally]:
    return asyncio.run(_run(base.rstrip("/"), clients, seconds, seed))


async def _run(base: str, clients: int, seconds: float, seed: int) -> dict[str, Tally]:
    import httpx

    tallies = {"GET /api/events?dyad=": Tally(), "GET /api/timeline": Tally()}
    rng = random.Random(seed)
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        dyads = [(d["source"], d["target"]) for d in (await http.get("/api/dyads", params={"limit": PAIRS})).json()["items"]]

        async def client(number: int) -> None:
            while time.perf_counter() < deadline:
                a, b = rng.choice(dyads)
                if rng.random() < 0.5:
                    name, url, params = "GET /api/events?dyad=", "/api/events", {"dyad": f"{a}:{b}", "limit": 50}
                else:
                    name, url, params = "GET /api/timeline", "/api/timeline", {"a": a, "b": b, "by": "month"}
                start = time.perf_counter()
                try:
                    response = await http.get(url, params=params)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    tallies[name].times.append(time.perf_counter() - start)
                else:
                    tallies[name].errors += 1

        await asyncio.gather(*(client(n) for n in range(clients)))
    return tallies
