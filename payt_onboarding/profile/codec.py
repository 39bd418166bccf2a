"""Profile files as bytes: parsing (with migration and clear reasons), dumping, backups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from payt_onboarding.profile.errors import ProfileError
from payt_onboarding.profile.files import BACKUP_SUFFIX
from payt_onboarding.profile.model import (
    PROFILE_SCHEMA_VERSION,
    Profile,
    migrate,
    newer_schema_message,
    schema_version_of,
)

__all__ = [
    "MAX_FILE_BYTES",
    "Unreadable",
    "backup_path",
    "dump_profile",
    "lenient_fields",
    "parse_profile",
    "read_profile",
    "revalidated",
    "valid_backup",
]

MAX_FILE_BYTES = 1_000_000


class Unreadable(Exception):
    """Why a profile file cannot be used: `kind` and a short `detail` for the user."""

    def __init__(self, kind: Literal["damaged", "newer", "io"], detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def backup_path(path: Path) -> Path:
    """`<file>.bak` next to the profile file."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def parse_profile(content: bytes) -> Profile:
    """The profile in `content`, migrated; raises Unreadable."""
    if not content.strip():
        raise Unreadable("damaged", "the file is empty")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("damaged", "the file is not text") from None
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as error:
        detail = f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise Unreadable("damaged", detail) from None
    if not isinstance(raw, dict):
        raise Unreadable("damaged", "the file holds no JSON object")
    try:
        version = schema_version_of(raw)
        if version > PROFILE_SCHEMA_VERSION:
            raise Unreadable("newer", newer_schema_message(version))
        return Profile.model_validate(migrate(raw))
    except ProfileError as error:
        raise Unreadable("damaged", error.message) from None
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(part) for part in e['loc']) or 'profile'}: {e['msg']}"
            for e in error.errors(include_url=False, include_input=False)[:3]
        ]
        raise Unreadable("damaged", "invalid content (" + "; ".join(problems) + ")") from None


def read_profile(path: Path) -> Profile:
    """The profile in the file; raises Unreadable, or FileNotFoundError when it is missing."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise Unreadable("damaged", "the file is far too large to be a profile")
        content = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as error:
        raise Unreadable("io", f"it cannot be read: {error.strerror or error}") from None
    return parse_profile(content)


def valid_backup(path: Path) -> Path | None:
    backup = backup_path(path)
    try:
        read_profile(backup)
    except (Unreadable, OSError):
        return None
    return backup



def dump_profile(profile: Profile, *, with_token: bool = True) -> bytes:
    """The file content for `profile`, validated again (model_copy does not validate)."""
    try:
        data = profile.model_dump(mode="json")
    except PydanticSerializationError:
        raise ProfileError(f"The profile '{profile.name}' holds a value that cannot be "
                           "saved as JSON.") from None
    if not with_token:
        data.pop("token", None)
        if isinstance(data.get("oauth"), dict):
            data["oauth"].pop("stored", None)  # the client secret's entry in this keyring
    data["schema_version"] = PROFILE_SCHEMA_VERSION
    try:
        Profile.model_validate(data)
    except ValidationError as error:
        raise ProfileError(f"The profile '{profile.name}' cannot be saved: it is not valid "
                           f"({error.error_count()} problem(s)).") from None
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")



def revalidated(profile: Profile, **changes: Any) -> Profile:
    data = profile.model_dump()
    data.update(changes)
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        messages = "; ".join(e["msg"] for e in error.errors(include_url=False,
                                                            include_input=False))
        raise ProfileError(f"Invalid profile: {messages}.") from None


def lenient_fields(path: Path) -> tuple[str, str | None, str | None]:
    """Name, UID and environment from a file that does not load, where they can be read."""
    try:
        raw = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError):
        return path.stem, None, None
    if not isinstance(raw, dict):
        return path.stem, None, None

    def text(key: str) -> str | None:
        value = raw.get(key)
        return value if isinstance(value, str) and value.isprintable() else None

    return (text("name") or path.stem), text("uid"), text("environment") or text("env")
