"""Every message the command line prints speaks the run's one language (issue 14, item 7): the
help, argparse's own words, usage errors, the profiles list, the profile store's errors, the
retry lines and the self-test, each checked in Dutch and in English as a real process prints it.
The expected texts are the catalog's, rendered in the language under test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from payt_onboarding.cli.language import LANGUAGE_ENV
from payt_onboarding.messages import render, template
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import CONFIG_DIR_ENV, ProfileStore
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA
from payt_onboarding.vocabulary import Language

CLI = [sys.executable, "-m", "payt_onboarding.cli"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
OTHER: dict[Language, Language] = {"nl": "en", "en": "nl"}


def run(*args: str, env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The command in a process whose environment asks for no language (unless `env` does), on
    an English system: only the line decides, unless the test says otherwise."""
    environ = {k: v for k, v in os.environ.items()
               if k not in (LANGUAGE_ENV, "LC_ALL", "LC_MESSAGES", "LANG")}
    environ.update({"LANG": "en_US.UTF-8", "COLUMNS": "400", **(env or {})})
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                          check=False, env=environ)
    assert "Traceback" not in done.stdout + done.stderr
    return done


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("where", ["before", "after"])
def test_the_help_speaks_the_language_wherever_it_stands(language: Language, where: str) -> None:
    args = ["--language", language, "check", "--help"] if where == "before" else \
        ["check", "--help", "--language", language]
    done = run(*args)
    assert done.returncode == 0, done.stderr
    text = flat(done.stdout)
    assert text.startswith(template("argparse.usage", language).strip())
    assert flat(render("cli.help.check.description", language, token_env="PAYT_AFAS_TOKEN")) in text
    assert render("cli.help.uid", language) in text
    assert f"{template('argparse.options', language)}:" in text
    assert render("cli.exit.not_ready", language) in text  # the epilog's exit statuses
    # Nothing of the other language's help.
    assert render("cli.help.uid", OTHER[language]) not in text
    assert flat(render("cli.help.time_limit", OTHER[language])) not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_environment_and_the_system_choose_the_help_language(language: Language) -> None:
    by_env = run("--help", env={LANGUAGE_ENV: language})
    by_system = run("--help", env={"LANG": "nl_NL.UTF-8" if language == "nl" else "en_GB.UTF-8"})
    for done in (by_env, by_system):
        assert flat(render("cli.help.description", language)) in flat(done.stdout)


@pytest.mark.parametrize("language", LANGUAGES)
def test_argparse_usage_errors_speak_the_language(language: Language) -> None:
    missing = run("profiles", "rename", "--language", language)
    assert missing.returncode == 64
    required = template("argparse.required", language) % (
        f"{render('cli.metavar.name', language)}, {render('cli.metavar.new_name', language)}")
    assert flat(render("cli.usage_error", language, prog="payt-onboarding profiles rename",
                       message=required)) in flat(missing.stderr)
    unknown = run("--language", language, "chek")
    assert unknown.returncode == 64
    assert template("argparse.usage", language).strip() in unknown.stderr
    assert template("argparse.invalid_choice", language).split("%")[0] in unknown.stderr
    bad_number = run("simulator", "--port", "x", "--language", language)
    assert bad_number.returncode == 64
    assert render("cli.arg.not_whole_number", language, value="'x'") in bad_number.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_our_usage_errors_speak_the_language(language: Language) -> None:
    token = {"PAYT_AFAS_TOKEN": DEMO_TOKEN_DATA}  # the long data value: one form AFAS gives
    done = run("check", "--uid", "12345", "--format", "pdf", "--language", language, env=token)
    assert done.returncode == 64
    assert render("cli.check.pdf_needs_output", language) in done.stderr
    assert render("cli.check.pdf_needs_output", OTHER[language]) not in done.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_password_store_explains_itself_in_the_language(language: Language) -> None:
    """No token given and no system store: the check says why, in the store's own words."""
    done = run("check", "--uid", "12345", "--language", language,
               env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert done.returncode == 64
    text = flat(done.stderr)
    assert flat(template("cli.check.no_token", language).split("{reason}")[0]) in text
    for part in ("keyring.none_found", "keyring.session_only"):
        assert render(part, language) in text
        assert render(part, OTHER[language]) not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_profiles_list_and_a_store_error_speak_the_language(
    language: Language, tmp_path: Path
) -> None:
    env = {CONFIG_DIR_ENV: str(tmp_path / "config"), LANGUAGE_ENV: language}
    empty = run("profiles", env=env)
    assert empty.stdout.strip() == render("profiles.none", language)
    ProfileStore(tmp_path / "config" / "profiles").save(
        Profile(name="Bakkerij Jansen", uid="12345", environment="production"))
    listed = run("profiles", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    header = listed.stdout.splitlines()[0].split("  ")
    assert [h.strip() for h in header if h.strip()] == [
        render(f"profiles.header.{column}", language)  # type: ignore[arg-type]
        for column in ("name", "uid", "environment", "verdict", "when")]
    assert render("profiles.never", language) in listed.stdout.splitlines()[1]
    # An error of the profile store: a restore with no backup.
    restore = run("profiles", "restore", "Bakkerij Jansen", env=env)
    assert restore.returncode == 64
    assert render("profile.no_backup", language, name="Bakkerij Jansen") in restore.stderr
    # ...and a name the store refuses, from pydantic's validator, in the same language.
    renamed = run("profiles", "rename", "Bakkerij Jansen", "\u200b", env=env)
    assert renamed.returncode == 64
    assert render("profile.name.invisible", language) in renamed.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_retry_lines_speak_the_language(language: Language) -> None:
    """The maintenance scenario answers 503 with Retry-After to the first requests: the client
    waits and says so on stderr, in the run's language."""
    done = run("demo", "--scenario", "maintenance", "--text", "--language", language,
               timeout=180)
    assert done.returncode in (0, 1, 2), done.stderr
    retries = [line for line in done.stderr.splitlines()
               if render("cli.level.warning", language) in line]
    assert retries, done.stderr
    prefix = template("log.retry", language).split("{attempt}")[0].split("{path}")[1]
    assert all(prefix in line for line in retries), retries
    assert render("cli.level.warning", OTHER[language]) not in done.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_test_runs_after_a_command_too_and_speaks_the_language(language: Language) -> None:
    done = run("profiles", "--self-test", "--language", language,
               env={"QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert render("cli.selftest.all_passed", language) in done.stdout
    assert f"{render('selftest.keyring', language)}:" in done.stdout
    assert render("selftest.check", language) in done.stdout
    assert render("selftest.check", OTHER[language]) not in done.stdout
