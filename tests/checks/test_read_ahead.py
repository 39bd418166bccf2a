"""A full scan writes its request for a connector's next page before it folds the page it has:
AFAS prepares page k+1 while the check works through page k. It never asks past the last page."""

from __future__ import annotations

import asyncio.selector_events
import re
from typing import Any

import pytest

from payt_onboarding.checks.fold import RoleFold
from payt_onboarding.simulator.dataset import SALES_ENTRIES
from tests.support.afas import Start
from tests.support.scenarios import check


@pytest.mark.parametrize(("entries", "asked"), [(3500, [0, 1000, 2000, 3000]),
                                                 (3000, [0, 1000, 2000, 3000])])
def test_the_next_page_is_on_the_wire_before_this_one_is_folded(
        simulator: Start, monkeypatch: pytest.MonkeyPatch, entries: int,
        asked: list[int]) -> None:
    events: list[tuple[str, int]] = []
    transport: Any = getattr(asyncio.selector_events, "_SelectorSocketTransport")  # noqa: B009 - private
    write, add = transport.write, RoleFold.add
    page_request = re.compile(rb"GET \S*/connectors/" + SALES_ENTRIES.encode() + rb"\?skip=(\d+)")

    def logged_write(self: Any, data: Any) -> None:  # what goes on the wire, in order
        if found := page_request.match(bytes(data)):
            events.append(("written", int(found[1])))
        write(self, data)

    def logged_add(self: RoleFold, page: Any) -> None:
        if self.connector_id == SALES_ENTRIES:
            events.append(("fold", self.rows))
        add(self, page)

    monkeypatch.setattr(transport, "write", logged_write)
    monkeypatch.setattr(RoleFold, "add", logged_add)
    report = check(simulator("healthy", entries=entries), sample_size=None)

    assert [skip for kind, skip in events if kind == "written"] == asked  # none past the end
    for skip in asked[1:]:  # page `skip` written before the page before it was folded
        assert events.index(("written", skip)) < events.index(("fold", skip - 1000))
    sales = next(c for c in report.connectors if c.connector_id == SALES_ENTRIES)
    assert sales.rows_sampled == entries
