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
    file="001-pentest-findings-summary-panel-sqli.eml",
    headers=[("From", "Harriet Osei <h.osei@redlantern-security.example>"),
             ("To", "security@example.test"),
             ("Cc", "Tomas Reyes <t.reyes@example.test>, delivery@redlantern-security.example"),
             ("Subject", "[Redlantern] Findings summary - Nimbara Panel assessment RL-2025-118 (pre-report)"),
             ("Date", "Fri, 14 Mar 2025 17:42:10 +0000"),
             ("Message-ID", "<rl-2025-118-summary.0314@redlantern-security.example>")],
    text="""Hi all,

As agreed on Tuesday's wrap-up call, below is the findings summary for the
external assessment of Nimbara Panel (v7.4.2, staging at panel-stg.example.test).
The full report with evidence will be uploaded to your SFTP drop by the end of
next week; this summary is only meant to let you start triage on the one
high-severity item now.

## Scope

- panel-stg.example.test (web UI and /api/v2)
- two tenant accounts provided by you (tenant-a, tenant-b); reseller role not in scope
- testing window: 3-14 March 2025, source IP 192.0.2.61

## RL-118-01 - SQL injection in domain listing (High)

The `sort` parameter of `GET /api/v2/domains?q=...&sort=...` is concatenated
into an ORDER BY clause. Any authenticated tenant can use a boolean-based
payload to read arbitrary tables, including `panel_users` of *other* tenants
(bcrypt hashes and TOTP seeds). We extracted three rows belonging to tenant-b
using tenant-a's session and stopped there.

    CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N  (8.1)

Integrity is rated High because the same parameter accepts stacked queries on
the staging MariaDB configuration. We did not attempt any writes.

### Remediation

Whitelist the allowed sort columns server-side (name, created_at, expires_at)
and pass the direction as an enum; never build the clause from request input.
As defence in depth, the panel's DB user should not be able to read the
`panel_users` table of other tenant schemas.

## Other findings (details in the full report)

- RL-118-02 (Medium) - session cookie issued without SameSite
- RL-118-03 (Low) - stack traces returned by /api/v2/export on malformed CSV
- RL-118-04 (Info) - server banner discloses nginx/1.22.1

## Next steps

Retest of RL-118-01 is included in the engagement if requested within 60 days.
Could you let us know who on your side owns the fix, so we can coordinate the
retest window?

Kind regards,

Harriet Osei
Principal Consultant | Redlantern Security Ltd
+44 20 7946 0312

--
CONFIDENTIAL. This message and any attachment are intended solely for the
addressee and may contain information that is privileged or confidential.
If you have received it in error please notify the sender and delete it.
""",
    label=lab("vulnerability", "en",
              vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N", score=8.1,
              fix="Whitelist the allowed sort columns")))

