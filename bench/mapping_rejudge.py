"""A field mapping in the wizard: judged again from the rows already read, against the check
run again with that mapping.

Against the fields_missing scenario with `--latency` seconds per answer (default 0.2, or
$BENCH_LATENCY): one check, then the two mappings that close its sales-entry gaps, each either
applied to the kept session (`CheckSession.remap` + `report()`, what the mapping page does) or
given to a new check (what a re-check would cost). Both must end with the same findings; the
times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections.abc import Sequence

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.checks.engine import CheckOptions, CheckSession, run_session
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer

MAPPINGS = (("sales_entries", "invoice_due_date", "VervalDatum"),
            ("sales_entries", "debtor_post_country_code", "LandCode"))


async def _session(url: str, options: CheckOptions) -> CheckSession:
    environment = Environment.parse(DEMO_UID, base_url=url)
    async with AfasClient(environment, AfasToken.from_data(DEMO_TOKEN_DATA)) as client:
        return await run_session(client, load_requirements(), environment_name="production",
                                 options=options)


def _findings(report: Report) -> list[tuple[str, str | None, str | None, int]]:
    return sorted((f.code, f.role, f.field, f.count) for f in report.findings)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float,
                        default=float(os.environ.get("BENCH_LATENCY") or 0.2))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with SimulatorServer(build_config("fields_missing", latency=args.latency)) as server:
        session = asyncio.run(_session(server.url, CheckOptions()))
        rejudge, recheck = [], []
        for _ in range(args.repeats):
            mapped: dict[str, dict[str, str]] = {}
            started = time.perf_counter()
            for role, payt, afas in MAPPINGS:
                session.remap(role, payt, afas)
                remapped = session.report()
            rejudge.append(time.perf_counter() - started)
            for role, payt, afas in MAPPINGS:
                mapped.setdefault(role, {})[payt] = afas
            started = time.perf_counter()
            fresh = asyncio.run(_session(server.url, CheckOptions(mappings=mapped))).report()
            recheck.append(time.perf_counter() - started)
            assert _findings(remapped) == _findings(fresh), "re-judged and re-checked differ"
            for role, payt, _ in MAPPINGS:
                session.remap(role, payt, None)
    judged, checked = statistics.median(rejudge), statistics.median(recheck)
    print(f"Mapping 2 fields, fields_missing scenario, {args.latency * 1000:.0f} ms per answer, "
          f"median of {args.repeats}:")
    print(f"  judged again from the kept sample  {judged * 1000:8.1f} ms")
    print(f"  a new check with the mappings      {checked * 1000:8.1f} ms")
    print(f"  ratio (new check / re-judge)       {checked / judged:8.1f}")


if __name__ == "__main__":
    main()
