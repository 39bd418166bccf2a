"""A page of rows is taken as json.loads made it, but only when every row is an object."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from payt_onboarding.afas.models import RowsPage


def test_a_page_keeps_its_rows_as_they_came() -> None:
    rows = [{"invoice_number": "F1", "amount": 1.5}, {"invoice_number": None}]
    page = RowsPage.model_validate({"skip": 0, "take": 2, "rows": rows})
    assert page.rows == tuple(rows)
    assert page.rows[0] is rows[0]  # not copied value by value


@pytest.mark.parametrize("rows", [[1], [["F1"]], [{"a": 1}, "row"], None, {"a": 1}])
def test_a_row_that_is_not_an_object_is_no_page(rows: object) -> None:
    with pytest.raises(ValidationError):
        RowsPage.model_validate({"skip": 0, "take": 1, "rows": rows})
