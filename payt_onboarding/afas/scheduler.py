"""Request slots for one AfasClient: at most `max_in_flight` requests at AFAS, and when more wait,
the one with the highest priority goes first (first come, first served among equals).

A check knows which requests others wait on: the connector fields the invoice-PDF test needs
before the sales invoices' second page nobody waits for. Callers say so with `priority(n)`
around their requests: a context variable, so it follows the task (and the tasks it starts)
without passing through every call. A higher `n` goes sooner: the engine gives the longest
chain of requests, each waiting on the one before, the highest.

A request given up on (a stopped check, a client timeout) is not given up on by AFAS, which
goes on working on it (reference 5) and counts it against the token's 8 parallel calls. Its slot
stays taken for as long again as it had run (1 to 30 s), in this client and, through
`leave`/`take`, in the next one for the same environment in this process: "Again" right after
"Stop" would otherwise get AFAS's over-limit error on its first requests.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import threading
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar

_priority: ContextVar[int] = ContextVar("payt_request_priority", default=0)
# How long a slot given up on stays taken: as long again as its request had run, within these.
MIN_HOLD, MAX_HOLD = 1.0, 30.0
# Slots given up on by closed clients, by environment: their time.monotonic() ends.
_left: dict[str, list[float]] = {}
_left_lock = threading.Lock()  # clients of one process run on several threads' loops


def leave(key: str, ends: Iterable[float]) -> None:
    """A closing client's slots that AFAS may still be busy with, for the next client."""
    ends = list(ends)
    if ends:
        with _left_lock:
            _left.setdefault(key, []).extend(ends)


def take(key: str) -> list[float]:
    """The ends of the slots left for `key` that are not over yet; they are the caller's now."""
    with _left_lock:
        now = time.monotonic()
        return [end for end in _left.pop(key, ()) if end > now]


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


class Slot:
    """A taken slot. Given up on (cancelled, or `give_up()` on a read timeout), it stays taken
    while AFAS may still be working on its request."""

    __slots__ = ("given_up",)

    def __init__(self) -> None:
        self.given_up = False

    def give_up(self) -> None:
        self.given_up = True


class Scheduler:
    """A semaphore whose waiters leave by priority. Belongs to one event loop, as the client."""

    def __init__(self, max_in_flight: int) -> None:
        if max_in_flight < 1:
            raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
        self._free = max_in_flight
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._held: list[float] = []  # ends of the slots kept for requests given up on

    @property
    def free(self) -> bool:
        """Whether a request asked for now goes out at once, without queueing."""
        return self._free > 0 and not self._waiting

    @property
    def held(self) -> list[float]:
        """The time.monotonic() ends of the slots still kept for requests given up on."""
        now = time.monotonic()
        return [end for end in self._held if end > now]

    def hold(self, end: float) -> None:
        """Take a free slot until `end` (time.monotonic()): one a closed client gave up on."""
        if self._free > 0 and end > time.monotonic():
            self._free -= 1
            self._keep(end)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[Slot]:
        await self._acquire(_priority.get())
        started, taken = time.monotonic(), Slot()
        try:
            yield taken
        except asyncio.CancelledError:
            taken.give_up()
            raise
        finally:
            if taken.given_up:
                now = time.monotonic()
                self._keep(now + min(max(now - started, MIN_HOLD), MAX_HOLD))
            else:
                self._release()

    def _keep(self, end: float) -> None:
        """Release the taken slot at `end` and not before."""
        self._held.append(end)

        def over() -> None:
            self._held.remove(end)
            self._release()

        asyncio.get_running_loop().call_later(end - time.monotonic(), over)

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
