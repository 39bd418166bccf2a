"""The wizard's life: a check stopped halfway, the window closed while a check runs, a saved
profile checked again in a new window, the window's size kept between sessions (and not
written again when unchanged), and a window closed before its first paint."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from payt_onboarding.gui.pages.connectors import COLUMNS
from payt_onboarding.gui.wizard import (
    FIRST_PAINT_WAIT_MS,
    GEOMETRY_KEY,
    OnboardingWizard,
    settings,
)
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.simulator.config import DEMO_UID
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.wizard import (
    CHECK_MS,
    PROFILE,
    TOKEN,
    MakeWizard,
    click_next,
    current_report,
    next_button,
    notice_has,
    save_profile,
    top_items,
    wait_check,
    wait_idle,
    walk_to_summary,
    walk_to_token,
)

STATUS = COLUMNS.index("status")
# Every request takes this long: a check of all connectors runs for several seconds.
LATENCY = 0.4


def running_rows(wizard: OnboardingWizard) -> int:
    tree = wizard.connectors.tree
    return sum(item.text(STATUS) == "bezig…" for item in top_items(tree))


def test_stop_halfway_then_close_while_checking(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    server: SimulatorServer = simulator("slow", latency=LATENCY)
    wizard = wizards(server)
    walk_to_token(qtbot, wizard)
    click_next(qtbot, wizard)
    page = wizard.connectors
    assert wizard.currentPage() is page

    # The check runs by itself: Stop is the only way on, Next waits.
    qtbot.waitUntil(lambda: running_rows(wizard) > 0, timeout=CHECK_MS)
    assert page.running is not None and wizard.jobs.busy
    assert page.cancel_button.isEnabled() and not page.again.isEnabled()
    assert not next_button(wizard).isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.running is None, timeout=2500)
    wait_idle(qtbot, wizard, timeout=2500)

    report = current_report(wizard)
    assert report.cancelled
    assert page.progress_label.text() == "Gestopt"
    assert running_rows(wizard) == 0
    assert page.again.isEnabled() and not page.cancel_button.isEnabled()

    # Again, and close the window halfway.
    qtbot.mouseClick(page.again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: running_rows(wizard) > 0, timeout=CHECK_MS)
    assert page.running is not None and wizard.jobs.busy
    started = time.monotonic()
    assert wizard.close()
    took = time.monotonic() - started
    assert took < 5.0, f"closing took {took:.1f} s"
    assert not wizard.isVisible()
    assert wizard.jobs.pool.activeThreadCount() == 0  # no thread outlives the window
    # The finished job's own "done" arrives with the next turn of the event loop; its page
    # handler is not called any more (pytest-qt would report an exception in it).
    qtbot.waitUntil(lambda: not wizard.jobs.busy, timeout=1000)
    assert current_report(wizard).cancelled  # still the stopped check's result


def test_no_job_is_busy_once_shutdown_returns(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    wizard = wizards(simulator("slow", latency=LATENCY))
    walk_to_token(qtbot, wizard)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: running_rows(wizard) > 0, timeout=CHECK_MS)
    assert wizard.jobs.busy
    wizard.shutdown()
    assert wizard.jobs.pool.activeThreadCount() == 0
    assert not wizard.jobs.busy


def click_item(qtbot: QtBot, tree: Any, item: Any) -> None:
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())


def test_a_saved_profile_is_checked_again_in_a_new_window(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    server = simulator("healthy")
    first = wizards(server)
    walk_to_summary(qtbot, first)
    save_profile(qtbot, first)
    assert first.summary.saved is not None and first.summary.saved.token == "memory"
    verdict = current_report(first).verdict
    assert verdict == "ready_with_warnings"
    first.close()

    wizard = wizards()  # as started from the menu: nothing filled in
    welcome = wizard.welcome
    assert wizard.currentPage() is welcome
    tree = welcome.profiles
    assert tree.isVisible() and tree.topLevelItemCount() == 1
    item = top_items(tree)[0]
    assert item.text(0) == PROFILE
    assert item.text(1).startswith(DEMO_UID)
    assert item.text(2) == "Klaar, met waarschuwingen"  # a classic token: they end in 2027
    assert welcome.new_check.isChecked()
    click_item(qtbot, tree, item)
    assert welcome.recheck.isChecked() and welcome.selected_name() == PROFILE
    click_next(qtbot, wizard)

    env = wizard.environment
    assert wizard.currentPage() is env
    assert wizard.state.profile is not None and wizard.state.profile.name == PROFILE
    assert env.uid.text() == DEMO_UID
    assert env.advanced.isChecked() and env.base_url.text() == server.url
    click_next(qtbot, wizard)

    # The keyring could not keep the token: the page asks for it again.
    token = wizard.token
    assert wizard.currentPage() is token
    wait_idle(qtbot, wizard)
    assert token.entry.text() == ""
    assert notice_has(token.notice, "Bij dit profiel is geen token bewaard")
    assert not next_button(wizard).isEnabled()
    QGuiApplication.clipboard().setText(TOKEN.xml())
    token.entry.setFocus()
    qtbot.keyClick(token.entry, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert token.token == TOKEN
    assert next_button(wizard).isEnabled()
    click_next(qtbot, wizard)

    assert wizard.currentPage() is wizard.connectors
    wait_check(qtbot, wizard)
    assert current_report(wizard).verdict == verdict
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    assert wizard.summary.name.text() == PROFILE


def test_the_window_size_is_remembered(qtbot: QtBot, wizards: MakeWizard,
                                       tmp_path: Path) -> None:
    first = wizards()
    assert first.size() == QSize(900, 640)  # nothing saved yet: the default
    # Within the screen (offscreen's is 800 x 800): Qt shrinks a restored window that is not.
    screen = first.screen().availableGeometry()
    wanted = QSize(min(733, screen.width() - 60), min(587, screen.height() - 60))
    assert wanted != first.size() and wanted.expandedTo(first.minimumSize()) == wanted
    first.resize(wanted)
    qtbot.waitUntil(lambda: first.size() == wanted, timeout=2000)
    first.shutdown()
    assert (tmp_path / "config" / "gui.ini").is_file()

    again = wizards()
    assert again.size() == wanted
    hidden = wizards(show=False)  # restored before the window is ever shown
    assert hidden.size() == wanted


def test_an_unchanged_window_place_is_not_written_again(qtbot: QtBot, wizards: MakeWizard,
                                                       tmp_path: Path) -> None:
    """Closing writes gui.ini (a lock file, a new file renamed in) only when the window's place
    changed: a start and a close with nothing moved exit without touching the disk."""
    ini = tmp_path / "config" / "gui.ini"
    first = wizards()
    first.shutdown()
    assert ini.is_file()  # nothing was saved: written

    same = wizards()
    settings().setValue(GEOMETRY_KEY, same.saveGeometry())  # what it would write
    settings().sync()
    before = (ini.stat().st_ino, ini.stat().st_mtime_ns, ini.read_bytes())
    same.shutdown()
    assert (ini.stat().st_ino, ini.stat().st_mtime_ns, ini.read_bytes()) == before

    moved = wizards()
    moved.resize(moved.size() - QSize(40, 30))
    qtbot.waitUntil(lambda: moved.saveGeometry() != same.saveGeometry(), timeout=2000)
    moved.shutdown()
    assert settings().value(GEOMETRY_KEY) == moved.saveGeometry()  # changed: written


def test_a_window_closed_before_its_first_paint_builds_and_reads_nothing(
        qtbot: QtBot, wizards: MakeWizard) -> None:
    """Shown and closed at once: the later pages are not built and the profiles not read after
    all (the pages' imports and the pool's work would only hold up the exit)."""
    ProfileStore().save(Profile(name=PROFILE, uid=DEMO_UID, environment="production"))
    wizard = wizards(show=False)
    wizard.show()
    wizard.close()  # before the event loop has run: no paint yet
    qtbot.wait(FIRST_PAINT_WAIT_MS + 200)  # past the wait for a paint that does not come
    assert wizard._later is None
    assert wizard.state._requirements is None
    assert not wizard.jobs.busy
    assert wizard.welcome.profiles.topLevelItemCount() == 0


def test_the_profile_list_warns_of_a_token_that_expires_soon(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    server = simulator("token_expires_soon")
    first = wizards(server)
    walk_to_summary(qtbot, first)
    save_profile(qtbot, first)
    expiry = current_report(first).target.token_expiry
    first.close()
    assert expiry is not None
    left = (datetime.fromisoformat(expiry.replace("Z", "+00:00")).date() - date.today()).days
    assert 1 < left <= 30

    item = top_items(wizards().welcome.profiles)[0]
    assert item.text(4) == "klassiek token"
    assert item.text(5) == f"verloopt over {left} dagen"
    assert "Geldig tot" in item.toolTip(5)
