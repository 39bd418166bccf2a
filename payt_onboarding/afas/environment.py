"""Which AFAS Profit environment to talk to: the environment number, its type and the base URL.

AFAS builds the REST address from the environment number and the environment type:
`https://{number}.rest{type}.afas.online/ProfitRestServices`, where `{type}` is empty for
production, `test` or `accept` (reference section 1.1). Users paste either the bare number
(`12345`) or the full environment code (`O12345AA`, `T12345AA`, `A12345AA`), whose first letter
gives the type (reference section 1.3). A base URL override exists for the local simulator.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import SplitResult, urlsplit

from payt_onboarding.vocabulary import Code

__all__ = [
    "Environment",
    "EnvironmentInputError",
    "EnvironmentKind",
    "parse_uid",
    "validate_base_url",
]

# How much of a mistyped environment number is repeated in an error message.
_ECHO_LIMIT = 40


class EnvironmentInputError(ValueError):
    """The environment number, type or base URL the user entered cannot be used.

    `message` (also `str(error)`) is the English text, `nl` the Dutch one; `text(language)`
    picks one for the user interface.
    """

    code: Code = Code.INPUT_INVALID

    def __init__(self, message: str, *, nl: str) -> None:
        super().__init__(message)
        self.message = message
        self.nl = nl

    def text(self, language: str) -> str:
        """The Dutch text for `"nl"`, the English text for any other language."""
        return self.nl if language == "nl" else self.message

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # `nl` is keyword-only, so the default reduce (the class and `args`) cannot rebuild it.
        return functools.partial(type(self), nl=self.nl), (self.message,)


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

    @classmethod
    def parse(cls, value: EnvironmentKind | str) -> EnvironmentKind:
        """The kind for an enum member, its value, or the Dutch word (any letter case)."""
        if isinstance(value, EnvironmentKind):
            return value
        word = value.strip().casefold()
        kind = _KIND_WORDS.get(word)
        if kind is None:
            quoted, quoted_nl = _quotes(value)
            raise EnvironmentInputError(
                f"{quoted} is not an AFAS environment type. Choose production, test or "
                "accept (in Dutch: productie, test or acceptatie).",
                nl=f"{quoted_nl} is geen AFAS-omgevingstype. Kies productie, test of acceptatie "
                "(in het Engels: production, test of accept).",
            )
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

# The Dutch name of each type, as AFAS shows it, for the Dutch messages.
_DUTCH_NAMES: dict[EnvironmentKind, str] = {
    EnvironmentKind.PRODUCTION: "productie",
    EnvironmentKind.TEST: "test",
    EnvironmentKind.ACCEPT: "acceptatie",
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

_UID_HELP = (
    "Enter the 5 digits (for example 12345) or the full code such as O12345AA. You find the "
    "number in every AFAS Online username (12345.jansen) and in the AFAS Online address "
    "https://12345.afasonline.com."
)
_UID_HELP_NL = (
    "Vul de 5 cijfers in (bijvoorbeeld 12345) of de volledige code, zoals O12345AA. Het nummer "
    "staat in elke AFAS Online-gebruikersnaam (12345.jansen) en in het AFAS Online-adres "
    "https://12345.afasonline.com."
)


# A token's data is 64 hex characters; its XML and base64 forms hold long base64 runs.
_TOKEN_LIKE = re.compile(r"[0-9A-Fa-f]{24,}|[A-Za-z0-9+/]{40,}|<\s*token", re.IGNORECASE)


def _quotes(text: str) -> tuple[str, str]:
    """The user's input, shortened and made printable, in quotes; never a pasted token.

    Returns the English and the Dutch form; they differ only for a token-like input.
    """
    shown = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
    if _TOKEN_LIKE.search(shown):
        return (
            f"'…' ({len(shown)} characters that look like a token, not repeated here)",
            f"'…' ({len(shown)} tekens die op een token lijken, hier niet herhaald)",
        )
    if len(shown) > _ECHO_LIMIT:
        shown = shown[: _ECHO_LIMIT - 1] + "…"
    return f"'{shown}'", f"'{shown}'"


def parse_uid(text: str) -> tuple[str, EnvironmentKind | None]:
    """The environment number's digits, and the type when the input was a full environment code.

    Accepts `12345` (5 or 6 digits), `O12345AA`/`T12345AA`/`A12345AA` (any letter case), the code
    without its suffix (`T12345`) and the code without its type letter as AFAS webhooks write it
    (`12345AA`; no type).
    """
    stripped = text.strip()
    if not stripped:
        raise EnvironmentInputError(
            f"The AFAS environment number is empty. {_UID_HELP}",
            nl=f"Het AFAS-omgevingsnummer is niet ingevuld. {_UID_HELP_NL}",
        )
    match = _UID_RE.fullmatch(stripped)
    if match is None:
        quoted, quoted_nl = _quotes(stripped)
        raise EnvironmentInputError(
            f"{quoted} is not an AFAS environment number. {_UID_HELP}",
            nl=f"{quoted_nl} is geen AFAS-omgevingsnummer. {_UID_HELP_NL}",
        )
    letter = match.group("letter")
    kind = _KIND_BY_LETTER[letter.upper()] if letter else None
    return match.group("digits"), kind


def is_loopback(host: str) -> bool:
    """localhost, *.localhost, or an address in 127.0.0.0/8 or ::1."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# A host name (letters, digits, hyphens, dots, underscores) or an IP address; urlsplit has
