"""ProfileStore: files, round trips, backups, damaged and newer files, rename, export/import."""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from payt_onboarding.messages import render
from payt_onboarding.profile.files import safe_filename
from payt_onboarding.profile.listing import format_profiles
from payt_onboarding.profile.model import Profile, TokenRef, stored_name
from payt_onboarding.profile.store import (
    CONFIG_DIR_ENV,
    ProfileError,
    ProfileExistsError,
    ProfileNotFoundError,
    ProfileStore,
)
from tests.support.profiles import make_profile, new_token


def bak(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_raw(target: ProfileStore, name: str, raw: object) -> Path:
    path = target.path_for(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


# --- where -----------------------------------------------------------------------------------

def test_the_directory_follows_the_environment_variable(config_dir: Path) -> None:
    assert ProfileStore().directory == config_dir / "profiles"
    assert ProfileStore(config_dir / "elsewhere").directory == config_dir / "elsewhere"


def test_the_default_directory_is_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CONFIG_DIR_ENV, raising=False)
    expected = platformdirs.user_config_path("payt-onboarding", appauthor=False) / "profiles"
    assert ProfileStore().directory == expected


def test_nothing_is_written_before_the_first_save(store: ProfileStore) -> None:
    assert store.list() == []
    assert not store.directory.exists()


# --- round trips -----------------------------------------------------------------------------

def test_save_and_load_round_trip(store: ProfileStore) -> None:
    profile = make_profile()
    path = store.save(profile)
    assert path.parent == store.directory and path.name == safe_filename(profile.name)
    assert store.load(profile.name) == profile
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1 and raw["token"] == {"service": "payt-onboarding",
                                                           "account": "12345-test",
                                                           "address": None}


def test_unknown_keys_survive_a_load_save_round_trip(store: ProfileStore) -> None:
    raw = json.loads(make_profile("acme").model_dump_json())
    raw["added_by_a_later_version"] = {"a": [1, 2]}
    raw["validation"]["reviewer"] = "Jan"
    raw["token"]["kind"] = "keyring"
    path = write_raw(store, "acme", raw)
    loaded = store.load("acme")
    store.save(loaded.model_copy(update={"uid": "54321"}))
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["added_by_a_later_version"] == {"a": [1, 2]}
    assert again["validation"]["reviewer"] == "Jan"
    assert again["token"]["kind"] == "keyring"
    assert again["uid"] == "54321"


def test_each_save_keeps_the_previous_version_as_bak(store: ProfileStore) -> None:
    first = make_profile("acme")
    path = store.save(first)
    assert not bak(path).exists()
    first_bytes = path.read_bytes()
    store.save(first.model_copy(update={"uid": "54321"}))
    assert bak(path).read_bytes() == first_bytes
    assert store.load("acme").uid == "54321"


def test_an_older_version_is_migrated_and_saved_as_current(store: ProfileStore) -> None:
    v0 = {"name": "Oud", "uid": "12345", "env": "test", "keyring_account": "12345-test"}
    path = write_raw(store, "Oud", v0)
    original = path.read_bytes()
    profile = store.load("Oud")
    assert profile.environment == "test" and profile.token == TokenRef(account="12345-test")
    store.save(profile)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 1
    assert bak(path).read_bytes() == original


# --- a newer schema --------------------------------------------------------------------------

def test_a_newer_file_is_refused_and_never_overwritten(store: ProfileStore) -> None:
    raw = json.loads(make_profile("acme").model_dump_json()) | {"schema_version": 2, "new": 1}
    path = write_raw(store, "acme", raw)
    before = path.read_bytes()
    with pytest.raises(ProfileError) as caught:
        store.load("acme")
    assert "newer payt-onboarding" in str(caught.value) and str(path) in str(caught.value)
    assert caught.value.path == path and caught.value.backup is None
    with pytest.raises(ProfileError, match="untouched"):
        store.save(make_profile("acme"))
    assert path.read_bytes() == before
    assert not bak(path).exists()
    [summary] = store.list()
    assert summary.name == "acme" and summary.error and "schema 2" in summary.error


# --- damaged files ---------------------------------------------------------------------------

def _good_bytes() -> bytes:
    return (make_profile("acme").model_dump_json(indent=2) + "\n").encode()


DAMAGE = {
    "truncated": _good_bytes()[: len(_good_bytes()) // 2],
    "empty": b"",
    "whitespace": b" \n\t ",
    "binary junk": bytes(range(256)) * 4,
    "nul bytes": b"\x00" * 512,
    "an array": b"[1, 2, 3]",
    "a string": b'"acme"',
    "invalid content": json.dumps({"schema_version": 1, "name": "acme", "uid": "12"}).encode(),
    "bad schema_version": json.dumps({"schema_version": "one", "name": "acme"}).encode(),
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_file_is_reported_with_its_name(store: ProfileStore, kind: str) -> None:
    path = store.path_for("acme")
    path.parent.mkdir(parents=True)
    path.write_bytes(DAMAGE[kind])
    with pytest.raises(ProfileError) as caught:
        store.load("acme")
    error = caught.value
    assert str(path) in str(error) and "damaged" in str(error)
    assert error.path == path and error.backup is None
    assert "no usable backup" in str(error)
    # In Dutch too, every part of it: the file, the damage and the advice.
    assert error.text("nl").startswith(f"Het profielbestand {path} is beschadigd: ")
    assert render("profile.damaged.no_backup", "nl") in error.text("nl")
    [summary] = store.list()
    assert summary.error is not None and summary.path == path
    assert summary.problem is not None and summary.problem.render("en") == summary.error
    for language in ("nl", "en"):
        table = format_profiles(store.list(), language)
        assert render("profiles.unreadable", language) in table
        assert f"{path.name}: {summary.problem.render(language)}" in table


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_file_offers_the_backup(store: ProfileStore, kind: str) -> None:
    good = make_profile("acme")
    path = store.save(good)
    store.save(good.model_copy(update={"uid": "54321"}))
    path.write_bytes(DAMAGE[kind])  # the second version is damaged; the .bak holds the first
    with pytest.raises(ProfileError) as caught:
        store.load("acme")
    assert caught.value.backup == bak(path)
    assert bak(path).name in str(caught.value)
    restored = store.restore_backup("acme")
    assert restored == good and store.load("acme") == good
    damaged = path.with_name(path.name + ".damaged")
    assert damaged.read_bytes() == DAMAGE[kind]  # kept for inspection, not lost


def test_saving_over_a_damaged_file_keeps_the_good_backup(store: ProfileStore) -> None:
    good = make_profile("acme")
    path = store.save(good)
    store.save(good)
    good_bak = bak(path).read_bytes()
    path.write_bytes(b"{ broken")
    store.save(good.model_copy(update={"uid": "54321"}))
    assert bak(path).read_bytes() == good_bak
    assert store.load("acme").uid == "54321"


def test_restore_backup_twice_undoes_the_restore(store: ProfileStore) -> None:
    one, two = make_profile("acme"), make_profile("acme", uid="54321")
    store.save(one)
    store.save(two)
    assert store.restore_backup("acme") == one
    assert store.restore_backup("acme") == two


def test_restore_without_a_backup(store: ProfileStore) -> None:
    store.save(make_profile("acme"))
    with pytest.raises(ProfileError, match="no backup"):
        store.restore_backup("acme")


def test_a_damaged_backup_is_not_offered(store: ProfileStore) -> None:
    path = store.save(make_profile("acme"))
    bak(path).write_bytes(b"junk")
    path.write_bytes(b"junk")
    with pytest.raises(ProfileError) as caught:
        store.load("acme")
    assert caught.value.backup is None
    with pytest.raises(ProfileError, match="cannot be used either"):
        store.restore_backup("acme")


# --- list, find, delete, rename ----------------------------------------------------------------

def test_list_is_sorted_and_ignores_temp_and_backup_files(store: ProfileStore) -> None:
    store.save(make_profile("beta", validation=None))
    store.save(make_profile("Alpha"))
    store.save(make_profile("Alpha"))  # makes a .bak
    (store.directory / ".alpha.json.x1y2.tmp").write_bytes(b'{"half": ')
    (store.directory / "notes.txt").write_text("not a profile")
    summaries = store.list()
    assert [s.name for s in summaries] == ["Alpha", "beta"]
    alpha, beta = summaries
    assert (alpha.uid, alpha.environment, alpha.verdict) == ("12345", "test", "ready")
    assert alpha.checked_at == "2025-03-01T14:05:00+01:00" and alpha.error is None
    assert beta.verdict is None and beta.checked_at is None
    table = format_profiles(summaries, "en")
    assert "Alpha" in table and "never" in table and "2025-03-01 14:05" in table
    assert "ready" in table.splitlines()[1]
    assert table.splitlines()[0].split() == ["Name", "UID", "Environment", "Last", "verdict",
                                             "When"]
    dutch = format_profiles(summaries, "nl")
    assert "nooit" in dutch and "2025-03-01 14:05" in dutch
    assert "klaar voor Payt" in dutch.splitlines()[1]
    assert dutch.splitlines()[0].split() == ["Naam", "Omgevingsnummer", "Omgevingstype",
                                             "Laatste", "oordeel", "Wanneer"]


def test_an_empty_listing_says_how_to_save_one() -> None:
    assert format_profiles([], "en") == render("profiles.none", "en")
    assert "--save-profile NAME" in format_profiles([], "en")
    assert "--save-profile NAAM" in format_profiles([], "nl")


def test_names_differing_in_case_are_distinct_profiles(store: ProfileStore) -> None:
    upper, lower = make_profile("Klant A"), make_profile("klant a", uid="54321")
    assert store.save(upper) != store.save(lower)
    assert store.load("Klant A") == upper and store.load("klant a") == lower


def test_load_finds_a_name_in_another_letter_case(store: ProfileStore) -> None:
    profile = make_profile("Klant Bakkerij de Vries (test)")
    store.save(profile)
    assert store.load("  KLANT bakkerij DE VRIES (TEST)") == profile


def test_a_missing_profile(store: ProfileStore) -> None:
    with pytest.raises(ProfileNotFoundError, match="no profile named 'nope'"):
        store.load("nope")
    with pytest.raises(ProfileNotFoundError):
        store.delete("nope")


def test_delete_removes_the_file_and_its_backup(store: ProfileStore) -> None:
    path = store.save(make_profile("acme"))
    store.save(make_profile("acme"))
    store.delete("acme")
    assert not path.exists() and not bak(path).exists()
    assert store.list() == []


def test_a_damaged_profile_can_be_deleted(store: ProfileStore) -> None:
    path = store.save(make_profile("acme"))
    path.write_bytes(b"\xff\xfe junk")
    store.delete("acme")
    assert not path.exists()


def test_rename(store: ProfileStore) -> None:
    old_path = store.save(make_profile("acme", note="kept"))
    store.save(make_profile("acme", note="kept"))
    renamed = store.rename("acme", "Acme B.V.")
    assert renamed.name == "Acme B.V." and renamed.extra_keys == {"note": "kept"}
    assert not old_path.exists() and not bak(old_path).exists()
    assert store.load("Acme B.V.") == renamed
    assert [s.name for s in store.list()] == ["Acme B.V."]


def test_rename_refuses_to_overwrite_and_checks_the_name(store: ProfileStore) -> None:
    store.save(make_profile("one"))
    store.save(make_profile("two"))
    with pytest.raises(ProfileExistsError):
        store.rename("one", "two")
    with pytest.raises(ProfileError):
        store.rename("one", "   ")
    assert store.rename("one", " one ").name == "one"
    assert sorted(s.name for s in store.list()) == ["one", "two"]


def test_a_name_cannot_escape_the_directory(store: ProfileStore) -> None:
    for name in ("../../etc", "..", "/etc/passwd", "C:\\Windows\\system32", "CON", "nul.txt"):
        path = store.save(make_profile(name))
        assert path.parent == store.directory
        assert store.load(name).name == stored_name(name)
    assert len(list(store.directory.iterdir())) == 6


def test_a_save_failure_is_a_profile_error(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "profiles").write_text("a file where the directory should be")
    with pytest.raises(ProfileError, match="cannot be saved"):
        ProfileStore().save(make_profile())


def test_an_unvalidated_copy_holding_a_token_is_not_saved(store: ProfileStore) -> None:
    token = new_token()
    sneaky = make_profile("acme").model_copy(update={"notes": token.xml()})
    with pytest.raises(ProfileError):
        store.save(sneaky)
    sneakier = make_profile("acme").model_copy(update={"stash": token})
    with pytest.raises(ProfileError):
        store.save(sneakier)
    assert not store.path_for("acme").exists()


# --- export and import -------------------------------------------------------------------------

def test_export_leaves_out_the_token_reference(store: ProfileStore, tmp_path: Path) -> None:
    store.save(make_profile("acme", note="kept"))
    out = store.export("acme", tmp_path / "for-jan.json")
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert "token" not in raw and raw["note"] == "kept" and raw["validation"]["verdict"]
    into_dir = store.export("acme", tmp_path)
    assert into_dir == tmp_path / safe_filename("acme")


def test_import_drops_the_token_and_refuses_to_overwrite(store: ProfileStore,
                                                         tmp_path: Path) -> None:
    source = tmp_path / "from-colleague.json"
    source.write_text(make_profile("acme", note="kept").model_dump_json(), encoding="utf-8")
    imported = store.import_file(source)
    assert imported.token is None and imported.extra_keys == {"note": "kept"}
    assert store.load("acme") == imported
    with pytest.raises(ProfileExistsError, match="exists already"):
        store.import_file(source)
    renamed = store.import_file(source, name="acme copy")
    assert renamed.name == "acme copy" and renamed.token is None
    replaced = store.import_file(source, replace=True)
    assert replaced == imported and bak(store.path_for("acme")).exists()


def test_export_then_import_on_another_machine(tmp_path: Path, store: ProfileStore) -> None:
    profile = make_profile("acme")
    store.save(profile)
    handed_over = store.export("acme", tmp_path / "acme.json")
    colleague = ProfileStore(tmp_path / "colleague")
    got = colleague.import_file(handed_over)
    assert got == profile.model_copy(update={"token": None})


@pytest.mark.parametrize("content", [b"", b"{", json.dumps({"schema_version": 5}).encode()])
def test_import_of_a_bad_file(store: ProfileStore, tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    with pytest.raises(ProfileError) as caught:
        store.import_file(source)
    assert str(source) in str(caught.value)
    with pytest.raises(ProfileError, match="does not exist"):
        store.import_file(tmp_path / "missing.json")


# --- safe_filename ---------------------------------------------------------------------------

_FORBIDDEN = set('<>:"/\\|?*') | {chr(i) for i in range(32)}
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)}


def _assert_valid_component(file_name: str) -> None:
    assert file_name.endswith(".json")
    assert not set(file_name) & _FORBIDDEN
    assert file_name not in (".", "..") and not file_name.startswith(".")
    assert file_name == file_name.strip() and not file_name.endswith((".", " "))
    assert file_name.split(".")[0].lower() not in _RESERVED
    assert len(file_name.encode()) <= 100 and file_name.isascii()
    assert Path(file_name).name == file_name


def test_safe_filename_examples() -> None:
    assert safe_filename("acme") == "acme.json"
    assert safe_filename("  acme ") == "acme.json"
    klant = safe_filename("Klant Bakkerij de Vries (test)")
    assert klant.startswith("klant-bakkerij-de-vries-test-")
    assert safe_filename("../../etc").startswith("etc-")
    assert safe_filename("CON").startswith("con-")
    assert safe_filename("Acme") != safe_filename("acme")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_safe_filename_is_always_one_valid_component(name: str) -> None:
    file_name = safe_filename(name)
    _assert_valid_component(file_name)
    assert safe_filename(name) == file_name  # deterministic


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=60) | st.from_regex(r"[a-z0-9_-]{1,20}",
                                                                   fullmatch=True),
                min_size=2, max_size=12, unique_by=stored_name))
