"""`check --all-profiles` without a keyring (keyring's fail backend): profiles whose secret
would be in the keyring are "not checked", OAuth clients with a private key file are checked for
real against a fleet of simulated environments on one port. The summary in each format, --match,
exit status, --save, and no secret in any file or output. (tests/cli/test_check_all_keyring.py
runs 50 environments with the Secret Service.)"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from payt_onboarding.checks.deadlines import CLASSIC_TOKENS_EXPIRE
from payt_onboarding.simulator.dataset import INVOICE_LINES
from payt_onboarding.simulator.fleet import FleetEnvironment
from payt_onboarding.simulator.oauth import DEMO_KEY_ID, demo_private_key_pem
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.fleet import (
    EXIT,
    EXIT_USAGE,
    lasting_changes,
    lasting_verdict,
    report_of,
    run_cli,
    start_fleet,
    summary_rows,
)
from tests.support.texts import said

Fleet = tuple[SimulatorServer, list[FleetEnvironment]]


@pytest.fixture(scope="module")
def fleet() -> Iterator[Fleet]:
    server, environments = start_fleet(8)  # one of each kind
    yield server, environments
    server.stop()


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Outside each test's tmp_path: the leak scan of tmp_path would rightly find the key.
    path = tmp_path_factory.mktemp("keys") / "demo-key.pem"
    path.write_text(demo_private_key_pem(), encoding="ascii")
    return path


def _profiles(fleet: Fleet, key: Path, config: Path, cwd: Path) -> dict[str, FleetEnvironment]:
    """OAuth kinds saved by a real check with the private key; the others imported with
    nothing in any keyring. Returns profile name -> environment."""
    server, environments = fleet
    for env in environments:
        url = server.url_for(env.uid)
        if env.oauth:
            saved = run_cli(config, "check", "--uid", env.uid, "--base-url", url,
                            "--client-id", env.client_id, "--private-key", str(key),
                            "--key-id", DEMO_KEY_ID, "--save-profile", env.profile,
                            "--output", str(cwd / f"first-{env.uid}.json"), cwd=cwd)
            assert saved.code == EXIT["ready"], saved.err
        else:
            exported = cwd / f"{env.uid}.profile.json"
            exported.write_text(json.dumps({"schema_version": 1, "name": env.profile,
                                            "uid": env.uid, "environment": "production",
                                            "base_url": url}), encoding="utf-8")
            imported = run_cli(config, "profiles", "import", str(exported), cwd=cwd)
            assert imported.code == 0, imported.err
    return {env.profile: env for env in environments}


def test_every_profile_gets_its_row_and_the_exit_status_is_the_worst_verdict(
        fleet: Fleet, key_file: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"
    by_name = _profiles(fleet, key_file, config, tmp_path)
    # A damaged profile file is a row too, not the end of the run.
    (config / "profiles" / "kapot.json").write_text("{not json", encoding="utf-8")

    done = run_cli(config, "--language", "en", "check", "--all-profiles", "--trust-base-url",
                   "--output-dir", "rapporten", "--output", "overzicht.json", cwd=tmp_path)
    summary = tmp_path / "overzicht.json"
    rows = summary_rows(summary)
    assert set(rows) == set(by_name) | {"kapot"}
    days = (CLASSIC_TOKENS_EXPIRE - date.today()).days
    for name, env in by_name.items():
        row = rows[name]
        assert row["uid"] == env.uid
        if env.oauth:
            assert row["status"] == "checked", row
            assert row["credential"] == "oauth" and row["expiry"] is None, row
            assert row["deadline"] is None
            report = report_of(summary, row)
            assert report["target"]["base_url"].endswith(f"/{env.uid}/ProfitRestServices")
            assert report["target"]["envid"] == f"O{env.uid}AA"  # its own environment
            assert lasting_verdict(report) == "ready", report["findings"]
            assert row["verdict"] == report["verdict"]
            assert lasting_changes(report) == []
        else:
            assert row["status"] == "not_checked", row
            assert row["reason_code"] == "no_secret"
            assert row["reason"] == "no stored token or secret"
            assert row["verdict"] is None and row["report"] is None
            # What the profile says still shows: a classic token ends on 1 May 2027.
            assert row["credential"] == "classic_token" and row["days_left"] == days
    assert rows["kapot"]["status"] == "not_checked"
    assert rows["kapot"]["reason_code"] == "profile_unreadable"
    worst = max((r["verdict"] for r in rows.values() if r["verdict"]), key=EXIT.__getitem__)
    assert done.code == EXIT[worst], done.err
    written = sorted(p.name for p in (tmp_path / "rapporten").iterdir())
    checked = [n for n, e in by_name.items() if e.oauth]
    assert written == sorted([f"{n}.html" for n in checked] + [f"{n}.json" for n in checked])


def test_save_records_the_validation_and_the_next_run_counts_the_changes(
        fleet: Fleet, key_file: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"
    by_name = _profiles(fleet, key_file, config, tmp_path)
    oauth = next(e for e in by_name.values() if e.kind == "oauth")
    profile_file = config / "profiles" / f"{oauth.profile}.json"
    before = json.loads(profile_file.read_text(encoding="utf-8"))

    first = run_cli(config, "check", "--all-profiles", "--match", oauth.profile, "--save",
                    "--output", "een.json", cwd=tmp_path)
    assert first.code == EXIT["ready"], first.err
    assert "De opgeslagen validatie van 1 profiel is bijgewerkt." in first.err
    after = json.loads(profile_file.read_text(encoding="utf-8"))
    assert after["validation"]["checked_at"] >= before["validation"]["checked_at"]
    assert after["validation"]["snapshot"] is not None
    # Only the validation changed: the OAuth client, connectors and mappings are as they were,
    # and the previous file is its backup.
    assert {k: v for k, v in after.items() if k != "validation"} == \
        {k: v for k, v in before.items() if k != "validation"}
    assert json.loads(profile_file.with_suffix(".json.bak").read_text()) == before

    oauth.config.app.get_connectors.remove(INVOICE_LINES)
    try:
        second = run_cli(config, "check", "--all-profiles", "--match", oauth.profile,
                         "--output-dir", "r", "--output", "twee.json", cwd=tmp_path)
    finally:
        oauth.config.app.get_connectors.append(INVOICE_LINES)
    assert second.code == EXIT["not_ready"], second.err
    row = summary_rows(tmp_path / "twee.json")[oauth.profile]
    report = report_of(tmp_path / "twee.json", row)
    assert ("connector_removed", None) in [(k, None) for k, _ in lasting_changes(report)]
    assert row["changes"] == len(report["since_last_validation"]["changes"]) >= 2
    assert row["saved"] is False  # no --save this time: the profile keeps the first one
    assert json.loads(profile_file.read_text(encoding="utf-8")) == after


def test_the_summary_in_text_csv_and_html_in_dutch(fleet: Fleet, key_file: Path,
                                                 tmp_path: Path) -> None:
    config = tmp_path / "config"
    by_name = _profiles(fleet, key_file, config, tmp_path)
    hybrid = next(n for n, e in by_name.items() if e.kind == "hybrid")
    classic = next(n for n, e in by_name.items() if e.kind == "healthy")
    for ext in ("txt", "csv", "html"):
        done = run_cli(config, "check", "--all-profiles", "--match", "fleet-2000[17]*",
                       "--trust-base-url", "--output-dir", "rapporten", "--output",
                       f"overzicht.{ext}",
                       cwd=tmp_path)
        assert done.code == EXIT["ready"], done.err
    text = (tmp_path / "overzicht.txt").read_text(encoding="utf-8")
    assert text.startswith("Payt-onboarding: alle klanten\n")
    assert "2 profielen: 1 klaar, 0 klaar met waarschuwingen, 0 niet klaar, " \
        "1 niet gecontroleerd." in text
    assert f"{classic}" in text and "geen opgeslagen token of secret" in text
    table = list(csv.reader(io.StringIO((tmp_path / "overzicht.csv").read_text())))
    assert table[0][:3] == ["Profiel", "Omgeving", "Oordeel"]
    cells = {line[0]: line for line in table[1:]}
    assert set(cells) == {hybrid, classic}
    assert cells[hybrid][2] == "Klaar voor Payt" and cells[hybrid][3] == "OAuth-client"
    assert cells[classic][2] == "niet gecontroleerd"
    html = (tmp_path / "overzicht.html").read_text(encoding="utf-8")
    assert f'<a href="rapporten/{hybrid}.html">{hybrid}</a>' in html
    assert '<html lang="nl">' in html


def test_match_selects_by_part_of_the_name_or_a_shell_pattern(
        fleet: Fleet, key_file: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"
    by_name = _profiles(fleet, key_file, config, tmp_path)
    for pattern, kinds in (("OAUTH", {"oauth"}), ("*-no_secret", {"no_secret"}),
                           ("fleet-2000[23]-*", {"oauth", "expiring"})):
        run_cli(config, "check", "--all-profiles", "--match", pattern, "--output", "s.json",
                cwd=tmp_path)
        rows = summary_rows(tmp_path / "s.json")
        assert {by_name[n].kind for n in rows} == kinds, pattern
    none = run_cli(config, "check", "--all-profiles", "--match", "nergens", cwd=tmp_path)
    assert none.code == EXIT_USAGE and "geen opgeslagen profiel past bij nergens" in none.err


def test_none_checked_is_not_ready_and_an_untrusted_address_gets_no_secret(
        fleet: Fleet, key_file: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"
    _profiles(fleet, key_file, config, tmp_path)
    done = run_cli(config, "check", "--all-profiles", "--match", "expiring", "--output",
                   "s.json", cwd=tmp_path)
    assert done.code == EXIT["not_ready"], done.err
    (row,) = summary_rows(tmp_path / "s.json").values()
    # The simulator is not AFAS's own address: a stored secret goes there only when trusted.
    assert row["reason_code"] == "untrusted_address" and "--trust-base-url" in row["reason"]
    text = run_cli(config, "check", "--all-profiles", "--match", "expiring", cwd=tmp_path)
    assert text.code == EXIT["not_ready"] and "1 niet gecontroleerd" in text.out


@pytest.mark.parametrize(("args", "says"), [
    (("--all-profiles", "--output", "s.xlsx"),
     said("cli.check_all.unknown_extension", output="s.xlsx")),
    (("--all-profiles", "--uid", "12345"), said("cli.check_all.single_only", options="--uid")),
    (("--all-profiles", "--profile", "x"),
     said("cli.check_all.single_only", options="--profile")),
    (("--all-profiles", "--format", "json"), said("cli.check_all.no_format")),
    (("--save", "--uid", "12345"), said("cli.check_all.only_with_all", options="--save")),
    (("--match", "a", "--uid", "12345"), said("cli.check_all.only_with_all", options="--match")),
    (("--all-profiles", "--in-flight", "0"), said("cli.arg.between", low=1, high=100)),
])
def test_options_that_do_not_fit_are_usage_errors(args: tuple[str, ...], says: str,
                                                  tmp_path: Path) -> None:
    done = run_cli(tmp_path / "config", "check", *args, cwd=tmp_path)
    assert done.code == EXIT_USAGE and says in done.err, done.err


def test_profile_names_make_safe_report_file_names(tmp_path: Path) -> None:
    from payt_onboarding.profile.files import safe_filename

    stems = {safe_filename(n) for n in ("../../etc/passwd", "Klant: A/B", "klant a b", "CON")}
    assert len(stems) == 4
    assert all("/" not in s and ".." not in s and s.endswith(".json") for s in stems)



def test_a_damaged_profile_is_told_in_the_language_of_the_run(tmp_path: Path) -> None:
    """The row's reason is the store's problem in Dutch, not its English `error` text."""
    config = tmp_path / "config"
    (config / "profiles").mkdir(parents=True)
    (config / "profiles" / "kapot.json").write_text("{not json", encoding="utf-8")
    run_cli(config, "--language", "nl", "check", "--all-profiles", "--output", "overzicht.json",
            cwd=tmp_path)
    row = summary_rows(tmp_path / "overzicht.json")["kapot"]
    assert row["reason_code"] == "profile_unreadable"
    assert row["reason"].startswith("het profiel is niet bruikbaar: geen geldige JSON: ")
    assert "not valid JSON" not in row["reason"] and "line 1" not in row["reason"]
