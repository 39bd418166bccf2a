"""The debtor pool: companies and private persons, mostly Dutch, each complete and consistent."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from payt_onboarding.simulator import dataset_names as names

# The debtor_* columns of a sales entry, in connector order.
DEBTOR_COLUMNS = (
    "debtor_code", "debtor_origin_id", "debtor_is_company", "debtor_company_name",
    "debtor_firstname", "debtor_lastname", "debtor_email", "debtor_invoice_email",
    "debtor_reminder_email", "debtor_sms_number", "debtor_post_street_1", "debtor_post_street_2",
    "debtor_post_postalcode", "debtor_post_city", "debtor_post_country_code",
    "debtor_language_code",
)
DISTRIBUTION_METHODS = ("E-mail", "E-mail en post", "Post")
_DISTRIBUTION_WEIGHTS = (75, 10, 15)
_COMPANY_CONDITIONS = (("30", "14", "60", "8", "AI", "0"), (45, 20, 8, 7, 17, 3))
_PERSON_CONDITIONS = (("14", "AI", "8", "0", "30"), (35, 35, 15, 5, 10))
_ADMIN_WEIGHTS = (60, 30, 10)
_NON_SLUG = re.compile(r"[^a-z0-9]+")
T = TypeVar("T")


class FastRandom(random.Random):
    """Seeded picks from `random()` alone: about three times faster than the stdlib's
    bit-exact `choice`/`randint`, and the tiny bias of float scaling is harmless here."""

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


@dataclass(frozen=True)
class Debtor:
    code: str
    administration_code: str
    payment_condition: str
    currency: str
    vat_free: bool  # a business customer abroad: intra-community or export, 0 % VAT
    distribution: str
    display_name: str
    fields: dict[str, object]  # DEBTOR_COLUMNS -> JSON-ready value


def slug(text: str, sep: str = "") -> str:
    """ASCII letters and digits only, so every generated e-mail address is valid."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub(sep, ascii_text.lower()).strip(sep)


def capitalize_first(name: str) -> str:
    # "van den Berg" is written "Van den Berg" at the start of a company name.
    return name[:1].upper() + name[1:]


def make_debtors(rng: random.Random, count: int, admin_codes: list[str]) -> list[Debtor]:
    """`count` debtors; the first few cover every administration so none is left empty."""
    debtors = []
    for i in range(count):
        admin = (admin_codes[i] if i < len(admin_codes)
                 else rng.choices(admin_codes, _ADMIN_WEIGHTS[: len(admin_codes)])[0])
        # Origin ids leave gaps, as AFAS relation ids do; the stride keeps them unique.
        origin = str(100000 + 3 * i + rng.randrange(3))
        debtors.append(_debtor(rng, str(10001 + i), origin, admin))
    return debtors


def _debtor(rng: random.Random, code: str, origin: str, admin: str) -> Debtor:
    country = (None if rng.random() < 0.92
               else rng.choices(names.ABROAD, names.ABROAD_WEIGHTS)[0])
    is_company = rng.random() < 0.7
    first: str | None
    last: str | None
    first, last = _person(rng, country)
    company, core = _company(rng, country, last) if is_company else (None, "")
    if is_company and rng.random() < 0.4:
        first, last = None, None  # no contact person on file
    email, invoice_email, reminder_email = _emails(rng, country, core, first, last, code)
    street_1, street_2, postcode, city = _address(rng, country, is_company)
    pool = _COMPANY_CONDITIONS if is_company else _PERSON_CONDITIONS
    fields: dict[str, object] = {
        "debtor_code": code,
        "debtor_origin_id": origin,
        "debtor_is_company": is_company,
        "debtor_company_name": company,
        "debtor_firstname": first,
        "debtor_lastname": last,
        "debtor_email": email,
        "debtor_invoice_email": invoice_email,
        "debtor_reminder_email": reminder_email,
        "debtor_sms_number": _sms(rng, is_company),
        "debtor_post_street_1": street_1,
        "debtor_post_street_2": street_2,
        "debtor_post_postalcode": postcode,
        "debtor_post_city": city,
        "debtor_post_country_code": country.code if country else "NL",
        "debtor_language_code": rng.choice(country.languages) if country else "nl",
    }
    return Debtor(
        code=code,
        administration_code=admin,
        payment_condition=rng.choices(*pool)[0],
        currency=rng.choice(country.currencies) if country else "EUR",
        vat_free=country is not None and is_company,
        distribution=rng.choices(DISTRIBUTION_METHODS, _DISTRIBUTION_WEIGHTS)[0],
        display_name=company or f"{first} {last}",
        fields=fields,
    )


def _person(rng: random.Random, country: names.Country | None) -> tuple[str, str]:
    if country is None:
        return rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
    return rng.choice(country.first_names), rng.choice(country.last_names)


def _company(rng: random.Random, country: names.Country | None, surname: str) -> tuple[str, str]:
    """(full name, name without legal form); the latter makes the e-mail domain."""
    if country is not None:
        core = f"{surname} {rng.choice(country.trades)}"
        return f"{core} {rng.choice(country.legal_forms)}", core
    trade, form = rng.choice(names.TRADES), rng.choice(names.LEGAL_FORMS)
    family = capitalize_first(rng.choice(names.LAST_NAMES))
    pattern = rng.randrange(4)
    if pattern == 0:
        core = f"{trade} {family}"
    elif pattern == 1:
        core = f"{family} {trade}"
    elif pattern == 2:
        core = f"{family} & Zonen"
    else:
        core = f"{trade} {rng.choice(names.NL_CITIES)[0]}"
    return f"{core} {form}".strip(), core


def _emails(
    rng: random.Random, country: names.Country | None, company: str,
    first: str | None, last: str | None, code: str,
) -> tuple[str, str | None, str | None]:
    domain = country.email_domain if country else "example.nl"
    if company:
        host = f"{slug(company, '-')}.{domain}"
        invoice = rng.choice((None, None, "facturen", "administratie", "crediteuren"))
        reminder = rng.choice((None, None, None, "crediteuren", "finance"))
        return (f"info@{host}", f"{invoice}@{host}" if invoice else None,
                f"{reminder}@{host}" if reminder else None)
    # Private persons share the domain, so the debtor code keeps addresses apart.
    local = f"{slug(first or '')}.{slug(last or '')}{code[-3:]}"
    invoice_email = f"{local}.facturen@{domain}" if rng.random() < 0.1 else None
    return f"{local}@{domain}", invoice_email, None


def _address(
    rng: random.Random, country: names.Country | None, is_company: bool
) -> tuple[str, str | None, str, str]:
    number = rng.randint(1, 240)
    if country is None:
        suffix = rng.choice(("", "", "", "", "A", "B", "-2", " bis"))
        city, low, high = rng.choice(names.NL_CITIES)
        letters = rng.choice(names.POSTCODE_LETTERS) + rng.choice(names.POSTCODE_LETTERS)
        street = f"{rng.choice(names.STREETS)} {number}{suffix}"
        postcode = f"{rng.randint(low, high)} {letters}"
    else:
        name = rng.choice(country.streets)
        street = f"{number} {name}" if country.number_first else f"{name} {number}"
        city, postcode = rng.choice(country.cities)
    attention = "t.a.v. crediteurenadministratie" if is_company and rng.random() < 0.15 else None
    return street, attention, postcode, city


def _sms(rng: random.Random, is_company: bool) -> str | None:
    if rng.random() < (0.5 if is_company else 0.35):
        return None
    return f"+316{rng.randrange(10**8):08d}"
