"""Large inputs: every step of judging rows is linear. These tests take about a second; with a
quadratic step anywhere they would take minutes (no timing asserts: the size is the test)."""

from __future__ import annotations

from payt_onboarding.checks.attachments import LOOKUP, linked_values

MANY = 1_000_000


def test_the_dossier_items_to_look_up_are_the_first_distinct_ones_of_many() -> None:
    # Every invoice its own dossier item: a list searched per row would be quadratic.
    invoices = ({"item": n if n % 3 else None} for n in range(MANY))
    lines = [{"item": " 1 "}, {"item": "x"}]
    assert linked_values([lines, invoices], "item", LOOKUP) == [
        "1", "x", "2", "4", "5", "7", "8", "10", "11", "13"]
    assert linked_values([[{"item": "  "}, {}]], "item", LOOKUP) == []
