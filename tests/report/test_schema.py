"""The JSON Schema of the report (schema_version 1) against reports the renderer writes."""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from payt_onboarding.report.model import (
    AfasField,
    ConnectorResult,
    FieldResult,
    Finding,
    Report,
    Target,
    Tool,
)
from payt_onboarding.report.render_json import render_json
from tests.support.reports import empty_report, sample_report

SCHEMA: dict[str, Any] = json.loads(
    (files("payt_onboarding") / "resources" / "report.schema.json").read_text("utf-8")
)
# DESIGN.md section 4, as written there: these keys are promised, so the schema requires them.
DESIGN_KEYS: dict[str, set[str]] = {
    "tool": {"name", "version"},
    "afas_field": {"id", "type"},  # an added object: what it cannot do without
    "report": {"schema_version", "tool", "checked_at", "target", "verdict", "connectors",
               "findings"},
    "target": {"uid", "environment", "base_url", "envid", "app_name", "user_group",
               "token_expiry"},
    "connector": {"role", "connector_id", "required", "status", "rows_sampled", "duration_ms",
                  "fields"},
    "field": {"payt_field", "afas_field", "mandatory", "status", "afas_type", "fill_rate"},
    "finding": {"code", "severity", "role", "connector_id", "field", "message", "hint", "count",
                "examples"},
}
DEFS = SCHEMA["$defs"]
OBJECTS: dict[str, tuple[dict[str, Any], type[BaseModel]]] = {
    "report": (SCHEMA, Report),
    "tool": (SCHEMA["properties"]["tool"], Tool),
    "target": (SCHEMA["properties"]["target"], Target),
    "connector": (DEFS["connector"], ConnectorResult),
    "field": (DEFS["field"], FieldResult),
    "finding": (DEFS["finding"], Finding),
    "afas_field": (DEFS["connector"]["properties"]["afas_fields"]["items"], AfasField),
}

VALIDATOR = Draft202012Validator(SCHEMA)


def _doc(**changes: Any) -> dict[str, Any]:
    return dict(json.loads(render_json(sample_report(**changes))))


def _errors(doc: dict[str, Any]) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(doc)]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(
    "doc",
    [
        _doc(),
        _doc(language="en", cancelled=True),
        _doc(sample_size=None),
        dict(json.loads(render_json(empty_report()))),
    ],
    ids=["sample", "english-cancelled", "all-rows", "empty"],
)
def test_rendered_reports_validate(doc: dict[str, Any]) -> None:
    assert _errors(doc) == []


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_schema_describes_every_model_key_and_requires_the_design_keys(name: str) -> None:
    schema, model = OBJECTS[name]
    assert set(schema["properties"]) == set(model.model_fields)
    assert set(schema["required"]) == DESIGN_KEYS[name]
    assert schema["additionalProperties"] is True  # the contract grows by adding keys


@pytest.mark.parametrize("key", sorted(DESIGN_KEYS["report"]))
def test_a_report_missing_a_required_key_fails(key: str) -> None:
    doc = _doc()
    del doc[key]
    assert _errors(doc) == [f"'{key}' is a required property"]


@pytest.mark.parametrize(
    ("path", "key"),
    [
        (("target",), "token_expiry"),
        (("connectors", 0), "status"),
        (("connectors", 3), "connector_id"),
        (("connectors", 0, "fields", 0), "fill_rate"),
        (("findings", 0), "examples"),
    ],
)
def test_a_nested_object_missing_a_required_key_fails(path: tuple[Any, ...], key: str) -> None:
    doc = _doc()
    node: Any = doc
    for step in path:
        node = node[step]
    del node[key]
    assert _errors(doc) == [f"'{key}' is a required property"]


def _set(doc: dict[str, Any], path: tuple[Any, ...], value: object) -> dict[str, Any]:
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("verdict",), "ready_ish"),
        (("verdict",), None),
        (("schema_version",), 2),
        (("checked_at",), "2025-06-12T14:03:27"),  # no offset
        (("target", "environment"), "productie"),
        (("connectors", 0, "status"), "gone"),
        (("connectors", 0, "rows_sampled"), -1),
        (("connectors", 0, "required"), "yes"),
        (("connectors", 0, "fields", 0, "status"), "unknown"),
        (("connectors", 0, "fields", 0, "fill_rate"), 1.5),
        (("connectors", 0, "fields", 0, "fill_rate"), -0.1),
        (("connectors", 0, "fields", 0, "fill_rate"), "100%"),
        (("findings", 0, "severity"), "fatal"),
        (("findings", 0, "examples"), ["1", "2", "3", "4", "5", "6"]),
        (("findings", 0, "code"), "Field Missing"),
    ],
)
def test_bad_values_fail(path: tuple[Any, ...], value: object) -> None:
    doc = _set(_doc(), path, value)
    assert len(_errors(doc)) == 1


def test_nulls_the_design_allows_validate() -> None:
    doc = _doc()
    for path in [("connectors", 0, "connector_id"), ("connectors", 0, "fields", 0, "afas_field"),
                 ("connectors", 0, "fields", 0, "fill_rate"), ("target", "envid"),
                 ("findings", 0, "role"), ("findings", 0, "field")]:
        _set(doc, path, None)
    assert _errors(doc) == []


def test_unknown_keys_validate_at_every_level() -> None:
    """An old reader keeps validating a newer report that added keys anywhere."""
    doc = _doc()
    nodes = [doc, doc["tool"], doc["target"], doc["connectors"][0],
             doc["connectors"][0]["fields"][0], doc["connectors"][0]["afas_fields"][0],
             doc["findings"][0]]
    for node in nodes:
        node["added_later"] = {"anything": [1, 2]}
    assert _errors(doc) == []
    assert _errors(copy.deepcopy(doc) | {"verdict": "maybe"}) != []  # still checking
