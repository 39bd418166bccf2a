"""The ids of every message that is not a finding's (those are the finding codes themselves).

Declared as Literal types so that mypy rejects a mistyped id where it is used; tests/
test_messages.py checks that each language file holds exactly these ids and the finding codes.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, get_args

from payt_onboarding.vocabulary import Code

# A finding code that reads differently at another severity (checks.findings.VARIANTS).
FindingVariantId: TypeAlias = Literal[
    "connector.missing.optional", "token.classic_phase_out.ended"]

# Pieces that go into another message as a value.
FragmentId: TypeAlias = Literal[
    "fragment.candidates",  # field.missing's {candidates}: AFAS fields that could be mapped
    "fragment.no_files",  # attachments.not_authorized's {detail} when no item lists a file
    "fragment.token_like_input",
    "fragment.client_rejected_secret",  # oauth.client_rejected's {causes}, per kind of client
    "fragment.client_rejected_key",  # an input error's {quoted} when the input looks like a token
    "environment.production",  # the name of each environment type
    "environment.test",
    "environment.accept",
]

EnvironmentInputId: TypeAlias = Literal[
    "input.uid.empty",
    "input.uid.invalid",
    "input.uid.not_digits",
    "input.uid.kind_conflict",
    "input.kind.unknown",
    "input.url.empty",
    "input.url.bad_characters",
    "input.url.invalid",
    "input.url.not_absolute",
    "input.url.credentials",
    "input.url.query_or_fragment",
    "input.url.no_host",
    "input.url.http_not_loopback",
]

TokenInputId: TypeAlias = Literal[
    "input.token.empty",
    "input.token.not_text",
    "input.token.too_long",
    "input.token.not_a_token",
    "input.token.bearer",
    "input.token.header_empty",
    "input.token.base64_not_token",
    "input.token.xml_no_data",
    "input.token.xml_unrecognised",
    "input.token.xml_bad_version",
    "input.token.data_empty",
    "input.token.not_hex",
    "input.token.data_length",
    "input.token.parts_not_text",
]

CredentialInputId: TypeAlias = Literal[
    "input.client_id.empty",
    "input.client_id.invalid",
    "input.secret.empty",
    "input.secret.too_long",
    "input.secret.spaces",
    "input.key.unreadable",
    "input.key.not_a_key",
    "input.key.encrypted",
    "input.key.unsupported",
]






# --- the command line's ids ---
# argparse's own words, asked of gettext (cli/texts.py).
ArgparseId: TypeAlias = Literal[
    "argparse.usage",
    "argparse.options",
    "argparse.positional_arguments",
    "argparse.help",
    "argparse.ambiguous",
    "argparse.expected_one",
    "argparse.expected_at_most_one",
    "argparse.expected_at_least_one",
    "argparse.invalid_value",
    "argparse.invalid_choice",
    "argparse.unknown_parser",
    "argparse.not_allowed_with",
    "argparse.one_required",
    "argparse.required",
    "argparse.unrecognized",
    "argparse.ignored_explicit",
    "argparse.cannot_open",
]

# What the command line prints: help, usage errors, messages.
CliId: TypeAlias = Literal[
    "cli.usage_error",
    "cli.help.description",
    "cli.help.exit_status",
    "cli.help.version",
    "cli.help.self_test",
    "cli.help.verbose",
    "cli.help.language",
    "cli.help.language.command",
    "cli.help.language.demo",
    "cli.help.simulator",
    "cli.help.simulator.description",
    "cli.help.host",
    "cli.help.port",
    "cli.help.latency",
    "cli.help.entries",
    "cli.help.seed",
    "cli.help.tls",
    "cli.help.log_requests",
    "cli.help.scenario",
    "cli.help.check",
    "cli.help.check.description",
    "cli.help.check.example",
    "cli.help.uid",
    "cli.help.environment",
    "cli.help.base_url",
    "cli.help.token_stdin",
    "cli.help.oauth",
    "cli.help.oauth.description",
    "cli.help.client_id",
    "cli.help.client_secret_stdin",
    "cli.help.private_key",
    "cli.help.key_id",
    "cli.help.client_auth",
    "cli.help.format",
    "cli.help.output",
    "cli.help.sample_size",
    "cli.help.all_rows",
    "cli.help.requirements",
    "cli.help.time_limit",
    "cli.help.map",
    "cli.help.profile",
    "cli.help.save_profile",
    "cli.help.trust_base_url",
    "cli.help.profiles",
    "cli.help.profiles.description",
    "cli.help.profiles.list",
    "cli.help.profiles.rename",
    "cli.help.profiles.delete",
    "cli.help.profiles.restore",
    "cli.help.profiles.export",
    "cli.help.profiles.import",
    "cli.help.profiles.import.name",
    "cli.help.profiles.import.replace",
    "cli.help.profiles.set_token",
    "cli.help.demo",
    "cli.help.demo.text",
    "cli.metavar.action",
    "cli.metavar.name",
    "cli.metavar.new_name",
    "cli.metavar.file",
    "cli.metavar.seconds",
    "cli.arg.not_whole_number",
    "cli.arg.not_a_number",
    "cli.arg.between",
    "cli.arg.not_negative",
    "cli.arg.seconds_between",
    "cli.arg.not_a_mapping",
    "cli.exit.ready",
    "cli.exit.ready_with_warnings",
    "cli.exit.not_ready",
    "cli.exit.usage",
    "cli.exit.no_display",
    "cli.exit.software",
    "cli.exit.interrupted",
    "cli.exit.broken_pipe",
    "cli.unexpected_error.logged",
    "cli.unexpected_error",
    "cli.word.token",
    "cli.word.client_secret",
    "cli.word.stdin",
    "cli.check.cannot_write",
    "cli.check.profile_not_saved",
    "cli.check.no_uid",
    "cli.check.bad_profile_name",
    "cli.check.oauth_without_client_id",
    "cli.check.one_secret_on_stdin",
    "cli.check.no_stored_secret",
    "cli.check.no_saved_secret",
    "cli.check.auth_with_key",
    "cli.check.key_id_without_key",
    "cli.check.jwt_without_key",
    "cli.check.no_secret",
    "cli.check.secret_unusable",
    "cli.check.unknown_extension",
    "cli.check.pdf_needs_output",
    "cli.check.no_token",
    "cli.check.untrusted_address",
    "cli.check.output_is_folder",
    "cli.check.no_output_folder",
    "cli.check.unknown_role",
    "cli.check.unknown_field",
    "cli.stdin.missing",
    "cli.stdin.prompt",
    "cli.stdin.unreadable",
    "cli.token.empty",
    "cli.token.unreadable",
    "cli.profile.unusable_address",
    "cli.profile.unusual_address",
    "cli.saved.rejected",
    "cli.saved.failed",
    "cli.saved.key_file",
    "cli.saved.in_store",
    "cli.saved.not_stored",
    "cli.saved.pass_again",
    "cli.saved",
    "cli.note",
    "cli.profiles.renamed",
    "cli.profiles.deleted",
    "cli.profiles.restored",
    "cli.profiles.exported",
    "cli.profiles.import_exists",
    "cli.profiles.imported",
    "cli.set_token.not_stored",
    "cli.set_token.stored",
    "cli.selftest.ok",
    "cli.selftest.failed",
    "cli.selftest.some_failed",
    "cli.selftest.all_passed",
    "cli.demo.started",
    "cli.wizard.no_screen",
    "cli.progress",
    "cli.simulator.error",
    "cli.simulator.cannot_listen",
    "cli.simulator.stopped",
    "cli.simulator.banner",
    "cli.simulator.uid",
    "cli.simulator.auth_type",
    "cli.simulator.private_key",
    "cli.simulator.ca",
    "cli.simulator.stop",
    "cli.level.debug",
    "cli.level.info",
    "cli.level.warning",
    "cli.level.error",
]

# The profile store's errors and the profiles list.
ProfileMessageId: TypeAlias = Literal[
    "profiles.none",
    "profiles.header.name",
    "profiles.header.uid",
    "profiles.header.environment",
    "profiles.header.verdict",
    "profiles.header.when",
    "profiles.verdict.ready",
    "profiles.verdict.ready_with_warnings",
    "profiles.verdict.not_ready",
    "profiles.never",
    "profiles.unreadable",
    "profile.file_problem",
    "profile.file_io",
    "profile.damaged.backup",
    "profile.damaged.no_backup",
    "profile.damaged",
    "profile.not_found.backup",
    "profile.not_found.list",
    "profile.not_found.hint",
    "profile.not_found",
    "profile.cannot_read",
    "profile.cannot_save",
    "profile.file_holds_other",
    "profile.exists.rename",
    "profile.cannot_move_backup",
    "profile.cannot_delete",
    "profile.no_backup",
    "profile.backup_unusable",
    "profile.cannot_write",
    "profile.import.missing",
    "profile.import.unreadable",
    "profile.exists.import",
    "profile.detail.empty",
    "profile.detail.not_text",
    "profile.detail.not_json",
    "profile.detail.too_deep",
    "profile.detail.no_object",
    "profile.detail.plain",
    "profile.detail.invalid",
    "profile.detail.too_large",
    "profile.detail.io",
    "profile.not_json",
    "profile.not_valid",
    "profile.too_large",
    "profile.invalid",
    "profile.newer_schema",
    "profile.not_an_object",
    "profile.name.empty",
    "profile.name.too_long",
    "profile.name.invisible",
]

# Log lines on the terminal, and the password store's messages.
LogMessageId: TypeAlias = Literal[
    "log.retry",
    "log.placeholder",
]

# The self-test's items and what each found (app/selftest.py, gui/selftest.py).
SelfTestId: TypeAlias = Literal[
    "selftest.requirements",
    "selftest.requirements.found",
    "selftest.trust_store",
    "selftest.trust_store.empty",
    "selftest.trust_store.found",
    "selftest.keyring",
    "selftest.keyring.usable",
    "selftest.keyring.unusable",
    "selftest.check",
    "selftest.check.not_ready",
    "selftest.check.done",
    "selftest.check.no_report",
    "selftest.render",
    "selftest.render.sizes",
    "selftest.platform",
    "selftest.platform.found",
    "selftest.translations",
    "selftest.translations.ours_missing",
    "selftest.translations.qt_missing",
    "selftest.translations.found",
    "selftest.icon",
    "selftest.icon.none",
    "selftest.icon.found",
    "selftest.wizard",
    "selftest.wizard.not_shown",
    "selftest.wizard.shown",
    "selftest.pdf",
    "selftest.pdf.none",
    "selftest.pdf.bytes",
]
# --- end of the command line's ids ---

InputId: TypeAlias = EnvironmentInputId | TokenInputId | CredentialInputId
MessageId: TypeAlias = (Code | FindingVariantId | FragmentId | InputId | ArgparseId | CliId
                        | ProfileMessageId | LogMessageId | SelfTestId)

# Every id above, for the tests that hold the language files to them.
DECLARED: frozenset[str] = frozenset(
    name for alias in (FindingVariantId, FragmentId, EnvironmentInputId, TokenInputId,
                       CredentialInputId, ArgparseId, CliId, ProfileMessageId, LogMessageId,
                       SelfTestId)
    for name in get_args(alias)
)
