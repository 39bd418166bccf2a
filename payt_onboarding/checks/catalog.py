"""Every finding's severity, message and hint, in Dutch and English, keyed by finding code.

Messages say what is wrong in plain words; hints say what to do, with the AFAS menu path where
an AFAS setting is the cause. Templates use `str.format` fields; `PARAMS` lists the fields each
code's templates may use, and the engine passes exactly those. A format spec with a bar chooses
singular or plural: "{count:factuur|facturen}" reads "1 factuur", "3 facturen".
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from payt_onboarding.checks.values import shown
from payt_onboarding.report.model import MAX_EXAMPLES, Finding
from payt_onboarding.vocabulary import Code, Language, Severity

EXAMPLE_LENGTH = 120


@dataclass(frozen=True)
class Entry:
    severity: Severity
    message: Mapping[str, str]  # language -> template
    hint: Mapping[str, str]


# AFAS menu paths (Dutch UI, English UI). <AppConnector> is the AppConnector made for Payt.
_APP_NL = "Algemeen → Beheer → AppConnector → <AppConnector>"
_APP_EN = "General → Management → AppConnector → <AppConnector>"
ADD_GETCONNECTOR = {"nl": f"{_APP_NL} → GetConnectors → Nieuw",
                    "en": f"{_APP_EN} → GetConnectors → New"}
IMPORT_GETCONNECTORS = {
    "nl": "Algemeen → Output → Beheer → GetConnector → (rechtermuisklik) Acties → Importeren",
    "en": "General → Output → Management → GetConnector → (right-click) Actions → Import",
}
GETCONNECTORS = {"nl": "Algemeen → Output → Beheer → GetConnector",
                 "en": "General → Output → Management → GetConnector"}
ADD_SUBJECT = {"nl": f"{_APP_NL} → Connectoren → Nieuw → AppConnectorSubject",
               "en": f"{_APP_EN} → Connectors → New → AppConnectorSubject"}
TOKENS = {"nl": f"{_APP_NL} → Onderhoud door klant → Gebruikerstokens",
          "en": f"{_APP_EN} → Maintenance by client → User tokens"}
ALL_ADMINISTRATIONS = {"nl": "Algemeen → Administratie → Filters → Alle administraties",
                       "en": "General → Administration → Filters → All administrations"}
ALL_DOSSIER_ITEMS = {"nl": "CRM → Dossier → Filters → CRM - Dossieritems → Alle dossieritems",
                     "en": "CRM → Dossier → Filters → CRM - Dossier items → All dossier items"}
ALL_DEFINITIONS = {
    "nl": "Algemeen → Beheer → Definitie → Filters → Algemeen - definitie uitvoeren → Alle rechten",
    "en": "General → Management → Definition → Filters → General - execute definition → "
          "All rights",
}


def _e(severity: Severity, nl: tuple[str, str], en: tuple[str, str]) -> Entry:
    """An entry from (message, hint) per language."""
    return Entry(severity, MappingProxyType({"nl": nl[0], "en": en[0]}),
                 MappingProxyType({"nl": nl[1], "en": en[1]}))


_CONNECTOR_MISSING_OPTIONAL = _e(
    "info",
    ("De optionele GetConnector {connector} ({title}) staat niet in de AppConnector.",
     "Niet nodig voor de koppeling. Wil de klant wat {title} levert wel gebruiken, importeer "
     f"{{connector}} dan via {IMPORT_GETCONNECTORS['nl']} en voeg hem toe via "
     f"{ADD_GETCONNECTOR['nl']}."),
    ("The optional GetConnector {connector} ({title}) is not in the AppConnector.",
     "Not needed for the connection. If the client wants what {title} provides, import "
     f"{{connector}} via {IMPORT_GETCONNECTORS['en']} and add it via {ADD_GETCONNECTOR['en']}."),
)

CATALOG: Mapping[Code, Entry] = MappingProxyType({
    Code.CONNECTION_UNREACHABLE: _e(
        "error",
        ("AFAS is niet bereikbaar op {url}: {detail}.",
         "Controleer het omgevingsnummer en de omgeving (productie, test of acceptatie) en de "
         "internetverbinding. Zit er een VPN, proxy of firewall tussen, vraag de systeembeheerder "
         "dan om {url} toe te staan."),
        ("AFAS cannot be reached at {url}: {detail}.",
         "Check the environment number and type (production, test or accept) and the internet "
         "connection. Behind a VPN, proxy or firewall, ask IT to allow {url}."),
    ),
    Code.CONNECTION_TLS_FAILED: _e(
        "error",
        ("De beveiligde verbinding met {url} is mislukt: {detail}.",
         "Meestal vangt een bedrijfsproxy of virusscanner het verkeer af met een eigen "
         "certificaat. Vraag de systeembeheerder om {url} uit te zonderen of dat certificaat te "
         "vertrouwen, en controleer datum en tijd van deze computer."),
        ("The secure connection to {url} failed: {detail}.",
         "Usually a company proxy or virus scanner intercepts the traffic with its own "
         "certificate. Ask IT to exempt {url} or trust that certificate, and check this "
         "computer's date and time."),
    ),
    Code.CONNECTION_TIMEOUT: _e(
        "error",
        ("AFAS gaf geen antwoord binnen de tijdslimiet, ook niet na meerdere pogingen ({url}).",
         "Probeer het over een paar minuten opnieuw. Blijft het zo, controleer dan de "
         "internetverbinding en of AFAS een storing meldt."),
        ("AFAS did not answer within the time limit, not even after several attempts ({url}).",
         "Try again in a few minutes. If it persists, check the internet connection and whether "
         "AFAS reports an outage."),
    ),
    Code.CONNECTION_UNEXPECTED_RESPONSE: _e(
        "error",
        ("Het antwoord van {url} komt niet van AFAS Profit: {detail}.",
         "Vaak zit er een proxy, firewall of inlogpagina van een (gast)netwerk tussen. Open {url} "
         "in een browser op deze computer en kijk wat er verschijnt; controleer ook het "
         "omgevingsnummer en een eventueel opgegeven basis-URL."),
        ("The answer from {url} does not come from AFAS Profit: {detail}.",
         "Often a proxy, firewall or (guest) network login page is in between. Open {url} in a "
         "browser on this computer and see what appears; also check the environment number and "
         "any base URL given."),
    ),
    Code.CONNECTION_UNAVAILABLE: _e(
        "error",
        ("AFAS is tijdelijk niet beschikbaar, door onderhoud of een storing ({url}).",
         "Probeer het later opnieuw. Blijft het zo, kijk dan of AFAS onderhoud of een storing "
         "meldt."),
        ("AFAS is temporarily unavailable, for maintenance or an outage ({url}).",
         "Try again later. If it persists, check whether AFAS reports maintenance or an outage."),
    ),
    Code.TOKEN_MALFORMED: _e(
        "error",
        ("Het token is niet te lezen: {detail}.",
         "Plak het token precies zoals AFAS het gaf: de lange reeks tekens, of de hele regel "
         "<token><version>1</version><data>…</data></token>. Maak zo nodig een nieuw token via "
         f"{TOKENS['nl']}."),
        ("The token cannot be read: {detail}.",
         "Paste the token exactly as AFAS gave it: the long string of characters, or the whole "
         "line <token><version>1</version><data>…</data></token>. If needed, create a new token "
         f"via {TOKENS['en']}."),
    ),
    Code.TOKEN_REJECTED: _e(
        "error",
        ("AFAS weigert het token.",
         "Het token hoort niet bij deze omgeving, of is ingetrokken of verlopen. Controleer het "
         f"omgevingsnummer en de omgeving, en maak zo nodig een nieuw token via {TOKENS['nl']}."),
        ("AFAS rejects the token.",
         "The token belongs to another environment, or was revoked or has expired. Check the "
         f"environment number and type, and if needed create a new token via {TOKENS['en']}."),
    ),
    Code.TOKEN_EXPIRES_SOON: _e(
        "warning",
        ("Het token verloopt op {expiry}, {days:vandaag|over # dag|over # dagen}.",
         f"Maak op tijd een nieuw token via {TOKENS['nl']} en geef het aan Payt; na die datum "
         "haalt Payt niets meer op."),
        ("The token expires on {expiry}, {days:today|in # day|in # days}.",
         f"Create a new token in time via {TOKENS['en']} and give it to Payt; after that date "
         "Payt cannot fetch anything."),
    ),
    Code.APPCONNECTOR_IP_RESTRICTED: _e(
        "error",
        ("AFAS weigert de toegang vanaf dit IP-adres: de AppConnector staat alleen andere "
         "IP-adressen toe.",
         f"Voeg in {_APP_NL} het IP-adres van deze computer en dat van Payt toe aan de toegestane "
         "IP-adressen, of haal de IP-beperking weg."),
        ("AFAS refuses access from this IP address: the AppConnector allows other IP addresses "
         "only.",
         f"In {_APP_EN}, add the IP address of this computer and Payt's to the allowed IP "
         "addresses, or remove the IP restriction."),
    ),
    Code.CONNECTOR_MISSING: _e(
        "error",
        ("GetConnector {connector} ({title}) staat niet in de AppConnector.",
         f"Importeer de GetConnectors van Payt via {IMPORT_GETCONNECTORS['nl']} en voeg "
         f"{{connector}} toe via {ADD_GETCONNECTOR['nl']}."),
        ("GetConnector {connector} ({title}) is not in the AppConnector.",
         f"Import Payt's GetConnectors via {IMPORT_GETCONNECTORS['en']} and add {{connector}} "
         f"via {ADD_GETCONNECTOR['en']}."),
    ),
    Code.CONNECTOR_OUTDATED_VERSION: _e(
        "error",
        ("Van {title} staat alleen een oudere versie in de AppConnector: {connector}. Payt heeft "
         "{expected} nodig.",
         f"Importeer {{expected}} via {IMPORT_GETCONNECTORS['nl']} en voeg hem toe via "
         f"{ADD_GETCONNECTOR['nl']}. {{connector}} mag daarna uit de AppConnector."),
        ("Only an older version of {title} is in the AppConnector: {connector}. Payt needs "
         "{expected}.",
         f"Import {{expected}} via {IMPORT_GETCONNECTORS['en']} and add it via "
         f"{ADD_GETCONNECTOR['en']}. {{connector}} can then be removed from the AppConnector."),
    ),
    Code.CONNECTOR_NOT_AUTHORIZED: _e(
        "error",
        ("AFAS weigert GetConnector {connector} voor deze AppConnector of gebruiker.",
         f"Voeg {{connector}} toe via {ADD_GETCONNECTOR['nl']} en geef de gebruikersgroep van de "
         f"AppConnector de rechten {ALL_ADMINISTRATIONS['nl']} en {ALL_DEFINITIONS['nl']}."),
        ("AFAS refuses GetConnector {connector} for this AppConnector or user.",
         f"Add {{connector}} via {ADD_GETCONNECTOR['en']} and give the AppConnector's user group "
         f"the rights {ALL_ADMINISTRATIONS['en']} and {ALL_DEFINITIONS['en']}."),
    ),
    Code.CONNECTOR_BLOCKED: _e(
        "error",
        ("AFAS heeft GetConnector {connector} geblokkeerd, meestal vanwege fair use (te zware "
         "opvragingen).",
         f"Een AFAS-beheerder heft de blokkade op via {GETCONNECTORS['nl']} → {{connector}} → "
         "Definitie → vinkje Geblokkeerd uit. Beperk de GetConnector daarna met een filter, "
         "zodat AFAS hem niet opnieuw blokkeert."),
        ("AFAS blocked GetConnector {connector}, usually under its fair use policy (requests too "
         "heavy).",
         f"An AFAS administrator lifts the block via {GETCONNECTORS['en']} → {{connector}} → "
         "Definition → untick Blocked. Then limit the GetConnector with a filter so AFAS does "
         "not block it again."),
    ),
    Code.CONNECTOR_ERROR: _e(
        "error",
        ("AFAS gaf een fout bij {connector}: {detail} (logreferentie {log_ref}).",
         f"Open {{connector}} in AFAS ({GETCONNECTORS['nl']}) en kijk of hij daar zonder fout "
         "gegevens toont. Geef anders de logreferentie door aan de AFAS-consultant."),
        ("AFAS returned an error for {connector}: {detail} (log reference {log_ref}).",
         f"Open {{connector}} in AFAS ({GETCONNECTORS['en']}) and see whether it shows data "
         "without an error there. Otherwise pass the log reference to the AFAS consultant."),
    ),
    Code.CONNECTOR_TIMEOUT: _e(
        "error",
        ("AFAS stopte het ophalen van {connector}: de opvraging duurde langer dan AFAS toestaat.",
         f"Beperk het resultaat met een filter in de GetConnector ({GETCONNECTORS['nl']} → "
         "{connector}), bijvoorbeeld op openstaande posten of een recente periode. Overleg bij "
         "twijfel met de implementatiespecialist van Payt welk filter past."),
        ("AFAS stopped fetching {connector}: the request took longer than AFAS allows.",
         f"Limit the result with a filter in the GetConnector ({GETCONNECTORS['en']} → "
         "{connector}), e.g. open items or a recent period. If unsure which filter fits, ask "
         "the Payt implementation specialist."),
    ),
    Code.CONNECTOR_EMPTY: _e(
        "warning",
        ("{connector} geeft geen enkele rij terug.",
         f"Controleer de filters van de GetConnector ({GETCONNECTORS['nl']} → {{connector}}) en "
         f"of de gebruikersgroep van de AppConnector het recht {ALL_ADMINISTRATIONS['nl']} heeft."),
        ("{connector} returns no rows at all.",
         f"Check the GetConnector's filters ({GETCONNECTORS['en']} → {{connector}}) and whether "
         f"the AppConnector's user group has the right {ALL_ADMINISTRATIONS['en']}."),
    ),
    Code.CONNECTOR_SLOW: _e(
        "warning",
        ("{connector} reageert traag: de eerste rijen kostten {ms} ms.",
         "Een trage GetConnector kan AFAS laten blokkeren (fair use). Beperk het resultaat met "
         f"een filter in de GetConnector ({GETCONNECTORS['nl']} → {{connector}})."),
        ("{connector} is slow: the first rows took {ms} ms.",
         "AFAS may block a slow GetConnector (fair use). Limit the result with a filter in the "
         f"GetConnector ({GETCONNECTORS['en']} → {{connector}})."),
    ),
    Code.FIELD_MISSING: _e(
        "error",
        ("Het verplichte veld {field} ({payt_type}) ontbreekt in {connector}.",
         f"Neem het veld met de naam {{field}} op in de GetConnector ({GETCONNECTORS['nl']} → "
         "{connector}), of koppel {field} aan een bestaand AFAS-veld in de veldkoppeling."
         "{candidates}"),
        ("The mandatory field {field} ({payt_type}) is missing from {connector}.",
         f"Add the field named {{field}} to the GetConnector ({GETCONNECTORS['en']} → "
         "{connector}), or map {field} to an existing AFAS field in the field mapping."
         "{candidates}"),
    ),
    Code.FIELD_OPTIONAL_MISSING: _e(
        "info",
        ("Het optionele veld {field} zit niet in {connector}.",
         "Niet nodig om te starten. Heeft de klant deze gegevens wel in AFAS, neem {field} dan "
         "op in {connector} of koppel een bestaand AFAS-veld."),
        ("The optional field {field} is not in {connector}.",
         "Not needed to start. If the client has this data in AFAS, add {field} to {connector} "
         "or map an existing AFAS field."),
    ),
    Code.FIELD_TYPE_MISMATCH: _e(
        "error",
        ("{field} in {connector} komt uit AFAS-veld {afas_field} van type {afas_type}; Payt "
         "verwacht {payt_type}.",
         "Kies in de GetConnector voor {field} een AFAS-veld dat {payt_type} kan bevatten, of "
         "koppel een ander AFAS-veld dan {afas_field}."),
        ("{field} in {connector} comes from AFAS field {afas_field} of type {afas_type}; Payt "
         "expects {payt_type}.",
         "In the GetConnector, choose an AFAS field for {field} that can hold {payt_type}, or "
         "map another AFAS field than {afas_field}."),
    ),
    Code.FIELD_EMPTY: _e(
        "warning",
        ("Het verplichte veld {field} in {connector} is leeg in {count} van de {rows} "
         "gecontroleerde rijen.",
         "Vul {field} in AFAS aan bij deze rijen (zie de voorbeelden), of controleer of de "
         "GetConnector het juiste AFAS-veld gebruikt."),
        ("The mandatory field {field} in {connector} is empty in {count} of the {rows} rows "
         "checked.",
         "Fill in {field} in AFAS for these rows (see the examples), or check that the "
         "GetConnector uses the right AFAS field."),
    ),
    Code.FIELD_TOO_LONG: _e(
        "warning",
        ("In {count:rij|rijen} van {connector} is {field} langer dan {max} tekens.",
         "Payt neemt maximaal {max} tekens over. Kort deze waarden in AFAS in, of kies een korter "
         "AFAS-veld."),
        ("{field} in {connector} is longer than {max} characters in {count:row|rows}.",
         "Payt accepts at most {max} characters. Shorten these values in AFAS, or choose a "
         "shorter AFAS field."),
    ),
    Code.VALUE_INVALID_DATE: _e(
        "warning",
        ("{field} in {connector} bevat {count:ongeldige datum|ongeldige datums}.",
         "Payt heeft een geldige datum nodig. Controleer of {field} uit een gevuld datumveld in "
         "AFAS komt."),
        ("{field} in {connector} holds {count:invalid date|invalid dates}.",
         "Payt needs a valid date. Check that {field} comes from a filled date field in AFAS."),
    ),
    Code.VALUE_INVALID_COUNTRY_CODE: _e(
        "warning",
        ("{field} in {connector} bevat {count:ongeldige landcode|ongeldige landcodes}.",
         "Payt verwacht een ISO-landcode van twee letters (NL, BE, DE). De eigen landcode van AFAS "
         "is niet altijd de ISO-code: neem in de GetConnector de ISO-code van het land op, of "
         "corrigeer het land bij de relatie."),
        ("{field} in {connector} holds {count:invalid country code|invalid country codes}.",
         "Payt expects a two-letter ISO country code (NL, BE, DE). AFAS's own country code is not "
         "always the ISO code: use the country's ISO code in the GetConnector, or correct the "
         "country on the relation."),
    ),
    Code.VALUE_INVALID_CURRENCY_CODE: _e(
        "warning",
        ("{field} in {connector} bevat {count:ongeldige valutacode|ongeldige valutacodes}.",
         "Payt verwacht een ISO-valutacode van drie letters (EUR, USD). Controleer de valuta in "
         "AFAS en het veld in de GetConnector."),
        ("{field} in {connector} holds {count:invalid currency code|invalid currency codes}.",
         "Payt expects a three-letter ISO currency code (EUR, USD). Check the currency in AFAS "
         "and the field in the GetConnector."),
    ),
    Code.VALUE_INVALID_EMAIL: _e(
        "warning",
        ("{field} in {connector} bevat {count:ongeldig e-mailadres|ongeldige e-mailadressen}.",
         "Payt kan niet mailen naar een ongeldig adres. Corrigeer de adressen bij de relaties in "
         "AFAS (zie de voorbeelden)."),
        ("{field} in {connector} holds {count:invalid e-mail address|invalid e-mail addresses}.",
         "Payt cannot send e-mail to an invalid address. Correct the addresses on the relations "
         "in AFAS (see the examples)."),
    ),
    Code.VALUE_DUE_BEFORE_INVOICE_DATE: _e(
        "warning",
        ("Bij {count:factuur|facturen} in {connector} ligt de vervaldatum vóór de factuurdatum.",
         "Payt weigert zulke facturen. Controleer in AFAS de betalingsvoorwaarde en de "
         "vervaldatum van deze facturen."),
        ("For {count:invoice|invoices} in {connector} the due date is before the invoice date.",
         "Payt rejects such invoices. Check the payment condition and due date of these invoices "
         "in AFAS."),
    ),
    Code.DEBTOR_NAME_MISSING: _e(
        "error",
        ("Geen debiteurnaam in {count:rij|rijen} van {connector}: {fields} zijn alle leeg.",
         "Payt heeft per debiteur minstens één naam nodig. Vul bij de debiteuren van deze "
         "facturen in AFAS de naam van de organisatie of persoon in, of neem een van de velden "
         "{fields} op in {connector}."),
        ("No debtor name in {count:row|rows} of {connector}: {fields} are all empty.",
         "Payt needs at least one name per debtor. Fill in the organisation or person name for "
         "the debtors of these invoices in AFAS, or add one of the fields {fields} to "
         "{connector}."),
    ),
    Code.DEBTOR_NO_EMAIL: _e(
        "warning",
        ("Bij {count:debiteur|debiteuren} in {connector} is geen enkel e-mailadres ingevuld.",
         "Deze debiteuren krijgen alleen brieven, geen e-mail. Vul in AFAS een e-mailadres in bij "
         "de relatie, of op het tabblad Digitaal van de debiteur een adres voor facturen en "
         "herinneringen."),
        ("{count:debtor has|debtors have} no e-mail address in {connector}.",
         "These debtors get letters only, no e-mail. Fill in an e-mail address on the relation "
         "in AFAS, or for invoices and reminders on the Digital tab."),
    ),
    Code.REFERENCE_UNKNOWN_PAYMENT_CONDITION: _e(
        "warning",
        ("Bij {count:factuur|facturen} in {connector} staat de betalingsvoorwaarde niet in "
         "{target}.",
         "Voeg de betalingsvoorwaarde toe aan de bron van {target} (controleer de filters van "
         "die GetConnector), of laat de implementatiespecialist van Payt deze "
         "betalingsvoorwaarde aan een vervolgflow koppelen."),
        ("For {count:invoice|invoices} in {connector} the payment condition is not in "
         "{target}.",
         "Add the payment condition to the source of {target} (check that GetConnector's "
         "filters), or let the Payt implementation specialist link it to a follow-up flow."),
    ),
    Code.REFERENCE_UNKNOWN_ADMINISTRATION: _e(
        "warning",
        ("Bij {count:rij|rijen} in {connector} staat de administratie niet in {target}.",
         "Meestal mist de gebruikersgroep van de AppConnector het recht "
         f"{ALL_ADMINISTRATIONS['nl']}. Controleer anders de filters van {{target}}."),
        ("In {count:row|rows} of {connector} the administration is not in {target}.",
         "Usually the AppConnector's user group lacks the right "
         f"{ALL_ADMINISTRATIONS['en']}. Otherwise check the filters of {{target}}."),
    ),
    Code.REFERENCE_DUPLICATE_INVOICE_NUMBER: _e(
        "error",
        ("{count:factuurnummer komt|factuurnummers komen} meer dan eens voor in {connector}.",
         "Payt eist unieke factuurnummers per administratie. Kijk of de GetConnector facturen "
         "dubbel ophaalt (bijvoorbeeld een rij per factuurregel of per termijn) en pas de velden "
         "of filters aan."),
        ("{count:invoice number occurs|invoice numbers occur} more than once in {connector}.",
         "Payt requires unique invoice numbers per administration. Check whether the "
         "GetConnector returns invoices twice (e.g. a row per invoice line or per instalment) "
         "and adjust its fields or filters."),
    ),
    Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING: _e(
        "error",
        ("De speciale connector AppConnectorSubject ontbreekt in de AppConnector, dus Payt kan "
         "de factuur-pdf's niet ophalen.",
         f"Voeg hem toe via {ADD_SUBJECT['nl']}."),
        ("The special connector AppConnectorSubject is not in the AppConnector, so Payt cannot "
         "fetch the invoice PDFs.",
         f"Add it via {ADD_SUBJECT['en']}."),
    ),
    Code.ATTACHMENTS_NOT_AUTHORIZED: _e(
        "error",
        ("De bestanden bij de dossieritems zijn niet op te halen: geen rechten of het bestand "
         "ontbreekt ({detail}).",
         "Geef de gebruikersgroep van de AppConnector het recht "
         f"{ALL_DOSSIER_ITEMS['nl']}."),
        ("The dossier item files cannot be fetched: no rights, or the file is missing "
         "({detail}).",
         f"Give the AppConnector's user group the right {ALL_DOSSIER_ITEMS['en']}."),
    ),
    Code.ATTACHMENTS_NOT_PDF: _e(
        "warning",
        ("Het factuurdocument {filename} is geen pdf ({mimetype}).",
         "Payt verstuurt facturen als pdf. Laat AFAS de factuur als pdf in het dossier opslaan, "
         "of filter {connector} op pdf-bestanden."),
        ("The invoice document {filename} is not a PDF ({mimetype}).",
         "Payt sends invoices as PDF. Have AFAS store the invoice as a PDF in the dossier, or "
         "filter {connector} to PDF files."),
    ),
    Code.ATTACHMENTS_NONE_LINKED: _e(
        "info",
        ("Geen van de gecontroleerde facturen in {connector} verwijst naar een dossieritem in "
         "{target}.",
         "Zonder factuurdocument kan Payt een factuur niet versturen. Controleer of "
         "{field} in {connector} het dossieritem met de factuur-pdf bevat."),
        ("None of the checked invoices in {connector} refers to a dossier item in {target}.",
         "Without an invoice document Payt cannot send an invoice. Check that "
         "{field} in {connector} holds the dossier item with the invoice PDF."),
    ),
    Code.CHECK_CANCELLED: _e(
        "error",
        ("De controle is afgebroken voordat alles getest was; dit rapport is onvolledig.",
         "Start de controle opnieuw voor een volledig rapport."),
        ("The check was cancelled before everything was tested; this report is incomplete.",
         "Run the check again for a complete report."),
    ),
    Code.CHECK_TIMED_OUT: _e(
        "error",
        ("De controle stopte na {seconds} seconden, voordat alles getest was; dit rapport is "
         "onvolledig.",
         "Start de controle opnieuw, eventueel met een kleinere steekproef. Is één GetConnector "
         "erg traag, beperk die dan met een filter in AFAS."),
        ("The check stopped after {seconds} seconds, before everything was tested; this report "
         "is incomplete.",
         "Run the check again, perhaps with a smaller sample. If one GetConnector is very slow, "
         "limit it with a filter in AFAS."),
    ),
})

# A code may read differently at another severity: (code, severity) -> entry.
VARIANTS: Mapping[tuple[Code, Severity], Entry] = MappingProxyType({
    (Code.CONNECTOR_MISSING, "info"): _CONNECTOR_MISSING_OPTIONAL,
})

_CONNECTOR = ("connector",)
_VALUE = ("connector", "field", "count")
PARAMS: Mapping[Code, tuple[str, ...]] = MappingProxyType({
    Code.CONNECTION_UNREACHABLE: ("url", "detail"),
    Code.CONNECTION_TLS_FAILED: ("url", "detail"),
    Code.CONNECTION_TIMEOUT: ("url",),
    Code.CONNECTION_UNEXPECTED_RESPONSE: ("url", "detail"),
    Code.CONNECTION_UNAVAILABLE: ("url",),
    Code.TOKEN_MALFORMED: ("detail",),
    Code.TOKEN_REJECTED: (),
    Code.TOKEN_EXPIRES_SOON: ("expiry", "days"),
    Code.APPCONNECTOR_IP_RESTRICTED: (),
    Code.CONNECTOR_MISSING: ("connector", "title"),
    Code.CONNECTOR_OUTDATED_VERSION: ("connector", "expected", "title"),
    Code.CONNECTOR_NOT_AUTHORIZED: _CONNECTOR,
    Code.CONNECTOR_BLOCKED: _CONNECTOR,
    Code.CONNECTOR_ERROR: ("connector", "detail", "log_ref"),
    Code.CONNECTOR_TIMEOUT: _CONNECTOR,
    Code.CONNECTOR_EMPTY: _CONNECTOR,
    Code.CONNECTOR_SLOW: ("connector", "ms"),
    Code.FIELD_MISSING: ("connector", "field", "payt_type", "candidates"),
    Code.FIELD_OPTIONAL_MISSING: ("connector", "field"),
    Code.FIELD_TYPE_MISMATCH: ("connector", "field", "afas_field", "afas_type", "payt_type"),
    Code.FIELD_EMPTY: ("connector", "field", "count", "rows"),
    Code.FIELD_TOO_LONG: ("connector", "field", "count", "max"),
    Code.VALUE_INVALID_DATE: _VALUE,
    Code.VALUE_INVALID_COUNTRY_CODE: _VALUE,
    Code.VALUE_INVALID_CURRENCY_CODE: _VALUE,
    Code.VALUE_INVALID_EMAIL: _VALUE,
    Code.VALUE_DUE_BEFORE_INVOICE_DATE: ("connector", "count"),
    Code.DEBTOR_NAME_MISSING: ("connector", "count", "fields"),
    Code.DEBTOR_NO_EMAIL: ("connector", "count"),
    Code.REFERENCE_UNKNOWN_PAYMENT_CONDITION: ("connector", "count", "target"),
    Code.REFERENCE_UNKNOWN_ADMINISTRATION: ("connector", "count", "target"),
    Code.REFERENCE_DUPLICATE_INVOICE_NUMBER: ("connector", "count"),
    Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING: (),
    Code.ATTACHMENTS_NOT_AUTHORIZED: ("detail",),
    Code.ATTACHMENTS_NOT_PDF: ("filename", "mimetype", "connector"),
    Code.ATTACHMENTS_NONE_LINKED: ("connector", "target", "field"),
    Code.CHECK_CANCELLED: (),
    Code.CHECK_TIMED_OUT: ("seconds",),
})


class _Formatter(string.Formatter):
    """str.format, plus "{n:one|many}" for singular and plural ("1 rij", "3 rijen"), and
    "{n:zero|one|many}" with # for the number ("vandaag", "over # dag", "over # dagen")."""

    def format_field(self, value: Any, format_spec: str) -> str:
        forms = format_spec.split("|")
        if len(forms) == 3:
            form = forms[0] if value == 0 else forms[1] if value == 1 else forms[2]
            return form.replace("#", str(value))
        if len(forms) == 2:
            return f"{value} {forms[0] if value == 1 else forms[1]}"
        return str(super().format_field(value, format_spec))


