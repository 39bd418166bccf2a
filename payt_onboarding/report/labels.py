"""The words the report renderers print, in Dutch (the default) and English.

Finding messages and hints come from the finding catalog; this holds only the report's own
chrome: verdicts, statuses, headings and units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from payt_onboarding.requirements.outline import BUILT_IN
from payt_onboarding.vocabulary import Language


@dataclass(frozen=True)
class Labels:
    lang: Language
    product: str
    title: str
    verdicts: Mapping[str, str]
    statuses: Mapping[str, str]  # connector and field statuses share one vocabulary
    severities: Mapping[str, str]  # one word: "fout"
    severity_headings: Mapping[str, str]  # a section heading: "Fouten"
    environments: Mapping[str, str]
    sources: Mapping[str, str]  # where a Payt field requirement comes from
    count_forms: Mapping[str, tuple[str, str]]  # severity: (singular, plural)
    target: Mapping[str, str]  # labels of the target and run facts
    connector: Mapping[str, str]  # labels of a connector section and its field table
    target_heading: str
    sample_per_connector: str  # "{}" takes the number of rows
    cancelled: str
    summary: str
    connectors: str
    findings: str
    no_findings: str
    no_connectors: str
    hint: str
    count: str
    examples: str
    mandatory: str
    optional: str
    unknown: str
    no_expiry: str
    to_findings: str
    none_checked: str
    built_in: str
    none: str
    yes: str
    no: str
    rows: tuple[str, str]
    all_rows: str
    judged_on: str  # "{}" takes the number of rows a new mapping was judged on
    made_with: str
    # What was tested (target.auth), and the OAuth access token's lifetime and method.
    auth_kinds: Mapping[str, str]
    lifetime_text: str
    # Added: a re-check of a profile against its last validation ("{}" takes its date).
    since_heading: str
    since_verdict: str  # "{}" takes that validation's verdict
    nothing_changed: str


def _verdicts(ready: str, warnings: str, not_ready: str) -> dict[str, str]:
    return {"ready": ready, "ready_with_warnings": warnings, "not_ready": not_ready}


NL = Labels(
    lang="nl",
    product="Payt-onboarding",
    title="Controle AFAS-koppeling voor Payt",
    verdicts=_verdicts("Klaar voor Payt", "Klaar, met waarschuwingen", "Niet klaar"),
    statuses={
        "ok": "in orde",
        "mapped": "gekoppeld",
        "missing": "ontbreekt",
        "type_mismatch": "verkeerd type",
        "empty": "leeg",
        "skipped": "overgeslagen",
        "warning": "waarschuwing",
        "error": "fout",
    },
    severities={"error": "fout", "warning": "waarschuwing", "info": "info"},
    severity_headings={"error": "Fouten", "warning": "Waarschuwingen", "info": "Ter informatie"},
    environments={"production": "productie", "test": "test", "accept": "acceptatie"},
    sources={
        "guide": "AFAS-handleiding van Payt",
        "payt-docs": "Payt-documentatie",
        "reconstructed": "gereconstrueerd",
    },
    count_forms={
        "error": ("fout", "fouten"),
        "warning": ("waarschuwing", "waarschuwingen"),
        "info": ("melding ter informatie", "meldingen ter informatie"),
    },
    target={
        "uid": "Omgevingsnummer",
        "environment": "Omgevingstype",
        "base_url": "Adres (basis-URL)",
        "app_name": "AppConnector",
        "user_group": "Gebruikersgroep",
        "envid": "Omgevings-ID",
        "token_expiry": "Token geldig tot",
        "auth": "Getest met",
        "checked_at": "Gecontroleerd op",
        "duration": "Duur controle",
        "sample": "Steekproef",
        "requirements": "Payt-eisen",
        "tool": "Versie",
    },
    connector={
        "connector_id": "Connector",
        "expected": "Verwachte connector",
        "status": "Status",
        "required": "Nodig",
        "rows": "Rijen bekeken",
        "duration": "Duur",
        "payt_field": "Payt-veld",
        "afas_field": "AFAS-veld",
        "type": "Type",
        "fill_rate": "Gevuld",
        "samples": "Voorbeeldwaarden",
        "no_fields": "Geen velden gecontroleerd.",
        "caption": "Velden van {}",
        "afas_fields": "Velden die deze connector in AFAS aanbiedt",
    },
    target_heading="Omgeving en controle",
    sample_per_connector="{} per connector",
    cancelled="Controle afgebroken: onvolledig resultaat",
    summary="Samenvatting",
    connectors="Connectoren",
    findings="Bevindingen",
    no_findings="Geen bevindingen: alles wat Payt nodig heeft is aanwezig.",
    no_connectors="Er zijn geen connectoren gecontroleerd.",
    hint="Wat te doen",
    count="Aantal",
    examples="Voorbeelden",
    mandatory="verplicht",
    optional="optioneel",
    unknown="onbekend",
    no_expiry="geen vervaldatum",
    auth_kinds={"classic_token": "klassiek token",
                "oauth_client_secret": "OAuth-client met client-secret",
                "oauth_private_key_jwt": "OAuth-client met private key"},
    lifetime_text="toegangstoken {lifetime} geldig, {method}",
    to_findings="naar de bevindingen en wat te doen",
    none_checked="Geen enkele connector is getest: de controle stopte voordat AFAS de "
    "connectoren liet zien.",
    built_in="ingebouwd in deze versie",
    none="geen",
    yes="ja",
    no="nee",
    rows=("rij", "rijen"),
    all_rows="alle rijen",
    judged_on="koppeling beoordeeld op de eerste {}",
    made_with="Gemaakt met",
    since_heading="Sinds de laatste validatie ({})",
    since_verdict="Oordeel bij die validatie: {}",
    nothing_changed="Niets veranderd: dezelfde connectoren, velden, bevindingen en vervaldatum.",
)

EN = Labels(
    lang="en",
    product="Payt onboarding",
    title="AFAS connection check for Payt",
    verdicts=_verdicts("Ready for Payt", "Ready, with warnings", "Not ready"),
    statuses={
        "ok": "ok",
        "mapped": "mapped",
        "missing": "missing",
        "type_mismatch": "wrong type",
        "empty": "empty",
        "skipped": "skipped",
        "warning": "warning",
        "error": "error",
    },
    severities={"error": "error", "warning": "warning", "info": "info"},
    severity_headings={"error": "Errors", "warning": "Warnings", "info": "For information"},
    environments={"production": "production", "test": "test", "accept": "acceptance"},
    sources={
        "guide": "Payt AFAS guide",
        "payt-docs": "Payt documentation",
        "reconstructed": "reconstructed",
    },
    count_forms={
        "error": ("error", "errors"),
        "warning": ("warning", "warnings"),
        "info": ("note", "notes"),
    },
    target={
        "uid": "Environment number",
        "environment": "Environment type",
        "base_url": "Address (base URL)",
        "app_name": "AppConnector",
        "user_group": "User group",
        "envid": "Environment ID",
        "token_expiry": "Token valid until",
        "auth": "Tested with",
        "checked_at": "Checked at",
        "duration": "Check took",
        "sample": "Sample",
        "requirements": "Payt requirements",
        "tool": "Version",
    },
    connector={
        "connector_id": "Connector",
        "expected": "Expected connector",
        "status": "Status",
        "required": "Needed",
        "rows": "Rows read",
        "duration": "Duration",
        "payt_field": "Payt field",
        "afas_field": "AFAS field",
        "type": "Type",
        "fill_rate": "Filled",
        "samples": "Sample values",
        "no_fields": "No fields checked.",
        "caption": "Fields of {}",
        "afas_fields": "Fields this connector offers in AFAS",
    },
    target_heading="Environment and check",
    sample_per_connector="{} per connector",
    cancelled="Check cancelled: incomplete result",
    summary="Summary",
    connectors="Connectors",
    findings="Findings",
    no_findings="No findings: everything Payt needs is present.",
    no_connectors="No connectors were checked.",
    hint="What to do",
    count="Count",
    examples="Examples",
    mandatory="mandatory",
    optional="optional",
    unknown="unknown",
    no_expiry="no expiry date",
    auth_kinds={"classic_token": "classic token",
                "oauth_client_secret": "OAuth client with client secret",
                "oauth_private_key_jwt": "OAuth client with private key"},
    lifetime_text="access token valid {lifetime}, {method}",
    to_findings="to the findings and what to do",
    none_checked="No connector was tested: the check stopped before AFAS listed the "
    "connectors.",
    built_in="built into this version",
    none="none",
    yes="yes",
    no="no",
    rows=("row", "rows"),
    all_rows="all rows",
    judged_on="mapping judged on the first {}",
    made_with="Made with",
    since_heading="Since the last validation ({})",
    since_verdict="Verdict at that validation: {}",
    nothing_changed="Nothing changed: the same connectors, fields, findings and expiry.",
)

_BY_LANGUAGE: Mapping[str, Labels] = {"nl": NL, "en": EN}


def labels_for(language: str) -> Labels:
    """The labels of `language`; Dutch for anything else, as Dutch is the product's default."""
    return _BY_LANGUAGE.get(language, NL)


