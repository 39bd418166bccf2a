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
from payt_onboarding.messages import Localized
from payt_onboarding.messages.ids import MessageId, SelfTestId

if TYPE_CHECKING:
    from payt_onboarding.report.model import Report

__all__ = ["CheckAndReport", "Item", "Outcome", "SelfTestFailure", "core_items", "run"]

_VERDICTS: dict[str, MessageId] = {"ready": "profiles.verdict.ready",
                                   "ready_with_warnings": "profiles.verdict.ready_with_warnings",
                                   "not_ready": "profiles.verdict.not_ready"}

# What is tested (a message id), and a test that says what it found (in any language).
Item = tuple[SelfTestId, Callable[[], Localized]]


@dataclass(frozen=True)
class Outcome:
    name: SelfTestId
    ok: bool
    detail: Localized | str  # str: an unexpected error's own (English) text


class SelfTestFailure(Exception):
    """An item found something wrong; `text` says what."""

    def __init__(self, text: Localized) -> None:
        super().__init__(text.render("en"))
        self.text = text


def run(items: list[Item]) -> Iterator[Outcome]:
    """Each item in turn; one that fails (however) is reported and the next still runs."""
    for name, test in items:
        try:
            yield Outcome(name, True, test())
        except SelfTestFailure as failure:
            yield Outcome(name, False, failure.text)
        except Exception as error:  # a self-test reports every failure, it never stops on one
            yield Outcome(name, False, f"{type(error).__name__}: {error}")


def _requirements() -> Localized:
    from payt_onboarding.requirements.load import BUILT_IN, load_requirements

    requirements = load_requirements()
    origin = Localized("requirements.built_in") if requirements.origin == BUILT_IN \
        else requirements.origin
    return Localized("selftest.requirements.found", {"count": len(requirements.connectors),
                                                     "origin": origin})


def _trust_store() -> Localized:
    import truststore

    description = diagnostics.trust_store_in_words()
    truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if sys.platform not in ("win32", "darwin"):
        context = ssl.create_default_context()
        if not context.cert_store_stats()["x509_ca"]:
            raise SelfTestFailure(Localized("selftest.trust_store.empty", {"store": description}))
    return Localized("selftest.trust_store.found", {"store": description})


def _keyring() -> Localized:
    from payt_onboarding.app.credentials import keyring_status

    status = keyring_status()
    if status.usable:
        return Localized("selftest.keyring.usable", {"store": status.name})
    # Not a failure: without a keyring the wizard keeps the token for the session only.
    return Localized("selftest.keyring.unusable", {"store": status.name,
                                                   "reason": status.why or status.reason})


class CheckAndReport:
    """A whole check of the simulator's healthy scenario, then its report as text, JSON and
    HTML (the PDF is Qt's: gui/selftest.py)."""

    def __init__(self) -> None:
        self.report: Report | None = None

    def check(self) -> Localized:
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
            raise SelfTestFailure(Localized("selftest.check.not_ready", {
                "verdict": report.verdict, "codes": ", ".join(sorted(report.codes()))}))
        return Localized("selftest.check.done", {
            "verdict": Localized(_VERDICTS[report.verdict]), "count": len(report.connectors),
            "ms": f"{report.duration_ms:.0f}"})

    def checked(self) -> Report:
        if self.report is None:
            raise SelfTestFailure(Localized("selftest.check.no_report"))
        return self.report

    def render(self) -> Localized:
        from payt_onboarding.report.formats import render

        sizes = {fmt: len(render(self.checked(), fmt)) for fmt in ("text", "json", "html")}
        json.loads(render(self.checked(), "json"))
        return Localized("selftest.render.sizes", {f"{fmt}_size": size
                                                   for fmt, size in sizes.items()})


def core_items(check: CheckAndReport) -> list[Item]:
    return [
        ("selftest.requirements", _requirements),
        ("selftest.trust_store", _trust_store),
        ("selftest.keyring", _keyring),
        ("selftest.check", check.check),
        ("selftest.render", check.render),
    ]
