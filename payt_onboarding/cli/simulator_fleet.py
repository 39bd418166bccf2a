"""`payt-onboarding simulator --environments N`: many environments on one port, the commands
that create their profiles, and Enter to make them drift (what `check --all-profiles` then
finds changed since the saved validation)."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from payt_onboarding.cli.texts import say
from payt_onboarding.simulator.fleet import (
    FLEET_ENTRIES,
    FLEET_KINDS,
    FleetEnvironment,
    build_fleet,
    drift,
    write_profile_commands,
)
from payt_onboarding.simulator.server import SimulatorServer

_DRIFTING = "connector_removed, field_retyped, token_replaced"


def fleet_environments(args: argparse.Namespace) -> list[FleetEnvironment]:
    return build_fleet(args.environments, latency=args.latency_ms / 1000, seed=args.seed,
                       entries=args.entries or FLEET_ENTRIES)


def serve_fleet(server: SimulatorServer, fleet: list[FleetEnvironment], folder: Path) -> None:
    """Print the banner, then wait: Enter applies the drift once, Ctrl+C stops (the caller)."""
    root = server.url.removesuffix("/ProfitRestServices")
    script = write_profile_commands(fleet, root, folder)
    counts = Counter(env.kind for env in fleet)
    mix = ", ".join(f"{counts[kind]} {kind}" for kind in FLEET_KINDS if counts[kind])
    print("\n".join([
        say("cli.fleet.banner", count=len(fleet), mix=mix),
        say("cli.fleet.url", root=root, first=fleet[0].uid, last=fleet[-1].uid),
        say("cli.fleet.each"),
        say("cli.fleet.create"),
        f"  sh {script}",
        say("cli.fleet.then"),
        f"  {sys.executable} -m payt_onboarding check --all-profiles --match fleet- "
        "--trust-base-url --output-dir reports --output summary.html",
        say("cli.fleet.press_enter", drifting=_DRIFTING),
        "",
    ]), flush=True)
    drifted = False
    while True:
        if drifted or sys.stdin is None:
            time.sleep(3600)
            continue
        if sys.stdin.readline() == "":  # end of input: nobody will press Enter
            drifted = True
            continue
        drift(fleet)
        server.forget_rows()
        drifted = True
        print(say("cli.fleet.changed", drifting=_DRIFTING), flush=True)

