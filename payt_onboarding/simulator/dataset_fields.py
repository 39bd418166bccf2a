"""The field lists of Payt's GetConnectors, as AFAS metadata describes them.

`field_id` values are made-up but AFAS-like column codes; they are unique per connector.
"""

from __future__ import annotations

from typing import Literal

DataType = Literal["string", "int", "decimal", "boolean", "date"]
# id, data_type, label, length, field_id, decimals
Spec = tuple[str, DataType, str, int, str, int]

ADMINISTRATION: tuple[Spec, ...] = (
    ("administration_name", "string", "Omschrijving administratie", 255, "Ds", 0),
    ("administration_code", "string", "Administratie", 10, "UnId", 0),
    ("administration_origin_id", "string", "Administratie-ID", 10, "UnIdInt", 0),
)
PAYMENT_CONDITION: tuple[Spec, ...] = (
    ("payment_condition_code", "string", "Betalingsvoorwaarde", 10, "PaCd", 0),
    ("payment_condition_description", "string", "Omschrijving", 255, "Ds", 0),
)
SALES_ENTRY: tuple[Spec, ...] = (
    ("administration_code", "string", "Administratie", 10, "UnId", 0),
    ("invoice_number", "string", "Factuurnummer", 20, "InId", 0),
    ("invoice_date", "date", "Factuurdatum", 0, "InDa", 0),
    ("invoice_due_date", "date", "Vervaldatum", 0, "DuDa", 0),
    ("invoice_total_amount_inc_vat", "decimal", "Factuurbedrag incl. btw", 0, "AmIv", 2),
    ("invoice_open_amount_inc_vat", "decimal", "Openstaand bedrag", 0, "AmOp", 2),
    ("invoice_currency_code", "string", "Valuta", 3, "CuId", 0),
    ("invoice_description", "string", "Omschrijving", 255, "Ds", 0),
    ("invoice_payment_condition", "string", "Betalingsvoorwaarde", 10, "PaCd", 0),
    ("debtor_code", "string", "Debiteurnummer", 16, "DbId", 0),
    ("debtor_origin_id", "string", "Organisatie/persoon", 20, "BcId", 0),
    ("debtor_is_company", "boolean", "Organisatie", 0, "IsOrg", 0),
    ("debtor_company_name", "string", "Naam organisatie", 255, "Nm", 0),
    ("debtor_firstname", "string", "Voornaam", 50, "FiNm", 0),
    ("debtor_lastname", "string", "Achternaam", 80, "LaNm", 0),
    ("debtor_email", "string", "E-mail", 255, "EmAd", 0),
    ("debtor_invoice_email", "string", "E-mail facturen", 255, "U001", 0),
    ("debtor_reminder_email", "string", "E-mail aanmaningen", 255, "U002", 0),
    ("debtor_sms_number", "string", "Mobiel", 30, "MbNr", 0),
    ("debtor_post_street_1", "string", "Postadres regel 1", 255, "PaAd1", 0),
    ("debtor_post_street_2", "string", "Postadres regel 2", 255, "PaAd2", 0),
    ("debtor_post_postalcode", "string", "Postcode", 15, "ZpCd", 0),
    ("debtor_post_city", "string", "Woonplaats", 50, "Rs", 0),
    ("debtor_post_country_code", "string", "Land", 3, "CoId", 0),
    ("debtor_language_code", "string", "Taal", 5, "LgId", 0),
)
SALES_INVOICE: tuple[Spec, ...] = (
    *SALES_ENTRY,
    ("order_number", "string", "Ordernummer", 20, "OrNu", 0),
    ("invoice_dossier_item_extra", "int", "Dossieritem", 0, "SbId", 0),
)
DISTRIBUTION: tuple[Spec, ...] = (
    ("administration_code", "string", "Administratie", 10, "UnId", 0),
    ("debtor_code", "string", "Debiteurnummer", 16, "DbId", 0),
    ("distribution_method", "string", "Verstrekkingswijze", 50, "DiMe", 0),
    ("debtor_invoice_email", "string", "E-mail facturen", 255, "U001", 0),
    ("debtor_reminder_email", "string", "E-mail aanmaningen", 255, "U002", 0),
)
ATTACHMENT: tuple[Spec, ...] = (
    ("attachment_id", "int", "Bijlage", 0, "AtId", 0),
    ("subject_id", "int", "Dossieritem", 0, "SbId", 0),
    ("file_id", "string", "Bestand-ID", 32, "FileId", 0),
    ("file_name", "string", "Bestandsnaam", 255, "FileName", 0),
)
INVOICE_LINE: tuple[Spec, ...] = (
    ("administration_code", "string", "Administratie", 10, "UnId", 0),
    ("invoice_number", "string", "Factuurnummer", 20, "InId", 0),
    ("line_order", "int", "Regelnummer", 0, "SeNo", 0),
    ("line_description", "string", "Omschrijving", 255, "Ds", 0),
    ("product_quantity", "decimal", "Aantal", 0, "Qu", 2),
    ("product_price", "decimal", "Prijs per eenheid", 0, "Upri", 2),
    ("vat_rate_code", "string", "Btw-code", 5, "VaRc", 0),
    ("vat_percentage", "decimal", "Btw-percentage", 0, "VaPe", 2),
    ("total_excl_tax_amount", "decimal", "Bedrag excl. btw", 0, "AmEx", 2),
    ("total_incl_tax_amount", "decimal", "Bedrag incl. btw", 0, "AmIn", 2),
)
VERSTREKKING: tuple[Spec, ...] = (
    ("administration_code", "string", "Administratie", 10, "UnId", 0),
    ("debtor_code", "string", "Debiteurnummer", 16, "DbId", 0),
    ("invoice_number", "string", "Factuurnummer", 20, "InId", 0),
    ("debtor_invoice_email", "string", "E-mail facturen", 255, "EmWo", 0),
    ("debtor_reminder_email", "string", "E-mail aanmaningen", 255, "EmRe", 0),
)

