"""Work off the GUI thread: each job runs one coroutine (or function) on a QThreadPool thread
in its own event loop and reports back through queued signals.

Closing the wizard calls `shutdown`: every running check is cancelled (the engine stops its
requests at once) and the pool is waited for, so no thread outlives the window and no signal
arrives in a page that is gone.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from payt_onboarding.checks.progress import Cancellation

log = logging.getLogger(__name__)

# A job's work: called with (progress, cancel); returns a value or a coroutine of one.
Work = Callable[[Callable[[object], None], Cancellation], Any]


class _Signals(QObject):
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: Cancellation) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.work, self.signals, self.cancel = work, signals, cancel

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self.cancel)
            if inspect.iscoroutine(result):
                import asyncio  # on the first job, not before the first paint

                result = asyncio.run(result)
        except Exception as error:  # a bug: said in the page, never a traceback dialog
            # Only the type: a message could quote what the user typed.
            log.error("background job failed: %s", type(error).__name__)
            self.signals.failed.emit(type(error).__name__)
            return
        self.signals.done.emit(result)


class Jobs(QObject):
    """The wizard's background jobs and their cancellations."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._running: dict[_Signals, Cancellation] = {}
        self._held: list[_Job] | None = None
        self._lock = threading.Lock()  # `_held`: a warm-up on the pool starts what it holds
        self.closing = False

    def hold(self) -> None:
        """Queue the jobs started from now on until `release`: the wizard's first paint, which
        a worker importing pydantic (holding the GIL) would slow down."""
        with self._lock:
            if self._held is None:
                self._held = []

    def release(self, first: Callable[[], object] | None = None) -> None:
        """Start the held jobs; with `first`, once it has run on the pool, and the jobs started
        until then too. One thread then imports what the jobs share: two threads importing
        pydantic at once can fail (ImportError: PySide's import hook looks at a module another
        thread is still importing)."""
        if first is None:
            self._start_held()
            return

        def warm_up(progress: object, cancel: object) -> object:
            try:
                return first()
            finally:
                self._start_held()

        self._launch(self._job(warm_up, lambda _: None, lambda _: None, None))

    def _start_held(self) -> None:
        with self._lock:
            held, self._held = self._held or [], None
        for job in held:
            self.pool.start(job)

    def start(
        self,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        progress: Callable[[Any], None] | None = None,
    ) -> Cancellation:
        job = self._job(work, done, failed, progress)
        with self._lock:
            if self._held is not None:
                self._held.append(job)
                return job.cancel
        self._launch(job)
        return job.cancel

    def _launch(self, job: _Job) -> None:
        if self.closing:
            job.cancel.cancel()
            self._running.pop(job.signals, None)
            return
        self.pool.start(job)

    def _job(
        self,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None,
        progress: Callable[[Any], None] | None,
    ) -> _Job:
        cancel = Cancellation()
        signals = _Signals()
        self._running[signals] = cancel

        def finish(handler: Callable[[Any], None] | None) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self._running.pop(signals, None)
                if handler is not None and not self.closing:
                    handler(value)
            return call

        signals.done.connect(finish(done))
        signals.failed.connect(finish(failed))
        if progress is not None:
            signals.progress.connect(
                lambda event: progress(event) if not self.closing else None)
        return _Job(work, signals, cancel)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Cancel everything and wait; True when every thread has ended."""
        self.closing = True
        with self._lock:
            self._held = None  # queued, never started: nothing to wait for
        for cancel in self._running.values():
            cancel.cancel()
        ended = self.pool.waitForDone(timeout_ms)
        if ended:  # their results are not wanted any more: nothing runs
            self._running.clear()
        return ended
