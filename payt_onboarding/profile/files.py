"""File names from profile names, and writes that never leave a half-written file behind."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
import unicodedata
from pathlib import Path

from payt_onboarding.profile.model import stored_name

__all__ = [
    "BACKUP_SUFFIX",
    "PROFILE_SUFFIX",
    "TEMP_SUFFIX",
    "atomic_write",
    "fsync_directory",
    "remove_stale_temp_files",
    "safe_filename",
]

PROFILE_SUFFIX = ".json"
BACKUP_SUFFIX = ".bak"  # appended to the whole file name: klant.json.bak
TEMP_SUFFIX = ".tmp"  # temp files are hidden: .klant.json.<random>.tmp
_SLUG_MAX = 48
_HASH_LENGTH = 10
_HASH_TAIL_RE = re.compile(rf"-[0-9a-f]{{{_HASH_LENGTH}}}\Z")
_NOT_SLUG_RE = re.compile(r"[^a-z0-9_]+")
# Windows refuses these as a file name, with any extension (CON.json), in any letter case.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)
_STALE_AFTER_SECONDS = 600.0


def _slug(name: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG_RE.sub("-", ascii_text.lower()).strip("-_")
    slug = slug[:_SLUG_MAX].rstrip("-_")
    return slug or "profile"


def safe_filename(name: str) -> str:
    """A stable file name (`<stem>.json`) for the profile name, valid on Windows, macOS, Linux.

    The stem is the name lowercased, transliterated to ASCII letters, digits, `-` and `_`, at most
    48 characters. When that changes the name (capitals, spaces, accents, punctuation, a length
    over 48), or when the slug is a Windows device name (CON, NUL, COM1 …) or itself ends like a
    hash, a `-` and the first 10 hex digits of the SHA-256 of the exact (NFC, stripped) name are
    appended. So every stem is lowercase and distinct names get distinct stems, also on
    file systems that ignore letter case: "Klant Bakkerij de Vries (test)" becomes
    `klant-bakkerij-de-vries-test-<hash>.json`, "acme" stays `acme.json`, and "../../etc" becomes
    `etc-<hash>.json`, inside the profiles directory.
    """
    exact = stored_name(name)
    slug = _slug(exact)
    needs_hash = (
        slug != exact or slug in _RESERVED or _HASH_TAIL_RE.search(slug) is not None
    )
    if needs_hash:
        digest = hashlib.sha256(exact.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
        slug = f"{slug}-{digest}"
    return slug + PROFILE_SUFFIX


def fsync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable, where the OS allows it (not on Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse fsync on a directory
            os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, content: bytes) -> None:
    """Replace `path` with `content` so that it is always either the old or the new file.

    Writes a hidden temp file in the same directory, flushes and fsyncs it, renames it over
    `path` with os.replace (atomic on POSIX and on NTFS), then fsyncs the directory. The temp file
    is removed when anything fails; one left by a killed process is ignored by readers and
    cleaned up by `remove_stale_temp_files`. New files are readable by their owner only.
    """
    fd, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(path.parent)


def _replace(temp: Path, path: Path) -> None:
    """os.replace, retried briefly on Windows, where a virus scanner or indexer that has the
    target open makes the rename fail with PermissionError for a moment."""
    attempts = 10 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def remove_stale_temp_files(path: Path) -> None:
    """Remove temp files of `path` that a killed process left more than 10 minutes ago."""
    cutoff = time.time() - _STALE_AFTER_SECONDS
    for temp in path.parent.glob(f".{glob_escape(path.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def glob_escape(text: str) -> str:
    """`text` with glob's special characters escaped (safe_filename never makes them)."""
    return re.sub(r"([*?\[])", r"[\1]", text)