# ---------------------------------------------------------------- 002
MAILS.append(dict(
    file="002-csirt-italia-esposizione-cve-panel.eml",
    headers=[("From", "CSIRT Italia <segnalazioni@csirt.acn.example>"),
             ("To", "security@example.test"),
             ("Subject", "[CSIRT Italia] Notifica esposizione a vulnerabilità CVE-2025-21731 - Rif. CSIRT-2025-004512"),
             ("Date", "Wed, 19 Mar 2025 09:05:33 +0100"),
             ("Message-ID", "<CSIRT-2025-004512.1742371533@csirt.acn.example>"),
             ("X-CSIRT-Ticket", "CSIRT-2025-004512")],
    charset="iso-8859-1", cte="quoted-printable",
    text="""TLP:CLEAR

Gentile Referente,

nell'ambito delle attività di monitoraggio svolte da questo CSIRT, si segnala
che i seguenti indirizzi IP, riconducibili a infrastrutture di codesta Società,
espongono servizi potenzialmente affetti dalla vulnerabilità indicata in
oggetto.

Vulnerabilità:     CVE-2025-21731 - Nimbara Panel, bypass dell'autenticazione
                   nel modulo SSO (SAML)
Gravità:           Critica (CVSS v3.1: 9.8)
Sfruttamento:      ad oggi non sono note evidenze di sfruttamento attivo; è
                   disponibile un PoC pubblico

Indirizzi interessati:

  198.51.100.23    tcp/8443   Nimbara Panel 7.3.9
  198.51.100.24    tcp/8443   Nimbara Panel 7.3.9
  198.51.100.77    tcp/443    Nimbara Panel 7.4.0

Azioni raccomandate:

  - aggiornare il prodotto alla versione 7.4.3 o successiva, come indicato
    nel bollettino del produttore;
  - qualora l'aggiornamento non sia immediatamente applicabile, limitare
    l'accesso all'interfaccia di amministrazione ai soli indirizzi
    autorizzati.

Si chiede cortesemente di fornire riscontro entro 72 ore, rispondendo alla
presente e mantenendo invariato il riferimento in oggetto, in merito alle
azioni intraprese.

La presente comunicazione è effettuata ai fini di prevenzione e non
costituisce accertamento di alcuna violazione.

Cordiali saluti

CSIRT Italia
Agenzia per la Cybersicurezza Nazionale
Servizio Operazioni - Divisione Gestione Incidenti
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-21731"], reported=9.8,
              fix="aggiornare il prodotto alla versione")))

# ---------------------------------------------------------------- 003
MAILS.append(dict(
    file="003-customer-dpo-card-skimming-breach.eml",
    headers=[("From", "Dr Imogen Farrant <dpo@fenwick-optics.example>"),
             ("To", "security@example.test"),
             ("Cc", "legal@fenwick-optics.example"),
             ("Subject", "Personal data breach - Fenwick Optics webshop (account FNW-20931) - our ref. DPO/2025/07"),
             ("Date", "Thu, 17 Apr 2025 18:11:47 +0100"),
             ("Message-ID", "<DPO-2025-07.1@fenwick-optics.example>"),
             ("Importance", "High")],
    text="""Dear Security Team,

I am the Data Protection Officer of Fenwick Optics Ltd, which hosts its web
shop (shop.fenwick-optics.example) on your Managed WordPress plan, account
FNW-20931. I am writing to inform you of a personal data breach and to request
your assistance under clause 9 of the Data Processing Agreement between our
companies.

1. Nature of the breach

On 17 April 2025 at approximately 09:40 our payment provider told us that
several cards used on our checkout had since been reported for fraud. Our
developer found an obfuscated JavaScript file
(wp-content/uploads/2025/03/jq-min.js) loaded on the checkout page, which
posted the card form fields to hxxps://cdn-jqstatic[.]example/collect.

2. Period and volume

The file appears in the page source from 28 March 2025. We estimate about
1,150 orders in that period. Data concerned: names, billing addresses, e-mail
addresses and card data as typed by the customer.

3. Measures taken

The file has been removed, and on 17 April at 14:00 we switched to the hosted
payment page of our provider, so card data is no longer entered on our site.
All WordPress administrator passwords were changed the same afternoon.

4. Requests to you

(a) web access and error logs for the account from 20 March to 17 April;
(b) confirmation of whether any SFTP or control panel logins to our account
    came from unusual IP addresses in that period;
(c) whether other customers on the same server have been affected.

5. Communication to data subjects

We will notify the Information Commissioner's Office within the 72-hour
deadline. The text we intend to send to affected customers is below; we would
be grateful to hear by Friday if anything in it misrepresents your services.

   "We are writing to let you know that between 28 March and 17 April 2025
   payment card details entered on our website may have been copied by a
   third party. Please contact your card issuer and review your statements.
   Your optician account password was not affected."

Yours faithfully,

Dr Imogen Farrant
Data Protection Officer
Fenwick Optics Ltd, 14 Harbour Row, Plymouth
""",
    label=lab("incident", "en",
              fix="switched to the hosted payment page",
              cust="may have been copied by a third party")))

# ---------------------------------------------------------------- 004
MAILS.append(dict(
    file="004-pec-comune-rpd-violazione-casella-tributi.eml",
    headers=[("From", "Comune di Valdorno - Protocollo <protocollo@pec.comune-valdorno.example>"),
             ("To", "security@example.test"),
             ("Subject", "POSTA CERTIFICATA: Comunicazione violazione dati personali - casella tributi - prot. n. 4417/2025"),
             ("Date", "Mon, 05 May 2025 11:27:02 +0200"),
             ("Message-ID", "<opec210.20250505112702.18842.07.1.3@pec.comune-valdorno.example>"),
             ("X-Trasporto", "posta-certificata"),
             ("X-Riferimento-Message-ID", "<b4c1e7a0-prot4417@comune-valdorno.example>")],
    charset="cp1252", cte="8bit",
    text="""Spett.le Example Hosting S.r.l.
alla c.a. del Responsabile della sicurezza delle informazioni

Oggetto: comunicazione ai sensi degli artt. 28 e 33 del Regolamento (UE)
2016/679 – richiesta di collaborazione

Scrivo in qualità di Responsabile della Protezione dei Dati del Comune di
Valdorno, che si avvale dei Vostri servizi di posta elettronica ordinaria per
il dominio comune.valdorno.example.

In data 2 maggio 2025 l’Ufficio Tributi ci ha segnalato che alcuni cittadini
avevano ricevuto dalla casella istituzionale tributi@comune.valdorno.example
messaggi contenenti un collegamento a un falso avviso di pagamento TARI. Dalle
verifiche svolte con il nostro fornitore di assistenza informatica è emerso
che la password della casella era stata carpita, con ogni probabilità tramite
una pagina di phishing, e che dal 29 aprile al 2 maggio la casella è stata
consultata da indirizzi IP esteri attraverso la Vostra webmail. Nella casella
sono presenti comunicazioni con i contribuenti contenenti dati anagrafici,
codici fiscali e, in alcuni casi, informazioni su situazioni di disagio
economico.

La password è stata cambiata il 2 maggio alle ore 16.30 e sono state rimosse
le regole di inoltro automatico create da terzi.

Vi chiediamo pertanto di trasmetterci, entro il 7 maggio p.v.:
– i log di accesso webmail e IMAP della casella dal 25 aprile al 2 maggio;
– l’elenco di eventuali altre caselle del dominio alle quali si sia acceduto
  dagli stessi indirizzi IP;
– ogni altra informazione utile alla notifica al Garante.

Stiamo predisponendo la comunicazione agli interessati ai sensi dell’art. 34.
Il testo che intendiamo pubblicare sul sito istituzionale è il seguente:

«Il Comune informa che dal 29 aprile al 2 maggio 2025 una casella di posta
dell’Ufficio Tributi è stata utilizzata da terzi non autorizzati. Si invitano
i cittadini a non dare seguito a richieste di pagamento ricevute via e-mail in
tale periodo e a verificare gli avvisi esclusivamente tramite il portale
PagoPA.»

Restando in attesa di cortese riscontro, porgo distinti saluti.

Avv. Chiara Benvenuti
Responsabile della Protezione dei Dati – Comune di Valdorno
Piazza del Municipio 1 – 52000 Valdorno

Documento informatico firmato digitalmente ai sensi del D.Lgs. 82/2005
""",
    label=lab("incident", "it",
              fix="La password è stata cambiata",
              cust="a non dare seguito a richieste")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(
    file="005-partner-fwd-libtarn-advisory.eml",
    headers=[("From", "Marco Pellizzari <m.pellizzari@datacorte.example>"),
             ("To", "security@example.test"),
             ("Subject", "I: [SECURITY] libtarn advisory LTA-2025-02 - path traversal on extraction (CVE-2025-30417)"),
             ("Date", "Wed, 09 Apr 2025 08:14:55 +0200"),
             ("Message-ID", "<AM0PR07MB4412A1C@datacorte.example>")],
    text="""Ciao, vi giro questo, mi pare che il vostro backup agent usi libtarn.
Fateci sapere.

Marco

-----Messaggio originale-----
Da: libtarn security team <security@libtarn.example>
Inviato: martedì 8 aprile 2025 18:02
A: libtarn-announce@lists.libtarn.example
Oggetto: [SECURITY] libtarn advisory LTA-2025-02 - path traversal on extraction (CVE-2025-30417)

libtarn Security Advisory LTA-2025-02
=====================================

Summary
-------
libtarn before 3.2.4 does not correctly normalise member names that contain
the sequence "..//" when an archive is extracted with TARN_EXTRACT_SECURE.
A crafted archive can therefore write files outside the destination
directory with the privileges of the extracting process.

Affected versions:  3.0.0 - 3.2.3
Fixed version:      3.2.4
CVE:                CVE-2025-30417

Severity
--------
CVSS v4.0: CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (8.5)
CVSS v3.1: CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H (7.8)

Resolution
----------
Upgrade to libtarn 3.2.4. Distribution packages have been coordinated and
should be available today. Applications that cannot upgrade immediately
should pass TARN_EXTRACT_NO_DOTDOT in addition to TARN_EXTRACT_SECURE, which
rejects any member name containing a ".." component.

Credit
------
Reported by Ilse Vandermeer.

--
libtarn security team - https://libtarn.example/security
""",
    label=lab("vulnerability", "en", cves=["CVE-2025-30417"],
              vector="CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score=8.5,
              fix="Upgrade to libtarn 3.2.4")))

# ---------------------------------------------------------------- 006
MAILS.append(dict(
    file="006-banca-compliance-questionario-dora.eml",
    headers=[("From", "Elena Marchisio <elena.marchisio@bptrebbia.example>"),
             ("To", "security@example.test"),
             ("Cc", "fornitori.ict@bptrebbia.example"),
             ("Subject", "Richiesta compilazione questionario ICT third-party risk (DORA) - scadenza 30/06"),
             ("Date", "Tue, 03 Jun 2025 10:02:19 +0200"),
             ("Message-ID", "<6f1d2a3b9c@bptrebbia.example>")],
    text="""Buongiorno,

sono la referente Compliance ICT di Banca Popolare del Trebbia. Come sapete
la Banca utilizza i Vostri servizi di hosting gestito e di Object Storage per
alcuni applicativi di back-office, censiti nel nostro registro delle
informazioni come funzioni di supporto.

In applicazione del Regolamento (UE) 2022/2554 (DORA) e delle nostre policy
interne di gestione del rischio ICT di terze parti, Vi chiediamo di compilare
il questionario annuale di valutazione, che trovate sul portale fornitori
all'indirizzo https://fornitori.bptrebbia.example/q/2025-ICT-117.

Il questionario riguarda in particolare:
  1. certificazioni in corso di validità (ISO/IEC 27001, eventuale
     qualificazione ACN dei servizi cloud);
  2. gestione degli incidenti e tempi di notifica verso i clienti;
  3. piani di continuità operativa e risultati dell'ultimo test;
  4. sub-fornitori coinvolti nell'erogazione del servizio e loro ubicazione;
  5. esiti sintetici dell'ultimo penetration test indipendente.

Vi chiederemmo di completarlo entro il 30 giugno p.v. Qualora una persona
diversa dal Vostro ufficio sicurezza debba occuparsene, Vi saremmo grati se ci
indicaste il nominativo a cui rivolgerci.

Per chiarimenti resto a disposizione.

Cordiali saluti

Elena Marchisio
Compliance ICT & Outsourcing
Banca Popolare del Trebbia S.c.p.A.
Tel. +39 0523 000 417

Le informazioni contenute in questo messaggio sono riservate e destinate
esclusivamente al destinatario. Se avete ricevuto questo messaggio per errore
Vi preghiamo di informare il mittente e di cancellarlo.
""",
    label=lab("unknown", "it")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(
    file="007-ticketing-html-status-chase.eml",
    headers=[("From", "Orbis IT Service Desk <noreply@tickets.orbis-it.example>"),
             ("To", "security@example.test"),
             ("Reply-To", "desk+OR-55812@tickets.orbis-it.example"),
             ("Subject", "[OR-55812] Customer reply: Follow-up on reported issue - awaiting vendor response"),
             ("Date", "Mon, 16 Jun 2025 14:31:08 +0000"),
             ("Message-ID", "<ticket-OR-55812-reply-6@tickets.orbis-it.example>"),
             ("Auto-Submitted", "auto-generated")],
    html="""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ticket OR-55812</title>
<style>body{font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222}
table.meta td,table.meta th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}
.bubble{background:#f3f6fa;border-left:4px solid #2a6db0;padding:10px 14px;margin:12px 0}</style></head>
<body>
<div style="background:#2a6db0;color:#fff;padding:10px 14px;font-size:16px">Orbis IT Service Desk</div>
<p>## Please reply above this line ##</p>
<p>A new reply has been added to ticket <b>OR-55812</b>.</p>
<table class="meta">
<tr><th>Ticket</th><td>OR-55812</td></tr>
<tr><th>Status</th><td>Pending - Third party</td></tr>
<tr><th>Priority</th><td>P2</td></tr>
<tr><th>Requester</th><td>Gwen Albright (Holloway Dental Group)</td></tr>
<tr><th>Assigned vendor</th><td>Example Hosting (security@example.test)</td></tr>
<tr><th>Opened</th><td>2025-06-02 09:12 UTC</td></tr>
</table>
<div class="bubble">
<p><b>Gwen Albright</b> wrote, 16 Jun 2025 14:30:</p>
<p>Hello again,</p>
<p>It has now been two weeks since we passed on the issue with the file manager in your panel and we still have not had anything back except the automatic acknowledgement. Our auditors are asking whether it has been resolved and I have nothing to tell them.</p>
<p>Could someone at Example Hosting please give us an expected date, or at least confirm that it is being looked at? A one-line answer is fine.</p>
<p>Thanks,<br>Gwen</p>
</div>
<p style="color:#888;font-size:12px">You are receiving this because your address is listed as a vendor contact on this ticket. Ticket history is available at https://tickets.orbis-it.example/t/OR-55812</p>
<p style="color:#888;font-size:12px">Orbis IT Ltd - Managed IT for healthcare practices</p>
</body></html>
""",
    label=lab("unknown", "en")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(
    file="008-mssp-soc-alert-beacon-build-runner.eml",
    headers=[("From", "SentinelGrid SOC <soc-alerts@sentinelgrid.example>"),
             ("To", "security@example.test, noc@example.test"),
             ("Subject", "[SG-SOC][HIGH] INC-884217 Suspected C2 beaconing from build-runner-03"),
             ("Date", "Sat, 22 Mar 2025 02:47:31 +0000"),
             ("Message-ID", "<INC-884217.notify@sentinelgrid.example>")],
    text="""SentinelGrid SOC - Incident Notification

Incident:        INC-884217
Severity:        HIGH
Status:          Open - awaiting customer action
Analyst:         R. Okonkwo (Tier 2)

Summary
Since 00:58 UTC the host build-runner-03 (10.40.12.33) has been making HTTPS
requests to 203.0.113.88 every 60 s +/- 10% jitter, with a fixed 3,104-byte
response. The JA3 fingerprint matches a known Cobalt Strike profile. The
process responsible is /tmp/.cache/kworkerd, started by the gitlab-runner
user at 00:56 UTC, two minutes after job #77120 on project infra/images.

Recommended action
Isolate build-runner-03 from the network, preserve memory and disk before
reimaging, and rotate the CI variables exposed to job #77120 (registry token,
deploy key).

Please acknowledge by replying to this e-mail with the incident number in
the subject.
--
SentinelGrid Managed Detection & Response
24x7 line: +44 161 496 0770
""",
    html="""<html><body style="font-family:Arial,sans-serif;font-size:13px">
<h2 style="color:#b00020">SentinelGrid SOC - Incident Notification</h2>
<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse">
<tr><th align="left">Incident</th><td>INC-884217</td></tr>
<tr><th align="left">Severity</th><td><b style="color:#b00020">HIGH</b></td></tr>
<tr><th align="left">Status</th><td>Open - awaiting customer action</td></tr>
<tr><th align="left">Host</th><td>build-runner-03 (10.40.12.33)</td></tr>
<tr><th align="left">Destination</th><td>203.0.113.88:443</td></tr>
<tr><th align="left">First seen</th><td>2025-03-22 00:58 UTC</td></tr>
<tr><th align="left">Detection</th><td>Periodic beaconing, JA3 match (Cobalt Strike profile)</td></tr>
<tr><th align="left">Process</th><td>/tmp/.cache/kworkerd (user gitlab-runner), started 00:56 UTC after CI job #77120</td></tr>
<tr><th align="left">Recommended action</th><td>Isolate build-runner-03 from the network, preserve memory and disk before reimaging, and rotate the CI variables exposed to job #77120 (registry token, deploy key).</td></tr>
<tr><th align="left">Analyst</th><td>R. Okonkwo (Tier 2)</td></tr>
</table>
<p>Please acknowledge by replying to this e-mail with the incident number in the subject.</p>
<p style="color:#666">SentinelGrid Managed Detection &amp; Response - 24x7 line +44 161 496 0770</p>
</body></html>
""",
    label=lab("incident", "en",
              fix="Isolate build-runner-03 from the network")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(
    file="009-pentest-it-object-storage-idor-cvss4.eml",
    headers=[("From", "Davide Ferraris <d.ferraris@quadrante-sec.example>"),
             ("To", "security@example.test"),
             ("Subject", "Esito preliminare VAPT Object Storage - rilievo QS-03 (alto)"),
             ("Date", "Thu, 24 Apr 2025 16:58:40 +0200"),
             ("Message-ID", "<20250424165840.QS03@quadrante-sec.example>")],
    text="""Buonasera,

come concordato in sede di kick-off, anticipiamo per email il rilievo più
grave emerso durante l'attività di VAPT sul servizio Object Storage, in modo
che possiate valutarlo prima della consegna del rapporto completo.

Rilievo QS-03 - Elenco oggetti di bucket altrui tramite API di listing
======================================================================

Descrizione
-----------
L'endpoint GET /v1/buckets/{bucket}/objects verifica che il token sia valido
ma non che il bucket appartenga al progetto del token. Conoscendo o
indovinando il nome di un bucket (i nomi sono globali e spesso prevedibili,
ad es. "<cliente>-backup") un utente autenticato di qualsiasi progetto ottiene
l'elenco completo degli oggetti, con nomi file, dimensioni e URL presigned
validi 15 minuti, quindi anche il contenuto.

Classificazione
---------------
CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N

Riproduzione
------------
1. Creare un progetto di prova e un token con ruolo "viewer".
2. Eseguire:
   curl -H "Authorization: Bearer $TOKEN_A" \\
     https://objects.example.test/v1/buckets/qs-target-bkp/objects
3. La risposta 200 contiene gli oggetti del bucket qs-target-bkp,
   appartenente al progetto B creato dal vostro team per il test.
4. Scaricare uno degli URL presigned restituiti: il file è accessibile.

Non abbiamo ripetuto la prova su bucket di clienti reali.

Il rapporto completo, con gli altri 9 rilievi (nessuno di gravità superiore
a media), sarà consegnato entro il 9 maggio.

Cordiali saluti

Davide Ferraris
Senior Penetration Tester - Quadrante Security S.r.l.
""",
    label=lab("vulnerability", "it",
              vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", score=7.1)))

# ---------------------------------------------------------------- 010
MAILS.append(dict(
    file="010-national-cert-phishing-hosted-tlp-amber.eml",
    headers=[("From", "CERT-Ostland Incident Handling <incident@cert-ostland.example>"),
             ("To", "abuse@example.test, security@example.test"),
             ("Subject", "[CERT-OS #2025-11873] Phishing site impersonating Baltica Bank hosted on 198.51.100.141 [TLP:AMBER]"),
             ("Date", "Tue, 29 Apr 2025 07:20:12 +0300"),
             ("Message-ID", "<2025-11873.1745900412@cert-ostland.example>")],
    text="""TLP:AMBER - Limited disclosure, recipients may only share this information
on a need-to-know basis within their organisation and with their clients.

Dear colleagues,

CERT-Ostland, the national CSIRT of Ostland, has been informed by Baltica Bank
of an active phishing campaign targeting its online banking customers. The
phishing page is hosted in your network:

  URL:          hxxps://baltica-verify-login[.]example/lv/auth/index.php
  IP address:   198.51.100.141
  ASN:          AS64511 (Example Hosting)
  First seen:   2025-04-28 21:05 UTC
  Still online: yes, as of 2025-04-29 04:10 UTC

Victims are lured by SMS messages and asked to enter their online banking
credentials and one-time codes, which are relayed in real time to the
attacker. Baltica Bank has already confirmed fraudulent transfers from at
least four customer accounts.

We kindly ask you to remove the fraudulent content as soon as possible and,
if feasible, to preserve the hosting account's access logs and the kit files
for law enforcement. Please also let us know whether other sites on the same
account reference the same kit (/lv/auth/).

Please keep the ticket number [CERT-OS #2025-11873] in the subject of any
reply.

Best regards,

Maris Kalnins
Incident Handler, CERT-Ostland
+371 6000 0000 (24/7)
PGP key: https://cert-ostland.example/pgp
""",
    label=lab("incident", "en",
              fix="remove the fraudulent content")))

# ---------------------------------------------------------------- 011
MAILS.append(dict(
    file="011-csirt-italia-ioc-host-botnet.eml",
    headers=[("From", "CSIRT Italia <segnalazioni@csirt.acn.example>"),
             ("To", "security@example.test"),
             ("Subject", "[CSIRT Italia] Segnalazione host compromesso - comunicazioni verso infrastruttura C2 - Rif. CSIRT-2025-006078"),
             ("Date", "Fri, 23 May 2025 15:41:09 +0200"),
             ("Message-ID", "<CSIRT-2025-006078.1748007669@csirt.acn.example>")],
    charset="iso-8859-1", cte="quoted-printable",
    text="""TLP:GREEN

Gentile Referente,

questo CSIRT ha ricevuto, da fonte qualificata, evidenze relative a
comunicazioni tra un sistema riconducibile alla Vostra infrastruttura e un
server di comando e controllo (C2) associato al malware "Karmen", noto per
essere impiegato nella fase iniziale di campagne ransomware.

Dettagli:

  IP sorgente:       198.51.100.140  (AS64511)
  IP destinazione:   203.0.113.201:8080
  Dominio C2:        upd-karmen-cdn[.]example
  Finestra temporale osservata: 21/05/2025 22:10 - 23/05/2025 06:45 (UTC+2)
  Numero di connessioni:        circa 1.300

Considerata la natura della minaccia, si raccomanda di isolare il sistema e
procedere con un'analisi approfondita volta a individuare il vettore di
compromissione e l'eventuale movimento laterale, nonché di verificare la
presenza di altri sistemi che abbiano contattato gli indicatori sopra
riportati.

Si richiede cortese riscontro circa le attività intraprese, mantenendo il
riferimento in oggetto.

Gli indicatori sono condivisi con classificazione TLP:GREEN e possono essere
diffusi all'interno della Vostra comunità, ma non pubblicamente.

Cordiali saluti

CSIRT Italia
Agenzia per la Cybersicurezza Nazionale
""",
    label=lab("incident", "it", fix="isolare il sistema")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(
    file="012-bounty-platform-idor-invoice-export.eml",
    headers=[("From", "BountyHarbor <notifications@bountyharbor.example>"),
             ("To", "security@example.test"),
             ("Subject", "[BountyHarbor] New report #BH-40917 for Example Hosting: IDOR in invoice PDF export"),
             ("Date", "Sun, 11 May 2025 19:03:44 +0000"),
             ("Message-ID", "<report-BH-40917-new@bountyharbor.example>"),
             ("List-Unsubscribe", "<https://bountyharbor.example/settings/notifications>")],
    text="""New report submitted to Example Hosting

Report:      #BH-40917
Title:       IDOR in invoice PDF export
Researcher:  kestrel_byte (reputation 2,140)
Asset:       billing.example.test
Weakness:    Insecure Direct Object Reference
Severity:    Medium (6.5)
CVSS:        CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N

Summary from the researcher:

Hi team, the endpoint https://billing.example.test/account/invoices/{id}/pdf
only checks that you are logged in. Invoice ids are sequential (INV-2025-
0041233, INV-2025-0041234 ...), so any customer can download anybody's
invoice PDF. These contain full name, postal address, VAT number and the list
of purchased services.

Steps:
1. Log in as customer A, open Billing > Invoices, download your own invoice.
2. Change the id in the URL to a lower number.
3. You get another customer's invoice (I tried two ids, both belonging to my
   second test account, and one I did not own which I deleted immediately).

Impact: mass scraping of customer PII and business data.

View the full report and reply to the researcher:
https://bountyharbor.example/reports/BH-40917

You are receiving this email because you are a member of the Example Hosting
program team on BountyHarbor.
""",
    html="""<html><body style="font-family:Helvetica,Arial,sans-serif;background:#f5f5f7;padding:20px">
<table width="600" align="center" style="background:#fff;border-radius:6px;padding:20px">
<tr><td>
<h2 style="margin-top:0">New report submitted to Example Hosting</h2>
<table cellpadding="4">
<tr><td><b>Report</b></td><td>#BH-40917</td></tr>
<tr><td><b>Title</b></td><td>IDOR in invoice PDF export</td></tr>
<tr><td><b>Researcher</b></td><td>kestrel_byte (reputation 2,140)</td></tr>
<tr><td><b>Asset</b></td><td>billing.example.test</td></tr>
<tr><td><b>Weakness</b></td><td>Insecure Direct Object Reference</td></tr>
<tr><td><b>Severity</b></td><td>Medium (6.5)</td></tr>
<tr><td><b>CVSS</b></td><td>CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N</td></tr>
</table>
<h3>Summary from the researcher</h3>
<p>Hi team, the endpoint https://billing.example.test/account/invoices/{id}/pdf only checks that you are logged in. Invoice ids are sequential (INV-2025-0041233, INV-2025-0041234 ...), so any customer can download anybody's invoice PDF. These contain full name, postal address, VAT number and the list of purchased services.</p>
<p>Steps:</p>
<ol>
<li>Log in as customer A, open Billing &gt; Invoices, download your own invoice.</li>
<li>Change the id in the URL to a lower number.</li>
<li>You get another customer's invoice (I tried two ids, both belonging to my second test account, and one I did not own which I deleted immediately).</li>
</ol>
<p>Impact: mass scraping of customer PII and business data.</p>
<p><a href="https://bountyharbor.example/reports/BH-40917" style="background:#3b5bdb;color:#fff;padding:8px 14px;text-decoration:none;border-radius:4px">View report</a></p>
<p style="color:#888;font-size:11px">You are receiving this email because you are a member of the Example Hosting program team on BountyHarbor.</p>
</td></tr></table>
</body></html>
""",
    label=lab("vulnerability", "en",
              vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", score=6.5)))

# ---------------------------------------------------------------- 013
MAILS.append(dict(
    file="013-ricercatore-xxe-caldav-import.eml",
    headers=[("From", "Lorenzo Gatti <lorenzo.gatti.sec@gmail.example>"),
             ("To", "security@example.test"),
             ("Subject", "XXE nell'import calendario della webmail"),
             ("Date", "Sat, 07 Jun 2025 23:16:51 +0200"),
             ("Message-ID", "<CAF3x9+QwLz7-hN0p1pRk2@mail.gmail.example>")],
    text="""Ciao,

mi chiamo Lorenzo, faccio bug hunting nel tempo libero. Ho trovato una XXE
nella funzione "Importa calendario" della vostra webmail (webmail.example.test,
modulo Calendar, la versione nel footer dice 3.8.1).

Il file .ics viene convertito internamente in xCal (XML) e il parser risolve
le external entities. Caricando un file con un DOCTYPE che punta a
file:///etc/hostname ho ottenuto il nome host nel titolo dell'evento
importato. Con un payload out-of-band (un DTD sul mio server) riesco anche a
fare richieste HTTP verso la rete interna, quindi c'è pure un bel SSRF.

Non ho provato a leggere file più sensibili di /etc/hostname e /etc/os-release,
per correttezza.

Io la valuterei intorno a CVSS 8,1: serve un account webmail ma quello ce
l'hanno tutti i vostri clienti.

Fix: disabilitare la risoluzione delle entità esterne nel parser XML
(in libxml2 basta non passare XML_PARSE_NOENT / usare un parser "safe").
Nel frattempo si può disattivare il modulo import calendario, che credo usino
in pochi.

Se dovete avvisare gli utenti, io direi qualcosa tipo: "non importate file
.ics ricevuti da mittenti sconosciuti fino al prossimo aggiornamento", ma
secondo me non serve nemmeno.

Fatemi sapere se avete un programma di bug bounty o una hall of fame :)

