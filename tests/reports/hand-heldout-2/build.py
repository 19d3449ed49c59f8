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

def hdr(frm, subj, date, mid, to="security@example.test", *extra):
    h = [("From", frm), ("To", to), ("Subject", subj), ("Date", date),
         ("Message-ID", mid)]
    h.extend(extra)
    return h


# ---------------------------------------------------------------- 001
MAILS.append(dict(file="001-idor-invoice-api.eml",
headers=hdr("Tomasz Wrobel <t.wrobel@fastmail.example>",
            "IDOR in Cirrus Panel invoice endpoint",
            "Mon, 03 Mar 2025 08:14:22 +0100",
            "<CAB7x1-invoice-9f2a@mail.fastmail.example>"),
text="""Hi,

GET /api/v2/billing/invoices/{id} in Cirrus Panel doesn't check that the
invoice belongs to the logged-in account. Any customer can walk the ids
(they're sequential) and download other customers' PDFs - name, address,
VAT number, what they bought.

Tested with two accounts of my own only, ids 88120 and 88121.

CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N

Tomasz
""",
label=lab("vulnerability", "en",
          vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", score=6.5)))

# ---------------------------------------------------------------- 002
MAILS.append(dict(file="002-sito-defacciato.eml",
headers=hdr("Giulia Ferraresi <giulia.ferraresi@gmail.example>",
            "sito bucato??",
            "Tue, 04 Mar 2025 21:47:03 +0100",
            "<CAF3kq9-ferraresi-77@mail.gmail.example>",
            "Supporto Nuvolaria <security@example.test>"),
text="""Buonasera,
stasera aprendo il sito della mia pasticceria (pasticceriaferraresi.example,
piano Hosting Start) al posto della home c'era una pagina nera con una
scritta in arabo e una bandiera. Non ho toccato niente da settimane.
Mio cugino che se ne intende ha guardato e dice che hanno caricato un file
index.php nuovo dentro la cartella del tema di WordPress, datato ieri alle 3 di notte.

Intanto abbiamo ripristinato il backup di domenica dal pannello e il sito
adesso si vede di nuovo, ma vorrei capire come sono entrati e se devo
preoccuparmi per i dati dei clienti (ho il modulo ordini online).

Grazie,
Giulia Ferraresi
""",
label=lab("incident", "it", fix="abbiamo ripristinato il backup")))

# ---------------------------------------------------------------- 003
MAILS.append(dict(file="003-bugharbor-report-sqli.eml",
headers=hdr("BugHarbor <notifications@bugharbor.example>",
            "[BugHarbor] New report #48213 for Nuvolaria: SQL injection in VaultDNS zone search",
            "Wed, 05 Mar 2025 10:02:51 +0000",
            "<report-48213.7c1e@bugharbor.example>",
            "Nuvolaria Security <security@example.test>"),
text="""A new report has been submitted to your program Nuvolaria.

## Report #48213 - SQL injection in VaultDNS zone search

**Researcher:** kestrel_sec
**Asset:** dns.example.test (VaultDNS web UI)
**Weakness:** CWE-89 SQL Injection
**CVSS 4.0:** CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N
**CVSS 3.1:** CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N

### Summary
The `q` parameter of /zones/search is concatenated into the query. The
endpoint is reachable before login because the search box is on the
public status page.

### Steps to reproduce
1. Open https://dns.example.test/zones/search?q=test'--
2. Observe the 500 with a PostgreSQL syntax error
3. `q=x' UNION SELECT username,password_hash,null FROM operators--`

### Recommended fix
Use parameterised queries for the search and drop the public search box.

### Suggested advisory text
"Customers do not need to take any action; no DNS records were modified."

---
View the report: https://bugharbor.example/reports/48213
You are receiving this because you are a member of the Nuvolaria program.
""",
html="""<html><body>
<p>A new report has been submitted to your program <b>Nuvolaria</b>.</p>
<h2>Report #48213 - SQL injection in VaultDNS zone search</h2>
<p><b>Researcher:</b> kestrel_sec<br>
<b>Asset:</b> dns.example.test (VaultDNS web UI)<br>
<b>Weakness:</b> CWE-89 SQL Injection<br>
<b>CVSS 4.0:</b> CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N<br>
<b>CVSS 3.1:</b> CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N</p>
<h3>Summary</h3>
<p>The <code>q</code> parameter of /zones/search is concatenated into the query. The
endpoint is reachable before login because the search box is on the
public status page.</p>
<h3>Steps to reproduce</h3>
<ol><li>Open https://dns.example.test/zones/search?q=test'--</li>
<li>Observe the 500 with a PostgreSQL syntax error</li>
<li><code>q=x' UNION SELECT username,password_hash,null FROM operators--</code></li></ol>
<h3>Recommended fix</h3>
<p>Use parameterised queries for the search and drop the public search box.</p>
<h3>Suggested advisory text</h3>
<p>"Customers do not need to take any action; no DNS records were modified."</p>
<hr><p><a href="https://bugharbor.example/reports/48213">View the report</a></p>
</body></html>
""",
label=lab("vulnerability", "en",
          vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N",
          score=8.8, fix="Use parameterised queries",
          cust="Customers do not need to take any action")))

# ---------------------------------------------------------------- 004
MAILS.append(dict(file="004-pec-comune-xss-webmail.eml",
headers=hdr("Comune di Valdemora - Ufficio CED <protocollo@pec.comune.valdemora.example>",
            "Segnalazione vulnerabilità servizio Nimbus Webmail - prot. n. 4471/2025",
            "Thu, 06 Mar 2025 11:30:00 +0100",
            "<opec210.20250306113000.01234.07.1.2@pec.comune.valdemora.example>",
            "security@example.test", ("Cc", "Responsabile Transizione Digitale <rtd@comune.valdemora.example>")),
text="""Oggetto: segnalazione di vulnerabilità sul servizio di posta elettronica
Nimbus Webmail in uso presso questo Ente (contratto n. NV-PA-2023-118).

Con la presente si comunica che, nel corso di una verifica interna svolta
dal personale del CED, è stata riscontrata una vulnerabilità di tipo
Cross-Site Scripting riflesso nella pagina di ricerca dei messaggi
(parametro "folder"). Aprendo un collegamento appositamente costruito, un
dipendente autenticato esegue codice JavaScript nel contesto della webmail.

Il personale tecnico ha stimato la gravità in CVSS 6,1.

Si suggerisce di applicare l'escaping dell'output sul parametro "folder"
e di introdurre una Content-Security-Policy restrittiva.

Si resta in attesa di riscontro entro i termini previsti dal contratto.

Distinti saluti

Il Responsabile del Servizio CED
Dott. Ing. Marcello Quaranta

--
Questo messaggio è stato inviato tramite Posta Elettronica Certificata.
Le informazioni contenute sono riservate e destinate esclusivamente al
destinatario indicato.
""", charset="iso-8859-1", cte="quoted-printable",
label=lab("vulnerability", "it", reported=6.1,
          fix="applicare l'escaping dell'output")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(file="005-question-regresshion.eml",
headers=hdr("Priya Raman <priya.raman@brightloom.example>",
            "Are you affected by CVE-2024-6387?",
            "Fri, 07 Mar 2025 14:05:17 +0000",
            "<0f3b2a9e-1d44-4b0e-9a77-priya@brightloom.example>"),
text="""Hello,

our auditor is asking every supplier whether they were affected by
CVE-2024-6387 (the OpenSSH "regreSSHion" one). We have three managed VPS
with you (account BL-20931). Could you confirm whether the OpenSSH on
those boxes was ever vulnerable and, if so, when it was patched?

A one-line answer is fine, we just need something in writing.

Thanks,
Priya Raman
IT & Compliance, Brightloom Ltd
""",
label=lab("unknown", "en", cves=["CVE-2024-6387"])))

# ---------------------------------------------------------------- 006
MAILS.append(dict(file="006-mssp-ssh-bruteforce.eml",
headers=hdr("Sentinel Watch SOC <soc-alerts@sentinelwatch.example>",
            "[TLP:AMBER] SSH brute force originating from your AS - case SW-77120",
            "Sat, 08 Mar 2025 03:41:09 +0000",
            "<sw-77120-20250308034109@sentinelwatch.example>",
            "abuse@example.test, security@example.test"),
text="""TLP:AMBER

Case ID: SW-77120
Analyst: D. Okafor (Tier 2)
Source IP: 203.0.113.45
Source ASN: AS64512 (Nuvolaria)
Target: customer perimeter (redacted), 14 hosts
Protocol: SSH/22
First seen: 2025-03-08 01:12 UTC
Last seen: 2025-03-08 03:30 UTC (ongoing)
Attempts: ~41,000, dictionary usernames (root, admin, oracle, git)
Action taken: blocked 203.0.113.45 at our perimeter for 30 days

The host looks compromised and is probably part of a botnet. Please
investigate and let us know the outcome referencing SW-77120.

-- 
Sentinel Watch Managed Security Services
24/7 SOC +44 20 7946 0000
""",
label=lab("incident", "en", fix="blocked 203.0.113.45 at our perimeter")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(file="007-re-accesso-anomalo-caselle.eml",
headers=hdr("Roberto Cattaneo <r.cattaneo@studiocattaneo.example>",
            "R: [SEC-2025-0318] Accessi anomali alle caselle dello studio",
            "Mon, 10 Mar 2025 09:12:44 +0100",
            "<AM6PR08MB4471C2E1@studiocattaneo.example>",
            "security@example.test",
            ("In-Reply-To", "<sec-2025-0318-ack@example.test>")),
text="""Buongiorno,
aggiornamento: venerdì sera abbiamo cambiato tutte le password delle 6
caselle e attivato la verifica in due passaggi su quelle che la supportano.
Da sabato non vediamo più accessi dall'estero. Resta il fatto che dalla
casella della segretaria sono partite circa 300 mail di phishing verso i
nostri clienti giovedì, ci servono i log per capire cosa hanno letto.

Roberto Cattaneo

Da: Nuvolaria Security <security@example.test>
Inviato: venerdì 7 marzo 2025 16:20
A: Roberto Cattaneo <r.cattaneo@studiocattaneo.example>
Oggetto: [SEC-2025-0318] Accessi anomali alle caselle dello studio

Gentile cliente,

abbiamo ricevuto la sua segnalazione e l'abbiamo registrata con il numero
SEC-2025-0318. Un analista la prenderà in carico entro 4 ore lavorative.
La preghiamo di mantenere questo numero nell'oggetto di ogni risposta.

Cordiali saluti,
Il team Security di Nuvolaria
""",
label=lab("incident", "it", fix="abbiamo cambiato tutte le password")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(file="008-vendor-libquokka-advisory.eml",
headers=hdr("Quokka Labs PSIRT <psirt@quokkalabs.example>",
            "Advance notice: CVE-2025-24417 in libquokka (used by your backup agent)",
            "Tue, 11 Mar 2025 16:00:00 +0000",
            "<psirt-2025-004-nuvolaria@quokkalabs.example>",
            "security@example.test"),
text="""Dear Nuvolaria security team,

you are listed among our commercial licensees of libquokka (bundled in
Nuvolaria Backup Agent according to your 2024 licence renewal). We are
giving licensees 14 days of advance notice before public disclosure on
25 March.

CVE-2025-24417: a heap overflow in the chunk decompression routine of
libquokka 3.0.0 through 3.2.3 can be triggered by a malicious archive
served to the client during restore. A race in the length check makes it
hard to hit reliably.

CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H (8.1)

Remediation: upgrade to libquokka 3.2.4, available now on the licensee portal.

Suggested wording for your customers, if useful: "A component used during
restore has been updated to address a security issue; please update the
backup agent to the latest version."

Regards,
Henrike Vos
Quokka Labs Product Security
""",
label=lab("vulnerability", "en", cves=["CVE-2025-24417"],
          vector="CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", score=8.1,
          fix="upgrade to libquokka 3.2.4",
          cust="please update the backup agent")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(file="009-university-supplier-questionnaire.eml",
headers=hdr("Dr. Fiona McAllister <f.mcallister@ed.uni-northmere.example>",
            "Supplier security questionnaire - University of Northmere",
            "Wed, 12 Mar 2025 12:18:30 +0000",
            "<DB9PR0301MB5529@uni-northmere.example>"),
text="""Dear colleagues,

the University is renewing the hosting contract for our research group
websites and Procurement requires every supplier to complete our
Information Security Questionnaire (v4, 62 questions, mostly ISO 27001
controls) before the end of the month.

Could you tell me who on your side should receive it, or whether you
have a standard trust pack / SOC 2 report we could use instead?

Kind regards,
Fiona

--
Dr Fiona McAllister
Research Computing Manager, School of Informatics
University of Northmere
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 010
MAILS.append(dict(file="010-phishing-brand-html.eml",
headers=hdr("Abuse Desk - Meridian Mail <abuse@meridianmail.example>",
            "Phishing campaign impersonating Nuvolaria - ref ABU-551902",
            "Thu, 13 Mar 2025 07:55:12 +0000",
            "<ABU-551902.1741852512@meridianmail.example>",
            "security@example.test"),
html="""<html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:13px">
<p>Hello Nuvolaria team,</p>
<p>Since 05:10 UTC our filters have quarantined roughly 18,000 messages
pretending to come from Nuvolaria billing, asking the recipient to
"renew your domain within 24 hours". The link goes to a credential
harvesting page styled like your Cirrus Panel login.</p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th>Field</th><th>Value</th></tr>
<tr><td>Reference</td><td>ABU-551902</td></tr>
<tr><td>Sender used</td><td>billing@nuvolaria-support.example</td></tr>
<tr><td>Landing URL</td><td>hxxps://cirrus-login.nuvolaria-support.example/auth</td></tr>
<tr><td>Landing IP</td><td>198.51.100.77 (not your network)</td></tr>
<tr><td>Volume</td><td>~18,000 quarantined</td></tr>
</table>
<p>We have already asked the registrar to suspend the lookalike domain.
You may want to warn your customers; something like
<i>"Nuvolaria will never ask you to log in through a link in an email"</i>
usually cuts the click rate.</p>
<p>Best regards,<br>Leon Baptiste<br>Meridian Mail Abuse Team</p>
</body></html>
""",
label=lab("incident", "en",
          cust="will never ask you to log in through")))

# ---------------------------------------------------------------- 011
MAILS.append(dict(file="011-ssrf-anteprima-link.eml",
headers=hdr("Davide Lo Russo <davide@lorusso.example>",
            "SSRF nel link preview di Nimbus Webmail",
            "Fri, 14 Mar 2025 18:22:40 +0100",
            "<b1d0e8f2-3c6a-4e1f-8d2b-lorusso@lorusso.example>"),
text="""Ciao team security,

faccio bug hunting nel tempo libero e ho trovato una SSRF nella feature di
link preview di Nimbus Webmail. Quando scrivi una mail con un URL, il
backend fa una GET per generare l'anteprima e non filtra gli indirizzi
interni: con http://169.254.169.254/latest/meta-data/ mi torna il nome
del ruolo IAM della macchina, e con http://10.20.0.5:9200/_cat/indices
vedo gli indici Elasticsearch.

Vettore: CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N

Fix vero: whitelist degli schemi e blocco degli IP privati/link-local lato
fetcher. Nel frattempo si può disattivare il modulo di anteprima, non
credo che qualcuno ne senta la mancanza.

Se pubblicate un avviso, agli utenti direi che nessuna azione è
richiesta da parte loro.

Davide
""",
label=lab("vulnerability", "it",
          vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N",
          score=7.1, fix="disattivare il modulo di anteprima",
          cust="nessuna azione è richiesta")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(file="012-staging-directory-listing.eml",
headers=hdr("Nguyen Van Thanh <thanh.nguyen.sec@protonmail.example>",
            "your staging server show all files",
            "Sat, 15 Mar 2025 02:10:05 +0700",
            "<thanh-0315-a8c1@protonmail.example>"),
text="""Hello security team

I am security researcher from Vietnam. I found staging.cirrus.example.test
have directory listing enable on /backup/ folder. Inside have file
config.php.bak and .env.old, I not download them for respect, only see
the name and size in listing. Maybe contain database password.

I'd rate it 7.5 because is sensitive information exposure without login.

Please tell me if you have bounty program for this.

Best regards
Thanh
""",
label=lab("vulnerability", "en", reported=7.5)))

# ---------------------------------------------------------------- 013
MAILS.append(dict(file="013-national-cert-compromised-host.eml",
headers=hdr("CERT-Norland <cert@cert.norland.example>",
            "[CERT-NL#2025031700042] Compromised host in your network (TLP:GREEN)",
            "Mon, 17 Mar 2025 09:00:12 +0100",
            "<2025031700042.cert@cert.norland.example>",
            "security@example.test, abuse@example.test"),
text="""TLP:GREEN

Dear Sir or Madam,

CERT-Norland, the national Computer Emergency Response Team, has received
information from a trusted partner indicating that the following system
in your network is compromised and is acting as a command-and-control
relay for the "SilkMoth" malware family:

  IP address : 192.0.2.130
  Port       : 8443/tcp
  Observed   : 2025-03-16 22:14 UTC - 2025-03-17 06:40 UTC
  Evidence   : TLS certificate with CN "updates-cdn-sm", JA3S matching
               known SilkMoth panels

We recommend that you isolate the affected host, preserve a forensic
image before cleaning it, and inform the owner of the system.

Please do not reply to the sender of the original information; all
correspondence should go via CERT-Norland quoting the reference above.

Kind regards,
Incident Handling Team
CERT-Norland
""",
label=lab("incident", "en", fix="isolate the affected host")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(file="014-csirt-credenziali-esposte.eml",
headers=hdr("CSIRT Regione Lagunare <csirt@regione.lagunare.example>",
            "Credenziali di clienti Nuvolaria rinvenute in un dump pubblico",
            "Tue, 18 Mar 2025 15:33:47 +0100",
            "<5f3a91c0e2.csirt@regione.lagunare.example>"),
text="""Spett.le Nuvolaria,

nell'ambito dell'attività di monitoraggio delle fonti aperte, il CSIRT
regionale ha individuato su un forum underground un file denominato
"nuvolaria_cirrus_2025.txt" contenente 1.284 coppie utente/password per
l'accesso al pannello Cirrus. Un campione di 20 account, verificato solo
formalmente (senza tentativi di accesso), risulta corrispondere a enti
locali della nostra regione. Le password appaiono in chiaro, il che fa
pensare a furto tramite infostealer sui PC degli utenti più che a una
compromissione dei vostri sistemi.

Si raccomanda il reset forzato delle credenziali degli account elencati
(file cifrato disponibile su richiesta) e l'abilitazione obbligatoria
dell'autenticazione a due fattori.

Proposta di comunicazione agli utenti interessati: "Per precauzione la
password del suo account è stata reimpostata; la invitiamo a sceglierne
una nuova e ad attivare l'autenticazione a due fattori."

Cordialità
Ing. Sara Benvenuti
CSIRT Regione Lagunare
""", charset="cp1252", cte="8bit",
label=lab("incident", "it", fix="reset forzato delle credenziali",
          cust="la password del suo account è stata")))

# ---------------------------------------------------------------- 015
MAILS.append(dict(file="015-chase-re-ack.eml",
headers=hdr("Marcus Hale <marcus@halecreative.example>",
            "Re: [SEC-2025-0291] Received: DKIM key exposed in public repo",
            "Wed, 19 Mar 2025 10:47:02 -0500",
            "<CAJm4r2-hale-chase@mail.halecreative.example>",
            "security@example.test",
            ("In-Reply-To", "<sec-2025-0291-ack@example.test>")),
text="""Hi again,

it's been two weeks and nothing since the auto-reply below. Is anyone
actually looking at this? Just want to know if it's been picked up.

Marcus

On Wed, Mar 5, 2025 at 9:02 AM Nuvolaria Security <security@example.test> wrote:
> Thank you for contacting Nuvolaria Security.
>
> Your message has been received and logged as SEC-2025-0291. We review
> every report and will get back to you if we need more information.
> Please do not send sensitive data in clear text.
>
> -- Nuvolaria Security Desk
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 016
MAILS.append(dict(file="016-rivenditore-inoltro-cliente.eml",
headers=hdr("Alessio Bernardi <alessio@webfactorybernardi.example>",
            "I: problema permessi FTP su hosting condiviso",
            "Thu, 20 Mar 2025 11:05:58 +0100",
            "<000801db9975$a2b1c0d0$@webfactorybernardi.example>",
            "security@example.test"),
text="""Vi giro quanto mi segnala un mio cliente, a me sembra grave. Fatemi sapere.

Alessio - WebFactory Bernardi (rivenditore NV-R-0442)

-----Messaggio originale-----
Da: Paolo Gentile <paolo@ortofruttagentile.example>
Inviato: mercoledì 19 marzo 2025 18:40
A: Alessio Bernardi <alessio@webfactorybernardi.example>
Oggetto: problema permessi FTP su hosting condiviso

Ciao Alessio,
collegandomi in FTP con le mie credenziali, se dalla root faccio "cd .."
due volte riesco a entrare in /home/ e vedo le cartelle degli altri
clienti dello stesso server (web14). Alcune le posso anche aprire e leggere
il wp-config.php. Non ho modificato nulla, ma non mi pare normale.

Paolo
""",
label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(file="017-scanner-nginx-cve.eml",
headers=hdr("ScanPilot Reports <noreply@scanpilot.example>",
            "[ScanPilot] HIGH finding on cdn-edge-07.example.test: CVE-2024-7347",
            "Fri, 21 Mar 2025 04:00:03 +0000",
            "<scan-5581-cdn-edge-07@scanpilot.example>",
            "security@example.test"),
text="""ScanPilot external attack surface report
=========================================

Asset:        cdn-edge-07.example.test (192.0.2.57)
Scan ID:      5581
Finding:      nginx mp4 module out-of-bounds read
CVE:          CVE-2024-7347
Detected:     nginx/1.24.0 (Server header)
Severity:     HIGH
CVSS vector:  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H
Solution:     Upgrade nginx to 1.27.1 or later, or disable ngx_http_mp4_module
Confidence:   Medium (version based)

This is an automated message. Manage notification settings at
https://app.scanpilot.example/settings
""",
label=lab("vulnerability", "en", cves=["CVE-2024-7347"],
          vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", score=7.5,
          fix="Upgrade nginx to 1.27.1 or later")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(file="018-newsletter-evento-sicurezza.eml",
headers=hdr("Associazione Sicurezza Digitale Nord <newsletter@asdn.example>",
            "ASDN Notizie - marzo 2025: Security Day a Verona",
            "Sat, 22 Mar 2025 08:00:00 +0100",
            "<newsletter-2025-03.asdn@mailer.asdn.example>",
            "security@example.test",
            ("List-Unsubscribe", "<https://asdn.example/disiscriviti>")),
text="""ASDN NOTIZIE - marzo 2025

Security Day 2025 - Verona, 15 maggio
Una giornata di talk e workshop su incident response, NIS2 e sicurezza
delle supply chain software. Iscrizione gratuita per i soci.

Webinar del mese: "NIS2 per le PMI: cosa cambia davvero" - 3 aprile, ore 17.

Ricevi questa comunicazione perché sei iscritto alla newsletter ASDN.
Per non ricevere più messaggi: https://asdn.example/disiscriviti
""",
html="""<html><body>
<h1>ASDN NOTIZIE - marzo 2025</h1>
<h2>Security Day 2025 - Verona, 15 maggio</h2>
<p>Una giornata di talk e workshop su incident response, NIS2 e sicurezza
delle supply chain software. Iscrizione gratuita per i soci.</p>
<p><b>Webinar del mese:</b> "NIS2 per le PMI: cosa cambia davvero" - 3 aprile, ore 17.</p>
<p style="font-size:10px">Ricevi questa comunicazione perché sei iscritto alla newsletter ASDN.
<a href="https://asdn.example/disiscriviti">Disiscriviti</a></p>
</body></html>
""",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 019
MAILS.append(dict(file="019-journalist-database-for-sale.eml",
headers=hdr("Hannah Okoye <h.okoye@thewiredledger.example>",
            "Press inquiry: alleged Nuvolaria customer database for sale",
            "Mon, 24 Mar 2025 13:26:10 +0000",
            "<8c2d1f44-hannah-okoye@thewiredledger.example>",
            "security@example.test, press@example.test"),
text="""Hello,

I'm a reporter at The Wired Ledger covering data breaches. A seller on a
well-known cybercrime forum is advertising what he calls "Nuvolaria full
customer DB, 2.1M rows, March 2025" for $4,000. The sample he posted has
names, emails, phone numbers and the last four digits of cards; I
contacted five people in the sample and three confirmed they are your
customers and that the details are accurate.

I plan to publish on Thursday. Can you confirm whether you've had a
breach, and do you have a statement?

Best,
Hannah Okoye
Senior Reporter, The Wired Ledger
Signal: +44 7700 900123
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(file="020-vps-criptato-iphone.eml",
headers=hdr("Franco Mele <franco.mele@icloud.example>",
            "Urgente VPS",
            "Tue, 25 Mar 2025 06:58:31 +0100",
            "<A9F1C3E2-77B4-4D21-9E0A-mele@icloud.example>",
            "security@example.test"),
text="""Buongiorno stamattina il gestionale del magazzino non partiva, sono entrato
in console sul VPS (vps-29104) e tutti i file hanno estensione .lockbit3 e
c'è un file LEGGIMI.txt che chiede 0,5 bitcoin. Il backup automatico
l'avevo disattivato io il mese scorso per risparmiare spazio.
Cosa devo fare?? Potete vedere da dove sono entrati? Tengo spento il server?

Franco Mele
Mele Ricambi srl

Inviato da iPhone
""",
label=lab("incident", "it")))

# ---------------------------------------------------------------- 021
MAILS.append(dict(file="021-pgp-update-channel.eml",
headers=hdr("Ingrid Solberg <ingrid@solberg-research.example>",
            "Backup Agent self-update can be hijacked (signed)",
            "Wed, 26 Mar 2025 20:14:55 +0100",
            "<20250326191455.GA1123@solberg-research.example>",
            "security@example.test"),
text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

Hello,

Nuvolaria Backup Agent 5.x on Windows checks for updates at
http://updates.example.test/nbagent/latest.json - plain HTTP - and only
verifies the downloaded MSI against a SHA-256 that comes from the same
JSON. Anyone in a position to tamper with the traffic (hotel Wi-Fi, a
rogue router, DNS poisoning) can serve their own MSI, which the agent
installs as SYSTEM. Timing matters because the check runs once a day,
hence AC:H / AT:P.

CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N

Fix: serve the manifest over HTTPS and verify an Authenticode signature
on the MSI before installing, not a hash from the manifest.

For the release notes you could say: "Automatic updates are now
downloaded over an encrypted, signed channel."

I plan to present this at a conference in September; happy to
coordinate a date.

Ingrid Solberg
-----BEGIN PGP SIGNATURE-----

iHUEARYKAB0WIQQk3vJ2x9yX4n1mYkz0uJ7Vw8bZ2wUCZ+RAXwAKCRD0uJ7Vw8bZ
2+qBAQCx7vS6r1n2pQm4YzKkP0bN1sH3eW9uJqL8tXc5aVdGfgEAzN3k1bW2p8R0
yQe4mHk7jUoT9vLsC2aD6xF0gE1lKAo=
=Qh7c
-----END PGP SIGNATURE-----
""",
label=lab("vulnerability", "en",
          vector="CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
          score=9.2, fix="serve the manifest over HTTPS",
          cust="downloaded over an encrypted, signed")))

# ---------------------------------------------------------------- 022
MAILS.append(dict(file="022-re-ack-xss-ticket-aggiunta-cvss.eml",
headers=hdr("Chiara Pellegrino <chiara.pellegrino@outlook.example>",
            "Re: [SEC-2025-0350] Presa in carico: XSS nel modulo ticket del pannello",
            "Thu, 27 Mar 2025 22:03:18 +0100",
            "<DU2PR07MB8830-pellegrino@outlook.example>",
            "security@example.test",
            ("In-Reply-To", "<sec-2025-0350-ack@example.test>")),
text="""Salve,
come richiesto vi mando qualche dettaglio in più. Il payload nel campo
"oggetto" del ticket viene eseguito quando un operatore del vostro
supporto apre il ticket dal backoffice, quindi il problema non resta
confinato all'account del cliente.

CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N

Per ora non ho trovato un workaround lato cliente, e non so dirvi se
basti filtrare i tag in ingresso: bisognerebbe vedere il codice.

Chiara

Il giorno mar 25 mar 2025 alle ore 10:15 Nuvolaria Security
<security@example.test> ha scritto:
> Gentile Chiara,
> la ringraziamo per la segnalazione, registrata come SEC-2025-0350.
> Per procedere con la valutazione ci servirebbe una stima della gravità
> e, se possibile, il contesto in cui il codice viene eseguito.
>
> Team Security Nuvolaria
""",
label=lab("vulnerability", "it",
          vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", score=6.1)))

# ---------------------------------------------------------------- 023
MAILS.append(dict(file="023-fw-fw-compromised-account.eml",
headers=hdr("Nadia Whitlock <n.whitlock@example.test>",
            "Fwd: Fwd: someone is logging into my account",
            "Fri, 28 Mar 2025 15:40:29 +0000",
            "<e3b9d1a0-7c55-nwhitlock@example.test>",
            "security@example.test"),
text="""For you - came in via the support queue. I locked the account already.

N.

---------- Forwarded message ---------
From: Support Tier 1 <support@example.test>
Date: Fri, Mar 28, 2025 at 2:55 PM
Subject: Fwd: someone is logging into my account
To: Nadia Whitlock <n.whitlock@example.test>

Nadia, looks like a security one, can you take it?

---------- Forwarded message ---------
From: Eleanor Pratt <eleanor.pratt@prattdesigns.example>
Date: Fri, Mar 28, 2025 at 1:12 PM
Subject: someone is logging into my account
To: <support@example.test>

Hi, I keep getting "new login" emails from Cirrus Panel from places like
Jakarta and Lagos, and this morning two of my domains have new DNS
records I didn't add (MX changed to some server I don't know). I never
set up 2FA. Please help, my clients' email is going somewhere else now.

Eleanor Pratt
Pratt Designs
""",
label=lab("incident", "en", fix="I locked the account already")))

# ---------------------------------------------------------------- 024
MAILS.append(dict(file="024-grazie-re-ack.eml",
headers=hdr("Lorenzo Fabbri <lorenzo.fabbri@libero.example>",
            "Re: [SEC-2025-0299] Chiusura segnalazione: header di sicurezza mancanti",
            "Sat, 29 Mar 2025 10:21:00 +0100",
            "<1743240060.4471@libero.example>",
            "security@example.test",
            ("In-Reply-To", "<sec-2025-0299-close@example.test>")),
text="""Grazie a voi, gentilissimi e velocissimi. Ho verificato e adesso gli
header ci sono. Alla prossima!

Lorenzo

----- Messaggio originale -----
Da: "Nuvolaria Security" <security@example.test>
A: "Lorenzo Fabbri" <lorenzo.fabbri@libero.example>
Inviato: Venerdì, 28 marzo 2025 17:02:11
Oggetto: [SEC-2025-0299] Chiusura segnalazione: header di sicurezza mancanti

Gentile Lorenzo,
le confermiamo che la sua segnalazione è stata verificata e risolta.
La ringraziamo per la collaborazione e, se lo desidera, la inseriremo
nella nostra pagina di ringraziamenti.
""",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 025
MAILS.append(dict(file="025-subdomain-takeover-setext.eml",
headers=hdr("Rafael Quintero <rafa.quintero@bountymail.example>",
            "Subdomain takeover possible on promo.example.test",
            "Sun, 30 Mar 2025 17:55:44 -0300",
            "<CAGq77r-quintero-promo@mail.bountymail.example>",
            "security@example.test"),
text="""Hey folks,

So I was going through your DNS while doing recon for something else
entirely (long story, I was looking at a customer of yours who has a
bounty program) and noticed this, figured you'd want to know.

What I found
------------

promo.example.test is a CNAME to nuvolaria-spring-promo.pagesnest.example,
and that PagesNest project no longer exists - the page shows the
PagesNest "There isn't a site here yet" 404. On PagesNest anyone can
register a project with that name, at which point they'd serve whatever
they like on promo.example.test, with your cookies scoped to
.example.test in reach if any of them aren't host-only.

I did NOT claim the name, just confirmed it's free via their API.

What to do
----------

Remove the dangling CNAME record (or re-claim the project yourselves if
the promo is coming back). Probably worth scanning for other CNAMEs
pointing at PagesNest while you're at it.

Cheers,
Rafa
""",
label=lab("vulnerability", "en", fix="Remove the dangling CNAME record")))

# ---------------------------------------------------------------- 026
MAILS.append(dict(file="026-abuse-spam-html.eml",
headers=hdr("Abuse Team Telefonia Adriatica <abuse@telefoniaadriatica.example>",
            "[Abuse #TA-2025-88102] Invio massivo di spam da 198.51.100.214",
            "Mon, 31 Mar 2025 09:14:08 +0200",
            "<TA-2025-88102.abuse@telefoniaadriatica.example>",
            "abuse@example.test, security@example.test"),
html="""<html><body style="font-family:Calibri,sans-serif">
<p>Buongiorno,</p>
<p>vi segnaliamo che dall'indirizzo sotto indicato, appartenente alla vostra rete,
stanno arrivando sui nostri server di posta grandi volumi di spam
(finte notifiche di spedizione con allegato ZIP contenente un file .js).</p>
<table border="1" cellspacing="0" cellpadding="3">
<tr><th>IP sorgente</th><td>198.51.100.214</td></tr>
<tr><th>HELO</th><td>mail.ortobio-srl.example</td></tr>
<tr><th>Periodo</th><td>30/03/2025 22:00 - 31/03/2025 08:30 CEST</td></tr>
<tr><th>Messaggi ricevuti</th><td>circa 96.000</td></tr>
<tr><th>Stato</th><td>IP inserito nella nostra blocklist interna</td></tr>
</table>
<p>Vi preghiamo di verificare e di comunicarci l'esito citando il numero di pratica.</p>
<p>Cordiali saluti<br>
Abuse Team - Telefonia Adriatica S.p.A.</p>
<p style="color:#888;font-size:9px">Le informazioni contenute in questo messaggio sono riservate.
Se avete ricevuto questa mail per errore vi preghiamo di cancellarla.</p>
</body></html>
""",
label=lab("incident", "it")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(file="027-angry-reset-token.eml",
headers=hdr("Derek Mulligan <derek@mulliganplumbing.example>",
            "YOUR PASSWORD RESET IS BROKEN",
            "Tue, 01 Apr 2025 19:31:12 -0400",
            "<CAH8mulligan-reset-01@mail.mulliganplumbing.example>",
            "security@example.test"),
text="""I'm not a security guy but this is ridiculous.

I asked for a password reset LAST MONTH, never used the link, and today
out of curiosity I clicked it and it still let me set a new password.
So anyone who gets into my old email can take over my hosting account
whenever they like. My ex-employee still has access to that mailbox!!

Also the link is in the URL as ?token= so it's probably in every log
between here and you.

Please fix it. I pay you every month for this.

Derek Mulligan
Mulligan Plumbing & Heating

Sent from my iPhone
""",
label=lab("vulnerability", "en")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(file="028-universita-cve-panel-rce.eml",
headers=hdr("Prof. Enrico Savoldi <enrico.savoldi@dii.unimarche.example>",
            "Vulnerabilità CVE-2025-30122 in Cirrus Panel: verifica sulle vostre installazioni",
            "Wed, 02 Apr 2025 12:40:00 +0200",
            "<f81c3a22-savoldi-dii@unimarche.example>",
            "security@example.test",
            ("Cc", "Servizi Informatici di Ateneo <sia@unimarche.example>")),
text="""Gentili,

scrivo come referente tecnico del Dipartimento di Ingegneria
dell'Informazione, che ospita da voi i siti dei laboratori.

Durante un'esercitazione con gli studenti abbiamo verificato che:

1. la versione di Cirrus Panel sul nostro server dedicato è la 4.0.7;
2. il modulo "Backup pianificati" accetta nel campo "comando post-backup"
   caratteri di shell che vengono eseguiti come root (CVE-2025-30122,
   pubblicata la settimana scorsa dal vostro stesso changelog);
3. serve un account amministratore del pannello, ma sui server gestiti
   quell'account lo hanno anche i nostri collaboratori esterni.

Valutazione: CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H

Il vostro changelog dice di aggiornare a 4.1.2, ma il nostro server
gestito è ancora fermo alla 4.0.7: potete procedere voi?

Agli utenti del dipartimento comunicheremmo che "il pannello sarà
aggiornato venerdì dalle 18 alle 19, senza interruzione dei siti".

Cordiali saluti
Enrico Savoldi
""",
label=lab("vulnerability", "it", cves=["CVE-2025-30122"],
          vector="CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", score=7.2,
          fix="aggiornare a 4.1.2",
          cust="il pannello sarà aggiornato venerdì")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(file="029-richiesta-pentest-programmato.eml",
headers=hdr("Valentina Corsi <v.corsi@assicurazionipiave.example>",
            "Richiesta autorizzazione penetration test su server dedicato",
            "Thu, 03 Apr 2025 09:05:33 +0200",
            "<0a1b2c3d-corsi-pt@assicurazionipiave.example>",
            "security@example.test"),
text="""Buongiorno,

abbiamo incaricato una società esterna (RedLagoon Srl) di eseguire un
penetration test sui nostri due server dedicati presso di voi
(ded-5510 e ded-5511) nelle notti tra il 14 e il 18 aprile.

Ci serve sapere se dobbiamo compilare un vostro modulo di autorizzazione,
a chi comunicare gli IP sorgente del tester e se è previsto qualche
limite (ad esempio niente test DoS) per non far scattare i vostri sistemi
anti-abuso.

Grazie e buona giornata,
Valentina Corsi
Ufficio IT - Assicurazioni Piave
""",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(file="030-pec-asl-databreach.eml",
headers=hdr("Azienda Sanitaria Locale Colline Alte <dpo@pec.aslcollinealte.example>",
            "Notifica di possibile violazione di dati personali - servizio hosting portale prenotazioni",
            "Fri, 04 Apr 2025 16:48:20 +0200",
            "<opec-asl-20250404164820.3311@pec.aslcollinealte.example>",
            "security@example.test, dpo@example.test"),
text="""Alla c.a. del Responsabile della sicurezza di Nuvolaria S.r.l.

In qualità di Titolare del trattamento, questa Azienda comunica che in
data 3 aprile 2025 un utente ha segnalato di poter visualizzare, dal
portale prenotazioni da voi ospitato, i promemoria di appuntamento di
altri cittadini modificando il numero della prenotazione nell'indirizzo.
Dai log applicativi risulta che nelle ultime due settimane un singolo
indirizzo IP ha consultato in sequenza circa 4.000 prenotazioni, con
nome, codice fiscale e reparto.

Misure già adottate: abbiamo disabilitato l'utenza di servizio del
portale e sospeso la consultazione online dei promemoria.

Testo che intendiamo inviare agli interessati: "Gentile utente, la
informiamo che alcuni dati della sua prenotazione potrebbero essere stati
consultati da terzi non autorizzati."

Si chiede di fornire entro 48 ore i log di accesso del server web per il
periodo 15 marzo - 4 aprile, ai fini della notifica al Garante.

Il Responsabile della Protezione dei Dati
Avv. Maria Grazia Fontana
""", charset="iso-8859-1", cte="8bit",
label=lab("incident", "it", fix="abbiamo disabilitato l'utenza",
          cust="alcuni dati della sua prenotazione")))

# ---------------------------------------------------------------- 031
MAILS.append(dict(file="031-re-ack-ddos-in-corso-ioc.eml",
headers=hdr("Stefano Marchetti <s.marchetti@guardianetsoc.example>",
            "Re: [SEC-2025-0402] Presa in carico: DDoS in uscita dalla vostra rete",
            "Sat, 05 Apr 2025 11:09:51 +0200",
            "<CAK2marchetti-0402-upd@mail.guardianetsoc.example>",
            "security@example.test",
            ("In-Reply-To", "<sec-2025-0402-ack@example.test>")),
text="""Ciao,

l'attacco è ancora in corso (ore 11:00) e si è allargato: adesso vediamo
UDP flood verso i DNS del nostro cliente anche da altri tre vostri IP:

198.51.100.23
198.51.100.24
198.51.100.91

Stesso schema del 198.51.100.19 di ieri (amplificazione NTP e memcached,
picco di circa 40 Gbps). Potete almeno metterli in null-route?

Stefano Marchetti
GuardiaNet SOC

Il giorno ven 4 apr 2025 alle ore 18:30 Nuvolaria Security
<security@example.test> ha scritto:
> Buongiorno Stefano,
>
> grazie, abbiamo aperto la pratica SEC-2025-0402 e il team rete sta
> analizzando il 198.51.100.19. Le daremo un aggiornamento appena possibile.
>
> Nuvolaria Security
>
>> Il giorno ven 4 apr 2025 alle 17:02 Stefano Marchetti ha scritto:
>> Stiamo ricevendo un DDoS a riflessione dal 198.51.100.19, nel vostro AS.
""",
label=lab("incident", "it")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(file="032-rivenditore-html-tabella-wordpress.eml",
headers=hdr("Simona Grasso <simona@grassoweb.example>",
            "Segnalazione: plugin di cache preinstallato espone i log di debug",
            "Mon, 07 Apr 2025 14:20:15 +0200",
            "<7b8e3f10-grasso-cache@grassoweb.example>",
            "security@example.test"),
html="""<html><body>
<p>Ciao,</p>
<p>vi scrivo come rivenditrice (codice NV-R-0107). Nelle installazioni WordPress
one-click del piano Business il plugin di cache che installate voi lascia
attivo il debug, e il file di log è raggiungibile da chiunque.</p>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><th>Voce</th><th>Dettaglio</th></tr>
<tr><td>Prodotto</td><td>Installer WordPress one-click (piano Business)</td></tr>
<tr><td>URL esposto</td><td>/wp-content/cache/nv-cache-debug.log</td></tr>
<tr><td>Contenuto</td><td>cookie di sessione degli amministratori, query con email</td></tr>
<tr><td>Gravità stimata</td><td>punteggio 5.3</td></tr>
<tr><td>Mitigazione</td><td>disattivare il debug nel file nv-cache.ini e cancellare il log</td></tr>
<tr><td>Messaggio per i clienti</td><td>Vi consigliamo di uscire e rientrare nel pannello WordPress</td></tr>
</table>
<p>Ho già sistemato a mano i miei 12 siti, ma immagino siano migliaia.</p>
<p>Simona<br>GrassoWeb</p>
</body></html>
""",
label=lab("vulnerability", "it", reported=5.3,
          fix="disattivare il debug nel file nv-cache",
          cust="uscire e rientrare nel pannello")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(file="033-fwd-three-levels-agent-lpe.eml",
headers=hdr("Owen Fairbanks <owen.fairbanks@example.test>",
            "Fwd: Fwd: RE: local privilege escalation in nbagent service (CVE-2025-28810)",
            "Tue, 08 Apr 2025 10:12:00 +0100",
            "<f0d1e2c3-fairbanks-lpe@example.test>",
            "security@example.test"),
text="""Security desk - this one has been bouncing around product for a week,
please take ownership. My notes inline marked [OF].

---------- Forwarded message ---------
From: Lucia Marin <lucia.marin@example.test>
Date: Mon, Apr 7, 2025 at 5:44 PM
Subject: Fwd: RE: local privilege escalation in nbagent service (CVE-2025-28810)
To: Owen Fairbanks <owen.fairbanks@example.test>

Owen, can you route this? The CVE was assigned by the researcher's CNA,
not by us.

[OF] Yes - and it means the date in the advisory is not ours to move.

---------- Forwarded message ---------
From: Sami Virtanen <sami@virtanen-sec.example>
Date: Mon, Apr 7, 2025 at 9:20 AM
Subject: RE: local privilege escalation in nbagent service
To: Lucia Marin <lucia.marin@example.test>

Hi Lucia, as promised the scoring:

CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H
CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N

> -----Original Message-----
> From: Sami Virtanen
> Sent: Thursday, April 3, 2025 4:02 PM
> To: Lucia Marin
> Subject: local privilege escalation in nbagent service
>
> The nbagent Windows service (5.2.1) loads plugins from
> C:\\ProgramData\\Nuvolaria\\plugins, which is writable by BUILTIN\\Users.
> Any local user can drop a DLL there and get it loaded as SYSTEM at the
> next service restart.
>
> Mitigation until a patch: remove write permissions for Users on the
> plugins directory.

[OF] I tested the ACL change on my laptop, agent still works fine.

> For your customers: "Update the backup agent to 5.2.2; until then,
> restrict who can log in to machines running it."
""",
label=lab("vulnerability", "en", cves=["CVE-2025-28810"],
          vector="CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
          score=8.5, fix="remove write permissions for Users",
          cust="Update the backup agent to 5.2.2")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(file="034-qualcuno-nel-mio-pannello.eml",
headers=hdr("Ilaria Conti <ilaria.conti88@gmail.example>",
            "qualcuno è entrato nel mio account",
            "Wed, 09 Apr 2025 23:51:02 +0200",
            "<CAE9conti-0409@mail.gmail.example>",
            "security@example.test"),
text="""ciao, mi è arrivata una mail che la password del pannello è stata cambiata
ma non sono stata io. adesso non riesco più ad entrare e il mio dominio
ilariaconti-foto.example punta a un sito di scommesse. aiutatemi per favore

Inviato da Android
""",
label=lab("incident", "it")))

# ---------------------------------------------------------------- 035
MAILS.append(dict(file="035-bugharbor-triaged-open-redirect.eml",
headers=hdr("BugHarbor <notifications@bugharbor.example>",
            "[BugHarbor] Report #48377 triaged: open redirect in Cirrus Panel logout",
            "Thu, 10 Apr 2025 13:44:09 +0000",
            "<report-48377.triaged.91ab@bugharbor.example>",
            "Nuvolaria Security <security@example.test>"),
text="""Report #48377 has been triaged by the BugHarbor team and is ready for
your review.

Title:      Open redirect in Cirrus Panel logout (next= parameter)
Researcher: m0nsoon
Asset:      panel.example.test
Severity:   score: 6.4 (medium)
Status:     Triaged

Triager note: reproduced with
https://panel.example.test/logout?next=//evil.example/login - the user
is sent to the external site after logout. The researcher chains it with
a fake login page; no credential capture was attempted against real users.

Please set a bounty or reply to the researcher within 5 business days to
keep your program response-time SLA.

-- BugHarbor
""",
label=lab("vulnerability", "en", reported=6.4)))

# ---------------------------------------------------------------- 036
MAILS.append(dict(file="036-sollecito-re-ack.eml",
headers=hdr("Antonio Russo <antonio.russo@farmaciarusso.example>",
            "R: [SEC-2025-0377] Ricevuta segnalazione - certificato SSL scaduto?",
            "Fri, 11 Apr 2025 08:33:27 +0200",
            "<000a01dbaa9f$b1c2d3e4$farmaciarusso.example>",
            "security@example.test",
            ("In-Reply-To", "<sec-2025-0377-ack@example.test>")),
text="""Buongiorno,
vi riscrivo perché non ho più avuto notizie. Sapete dirmi a che punto è
la mia richiesta? Mi basta sapere se qualcuno ci sta lavorando.

Grazie
Antonio Russo
Farmacia Russo

________________________________________
Da: Nuvolaria Security <security@example.test>
Inviato: lunedì 31 marzo 2025 11:04
A: Antonio Russo
Oggetto: [SEC-2025-0377] Ricevuta segnalazione - certificato SSL scaduto?

Gentile cliente, la sua richiesta è stata ricevuta e registrata con il
numero SEC-2025-0377. Verrà ricontattato da un nostro operatore.
""", charset="cp1252", cte="quoted-printable",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(file="037-open-relay-mx.eml",
headers=hdr("Greta Lindqvist <greta@lindqvist-it.example>",
            "mx3.example.test is an open relay",
            "Sat, 12 Apr 2025 16:27:45 +0200",
            "<6A2F1B9C-LINDQVIST-MX3@lindqvist-it.example>",
            "security@example.test"),
text="""Hi,

While checking why a customer's mail was bouncing I noticed that
mx3.example.test accepts mail for any destination without auth:

  EHLO test.example
  MAIL FROM:<nobody@test.example>
  RCPT TO:<greta@lindqvist-it.example>
  250 2.1.5 Ok

I sent one message to myself and it arrived, nothing else. I haven't
seen anyone abusing it yet, but it'll be on blocklists within days once
spammers find it.

You'd want to disable relaying for unauthenticated clients on that box
(probably a missing mynetworks restriction after a rebuild).

What I'd tell your users is that if their mail was rejected this week it
was not their fault.

Greta

Sent from Mail for Mac
""",
label=lab("vulnerability", "en",
          fix="disable relaying for unauthenticated",
          cust="was not their fault")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(file="038-jwt-alg-none-ponte-api.eml",
headers=hdr("Matteo Zanardi <matteo.zanardi@me.example>",
            "Ponte API: accetta JWT con alg none",
            "Mon, 14 Apr 2025 09:48:12 +0200",
            "<9E1D4C77-2B3A-4F0E-ZANARDI@me.example>",
            "security@example.test"),
text="""Ciao,

lavorando a un'integrazione con la Ponte API ho notato che l'endpoint
/v1/token/introspect (e tutti quelli protetti) accettano un JWT con
header {"alg":"none"} e signature vuota. Basta prendere un token
valido, cambiare il claim "sub" con l'id di un altro account e togliere
la firma: la API risponde 200 con i dati dell'altro cliente, e si
possono anche creare record DNS a suo nome.

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N

Non so che libreria JWT usiate, quindi non vi dico come sistemarlo.

Ai clienti scriverei che i token API esistenti restano validi e che non
devono rigenerarli, a meno che non li abbiano condivisi con terzi.

Matteo

Inviato da Mail per Mac
""",
label=lab("vulnerability", "it",
          vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", score=9.1,
          cust="i token API esistenti restano validi")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(file="039-journalist-question-cve.eml",
headers=hdr("Tobias Reinholt <t.reinholt@techdispatch.example>",
            "Quick question for a story on CVE-2025-21298",
            "Tue, 15 Apr 2025 11:02:36 +0000",
            "<3c9e7a11-reinholt-td@techdispatch.example>",
            "security@example.test, press@example.test"),
text="""Hi there,

I'm putting together a roundup of how European hosting providers handled
CVE-2025-21298 (the Windows OLE one from January's Patch Tuesday).
Do your managed Windows servers receive that patch automatically, and
roughly how long after release was it rolled out?

No incident implied - just collecting answers from a dozen providers.
Deadline is Friday.

Thanks,
Tobias Reinholt
TechDispatch
""",
label=lab("unknown", "en", cves=["CVE-2025-21298"])))

# ---------------------------------------------------------------- 040
MAILS.append(dict(file="040-mssp-webshell-hosting-condiviso.eml",
headers=hdr("Presidio SOC <soc@presidiocyber.example>",
            "[Presidio SOC] Incidente INC-2025-1187 - webshell su web22",
            "Wed, 16 Apr 2025 17:15:00 +0200",
            "<INC-2025-1187.presidio@presidiocyber.example>",
            "security@example.test",
            ("Cc", "Cliente Edilnord <it@edilnord.example>")),
text="""**TLP:AMBER**

**Cliente monitorato:** Edilnord S.p.A. (hosting condiviso, server web22)
**Rilevato:** 16/04/2025 14:02 dal nostro EDR sul sito edilnord.example
**Tipo:** webshell PHP (variante "b374k") in /wp-content/uploads/2025/04/thumb.php
**Attività osservata:** esecuzione di `id`, `uname -a`, lettura di /etc/passwd e
tentativi di connessione verso 203.0.113.201:4444

**Azioni intraprese:** rimossa la webshell, cambiate le password FTP e
WordPress del cliente, plugin "gallery-pro" aggiornato alla 2.8.3.

**Richiesta a Nuvolaria:** verificare se altri account su web22 presentano file
simili, visto che il server è condiviso.

**Comunicazione suggerita ai clienti di web22:** "Abbiamo rilevato e
bloccato un tentativo di intrusione sul server che ospita il vostro sito;
vi consigliamo di cambiare la password FTP."

Analista: Federica Lodi - Presidio Cyber, SOC L2
""",
label=lab("incident", "it", fix="rimossa la webshell",
          cust="bloccato un tentativo di intrusione")))
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
