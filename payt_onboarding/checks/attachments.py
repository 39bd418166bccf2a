"""Invoice PDFs: invoices link to dossier items, whose files come through AppConnectorSubject."""

from __future__ import annotations

from collections.abc import Mapping

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.filters import Filter, Op
from payt_onboarding.checks.catalog import make_finding
from payt_onboarding.checks.connector import ConnectorOutcome
from payt_onboarding.checks.failures import finding_for_error
from payt_onboarding.checks.values import is_empty, shown
from payt_onboarding.codes import Code
from payt_onboarding.report.model import Finding, Language
from payt_onboarding.requirements.model import AttachmentRule

LOOKUP = 10  # linked dossier items looked up in the attachments connector
PDF_MAGIC = b"%PDF-"


async def check_attachments(
    client: AfasClient,
    rule: AttachmentRule,
    outcomes: Mapping[str, ConnectorOutcome],
    *,
    language: Language,
) -> list[Finding]:
    target = outcomes.get(rule.target_role)
    invoices = [o for role in rule.roles if (o := outcomes.get(role)) and o.data is not None]
    if not invoices or target is None or not target.finished:
        return []  # a connector the rule needs failed: that is reported already
    linked: list[str] = []
    for outcome in invoices:
        assert outcome.data is not None
        for row in outcome.data.rows:
            value = row.get(rule.link_field)
            if not is_empty(value) and shown(value) not in linked:
                linked.append(shown(value))
    source = invoices[0].connector_id
    if not linked:
        found = [make_finding(Code.ATTACHMENTS_NONE_LINKED, language=language,
                              role=invoices[0].requirement.role, connector_id=source,
                              field=rule.link_field, connector=source,
                              target=target.connector_id)]
        # Nothing to fetch, but whether AppConnectorSubject is there can still be asked.
        return found + await _probe(client, language, client.environment.base_url)

    subject_id = _afas_id(target, rule.subject_field)
    file_id = _afas_id(target, rule.file_field)
    if subject_id is None or file_id is None:
        return []  # field.missing on the attachments connector says it
    groups = [[Filter(subject_id, Op.EQUAL, value)] for value in linked[:LOOKUP]]
    try:
        page = await client.rows(target.connector_id, take=LOOKUP * 5, filters=groups,
                                 order_by=[subject_id])
    except AfasError as error:
        return [finding_for_error(error, language=language, url=client.environment.base_url,
                                  role=target.requirement.role, connector_id=target.connector_id)]
    files = [(r.get(subject_id), r.get(file_id)) for r in page.rows]
    files = [(s, f) for s, f in files if not is_empty(s) and not is_empty(f)]
    if not files:
        return [make_finding(
            Code.ATTACHMENTS_NOT_AUTHORIZED, language=language, role=target.requirement.role,
            connector_id=target.connector_id, examples=linked[:LOOKUP],
            detail=f"{rule.link_field} → {target.connector_id}: 0 / {min(len(linked), LOOKUP)}",
        )]
    found = []
    for subject, file in files[: rule.fetch]:
        try:
            attachment = await client.subject_attachment(str(subject), str(file))
        except AfasError as error:
            return [finding_for_error(error, language=language,
                                      url=client.environment.base_url,
                                      role=target.requirement.role,
                                      connector_id=target.connector_id)]
        if attachment.mimetype != "application/pdf" or not attachment.data.startswith(PDF_MAGIC):
            found.append(make_finding(
                Code.ATTACHMENTS_NOT_PDF, language=language, role=target.requirement.role,
                connector_id=target.connector_id, examples=[f"{subject}/{file}"],
                filename=shown(attachment.filename), mimetype=shown(attachment.mimetype),
            ))
    return found


async def _probe(client: AfasClient, language: Language, url: str) -> list[Finding]:
    try:
        await client.subject_attachment("0", "0")
    except AfasError as error:
        if error.code == Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING:
            return [finding_for_error(error, language=language, url=url)]
    return []  # a 404 for dossier item 0 is the expected answer: the connector is there


def _afas_id(outcome: ConnectorOutcome, payt_field: str) -> str | None:
    for plan in outcome.planned:
        if plan.name == payt_field and plan.afas is not None:
            return plan.afas.id
    return None
