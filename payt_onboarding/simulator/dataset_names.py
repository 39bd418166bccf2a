"""Dutch (and a few foreign) names, streets, cities and wording for the simulated AFAS data.

Pools only, no logic: the generator picks from them with a seeded `random.Random`.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_NAMES = (
    "Jan", "Pieter", "Kees", "Henk", "Willem", "Joost", "Daan", "Sem", "Bram", "Thijs",
    "Ruben", "Lars", "Jeroen", "Mark", "Sander", "Mohamed", "Yusuf", "Ahmet", "Niels", "Gert-Jan",
    "Sanne", "Emma", "Lotte", "Julia", "Anouk", "Femke", "Iris", "Eva", "Marieke", "Ingrid",
    "Noor", "Sophie", "Fatima", "Priya", "Esther", "Anneke", "Maaike", "Chantal", "Renée", "Zoë",
)
LAST_NAMES = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
    "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
    "de Bruijn", "Schouten", "van Dijk", "Willems", "Hoekstra", "Koster", "Prins", "Postma",
    "Kuipers", "Huisman", "El Amrani", "Yılmaz", "Öztürk", "Wijnands", "ter Horst", "Brinkman",  # noqa: RUF001
)
TRADES = (
    "Groothandel", "Bouwbedrijf", "Installatietechniek", "Transport", "Schilderwerken",
    "Hoveniersbedrijf", "Loodgietersbedrijf", "Autobedrijf", "Drukkerij", "Bakkerij",
    "Adviesgroep", "ICT Services", "Metaalbewerking", "Elektrotechniek", "Dakdekkersbedrijf",
    "Schoonmaakdiensten", "Catering", "Logistiek", "Tuincentrum", "Meubelmakerij",
    "Accountants", "Kantoorinrichting", "Verhuur", "Zorgcentrum", "Fietsenhandel",
)
LEGAL_FORMS = ("B.V.", "B.V.", "B.V.", "V.O.F.", "", "Holding B.V.")
STREETS = (
    "Dorpsstraat", "Kerkstraat", "Molenweg", "Stationsweg", "Hoofdstraat", "Schoolstraat",
    "Industrieweg", "Kastanjelaan", "Eikenlaan", "Julianastraat", "Wilhelminastraat",
    "Beatrixlaan", "Prinses Irenestraat", "Nieuwe Gracht", "Marktplein", "Havenstraat",
    "Parallelweg", "Koningin Emmaweg", "Zuiderkade", "Energieweg", "Ambachtsweg", "Handelsweg",
    "Lindelaan", "Vondelstraat", "Rembrandtlaan", "Van Goghstraat", "Nassaustraat",
    "Oranjestraat", "Burgemeester de Withstraat", "Sint Janssingel", "Oude Rijn", "Ringbaan-Oost",
)
# City with the range of its four-digit postcodes, so postcode and city always agree.
NL_CITIES = (
    ("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Utrecht", 3511, 3585),
    ("Den Haag", 2491, 2597), ("Eindhoven", 5611, 5658), ("Groningen", 9711, 9747),
    ("Tilburg", 5011, 5049), ("Almere", 1311, 1363), ("Breda", 4811, 4838),
    ("Nijmegen", 6511, 6546), ("Zwolle", 8011, 8043), ("Apeldoorn", 7311, 7339),
    ("Haarlem", 2011, 2037), ("Arnhem", 6811, 6846), ("Amersfoort", 3811, 3829),
    ("Maastricht", 6211, 6229), ("Leeuwarden", 8911, 8939), ("Enschede", 7511, 7548),
    ("'s-Hertogenbosch", 5211, 5249), ("Leiden", 2311, 2334), ("Delft", 2611, 2629),
    ("Deventer", 7411, 7429), ("Alkmaar", 1811, 1827), ("Middelburg", 4331, 4339),
    ("Assen", 9401, 9409), ("Lelystad", 8211, 8245), ("Heerenveen", 8441, 8448),
)
# Letter pairs PostNL never hands out (SA, SD, SS) are simply left out.
POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"


@dataclass(frozen=True)
class Country:
    """How debtors in one foreign country look."""

    code: str
    languages: tuple[str, ...]
    currencies: tuple[str, ...]
    email_domain: str
    cities: tuple[tuple[str, str], ...]  # (city, postcode)
    streets: tuple[str, ...]
    number_first: bool  # "12 rue Victor Hugo" rather than "Hauptstraße 12"
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    trades: tuple[str, ...]
    legal_forms: tuple[str, ...]


ABROAD = (
    Country(
        "BE", ("nl", "nl", "fr"), ("EUR",), "example.be",
        (("Antwerpen", "2000"), ("Gent", "9000"), ("Brussel", "1000"), ("Leuven", "3000"),
         ("Brugge", "8000"), ("Hasselt", "3500"), ("Mechelen", "2800"), ("Liège", "4000")),
        ("Meir", "Kerkstraat", "Stationsstraat", "Grote Markt", "Nieuwstraat", "Rue de la Loi"),
        False,
        ("Lucas", "Louis", "Emma", "Elise", "Wout", "Lien", "Arne", "Margot"),
        ("Peeters", "Janssens", "Maes", "Mertens", "Claes", "Goossens", "Wouters", "Dubois"),
        ("Bouwwerken", "Transport", "Groothandel", "Elektro"), ("BV", "NV", "SRL"),
    ),
    Country(
        "DE", ("de",), ("EUR",), "example.de",
        (("Berlin", "10115"), ("Köln", "50667"), ("München", "80331"), ("Hamburg", "20095"),
         ("Düsseldorf", "40213"), ("Aachen", "52062"), ("Münster", "48143"), ("Kleve", "47533")),
        ("Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Industriestraße"),
        False,
        ("Lukas", "Anna", "Jonas", "Lena", "Felix", "Marie", "Tobias", "Katrin"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"),
        ("Maschinenbau", "Logistik", "Elektrotechnik", "Handel"), ("GmbH", "GmbH & Co. KG", "AG"),
    ),
    Country(
        "FR", ("fr",), ("EUR",), "example.fr",
        (("Paris", "75008"), ("Lyon", "69002"), ("Lille", "59000"), ("Marseille", "13001"),
         ("Bordeaux", "33000"), ("Strasbourg", "67000")),
        ("rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Voltaire"),
        True,
        ("Camille", "Léa", "Hugo", "Louis", "Chloé", "Antoine", "Manon", "Julien"),
        ("Martin", "Bernard", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau"),
        ("Transports", "Distribution", "Bâtiment", "Services"), ("SARL", "SAS"),
    ),
    Country(
        "GB", ("en",), ("GBP", "GBP", "USD", "EUR"), "example.com",
        (("London", "SW1A 1AA"), ("London", "EC1A 1BB"), ("Manchester", "M1 1AE"),
         ("Birmingham", "B1 1BB"), ("Leeds", "LS1 4AP"), ("Edinburgh", "EH1 1YZ"),
         ("Bristol", "BS1 4DJ")),
        ("High Street", "Station Road", "Church Lane", "Victoria Road", "King Street"),
        True,
        ("Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Sophie"),
        ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker"),
        ("Trading", "Engineering", "Logistics", "Supplies"), ("Ltd", "Ltd", "PLC"),
    ),
)
ABROAD_WEIGHTS = (3.0, 2.5, 1.5, 1.0)

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
# Descriptions of invoices from order management and of other sales entries; {w} week,
# {m} month name, {q} quarter, {y} year, {o} order number.
ORDER_DESCRIPTIONS = (
    "Levering week {w}", "Levering order {o}", "Order {o}", "Installatie en levering week {w}",
    "Materialen project week {w}", "Levering {m} {y}",
)
OTHER_DESCRIPTIONS = (
    "Onderhoudscontract Q{q} {y}", "Huur {m} {y}", "Abonnement {m} {y}",
    "Werkzaamheden {m} {y}", "Advieswerkzaamheden {m} {y}", "Servicebeurt {m}",
    "Licentie {y}", "Detachering {m} {y}", "Jaarcontract {y}", "Termijnfactuur Q{q} {y}",
)
CREDIT_DESCRIPTIONS = (
    "Creditnota retour levering week {w}", "Creditnota prijscorrectie {m}",
    "Creditering dubbel gefactureerd", "Creditnota coulance {m} {y}",
)
# (description, min price in cents, max price in cents, VAT %, quantities offered)
HOURS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0)
PIECES = (1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 10.0, 12.0, 24.0)
ONCE = (1.0,)
PRODUCTS = (
    ("Arbeidsuren monteur", 5500, 8500, 21, HOURS),
    ("Arbeidsuren adviseur", 9500, 14500, 21, HOURS),
    ("Voorrijkosten", 3500, 5500, 21, ONCE),
    ("Verzendkosten", 695, 2495, 21, ONCE),
    ("Kantoorpapier A4 (doos)", 2450, 3450, 21, PIECES),
    ("Cv-ketel onderhoud", 8900, 14900, 21, ONCE),
    ("Bevestigingsmateriaal", 295, 1995, 21, PIECES),
    ("Tuinaarde 40 liter", 395, 695, 21, PIECES),
    ("Vakliteratuur", 1995, 5995, 9, PIECES),
    ("Koffie en lunch", 850, 1650, 9, PIECES),
    ("Bloemstuk", 2500, 7500, 9, ONCE),
    ("Softwarelicentie", 4900, 29900, 21, PIECES),
    ("Huur steiger per week", 12500, 32500, 21, PIECES),
    ("Laptop", 69900, 149900, 21, ONCE),
    ("Schilderwerk per m2", 1850, 3250, 21, (10.0, 12.5, 20.0, 35.0, 48.0)),
)
EXTRA_ATTACHMENTS = ("Algemene voorwaarden", "Werkbon", "Pakbon")
CONDITIONS_TERMS = (
    "Artikel 1 - Toepasselijkheid: deze voorwaarden gelden voor alle aanbiedingen.",
    "Artikel 2 - Betaling: binnen de op de factuur vermelde termijn.",
    "Artikel 3 - Eigendomsvoorbehoud: geleverde zaken blijven ons eigendom tot betaling.",
    "Artikel 4 - Aansprakelijkheid: beperkt tot het factuurbedrag.",
    "Artikel 5 - Geschillen: Nederlands recht is van toepassing.",
)
