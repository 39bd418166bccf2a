"""E-mail addresses judged a page at a time in C give what judging each one stripped gave."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from payt_onboarding.checks.values import FieldFold, _valid_email, columns

# Addresses and near-addresses: whitespace of every kind around and inside, the separators
# Payt refuses, dots and at-signs where they should not be.
_PIECES = st.sampled_from(["a", "jan.de.vries", "@", ".", "nl", "x", " ", "\t", "\n", "\xa0",
                           "\u2003", ";", ",", "<", ">", "é", "b.nl", "..", "c"])
_WHITESPACE = st.lists(st.sampled_from(["", " ", "\t", "\n", "\xa0", "\u2003"]),
                      max_size=3).map("".join)
_ADDRESSES = st.sampled_from(["jan@example.nl", "a.b@c.de", "x@y.z", "a@b..nl", "@b.nl"])
_TEXTS = st.builds("{}{}{}".format, _WHITESPACE,
                   st.one_of(_ADDRESSES, st.lists(_PIECES, max_size=8).map("".join)),
                   _WHITESPACE)


@given(st.lists(_TEXTS, min_size=1, max_size=40))
def test_a_page_of_addresses_is_judged_as_each_one_alone(texts: list[str]) -> None:
    rows = [{"mail": text} for text in texts]
    fold = FieldFold("mail", "email")
    fold.add(rows, columns(rows, ["mail"])["mail"], lambda row, n: f"#{n}", 1)
    filled = [t for t in texts if t.strip()]
    assert fold.stats.invalid.count == sum(not _valid_email(t) for t in filled)


def test_a_column_with_a_number_among_the_addresses_is_still_judged() -> None:
    rows: list[dict[str, object]] = [{"mail": "jan@example.nl"}, {"mail": 12},
                                     {"mail": " piet@example.nl "}, {"mail": "geen adres"}]
    fold = FieldFold("mail", "email")
    fold.add(rows, columns(rows, ["mail"])["mail"], lambda row, n: f"#{n}", 1)
    assert (fold.stats.invalid.count, fold.stats.invalid.examples) == (2, ["#2: 12",
                                                                            "#4: geen adres"])
