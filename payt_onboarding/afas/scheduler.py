"""Request slots for one AfasClient: at most `max_in_flight` requests at AFAS, and when more wait,
the one with the highest priority goes first (first come, first served among equals).

A check knows which requests others wait on: the connector fields the invoice-PDF test needs
before the sales invoices' second page nobody waits for. Callers say so with `priority(n)`
around their requests: a context variable, so it follows the task (and the tasks it starts)
without passing through every call. A higher `n` goes sooner: the engine gives the longest
chain of requests, each waiting on the one before, the highest.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar

_priority: ContextVar[int] = ContextVar("payt_request_priority", default=0)


@contextmanager
def priority(level: int) -> Iterator[None]:
    """Requests made inside (in this task, and tasks it starts) queue at `level`."""
    token = _priority.set(level)
    try:
        yield
    finally:
        _priority.reset(token)


def set_priority(level: int) -> None:
    """The requests this task makes from now on queue at `level`."""
    _priority.set(level)


class Scheduler:
    """A semaphore whose waiters leave by priority. Belongs to one event loop, as the client."""

    def __init__(self, max_in_flight: int) -> None:
        if max_in_flight < 1:
            raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
        self._free = max_in_flight
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    @property
    def free(self) -> bool:
        """Whether a request asked for now goes out at once, without queueing."""
        return self._free > 0 and not self._waiting

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        await self._acquire(_priority.get())
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, level: int) -> None:
        if self._free and not self._waiting:
            self._free -= 1
            return
        granted = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (-level, next(self._order), granted))
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                self._release()  # granted as it was cancelled: pass the slot on
            raise  # a cancelled waiter stays in the heap; _release skips it

    def _release(self) -> None:
        while self._waiting:
            _, _, granted = heapq.heappop(self._waiting)
            if not granted.done():
                granted.set_result(None)
                return
        self._free += 1
