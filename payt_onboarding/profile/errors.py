"""The one error type of the profile store, shared by the model (migration) and the store."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ProfileError", "ProfileExistsError", "ProfileNotFoundError"]


class ProfileError(Exception):
    """A profile cannot be read, written or found. `str()` is a message for the user.

    `path` is the file concerned (None when no file is involved yet, as in `migrate`), and
    `backup` the `.bak` copy the user can restore with `ProfileStore.restore_backup`, offered when
    the file is damaged and the backup itself reads as a valid profile.
    """

    def __init__(
        self, message: str, *, path: Path | None = None, backup: Path | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.backup = backup

    def __str__(self) -> str:
        return self.message


class ProfileNotFoundError(ProfileError):
    """No profile of that name is saved."""


class ProfileExistsError(ProfileError):
    """A profile of that name is saved already (rename or import would overwrite it)."""
