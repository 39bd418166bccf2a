"""`payt-onboarding demo`: the wizard against the built-in simulator, no AFAS account needed.

It starts the simulator in-process on a free loopback port and opens the wizard with its
environment number, address and token filled in. `--text` runs exactly what
`payt-onboarding check` runs instead and prints the report (no screen needed).
"""

from __future__ import annotations

import asyncio
import sys

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.check import check_environment
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.cli import exit_codes
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer
from payt_onboarding.vocabulary import Language


def run_demo(scenario: str, language: Language = "nl", *, text: bool = False) -> int:
    token = AfasToken.from_data(DEMO_TOKEN_DATA)
    with SimulatorServer(build_config(scenario)) as server:
        print(f"AFAS Profit simulator, scenario '{scenario}', at {server.url}", file=sys.stderr)
        if not text:
            from payt_onboarding.cli.wizard import Prefill, launch_wizard

            return launch_wizard(language, Prefill(DEMO_UID, server.url, token,
                                                   profile_name=f"Demo {scenario}"))
        from payt_onboarding.report.render_text import render_text
        from payt_onboarding.requirements.load import load_requirements

        environment = Environment.parse(DEMO_UID, base_url=server.url)
        report = asyncio.run(check_environment(environment, token, load_requirements(),
                                               CheckOptions(language=language)))
    sys.stdout.write(render_text(report))
    return exit_codes.BY_VERDICT[report.verdict]
