"""Profile files as bytes: parsing (with migration and clear reasons), dumping, backups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from payt_onboarding.messages import Localized
from payt_onboarding.profile.errors import ProfileError, ProfileNameError
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
MAX_DEPTH = 32  # a profile nests four levels; deeper would overflow the parser or the writer


class Unreadable(Exception):
    """Why a profile file cannot be used: `kind` and a short `text` for the user (any language;
    `detail` is the English)."""

    def __init__(self, kind: Literal["damaged", "newer", "io"], text: Localized) -> None:
        super().__init__(text.render("en"))
        self.kind = kind
        self.text = text
        self.detail = text.render("en")


def backup_path(path: Path) -> Path:
    """`<file>.bak` next to the profile file."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def parse_profile(content: bytes) -> Profile:
    """The profile in `content`, migrated; raises Unreadable."""
    if not content.strip():
        raise Unreadable("damaged", Localized("profile.detail.empty"))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("damaged", Localized("profile.detail.not_text")) from None
    too_deep = False
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable("damaged", Localized("profile.detail.not_json", {
            "reason": error.msg, "line": error.lineno, "column": error.colno})) from None
    except RecursionError:
        raw, too_deep = None, True
    if too_deep or _too_deep(raw):
        raise Unreadable("damaged", Localized("profile.detail.too_deep", {"depth": MAX_DEPTH}))
    if not isinstance(raw, dict):
        raise Unreadable("damaged", Localized("profile.detail.no_object"))
    try:
        version = schema_version_of(raw)
        if version > PROFILE_SCHEMA_VERSION:
            raise Unreadable("newer", newer_schema_message(version))
        return Profile.model_validate(migrate(raw))
    except ProfileError as error:
        raise Unreadable("damaged", error.localized or Localized(
            "profile.detail.plain", {"text": error.message})) from None
    except ValidationError as error:
        problems = [  # pydantic's own words: English
            f"{'.'.join(str(part) for part in e['loc']) or 'profile'}: {e['msg']}"
            for e in error.errors(include_url=False, include_input=False)[:3]
        ]
        raise Unreadable("damaged", Localized("profile.detail.invalid", {
            "problems": "; ".join(problems)})) from None


def _too_deep(data: Any) -> bool:
    """Nesting over MAX_DEPTH, found without recursion."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = node.values() if isinstance(node, dict) else node if isinstance(
            node, list) else ()
        stack += [(child, depth + 1) for child in children if isinstance(child, dict | list)]
    return False


def read_profile(path: Path) -> Profile:
    """The profile in the file; raises Unreadable, or FileNotFoundError when it is missing."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise Unreadable("damaged", Localized("profile.detail.too_large"))
        content = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as error:
        raise Unreadable("io", Localized("profile.detail.io", {
            "reason": error.strerror or error})) from None
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
        raise ProfileError(Localized("profile.not_json", {"name": profile.name})) from None
    if not with_token:
        data.pop("token", None)
        if isinstance(data.get("oauth"), dict):
            data["oauth"].pop("stored", None)  # the client secret's entry in this keyring
    data["schema_version"] = PROFILE_SCHEMA_VERSION
    try:
        Profile.model_validate(data)
    except ValidationError as error:
        raise ProfileError(Localized("profile.not_valid", {
            "name": profile.name, "count": error.error_count()})) from None
    content = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if len(content) > MAX_FILE_BYTES:
        # It could be written, but never read back: refuse it now, not as "damaged" later.
        raise ProfileError(Localized("profile.too_large", {
            "name": profile.name, "size": len(content) // 1000,
            "limit": MAX_FILE_BYTES // 1000}))
    return content



def revalidated(profile: Profile, **changes: Any) -> Profile:
    data = profile.model_dump()
    data.update(changes)
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        errors = error.errors(include_url=False, include_input=False)
        named = [e["ctx"]["error"] for e in errors
                 if isinstance(e.get("ctx", {}).get("error"), ProfileNameError)]
        if named:  # a name the user typed: say why in their language
            raise ProfileError(named[0].localized) from None
        messages = "; ".join(e["msg"] for e in errors)
        raise ProfileError(Localized("profile.invalid", {"problems": messages})) from None


def lenient_fields(path: Path) -> tuple[str, str | None, str | None]:
    """Name, UID and environment from a file that does not load, where they can be read."""
    try:
        raw = json.loads(path.read_bytes()[:MAX_FILE_BYTES].decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return path.stem, None, None
    if not isinstance(raw, dict):
        return path.stem, None, None

    def text(key: str) -> str | None:
        value = raw.get(key)
        return value if isinstance(value, str) and value.isprintable() else None

    return (text("name") or path.stem), text("uid"), text("environment") or text("env")
