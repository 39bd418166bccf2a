<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>About</name>
    <message>
        <source>About Payt onboarding</source>
        <translation>Over Payt onboarding</translation>
    </message>
    <message>
        <source>&lt;b&gt;Payt onboarding&lt;/b&gt; {version}&lt;br&gt;Connect AFAS Profit to Payt and prove the connection works.</source>
        <translation>&lt;b&gt;Payt onboarding&lt;/b&gt; {version}&lt;br&gt;AFAS Profit koppelen aan Payt en bewijzen dat de koppeling werkt.</translation>
    </message>
    <message>
        <source>installer or app</source>
        <translation>installatie of app</translation>
    </message>
    <message>
        <source>Python package</source>
        <translation>Python-pakket</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versie:</translation>
    </message>
    <message>
        <source>Python, PySide6, Qt:</source>
        <translation>Python, PySide6, Qt:</translation>
    </message>
    <message>
        <source>Payt requirements:</source>
        <translation>Payt-eisen:</translation>
    </message>
    <message>
        <source>Keyring:</source>
        <translation>Wachtwoordkluis:</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Logmap:</translation>
    </message>
    <message>
        <source>&amp;Detailed log (for a support request)</source>
        <translation>&amp;Uitgebreid logbestand (voor een supportvraag)</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Diagnose kopiëren</translation>
    </message>
    <message>
        <source>Versions, system, keyring and the last check&apos;s outcome, for an e-mail to Payt. Never the token.</source>
        <translation>Versies, systeem, wachtwoordkluis en de uitkomst van de laatste controle, voor een e-mail aan Payt. Nooit het token.</translation>
    </message>
    <message>
        <source>looking…</source>
        <translation>bezig met zoeken…</translation>
    </message>
    <message>
        <source>none usable: the token is kept for this session only</source>
        <translation>geen bruikbare: het token blijft alleen voor deze sessie bewaard</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>CheckAll</name>
    <message>
        <source>Check all saved profiles</source>
        <translation>Alle opgeslagen profielen controleren</translation>
    </message>
    <message>
        <source>Every saved profile is checked again with the token or client secret stored for it. Double-click a client to open its report.</source>
        <translation>Elk opgeslagen profiel wordt opnieuw gecontroleerd met het token of client-secret dat ervoor is bewaard. Dubbelklik op een klant om het rapport te openen.</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v van %m</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Inloggegevens</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Changes since the last validation: connectors, fields, findings, fill rates, expiry. The report lists them.</source>
        <translation>Wijzigingen sinds de laatste validatie: connectoren, velden, bevindingen, vulgraad, vervaldatum. Het rapport somt ze op.</translation>
    </message>
    <message>
        <source>Results per client</source>
        <translation>Resultaten per klant</translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation>Rapport &amp;openen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;luiten</translation>
    </message>
    <message>
        <source>Send stored tokens and secrets to these addresses?</source>
        <translation>Opgeslagen tokens en secrets naar deze adressen sturen?</translation>
    </message>
    <message>
        <source>These profiles send their token or client secret to an address that is not AFAS&apos;s own:

{addresses}

Only answer Yes if you trust these addresses, for example your own simulator. With No, those profiles are listed as not checked.</source>
        <translation>Deze profielen sturen hun token of client-secret naar een adres dat niet het eigen adres van AFAS is:

{addresses}

