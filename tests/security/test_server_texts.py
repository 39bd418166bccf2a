"""The token, quoted back by a server in any encoding through any text it sends, reaches no
output: not the text, JSON, HTML or PDF report, not the clipboard text, not a log record.

A hostile server in front of the simulator puts one encoded form of the token into one channel
(error text, log reference, app name, group, environment id, field labels, row values); the
check runs over the real HTTP stack and every output is searched for every form.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.check import check_environment
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.report.formats import render
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_text import render_text
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import Start, run
from tests.support.hostile import Echo, HostileServer
from tests.support.leaks import encoded_forms, leaked, secret_forms
from tests.support.reports import pdf_text

TOKEN = AfasToken.from_data(DEMO_TOKEN_DATA)
FORMS = {"header": TOKEN.authorization_header(), "xml": TOKEN.xml(), **encoded_forms(TOKEN)}
CHANNELS = ["externalMessage", "profitLogReference", "appName", "group", "envid", "label",
            "row"]
_SEPARATORS = re.compile(r"[\s:.\-]")


def check(server: HostileServer, language: str) -> Report:
    environment = Environment.parse(DEMO_UID, base_url=server.url)
    options = CheckOptions(sample_size=20, language=language)  # type: ignore[arg-type]
    return run(check_environment(environment, TOKEN, load_requirements(None), options))


def outputs(report: Report) -> dict[str, str]:
    return {"json": render(report, "json"), "html": render(report, "html"),
            "text": render(report, "text"), "clipboard": render_text(report, width=120)}


def assert_clean(text: str) -> None:
    assert not leaked(text)
    assert not [name for name, form in FORMS.items() if form in text]
    # The hex data in any letter case and grouping, however the output wraps it.
    assert DEMO_TOKEN_DATA.lower() not in _SEPARATORS.sub("", text).lower()


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("form", sorted(FORMS))
def test_no_form_of_the_token_reaches_a_report(
    simulator: Start, channel: str, form: str
) -> None:
    upstream: SimulatorServer = simulator("healthy")
    with HostileServer(upstream, Echo(channel, FORMS[form])) as server:
        found = outputs(check(server, "en" if channel == "row" else "nl"))
    assert "[token]" in found["json"], "the echo went into the report, blanked"
    for text in found.values():
        assert_clean(text)


@pytest.mark.parametrize("channel", CHANNELS)
def test_no_form_of_the_token_reaches_the_pdf_report(
    simulator: Start, channel: str, qapp: Any, tmp_path: Path
) -> None:
    from payt_onboarding.gui.report_pdf import render_pdf

    every_form = " | ".join(FORMS.values())[:1900]  # one server text: cut at 2,000 characters
    with HostileServer(simulator("healthy"), Echo(channel, every_form)) as server:
        report = check(server, "nl")
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(render_pdf(report))
    assert "[token]" in render(report, "json")
    assert_clean(pdf_text(pdf))
    assert_clean(pdf.read_bytes().decode("latin-1"))


@pytest.mark.parametrize("form", sorted(FORMS))
def test_no_form_of_the_token_reaches_a_log_from_the_http_layer(
    simulator: Start, form: str
) -> None:
    # The token in a response header and the reason phrase: the suite's leak guard records
    # every log record at DEBUG, the HTTP libraries' own included, and fails on any form.
    with HostileServer(simulator("healthy"), Echo("http_header", FORMS[form])) as server:
        report = check(server, "nl")
    # A line break in a header breaks the answer itself: unreachable, not unexpected.
    assert report.codes() & {"connection.unexpected_response", "connection.unreachable"}
    assert_clean(render(report, "json"))


def test_the_guard_knows_every_form() -> None:
    assert set(FORMS.values()) <= set(secret_forms(TOKEN))
