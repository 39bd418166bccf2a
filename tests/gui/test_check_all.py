"""The welcome page's saved profiles with their credentials against the calendar, and Check all:
every profile checked again against its own simulator on 127.0.0.1 with the secret from an
(in-memory) keyring, a row per client, its report a double-click away, the GUI thread free."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import keyring.core
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from payt_onboarding.checks.deadlines import CLASSIC_TOKENS_END, CLASSIC_TOKENS_EXPIRE
from payt_onboarding.gui.check_all import CHANGES, CREDENTIALS, DEADLINE, EXPIRY, VERDICT
from payt_onboarding.gui.report_dialog import ReportDialog
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.oauth import DEMO_CLIENT_SECRET
from tests.support.changes import drop_field
from tests.support.check_all import clients, rows, run_check_all, seed
from tests.support.profiles import MemoryKeyring, make_profile, unregister
from tests.support.wizard import CHECK_MS, MakeWizard, Questions, top_items

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
# Until when a classic token works at most: 1 May 2027, then (new ones) until 31 August 2027.
CLASSIC_END = CLASSIC_TOKENS_EXPIRE if date.today() <= CLASSIC_TOKENS_EXPIRE else CLASSIC_TOKENS_END


class SlowKeyring(MemoryKeyring):
    """A keyring that takes its time (D-Bus, a Keychain prompt): on the GUI thread, it shows."""

    delay = 0.6

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(self.delay)
        return super().get_password(service, username)


unregister(SlowKeyring)  # never chosen by keyring's own detection in other tests


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch, wizards: MakeWizard) -> Iterator[MemoryKeyring]:
    """After `wizards` has pointed keyring at no usable backend: an in-memory one instead."""
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    yield backend


def test_the_welcome_page_shows_each_profiles_credentials_and_days_left(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard,
        memory_keyring: MemoryKeyring) -> None:
    clients(simulator)
    listed = rows(wizards().welcome.profiles)
    phase_out = (CLASSIC_END - date.today()).days
    classic_until = f"{CLASSIC_END:%d-%m-%Y} (nog {phase_out} dagen)"
    # The simulator's classic token never expires by itself ("0"): AFAS's end of classic
    # tokens is its end.
    assert listed["Bakkerij Jansen"][3:] == ["klassiek token", classic_until]
    assert listed["Transport Visser"][3:] == ["klassiek token", classic_until]
    assert listed["Installatiebedrijf De Boer"][3:] == ["OAuth", "niet bekend"]


def test_check_all_lists_every_client_and_one_without_a_stored_secret_as_not_checked(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    servers = clients(simulator)
    questions = Questions(monkeypatch, YES)
    dialog = run_check_all(qtbot, wizards())
    # Asked once, naming every address that is not AFAS's own; never for a token or secret.
    assert len(questions.asked) == 1
    assert all(s.url in questions.asked[0][1] for s in servers.values())
    table = rows(dialog.table)
    assert set(table) == set(servers)
    # Healthy, but a classic token: AFAS's end of classic tokens is a warning.
    assert table["Bakkerij Jansen"][VERDICT - 1] == "Klaar, met waarschuwingen"
    assert table["Drukkerij Smit"][VERDICT - 1] == "Niet klaar"
    assert table["Installatiebedrijf De Boer"][VERDICT - 1] == "Klaar voor Payt"
    assert table["Transport Visser"][VERDICT - 1] == \
        "niet gecontroleerd: geen opgeslagen token of secret"
    assert dialog._report_of(top_items(dialog.table)[3]) is None  # nothing to open
    assert [table[n][CREDENTIALS - 1] for n in sorted(table)] == \
        ["klassiek token", "klassiek token", "OAuth", "klassiek token"]
    assert table["Bakkerij Jansen"][EXPIRY - 1].startswith(f"{CLASSIC_END:%d-%m-%Y}")
    assert table["Installatiebedrijf De Boer"][EXPIRY - 1] == "niet bekend"
    # Every classic check carries the phase-out finding; OAuth has no deadline.
    assert table["Bakkerij Jansen"][DEADLINE - 1] == "klassieke tokens stoppen"
    assert table["Installatiebedrijf De Boer"][DEADLINE - 1] == ""
    assert table["Bakkerij Jansen"][CHANGES - 1] == "geen"  # the same simulator, unchanged
    assert table["Transport Visser"][CHANGES - 1] == ""
    assert dialog.progress.value() == 4
    assert dialog.notice.isVisible() and "3 van 4 gecontroleerd" in dialog.notice.text.text()


def test_no_to_the_address_question_checks_none_of_those_profiles(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    server = simulator("healthy")
    seed("Bakkerij Jansen", server, demo_credentials("token"))
    seen = len(server.paths())  # the check that saved the profile
    Questions(monkeypatch, NO)
    dialog = run_check_all(qtbot, wizards())
    assert len(server.paths()) == seen  # the stored token went nowhere
    verdict = rows(dialog.table)["Bakkerij Jansen"][VERDICT - 1]
    assert verdict.startswith("niet gecontroleerd: u koos")


def test_opening_a_row_shows_that_clients_report(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    servers = clients(simulator)
    Questions(monkeypatch, YES)
    dialog = run_check_all(qtbot, wizards())
    item = next(i for i in top_items(dialog.table) if i.text(0) == "Drukkerij Smit")
    dialog.table.setCurrentItem(item)
    assert dialog.open_report.isEnabled()
    qtbot.mouseClick(dialog.open_report, Qt.MouseButton.LeftButton)
    shown = dialog.findChildren(ReportDialog)
    assert len(shown) == 1 and shown[0].isVisible()
    report = shown[0].report
    assert report.target.base_url.rstrip("/") == servers["Drukkerij Smit"].url.rstrip("/")
    text = shown[0].view.toPlainText()
    assert report.target.base_url in text
    assert any(f.code == "field.missing" for f in report.findings)
    assert report.findings[0].message in text
    assert shown[0].verdict.word.text() == "Niet klaar"
    # No secret in what is shown: not in the table, not in the report.
    shown_text = text + "".join(" ".join(v) for v in rows(dialog.table).values())
    assert DEMO_TOKEN_DATA not in shown_text and DEMO_CLIENT_SECRET not in shown_text
    # Its export, as the summary page's: HTML, JSON and PDF beside each other.
    written = shown[0].export_to(tmp_path / "smit.html")
    assert written is not None
    html_path, json_path, pdf_path = written
    assert report.target.base_url in html_path.read_text(encoding="utf-8")
    assert '"field.missing"' in json_path.read_text(encoding="utf-8")
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_a_change_since_the_saved_validation_is_counted_and_in_the_report(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    server = simulator("healthy")
    seed("Bakkerij Jansen", server, demo_credentials("token"))
    drop_field(server.config, "Payt_sales_entries_v12", "invoice_due_date")
    Questions(monkeypatch, YES)
    dialog = run_check_all(qtbot, wizards())
    item = top_items(dialog.table)[0]
    assert item.text(VERDICT) == "Niet klaar"
    changes = dialog.rows["Bakkerij Jansen"].changes
    assert changes is not None and changes >= 2  # the field gone, a finding new
    assert item.text(CHANGES) == str(changes)
    shown = dialog.show_report(item)
    assert isinstance(shown, ReportDialog)
    text = shown.view.toPlainText()
    assert "Sinds de laatste validatie" in text and "invoice_due_date" in text


def test_a_token_that_expired_since_its_last_check_says_so(
        qtbot: QtBot, wizards: MakeWizard) -> None:
    from payt_onboarding.profile.store import ProfileStore
    from tests.support.profiles import validation

    past = validation().model_copy(update={"token_expiry": "2026-01-05T00:00:00Z"})
    ProfileStore().save(make_profile("Verlopen", validation=past))
    ProfileStore().save(make_profile("Placeholder", validation=validation().model_copy(
        update={"token_expiry": "0001-01-01T00:00:00"})))
    listed = rows(wizards().welcome.profiles)
    assert listed["Verlopen"][4] == "verlopen"
    # AFAS's placeholder for "no date" is not an expired token: the end of classic tokens is.
    assert listed["Placeholder"][4].startswith(f"{CLASSIC_END:%d-%m-%Y}")


def test_check_all_keeps_the_gui_thread_free_and_stops_on_request(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = SlowKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", MemoryKeyring())
    servers = [simulator("healthy", latency=0.2) for _ in range(4)]
    for n, server in enumerate(servers):
        seed(f"Klant {n}", server, demo_credentials("token"))
    backend.entries = dict(keyring.core._keyring_backend.entries)  # type: ignore[attr-defined]
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    Questions(monkeypatch, YES)
    wizard = wizards()

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    ticks.append(time.perf_counter())
    qtbot.mouseClick(wizard.welcome.check_all, Qt.MouseButton.LeftButton)
    dialog = wizard.welcome.check_all_dialog
    assert dialog is not None
    # The first keyring read and check run on the pool; stop once one client is known.
    qtbot.waitUntil(lambda: len(dialog.rows) >= 1, timeout=CHECK_MS)
    qtbot.mouseClick(dialog.stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=CHECK_MS)
    timer.stop()
    ticks.append(time.perf_counter())
    longest = max(b - a for a, b in itertools.pairwise(ticks))
    # A keyring read takes 0.6 s and a check ~1 s at 200 ms per answer: either on the GUI
    # thread would stall it that long.
    assert longest < SlowKeyring.delay * 0.75, f"GUI thread stalled {longest * 1000:.0f} ms"
    table = rows(dialog.table)
    assert any(v[VERDICT - 1] == "niet gecontroleerd: gestopt voordat het aan de beurt was"
               for v in table.values())
    assert "Gestopt" in dialog.notice.text.text()


def test_closing_the_wizard_mid_check_all_stops_it_at_once(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    servers = [simulator("healthy") for _ in range(3)]
    for n, server in enumerate(servers):
        seed(f"Klant {n}", server, demo_credentials("token"))
        server.config.latency = 2.0  # each request now takes seconds
    Questions(monkeypatch, YES)
    wizard = wizards()
    qtbot.mouseClick(wizard.welcome.check_all, Qt.MouseButton.LeftButton)
    dialog = wizard.welcome.check_all_dialog
    assert dialog is not None and dialog.running
    qtbot.waitUntil(lambda: any(i.text(VERDICT) == "bezig…" for i in top_items(dialog.table)),
                    timeout=CHECK_MS)
    started = time.perf_counter()
    wizard.close()
    assert time.perf_counter() - started < 5.0
    assert wizard.jobs.pool.activeThreadCount() == 0  # no thread outlives the window


def test_the_address_question_names_a_fleet_in_a_few_lines(wizards: MakeWizard) -> None:
    from payt_onboarding.gui.check_all import _some

    wizards()  # the Dutch translations installed
    fleet = [f"http://127.0.0.1:8000/{10000 + n}/ProfitRestServices" for n in range(50)]
    lines = _some(fleet).splitlines()
    assert lines[:8] == fleet[:8] and lines[8:] == ["… en nog 42"]
    assert _some(fleet[:3]).splitlines() == fleet[:3]
