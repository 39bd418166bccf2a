"""`payt-onboarding check` as scripts run it: a real process against simulators on 127.0.0.1.

Covers the contract of DESIGN.md section 3 (token sources, exit status, stdout/--output) and
section 4 (the JSON report), plus --save-profile/--profile with and without a system keyring.
Every run is checked for tracebacks and for the token in any form (raw data, XML, the base64
Authorization value) in stdout and stderr; every file a test leaves in tmp_path is scanned too.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.messages import Localized, template
from payt_onboarding.profile.model import NAME_MAX_LENGTH
from payt_onboarding.profile.store import CONFIG_DIR_ENV
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.dataset import SALES_ENTRIES, SALES_INVOICES
from payt_onboarding.simulator.defects import HOSTILE_COMPANY_NAME
from payt_onboarding.simulator.oauth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer
from payt_onboarding.vocabulary import Language
from tests.support.leaks import leaked, register_secret
from tests.support.reports import pdf_text
from tests.support.scenarios import EXPECTED
from tests.support.texts import LANGUAGE, pieces, said, says

CHECK = [sys.executable, "-m", "payt_onboarding.cli", "check"]
FAIL_KEYRING = "keyring.backends.fail.Keyring"
TOKEN_ENV = "PAYT_AFAS_TOKEN"
DEMO = AfasToken.from_data(DEMO_TOKEN_DATA)
DEMO_FORMS = {
    "data": DEMO_TOKEN_DATA + "\n",
    "xml": f"<token><version>1</version><data>{DEMO_TOKEN_DATA}</data></token>\n",
    "header": DEMO.authorization_header() + "\n",
}
EXIT = {"ready": 0, "ready_with_warnings": 1, "not_ready": 2}
# With a classic token, healthy warns that classic tokens end (token.classic_phase_out).
HEALTHY = EXPECTED["healthy"][0]
EXIT_USAGE = 64  # the contract, written out: a test of it must not import it

# The verdict as the Dutch text report opens with it (case aside).
TEXT_VERDICT = {
    "ready": "klaar voor payt",
    "ready_with_warnings": "klaar, met waarschuwingen",
    "not_ready": "niet klaar",
}
HOSTILE_ESCAPED = (
    "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;Zonen&#34; &#39;BV&#39;"
)
SCHEMA = json.loads(
    (files("payt_onboarding") / "resources" / "report.schema.json").read_text(encoding="utf-8"))
# The keys DESIGN.md section 4 promises (more may be added, none removed).
REPORT_KEYS = {"schema_version", "tool", "checked_at", "target", "verdict", "connectors",
               "findings"}
TARGET_KEYS = {"uid", "environment", "base_url", "envid", "app_name", "user_group",
               "token_expiry"}
CONNECTOR_KEYS = {"role", "connector_id", "required", "status", "rows_sampled", "duration_ms",
                  "fields"}
FIELD_KEYS = {"payt_field", "afas_field", "mandatory", "status", "afas_type", "fill_rate"}
FINDING_KEYS = {"code", "severity", "role", "connector_id", "field", "message", "hint", "count",
                "examples"}


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        report: dict[str, Any] = json.loads(self.out)
        return report


Cli = Callable[..., Result]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """Run `check` in tmp_path, with its own config directory and, unless told otherwise,
    keyring's fail backend (so no test ever touches a real keyring by accident)."""
    config = tmp_path / "config"

    def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            keyring: str | None = FAIL_KEYRING) -> Result:
        assert not leaked(" ".join(args)), "a test put the token in argv"
        environ = {k: v for k, v in os.environ.items()
                   if k not in (TOKEN_ENV, "PYTHON_KEYRING_BACKEND", "PAYT_ONBOARDING_DEBUG")}
        environ[CONFIG_DIR_ENV] = str(config)
        if keyring:
            environ["PYTHON_KEYRING_BACKEND"] = keyring
        environ.update(env or {})
        stdio: dict[str, Any] = ({"input": stdin} if stdin is not None
                                 else {"stdin": subprocess.DEVNULL})
        done = subprocess.run([*CHECK, *args], capture_output=True, text=True, env=environ,
                              cwd=tmp_path, timeout=60, check=False, **stdio)
        result = Result(done.returncode, done.stdout, done.stderr)
        assert not leaked(result.out), "the token is in stdout"
        assert not leaked(result.err), "the token is in stderr"
        assert "Traceback" not in result.out + result.err, result.err
        assert result.code in (0, 1, 2, EXIT_USAGE), result.err
        return result

    return run


def target(server: SimulatorServer) -> list[str]:
    return ["--uid", DEMO_UID, "--base-url", server.url]


