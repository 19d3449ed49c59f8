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
MAILS.append(dict(
    file="001-bountyforge-invoice-idor.eml",
    headers=[
        ("From", '"BountyForge Reports" <notifications@bountyforge.example>'),
        ("To", "security@example.test"),
        ("Subject", "[BountyForge] New report #BF-20931 for Example Hosting: IDOR on /api/v2/invoices/{id}"),
        ("Date", "Mon, 09 Jun 2025 07:14:55 +0000"),
        ("Message-ID", "<report.BF-20931.1749453295@mailer.bountyforge.example>"),
        ("X-Mailer", "BountyForge Notifier 4.2"),
    ],
    html="""<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px">
<p>Hello Example Hosting security team,</p>
<p>A new report has been submitted to your program <b>Example Hosting Public VDP</b> and is awaiting triage.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<tr><th align="left">Report ID</th><td>BF-20931</td></tr>
<tr><th align="left">Researcher</th><td>k4tana</td></tr>
<tr><th align="left">Asset</th><td>billing.example.test (API)</td></tr>
<tr><th align="left">Weakness</th><td>CWE-639 Authorization Bypass Through User-Controlled Key</td></tr>
<tr><th align="left">Severity (researcher)</th><td>Medium</td></tr>
<tr><th align="left">CVSS</th><td>CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N</td></tr>
</table>
<h3>Summary</h3>
<p>The invoice download endpoint only checks that the session is valid, not that
the invoice belongs to the account of the session. Invoice ids are sequential, so
any logged-in customer can download every other customer's invoices (name, billing
address, VAT number, last four digits of the card).</p>
<h3>Steps to reproduce</h3>
<ol>
<li>Log in as customer A and open Billing &gt; Invoices.</li>
<li>Note the request <code>GET /api/v2/invoices/118204/pdf</code>.</li>
<li>Replay it with id 118203 (belongs to customer B, a second test account I own). The PDF is returned with HTTP 200.</li>
</ol>
<h3>Suggested remediation</h3>
<p>Check the invoice's owner against the authenticated account before returning
it, and answer 404 for foreign ids. Switching to non-sequential identifiers would
also reduce the exposure but is not a fix on its own.</p>
<hr>
<p style="font-size:11px;color:#888">You are receiving this because you are a member of the
Example Hosting program team. Reply above this line to comment on the report, or manage
notifications in your program settings.<br>BountyForge Ltd., 1 Sample Street, London</p>
</body></html>
""",
    label=lab("vulnerability", "en", vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
              score=6.5, fix="check the invoice's owner"),
))

# ---------------------------------------------------------------- 002
MAILS.append(dict(
    file="002-filedock-path-traversal-latin1.eml",
    charset="iso-8859-1", cte="8bit",
    headers=[
        ("From", '"Davide Ferraris" <d.ferraris@lab-sicurezza.example>'),
        ("To", "security@example.test"),
        ("Subject", "Segnalazione vulnerabilità - path traversal nel pannello FileDock"),
        ("Date", "Tue, 10 Jun 2025 18:02:41 +0200"),
        ("Message-ID", "<6f1c2a9e-ferraris-0610@lab-sicurezza.example>"),
        ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.11.0"),
    ],
    text="""Gentili Signori,

nell'ambito di un'attività di ricerca indipendente ho individuato una vulnerabilità nel modulo di anteprima del pannello FileDock ospitato su files.example.test. Le riporto di seguito i dettagli secondo lo schema indicato nella Vostra pagina di segnalazione.

Problema riscontrato: il parametro "path" dell'endpoint /preview non viene normalizzato; con sequenze ..%2f è possibile leggere file arbitrari del server con i privilegi dell'utente del servizio web (ho verificato la sola lettura di /etc/hostname, senza spingermi oltre).

Prodotto e versione: FileDock 3.2 (come riportato nell'intestazione X-FileDock-Version)

Vettore CVSS: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N

Correzione: è sufficiente risolvere il percorso richiesto con realpath() e rifiutare qualunque percorso che non ricada sotto la directory di upload dell'utente. In attesa della correzione si può bloccare a livello di reverse proxy ogni richiesta a /preview che contenga "%2f" o "..".

Messaggio per i clienti: non ritengo di avere elementi sufficienti per proporne uno.

Resto a disposizione per eventuali chiarimenti e La prego di non divulgare il mio nominativo.

Cordiali saluti,
Davide Ferraris
Ricercatore indipendente - PGP 0x7A3C91E2
""",
    label=lab("vulnerability", "it", vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
              score=7.5, fix="rifiutare qualunque percorso"),
))

# ---------------------------------------------------------------- 003
MAILS.append(dict(
    file="003-mssp-credential-stuffing-markdown.eml",
    cte="8bit",
    headers=[
        ("From", '"Marta Okafor (Northwind SOC)" <soc@northwind-mssp.example>'),
        ("To", "security@example.test"),
        ("Cc", "soc-escalations@northwind-mssp.example"),
        ("Subject", "Credential stuffing against portal.example.test from residential proxies"),
        ("Date", "Thu, 12 Jun 2025 09:48:03 +0100"),
        ("Message-ID", "<CAN7x2pQ0w-okafor-stuffing@mail.northwind-mssp.example>"),
    ],
    text="""Hi team,

We run the SOC for one of your reseller partners (Blueberry Digital) and our sensors picked up something you'll want to look at.

## What we see

- Since **2025-05-12 02:10 UTC**, ~41,000 POST requests to `https://portal.example.test/login`
- Sources: rotating residential proxies, heaviest from 198.51.100.0/24 and 203.0.113.128/25
- Username lists match the "combo" list that was shared on a forum last week
- Success rate looks to be around 0.3% judging by the 302s to `/dashboard`

## Why we think it's working

Three of Blueberry's own customer accounts logged in from 198.51.100.77 within the window, and two had their API tokens regenerated afterwards. The owners confirm it wasn't them.

## What we have *not* done

We have no control over your edge, so nothing has been blocked or reset yet, neither on your side nor on Blueberry's.

## If you notify users

Something along these lines might work:

> We have detected automated login attempts using passwords leaked from other websites. If you reuse your password elsewhere, please change it now and turn on two-factor authentication.

Happy to share the raw logs (proxy logs + pcap, ~2 GB) over your preferred channel.

-- 
Marta Okafor
Tier 3 Analyst, Northwind MSSP
+44 20 7946 0011
""",
    label=lab("incident", "en", cust="turn on two-factor authentication"),
))

