"""Profiles on disk: one JSON file per profile in the user config directory, saved atomically.

Every save writes a temp file next to the profile, fsyncs it and renames it over the old file, so
the file is always the old or the new profile, whenever the process is killed. Before that, the
previous version is copied (atomically too) to `<file>.bak`; when the previous version is damaged,
it is kept as `<file>.damaged` instead and the good `.bak` stays. A damaged file is reported on
load with the backup offered (`ProfileError.backup`, `restore_backup`). A file of a newer
schema_version is never overwritten; older ones are migrated on load and written in the current
schema on the next save.

All methods do file I/O: in the GUI, call them off the GUI thread.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from payt_onboarding.messages import Localized
from payt_onboarding.profile.codec import (
    Unreadable,
    backup_path,
    dump_profile,
    lenient_fields,
    parse_profile,
    read_profile,
    revalidated,
    valid_backup,
)
from payt_onboarding.profile.errors import (
    ProfileError,
    ProfileExistsError,
    ProfileNotFoundError,
)
from payt_onboarding.profile.files import (
    PROFILE_SUFFIX,
    atomic_write,
    fsync_directory,
    remove_stale_temp_files,
    safe_filename,
)
from payt_onboarding.profile.location import APP_NAME as APP_NAME
from payt_onboarding.profile.location import CONFIG_DIR_ENV, default_directory
from payt_onboarding.profile.model import Profile, stored_name

__all__ = [
    "CONFIG_DIR_ENV",
    "ProfileError",
    "ProfileExistsError",
    "ProfileNotFoundError",
    "ProfileStore",
    "ProfileSummary",
    "default_directory",
    "safe_filename",
]

DAMAGED_SUFFIX = ".damaged"


@dataclass(frozen=True)
class ProfileSummary:
    """One line of the profile list. `error` is set (and the rest may be None) when the file
    cannot be read; `name` is then the name found in the file, or the file name."""

    name: str
    uid: str | None
    environment: str | None
    verdict: str | None
    checked_at: str | None
    path: Path
    error: str | None = None  # in English; `problem` in any language
    token_expiry: str | None = None  # as the last check saw it
    # Added: the credentials' kind and the address, for the wizard's list and its Check all.
    auth: str | None = None
    base_url: str | None = None
    problem: Localized | None = None


def _unreadable_error(error: Unreadable, path: Path) -> ProfileError:
    if error.kind == "newer":
        return ProfileError(Localized("profile.file_problem", {"path": path,
                                                               "detail": error.text}),
                            path=path)
    if error.kind == "io":
        return ProfileError(Localized("profile.file_io", {"path": path, "detail": error.text}),
                            path=path)
    backup = valid_backup(path)
    advice = (Localized("profile.damaged.backup", {"backup": backup.name}) if backup else
              Localized("profile.damaged.no_backup"))
    return ProfileError(Localized("profile.damaged", {"path": path, "detail": error.text,
                                                      "advice": advice}),
                        path=path, backup=backup)


class ProfileStore:
    """The profiles in one directory (default: `default_directory()`)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_directory()

    def path_for(self, name: str) -> Path:
        """Where the profile of this exact name is (or would be) saved."""
        return self.directory / safe_filename(name)

    def _files(self) -> Iterator[Path]:
        try:
            candidates = sorted(self.directory.glob("*" + PROFILE_SUFFIX))
        except OSError:
            return
        for path in candidates:
            if not path.name.startswith(".") and path.is_file():
                yield path

    def _locate(self, name: str) -> Path:
        """The file of `name`: its own file name, else a profile whose name differs only in
        letter case (when exactly one does); raises ProfileNotFoundError."""
        path = self.path_for(name)
        if path.is_file():
            return path
        wanted = stored_name(name).casefold()
        matches = [s.path for s in self.list() if s.name.casefold() == wanted]
        if len(matches) == 1:
            return matches[0]
        backup = valid_backup(path)
        hint = (Localized("profile.not_found.backup", {"backup": backup.name}) if backup
                else Localized("profile.not_found.list"))
        raise ProfileNotFoundError(
            Localized("profile.not_found.hint", {"name": stored_name(name), "hint": hint}),
            path=path, backup=backup)

    # --- reading ---------------------------------------------------------------------------

    def list(self) -> builtins.list[ProfileSummary]:
        """Every profile file, by name (case-insensitively); unreadable ones with `error`."""
        summaries = [self._summary(path) for path in self._files()]
        return sorted(summaries, key=lambda s: (s.name.casefold(), s.name))

    def _summary(self, path: Path) -> ProfileSummary:
        try:
            profile = read_profile(path)
        except (Unreadable, OSError) as error:
            detail = error.text if isinstance(error, Unreadable) else Localized(
                "profile.cannot_read")
            name, uid, env = lenient_fields(path)
            return ProfileSummary(name, uid, env, None, None, path, detail.render("en"),
                                  problem=detail)
        validation = profile.validation
        return ProfileSummary(
            profile.name, profile.uid, profile.environment,
            validation.verdict if validation else None,
            validation.checked_at if validation else None, path,
            token_expiry=validation.token_expiry if validation else None, auth=profile.auth,
            base_url=profile.base_url)

    def load(self, name: str) -> Profile:
        """The saved profile; ProfileError (with `.backup` when one is usable) otherwise."""
        path = self._locate(name)
        try:
            return read_profile(path)
        except FileNotFoundError:
            raise ProfileNotFoundError(Localized("profile.not_found",
                                                 {"name": stored_name(name)}),
                                       path=path) from None
        except Unreadable as error:
            raise _unreadable_error(error, path) from None

    # --- writing ---------------------------------------------------------------------------

    def save(self, profile: Profile) -> Path:
        """Write the profile atomically, keeping the previous version as `<file>.bak`."""
        path = self.path_for(profile.name)
        self._write(path, profile, dump_profile(profile))
        return path

    def _write(self, path: Path, profile: Profile, content: bytes) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                previous: bytes | None = path.read_bytes()
            except FileNotFoundError:
                previous = None
            if previous is not None:
                self._keep_previous(path, profile, previous)
            atomic_write(path, content)
            remove_stale_temp_files(path)
        except OSError as error:
            raise ProfileError(Localized("profile.cannot_save", {
                "name": profile.name, "path": path, "reason": error.strerror or error}),
                path=path) from None

    def _keep_previous(self, path: Path, profile: Profile, previous: bytes) -> None:
        try:
            old = parse_profile(previous)
        except Unreadable as error:
            if error.kind == "newer":
                raise ProfileError(Localized("profile.file_problem", {
                    "path": path, "detail": error.text}), path=path) from None
            atomic_write(path.with_name(path.name + DAMAGED_SUFFIX), previous)
            return
        if old.name != profile.name:
            raise ProfileExistsError(Localized("profile.file_holds_other", {
                "path": path, "old": old.name, "name": profile.name}), path=path)
        atomic_write(backup_path(path), previous)

    def rename(self, old: str, new: str) -> Profile:
        """Save the profile under the new name, then remove the old file and its backup."""
        old_path = self._locate(old)
        profile = self.load(old)
        renamed = revalidated(profile, name=new)
        if renamed.name == profile.name:
            return profile
        new_path = self.path_for(renamed.name)
        if new_path.exists() and new_path != old_path:
            raise ProfileExistsError(Localized("profile.exists.rename", {
                "name": renamed.name}), path=new_path)
        self.save(renamed)
        if new_path != old_path:
            # The previous version goes along, so `restore` right after a rename still works.
            old_backup = backup_path(old_path)
            if old_backup.exists():
                try:
                    os.replace(old_backup, backup_path(new_path))
                except OSError as error:
                    raise ProfileError(Localized("profile.cannot_move_backup", {
                        "path": old_backup, "reason": error.strerror or error}),
                        path=old_backup) from None
            self._remove_files(old_path)
        return renamed

    def delete(self, name: str) -> None:
        """Remove the profile's file and its `.bak` and `.damaged` copies; a deleted profile
        does not come back. The keyring entry is left alone: other profiles of the same UID and
        environment share it (TokenVault.delete removes it)."""
        self._remove_files(self._locate(name))

    def _remove_files(self, path: Path) -> None:
        try:
            for victim in (path, backup_path(path), path.with_name(path.name + DAMAGED_SUFFIX)):
                victim.unlink(missing_ok=True)
        except OSError as error:
            raise ProfileError(Localized("profile.cannot_delete", {
                "path": path, "reason": error.strerror or error}), path=path) from None
        fsync_directory(path.parent)

    def restore_backup(self, name: str) -> Profile:
        """Make the `.bak` the current profile again; the version it replaces becomes the
        `.bak` (or `.damaged` when it was damaged), so restoring twice undoes the restore."""
        path = self.path_for(name)
        if not path.exists():
            with contextlib.suppress(ProfileNotFoundError):
                path = self._locate(name)
        backup = backup_path(path)
        try:
            profile = read_profile(backup)
        except FileNotFoundError:
            raise ProfileError(Localized("profile.no_backup", {"name": stored_name(name)}),
                               path=path) from None
        except Unreadable as error:
            raise ProfileError(Localized("profile.backup_unusable", {
                "path": backup, "detail": error.text}), path=backup) from None
        if self.directory / safe_filename(profile.name) != path:
            profile = revalidated(profile, name=stored_name(name))
        self._write(path, profile, dump_profile(profile))
        return profile

    # --- handing a profile to a colleague --------------------------------------------------

    def export(self, name: str, dest: Path) -> Path:
        """Write the profile to `dest` (a file, or a directory to put it in) without `token` and
        without the OAuth client's `stored` secret reference.

        The keyring references are left out because they point into this computer's keyring;
        the token and the secret themselves are never in a profile. Returns the file written.
        """
        profile = self.load(name)
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / safe_filename(profile.name)
        try:
            atomic_write(dest, dump_profile(profile, with_token=False))
        except OSError as error:
            raise ProfileError(Localized("profile.cannot_write", {
                "path": dest, "reason": error.strerror or error}), path=dest) from None
        return dest

    def import_file(self, src: Path, *, name: str | None = None,
                    replace: bool = False) -> Profile:
        """Save the profile in `src` here, under `name` if given, and return it.

        The `token` and OAuth `stored` references are dropped: this computer's keyring holds no
        token or secret for it until one is saved. Refuses to overwrite a profile of the same
        name unless `replace` (the replaced version then becomes the `.bak`).
        """
        src = Path(src)
        try:
            profile = read_profile(src)
        except FileNotFoundError:
            raise ProfileError(Localized("profile.import.missing", {"path": src}),
                               path=src) from None
        except Unreadable as error:
            raise ProfileError(Localized("profile.import.unreadable", {
                "path": src, "detail": error.text}), path=src) from None
        oauth = profile.oauth.model_copy(update={"stored": None}) if profile.oauth else None
        profile = revalidated(profile, name=name if name is not None else profile.name,
                               token=None, oauth=oauth)
        path = self.path_for(profile.name)
        if path.exists() and not replace:
            raise ProfileExistsError(Localized("profile.exists.import", {
                "name": profile.name}), path=path)
        self.save(profile)
        return profile


