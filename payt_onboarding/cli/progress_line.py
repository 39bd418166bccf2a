"""One self-overwriting status line on stderr while a check runs at a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from payt_onboarding.checks.progress import ProgressEvent
from payt_onboarding.messages import render
from payt_onboarding.vocabulary import Language

if TYPE_CHECKING:
    from payt_onboarding.app.batch import ClientRow

_WIDTH = 78


class TerminalProgress:
    def __init__(self, stream: TextIO, language: Language = "nl") -> None:
        self.stream = stream
        self.language = language
        self.rows: dict[str, int] = {}
        self.done = 0
        self.total = 0

    def __call__(self, event: ProgressEvent) -> None:
        if event.total:
            self.total = event.total
        if event.kind == "rows_read" and event.connector_id:
            self.rows[event.connector_id] = event.rows
        elif event.kind == "connector_finished":
            self.done = event.done
        elif event.kind != "connector_started":
            return
        current = event.connector_id or ""
        line = render("cli.progress", self.language, done=self.done, total=self.total,
                      connector=current, rows=self.rows.get(current, 0))
        self.stream.write("\r" + line[:_WIDTH].ljust(_WIDTH))
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r" + " " * _WIDTH + "\r")
        self.stream.flush()


class BatchProgress:
    """`check --all-profiles` at a terminal: how many are done and running, and the last one."""

    def __init__(self, stream: TextIO, language: Language, total: int) -> None:
        self.stream = stream
        self.language = language
        self.total = total
        self.done = 0
        self.running: set[str] = set()

    def started(self, name: str) -> None:
        self.running.add(name)
        self._show(name)

    def finished(self, row: ClientRow) -> None:
        self.done += 1
        self.running.discard(row.profile)
        self._show(row.profile)

    def _show(self, name: str) -> None:
        from payt_onboarding.messages.catalog import render

        line = render("batch.progress", self.language, done=self.done, total=self.total,
                      running=len(self.running)) + f" · {name}"
        self.stream.write("\r" + line[:_WIDTH].ljust(_WIDTH))
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r" + " " * _WIDTH + "\r")
        self.stream.flush()