def assert_valid_report(report: dict[str, Any]) -> None:
    """The DESIGN.md section 4 keys, and valid against the schema kept in the package."""
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator,
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert report.keys() >= REPORT_KEYS
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "payt-onboarding"
    assert report["target"].keys() >= TARGET_KEYS
    assert report["connectors"], "no connectors in the report"
    for connector in report["connectors"]:
        assert connector.keys() >= CONNECTOR_KEYS, connector["role"]
        for field in connector["fields"]:
            assert field.keys() >= FIELD_KEYS, (connector["role"], field["payt_field"])
    for finding in report["findings"]:
        assert finding.keys() >= FINDING_KEYS, finding["code"]


def codes(report: dict[str, Any], severity: str) -> set[str]:
    return {f["code"] for f in report["findings"] if f["severity"] == severity}


def assert_usage_error(result: Result, *needles: str) -> None:
    assert result.code == EXIT_USAGE, (result.code, result.err)
    assert result.out == ""
    for needle in needles:
        assert needle in result.err, (needle, result.err)


# -- exit status and the JSON report -------------------------------------------------------------


@pytest.mark.parametrize("scenario", [
    "healthy", "slow", "token_expires_soon", "connector_missing", "token_rejected"])
def test_exit_status_follows_the_verdict(cli: Cli, sim: Any, scenario: str) -> None:
    verdict, errors, warnings = EXPECTED[scenario]
    server = sim(scenario)
    result = cli(*target(server), "--token-stdin", "--format", "json",
                 stdin=DEMO_FORMS["data"])
    assert result.code == EXIT[verdict], result.err
    report = result.json()
    assert_valid_report(report)
    assert report["verdict"] == verdict
    assert codes(report, "error") == errors
    assert codes(report, "warning") == warnings
    assert report["target"]["uid"] == DEMO_UID
    assert report["target"]["base_url"] == server.url


@pytest.mark.parametrize(("scenario", "language", "heading"), [
    ("healthy", "nl", TEXT_VERDICT["ready_with_warnings"]),  # classic tokens end in 2027
    ("token_expires_soon", "nl", TEXT_VERDICT["ready_with_warnings"]),
    ("connector_missing", "nl", TEXT_VERDICT["not_ready"]),
    ("oauth_healthy", "en", "ready for payt"),
])
def test_the_text_report_opens_with_the_verdict(
    cli: Cli, sim: Any, scenario: str, language: str, heading: str
) -> None:
    oauth = scenario.startswith("oauth")
    result = cli(*target(sim(scenario)), "--language", language,
                 *(["--client-id", DEMO_CLIENT_ID, "--client-secret-stdin"] if oauth
                   else ["--token-stdin"]),
                 stdin=DEMO_CLIENT_SECRET if oauth else DEMO_FORMS["xml"])
    assert result.code == EXIT[EXPECTED[scenario][0]]
    assert result.out.splitlines()[0].casefold().startswith(heading), result.out[:200]
    assert "\x1b[" not in result.out  # not a terminal: no colour codes


def test_the_html_report(cli: Cli, sim: Any) -> None:
    result = cli(*target(sim("healthy")), "--token-stdin", "--format", "html",
                 stdin=DEMO_FORMS["data"])
    assert result.code == EXIT[HEALTHY]
    assert result.out.lower().startswith("<!doctype html")
    assert result.out.rstrip().endswith("</html>")
    assert "Payt_sales_entries_v12" in result.out


def test_hostile_afas_values_are_escaped_in_the_html_report(cli: Cli) -> None:
    # The data_quality scenario's hostile company name, planted where the report must show it:
    # as every debtor's name (field samples) and as a payment condition (finding examples).
    config = build_config("healthy", entries=60)
    for connector in (SALES_ENTRIES, SALES_INVOICES):
        for row in config.dataset.connectors[connector].rows:
            row["debtor_company_name"] = HOSTILE_COMPANY_NAME
            row["invoice_payment_condition"] = HOSTILE_COMPANY_NAME
    with SimulatorServer(config) as server:
        result = cli(*target(server), "--token-stdin", "--format", "html",
                     stdin=DEMO_FORMS["data"])
    assert result.code == EXIT["ready_with_warnings"], result.err  # unknown payment condition
    assert result.out.count(HOSTILE_ESCAPED) >= 3, "not shown in samples and examples"
    assert HOSTILE_COMPANY_NAME not in result.out
    assert "<script>alert" not in result.out


