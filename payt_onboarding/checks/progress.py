"""Progress events and cancellation: how a GUI or terminal follows and stops a running check."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # imported when a check waits, not by the wizard's first page
    import asyncio

EventKind = Literal[
    "check_started", "connector_started", "rows_read", "connector_finished", "check_finished"
]


@dataclass(frozen=True)
class ProgressEvent:
    kind: EventKind
    role: str | None = None
    connector_id: str | None = None
    rows: int = 0  # rows read so far for this connector
    status: str | None = None  # connector_finished: its status; check_finished: the verdict
    done: int = 0  # connectors finished
    total: int = 0  # connectors to check


ProgressCallback = Callable[[ProgressEvent], None]


class Cancellation:
    """Set from any thread (the GUI's Cancel button); the running check stops at once."""

    def __init__(self) -> None:
        self._flag = threading.Event()
        self._lock = threading.Lock()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

    @property
    def cancelled(self) -> bool:
        return self._flag.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._flag.set()
            waiters = list(self._waiters)
        for loop, event in waiters:
            if not loop.is_closed():
                loop.call_soon_threadsafe(event.set)

    async def wait(self) -> None:
        import asyncio

        event = asyncio.Event()
        waiter = (asyncio.get_running_loop(), event)
        with self._lock:
            if self._flag.is_set():
                return
            self._waiters.append(waiter)
        try:
            await event.wait()
        finally:  # one Cancellation may serve many checks: forget the finished ones
            with self._lock:
                self._waiters.remove(waiter)
