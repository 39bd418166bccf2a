"""Which AFAS Profit environment to talk to: the environment number, its type and the base URL.

AFAS builds the REST address from the environment number and the environment type:
`https://{number}.rest{type}.afas.online/ProfitRestServices`, where `{type}` is empty for
production, `test` or `accept` (reference section 1.1). Users paste either the bare number
(`12345`) or the full environment code (`O12345AA`, `T12345AA`, `A12345AA`), whose first letter
gives the type (reference section 1.3). A base URL override exists for the local simulator.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import SplitResult, urlsplit

from payt_onboarding.messages import EnvironmentInputId, FragmentId, InputError, Localized

__all__ = [
    "Environment",
    "EnvironmentInputError",
    "EnvironmentKind",
    "parse_uid",
    "validate_base_url",
]

# How much of a mistyped environment number is repeated in an error message.
_ECHO_LIMIT = 40
_ACCOUNT_MAX = 200  # the profile's TokenRef holds an account of at most this length


class EnvironmentInputError(InputError[EnvironmentInputId]):
    """The environment number, type or base URL the user entered cannot be used; its texts are
    "input.uid.*", "input.kind.*" and "input.url.*" in resources/messages."""


class EnvironmentKind(StrEnum):
    """The type of an AFAS environment; each has its own REST host."""

    PRODUCTION = "production"
    TEST = "test"
    ACCEPT = "accept"

    @property
    def host_part(self) -> str:
        """The service label in the host name: `rest`, `resttest` or `restaccept`."""
        return _HOST_PARTS[self]

    @property
    def letter(self) -> str:
        """The letter that starts an environment code of this type: O, T or A."""
        return _LETTERS[self]

    @property
    def name_text(self) -> Localized:
        """The type's name in the message's language ("productie" in Dutch)."""
        return Localized(_NAME_IDS[self])

    @classmethod
    def parse(cls, value: EnvironmentKind | str) -> EnvironmentKind:
        """The kind for an enum member, its value, or the Dutch word (any letter case)."""
        if isinstance(value, EnvironmentKind):
            return value
        word = value.strip().casefold()
        kind = _KIND_WORDS.get(word)
        if kind is None:
            raise EnvironmentInputError("input.kind.unknown", quoted=_quoted(value))
        return kind


_HOST_PARTS: dict[EnvironmentKind, str] = {
    EnvironmentKind.PRODUCTION: "rest",
    EnvironmentKind.TEST: "resttest",
    EnvironmentKind.ACCEPT: "restaccept",
}

_LETTERS: dict[EnvironmentKind, str] = {
    EnvironmentKind.PRODUCTION: "O",
    EnvironmentKind.TEST: "T",
    EnvironmentKind.ACCEPT: "A",
}

_KIND_BY_LETTER: dict[str, EnvironmentKind] = {v: k for k, v in _LETTERS.items()}

_NAME_IDS: dict[EnvironmentKind, FragmentId] = {
    EnvironmentKind.PRODUCTION: "environment.production",
    EnvironmentKind.TEST: "environment.test",
    EnvironmentKind.ACCEPT: "environment.accept",
}

_KIND_WORDS: dict[str, EnvironmentKind] = {
    "production": EnvironmentKind.PRODUCTION,
    "productie": EnvironmentKind.PRODUCTION,
    "test": EnvironmentKind.TEST,
    "accept": EnvironmentKind.ACCEPT,
    "acceptatie": EnvironmentKind.ACCEPT,
}

# Optional type letter, 5 or 6 ASCII digits, optional 2-letter suffix. `[0-9]`, not `\d`, so that
# digits from other scripts never reach a host name.
_UID_RE = re.compile(
    r"(?P<letter>[OTA])?(?P<digits>[0-9]{5,6})(?P<suffix>[A-Z]{2})?", re.IGNORECASE | re.ASCII
)
_DIGITS_RE = re.compile(r"[0-9]{5,6}")

# A token's data is 64 hex characters; its XML and base64 forms hold long base64 runs.
_TOKEN_LIKE = re.compile(r"[0-9A-Fa-f]{24,}|[A-Za-z0-9+/]{40,}|<\s*token", re.IGNORECASE)


def _quoted(text: str) -> str | Localized:
    """The user's input, shortened and made printable, in quotes; never a pasted token (that is
    described instead, in the message's language)."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
    if _TOKEN_LIKE.search(shown):
        return Localized("fragment.token_like_input", {"length": len(shown)})
    if len(shown) > _ECHO_LIMIT:
        shown = shown[: _ECHO_LIMIT - 1] + "…"
    return f"'{shown}'"


def parse_uid(text: str) -> tuple[str, EnvironmentKind | None]:
    """The environment number's digits, and the type when the input was a full environment code.

    Accepts `12345` (5 or 6 digits), `O12345AA`/`T12345AA`/`A12345AA` (any letter case), the code
    without its suffix (`T12345`) and the code without its type letter as AFAS webhooks write it
    (`12345AA`; no type).
    """
    stripped = text.strip()
    if not stripped:
        raise EnvironmentInputError("input.uid.empty")
    match = _UID_RE.fullmatch(stripped)
    if match is None:
        raise EnvironmentInputError("input.uid.invalid", quoted=_quoted(stripped))
    letter = match.group("letter")
    kind = _KIND_BY_LETTER[letter.upper()] if letter else None
    return match.group("digits"), kind


