"""The report renderers: JSON round trip, HTML escaping and layout facts, terminal-safe text."""

from __future__ import annotations

import hashlib
import json
import re

import pydantic
import pytest

from payt_onboarding.report.labels import percent
from payt_onboarding.report.model import (
    ConnectorResult,
    Finding,
    Report,
    Target,
    verdict_of,
)
from payt_onboarding.report.render_html import render_html
from payt_onboarding.report.render_json import render_json, report_sha256
from payt_onboarding.report.render_text import clean, render_text
from payt_onboarding.vocabulary import Severity
from tests.support.reports import HOSTILE, LONG, empty_report, sample_report

HOSTILE_ESCAPED = (
    "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;Zonen&#34; &#39;BV&#39;"
)


# JSON


def test_json_round_trips_in_model_order() -> None:
    report = sample_report()
    text = render_json(report)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert Report.model_validate(json.loads(text)) == report
    assert list(json.loads(text)) == list(Report.model_fields)
    assert "Müller & Söhne" in text  # not \u00fc escapes
    assert '\n  "schema_version": 1,' in text


def test_report_sha256_is_the_hash_of_the_utf8_bytes() -> None:
    text = render_json(sample_report())
    assert report_sha256(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert report_sha256(text) != report_sha256(render_json(sample_report(cancelled=True)))
    assert report_sha256("é") == hashlib.sha256(b"\xc3\xa9").hexdigest()


def test_model_caps_examples_at_five() -> None:
    with pytest.raises(pydantic.ValidationError):
        Finding(code="field.empty", severity="warning", message="m", hint="h",
                examples=tuple(str(n) for n in range(6)))


# HTML


def test_html_escapes_hostile_values_in_text_and_attributes() -> None:
    role = 'x" onmouseover="alert(1)'
    target = Target(uid="12345", environment="test", base_url="https://x", app_name=HOSTILE,
                    user_group=HOSTILE)
    report = sample_report(target=target, connectors=(
        ConnectorResult(role=role, title=HOSTILE, connector_id=HOSTILE, required=True,
                        status="ok"),
    ))
    html = render_html(report)
    assert "<script>alert" not in html
    assert HOSTILE_ESCAPED in html
    assert 'id="connector-x&#34; onmouseover=&#34;alert(1)"' in html
    assert '" onmouseover="' not in html
    assert 'aria-label="Velden van ' not in html  # no fields: no table
    assert LONG in html  # long values are wrapped by CSS, never cut


def test_html_shows_control_characters_as_escapes_and_ids_break_at_underscores() -> None:
    html = render_html(sample_report(connectors=(
        ConnectorResult(role="r", connector_id="<b>Payt_x</b>\x00", required=True, status="ok"),
    )))
    assert "\x1b" not in html and "\x00" not in html and "\x9b" not in html
    assert r"\x1b]0;pwned\x07D10050: \x1b[31mXX\x1b[0m\x0dNL\x9b2J" in html
    assert r"&lt;b&gt;Payt_<wbr>x&lt;/b&gt;\x00" in html
    assert "invoice_<wbr>open_<wbr>amount_<wbr>inc_<wbr>vat" in html


def test_html_is_standalone_without_scripts_or_external_resources() -> None:
    html = render_html(sample_report()).lower()
    assert html.startswith("<!doctype html>")
    for forbidden in ("<script", "javascript:", "<link", "src=", "@import", "url(", "<img"):
        assert forbidden not in html, forbidden
    assert re.search(r"\son[a-z]+=", html) is None  # no event handler attributes
    assert "overflow-wrap: anywhere" in html and "@media print" in html


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ["Niet klaar", "gekoppeld", "ontbreekt", "verkeerd type", "leeg", "overgeslagen",
                "Wat te doen", "Payt-veld", "62%", "99%"]),
        ("en", ["Not ready", "mapped", "missing", "wrong type", "empty", "skipped",
                "What to do", "Payt field", "62%", "99%"]),
    ],
)
def test_html_renders_both_languages(language: str, words: list[str]) -> None:
    html = render_html(sample_report(language=language))
    assert f'<html lang="{language}">' in html
    for word in words:
        assert word in html, word
    other = "Not ready" if language == "nl" else "Niet klaar"
    assert other not in html