FORMATTER = _Formatter()


def entry_for(code: Code, severity: Severity | None = None) -> Entry:
    """The catalog entry, or its variant for `severity` when there is one."""
    if severity is not None and (code, severity) in VARIANTS:
        return VARIANTS[(code, severity)]
    return CATALOG[code]


_CANDIDATES = {
    "nl": " Mogelijk geschikt, van een passend type en nog niet gebruikt: {}.",
    "en": " Possibly suitable, of a fitting type and not used yet: {}.",
}


_NO_FILES = {
    "nl": "bij geen van de {count} gekoppelde dossieritems staat een bestand in {connector}",
    "en": "none of the {count} linked dossier items has a file in {connector}",
}


def no_files_detail(language: Language, count: int, connector: str) -> str:
    """The `detail` of attachments.not_authorized when the linked items list no files."""
    return _NO_FILES[language].format(count=count, connector=connector)


def candidates_sentence(language: Language, fields: Iterable[str]) -> str:
    """The `candidates` parameter of field.missing: AFAS fields that could be mapped, or ""."""
    names = ", ".join(fields)
    return _CANDIDATES[language].format(names) if names else ""


def make_finding(
    code: Code,
    *,
    language: Language = "nl",
    severity: Severity | None = None,
    role: str | None = None,
    connector_id: str | None = None,
    field: str | None = None,
    count: int = 1,
    examples: Iterable[object] = (),
    **params: object,
) -> Finding:
    """A finding with its message and hint in `language`; `count` and `field` also fill the
    templates. A parameter the templates need and nobody passed raises KeyError."""
    entry = entry_for(code, severity)
    values: dict[str, object] = {**params, "count": count}
    if field is not None:
        values["field"] = field
    missing = [p for p in PARAMS[code] if p not in values]
    if missing:
        raise KeyError(f"{code}: missing template parameter(s): {', '.join(missing)}")
    kept = [shown(example, EXAMPLE_LENGTH)
            for example in itertools.islice(examples, MAX_EXAMPLES)]
    return Finding(
        code=str(code),
        severity=severity or entry.severity,
        role=role,
        connector_id=connector_id,
        field=field,
        message=FORMATTER.format(entry.message[language], **values),
        hint=FORMATTER.format(entry.hint[language], **values),
        count=count,
        examples=tuple(kept),
    )