Antwoord alleen Ja als u deze adressen vertrouwt, bijvoorbeeld uw eigen simulator. Met Nee worden die profielen als niet gecontroleerd vermeld.</translation>
    </message>
    <message>
        <source>{verdict} (stopped early)</source>
        <translation>{verdict} (voortijdig gestopt)</translation>
    </message>
    <message>
        <source>Double-click to open the report.</source>
        <translation>Dubbelklik om het rapport te openen.</translation>
    </message>
    <message>
        <source>not checked: {reason}</source>
        <translation>niet gecontroleerd: {reason}</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>mislukt: {reason}</translation>
    </message>
    <message>
        <source>This profile was saved before this version kept what it validated: there is nothing to compare with yet.</source>
        <translation>Dit profiel is opgeslagen voordat deze versie bijhield wat er gevalideerd is: er is nog niets om mee te vergelijken.</translation>
    </message>
    <message>
        <source>{checked} of {total} checked, {not_checked} not checked.</source>
        <translation>{checked} van {total} gecontroleerd, {not_checked} niet gecontroleerd.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestopt.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <source>Check all stopped on an unexpected error.</source>
        <translation>Alles controleren stopte op een onverwachte fout.</translation>
    </message>
    <message>
        <source>{error}. See the log file (About).</source>
        <translation>{error}. Zie het logbestand (Over).</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wordt gestopt…</translation>
    </message>
    <message>
        <source>you chose not to send its stored secret to an address that is not AFAS&apos;s own</source>
        <translation>u koos het opgeslagen geheim niet te sturen naar een adres dat niet van AFAS is</translation>
    </message>
    <message>
        <source>stopped before its turn</source>
        <translation>gestopt voordat het aan de beurt was</translation>
    </message>
    <message>
        <source>token expires soon</source>
        <translation>token verloopt binnenkort</translation>
    </message>
    <message>
        <source>classic tokens end</source>
        <translation>klassieke tokens stoppen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… en nog {count}</translation>
    </message>
</context>
<context>
    <name>ConnectorsPage</name>
    <message>
        <source>Testing the connectors</source>
        <translation>Connectoren testen</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Every GetConnector Payt uses is queried live. Choose a row for its findings and what to do about them.</source>
        <translation>Elke GetConnector die Payt gebruikt wordt live opgevraagd. Kies een regel voor de bevindingen en wat eraan te doen is.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connectoren</translation>
    </message>
    <message>
        <source>&amp;Copy finding</source>
        <translation>Bevinding &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copy &amp;all findings</source>
        <translation>&amp;Alle bevindingen kopiëren</translation>
    </message>
    <message>
        <source>Findings in full</source>
        <translation>Bevindingen volledig</translation>
    </message>
    <message>
        <source>Test &amp;all again</source>
        <translation>&amp;Alles opnieuw testen</translation>
    </message>
    <message>
        <source>T&amp;est this connector again</source>
        <translation>Deze connector opnieuw t&amp;esten</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>&amp;Load requirements…</source>
        <translation>Eisen &amp;laden…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wordt gestopt…</translation>
    </message>
    <message>
        <source>{done} of {total} tested</source>
        <translation>{done} van {total} getest</translation>
    </message>
    <message>
        <source>The check failed unexpectedly.</source>
        <translation>De controle is onverwacht mislukt.</translation>
    </message>
    <message>
        <source>Try again. ({kind})</source>
        <translation>Probeer het opnieuw. ({kind})</translation>
    </message>
    <message>
        <source>What to do: </source>
        <translation>Wat te doen: </translation>
    </message>
    <message>
        <source>Nothing was tested. Go Back to change the environment or the token; Next only saves this environment as a draft.</source>
        <translation>Er is niets getest. Ga Terug om de omgeving of het token te wijzigen; Volgende bewaart deze omgeving alleen als concept.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Load Payt requirements</source>
        <translation>Payt-eisen laden</translation>
    </message>
    <message>
        <source>Payt requirements (*.toml);;All files (*)</source>
        <translation>Payt-eisen (*.toml);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>This requirements file cannot be used.</source>
        <translation>Dit eisenbestand is niet te gebruiken.</translation>
    </message>