@pytest.mark.parametrize(
    ("language", "findings", "word"),
    [
        ("nl", (), "Klaar voor Payt"),
        ("nl", ("warning",), "Klaar, met waarschuwingen"),
        ("nl", ("warning", "error"), "Niet klaar"),
        ("en", (), "Ready for Payt"),
        ("en", ("info", "warning"), "Ready, with warnings"),
        ("en", ("error",), "Not ready"),
    ],
)
def test_verdict_word_comes_first(
    language: str, findings: tuple[Severity, ...], word: str
) -> None:
    found = tuple(Finding(code="x.y", severity=s, message="m", hint="h") for s in findings)
    report = sample_report(language=language, findings=found, verdict=verdict_of(found))
    html = render_html(report)
    body = html[html.index("<body>"):]
    assert f'<p class="word">{word}</p>' in body
    assert body.index(word) < body.index('class="facts"')
    assert render_text(report).splitlines()[0].startswith(word.upper())


def test_findings_are_grouped_errors_first() -> None:
    html = render_html(sample_report())  # the sample lists info before warning before error
    heads = re.findall(r'<h3 class="group">([^<(]+)\((\d+)\)</h3>', html)
    assert heads == [("Fouten ", "2"), ("Waarschuwingen ", "3"), ("Ter informatie ", "1")]
    assert 'id="connector-sales_entries"' in html  # findings link to their connector section
    assert '<a href="#connector-sales_entries">Verkoopboekingen</a>' in html


def test_cancelled_report_shows_the_banner() -> None:
    banner = "Controle afgebroken: onvolledig resultaat"
    assert banner in render_html(sample_report(cancelled=True))
    assert banner not in render_html(sample_report())
    assert banner in render_text(sample_report(cancelled=True))
    assert "Check cancelled: incomplete result" in render_html(
        sample_report(language="en", cancelled=True)
    )


def test_empty_report_renders() -> None:
    html = render_html(empty_report())
    assert "Geen bevindingen" in html and "Er zijn geen connectoren gecontroleerd." in html
    assert "No findings" in render_text(empty_report("en"))


def test_percent_never_rounds_a_gap_away() -> None:
    assert [percent(r) for r in (None, 0.0, 0.001, 0.5, 0.996, 1.0)] == [
        "—", "0%", "1%", "50%", "99%", "100%"
    ]


# Text

_OUR_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def test_text_without_colour_has_no_control_characters() -> None:
    text = render_text(sample_report())
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text and "\x9b" not in text
    assert "pwned" not in text  # the whole title-setting sequence is gone, not only its ESC
    assert "- D10050: XXNL2J\n" in text


def test_text_colour_paints_only_severity_and_verdict_words() -> None:
    text = render_text(sample_report(), color=True)
    assert text.startswith("\x1b[1;31mNIET KLAAR\x1b[0m")
    painted = set(re.findall(r"\x1b\[[0-9;]*m([^\x1b]*)\x1b\[0m", text))
    assert painted == {"NIET KLAAR", "FOUT", "WAARSCHUWING", "INFO"}
    assert "\x1b" not in _OUR_COLOURS.sub("", text)  # AFAS escapes are still stripped