def test_distinct_names_get_distinct_files_ignoring_case(names: list[str]) -> None:
    files = [safe_filename(n).casefold() for n in names]
    assert len(set(files)) == len(files)


@given(st.text(min_size=1, max_size=40))
def test_a_name_that_looks_like_another_names_file_gets_its_own(name: str) -> None:
    stem = safe_filename(name).removesuffix(".json")
    if stored_name(stem) != stored_name(name):
        assert safe_filename(stem).casefold() != safe_filename(name).casefold()


def test_safe_filenames_can_be_created(tmp_path: Path) -> None:
    names = ["Klant Bakkerij de Vries (test)", "Müller & Zn.", "日本", "a" * 80, "con", "x. ",
             "trailing dot.", "tab\tname", "emoji 🎉", "Ü", "u\u0308"]
    for name in names:
        path = tmp_path / safe_filename(name)
        path.write_text("{}")
        assert path.exists()
    assert len(os.listdir(tmp_path)) == len({stored_name(n) for n in names})


def test_profiles_with_hypothesis_names_round_trip(tmp_path: Path) -> None:
    local = ProfileStore(tmp_path)
    for name in ["Ü", "u\u0308", "a/b", "a\\b", "a:b", "...", "-", "_"]:
        profile = Profile(name=name, uid="12345", environment="accept")
        local.save(profile)
        assert local.load(name) == profile
