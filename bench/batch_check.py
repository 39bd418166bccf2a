"""Many clients at once: `check --all-profiles`'s engine (app.batch.check_profiles) over 50
simulated environments on one port, every answer delayed by --latency (default 0.2 s).

The simulator runs in a process of its own (`simulator --environments N --latency-ms`), as AFAS
is elsewhere: the figures are the client's. Figures: the batch's total time against the longest
single check in the same run (goal: at most 3x), and against one check of one environment alone
just before; this process's peak resident memory and its growth over the batch. Each
environment has its own token or OAuth client secret, read from an in-memory keyring backend
installed for this run (the real one is never touched). Times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend

from payt_onboarding.afas.credentials import ClientSecret
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.batch import DEFAULT_IN_FLIGHT, check_profiles
from payt_onboarding.app.check import check_environment
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.profile.model import OAuthRef, Profile, SecretRef
from payt_onboarding.profile.secrets import ClientSecretVault, TokenVault
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.fleet import FLEET_ENTRIES, FleetEnvironment, build_fleet

GOAL = 3.0


class MemoryKeyring(KeyringBackend):
    """A keyring for the benchmarks only (here and bench/check_all_stall.py): entries in a dict."""

    priority = 1
    entries: dict[tuple[str, str], str] = {}  # noqa: RUF012  # one keyring per process

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


@contextmanager
def simulator_process(environments: int, latency: float, entries: int = FLEET_ENTRIES
                      ) -> Iterator[str]:
    """`payt-onboarding simulator --environments N` in its own process; its root URL."""
    process = subprocess.Popen(  # noqa: S603  # this Python, fixed arguments
        [sys.executable, "-m", "payt_onboarding", "simulator", "--environments",
         str(environments), "--latency-ms", str(round(latency * 1000)), "--port", "0",
         "--entries", str(entries)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip().startswith("URL"):
                yield line.split()[1].removesuffix("/<uid>/ProfitRestServices,")
                return
        raise RuntimeError("the simulator did not start")
    finally:
        process.terminate()
        process.wait(timeout=10)


def _profiles(store: ProfileStore, root: str, fleet: Sequence[FleetEnvironment]) -> None:
    """A profile per environment, its secret in the keyring, as `check --save-profile` leaves
    them (the no_secret kind gets a token too: every environment is checked here)."""
    for env in fleet:
        url = f"{root}/{env.uid}/ProfitRestServices"
        environment = Environment.parse(env.uid, None, url)
        if env.oauth:
            account = ClientSecretVault.account(environment, env.client_id)
            ClientSecretVault().save_secret(account, ClientSecret.parse(env.client_secret))
            profile = Profile(name=env.profile, uid=env.uid, environment="production",
                              base_url=url, auth="oauth_client_secret",
                              oauth=OAuthRef(client_id=env.client_id,
                                             stored=SecretRef(account=account)))
        else:
            TokenVault().save(environment.keyring_account, AfasToken.from_data(env.token_data))
            profile = Profile(name=env.profile, uid=env.uid, environment="production",
                              base_url=url)
        store.save(profile)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.batch_check")
    parser.add_argument("--environments", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    parser.add_argument("--in-flight", type=int, default=DEFAULT_IN_FLIGHT)
    args = parser.parse_args(argv)
    keyring.set_keyring(MemoryKeyring())  # type: ignore[no-untyped-call]
    # The same environments, secrets and all, as the simulator process builds (fleet.py).
    fleet = build_fleet(args.environments)
    requirements = load_requirements(None)
    options = CheckOptions(language="en")
    with tempfile.TemporaryDirectory(prefix="payt-bench-batch-") as tmp, \
            simulator_process(args.environments, args.latency) as root:
        store = ProfileStore(Path(tmp))
        _profiles(store, root, fleet)
        # The baseline: one environment's check alone, at the same latency.
        alone = fleet[0]
        started = time.perf_counter()
        asyncio.run(check_environment(
            Environment.parse(alone.uid, None, f"{root}/{alone.uid}/ProfitRestServices"),
            AfasToken.from_data(alone.token_data), requirements, options))
        lone = time.perf_counter() - started
        rss_before = _rss_mb()
        cpu_before = _cpu(resource.RUSAGE_SELF)
        started = time.perf_counter()
        rows = check_profiles(store, requirements=requirements, options=options,
                              in_flight=args.in_flight, trust_base_url=True)
        total = time.perf_counter() - started
        client_cpu = _cpu(resource.RUSAGE_SELF) - cpu_before
        rss_after = _rss_mb()
    simulator_cpu = _cpu(resource.RUSAGE_CHILDREN)  # its whole run: it has ended
    longest = max(r.report.duration_ms for r in rows if r.report) / 1000
    verdicts = Counter(r.verdict or r.status for r in rows)
    result = {
        "environments": args.environments,
        "latency_s": args.latency,
        "in_flight": args.in_flight,
        "checked": sum(1 for r in rows if r.status == "checked"),
        "verdicts": dict(verdicts),
        "total_s": round(total, 2),
        "longest_check_s": round(longest, 2),
        "lone_check_s": round(lone, 2),
        "total_vs_longest": round(total / longest, 2),
        "total_vs_lone": round(total / lone, 2),
        "goal_vs_longest": GOAL,
        "client_cpu_s": round(client_cpu, 2),
        "simulator_cpu_s": round(simulator_cpu, 2),
        "peak_rss_mb": rss_after,
        "rss_growth_mb": round(rss_after - rss_before, 1),
    }
    print(f"batch: {args.environments} environments at {args.latency * 1000:.0f} ms per answer, "
          f"{args.in_flight} in flight: {total:.2f} s in all; the longest check {longest:.2f} s "
          f"({result['total_vs_longest']}x, goal <= {GOAL}x); one check alone {lone:.2f} s "
          f"({result['total_vs_lone']}x); peak memory {rss_after} MB "
          f"(+{result['rss_growth_mb']} MB during the batch); CPU: this client "
          f"{client_cpu:.1f} s, the simulator {simulator_cpu:.1f} s; {dict(verdicts)}")
    return result


if __name__ == "__main__":
    main()
