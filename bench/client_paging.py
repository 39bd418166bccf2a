"""Reading a large connector: AfasClient.iter_rows against bare httpx on the same pages.

The baseline makes the same requests with a plain httpx.AsyncClient and json.loads, so the ratio
is what the client's validation, retries and concurrency cap cost on top of HTTP itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time

import httpx

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import SALES_ENTRIES, build_config
from payt_onboarding.simulator.server import SimulatorServer

ORDER = ["invoice_number"]


async def with_client(url: str, page_size: int) -> int:
    environment = Environment.parse(DEMO_UID, base_url=url)
    async with AfasClient(environment, AfasToken.from_data(DEMO_TOKEN_DATA)) as client:
        return sum([1 async for _ in client.iter_rows(
            SALES_ENTRIES, order_by=ORDER, page_size=page_size)])


async def baseline(url: str, page_size: int) -> int:
    header = AfasToken.from_data(DEMO_TOKEN_DATA).authorization_header()
    count, skip = 0, 0
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": header}) as http:
        while True:
            response = await http.get(f"/connectors/{SALES_ENTRIES}", params={
                "skip": skip, "take": page_size, "orderbyfieldids": ",".join(ORDER)})
            rows = json.loads(response.content)["rows"]
            count += len(rows)
            if len(rows) < page_size:
                return count
            skip += page_size


def timed(fn: object, url: str, page_size: int, repeats: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        count = asyncio.run(fn(url, page_size))  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times), count


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    config = build_config("healthy", entries=args.entries)
    print(f"dataset of {args.entries} entries built in {time.perf_counter() - started:.1f} s")
    with SimulatorServer(config) as server:
        asyncio.run(baseline(server.url, args.page_size))  # warm the simulator's sort cache
        base, n_base = timed(baseline, server.url, args.page_size, args.repeats)
        ours, n_ours = timed(with_client, server.url, args.page_size, args.repeats)
    assert n_base == n_ours == args.entries, (n_base, n_ours)
    print(f"read {n_ours} rows in pages of {args.page_size}: bare httpx {base:.2f} s, "
          f"AfasClient {ours:.2f} s, ratio {ours / base:.2f}")


if __name__ == "__main__":
    main()