@pytest.mark.parametrize("width", [100, 60])
def test_text_wraps_to_width(width: int) -> None:
    text = render_text(sample_report(), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "x" * 40 in text  # the 300-character value is wrapped, not dropped


def test_text_layout() -> None:
    lines = render_text(sample_report()).splitlines()
    assert lines[0] == "NIET KLAAR  Controle AFAS-koppeling voor Payt"
    connector = next(line for line in lines if "Betalingsvoorwaarden" in line)
    assert re.fullmatch(r"  \[\+\] Betalingsvoorwaarden +Payt_payment_conditions +in orde +"
                        r"12 rijen +95 ms", connector)
    attachments = next(line for line in lines if "Factuur-pdf's" in line)
    assert re.fullmatch(r"  \[x\] Factuur-pdf's \(dossieritems\) +\(AppConnectorSubject\) "
                        r"+ontbreekt", attachments)
    severities = [line.split()[0] for line in lines if re.match(r"  [A-Z]{4,} ", line)]
    assert severities == ["FOUT", "FOUT", "WAARSCHUWING", "WAARSCHUWING", "WAARSCHUWING",
                          "INFO"]
    assert any(line.strip().startswith("Wat te doen: Algemeen → Beheer") for line in lines)
    assert lines[-1].startswith("2 fouten, 3 waarschuwingen, 1 melding ter informatie.")


def test_text_english() -> None:
    text = render_text(sample_report(language="en"))
    assert text.startswith("NOT READY  AFAS connection check for Payt")
    assert "2 errors, 3 warnings, 1 note." in text and "What to do:" in text


def test_clean_strips_escape_sequences_and_controls() -> None:
    assert clean("a\x1b[2J\x1b]8;;http://x\x1b\\b\x00c\x7fd\te\nf\u202eg") == "abcd\te\nfg"


@pytest.mark.parametrize(("language", "words"), [("nl", "geen eigen vervaldatum"),
                                                 ("en", "no expiry date of its own")])
def test_token_expiry_zero_means_no_expiry(language: str, words: str) -> None:
    # AFAS's /metainfo says tokenExpiry "0" for a token without an end date.
    sample = sample_report(language=language)
    report = sample.model_copy(update={
        "target": sample.target.model_copy(update={"token_expiry": "0"})})
    assert words in render_text(report)
    assert words in render_html(report)
    assert "31-01-2026" in render_text(sample_report())
    assert "2026-01-31" in render_text(sample_report(language="en"))


def test_html_order_is_verdict_then_connector_tables_then_findings() -> None:
    html = render_html(sample_report())
    verdict = html.index('class="verdict')
    table = html.index("<table")
    findings = html.index('id="findings"')
    assert verdict < table < findings
    assert 'href="#findings"' in html[verdict:table]  # the shortcut past the tables


def test_html_says_missing_only_for_a_missing_connector_not_a_skipped_one() -> None:
    skipped = ConnectorResult(role="invoice_lines", title="Verkoopfactuurregels",
                              connector_id=None, required=True, status="skipped",
                              expected_connector="Payt_Verkoopfactuurregels")
    missing = skipped.model_copy(update={"status": "missing"})
    assert "ontbreekt" not in render_html(sample_report(connectors=(skipped,), findings=()))
    assert "ontbreekt" in render_html(sample_report(connectors=(missing,), findings=()))


def test_html_says_in_one_line_that_no_connector_was_tested() -> None:
    skipped = tuple(
        ConnectorResult(role=role, title=role, connector_id=None, required=True,
                        status="skipped")
        for role in ("administrations", "sales_entries"))
    html = render_html(sample_report(connectors=skipped))
    assert "Geen enkele connector is getest" in html
    assert 'class="connector"' not in html
    assert 'class="connector"' in render_html(sample_report())


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", ["25-11-2026", "1.202,38", "ja", "nee", "25-11-2026 13:05"]),
    ("en", ["2026-11-25", "1,202.38", "yes", "no", "2026-11-25 13:05"]),
])
def test_sampled_values_read_the_readers_way(language: str, expected: list[str]) -> None:
    from payt_onboarding.report.labels import labels_for, sample_text

    labels = labels_for(language)
    raw = [("2026-11-25T00:00:00Z", "date"), ("1202.38", "decimal"), ("True", "boolean"),
           ("false", "boolean"), ("2026-11-25T13:05:00", "date")]
    assert [sample_text(labels, value, kind) for value, kind in raw] == expected
    # What does not parse, or is text, stays as AFAS sent it.
    assert sample_text(labels, "31-02-2026", "date") == "31-02-2026"
    assert sample_text(labels, "12,5 EUR", "decimal") == "12,5 EUR"
    assert sample_text(labels, "1202.38", "text") == "1202.38"


def test_times_are_local_with_the_zone_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from payt_onboarding.report.labels import labels_for, when

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        assert when(labels_for("nl"), "2026-12-02T06:50:00+00:00") == "02-12-2026 07:50 CET"
        assert when(labels_for("en"), "2026-07-02T06:50:00+00:00") == "2026-07-02 08:50 CEST"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
