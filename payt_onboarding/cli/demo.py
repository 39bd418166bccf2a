"""`payt-onboarding demo`: the wizard against the built-in simulator, no AFAS account needed.

It starts the simulator in-process on a free loopback port and opens the wizard with its
environment number, address and token filled in. `--text` runs exactly what
`payt-onboarding check` runs instead and prints the report (no screen needed).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from payt_onboarding.afas.environment import Environment
from payt_onboarding.app.check import check_environment
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.texts import say
from payt_onboarding.simulator.config import DEMO_UID
from payt_onboarding.simulator.demo import DEMO_KEY_NAME, demo_credentials
from payt_onboarding.simulator.oauth import demo_private_key_pem
from payt_onboarding.simulator.scenarios import SCENARIOS, build_config
from payt_onboarding.simulator.server import SimulatorServer
from payt_onboarding.vocabulary import Language


def run_demo(scenario: str, language: Language = "nl", *, text: bool = False) -> int:
    """With the credentials the scenario's client hands over: the demo token, or the demo
    OAuth client (oauth_*, hybrid)."""
    with tempfile.TemporaryDirectory(prefix="payt-demo-") as tmp, \
            SimulatorServer(build_config(scenario)) as server:
        # The wizard reads a private key from its file, as it would the client's own.
        key_path = Path(tmp) / DEMO_KEY_NAME
        key_path.write_text(demo_private_key_pem(), encoding="ascii")
        credentials = demo_credentials(SCENARIOS[scenario].hands_over, key_path=key_path)
        print(say("cli.demo.started", scenario=scenario, url=server.url), file=sys.stderr)
        if not text:
            from payt_onboarding.cli.wizard import launch_wizard
            from payt_onboarding.gui.state import Prefill

            return launch_wizard(language, Prefill(DEMO_UID, server.url, credentials,
                                                   profile_name=f"Demo {scenario}"))
        from payt_onboarding.report.render_text import render_text
        from payt_onboarding.requirements.load import load_requirements

        environment = Environment.parse(DEMO_UID, base_url=server.url)
        report = asyncio.run(check_environment(environment, credentials, load_requirements(),
                                               CheckOptions(language=language)))
    sys.stdout.write(render_text(report))
    return exit_codes.BY_VERDICT[report.verdict]
