"""app.check: the cyclic collector while checks run (issue 15). Pages of rows are bursts of
acyclic dicts, so the youngest generation's threshold is raised and what lived before is frozen,
for as long as any check runs (Check all runs many at once), and put back as it was after."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.check import YOUNG_THRESHOLD, run_check_session
from payt_onboarding.checks.progress import ProgressEvent
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from tests.support.afas import Start

REQUIREMENTS = load_requirements(None)


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


async def _check(url: str, seen: list[tuple[int, int]]) -> None:
    """A whole check, noting (the youngest threshold, objects frozen) at each step."""
    def note(_event: ProgressEvent) -> None:
        seen.append((gc.get_threshold()[0], gc.get_freeze_count()))

    await run_check_session(Environment.parse(DEMO_UID, base_url=url),
                            AfasToken.from_data(DEMO_TOKEN_DATA), REQUIREMENTS, CheckOptions(),
                            progress=note)


def test_the_collector_is_put_back_after_overlapping_checks(
        simulator: Start, thresholds: tuple[int, int, int]) -> None:
    quick, slow = simulator(), simulator(latency=0.2)
    first: list[tuple[int, int]] = []
    second: list[tuple[int, int]] = []
    frozen_before = gc.get_freeze_count()

    async def both() -> int:
        """Both checks at once; how many steps the slow one had made when the quick one ended."""
        slow_check = asyncio.ensure_future(_check(slow.url, second))
        await _check(quick.url, first)
        ended = len(second)
        await slow_check
        return ended

    ended = asyncio.run(both())
    assert first and len(second) > ended, "the slow check went on after the quick one"
    assert all(young == YOUNG_THRESHOLD and frozen > 0 for young, frozen in first + second)
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == frozen_before


def test_a_collector_turned_off_stays_off(simulator: Start,
                                          thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(0)
    seen: list[tuple[int, int]] = []
    asyncio.run(_check(simulator().url, seen))
    assert seen and all(young == 0 for young, _ in seen)
    assert gc.get_threshold()[0] == 0
