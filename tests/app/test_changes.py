"""What changed since the last validation (issue 16): a profile is validated against a live
simulator, the simulator is changed, the profile is checked again; every kind of change is
found, and shows in the JSON (valid against the schema), text and HTML reports.

Also: the snapshot holds no token and no client data, passes the secret guard of versions that
predate it, stays small, and profiles saved before it load with no comparison.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from payt_onboarding.app.changes import (
    DROP_POINTS,
    changes_since,
    since_last_validation,
    snapshot_of,
    with_changes,
)
from payt_onboarding.profile.codec import dump_profile
from payt_onboarding.profile.model import ProfileError, Validation, _check_values, _secret_like_key
from payt_onboarding.profile.snapshot import Snapshot
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_html import render_html
from payt_onboarding.report.render_json import render_json
from payt_onboarding.report.render_text import render_text
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA
from payt_onboarding.simulator.dataset import (
    ADMINISTRATIONS,
    INVOICE_LINES,
    PAYMENT_CONDITIONS,
    SALES_ENTRIES,
    SALES_INVOICES,
)
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.oauth import DEMO_CLIENT_SECRET
from tests.support.afas import Start
from tests.support.changes import (
    PROFILE,
    add_field,
    blank_field,
    check,
    drop_field,
    recheck,
    rename_connector,
    rename_field,
    retype_field,
    validate,
)

SCHEMA = json.loads(
    (files("payt_onboarding") / "resources" / "report.schema.json").read_text(encoding="utf-8"))
Key = tuple[str, str | None, str | None]


def kinds(report: Report) -> set[Key]:
    assert report.since_last_validation is not None
    return {(c.kind, c.role, c.field) for c in report.since_last_validation.changes}


def change(report: Report, kind: str, role: str | None = None) -> Any:
    assert report.since_last_validation is not None
    return next(c for c in report.since_last_validation.changes
                if c.kind == kind and (role is None or c.role == role))


def everywhere(report: Report) -> tuple[dict[str, Any], str, str]:
    """The report as JSON (valid against the schema), text and HTML."""
    data = json.loads(render_json(report))
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    return data, render_text(report, width=400), render_html(report)


def assert_shown(report: Report) -> None:
    """Every change's message in the JSON, text and HTML, under the section's heading."""
    since = report.since_last_validation
    assert since is not None and since.changes
    data, text, page = everywhere(report)
    assert data["since_last_validation"]["validated_at"] == since.validated_at
    assert [c["message"] for c in data["since_last_validation"]["changes"]] == [
        c.message for c in since.changes]
    heading = ("Sinds de laatste validatie (" if report.language == "nl"
               else "Since the last validation (")
    assert heading in text and heading in page
    for c in since.changes:
        assert c.message in text
        # Messages hold AFAS names: the HTML escapes them as any AFAS value.
        assert c.message.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;") in page


def test_connectors_fields_fill_rates_expiry_and_findings(simulator: Start, tmp_path: Path,
                                                          ) -> None:
    server = simulator("healthy")
    profile = validate(server, tmp_path)
    config = server.config
    config.app.get_connectors.remove(INVOICE_LINES)
    rename_connector(config, SALES_ENTRIES, "Payt_sales_entries_v13")
    rename_connector(config, ADMINISTRATIONS, "Payt_administrations_2026")
    drop_field(config, "Payt_administrations_2026", "administration_origin_id")
    add_field(config, PAYMENT_CONDITIONS, "payment_condition_days", "int", 30)
    retype_field(config, PAYMENT_CONDITIONS, "payment_condition_description", "int")
    blank_field(config, SALES_INVOICES, "debtor_invoice_email")
    config.app.token_expiry = "2027-04-30T00:00:00Z"

    report = recheck(server, profile)
    found = kinds(report)
    assert {
        ("connector_removed", "invoice_lines", None),
        ("connector_version", "sales_entries", None),
        ("connector_renamed", "administrations", None),
        ("field_removed", "administrations", "administration_origin_id"),
        ("field_added", "payment_conditions", "payment_condition_days"),
        ("field_retyped", "payment_conditions", "payment_condition_description"),
        ("fill_rate_dropped", "sales_invoices", "debtor_invoice_email"),
        ("expiry_moved", None, None),
        ("finding_new", "invoice_lines", None),  # connector.missing
        ("finding_new", "administrations", "administration_origin_id"),  # field.missing
    } <= found, found
    # Nothing else was touched: no word about the connectors left alone.
    assert not {role for _, role, _ in found} & {"distribution_methods", "verstrekking"}
    version = change(report, "connector_version")
    assert (version.before, version.after) == (SALES_ENTRIES, "Payt_sales_entries_v13")
    renamed = change(report, "connector_renamed")
    assert (renamed.before, renamed.after) == (ADMINISTRATIONS, "Payt_administrations_2026")
    retyped = change(report, "field_retyped")
    assert (retyped.before, retyped.after) == ("string", "int")
    dropped = change(report, "fill_rate_dropped")
    assert (dropped.before, dropped.after) == ("52%", "0%")
    moved = change(report, "expiry_moved")
    assert (moved.before, moved.after) == ("0", "2027-04-30T00:00:00Z")
    assert "geen vervaldatum" in moved.message and "30-04-2027" in moved.message
    new = change(report, "finding_new", "invoice_lines")
    assert new.after == "connector.missing" and new.message.startswith("Nieuw (fout): ")
    assert change(report, "connector_removed").message == \
        f"Verkoopfactuurregels: connector {INVOICE_LINES} is er niet meer."
    assert report.since_last_validation is not None
    assert report.since_last_validation.validated_at == profile.validation.checked_at  # type: ignore[union-attr]
    assert_shown(report)


def test_a_mapping_that_no_longer_resolves_a_connector_back_and_findings_resolved(
    simulator: Start, tmp_path: Path
) -> None:
    server = simulator("fields_missing")
    server.config.app.get_connectors.remove(INVOICE_LINES)
    mappings = {"sales_entries": {"invoice_due_date": "VervalDatum",
                                  "debtor_post_country_code": "LandCode"}}
    profile = validate(server, tmp_path, mappings=mappings, language="en")
    assert profile.mappings == mappings
    rename_field(server.config, SALES_ENTRIES, "VervalDatum", "Vervaldag")
    server.config.app.get_connectors.append(INVOICE_LINES)

    report = recheck(server, profile, language="en")
    found = kinds(report)
    assert {
        ("mapping_unresolved", "sales_entries", "invoice_due_date"),
        ("field_removed", "sales_entries", "VervalDatum"),
        ("field_added", "sales_entries", "Vervaldag"),
        ("connector_added", "invoice_lines", None),
        ("finding_resolved", "invoice_lines", None),
        ("finding_new", "sales_entries", "invoice_due_date"),
    } <= found, found
    # The other mapping still resolves; the finding that stayed is not news.
    assert ("mapping_unresolved", "sales_entries", "debtor_post_country_code") not in found
    assert ("finding_resolved", "administrations", "administration_origin_id") not in found
    unresolved = change(report, "mapping_unresolved")
    assert unresolved.before == "VervalDatum"
    assert unresolved.message == ("Sales entries: Payt field invoice_due_date was read from "
                                  "AFAS field VervalDatum, which is no longer there. Map it "
                                  "again.")
    resolved = change(report, "finding_resolved")
    assert resolved.before == "connector.missing"
    assert resolved.message == "Resolved: connector.missing (Sales invoice lines)."
    assert_shown(report)


def test_a_token_that_now_expires_within_30_days(simulator: Start, tmp_path: Path) -> None:
    server = simulator("healthy")
    server.config.app.token_expiry = f"{date.today() + timedelta(days=100)}T00:00:00Z"
    profile = validate(server, tmp_path)
    soon = date.today() + timedelta(days=12)
    server.config.app.token_expiry = f"{soon}T00:00:00Z"

    report = recheck(server, profile)
    assert {("expiry_moved", None, None), ("expiry_soon", None, None),
            ("finding_new", None, None)} <= kinds(report)
    expiring = change(report, "expiry_soon")
    assert expiring.after == f"{soon}T00:00:00Z"
    assert expiring.message.startswith("Het token verloopt nu binnen 30 dagen: over 12 dagen (")
    assert_shown(report)

    # Checked again, nothing moved: within 30 days then and now is no news.
    again = recheck(server, validate(server, tmp_path))
    assert again.since_last_validation is not None
    assert again.since_last_validation.changes == ()


def test_moving_to_oauth_is_a_change_of_credentials_not_of_expiry(
    simulator: Start, tmp_path: Path
) -> None:
    server = simulator("hybrid")
    server.config.app.token_expiry = "2027-05-01T00:00:00Z"
    profile = validate(server, tmp_path)
    client = demo_credentials("client_secret")
    report = recheck(server, profile, credentials=client)
    found = kinds(report)
    assert ("auth_changed", None, None) in found
    assert not {k for k in found if k[0].startswith("expiry")}
    moved = change(report, "auth_changed")
    assert (moved.before, moved.after) == ("classic_token", "oauth_client_secret")
    assert moved.message == ("Getest met OAuth-client met client-secret; bij de validatie met "
                             "klassiek token.")
    # The classic token's phase-out warning is gone with it.
    assert change(report, "finding_resolved").before == "token.classic_phase_out"
    assert_shown(report)
    assert DEMO_CLIENT_SECRET not in render_json(report)


def test_nothing_changed_is_one_line(simulator: Start, tmp_path: Path) -> None:
    server = simulator("healthy")
    profile = validate(server, tmp_path)
    report = recheck(server, profile)
    assert report.since_last_validation is not None
    assert report.since_last_validation.changes == ()
    data, text, page = everywhere(report)
    assert data["since_last_validation"]["changes"] == []
    lines = text.splitlines()
    heading = next(i for i, line in enumerate(lines)
                   if line.startswith("Sinds de laatste validatie ("))
    assert lines[heading + 1].strip().startswith("Niets veranderd")
    assert lines[heading + 2] == ""
    assert "Niets veranderd: dezelfde connectoren" in page


def test_no_comparison_for_a_first_check_another_environment_or_an_old_profile(
    simulator: Start, tmp_path: Path
) -> None:
    server = simulator("healthy")
    profile = validate(server, tmp_path)
    first = with_changes(check(server), None)
    assert first.since_last_validation is None
    assert "Sinds de laatste validatie" not in render_text(first)
    assert "Sinds de laatste validatie" not in render_html(first)
    other = profile.model_copy(update={"environment": "test"})
    assert since_last_validation(other, recheck(server, profile)) is None

    # A file written before snapshots were kept: it loads, and compares with nothing.
    store = ProfileStore(tmp_path)
    path = store.path_for(PROFILE)
    raw = json.loads(path.read_text(encoding="utf-8"))
    del raw["validation"]["snapshot"]
    path.write_text(json.dumps(raw), encoding="utf-8")
    old = store.load(PROFILE)
    assert old.validation is not None and old.validation.snapshot is None
    assert recheck(server, old).since_last_validation is None


def test_the_snapshot_is_small_holds_no_secret_and_passes_older_versions_guard(
    simulator: Start, tmp_path: Path
) -> None:
    server = simulator("healthy")
    profile = validate(server, tmp_path)
    content = ProfileStore(tmp_path).path_for(PROFILE).read_bytes()
    text = content.decode("utf-8")
    assert DEMO_TOKEN_DATA not in text.upper()
    assert "<token>" not in text and "AfasToken" not in text
    assert profile.validation is not None and profile.validation.snapshot is not None
    snapshot = profile.validation.snapshot.model_dump(mode="json")
    # No sampled value: the sample rows' company names are nowhere in it.
    report = recheck(server, profile)
    samples = {s for c in report.connectors for f in c.fields for s in f.samples if len(s) > 3}
    assert samples and not any(s in json.dumps(snapshot) for s in samples)
    # A version without the snapshot reads it as an unknown key and checks every name in it.
    names: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            names.extend(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(snapshot)
    assert names and not [n for n in names if _secret_like_key(n)]
    _check_values(snapshot, "validation.snapshot", check_keys=True)
    # Compact: the healthy environment's snapshot in the indented profile file.
    without = profile.model_copy(update={"validation": profile.validation.model_copy(
        update={"snapshot": None})})
    added = len(content) - len(dump_profile(without))
    print(f"snapshot of the healthy environment: {added} bytes in the profile file")
    assert added < 8_000


def test_a_secret_like_name_in_a_snapshot_is_refused() -> None:
    fields: dict[str, Any] = {"checked_at": "2026-12-01T10:00:00+01:00", "verdict": "ready",
                              "tool_version": "0.1.0", "report_sha256": "ab" * 32}
    Validation.model_validate({**fields, "snapshot": {"roles": [], "later": 1}})
    with pytest.raises(ProfileError, match="suggests a secret"):
        Validation.model_validate({**fields, "snapshot": {"roles": [{"role": "x",
                                                                     "apitoken": "y"}]}})


def test_fill_rates_dropping_by_the_threshold_or_less_are_not_reported() -> None:
    from tests.support.reports import sample_report

    before = sample_report()
    validation = Validation(checked_at=before.checked_at, verdict=before.verdict,
                            tool_version="0.1.0", report_sha256="ab" * 32,
                            snapshot=snapshot_of(before))
    entries = before.connectors[0]

    def with_email_rate(rate: float) -> Report:
        fields = tuple(f.model_copy(update={"fill_rate": rate})
                       if f.payt_field == "debtor_email" else f for f in entries.fields)
        connectors = (entries.model_copy(update={"fields": fields}), *before.connectors[1:])
        return before.model_copy(update={"connectors": connectors})

    at_threshold = changes_since(validation, with_email_rate(0.62 - DROP_POINTS / 100))
    assert at_threshold is not None and at_threshold.changes == ()
    below = changes_since(validation, with_email_rate(0.62 - (DROP_POINTS + 1) / 100))
    assert below is not None
    assert [(c.kind, c.field, c.before, c.after) for c in below.changes] == [
        ("fill_rate_dropped", "debtor_email", "62%", "51%")]


def test_a_snapshot_edited_by_hand_or_by_a_later_version_does_not_stop_a_recheck() -> None:
    from tests.support.reports import sample_report

    report = sample_report()
    snapshot = snapshot_of(report).model_dump(mode="json")
    entries = next(r for r in snapshot["roles"] if r["role"] == "sales_entries")
    entries["fill"] = "debtor_email administration_code:veel debtor_company_name:99.5"
    entries["fields"] += " zonder_type"
    entries["mapped"] = "raar"
    entries["later"] = {"nested": [1, 2]}  # a later version's key: kept, not read
    validation = Validation(checked_at=report.checked_at, verdict=report.verdict,
                            tool_version="0.1.0", report_sha256="ab" * 32,
                            snapshot=Snapshot.model_validate(snapshot))
    since = changes_since(validation, report)
    assert since is not None
    assert [(c.kind, c.field) for c in since.changes] == [("field_removed", "zonder_type")]