Lorenzo
""",
    label=lab("vulnerability", "it", reported=8.1,
              fix="si può disattivare il modulo",
              cust="non importate file .ics ricevuti")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(
    file="014-vendor-risk-question-regresshion.eml",
    headers=[("From", "Priya Natarajan <p.natarajan@crestline-logistics.example>"),
             ("To", "security@example.test"),
             ("Subject", "Question: exposure to CVE-2024-6387 and CVE-2024-3094?"),
             ("Date", "Wed, 02 Jul 2025 13:20:05 -0400"),
             ("Message-ID", "<BN7PR11MB2210C0@crestline-logistics.example>")],
    text="""Hello,

I handle vendor risk for Crestline Logistics (customer since 2021, dedicated
servers + managed backup).

Our quarterly review flagged two items that we need every hosting provider
to answer in writing:

1. Are any of the systems that host our servers, or your management plane,
   running an OpenSSH version affected by CVE-2024-6387?
2. Did any of your build or management systems ever install the compromised
   xz/liblzma 5.6.0 or 5.6.1 packages (CVE-2024-3094)?

A yes/no with a sentence of context is enough. If there's a public statement
page that covers this I'm happy to link to that instead.

We need the answer by July 18 to close the review.

Thank you,
Priya Natarajan
Third-Party Risk Analyst
Crestline Logistics Inc.

Sent from my iPhone
""",
    label=lab("unknown", "en", cves=["CVE-2024-3094", "CVE-2024-6387"])))

# ---------------------------------------------------------------- 015
MAILS.append(dict(
    file="015-pec-asl-sollecito-stato-segnalazione.eml",
    headers=[("From", "ASL Collina Nord - Sistemi Informativi <sistemi.informativi@pec.aslcollinanord.example>"),
             ("To", "security@example.test"),
             ("Subject", "POSTA CERTIFICATA: R: Segnalazione vulnerabilità portale prenotazioni - richiesta aggiornamento [SEC-2025-0412]"),
             ("Date", "Tue, 10 Jun 2025 09:48:26 +0200"),
             ("Message-ID", "<opec210.20250610094826.5521.11.1.7@pec.aslcollinanord.example>"),
             ("X-Trasporto", "posta-certificata")],
    text="""Buongiorno,

