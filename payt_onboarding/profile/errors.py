"""The one error type of the profile store, shared by the model (migration) and the store."""

from __future__ import annotations

from pathlib import Path

from payt_onboarding.messages import Localized
from payt_onboarding.vocabulary import Language

__all__ = ["ProfileError", "ProfileExistsError", "ProfileNameError", "ProfileNotFoundError"]


class ProfileError(Exception):
    """A profile cannot be read, written or found. `text(language)` is a message for the user
    (a catalog id with its values, or a plain text); `str()` and `message` are the English one.

    `path` is the file concerned (None when no file is involved yet, as in `migrate`), and
    `backup` the `.bak` copy the user can restore with `ProfileStore.restore_backup`, offered when
    the file is damaged and the backup itself reads as a valid profile.
    """

    def __init__(
        self, message: str | Localized, *, path: Path | None = None, backup: Path | None = None
    ) -> None:
        self.localized = message if isinstance(message, Localized) else None
        self.message = message.render("en") if isinstance(message, Localized) else message
        super().__init__(self.message)
        self.path = path
        self.backup = backup

    def text(self, language: Language) -> str:
        return self.localized.render(language) if self.localized else self.message

    def __str__(self) -> str:
        return self.message


class ProfileNotFoundError(ProfileError):
    """No profile of that name is saved."""


class ProfileExistsError(ProfileError):
    """A profile of that name is saved already (rename or import would overwrite it)."""


class ProfileNameError(ValueError):
    """A profile name that cannot be used (a ValueError, so pydantic's validators pass it on);
    `localized` says why, in any language."""

    def __init__(self, localized: Localized) -> None:
        super().__init__(localized.render("en"))
        self.localized = localized

    def text(self, language: Language) -> str:
        return self.localized.render(language)
