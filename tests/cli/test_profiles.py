"""`payt-onboarding profiles` as a user runs it: a real process on a config directory of its own,
listing the saved profiles, then renaming, exporting, importing, restoring and deleting them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from payt_onboarding.profile.model import Profile, TokenRef
from payt_onboarding.profile.store import CONFIG_DIR_ENV, ProfileStore
from tests.support.texts import pieces, said, says

PROFILES = [sys.executable, "-m", "payt_onboarding.cli", "profiles"]
EXIT_USAGE = 64

Profiles = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    """The profiles the command sees: those of the config directory in tmp_path."""
    return ProfileStore(tmp_path / "config" / "profiles")


@pytest.fixture
def profiles(tmp_path: Path) -> Profiles:
    """Run `payt-onboarding profiles ARGS` on the config directory in tmp_path; it never shows a
    traceback."""
    env = {**os.environ, CONFIG_DIR_ENV: str(tmp_path / "config")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*PROFILES, *args], capture_output=True, text=True, timeout=60,
                              check=False, env=env)
        assert "Traceback" not in done.stdout + done.stderr
        return done

    return run


def test_profiles_lists_every_file_and_says_which_cannot_be_read(
    profiles: Profiles, store: ProfileStore
) -> None:
    empty = profiles()
    assert empty.returncode == 0 and empty.stdout.strip() == said("profiles.none")
    store.save(Profile(name="Bakkerij Jansen", uid="12345", environment="production"))
    store.save(Profile(name="Kapot", uid="12346", environment="test"))
    store.path_for("Kapot").write_text("{ half", encoding="utf-8")
    store.save(Profile(name="Nieuw", uid="12347", environment="accept"))
    newer = store.path_for("Nieuw")
    newer.write_text(newer.read_text(encoding="utf-8").replace('"schema_version": 1',
                                                               '"schema_version": 9'),
                     encoding="utf-8")

    listed = profiles()
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert any(line.startswith("Bakkerij Jansen") and "12345" in line and "production" in line
               for line in lines), listed.stdout
    assert sum(said("profiles.unreadable") in line for line in lines) == 2
    assert says(listed.stdout, "profile.detail.not_json")
    assert said("profile.newer_schema", version=9, supported=1) in listed.stdout


def test_profiles_actions_rename_export_import_restore_delete(
    profiles: Profiles, store: ProfileStore, tmp_path: Path
) -> None:
    store.save(Profile(name="Acme", uid="12345", environment="production",
                       token=TokenRef(account="12345-production")))
    store.save(Profile(name="Acme", uid="12345", environment="test"))  # the first is the .bak

    assert profiles("rename", "Acme", "Acme BV").returncode == 0
    assert [s.name for s in store.list()] == ["Acme BV"]

    exported = tmp_path / "acme.json"
    assert profiles("export", "Acme BV", str(exported)).returncode == 0
    assert "token" not in json.loads(exported.read_text(encoding="utf-8"))

    refused = profiles("import", str(exported))
    assert refused.returncode == EXIT_USAGE
    assert said("cli.profiles.import_exists", file=exported) in refused.stderr
    assert "--name" in refused.stderr and "--replace" in refused.stderr
    assert profiles("import", str(exported), "--name", "Acme kopie").returncode == 0
    assert store.load("Acme kopie").uid == "12345"

    store.save(Profile(name="Acme kopie", uid="54321", environment="test"))
    assert profiles("restore", "Acme kopie").returncode == 0
    assert store.load("Acme kopie").uid == "12345"

    assert profiles("delete", "Acme kopie").returncode == 0
    gone = profiles("delete", "Acme kopie")
    assert gone.returncode == EXIT_USAGE
    assert said("profile.not_found.hint", name="Acme kopie",
                hint=said("profile.not_found.list")) in gone.stderr
    assert [s.name for s in store.list()] == ["Acme BV"]


def test_restore_right_after_rename_brings_back_the_version_before(
    profiles: Profiles, store: ProfileStore
) -> None:
    """The README's order: rename, then restore. The backup went along with the rename."""
    store.save(Profile(name="Acme", uid="12345", environment="production"))
    store.save(Profile(name="Acme", uid="12345", environment="test"))
    assert profiles("rename", "Acme", "Acme BV").returncode == 0
    restored = profiles("restore", "Acme BV")
    assert restored.returncode == 0, restored.stderr
    assert store.load("Acme BV").environment == "production"
    assert [s.name for s in store.list()] == ["Acme BV"]


@pytest.mark.parametrize(("name", "keyring", "needles"), [
    ("Acme", "keyring.backends.fail.Keyring", (*pieces("cli.set_token.not_stored"),
                                               said("keyring.none_found"))),
    ("Bestaat niet", "keyring.backends.fail.Keyring", (said(
        "profile.not_found.hint", name="Bestaat niet", hint=said("profile.not_found.list")),)),
])
def test_set_token_says_why_it_cannot_keep_the_token(
    tmp_path: Path, store: ProfileStore, name: str, keyring: str, needles: tuple[str, ...]
) -> None:
    from tests.support.afas_inputs import XML

    store.save(Profile(name="Acme", uid="12345", environment="production"))
    before = store.path_for("Acme").read_bytes()
    env = {**os.environ, CONFIG_DIR_ENV: str(tmp_path / "config"),
           "PYTHON_KEYRING_BACKEND": keyring}
    done = subprocess.run([*PROFILES, "set-token", name], input=XML, capture_output=True,
                          text=True, timeout=60, check=False, env=env)
    assert done.returncode == EXIT_USAGE, done.stderr
    for needle in needles:
        assert needle in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert store.path_for("Acme").read_bytes() == before  # the profile is not touched
