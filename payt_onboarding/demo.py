"""`payt-onboarding demo`: the full check against the built-in simulator, no AFAS account needed.

It starts the simulator in-process on a free loopback port, runs exactly what
`payt-onboarding check` runs, and prints the report: the quickest way to see the tool at work.
"""

from __future__ import annotations

import asyncio
import sys

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.check_command import EXIT_BY_VERDICT, check_environment
from payt_onboarding.checks.engine import CheckOptions
from payt_onboarding.report.model import Language
from payt_onboarding.report.render_text import render_text
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer


def run_demo(scenario: str, language: Language = "nl") -> int:
    requirements = load_requirements()
    with SimulatorServer(build_config(scenario)) as server:
        print(f"AFAS Profit simulator, scenario '{scenario}', at {server.url}", file=sys.stderr)
        environment = Environment.parse(DEMO_UID, base_url=server.url)
        token = AfasToken.from_data(DEMO_TOKEN_DATA)
        report = asyncio.run(check_environment(environment, token, requirements,
                                               CheckOptions(language=language)))
    sys.stdout.write(render_text(report))
    return EXIT_BY_VERDICT[report.verdict]