# -- --output --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt", "expected"), [
    ("report.json", None, "json"),
    ("report.html", None, "html"),
    ("report.htm", None, "html"),
    ("report.txt", None, "text"),
    ("report.txt", "json", "json"),  # --format wins over the extension
])
def test_output_writes_the_file_atomically_in_the_format_of_its_extension(
    cli: Cli, sim: Any, tmp_path: Path, name: str, fmt: str | None, expected: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / name
    path.write_text("the previous report", encoding="utf-8")
    before = path.stat().st_ino
    args = ["--format", fmt] if fmt else []
    result = cli(*target(sim("token_expires_soon")), "--token-stdin", "--output",
                 f"out/{name}", *args, stdin=DEMO_FORMS["data"])
    assert result.code == EXIT["ready_with_warnings"], result.err
    assert result.out == ""
    # The terminal still learns the verdict and where the report went (expiry, phase-out).
    assert "Klaar, met waarschuwingen: 0 fouten, 2 waarschuwingen" in result.err, result.err
    assert f"→ out/{name}" in result.err
    assert sorted(p.name for p in folder.iterdir()) == [name]  # no temp file left behind
    if os.name == "posix":
        assert path.stat().st_ino != before, "written in place, not renamed over the old file"
    content = path.read_text(encoding="utf-8")
    if expected == "json":
        report = json.loads(content)
        assert_valid_report(report)
        assert report["verdict"] == "ready_with_warnings"
    elif expected == "html":
        assert content.lower().startswith("<!doctype html")
    else:
        assert content.splitlines()[0].casefold().startswith(TEXT_VERDICT["ready_with_warnings"])


def test_a_pdf_report_says_what_the_html_report_says(cli: Cli, sim: Any, tmp_path: Path) -> None:
    result = cli(*target(sim("data_quality")), "--token-stdin", "--output", "rapport.pdf",
                 stdin=DEMO_FORMS["data"])
    assert result.code == EXIT["not_ready"], result.err
    pdf = tmp_path / "rapport.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert "Niet klaar" in text and "Controle AFAS-koppeling voor Payt" in text
    # A finding's message and what to do, as the HTML report has them.
    assert "Geen debiteurnaam" in text and "Wat te doen" in text
    assert leaked("".join(text.split())) == []


@pytest.mark.parametrize(("args", "needles"), [
    (["--output", "rapport.docx"], (said("cli.check.unknown_extension", output="rapport.docx"),)),
    (["--format", "pdf"], (said("cli.check.pdf_needs_output"),)),
])
def test_a_report_format_that_cannot_be_written_is_refused_before_the_check(
        cli: Cli, sim: Any, tmp_path: Path, args: list[str], needles: tuple[str, ...]) -> None:
    server = sim("healthy")
    before = len(server.requests)
    result = cli(*target(server), "--token-stdin", *args, stdin=DEMO_FORMS["data"])
    assert_usage_error(result, *needles)
    assert len(server.requests) == before
    assert list(tmp_path.glob("rapport.*")) == []


# -- token sources ---------------------------------------------------------------------------------


@pytest.mark.parametrize("form", sorted(DEMO_FORMS))
def test_token_on_stdin_in_every_form(cli: Cli, sim: Any, form: str) -> None:
    result = cli(*target(sim("healthy")), "--token-stdin", "--format", "json",
                 stdin=DEMO_FORMS[form])
    assert result.code == EXIT[HEALTHY], result.err
    assert result.json()["verdict"] == HEALTHY


@pytest.mark.parametrize("form", ["data", "xml"])
def test_token_from_the_environment_variable(cli: Cli, sim: Any, form: str) -> None:
    result = cli(*target(sim("healthy")), env={TOKEN_ENV: DEMO_FORMS[form]})
    assert result.code == EXIT[HEALTHY], result.err


def _other_token() -> str:
    data = secrets.token_hex(32).upper()
    register_secret(data)
    return data


def test_the_environment_token_is_used_and_stdin_comes_first(cli: Cli, sim: Any) -> None:
    server = sim("healthy")
    wrong = _other_token()
    rejected = cli(*target(server), "--format", "json", env={TOKEN_ENV: wrong})
    assert rejected.code == EXIT["not_ready"]
    assert "token.rejected" in codes(rejected.json(), "error")
    accepted = cli(*target(server), "--token-stdin", stdin=DEMO_FORMS["data"],
                   env={TOKEN_ENV: wrong})
    assert accepted.code == EXIT[HEALTHY], accepted.err


@pytest.mark.parametrize("env", [{}, {TOKEN_ENV: "  \n"}], ids=["unset", "blank"])
def test_no_token_and_no_keyring_says_how_to_give_one(
    cli: Cli, sim: Any, env: dict[str, str]
) -> None:
    server = sim("healthy")
    before = len(server.requests)
    result = cli(*target(server), env=env)
    assert_usage_error(result, *pieces("cli.check.no_token"), TOKEN_ENV)
    assert len(server.requests) == before, "AFAS was called without a token"


# -- usage errors ----------------------------------------------------------------------------------


def test_no_uid(cli: Cli, sim: Any) -> None:
    result = cli("--base-url", sim("healthy").url, "--token-stdin", stdin=DEMO_FORMS["data"])
    assert_usage_error(result, "--uid", "--profile")


def test_a_malformed_uid(cli: Cli) -> None:
    result = cli("--uid", "abc", "--token-stdin", stdin=DEMO_FORMS["data"])
    assert_usage_error(result, "'abc'", *pieces("input.uid.invalid"))


def test_plain_http_to_another_host_is_refused(cli: Cli) -> None:
    result = cli("--uid", DEMO_UID, "--base-url", "http://example.com/ProfitRestServices",
                 "--token-stdin", stdin=DEMO_FORMS["data"])
    assert_usage_error(result, "https://")


STDIN = said("cli.word.stdin")


@pytest.mark.parametrize(("text", "needles"), [
    ("this is not a token", (said("cli.token.unreadable", where=STDIN,
                                  reason=said("input.token.not_a_token")),)),
    # 63 hex digits and an O for a 0: the message must not repeat the value.
    (f"<token><version>1</version><data>{'AB12' * 15}ABO</data></token>",
     (said("cli.token.unreadable", where=STDIN, reason=said("input.token.not_hex")),)),
    ("", (said("cli.token.empty", where=STDIN),)),
    (" \r\n\t", (said("cli.token.empty", where=STDIN),)),
], ids=["not-a-token", "not-hex", "empty", "blank"])
def test_a_bad_token_on_stdin(cli: Cli, sim: Any, text: str, needles: tuple[str, ...]) -> None:
    server = sim("healthy")
    before = len(server.requests)
    result = cli(*target(server), "--token-stdin", stdin=text)
    assert_usage_error(result, *needles)
    assert "AB12AB12" not in result.err
    assert len(server.requests) == before


def _requirements_with_a_mistake(folder: Path) -> tuple[Path, int]:
    text = (files("payt_onboarding") / "resources" / "payt_requirements.toml").read_text(
        encoding="utf-8")
    lines = text.splitlines()
    line = lines.index("required = true")  # the first connector's
    lines[line] = 'required = "sometimes"'
    path = folder / "eisen.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, line + 1


def test_a_requirements_file_with_a_mistake_names_line_and_key(
    cli: Cli, sim: Any, tmp_path: Path
) -> None:
    path, line = _requirements_with_a_mistake(tmp_path)
    result = cli(*target(sim("healthy")), "--token-stdin", "--requirements", str(path),
                 stdin=DEMO_FORMS["data"])
    assert_usage_error(result, str(path), said(
        "requirements.line.key", line=line, key="connectors[0].required",
        problem=Localized("requirements.not_bool")))
    assert says(result.err, "requirements.mistakes")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_bad_requirements_file_is_told_in_the_language_of_the_run(
    cli: Cli, sim: Any, tmp_path: Path, language: Language
) -> None:
    """The whole message in --language's words, nothing of the other language; AFAS not asked."""
    server = sim("healthy")
    before = len(server.requests)
    path, line = _requirements_with_a_mistake(tmp_path)
    result = cli("--language", language, *target(server), "--token-stdin",
                 "--requirements", str(path), stdin=DEMO_FORMS["data"])
    problem = Localized("requirements.found", {"problem": Localized("requirements.not_bool"),
                                               "value": "'sometimes'"})
    first = Localized("requirements.line.key", {"line": line, "key": "connectors[0].required",
                                                "problem": problem})
    assert_usage_error(result, said("requirements.mistakes", language, origin=str(path),
                                    count=1, problems=first))
    other: Language = "en" if language == "nl" else "nl"
    assert not says(result.err, "requirements.mistakes", other), result.err
    assert len(server.requests) == before


def test_a_requirements_file_that_is_not_toml(cli: Cli, sim: Any, tmp_path: Path) -> None:
    path = tmp_path / "eisen.toml"
    path.write_text('schema_version = 1\ntitle = "Payt\n', encoding="utf-8")
    result = cli(*target(sim("healthy")), "--token-stdin", "--requirements", str(path),
                 stdin=DEMO_FORMS["data"])
    assert_usage_error(result, str(path))
    assert says(result.err, "requirements.not_toml"), result.err
    where = template("requirements.not_toml", LANGUAGE).partition("{column}")[0]
    assert where.format(line=2) in result.err, result.err  # "regel 2, kolom "


def test_a_requirements_file_that_does_not_exist(cli: Cli, sim: Any, tmp_path: Path) -> None:
    path = tmp_path / "nergens.toml"
    result = cli(*target(sim("healthy")), "--token-stdin", "--requirements", str(path),
                 stdin=DEMO_FORMS["data"])
    assert_usage_error(result, said("requirements.error", origin=str(path),
                                    why=Localized("requirements.not_found")))


def test_output_into_a_folder_that_does_not_exist(cli: Cli, sim: Any, tmp_path: Path) -> None:
    server = sim("healthy")
    before = len(server.requests)
    result = cli(*target(server), "--token-stdin", "--output", "missing/report.html",
                 stdin=DEMO_FORMS["data"])
    assert_usage_error(result, said("cli.check.no_output_folder", output="missing/report.html",
                                    folder="missing"))
    assert not (tmp_path / "missing").exists()
    assert len(server.requests) == before, "the check ran although the report cannot be written"


def test_output_onto_a_folder(cli: Cli, sim: Any, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    result = cli(*target(sim("healthy")), "--token-stdin", "--output", "reports",
                 stdin=DEMO_FORMS["data"])
    assert_usage_error(result, said("cli.check.output_is_folder", output="reports",
                                    example=Path("reports") / "rapport.html"))
    assert list((tmp_path / "reports").iterdir()) == []


@pytest.mark.parametrize(("args", "needle"), [
    (["--sample-size", "0"], said("cli.arg.between", low=1, high=100_000)),
    (["--format", "docx"], template("argparse.invalid_choice", "nl") % {
        "value": "docx", "choices": "'text', 'json', 'html', 'pdf'"}),
    (["--environment", "staging"], template("argparse.invalid_choice", "nl") % {
        "value": "staging", "choices": "'production', 'test', 'accept'"}),
])
def test_bad_arguments(cli: Cli, sim: Any, args: list[str], needle: str) -> None:
    result = cli(*target(sim("healthy")), "--token-stdin", *args, stdin=DEMO_FORMS["data"])
    assert_usage_error(result, needle, template("argparse.usage", "nl"))


def test_an_unknown_profile(cli: Cli) -> None:
    result = cli("--profile", "Bestaat niet", "--token-stdin", stdin=DEMO_FORMS["data"])
    assert_usage_error(result, said("profile.not_found.hint", name="Bestaat niet",
                                    hint=said("profile.not_found.list")))


# -- profiles --------------------------------------------------------------------------------------


def _profile_file(tmp_path: Path) -> dict[str, Any]:
    [path] = (tmp_path / "config" / "profiles").glob("*.json")
    profile: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return profile


PROFILE = "Klant Bakkerij de Vries (test)"


def test_save_profile_without_a_keyring_keeps_the_profile_not_the_token(
    cli: Cli, sim: Any, tmp_path: Path
) -> None:
    server = sim("token_expires_soon")
    saved = cli(*target(server), "--token-stdin", "--save-profile", PROFILE, "--format", "json",
                stdin=DEMO_FORMS["xml"])
    assert saved.code == EXIT["ready_with_warnings"], saved.err
    assert saved.json()["verdict"] == "ready_with_warnings"
    assert said("cli.saved", name=PROFILE, path="", kept="").split(";")[0].strip() in saved.err
    assert said("cli.saved.not_stored", what=said("cli.word.token"), problem="") in saved.err
    profile = _profile_file(tmp_path)
    assert profile["name"] == PROFILE
    assert (profile["uid"], profile["environment"]) == (DEMO_UID, "production")
    assert profile["base_url"] == server.url
    assert profile["validation"]["verdict"] == "ready_with_warnings"
    assert profile["token"] is None  # no reference to a keyring entry that does not exist

    # The profile gives UID and address; the token must be given again.
    no_token = cli("--profile", PROFILE, "--format", "json")
    assert_usage_error(no_token, *pieces("cli.check.no_token"), TOKEN_ENV)
    again = cli("--profile", PROFILE, "--token-stdin", "--format", "json",
                stdin=DEMO_FORMS["data"])
    assert again.code == EXIT["ready_with_warnings"], again.err
    report = again.json()
    assert report["verdict"] == "ready_with_warnings"
    assert report["target"]["base_url"] == server.url


def test_map_closes_the_gaps_and_the_profile_keeps_the_mapping(
    cli: Cli, sim: Any, tmp_path: Path
) -> None:
    server = sim("fields_missing")
    before = cli(*target(server), "--token-stdin", "--format", "json", stdin=DEMO_FORMS["data"])
    missing = {f["field"] for f in before.json()["findings"] if f["code"] == "field.missing"}
    assert {"invoice_due_date", "debtor_post_country_code"} <= missing

    mapped = cli(*target(server), "--token-stdin", "--format", "json",
                 "--map", "sales_entries.invoice_due_date=VervalDatum",
                 "--map", "sales_entries.debtor_post_country_code=LandCode",
                 "--save-profile", PROFILE, stdin=DEMO_FORMS["data"])
    report = mapped.json()
    still = {f["field"] for f in report["findings"] if f["code"] == "field.missing"}
    assert still == missing - {"invoice_due_date", "debtor_post_country_code"}
    entries = next(c for c in report["connectors"] if c["role"] == "sales_entries")
    due = next(f for f in entries["fields"] if f["payt_field"] == "invoice_due_date")
    assert (due["status"], due["afas_field"]) == ("mapped", "VervalDatum")
    assert _profile_file(tmp_path)["mappings"] == {"sales_entries": {
        "invoice_due_date": "VervalDatum", "debtor_post_country_code": "LandCode"}}

    again = cli("--profile", PROFILE, "--token-stdin", "--format", "json",
                stdin=DEMO_FORMS["data"]).json()
    again_missing = {f["field"] for f in again["findings"] if f["code"] == "field.missing"}
    assert again_missing == still  # the profile's mappings were applied
    entries = next(c for c in again["connectors"] if c["role"] == "sales_entries")
    due = next(f for f in entries["fields"] if f["payt_field"] == "invoice_due_date")
    assert (due["status"], due["afas_field"]) == ("mapped", "VervalDatum")


@pytest.mark.parametrize(("mapping", "needle"), [
    ("sales_entrie.invoice_due_date=VervalDatum",
     said("cli.check.unknown_role", role="'sales_entrie'", roles="").split(" Rollen:")[0]),
    ("sales_entries.due_date=VervalDatum",
     said("cli.check.unknown_field", role="sales_entries", field="'due_date'", fields="").split(
         " Velden:")[0]),
    ("sales_entries.invoice_due_date", said("cli.arg.not_a_mapping",
                                            value="'sales_entries.invoice_due_date'")),
])
def test_a_map_payt_does_not_know_is_refused(
    cli: Cli, sim: Any, mapping: str, needle: str
) -> None:
    server = sim("fields_missing")
    before = len(server.requests)
    result = cli(*target(server), "--token-stdin", "--map", mapping, stdin=DEMO_FORMS["data"])
    assert_usage_error(result, needle)
    assert len(server.requests) == before  # refused before a single request


def _purge_keyring(account: str) -> None:
    import secretstorage

    from payt_onboarding.profile.secrets import SERVICE

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        for item in collection.search_items({"service": SERVICE, "username": account}):
            item.delete()


def _keyring_secrets(account: str) -> list[str]:
    import secretstorage

    from payt_onboarding.profile.secrets import SERVICE

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        return [item.get_secret().decode()
                for item in collection.search_items({"service": SERVICE, "username": account})]


@pytest.mark.secret_service
def test_save_profile_then_check_with_the_token_from_the_secret_service(
    secret_service: None, cli: Cli, sim: Any, tmp_path: Path
) -> None:
    server = sim("token_expires_soon")
    account = Environment.parse(DEMO_UID, base_url=server.url).keyring_account  # bound to it
    _purge_keyring(account)
    try:
        saved = cli(*target(server), "--token-stdin", "--save-profile", PROFILE,
                    "--format", "json", stdin=DEMO_FORMS["header"], keyring=None)
        assert saved.code == EXIT["ready_with_warnings"], saved.err
        assert said("cli.saved.in_store", what=said("cli.word.token"),
                    store="Secret Service") in saved.err, saved.err
        assert "NIET bewaard" not in saved.err
        stored = _keyring_secrets(account)
        assert len(stored) == 1 and stored[0] == DEMO.xml(), "the keyring entry is not the token"
        profile = _profile_file(tmp_path)
        assert profile["token"]["account"] == account
        assert profile["validation"]["verdict"] == "ready_with_warnings"

        # The simulator is not AFAS's own address: the stored token goes there only on request.
        refused = cli("--profile", PROFILE, "--format", "json", keyring=None)
        assert refused.code == EXIT_USAGE and "--trust-base-url" in refused.err, refused.err
        again = cli("--profile", PROFILE, "--format", "json", "--trust-base-url", keyring=None)
        assert again.code == saved.code, again.err
        first, second = saved.json(), again.json()
        assert second["verdict"] == first["verdict"]
        assert codes(second, "error") == codes(first, "error")
        assert codes(second, "warning") == codes(first, "warning")
        assert second["target"]["base_url"] == server.url
    finally:
        _purge_keyring(account)
    # no_token_in_files also scans the profile directory for the token after the test.


@pytest.mark.secret_service
def test_set_token_gives_a_saved_profile_a_new_token_the_next_check_uses(
    secret_service: None, cli: Cli, sim: Any, tmp_path: Path
) -> None:
    """A profile saved without a token (no keyring then); `profiles set-token` stores one
    (read from standard input), and `check --profile` then runs with it from the keyring."""
    server = sim("healthy")
    account = Environment.parse(DEMO_UID, base_url=server.url).keyring_account  # bound to it
    _purge_keyring(account)
    try:
        first = cli(*target(server), "--token-stdin", "--save-profile", PROFILE,
                    stdin=DEMO_FORMS["data"])  # the fail keyring: the token is not kept
        assert said("cli.saved.not_stored", what=said("cli.word.token"), problem="") in first.err
        without = cli("--profile", PROFILE, keyring=None)
        assert without.code == EXIT_USAGE and pieces("cli.check.no_token")[0] in without.err
        environ = {k: v for k, v in os.environ.items()
                   if k not in (TOKEN_ENV, "PYTHON_KEYRING_BACKEND")}
        environ[CONFIG_DIR_ENV] = str(tmp_path / "config")
        done = subprocess.run([*CHECK[:-1], "profiles", "set-token", PROFILE],
                              input=DEMO_FORMS["xml"], capture_output=True, text=True,
                              env=environ, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert "Secret Service" in done.stdout and not leaked(done.stdout + done.stderr)
        assert _keyring_secrets(account) == [DEMO.xml()]
        # The simulator is not AFAS's own address: set-token says so, check wants the flag.
        assert "--trust-base-url" in done.stderr
        again = cli("--profile", PROFILE, "--trust-base-url", keyring=None)
        assert again.code == first.code, again.err
    finally:
        _purge_keyring(account)


def test_a_server_quoting_the_token_back_never_gets_it_into_the_report(
    cli: Cli, tmp_path: Path
) -> None:
    from payt_onboarding.simulator.config import Fault

    config = build_config("healthy", entries=60)
    config.add_fault(Fault("echo_auth", match="/metainfo"))
    with SimulatorServer(config) as server:
        for fmt in ("json", "html", "text"):
            result = cli(*target(server), "--token-stdin", "--format", fmt,
                         "--output", f"report.{fmt}", stdin=DEMO_FORMS["xml"])
            assert result.code == EXIT["not_ready"], result.err
            report = (tmp_path / f"report.{fmt}").read_text(encoding="utf-8")
            assert "[token]" in report  # the server's words, with the token blanked out
    # The cli fixture checked stdout and stderr, no_token_in_files every written file.


# -- input and output that is not what a check expects --------------------------------------------


def test_a_profile_name_that_cannot_be_saved_is_refused_before_the_check(
    cli: Cli, sim: Any
) -> None:
    server = sim("healthy")
    before = len(server.requests)
    result = cli(*target(server), "--token-stdin", "--save-profile", "x" * 300,
                 stdin=DEMO_FORMS["data"])
    assert_usage_error(result, said("cli.check.bad_profile_name", reason=said(
        "profile.name.too_long", limit=NAME_MAX_LENGTH)))
    assert len(server.requests) == before


def test_a_token_afas_rejects_is_not_stored(cli: Cli, sim: Any, tmp_path: Path) -> None:
    result = cli(*target(sim("token_rejected")), "--token-stdin", "--save-profile", PROFILE,
                 stdin=DEMO_FORMS["data"])
    assert result.code == EXIT["not_ready"]
    assert said("cli.saved.rejected", what=said("cli.word.token")) in result.err, result.err
    assert _profile_file(tmp_path)["token"] is None


@pytest.mark.skipif(os.name != "posix", reason="closes standard input through sh")
def test_token_stdin_with_standard_input_closed(sim: Any, tmp_path: Path) -> None:
    command = " ".join([*CHECK, *target(sim("healthy")), "--token-stdin"]) + " <&-"
    done = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, timeout=60,
                          check=False, cwd=tmp_path,
                          env={**os.environ, "PYTHON_KEYRING_BACKEND": FAIL_KEYRING,
                               CONFIG_DIR_ENV: str(tmp_path / "config")})
    assert done.returncode == EXIT_USAGE, done.stderr
    assert not leaked(done.stdout + done.stderr)
    assert said("cli.stdin.missing", what=said("cli.word.token"), command="check",
                file="token") in done.stderr and "Traceback" not in done.stderr


def test_a_reader_that_goes_away_keeps_the_verdict_as_exit_status(
    sim: Any, tmp_path: Path
) -> None:
    # `check ... | head -1`: the pipe closes before the report is written.
    process = subprocess.Popen(
        [*CHECK, *target(sim("token_expires_soon")), "--token-stdin", "--format", "html"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": FAIL_KEYRING,
             CONFIG_DIR_ENV: str(tmp_path / "config")})
    assert process.stdin is not None and process.stdout is not None
    process.stdout.close()
    _, err = process.communicate(DEMO_FORMS["data"].encode(), timeout=60)
    assert process.returncode == EXIT["ready_with_warnings"], err
    assert not leaked(err.decode("utf-8", "replace"))
    assert b"Traceback" not in err and b"Broken pipe" not in err


def test_a_profile_keeps_the_connectors_only_it_can_name(cli: Cli, tmp_path: Path) -> None:
    # The client renamed the invoice lines connector (chosen in the profile) and already has
    # Payt's next sales entries version: only the renamed one is pinned in the saved profile.
    from payt_onboarding.profile.model import Profile
    from payt_onboarding.profile.store import ProfileStore
    from payt_onboarding.simulator.dataset import INVOICE_LINES
    from payt_onboarding.simulator.scenarios import _rename_connector

    config = build_config("healthy", entries=60)
    _rename_connector(config, INVOICE_LINES, "Klant_factuurregels")
    _rename_connector(config, SALES_ENTRIES, "Payt_sales_entries_v13")
    with SimulatorServer(config) as server:
        ProfileStore(tmp_path / "config" / "profiles").save(Profile(
            name=PROFILE, uid=DEMO_UID, environment="production", base_url=server.url,
            connectors={"invoice_lines": "Klant_factuurregels"}))
        result = cli("--profile", PROFILE, "--token-stdin", "--save-profile", PROFILE,
                     "--format", "json", stdin=DEMO_FORMS["data"])
    assert result.code == EXIT[HEALTHY], result.err
    used = {c["role"]: c["connector_id"] for c in result.json()["connectors"]}
    assert used["invoice_lines"] == "Klant_factuurregels"
    assert used["sales_entries"] == "Payt_sales_entries_v13"
    assert _profile_file(tmp_path)["connectors"] == {"invoice_lines": "Klant_factuurregels"}


def test_saving_again_keeps_unknown_keys_and_the_stored_token_reference(
    cli: Cli, sim: Any, tmp_path: Path
) -> None:
    # A profile from a newer version of the program, with a token stored earlier: a check whose
    # token could not be stored (no keyring here) must keep both.
    profile_dir = tmp_path / "config" / "profiles"
    from payt_onboarding.profile.model import Profile, TokenRef
    from payt_onboarding.profile.store import ProfileStore

    server = sim("healthy")
    account = Environment.parse(DEMO_UID, base_url=server.url).keyring_account
    path = ProfileStore(profile_dir).save(Profile(
        name=PROFILE, uid=DEMO_UID, environment="production", base_url=server.url,
        token=TokenRef(account=account, address=server.url),
        future_setting={"kept": True}))  # type: ignore[call-arg]  # a newer version's key
    result = cli("--profile", PROFILE, "--token-stdin", "--save-profile", PROFILE,
                 stdin=DEMO_FORMS["data"])
    assert result.code == EXIT[HEALTHY], result.err
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["future_setting"] == {"kept": True}
    assert saved["token"]["account"] == account
    assert saved["validation"]["verdict"] == HEALTHY


@pytest.mark.secret_service
def test_a_rejected_token_leaves_the_stored_one_in_the_keyring(
    secret_service: None, cli: Cli, sim: Any
) -> None:
    server = sim("healthy")
    account = Environment.parse(DEMO_UID, base_url=server.url).keyring_account
    _purge_keyring(account)
    try:
        good = cli(*target(server), "--token-stdin", "--save-profile", PROFILE,
                   stdin=DEMO_FORMS["data"], keyring=None)
        in_store = said("cli.saved.in_store", what=said("cli.word.token"), store="")
        assert good.code == EXIT[HEALTHY] and in_store in good.err, good.err
        other = AfasToken.from_data(_other_token())
        register_secret(other.reveal_data())
        refused = cli(*target(server), "--token-stdin", "--save-profile",
                      PROFILE, stdin=other.xml(), keyring=None)
        assert refused.code == EXIT["not_ready"]
        assert said("cli.saved.rejected", what=said("cli.word.token")) in refused.err
        assert _keyring_secrets(account) == [DEMO.xml()]
    finally:
        _purge_keyring(account)
