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
    """aiohttp as the client: light enough that the load, not the load generator, is measured on
    a machine the service shares (httpx's asyncio client saturated a core at ~100 requests/s)."""
    import aiohttp

    tallies = {"GET /api/events?dyad=": Tally(), "GET /api/timeline": Tally()}
    rng = random.Random(seed)
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(base, connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as http:
        async with http.get("/api/dyads", params={"limit": PAIRS}) as response:
            dyads = [(d["source"], d["target"]) for d in (await response.json())["items"]]
        deadline = time.perf_counter() + seconds

        async def client(number: int) -> None:
            while time.perf_counter() < deadline:
                a, b = rng.choice(dyads)
                if rng.random() < 0.5:
                    name, url, params = "GET /api/events?dyad=", "/api/events", {"dyad": f"{a}:{b}", "limit": "50"}
                else:
                    name, url, params = "GET /api/timeline", "/api/timeline", {"a": a, "b": b, "by": "month"}
                start = time.perf_counter()
                try:
                    async with http.get(url, params=params) as response:
                        await response.read()
                        ok = response.status == 200
                except (aiohttp.ClientError, TimeoutError):
                    ok = False
                if ok:
                    tallies[name].times.append(time.perf_counter() - start)
                else:
                    tallies[name].errors += 1

        await asyncio.gather(*(client(n) for n in range(clients)))
    return tallies
