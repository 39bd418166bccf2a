"""`payt-onboarding simulator`: serve a scenario until Ctrl+C."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.texts import say
from payt_onboarding.simulator.config import DEMO_UID, SimulatorConfig, demo_token_xml
from payt_onboarding.simulator.oauth import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_KEY_ID,
    demo_private_key_pem,
)
from payt_onboarding.simulator.scenarios import DEFAULT_SEED, build_config
from payt_onboarding.simulator.server import SimulatorServer
from payt_onboarding.simulator.tls import throwaway_tls

_NAP = 0.2  # seconds


def run_simulator(args: argparse.Namespace) -> int:
    seed = args.seed if args.seed is not None else DEFAULT_SEED
    config = build_config(
        args.scenario, entries=args.entries, seed=seed, latency=args.latency_ms / 1000
    )
    fleet = None
    if args.environments:
        from payt_onboarding.cli.simulator_fleet import fleet_environments

        fleet = fleet_environments(args)
    with tempfile.TemporaryDirectory(prefix="payt-simulator-") as tmp:
        tls, ca_path = (None, None)
        if args.tls:
            try:
                tls, ca_path = throwaway_tls(Path(tmp))
            except RuntimeError as exc:
                print(say("cli.simulator.error", error=exc), file=sys.stderr)
                return exit_codes.USAGE
        try:
            server = SimulatorServer(config, host=args.host, port=args.port, tls=tls,
                                     environments={e.uid: e.config for e in fleet or ()})
        except ValueError as exc:
            print(say("cli.simulator.error", error=exc), file=sys.stderr)
            return exit_codes.USAGE
        except OSError as exc:
            print(say("cli.simulator.cannot_listen", host=args.host, port=args.port,
                      reason=exc.strerror or exc), file=sys.stderr)
            return exit_codes.USAGE
        try:
            # Served from its own thread, so stop() never waits on a serve_forever that a
            # Ctrl+C kept from starting.
            server.start()
            if fleet:
                from payt_onboarding.cli.simulator_fleet import serve_fleet

                serve_fleet(server, fleet, Path(tmp))
            else:
                key_path = Path(tmp) / "demo-private-key.pem"
                key_path.write_text(demo_private_key_pem(), encoding="ascii")
                _print_banner(server, config, ca_path, key_path)
            # The main thread naps until Ctrl+C. Short naps: the kernel may hand SIGINT to a
            # server thread, which only sets Python's flag; the main thread acts on it when
            # it wakes (an hour's sleep left it unseen for up to an hour).
            # A sleep, not a wait on a lock: on Windows only a sleep is cut short by Ctrl+C.
            while True:
                time.sleep(_NAP)
        except KeyboardInterrupt:
            print("\n" + say("cli.simulator.stopped"), flush=True)
        finally:
            server.stop()
    return 0


def _print_banner(server: SimulatorServer, config: SimulatorConfig, ca: Path | None,
                  key: Path) -> None:
    entries = next(
        (len(t.rows) for t in config.dataset.connectors.values()
         if t.id.lower().startswith("payt_sales_entries")),
        0,
    )
    lines = [
        say("cli.simulator.banner", scenario=config.scenario, entries=entries),
        f"  URL    {server.url}",
        say("cli.simulator.uid", uid=DEMO_UID, envid=config.app.envid),
        f"  Token  {demo_token_xml()}",
        say("cli.simulator.auth_type", auth_type=config.app.auth_type),
        f"  OAuth client id      {DEMO_CLIENT_ID}",
        f"  OAuth client secret  {DEMO_CLIENT_SECRET}",
        say("cli.simulator.private_key", path=key, kid=DEMO_KEY_ID),
    ]
    if ca is not None:
        lines += [say("cli.simulator.ca", path=ca)]
    lines += [say("cli.simulator.stop"), ""]
    print("\n".join(lines), flush=True)
