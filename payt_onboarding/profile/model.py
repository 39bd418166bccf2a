"""The saved configuration of one client's AFAS environment (DESIGN.md section 6).

A profile holds where the token lives (keyring service and account), never the token. The model
enforces that: an `AfasToken` anywhere in the input, a text that looks like a token (the token
XML or an `AfasToken …` header value), or an unknown key whose name suggests a secret (see
`_SECRET_WORDS`) makes construction fail with a `ProfileError`, raised directly rather than as a
pydantic ValidationError, so the refused value never appears in an error message. Every model
also hides input values in its validation errors.

Unknown keys are allowed and kept (`extra="allow"`), so a file written by a later version of the
same schema survives a load-save round trip in this one. Future keys must therefore avoid the
secret-like words below, or older versions will refuse the file.

Files of an older schema are upgraded by `migrate` before validation; a newer schema is refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from payt_onboarding.afas.environment import validate_base_url
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.messages import Localized
from payt_onboarding.messages.ids import ProfileMessageId
from payt_onboarding.profile.errors import ProfileError, ProfileNameError
from payt_onboarding.profile.snapshot import Snapshot

__all__ = [
    "KEYRING_SERVICE",
    "OAUTH_KEYRING_SERVICE",
    "PROFILE_SCHEMA_VERSION",
    "OAuthRef",
    "Profile",
    "ProfileError",
    "SecretRef",
    "TokenRef",
    "Validation",
    "checked_name",
    "migrate",
    "stored_name",
]

PROFILE_SCHEMA_VERSION = 1
KEYRING_SERVICE = "payt-onboarding"
# OAuth client secrets live under their own service, apart from the tokens.
OAUTH_KEYRING_SERVICE = "payt-onboarding-oauth"
NAME_MAX_LENGTH = 80

Verdict = Literal["ready", "ready_with_warnings", "not_ready"]
AuthName = Literal["classic_token", "oauth_client_secret", "oauth_private_key_jwt"]
ClientAuthName = Literal["auto", "post", "basic", "private_key_jwt"]
EnvironmentName = Literal["production", "test", "accept"]

# Unknown keys are refused when their name, split at non-letters, has one of these parts, or
# contains one of the _SECRET_SUBSTRINGS anywhere ("apitoken", "client_secret", "mypassword").
_SECRET_WORDS = frozenset(
    {"data", "xml", "header", "pwd", "passwd", "passphrase", "credential", "credentials",
     "authorization", "apikey", "key"}
)
_SECRET_SUBSTRINGS = ("token", "secret", "password", "wachtwoord")
_TOKEN_TEXT_RE = re.compile(r"<\s*/?\s*token\s*>|afastoken\s+[A-Za-z0-9+/_=-]{16}", re.IGNORECASE)
_WORD_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_TOKEN_FORMS = (
    _TOKEN_TEXT_RE,
    re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])"),  # the data value
    re.compile(r"PHRva2Vu|PD94bWwg"),  # base64 of "<token" or "<?xml ": the header value
)
_BAD_NAME_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def _refuse(message_id: ProfileMessageId, where: str) -> ProfileError:
    return ProfileError(Localized("profile.refused", {
        "problem": Localized(message_id, {"where": where})}))


def _secret_like_key(key: str) -> bool:
    lowered = key.lower()
    if any(word in lowered for word in _SECRET_SUBSTRINGS):
        return True
    return any(part in _SECRET_WORDS for part in _WORD_SPLIT_RE.split(lowered))


def _token_like(text: str, where: str) -> bool:
    """Any form of a token: its XML, header, bare 64-hex data or base64 XML."""
    if where.endswith("report_sha256"):
        return False  # the report's hash is 64 hex characters too; its own pattern checks it
    return any(pattern.search(text) for pattern in _TOKEN_FORMS)


def _check_values(value: Any, where: str, *, check_keys: bool) -> None:
    """Refuse tokens and token-like text anywhere in `value`, keys included; secret-like key
    names too if `check_keys`. Messages never repeat the offending text."""
    if isinstance(value, AfasToken):
        raise _refuse("profile.refused.token", where)
    if isinstance(value, str):
        if _token_like(value, where):
            raise _refuse("profile.refused.token_like", where)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            key_text = str(key)
            if _token_like(key_text, where):
                raise _refuse("profile.refused.key_token_like", where)
            if check_keys and _secret_like_key(key_text):
                raise _refuse("profile.refused.secret_key", f"{where}.{key_text}")
            _check_values(item, f"{where}.{key_text}", check_keys=check_keys)
        return
    if isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            _check_values(item, f"{where}[{index}]", check_keys=check_keys)


def _guard(model: type[BaseModel], data: Any, where: str) -> None:
    """The secret guard for the raw input of `model`: declared keys by value, extra keys also
    by name."""
    if not isinstance(data, Mapping):
        return
    declared = model.model_fields
    for key, value in data.items():
        key_text = str(key)
        extra = key_text not in declared
        if _token_like(key_text, where):
            raise _refuse("profile.refused.key_token_like", where or "profile")
        if extra and _secret_like_key(key_text):
            raise _refuse("profile.refused.secret_key", f"{where}{key_text}")
        _check_values(value, f"{where}{key_text}", check_keys=extra)


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True, hide_input_in_errors=True)


class Validation(_Model):
    """The outcome of the last check saved with the profile."""

    checked_at: str  # ISO 8601 with offset, as in the report
    verdict: Verdict
    tool_version: str = Field(min_length=1, max_length=100)
    report_sha256: str  # of the JSON report, lowercase hex
    # AFAS's tokenExpiry as the check saw it ("0": never), so the profile list can warn before
    # the token runs out. Added: older files have none.
    token_expiry: str | None = Field(default=None, max_length=100)
    # Added: what this validation found, to say what changed at the next check (issue 16).
    # Older files have none.
    snapshot: Snapshot | None = None

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        _guard(cls, data, "validation.")
        if isinstance(data, Mapping):
            # Every name in it, as a version that predates the snapshot checks it.
            _check_values(data.get("snapshot"), "validation.snapshot", check_keys=True)
        return data

    @field_validator("checked_at")
    @classmethod
    def _iso_8601(cls, value: str) -> str:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("checked_at is not an ISO 8601 date and time") from None
        return value

    @field_validator("report_sha256")
    @classmethod
    def _sha256(cls, value: str) -> str:
        if _SHA256_RE.fullmatch(value) is None:
            raise ValueError("report_sha256 must be 64 lowercase hexadecimal characters")
        return value


class TokenRef(_Model):
    """Where the token is kept in the system keyring. Holds no secret."""

    service: str = Field(default=KEYRING_SERVICE, min_length=1, max_length=200)
    account: str = Field(min_length=1, max_length=200)
    # The address the token was saved for; the account is bound to it too
    # (Environment.keyring_account), so an edited profile cannot send the token elsewhere.
    address: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        _guard(cls, data, "token.")
        return data

    @field_validator("service", "account")
    @classmethod
    def _printable(cls, value: str) -> str:
        if not value.isprintable():
            raise ValueError("the keyring service and account must be printable text")
        return value


def _printable(value: str) -> str:
    if not value.isprintable():
        raise ValueError("the keyring service and account must be printable text")
    return value


_KeyringName = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_printable)]


class SecretRef(_Model):
    """Where an OAuth client secret is kept in the system keyring. Holds no secret. Apart from
    TokenRef on purpose: a token's entry and a client secret's change for different reasons."""

    service: _KeyringName = OAUTH_KEYRING_SERVICE
    account: _KeyringName

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        _guard(cls, data, "oauth.stored.")
        return data


class OAuthRef(_Model):
    """The app connector's OAuth client: its id, how it proves itself, and where its secret
    (keyring) or private key (a file the user chose) is. Never the secret or the key. The key
    names avoid the words the secret guard refuses, so older versions keep this block."""

    client_id: str = Field(min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$")
    client_auth: ClientAuthName = "auto"
    pem_file: str | None = Field(default=None, max_length=1000)  # the private key's path
    kid: str | None = Field(default=None, max_length=200)
    stored: SecretRef | None = None  # the client secret in the keyring

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        _guard(cls, data, "oauth.")
        if isinstance(data, Mapping) and isinstance(data.get("pem_file"), str) \
                and "-----BEGIN" in data["pem_file"]:
            raise _refuse("profile.refused.key_not_file", "oauth.pem_file")
        return data


def checked_name(name: str) -> str:
    """The name as stored, or ProfileNameError (a ValueError) saying what is wrong with it."""
    value = stored_name(name)
    if not value:
        raise ProfileNameError(Localized("profile.name.empty"))
    if len(value) > NAME_MAX_LENGTH:
        raise ProfileNameError(Localized("profile.name.too_long", {"limit": NAME_MAX_LENGTH}))
    if any(unicodedata.category(ch) in _BAD_NAME_CATEGORIES for ch in value):
        raise ProfileNameError(Localized("profile.name.invisible"))
    return value


def stored_name(name: str) -> str:
    """The profile name as stored: Unicode NFC, surrounding whitespace removed."""
    return unicodedata.normalize("NFC", name).strip()


class Profile(_Model):
    """One saved configuration. Build new ones with keywords; read files through ProfileStore."""

    schema_version: int = PROFILE_SCHEMA_VERSION
    name: str
    uid: str = Field(pattern=r"^[0-9]{5,6}$")
    environment: EnvironmentName
    base_url: str | None = None  # an override; None = derived from uid and environment
    connectors: dict[str, str] = Field(default_factory=dict)  # role -> AFAS connector id
    mappings: dict[str, dict[str, str]] = Field(default_factory=dict)  # role -> {payt: afas}
    token: TokenRef | None = None
    # Added (schema 1 still): which credentials the last check used, and the OAuth client.
    auth: AuthName = "classic_token"
    oauth: OAuthRef | None = None
    validation: Validation | None = None

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        _guard(cls, data, "")
        return data

    @field_validator("schema_version")
    @classmethod
    def _current_schema(cls, value: int) -> int:
        if value != PROFILE_SCHEMA_VERSION:
            raise ValueError(
                f"schema_version {value} is not {PROFILE_SCHEMA_VERSION}; read profile files "
                "through ProfileStore, which migrates older ones"
            )
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return checked_name(value)

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        return validate_base_url(value)  # EnvironmentInputError is a ValueError

    @property
    def extra_keys(self) -> dict[str, Any]:
        """The unknown keys read from the file, kept for the next save."""
        return dict(self.__pydantic_extra__ or {})


# --- migration ------------------------------------------------------------------------------

_DUTCH_KINDS = {"productie": "production", "acceptatie": "accept"}


def _from_v0(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 0 is the pre-release layout, recognised by the missing schema_version.

    It called the environment type `env` (in English or Dutch) and kept the keyring account as a
    plain `keyring_account` string; version 1 has `environment` and a `token` object.
    """
    out = dict(raw)
    if "env" in out and "environment" not in out:
        env = out.pop("env")
        if isinstance(env, str):
            env = _DUTCH_KINDS.get(env.strip().lower(), env.strip().lower())
        out["environment"] = env
    account = out.pop("keyring_account", None)
    if isinstance(account, str) and account and out.get("token") is None:
        out["token"] = {"service": KEYRING_SERVICE, "account": account}
    return out


# version N -> the function that turns a version N dict into a version N + 1 dict
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_v0}


def schema_version_of(raw: Mapping[str, Any]) -> int:
    """The schema_version of a raw profile dict; a missing one is version 0 (pre-release)."""
    version = raw.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ProfileError(
            "The profile's schema_version is not a whole number of 0 or more; the file was "
            "edited by hand or damaged. Restore its backup or save the profile again."
        )
    return version


def newer_schema_message(version: int) -> Localized:
    return Localized("profile.newer_schema", {"version": version,
                                               "supported": PROFILE_SCHEMA_VERSION})


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a raw profile dict of an older schema_version to the current one (a new dict).

    Raises ProfileError for a newer schema_version, which this version cannot read.
    """
    if not isinstance(raw, dict):
        raise ProfileError(Localized("profile.not_an_object"))
    version = schema_version_of(raw)
    if version > PROFILE_SCHEMA_VERSION:
        raise ProfileError(newer_schema_message(version))
    out = dict(raw)
    while version < PROFILE_SCHEMA_VERSION:
        out = _MIGRATIONS[version](out)
        version += 1
        out["schema_version"] = version
    return out
