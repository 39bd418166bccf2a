"""The message catalog as data: resources/messages/nl.toml and en.toml hold the same ids, the same
parts and the same fields, every finding code has a message and a hint, and every template is one
the formatter can fill. The texts themselves are pinned where they are used (test_catalog,
test_input_messages_nl, test_token, test_environment, ...)."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from typing import get_args

import pytest

from payt_onboarding.checks.findings import SEVERITY
from payt_onboarding.messages import Localized, render, template
from payt_onboarding.messages.catalog import (
    CLI_PREFIXES,
    LANGUAGES,
    _texts_in,
    parse,
    placeholders,
    texts,
)
from payt_onboarding.messages.format import FORMATTER, forms
from payt_onboarding.messages.ids import DECLARED, ArgparseId, CliId, FindingVariantId
from payt_onboarding.vocabulary import Code, Language

CODE_IDS = {str(code) for code in SEVERITY}
FINDING_IDS = CODE_IDS | set(get_args(FindingVariantId))  # message and hint
ALL_IDS = sorted(texts("nl").keys() | texts("en").keys())
# Texts that read the same in Dutch and English (a word both use, a bare layout of values).
SAME_IN_BOTH = {"environment.test", "cli.word.token", "cli.selftest.ok", "cli.simulator.error",
                "keyring.unusable", "keyring.word.token",
                "profile.detail.plain", "profile.file_problem", "selftest.pdf.bytes",
                "selftest.platform.found", "selftest.trust_store.found",
                "requirements.lines", "requirements.other"}
PERCENT_FIELD = re.compile(r"%(?:\((\w+)\))?[sr]")


def signature(text: str) -> set[tuple[str, int]]:
    """The fields of a template with the number of plural forms each is written with."""
    return {(name, len(forms(spec or ""))) for _, name, spec, _ in FORMATTER.parse(text)
            if name is not None}


def test_every_finding_code_but_input_invalid_is_a_finding() -> None:
    assert set(SEVERITY) == set(Code) - {Code.INPUT_INVALID}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_holds_exactly_the_finding_codes_and_the_declared_ids(
    language: Language,
) -> None:
    ids = set(texts(language))
    assert CODE_IDS.isdisjoint(DECLARED)
    assert sorted(ids - CODE_IDS - DECLARED) == []  # no unknown ids
    assert sorted((CODE_IDS | DECLARED) - ids) == []  # none missing
    assert str(Code.INPUT_INVALID) not in ids  # a usage error, not a finding


@pytest.mark.parametrize("message_id", ALL_IDS)
def test_both_languages_have_the_same_parts_and_fields(message_id: str) -> None:
    nl, en = texts("nl")[message_id], texts("en")[message_id]
    expected = {"message", "hint"} if message_id in FINDING_IDS else {"text"}
    assert set(nl) == set(en) == expected
    for part in expected:
        assert nl[part].strip() and en[part].strip(), part
        assert nl[part] != en[part] or message_id in SAME_IN_BOTH, part
        # The same values, each with the same number of plural forms ("{count:rij|rijen}").
        assert signature(nl[part]) == signature(en[part]), part


@pytest.mark.parametrize("message_id", ALL_IDS)
def test_every_field_is_a_plain_name_with_at_most_a_well_formed_plural_spec(
    message_id: str,
) -> None:
    for language in LANGUAGES:
        for part, text in texts(language)[message_id].items():
            for _, name, spec, conversion in FORMATTER.parse(text):
                if name is None:
                    continue
                where = (language, part, name)
                # Not positional, no attribute or index (an unexpanded {paths.x} would be one).
                assert name.isidentifier(), where
                assert conversion is None, where
                forms(spec or "")  # raises ValueError for a malformed plural spec


@pytest.mark.parametrize("code", sorted(SEVERITY), ids=str)
def test_every_finding_code_has_a_message_and_a_hint(code: Code) -> None:
    values = dict.fromkeys(placeholders(code), 2)
    for language in LANGUAGES:
        for part in ("message", "hint"):
            text = render(code, language, part, **values)
            assert text.strip() and "{" not in text and "}" not in text


def test_fields_are_derived_from_both_languages_and_all_parts() -> None:
    assert placeholders(Code.TOKEN_REJECTED) == frozenset()
    assert placeholders(Code.CONNECTOR_OUTDATED_VERSION) == {"connector", "expected", "title"}
    assert placeholders(Code.TOKEN_EXPIRES_SOON) == {"expiry", "days"}  # days is a plural field
    assert placeholders("input.token.data_length") == {"length", "min", "max"}


def test_a_missing_value_raises_key_error_naming_the_id_and_the_value() -> None:
    with pytest.raises(KeyError, match=r"input\.token\.too_long.*limit"):
        render("input.token.too_long", "en")
    with pytest.raises(KeyError, match="no-such-id"):
        render("no-such-id", "nl")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="hint"):
        template("input.token.empty", "nl", "hint")


def test_a_localized_value_follows_the_language_of_its_message() -> None:
    name = Localized("environment.accept")
    assert name.render("nl") == "acceptatie" and name.render("en") == "accept"
    quoted = Localized("fragment.token_like_input", {"length": 64})
    assert render("input.uid.invalid", "nl", quoted=quoted).startswith(
        "'…' (64 tekens die op een token lijken, hier niet herhaald) is geen")
    assert render("input.uid.invalid", "en", quoted=quoted).startswith(
        "'…' (64 characters that look like a token, not repeated here) is not")
    assert pickle.loads(pickle.dumps(quoted)) == quoted  # noqa: S301 - our own object


@pytest.mark.parametrize(("spec", "value", "text"), [
    ("", 3, "3"),
    ("rij|rijen", 1, "1 rij"),
    ("rij|rijen", 0, "0 rijen"),
    ("rij|rijen", 7, "7 rijen"),
    ("vandaag|over # dag|over # dagen", 0, "vandaag"),
    ("vandaag|over # dag|over # dagen", 1, "over 1 dag"),
    ("vandaag|over # dag|over # dagen", 12, "over 12 dagen"),
])
def test_plural_specs(spec: str, value: int, text: str) -> None:
    assert FORMATTER.format("{n:" + spec + "}" if spec else "{n}", n=value) == text


@pytest.mark.parametrize("spec", ["rijen", "a|b|c|d", "a||b", "|b", "# rij|# rijen", ">10", ".2f"])
def test_malformed_plural_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError, match="spec"):
        forms(spec)


def test_references_are_expanded_at_load_and_checked() -> None:
    loaded = parse('[paths]\napp = "A → B"\nsub = "{paths.app} → C"\n'
                   '[parts]\nend = "See {paths.sub}."\n'
                   '["x.y"]\ntext = "Go to {paths.sub} for {name}. {parts.end}"\n', "test.toml")
    assert loaded["x.y"]["text"] == "Go to A → B → C for {name}. See A → B → C."
    assert "paths" not in loaded and "parts" not in loaded
    with pytest.raises(ValueError, match=r"test.toml \[x\]: unknown reference \{paths.nope\}"):
        parse('[x]\ntext = "{paths.nope}"\n', "test.toml")
    with pytest.raises(ValueError, match="loop"):
        parse('[paths]\na = "{paths.b}"\nb = "{paths.a}"\n[x]\ntext = "{paths.a}"\n', "t")
    with pytest.raises(ValueError, match="expected text, or message and hint"):
        parse('[x]\nbody = "text"\n', "t")
    with pytest.raises(ValueError, match="table of texts"):
        parse('[x]\ntext = 3\n', "t")


def test_the_catalog_and_the_input_errors_import_nothing_heavy() -> None:
    probe = (
        "import sys; import payt_onboarding.messages, payt_onboarding.afas.token, "
        "payt_onboarding.afas.environment; "
        "print(sorted(m for m in ('httpx', 'pydantic', 'keyring', 'PySide6', 'jinja2') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "[]"


# --- the command line's texts (resources/messages/cli.<language>.toml) ----------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_command_line_file_holds_exactly_the_cli_ids_and_the_main_file_none(
    language: Language,
) -> None:
    cli_ids = set(get_args(CliId)) | set(get_args(ArgparseId))
    assert all(i.startswith(CLI_PREFIXES) for i in cli_ids)
    assert set(_texts_in(f"cli.{language}.toml")) == cli_ids
    assert not any(i.startswith(CLI_PREFIXES) for i in _texts_in(f"{language}.toml"))


def test_argparse_words_are_argparse_own_in_english_with_the_same_fields_in_dutch() -> None:
    from payt_onboarding.cli.texts import _ARGPARSE

    assert sorted(_ARGPARSE.values()) == sorted(get_args(ArgparseId))
    for msgid, message_id in _ARGPARSE.items():
        assert template(message_id, "en") == msgid  # English is argparse's own text
        nl = template(message_id, "nl")
        assert nl != msgid and "{" not in nl
        assert PERCENT_FIELD.findall(nl) == PERCENT_FIELD.findall(msgid), message_id


@pytest.mark.parametrize("message_id", sorted(get_args(CliId)))
def test_every_cli_text_renders_in_both_languages(message_id: CliId) -> None:
    values = dict.fromkeys(placeholders(message_id), 2)
    rendered = {language: render(message_id, language, **values) for language in LANGUAGES}
    for text in rendered.values():
        assert text.strip() and "{" not in text
    assert rendered["nl"] != rendered["en"] or message_id in SAME_IN_BOTH


def test_help_reads_only_the_command_line_texts() -> None:
    probe = (
        "import sys\n"
        "from payt_onboarding.cli import main\n"
        "from payt_onboarding.messages import catalog\n"
        "try:\n    main(['check', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(catalog._texts_in.cache_info().currsize, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)
    # cli.nl.toml and cli.en.toml (a text's fields are checked in both), never nl.toml/en.toml.
    assert result.stderr.strip().splitlines()[-1] == "2"
