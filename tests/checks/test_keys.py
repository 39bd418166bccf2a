"""The full scan's key tables: the same answers as the sets, Counters and dicts they replace,
page by page, at a fraction of the memory."""

from __future__ import annotations

import tracemalloc
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from payt_onboarding.checks.keys import Duplicates, Groups, KeySet, key_hash

# Few distinct keys, so that repeats, within a page and across pages, are common.
_KEYS = st.sampled_from([f"0{a}/F{n}" for a in range(1, 3) for n in range(12)] + [""])
_PAGES = st.lists(st.lists(_KEYS, max_size=30), max_size=12)


@given(_PAGES)
def test_duplicates_are_a_counters_repeated_keys_in_first_seen_order(
        pages: list[list[str]]) -> None:
    duplicates, counter = Duplicates(), Counter[str]()
    for page in pages:
        duplicates.update(page)
        counter.update(page)
    assert duplicates.repeated() == [key for key, n in counter.items() if n > 1]


@given(_PAGES)
def test_a_key_set_holds_what_a_set_holds(pages: list[list[str]]) -> None:
    keys, seen = KeySet(), set[str]()
    for page in pages:
        keys.update(page)
        seen.update(page)
    assert len(keys) == len(seen)
    for key in {f"0{a}/F{n}" for a in range(1, 3) for n in range(12)} | {""}:
        assert (key_hash(key) in keys) == (key in seen)


@given(st.lists(st.lists(st.tuples(st.tuples(st.sampled_from("12"), st.sampled_from("abcdef")),
                                   st.booleans()), max_size=20), max_size=10))
def test_groups_keep_the_unfilled_ones_in_first_seen_order(
        pages: list[list[tuple[tuple[str, str], bool]]]) -> None:
    groups, reference = Groups(), dict[tuple[str, str], bool]()
    for page in pages:
        found: dict[tuple[str, ...], bool] = {}
        for group, has in page:  # as fold.py makes a page's: filled once, filled for good
            found[group] = found.get(group, False) or has
            reference[group] = reference.get(group, False) or has
        groups.update(found)
    assert [name for _, name in groups.unfilled()] == [
        "/".join(g) for g, has in reference.items() if not has]
    assert all(h == key_hash(tuple(name.split("/"))) for h, name in groups.unfilled())
    assert len(groups) == len(reference)


def test_a_quarter_million_keys_cost_a_few_bytes_each() -> None:
    """The strings of a page are dropped after it: the table keeps hashes, not the keys (a
    Counter of the same keys keeps about 110 bytes a key)."""
    duplicates, pages = Duplicates(), 250
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for page in range(pages):
            duplicates.update([f"01/F{page:04d}{n:04d}" for n in range(1000)] + ["01/F0"])
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert duplicates.repeated() == ["01/F0"]
    assert grown / (pages * 1000) < 32, f"{grown / (pages * 1000):.0f} bytes a key"
