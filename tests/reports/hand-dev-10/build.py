#!/usr/bin/env python3
"""Writes the hand-written mails of this set and expected.jsonl.

Every mail below is its own literal text; this script only takes care of
MIME structure, charsets and transfer encodings (stdlib `email`)."""
import os, json
from email.message import EmailMessage
from email import policy

OUT = os.path.dirname(os.path.abspath(__file__))
KEYS = ["file", "kind", "language", "cve_ids", "cvss_vector", "cvss_score",
        "reported_score", "has_remediation", "remediation_hint",
        "has_customer_message", "customer_message_hint"]


def lab(kind, lang, cves=(), vector=None, score=None, reported=None,
        fix=None, cust=None):
    return {"kind": kind, "language": lang, "cve_ids": sorted(cves),
            "cvss_vector": vector, "cvss_score": score,
            "reported_score": reported,
            "has_remediation": fix is not None, "remediation_hint": fix,
            "has_customer_message": cust is not None,
            "customer_message_hint": cust}


MAILS = []

# ---------------------------------------------------------------- 001
MAILS.append(dict(file="001-ssrf-image-proxy.eml", headers=[
    ("From", "Tomasz Wierzba <t.wierzba@mailbox.example>"),
    ("To", "security@example.test"),
    ("Subject", "SSRF in NimbusPanel image proxy"),
    ("Date", "Mon, 03 Feb 2025 08:14:22 +0100"),
    ("Message-ID", "<b3f1c2a0-71d4-4a39-9e5e-0c1d77aa1f01@mailbox.example>"),
], text="""Hi,

the thumbnail proxy at https://panel.example.test/img/fetch?u= will fetch
any URL you give it, including internal ones. From a free trial account:

  GET /img/fetch?u=http://169.254.169.254/latest/meta-data/ HTTP/1.1

returns the metadata listing of the host. I stopped there, did not pull
any credentials.

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N

Suggested fix: validate the url against an allowlist of image hosts and
block link-local / RFC1918 ranges after DNS resolution.

Tomasz
""", label=lab("vulnerability", "en",
    vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", score=5.8,
    fix="validate the url against an allowlist")))

# ---------------------------------------------------------------- 002
MAILS.append(dict(file="002-xss-vela-webmail-minuscolo.eml", headers=[
    ("From", "dario.f <dario.ferrante92@posta.example>"),
    ("To", "security@example.test"),
    ("Subject", "xss nella webmail"),
    ("Date", "Tue, 04 Feb 2025 23:51:07 +0100"),
    ("Message-ID", "<CAF7x9q1vR2@posta.example>"),
], text="""ciao,
ho trovato un xss stored nella webmail vela (webmail.example.test). se mandi una mail con
il campo oggetto tipo

<img src=x onerror=alert(document.domain)>

quando il destinatario apre la lista dei messaggi nella vista "compatta" parte lo script.
nella vista normale invece viene escapato correttamente, quindi e solo quella vista li.

ho provato con chrome e firefox, tutte e due.
gli darei un 6,1 piu o meno, serve che la vittima apra la casella.

fatemi sapere se vi serve un video
dario
""", label=lab("vulnerability", "it", reported=6.1)))

# ---------------------------------------------------------------- 003
MAILS.append(dict(file="003-pec-comune-defacement.eml", headers=[
    ("From", "Comune di Valdorso - Protocollo <protocollo@pec.comune.valdorso.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: Segnalazione alterazione sito istituzionale - Prot. n. 0004127/2025"),
    ("Date", "Wed, 05 Feb 2025 10:02:45 +0100"),
    ("Message-ID", "<opec21058.20250205100245.04127.06.1.17@pec.comune.valdorso.example>"),
], charset="iso-8859-1", cte="quoted-printable", text="""Spett.le Example Hosting S.r.l.
Ufficio Sicurezza

OGGETTO: Segnalazione di alterazione non autorizzata del sito istituzionale
www.comune-valdorso.example ospitato presso Codesta Società.

Con la presente, il sottoscritto Responsabile per la Transizione al Digitale
del Comune di Valdorso, comunica che in data odierna, alle ore 7:40 circa,
personale dell'Ufficio Relazioni con il Pubblico ha rilevato che la pagina
principale del sito istituzionale risultava sostituita da una pagina
recante scritte in lingua straniera e immagini non riconducibili all'Ente.

Si precisa che le credenziali di accesso FTP al servizio di hosting sono
in uso esclusivamente alla ditta incaricata della manutenzione. A titolo
cautelativo abbiamo provveduto a cambiare le password di tutte le utenze
FTP e del pannello di controllo in data odierna alle ore 8:55.

Si chiede pertanto a Codesta Società di voler cortesemente:
  a) fornire i log di accesso FTP e HTTP relativi agli ultimi 30 giorni;
  b) ripristinare il sito dall'ultimo backup disponibile antecedente
     all'alterazione;
  c) comunicare ogni ulteriore elemento utile alla ricostruzione
     dell'accaduto, anche ai fini dell'eventuale notifica all'Autorità.

Certi di un cortese riscontro, si porgono distinti saluti.

Il Responsabile per la Transizione al Digitale
Dott. Ing. Gianfranco Melis
Comune di Valdorso - Piazza del Municipio, 1

---
Il presente messaggio di posta elettronica certificata e gli eventuali
allegati sono destinati unicamente al destinatario indicato. Qualora non
ne foste i destinatari, vi preghiamo di darne comunicazione al mittente
e di distruggerlo. Ai sensi del D.Lgs. 196/2003 e del Regolamento UE
2016/679 è vietato qualsiasi utilizzo non autorizzato.
""", label=lab("incident", "it",
    fix="provveduto a cambiare le password")))