def counted(labels: Labels, severity: str, n: int) -> str:
    singular, plural = labels.count_forms[severity]
    return f"{n} {singular if n == 1 else plural}"


def rows_text(labels: Labels, n: int) -> str:
    return f"{n} {labels.rows[0] if n == 1 else labels.rows[1]}"


def percent(rate: float | None) -> str:
    """A fill rate as a whole percentage that never rounds a gap away: 99.6% shows as 99%."""
    if rate is None:
        return "—"
    value = round(rate * 100)
    if value == 100 and rate < 1:
        value = 99
    elif value == 0 and rate > 0:
        value = 1
    return f"{value}%"


def duration(labels: Labels, ms: float) -> str:
    if ms < 1000:
        return f"{ms:.0f} ms"
    seconds = f"{ms / 1000:.1f}"
    return f"{seconds.replace('.', ',') if labels.lang == 'nl' else seconds} s"


def expiry(labels: Labels, raw: str | None) -> str:
    """The token's expiry as AFAS states it: "0" means the token never expires."""
    return labels.no_expiry if raw is not None and raw.strip() == "0" else when(labels, raw)


def tested_with(labels: Labels, auth: str | None, method: str | None,
                lifetime: int | None) -> str:
    """The credentials tested, in words; for OAuth the access token's lifetime and method."""
    kind = labels.auth_kinds.get(auth or "", labels.unknown)
    if lifetime is None:
        return kind
    shown = f"{round(lifetime / 60)} min" if lifetime >= 120 else f"{lifetime} s"
    return f"{kind} ({labels.lifetime_text.format(lifetime=shown, method=method)})"