facciamo seguito alla nostra segnalazione del 20 maggio u.s. e al Vostro
riscontro automatico sotto riportato. Ad oggi non abbiamo ricevuto ulteriori
comunicazioni.

Poiché la questione è stata portata all'attenzione della Direzione e del
nostro Responsabile per la transizione al digitale, Vi chiediamo di farci
sapere, anche sinteticamente, in quale stato si trova l'analisi e se sia
prevista una data di rilascio della correzione.

Restiamo in attesa.

Ing. Paolo Deiana
U.O.C. Sistemi Informativi
ASL Collina Nord

________________________________
Da: Example Hosting Security <security@example.test>
Inviato: martedì 20 maggio 2025 15:02
A: sistemi.informativi@pec.aslcollinanord.example
Oggetto: Segnalazione vulnerabilità portale prenotazioni [SEC-2025-0412]

Gentile utente,

confermiamo la ricezione della Sua segnalazione, alla quale è stato
assegnato il numero SEC-2025-0412. Il nostro team la esaminerà e La
ricontatterà non appena disponibili aggiornamenti.

Per favore, mantenga il numero di riferimento nell'oggetto di eventuali
ulteriori comunicazioni.

Example Hosting - Security Team
""",
    label=lab("unknown", "it")))

# ---------------------------------------------------------------- 016
MAILS.append(dict(
    file="016-law-firm-leaked-data-notice.eml",
    headers=[("From", "Jonathan Ashcombe <j.ashcombe@ashcombe-pryce-law.example>"),
             ("To", "security@example.test, legal@example.test"),
             ("Subject", "Our client Marlowe Freight Ltd - data published on leak forum - PRIVATE & CONFIDENTIAL"),
             ("Date", "Thu, 15 May 2025 12:05:00 +0100"),
             ("Message-ID", "<AP-MF-0515-001@ashcombe-pryce-law.example>")],
    text="""PRIVATE & CONFIDENTIAL
Our ref: JA/MAR/0091

Dear Sirs,

Marlowe Freight Limited

We act for Marlowe Freight Limited ("our client"), a customer of Example
Hosting under contract number EH-C-118802, which uses your Object Storage
service to hold scanned customs documentation.

On 12 May 2025 our client was alerted by a business partner that a set of
approximately 38,000 files had been offered for sale on an underground forum
under the title "Marlowe customs archive". Our client has obtained a sample
of the files published as proof. The sample matches, file for file, the
contents of the bucket "marlowe-customs-2024" held on your platform,
including file names that were generated by our client's own scanning
software and never used elsewhere.

Our client has found no evidence of compromise of its own systems or
credentials, and the access keys for that bucket were held only on a server
which is itself hosted with you.

We therefore write to put you on notice of a potential personal data breach
affecting our client's data while in your custody, and to request:

(a)  that you preserve all access logs, API logs and administrative access
     records for the bucket and the associated project from 1 January 2025
     to date;
(b)  that you confirm within seven days whether you have identified any
     unauthorised access to the bucket or to your storage infrastructure;
(c)  the name of the person within your organisation responsible for this
     matter.

Our client reserves all of its rights.

Yours faithfully,

Jonathan Ashcombe
Partner
Ashcombe Pryce LLP

This e-mail is confidential and may be legally privileged. If you are not the
intended recipient, please notify us immediately and delete it. Ashcombe
Pryce LLP is a limited liability partnership registered in England and Wales.
""",
    label=lab("incident", "en")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(
    file="017-vendor-softeria-advisory-rubrica-plugin.eml",
    headers=[("From", "Softeria PSIRT <psirt@softeria.example>"),
             ("To", "security@example.test"),
             ("Cc", "partner@softeria.example"),
             ("Subject", "Bollettino di sicurezza SOFT-SA-2025-006 - Rubrica+ per webmail - CVE-2025-41102"),
             ("Date", "Mon, 26 May 2025 08:30:00 +0200"),
             ("Message-ID", "<SOFT-SA-2025-006.partner@softeria.example>")],
    text="""Gentile Partner,

Vi informiamo in anteprima, in qualità di distributori del componente
Rubrica+ all'interno della Vostra webmail, della pubblicazione prevista per il
2 giugno del seguente bollettino.

SOFT-SA-2025-006 - Cross-site scripting memorizzato in Rubrica+

Identificativo:    CVE-2025-41102
Prodotto:          Rubrica+ (plugin contatti condivisi)
Versioni affette:  5.0.0 - 5.3.1
Versione corretta: 5.3.2
CVSS v3.1:         CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N (7.6)
CVSS v4.0:         CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:L/SA:N (7.0)

Descrizione
Il campo "Note" di un contatto condiviso non viene sanificato in fase di
visualizzazione della scheda. Un utente autenticato che possa modificare una
rubrica condivisa può inserire codice JavaScript eseguito nel browser degli
altri utenti che aprono il contatto, con possibilità di sottrarre il token
di sessione della webmail.

Soluzione
Aggiornare alla versione 5.3.2, disponibile da oggi nel repository partner.
In alternativa, fino all'aggiornamento, è possibile impostare
shared_books = false nel file rubrica.ini per disattivare le rubriche
condivise.

Comunicazione suggerita ai clienti
"Abbiamo aggiornato il componente rubrica della webmail per correggere una
vulnerabilità segnalata dal produttore. Non è richiesta alcuna azione da
parte vostra."

Vi preghiamo di mantenere riservate queste informazioni fino alla data di
pubblicazione.

Cordiali saluti
Softeria S.r.l. - Product Security Incident Response Team
""",
    html="""<html><body style="font-family:Verdana,sans-serif;font-size:13px">
<p>Gentile Partner,</p>
<p>Vi informiamo in anteprima, in qualità di distributori del componente Rubrica+ all'interno della Vostra webmail, della pubblicazione prevista per il 2 giugno del seguente bollettino.</p>
<h3>SOFT-SA-2025-006 - Cross-site scripting memorizzato in Rubrica+</h3>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><th align="left">Identificativo</th><td>CVE-2025-41102</td></tr>
<tr><th align="left">Prodotto</th><td>Rubrica+ (plugin contatti condivisi)</td></tr>
<tr><th align="left">Versioni affette</th><td>5.0.0 - 5.3.1</td></tr>
<tr><th align="left">Versione corretta</th><td>5.3.2</td></tr>
<tr><th align="left">CVSS v3.1</th><td>CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N (7.6)</td></tr>
<tr><th align="left">CVSS v4.0</th><td>CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:L/SA:N (7.0)</td></tr>
</table>
<h4>Descrizione</h4>
<p>Il campo "Note" di un contatto condiviso non viene sanificato in fase di visualizzazione della scheda. Un utente autenticato che possa modificare una rubrica condivisa può inserire codice JavaScript eseguito nel browser degli altri utenti che aprono il contatto, con possibilità di sottrarre il token di sessione della webmail.</p>
<h4>Soluzione</h4>
<p>Aggiornare alla versione 5.3.2, disponibile da oggi nel repository partner. In alternativa, fino all'aggiornamento, è possibile impostare <code>shared_books = false</code> nel file rubrica.ini per disattivare le rubriche condivise.</p>
<h4>Comunicazione suggerita ai clienti</h4>
<blockquote>Abbiamo aggiornato il componente rubrica della webmail per correggere una vulnerabilità segnalata dal produttore. Non è richiesta alcuna azione da parte vostra.</blockquote>
<p>Vi preghiamo di mantenere riservate queste informazioni fino alla data di pubblicazione.</p>
<p>Cordiali saluti<br>Softeria S.r.l. - Product Security Incident Response Team</p>
</body></html>
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-41102"],
              vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:L/SA:N", score=7.0,
              fix="Aggiornare alla versione 5.3.2",
              cust="Abbiamo aggiornato il componente rubrica")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(
    file="018-msp-onboarding-open-redis.eml",
    headers=[("From", "Ben Castellanos <ben@tidewater-msp.example>"),
             ("To", "security@example.test"),
             ("Subject", "Managed Redis instances reachable from the internet without auth"),
             ("Date", "Tue, 17 Jun 2025 21:09:13 -0500"),
             ("Message-ID", "<0b1f7e7c-2f0a-4d6b-9a3c-8c2e11aa7b40@tidewater-msp.example>")],
    text="""Hey folks,

Ben from Tidewater, we're an MSP and we resell your managed databases to
about 30 small clients. Onboarding a new client today I noticed something
that I think is on your side, not ours.

When you create a Managed Redis instance on the "Starter" plan through the
panel, the instance gets a public IP and the "Allowed sources" list is empty
by default. Empty apparently means "allow all", not "deny all", and the
default config has no requirepass. So right after creation anyone can
`redis-cli -h <ip>` and do whatever, including CONFIG SET. I checked 4 of our
own instances created over the last year: all four were open until today.

I'd rate it 7.5 at least, given how many of your customers probably never
touch that setting.

For our clients we already firewalled port 6379 via the Allowed sources
list (only our app servers) and set a password, so we're fine for now. But
the default really needs to change, and any existing Starter instances
with an empty list are sitting there open.

If you end up emailing customers, something like "check the Allowed sources
list of your Redis instances and make sure it is not empty" would have saved
me an afternoon.

Cheers,
Ben Castellanos
Tidewater Managed Services
""",
    label=lab("vulnerability", "en", reported=7.5,
              fix="already firewalled port 6379",
              cust="make sure it is not empty")))

