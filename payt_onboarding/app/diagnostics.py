"""What a support request needs to know about this installation, never a secret: versions, OS,
the trust store, the keyring, the log file, the last check's verdict and codes."""

from __future__ import annotations

import os
import platform
import ssl
import sys
from collections.abc import Iterable

from payt_onboarding import __version__
from payt_onboarding.messages import Localized

__all__ = ["diagnostics_text", "frozen", "trust_store", "trust_store_in_words"]


def frozen() -> bool:
    """Running from the PyInstaller bundle, not from a Python installation."""
    return bool(getattr(sys, "frozen", False))


def trust_store() -> str:
    """Which certificates AFAS's TLS certificate is checked against, in English (support)."""
    return trust_store_in_words().render("en")


def trust_store_in_words() -> Localized:
    """Which certificates AFAS's TLS certificate is checked against (through truststore)."""
    if sys.platform == "win32":
        return Localized("selftest.trust_store.windows")
    if sys.platform == "darwin":
        return Localized("selftest.trust_store.macos")
    paths = ssl.get_default_verify_paths()
    if paths.cafile:
        return Localized("selftest.trust_store.ca_file", {"path": paths.cafile})
    if paths.capath and os.path.isdir(paths.capath):
        return Localized("selftest.trust_store.ca_folder", {"path": paths.capath})
    return Localized("selftest.trust_store.none")


def environment_lines(keyring: str, log_file: str, requirements: str) -> list[str]:
    build = "bundle" if frozen() else "Python package"
    return [
        f"payt-onboarding {__version__} ({build})",
        f"Python {platform.python_version()} ({sys.executable})",
        f"OS {platform.platform()}",
        f"Requirements: {requirements}",
        f"Trust store: {trust_store()}",
        f"Keyring: {keyring}",
        f"Log file: {log_file}",
    ]


def diagnostics_text(lines: Iterable[str], verdict: str | None, codes: Iterable[str]) -> str:
    """`lines` (versions, places) and the last check's outcome, as plain text to paste."""
    text = list(lines)
    if verdict is None:
        text.append("Last check: none in this session")
    else:
        found = ", ".join(sorted(codes)) or "no findings"
        text.append(f"Last check: {verdict} ({found})")
    return "\n".join(text) + "\n"
