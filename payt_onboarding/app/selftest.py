"""`payt-onboarding --self-test`, the part below the GUI: the data files, the trust store, the
keyring and a whole check against the simulator, in this process. The same in the bundle and in
a pip install, so a data file the bundle lacks fails here, not at a user's."""

from __future__ import annotations

import asyncio
import json
import ssl
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from payt_onboarding.app import diagnostics

if TYPE_CHECKING:
    from payt_onboarding.report.model import Report

__all__ = ["CheckAndReport", "Item", "Outcome", "SelfTestFailure", "core_items", "run"]

Item = tuple[str, Callable[[], str]]  # what is tested, and a test that says what it found


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    detail: str


class SelfTestFailure(Exception):
    """An item found something wrong; the message says what."""


def run(items: list[Item]) -> Iterator[Outcome]:
    """Each item in turn; one that fails (however) is reported and the next still runs."""
    for name, test in items:
        try:
            yield Outcome(name, True, test())
        except Exception as error:  # a self-test reports every failure, it never stops on one
            yield Outcome(name, False, f"{type(error).__name__}: {error}")


def _requirements() -> str:
    from payt_onboarding.requirements.load import load_requirements

    requirements = load_requirements()
    return f"{len(requirements.connectors)} connectors ({requirements.origin})"


def _trust_store() -> str:
    import truststore

    description = diagnostics.trust_store()
    truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if sys.platform not in ("win32", "darwin"):
        context = ssl.create_default_context()
        if not context.cert_store_stats()["x509_ca"]:
            raise SelfTestFailure(f"{description} holds no CA certificate")
    return description + " (truststore)"


def _keyring() -> str:
    from payt_onboarding.app.credentials import keyring_status

    status = keyring_status()
    if status.usable:
        return f"{status.name}, usable"
    # Not a failure: without a keyring the wizard keeps the token for the session only.
    return f"{status.name}, not usable here ({status.reason})"


class CheckAndReport:
    """A whole check of the simulator's healthy scenario, then its report as text, JSON and
    HTML (the PDF is Qt's: gui/selftest.py)."""

    def __init__(self) -> None:
        self.report: Report | None = None

    def check(self) -> str:
        from payt_onboarding.afas.environment import Environment
        from payt_onboarding.afas.token import AfasToken
        from payt_onboarding.app.check import check_environment
        from payt_onboarding.checks.session import CheckOptions
        from payt_onboarding.requirements.load import load_requirements
        from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
        from payt_onboarding.simulator.scenarios import build_config
        from payt_onboarding.simulator.server import SimulatorServer

        with SimulatorServer(build_config("healthy")) as server:
            environment = Environment.parse(DEMO_UID, base_url=server.url)
            report = asyncio.run(check_environment(
                environment, AfasToken.from_data(DEMO_TOKEN_DATA), load_requirements(),
                CheckOptions(language="nl")))
        self.report = report
        if report.verdict == "not_ready":
            raise SelfTestFailure(f"verdict {report.verdict}, expected ready: "
                                  + ", ".join(sorted(report.codes())))
        return (f"verdict {report.verdict}, {len(report.connectors)} connectors in "
                f"{report.duration_ms:.0f} ms")

    def checked(self) -> Report:
        if self.report is None:
            raise SelfTestFailure("no report: the check did not run")
        return self.report

    def render(self) -> str:
        from payt_onboarding.report.formats import render

        sizes = {fmt: len(render(self.checked(), fmt)) for fmt in ("text", "json", "html")}
        json.loads(render(self.checked(), "json"))
        return ", ".join(f"{fmt} {size:,} characters" for fmt, size in sizes.items())


def core_items(check: CheckAndReport) -> list[Item]:
    return [
        ("requirements file", _requirements),
        ("TLS trust store", _trust_store),
        ("keyring", _keyring),
        ("check against the built-in simulator", check.check),
        ("report template and renderers", check.render),
    ]
