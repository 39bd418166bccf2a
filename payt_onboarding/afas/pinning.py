"""Plain http goes to this computer only, and to the very address that was checked.

A name is not trusted for what it says: `localhost` or `pay.localhost` may be sent to DNS and come
back as any address. Before the first plain-http request the name is resolved once; every address
must be loopback, and the client then connects to the checked address (the name stays in the Host
header), so no second lookup can send the token elsewhere in clear text.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import httpx

from payt_onboarding.afas.errors import ConnectionUnreachable

__all__ = ["PlainHttpPin", "PlainHttpRefused", "resolve"]


class PlainHttpRefused(ConnectionUnreachable):
    """The name of a plain-http address does not lead to this computer only."""


async def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (tests replace socket.getaddrinfo to steer it)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def _is_loopback_address(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class PlainHttpPin:
    """Pins an `http://` base URL to its checked loopback address; https is left alone (TLS
    verifies the name)."""

    def __init__(self, base_url: str) -> None:
        url = httpx.URL(base_url)
        self._needed = url.scheme == "http"
        self._host = url.host
        self._port = url.port or 80
        self._netloc = url.netloc.decode("ascii")
        self._lock = asyncio.Lock()  # one lookup, however many requests start at once

    async def apply(self, http: httpx.AsyncClient) -> None:
        if not self._needed:
            return
        async with self._lock:
            if self._needed:
                await self._pin(http)

    async def _pin(self, http: httpx.AsyncClient) -> None:
        try:
            addresses = await resolve(self._host, self._port)
        except (OSError, UnicodeError):
            addresses = []
        if not addresses or not all(_is_loopback_address(a) for a in addresses):
            raise PlainHttpRefused(
                f"{self._host} does not lead to this computer only, and plain http (without "
                "TLS) is only allowed to this computer: the token would travel readable. Use "
                "https, or 127.0.0.1 for the simulator.",
                reason="plain http to an address that is not this computer")
        # IPv4 first: the simulator (and most local servers) listen on 127.0.0.1.
        chosen = sorted(addresses, key=lambda a: ":" in a)[0].split("%", 1)[0]
        http.base_url = http.base_url.copy_with(host=chosen)
        http.headers["Host"] = self._netloc
        self._needed = False
