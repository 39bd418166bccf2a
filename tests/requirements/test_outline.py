"""The welcome page's outline of the built-in requirements (tomllib, no pydantic) names the
same connectors, with the same titles in both languages, as the model does."""

from __future__ import annotations

import pytest

from payt_onboarding.requirements.load import BUILT_IN, load_requirements
from payt_onboarding.requirements.outline import connector_titles


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_outline_matches_the_model(language: str) -> None:
    requirements = load_requirements()
    assert requirements.origin == BUILT_IN
    expected = [(c.title_in(language), c.connector) for c in requirements.connectors]
    assert connector_titles(language) == expected
    assert len(expected) >= 5
