"""The command line starts light: `--version` and `--help` load none of the heavy libraries,
and the parser lists the simulator's scenarios without importing them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from payt_onboarding.simulator.names import SCENARIO_NAMES
from payt_onboarding.simulator.scenarios import SCENARIOS

HEAVY = ("httpx", "pydantic", "keyring", "PySide6", "payt_onboarding.simulator.scenarios")

_PROBE = """
import json, sys
from payt_onboarding.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.modules if m.startswith(HEAVY))}),
      file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["check", "--help"],
                                  ["simulator", "--help"]])
def test_version_and_help_load_nothing_heavy(argv: list[str]) -> None:
    probe = f"HEAVY = {HEAVY!r}\n" + _PROBE
    result = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True,
                            text=True, timeout=60, check=False)
    outcome = json.loads(result.stderr.strip().splitlines()[-1])
    assert outcome["code"] in (0, None), result.stderr
    assert outcome["loaded"] == [], f"{argv} imported {outcome['loaded']}"
    assert "payt-onboarding" in result.stdout


def test_the_parser_lists_every_scenario_in_order() -> None:
    assert tuple(SCENARIOS) == SCENARIO_NAMES
