"""`payt-onboarding simulator`: serve a scenario until Ctrl+C."""

from __future__ import annotations

import argparse
import ssl
import sys
import tempfile
import time
from pathlib import Path

from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID, SimulatorConfig
from payt_onboarding.simulator.scenarios import DEFAULT_SEED, build_config
from payt_onboarding.simulator.server import SimulatorServer

EXIT_USAGE = 64


def demo_token_xml() -> str:
    return f"<token><version>1</version><data>{DEMO_TOKEN_DATA}</data></token>"


def test_tls(directory: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context from a throw-away CA, and the CA file a client must trust."""
    try:
        import trustme
    except ImportError:
        raise RuntimeError(
            "--tls needs the 'trustme' package: pip install 'payt-onboarding[test]'"
        ) from None
    ca = trustme.CA()
    server_cert = ca.issue_cert("127.0.0.1", "localhost", "::1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_cert.configure_cert(context)
    ca_path = directory / "simulator-ca.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    return context, ca_path


def run_simulator(args: argparse.Namespace) -> int:
    seed = args.seed if args.seed is not None else DEFAULT_SEED
    config = build_config(
        args.scenario, entries=args.entries, seed=seed, latency=args.latency_ms / 1000
    )
    with tempfile.TemporaryDirectory(prefix="payt-simulator-") as tmp:
        tls, ca_path = (None, None)
        if args.tls:
            try:
                tls, ca_path = test_tls(Path(tmp))
            except RuntimeError as exc:
                print(f"payt-onboarding simulator: {exc}", file=sys.stderr)
                return EXIT_USAGE
        try:
            server = SimulatorServer(config, host=args.host, port=args.port, tls=tls)
        except ValueError as exc:
            print(f"payt-onboarding simulator: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except OSError as exc:
            print(
                f"payt-onboarding simulator: cannot listen on {args.host}:{args.port} "
                f"({exc.strerror or exc}). Choose another --port, or --port 0 for any free one.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        try:
            # Served from its own thread, so stop() never waits on a serve_forever that a
            # Ctrl+C kept from starting. The main thread sleeps: on Windows a sleep is
            # interrupted by Ctrl+C, a wait on a lock is not.
            server.start()
            _print_banner(server, config, ca_path)
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("\nSimulator stopped.", flush=True)
        finally:
            server.stop()
    return 0


def _print_banner(server: SimulatorServer, config: SimulatorConfig, ca: Path | None) -> None:
    entries = next(
        (len(t.rows) for t in config.dataset.connectors.values()
         if t.id.lower().startswith("payt_sales_entries")),
        0,
    )
    lines = [
        f"AFAS Profit simulator, scenario '{config.scenario}' ({entries} sales entries)",
        f"  URL    {server.url}",
        f"  UID    {DEMO_UID} (environment code {config.app.envid})",
        f"  Token  {demo_token_xml()}",
    ]
    if ca is not None:
        lines.append(f"  CA     {ca}  (trust this file; the certificate is for this run only)")
    lines += ["Stop with Ctrl+C.", ""]
    print("\n".join(lines), flush=True)
