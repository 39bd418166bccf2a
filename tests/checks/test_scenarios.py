"""The engine against every simulator scenario: the verdict and the exact error/warning codes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.scenarios import EXPECTED, check, patient_retry


def test_every_scenario_is_covered() -> None:
    from payt_onboarding.simulator.scenarios import SCENARIOS

    assert set(EXPECTED) == set(SCENARIOS)


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_scenario_verdict_and_codes(simulator: Any, scenario: str) -> None:
    verdict, errors, warnings = EXPECTED[scenario]
    report = check(simulator(scenario), retry=patient_retry(scenario))
    assert report.codes("error") == errors, [f.message for f in report.findings]
    assert report.codes("warning") == warnings, [f.message for f in report.findings]
    assert report.verdict == verdict
    assert not report.cancelled
