"""The GUI thread during the wizard's Check all: the longest gap between ticks of a 5 ms timer
on the GUI thread while CheckAllDialog checks N saved profiles (a fleet of N environments at
200 ms per answer, with 300 sales entries each as the healthy scenario, secrets from an
in-memory keyring) on the pool, against the same timer with nothing running
(bench/gui_stall.py's measure), and the time Check all took against the longest single
client's check in it.

The simulator runs in a process of its own (`simulator --environments N`), as AFAS is
elsewhere and as bench/batch_check.py runs it: in this process its threads would take the GIL
from the GUI thread, and its datasets would lengthen every full garbage collection here.

    .venv/bin/python -m bench.check_all_stall [--profiles 10]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import sys
import tempfile
import time
from typing import Any

TICK_MS = 5


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.check_all_stall")
    parser.add_argument("--profiles", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PAYT_ONBOARDING_CONFIG_DIR"] = tempfile.mkdtemp(prefix="check-all-bench-")

    import keyring
    from PySide6.QtCore import QTimer

    from bench.batch_check import MemoryKeyring, simulator_process
    from bench.gui_stall import _longest_gap
    from payt_onboarding.afas.credentials import ClientSecret, Credentials, OAuthClient
    from payt_onboarding.afas.environment import Environment
    from payt_onboarding.afas.token import AfasToken
    from payt_onboarding.app.check import check_environment
    from payt_onboarding.app.saving import save_checked_profile
    from payt_onboarding.checks.session import CheckOptions
    from payt_onboarding.gui.app import application
    from payt_onboarding.gui.check_all import CheckAllDialog
    from payt_onboarding.gui.state import WizardState
    from payt_onboarding.gui.wizard import OnboardingWizard
    from payt_onboarding.report.formats import render
    from payt_onboarding.requirements.load import load_requirements
    from payt_onboarding.simulator.fleet import build_fleet
    from payt_onboarding.simulator.scenarios import DEFAULT_ENTRIES

    keyring.set_keyring(MemoryKeyring())  # type: ignore[no-untyped-call]
    app = application("nl")
    idle, _ = _longest_gap(2.0)
    requirements = load_requirements()
    # The same environments, secrets and all, as the simulator process builds (fleet.py).
    fleet = build_fleet(args.profiles, entries=DEFAULT_ENTRIES)
    with simulator_process(args.profiles, args.latency, DEFAULT_ENTRIES) as root:
        for env in fleet:  # checked and saved once, as the specialist left them
            environment = Environment.parse(env.uid, None, f"{root}/{env.uid}/ProfitRestServices")
            credentials: Credentials = (
                OAuthClient(env.client_id, secret=ClientSecret.parse(env.client_secret))
                if env.oauth else AfasToken.from_data(env.token_data))
            options = CheckOptions()
            report = asyncio.run(check_environment(environment, credentials, requirements,
                                                   options))
            save_checked_profile(env.profile, environment, credentials, options, requirements,
                                 report, render(report, "json"))
        wizard = OnboardingWizard(WizardState(language="nl"))
        wizard.show()
        while wizard.jobs.busy or not wizard.welcome.listed:
            app.processEvents()
            wizard.jobs.pool.waitForDone(10)
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        dialog = CheckAllDialog(wizard.state, wizard.jobs, wizard.welcome.listed, wizard)
        timer.start()
        began = time.perf_counter()
        dialog.start(trust=True)
        dialog.show()
        while dialog.running:
            app.processEvents()
            time.sleep(0.001)
        took = time.perf_counter() - began
        timer.stop()
        longest_single = max(r.report.duration_ms for r in dialog.rows.values()
                             if r.report is not None) / 1000
        wizard.shutdown()
    busy = max(b - a for a, b in itertools.pairwise(ticks)) * 1000
    print(f"Check all of {args.profiles} profiles at {args.latency * 1000:.0f} ms per answer: "
          f"{took:.1f} s ({took / longest_single:.1f}x the longest single check, "
          f"{longest_single:.1f} s); longest GUI-thread stall {busy:.0f} ms against {idle:.0f} ms "
          f"idle ({TICK_MS} ms timer)")
    return {"profiles": args.profiles, "latency_ms": args.latency * 1000,
            "seconds": round(took, 2), "longest_single_s": round(longest_single, 2),
            "stall_ms": round(busy, 1), "idle_stall_ms": round(idle, 1)}


if __name__ == "__main__":
    print(json.dumps(main()), flush=True)
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash tearing down at exit; the figures are out
