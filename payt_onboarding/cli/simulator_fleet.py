"""`payt-onboarding simulator --environments N`: many environments on one port, the commands
that create their profiles, and Enter to make them drift (what `check --all-profiles` then
finds changed since the saved validation)."""

from __future__ import annotations

import argparse
import sys
import threading
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
    """Print the banner and listen for Enter, which applies the drift once."""
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
    if sys.stdin is not None:
        # Enter is read in a thread of its own: the main thread naps until Ctrl+C (the caller).
        threading.Thread(target=_drift_on_enter, args=(server, fleet), name="fleet-enter",
                         daemon=True).start()


def _drift_on_enter(server: SimulatorServer, fleet: list[FleetEnvironment]) -> None:
    if sys.stdin.readline() == "":  # end of input: nobody will press Enter
        return
    drift(fleet)
    server.forget_rows()
    print(say("cli.fleet.changed", drifting=_DRIFTING), flush=True)