def is_loopback(host: str) -> bool:
    """`localhost`, or an address in 127.0.0.0/8 or ::1. Not `*.localhost`: a resolver may send
    such a name to DNS. A name is only a claim; the client resolves it before plain http and
    connects to the checked address (afas.pinning)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# A host name (letters, digits, hyphens, dots, underscores) or an IP address; urlsplit has
# already removed the brackets around an IPv6 address.
_HOST_RE = re.compile(r"[A-Za-z0-9._-]+")

def validate_base_url(url: str) -> str:
    """The base URL without surrounding whitespace and trailing slashes, if it is acceptable.

    Rules: an absolute URL with a host; https, or plain http only for a loopback host
    (`localhost`, 127.0.0.0/8, `::1`); no user name or password; no query or fragment. The URL is
    never repeated in the error message, since a pasted URL may carry credentials.
    """
    cleaned = url.strip().rstrip("/")
    if not cleaned:
        raise EnvironmentInputError("input.url.empty")
    if any(ch.isspace() or not ch.isprintable() or ch == "\\" for ch in cleaned):
        raise EnvironmentInputError("input.url.bad_characters")
    parts: SplitResult | None
    try:
        parts = urlsplit(cleaned)
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        parts = None
    if parts is None:
        # Raised here, not in the except block: the ValueError (its message may quote the URL)
        # must not become the __context__ of this error.
        raise EnvironmentInputError("input.url.invalid")
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not parts.netloc:
        raise EnvironmentInputError("input.url.not_absolute")
    if "@" in parts.netloc:
        raise EnvironmentInputError("input.url.credentials")
    if "?" in cleaned or "#" in cleaned:
        raise EnvironmentInputError("input.url.query_or_fragment")
    host = (parts.hostname or "").lower()
    if not host or _HOST_RE.fullmatch(host.replace(":", "")) is None:
        raise EnvironmentInputError("input.url.no_host")
    if scheme == "http" and not is_loopback(host):
        raise EnvironmentInputError("input.url.http_not_loopback")
    return cleaned


@dataclass(frozen=True)
class Environment:
    """One AFAS environment: number, type and optionally a fixed base URL (the simulator)."""

    uid: str
    kind: EnvironmentKind = EnvironmentKind.PRODUCTION
    base_url_override: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.uid, str) or _DIGITS_RE.fullmatch(self.uid) is None:
            raise EnvironmentInputError("input.uid.not_digits")
        object.__setattr__(self, "kind", EnvironmentKind.parse(self.kind))
        if self.base_url_override is not None:
            object.__setattr__(self, "base_url_override", validate_base_url(self.base_url_override))

    @classmethod
    def parse(
        cls,
        uid: str,
        kind: EnvironmentKind | str | None = None,
        base_url: str | None = None,
    ) -> Environment:
        """Read what the user entered. A blank `kind` or `base_url` counts as not given.

        The type letter of a full environment code sets the type; a different explicit `kind` is
        an error. Without either, the environment is production.
        """
        digits, code_kind = parse_uid(uid)
        chosen: EnvironmentKind | None = None
        if kind is not None and (isinstance(kind, EnvironmentKind) or kind.strip()):
            chosen = EnvironmentKind.parse(kind)
        if code_kind is not None and chosen is not None and code_kind is not chosen:
            raise EnvironmentInputError(
                "input.uid.kind_conflict", quoted=_quoted(uid), letter=code_kind.letter,
                digits=digits, code_kind=code_kind.name_text, chosen=chosen.name_text)
        override = base_url if base_url is not None and base_url.strip() else None
        return cls(
            uid=digits,
            kind=code_kind or chosen or EnvironmentKind.PRODUCTION,
            base_url_override=override,
        )

    @property
    def derived_url(self) -> str:
        """The AFAS Online REST address for this number and type."""
        return f"https://{self.uid}.{self.kind.host_part}.afas.online/ProfitRestServices"

    @property
    def base_url(self) -> str:
        """The override when set (the simulator), else the derived AFAS Online address."""
        return self.base_url_override if self.base_url_override is not None else self.derived_url

    @property
    def is_afas_address(self) -> bool:
        """Whether the base URL is AFAS's own for this number and type (not an override)."""
        return self.base_url == self.derived_url

    @property
    def keyring_account(self) -> str:
        """The account under which this environment's token is kept in the OS keyring, bound to
        the address it is sent to: `<uid>-<type>` for AFAS's own address, and with `@<base URL>`
        added for any other, so a profile pointing elsewhere never finds AFAS's token."""
        account = f"{self.uid}-{self.kind.value}"
        if self.is_afas_address:
            return account
        bound = f"{account}@{self.base_url}"
        if len(bound) <= _ACCOUNT_MAX:
            return bound
        return f"{account}@sha256:{hashlib.sha256(self.base_url.encode()).hexdigest()[:32]}"