# ---------------------------------------------------------------- 004
MAILS.append(dict(
    file="004-comune-pec-compromessa-cp1252.eml",
    charset="windows-1252", cte="8bit",
    headers=[
        ("From", '"Comune di Valbruna - Servizio Sistemi Informativi" <protocollo.ced@comune.valbruna.example>'),
        ("To", "security@example.test"),
        ("Cc", "responsabile.transizione.digitale@comune.valbruna.example"),
        ("Subject", "Prot. n. 0014523/2025 – Comunicazione di incidente di sicurezza su caselle ospitate"),
        ("Date", "Wed, 04 Jun 2025 12:31:09 +0200"),
        ("Message-ID", "<000001dbd53a$4f2e1b80$ed8b5280$@comune.valbruna.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ],
    text="""Spett.le Example Hosting S.r.l.
Ufficio Sicurezza

Oggetto: comunicazione di incidente di sicurezza relativo alle caselle di posta del dominio comune.valbruna.example ospitate presso i Vostri sistemi.

1. Premessa
Con riferimento al contratto di servizio n. 77/2023 per la fornitura di caselle di posta elettronica, si comunica quanto segue ai sensi dell'art. 5 del medesimo contratto.

2. Descrizione dell'evento
In data 3 giugno 2025, alle ore 09:40 circa, l'Ufficio Tributi ha segnalato la ricezione, da parte di numerosi contribuenti, di messaggi di posta elettronica provenienti dalla casella tributi@comune.valbruna.example e contenenti un collegamento a una falsa pagina di pagamento dell'IMU. Dalle verifiche effettuate risulta che la password della casella era stata acquisita da terzi e utilizzata per accedere alla webmail da indirizzi esteri (tra cui 203.0.113.41) a partire dal 1° giugno.

3. Misure adottate
Si è provveduto a modificare la password della casella, a disconnettere tutte le sessioni attive e ad abilitare l'autenticazione a due fattori per l'intero Ufficio Tributi. È stata altresì presentata denuncia presso la Polizia Postale.

4. Richieste
Si chiede a codesta Società di fornire i log di accesso alla webmail relativi al periodo 25 maggio – 3 giugno 2025 e di verificare l'eventuale presenza di regole di inoltro automatico impostate sulla casella.

5. Comunicazione agli utenti
Si propone di pubblicare sul portale istituzionale, d'intesa con codesta Società, il seguente avviso: “Si informano i contribuenti che nei giorni scorsi sono stati inviati messaggi fraudolenti a nome dell'Ufficio Tributi. Il Comune non richiede mai pagamenti tramite collegamenti ricevuti per posta elettronica.”

Distinti saluti.

Il Responsabile del Servizio Sistemi Informativi
Dott. Ing. Carlo Benedetti
(documento firmato digitalmente ai sensi del D.Lgs. 82/2005)

______________________________________________________________
AVVERTENZA: Il presente messaggio e gli eventuali allegati sono destinati esclusivamente al destinatario indicato e possono contenere informazioni riservate ai sensi del Regolamento (UE) 2016/679 e del D.Lgs. 196/2003. Qualora il messaggio Le fosse pervenuto per errore, La preghiamo di darne immediata notizia al mittente e di cancellarlo, astenendosi dal farne qualsiasi uso. La diffusione, la copia o la comunicazione a terzi del contenuto del presente messaggio senza autorizzazione sono vietate.
""",
    label=lab("incident", "it", fix="modificare la password della casella",
              cust="Il Comune non richiede mai pagamenti"),
))

# ---------------------------------------------------------------- 005
MAILS.append(dict(
    file="005-xz-question-iphone.eml",
    cte="7bit",
    headers=[
        ("From", '"Greg Halvorsen" <greg.halvorsen@tundra-logistics.example>'),
        ("To", "security@example.test"),
        ("Subject", "xz backdoor - are the EdgeBox appliances affected?"),
        ("Date", "Fri, 13 Jun 2025 16:20:12 -0500"),
        ("Message-ID", "<8C1E5F2A-77B0-4D1B-9E3A-2F6A1D0C9B11@tundra-logistics.example>"),
        ("X-Mailer", "iPhone Mail (22F76)"),
    ],
    text="""Hi,

Quick one. Our auditors are asking whether the EdgeBox 4 appliances you manage for us ever shipped xz/liblzma 5.6.0 or 5.6.1 (CVE-2024-3094). We're on firmware 4.8.2 on all three units. Can you confirm either way, ideally in writing so I can attach it to the audit file?

Thanks
Greg

Sent from my iPhone
""",
    label=lab("unknown", "en", cves=["CVE-2024-3094"]),
))

# ---------------------------------------------------------------- 006
MAILS.append(dict(
    file="006-domanda-log4j-android.eml",
    headers=[
        ("From", '"Luca Bernasconi" <luca.b@studiobernasconi.example>'),
        ("To", "security@example.test"),
        ("Subject", "domanda veloce log4j"),
        ("Date", "Mon, 16 Jun 2025 08:03:44 +0200"),
        ("Message-ID", "<AM9PR07MB7123.eurprd07.prod.outlook.example>"),
    ],
    text="""Ciao,
scusa la domanda magari banale, ma il nostro consulente dice che dobbiamo verificare se il vostro gestionale in cloud (quello delle fatture, GestiFacile) usa log4j ed è ancora esposto alla CVE-2021-44228. Voi mi sapete dire qualcosa? Sul vostro sito non ho trovato niente.

Grazie mille
Luca

Inviato da Outlook per Android
""",
    label=lab("unknown", "it", cves=["CVE-2021-44228"]),
))

# ---------------------------------------------------------------- 007
MAILS.append(dict(
    file="007-status-xss-setext-terse.eml",
    cte="7bit",
    headers=[
        ("From", "hx0r <hx0r@proton.example>"),
        ("To", "security@example.test"),
        ("Subject", "reflected XSS status.example.test"),
        ("Date", "Sat, 14 Jun 2025 02:41:00 +0000"),
        ("Message-ID", "<h3x0r.20250614.0241@proton.example>"),
        ("User-Agent", "mutt/2.2.12"),
    ],
    text="""Summary
=======

Reflected XSS in the search box of status.example.test. The `q` parameter
is echoed into an inline <script> block without escaping.

Details
-------

URL: https://status.example.test/incidents?q=%22%3B%7Dalert(document.domain)%3B%2F%2F
Browsers: Firefox 126, Chromium 125, both fire.
Scope change because the status page shares cookies with the customer
panel (Domain=.example.test on `panel_sid`, no HttpOnly).

Score
-----

cvss:3.0/av:n/ac:l/pr:n/ui:r/s:c/c:l/i:l/a:n

Haven't looked at your code, no patch from me. Will disclose in 90 days
unless you say otherwise.

-- 
hx0r
""",
    label=lab("vulnerability", "en", vector="CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
              score=6.1),
))

# ---------------------------------------------------------------- 008
MAILS.append(dict(
    file="008-gmail-inoltro-account-cliente-qp.eml",
    cte="quoted-printable",
    headers=[
        ("From", '"Sara Lombardi" <sara.lombardi@example.test>'),
        ("To", '"Security Desk" <security@example.test>'),
        ("Subject", "Fwd: accesso strano al mio account, qualcuno ha scaricato le fatture"),
        ("Date", "Tue, 10 Jun 2025 09:27:15 +0200"),
        ("Message-ID", "<CAH4kVn3yq+ZpL0w1e_lombardi@mail.gmail.example>"),
    ],
    text="""Ciao a tutti,
vi giro la mail di un cliente arrivata al supporto stamattina. Ho già bloccato l'utenza e forzato il reset della password, ma servirebbe che qualcuno di voi guardasse i log per capire da dove sono entrati.
Se gli rispondiamo noi, direi di scrivergli che l'accesso è avvenuto con la sua password corretta, che non risultano violazioni dei nostri sistemi e che gli conviene attivare la verifica in due passaggi.

Sara

---------- Messaggio inoltrato ---------
Da: Paolo Ricci <paolo.ricci68@posta.example>
Date: mar 10 giu 2025 alle ore 08:12
Subject: accesso strano al mio account, qualcuno ha scaricato le fatture
To: <supporto@example.test>


Buongiorno,
stamattina mi è arrivata la vostra mail "Nuovo accesso da un dispositivo sconosciuto" delle 3 di notte, da Lagos?? Io ero a dormire. Sono entrato e nella cronologia vedo che sono state scaricate tutte le fatture del 2024 ed è stato cambiato l'indirizzo email di notifica con uno che non conosco (fatture.ricci@mailbox.example).
Cosa devo fare? Ho paura che usino i miei dati.

Paolo Ricci
""",
    label=lab("incident", "it", fix="bloccato l'utenza",
              cust="non risultano violazioni"),
))

# ---------------------------------------------------------------- 009
MAILS.append(dict(
    file="009-outlook-fw-abuse-ssh-bruteforce.eml",
    cte="7bit",
    headers=[
        ("From", '"Tom Becker" <tom.becker@example.test>'),
        ("To", "Security <security@example.test>"),
        ("Subject", "FW: Abuse report: SSH brute force from 198.51.100.23"),
        ("Date", "Thu, 12 Jun 2025 11:09:37 +0100"),
        ("Message-ID", "<LO2P265MB5021A1B3C4D5E6F7@LO2P265MB5021.GBRP265.PROD.OUTLOOK.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ],
    text="""Security - passing this on since it looks like a compromised customer VM rather than a customer misbehaving (the box is a managed WordPress host, the customer has no shell). I've null-routed the IP as of 11:05 and put a note on the customer's account. Can you take it from here?

Tom

Tom Becker | Abuse & Network Operations | Example Hosting
T +44 161 496 0321

From: abuse-reports@fjordnet.example <abuse-reports@fjordnet.example>
Sent: Thursday, June 12, 2025 9:47 AM
To: abuse@example.test
Subject: Abuse report: SSH brute force from 198.51.100.23

Hello,

The host 198.51.100.23, which according to WHOIS belongs to your network, has been attempting SSH logins against our infrastructure since 2025-06-11 22:00 UTC. Our honeypots recorded 18,412 attempts against 240 distinct addresses, using common root/admin password lists.

Sample log lines (times in UTC):

2025-06-12T07:13:02Z sshd[2211]: Failed password for root from 198.51.100.23 port 51522 ssh2
2025-06-12T07:13:04Z sshd[2213]: Failed password for admin from 198.51.100.23 port 51530 ssh2
2025-06-12T07:13:05Z sshd[2214]: Failed password for invalid user oracle from 198.51.100.23 port 51534 ssh2

Please investigate and take appropriate action. This is an automated report; replies to this address are read by a human within 2 business days.

FjordNet Abuse Desk
""",
    label=lab("incident", "en", fix="null-routed the IP"),
))

# ---------------------------------------------------------------- 010
MAILS.append(dict(
    file="010-teamboard-ssrf-markdown-qp.eml",
    cte="quoted-printable",
    headers=[
        ("From", '"Giulia Moretti" <giulia@moretti-sec.example>'),
        ("To", "security@example.test"),
        ("Subject", "[vuln] SSRF nel generatore di anteprime link di TeamBoard"),
        ("Date", "Sun, 15 Jun 2025 21:55:30 +0200"),
        ("Message-ID", "<20250615215530.GA4411@moretti-sec.example>"),
        ("User-Agent", "NeoMutt/20231103"),
    ],
    text="""Ciao,

vi scrivo per una SSRF che ho trovato in TeamBoard (la versione SaaS su teamboard.example.test, build 2025.05.3).

## Descrizione

Quando si incolla un link in un messaggio, il server scarica la pagina per generare l'anteprima. L'URL non viene filtrato: si possono far richiedere al backend indirizzi interni, compreso l'endpoint dei metadati cloud su 169.254.169.254. Serve un account (va bene anche quello gratuito) e serve che un secondo utente apra il canale, perché l'anteprima viene generata alla prima visualizzazione.

## Passi per riprodurre

1. Crea un canale e incolla `http://169.254.169.254/latest/meta-data/iam/security-credentials/`
2. Apri il canale da un secondo account
3. Nell'anteprima compare il nome del ruolo IAM; ripetendo con il nome del ruolo in coda all'URL si ottengono le chiavi temporanee (le ho troncate e non le ho usate)

## Punteggio

CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:N/SC:H/SI:N/SA:N

## Correzione

Non ho una correzione da proporre: non conosco il vostro codice e lato utente non ho trovato nessun modo per aggirare il problema.

Fatemi sapere se vi serve un video.

Giulia
""",
    label=lab("vulnerability", "it", vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:N/SC:H/SI:N/SA:N",
              score=8.3),
))

# ---------------------------------------------------------------- 011
MAILS.append(dict(
    file="011-gmail-thunderbird-chain-libquill.eml",
    headers=[
        ("From", '"Priya Natarajan" <priya.natarajan@example.test>'),
        ("To", "security@example.test"),
        ("Subject", "Fwd: Fwd: CVE-2025-31877 in libquill used by your Docs editor"),
        ("Date", "Mon, 16 Jun 2025 17:40:02 +0100"),
        ("Message-ID", "<CAJp9Qx7Lm2nR_natarajan@mail.gmail.example>"),
    ],
    text="""FYI - this went to partnerships first, then to me. I haven't verified anything yet. The fix at the bottom looks straightforward; as far as I know the Docs team is on libquill 1.8.1.

Priya

---------- Forwarded message ---------
From: Henrik Lund <henrik.lund@ostra-partners.example>
Date: Mon, Jun 16, 2025 at 4:02 PM
Subject: Fwd: CVE-2025-31877 in libquill used by your Docs editor
To: Partnerships <partners@example.test>


Hi, one of our customers' researchers sent this to us by mistake - I believe it's meant for you. Forwarding as-is.

Henrik


-------- Forwarded Message --------
Subject: \tCVE-2025-31877 in libquill used by your Docs editor
Date: \tMon, 16 Jun 2025 10:31:44 +0200
From: \tAna Ribeiro <ana.ribeiro@sec-lab.example>
To: \tsecurity@ostra-partners.example



Hello,

The collaborative editor in Example Docs bundles libquill 1.8.1 (visible in /static/vendor/libquill.min.js, header comment). That version is affected by CVE-2025-31877, a heap overflow in the delta-merge routine of the server-side sync component, reachable without authentication through the websocket endpoint when a document has public link sharing enabled.

I confirmed the version and that the websocket accepts anonymous deltas on a public document I created myself. I did not attempt exploitation on your infrastructure.

CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H

Fix: upgrade libquill to 1.8.3 or later (the upstream patch is also in 1.9.0). If that can't happen quickly, disabling anonymous websocket sessions for public documents removes the unauthenticated path.

Regards,
Ana Ribeiro
""",
    label=lab("vulnerability", "en", cves=["CVE-2025-31877"],
              vector="CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", score=8.1,
              fix="upgrade libquill to 1.8.3"),
))

# ---------------------------------------------------------------- 012
MAILS.append(dict(
    file="012-portale-segnalazioni-smartgate-html.eml",
    cte="quoted-printable",
    headers=[
        ("From", '"Portale Segnalazioni Fornitori" <noreply@segnalazioni.consorzio-ict.example>'),
        ("To", "security@example.test"),
        ("Subject", "[SEG-2025-0412] Nuova segnalazione di vulnerabilità - SmartGate VPN"),
        ("Date", "Wed, 18 Jun 2025 10:00:07 +0200"),
        ("Message-ID", "<seg-2025-0412.notify.1750233607@segnalazioni.consorzio-ict.example>"),
        ("Auto-Submitted", "auto-generated"),
    ],
    html="""<html><head><meta charset="utf-8"></head><body style="font-family:Verdana,sans-serif;font-size:12px">
<p>Gentile fornitore,</p>
<p>&egrave; stata registrata una nuova segnalazione di vulnerabilit&agrave; relativa a un prodotto da Voi fornito. Di seguito il riepilogo inserito dal segnalante.</p>
<table border="1" cellspacing="0" cellpadding="5" style="border-collapse:collapse">
<tr><th>Campo</th><th>Valore</th></tr>
<tr><td>Numero segnalazione</td><td>SEG-2025-0412</td></tr>
<tr><td>Segnalante</td><td>Ing. Marco Villa - Ufficio Reti, ASL Pianura Est</td></tr>
<tr><td>Prodotto</td><td>SmartGate VPN appliance, firmware 6.1.4</td></tr>
<tr><td>Tipologia</td><td>Vulnerabilità</td></tr>
<tr><td>Descrizione</td><td>La pagina di login del portale VPN accetta il parametro <i>redirect</i> senza validarlo e, se il valore contiene caratteri di ritorno a capo, lo scrive così com'è nell'intestazione Location della risposta. Ciò consente di iniettare intestazioni arbitrarie (HTTP response splitting) e, con un link costruito ad arte, di impostare un cookie di sessione scelto dall'attaccante nel browser della vittima.</td></tr>
<tr><td>Punteggio CVSS dichiarato</td><td>8,1</td></tr>
<tr><td>Contromisure</td><td>Nessuna contromisura nota al momento della segnalazione.</td></tr>
<tr><td>Allegati</td><td>poc_redirect.txt (1 KB)</td></tr>
</table>
<p>Per prendere in carico la segnalazione accedere all'area riservata del portale. Si ricorda che, ai sensi del regolamento del Consorzio, la presa in carico deve avvenire entro 5 giorni lavorativi.</p>
<p style="color:#777;font-size:10px">Messaggio generato automaticamente, si prega di non rispondere.<br>Consorzio ICT Pubblico - Via dell'Esempio 12, 40100 Bologna</p>
</body></html>
""",
    label=lab("vulnerability", "it", reported=8.1),
))

# ---------------------------------------------------------------- 013
MAILS.append(dict(
    file="013-cert-botnet-numbered-tlp.eml",
    cte="7bit",
    headers=[
        ("From", '"CERT-Nordvik Incident Handling" <incident@cert.nordvik.example>'),
        ("To", "security@example.test, abuse@example.test"),
        ("Subject", "[CERT-NV #2025-118734] Compromised hosts in your network - botnet C2 communication"),
        ("Date", "Tue, 17 Jun 2025 08:15:00 +0200"),
        ("Message-ID", "<rt-2025-118734-1750140900@cert.nordvik.example>"),
        ("X-RT-Ticket", "CERT-NV #2025-118734"),
    ],
    text="""TLP:AMBER

Dear colleagues,

CERT-Nordvik has received information from a trusted partner about systems in your constituency that are communicating with a known botnet command-and-control server. Details follow.

1. Affected system(s)

   IP address       First seen (UTC)       Last seen (UTC)        Port
   203.0.113.74     2025-06-14 18:22:10    2025-06-17 06:01:48    443/tcp
   203.0.113.75     2025-06-15 02:41:33    2025-06-17 05:58:02    443/tcp

2. Description

   The hosts above establish regular beaconing connections (every 300 s,
   +/- 10 % jitter) to 192.0.2.210, a server operated by the "RustyLoader"
   malware family. The traffic pattern indicates that the hosts are
   infected and awaiting instructions. RustyLoader is commonly used as a
   first stage for ransomware deployment.

3. Recommended actions

   We recommend that you isolate the affected hosts from the network,
   preserve a memory image if possible, and reinstall them from known-good
   media. Credentials used on these hosts should be considered compromised
   and changed.

4. Reporting back

   Please acknowledge receipt of this report and, if possible, let us know
   the outcome of your investigation, quoting the ticket number in the
   subject.

Kind regards,

Incident Handling Team
CERT-Nordvik
PGP key: https://cert.nordvik.example/pgp.asc

-- 
This message is classified TLP:AMBER. Recipients may share it only with members of their own organisation and with clients who need to know in order to protect themselves. This e-mail and any attachments are intended solely for the addressee(s) and may contain confidential information. If you have received this message in error, please notify the sender immediately and delete it from your system. Any unauthorised review, use, disclosure or distribution is prohibited. CERT-Nordvik accepts no liability for actions taken on the basis of this information; it is provided "as is" without warranty of any kind.
""",
    label=lab("incident", "en", fix="isolate the affected hosts"),
))

# ---------------------------------------------------------------- 014
MAILS.append(dict(
    file="014-thunderbird-outlook-phishing-marchio.eml",
    headers=[
        ("From", '"Federica Sala" <federica.sala@example.test>'),
        ("To", "security@example.test"),
        ("Subject", "I: Fwd: Segnalazione phishing con il vostro marchio"),
        ("Date", "Wed, 18 Jun 2025 16:44:51 +0200"),
        ("Message-ID", "<3b9f0c1e-55aa-4e2b-b7d1-sala@example.test>"),
        ("User-Agent", "Mozilla Thunderbird"),
    ],
    text="""Ciao,
vi inoltro quello che mi ha mandato il partner di Torino. Ho già chiesto il takedown del dominio al registrar tramite il modulo abuse e l'ho aggiunto alla blocklist del nostro filtro antispam, così almeno le caselle ospitate da noi non lo ricevono più.
Per i clienti pensavo a una breve nota in area riservata: "Non vi chiederemo mai di inserire i dati della carta per rinnovare un dominio tramite link ricevuti via e-mail: in caso di dubbio accedete direttamente dal nostro sito."
Ditemi voi se va bene.

Federica


-------- Messaggio inoltrato --------
Oggetto: \tSegnalazione phishing con il vostro marchio
Data: \tWed, 18 Jun 2025 15:20:07 +0200
Mittente: \tAlberto Gallo <a.gallo@webfarm-torino.example>
A: \tFederica Sala <federica.sala@example.test>



Ciao Federica,
ti giro una mail che ci è arrivata da un cliente. Sembra una campagna abbastanza estesa, ce l'hanno segnalata in tre.

Alberto

Da: Studio Dentistico Conti <info@studioconti.example>
Inviato: mercoledì 18 giugno 2025 11:02
A: assistenza@webfarm-torino.example
Oggetto: I: Rinnovo dominio in scadenza

Buongiorno, ci è arrivata questa mail a nome di Example Hosting che ci chiede di rinnovare il dominio studioconti.example entro 24 ore pagando 4,99 euro con carta. Il link porta a example-hosting-rinnovi.example, che non mi sembra il vostro sito. È una truffa?

Grazie
Segreteria Studio Conti
""",
    label=lab("incident", "it", fix="chiesto il takedown del dominio",
              cust="Non vi chiederemo mai"),
))

# ---------------------------------------------------------------- 015
MAILS.append(dict(
    file="015-helpdesk-svg-xss-alternative.eml",
    headers=[
        ("From", '"Oleksandr Kovalenko" <o.kovalenko@mailbox.example>'),
        ("To", "security@example.test"),
        ("Subject", "Stored XSS in ticket attachments (helpdesk.example.test)"),
        ("Date", "Thu, 19 Jun 2025 13:07:26 +0300"),
        ("Message-ID", "<1750327646.482913@mailbox.example>"),
    ],
    text="""Hello security team,

I want to report a vulnerability in your helpdesk portal.

Impact: attacker who opens a ticket can upload SVG file as attachment. When agent click on the attachment preview, the SVG is rendered inline from helpdesk.example.test origin and the javascript inside is executed. With this the attacker can take the agent session and read all tickets of all customers.

Affected: https://helpdesk.example.test/attachments/preview/<id>

Severity: I calculate CVSS 8.1 (high), because agent interaction is needed.

Workaround: I am not aware of any workaround from customer side, sorry.

I have a short video, I can send if you want. Please let me know if this is eligible for your reward program.

Best regards,
Oleksandr Kovalenko
""",
    html="""<div dir="ltr"><div>Hello security team,</div><div><br></div>
<div>I want to report a vulnerability in your helpdesk portal.</div><div><br></div>
<div><b>Impact:</b> attacker who opens a ticket can upload SVG file as attachment. When agent click on the attachment preview, the SVG is rendered inline from helpdesk.example.test origin and the javascript inside is executed. With this the attacker can take the agent session and read all tickets of all customers.</div><div><br></div>
<div><b>Affected:</b> <a href="https://helpdesk.example.test/attachments/preview/">https://helpdesk.example.test/attachments/preview/&lt;id&gt;</a></div><div><br></div>
<div><b>Severity:</b> I calculate CVSS 8.1 (high), because agent interaction is needed.</div><div><br></div>
<div><b>Workaround:</b> I am not aware of any workaround from customer side, sorry.</div><div><br></div>
<div>I have a short video, I can send if you want. Please let me know if this is eligible for your reward program.</div><div><br></div>
<div>Best regards,<br>Oleksandr Kovalenko</div></div>
""",
    label=lab("vulnerability", "en", reported=8.1),
))

# ---------------------------------------------------------------- 016
MAILS.append(dict(
    file="016-applemail-inoltro-advisory-gateway.eml",
    headers=[
        ("From", '"Matteo Rinaldi" <matteo.rinaldi@example.test>'),
        ("To", "security@example.test"),
        ("Subject", "Fwd: [SECURITY] Mistral Gateway advisory MGW-2025-03"),
        ("Date", "Thu, 19 Jun 2025 09:41:18 +0200"),
        ("Message-ID", "<B27D1F4C-0E6A-4C8B-A1F3-9D2E7C6B5A40@example.test>"),
        ("X-Mailer", "iPhone Mail (22F76)"),
    ],
    text="""Ciao,
vi giro l'advisory che ci ha mandato il fornitore del gateway API: lo usiamo davanti a tutte le API pubbliche (in produzione c'è la 5.3.2). La patch non c'è ancora, dicono entro fine mese. Io per ora non toccherei niente finché non abbiamo capito meglio.

Matteo

Inviato da iPhone

Inizio messaggio inoltrato:

Da: Mistral Software Security <security-advisories@mistral-sw.example>
Data: 19 giugno 2025 09:15:32 CEST
A: Matteo Rinaldi <matteo.rinaldi@example.test>
Oggetto: [SECURITY] Mistral Gateway advisory MGW-2025-03

Dear customer,

We are notifying you of two vulnerabilities in Mistral Gateway 5.x.

CVE-2025-40112 - JWT validation bypass. When the "kid" header refers to a key that is not in the configured JWKS, versions 5.0.0 to 5.3.4 fall back to the first key without checking the algorithm, allowing a crafted HS256 token signed with the public RSA key to be accepted. CVSS 9.1.

CVE-2025-40113 - Information disclosure in the admin API error pages (stack traces including upstream hostnames).

A fixed release (5.3.5) is in preparation and will be published by 30 June. We are not able to provide a configuration workaround for CVE-2025-40112 at this time.

Mistral Software Security Team
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-40112", "CVE-2025-40113"], reported=9.1),
))

# ---------------------------------------------------------------- 017
MAILS.append(dict(
    file="017-pentest-authorisation-pgp-disclaimer.eml",
    cte="base64",
    headers=[
        ("From", '"Rachel Whitfield" <rachel.whitfield@harbourline-assurance.example>'),
        ("To", "security@example.test"),
        ("Cc", "it-ops@clearwater-retail.example"),
        ("Subject", "Request: PGP key and written authorisation for annual penetration test"),
        ("Date", "Fri, 20 Jun 2025 10:12:40 +0100"),
        ("Message-ID", "<DB9PR02MB7310F0E1D2C3B4A5@DB9PR02MB7310.eurprd02.prod.outlook.example>"),
    ],
    text="""Dear Example Hosting Security Team,

Harbourline Assurance has been engaged by Clearwater Retail plc, one of your dedicated-hosting customers, to carry out their annual external penetration test between 7 and 18 July 2025. The scope includes the three dedicated servers at 198.51.100.140-142 and the load balancer in front of them.

Before we start, we would be grateful if you could:

  a) confirm whether your acceptable use policy requires prior written authorisation from you as the hosting provider, and if so, provide it or point us to the form to fill in;
  b) send us your current PGP public key, so that we can share securely any findings that affect your shared infrastructure;
  c) let us know of any testing windows or techniques (e.g. volumetric DoS) that are excluded.

Our source addresses for the test will be 192.0.2.50 and 192.0.2.51.

Many thanks in advance.

Kind regards,

Rachel Whitfield CREST CRT, OSCP
Principal Security Consultant
Harbourline Assurance Ltd
Direct: +44 117 496 0825 | Mobile: +44 7700 900412
www.harbourline-assurance.example

Harbourline Assurance Ltd is registered in England and Wales under company number 00000000. Registered office: 4 Example Quay, Bristol BS1 0AA.

CONFIDENTIALITY NOTICE: This e-mail and any files transmitted with it are confidential and may be legally privileged. They are intended solely for the use of the individual or entity to whom they are addressed. If you are not the intended recipient, you must not copy, distribute or take any action in reliance on it; please notify the sender by reply e-mail and delete the message. E-mail transmission cannot be guaranteed to be secure or error-free. Harbourline Assurance does not accept liability for any errors or omissions in the contents of this message which arise as a result of e-mail transmission. Please consider the environment before printing this e-mail.
""",
    label=lab("unknown", "en"),
))

# ---------------------------------------------------------------- 018
MAILS.append(dict(
    file="018-universita-autorizzazione-didattica-qp.eml",
    cte="quoted-printable",
    headers=[
        ("From", '"Prof.ssa Elena Caruso" <elena.caruso@unimontana.example>'),
        ("To", "security@example.test"),
        ("Subject", "Richiesta di autorizzazione per attività didattica di security testing"),
        ("Date", "Mon, 23 Jun 2025 11:30:02 +0200"),
        ("Message-ID", "<a1c7e5d2-caruso-didattica@unimontana.example>"),
        ("User-Agent", "Roundcube Webmail/1.6.9"),
    ],
    text="""Gentile responsabile della sicurezza,

sono docente del corso di Sicurezza delle Applicazioni Web presso il Dipartimento di Informatica dell'Università di Montana. Nel secondo semestre vorrei proporre agli studenti un'esercitazione di ricerca di vulnerabilità su un'applicazione reale e mi è stato suggerito il Vostro ambiente dimostrativo demo.example.test.

Le scrivo per chiederLe:
- se un'attività di questo tipo è consentita dai Vostri termini d'uso;
- quali limiti dovremmo rispettare (frequenza delle richieste, strumenti automatici, orari);
- a chi e in che forma gli studenti dovrebbero inviare eventuali segnalazioni.

Gli studenti sarebbero una quarantina e lavorerebbero sotto la mia supervisione dalla rete dell'Ateneo. Resto ovviamente disponibile per una breve telefonata.

Cordiali saluti

Elena Caruso
Professoressa associata - SSD INF/01
Dipartimento di Informatica, Università di Montana
Via dell'Università 1, 00000 Montana (MN)
Tel. +39 0000 123456

-- 
Le informazioni contenute in questo messaggio di posta elettronica sono riservate e confidenziali e ne è vietata la diffusione in qualunque modo eseguita. Qualora Lei non fosse la persona a cui il presente messaggio è destinato, La invitiamo ad eliminarlo e a non leggerlo, dandone gentilmente comunicazione al mittente.
The information contained in this e-mail is confidential and intended only for the addressee. If you are not the intended recipient, please delete it and notify the sender. Any use, copying or disclosure by anyone other than the addressee is prohibited.

Prima di stampare, pensa all'ambiente.
""",
    label=lab("unknown", "it"),
))

# ---------------------------------------------------------------- 019
MAILS.append(dict(
    file="019-enduser-phishing-applemail-html-only.eml",
    headers=[
        ("From", '"Doreen Pike" <doreen.pike@webmail.example>'),
        ("To", "security@example.test"),
        ("Subject", "Fwd: Your mailbox is almost full - action required"),
        ("Date", "Fri, 20 Jun 2025 14:03:55 +0100"),
        ("Message-ID", "<4E0B77A9-1C2D-4F3E-8A5B-pike@webmail.example>"),
        ("X-Mailer", "Apple Mail (2.3774.600.62)"),
    ],
    html="""<html><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">
<div>Hello, I got this email today and I clicked the link and typed my password before I realised it looked strange. Is this from you?? My email is with you (doreenpike.example). I have now a bad feeling. What should I do? I am not very good with computers.</div>
<div><br></div><div>Doreen</div><div><br></div>
<div><blockquote type="cite"><div>Begin forwarded message:</div><br>
<div style="margin:0px"><span><b>From: </b></span><span>Example Hosting Mail Team &lt;no-reply@mailbox-quota.example&gt;</span></div>
<div style="margin:0px"><span><b>Subject: </b></span><span><b>Your mailbox is almost full - action required</b></span></div>
<div style="margin:0px"><span><b>Date: </b></span><span>20 June 2025 at 08:51:17 BST</span></div>
<div style="margin:0px"><span><b>To: </b></span><span>doreen@doreenpike.example</span></div><br>
<div><p>Dear user,</p>
<p>Your mailbox <b>doreen@doreenpike.example</b> has reached 98% of its quota. Incoming messages will be rejected in 24 hours. To keep receiving e-mail, verify your account:</p>
<p><a href="https://mailbox-quota.example/verify?u=doreen">Verify my mailbox</a></p>
<p>Example Hosting Mail Team</p></div>
</blockquote></div>
</body></html>
""",
    label=lab("incident", "en"),
))

# ---------------------------------------------------------------- 020
MAILS.append(dict(
    file="020-urgente-ftp-bucato-cp1252.eml",
    charset="windows-1252", cte="8bit",
    headers=[
        ("From", '"Gianni Esposito" <gianni@tipografiaesposito.example>'),
        ("To", "security@example.test"),
        ("Subject", "URGENTE server ftp bucato"),
        ("Date", "Mon, 23 Jun 2025 07:52:10 +0200"),
        ("Message-ID", "<000a01dbe3f1$9c2b7d40$d4827780$@tipografiaesposito.example>"),
        ("X-Mailer", "Microsoft Outlook 15.0"),
    ],
    text="""ciao ragazzi scusate la fretta
stamattina il server ftp che abbiamo da voi (ftp.tipografiaesposito.example, il VPS da 4 giga) era pieno di file che non sono nostri, tipo 30 giga di roba .rar e un file LEGGIMI.txt in russo credo. nel log vedo accessi con l'utente "grafica" da 203.0.113.9 da venerdì sera, quell'utente lo usava un collaboratore che non c'è più.
ho staccato la macchina dalla rete dal vostro pannello (spenta proprio) e ho cambiato la password del pannello. non ho cancellato niente perché non so se vi serve per capire.
mi chiamate? 333 0000000
Gianni

Tipografia Esposito snc – P.IVA 00000000000
""",
    label=lab("incident", "it", fix="ho staccato la macchina dalla rete"),
))

# ---------------------------------------------------------------- 021
MAILS.append(dict(
    file="021-interleaved-crm-export-cvss4.eml",
    headers=[
        ("From", '"Jonas Meyer" <jonas@meyer-research.example>'),
        ("To", '"Example Security Desk" <security@example.test>'),
        ("Cc", '"Laura Conti" <laura.conti@example.test>'),
        ("Subject", "Re: Export endpoint leaks other tenants' data"),
        ("Date", "Wed, 18 Jun 2025 08:33:12 +0200"),
        ("Message-ID", "<Zk9m2c1@meyer-research.example>"),
        ("In-Reply-To", "<20250617142001.77ab@example.test>"),
        ("References", "<Zj0a1b2@meyer-research.example> <20250617142001.77ab@example.test>"),
        ("User-Agent", "Mozilla Thunderbird 128.11.0"),
    ],
    text="""Hi Laura,

answers inline, with the desk in To as you asked.

On 17/06/2025 14:20, Laura Conti wrote:
> Thank you for your report. To assess it we need a few more details:
> which product version did you test against?

CRM Cloud, the footer says 2025.6.1 (build 8812). Tested on my own trial
tenant only.

> Does the issue require authentication?

Yes, any user of any tenant, lowest role ("viewer") is enough. No
interaction from the victim.

> Do you have a CVSS vector?

CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N

> Any suggestion on remediation?

The export job takes the tenant_id from the request body instead of the
session. Derive the tenant from the session token server-side and ignore
the body field. Until that ships you could switch off the CSV export
feature flag, it's the only caller I found.

> Anything you would want us to tell affected customers?

If you publish a notice I'd keep it short, e.g.: "A flaw in the CSV
export could let a logged-in user of another organisation obtain contact
records from your account. It has been fixed and we found no evidence of
abuse." - the last part only if your logs confirm it, obviously.

Best,
Jonas
""",
    label=lab("vulnerability", "en", vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N",
              score=7.1, fix="derive the tenant from the session",
              cust="A flaw in the CSV export"),
))

# ---------------------------------------------------------------- 022
MAILS.append(dict(
    file="022-interleaved-plugin-prenotazioni.eml",
    headers=[
        ("From", '"Stefano Marchetti" <s.marchetti@marchetti-it.example>'),
        ("To", '"Chiara Fontana" <chiara.fontana@example.test>, security@example.test'),
        ("Subject", "Re: vulnerabilità plugin prenotazioni"),
        ("Date", "Thu, 19 Jun 2025 12:18:40 +0200"),
        ("Message-ID", "<CAF3mQx9s_marchetti_0619@mail.gmail.example>"),
        ("In-Reply-To", "<5d2e9a10-fontana@example.test>"),
    ],
    text="""Ciao Chiara,

ti rispondo punto per punto; metto in copia l'indirizzo security come mi avevi chiesto.

Il giorno gio 19 giu 2025 alle ore 10:05 Chiara Fontana <chiara.fontana@example.test> ha scritto:
> Mi confermi che il problema riguarda solo gli utenti amministratori?

Sì, serve un account con ruolo "gestore", però da lì si esce dal perimetro del plugin: il campo "modello email" viene passato a un motore di template lato server senza sandbox, quindi si eseguono comandi sul server con i privilegi di PHP-FPM, che è condiviso con gli altri siti ospitati sulla stessa macchina. Per questo nel vettore che ho calcolato, CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H, lo scope è cambiato.

> Hai già una proposta di correzione?

Sì: nella 2.3 del plugin basta istanziare il motore con la sandbox attiva e una whitelist di filtri. Nel frattempo si può togliere ai gestori il permesso di modificare i modelli, lasciandolo solo al superadmin.

> E ai clienti cosa diciamo?

Io scriverei qualcosa del genere: "Abbiamo corretto un problema nel modulo Prenotazioni che, in presenza di credenziali di gestore, poteva consentire l'esecuzione di codice sul server. Non è richiesta alcuna azione da parte vostra."

Fammi sapere se serve altro.
Stefano

-- 
Stefano Marchetti
Marchetti IT - sviluppo e consulenza
https://marchetti-it.example
""",
    label=lab("vulnerability", "it", vector="CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H",
              score=9.1, fix="togliere ai gestori il permesso",
              cust="Non è richiesta alcuna azione"),
))

# ---------------------------------------------------------------- 023
MAILS.append(dict(
    file="023-backupvault-rce-markdown-two-vectors.eml",
    headers=[
        ("From", '"Wei Zhang" <wei.zhang@redcanyon-labs.example>'),
        ("To", "security@example.test"),
        ("Subject", "Unauthenticated RCE in BackupVault agent (port 7781) - full write-up"),
        ("Date", "Tue, 24 Jun 2025 03:12:45 +0000"),
        ("Message-ID", "<d41d8cd9-wz-bv-7781@redcanyon-labs.example>"),
    ],
    text="""# BackupVault agent: unauthenticated remote code execution

**Researcher:** Wei Zhang, Red Canyon Labs
**Tested version:** BackupVault Agent 3.9.0 for Linux (x86_64), installed from your repo on 2025-06-02
**Status:** not disclosed, 90-day window starts today

## Summary

The agent listens on TCP 7781 on all interfaces by default. The `restore-plan` message is deserialised with a Java object stream *before* the authentication token is checked, and the agent's classpath contains a usable gadget chain (commons-collections 3.2.1) that leads to command execution as root.

## Impact

Anyone who can reach port 7781 on a customer server runs commands as root. Banner data from public scan engines suggests several thousand agents in your customer ranges are reachable from the internet (I did not connect to any of them).

## Scoring

- CVSS 3.1: `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`
- CVSS 4.0: `CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N`

## PoC

```
python3 bv_restore_plan.py --target 192.0.2.15 --cmd "id > /tmp/bv_poc"
```

Running it against a lab VM writes `uid=0(root)` to /tmp/bv_poc. Script attached; please keep it inside the team.

## Workaround

I couldn't find one from the customer side: the agent refuses to start if it is bound to 127.0.0.1 only, and the backup server needs the port.

## Suggested advisory text

> BackupVault Agent versions up to 3.9.0 contain a flaw that allows an unauthenticated attacker with network access to the agent to execute commands with administrative privileges. An update is being prepared and will be announced on our status page.

Thanks,
Wei
""",
    label=lab("vulnerability", "en", vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
              score=9.3, cust="will be announced on our status page"),
))

# ---------------------------------------------------------------- 024
MAILS.append(dict(
    file="024-mailcore-mx-setext-latin1.eml",
    charset="iso-8859-1", cte="8bit",
    headers=[
        ("From", '"Roberto Pellegrini" <roberto.pellegrini@pellegrini-consulting.example>'),
        ("To", "security@example.test"),
        ("Subject", "CVE-2025-29904 - Mailcore esposto sui server MX condivisi?"),
        ("Date", "Tue, 24 Jun 2025 17:25:33 +0200"),
        ("Message-ID", "<9e1b4c77-pellegrini-mx@pellegrini-consulting.example>"),
        ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.11.1"),
    ],
    text="""Descrizione
===========

Lavorando per un cliente comune ho notato che i vostri MX condivisi
(mx1.example.test e mx2.example.test) annunciano nel banner SMTP la
versione Mailcore 4.1.7. Se il banner è veritiero, quella versione è
affetta dalla falla pubblicata la settimana scorsa (quella indicata in
oggetto): un comando BDAT malformato provoca una lettura oltre i limiti
del buffer e il crash del processo, con possibile fuga di frammenti di
messaggi di altri utenti nella risposta di errore.

Impatto
-------

Chiunque su Internet può colpire il servizio: nessuna autenticazione,
nessuna interazione. Nel bollettino del produttore il punteggio CVSS è
7,5. Non ho eseguito test attivi oltre alla lettura del banner.

Note
----

Non so se il banner sia stato lasciato di proposito con una versione
vecchia: in tal caso ignorate pure questa mail.

Saluti,
Roberto Pellegrini
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-29904"], reported=7.5),
))

# ---------------------------------------------------------------- 025
MAILS.append(dict(
    file="025-ransomware-vps-base64.eml",
    cte="base64",
    headers=[
        ("From", '"Ahmet Yilmaz" <ahmet@anatolia-tours.example>'),
        ("To", "security@example.test, support@example.test"),
        ("Subject", "ransomware on our VPS, need help urgent"),
        ("Date", "Sat, 21 Jun 2025 10:47:29 +0300"),
        ("Message-ID", "<CAK1pL0gq-yilmaz-2106@mail.gmail.example>"),
    ],
    text="""Hello,

this morning our booking website was down and when I login to the VPS (vps-22817) all files in /var/www and /home have extension .locked and there is a note README_RESTORE.html asking 0.8 bitcoin. Also the MySQL database is gone, only a table "readme" with the same text.

What we done until now: we have shut down the VPS from the panel, and restored Sunday backup on a new VPS with new passwords and only port 443 open. The old one we keep off so you can look.

We think they came in by the old phpMyAdmin, it was still on the default path.

Our customers are maybe in danger because the database had names, emails and passport numbers. Can you help us with the message? We want to write them something like: "On 21 June our booking system was attacked. Your name, e-mail and passport number may have been accessed. We recommend to be careful with e-mails asking payments in our name." Is this ok for you? Or we must say more?

Thank you very much
Ahmet Yilmaz
Anatolia Tours
""",
    label=lab("incident", "en", fix="restored Sunday backup on a new VPS",
              cust="our booking system was attacked"),
))

# ---------------------------------------------------------------- 026
MAILS.append(dict(
    file="026-csirt-dump-credenziali-alternative.eml",
    cte="quoted-printable",
    headers=[
        ("From", '"CSIRT Regione Esempio" <csirt@regione.esempio.example>'),
        ("To", "security@example.test"),
        ("Subject", "[CSIRT-RE] Segnalazione n. 2025/0733 - credenziali di Vostri utenti in dump pubblicato"),
        ("Date", "Wed, 25 Jun 2025 15:02:00 +0200"),
        ("Message-ID", "<csirt-re-2025-0733.1750856520@regione.esempio.example>"),
    ],
    text="""Gentili colleghi,

nell'ambito delle attività di monitoraggio delle fonti aperte, questo CSIRT ha individuato su un forum underground un archivio contenente circa 1.200 coppie utente/password riconducibili al Vostro servizio di webmail (webmail.example.test). Un campione è stato confrontato con le segnalazioni pervenute dagli enti del territorio: almeno quattro enti hanno rilevato accessi non autorizzati alle proprie caselle nei giorni successivi alla pubblicazione.

Riepilogo
- Fonte: forum underground, post del 14/06/2025
- Credenziali: circa 1.200
- Domini interessati: 37, di cui 9 di pubbliche amministrazioni
- Accessi abusivi confermati: 4 enti

Si raccomanda di forzare il reset delle password degli account presenti nell'elenco (allegato cifrato; la password Vi sarà comunicata telefonicamente) e di verificare la presenza di regole di inoltro anomale. Vi invitiamo altresì a informare i clienti interessati.

Cordiali saluti
CSIRT Regione Esempio - Nucleo operativo
TLP:AMBER

Questo messaggio è destinato esclusivamente ai destinatari indicati e può contenere informazioni classificate TLP:AMBER. È vietata la diffusione al di fuori dell'organizzazione destinataria. Se avete ricevuto questo messaggio per errore, siete pregati di informare il mittente e di distruggerlo.
""",
    html="""<html><body style="font-family:Arial,sans-serif;font-size:13px">
<p>Gentili colleghi,</p>
<p>nell'ambito delle attivit&agrave; di monitoraggio delle fonti aperte, questo CSIRT ha individuato su un forum underground un archivio contenente circa 1.200 coppie utente/password riconducibili al Vostro servizio di webmail (webmail.example.test). Un campione è stato confrontato con le segnalazioni pervenute dagli enti del territorio: almeno quattro enti hanno rilevato accessi non autorizzati alle proprie caselle nei giorni successivi alla pubblicazione.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<tr><th colspan="2" style="background:#003366;color:#fff">Riepilogo</th></tr>
<tr><th align="left">Fonte</th><td>forum underground, post del 14/06/2025</td></tr>
<tr><th align="left">Credenziali</th><td>circa 1.200</td></tr>
<tr><th align="left">Domini interessati</th><td>37, di cui 9 di pubbliche amministrazioni</td></tr>
<tr><th align="left">Accessi abusivi confermati</th><td>4 enti</td></tr>
</table>
<p>Si raccomanda di forzare il reset delle password degli account presenti nell'elenco (allegato cifrato; la password Vi sar&agrave; comunicata telefonicamente) e di verificare la presenza di regole di inoltro anomale. Vi invitiamo altres&igrave; a informare i clienti interessati.</p>
<p>Cordiali saluti<br>CSIRT Regione Esempio - Nucleo operativo<br><b>TLP:AMBER</b></p>
<p style="font-size:10px;color:#666">Questo messaggio è destinato esclusivamente ai destinatari indicati e può contenere informazioni classificate TLP:AMBER. È vietata la diffusione al di fuori dell'organizzazione destinataria. Se avete ricevuto questo messaggio per errore, siete pregati di informare il mittente e di distruggerlo.</p>
</body></html>
""",
    label=lab("incident", "it", fix="forzare il reset delle password"),
))

# ---------------------------------------------------------------- 027
MAILS.append(dict(
    file="027-thanks-credit-top-posted.eml",
    headers=[
        ("From", '"Lena Fischer" <lena.fischer@fischer-sec.example>'),
        ("To", "Example Security Desk <security@example.test>"),
        ("Subject", "Re: [SEC-2025-0788] Resolved: CVE-2025-27019 in Example Webmail"),
        ("Date", "Mon, 23 Jun 2025 12:05:48 +0200"),
        ("Message-ID", "<7c2f1a90-fischer-thanks@fischer-sec.example>"),
        ("In-Reply-To", "<sec-2025-0788.resolved@example.test>"),
    ],
    text="""Thanks a lot for the quick turnaround and for keeping me in the loop - much appreciated. One small request: in the advisory, could you credit me as "Lena Fischer (fischer-sec)" rather than with my full company name? No need to reply otherwise.

Cheers,
Lena

On 23/06/2025 11:42, Example Security Desk wrote:
> Dear Lena,
>
> we are happy to let you know that the issue you reported (CVE-2025-27019,
> HTML injection in the message preview of Example Webmail) has been
> resolved for all customers since 20 June 2025.
>
> The advisory will be published on 30 June. Please let us know how you
> would like to be credited.
>
> Kind regards,
> Example Security Desk
""",
    label=lab("unknown", "en", cves=["CVE-2025-27019"]),
))

# ---------------------------------------------------------------- 028
MAILS.append(dict(
    file="028-sollecito-stato-top-posted.eml",
    headers=[
        ("From", '"Marco Galli" <marco.galli@galli-web.example>'),
        ("To", "security@example.test"),
        ("Subject", "R: [SEC-2025-0702] Conferma di ricezione della segnalazione"),
        ("Date", "Fri, 20 Jun 2025 09:14:03 +0200"),
        ("Message-ID", "<000501dbe1a4$11aa2290$34ff67b0$@galli-web.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ],
    text="""Buongiorno,
sono passate quasi tre settimane dalla conferma qui sotto e non ho più avuto notizie. Potete dirmi a che punto è la valutazione? Il ticket risulta ancora "in analisi" anche nel portale.
Grazie,
Marco Galli

-----Messaggio originale-----
Da: Example Security Desk <security@example.test>
Inviato: lunedì 2 giugno 2025 16:03
A: Marco Galli <marco.galli@galli-web.example>
Oggetto: [SEC-2025-0702] Conferma di ricezione della segnalazione

Gentile Marco Galli,

abbiamo ricevuto la Sua segnalazione relativa a CVE-2025-24813 sul servizio Tomcat gestito e le abbiamo assegnato il numero SEC-2025-0702. La preghiamo di indicare questo numero in ogni comunicazione successiva.

Stato: in analisi
Priorità: da assegnare

Cordiali saluti
Example Security Desk
""",
    label=lab("unknown", "it", cves=["CVE-2025-24813"]),
))

# ---------------------------------------------------------------- 029
MAILS.append(dict(
    file="029-serviceloop-callback-tls-html-table.eml",
    cte="base64",
    headers=[
        ("From", '"ServiceLoop - Acme Payments" <serviceloop@acmepay.example>'),
        ("To", "security@example.test"),
        ("Subject", "[ACME-SEC-4471] Vulnerability notification: weak TLS on payments callback endpoint"),
        ("Date", "Thu, 26 Jun 2025 14:30:19 +0000"),
        ("Message-ID", "<case.ACME-SEC-4471.n1@serviceloop.acmepay.example>"),
        ("Auto-Submitted", "auto-generated"),
    ],
    html="""<html><body style="font-family:'Segoe UI',Arial,sans-serif;font-size:13px">
<p><b>A case has been shared with you by Acme Payments Security Operations.</b></p>
<table cellpadding="6" cellspacing="0" border="1" style="border-collapse:collapse;border-color:#ccc">
<tr><th style="text-align:left;background:#f2f2f2">Case</th><td>ACME-SEC-4471</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Type</th><td>Vulnerability</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Opened by</th><td>Nadia Haddad (Security Engineer)</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Affected asset</th><td>callbacks.example.test:443 (your payment notification receiver)</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Severity</th><td>7.5 (High)</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Description</th><td>During our quarterly partner scan we found that the endpoint still negotiates TLS 1.0 and accepts RSA key exchange with CBC ciphers. It also does not require our client certificate: any party can post forged payment notifications, and your side accepts them if the order number format is guessed.</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Remediation</th><td>Require mutual TLS with the client certificate we issued in March and disable TLS 1.0/1.1 and all non-AEAD suites. Until then, allow-list our egress range 192.0.2.64/27 at your firewall.</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Customer communication</th><td>If merchants ask, you may say: "No payment data was exposed; the change only hardens how payment confirmations are received." Please align with us before any public statement.</td></tr>
<tr><th style="text-align:left;background:#f2f2f2">Due date</th><td>2025-07-15</td></tr>
</table>
<p>To reply, respond to this e-mail keeping the case number in the subject. Attachments: scan_report_callbacks.pdf</p>
<p style="font-size:11px;color:#999">This notification was sent by ServiceLoop on behalf of Acme Payments Ltd. Do not forward outside your organisation.</p>
</body></html>
""",
    label=lab("vulnerability", "en", reported=7.5, fix="disable TLS 1.0/1.1",
              cust="No payment data was exposed"),
))

# ---------------------------------------------------------------- 030
MAILS.append(dict(
    file="030-router-homelink-upnp-base64.eml",
    cte="base64",
    headers=[
        ("From", '"Andrea Colombo" <andrea.colombo@domotica-colombo.example>'),
        ("To", "security@example.test"),
        ("Subject", "Segnalazione vulnerabilità firmware router HomeLink HL-300 (forniti in comodato)"),
        ("Date", "Fri, 27 Jun 2025 10:20:00 +0200"),
        ("Message-ID", "<e8a1f3c2-colombo-hl300@domotica-colombo.example>"),
    ],
    text="""Buongiorno,

siamo installatori partner e consegniamo ai clienti i router HomeLink HL-300 che fornite in comodato con l'abbonamento fibra. Durante un intervento abbiamo trovato un problema che vi descrivo qui sotto.

1) Descrizione
Il servizio UPnP del router (porta 5000/tcp, lato LAN) espone l'azione "GetConfigBackup" senza autenticazione. La risposta contiene il file di configurazione completo, comprese la password di amministrazione e le credenziali PPPoE in chiaro.

2) Impatto
Qualunque dispositivo della rete locale, compreso un ospite collegato al Wi-Fi o un dispositivo IoT compromesso, può ottenere la password del router e modificarne la configurazione.
Vettore: CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N

3) Proposta di correzione
Richiedere l'autenticazione per tutte le azioni UPnP che leggono la configurazione, oppure eliminare del tutto "GetConfigBackup". Nel frattempo si può disattivare UPnP da remoto tramite il vostro sistema di gestione TR-069: i clienti perdono solo l'apertura automatica delle porte per le console di gioco.

4) Comunicazione ai clienti
Proporrei di avvisarli così: "Abbiamo aggiornato la configurazione del tuo router per migliorarne la sicurezza. Se usi una console di gioco potresti dover aprire manualmente alcune porte: trovi le istruzioni nella guida online."

Rimaniamo a disposizione.

Andrea Colombo
Domotica Colombo s.r.l.
""",
    label=lab("vulnerability", "it", vector="CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N",
              score=7.1, fix="disattivare UPnP da remoto",
              cust="Abbiamo aggiornato la configurazione"),
))

# ---------------------------------------------------------------- 031
MAILS.append(dict(
    file="031-staff-storage-key-leak-timeline.eml",
    headers=[
        ("From", '"Daniel Price" <daniel.price@example.test>'),
        ("To", "security@example.test"),
        ("Cc", "platform-leads@example.test"),
        ("Subject", "Incident: object storage key pushed to public GitHub repo and used"),
        ("Date", "Tue, 24 Jun 2025 12:40:10 +0100"),
        ("Message-ID", "<PAXP193MB1744C0FFEE01@PAXP193MB1744.EURP193.PROD.OUTLOOK.example>"),
    ],
    text="""Hi security,

Raising this formally so it gets a ticket. Short version: an access key for the customer-assets object storage bucket was committed to a public repo by mistake, and someone used it before we noticed.

Timeline (all UTC, 24 June):
 - 09:12  developer pushes example-cdn-tools to GitHub as public (should have been private); .env contains the key
 - 09:31  first request with the key from 203.0.113.201 (ListBucket on customer-assets)
 - 09:31-10:48  ~14,000 GetObject calls from the same address, roughly 6 GB
 - 10:52  GitHub secret scanning alert reaches us
 - 11:05  key revoked, repo made private, new key issued to the CDN service

What was in the bucket: uploaded logos and product images for ~3,000 shop customers, plus (the bad part) 212 CSV exports that customers had generated from the shop admin and that were being stored there by mistake, with order data (names, shipping addresses, phone numbers, no payment data).

Besides revoking the key we have purged the CSV exports from the bucket, and a lifecycle rule now deletes exports after 24 h.

For the 212 affected shops I drafted this, please improve:

    Subject: Important information about your order export files
    On 24 June an access key to one of our storage systems was exposed for about two hours. During that time an unknown party downloaded files including order export files from your shop, which contain customer names, shipping addresses and phone numbers. Payment information was not affected. We have revoked the key and deleted the stored export files.

Daniel

-- 
Daniel Price
Platform Engineering Lead
Example Hosting Ltd. | 10 Example Street, Manchester M1 1AA
daniel.price@example.test | +44 161 496 0777

This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it. Example Hosting Ltd. is registered in England and Wales, no. 00000001.
""",
    label=lab("incident", "en", fix="purged the CSV exports from the bucket",
              cust="Payment information was not affected"),
))

# ---------------------------------------------------------------- 032
MAILS.append(dict(
    file="032-soc-webshell-html-only-liste.eml",
    cte="base64",
    headers=[
        ("From", '"SOC Alpiservizi" <soc@alpiservizi.example>'),
        ("To", "security@example.test"),
        ("Subject", "Rilevata web shell su server condiviso shared-07"),
        ("Date", "Wed, 25 Jun 2025 20:11:37 +0200"),
        ("Message-ID", "<CWLP123MB4410A9B8@CWLP123MB4410.GBRP123.PROD.OUTLOOK.example>"),
    ],
    html="""<html><body><div style="font-family:Calibri,sans-serif;font-size:11pt">
<p>Buonasera,</p>
<p>vi scriviamo in qualità di SOC di Alpiservizi, vostro cliente per l'hosting gestito. Il nostro EDR sul server <b>shared-07.example.test</b> (che gestiamo in co-amministrazione con voi) ha rilevato alle 19:42 una web shell PHP caricata tramite il modulo di upload di un sito WordPress di un altro vostro cliente ospitato sulla stessa macchina.</p>
<p><b>Evento osservato</b></p>
<ul>
<li>File: <code>/var/www/vhosts/negozio-ravelli.example/wp-content/uploads/2025/06/cache.php</code></li>
<li>Comandi eseguiti: <code>id</code>, <code>uname -a</code>, tentativo di lettura di <code>/etc/shadow</code> (fallito)</li>
<li>IP sorgente: 198.51.100.201</li>
</ul>
<p><b>Azioni intraprese</b></p>
<ul>
<li>abbiamo isolato il server dalla rete pubblica, lasciando attivo solo il vostro accesso di management</li>
<li>abbiamo conservato una copia del file e dei log di Apache</li>
</ul>
<p><b>Cosa vi chiediamo</b></p>
<ul>
<li>verificare gli altri siti ospitati su shared-07</li>
<li>decidere quando riportare online il server</li>
</ul>
<p>Quanto agli altri clienti di shared-07, secondo noi basterebbe dire loro che il server è stato messo offline per precauzione a causa di un file malevolo caricato su un sito terzo e che nessun dato dei loro siti risulta consultato.</p>
<p>Cordiali saluti,<br>Ilaria Fontana<br>SOC Alpiservizi - turno serale</p>
</div></body></html>
""",
    label=lab("incident", "it", fix="abbiamo isolato il server",
              cust="messo offline per precauzione"),
))

# ---------------------------------------------------------------- 033
MAILS.append(dict(
    file="033-php-cgi-subject-cve-score.eml",
    cte="7bit",
    headers=[
        ("From", '"Rahul Verma" <rahulverma.sec@mailbox.example>'),
        ("To", "security@example.test"),
        ("Subject", "CVE-2024-4577 on your server cp.example.test"),
        ("Date", "Thu, 26 Jun 2025 19:58:02 +0530"),
        ("Message-ID", "<CAM5rV3rma-0626-cgi@mail.mailbox.example>"),
    ],
    text="""Dear Team,

I am security researcher. I found your server cp.example.test is running PHP-CGI on Windows with version vulnerable to the argument injection in title. I was able to confirm by sending the soft-hyphen payload and get phpinfo output (only phpinfo, no other command). This give remote code execution to anyone, score: 9.8 critical.

Please fix it asap and tell me when done. I am expecting bounty for this finding as per responsible disclosure.

Screenshot attached.

Regards
Rahul Verma
Security Researcher
""",
    label=lab("vulnerability", "en", cves=["CVE-2024-4577"], reported=9.8),
))

# ---------------------------------------------------------------- 034
MAILS.append(dict(
    file="034-console-raid-prosa-iphone.eml",
    cte="8bit",
    headers=[
        ("From", '"Valentina Greco" <valentina.greco@studiogreco.example>'),
        ("To", "security@example.test"),
        ("Subject", "console di amministrazione raggiungibile da internet"),
        ("Date", "Sat, 28 Jun 2025 21:37:50 +0200"),
        ("Message-ID", "<F1A2B3C4-D5E6-4789-ABCD-greco@studiogreco.example>"),
        ("X-Mailer", "iPhone Mail (22F76)"),
    ],
    text="""Buonasera,
vi scrivo perché facendo un controllo sul nostro server dedicato ho visto che la console di gestione del RAID (quella del controller, sulla porta 8443) risponde da Internet con la pagina di login del produttore e accetta ancora admin/admin. Io non l'avevo mai configurata, quindi immagino sia rimasta così dall'installazione fatta da voi. Se è così anche sugli altri server che consegnate, chiunque potrebbe entrare, cancellare i volumi o leggere i dischi.
Non l'ho ancora cambiata perché non so se vi serve l'accesso per il monitoraggio, ma nel frattempo vi consiglierei di limitare l'accesso alla porta 8443 alla vostra rete di gestione e di controllare anche gli altri clienti.
Grazie,
Valentina Greco

Inviato da iPhone
""",
    label=lab("vulnerability", "it", fix="limitare l'accesso alla porta 8443"),
))

# ---------------------------------------------------------------- 035
MAILS.append(dict(
    file="035-thunderbird-fwd-kestrel-advisory.eml",
    headers=[
        ("From", '"Nikos Papadakis" <nikos.papadakis@example.test>'),
        ("To", "security@example.test"),
        ("Cc", "netops@example.test"),
        ("Subject", "Fwd: Security Advisory KSA-2025-07: Kestrel Load Balancer"),
        ("Date", "Tue, 24 Jun 2025 09:22:31 +0100"),
        ("Message-ID", "<0b6e3d2a-71c4-4a5f-9c88-papadakis@example.test>"),
        ("User-Agent", "Mozilla Thunderbird 128.11.0"),
    ],
    text="""Heads-up: we run Kestrel LB 7.2.1 on both edge pairs (edge-a, edge-b). The HTTP/2 issue is the one that matters for us; the second CVE is only in the GUI, which we don't expose. I'd like to schedule the upgrade for Thursday's window unless someone objects.

Nikos


-------- Forwarded Message --------
Subject: \tSecurity Advisory KSA-2025-07: Kestrel Load Balancer
Date: \tTue, 24 Jun 2025 07:00:02 +0000
From: \tKestrel Networks PSIRT <psirt@kestrel-networks.example>
To: \tnikos.papadakis@example.test



Kestrel Networks Security Advisory KSA-2025-07
Published: 2025-06-24

Summary
A remote, unauthenticated attacker can exhaust memory on Kestrel Load Balancer by sending a stream of HTTP/2 CONTINUATION frames without END_HEADERS (CVE-2025-38841). A separate issue allows stored cross-site scripting in the administrative GUI by authenticated operators (CVE-2025-38842).

Affected versions
7.0.0 through 7.2.3

Severity
CVE-2025-38841: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H
CVE-2025-38842: Low

Solution
Fixed in 7.2.4. As a temporary workaround, HTTP/2 can be disabled on public listeners (set http2.enabled=false); clients will fall back to HTTP/1.1.

Kestrel Networks PSIRT
""",
    label=lab("vulnerability", "en", cves=["CVE-2025-38841", "CVE-2025-38842"],
              vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", score=7.5,
              fix="Fixed in 7.2.4"),
))

# ---------------------------------------------------------------- 036
MAILS.append(dict(
    file="036-questionario-nis2-html-only.eml",
    headers=[
        ("From", '"Ufficio Acquisti - Gruppo Ferretti Alimentari" <acquisti@ferretti-alimentari.example>'),
        ("To", "security@example.test, commerciale@example.test"),
        ("Subject", "Questionario sicurezza fornitori NIS2 - richiesta compilazione entro il 31/07"),
        ("Date", "Mon, 30 Jun 2025 09:05:44 +0200"),
        ("Message-ID", "<VI1PR08MB5120B7A3@VI1PR08MB5120.eurprd08.prod.outlook.example>"),
    ],
    html="""<html><body><div style="font-family:Arial,sans-serif;font-size:10pt">
<p>Spettabile fornitore,</p>
<p>nell'ambito degli adempimenti previsti dal D.Lgs. 138/2024 (recepimento della direttiva NIS2), il Gruppo Ferretti Alimentari sta aggiornando la valutazione di sicurezza della propria catena di fornitura. Vi chiediamo pertanto di compilare il questionario allegato e di inviarci:</p>
<ol>
<li>copia delle certificazioni in vostro possesso (ISO/IEC 27001, ISO 22301 o equivalenti);</li>
<li>il nominativo e i recapiti del vostro referente per la sicurezza delle informazioni;</li>
<li>una descrizione sintetica delle procedure di notifica degli incidenti ai clienti;</li>
<li>l'elenco dei sub-fornitori che trattano dati del Gruppo.</li>
</ol>
<p>Il termine per la restituzione è fissato al <b>31 luglio 2025</b>. Per qualsiasi chiarimento potete rivolgervi alla sottoscritta.</p>
<p>Cordiali saluti,<br>Dott.ssa Monica Ferri<br>Ufficio Acquisti e Vendor Management<br>Gruppo Ferretti Alimentari S.p.A.<br>Tel. +39 0000 654321</p>
<p style="font-size:8pt;color:#666">Ai sensi del Regolamento UE 2016/679 La informiamo che i Suoi dati saranno trattati esclusivamente per finalit&agrave; connesse alla gestione del rapporto di fornitura. Il presente messaggio &egrave; riservato: se lo avete ricevuto per errore, vi preghiamo di cancellarlo e di avvisare il mittente.</p>
</div></body></html>
""",
    label=lab("unknown", "it"),
))

# ---------------------------------------------------------------- 037
MAILS.append(dict(
    file="037-threat-digest-newsletter.eml",
    headers=[
        ("From", '"Sentinel Grid Threat Digest" <digest@sentinelgrid.example>'),
        ("To", "security@example.test"),
        ("Subject", "Threat Digest June 2025: five vulnerabilities your SOC should watch"),
        ("Date", "Mon, 30 Jun 2025 06:00:00 +0000"),
        ("Message-ID", "<digest-2025-06.8812.security=example.test@news.sentinelgrid.example>"),
        ("List-Unsubscribe", "<https://sentinelgrid.example/u?id=8812>"),
        ("Precedence", "bulk"),
    ],
    text="""SENTINEL GRID THREAT DIGEST - JUNE 2025

Hello,

here is your monthly round-up of what our analysts have been tracking.

1. Edge devices still in the crosshairs
Mass scanning for CVE-2025-41020 in SSL VPN gateways continued through June, with two new webshell families seen after exploitation.

2. Supply chain
A malicious release of a popular npm date library (tracked as CVE-2025-41377) was live for six hours before being pulled.

3. Old friends
CVE-2024-58112 in a widely deployed print server keeps showing up in initial-access broker listings.

4. Webinar
"Ransomware negotiations - what actually works", 10 July, 15:00 CET. Register at https://sentinelgrid.example/webinar

You are receiving this because you subscribed at InfoSec Expo. Unsubscribe: https://sentinelgrid.example/u?id=8812
""",
    html="""<html><body style="font-family:Helvetica,Arial,sans-serif;background:#f4f4f4">
<table width="600" align="center" cellpadding="16" style="background:#ffffff">
<tr><td><h1 style="color:#0b3d91">Sentinel Grid Threat Digest &ndash; June 2025</h1>
<p>Hello,</p><p>here is your monthly round-up of what our analysts have been tracking.</p>
<h2>1. Edge devices still in the crosshairs</h2>
<p>Mass scanning for <b>CVE-2025-41020</b> in SSL VPN gateways continued through June, with two new webshell families seen after exploitation.</p>
<h2>2. Supply chain</h2>
<p>A malicious release of a popular npm date library (tracked as <b>CVE-2025-41377</b>) was live for six hours before being pulled.</p>
<h2>3. Old friends</h2>
<p><b>CVE-2024-58112</b> in a widely deployed print server keeps showing up in initial-access broker listings.</p>
<h2>4. Webinar</h2>
<p>&ldquo;Ransomware negotiations &ndash; what actually works&rdquo;, 10 July, 15:00 CET. <a href="https://sentinelgrid.example/webinar">Register now</a></p>
</td></tr>
<tr><td style="font-size:11px;color:#888">You are receiving this because you subscribed at InfoSec Expo. <a href="https://sentinelgrid.example/u?id=8812">Unsubscribe</a></td></tr>
</table></body></html>
""",
    label=lab("unknown", "en", cves=["CVE-2024-58112", "CVE-2025-41020", "CVE-2025-41377"]),
))

# ---------------------------------------------------------------- 038
MAILS.append(dict(
    file="038-catena-tre-livelli-infostealer.eml",
    cte="quoted-printable",
    headers=[
        ("From", '"Lorenzo Bianchi" <lorenzo.bianchi@example.test>'),
        ("To", "security@example.test"),
        ("Subject", "I: Fwd: Fwd: alert EDR portatile di Simone"),
        ("Date", "Tue, 24 Jun 2025 18:26:12 +0200"),
        ("Message-ID", "<AS8PR04MB8899D1E2@AS8PR04MB8899.eurprd04.prod.outlook.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ],
    text="""Ciao security,
vi inoltro tutta la catena così avete il contesto. In breve: il portatile di Simone (team Pagamenti) aveva un infostealer, e lui ha accesso al repository e alla console cloud di produzione. Abbiamo già revocato i token GitHub e le chiavi cloud di Simone e il portatile è stato ritirato dall'IT. Resta da capire se i token sono stati usati nel frattempo.

Lorenzo Bianchi
Engineering Manager - Pagamenti
Example Hosting S.r.l.

Da: Simone Russo <simone.russo@example.test>
Inviato: martedì 24 giugno 2025 17:48
A: Lorenzo Bianchi <lorenzo.bianchi@example.test>
Oggetto: Fwd: Fwd: alert EDR portatile

Lorenzo, ti giro quello che mi ha mandato l'helpdesk. Io ho solo scaricato un plugin per l'editor da un sito che sembrava quello ufficiale, venerdì scorso. Scusa.

---------- Messaggio inoltrato ---------
Da: Helpdesk IT <helpdesk@example.test>
Date: mar 24 giu 2025 alle ore 16:30
Subject: Fwd: alert EDR portatile
To: Simone Russo <simone.russo@example.test>


Ciao Simone, l'EDR ha segnalato il tuo portatile (LT-0442). Ti inoltriamo l'alert del fornitore. Porta il portatile in ufficio domattina e nel frattempo non usarlo.

Begin forwarded message:

From: Falconer EDR <alerts@falconer-edr.example>
Subject: [HIGH] Infostealer activity detected on LT-0442
Date: 24 June 2025 at 15:58:40 CEST
To: helpdesk@example.test

Detection: Trojan.InfoStealer (Lumma-like)
Host: LT-0442 (user: srusso)
First seen: 2025-06-20 18:03 CEST
Behaviour: browser credential store access, session cookie export, outbound HTTPS to 192.0.2.77
Action taken by policy: none (detect-only mode)
""",
    label=lab("incident", "it", fix="revocato i token GitHub"),
))

# ---------------------------------------------------------------- 039
MAILS.append(dict(
    file="039-skimmer-shop-numbered-setext.eml",
    cte="8bit",
    headers=[
        ("From", '"Ivo Jansen" <ivo.jansen@shopwatch.example>'),
        ("To", "security@example.test, abuse@example.test"),
        ("Subject", "Card skimmer on a shop hosted with you (shop.lindqvist-design.example)"),
        ("Date", "Fri, 27 Jun 2025 15:44:09 +0200"),
        ("Message-ID", "<sw-2025-06-27-lindqvist@shopwatch.example>"),
    ],
    text="""Hello,

ShopWatch monitors checkout pages for card skimmers on behalf of card issuers. One of the shops on your platform is currently infected.

1. Affected site
----------------

https://shop.lindqvist-design.example/checkout (hosted on your platform, 198.51.100.88 per DNS)

2. What we observed
-------------------

Since 2025-06-22 the page loads an extra script from the shop's own theme folder, /skin/frontend/default/js/jquery.cookie.min.js. Appended at the end of the file is an obfuscated block that listens for the "Place order" click, collects the card number, expiry and CVV fields and sends them base64-encoded to https://cdn-jquery-static.example/collect.

3. Evidence
-----------

Attached: the modified script (defanged), a HAR capture of a test purchase made with a test card, and the exfiltration request.

4. Status
---------

We have not been able to reach the shop owner; the contact address on the site bounces. We are notifying you as the hosting provider.

Regards,
Ivo Jansen
ShopWatch Threat Research
""",
    label=lab("incident", "en"),
))

# ---------------------------------------------------------------- 040
MAILS.append(dict(
    file="040-cloudpbx-presence-cvss4-qp-latin1.eml",
    charset="iso-8859-1", cte="quoted-printable",
    headers=[
        ("From", '"Francesca De Luca" <francesca.deluca@deluca-security.example>'),
        ("To", "security@example.test"),
        ("Subject", "Information disclosure nell'API di stato di CloudPBX"),
        ("Date", "Mon, 30 Jun 2025 11:48:27 +0200"),
        ("Message-ID", "<c5d6e7f8-deluca-pbx@deluca-security.example>"),
        ("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Thunderbird/128.11.0"),
    ],
    text="""Salve,

segnalo una vulnerabilità nel centralino virtuale CloudPBX che offrite ai clienti business. L'endpoint pubblico /api/status/extensions, pensato per il widget "presenza" dei siti web, restituisce non solo lo stato degli interni ma anche il nome completo dell'utente, il numero di cellulare associato per l'inoltro e l'indirizzo IP del telefono. Non serve autenticazione: basta conoscere l'identificativo del centralino, che compare nell'URL del widget.

cvss:4.0/av:n/ac:l/at:n/pr:n/ui:n/vc:l/vi:n/va:n/sc:n/si:n/sa:n

Ho visto che nel changelog della versione 4.2.1 del modulo "presence" il campo del cellulare non viene più esposto: la cosa più semplice è aggiornare alla 4.2.1 tutti i centralini. Chi usa ancora il widget può in alternativa disattivarlo dal pannello finché non si aggiorna.

Se decidete di avvisare i clienti, secondo me basta dire che per un periodo l'API del widget di presenza ha mostrato anche il numero di inoltro degli interni e che il problema è stato risolto con un aggiornamento automatico.

Cordiali saluti,
Francesca De Luca
""",
    label=lab("vulnerability", "it", vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N",
              score=6.9, fix="aggiornare alla 4.2.1",
              cust="ha mostrato anche il numero di inoltro"),
))


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
