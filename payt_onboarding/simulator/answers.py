"""Pieces of the simulator's answers, apart from the handler: AFAS's error body, the faults
(config.Fault) a scenario injects as `Answer`s, a connector's metadata, and the path prefix of
a server of many environments."""

from __future__ import annotations

import uuid
from typing import Any

from payt_onboarding.simulator.config import Fault, SimulatorConfig
from payt_onboarding.simulator.dataset import PAYMENT_CONDITIONS, ConnectorTable
from payt_onboarding.simulator.messages import Message

_PORTAL_PAGE = (
    b"<!DOCTYPE html><html><head><title>Aanmelden gastnetwerk</title></head>"
    b"<body><h1>Welkom</h1><p>Accepteer de voorwaarden om verder te gaan.</p></body></html>"
)
# A code table of the connectors' fields: the payment condition codes.
_CODE_TABLE_FIELD = "invoice_payment_condition"
RESET = -1  # Answer.status: send half the body, then reset the connection


class Answer(Exception):
    """Raised inside a handler to send one response and stop."""

    def __init__(self, status: int, body: Any = None, headers: dict[str, str] | None = None):
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def error_body(message: Message, language: str, *args: str) -> dict[str, Any]:
    """AFAS's JSON error body, with a fresh log reference as Profit gives one."""
    return {
        "externalMessage": message.text(language, *args),
        "errorNumber": message.number,
        "profitLogReference": uuid.uuid4().hex.upper(),
    }


def fault_answer(fault: Fault, language: str, authorization: str) -> Answer | None:
    """What `fault` answers instead of the endpoint (None: nothing, "slow" is waited out)."""
    if fault.kind == "unavailable":
        body = {
            "error": {"code": 503, "message": Message.MAINTENANCE.text(language)},
            "retry_after": fault.retry_after,
        }
        return Answer(503, body, {"Retry-After": f"{fault.retry_after:g}"})
    if fault.kind == "server_timeout":
        return Answer(500, error_body(Message.SERVER_TIMEOUT, language))
    if fault.kind == "html":
        return Answer(200, _PORTAL_PAGE, {"Content-Type": "text/html; charset=utf-8"})
    if fault.kind == "edge_400":
        return Answer(400)
    if fault.kind == "echo_auth":
        return Answer(500, {"externalMessage": f"Invalid header Authorization: {authorization} "
                            f"({authorization.removeprefix('AfasToken ')})",
                            "profitLogReference": "ECHO"})
    if fault.kind == "drop":
        return Answer(RESET, b"")
    if fault.kind == "reset":
        return Answer(RESET, {"skip": 0, "take": 100, "rows": [{"filler": "x" * 2000}]})
    return None


def connector_metadata(config: SimulatorConfig, table: ConnectorTable) -> Any:
    """`/metainfo/get/<connector>`: the connector's fields as Profit describes them."""
    fields = []
    for f in table.fields:
        item: dict[str, Any] = {
            "id": f.id,
            "fieldId": f.field_id,
            "dataType": f.data_type,
            "label": f.label,
            "length": f.length,
            "controlType": 1,
            "decimals": f.decimals,
            "decimalsFieldId": "",
        }
        if f.id == _CODE_TABLE_FIELD and config.switches.code_table_values:
            conditions = config.dataset.connectors.get(PAYMENT_CONDITIONS)
            if conditions is not None:
                item["values"] = [
                    {"id": r["payment_condition_code"],
                     "description": r["payment_condition_description"]}
                    for r in conditions.rows
                ]
        fields.append(item)
    return {"name": table.id, "description": table.description, "fields": fields}


def split_environment(path: str) -> tuple[str, str]:
    """For a server of many environments (fleet.py): the UID of `/<uid>/profitrestservices…`
    and the path without it; ("", path) for a path without one."""
    first, slash, rest = path.lstrip("/").partition("/")
    if first.isdigit() and slash:
        return first, "/" + rest
    return "", path