</context>
<context>
    <name>EnvironmentPage</name>
    <message>
        <source>AFAS environment</source>
        <translation>AFAS-omgeving</translation>
    </message>
    <message>
        <source>Which of the client&apos;s environments is connected?</source>
        <translation>Welke omgeving van de klant wordt gekoppeld?</translation>
    </message>
    <message>
        <source>Environment n&amp;umber:</source>
        <translation>&amp;Omgevingsnummer:</translation>
    </message>
    <message>
        <source>5 digits, or the code such as O12345AA. The number is in every AFAS Online username (12345.jansen) and in the AFAS Online address (https://12345.afasonline.com).</source>
        <translation>5 cijfers, of de code zoals O12345AA. Het nummer staat in elke AFAS Online-gebruikersnaam (12345.jansen) en in het adres van AFAS Online (https://12345.afasonline.com).</translation>
    </message>
    <message>
        <source>Environment &amp;type:</source>
        <translation>Omgevingst&amp;ype:</translation>
    </message>
    <message>
        <source>REST address</source>
        <translation>REST-adres</translation>
    </message>
    <message>
        <source>REST address:</source>
        <translation>REST-adres:</translation>
    </message>
    <message>
        <source>&amp;Advanced: use another address</source>
        <translation>&amp;Geavanceerd: ander adres gebruiken</translation>
    </message>
    <message>
        <source>Bas&amp;e URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Only for an on-premises server or the simulator; otherwise leave empty.</source>
        <translation>Alleen nodig voor een eigen server of de simulator; anders leeg laten.</translation>
    </message>
    <message>
        <source>Not complete yet</source>
        <translation>Nog niet compleet</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong unexpectedly. The window stays open: try again, or send the details and the log file to Payt.</source>
        <translation>Er ging onverwacht iets mis. Het venster blijft open: probeer het opnieuw, of stuur de details en het logbestand naar Payt.</translation>
    </message>
    <message>
        <source>What happened: {message}

Log file: {path}</source>
        <translation>Wat er gebeurde: {message}

Logbestand: {path}</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Details kopiëren</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows Referentiebeheer</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-sleutelhanger</translation>
    </message>
    <message>
        <source>GNOME Keyring / KWallet</source>
        <translation>GNOME-sleutelbos / KWallet</translation>
    </message>
    <message>
        <source>GNOME Keyring or KWallet</source>
        <translation>GNOME-sleutelbos of KWallet</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Field mapping</source>
        <translation>Veldkoppeling</translation>
    </message>
    <message>
        <source>Where a field is missing under the name Payt expects, choose the AFAS field that holds the value. The result is judged again at once.</source>
        <translation>Ontbreekt een veld onder de naam die Payt verwacht, kies dan het AFAS-veld dat de waarde bevat. Het resultaat wordt direct opnieuw beoordeeld.</translation>
    </message>
    <message>
        <source>&amp;Connector:</source>
        <translation>&amp;Connector:</translation>
    </message>
    <message>
        <source>Show only &amp;gaps</source>
        <translation>Alleen &amp;problemen tonen</translation>
    </message>
    <message>
        <source>Payt field</source>
        <translation>Payt-veld</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>Verplicht</translation>
    </message>
    <message>
        <source>AFAS field</source>
        <translation>AFAS-veld</translation>
    </message>
    <message>
        <source>AFAS type</source>
        <translation>AFAS-type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Gevuld</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Voorbeelden</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Velden</translation>
    </message>
    <message>
        <source>Across connectors</source>
        <translation>Over alle connectoren</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Bevinding</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Findings across connectors</source>
        <translation>Bevindingen over alle connectoren</translation>
    </message>
    <message>
        <source> — not tested</source>
        <translation> — niet getest</translation>
    </message>
    <message>
        <source> — 1 field to map</source>
        <translation> — 1 veld te koppelen</translation>
    </message>
    <message>
        <source> — {gaps} fields to map</source>
        <translation> — {gaps} velden te koppelen</translation>
    </message>
    <message>
        <source>Verdict now: </source>
        <translation>Oordeel nu: </translation>
    </message>
    <message>
        <source>All {read} rows were read, but this mapping is judged on the first {judged} only. Test again to judge it on every row.</source>
        <translation>Alle {read} rijen zijn gelezen, maar deze koppeling is alleen op de eerste {judged} beoordeeld. Test opnieuw om haar op elke rij te beoordelen.</translation>
    </message>
    <message>
        <source>This connector was not tested: the previous page says why.</source>
        <translation>Deze connector is niet getest: zie de vorige pagina voor de reden.</translation>
    </message>
    <message>
        <source>All of Payt&apos;s fields are present and filled.</source>
        <translation>Alle velden van Payt zijn aanwezig en gevuld.</translation>
    </message>
    <message>
        <source>AFAS field for {payt_field}</source>
        <translation>AFAS-veld voor {payt_field}</translation>
    </message>
    <message>
        <source>— choose an AFAS field —</source>
        <translation>— kies een AFAS-veld —</translation>
    </message>
    <message>
        <source>  (suggested)</source>
        <translation>  (voorgesteld)</translation>
    </message>
    <message>
        <source>Remove the mapping ({payt_field})</source>
        <translation>Koppeling opheffen ({payt_field})</translation>
    </message>
    <message>
        <source>No findings across connectors.</source>
        <translation>Geen bevindingen over alle connectoren.</translation>
    </message>
    <message>
        <source>What to do: </source>
        <translation>Wat te doen: </translation>
    </message>
    <message>
        <source>Examples: </source>
        <translation>Voorbeelden: </translation>
    </message>
</context>
<context>
    <name>OAuthFields</name>
    <message>
        <source>Client id</source>
        <translation>Client-id</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>Client-&amp;id:</translation>
    </message>
    <message>
        <source>The client id of the app connector&apos;s OAuth client in Profit.</source>
        <translation>De client-id van de OAuth-client van de AppConnector in Profit.</translation>
    </message>
    <message>
        <source>Client &amp;secret</source>
        <translation>Client-&amp;secret</translation>
    </message>
    <message>
        <source>&amp;Private key (file)</source>
        <translation>&amp;Private key (bestand)</translation>
    </message>
    <message>
        <source>Proves itself with:</source>
        <translation>Identificeert zich met:</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-secret</translation>
    </message>
    <message>
        <source>Automatic (post, then basic)</source>
        <translation>Automatisch (post, dan basic)</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>S&amp;ecret:</translation>
    </message>
    <message>
        <source>Shown once by Profit when the client was made; it never appears in reports or logs.</source>
        <translation>Eenmalig getoond door Profit bij het aanmaken van de client; het komt nooit in rapporten of logs.</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Private-key-bestand</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>key id (optional)</source>
        <translation>key-id (optioneel)</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Key-id</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Sleutelbestand:</translation>
    </message>
    <message>
        <source>The PEM private key whose certificate is uploaded in Profit. It stays in its file; the profile keeps only its path.</source>
        <translation>De PEM-private key waarvan het certificaat in Profit is geüpload. Hij blijft in zijn bestand; het profiel bewaart alleen het pad.</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Private key</translation>
    </message>
    <message>
        <source>PEM private key (*.pem *.key);;All files (*)</source>
        <translation>PEM-private key (*.pem *.key);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>ProfileList</name>
    <message>
        <source>classic token</source>
        <translation>klassiek token</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>niet bekend</translation>
    </message>
    <message>
        <source>AFAS does not say until when an OAuth client secret is valid: see the app connector in AFAS.</source>
        <translation>AFAS geeft niet door tot wanneer een OAuth-client-secret geldig is: kijk bij de AppConnector in AFAS.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>verlopen</translation>
    </message>
    <message>
        <source>The token expired after the last check. Check the profile again with a new token.</source>
        <translation>Het token is na de laatste controle verlopen. Controleer het profiel opnieuw met een nieuw token.</translation>
    </message>
    <message>
        <source>AFAS ends classic tokens: this one stops working on {date}. Move the app connector to OAuth (Hybrid) in time.</source>
        <translation>AFAS stopt met klassieke tokens: dit token werkt tot {date}. Zet de AppConnector op tijd om naar OAuth (Hybride).</translation>
    </message>
    <message>
        <source>Valid until {date}, as AFAS said at the last check. Check the profile again with a new token.</source>
        <translation>Geldig tot {date}, volgens AFAS bij de laatste controle. Controleer het profiel opnieuw met een nieuw token.</translation>
    </message>
    <message>
        <source>{date} ({days} days left)</source>
        <translation>{date} (nog {days} dagen)</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>verloopt vandaag</translation>
    </message>
    <message>
        <source>expires tomorrow</source>
        <translation>verloopt morgen</translation>
    </message>
    <message>
        <source>expires in {days} days</source>
        <translation>verloopt over {days} dagen</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report: {profile}</source>
        <translation>Rapport: {profile}</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Rapport &amp;exporteren…</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Rapport exporteren</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-rapport (*.html)</translation>
    </message>
    <message>
        <source>The report was not written.</source>
        <translation>Het rapport is niet geschreven.</translation>
    </message>
    <message>
        <source>{strerror}. Choose another folder.</source>
        <translation>{strerror}. Kies een andere map.</translation>
    </message>
    <message>
        <source>Report exported.</source>
        <translation>Rapport geëxporteerd.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary and save</source>
        <translation>Samenvatting en opslaan</translation>
    </message>
    <message>
        <source>Keep the checked configuration as a profile.</source>
        <translation>Bewaar de gecontroleerde instellingen als profiel.</translation>
    </message>
    <message>
        <source>&amp;Profile name:</source>
        <translation>&amp;Profielnaam:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Rapport &amp;exporteren…</translation>
    </message>
    <message>
        <source>&amp;Copy summary</source>
        <translation>Samenvatting &amp;kopiëren</translation>
    </message>
    <message>
        <source>The &amp;report</source>
        <translation>Het &amp;rapport</translation>
    </message>
    <message>
        <source>. Fix the errors and test again; until then the profile can only be saved as a draft (not validated).</source>
        <translation>. Los de fouten op en test opnieuw; tot dan kan het profiel alleen als concept (niet gevalideerd) worden opgeslagen.</translation>
    </message>
    <message>
        <source>Save as &amp;draft (not validated)</source>
        <translation>Opslaan als &amp;concept (niet gevalideerd)</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>Profiel &amp;opslaan</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Private key:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Client-secret:</translation>
    </message>
    <message>
        <source>stays in its own file; the profile keeps its path.</source>
        <translation>blijft in zijn eigen bestand; het profiel bewaart het pad.</translation>
    </message>
    <message>
        <source>not kept (as chosen on the token page).</source>
        <translation>wordt niet bewaard (zo gekozen op de tokenpagina).</translation>
    </message>
    <message>
        <source>kept in {name}.</source>
        <translation>wordt bewaard in {name}.</translation>
    </message>
    <message>
        <source>for this session only: there is no usable keyring.</source>
        <translation>alleen voor deze sessie: er is geen bruikbare wachtwoordkluis.</translation>
    </message>
    <message>
        <source>The name is empty: for example the client&apos;s company name.</source>
        <translation>De naam is leeg: gebruik bijvoorbeeld de bedrijfsnaam van de klant.</translation>
    </message>
    <message>
        <source>Choose another profile name.</source>
        <translation>Kies een andere profielnaam.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>Replace the profile?</source>
        <translation>Profiel vervangen?</translation>
    </message>
    <message>
        <source>A profile named &apos;{name}&apos; already exists (environment {uid}). Replace it with this check?</source>
        <translation>Er bestaat al een profiel met de naam &apos;{name}&apos; (omgeving {uid}). Vervangen door deze controle?</translation>
    </message>
    <message>
        <source>The profile was not saved.</source>
        <translation>Het profiel is niet opgeslagen.</translation>
    </message>
    <message>
        <source>The private key stays in its own file.</source>
        <translation>De private key blijft in zijn eigen bestand.</translation>
    </message>
    <message>
        <source>The client secret is in {store_name}.</source>
        <translation>Het client-secret staat in {store_name}.</translation>
    </message>
    <message>
        <source>The client secret is kept for this session only (no keyring).</source>
        <translation>Het client-secret is alleen voor deze sessie bewaard (geen wachtwoordkluis).</translation>
    </message>
    <message>
        <source>The client secret was NOT kept: AFAS did not accept it.</source>
        <translation>Het client-secret is NIET bewaard: AFAS accepteerde het niet.</translation>
    </message>
    <message>
        <source>The client secret was NOT kept: {problem}</source>
        <translation>Het client-secret is NIET bewaard: {problem}</translation>
    </message>
    <message>
        <source>The client secret was not kept (as chosen).</source>
        <translation>Het client-secret is niet bewaard (zo gekozen).</translation>
    </message>
    <message>
        <source>The token is in {store_name}.</source>
        <translation>Het token staat in {store_name}.</translation>
    </message>
    <message>
        <source>The token is kept for this session only (no keyring).</source>
        <translation>Het token is alleen voor deze sessie bewaard (geen wachtwoordkluis).</translation>
    </message>
    <message>
        <source>The token was NOT kept: AFAS did not accept it.</source>
        <translation>Het token is NIET bewaard: AFAS accepteerde het niet.</translation>
    </message>
    <message>
        <source>The token was NOT kept: {problem}</source>
        <translation>Het token is NIET bewaard: {problem}</translation>
    </message>
    <message>
        <source>The token was not kept (as chosen).</source>
        <translation>Het token is niet bewaard (zo gekozen).</translation>
    </message>
    <message>
        <source>Draft &apos;{name}&apos; saved (not validated).</source>
        <translation>Concept &apos;{name}&apos; opgeslagen (niet gevalideerd).</translation>
    </message>
    <message>
        <source>Profile &apos;{name}&apos; saved.</source>
        <translation>Profiel &apos;{name}&apos; opgeslagen.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Rapport exporteren</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-rapport (*.html)</translation>
    </message>
    <message>
        <source>The report was not written.</source>
        <translation>Het rapport is niet geschreven.</translation>
    </message>
    <message>
        <source>{strerror}. Choose another folder.</source>
        <translation>{strerror}. Kies een andere map.</translation>
    </message>
    <message>
        <source>Report exported.</source>
        <translation>Rapport geëxporteerd.</translation>
    </message>
    <message>
        <source>Summary copied: paste it into an e-mail.</source>
        <translation>Samenvatting gekopieerd: plak hem in een e-mail.</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>AppConnector credentials</source>
        <translation>Inloggegevens van de AppConnector</translation>
    </message>
    <message>
        <source>What Payt reads the AFAS data with: a classic token, or the app connector&apos;s OAuth client.</source>
        <translation>Waarmee Payt de AFAS-gegevens leest: een klassiek token, of de OAuth-client van de AppConnector.</translation>
    </message>
    <message>
        <source>Token (c&amp;lassic)</source>
        <translation>Token (k&amp;lassiek)</translation>
    </message>
    <message>
        <source>&amp;OAuth client</source>
        <translation>&amp;OAuth-client</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Tone&amp;n</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>To&amp;ken:</translation>
    </message>
    <message>
        <source>Paste the token as AFAS gives it: the &lt;token&gt;…&lt;/token&gt; text, its base64 form or just the long value from &lt;data&gt;. It never appears in reports or logs.</source>
        <translation>Plak het token zoals AFAS het geeft: de tekst &lt;token&gt;…&lt;/token&gt;, de base64-vorm of alleen de lange waarde uit &lt;data&gt;. Het wordt nooit getoond in rapporten of logs.</translation>
    </message>
    <message>
        <source>&amp;Remember the token (looking for the keyring…)</source>
        <translation>Token &amp;onthouden (de wachtwoordkluis wordt gezocht…)</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>&amp;Verbinding testen</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Toegangstoken</translation>
    </message>
    <message>
        <source>Reading the client secret from the keyring…</source>
        <translation>Client-secret wordt opgehaald uit de wachtwoordkluis…</translation>
    </message>
    <message>
        <source>Reading the token from the keyring…</source>
        <translation>Token wordt opgehaald uit de wachtwoordkluis…</translation>
    </message>
    <message>
        <source>The stored token or client secret was not used for this address: paste it to test it there.</source>
        <translation>Het opgeslagen token of client-secret is niet gebruikt voor dit adres: plak het om het daar te testen.</translation>
    </message>
    <message>
        <source>No token was stored with this profile: paste the token again.</source>
        <translation>Bij dit profiel is geen token bewaard: plak het token opnieuw.</translation>
    </message>
    <message>
        <source>Send the stored token or client secret to this address?</source>
        <translation>Het opgeslagen token of client-secret naar dit adres sturen?</translation>
    </message>
    <message>
        <source>This profile sends the token or client secret to {address}, not to AFAS&apos;s own address for environment {uid} ({kind}): {afas}.

Only continue if you trust this address, for example your own simulator.</source>
        <translation>Dit profiel stuurt het token of client-secret naar {address}, niet naar het eigen adres van AFAS voor omgeving {uid} ({kind}): {afas}.

Ga alleen door als u dit adres vertrouwt, bijvoorbeeld uw eigen simulator.</translation>
    </message>
    <message>
        <source>&amp;Remember the client secret in {name}</source>
        <translation>Client-secret &amp;onthouden in {name}</translation>
    </message>
    <message>
        <source>&amp;Remember the token in {name}</source>
        <translation>Token &amp;onthouden in {name}</translation>
    </message>
    <message>
        <source>&amp;Remember the client secret</source>
        <translation>Client-secret &amp;onthouden</translation>
    </message>
    <message>
        <source>&amp;Remember the token</source>
        <translation>Token &amp;onthouden</translation>
    </message>
    <message>
        <source>Token loaded from the keyring.</source>
        <translation>Token uit de wachtwoordkluis geladen.</translation>
    </message>
    <message>
        <source>There is no usable password vault ({example}) on this computer: the token or client secret is kept only while this window is open.</source>
        <translation>Er is geen bruikbare wachtwoordkluis van het systeem ({example}) op deze computer: het token of client-secret blijft alleen bewaard zolang dit venster open is.</translation>
    </message>
    <message>
        <source>The saved token was not found. Paste the token again.</source>
        <translation>Het opgeslagen token is niet gevonden. Plak het token opnieuw.</translation>
    </message>
    <message>
        <source>Client secret loaded from the keyring.</source>
        <translation>Client-secret uit de wachtwoordkluis geladen.</translation>
    </message>
    <message>
        <source>The saved client secret was not found. Paste it again.</source>
        <translation>Het opgeslagen client-secret is niet gevonden. Plak het opnieuw.</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <translation>Verb&amp;ergen</translation>
    </message>
    <message>
        <source>This token cannot be read.</source>
        <translation>Dit token is niet te lezen.</translation>
    </message>
    <message>
        <source>This OAuth client cannot be used.</source>
        <translation>Deze OAuth-client is niet te gebruiken.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbinding wordt getest…</translation>
    </message>
    <message>
        <source>What to do: </source>
        <translation>Wat te doen: </translation>
    </message>
    <message>
        <source>Next is possible once AFAS accepts the credentials: change them and test again.</source>
        <translation>Volgende kan pas als AFAS de inloggegevens accepteert: pas ze aan en test opnieuw.</translation>
    </message>
    <message>
        <source>{kind}, valid {minutes} min ({method})</source>
        <translation>{kind}, {minutes} min geldig ({method})</translation>
    </message>
    <message>
        <source>Connected: AFAS issued an access token to this OAuth client and accepts it.</source>
        <translation>Verbonden: AFAS gaf deze OAuth-client een toegangstoken en accepteert het.</translation>
    </message>
    <message>
        <source>Connected: AFAS accepts this token.</source>
        <translation>Verbinding gelukt: AFAS accepteert dit token.</translation>
    </message>
    <message>
        <source>The test failed unexpectedly.</source>
        <translation>De test is onverwacht mislukt.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Connect AFAS Profit to Payt</source>
        <translation>AFAS Profit koppelen aan Payt</translation>
    </message>
    <message>
        <source>Check live whether an AFAS environment delivers everything Payt needs.</source>
        <translation>Controleer live of een AFAS-omgeving alles levert wat Payt nodig heeft.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What is checked&lt;/b&gt;&lt;ul&gt;{roles}&lt;/ul&gt;Per connector: does it exist, does it return rows, does it hold Payt&apos;s fields and are they filled. Also the invoice PDFs through AppConnectorSubject.&lt;br&gt;&lt;br&gt;&lt;b&gt;What you need&lt;/b&gt;: the client&apos;s environment number (for example 12345) and the token of the AppConnector for Payt.</source>
        <translation>&lt;b&gt;Wat wordt gecontroleerd&lt;/b&gt;&lt;ul&gt;{roles}&lt;/ul&gt;Per connector: bestaat hij, geeft hij rijen, zitten de velden van Payt erin en zijn ze gevuld. Ook de factuur-pdf&apos;s via AppConnectorSubject.&lt;br&gt;&lt;br&gt;&lt;b&gt;Wat is nodig&lt;/b&gt;: het omgevingsnummer van de klant (bijvoorbeeld 12345) en het token van de AppConnector voor Payt.</translation>
    </message>
    <message>
        <source>&amp;New check</source>
        <translation>&amp;Nieuwe controle</translation>
    </message>
    <message>
        <source>Check a &amp;saved profile again:</source>
        <translation>&amp;Opgeslagen profiel opnieuw controleren:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Gecontroleerd</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Inloggegevens</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Opgeslagen profielen</translation>
    </message>
    <message>
        <source>&amp;Check all</source>
        <translation>&amp;Alles controleren</translation>
    </message>
    <message>
        <source>Check every saved profile again with the token or client secret stored for it, and see where each client stands.</source>
        <translation>Controleer elk opgeslagen profiel opnieuw met het token of client-secret dat ervoor is bewaard, en zie hoe elke klant ervoor staat.</translation>
    </message>
    <message>
        <source>The saved profiles cannot be read.</source>
        <translation>De opgeslagen profielen zijn niet te lezen.</translation>
    </message>
    <message>
        <source>{kind}. See the log file (About).</source>
        <translation>{kind}. Zie het logbestand (Over).</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>onleesbaar</translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation>kan niet worden geopend</translation>
    </message>
    <message>
        <source>Draft (not validated)</source>
        <translation>Concept (niet gevalideerd)</translation>
    </message>
    <message>
        <source>Check a saved profile again (no profiles yet)</source>
        <translation>Opgeslagen profiel opnieuw controleren (nog geen profielen)</translation>
    </message>
    <message>
        <source>This profile cannot be opened.</source>
        <translation>Dit profiel kan niet worden geopend.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>running…</source>
        <translation>bezig…</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wacht</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Payt onboarding: connect AFAS Profit</source>
        <translation>Payt-onboarding: AFAS Profit koppelen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Sluiten zonder opslaan?</translation>
    </message>
    <message>
        <source>The result of this check and the field mappings you chose are not saved in a profile. Close anyway?</source>
        <translation>Het resultaat van deze controle en de gekozen veldkoppelingen zijn niet in een profiel opgeslagen. Toch sluiten?</translation>
    </message>
</context>
</TS>
