"""Invoice PDFs: invoices link to dossier items, whose files come through AppConnectorSubject."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.filters import Filter, Op
from payt_onboarding.checks.connector import ConnectorOutcome
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.checks.findings import make_finding, no_files_detail
from payt_onboarding.checks.rules import LOOKUP
from payt_onboarding.checks.values import is_empty, shown
from payt_onboarding.report.model import Finding
from payt_onboarding.requirements.model import AttachmentRule
from payt_onboarding.vocabulary import Code, Language

PDF_MAGIC = b"%PDF-"


async def check_attachments(
    client: AfasClient,
    rule: AttachmentRule,
    outcomes: Mapping[str, ConnectorOutcome],
    *,
    language: Language,
) -> list[Finding]:
    """Needs the invoice connectors' first links and the attachments connector's fields, not
    their every row: the engine starts it as soon as those are there (and keeps its findings
    only if those connectors finish reading)."""
    target = outcomes.get(rule.target_role)
    invoices = [o for role in rule.roles if (o := outcomes.get(role)) and o.read is not None]
    if not invoices or target is None or target.read is None:
        return []  # a connector the rule needs failed: that is reported already
    # Each connector keeps its first LOOKUP distinct links: together they hold the first
    # LOOKUP distinct ones of all invoices, in order.
    linked = list(dict.fromkeys(
        link for o in invoices if o.read is not None for link in o.read.links))[:LOOKUP]
    source = invoices[0].connector_id
    where: dict[str, Any] = {"role": target.requirement.role,
                             "connector_id": target.connector_id}
    if not linked:
        found = [make_finding(Code.ATTACHMENTS_NONE_LINKED, language=language,
                              role=invoices[0].requirement.role, connector_id=source,
                              field=rule.link_field, connector=source,
                              target=target.connector_id)]
        # Nothing to fetch, but whether AppConnectorSubject is there can still be asked.
        return found + await _probe(client, language, where)

    subject_id = _afas_id(target, rule.subject_field)
    file_id = _afas_id(target, rule.file_field)
    if subject_id is None or file_id is None:
        return []  # field.missing on the attachments connector says it
    name_id = _afas_id(target, rule.name_field) if rule.name_field else None
    url = client.environment.base_url
    try:
        rows = await _files_of(client, target.connector_id, subject_id, linked)
    except AfasError as error:
        return [finding_for_error(error, language=language, url=url, **where)]
    if rows is None:
        return []  # link values AFAS cannot take in a filter: nothing can be looked up
    rows = [r for r in rows if not is_empty(r.get(subject_id)) and not is_empty(r.get(file_id))]
    if not rows:
        return [make_finding(
            Code.ATTACHMENTS_NOT_AUTHORIZED, language=language, count=len(linked),
            examples=linked, detail=no_files_detail(language, len(linked), target.connector_id),
            **where)]
    # A dossier item may also hold a UBL file or a work order: try the PDFs first.
    rows.sort(key=lambda r: not str(r.get(name_id) or "").strip().lower().endswith(".pdf")
              if name_id else False)
    found = []
    for row in rows[: rule.fetch]:
        subject, file = str(row[subject_id]), str(row[file_id])
        try:
            attachment = await client.subject_attachment(subject, file)
        except AfasError as error:
            found.append(finding_for_error(error, language=language, url=url, **where))
            break
        # The bytes decide: a PDF served as application/octet-stream is still a PDF.
        if not attachment.data.startswith(PDF_MAGIC):
            found.append(make_finding(
                Code.ATTACHMENTS_NOT_PDF, language=language, examples=[f"{subject}/{file}"],
                filename=shown(attachment.filename), mimetype=shown(attachment.mimetype, 100),
                connector=target.connector_id, **where))
    return found


async def _files_of(
    client: AfasClient, connector_id: str, subject_id: str, values: list[str]
) -> list[dict[str, Any]] | None:
    """The attachment rows of these dossier items; fewer items when the query would be too
    long for AFAS, None when even one is."""
    for count in (len(values), 1):
        groups = [[Filter(subject_id, Op.EQUAL, value)] for value in values[:count]]
        try:
            page = await client.rows(connector_id, take=LOOKUP * 5, filters=groups,
                                     order_by=[subject_id])
        except ValueError:
            continue
        return list(page.rows)
    return None


async def _probe(client: AfasClient, language: Language, where: dict[str, Any]) -> list[Finding]:
    try:
        await client.subject_attachment("0", "0")
    except AfasError as error:
        if error.code == Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING:
            return [finding_for_error(error, language=language,
                                      url=client.environment.base_url, **where)]
    return []  # a 404 for dossier item 0 is the expected answer: the connector is there


def _afas_id(outcome: ConnectorOutcome, payt_field: str) -> str | None:
    for plan in outcome.planned:
        if plan.name == payt_field and plan.afas is not None:
            return plan.afas.id
    return None