# ---------------------------------------------------------------- 004
MAILS.append(dict(file="004-bugbounty-idor-invoices.eml", headers=[
    ("From", "BountyGrid Notifications <no-reply@notify.bountygrid.example>"),
    ("To", "Example Hosting Security <security@example.test>"),
    ("Subject", "[BountyGrid] New report #48213 for Example Hosting: IDOR in billing API exposes other customers' invoices"),
    ("Date", "Thu, 06 Feb 2025 14:30:12 +0000"),
    ("Message-ID", "<report-48213-1738852212@notify.bountygrid.example>"),
], text="""A new report has been submitted to your program **Example Hosting VDP**.

## Report #48213 — IDOR in billing API exposes other customers' invoices

**Researcher:** k4rma_cl0ud
**Asset:** api.example.test
**Weakness:** Insecure Direct Object Reference (CWE-639)
**Severity (researcher):** High

**CVSS 3.1:** CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N
**CVSS 4.0:** CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

### Summary

The endpoint `GET /v2/billing/invoices/{id}` only checks that the bearer
token is valid, not that the invoice belongs to the caller's account.
Invoice ids are sequential. `PATCH` on the same path also works, so the
billing address on someone else's invoice can be changed.

### Steps to reproduce

1. Create two accounts, A and B.
2. As B, note the id of one of your invoices (e.g. 1180432).
3. As A, call `GET /v2/billing/invoices/1180432` — B's invoice is returned,
   with name, VAT number and address.
4. As A, `PATCH /v2/billing/invoices/1180432` with `{"address": "x"}` — 200 OK.

### Remediation

Enforce an ownership check on the invoice resource (invoice.account_id
must equal the token's account) for every verb, and return 404 otherwise.

---
View the report: https://bountygrid.example/reports/48213
You are receiving this because you are a member of the Example Hosting team on BountyGrid.
""", label=lab("vulnerability", "en",
    vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=8.6,
    fix="Enforce an ownership check")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(file="005-question-xz-affected.eml", headers=[
    ("From", "Priya Raman <priya.raman@northwind-logistics.example>"),
    ("To", "security@example.test"),
    ("Subject", "Are you affected by CVE-2024-3094?"),
    ("Date", "Fri, 07 Feb 2025 09:12:40 -0500"),
    ("Message-ID", "<SN6PR04MB4861A2C3D1E0F@northwind-logistics.example>"),
], text="""Hello,

We are doing our annual third-party review and our auditors asked us to
confirm, for each hosting supplier, whether the xz/liblzma backdoor
(CVE-2024-3094) ever affected the managed VPS images you provide.

We have not seen anything wrong on our side, this is purely a paperwork
question. A one-line written statement on company letterhead would be
enough, ideally by the end of the month.

Thank you,
Priya Raman
IT Compliance Lead | Northwind Logistics
""", label=lab("unknown", "en", cves=["CVE-2024-3094"])))

# ---------------------------------------------------------------- 006
MAILS.append(dict(file="006-mssp-bruteforce-from-your-range.eml", headers=[
    ("From", "\"Helix MDR - SOC\" <soc-alerts@helixmdr.example>"),
    ("To", "abuse@example.test, security@example.test"),
    ("Subject", "TLP:AMBER - SSH brute force originating from 203.0.113.45 (your AS64500)"),
    ("Date", "Sat, 08 Feb 2025 03:47:19 +0000"),
    ("Message-ID", "<20250208034719.HMDR-77431@helixmdr.example>"),
], text="""TLP:AMBER

Hello Example Hosting team,

Helix MDR is monitoring a customer estate that has been receiving a
sustained SSH password-guessing campaign since 2025-02-07 22:10 UTC.
The top source is in your address space:

  Source IP    : 203.0.113.45
  ASN          : AS64500 (EXAMPLE-HOSTING)
  Target       : 198.51.100.0/24 (our customer)
  Protocol     : TCP/22
  Attempts     : ~184,000 in 5h 37m
  Usernames    : root, admin, ubuntu, oracle, git, test
  First seen   : 2025-02-07T22:10:03Z
  Last seen    : 2025-02-08T03:41:55Z

The pattern (fixed 0.1s interval, rotating usernames from a common
wordlist) looks like a compromised VPS running a known brute-forcing
kit rather than a deliberate scan by your customer.

Recommended action: isolate or null-route 203.0.113.45 until the owner
has cleaned the host. Full logs are available on request; please keep
this information within your abuse/security teams (TLP:AMBER).

Regards,
Marek Olsen
Tier-2 Analyst, Helix MDR Security Operations Center
+44 20 7946 0311
""", label=lab("incident", "en",
    fix="isolate or null-route 203.0.113.45")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(file="007-vendor-libreria-pdf-cve.eml", headers=[
    ("From", "Luca Bernasconi <l.bernasconi@cartasoft.example>"),
    ("To", "security@example.test"),
    ("Cc", "support@cartasoft.example"),
    ("Subject", "Avviso di sicurezza CartaPDF - CVE-2025-21877 (path traversal)"),
    ("Date", "Mon, 10 Feb 2025 11:25:03 +0100"),
    ("Message-ID", "<7c2e0d8a-0b64-4fd0-a9c2-9a7e3f1b2c10@cartasoft.example>"),
], text="""Buongiorno,

vi scrivo come maintainer di CartaPDF, la libreria di rendering che da quanto
ci risulta e inclusa nel modulo "Fatture PDF" di NimbusPanel (ce l'avete chiesta
in licenza OEM nel 2022).

Abbiamo appena pubblicato l'advisory per la CVE-2025-21877: un path traversal
nella gestione dei font embedded. Un template PDF costruito ad hoc puo far
leggere al renderer file arbitrari dal filesystem del server (es. /etc/passwd,
file di config con le credenziali del DB) e includerli nel PDF generato.
Non serve autenticazione se il template e caricabile dagli utenti finali, cosa
che nel vostro pannello mi pare possibile dalla sezione "Personalizza fattura".

Versioni affette: dalla 3.0.0 alla 3.2.0 incluse.
Il fix e nella release 3.2.1: vi consigliamo di aggiornare alla 3.2.1 appena
possibile; in alternativa si puo impostare fonts.allow_external=false nel file
cartapdf.ini, che blocca il vettore.

Per la comunicazione, ai clienti scriverei che i template personalizzati
caricati prima dell'aggiornamento vanno ricontrollati, ma e una vostra scelta.

L'advisory completo e qui: https://cartasoft.example/security/CSA-2025-002

Un saluto,
Luca Bernasconi
CartaSoft S.r.l. - Product Security
""", label=lab("vulnerability", "it", cves=["CVE-2025-21877"],
    fix="aggiornare alla 3.2.1",
    cust="i template personalizzati")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(file="008-national-cert-compromised-host.eml", headers=[
    ("From", "CERT-Nordland <cert@cert-nordland.example>"),
    ("To", "security@example.test"),
    ("Subject", "[CERT-NL#2025-0219] Compromised Ivanti-like VPN appliance in your network (CVE-2024-21887)"),
    ("Date", "Tue, 11 Feb 2025 07:58:00 +0100"),
    ("Message-ID", "<ticket-2025-0219.1739257080@cert-nordland.example>"),
], text="""-----BEGIN TLP:GREEN-----

Dear network owner,

CERT-Nordland has received information from a trusted partner about a
system in your network that shows signs of compromise.

Incident ID:      CERT-NL#2025-0219
Category:         Compromised system / web shell
IP address:       192.0.2.77
Hostname:         vpn.kundenportal.example
Timestamp:        2025-02-10 21:14 UTC
Vulnerability:    CVE-2024-21887 (command injection), chained with
                  CVE-2023-46805 (authentication bypass)
Observed:         Web shell reachable under /dana-na/auth/lastauthserverused.js,
                  outbound connections to 45.0.2.19:443
Source:           Partner sinkhole / honeypot network

The IP belongs to a dedicated server you rent to a customer. Please
forward this to them.

Recommended actions:
 - take the appliance offline, preserve memory and disk images
 - patch and reimage the appliance from a known-good image
 - reset all credentials that were stored on or passed through the device

We would appreciate a short confirmation once the customer has been
informed. Please keep the incident ID in the subject of any reply.

Kind regards,
CERT-Nordland Operations
https://cert-nordland.example  |  +47 21 00 00 00

-----END TLP:GREEN-----
""", label=lab("incident", "en", cves=["CVE-2023-46805", "CVE-2024-21887"],
    fix="patch and reimage the appliance")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(file="009-universita-richiesta-questionario.eml", headers=[
    ("From", "Ufficio Acquisti ICT - Università degli Studi di Castelvetro <acquisti.ict@unicastelvetro.example>"),
    ("To", "security@example.test"),
    ("Subject", "Richiesta compilazione questionario sicurezza fornitori - gara 12/2025"),
    ("Date", "Tue, 11 Feb 2025 15:40:31 +0100"),
    ("Message-ID", "<a19d3e4f5b6c@unicastelvetro.example>"),
], text="""Gentili Signori,

nell'ambito della procedura di affidamento del servizio di hosting per i
portali di Ateneo (gara n. 12/2025), ai sensi delle Misure Minime AgID e
del Regolamento di Ateneo sulla sicurezza delle informazioni, si richiede
la compilazione del questionario di valutazione della sicurezza dei
fornitori, che si trasmette in allegato in formato .xlsx.

Il questionario dovrà essere restituito, debitamente compilato e firmato
digitalmente dal legale rappresentante, entro il giorno 28 febbraio 2025
all'indirizzo PEC dell'Ateneo.

Si segnala altresì che, qualora la Vostra Società disponga di
certificazione ISO/IEC 27001 in corso di validità, è sufficiente allegarne
copia e compilare la sola sezione C.

Per ogni chiarimento è possibile contattare la sottoscritta.

Cordiali saluti

Dott.ssa Elena Sanna
Area Servizi Informatici - Ufficio Acquisti ICT
Università degli Studi di Castelvetro
Tel. 0789 000111
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 010
MAILS.append(dict(file="010-scanner-html-tls-findings.eml", headers=[
    ("From", "ScanWatch Reports <reports@scanwatch.example>"),
    ("To", "security@example.test"),
    ("Subject", "ScanWatch external scan: 1 medium finding on mail.example.test"),
    ("Date", "Wed, 12 Feb 2025 02:00:04 +0000"),
    ("Message-ID", "<scan-9f3a21-20250212T020004Z@scanwatch.example>"),
], html="""<html><body style="font-family:Arial,sans-serif;font-size:13px">
<h2>ScanWatch &mdash; External Surface Report</h2>
<p>Scheduled scan of <b>mail.example.test</b> (203.0.113.10) completed at 2025-02-12 01:58 UTC.</p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th>Field</th><th>Value</th></tr>
<tr><td>Finding</td><td>TLS 1.0 and TLS 1.1 enabled on SMTP submission (587) and IMAPS (993)</td></tr>
<tr><td>Plugin</td><td>SW-TLS-0042</td></tr>
<tr><td>Severity</td><td>score: 5.3 (medium)</td></tr>
<tr><td>Evidence</td><td>Server accepted ClientHello with version 0x0301, cipher TLS_RSA_WITH_3DES_EDE_CBC_SHA</td></tr>
<tr><td>Solution</td><td>Disable TLS 1.0/1.1 and 3DES cipher suites in the mail server configuration</td></tr>
<tr><td>First detected</td><td>2025-01-15</td></tr>
</table>
<p style="color:#888">You are receiving this report because security@example.test is the notification contact for asset group &quot;Public mail&quot;. Manage notifications in the ScanWatch console.</p>
</body></html>
""", label=lab("vulnerability", "en", reported=5.3,
    fix="Disable TLS 1.0/1.1 and 3DES")))

# ---------------------------------------------------------------- 011
MAILS.append(dict(file="011-fw-dati-clienti-su-paste.eml", headers=[
    ("From", "Giulia Conti <giulia.conti@example.test>"),
    ("To", "security@example.test"),
    ("Subject", "FW: dati del nostro e-commerce pubblicati online??"),
    ("Date", "Wed, 12 Feb 2025 12:06:55 +0100"),
    ("Message-ID", "<AM9PR07MB7313E1F0B2C4@example.test>"),
], text="""FYI, see below. Customer is on the Business plan.

G.

Giulia Conti
Customer Success - Example Hosting

Da: Stefano Rinaldi <stefano@ceramiche-rinaldi.example>
Inviato: mercoledì 12 febbraio 2025 11:41
A: Giulia Conti <giulia.conti@example.test>
Oggetto: dati del nostro e-commerce pubblicati online??

Buongiorno Giulia,

stamattina un cliente ci ha chiamato dicendo che su un sito tipo pastebin
c'è un file con nome, email, indirizzo e telefono di circa 2.300 nostri
clienti, con anche gli ordini degli ultimi due anni. Ho guardato e purtroppo
è vero, i dati sono i nostri: ci sono ordini che riconosco.

Il sito gira da voi su hosting gestito con il vostro WooCommerce
preinstallato. Noi non abbiamo esportato niente, e il file ha colonne con i
nomi esatti delle tabelle del database (wp_wc_order_stats ecc), quindi
secondo me qualcuno è entrato nel database.

Potete controllare i log e dirmi cosa è successo? Devo anche capire se
devo fare la segnalazione al Garante, ho letto che ci sono 72 ore.

Grazie,
Stefano Rinaldi
Ceramiche Rinaldi s.n.c.
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(file="012-idor-api-nonnative-rambling.eml", headers=[
    ("From", "Ahmed Benali <ahmed.benali.sec@mailbox.example>"),
    ("To", "security@example.test"),
    ("Subject", "Security issue - can see others DNS zone's"),
    ("Date", "Thu, 13 Feb 2025 19:22:10 +0100"),
    ("Message-ID", "<CAKd8x0pQ=Zq1@mailbox.example>"),
], text="""Hello Security Team,

I am Ahmed, I am doing bug hunting since 2 years, mostly on hosting
companys because I am working also as sysadmin. I hope this is the
correct email, I did not find a security.txt on your site so I try here.

So, when I was making my DNS records in the panel I see the request to
https://panel.example.test/api/dns/zones/88213/records and I ask myself
what happen if I change the number. And yes, it show me the zone of
another customer, with all the records, also TXT with some verification
tokens and internal hostnames like vpn-office.something. I tried only
with 3 numbers near to my own to confirm (88212, 88214, 88215) and I
did not changed anything, only read. But I think also DELETE method is
working because response to OPTIONS say GET, PUT, DELETE, I did not
test it for not destroy the data of other people.

Impact is big I think because you can take over subdomains or read
internal names of companys. I'd rate it 8.1 (high) but you can decide.

Please can you tell me when it is fixed, and if you have some bounty
or hall of fame I will be happy. Sorry for my english.

Best regards
Ahmed Benali
""", label=lab("vulnerability", "en", reported=8.1)))

# ---------------------------------------------------------------- 013
MAILS.append(dict(file="013-journalist-forum-sale-claim.eml", headers=[
    ("From", "Hannah Kroll <h.kroll@techledger-news.example>"),
    ("To", "press@example.test, security@example.test"),
    ("Subject", "Press inquiry: database of Example Hosting customers offered for sale"),
    ("Date", "Fri, 14 Feb 2025 16:03:27 +0000"),
    ("Message-ID", "<0100018f2b3c4d5e-techledger@techledger-news.example>"),
], text="""Hi,

I'm a reporter at TechLedger covering cybercrime. Since Wednesday a user
called "nullsector" has been advertising on a well-known breach forum
what they say is a database of 410,000 Example Hosting customer accounts
(emails, bcrypt password hashes, phone numbers, last login IP). They
posted a sample of 50 rows. I contacted six of the people in the sample
and four confirmed they are your customers and that the phone number
listed is theirs; two said they closed their account in 2023.

I'm planning to publish on Monday and would like to include your
comment. Specifically:

1. Are you aware of the listing, and do you confirm a breach?
2. When did it happen and which systems were involved?
3. Have customers been notified, and what are you advising them to do?

I can share the sample privately with your security team if that helps
verification. My deadline is Sunday 18:00 CET.

Best,
Hannah Kroll
Senior Reporter, TechLedger
Signal: +49 151 0000 0000
""", label=lab("incident", "en")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(file="014-chase-reply-to-ack.eml", headers=[
    ("From", "Marco Ostrowski <m.ostrowski@gmail.example>"),
    ("To", "Example Hosting Security <security@example.test>"),
    ("Subject", "Re: [SEC-2291] Your report has been received"),
    ("Date", "Mon, 17 Feb 2025 10:44:09 +0100"),
    ("Message-ID", "<CAHs9_rT4a1xY@mail.gmail.example>"),
    ("In-Reply-To", "<sec-2291-ack@example.test>"),
], text="""Hi again,

it's been three weeks since this acknowledgement and I haven't heard
anything. Could you at least tell me whether someone has triaged it and
whether you consider it valid? I'd like to know before I decide about
disclosure, I usually give 90 days but I prefer to coordinate.

Thanks,
Marco

On Mon, 27 Jan 2025 at 09:02, Example Hosting Security <security@example.test> wrote:
> Hello,
>
> Thank you for contacting the Example Hosting security team. Your
> report has been received and assigned the reference SEC-2291.
>
> A member of the team will review it and get back to you. Please keep
> the reference in the subject line of any further correspondence.
>
> Kind regards,
> Example Hosting Security
""", label=lab("unknown", "en")))

# ---------------------------------------------------------------- 015
MAILS.append(dict(file="015-pgp-xxe-import-xml.eml", headers=[
    ("From", "Federica Palumbo <fpalumbo@proton.example>"),
    ("To", "security@example.test"),
    ("Subject", "Segnalazione vulnerabilità XXE - import DNS da file XML"),
    ("Date", "Tue, 18 Feb 2025 21:17:48 +0100"),
    ("Message-ID", "<Yx3mQ2vB8@proton.example>"),
], text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

Buonasera,

segnalo una vulnerabilità di tipo XML External Entity nella funzione di
importazione delle zone DNS da file XML (NimbusPanel > DNS > Importa).

Dettagli
- --------
Il parser accetta DOCTYPE e risolve entità esterne. Caricando un file come:

  <?xml version="1.0"?>
  <!DOCTYPE zone [ <!ENTITY x SYSTEM "file:///etc/hostname"> ]>
  <zone><record name="&x;" type="A" value="127.0.0.1"/></zone>

il nome host del server backend compare nell'anteprima del record.
Con lo schema http:// l'entità fa partire anche richieste verso la rete
interna. Non ho provato a leggere altri file.

Valutazione: CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N
(PR:N perché la registrazione di un account di prova è libera.)

Correzione suggerita: disabilitare XML external entities e il
caricamento di DTD nel parser (per libxml2: niente LIBXML_NOENT e
LIBXML_DTDLOAD).

Resto a disposizione per chiarimenti. Chiave pubblica sul keyserver,
fingerprint 6A1F 0C2E 9D33 41B7 8E05  5F2A C7D1 0B94 3E68 A2C1.

Federica Palumbo
-----BEGIN PGP SIGNATURE-----

iHUEARYIAB0WIQRqHwwunTNBt44FXyrH0QuUPmiiwQUCZ7TrHAAKCRDH0QuUPmii
wX1qAP9bJk0xZ2V0c3VyZW5vdGFyZWFsc2lnbmF0dXJlAQDh3c2lnbmF0dXJl
Zm9ydGVzdGluZ29ubHk=
=Qm4x
-----END PGP SIGNATURE-----
""", label=lab("vulnerability", "it",
    vector="CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score=7.5,
    fix="disabilitare XML external entities")))

# ---------------------------------------------------------------- 016
MAILS.append(dict(file="016-vps-cryptominer-arrabbiato.eml", headers=[
    ("From", "Roberto Gallo <roberto.gallo@officinagallo.example>"),
    ("To", "support@example.test, security@example.test"),
    ("Subject", "VPS BLOCCATO E PIENO DI PROCESSI STRANI - URGENTE"),
    ("Date", "Wed, 19 Feb 2025 07:12:33 +0100"),
    ("Message-ID", "<000001db8285$4f0e2b10$ed2a8130$@officinagallo.example>"),
], charset="cp1252", cte="8bit", text="""Ma è possibile??

Stamattina il gestionale non risponde, entro nel VPS (quello da 8 GB, vps-31877)
e la CPU è al 100% da ieri sera. C'è un processo che si chiama "kdevtmpfsi" che
si mangia tutto, lo ammazzo e dopo due minuti ripartE da solo. Nel crontab
dell'utente www-data c'è una riga che scarica uno script da un IP che non
conosco e lo esegue ogni minuto. Io il crontab non l'ho mai toccato.

Non ho installato niente di nuovo, il server l'avete configurato VOI con
l'immagine "LAMP gestita" e l'aggiornamento dovrebbe essere automatico,
così c'era scritto nell'offerta.

Voglio sapere:
- come sono entrati
- se hanno preso i dati dei miei clienti (c'è il database delle fatture)
- chi mi paga la giornata persa

Aspetto una chiamata, non una mail automatica.
Roberto Gallo
Officina Gallo - 0321 000222
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(file="017-open-redirect-sso-setext.eml", headers=[
    ("From", "Jonas Lindqvist <jonas@lindqvist-sec.example>"),
    ("To", "security@example.test"),
    ("Subject", "Open redirect in ArgoBackup SSO login"),
    ("Date", "Thu, 20 Feb 2025 13:09:51 +0100"),
    ("Message-ID", "<5E7A1C2D-3B4F-4E6A-9C8B-1D2E3F4A5B6C@lindqvist-sec.example>"),
], text="""Open redirect in ArgoBackup SSO login
=====================================

Affected
--------
https://backup.example.test/oauth2/start?rd=...

The `rd` parameter is meant to be a relative path but the check only
looks at the first character. `rd=/\\evil.example/` is accepted and the
browser normalises it to `https://evil.example/` after login.

Impact
------
Phishing: a link that really starts with backup.example.test lands the
victim, after a genuine SSO login, on a look-alike page that asks them to
"re-enter the encryption passphrase". No token leak that I could find.

Score
-----
CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:L/VA:N/SC:L/SI:L/SA:N

Fix
---
This is the oauth2-proxy bug fixed upstream last year; bumping the
sidecar to 7.6.0 closes it. I checked the version string in /ping
which says 7.4.0.

/jonas
""", label=lab("vulnerability", "en",
    vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:L/VA:N/SC:L/SI:L/SA:N", score=5.3,
    fix="bumping the sidecar to 7.6.0")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(file="018-abuse-desk-spam-from-ip.eml", headers=[
    ("From", "Abuse Team <abuse@bluewave-mail.example>"),
    ("To", "abuse@example.test, security@example.test"),
    ("Subject", "Abuse report: phishing mail sent from 203.0.113.201 [BW-ABUSE-552901]"),
    ("Date", "Fri, 21 Feb 2025 05:30:00 +0000"),
    ("Message-ID", "<BW-ABUSE-552901@bluewave-mail.example>"),
], text="""Hello,

Our inbound filters received 12,480 messages in the last 24 hours from
203.0.113.201, which is in your network. The messages impersonate our
own webmail login page ("Your mailbox is almost full") and link to
https://bluewave-verify.example-login.test/, a credential phishing site.

Sample headers:

  Received: from srv201.vps.example.test (srv201.vps.example.test [203.0.113.201])
          by mx2.bluewave-mail.example with ESMTP id 4Xk9p2; Thu, 20 Feb 2025 23:58:12 +0000
  From: "BlueWave Mail" <noreply@bluewave-notice.example>
  Subject: Action required: mailbox quota 98%

We have blocked the IP on our side. Please investigate and stop the
activity; we will also report the phishing URL separately.

Reference: BW-ABUSE-552901 (please keep it in the subject).

--
BlueWave Mail Abuse Desk
""", label=lab("incident", "en")))

# ---------------------------------------------------------------- 019
MAILS.append(dict(file="019-newsletter-associazione.eml", headers=[
    ("From", "Clusit Nord-Est Newsletter <newsletter@assosicurezza-ne.example>"),
    ("To", "security@example.test"),
    ("Subject", "Notizie dalla community - febbraio 2025"),
    ("Date", "Mon, 24 Feb 2025 08:00:00 +0100"),
    ("Message-ID", "<nl-2025-02.8812@assosicurezza-ne.example>"),
    ("List-Unsubscribe", "<mailto:unsubscribe@assosicurezza-ne.example>"),
], text="""NOTIZIE DALLA COMMUNITY - FEBBRAIO 2025

1) Security Summit Padova, 20 marzo
   Aperte le iscrizioni. Keynote su NIS2 e obblighi per i fornitori
   di servizi digitali. Posti limitati.

2) Webinar: "Dalla CVE alla patch in 48 ore"
   Un caso reale di gestione della CVE-2025-0282 in un'azienda
   manifatturiera, raccontato dal suo CISO. Giovedì 6 marzo, ore 17.

3) Gruppo di lavoro "PMI e cloud"
   Cerchiamo volontari per il nuovo documento di buone pratiche.
   Scrivete a gdl@assosicurezza-ne.example.

Ricevi questa email perché sei iscritto alla newsletter dell'associazione.
Per cancellarti rispondi con oggetto CANCELLAMI.
""", html="""<html><body>
<h1>Notizie dalla community &ndash; febbraio 2025</h1>
<h3>1) Security Summit Padova, 20 marzo</h3>
<p>Aperte le iscrizioni. Keynote su NIS2 e obblighi per i fornitori di servizi digitali. Posti limitati.</p>
<h3>2) Webinar: &laquo;Dalla CVE alla patch in 48 ore&raquo;</h3>
<p>Un caso reale di gestione della CVE-2025-0282 in un'azienda manifatturiera, raccontato dal suo CISO. Giovedì 6 marzo, ore 17.</p>
<h3>3) Gruppo di lavoro &laquo;PMI e cloud&raquo;</h3>
<p>Cerchiamo volontari per il nuovo documento di buone pratiche. Scrivete a gdl@assosicurezza-ne.example.</p>
<hr><p style="font-size:11px">Ricevi questa email perché sei iscritto alla newsletter dell'associazione. Per cancellarti rispondi con oggetto CANCELLAMI.</p>
</body></html>
""", label=lab("unknown", "it", cves=["CVE-2025-0282"])))

# ---------------------------------------------------------------- 020
MAILS.append(dict(file="020-rivenditore-directory-listing-backup.eml", headers=[
    ("From", "Paolo Tessari <paolo@tessari-informatica.example>"),
    ("To", "security@example.test"),
    ("Subject", "CDN: backup dei clienti scaricabili senza login"),
    ("Date", "Mon, 24 Feb 2025 17:48:20 +0100"),
    ("Message-ID", "<001a01db86d3$aa55bb20$fe003160$@tessari-informatica.example>"),
], charset="cp1252", cte="8bit", text="""Salve,

sono un vostro rivenditore (codice partner RV-0441), gestisco una trentina
di siti di clienti sul vostro hosting con Stratus CDN davanti.

Oggi per sbaglio ho aperto https://cdn.example.test/_origin/ senza niente
dopo e invece di un errore mi è uscito il directory listing dello storage di
origine. Dentro ci sono le cartelle di tutti i clienti (non solo i miei) e in
parecchie c'è una sottocartella "backup" con file .sql.gz e .tar.gz
scaricabili. Ne ho scaricato uno solo dei MIEI per verificare ed è un dump
completo del database, password hashate comprese.

Secondo me siamo almeno a un CVSS 6,5 ma forse di più visto cosa c'è dentro.

Nel frattempo si può disattivare il listing sulla root di origine o mettere
un deny su /_origin/, almeno non si naviga più. Poi bisognerebbe capire da
quando è così.

Ai vostri clienti direi di cambiare le password del database e dei pannelli
di amministrazione dei siti, perché i dump sono stati pubblici chissà da quando.

Fatemi sapere, preferisco che non lo diciate ai miei clienti prima che li
abbia sentiti io.

Paolo Tessari
Tessari Informatica — Vicenza
""", label=lab("vulnerability", "it", reported=6.5,
    fix="si può disattivare il listing",
    cust="cambiare le password del database")))

# ---------------------------------------------------------------- 021
MAILS.append(dict(file="021-iphone-account-takeover-dns.eml", headers=[
    ("From", "Kevin Marsh <kevin@marsh-bikes.example>"),
    ("To", "security@example.test"),
    ("Subject", "someone got into our account"),
    ("Date", "Tue, 25 Feb 2025 22:31:05 -0800"),
    ("Message-ID", "<8F1C2B3A-4D5E-4F60-A7B8-C9D0E1F2A3B4@marsh-bikes.example>"),
], text="""Someone logged into our panel account tonight and changed the DNS for marsh-bikes.example. Site now shows a fake "shop closed, pay here" page. We did NOT do this. 2FA was not on. Can't log in anymore, password changed too. Account # 310552. Please lock it ASAP and call me 555-0147.

Kevin

Sent from my iPhone
""", label=lab("incident", "en")))

# ---------------------------------------------------------------- 022
MAILS.append(dict(file="022-fwd-vendor-advisory-apple-mail.eml", headers=[
    ("From", "Nadia Okafor <nadia.okafor@example.test>"),
    ("To", "security@example.test"),
    ("Subject", "Fwd: [Security Advisory] KestrelDB 5.2 remote code execution (CVE-2025-30118)"),
    ("Date", "Wed, 26 Feb 2025 09:15:42 +0000"),
    ("Message-ID", "<E2D4F6A8-1B3C-4D5E-8F90-A1B2C3D4E5F6@example.test>"),
], text="""Hi team,

This one lands on us: the managed KestrelDB offering still runs 5.2.3 on
all three clusters (I checked this morning). The replication port is only
reachable from the tenant VLANs, but every tenant can reach it, so it's
effectively exposed to any customer.

I'd go with the vendor's upgrade path this week. Their customer notice
text below is usable almost as-is.

Nadia

Begin forwarded message:

From: KestrelDB Security <security@kestreldb.example>
Subject: [Security Advisory] KestrelDB 5.2 remote code execution (CVE-2025-30118)
Date: 25 February 2025 at 18:00:00 GMT
To: partners@kestreldb.example

KestrelDB Security Advisory KSA-2025-01

Summary: A heap overflow in the replication handshake allows an
unauthenticated attacker who can reach the replication port (7420/tcp)
to execute code as the database user. Exploitation requires winning a
race, hence AC:H.

CVE: CVE-2025-30118
CVSS: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H
Affected: 5.0.0 - 5.2.5
Fixed: 5.2.6, 5.3.1

Solution: Upgrade to KestrelDB 5.2.6 or later. If an upgrade is not
possible immediately, restrict 7420/tcp to known replica addresses.

Customer notice (suggested wording for service providers):
"We have applied a security update to our KestrelDB service that
addresses a vulnerability in database replication. No action is
required on your part."

KestrelDB Security Team
""", label=lab("vulnerability", "en", cves=["CVE-2025-30118"],
    vector="CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", score=8.1,
    fix="Upgrade to KestrelDB 5.2.6 or later",
    cust="We have applied a security update")))

# ---------------------------------------------------------------- 023
MAILS.append(dict(file="023-soc-it-phishing-brand.eml", headers=[
    ("From", "SOC Vigilanza Digitale <soc@vigilanzadigitale.example>"),
    ("To", "security@example.test"),
    ("Subject", "[VD-SOC] Campagna phishing a tema Example Hosting - rinnovo dominio"),
    ("Date", "Thu, 27 Feb 2025 11:20:14 +0100"),
    ("Message-ID", "<vdsoc-20250227-0031@vigilanzadigitale.example>"),
], text="""Buongiorno,

vi segnaliamo una campagna di phishing in corso che sfrutta il vostro marchio.

Riepilogo
* Inizio osservato: 26/02/2025 ore 16:00 circa
* Volume: ~3.000 mail intercettate sui nostri clienti (settore PMI)
* Tema: "Il tuo dominio scade oggi - rinnova per evitare la sospensione"
* Mittente visualizzato: Example Hosting <rinnovi@example-hosting-rinnovi.test>
* Landing page: https://example-hosting-rinnovi.test/login (clone del pannello NimbusPanel)
* Dati raccolti: credenziali pannello + dati carta di credito

IOC
* dominio: example-hosting-rinnovi.test (registrato il 25/02/2025)
* IP landing: 198.51.100.66
* IP invio: 192.0.2.140, 192.0.2.141
* hash allegato (PDF fattura finta): 3b5f0c1e9d2a7b4c6e8f0a1b2c3d4e5f

Azioni già intraprese
* abbiamo richiesto il takedown del dominio al registrar e all'hosting della landing
* gli IOC sono stati condivisi con i nostri clienti

Suggerimento di comunicazione per i vostri clienti
* "Gentile cliente, non ti chiederemo mai i dati della carta via email: accedi solo digitando panel.example.test nel browser."

Restiamo a disposizione.

--
Alessio Moretti
Analista SOC - Vigilanza Digitale S.p.A.
""", label=lab("incident", "it",
    fix="abbiamo richiesto il takedown",
    cust="non ti chiederemo mai i dati della carta")))

# ---------------------------------------------------------------- 024
MAILS.append(dict(file="024-thanks-hall-of-fame.eml", headers=[
    ("From", "Sofia Andersson <sofia.a@fastmail.example>"),
    ("To", "security@example.test"),
    ("Subject", "Re: [SEC-2207] Resolved"),
    ("Date", "Fri, 28 Feb 2025 20:05:33 +0100"),
    ("Message-ID", "<4c8e2a10-f00d-4b1e-9a33-77e1c5d2b901@app.fastmail.example>"),
], text="""thank you!! really nice working with you folks, quickest turnaround I've
had this year. Please list me as "Sofia Andersson" on the acknowledgements
page, with a link to https://sofia-sec.example if that's OK.

cheers
sofia
""", label=lab("unknown", "en")))

# ---------------------------------------------------------------- 025
MAILS.append(dict(file="025-docente-xss-vela-cve-doppio-cvss.eml", headers=[
    ("From", "Prof. Andrea Lombardo <andrea.lombardo@dii.unicastelvetro.example>"),
    ("To", "security@example.test"),
    ("Subject", "Vela Mail: XSS riflesso nel parametro 'folder' (CVE-2025-31402)"),
    ("Date", "Mon, 03 Mar 2025 09:48:17 +0100"),
    ("Message-ID", "<3f9a7c21-5d2b-4e8a-b0c1-d4e5f6a7b8c9@dii.unicastelvetro.example>"),
], text="""Gentile team di sicurezza,

durante un'esercitazione del corso di Sicurezza delle Applicazioni Web,
alcuni studenti hanno individuato una vulnerabilità nella webmail Vela Mail,
che il nostro Dipartimento utilizza in hosting presso di voi. Ho verificato
personalmente la segnalazione prima di inoltrarvela.

**Prodotto:** Vela Mail 4.8.2 (webmail.dii.unicastelvetro.example)
**Tipo:** Cross-Site Scripting riflesso
**Identificativo:** CVE-2025-31402 (assegnato dal CNA del nostro Ateneo)
**Parametro vulnerabile:** `folder` in `/mail/list`
**CVSS v3.1:** CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N
**CVSS v4.0:** CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N

**Riproduzione:**
1. Effettuare il login alla webmail.
2. Aprire `/mail/list?folder=INBOX%22%3E%3Csvg/onload=alert(1)%3E`
3. Lo script viene eseguito nel contesto della webmail.

Il link può essere inviato a un utente già autenticato (ad esempio per
email), con possibilità di leggere i messaggi tramite le API della webmail.

Intendiamo presentare il caso, in forma anonimizzata, a un workshop a
settembre; saremmo lieti di coordinare con voi le tempistiche della
pubblicazione.

Cordiali saluti,
Andrea Lombardo
Professore Associato - Dipartimento di Ingegneria dell'Informazione
Università degli Studi di Castelvetro
""", label=lab("vulnerability", "it", cves=["CVE-2025-31402"],
    vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", score=5.1)))

# ---------------------------------------------------------------- 026
MAILS.append(dict(file="026-inoltro-triplo-credential-stuffing.eml", headers=[
    ("From", "Marta Ferri <marta.ferri@example.test>"),
    ("To", "security@example.test"),
    ("Subject", "I: Fwd: R: accessi strani al pannello"),
    ("Date", "Tue, 04 Mar 2025 16:22:08 +0100"),
    ("Message-ID", "<9b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e@example.test>"),
], text="""Vi giro tutto il thread, alla fine c'è la mail originale del cliente.
Da quello che ha scritto Davide sembra un credential stuffing e non una
falla nostra, ma servirebbe che qualcuno di voi guardasse i log del login.

Marta

-------- Messaggio inoltrato --------
Oggetto: Fwd: R: accessi strani al pannello
Data: Tue, 4 Mar 2025 15:40:51 +0100
Mittente: Davide Russo <davide.russo@example.test>
A: Marta Ferri <marta.ferri@example.test>

Marta, lo passo a te che sei in contatto con la security.

Ho guardato il backoffice: sul loro account ci sono 214 login riusciti
in due giorni da IP di mezzo mondo, tutti su sottoutenze diverse. Per
sicurezza abbiamo forzato il reset delle password di tutte le sottoutenze
del cliente alle 15:30.

Se serve una comunicazione, al cliente proporrei di scrivere ai suoi utenti:
"Per motivi di sicurezza la tua password è stata reimpostata: non riutilizzare
password usate su altri siti."

Davide

---------- Forwarded message ---------
Da: Ilaria Bassi <ilaria.bassi@studiobassi.example>
Date: mar 4 mar 2025 alle ore 12:03
Subject: R: accessi strani al pannello
To: Davide Russo <davide.russo@example.test>

Ciao Davide,

come ti dicevo al telefono, da lunedì i miei collaboratori vedono nel
pannello delle email inviate che non hanno mai scritto, e due di loro
hanno ricevuto l'avviso "nuovo accesso da Vietnam". Noi siamo tutti a
Bologna. Non so se siano state rubate le password o se sia un problema
vostro. Puoi verificare?

Ilaria
Studio Bassi Commercialisti
""", label=lab("incident", "it",
    fix="forzato il reset delle password",
    cust="la tua password è stata reimpostata")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(file="027-rce-file-manager-disclaimer.eml", headers=[
    ("From", "Daniel Whitcombe <daniel.whitcombe@redharbor-security.example>"),
    ("To", "security@example.test"),
    ("Subject", "Unauthenticated RCE in NimbusPanel File Manager (pre-auth upload)"),
    ("Date", "Wed, 05 Mar 2025 17:55:39 +0000"),
    ("Message-ID", "<DB9PR10MB5621C0FFEE01@redharbor-security.example>"),
], text="""Hello,

I'm a consultant at Red Harbor Security. While testing a client's site
hosted on your platform (with their written permission) I found that the
File Manager upload endpoint accepts requests without a session.

POST /filemanager/api/upload?path=/public_html/ with a multipart body and
no cookie writes the file to the target account's document root, as long
as you know the account's numeric id, which is shown in the default
"Site under construction" page. Uploading a .php file gives code
execution as the account user. I confirmed it with a phpinfo() file on my
client's account only, and removed it.

I'd put this at CVSS 9.8. I don't know of a workaround customers could
apply themselves, the endpoint is part of the panel.

What I'd tell your users is that any unexpected PHP file in their web
root should be treated as a sign of compromise.

Regards,
Daniel Whitcombe
Senior Security Consultant, Red Harbor Security Ltd

CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential
and may be legally privileged. If you are not the intended recipient,
please notify the sender and delete it. Red Harbor Security Ltd is
registered in England and Wales, No. 00000000.
""", html="""<html><body>
<p>Hello,</p>
<p>I'm a consultant at Red Harbor Security. While testing a client's site hosted on your platform (with their written permission) I found that the File Manager upload endpoint accepts requests without a session.</p>
<p><code>POST /filemanager/api/upload?path=/public_html/</code> with a multipart body and no cookie writes the file to the target account's document root, as long as you know the account's numeric id, which is shown in the default &quot;Site under construction&quot; page. Uploading a .php file gives code execution as the account user. I confirmed it with a phpinfo() file on my client's account only, and removed it.</p>
<p>I'd put this at CVSS 9.8. I don't know of a workaround customers could apply themselves, the endpoint is part of the panel.</p>
<p>What I'd tell your users is that any unexpected PHP file in their web root should be treated as a sign of compromise.</p>
<p>Regards,<br>Daniel Whitcombe<br>Senior Security Consultant, Red Harbor Security Ltd</p>
<p style="font-size:9px;color:#777">CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be legally privileged. If you are not the intended recipient, please notify the sender and delete it. Red Harbor Security Ltd is registered in England and Wales, No. 00000000.</p>
</body></html>
""", label=lab("vulnerability", "en", reported=9.8,
    cust="any unexpected PHP file")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(file="028-pec-asl-ransomware-vm.eml", headers=[
    ("From", "Azienda Sanitaria Locale Val Sarca - Sistemi Informativi <sistemi.informativi@pec.aslvalsarca.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: Comunicazione di incidente di sicurezza informatica - Rif. SI/2025/118"),
    ("Date", "Thu, 06 Mar 2025 13:37:02 +0100"),
    ("Message-ID", "<opec21058.20250306133702.11877.02.1.44@pec.aslvalsarca.example>"),
], charset="iso-8859-1", cte="8bit", text="""Alla cortese attenzione del
Servizio Sicurezza di Example Hosting S.r.l.

e p.c. al Responsabile della Protezione dei Dati dell'Azienda

Oggetto: comunicazione di incidente di sicurezza informatica riguardante
la macchina virtuale "vm-prenotazioni-02" erogata nell'ambito del
contratto di servizio IaaS n. 2023/IA/017.

Con riferimento al contratto in oggetto, la scrivente Azienda comunica
che in data 06/03/2025, alle ore 06:15 circa, il sistema di monitoraggio
ha rilevato la cifratura massiva dei file presenti sul volume dati della
macchina virtuale sopra indicata, con estensione ".lockbit_x" e
contestuale comparsa di una nota di riscatto denominata "README_RESTORE.txt".

Il personale tecnico dell'Azienda ha immediatamente isolato la macchina
dalla rete, disattivandone l'interfaccia pubblica tramite il pannello di
gestione, e ha interrotto i servizi di prenotazione on-line ad essa
collegati. Non risultano al momento coinvolte ulteriori macchine.

Ciò premesso, si chiede a Codesta Società di:
1. conservare e rendere disponibili gli snapshot e i log di rete relativi
   alla macchina nei 15 giorni antecedenti;
2. indicare un referente tecnico per le attività di analisi congiunta;
3. comunicare se siano stati rilevati eventi analoghi su altre risorse
   dell'Azienda.

Si resta in attesa di cortese e sollecito riscontro.

Distinti saluti.

Il Direttore dell'U.O.C. Sistemi Informativi
Ing. Carla Pedrotti
(firmato digitalmente ai sensi del D.Lgs. 82/2005)
""", label=lab("incident", "it",
    fix="immediatamente isolato la macchina")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(file="029-domanda-bug-bounty.eml", headers=[
    ("From", "Nicolò <nico.zanetti@posta.example>"),
    ("To", "security@example.test"),
    ("Subject", "bug bounty?"),
    ("Date", "Fri, 07 Mar 2025 00:12:45 +0100"),
    ("Message-ID", "<CAN1c0l0Z4n3tt1@posta.example>"),
], text="""Salve, avete un programma di bug bounty o una policy di disclosure?
Prima di mandarvi qualcosa vorrei sapere le regole (scope, safe harbor, se pagate).
Grazie
N.
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(file="030-thunderbird-interleaved-csrf.eml", headers=[
    ("From", "Lena Hoffmann <lena.hoffmann@posteo.example>"),
    ("To", "Example Hosting Security <security@example.test>"),
    ("Subject", "Re: [SEC-2318] CSRF on e-mail forwarding settings"),
    ("Date", "Mon, 10 Mar 2025 11:03:26 +0100"),
    ("Message-ID", "<6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d@posteo.example>"),
    ("In-Reply-To", "<sec-2318-q1@example.test>"),
], text="""Hi Matteo,

answers inline.

On 07/03/2025 16:40, Example Hosting Security wrote:
> Thanks for the report. A few questions before we can reproduce:
>
> 1. Which endpoint exactly?

POST https://webmail.example.test/settings/forwarding, form fields
`target` and `keep_copy`. There is no token in the form, and the session
cookie is sent cross-site because it has SameSite=None.

> 2. Does the victim need to do anything?

Only visit a page I control while logged in to webmail. The PoC is an
auto-submitting form; after that all their mail is silently forwarded
to my address.

> 3. How would you score it?

CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N
I kept C:N because the forwarding itself is the integrity change; you
could argue for C:H since the mail then flows to the attacker.

> 4. Any suggestion for the fix?

Adding a per-session CSRF token to the form is the real fix; setting
the cookie to SameSite=Lax would already block the simple PoC.

Best,
Lena
""", label=lab("vulnerability", "en",
    vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N", score=6.5,
    fix="Adding a per-session CSRF token")))

# ---------------------------------------------------------------- 031
MAILS.append(dict(file="031-automated-exposed-git.eml", headers=[
    ("From", "LeakHound Alerts <alerts@leakhound.example>"),
    ("To", "security@example.test"),
    ("Subject", "[LeakHound] Exposed .git directory detected on status.example.test"),
    ("Date", "Tue, 11 Mar 2025 04:10:00 +0000"),
    ("Message-ID", "<alert-7731904@leakhound.example>"),
], text="""LeakHound has detected a publicly readable Git repository.

Host:        status.example.test
URL:         https://status.example.test/.git/config
HTTP status: 200
Detected:    2025-03-11 04:07:41 UTC
Rule:        GIT-EXPOSED-001
Confidence:  high

Retrieved content (truncated):
  [core]
      repositoryformatversion = 0
  [remote "origin"]
      url = git@git.internal.example.test:ops/statuspage.git

An exposed .git directory usually allows an attacker to reconstruct the
full source tree and history, including any secrets ever committed.

This alert was generated automatically. Reply STOP to unsubscribe this
address from LeakHound alerts for example.test.
""", label=lab("vulnerability", "en")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(file="032-outlook-router-credenziali-default.eml", headers=[
    ("From", "Simone Carta <s.carta@cartanet-servizi.example>"),
    ("To", "security@example.test"),
    ("Cc", "Laura Pinna <laura.pinna@example.test>"),
    ("Subject", "R: Router gestiti - accesso amministrativo"),
    ("Date", "Wed, 12 Mar 2025 10:30:18 +0100"),
    ("Message-ID", "<VI1PR03MB6398B7A0C5D2E1F0@cartanet-servizi.example>"),
], text="""Buongiorno a tutti,

come richiesto da Laura giro la segnalazione anche a voi della sicurezza.

Riassumo: sui router che fornite con il servizio "Ufficio Connesso"
(modello ER-200, firmware 2.1.7) l'interfaccia di amministrazione è
raggiungibile da internet sulla porta 8443 e accetta le credenziali di
default admin / admin. Ne ho trovati così quattro su quattro presso i
miei clienti, installati dai vostri tecnici. Con quell'accesso si
cambiano DNS, port forwarding, VPN, tutto.

Io gli darei score 8.8, perché basta conoscere l'IP.

Per i miei clienti ho già provveduto io, ma bisognerebbe cambiare la
password di default su tutti quelli installati e chiudere la 8443 lato WAN.

Ai clienti scriverei che il router è stato messo in sicurezza da remoto
e che non devono fare nulla, ma che se hanno notato problemi di
navigazione ce lo dicano.

Cordiali saluti
Simone Carta
CartaNet Servizi Informatici

Da: Laura Pinna <laura.pinna@example.test>
Inviato: martedì 11 marzo 2025 18:02
A: Simone Carta <s.carta@cartanet-servizi.example>
Oggetto: R: Router gestiti - accesso amministrativo

Gentile Simone,
grazie della segnalazione, per questioni di questo tipo la prego di
scrivere direttamente a security@example.test mettendomi in copia.
Cordiali saluti
Laura Pinna - Account Manager

Da: Simone Carta <s.carta@cartanet-servizi.example>
Inviato: martedì 11 marzo 2025 17:20
A: Laura Pinna <laura.pinna@example.test>
Oggetto: Router gestiti - accesso amministrativo

Ciao Laura, ho notato una cosa sui vostri router, a chi la segnalo?
""", label=lab("vulnerability", "it", reported=8.8,
    fix="cambiare la password di default",
    cust="il router è stato messo in sicurezza")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(file="033-minuscolo-casella-spam.eml", headers=[
    ("From", "francesca <franci.deluca@example-casa.example>"),
    ("To", "security@example.test"),
    ("Subject", "la mia mail manda spam da sola??"),
    ("Date", "Thu, 13 Mar 2025 21:47:55 +0100"),
    ("Message-ID", "<1741898875.3312.franci@example-casa.example>"),
], text="""buonasera, scusate se scrivo qui ma non so a chi scrivere

da ieri sera mi arrivano decine di messaggi "mail non consegnata" di
email che io non ho mai mandato, in inglese, tipo offerte di bitcoin.
ho guardato nella cartella posta inviata della webmail e ci sono tipo
500 messaggi partiti stanotte alle 3 quando io dormivo!! mia sorella mi
ha detto che qualcuno mi ha rubato la password, infatti avevo la stessa
di facebook e altri siti, lo so che non si fa...

ho già cambiato la password stamattina e adesso sembra che non ne parta
più nessuno, però vorrei sapere se hanno letto anche le mie mail e se
devo fare altro. la casella è francesca@deluca-famiglia.example

grazie mille, francesca
""", label=lab("incident", "it",
    fix="ho già cambiato la password")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(file="034-procurement-questionnaire-request.eml", headers=[
    ("From", "Vendor Risk Office <vendorrisk@brightlane-insurance.example>"),
    ("To", "security@example.test"),
    ("Subject", "Action required: annual security assessment - Example Hosting (VRM-2025-0871)"),
    ("Date", "Fri, 14 Mar 2025 14:00:00 +0000"),
    ("Message-ID", "<VRM-2025-0871.1741960800@brightlane-insurance.example>"),
], html="""<html><body style="font-family:Calibri,sans-serif">
<p>Dear Supplier,</p>
<p>As part of Brightlane Insurance's third-party risk programme, Example Hosting has been selected for the annual security assessment.</p>
<table border="1" cellpadding="5" cellspacing="0">
<tr><th>Item</th><th>Details</th></tr>
<tr><td>Assessment ID</td><td>VRM-2025-0871</td></tr>
<tr><td>Questionnaire</td><td>SIG Lite 2025 (118 questions)</td></tr>
<tr><td>Evidence requested</td><td>ISO 27001 certificate, latest penetration test summary, BCP test results</td></tr>
<tr><td>Due date</td><td>11 April 2025</td></tr>
<tr><td>Portal</td><td>https://vrm.brightlane-insurance.example/a/0871</td></tr>
</table>
<p>Please nominate a single point of contact by replying to this email. If the questionnaire is not completed by the due date the supplier relationship will be escalated to the business owner.</p>
<p>Kind regards,<br>Vendor Risk Office<br>Brightlane Insurance plc</p>
</body></html>
""", label=lab("unknown", "en")))

# ---------------------------------------------------------------- 035
MAILS.append(dict(file="035-vendor-plugin-patch-non-ancora.eml", headers=[
    ("From", "Team Sicurezza Moduli Orbita <security@orbitamoduli.example>"),
    ("To", "security@example.test"),
    ("Subject", "Preavviso: CVE-2025-28760 in Orbita Backup Pro (marketplace NimbusPanel)"),
    ("Date", "Mon, 17 Mar 2025 09:05:44 +0100"),
    ("Message-ID", "<pre-adv-2025-03@orbitamoduli.example>"),
], text="""Buongiorno,

siamo gli sviluppatori del modulo Orbita Backup Pro, distribuito nel
marketplace di NimbusPanel. Vi diamo un preavviso riservato prima della
pubblicazione dell'advisory, prevista per il 31 marzo.

- CVE: CVE-2025-28760
- Componente: Orbita Backup Pro, versioni 4.x e 5.0.x
- Tipo: command injection nel campo "percorso di destinazione" della
  schermata Pianifica backup
- Prerequisito: account amministratore del pannello (PR:H)
- CVSS: CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H
- Impatto: esecuzione di comandi come root sul server del cliente, dato
  che il job di backup gira con privilegi elevati

Stato della correzione:
- non abbiamo ancora una patch; la correzione è prevista nella 5.1,
  che contiamo di rilasciare entro la data dell'advisory
- al momento non esiste una mitigazione che non blocchi i backup

Testo per i clienti (bozza, da concordare):
- "È in arrivo un aggiornamento di sicurezza per Orbita Backup Pro; vi
  invitiamo ad installarlo non appena disponibile nel marketplace."

Vi chiediamo di non divulgare queste informazioni prima del 31/03.

Cordiali saluti,
Irene Valli
Orbita Moduli S.r.l. - Team Sicurezza
""", label=lab("vulnerability", "it", cves=["CVE-2025-28760"],
    vector="CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", score=7.2,
    cust="un aggiornamento di sicurezza per Orbita")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(file="036-csirt-nazionale-host-compromessi.eml", headers=[
    ("From", "CSIRT Esempio <segnalazioni@csirt-esempio.example>"),
    ("To", "security@example.test"),
    ("Subject", "[CSIRT-ESEMPIO] TLP:GREEN - Sistemi compromessi nella vostra constituency (CVE-2024-4577)"),
    ("Date", "Tue, 18 Mar 2025 08:30:00 +0100"),
    ("Message-ID", "<csirt-2025-03-18-0412@csirt-esempio.example>"),
], charset="iso-8859-1", cte="quoted-printable", text="""TLP:GREEN

Gentile referente,

questo CSIRT ha ricevuto da fonti qualificate evidenza di sistemi
appartenenti al Vostro spazio di indirizzamento che risultano compromessi
a seguito dello sfruttamento della vulnerabilità CVE-2024-4577 (PHP-CGI,
argument injection su installazioni Windows).

Sui sistemi elencati è stata osservata l'installazione di una web shell e
l'avvio di comunicazioni verso infrastrutture di comando e controllo note.

  IP              Porta   Prima osservazione (UTC)
  203.0.113.88    80      2025-03-16 22:41
  203.0.113.91    443     2025-03-17 01:05
  203.0.113.140   80      2025-03-17 03:58

Si raccomanda di:
  - applicare gli aggiornamenti di PHP (8.1.29, 8.2.20, 8.3.8 o successivi)
  - verificare l'integrità dei sistemi e rimuovere eventuali web shell
  - ruotare le credenziali presenti sui sistemi

Qualora ritenuto opportuno, per i clienti interessati si suggerisce un
testo del tipo: "Il vostro server è stato oggetto di un attacco che
sfrutta una vulnerabilità di PHP; vi contatteremo per il ripristino."

Si prega di dare riscontro della presa in carico.

CSIRT Esempio - Servizio Segnalazioni
""", label=lab("incident", "it", cves=["CVE-2024-4577"],
    fix="applicare gli aggiornamenti di PHP",
    cust="oggetto di un attacco che sfrutta")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(file="037-sollecito-outlook-ack.eml", headers=[
    ("From", "Gabriele Mancini <gabriele.mancini@studiotecnico-mancini.example>"),
    ("To", "security@example.test"),
    ("Subject", "R: [SEC-2340] Segnalazione ricevuta"),
    ("Date", "Wed, 19 Mar 2025 12:14:37 +0100"),
    ("Message-ID", "<DU2PR08MB7203F4A1B6C9D0E2@studiotecnico-mancini.example>"),
], text="""Buongiorno,

mi permetto di sollecitare un riscontro in merito alla segnalazione in
oggetto, inviata il 3 marzo u.s., per la quale ho ricevuto solo la
conferma automatica riportata qui sotto.

Vi sarei grato se poteste indicarmi almeno lo stato della pratica e un
nominativo di riferimento.

Ringraziando anticipatamente, porgo cordiali saluti.

Geom. Gabriele Mancini
Studio Tecnico Mancini

-----Messaggio originale-----
Da: Example Hosting Security <security@example.test>
Inviato: lunedì 3 marzo 2025 15:20
A: Gabriele Mancini <gabriele.mancini@studiotecnico-mancini.example>
Oggetto: [SEC-2340] Segnalazione ricevuta

Gentile cliente,

abbiamo ricevuto la sua segnalazione, registrata con il riferimento
SEC-2340. Un membro del team la esaminerà al più presto.

La preghiamo di mantenere il riferimento nell'oggetto di eventuali
ulteriori comunicazioni.

Example Hosting - Team Sicurezza
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(file="038-pentest-summary-html-table.eml", headers=[
    ("From", "Oriel Assurance <reports@oriel-assurance.example>"),
    ("To", "security@example.test"),
    ("Cc", "ciso@example.test"),
    ("Subject", "Pentest Q1 2025 - status.example.test - summary of findings"),
    ("Date", "Thu, 20 Mar 2025 17:45:10 +0000"),
    ("Message-ID", "<q1-2025-summary-0311@oriel-assurance.example>"),
], html="""<html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">
<p>Hi all,</p>
<p>Please find below the summary of the Q1 external test of the public status page, ahead of the full report on Monday. Only one finding is above informational.</p>
<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse">
<tr><th>ID</th><th>Title</th><th>CVSS</th><th>Recommendation</th></tr>
<tr><td>OR-01</td><td>Subscriber e-mail addresses enumerable via /api/subscribers?page=</td><td>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N</td><td>Require authentication on the subscribers endpoint</td></tr>
<tr><td>OR-02</td><td>Server banner discloses nginx version</td><td>Informational</td><td>n/a</td></tr>
<tr><td>OR-03</td><td>Missing Content-Security-Policy header</td><td>Informational</td><td>n/a</td></tr>
</table>
<p>OR-01: an unauthenticated GET returns 50 subscriber addresses per page; we stopped after page 2. No other data returned.</p>
<p>Best regards,<br>Rachel Imbert<br>Lead Tester, Oriel Assurance</p>
</body></html>
""", label=lab("vulnerability", "en",
    vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", score=5.3,
    fix="Require authentication")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(file="039-gmail-phishing-kit-on-my-site.eml", headers=[
    ("From", "Tom Becker <tom.becker.photo@gmail.example>"),
    ("To", "security@example.test"),
    ("Subject", "Re: Your site is hosting a phishing page"),
    ("Date", "Fri, 21 Mar 2025 19:26:48 +0000"),
    ("Message-ID", "<CAJx4bT-Pq7W8e@mail.gmail.example>"),
    ("In-Reply-To", "<takedown-8841@netguard.example>"),
], text="""Hi there, cc'ing your security address as the abuse folks suggested.

So I got the email below this afternoon and honestly thought it was spam
itself at first, but I logged in via FTP and there it was: a folder
called /wp-includes/css/secure-login/ with a fake bank login page and a
PHP script mailing the form data to some gmail address. I definitely did
not put it there. My WordPress was on 6.1 and I think a couple of plugins
hadn't been updated in ages, so that's probably on me.

I deleted the folder and changed my FTP and WordPress passwords, and I'm
updating everything now. Can you check if anything else on my account
looks off? I'm a photographer, not an IT person, so any pointers welcome.

I'm going to put a note on my site's blog saying: "For a few days this
site was misused to host a fake login page; no client galleries or
payment data were affected."

Thanks a lot,
Tom

On Fri, 21 Mar 2025 at 14:02, NetGuard Takedowns <takedown@netguard.example> wrote:
> Hello,
>
> We have identified a phishing page impersonating Northbank hosted at:
> hxxps://tombecker-photo.example/wp-includes/css/secure-login/index.php
>
> Please remove this content as soon as possible.
>
> NetGuard Brand Protection
""", label=lab("incident", "en",
    fix="I deleted the folder",
    cust="misused to host a fake login page")))

# ---------------------------------------------------------------- 040
MAILS.append(dict(file="040-consulente-cvss4-modulo-import.eml", headers=[
    ("From", "Valentina Orrù <v.orru@orru-consulting.example>"),
    ("To", "security@example.test"),
    ("Subject", "Vulnerabilità nel modulo Migrazione Siti di NimbusPanel"),
    ("Date", "Mon, 24 Mar 2025 10:11:29 +0100"),
    ("Message-ID", "<000b01db9c9a$1e2f3a40$5a6b7c80$@orru-consulting.example>"),
], charset="cp1252", cte="quoted-printable", text="""Buongiorno,

durante una migrazione per un cliente ho notato che il modulo "Migrazione
Siti" di NimbusPanel, quando si importa da un server remoto via URL, salva
temporaneamente l'archivio e le credenziali del server sorgente in
/tmp/migrate-<id>.json leggibile da tutti gli utenti dello stesso nodo.
L'id è incrementale, quindi un altro cliente sullo stesso server condiviso
può aspettare che parta una migrazione e leggersi host, utente e password
FTP/SSH del sito sorgente. La finestra dura quanto la migrazione (da
qualche minuto a qualche ora), da qui AT:P.

Valutazione: CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N

Finché non viene corretto, consiglio di disattivare il modulo sui nodi
condivisi e lasciarlo solo sui server dedicati.

Comunicazione ai clienti (proposta):
«Se negli ultimi mesi avete usato la Migrazione Siti su hosting condiviso,
vi consigliamo di cambiare le credenziali del server di provenienza.»

Resto disponibile per una call.

Valentina Orrù
Orrù Consulting – sicurezza e sistemi
""", label=lab("vulnerability", "it",
    vector="CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N", score=8.3,
    fix="disattivare il modulo sui nodi condivisi",
    cust="cambiare le credenziali del server")))
def build(m):
    msg = EmailMessage()
    for k, v in m["headers"]:
        msg[k] = v
    cs = m.get("charset", "utf-8")
    cte = m.get("cte")
    kw = {"charset": cs}
    if cte:
        kw["cte"] = cte
    text, html = m.get("text"), m.get("html")
    if text is not None and html is not None:
        msg.set_content(text, **kw)
        msg.add_alternative(html, subtype="html", **kw)
    elif html is not None:
        msg.set_content(html, subtype="html", **kw)
    else:
        msg.set_content(text, **kw)
    return msg.as_bytes(policy=policy.SMTP)


def main():
    names = [m["file"] for m in MAILS]
    assert len(names) == len(set(names))
    with open(os.path.join(OUT, "expected.jsonl"), "w", encoding="utf-8") as fh:
        for m in MAILS:
            with open(os.path.join(OUT, m["file"]), "wb") as f:
                f.write(build(m))
            row = {"file": m["file"]}
            row.update(m["label"])
            assert list(row) == KEYS
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("wrote", len(MAILS), "mails")


if __name__ == "__main__":
    main()
