"""The files the package ships in resources/, by name on disk: Qt reads translations and icons
from a file name.

They sit beside the package's modules wherever it is installed, and in the bundle
(packaging/payt-onboarding.spec collects resources/ to payt_onboarding/resources): found from
the package's own location, which is what importlib.resources answers there too, without its
10 ms import before the first page is painted. A package inside an archive has no such files:
there `on_disk` says None and the caller asks importlib.resources for a copy.
"""

from __future__ import annotations

import os

import payt_onboarding

_RESOURCES = os.path.join(os.path.dirname(os.path.abspath(payt_onboarding.__file__ or "")),
                          "resources")


def on_disk(*parts: str) -> str | None:
    """resources/<parts...> as a file name, or None where it is not a file on disk."""
    path = os.path.join(_RESOURCES, *parts)
    return path if os.path.isfile(path) else None
