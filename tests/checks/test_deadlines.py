"""The end of classic tokens as a finding, with the clock moved instead of waiting for 2027."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from payt_onboarding.checks.deadlines import classic_phase_out
from tests.support.scenarios import check


@pytest.mark.parametrize("today,severity,expiry,days", [
    (date(2026, 12, 2), "warning", "01-05-2027", 150),
    (date(2027, 5, 1), "warning", "01-05-2027", 0),
    (date(2027, 6, 1), "warning", "31-08-2027", 91),  # only new classic tokens, until the end
    (date(2027, 8, 31), "warning", "31-08-2027", 0),
])
def test_a_warning_until_the_last_day(today: date, severity: str, expiry: str,
                                      days: int) -> None:
    finding = classic_phase_out("nl", today)
    assert (finding.code, finding.severity) == ("token.classic_phase_out", severity)
    assert expiry in finding.message and "31-08-2027" in finding.message
    assert (str(days) in finding.message) or days == 0
    assert "Hybride" in finding.hint and "OAuth" in finding.hint


def test_an_error_after_the_last_day() -> None:
    finding = classic_phase_out("en", date(2027, 9, 1))
    assert (finding.code, finding.severity) == ("token.classic_phase_out", "error")
    assert "2027-08-31" in finding.message and "OAuth" in finding.hint


def test_a_check_after_the_end_is_not_ready(simulator: Any) -> None:
    report = check(simulator("healthy"), today=date(2027, 9, 1))
    assert report.codes("error") == {"token.classic_phase_out"}
    assert report.verdict == "not_ready" and report.target.auth == "classic_token"


def test_a_check_with_short_lived_tokens_renews_them_along_the_way(simulator: Any) -> None:
    server = simulator("oauth_short_lived")
    report = check(server)
    assert report.verdict == "ready", [f.message for f in report.findings]
    assert report.target.auth == "oauth_client_secret"
    assert (report.target.client_auth, report.target.access_token_lifetime) == ("post", 1)
    token_requests = [r for r in server.requests if r.method == "POST"]
    assert len(token_requests) >= 2 and all(r.status == 200 for r in token_requests)
