"""A full check against a slow AFAS: the client's concurrency cap against one request at a time.

The simulator waits `--latency` seconds (default 0.2, or $BENCH_LATENCY) before every answer.
The same check (default requirements, healthy scenario, default sample size) runs twice, each
against a fresh simulator: with the client's default in-flight cap, and with the client capped
at one request in flight, which makes the same requests one after another. The simulator's
request log gives the number of requests and their durations (from reading the request to
sending the answer, so the latency is in it). Both runs must reach the same verdict and the same
finding codes and make the same requests; the times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from payt_onboarding.afas.client import DEFAULT_MAX_IN_FLIGHT, AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.checks.engine import CheckOptions, run_session
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.requirements.model import Requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer

SCENARIO = "healthy"
CHAIN_ROUND_TRIPS = 4
DEFAULT_LATENCY = 0.2


@dataclass(frozen=True)
class Run:
    seconds: float
    report: Report
    requests: Counter[tuple[str, str]]  # (path, query) -> times asked
    request_seconds: float  # the sum of the simulator's time on each request
    max_in_flight: int  # the most requests the simulator had at once

    @property
    def outcome(self) -> tuple[str, list[str]]:
        return self.report.verdict, sorted({f.code for f in self.report.findings})


async def _check(url: str, requirements: Requirements, max_in_flight: int) -> tuple[float, Report]:
    environment = Environment.parse(DEMO_UID, base_url=url)
    token = AfasToken.from_data(DEMO_TOKEN_DATA)
    async with AfasClient(environment, token, max_in_flight=max_in_flight) as client:
        started = time.perf_counter()
        session = await run_session(client, requirements, environment_name="production",
                                    options=CheckOptions())
        report = session.report()
        return time.perf_counter() - started, report


def check_once(requirements: Requirements, latency: float, max_in_flight: int) -> Run:
    with SimulatorServer(build_config(SCENARIO, latency=latency)) as server:
        seconds, report = asyncio.run(_check(server.url, requirements, max_in_flight))
        records = list(server.requests)
        peak = server.max_in_flight
    assert not report.cancelled, f"the check stopped at its time limit ({seconds:.1f} s)"
    return Run(seconds, report, Counter((r.path, r.query) for r in records),
               sum(r.ended - r.started for r in records), peak)


def timed(requirements: Requirements, latency: float, max_in_flight: int, repeats: int) -> Run:
    """The run with the median time of `repeats`; all of them must agree on what they found."""
    runs = [check_once(requirements, latency, max_in_flight) for _ in range(repeats)]
    for run in runs[1:]:
        assert run.outcome == runs[0].outcome, (run.outcome, runs[0].outcome)
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def _latency_default() -> float:
    value = os.environ.get("BENCH_LATENCY")
    return float(value) if value else DEFAULT_LATENCY


def main(argv: Sequence[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="python -m bench.check_concurrency")
    parser.add_argument("--latency", type=float, default=_latency_default(),
                        help="seconds the simulator waits before each answer "
                             f"(default $BENCH_LATENCY or {DEFAULT_LATENCY})")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    requirements = load_requirements()

    concurrent = timed(requirements, args.latency, DEFAULT_MAX_IN_FLIGHT, args.repeats)
    sequential = timed(requirements, args.latency, 1, args.repeats)

    print(f"full check ({SCENARIO}, sample size {CheckOptions().sample_size}) with "
          f"{args.latency * 1000:.0f} ms latency per request"
          + (f", median of {args.repeats} runs each" if args.repeats > 1 else ""))
    for name, run, cap in (("sequential", sequential, 1),
                           ("concurrent", concurrent, DEFAULT_MAX_IN_FLIGHT)):
        verdict, codes = run.outcome
        print(f"{name}: {cap} in flight ({run.max_in_flight} seen), "
              f"{run.requests.total()} requests, {run.seconds:.2f} s, "
              f"verdict {verdict}, codes {', '.join(codes) or 'none'}")
    requests = concurrent.requests.total()
    print(f"requests {requests}; sum of request times {concurrent.request_seconds:.2f} s "
          f"(at least {requests} x latency = {requests * args.latency:.2f} s); "
          f"sequential {sequential.seconds:.2f} s, concurrent {concurrent.seconds:.2f} s, "
          f"ratio {sequential.seconds / concurrent.seconds:.2f}")

    # Correctness guards, not timing: the baseline must be the same check making the same calls.
    assert sequential.max_in_flight == 1, sequential.max_in_flight
    assert sequential.requests == concurrent.requests, (
        "the runs made different requests",
        sorted((sequential.requests - concurrent.requests).elements()),
        sorted((concurrent.requests - sequential.requests).elements()))
    assert sequential.outcome == concurrent.outcome, (
        "the check found different things one request at a time",
        sequential.outcome, concurrent.outcome)
    # The chain no schedule avoids: /metainfo (with every connector's fields alongside), the
    # invoices' rows, the attachment lookup, the PDF.
    chain = CHAIN_ROUND_TRIPS * args.latency
    print(f"unavoidable chain {CHAIN_ROUND_TRIPS} x {args.latency * 1000:.0f} ms = {chain:.2f} s: "
          f"concurrent / chain {concurrent.seconds / chain:.2f}, sequential / concurrent "
          f"{sequential.seconds / concurrent.seconds:.2f}")
    return {"latency_ms": round(args.latency * 1000), "requests": requests,
            "concurrent_s": round(concurrent.seconds, 3),
            "sequential_s": round(sequential.seconds, 3), "chain_s": round(chain, 3),
            "concurrent_over_chain": round(concurrent.seconds / chain, 2),
            "sequential_over_concurrent": round(sequential.seconds / concurrent.seconds, 2)}


if __name__ == "__main__":
    main()
