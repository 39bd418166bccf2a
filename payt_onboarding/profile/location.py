"""Where the profiles live, without the model (pydantic): the wizard reads its window geometry
from beside them before its first page is shown."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "payt-onboarding"
CONFIG_DIR_ENV = "PAYT_ONBOARDING_CONFIG_DIR"


def default_directory() -> Path:
    """`<config root>/profiles`; the root is $PAYT_ONBOARDING_CONFIG_DIR or platformdirs'."""
    root = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if root:
        return Path(root).expanduser() / "profiles"
    import platformdirs  # only when asked for: it is not needed where the folder is set

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "profiles"
