"""The requirements file: the packaged default against the simulator, and clear load errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from payt_onboarding.messages import Localized, MessageId, template
from payt_onboarding.requirements.load import (
    BUILT_IN,
    DEFAULT_REQUIREMENTS,
    RequirementsError,
    load_requirements,
    parse_requirements,
)
from payt_onboarding.requirements.model import ConnectorRequirement, PaytType, Requirements
from payt_onboarding.simulator.dataset import ConnectorTable, Dataset
from payt_onboarding.simulator.scenarios import build_config
from tests.support.texts import LANGUAGE, said, says

# Which AFAS data types may carry each Payt type (stricter than the engine: no 0/1 booleans).
COMPATIBLE: dict[PaytType, set[str]] = {
    "text": {"string", "int", "decimal", "boolean", "date"},
    "integer": {"int"},
    "decimal": {"decimal", "int"},
    "boolean": {"boolean"},
    "date": {"date"},
    "country_code": {"string"},
    "currency_code": {"string"},
    "email": {"string"},
}
ROLES = {
    "administrations": ("Payt_administrations", "Payt_administrations", None, True),
    "payment_conditions": ("Payt_payment_conditions", "Payt_payment_conditions", None, True),
    "sales_entries": ("Payt_sales_entries_v12", "Payt_sales_entries", 12, True),
    "distribution_methods": ("Payt_distribution_methods", "Payt_distribution_methods", None, True),
    "sales_invoices": ("Payt_sales_invoices_for_cp_ordermanagement_v11",
                       "Payt_sales_invoices_for_cp_ordermanagement", 11, True),
    "subject_attachments": ("Payt_subject_attachments", "Payt_subject_attachments", None, True),
    "invoice_lines": ("Payt_Verkoopfactuurregels", "Payt_Verkoopfactuurregels", None, True),
    "verstrekking": ("Payt_verstrekking", "Payt_verstrekking", None, False),
}
TEXT = DEFAULT_REQUIREMENTS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def req() -> Requirements:
    return load_requirements()


@pytest.fixture(scope="module")
def healthy() -> Dataset:
    return build_config("healthy").dataset


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def table_for(conn: ConnectorRequirement, ds: Dataset) -> ConnectorTable:
    """The simulator table that plays this role: id or description starts with `match`."""
    base = _norm(conn.match)
    hits = [t for t in ds.connectors.values()
            if any(_norm(x) == base or _norm(x).startswith(base + "_")
                   for x in (t.id, t.description))]
    assert len(hits) == 1, (conn.role, [t.id for t in hits])
    return hits[0]


# --- the packaged default ---------------------------------------------------------------------

def test_default_loads_as_built_in(req: Requirements) -> None:
    assert req.origin == BUILT_IN
    assert req.schema_version == 1
    assert [c.role for c in req.connectors] == list(ROLES)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_connector_ids_and_versions(req: Requirements, role: str) -> None:
    connector, match, version, required = ROLES[role]
    conn = req.connector(role)
    assert (conn.connector, conn.match, conn.min_version, conn.required) == (
        connector, match, version, required)
    assert conn.title and conn.source == "guide"
    assert conn.sort and all(conn.field(s.removeprefix("-")) for s in conn.sort)
    assert all(f.description for f in conn.fields), "every field says what Payt does with it"


@pytest.mark.parametrize("role", sorted(ROLES))
def test_mandatory_fields_served_by_the_healthy_simulator(
    req: Requirements, healthy: Dataset, role: str
) -> None:
    conn = req.connector(role)
    table = table_for(conn, healthy)
    served = {f.id: f.data_type for f in table.fields}
    if conn.min_version is not None:
        assert table.id == conn.connector
    for want in conn.fields:
        if want.mandatory:
            assert want.name in served, f"{role}: mandatory {want.name} not served"
        if want.name in served:
            assert served[want.name] in COMPATIBLE[want.type], (role, want.name, want.type)


def test_only_debtor_name_is_absent_in_the_simulator(req: Requirements, healthy: Dataset) -> None:
    absent = {
        (c.role, f.name) for c in req.connectors for f in c.fields
        if f.name not in {x.id for x in table_for(c, healthy).fields}
    }
    assert absent == {("sales_entries", "debtor_name"), ("sales_invoices", "debtor_name")}


def test_sales_connectors_share_their_invoice_and_debtor_fields(req: Requirements) -> None:
    entries = {f.name: f for f in req.connector("sales_entries").fields}
    invoices = {f.name: f for f in req.connector("sales_invoices").fields}
    assert set(invoices) - set(entries) == {"order_number", "invoice_dossier_item_extra"}
    assert all(invoices[name] == field for name, field in entries.items())
    mandatory = {n for n, f in entries.items() if f.mandatory}
    assert mandatory == {
        "administration_code", "invoice_number", "invoice_date", "invoice_due_date",
        "invoice_total_amount_inc_vat", "invoice_open_amount_inc_vat", "debtor_code",
        "debtor_post_street_1", "debtor_post_postalcode", "debtor_post_city",
        "debtor_post_country_code",
    }
    assert entries["invoice_number"].source == entries["invoice_date"].source == "guide"
    assert invoices["invoice_dossier_item_extra"].type == "integer"


def test_verstrekking_is_optional_and_all_its_fields_too(req: Requirements) -> None:
    conn = req.connector("verstrekking")
    assert not conn.required and conn.expect_rows
    assert not any(f.mandatory for f in conn.fields)


def test_rules(req: Requirements) -> None:
    rules = req.rules
    by_code = {r.code: r for r in rules.any_of}
    assert by_code["debtor.name_missing"].roles == ("sales_entries", "sales_invoices")
    assert by_code["debtor.name_missing"].per == ()
    assert "debtor_name" in by_code["debtor.name_missing"].fields
    assert by_code["debtor.no_email"].roles == ("sales_entries",)
    assert by_code["debtor.no_email"].per == ("administration_code", "debtor_code")
    assert by_code["debtor.no_email"].also_in == ("distribution_methods", "verstrekking")
    assert [(d.earlier, d.later) for d in rules.date_order] == [
        ("invoice_date", "invoice_due_date")]
    assert rules.unique[0].fields == ("administration_code", "invoice_number")
    refs = {r.code: r for r in rules.references}
    assert refs["reference.unknown_administration"].roles == (
        "sales_entries", "sales_invoices", "invoice_lines")
    assert refs["reference.unknown_payment_condition"].target_field == "payment_condition_code"
    att = rules.attachments
    assert att is not None
    assert (att.link_field, att.target_role, att.subject_field, att.file_field, att.fetch) == (
        "invoice_dossier_item_extra", "subject_attachments", "subject_id", "file_id", 1)


def test_the_requirements_are_data_not_code() -> None:
    """The default is found through importlib.resources, so a frozen bundle finds it too."""
    assert DEFAULT_REQUIREMENTS.is_file()
    assert "[[connectors]]" in TEXT


# --- loading a file -----------------------------------------------------------------------------

def test_load_from_a_path_records_the_path(tmp_path: Path) -> None:
    path = tmp_path / "eigen.toml"
    path.write_text(TEXT.replace('title = "Administraties"', 'title = "Admins"'), "utf-8")
    req = load_requirements(path)
    assert req.origin == str(path)
    assert req.connector("administrations").title == "Admins"
    assert load_requirements(str(path)).origin == str(path)


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert len(load_requirements(path).connectors) == len(ROLES)


def _line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth]


def _fails(text: str) -> RequirementsError:
    with pytest.raises(RequirementsError) as caught:
        parse_requirements(text, "klant.toml")
    assert "klant.toml" in caught.value.text(LANGUAGE) and "klant.toml" in str(caught.value)
    assert caught.value.origin == "klant.toml"
    return caught.value


ALL_TYPES = "text, integer, decimal, boolean, date, country_code, currency_code, email"


def _said(message_id: MessageId, **values: object) -> Localized:
    return Localized(message_id, values)


def _found(problem: Localized, value: str) -> Localized:
    return _said("requirements.found", problem=problem, value=value)


Edit = Callable[[str], str]


def _swap(old: str, new: str, count: int = 1) -> Edit:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)
    return edit


CASES: dict[str, tuple[Edit, str | tuple[str, int], str | None, Localized | MessageId]] = {
    # name: (edit, the line holding this text (or its nth occurrence) in the edited file, key,
    # the problem as the message says it (or only the message's id, when its values are
    # TOML's own words))
    "wrong type": (
        _swap('"invoice_due_date", type = "date"', '"invoice_due_date", type = "txt"'),
        'type = "txt"', "connectors[2].fields[3].type",
        _said("requirements.not_one_of", value="'txt'", expected="text, integer, decimal, "
              "boolean, date, country_code, currency_code, email")),
    "unknown connector key": (
        _swap('role = "payment_conditions"\n', 'role = "payment_conditions"\nexpect = 1\n'),
        "expect = 1", "connectors[1].expect", _said(
            "requirements.unknown_key.allowed", key="'expect'",
            allowed="role, title, title_en, connector, match, min_version, required, "
            "expect_rows, sort, source, fields")),
    "unknown field key": (
        _swap('{ name = "file_id", type = "text", mandatory',
              '{ name = "file_id", type = "text", mandtory'),
        "mandtory", "connectors[5].fields[2].mandtory", _said(
            "requirements.unknown_key.allowed", key="'mandtory'",
            allowed="name, type, mandatory, source, description")),
    "bad boolean": (
        _swap("required = false", 'required = "nee"'), 'required = "nee"',
        "connectors[7].required", _found(_said("requirements.not_bool"), "'nee'")),
    "missing key": (
        # Points at the block's header; the first "[[connectors]]" is in a comment.
        _swap('title = "Dossierbijlagen"\n', ""), ("[[connectors]]", 6),
        "connectors[5].title", _said("requirements.missing")),
    "duplicate field": (
        _swap('  { name = "administration_origin_id"',
              '  { name = "administration_name", type = "text", source = "guide" },\n'
              '  { name = "administration_origin_id"'),
        'name = "administration_name", type = "text", source = "guide" }', "connectors[0]",
        _said("requirements.field_twice", names="administration_name")),
    "duplicate role": (
        _swap('role = "verstrekking"', 'role = "invoice_lines"'), ('role = "invoice_lines"', 1),
        None, _said("requirements.role_twice", names="invoice_lines")),
    "rule names an unknown role": (
        _swap('roles = ["sales_entries"]\n', 'roles = ["verkoop"]\n'), '["verkoop"]', None,
        _said("requirements.roles_unknown", names="verkoop")),
    "rule looks in an unknown role": (
        _swap('also_in = ["distribution_methods", "verstrekking"]',
              'also_in = ["distribution_methods", "digitaal"]'), '"digitaal"]', None,
        _said("requirements.roles_unknown", names="digitaal")),
    "rule names an unknown field": (
        _swap('"debtor_code"]\nalso_in', '"debiteur"]\nalso_in'), '"debiteur"]',
        "rules.any_of[1].per",
        _said("requirements.not_a_field", name="'debiteur'", role="'sales_entries'")),
    "rule code": (
        _swap('code = "debtor.no_email"', 'code = "debtor.geen_email"'), "debtor.geen_email",
        "rules.any_of[1].code", _said("requirements.not_one_of", value="'debtor.geen_email'",
                                      expected="debtor.name_missing, debtor.no_email")),
    "sort names an unknown field": (
        _swap('sort = ["subject_id", "attachment_id"]', 'sort = ["subject_id", "bijlage"]'),
        '"bijlage"', "connectors[5]", _said("requirements.sort_unknown", names="bijlage")),
    "fetch out of range": (
        _swap("fetch = 1", "fetch = 9"), "fetch = 9", "rules.attachments.fetch",
        _found(_said("requirements.too_large", limit=5), "9")),
    "newer schema": (
        _swap("schema_version = 1", "schema_version = 2"), "schema_version = 2", "schema_version",
        _said("requirements.newer_schema", line=0, version=2, supported=1)),
    "toml syntax": (
        _swap("fetch = 1", "fetch = "), "fetch =", None, "requirements.not_toml"),
    "toml duplicate key": (
        _swap('match = "Payt_verstrekking"\n', 'match = "Payt_verstrekking"\nmatch = "x"\n'),
        'match = "x"', None, "requirements.not_toml"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_mistakes_name_line_key_and_fix(case: str) -> None:
    edit, needle, key, problem = CASES[case]
    text = edit(TEXT)
    error = _fails(text)
    message = error.text(LANGUAGE)
    line = _line_of(text, needle) if isinstance(needle, str) else _line_of(text, *needle)
    assert error.line == line, message
    if key is not None:
        assert error.key == key
    if isinstance(problem, str):  # TOML's own words: the message's, and the line
        assert says(message, problem), message
        before_line = template(problem, LANGUAGE).partition("{line}")[0]  # "regel "
        assert f"{before_line}{line}," in message, message
    elif problem.id == "requirements.newer_schema":
        assert Localized(problem.id, {**problem.values, "line": line}).render(LANGUAGE) in message
    else:  # one mistake, on its line, with its key when the mistake has one
        shown = _said("requirements.line.key", line=line, key=key, problem=problem) if key \
            else _said("requirements.line", line=line, problem=problem)
        assert shown.render(LANGUAGE) in message.splitlines(), message
        assert says(message, "requirements.mistakes"), message
    assert str(error) == error.text("en") != message  # English for the log


def test_several_mistakes_are_listed_together() -> None:
    text = TEXT.replace('type = "decimal"', 'type = "getal"')  # 9 fields
    error = _fails(text)
    first = said("requirements.mistakes", origin="klant.toml", count=9, problems="")
    assert error.text(LANGUAGE).startswith(first.partition("\n")[0] + "\n")  # "… 9 fouten:"
    wrong = said("requirements.not_one_of", value="'getal'", expected=ALL_TYPES)
    assert error.text(LANGUAGE).count(wrong) == 9
    assert error.line == _line_of(text, '"getal"')
    text = TEXT.replace('type = "text"', 'type = "tekst"')
    error = _fails(text)
    wrong = said("requirements.not_one_of", value="'tekst'", expected=ALL_TYPES)
    assert error.text(LANGUAGE).count(wrong) == 10  # shown; the rest counted
    more = text.count('type = "tekst"') - 10
    assert error.text(LANGUAGE).splitlines()[-2] == said("requirements.more", count=more)


def test_array_of_tables_form_is_located_too() -> None:
    text = (
        'schema_version = 1\n'
        '[[connectors]]\n'
        'role = "a"\ntitle = "A"\nconnector = "A"\nmatch = "A"\nsource = "guide"\n'
        '[[connectors.fields]]\nname = "x"\ntype = "text"\nsource = "guide"\n'
        '[[connectors.fields]]\nname = "y"\n'
        'type = "txt"\n'
        'source = "guide"\n'
    )
    error = _fails(text)
    assert error.line == 14 and error.key == "connectors[0].fields[1].type"
    assert said("requirements.mistakes", origin="klant.toml", count=1, problems="").partition(
        "\n")[0] in error.text(LANGUAGE)  # "… bevat 1 fout:"
    fixed = parse_requirements(text.replace('"txt"', '"date"'), "own.toml")
    assert [f.type for f in fixed.connectors[0].fields] == ["text", "date"]


@pytest.mark.parametrize("kind", ["missing", "folder", "not utf-8"])
def test_unreadable_files(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "req.toml"
    if kind == "folder":
        path.mkdir()
    elif kind == "not utf-8":
        path.write_bytes(b"schema_version = 1\n# caf\xe9\n")
    with pytest.raises(RequirementsError) as caught:
        load_requirements(path)
    why = {"missing": _said("requirements.not_found"), "folder": _said("requirements.is_folder"),
           "not utf-8": _said("requirements.not_utf8", line=2)}[kind]
    assert caught.value.text(LANGUAGE) == said("requirements.error", origin=str(path), why=why)


def test_unreadable_for_lack_of_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "req.toml"
    path.write_text(TEXT, "utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(RequirementsError) as caught:
        load_requirements(path)
    assert caught.value.text(LANGUAGE) == said("requirements.error", origin=str(path),
                                               why=_said("requirements.no_permission"))


def test_an_empty_connector_list_is_a_mistake() -> None:
    error = _fails("schema_version = 1\nconnectors = []\n")
    assert (error.line, error.key) == (2, "connectors")
    assert said("requirements.line.key", line=2, key="connectors",
                problem=_said("requirements.empty")) in error.text(LANGUAGE).splitlines()
