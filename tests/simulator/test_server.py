"""The simulator speaks AFAS Profit REST as reference/afas-profit-rest.md section 8 describes.

Plain HTTP calls, no project client: what any HTTP client would see.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from payt_onboarding.simulator.config import Switches
from payt_onboarding.simulator.scenarios import ALL_CONNECTORS, SALES_ENTRIES
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import demo_headers

Start = Callable[..., SimulatorServer]


def get(server: SimulatorServer, path: str, headers: dict[str, str] | None = None,
        **params: str) -> httpx.Response:
    return httpx.get(server.url + path, params=params or None,
                     headers=demo_headers() if headers is None else headers, timeout=10)


def test_metainfo_lists_the_appconnector_and_its_connectors(simulator: Start) -> None:
    server = simulator("healthy")
    response = get(server, "/metainfo")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert [c["id"] for c in body["getConnectors"]] == ALL_CONNECTORS
    assert body["info"] == {
        "envid": "O12345AA", "appName": "Payt REST API",
        "group": "Payt koppeling (12345.PAYT)", "tokenExpiry": "0",
    }
    # Profit 7 and later send compact JSON.
    assert b'": ' not in response.content and b", " not in response.content[:200]


def test_distribution_methods_carries_the_guides_full_name(simulator: Start) -> None:
    body = get(simulator("healthy"), "/metainfo").json()
    descriptions = {c["id"]: c["description"] for c in body["getConnectors"]}
    assert descriptions["Payt_distribution_methods"] == (
        "Payt_distribution_methods - Extended v2.0 - Tab Digital"
    )


def test_paths_are_case_insensitive(simulator: Start) -> None:
    server = simulator("healthy")
    url = server.url.replace("/ProfitRestServices", "/profitrestservices")
    response = httpx.get(url + "/METAINFO", headers=demo_headers(), timeout=10)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer abc"}, 401),
        ({"Authorization": "AfasToken " + base64.b64encode(
            b"<token><version>1</version><data>ABCDEF0123456789</data></token>").decode()}, 401),
        ({"Authorization": "AfasToken <token><version>1</version><data>AB</data></token>"}, 500),
        ({"Authorization": "AfasToken " + base64.b64encode(b"not a token").decode()}, 500),
    ],
    ids=["no-header", "other-scheme", "unknown-token", "plain-xml", "base64-of-junk"],
)
def test_token_check(simulator: Start, headers: dict[str, str], status: int) -> None:
    response = get(simulator("healthy"), "/metainfo", headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.content == b""
    else:
        assert set(response.json()) == {"externalMessage", "errorNumber", "profitLogReference"}


def test_malformed_header_status_is_a_switch(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.switches = Switches(malformed_header_status=401)
    response = get(server, "/metainfo", headers={"Authorization": "AfasToken ???"})
    assert response.status_code == 401


def test_connector_metadata_shape(simulator: Start) -> None:
    body = get(simulator("healthy"), f"/metainfo/get/{SALES_ENTRIES}").json()
    assert body["name"] == SALES_ENTRIES
    fields = {f["id"]: f for f in body["fields"]}
    assert fields["invoice_date"]["dataType"] == "date"
    assert fields["invoice_total_amount_inc_vat"]["dataType"] == "decimal"
    assert {"fieldId", "label", "length", "controlType", "decimals"} <= set(fields["invoice_date"])
    codes = {v["id"] for v in fields["invoice_payment_condition"]["values"]}
    assert "30" in codes


def test_paging_defaults_and_echo(simulator: Start) -> None:
    server = simulator("healthy")
    body = get(server, f"/connectors/{SALES_ENTRIES}").json()
    assert (body["skip"], body["take"], len(body["rows"])) == (0, 100, 100)
    body = get(server, f"/connectors/{SALES_ENTRIES}", skip="290", take="50").json()
    assert (body["skip"], body["take"], len(body["rows"])) == (290, 50, 10)
    body = get(server, f"/connectors/{SALES_ENTRIES}", skip="-1", take="-1").json()
    assert (body["skip"], body["take"], len(body["rows"])) == (-1, -1, 300)


def test_take_zero_returns_one_row_by_default(simulator: Start) -> None:
    server = simulator("healthy")
    assert len(get(server, f"/connectors/{SALES_ENTRIES}", take="0").json()["rows"]) == 1
    server.config.switches = Switches(take_zero_returns_one=False)
    assert get(server, f"/connectors/{SALES_ENTRIES}", take="0").json()["rows"] == []


def test_invalid_skip_take_combination_is_an_unexpected_error(simulator: Start) -> None:
    response = get(simulator("healthy"), f"/connectors/{SALES_ENTRIES}", skip="2", take="-1")
    assert response.status_code == 500
    assert response.json()["externalMessage"] == "Er is een onverwachte fout opgetreden."
    assert response.json()["errorNumber"] == -2147180999


def test_order_by_and_descending(simulator: Start) -> None:
    server = simulator("healthy")
    rows = get(server, f"/connectors/{SALES_ENTRIES}", take="-1", skip="-1",
               orderbyfieldids="-invoice_number").json()["rows"]
    numbers = [r["invoice_number"] for r in rows]
    assert numbers == sorted(numbers, reverse=True)


def test_filters_and_or_groups(simulator: Start) -> None:
    server = simulator("healthy")
    everything = get(server, f"/connectors/{SALES_ENTRIES}", skip="-1", take="-1").json()["rows"]
    first, second = everything[0]["invoice_number"], everything[1]["invoice_number"]
    admin = everything[0]["administration_code"]
    rows = get(
        server, f"/connectors/{SALES_ENTRIES}", skip="-1", take="-1",
        filterfieldids="invoice_number,administration_code;invoice_number",
        filtervalues=f"{first},{admin};{second}",
        operatortypes="1,1;1",
    ).json()["rows"]
    assert sorted(r["invoice_number"] for r in rows) == sorted([first, second])
    contains = get(server, f"/connectors/{SALES_ENTRIES}", skip="-1", take="-1",
                   filterfieldids="debtor_email", filtervalues="%example%",
                   operatortypes="6").json()["rows"]
    assert contains and all("example" in r["debtor_email"] for r in contains)


def test_filterjson(simulator: Start) -> None:
    server = simulator("healthy")
    filterjson = json.dumps({"Filters": {"Filter": [
        {"@FilterId": "Filter 1", "Field": [
            {"@FieldId": "payment_condition_code", "@OperatorType": "1", "#text": "30"}]},
        {"@FilterId": "Filter 2", "Field": [
            {"@FieldId": "payment_condition_code", "@OperatorType": "1", "#text": "14"}]},
    ]}})
    rows = get(server, "/connectors/Payt_payment_conditions", filterjson=filterjson).json()["rows"]
    assert sorted(r["payment_condition_code"] for r in rows) == ["14", "30"]


@pytest.mark.parametrize(("language", "text"), [
    ("en-us", "Connector field 'nope' not found"),
    ("nl-nl", "Connector-veld 'nope' niet gevonden"),
])
def test_unknown_field_message_follows_accept_language(
    simulator: Start, language: str, text: str
) -> None:
    response = get(simulator("healthy"), f"/connectors/{SALES_ENTRIES}",
                   headers=demo_headers(language), orderbyfieldids="nope")
    assert response.status_code == 500
    body = response.json()
    assert body["externalMessage"] == text
    assert len(body["profitLogReference"]) == 32


def test_query_string_over_2049_characters_is_404(simulator: Start) -> None:
    server = simulator("healthy")
    value = "x" * 2100
    response = get(server, f"/connectors/{SALES_ENTRIES}", filterfieldids="invoice_number",
                   filtervalues=value, operatortypes="1")
    assert response.status_code == 404


def test_connector_outside_the_appconnector(simulator: Start) -> None:
    server = simulator("connector_missing")
    ids = [c["id"] for c in get(server, "/metainfo").json()["getConnectors"]]
    assert "Payt_Verkoopfactuurregels" not in ids
    response = get(server, "/connectors/Payt_Verkoopfactuurregels")
    assert response.status_code == 500
    assert "niet ondersteund" in response.json()["externalMessage"]
    server.config.switches = Switches(not_authorized_status=401)
    assert get(server, "/connectors/Payt_Verkoopfactuurregels").status_code == 401


def test_blocked_connector(simulator: Start) -> None:
    server = simulator("blocked_connector")
    response = get(server, "/connectors/Payt_sales_invoices_for_cp_ordermanagement_v11",
                   headers=demo_headers("en-us"))
    assert response.status_code == 500
    assert response.json()["externalMessage"] == "This GetConnector (definition) is blocked"


def _first_attachment(server: SimulatorServer) -> dict[str, object]:
    rows = get(server, "/connectors/Payt_subject_attachments", take="1",
               orderbyfieldids="attachment_id").json()["rows"]
    return dict(rows[0])


def test_subject_connector_returns_a_pdf(simulator: Start) -> None:
    server = simulator("healthy")
    row = _first_attachment(server)
    body = get(server, f"/subjectconnector/{row['subject_id']}/{row['file_id']}").json()
    assert body["filename"] == row["file_name"]
    assert body["mimetype"] == "application/pdf"
    assert base64.b64decode(body["filedata"]).startswith(b"%PDF-")
    query_form = get(server, "/SubjectConnector", SubjectId=str(row["subject_id"]),
                     FileId=str(row["file_id"]))
    assert query_form.json() == body


def test_subject_connector_absent_file_rights_and_connector(simulator: Start) -> None:
    healthy = simulator("healthy")
    row = _first_attachment(healthy)
    assert get(healthy, f"/subjectconnector/{row['subject_id']}/{'0' * 32}").status_code == 404
    no_rights = simulator("no_dossier_rights")
    assert get(no_rights, f"/subjectconnector/{row['subject_id']}/{row['file_id']}"
               ).status_code == 404
    no_connector = simulator("no_subject_connector")
    response = get(no_connector, f"/subjectconnector/{row['subject_id']}/{row['file_id']}")
    assert response.status_code == 500
    assert "SubjectConnector" in response.json()["externalMessage"]


def test_ip_restriction_is_403(simulator: Start) -> None:
    response = get(simulator("ip_restricted"), "/metainfo")
    assert response.status_code == 403


def test_maintenance_then_recovery(simulator: Start) -> None:
    server = simulator("maintenance")
    statuses = [get(server, "/metainfo") for _ in range(4)]
    assert [r.status_code for r in statuses] == [503, 503, 503, 200]
    assert statuses[0].headers["Retry-After"] == "1"
    assert statuses[0].json()["retry_after"] == 1.0


def test_profit_error_header_switch(simulator: Start) -> None:
    server = simulator("blocked_connector")
    server.config.switches = Switches(profit_error_header=True)
    response = get(server, "/connectors/Payt_sales_invoices_for_cp_ordermanagement_v11",
                   headers=demo_headers("en-us"))
    decoded = base64.b64decode(response.headers["X-PROFIT-ERROR"]).decode()
    assert decoded == response.json()["externalMessage"]


def test_outdated_and_missing_fields_scenarios(simulator: Start) -> None:
    outdated = simulator("outdated_version")
    ids = [c["id"] for c in get(outdated, "/metainfo").json()["getConnectors"]]
    assert "Payt_sales_entries_v11" in ids and SALES_ENTRIES not in ids
    missing = simulator("fields_missing")
    fields = {f["id"] for f in get(missing, f"/metainfo/get/{SALES_ENTRIES}").json()["fields"]}
    assert "invoice_due_date" not in fields and "VervalDatum" in fields
    admin = {f["id"] for f in get(missing, "/metainfo/get/Payt_administrations").json()["fields"]}
    assert "administration_origin_id" not in admin


def test_scenarios_do_not_share_state(simulator: Start) -> None:
    simulator("fields_missing")
    healthy = simulator("healthy")
    fields = {f["id"] for f in get(healthy, f"/metainfo/get/{SALES_ENTRIES}").json()["fields"]}
    assert "invoice_due_date" in fields


def test_only_loopback() -> None:
    from payt_onboarding.simulator.scenarios import build_config

    with pytest.raises(ValueError, match="loopback"):
        SimulatorServer(build_config("healthy"), host="0.0.0.0")


@pytest.mark.parametrize(("path", "word"), [
    ("/metainfo/update/KnSubject", "UpdateConnector"),
    ("/profitversion", "ProfitVersion"),
])
def test_connectors_payt_does_not_have_are_refused(simulator: Start, path: str, word: str) -> None:
    response = get(simulator("healthy"), path)
    assert response.status_code == 500
    assert word in response.json()["externalMessage"]


def test_more_parallel_calls_than_afas_allows_per_token_are_refused(simulator: Start) -> None:
    server = simulator("healthy", latency=0.5)
    limit = server.config.app.max_parallel_calls
    assert limit == 8  # reference section 5
    with ThreadPoolExecutor(max_workers=limit + 4) as pool:
        answers = list(pool.map(lambda _: get(server, "/metainfo"), range(limit + 4)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] * limit + [500] * 4
    refused = next(a for a in answers if a.status_code == 500).json()
    assert refused["externalMessage"] == "Er is een onverwachte fout opgetreden."
    # Answered calls free their place: the next ones are served again.
    assert get(server, "/metainfo").status_code == 200
