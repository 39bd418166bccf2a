"""What a client hands over to let Payt in: a classic token, or the OAuth client of the app
connector (reference/afas-oauth.md): a client id with a client secret or a private key.

The client id is not secret. The secret and the private key's contents are: like `AfasToken`
they show only a hint in repr/str/format, compare in constant time, and refuse to be pickled.
The private key is read from the file the user names and kept in memory only; the program never
copies it anywhere. Errors are raised outside `except` blocks, so they carry no context with
the input.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeAlias

from payt_onboarding.afas.token import AfasToken
from payt_onboarding.messages import CredentialInputId, InputError

__all__ = [
    "AuthKind",
    "ClientAuth",
    "ClientSecret",
    "CredentialInputError",
    "Credentials",
    "OAuthClient",
    "PrivateKey",
    "SealedText",
    "auth_kind",
]

# How the OAuth client proves itself at the token endpoint; "auto" tries post, then basic.
ClientAuth = Literal["post", "basic", "private_key_jwt", "auto"]
CLIENT_AUTHS: tuple[ClientAuth, ...] = ("auto", "post", "basic", "private_key_jwt")
# What was tested, as the report names it (target.auth).
AuthKind = Literal["classic_token", "oauth_client_secret", "oauth_private_key_jwt"]

MAX_SECRET_LENGTH = 1000
MAX_KEY_FILE_BYTES = 64 * 1024  # a PEM key of 4096 bits is about 3.3 kB
MAX_CLIENT_ID_LENGTH = 200
_CLIENT_ID_RE = re.compile(r"[\x21-\x7e]+")  # printable ASCII, no spaces
_HINT_LENGTH = 4
_NO_PICKLE = "A {} cannot be pickled: a secret lives in the OS keyring or its file only."


class CredentialInputError(InputError[CredentialInputId]):
    """A client id, secret or key file that cannot be used. Its texts never hold the input."""


def _fail(message_id: CredentialInputId, **values: object) -> NoReturn:
    raise CredentialInputError(message_id, **values)


class SealedText:
    """A secret text: shown as a hint only, immutable, compared in constant time, unpicklable."""

    __slots__ = ("_SealedText__value",)
    __value: str

    def __init__(self, value: str) -> None:
        object.__setattr__(self, "_SealedText__value", value)

    def reveal(self) -> str:
        """The secret itself. Send it; never log or show it."""
        return self.__value

    @property
    def hint(self) -> str:
        return "…" + self.__value[-_HINT_LENGTH:] if len(self.__value) > 12 else "…"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.hint})"

    __str__ = __repr__

    def __format__(self, format_spec: str) -> str:
        return format(repr(self), format_spec)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, SealedText)
        return hmac.compare_digest(self.__value.encode(), other.__value.encode())

    def __hash__(self) -> int:
        return hash((type(self), self.__value))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __copy__(self) -> Any:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return self

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        raise TypeError(_NO_PICKLE.format(type(self).__name__))

    def __reduce__(self) -> NoReturn:
        raise TypeError(_NO_PICKLE.format(type(self).__name__))

    def __getstate__(self) -> NoReturn:
        raise TypeError(_NO_PICKLE.format(type(self).__name__))


class ClientSecret(SealedText):
    """The OAuth client secret Profit generated for the app connector."""

    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> ClientSecret:
        """The secret as typed or pasted: surrounding whitespace and quotes removed."""
        if not isinstance(text, str):
            _fail("input.secret.empty")
        if len(text) > MAX_SECRET_LENGTH:
            _fail("input.secret.too_long", limit=MAX_SECRET_LENGTH)
        value = text.strip().strip("'\"").strip()
        if not value:
            _fail("input.secret.empty")
        if any(ch.isspace() or not ch.isprintable() for ch in value):
            _fail("input.secret.spaces")
        return cls(value)


class PrivateKey(SealedText):
    """A PEM private key (RSA of 2048 bits or more, or EC P-256) read from `path`."""

    __slots__ = ("algorithm", "path")
    path: Path
    algorithm: str  # the JWS algorithm Profit accepts for this key: RS256 or ES256

    def __init__(self, pem: str, path: Path, algorithm: str) -> None:
        super().__init__(pem)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "algorithm", algorithm)

    def __repr__(self) -> str:
        return f"PrivateKey({str(self.path)!r}, {self.algorithm})"

    __str__ = __repr__

    @classmethod
    def load(cls, path: str | Path) -> PrivateKey:
        """Read and check the key file; CredentialInputError says what is wrong with it."""
        where = Path(path).expanduser()
        raw: bytes | None = None
        problem = ""
        try:
            if where.stat().st_size > MAX_KEY_FILE_BYTES:
                problem = "too_big"
            else:
                raw = where.read_bytes()
        except OSError as error:
            problem = error.strerror or type(error).__name__
        if problem == "too_big":
            _fail("input.key.not_a_key", path=str(where))
        if raw is None:
            _fail("input.key.unreadable", path=str(where), reason=problem)
        return cls.from_pem(raw.decode("ascii", "replace"), where)

    @classmethod
    def from_pem(cls, pem: str, path: Path) -> PrivateKey:
        """The key in `pem`, as read from `path` (named in messages, never copied)."""
        return cls(pem, path, _algorithm(pem.encode("ascii", "replace"), path))


def _algorithm(raw: bytes, where: Path) -> str:
    # cryptography when a key is read, not for every credential (the wizard's start)
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key: object = None
    encrypted = False
    try:
        key = load_pem_private_key(raw, password=None)
    except TypeError:
        encrypted = True  # "Password was not given but private key is encrypted"
    except (ValueError, UnsupportedAlgorithm):
        key = None
    if encrypted:
        _fail("input.key.encrypted", path=str(where))
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < 2048:
            _fail("input.key.unsupported", path=str(where))
        return "RS256"
    if isinstance(key, ec.EllipticCurvePrivateKey):
        if not isinstance(key.curve, ec.SECP256R1):
            _fail("input.key.unsupported", path=str(where))
        return "ES256"
    if key is not None:
        _fail("input.key.unsupported", path=str(where))
    _fail("input.key.not_a_key", path=str(where))


def checked_client_id(text: str) -> str:
    value = text.strip() if isinstance(text, str) else ""
    if not value:
        _fail("input.client_id.empty")
    if len(value) > MAX_CLIENT_ID_LENGTH or _CLIENT_ID_RE.fullmatch(value) is None:
        _fail("input.client_id.invalid", limit=MAX_CLIENT_ID_LENGTH)
    return value


@dataclass(frozen=True)
class OAuthClient:
    """The app connector's OAuth client: a client id with exactly one of secret or key."""

    client_id: str
    secret: ClientSecret | None = None
    private_key: PrivateKey | None = None
    key_id: str | None = None  # `kid`: the key id set in Profit, or the certificate thumbprint
    client_auth: ClientAuth = "auto"

    def __post_init__(self) -> None:
        object.__setattr__(self, "client_id", checked_client_id(self.client_id))
        if (self.secret is None) == (self.private_key is None):
            raise ValueError("an OAuth client has a secret or a private key, not both or none")
        if self.private_key is not None and self.client_auth not in ("auto", "private_key_jwt"):
            raise ValueError(f"a private key signs (private_key_jwt), not {self.client_auth}")
        if self.secret is not None and self.client_auth == "private_key_jwt":
            raise ValueError("private_key_jwt needs a private key, not a client secret")
        if self.key_id is not None and not self.key_id.strip():
            object.__setattr__(self, "key_id", None)

    @property
    def kind(self) -> AuthKind:
        return "oauth_private_key_jwt" if self.private_key else "oauth_client_secret"


Credentials: TypeAlias = AfasToken | OAuthClient


def auth_kind(credentials: Credentials) -> AuthKind:
    return credentials.kind if isinstance(credentials, OAuthClient) else "classic_token"