def days_left(raw: str | None, today: date | None = None) -> int | None:
    """Calendar days until a tokenExpiry date (negative: past); None for "0" (never) or what is
    not a date (AFAS's format is not settled, reference section 3)."""
    if not raw or raw.strip() == "0":
        return None
    try:
        moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment.date() - (today or date.today())).days


def origin(labels: Labels, requirements: str) -> str:
    """Where the Payt requirements came from: a file path, or the ones shipped with the tool."""
    return labels.built_in if requirements == BUILT_IN else requirements


def when(labels: Labels, iso: str | None) -> str:
    """An ISO 8601 moment in this computer's time zone, the way the reader writes it, with the
    zone named; raw if unparsable. (The JSON report keeps the ISO text with its offset.)"""
    if not iso:
        return labels.unknown
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        return moment.strftime(_DATE_TIME[labels.lang])
    local = moment.astimezone()
    return f"{local.strftime(_DATE_TIME[labels.lang])} {_zone(local)}"


_DATE = {"nl": "%d-%m-%Y", "en": "%Y-%m-%d"}
_DATE_TIME = {"nl": "%d-%m-%Y %H:%M", "en": "%Y-%m-%d %H:%M"}
_TRUE = {"true", "1", "yes", "ja", "waar"}
_FALSE = {"false", "0", "no", "nee", "onwaar"}


def _zone(moment: datetime) -> str:
    """CET, CEST, UTC; Windows names its zones in long words, so then the offset instead."""
    name = moment.tzname() or ""
    if name and len(name) <= 5:
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def sample_text(labels: Labels, sample: str, payt_type: str | None) -> str:
    """A sampled AFAS value as the reader writes it: a date as a date, an amount with the
    reader's separators, a boolean as yes or no. Anything else, or what does not parse, as
    AFAS sent it."""
    if payt_type == "date":
        try:
            moment = datetime.fromisoformat(sample.strip().replace("Z", "+00:00"))
        except ValueError:
            return sample
        if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
            return moment.strftime(_DATE[labels.lang])  # AFAS sends dates as midnight
        return moment.strftime(_DATE_TIME[labels.lang])
    if payt_type == "decimal":
        try:
            amount = Decimal(sample.strip())
        except InvalidOperation:
            return sample
        exponent = amount.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        written = f"{amount:,.{places}f}"
        return written.translate(_NL_SEPARATORS) if labels.lang == "nl" else written
    if payt_type == "boolean":
        word = sample.strip().lower()
        return labels.yes if word in _TRUE else labels.no if word in _FALSE else sample
    return sample


_NL_SEPARATORS = str.maketrans({",": ".", ".": ","})