# ---------------------------------------------------------------- 019
MAILS.append(dict(
    file="019-msp-it-vps-cryptominer.eml",
    headers=[("From", "Stefano Rinaldi <s.rinaldi@altosistemi.example>"),
             ("To", "security@example.test"),
             ("Subject", "VPS cliente compromesso (miner) - vps-4471.example.test"),
             ("Date", "Thu, 12 Jun 2025 19:55:02 +0200"),
             ("Message-ID", "<5d2c41e8.c3a7@altosistemi.example>"),
             ("User-Agent", "Mozilla Thunderbird")],
    text="""Buonasera,

vi scrivo come Alto Sistemi, gestiamo per conto di un nostro cliente (uno
studio commercialista) il VPS vps-4471.example.test che hanno con voi.

Stamattina il cliente ci ha chiamato perché il gestionale era lentissimo.
Entrando sulla macchina abbiamo visto un processo "kdevtmpfsi" al 390% di CPU
e un crontab dell'utente www-data che lo riscaricava ogni cinque minuti da
un IP estero. Da quello che abbiamo ricostruito l'ingresso è avvenuto
tramite una vecchia installazione di phpMyAdmin rimasta esposta in
/pma, con password debole, che non era stata messa da noi ma da chi seguiva
il cliente prima. I log mostrano il primo accesso il 3 giugno.

Non risultano esfiltrazioni di dati dai log del firewall del cliente, ma non
possiamo escluderlo del tutto.

Abbiamo già reinstallato la macchina da zero, ripristinato i dati dal backup
del 2 giugno e rimosso phpMyAdmin. Al cliente finale comunicheremo che i
dati non risultano sottratti e che le password dei servizi sono state
cambiate.

Vi scrivo soprattutto perché nei vostri grafici la macchina ha generato
parecchio traffico verso l'esterno e non vorrei che arrivassero segnalazioni
di abuso a vostro carico. Se vi servono i log o l'IP del miner ve li mando.

Saluti,
Stefano Rinaldi
Alto Sistemi s.n.c. - assistenza sistemistica
""",
    label=lab("incident", "it",
              fix="Abbiamo già reinstallato la macchina",
              cust="i dati non risultano sottratti")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(
    file="020-pgp-signed-timing-token-compare.eml",
    headers=[("From", "Ilya Korsgaard <ilya@korsgaard.example>"),
             ("To", "security@example.test"),
             ("Subject", "CVE-2025-28811: timing side channel in API token verification"),
             ("Date", "Mon, 21 Apr 2025 10:44:18 +0200"),
             ("Message-ID", "<87h6k3c9qz.fsf@korsgaard.example>")],
    text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

Hello security team,

I reported this to MITRE directly since I could not find a CNA for you, and
it has been assigned CVE-2025-28811. No public details have been released.

The Nimbara API gateway (nimbara-gw, seen on api.example.test, build
2.4.7) compares the presented API token with the stored one using a
plain byte comparison that returns at the first differing byte. Over the
network the difference is small but measurable: with ~40k requests per
byte from a host in the same region I recovered the first 6 bytes of a
test token of mine in about 9 hours. Full recovery is expensive but
feasible for a motivated attacker.

CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N

Using hmac.compare_digest in verify_token() fixes it (the gateway is
Python, judging by the error pages); I tested that on a local copy of
the open-source 2.4.x branch and the signal disappears. Rate limiting
per source IP on 401 responses would also make the attack impractical.

What I'd tell your users is: "rotate long-lived API tokens as a
precaution", since there is no way to know whether anyone tried this.

I plan to publish on 20 July unless you need more time.

Regards,
Ilya Korsgaard
-----BEGIN PGP SIGNATURE-----

iQIzBAEBCgAdFiEE3q9vN8XoB2kq1YwLr2e8n3Zt0r0FAmgGBpIACgkQr2e8n3Zt
0r2H9xAAk5m0dJ4r0uQw6tAeLpX4k1yq2v8tqYw7mO3hB1lZs0cR9fF5p2Gd8xVb
Yt3uW1nq6sK0dP9eLr4jZo7vM2aQx8Cf0HqN5bRk3Ls9Tg1Wy6Pe2Uj4Xi7Do0Fh
m8Vz=
=Qk3T
-----END PGP SIGNATURE-----
""",
    label=lab("vulnerability", "en", cves=["CVE-2025-28811"],
              vector="CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", score=5.9,
              fix="Using hmac.compare_digest",
              cust="rotate long-lived API tokens")))

# ---------------------------------------------------------------- 021
MAILS.append(dict(
    file="021-newsletter-osservatorio-html.eml",
    headers=[("From", "Osservatorio Sicurezza Digitale <newsletter@osd-italia.example>"),
             ("To", "security@example.test"),
             ("Subject", "OSD Settimanale n. 22/2025 - Le vulnerabilità della settimana e gli eventi di giugno"),
             ("Date", "Fri, 30 May 2025 07:00:00 +0200"),
             ("Message-ID", "<nl-2025-22.7a91@osd-italia.example>"),
             ("List-Unsubscribe", "<mailto:unsubscribe@osd-italia.example?subject=22-2025>"),
             ("Precedence", "bulk")],
    html="""<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>OSD Settimanale 22/2025</title></head>
<body style="margin:0;background:#eef1f4;font-family:Georgia,serif">
<table width="640" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff">
<tr><td style="background:#0d3b66;color:#fff;padding:18px 24px;font-size:22px">OSD Settimanale <span style="font-size:14px">n. 22/2025</span></td></tr>
<tr><td style="padding:20px 24px">
<p>Care socie e cari soci,</p>
<p>ecco la consueta selezione settimanale. Come sempre, le schede complete sono disponibili nell'area riservata del sito.</p>
<h2 style="color:#0d3b66;font-size:18px">Vulnerabilità della settimana</h2>
<table width="100%" border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px">
<tr style="background:#dde6ef"><th>CVE</th><th>Prodotto</th><th>Note</th></tr>
<tr><td>CVE-2025-0282</td><td>Gateway VPN di largo uso</td><td>Sfruttata attivamente, patch disponibile</td></tr>
<tr><td>CVE-2024-55591</td><td>Firewall perimetrali</td><td>Bypass autenticazione interfaccia di gestione</td></tr>
<tr><td>CVE-2025-24813</td><td>Application server Java</td><td>Esecuzione di codice in configurazioni non predefinite</td></tr>
</table>
<h2 style="color:#0d3b66;font-size:18px">Dal mondo normativo</h2>
<p>Pubblicate le nuove linee guida sulla notifica degli incidenti per i soggetti NIS2: il nostro gruppo di lavoro ne discuterà nell'incontro online del 12 giugno.</p>
<h2 style="color:#0d3b66;font-size:18px">Eventi</h2>
<ul>
<li>12 giugno, online - Tavolo NIS2: obblighi di notifica in pratica</li>
<li>19 giugno, Bologna - Workshop "Threat hunting con strumenti open source"</li>
<li>26 giugno, Napoli - Assemblea dei soci</li>
</ul>
<p>Buona lettura,<br>la redazione OSD</p>
</td></tr>
<tr><td style="background:#f4f6f8;color:#777;font-size:11px;padding:12px 24px;font-family:Arial,sans-serif">Ricevi questa comunicazione in quanto socio dell'Osservatorio Sicurezza Digitale. Per non ricevere più la newsletter rispondi con oggetto CANCELLAMI. Informativa privacy sul sito.</td></tr>
</table>
</body></html>
""",
    label=lab("unknown", "it", cves=["CVE-2024-55591", "CVE-2025-0282", "CVE-2025-24813"])))

# ---------------------------------------------------------------- 022
MAILS.append(dict(
    file="022-helpdesk-escalation-compromised-mailbox.eml",
    headers=[("From", "Example Hosting Support <support@example.test>"),
             ("To", "security@example.test"),
             ("Subject", "[Escalation] Ticket #318842 - Customer mailbox accessed from abroad, spam sent"),
             ("Date", "Wed, 04 Jun 2025 11:18:37 +0200"),
             ("Message-ID", "<ticket-318842-escalation@support.example.test>")],
    text="""Ticket #318842 has been escalated to Security by Kateryna Lysenko.

Requester: Owen Pritchard <owen@pritchard-joinery.example>
Product: Business Mail - domain pritchard-joinery.example
Priority: High

Internal note (Kateryna Lysenko):
Customer reports that his mailbox owen@ sent about 2,000 spam messages last
night and his contacts are complaining. Login history shows webmail sessions
from 185.220.x.x (Tor exit) and from a Nigerian ISP since 1 June; customer
has never been abroad. He admits he reused the password on a forum. We have
reset the password and revoked all active sessions, and removed an inbox
rule that forwarded everything to a gmail address. Outbound is currently
throttled by the anti-spam system.

Please check whether other mailboxes on the domain were touched and whether
the forwarding address shows up elsewhere.

Suggested reply to customer: "Your mailbox was accessed by someone who knew
your password. We have locked them out; please enable two-factor
authentication and use a password you do not use anywhere else."

Customer message (original):
> Hello, my email has been sending spam all night, people are ringing me up.
> I didn't do it. Can you stop it please, this is my business email.
> Owen
""",
    html="""<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#1d1d1f">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td style="background:#5b2a86;color:#fff;padding:10px 16px"><b>Example Hosting Support</b> - escalation</td></tr></table>
<p>Ticket <a href="https://support.example.test/agent/tickets/318842">#318842</a> has been escalated to <b>Security</b> by Kateryna Lysenko.</p>
<table cellpadding="5" cellspacing="0" border="1" style="border-collapse:collapse;border-color:#ccc">
<tr><th align="left" style="background:#f2eef7">Requester</th><td>Owen Pritchard (owen@pritchard-joinery.example)</td></tr>
<tr><th align="left" style="background:#f2eef7">Product</th><td>Business Mail - domain pritchard-joinery.example</td></tr>
<tr><th align="left" style="background:#f2eef7">Priority</th><td>High</td></tr>
<tr><th align="left" style="background:#f2eef7">Tags</th><td>compromised-account, spam-outbound</td></tr>
</table>
<div style="background:#fff8dc;border:1px solid #e6d690;padding:10px;margin:14px 0">
<p style="margin:0 0 6px 0"><b>Internal note</b> (Kateryna Lysenko)</p>
<p>Customer reports that his mailbox owen@ sent about 2,000 spam messages last night and his contacts are complaining. Login history shows webmail sessions from 185.220.x.x (Tor exit) and from a Nigerian ISP since 1 June; customer has never been abroad. He admits he reused the password on a forum. We have reset the password and revoked all active sessions, and removed an inbox rule that forwarded everything to a gmail address. Outbound is currently throttled by the anti-spam system.</p>
<p>Please check whether other mailboxes on the domain were touched and whether the forwarding address shows up elsewhere.</p>
<p><b>Suggested reply to customer:</b> Your mailbox was accessed by someone who knew your password. We have locked them out; please enable two-factor authentication and use a password you do not use anywhere else.</p>
</div>
<p><b>Customer message (original):</b></p>
<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:10px;color:#555">Hello, my email has been sending spam all night, people are ringing me up. I didn't do it. Can you stop it please, this is my business email.<br>Owen</blockquote>
</body></html>
""",
    label=lab("incident", "en",
              fix="revoked all active sessions",
              cust="please enable two-factor authentication")))

# ---------------------------------------------------------------- 023
MAILS.append(dict(
    file="023-universita-xss-webmail-risposta-ack.eml",
    headers=[("From", "Giulia Sartori <giulia.sartori@dibris.unigenova.example>"),
             ("To", "Example Hosting Security <security@example.test>"),
             ("Subject", "Re: [SEC-2025-0388] XSS riflesso nella ricerca della webmail"),
             ("Date", "Wed, 28 May 2025 17:33:12 +0200"),
             ("Message-ID", "<CAJ7rT2m9PzY1@mail.unigenova.example>"),
             ("In-Reply-To", "<ack-SEC-2025-0388@example.test>")],
    text="""Buonasera,

grazie per la presa in carico. Vi riscrivo perché ho ricontrollato oggi e
il problema è ancora presente: la correzione non risulta ancora applicata
su webmail.example.test (ho riprovato alle 17:10 con lo stesso link).

Riassumo per chi legge il ticket adesso: il parametro "q" della pagina
/search viene riflesso nella pagina dei risultati senza codifica, dentro un
attributo value. Un link del tipo

  https://webmail.example.test/search?q=%22%3E%3Csvg%20onload%3Dalert(document.domain)%3E

esegue JavaScript nel contesto della webmail se aperto da un utente
autenticato. Considerando che i cookie di sessione non sono HttpOnly, il
rischio di furto di sessione mi sembra concreto.

Lo uso come caso di studio in un corso di sicurezza web del secondo
semestre, per cui mi farebbe piacere sapere quando pensate di rilasciare la
correzione, così da citarvi correttamente.

Cordiali saluti,
Giulia Sartori
Assegnista di ricerca - DIBRIS, Università di Genova (esempio)

Il giorno mar 13 mag 2025 alle ore 10:05 Example Hosting Security
<security@example.test> ha scritto:

> Gentile Giulia Sartori,
>
> abbiamo ricevuto la Sua segnalazione, registrata con il riferimento
> SEC-2025-0388. Il team di sicurezza la sta analizzando e La aggiornerà
> appena possibile.
>
> Cordiali saluti,
> Example Hosting - Security Team
""",
    label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 024
MAILS.append(dict(
    file="024-journalist-comment-request-advisory.eml",
    headers=[("From", "Rachel Summerhayes <rachel.s@thewirebrief.example>"),
             ("To", "security@example.test, press@example.test"),
             ("Subject", "Press inquiry: CVE-2025-21731 and your customers - deadline today 17:00 BST"),
             ("Date", "Thu, 20 Mar 2025 11:02:41 +0000"),
             ("Message-ID", "<CAN8s7KpR3m4Q@mail.thewirebrief.example>")],
    text="""Hi there,

I'm a reporter at The Wire Brief covering infrastructure security. I'm
writing a short piece on the Nimbara Panel SSO advisory you published on
Monday (CVE-2025-21731) and the public proof-of-concept that appeared on
Tuesday.

Could you answer a few questions for the piece?

- Roughly how many customers run a self-managed Panel version that is
  still affected?
- Have you seen any exploitation attempts since the PoC was released?
- Are you notifying customers directly, or relying on the advisory?

A short statement attributed to a spokesperson is fine. My deadline is
17:00 BST today; I'll note if you declined to comment.

Thanks,
Rachel Summerhayes
Senior Reporter, The Wire Brief
+44 7700 900412
""",
    label=lab("unknown", "en", cves=["CVE-2025-21731"])))

# ---------------------------------------------------------------- 025
MAILS.append(dict(
    file="025-cliente-inoltra-phishing-marchio.eml",
    headers=[("From", "Roberta Conti <roberta@conti-arredamenti.example>"),
             ("To", "security@example.test"),
             ("Subject", "I: Il tuo dominio sta per scadere - azione richiesta"),
             ("Date", "Tue, 08 Jul 2025 09:12:40 +0200"),
             ("Message-ID", "<DB9PR02MB7311F3@conti-arredamenti.example>")],
    text="""Buongiorno,

vi inoltro questa mail arrivata stamattina a me e alla mia collega
dell'amministrazione. Ha il vostro logo e sembra vera, ma il link porta a un
sito che non è il vostro (nimbara-rinnovi.example). La collega purtroppo ha
cliccato e ha inserito i dati della carta aziendale prima di accorgersene,
abbiamo già chiamato la banca per bloccarla.

Vi scrivo perché immagino che ne stiano arrivando tante anche ad altri
vostri clienti. Se mandate un avviso, ai clienti scriverei che non chiedete
mai i dati della carta via email, perché sinceramente io non lo sapevo.

Grazie,
Roberta Conti
Conti Arredamenti s.r.l.

Inviato da Outlook per iOS

Da: Example Hosting - Rinnovi <noreply@nimbara-rinnovi.example>
Inviato: martedì 8 luglio 2025 07:41
A: amministrazione@conti-arredamenti.example
Oggetto: Il tuo dominio sta per scadere - azione richiesta

Gentile cliente,

il dominio conti-arredamenti.example scadrà il 09/07/2025. Per evitare la
sospensione del sito e della posta elettronica è necessario rinnovare entro
24 ore.

RINNOVA ORA: https://nimbara-rinnovi.example/rinnovo?id=88124

Importo: 4,99 EUR

Il team Example Hosting
""",
    label=lab("incident", "it",
              fix="chiamato la banca per bloccarla",
              cust="non chiedete mai i dati della carta")))

# ---------------------------------------------------------------- 026
MAILS.append(dict(
    file="026-abuse-desk-ssh-bruteforce.eml",
    headers=[("From", "Abuse Team Nordvik Networks <abuse@nordvik-net.example>"),
             ("To", "abuse@example.test, security@example.test"),
             ("Subject", "Abuse report [NV-ABU-77410]: SSH brute force from 198.51.100.58"),
             ("Date", "Sun, 15 Jun 2025 04:12:09 +0200"),
             ("Message-ID", "<NV-ABU-77410@abuse.nordvik-net.example>"),
             ("Auto-Submitted", "auto-generated")],
    text="""Dear abuse team,

Our intrusion detection systems registered repeated SSH authentication
attempts from an address in your network against hosts in our network.

Report-ID:        NV-ABU-77410
Source-IP:        198.51.100.58
Source-Port:      various
Target-Network:   192.0.2.0/24 (Nordvik Networks customer range)
Target-Port:      22/tcp
Protocol:         SSH
Attempts:         14,882
First-Seen:       2025-06-14T22:03:41Z
Last-Seen:        2025-06-15T01:58:12Z
Usernames tried:  root, admin, ubuntu, oracle, test, git, postgres (+211)

Log excerpt (UTC, sshd on 192.0.2.17):

2025-06-14T22:03:41Z sshd[40112]: Invalid user admin from 198.51.100.58 port 51122
2025-06-14T22:03:42Z sshd[40114]: Invalid user ubuntu from 198.51.100.58 port 51130
2025-06-14T22:03:44Z sshd[40118]: Failed password for root from 198.51.100.58 port 51141 ssh2
2025-06-14T22:03:45Z sshd[40121]: Invalid user oracle from 198.51.100.58 port 51152

The source is very likely a compromised machine. Please investigate and take
appropriate action. This report was generated automatically; replies to this
address are read by a human.

--
Nordvik Networks AS - Abuse Department
https://nordvik-net.example/abuse
""",
    label=lab("incident", "en")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(
    file="027-rivenditore-vapt-tls-obsoleti.eml",
    headers=[("From", "Alessia Bruno <a.bruno@webpiu.example>"),
             ("To", "security@example.test"),
             ("Subject", "I: Report vulnerability assessment cliente Farmacia San Rocco - server di posta"),
             ("Date", "Fri, 27 Jun 2025 12:40:55 +0200"),
             ("Message-ID", "<9c0e3fd1a2b84e@webpiu.example>")],
    charset="iso-8859-1", cte="quoted-printable",
    text="""Buongiorno,

siamo rivenditori dei vostri servizi di posta. Un nostro cliente, la
Farmacia San Rocco, ha fatto fare un vulnerability assessment da una società
esterna e nel report compare un rilievo che riguarda i vostri server, non il
loro sito. Vi riporto la parte che ci interessa:

---------------------------------------------------------------
Rilievo 4 - Protocolli TLS obsoleti abilitati
Host: mail.example.test (porte 465, 587, 993, 995)
Descrizione: il server accetta connessioni TLS 1.0 e TLS 1.1 e suite
di cifratura con CBC e SHA-1. Tali protocolli sono deprecati (RFC 8996).
Gravità: media - score: 5,3 (medio)
Raccomandazione: disabilitare TLS 1.0 e 1.1 e consentire solo TLS 1.2
o superiore con suite AEAD.
---------------------------------------------------------------

Il cliente ci chiede una dichiarazione su quando verrà sistemato, perché
deve allegarla alla documentazione per il proprio DPO. Potete darci
un'indicazione? Se è una scelta voluta per compatibilità con client vecchi
ci basta saperlo e lo spieghiamo noi.

Grazie e buon lavoro,
Alessia Bruno
WebPiù - servizi internet per professionisti
Tel. 0805 000 312
""",
    label=lab("vulnerability", "it", reported=5.3,
              fix="disabilitare TLS 1.0 e 1.1")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(
    file="028-scanner-exposed-git-directory.eml",
    headers=[("From", "ExposureWatch <alerts@exposurewatch.example>"),
             ("To", "security@example.test"),
             ("Subject", "[ExposureWatch] 1 new high finding on example.test: Exposed Git repository"),
             ("Date", "Tue, 01 Jul 2025 03:15:00 +0000"),
             ("Message-ID", "<ew-finding-5f3a9b21@exposurewatch.example>"),
             ("Auto-Submitted", "auto-generated")],
    text="""ExposureWatch - External Attack Surface Monitoring
Organisation: Example Hosting (trial)
Scan: weekly-full, completed 2025-07-01 03:11 UTC

NEW FINDING
-----------
ID:          EW-2025-0701-0147
Title:       Exposed Git repository
Host:        status.example.test
URL:         https://status.example.test/.git/HEAD
Evidence:    HTTP 200, body "ref: refs/heads/main"
             /.git/config reachable (remote: git@git.internal.example.test:ops/status-page.git)
             /.git/index reachable (412 entries)
Severity:    High
CVSS:        CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N
Confidence:  Confirmed

Description:
The web server exposes the .git directory of the deployed application. An
attacker can reconstruct the source tree and its history, which often
contains credentials, API keys or internal hostnames.

Remediation:
Block access to /.git/ at the web server (e.g. "location ~ /\\.git { deny
all; }" for nginx) and remove the directory from the document root. Rotate
any secret found in the repository history.

References:
- CWE-527: Exposure of Version-Control Repository to an Unauthorized Control Sphere

Manage alert settings: https://app.exposurewatch.example/settings/alerts
""",
    label=lab("vulnerability", "en",
              vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score=7.5,
              fix="Block access to /.git/ at the web server")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(
    file="029-csirt-regionale-credenziali-telegram.eml",
    headers=[("From", "CSIRT Regione Alpina <csirt@regione-alpina.example>"),
             ("To", "security@example.test"),
             ("Subject", "[TLP:AMBER] Credenziali di accesso al pannello clienti diffuse su canale Telegram - rif. CSIRT-RA-2025-219"),
             ("Date", "Wed, 18 Jun 2025 14:22:51 +0200"),
             ("Message-ID", "<CSIRT-RA-2025-219@csirt.regione-alpina.example>")],
    text="""TLP:AMBER

Spett.le Example Hosting,

nel corso delle attività di monitoraggio di fonti aperte e chiuse, questo
CSIRT ha rilevato, in data 17 giugno 2025, la pubblicazione su un canale
Telegram dedicato alla compravendita di "combo list" di un file denominato
"hosting_IT_panel_june.txt".

Il file contiene 1.214 righe nel formato URL:utente:password; 612 di esse
fanno riferimento all'URL https://panel.example.test/login. Tra gli utenti
figurano indirizzi di 37 enti locali della Regione, che sono stati
contestualmente informati.

Dall'analisi a campione le credenziali sembrano provenire da infostealer
installati sui computer degli utenti, non da una violazione dei Vostri
sistemi; non è comunque possibile escluderlo.

Si suggerisce di:
  1. forzare il reset delle password per le utenze presenti nell'elenco
     (il file Vi viene trasmesso separatamente tramite canale cifrato);
  2. verificare gli accessi effettuati con tali utenze negli ultimi 30
     giorni;
  3. valutare l'obbligo del secondo fattore di autenticazione.

Si suggerisce inoltre di comunicare agli utenti interessati un messaggio
del tipo: "la Sua password del pannello è stata trovata in un elenco
diffuso online; l'abbiamo disattivata per sicurezza. Le consigliamo di
verificare il Suo computer con un antivirus aggiornato."

Rimaniamo a disposizione per ogni chiarimento.

Il gruppo di risposta agli incidenti
CSIRT Regione Alpina
""",
    label=lab("incident", "it",
              fix="forzare il reset delle password",
              cust="è stata trovata in un elenco")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(
    file="030-researcher-thanks-after-fix.eml",
    headers=[("From", "Nadia Abernethy <nadia@abernethy.example>"),
             ("To", "Example Hosting Security <security@example.test>"),
             ("Subject", "Re: [SEC-2025-0291] CVE-2025-30999 - fixed, advisory published"),
             ("Date", "Tue, 03 Jun 2025 19:27:30 +0100"),
             ("Message-ID", "<A81F2C4E-7B3D-4E55-9C0A-3E1F5D2B6A77@abernethy.example>"),
             ("In-Reply-To", "<SEC-2025-0291-close@example.test>")],
    text="""Thank you! Confirmed on my side, the DNS zone import no longer follows
the $INCLUDE path. Credit line in the advisory looks great.

It was a pleasure working with you, genuinely one of the smoother
disclosures I've had this year.

Nadia

> On 3 Jun 2025, at 10:14, Example Hosting Security <security@example.test> wrote:
>
> Hi Nadia,
>
> We have deployed the fix for the issue you reported (CVE-2025-30999,
> zone file import following $INCLUDE directives) to all DNS clusters as
> of this morning, and published advisory NIM-2025-007 with credit to you
> as requested.
>
> Thank you again for the clear report and for your patience.
>
> Best regards,
> Example Hosting Security Team
""",
    label=lab("unknown", "en", cves=["CVE-2025-30999"])))

# ---------------------------------------------------------------- 031
MAILS.append(dict(
    file="031-sviluppatore-plugin-wp-installer.eml",
    headers=[("From", "Matteo Lombardini <matteo@lombardini-dev.example>"),
             ("To", "security@example.test"),
             ("Subject", "Vulnerabilità nel plugin Prenota Facile incluso nel vostro installer WordPress (CVE-2025-39520)"),
             ("Date", "Thu, 10 Jul 2025 16:05:27 +0200"),
             ("Message-ID", "<3c8a1f0e-55d2-4b11-a2f7-lombardini@lombardini-dev.example>")],
    charset="iso-8859-1", cte="8bit",
    text="""Buongiorno,

sono lo sviluppatore del plugin WordPress "Prenota Facile", che ho visto
essere preinstallato nel vostro installer one-click "WordPress per
ristoranti". Vi scrivo per avvisarvi di una vulnerabilità che ho corretto
ieri e per cui è stato assegnato il CVE-2025-39520.

In breve: l'azione AJAX pf_export_bookings era registrata anche per utenti
non autenticati (wp_ajax_nopriv_) e restituiva in CSV tutte le prenotazioni
con nome, telefono ed email dei clienti del ristorante. Non serviva nessun
nonce.

Valutazione secondo CVSS 4.0:
CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N

(ho messo VI:L perché la stessa azione permetteva anche di segnare le
prenotazioni come annullate)

Le versioni dalla 2.5.0 alla 2.8.0 sono vulnerabili. La soluzione è
aggiornare il plugin alla 2.8.1, già pubblicata sul repository ufficiale.
Dato che il vostro installer mette la 2.7.3, andrebbe aggiornato anche il
pacchetto di installazione, altrimenti i nuovi siti nascono vulnerabili.

Se volete avvisare i vostri clienti ho preparato un testo breve:

  Gentile cliente, nel Suo sito è installato il plugin Prenota Facile.
  Una versione precedente poteva esporre l'elenco delle prenotazioni:
  La invitiamo ad aggiornarlo dalla bacheca di WordPress.

Grazie e buon lavoro,
Matteo Lombardini
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-39520"],
              vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", score=6.9,
              fix="aggiornare il plugin alla 2.8.1",
              cust="poteva esporre l'elenco")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(
    file="032-subprocessor-dpo-smtp-relay-breach.eml",
    headers=[("From", "Postwise Privacy Office <privacy@postwise.example>"),
             ("To", "security@example.test, dpo@example.test"),
             ("Subject", "Sub-processor security incident notification - Postwise transactional relay - PW-INC-2025-03"),
             ("Date", "Fri, 25 Apr 2025 16:40:00 +0000"),
             ("Message-ID", "<PW-INC-2025-03.exhosting@postwise.example>")],
    text="""Dear Example Hosting team,

In line with our obligations under the Data Processing Addendum, Postwise
(your transactional e-mail sub-processor) is notifying you of a security
incident that affected part of the data we process on your behalf.

**Incident reference:** PW-INC-2025-03

**What happened:** On 22 April 2025 an attacker used a support engineer's
session token, stolen via malware on the engineer's laptop, to access our
internal message-search tool for roughly 3 hours (13:05-16:10 UTC).

**Data affected:** metadata and bodies of transactional e-mails sent through
your account between 8 and 22 April 2025 (password reset e-mails, invoice
notifications, domain expiry reminders). We estimate 41,300 messages and
about 18,900 distinct recipient addresses. Password reset links in those
messages were valid for 60 minutes; we have no evidence that any was used.

**What we have done:**
- the engineer's sessions were revoked and the laptop isolated at 16:10 UTC;
- we rotated all SMTP API keys for affected accounts, including yours, on
  23 April; new keys are available in your Postwise dashboard;
- access to the message-search tool now requires hardware-key MFA.

**What we recommend you do:** deploy the new API key and consider
invalidating password reset tokens issued in the period.

**Proposed customer notice** (feel free to adapt):
> Between 8 and 22 April 2025 an unauthorised party was able to view some
> automated e-mails we sent you, such as invoice notifications. Your
> password was not exposed; if you requested a password reset in that
> period, please change your password again.

A full incident report will follow within 14 days. Our DPO, Femke de Wit,
can be reached at the address above.

Kind regards,
Femke de Wit
Data Protection Officer, Postwise B.V.
""",
    label=lab("incident", "en",
              fix="we rotated all SMTP API keys",
              cust="an unauthorised party was able to")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(
    file="033-pec-comune-richiesta-documentazione-acn.eml",
    headers=[("From", "Comune di Pietrafonda - Servizi Informatici <ced@pec.comune-pietrafonda.example>"),
             ("To", "security@example.test"),
             ("Subject", "POSTA CERTIFICATA: Richiesta documentazione qualificazione servizi cloud e misure di sicurezza - CIG Z4A3B2C1D0"),
             ("Date", "Mon, 14 Apr 2025 10:15:44 +0200"),
             ("Message-ID", "<opec210.20250414101544.3310.02.1.1@pec.comune-pietrafonda.example>"),
             ("X-Trasporto", "posta-certificata")],
    charset="cp1252", cte="quoted-printable",
    text="""Spett.le Example Hosting S.r.l.,

in relazione all’affidamento del servizio di hosting del sito istituzionale
e della posta elettronica (CIG Z4A3B2C1D0), e in vista della verifica
annuale prevista dal capitolato, si chiede di voler trasmettere, all’indirizzo
PEC del mittente, la seguente documentazione:

a) estremi della qualificazione dei servizi cloud presso l’Agenzia per la
   Cybersicurezza Nazionale e livello attribuito;
b) copia del certificato ISO/IEC 27001 in corso di validità, con relativo
   campo di applicazione;
c) descrizione sintetica delle misure di sicurezza adottate per i dati del
   Comune, con particolare riferimento a backup, cifratura e ubicazione dei
   data center;
d) nominativo e recapiti del referente per la sicurezza e del Responsabile
   della protezione dei dati;
e) procedura di notifica degli incidenti di sicurezza all’Ente.

Si chiede cortesemente di trasmettere quanto richiesto entro 30 giorni dal
ricevimento della presente.

Distinti saluti

Il Responsabile del Servizio Informatico
Dott. Franco Melis
Comune di Pietrafonda
""",
    label=lab("unknown", "it")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(
    file="034-three-level-forward-open-redirect.eml",
    headers=[("From", "Dana Whitfield <dana.whitfield@corvid-resell.example>"),
             ("To", "security@example.test"),
             ("Subject", "FW: FW: FW: weird redirect on your login page"),
             ("Date", "Wed, 11 Jun 2025 15:55:21 -0700"),
             ("Message-ID", "<MW4PR12MB6611D2@corvid-resell.example>")],
    text="""Forwarding this up the chain, it's about your panel login. Comments from
Greg and me are inline, the original is at the bottom.

Dana Whitfield
Partner Success, Corvid Reselling

From: Greg Holm <greg@holm-it.example>
Sent: Wednesday, June 11, 2025 2:31 PM
To: Dana Whitfield <dana.whitfield@corvid-resell.example>
Subject: FW: FW: weird redirect on your login page

Dana - one of my clients found this. I reproduced it, it's real. Can you
get it to the hosting people? It's not something we can fix on our side.

Greg

From: Sophie Marr <sophie@marr-bakery.example>
Sent: Wednesday, June 11, 2025 9:02 AM
To: Greg Holm <greg@holm-it.example>
Subject: FW: weird redirect on your login page

Greg, my nephew sent me this, is it a problem??

From: Tom Marr <tom.marr.dev@mailbox.example>
Sent: Tuesday, June 10, 2025 10:47 PM
To: Sophie Marr <sophie@marr-bakery.example>
Subject: weird redirect on your login page

Hey aunt Sophie, while helping you with the website I noticed the login
page of your hosting company has an open redirect. If you log in with

https://panel.example.test/login?next=//evil.example/fake-panel

you get sent straight to evil.example after a successful login, no
warning.

[Greg: confirmed, also works with next=https:%2F%2Fevil.example]

Somebody could send that link to customers: they log in on the real site,
then land on a fake "session expired, log in again" page and type their
password a second time there.

[Dana: I'd call this medium, the scanner we use says score: 4.7 (medium)
for open redirects]

Not a huge deal but worth telling them.

Tom
""",
    label=lab("vulnerability", "en", reported=4.7)))

# ---------------------------------------------------------------- 035
MAILS.append(dict(
    file="035-rivenditore-defacement-sito-cliente.eml",
    headers=[("From", "Gianni Ferretti <gianni@ferretti-web.example>"),
             ("To", "security@example.test"),
             ("Subject", "I: sito bucato!!"),
             ("Date", "Sat, 19 Jul 2025 08:03:17 +0200"),
             ("Message-ID", "<8f1a2c3d4e.ferretti@ferretti-web.example>")],
    charset="cp1252", cte="quoted-printable",
    text="""Vedi sotto. Urgente, è sul vostro hosting.

Gianni

-------- Messaggio inoltrato --------
Oggetto: sito bucato!!
Data: Sat, 19 Jul 2025 07:41:02 +0200
Mittente: Luca Bertoli <info@agriturismo-ilpoggio.example>
A: Gianni Ferretti <gianni@ferretti-web.example>

Gianni buongiorno, scusa l’orario ma stamattina aprendo il sito
dell’agriturismo al posto della home c’è una pagina nera con una bandiera e
una scritta in arabo, e sotto "hacked by" e un nome. L’ho vista io dal
telefono e me l’ha confermato anche un cliente che voleva prenotare per
agosto. Ieri sera alle 23 era tutto normale perché ho aggiornato i prezzi.
Nella cartella del sito, da quello che riesco a vedere col programma FTP,
c’è un file index.html nuovo con data di stanotte alle 3 e una cartella
che si chiama "x" che non ho mai creato. Non ho toccato niente perché non
so cosa fare e ho paura di peggiorare le cose. Siamo in piena stagione,
mi aiuti tu o devo chiamare quelli dell’hosting?

Luca
Agriturismo Il Poggio
""",
    label=lab("incident", "it")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(
    file="036-msp-fwd-kestrel-psirt-advisory-html.eml",
    headers=[("From", "Arjun Mehta <arjun.mehta@bluefjord-ms.example>"),
             ("To", "security@example.test"),
             ("Cc", "noc@example.test"),
             ("Subject", "Fwd: Kestrel Networks Security Advisory KSA-2025-014 (CVE-2025-27764) - KOS management plane"),
             ("Date", "Thu, 08 May 2025 09:37:02 +0100"),
             ("Message-ID", "<CAB4k2m0Yx1Q-fwd-KSA014@bluefjord-ms.example>")],
    text="""Hi team,

Forwarding the Kestrel advisory below, since we manage the four KLB-8000
load balancers in front of your Milan and Frankfurt clusters. All four run
KOS 12.4.2 and their management interface is on the OOB network only, so
exposure is limited, but the upgrade is still needed.

We can do the upgrade in the maintenance window on Tuesday night if you
approve it; each pair fails over cleanly so there should be no downtime.

Arjun Mehta
Service Delivery Manager, Bluefjord Managed Services

---------- Forwarded message ---------
From: Kestrel Networks PSIRT <psirt@kestrel-networks.example>
Date: Wed, 7 May 2025 at 18:00
Subject: Kestrel Networks Security Advisory KSA-2025-014 (CVE-2025-27764) - KOS management plane
To: <partners@kestrel-networks.example>

Kestrel Networks Security Advisory KSA-2025-014

Summary: A race condition in the session handling of the KOS management web
interface may allow an unauthenticated remote attacker to obtain an
administrative session.

CVE ID: CVE-2025-27764
CVSS v3.1: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H (8.1)
CVSS v4.0: CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (9.2)
Affected: KOS 12.2.0 through 12.4.6
Fixed release: Upgrade to KOS 12.4.7 or later
Workaround: restrict access to the management interface to trusted hosts

Kestrel Networks is not aware of malicious use of this vulnerability.
""",
    html="""<html><body style="font-family:Calibri,Arial,sans-serif;font-size:14px">
<p>Hi team,</p>
<p>Forwarding the Kestrel advisory below, since we manage the four KLB-8000 load balancers in front of your Milan and Frankfurt clusters. All four run KOS 12.4.2 and their management interface is on the OOB network only, so exposure is limited, but the upgrade is still needed.</p>
<p>We can do the upgrade in the maintenance window on Tuesday night if you approve it; each pair fails over cleanly so there should be no downtime.</p>
<p>Arjun Mehta<br>Service Delivery Manager, Bluefjord Managed Services</p>
<div style="border-top:1px solid #ccc;padding-top:8px;margin-top:12px">
<p>---------- Forwarded message ---------<br>From: Kestrel Networks PSIRT (psirt@kestrel-networks.example)<br>Date: Wed, 7 May 2025 at 18:00<br>Subject: Kestrel Networks Security Advisory KSA-2025-014 (CVE-2025-27764) - KOS management plane<br>To: partners@kestrel-networks.example</p>
<h2 style="color:#1f4e79">Kestrel Networks Security Advisory KSA-2025-014</h2>
<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse;font-size:13px">
<tr><th align="left" style="background:#deeaf6">Summary</th><td>A race condition in the session handling of the KOS management web interface may allow an unauthenticated remote attacker to obtain an administrative session.</td></tr>
<tr><th align="left" style="background:#deeaf6">CVE ID</th><td>CVE-2025-27764</td></tr>
<tr><th align="left" style="background:#deeaf6">CVSS v3.1</th><td>CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H (8.1)</td></tr>
<tr><th align="left" style="background:#deeaf6">CVSS v4.0</th><td>CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (9.2)</td></tr>
<tr><th align="left" style="background:#deeaf6">Affected</th><td>KOS 12.2.0 through 12.4.6</td></tr>
<tr><th align="left" style="background:#deeaf6">Fixed release</th><td>Upgrade to KOS 12.4.7 or later</td></tr>
<tr><th align="left" style="background:#deeaf6">Workaround</th><td>restrict access to the management interface to trusted hosts</td></tr>
</table>
<p>Kestrel Networks is not aware of malicious use of this vulnerability.</p>
</div>
</body></html>
""",
    label=lab("vulnerability", "en", cves=["CVE-2025-27764"],
              vector="CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score=9.2,
              fix="Upgrade to KOS 12.4.7 or later")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(
    file="037-portale-ticket-html-token-reset-non-scade.eml",
    headers=[("From", "Portale Assistenza Example Hosting <assistenza-noreply@example.test>"),
             ("To", "security@example.test"),
             ("Subject", "[Ticket #AS-209471] Nuovo ticket categoria Sicurezza: Il link di reset password non scade"),
             ("Date", "Tue, 22 Jul 2025 10:48:13 +0200"),
             ("Message-ID", "<AS-209471.new@assistenza.example.test>"),
             ("Auto-Submitted", "auto-generated")],
    html="""<html><head><meta charset="utf-8"></head>
<body style="font-family:Tahoma,Arial,sans-serif;font-size:13px;color:#333">
<div style="background:#e8f0f8;padding:8px 12px;border-bottom:2px solid #3a7bc8"><b>Portale Assistenza</b> - notifica automatica</div>
<p>È stato aperto un nuovo ticket nella coda <b>Sicurezza</b>.</p>
<table cellpadding="6" cellspacing="0" border="1" style="border-collapse:collapse;border-color:#bbb">
<tr><th align="left" style="background:#f0f0f0">Numero</th><td>AS-209471</td></tr>
<tr><th align="left" style="background:#f0f0f0">Cliente</th><td>Studio Tecnico Ing. Russo (cod. 88130)</td></tr>
<tr><th align="left" style="background:#f0f0f0">Contatto</th><td>Marta Russo</td></tr>
<tr><th align="left" style="background:#f0f0f0">Categoria</th><td>Sicurezza / Account</td></tr>
<tr><th align="left" style="background:#f0f0f0">Priorità indicata dal cliente</th><td>Alta</td></tr>
<tr><th align="left" style="background:#f0f0f0">Canale</th><td>Modulo web</td></tr>
</table>
<h3 style="font-size:14px">Descrizione</h3>
<div style="border:1px solid #ddd;padding:10px;background:#fafafa">
<p>Salve, il mese scorso ho chiesto il reset della password del pannello e non l'ho usato perché poi mi sono ricordata la password. Ieri, sistemando la posta, ho ritrovato la mail e per curiosità ho cliccato il link: mi ha fatto impostare una nuova password ed entrare, dopo più di 30 giorni.</p>
<p>Non dovrebbe scadere? Se qualcuno mi avesse letto la posta vecchia avrebbe potuto entrare nel pannello. Inoltre ho notato che anche il link di una richiesta precedente, di febbraio, funziona ancora, quindi non vengono invalidati neanche quando se ne chiede uno nuovo.</p>
<p>Grazie</p>
<p>Marta Russo</p>
</div>
<p style="font-size:11px;color:#888">Per rispondere al cliente utilizzare il portale: https://assistenza.example.test/ticket/AS-209471. Non rispondere a questa email.</p>
</body></html>
""",
    label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(
    file="038-ssrf-image-proxy-iphone.eml",
    headers=[("From", "Fabio Esposito <fabio.esposito@icloud.example>"),
             ("To", "security@example.test"),
             ("Subject", "ssrf image proxy"),
             ("Date", "Sun, 27 Jul 2025 00:41:09 +0200"),
             ("Message-ID", "<F2E9A7C1-0B6D-4A8E-B3C4-77D1E2A9F0B3@icloud.example>")],
    text="""ciao, il vostro proxy immagini della webmail (img.example.test/p?u=) scarica
qualsiasi url, anche http://169.254.169.254/latest/meta-data/ e mi
restituisce la risposta come "immagine" rotta, ma nel sorgente c'è il testo.
ho visto i nomi delle instance role. non sono andato oltre.
fatemi sapere

Inviato da iPhone
""",
    label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(
    file="039-compliance-offboarding-api-keys-persist.eml",
    headers=[("From", "Lucinda Harrow <l.harrow@grafton-insurance.example>"),
             ("To", "security@example.test"),
             ("Cc", "it-ops@grafton-insurance.example"),
             ("Subject", "Audit observation: API keys survive deletion of the user who created them"),
             ("Date", "Mon, 28 Jul 2025 14:06:50 +0100"),
             ("Message-ID", "<LO2P265MB5120A9@grafton-insurance.example>")],
    text="""Good afternoon,

I am Head of IT Compliance at Grafton Insurance (customer account
GRF-00412). During our quarterly access review we found a behaviour of your
control panel that our internal audit has classified as a control weakness,
and I was asked to raise it with you formally.

Observation

When a sub-user is removed from our organisation in the panel
(Settings > Team > Remove member), the API keys that user created remain
active and are not shown anywhere in the organisation's key list. They
only appear under "My API keys" of the user who created them, which
nobody can see once the user is gone. We confirmed with a test user on
21 July: after removal, the user's key could still list and restart our
virtual machines.

We have no indication that any former employee has actually used a key
after leaving; the review found three orphaned keys by asking your support
staff, and the logs you provided show no use after the owners left.

Interim measure

As a workaround we rotated all keys manually and now require staff to
delete their own keys before their last day. This relies on people
remembering, so it is not a satisfactory control for us.

Request

Please let us know whether you plan to (a) revoke or reassign keys when
a member is removed, and (b) give organisation owners visibility of all
keys. Our audit committee meets on 15 September and I would like to
report a vendor response by then.

Kind regards,

Lucinda Harrow
Head of IT Compliance
Grafton Insurance plc

This email and any attachments are confidential and intended solely for the
addressee. Grafton Insurance plc is authorised and regulated by the
Financial Conduct Authority.
""",
    label=lab("vulnerability", "en",
              fix="we rotated all keys manually")))

# ---------------------------------------------------------------- 040
MAILS.append(dict(
    file="040-cert-settore-dati-su-leak-site-ransomware.eml",
    headers=[("From", "CERTBanca - Incident Response <ir@certbanca.example>"),
             ("To", "security@example.test"),
             ("Subject", "[TLP:AMBER] Presenza di dati riconducibili a Example Hosting su sito di leak ransomware - CB-2025-0331"),
             ("Date", "Wed, 30 Jul 2025 18:12:40 +0200"),
             ("Message-ID", "<CB-2025-0331.notifica@certbanca.example>")],
    text="""TLP:AMBER

Alla cortese attenzione del Responsabile della sicurezza

CERTBanca, nell'ambito del servizio di threat intelligence offerto ai
propri aderenti e ai relativi fornitori critici, Vi informa che in data
29 luglio 2025 il gruppo ransomware noto come "NightOrchid" ha pubblicato
sul proprio sito di leak un annuncio che cita esplicitamente Example Hosting
S.r.l., con un conto alla rovescia di 6 giorni.

A supporto della rivendicazione sono stati pubblicati:
- una schermata di un elenco di directory che sembra appartenere a un file
  server interno ("\\\\fs01\\amministrazione\\contratti\\2025");
- due PDF di contratti di fornitura con un nostro aderente, che ci ha
  confermato l'autenticità dei documenti;
- un estratto di circa 200 righe di un file denominato "utenti_vpn.csv".

Non siamo in grado di stabilire se l'accesso sia ancora in corso. Data la
natura dei dati pubblicati, si raccomanda di reimpostare le credenziali
degli account VPN e di dominio, di verificare gli accessi remoti degli
ultimi 60 giorni e di preservare i log per le successive analisi.

Vi chiediamo di comunicarci, anche in via preliminare, l'esito delle
verifiche, considerato che diversi nostri aderenti si avvalgono dei Vostri
servizi.

Le informazioni sono classificate TLP:AMBER e non devono essere diffuse
al di fuori della Vostra organizzazione.

Cordiali saluti
CERTBanca - Incident Response Team
""",
    label=lab("incident", "it",
              fix="reimpostare le credenziali")))
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
