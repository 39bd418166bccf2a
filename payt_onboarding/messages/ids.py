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

# Issue 16, many clients at once (app.batch): why a profile was not checked, or its saved
# validation not updated; the summary's words (cli.batch_summary).
BatchReasonId: TypeAlias = Literal[
    "batch.reason.no_secret",
    "batch.reason.untrusted_address",
    "batch.reason.profile_unreadable",
    "batch.reason.key_unusable",
    "batch.reason.cancelled",
    "batch.reason.error",
]
BatchTextId: TypeAlias = Literal[
    "batch.save.failed",
    "batch.save.cancelled",
    "batch.save.not_accepted",
    "batch.summary.title",
    "batch.summary.made",
    "batch.summary.totals",
    "batch.summary.saved",
    "batch.summary.written",
    "batch.summary.none_matched",
    "batch.summary.no_profiles",
    "batch.column.profile",
    "batch.column.uid",
    "batch.column.verdict",
    "batch.column.credential",
    "batch.column.expiry",
    "batch.column.days_left",
    "batch.column.deadline",
    "batch.column.changes",
    "batch.column.note",
    "batch.status.not_checked",
    "batch.status.failed",
    "batch.status.cancelled",
    "batch.credential.classic_token",
    "batch.credential.oauth",
    "batch.deadline.expires_soon",
    "batch.deadline.classic_phase_out",
    "batch.progress",
]

InputId: TypeAlias = EnvironmentInputId | TokenInputId | CredentialInputId

# What changed since a profile's last validation: one per report.model.ChangeKind.
ChangeId: TypeAlias = Literal[
    "change.connector_added",
    "change.connector_removed",
    "change.connector_renamed",
    "change.connector_version",
    "change.field_added",
    "change.field_removed",
    "change.field_retyped",
    "change.mapping_unresolved",
    "change.finding_new",
    "change.finding_resolved",
    "change.fill_rate_dropped",
    "change.expiry_moved",
    "change.expiry_soon",
    "change.auth_changed",
]

MessageId: TypeAlias = (Code | FindingVariantId | FragmentId | InputId | ChangeId
                        | BatchReasonId | BatchTextId)

# Every id above, for the tests that hold the language files to them.
DECLARED: frozenset[str] = frozenset(
    name for alias in (FindingVariantId, FragmentId, EnvironmentInputId, TokenInputId,
                       CredentialInputId, ChangeId, BatchReasonId, BatchTextId)
    for name in get_args(alias)
)