# already removed the brackets around an IPv6 address.
_HOST_RE = re.compile(r"[A-Za-z0-9._-]+")

_URL_HELP = (
    "Enter the address like https://12345.rest.afas.online/ProfitRestServices, or leave the base "
    "URL empty to use the address derived from the environment number."
)
_URL_HELP_NL = (
    "Vul het adres in zoals https://12345.rest.afas.online/ProfitRestServices, of laat de "
    "basis-URL leeg om het adres te gebruiken dat bij het omgevingsnummer hoort."
)


def validate_base_url(url: str) -> str:
    """The base URL without surrounding whitespace and trailing slashes, if it is acceptable.

    Rules: an absolute URL with a host; https, or plain http only for a loopback host
    (`localhost`, 127.0.0.0/8, `::1`); no user name or password; no query or fragment. The URL is
    never repeated in the error message, since a pasted URL may carry credentials.
    """
    cleaned = url.strip().rstrip("/")
    if not cleaned:
        raise EnvironmentInputError(
            f"The base URL is empty. {_URL_HELP}",
            nl=f"De basis-URL is niet ingevuld. {_URL_HELP_NL}",
        )
    if any(ch.isspace() or not ch.isprintable() or ch == "\\" for ch in cleaned):
        raise EnvironmentInputError(
            "The base URL contains spaces, backslashes or invisible characters. " + _URL_HELP,
            nl="De basis-URL bevat spaties, backslashes of onzichtbare tekens. " + _URL_HELP_NL,
        )
    parts: SplitResult | None
    try:
        parts = urlsplit(cleaned)
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        parts = None
    if parts is None:
        # Raised here, not in the except block: the ValueError (its message may quote the URL)
        # must not become the __context__ of this error.
        raise EnvironmentInputError(
            f"The base URL is not a valid web address. {_URL_HELP}",
            nl=f"De basis-URL is geen geldig webadres. {_URL_HELP_NL}",
        )
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not parts.netloc:
        raise EnvironmentInputError(
            f"The base URL must be a full address that starts with https://. {_URL_HELP}",
            nl=f"De basis-URL moet een volledig adres zijn dat begint met https://. {_URL_HELP_NL}",
        )
    if "@" in parts.netloc:
        raise EnvironmentInputError(
            "The base URL must not contain a user name or password (the part before @). "
            "AFAS uses the token for access; remove the user name and password from the address.",
            nl="De basis-URL mag geen gebruikersnaam of wachtwoord bevatten (het deel vóór @). "
            "AFAS gebruikt het token voor de toegang; verwijder de gebruikersnaam en het "
            "wachtwoord uit het adres.",
        )
    if "?" in cleaned or "#" in cleaned:
        raise EnvironmentInputError(
            "The base URL must not contain a query (?…) or fragment (#…). "
            "Enter only the address up to and including /ProfitRestServices.",
            nl="De basis-URL mag geen queryparameters (?…) of fragment (#…) bevatten. "
            "Vul alleen het adres in tot en met /ProfitRestServices.",
        )
    host = (parts.hostname or "").lower()
    if not host or _HOST_RE.fullmatch(host.replace(":", "")) is None:
        raise EnvironmentInputError(
            f"The base URL has no valid host name. {_URL_HELP}",
            nl=f"De basis-URL bevat geen geldige hostnaam. {_URL_HELP_NL}",
        )
    if scheme == "http" and not is_loopback(host):
        raise EnvironmentInputError(
            "Plain http:// is only allowed for the local simulator on 127.0.0.1 (or localhost); "
            "use https:// for every other address.",
            nl="Een adres met http:// (zonder s) is alleen toegestaan voor de lokale simulator op "
            "127.0.0.1 (of localhost); gebruik voor elk ander adres https://.",
        )
    return cleaned


@dataclass(frozen=True)
class Environment:
    """One AFAS environment: number, type and optionally a fixed base URL (the simulator)."""

    uid: str
    kind: EnvironmentKind = EnvironmentKind.PRODUCTION
    base_url_override: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.uid, str) or _DIGITS_RE.fullmatch(self.uid) is None:
            raise EnvironmentInputError(
                "The environment number must be 5 or 6 digits, such as 12345. "
                "Use Environment.parse() to read a full environment code such as O12345AA.",
                nl="Het omgevingsnummer moet uit 5 of 6 cijfers bestaan, zoals 12345. "
                "Gebruik Environment.parse() om een volledige omgevingscode zoals O12345AA in "
                "te lezen.",
            )
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
            letter = code_kind.letter
            quoted, quoted_nl = _quotes(uid)
            code_nl, chosen_nl = _DUTCH_NAMES[code_kind], _DUTCH_NAMES[chosen]
            raise EnvironmentInputError(
                f"The environment code {quoted} starts with {letter}, which means a "
                f"{code_kind.value} environment, but the environment type is set to "
                f"{chosen.value}. Choose {code_kind.value} as the type, or enter only the "
                f"digits {digits} to use the {chosen.value} environment.",
                nl=f"De omgevingscode {quoted_nl} begint met {letter}, dus het is een "
                f"{code_nl}omgeving, maar als omgevingstype is {chosen_nl} gekozen. Kies "
                f"{code_nl} als omgevingstype, of vul alleen de cijfers {digits} in om de "
                f"{chosen_nl}omgeving te gebruiken.",
            )
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
    def keyring_account(self) -> str:
        """The account name under which this environment's token is kept in the OS keyring."""
        return f"{self.uid}-{self.kind.value}"
