"""The built-in requirements file as the wizard's first page shows it, without pydantic: where
it lives, the name its origin is reported by, and each connector's title and id (tomllib only,
so the first page paints before the model is imported)."""

from __future__ import annotations

import tomllib
from importlib.resources import files

DEFAULT_REQUIREMENTS = files("payt_onboarding") / "resources" / "payt_requirements.toml"
BUILT_IN = "built-in"


def connector_titles(language: str) -> list[tuple[str, str]]:
    """(title in `language`, connector id) per connector of the built-in file, in its order;
    the same titles as `ConnectorRequirement.title_in`. The file is the packaged one, checked
    by its tests, so nothing here validates it."""
    data = tomllib.loads(DEFAULT_REQUIREMENTS.read_text(encoding="utf-8"))
    return [(str(c.get("title_en") if language == "en" and c.get("title_en") else c["title"]),
             str(c["connector"])) for c in data.get("connectors", ())]
