"""`check --all-rows` on a large client against raw httpx + json.loads paging the same data.

The simulator runs in its own process (as `payt-onboarding simulator` would), so neither side
shares a GIL or memory with it; each side runs in a fresh process too, so its peak RSS is its
own. The baseline pages every connector of the check with the same page size, sort and number
of connections, counting the rows and dropping them; the check folds every row into its report.
Throughput is rows per second over all connectors; the ratio is check / baseline.

The baseline is raw httpx + json.loads, as issue 15 defines it. For the reader, a second,
informational baseline parses with orjson.loads instead (what the check itself parses with):
the ratio against it says how close the check comes to the fastest paging Python can do.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

SIZES = (20_000, 50_000, 200_000)


@dataclass(frozen=True)
class Side:
    seconds: float
    rows: int
    peak_rss_mib: float
    cpu_seconds: float = 0.0  # user + system of the side's process over the scan
    verdict: str = ""
    findings: tuple[str, ...] = ()

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds


@contextmanager
def simulator(entries: int, latency_ms: int = 0) -> Iterator[str]:
    """A simulator process serving the healthy scenario with `entries` sales entries."""
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "payt_onboarding", "simulator", "--port", "0",
         "--entries", str(entries), "--latency-ms", str(latency_ms)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if match := re.search(r"URL\s+(\S+)", line):
                url = match.group(1)
                break
        else:
            raise RuntimeError("the simulator did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _child(mode: str, url: str) -> Side:
    output = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.full_scan", "--child", mode, url],
        check=True, capture_output=True, text=True).stdout
    return Side(**json.loads(output.splitlines()[-1]))


# -- the two sides, each run in a child process ------------------------------------------------

async def _check(url: str) -> dict[str, Any]:
    # The path `check --all-rows` takes (app/check.py): the client it opens, the collector
    # settings it runs under.
    from payt_onboarding.afas.environment import Environment
    from payt_onboarding.afas.token import AfasToken
    from payt_onboarding.app.check import run_check_session
    from payt_onboarding.checks.engine import CheckOptions
    from payt_onboarding.requirements.load import load_requirements
    from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID

    environment = Environment.parse(DEMO_UID, base_url=url)
    session = await run_check_session(environment, AfasToken.from_data(DEMO_TOKEN_DATA),
                                      load_requirements(),
                                      CheckOptions(sample_size=None, time_limit=3600))
    report = session.report()
    return {"rows": sum(c.rows_sampled for c in report.connectors), "verdict": report.verdict,
            "findings": sorted(f"{f.code} ({f.role})" for f in report.findings)}


async def _raw(url: str, parse: str = "json") -> dict[str, Any]:
    import httpx
    import orjson

    from payt_onboarding.afas.client import DEFAULT_MAX_IN_FLIGHT
    from payt_onboarding.afas.token import AfasToken
    from payt_onboarding.checks.connector import PAGE_SIZE
    from payt_onboarding.requirements.load import load_requirements
    from payt_onboarding.simulator.config import DEMO_TOKEN_DATA

    loads = orjson.loads if parse == "orjson" else json.loads
    header = AfasToken.from_data(DEMO_TOKEN_DATA).authorization_header()
    limits = httpx.Limits(max_connections=DEFAULT_MAX_IN_FLIGHT)
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": header},
                                 limits=limits, timeout=120) as http:
        async def read(connector: str, order: Sequence[str]) -> int:
            count = 0
            while True:
                response = await http.get(f"/connectors/{connector}", params={
                    "skip": count, "take": PAGE_SIZE, "orderbyfieldids": ",".join(order)})
                rows = loads(response.content)["rows"]
                count += len(rows)
                if len(rows) < PAGE_SIZE:
                    return count

        # The healthy scenario names every field as Payt does: the check sorts the same way.
        counts = await asyncio.gather(*(read(c.connector, c.sort)
                                        for c in load_requirements().connectors))
    return {"rows": sum(counts)}


# What each side imports, loaded before its clock starts: the figure is the scan's, not the
# interpreter's start (which, without compiled .pyc files, is most of a 20,000-entry run).
_IMPORTS = {
    "check": ("payt_onboarding.app.check", "payt_onboarding.requirements.load",
              "payt_onboarding.simulator.config"),
    "raw": ("httpx", "payt_onboarding.afas.client", "payt_onboarding.checks.connector",
            "payt_onboarding.requirements.load", "payt_onboarding.simulator.config"),
}
_IMPORTS["raw_orjson"] = (*_IMPORTS["raw"], "orjson")


def _run_child(mode: str, url: str) -> None:
    import importlib

    for name in _IMPORTS[mode]:
        importlib.import_module(name)
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    result = asyncio.run(_check(url) if mode == "check"
                         else _raw(url, "orjson" if mode == "raw_orjson" else "json"))
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peak = after.ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak, "cpu_seconds": cpu, **result}))


# -- the benchmark ---------------------------------------------------------------------------

def _median(sides: Sequence[Side]) -> Side:
    """The run with the median time (a shared machine: one slow run says little)."""
    return sorted(sides, key=lambda side: side.seconds)[len(sides) // 2]


def measure(sizes: Sequence[int], repeats: int = 1) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for entries in sizes:
        raws, checks, fasts = [], [], []
        with simulator(entries) as url:
            _child("raw", url)  # warms the simulator's sorted tables for both sides
            for _ in range(repeats):  # in turns, so a load on the machine falls on all
                raws.append(_child("raw", url))
                checks.append(_child("check", url))
                fasts.append(_child("raw_orjson", url))
        raw, check, fast = _median(raws), _median(checks), _median(fasts)
        assert check.rows == raw.rows == fast.rows, (check.rows, raw.rows, fast.rows)
        fast_ratio = check.rows_per_second / fast.rows_per_second
        fast_cpu_ratio = (fast.cpu_seconds / fast.rows) / (check.cpu_seconds / check.rows)
        ratio = check.rows_per_second / raw.rows_per_second
        cpu_ratio = (raw.cpu_seconds / raw.rows) / (check.cpu_seconds / check.rows)
        results[str(entries)] = {
            "rows": check.rows, "verdict": check.verdict, "findings": list(check.findings),
            "check_seconds": round(check.seconds, 2), "raw_seconds": round(raw.seconds, 2),
            "check_rows_per_second": round(check.rows_per_second),
            "raw_rows_per_second": round(raw.rows_per_second),
            "throughput_ratio": round(ratio, 3),
            "throughput_ratios": sorted(round((c.rows / c.seconds) / (r.rows / r.seconds), 3)
                                        for r, c in zip(raws, checks, strict=True)),
            "check_cpu_seconds": round(check.cpu_seconds, 2),
            "raw_cpu_seconds": round(raw.cpu_seconds, 2),
            "cpu_ratio": round(cpu_ratio, 3),
            "check_peak_rss_mib": round(check.peak_rss_mib, 1),
            "raw_peak_rss_mib": round(raw.peak_rss_mib, 1),
            # Informational: against raw httpx + orjson.loads.
            "raw_orjson_seconds": round(fast.seconds, 2),
            "raw_orjson_rows_per_second": round(fast.rows_per_second),
            "raw_orjson_cpu_seconds": round(fast.cpu_seconds, 2),
            "throughput_ratio_vs_orjson": round(fast_ratio, 3),
            "cpu_ratio_vs_orjson": round(fast_cpu_ratio, 3)}
        print(f"  {entries:>7} entries, {check.rows:>7} rows: check {check.seconds:6.1f} s "
              f"({check.rows_per_second:>7,.0f} rows/s), raw httpx {raw.seconds:6.1f} s "
              f"({raw.rows_per_second:>7,.0f} rows/s), ratio {ratio:.2f} (CPU per row "
              f"{cpu_ratio:.2f}); peak RSS check "
              f"{check.peak_rss_mib:.0f} MiB, raw {raw.peak_rss_mib:.0f} MiB; verdict "
              f"{check.verdict}", flush=True)
        print(f"  {'':>7}  informational, raw httpx + orjson.loads {fast.seconds:6.1f} s "
              f"({fast.rows_per_second:>7,.0f} rows/s): ratio {fast_ratio:.2f} (CPU per row "
              f"{fast_cpu_ratio:.2f})", flush=True)
    smallest, largest = str(min(sizes)), str(max(sizes))
    if smallest != largest:
        growth = (results[largest]["check_peak_rss_mib"]
                  / results[smallest]["check_peak_rss_mib"])
        raw_growth = (results[largest]["raw_peak_rss_mib"]
                      / results[smallest]["raw_peak_rss_mib"])
        results["rss_growth"] = round(growth, 2)
        results["raw_rss_growth"] = round(raw_growth, 2)
        print(f"  peak RSS at {largest} entries / at {smallest}: check {growth:.2f}, raw httpx "
              f"{raw_growth:.2f}; check's growth over raw's {growth / raw_growth:.2f}")
    return results


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.full_scan")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs of each side per size, in turns; the median run is shown")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _run_child(*args.child)
        return {}
    print("check --all-rows against raw httpx + json.loads paging (simulator in its own "
          f"process, {os.cpu_count()} CPUs; informational: against raw httpx + orjson.loads):")
    return measure(args.sizes, args.repeats)


if __name__ == "__main__":
    main()
