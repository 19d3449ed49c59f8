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
    file="001-ssrf-nimbus-image-importer.eml",
    headers=[("From", "Tomasz Wierzbicki <tomasz.w@kestrel-research.example>"),
             ("To", "security@example.test"),
             ("Subject", "SSRF in Nimbus Panel \"import image from URL\""),
             ("Date", "Tue, 14 Jan 2025 10:42:17 +0100"),
             ("Message-ID", "<20250114094217.GA3311@kestrel-research.example>")],
    text="""Hi,

I found a server-side request forgery in Nimbus Panel and would like to
report it privately before anything else happens with it.

## Summary

The "Import image from URL" feature in the site builder fetches whatever
URL you hand it, server side, and follows redirects without re-checking
the destination. A logged-in customer (any plan, including the free
trial) can make the panel backend request internal addresses.

## Affected

- Nimbus Panel 7.3.2 (the build your shared hosting uses right now,
  footer says 7.3.2-r4)
- endpoint: POST /builder/api/media/import

## Reproduction

1. Sign up for a trial, open the site builder.
2. Intercept the import request and set "src" to
   http://my-redirector.kestrel-research.example/r?to=http://169.254.169.254/latest/meta-data/
3. The response contains the metadata listing; pulling
   iam/security-credentials/ gives a role name and then temporary keys.

I stopped as soon as I saw a role name. I did not use any credentials.

## Impact

Read access to cloud metadata and anything else reachable from the panel
backend network. I'd score it

CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N

## Suggested fix

Resolve the host yourself, reject redirects to private ranges and to
169.254.0.0/16, and ideally enforce IMDSv2 on those instances so a plain
GET gets nothing.

## If you publish something

If you put out an advisory, something like: "A flaw in the image import
feature could let a logged-in user reach internal services; it has been
fixed and no action is required from you." -- that's how I'd word it
for customers, but your call.

I'm fine with a 90-day window. Credit as "Tomasz Wierzbicki (Kestrel
Research)" if you do credits.

Tomasz
""",
    label=lab("vulnerability", "en",
              vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N", score=7.7,
              fix="reject redirects to private ranges",
              cust="could let a logged-in user reach")))

# ---------------------------------------------------------------- 002
MAILS.append(dict(
    file="002-pec-comune-xss-portale.eml",
    headers=[("From", "\"Per conto di: protocollo@pec.comune-valdoria.example\" <posta-certificata@pec.gestore.example>"),
             ("To", "security@example.test"),
             ("Subject", "POSTA CERTIFICATA: Segnalazione vulnerabilità portale clienti - prot. n. 2025/0001187"),
             ("Date", "Tue, 14 Jan 2025 15:03:51 +0100"),
             ("Message-ID", "<opec210312.20250114150351.08812.04.1.17@pec.gestore.example>"),
             ("X-Trasporto", "posta-certificata")],
    charset="iso-8859-1", cte="quoted-printable",
    text="""Messaggio di posta certificata

Il giorno 14/01/2025 alle ore 15:03:51 (+0100) il messaggio
"Segnalazione vulnerabilità portale clienti - prot. n. 2025/0001187" è stato inviato da "protocollo@pec.comune-valdoria.example"
indirizzato a:
security@example.test
Il messaggio originale è incluso in allegato.
Identificativo messaggio: opec210312.20250114150351.08812.04.1.17@pec.gestore.example

------------------------------------------------------------------

COMUNE DI VALDORIA
Provincia di Nordia
Servizio Sistemi Informativi

Oggetto: segnalazione di possibile vulnerabilità nel portale clienti
"Area Riservata" utilizzato per la gestione dei servizi di hosting
dell'Ente.

Spett.le Società,

con la presente si comunica che, nel corso delle verifiche periodiche
svolte dal fornitore incaricato della sicurezza dell'Ente, è emersa una
possibile vulnerabilità di tipo Cross-Site Scripting riflesso nella
pagina di ricerca delle fatture dell'Area Riservata
(parametro "q" della pagina /area/fatture/cerca).

Inserendo nel campo di ricerca una stringa contenente codice
JavaScript, lo stesso viene eseguito nel browser dell'utente. Il
fornitore ha attribuito alla vulnerabilità un punteggio CVSS 6,1.

Non risulta, allo stato, alcun utilizzo malevolo. Si chiede pertanto
di voler verificare quanto segnalato e di dare riscontro al presente
indirizzo PEC entro 30 giorni, indicando i tempi previsti per la
risoluzione.

Distinti saluti.

Il Responsabile del Servizio Sistemi Informativi
dott. Gianluca Ferretti
(documento firmato digitalmente ai sensi del D.Lgs. 82/2005)
""",
    label=lab("vulnerability", "it", reported=6.1)))

# ---------------------------------------------------------------- 003
MAILS.append(dict(
    file="003-mssp-bruteforce-from-vps.eml",
    headers=[("From", "Watchfloor Tier2 <soc-t2@sentinelgrid-mssp.example>"),
             ("To", "abuse@example.test, security@example.test"),
             ("Subject", "[SGM-INC-88213] SSH brute force originating from your AS64511"),
             ("Date", "Mon, 03 Feb 2025 02:17:40 +0000"),
             ("Message-ID", "<inc-88213.1738549060@sentinelgrid-mssp.example>")],
    text="""SentinelGrid MSSP - Security Operations Center
Automated case export, reviewed by analyst

Case ID:            SGM-INC-88213
Severity:           High
Status:             Open / ongoing
First seen (UTC):   2025-02-02 21:48:03
Last seen (UTC):    2025-02-03 02:09:55
Source IP:          198.51.100.23
Source ASN:         AS64511 (your network)
Target:             bastion hosts of one of our customers (3 IPs, not disclosed)
Protocol/port:      TCP/22
Event count:        41,882 failed authentications
Usernames tried:    root, admin, ubuntu, oracle, git, deploy, test (+212 others)
Pattern:            dictionary, ~3 attempts/s, rotating usernames

Analyst notes:
The source looks like a VPS on your platform (reverse DNS
vps-23.fra2.example.test). Timing and username list match the
"Kinsing"-style spreaders we have been tracking; the box is very likely
compromised rather than operated by a deliberate attacker.
Our customer has already blocked the address at their edge.

Recommended action: please suspend or isolate the instance until its
owner has cleaned it, and let us know the outcome referencing the case ID.

Logs (sanitised, UTC):
2025-02-02T21:48:03Z sshd[1121]: Failed password for root from 198.51.100.23 port 51022 ssh2
2025-02-02T21:48:03Z sshd[1123]: Failed password for admin from 198.51.100.23 port 51030 ssh2
2025-02-02T21:48:04Z sshd[1125]: Invalid user oracle from 198.51.100.23 port 51044

--
Priya Raman, SOC Analyst (Tier 2)
SentinelGrid MSSP | 24x7 +44 20 7946 0000
""",
    label=lab("incident", "en", fix="suspend or isolate the instance")))

# ---------------------------------------------------------------- 004
MAILS.append(dict(
    file="004-cliente-sito-defacciato.eml",
    headers=[("From", "Rosaria Bellomo <rosaria.bellomo.ceramiche@gmail.example>"),
             ("To", "security@example.test"),
             ("Cc", "supporto@example.test"),
             ("Subject", "Re: [Ticket #552190] il mio sito mostra una pagina strana"),
             ("Date", "Tue, 11 Feb 2025 08:55:02 +0100"),
             ("Message-ID", "<CAF9x1k2Lq0-ceramicheBellomo+Yp3@mail.gmail.example>"),
             ("In-Reply-To", "<552190.reply.1@supporto.example.test>")],
    text="""Buongiorno,

come mi avete detto scrivo anche a voi. Stamattina aprendo il sito del
negozio (ceramichebellomo.example) al posto della home c'era una pagina
tutta nera con una scritta in inglese "hacked by" e un nome che non
capisco, e sotto una bandiera. Mio nipote dice che hanno "bucato
WordPress". Io non ho toccato niente da settimane, l'ultima cosa che
ho fatto è stata aggiungere un prodotto venerdì.

Ho provato ad entrare nel pannello di WordPress ma la mia password non
funziona più, e nella lista degli utenti (mio nipote è riuscito ad
entrare dal vostro pannello) c'è un utente "wp_support2" che non
abbiamo creato noi.

Non so cosa fare, il sito è il nostro unico canale di vendita online e
adesso chi lo apre vede quella roba. Vi prego di aiutarmi a capire cosa
è successo e se hanno preso anche i dati dei clienti che hanno
ordinato.

Grazie
Rosaria Bellomo
Ceramiche Bellomo snc

Il giorno lun 10 feb 2025 alle ore 18:31 Supporto Clienti <supporto@example.test> ha scritto:
> Gentile cliente,
>
> la ringraziamo per la segnalazione. Per problemi che potrebbero
> riguardare la sicurezza del sito la invitiamo a scrivere anche
> all'indirizzo security@example.test indicando il numero di ticket,
> in modo che il team dedicato possa prendere in carico la richiesta.
>
> Cordiali saluti,
> Supporto Clienti
""",
    label=lab("incident", "it")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(
    file="005-question-xz-affected.eml",
    headers=[("From", "Dale Okonkwo <dale@brightfern-logistics.example>"),
             ("To", "security@example.test"),
             ("Subject", "xz thing - are your managed servers affected?"),
             ("Date", "Tue, 11 Feb 2025 13:20:44 -0500"),
             ("Message-ID", "<8C1E4D2A-77F1-4B0A-9E1C-55AB0D3F21C7@brightfern-logistics.example>")],
    text="""Hey security team,

quick one. our auditor keeps asking about CVE-2024-3094 (the xz/liblzma
backdoor) and whether the managed Linux boxes you run for us ever had
the bad 5.6.0/5.6.1 packages. I know it's old news but I need something
in writing for the file. Can you confirm yes/no and if you have a
statement I can attach?

thanks
Dale

Sent from my iPhone
""",
    label=lab("unknown", "en", cves=["CVE-2024-3094"])))

# ---------------------------------------------------------------- 006
MAILS.append(dict(
    file="006-bugharbor-saml-signature-bypass.eml",
    headers=[("From", "BugHarbor <notifications@bugharbor.example>"),
             ("To", "security@example.test"),
             ("Subject", "[BugHarbor] New triaged report #41977: SAML assertion signature bypass in Bastion SSO"),
             ("Date", "Wed, 19 Feb 2025 07:04:12 +0000"),
             ("Message-ID", "<report-41977-triaged.0f3a9c@bugharbor.example>")],
    text="""BugHarbor - report triaged

Program:   Altavia Hosting (private)
Report:    #41977
Title:     SAML assertion signature bypass in Bastion SSO
Asset:     sso.example.test (Bastion SSO 2.8)
Reporter:  @nullbyte_marisol
Triaged by: BugHarbor triage team (hx-vera)

Severity (reporter):  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N
Severity (triage):    CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

Summary
Bastion SSO only checks the signature on the outer Response element.
An attacker who has any valid signed response from the IdP can wrap it
and inject a second, unsigned Assertion with a different NameID; the SP
consumes the unsigned one. Triage reproduced login as an arbitrary
tenant admin on the staging tenant provided.

Remediation guidance (from researcher)
Verify the signature over the whole Assertion element that is actually
consumed, and reject responses containing more than one Assertion.

Bounty: pending program decision
View the full report, attachments and timeline:
https://bugharbor.example/reports/41977

You are receiving this because you are a member of the Altavia Hosting
program team. Manage notifications in your BugHarbor settings.
""",
    html="""<html><body style="font-family:Arial,sans-serif">
<h2>BugHarbor &mdash; report triaged</h2>
<table cellpadding="4">
<tr><th align="left">Program</th><td>Altavia Hosting (private)</td></tr>
<tr><th align="left">Report</th><td>#41977</td></tr>
<tr><th align="left">Title</th><td>SAML assertion signature bypass in Bastion SSO</td></tr>
<tr><th align="left">Asset</th><td>sso.example.test (Bastion SSO 2.8)</td></tr>
<tr><th align="left">Reporter</th><td>@nullbyte_marisol</td></tr>
<tr><th align="left">Severity (reporter)</th><td>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N</td></tr>
<tr><th align="left">Severity (triage)</th><td>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N</td></tr>
</table>
<h3>Summary</h3>
<p>Bastion SSO only checks the signature on the outer Response element.
An attacker who has any valid signed response from the IdP can wrap it
and inject a second, unsigned Assertion with a different NameID; the SP
consumes the unsigned one. Triage reproduced login as an arbitrary
tenant admin on the staging tenant provided.</p>
<h3>Remediation guidance (from researcher)</h3>
<p>Verify the signature over the whole Assertion element that is actually
consumed, and reject responses containing more than one Assertion.</p>
<p>Bounty: pending program decision<br>
<a href="https://bugharbor.example/reports/41977">View the full report</a></p>
<p style="font-size:11px;color:#777">You are receiving this because you are a member of the Altavia Hosting program team.</p>
</body></html>
""",
    label=lab("vulnerability", "en",
              vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=9.3,
              fix="Verify the signature over the whole")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(
    file="007-vendor-pdfonderia-avviso.eml",
    headers=[("From", "Team Sicurezza PDFonderia <security@pdfonderia.example>"),
             ("To", "security@example.test"),
             ("Subject", "[Avviso preventivo] PDFonderia < 4.7.2 - CVE-2025-41822"),
             ("Date", "Wed, 19 Feb 2025 16:45:09 +0100"),
             ("Message-ID", "<adv-2025-03.pre@pdfonderia.example>")],
    text="""Gentili colleghi,

vi scriviamo in quanto risultate tra gli utilizzatori commerciali della
nostra libreria PDFonderia (nel vostro caso, se non ci sbagliamo, è
integrata nel modulo di generazione fatture di Quaderno).

Il 4 marzo pubblicheremo l'advisory per CVE-2025-41822: nelle versioni
precedenti alla 4.7.2, un PDF costruito ad arte con un font Type 3
malformato provoca una scrittura fuori dai limiti nel rasterizzatore.
Nei nostri test porta al crash del processo; non abbiamo ancora escluso
l'esecuzione di codice, quindi lo trattiamo come grave.

Per voi la cosa rilevante è se Quaderno rasterizza PDF caricati dagli
utenti (es. anteprima dei documenti allegati). Se sì, siete esposti.

Cosa fare
La correzione è già disponibile: aggiornate a PDFonderia 4.7.2 (o alla
4.6.9 se siete sul ramo LTS). Se per qualche motivo non potete
aggiornare subito, disattivare la rasterizzazione dell'anteprima
elimina il vettore d'attacco.

Comunicazione ai vostri clienti
Lasciamo a voi la decisione, ma se dovete avvisare i vostri utenti noi
useremmo una formula tipo: "abbiamo aggiornato un componente di terze
parti usato per le anteprime PDF; non è richiesta alcuna azione da
parte vostra".

Vi chiediamo di mantenere riservata l'informazione fino al 4 marzo.

Cordiali saluti,
Elisa Marchetti
Product Security Lead - PDFonderia
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-41822"],
              fix="aggiornate a PDFonderia 4.7.2",
              cust="aggiornato un componente di terze parti")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(
    file="008-fwd-phishing-brand-short-comment.eml",
    headers=[("From", "Marcus Bell <marcus.bell@example.test>"),
             ("To", "security@example.test"),
             ("Subject", "Fwd: Is this email really from you??"),
             ("Date", "Thu, 27 Feb 2025 11:02:33 +0000"),
             ("Message-ID", "<CAH7n0x=bell.fwd.0227@mail.example.test>")],
    text="""fyi, 3rd one this week

---------- Forwarded message ---------
From: Jenny Parfitt <jenny@parfittdesign.example>
Date: Thu, 27 Feb 2025 at 10:41
Subject: Is this email really from you??
To: <support@example.test>


Hi there,

I just got the email below and it looks like yours (your logo, your
colours) but the link goes to some weird address. I didn't click it. My
colleague Tom did though, and he typed in his login before we realised.
Is our account ok??

Jenny

----- the email -----
From: "Altavia Hosting Billing" <billing@altavia-renewals.example>
Subject: Action required: your domain parfittdesign.example expires in 24h

Dear customer, your payment method was declined. To avoid suspension of
your domain and mailboxes please update your card within 24 hours:
https://altavia-renewals.example/login/verify?c=PRF2231

Altavia Hosting - Billing Department
""",
    label=lab("incident", "en")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(
    file="009-csirt-host-compromessi-tlp-amber.eml",
    headers=[("From", "CSIRT Nazionale Nordia <segnalazioni@csirt-nordia.example>"),
             ("To", "security@example.test"),
             ("Subject", "[TLP:AMBER] Host compromessi nel vostro AS - rif. CSN-2025-01942"),
             ("Date", "Tue, 04 Mar 2025 09:30:00 +0100"),
             ("Message-ID", "<CSN-2025-01942.notifica@csirt-nordia.example>")],
    charset="cp1252", cte="8bit",
    text="""TLP:AMBER – diffusione limitata all’organizzazione destinataria e ai
suoi fornitori, solo per finalità di gestione dell’incidente.

Riferimento: CSN-2025-01942
Data: 04/03/2025

Gentile referente,

nell’ambito delle attività di monitoraggio, questo CSIRT ha rilevato
che i seguenti sistemi, appartenenti allo spazio di indirizzamento da
voi gestito (AS64511), risultano compromessi mediante lo sfruttamento
della vulnerabilità CVE-2024-47575 e contattano un’infrastruttura di
comando e controllo nota.

  IP              Porta   Prima osservazione (UTC)   Indicatore
  203.0.113.14    541     2025-03-01 22:10          beacon verso 192.0.2.77
  203.0.113.15    541     2025-03-01 22:14          beacon verso 192.0.2.77
  203.0.113.201   541     2025-03-02 03:47          file /tmp/.fgt_ts presente

Valutazione della vulnerabilità secondo il produttore:
CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H

Si raccomanda di aggiornare senza indugio i sistemi interessati alla
versione corretta indicata dal produttore e, considerato lo stato di
compromissione, di procedere alla reinstallazione e alla sostituzione
di tutte le credenziali presenti sugli apparati.

Si prega di confermare la presa in carico rispondendo a questa
comunicazione, mantenendo il riferimento in oggetto.

Cordiali saluti
CSIRT Nazionale Nordia – Gestione Incidenti
""",
    label=lab("incident", "it", cves=["CVE-2024-47575"],
              vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", score=9.8,
              fix="aggiornare senza indugio i sistemi")))

# ---------------------------------------------------------------- 010
MAILS.append(dict(
    file="010-terse-idor-invoices.eml",
    headers=[("From", "kr0nos <kr0nos@protonmail.example>"),
             ("To", "security@example.test"),
             ("Subject", "idor"),
             ("Date", "Tue, 04 Mar 2025 23:58:10 +0000"),
             ("Message-ID", "<kR0n0s-x81Qa@protonmail.example>")],
    text="""GET /api/v2/billing/invoices/{id}/pdf

change id, get anyone's invoice. name, address, VAT number, amounts.
ids are sequential. tested with two accounts of mine, 148812 and
148813, then one that isn't mine just to confirm. deleted it.

I'd say 7.5. fix it.
""",
    label=lab("vulnerability", "en", reported=7.5)))

# ---------------------------------------------------------------- 011
MAILS.append(dict(
    file="011-angry-customer-dns-hijack.eml",
    headers=[("From", "Gareth Lloyd-Hughes <gareth@lloydhughes-joinery.example>"),
             ("To", "support@example.test, security@example.test"),
             ("Subject", "SOMEONE CHANGED MY DNS - WHAT ARE YOU DOING ABOUT IT"),
             ("Date", "Wed, 12 Mar 2025 07:12:48 +0000"),
             ("Message-ID", "<DB9PR03MB7712A1E4C3F0B2@DB9PR03MB7712.eurprd03.prod.outlook.example>")],
    text="""I am absolutely furious.

At some point last night someone logged into MY account on your control
panel and changed the MX and A records for lloydhughes-joinery.example.
Our website now points to some online casino and we have had NO email
since about 2am. Customers are ringing the office asking if we've gone
bust.

I got an email from you at 01:53 saying "new login from Jakarta". I
have never been to Jakarta. Why did your system let someone log in from
the other side of the world with no questions asked?? Why is there no
alert that actually stops it?

I've reset my password and turned on 2FA myself this morning, and put
the records back from a screenshot, but I want to know:
 - how they got in
 - what else they looked at (our invoices? card details?)
 - why I had to find out from my own customers

I expect a phone call today, not a ticket number.

Gareth Lloyd-Hughes
Director
Lloyd-Hughes Joinery Ltd
T: 01632 960 118
""",
    label=lab("incident", "en", fix="reset my password and turned on 2FA")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(
    file="012-universita-questionario-fornitori.eml",
    headers=[("From", "Ufficio Acquisti - Ateneo di Borgomonte <acquisti.ict@unibm.example>"),
             ("To", "security@example.test"),
             ("Subject", "Richiesta compilazione questionario di sicurezza fornitori ICT"),
             ("Date", "Wed, 12 Mar 2025 12:37:05 +0100"),
             ("Message-ID", "<4f21c0e9-3b7a-4c11-9d5e-acq2025q.unibm@unibm.example>")],
    charset="iso-8859-1", cte="quoted-printable",
    text="""Gentili,

nell'ambito del rinnovo del contratto per i servizi di hosting del
portale di Ateneo (CIG 00ZZ11YY22), l'Università è tenuta a raccogliere
da ciascun fornitore ICT le informazioni sulle misure di sicurezza
adottate, secondo le Misure minime AgID e i requisiti del proprio
regolamento interno.

Vi chiediamo quindi di compilare il questionario allegato (27 domande,
formato .xlsx) e di restituircelo firmato dal vostro responsabile della
sicurezza entro venerdì 28 marzo. Se disponete di certificazioni ISO/IEC
27001 o di report di penetration test recenti, potete allegarli in
luogo delle risposte alle sezioni 4 e 5.

Per chiarimenti sono a disposizione al numero interno 4412.

Cordiali saluti,

Dott.ssa Lucia Pennacchio
Ufficio Acquisti e Contratti ICT
Ateneo di Borgomonte

---
Il contenuto di questa e-mail è riservato ed è destinato
esclusivamente al destinatario. Se avete ricevuto questo messaggio per
errore vi preghiamo di informarci e di cancellarlo.
""",
    label=lab("unknown", "it")))

# ---------------------------------------------------------------- 013
MAILS.append(dict(
    file="013-pgp-session-fixation-ferrovia.eml",
    headers=[("From", "Amara Nwosu <amara@nwosu-sec.example>"),
             ("To", "security@example.test"),
             ("Subject", "Session fixation in Ferrovia CMS admin login"),
             ("Date", "Thu, 20 Mar 2025 19:26:31 +0000"),
             ("Message-ID", "<a0b1c2d3e4f5.nwosu@nwosu-sec.example>")],
    text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

Hello Altavia security,

Reporting a session fixation issue in Ferrovia CMS (tested on the
hosted edition, version string 4.11.0).

What happens: the admin login at /fcms/admin/login accepts a session
cookie (FCMSSESSID) set before authentication and keeps the very same
value after a successful login. The cookie is also settable from any
subdomain because it is scoped to .example.test. So if I control
content on a sibling site (any customer site under *.sites.example.test),
I can plant a known session ID in a victim admin's browser, wait for
them to log in, and ride that session.

It needs the victim to visit a page I control and then log in, hence
the UI:R and AC:H below.

CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N

How to close it: issue a fresh session ID right after a successful
authentication (session_regenerate_id or whatever your framework calls
it) and drop the leading dot from the cookie domain.

For your users, I'd keep it simple: log out of all sessions after you
patch, and admins should sign in again. No need to scare anyone.

I have not tested this against any real customer account.

Regards,
Amara Nwosu
PGP: 7F3A 19C2 0B8E 44D1 9A6F  2C71 E0D4 5B93 11AC 8E20
-----BEGIN PGP SIGNATURE-----

iQIzBAEBCgAdFiEEfzoZwguORNGabyxx4NRbkxGsjiAFAmfcbhcACgkQ4NRbkxGs
jiCk2hAAqV0xR2mW7bq1Yt8aJ3dK5nLpZcXo9fUe4rTg6yHs2MvBwQiN0lK7jPxE
Fh1cD3sA9uGz5oWmYt2LrKq8VbNe4XjHp0Sd7TfCy6iMuRlOa1ZgWnQs3EbJv9Kx
=Qm7d
-----END PGP SIGNATURE-----
""",
    label=lab("vulnerability", "en",
              vector="CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N", score=6.8,
              fix="issue a fresh session ID right after",
              cust="log out of all sessions after you")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(
    file="014-rivenditore-bucket-pubblico.eml",
    headers=[("From", "Stefano Lo Iacono <s.loiacono@webstudio-iacono.example>"),
             ("To", "security@example.test"),
             ("Subject", "I: bucket backup leggibile da chiunque?"),
             ("Date", "Thu, 20 Mar 2025 10:14:56 +0100"),
             ("Message-ID", "<AM6PR10MB2291C8F2E0D74A@AM6PR10MB2291.EURPRD10.PROD.OUTLOOK.example>")],
    text="""Buongiorno,

sono un vostro rivenditore (account partner WSI-0193, una quarantina di
clienti finali su Archivio Backup). Il mio tecnico mi ha girato la mail
qui sotto e mi sembra una cosa seria, per cui la inoltro direttamente a
voi.

In sintesi: il contenitore dove finiscono i backup notturni dei miei
clienti sembra elencabile senza autenticazione. Non abbiamo scaricato
nulla oltre al nostro file di prova. Secondo me basta rimuovere il
permesso di list anonimo sul contenitore, ma non ho accesso a quella
configurazione, è gestita da voi.

Ai miei clienti vorrei poter scrivere che i loro backup non sono mai
stati accessibili a terzi, quindi vi chiedo di verificare anche i log
di accesso prima che io comunichi qualcosa.

Grazie,
Stefano Lo Iacono
WebStudio Iacono - Rivenditore Altavia
Tel. 091 555 0142

Da: Matteo Ruggirello <matteo@webstudio-iacono.example>
Inviato: mercoledì 19 marzo 2025 18:02
A: Stefano Lo Iacono <s.loiacono@webstudio-iacono.example>
Oggetto: bucket backup leggibile da chiunque?

Ste, guarda qua. Facendo una GET anonima su
https://archivio.example.test/wsi-0193-backups/ senza nessun header
mi torna l'elenco XML di tutti i file, con nomi tipo
clientefinale_db_2025-03-18.sql.gz. Ho provato da una rete esterna
(telefono in hotspot), stesso risultato. Ho scaricato solo il
file test.txt che avevamo messo noi.
Matteo
""",
    label=lab("vulnerability", "it",
              fix="basta rimuovere il permesso di list",
              cust="i loro backup non sono mai stati")))

# ---------------------------------------------------------------- 015
MAILS.append(dict(
    file="015-abuse-desk-spam-report.eml",
    headers=[("From", "Abuse Desk - Northquay Networks <abuse@northquay.example>"),
             ("To", "abuse@example.test, security@example.test"),
             ("Subject", "[NQ-ABUSE #2025031877] Spam received from 203.0.113.88"),
             ("Date", "Fri, 28 Mar 2025 14:40:19 +0000"),
             ("Message-ID", "<abuse-2025031877@northquay.example>")],
    text="""This is an abuse report for an IP address in your network.

Report-ID:        NQ-ABUSE #2025031877
Report-Type:      spam (unsolicited bulk email)
Source-IP:        203.0.113.88
Reverse-DNS:      mail.gpx-fitness-club.example
Arrival-Date:     Fri, 28 Mar 2025 13:55:02 +0000
Messages:         2,316 in the last 6 hours to our subscribers
Spamtrap hits:    47
Feedback loop:    311 "this is spam" complaints

Sample headers (one of 2,316):

  Received: from mail.gpx-fitness-club.example ([203.0.113.88])
          by mx2.northquay.example with ESMTP id 4Zk9Qm1nVcz3
          for <redacted@northquay.example>; Fri, 28 Mar 2025 13:55:02 +0000
  From: "Crypto Rewards" <noreply@gpx-fitness-club.example>
  Subject: You have 0.42 BTC waiting - claim before midnight

The content pattern suggests a compromised mailbox or web form on that
host rather than the owner sending on purpose.

Please investigate. This address will be listed on our internal
blocklist for 72 hours. Replies to this message reach a human.

Northquay Networks Abuse Team
""",
    label=lab("incident", "en")))

# ---------------------------------------------------------------- 016
MAILS.append(dict(
    file="016-collega-inoltra-ransomware-vps.eml",
    headers=[("From", "Chiara Donnarumma <chiara.donnarumma@example.test>"),
             ("To", "security@example.test"),
             ("Subject", "I: R: I: VPS cifrata, file .lockbit?"),
             ("Date", "Fri, 28 Mar 2025 17:22:40 +0100"),
             ("Message-ID", "<VI1PR08MB5520.donnarumma.0328@example.test>")],
    text="""Vedi sotto, giro a voi. Il cliente è Premium.

Chiara

-----Messaggio originale-----
Da: Supporto L2 <supporto-l2@example.test>
Inviato: venerdì 28 marzo 2025 16:58
A: Chiara Donnarumma <chiara.donnarumma@example.test>
Oggetto: R: I: VPS cifrata, file .lockbit?

Chiara, non è roba nostra, sembra proprio un attacco. Puoi passarla al
team sicurezza? Il cliente ha già agito per conto suo, vedi la sua mail.

Andrea (L2)

-----Messaggio originale-----
Da: Supporto Clienti <supporto@example.test>
Inviato: venerdì 28 marzo 2025 16:31
A: Supporto L2 <supporto-l2@example.test>
Oggetto: I: VPS cifrata, file .lockbit?

Ciao, inoltro.

-----Messaggio originale-----
Da: Davide Serra <davide.serra@officinaserra.example>
Inviato: venerdì 28 marzo 2025 16:20
A: supporto@example.test
Oggetto: VPS cifrata, file .lockbit?

Buonasera,
oggi alle 15 circa il gestionale sulla nostra VPS (vps-serra-01) ha
smesso di funzionare. Entrando via SSH ho trovato tutti i file nella
cartella /srv/gestionale rinominati con estensione strana e un file
LEGGIMI.txt che chiede un riscatto in bitcoin. Anche i dump del
database sono cifrati.

Per sicurezza ho già spento la VPS dal pannello e staccato l'IP
pubblico, così non si allarga. Non l'ho riaccesa.

Avete dei backup vostri della macchina? E potete dirmi da dove sono
entrati? La password di root era quella di default del template,
lo ammetto.

Davide Serra
Officina Serra srl
""",
    label=lab("incident", "it", fix="ho già spento la VPS dal pannello")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(
    file="017-newsletter-threat-digest.eml",
    headers=[("From", "Ironbark Threat Digest <digest@ironbark-intel.example>"),
             ("To", "security@example.test"),
             ("Subject", "Ironbark Weekly #112: edge devices again, plus our April webinar"),
             ("Date", "Mon, 07 Apr 2025 06:00:00 +0000"),
             ("Message-ID", "<weekly-112.20250407@news.ironbark-intel.example>"),
             ("List-Unsubscribe", "<https://ironbark-intel.example/unsub?u=sec-example>")],
    html="""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ironbark Weekly #112</title></head>
<body style="background:#f4f4f4;font-family:Helvetica,Arial,sans-serif">
<table width="600" align="center" style="background:#ffffff" cellpadding="16">
<tr><td>
<h1 style="color:#224">Ironbark Weekly #112</h1>
<p>Good morning! Here is what our analysts were reading this week.</p>

<h2>Top stories</h2>
<table cellpadding="6" border="0">
<tr><th align="left">Story</th><th align="left">Why it matters</th></tr>
<tr><td>Edge VPN appliances under mass exploitation (CVE-2025-0282)</td>
<td>Third wave this year; initial access brokers are reselling footholds.</td></tr>
<tr><td>Firewall management plane bugs keep coming (CVE-2024-3400 retrospective)</td>
<td>One year on, we still see unpatched devices in our honeypot data.</td></tr>
<tr><td>Info-stealer logs market prices drop</td>
<td>Cheaper logs mean more credential stuffing against hosting panels.</td></tr>
</table>

<h2>Webinar</h2>
<p>Join us on 24 April for <b>Hunting in hosting provider telemetry</b>,
45 minutes plus Q&amp;A. Seats are limited.</p>
<p><a href="https://ironbark-intel.example/webinar/apr25">Save my seat</a></p>

<p style="font-size:11px;color:#888">You are receiving this because
security@example.test subscribed to Ironbark Weekly.
<a href="https://ironbark-intel.example/unsub?u=sec-example">Unsubscribe</a></p>
</td></tr></table>
</body></html>
""",
    label=lab("unknown", "en", cves=["CVE-2024-3400", "CVE-2025-0282"])))

# ---------------------------------------------------------------- 018
MAILS.append(dict(
    file="018-race-condition-token-refresh.eml",
    headers=[("From", "Lorenzo Pizzuti <lore.pizzuti@fastmail.example>"),
             ("To", "security@example.test"),
             ("Subject", "race condition su /api/v1/tokens/refresh (cross-tenant)"),
             ("Date", "Mon, 07 Apr 2025 22:48:13 +0200"),
             ("Message-ID", "<1f0e7b2a-9c44-4a1d-b6f2-pizzuti@fastmail.example>")],
    text="""Ciao team,

vi segnalo un bug che ho trovato nel weekend sulle API di Tessera
(api.example.test), versione che risponde nell'header X-Tessera-Version:
3.9.4.

Setup: due tenant miei, A e B, ognuno con un refresh token valido.

Se mando in parallelo (~30 request nello stesso burst, con Turbo
Intruder) la chiamata POST /api/v1/tokens/refresh con il refresh token
di A e, nello stesso burst, quella di B, ogni tanto (circa 1 su 40)
la response per A contiene un access token che in realtà appartiene al
tenant B: lo scope e il tenant_id nel JWT sono quelli di B. Sembra che
lo stato venga condiviso tra worker per un attimo, tipo una cache
non thread-safe sul lookup del refresh token.

In pratica: è timing-dependent (AT:P), serve un account qualsiasi, e
quando va a segno hai accesso completo in lettura ai dati dell'altro
tenant e un po' di write.

CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N

Il PoC è uno script Python di una trentina di righe, ve lo mando se
mi date un canale cifrato. Non l'ho provato contro tenant che non
fossero miei, ovviamente con un attacker reale il tenant vittima
sarebbe casuale.

Lorenzo
""",
    label=lab("vulnerability", "it",
              vector="CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N", score=6.0)))

# ---------------------------------------------------------------- 019
MAILS.append(dict(
    file="019-scanner-weak-tls-finding.eml",
    headers=[("From", "PerimeterPulse Scanner <no-reply@perimeterpulse.example>"),
             ("To", "security@example.test"),
             ("Subject", "[PerimeterPulse] 1 new Medium finding on mail.example.test"),
             ("Date", "Tue, 15 Apr 2025 04:12:55 +0000"),
             ("Message-ID", "<scan-7781204-f3.mail-example-test@perimeterpulse.example>")],
    text="""PerimeterPulse external attack surface monitoring
Scan profile: Weekly-External   Scan ID: 7781204

NEW FINDING
-----------
Asset:        mail.example.test (192.0.2.25)
Port:         465/tcp (SMTPS), 993/tcp (IMAPS)
Finding:      Deprecated TLS protocol versions accepted
Detail:       Server negotiates TLSv1.0 and TLSv1.1 with
              TLS_RSA_WITH_AES_128_CBC_SHA. No forward secrecy offered
              for those versions.
Risk score:   5.3 (Medium)
First seen:   2025-04-15 03:58 UTC
Status:       Open

Remediation:  Disable TLSv1.0 and TLSv1.1 on the affected listeners and
              restrict cipher suites to ECDHE-based AEAD suites.

References:   RFC 8996 (Deprecating TLS 1.0 and TLS 1.1)

UNCHANGED FINDINGS: 3 (Low)   RESOLVED SINCE LAST SCAN: 1

Manage alert rules: https://app.perimeterpulse.example/alerts
This is an automated message. Please do not reply.
""",
    label=lab("vulnerability", "en", reported=5.3,
              fix="Disable TLSv1.0 and TLSv1.1")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(
    file="020-sollecito-stato-segnalazione.eml",
    headers=[("From", "Fabrizio Gentiletti <f.gentiletti@gmail.example>"),
             ("To", "security@example.test"),
             ("Subject", "Re: [SEC-2025-0412] Ricevuta segnalazione"),
             ("Date", "Tue, 15 Apr 2025 18:09:27 +0200"),
             ("Message-ID", "<CAJq7pX2+gentiletti.sollecito@mail.gmail.example>"),
             ("In-Reply-To", "<sec-2025-0412.ack@example.test>")],
    text="""Salve,

sono passate più di tre settimane dalla vostra risposta automatica qui
sotto e non ho più saputo nulla. Potete dirmi almeno se la segnalazione
è stata presa in carico da qualcuno e se avete bisogno di altre
informazioni da parte mia? Non vorrei dover decidere da solo quando
pubblicare.

Grazie,
Fabrizio

Il giorno lun 24 mar 2025 alle ore 09:01 Altavia Security <security@example.test> ha scritto:
> Gentile Fabrizio,
>
> abbiamo ricevuto la sua segnalazione, a cui è stato assegnato il
> riferimento SEC-2025-0412. Un membro del team la esaminerà e le
> risponderemo entro 10 giorni lavorativi.
>
> La preghiamo di non divulgare i dettagli fino alla conclusione
> dell'analisi.
>
> Altavia Security Team
""",
    label=lab("unknown", "it")))

# ---------------------------------------------------------------- 021
MAILS.append(dict(
    file="021-journalist-claimed-dump.eml",
    headers=[("From", "Hannah Voss <h.voss@thebytewire.example>"),
             ("To", "press@example.test, security@example.test"),
             ("Subject", "Request for comment: alleged Altavia customer database for sale"),
             ("Date", "Wed, 23 Apr 2025 15:31:02 +0100"),
             ("Message-ID", "<0c7e2a14-voss-rfc@thebytewire.example>")],
    text="""Hello,

I'm a reporter at The Byte Wire covering data breaches. I'm writing
ahead of a story we expect to publish on Friday.

A seller on a well-known cybercrime forum is advertising what they say
is "Altavia Hosting full customer DB, 2025". They shared a sample of
500 rows with us. It contains names, email addresses, company names,
hashed passwords (they look like bcrypt) and the last four digits of
payment cards, along with customer IDs in the format ALT-XXXXXX.

We contacted twelve people from the sample. Nine confirmed they are
your customers and that the details are accurate; two said the address
listed was one they changed last year.

I'd like to give you the chance to respond:
1. Are you aware of this sale, and have you confirmed a breach?
2. When did it happen and how many customers are affected?
3. Have you notified customers or the data protection authority?

Happy to share the sample securely with your security team so you can
verify it. My deadline for comment is Thursday 17:00 UK time.

Best,
Hannah Voss
Senior Reporter, The Byte Wire
Signal: +44 7700 900 412
""",
    label=lab("incident", "en")))

# ---------------------------------------------------------------- 022
MAILS.append(dict(
    file="022-pec-asl-pagina-phishing.eml",
    headers=[("From", "\"Per conto di: sistemi.informativi@pec.asl-collina.example\" <posta-certificata@pec.gestore.example>"),
             ("To", "security@example.test"),
             ("Subject", "POSTA CERTIFICATA: Comunicazione incidente di sicurezza - sito istituzionale"),
             ("Date", "Wed, 23 Apr 2025 11:47:38 +0200"),
             ("Message-ID", "<opec210312.20250423114738.55120.07.1.21@pec.gestore.example>"),
             ("X-Trasporto", "posta-certificata")],
    charset="iso-8859-1", cte="8bit",
    text="""Messaggio di posta certificata

Il giorno 23/04/2025 alle ore 11:47:38 (+0200) il messaggio
"Comunicazione incidente di sicurezza - sito istituzionale" è stato
inviato da "sistemi.informativi@pec.asl-collina.example"
indirizzato a: security@example.test
Il messaggio originale è incluso in allegato.

------------------------------------------------------------------

AZIENDA SANITARIA LOCALE COLLINA
U.O.C. Sistemi Informativi e Transizione Digitale

Prot. n. 0041187/2025

Oggetto: comunicazione di incidente di sicurezza relativo al sito
istituzionale ospitato presso i Vostri sistemi (contratto n. HST-2291).

In data 22/04/2025 l'U.O.C. scrivente è stata informata da un
cittadino della presenza, all'interno del sito istituzionale, di una
pagina che riproduceva la schermata di accesso di un noto istituto
bancario, raggiungibile all'indirizzo
www.asl-collina.example/media/upload/2024/sicurezza/index.php.

Dalle verifiche svolte risulta che la pagina è stata caricata il
19/04/2025 tramite accesso FTP effettuato con le credenziali
dell'operatore della ditta incaricata della manutenzione del sito.
Non risultano allo stato accessi alla base dati dei servizi sanitari,
che è ospitata su altra infrastruttura.

Misure adottate: abbiamo rimosso la pagina e cambiato le credenziali
FTP di tutti gli operatori; è stata inoltre presentata denuncia alla
Polizia Postale.

Si richiede a codesta Società di fornire, entro 5 giorni, i log di
accesso FTP e HTTP relativi al periodo 15/04/2025 - 22/04/2025 e di
comunicare eventuali ulteriori evidenze.

Il Direttore U.O.C. Sistemi Informativi
Ing. Maurizio Tancredi
""",
    label=lab("incident", "it", fix="cambiato le credenziali FTP")))

# ---------------------------------------------------------------- 023
MAILS.append(dict(
    file="023-nonnative-xxe-invoice-import.eml",
    headers=[("From", "Rahul Deshmukh <rahul.deshmukh.sec@mailbox.example>"),
             ("To", "security@example.test"),
             ("Subject", "Security issue - XML External Entity in Quaderno invoice upload"),
             ("Date", "Fri, 02 May 2025 06:33:44 +0530"),
             ("Message-ID", "<CA+rD3shmukh0502xxe@mailbox.example>")],
    text="""Dear Sir/Madam,

Greetings of the day. I am security researcher from Pune and I am
doing bug hunting in free time since 3 years. Kindly find below the
details of one vulnerability which I have found in your Quaderno
product, please do the needful.

Vulnerability name: XML External Entity (XXE) Injection
URL: https://quaderno.example.test/import/einvoice

Description: In Quaderno there is option to import the electronic
invoice in XML format (the FatturaPA format). When I am uploading the
XML, the server is parsing the DOCTYPE and it is resolving the
external entity. I have put entity pointing to file:///etc/hostname and
the content of the file is coming back inside the error message
"Campo non valido: <content>". Also with http entity pointing to my
server I am getting the request from your server IP, so it is also
SSRF possible.

Steps:
1. Login with any free account
2. Go to Import > E-invoice
3. Upload attached file poc_xxe.xml (I am pasting below also)

<?xml version="1.0"?>
<!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/hostname"> ]>
<p:FatturaElettronica><Numero>&x;</Numero></p:FatturaElettronica>

Impact: attacker can read local files from server and do internal
requests. I would rate it 8.1 as per my understanding.

I have not find any patch or workaround for this till now, and I did
not try to read any sensitive file, only hostname for proof.

Kindly let me know if you have any bug bounty program or hall of
fame. Waiting for your kind reply.

Thanks and Regards,
Rahul Deshmukh
""",
    label=lab("vulnerability", "en", reported=8.1)))

# ---------------------------------------------------------------- 024
MAILS.append(dict(
    file="024-thunderbird-interleaved-cve-anteprima.eml",
    headers=[("From", "Ivana Kovač <ivana.kovac@ricercasicura.example>"),
             ("To", "Altavia Security <security@example.test>"),
             ("Subject", "Re: CVE-2025-29104 - command injection nel plugin Anteprima di Nimbus Panel"),
             ("Date", "Fri, 02 May 2025 14:05:21 +0200"),
             ("Message-ID", "<7d1e55aa-2b0c-4e8f-9a31-kovac@ricercasicura.example>"),
             ("In-Reply-To", "<sec-2025-0477.q1@example.test>"),
             ("User-Agent", "Mozilla Thunderbird")],
    text="""Buongiorno,

rispondo sotto alle vostre domande.

Il 30/04/2025 10:12, Altavia Security ha scritto:
> Grazie per la segnalazione. Per valutarla ci servirebbero alcune
> informazioni aggiuntive:
>
> 1. Quali versioni avete verificato?

Nimbus Panel 7.3.2 e 7.4.0-beta1, plugin Anteprima 1.2 (quello
preinstallato). La 7.2.x non ha il plugin, quindi non è affetta.

> 2. Che privilegi servono per sfruttare il problema?

Serve un account amministratore del pannello (non root della macchina).
Il parametro "thumb_size" viene passato a una shell senza quoting,
quindi con un valore tipo 200x200;id si ottiene esecuzione come utente
www-panel, che però può leggere la configurazione di tutti i siti.

> 3. Avete un punteggio CVSS?

Sì, entrambe le versioni:
CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H
CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N

Il CVE l'ha assegnato MITRE la settimana scorsa, è riservato finché non
pubblicate voi.

> 4. Esiste un workaround?

Finché non esce la patch, chi non usa le miniature può disattivare il
plugin Anteprima da Impostazioni > Estensioni: il problema sparisce del
tutto.

> 5. Altro?

Nella nota per i clienti suggerirei di dire che le installazioni con il
plugin disattivato non sono mai state a rischio, così chi lo ha spento
da tempo non si preoccupa.

Saluti,
Ivana Kovač
ricercasicura.example
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-29104"],
              vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score=8.6,
              fix="può disattivare il plugin Anteprima",
              cust="con il plugin disattivato non sono mai")))

# ---------------------------------------------------------------- 025
MAILS.append(dict(
    file="025-soc-html-table-leaked-token-use.eml",
    headers=[("From", "Obsidian Watch SOC <alerts@obsidianwatch.example>"),
             ("To", "security@example.test"),
             ("Subject", "ALERT: Anomalous use of Altavia API token from Tor exit nodes (customer: Harrowgate Foods)"),
             ("Date", "Tue, 13 May 2025 09:18:03 +0000"),
             ("Message-ID", "<ow-alert-55812.20250513T0918@obsidianwatch.example>")],
    html="""<html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:13px">
<p>Hello Altavia Security,</p>
<p>We monitor the Altavia account of our client <b>Harrowgate Foods Ltd</b>
(account ALT-203318). This morning our detections fired on API activity
that did not come from the client.</p>
<table border="1" cellspacing="0" cellpadding="5" style="border-collapse:collapse">
<tr><th>Field</th><th>Value</th></tr>
<tr><td>Alert ID</td><td>OW-55812</td></tr>
<tr><td>Detection</td><td>API token used from known Tor exit nodes</td></tr>
<tr><td>Token</td><td>tk_live_...9f2c (label: ci-deploy)</td></tr>
<tr><td>Time window (UTC)</td><td>2025-05-13 07:41 to 08:56</td></tr>
<tr><td>Source IPs</td><td>185.220.101.4, 185.220.101.39, 199.249.230.71</td></tr>
<tr><td>Actions observed</td><td>GET /v2/dns/zones (x14), POST /v2/dns/zones/harrowgate.example/records (x2), GET /v2/mailboxes (x1)</td></tr>
<tr><td>Assessment</td><td>Token very likely leaked from the client's CI logs; two TXT records were created, probably to pass domain validation for a certificate.</td></tr>
<tr><td>Recommended action</td><td>Revoke the API token ci-deploy and remove the two TXT records created at 08:12</td></tr>
</table>
<p>The client has asked us to coordinate with you. Could you confirm whether
a certificate was issued for harrowgate.example through your ACME
integration in that window?</p>
<p>Regards,<br>Jonas Lindqvist<br>Incident Responder, Obsidian Watch SOC</p>
</body></html>
""",
    label=lab("incident", "en", fix="Revoke the API token ci-deploy")))

# ---------------------------------------------------------------- 026
MAILS.append(dict(
    file="026-iphone-enumerazione-email.eml",
    headers=[("From", "Nicola Sperandio <nicola.sperandio@icloud.example>"),
             ("To", "security@example.test"),
             ("Subject", "Pagina reset password"),
             ("Date", "Tue, 13 May 2025 21:44:09 +0200"),
             ("Message-ID", "<5E2B7A91-0C3D-4F8E-A1B2-sperandio@icloud.example>")],
    text="""Salve, non so se è il posto giusto. Ho notato che se nella pagina
"password dimenticata" del vostro pannello metto una mail che non è
registrata mi dice "Nessun account con questo indirizzo", mentre se è
registrata dice "Ti abbiamo inviato un link". Quindi chiunque può
controllare se una persona è vostra cliente. Non so se sia grave ma mi
sembrava giusto dirvelo.

Nicola

Inviato da iPhone
""",
    label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(
    file="027-grazie-ricompensa-bounty.eml",
    headers=[("From", "Giulia Ranieri <giulia.ranieri@posteo.example>"),
             ("To", "Altavia Security <security@example.test>"),
             ("Subject", "Re: [SEC-2025-0358] Ricompensa e riconoscimento"),
             ("Date", "Wed, 21 May 2025 10:02:50 +0200"),
             ("Message-ID", "<f7a2c3d9-ranieri-thanks@posteo.example>"),
             ("In-Reply-To", "<sec-2025-0358.bounty@example.test>")],
    text="""Ciao a tutti,

volevo solo ringraziarvi: il bonifico è arrivato stamattina e ho visto
il mio nome nella pagina dei riconoscimenti. Devo dire che è stata una
delle gestioni più rapide e cortesi che mi siano capitate, di solito
devo rincorrere le aziende per mesi.

Se in futuro aprite un programma pubblico fatemelo sapere, ci metterò
volentieri un altro weekend.

Buona giornata,
Giulia
""",
    label=lab("unknown", "it")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(
    file="028-mssp-credential-stuffing-pannello.eml",
    headers=[("From", "SOC Presidio24 <soc@presidio24.example>"),
             ("To", "security@example.test"),
             ("Subject", "[P24-2025-1187] Credential stuffing in corso contro pannello.example.test"),
             ("Date", "Wed, 21 May 2025 03:26:14 +0200"),
             ("Message-ID", "<p24-2025-1187.notice@presidio24.example>")],
    text="""Buonanotte,

vi contattiamo come SOC di tre vostri clienti (studi professionali) che
monitoriamo tramite i log del vostro pannello esportati in SIEM.

Riferimento: P24-2025-1187
Tipologia: credential stuffing / account takeover
Stato: in corso
Inizio osservato: 21/05/2025 00:40
Sorgenti: oltre 2.300 IP residenziali, prevalentemente proxy mobili
Volume: circa 180.000 tentativi di login in 2 ore e mezza
Esito: 6 account con login riuscito, di cui 2 nostri clienti (ne
abbiamo già forzato il cambio password), 4 di altri vostri clienti
Dettaglio: le coppie email/password coincidono con un combolist
circolato a inizio mese; nessun segno di bypass dell'autenticazione

Azione suggerita: limitare i tentativi di login per IP e per account,
e chiedere il secondo fattore sui login da dispositivi nuovi.

Testo proposto per i clienti: "Abbiamo rilevato tentativi di accesso
con password rubate altrove. Se usate la stessa password su altri siti,
cambiatela subito e attivate l'autenticazione a due fattori."

Restiamo disponibili per condividere gli IP e i timestamp in formato
CSV.

Federica Mauri
Analista SOC - Presidio24
""",
    label=lab("incident", "it",
              fix="limitare i tentativi di login per IP",
              cust="tentativi di accesso con password rubate")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(
    file="029-vendor-libquill-setext-advisory.eml",
    headers=[("From", "Quill Project Security <security@libquill.example>"),
             ("To", "security@example.test"),
             ("Cc", "distros@lists.libquill.example"),
             ("Subject", "Embargoed: libquill heap over-read, CVE-2025-31877"),
             ("Date", "Tue, 03 Jun 2025 16:00:00 +0000"),
             ("Message-ID", "<embargo-2025-02@libquill.example>")],
    text="""libquill security pre-notification
====================================

You are receiving this because Ferrovia CMS bundles libquill (the
markdown renderer) according to its third-party notices. Embargo ends
17 June 2025, 14:00 UTC.

Issue
-----

CVE-2025-31877: a heap buffer over-read in the table-cell parser of
libquill 1.8.0 to 1.9.3. Rendering untrusted markdown with a crafted
pipe table can disclose up to 4 KiB of adjacent heap memory in the
rendered HTML. In a long-running renderer process that memory may
contain other users' content or session data.

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N

Fixed versions
--------------

upgrade to libquill 1.9.4 (released privately to you today, tarball
and signature attached). There is no configuration workaround short of
disabling table extensions entirely.

Customer notice
---------------

Suggested wording if you inform your users: "A third-party component
that renders formatted text could, in rare cases, show fragments of
other content. We have updated it; you do not need to do anything."

Please keep this under embargo and contact us with any questions.

-- 
Oskar Lindahl, for the Quill Project security team
""",
    label=lab("vulnerability", "en", cves=["CVE-2025-31877"],
              vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score=7.5,
              fix="upgrade to libquill 1.9.4",
              cust="in rare cases, show fragments of other")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(
    file="030-domanda-nis2-referente.eml",
    headers=[("From", "Avv. Carlo Benedetti <c.benedetti@studiobenedetti.example>"),
             ("To", "security@example.test"),
             ("Subject", "Domanda su NIS2 e referente per la sicurezza"),
             ("Date", "Tue, 03 Jun 2025 11:20:33 +0200"),
             ("Message-ID", "<002a01dbd4c1$7e2f3b10$7a8db130$@studiobenedetti.example>")],
    charset="cp1252", cte="quoted-printable",
    text="""Buongiorno,

seguo per conto di una nostra cliente (una società di logistica che
usa i vostri server dedicati) gli adempimenti legati al recepimento
della direttiva NIS2. La cliente è stata classificata come soggetto
“importante” e deve documentare la gestione del rischio nella catena di
fornitura.

Vi chiedo quindi, se possibile:
- il nominativo e il contatto del vostro referente per la sicurezza;
- se siete a vostra volta soggetti NIS2 e con quale qualifica;
- se prevedete clausole contrattuali specifiche sulla notifica degli
  incidenti ai clienti (tempi, modalità).

Non si tratta di una segnalazione, solo di una richiesta di
informazioni. Grazie fin d’ora per la cortesia.

Cordiali saluti

Avv. Carlo Benedetti
Studio Legale Benedetti – Diritto delle tecnologie
Via dei Mille 14 – 20100 Milano
""",
    label=lab("unknown", "it")))

# ---------------------------------------------------------------- 031
MAILS.append(dict(
    file="031-triple-forward-leaked-key-paste.eml",
    headers=[("From", "Owen Trask <owen.trask@example.test>"),
             ("To", "security@example.test"),
             ("Subject", "Fwd: Fwd: Fwd: our API key on a paste site"),
             ("Date", "Wed, 11 Jun 2025 09:47:12 +0100"),
             ("Message-ID", "<B2F4E6A8-1C3D-4E5F-8A9B-trask.fwd3@example.test>")],
    text="""Is this one for you? Sorry, took a while to reach the right inbox.

Owen
Account Manager, Enterprise

Begin forwarded message:

> From: Lena Fischer <lena.fischer@example.test>
> Subject: Fwd: Fwd: our API key on a paste site
> Date: 10 June 2025 at 17:30:55 BST
> To: Owen Trask <owen.trask@example.test>
>
> Owen - your customer, I think? Billing can't help with this.
>
> ---------- Forwarded message ---------
> From: Support Desk <support@example.test>
> Date: Tue, 10 Jun 2025 at 16:02
> Subject: Fwd: our API key on a paste site
> To: Billing <billing@example.test>
>
> > Passing to billing since they mention the invoice account.
> >
> > ---------- Forwarded message ---------
> > From: Sanjay Iyer <sanjay.iyer@corvidmedia.example>
> > Date: Tue, 10 Jun 2025 at 11:15
> > Subject: our API key on a paste site
> > To: <support@example.test>
> >
> > Hello,
> >
> > one of our devs spotted our production Altavia API key (the one for
> > the invoice account, prefix tk_live_7ac1) in a public paste, posted
> > on 8 June by someone we don't know, together with a list of our
> > server hostnames. We have no idea how it got out, possibly an old
> > laptop.
> >
> > I've already revoked that key in the panel and created a new one,
> > but I can see in the activity log that it was used on 9 June from
> > an IP in Romania to list our VMs and download two snapshots. Can
> > your security people tell us exactly what was accessed?
> >
> > Sanjay Iyer
> > CTO, Corvid Media
""",
    label=lab("incident", "en", fix="I've already revoked that key")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(
    file="032-fwd-docente-xss-moduli.eml",
    headers=[("From", "Beatrice Anselmi <beatrice.anselmi@example.test>"),
             ("To", "security@example.test"),
             ("Subject", "FW: Vulnerabilità XSS nel modulo contatti di Ferrovia CMS"),
             ("Date", "Wed, 11 Jun 2025 15:12:08 +0200"),
             ("Message-ID", "<PR3P195MB0712anselmi.fw@example.test>")],
    text="""See below, came in through the partners inbox.

B.

Da: Prof. Ettore Guarnieri <ettore.guarnieri@dieti.unibm.example>
Inviato: mercoledì 11 giugno 2025 13:40
A: partners@example.test
Oggetto: Vulnerabilità XSS nel modulo contatti di Ferrovia CMS

Gentili,

durante un'esercitazione del corso di Sicurezza delle Applicazioni Web
i miei studenti hanno individuato una vulnerabilità di tipo stored XSS
nel componente "Modulo contatti" di Ferrovia CMS, usato anche per il
sito del nostro Dipartimento che ospitate voi.

Il campo "Oggetto" del modulo non viene sanificato quando il messaggio
viene mostrato nella casella "Messaggi ricevuti" dell'amministratore:
un visitatore anonimo può quindi inserire uno script che viene
eseguito nella sessione dell'amministratore quando questi apre il
messaggio. Gli studenti hanno verificato solo con un alert() sulla
nostra istanza.

Valutazione: CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N

Come mitigazione temporanea suggerisco di impostare una Content
Security Policy che vieti gli script inline nell'area amministrativa.

Agli utenti andrebbe comunicato di svuotare la casella dei messaggi
ricevuti dopo l'aggiornamento, per eliminare eventuali messaggi già
inseriti.

Cordiali saluti,
Ettore Guarnieri
Dipartimento di Ingegneria dell'Informazione
Ateneo di Borgomonte
""",
    label=lab("vulnerability", "it",
              vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", score=6.1,
              fix="impostare una Content Security Policy",
              cust="svuotare la casella dei messaggi")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(
    file="033-markdown-bold-open-redirect-oauth.eml",
    headers=[("From", "Sofia Brandt <sofia@brandt-appsec.example>"),
             ("To", "security@example.test"),
             ("Subject", "Open redirect in Bastion SSO logout leading to token leakage"),
             ("Date", "Thu, 19 Jun 2025 12:00:41 +0200"),
             ("Message-ID", "<CAMbrandt-0619-redirect@brandt-appsec.example>")],
    text="""**Title:** Open redirect in `/sso/logout?next=` allows OAuth code theft via Referer

**Product:** Bastion SSO (sso.example.test), build shown in footer: 2.8.3

**Severity:** CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N

**Description:**
The `next` parameter on logout is only checked with a "starts with
https://sso.example.test" test, so `https://sso.example.test.evil.example/`
passes. Chained with the OAuth authorize endpoint, which bounces
through logout when `prompt=login` is set, the authorization code ends
up in the query string of the attacker's page.

**Steps to reproduce:**
1. Log in to any app that uses Bastion SSO.
2. Open `https://sso.example.test/oauth/authorize?client_id=panel&prompt=login&redirect_uri=...&next=https://sso.example.test.evil.example/c`
3. After re-login you land on the attacker host with `?code=...`.

**Impact:** an attacker who gets a user to click a link can obtain an
authorization code for the user's session in the connected app.

**Suggested user advisory:** Please tell people to be wary of links
that ask them to sign in again out of the blue, until this is patched.

Happy to retest once you have something.

Sofia Brandt
""",
    label=lab("vulnerability", "en",
              vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N", score=5.3,
              cust="be wary of links that ask them to sign")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(
    file="034-isp-abuse-memcached-esposto.eml",
    headers=[("From", "NOC Abuse - RetePadana <abuse@retepadana.example>"),
             ("To", "security@example.test"),
             ("Subject", "Servizi UDP esposti utilizzabili per amplificazione - vostri IP"),
             ("Date", "Thu, 19 Jun 2025 08:31:17 +0200"),
             ("Message-ID", "<rp-abuse-20250619-0042@retepadana.example>")],
    text="""Ciao,

vi scriviamo dal NOC di RetePadana. Durante la scansione settimanale
che facciamo sugli AS con cui abbiamo peering abbiamo notato che alcuni
host del vostro range espongono servizi UDP che si prestano a attacchi
di amplification. Ad oggi non abbiamo visto traffico di attacco
partire da questi IP, è una segnalazione preventiva.

  203.0.113.140   11211/udp  memcached 1.4.15, risponde a "stats"
  203.0.113.141   11211/udp  memcached 1.4.15, risponde a "stats"
  203.0.113.177   53/udp     resolver DNS aperto (ricorsione per chiunque)
  203.0.113.190   123/udp    NTP con monlist attivo

Il fattore di amplificazione misurato sul memcached è enorme (oltre
10.000x), per cui internamente lo abbiamo classificato con score 7,2.

Vi chiediamo di contattare i clienti intestatari e farci sapere.
Per qualsiasi cosa rispondete pure a questa mail, legge una persona.

NOC RetePadana - Abuse & Security
""",
    label=lab("vulnerability", "it", reported=7.2)))

# ---------------------------------------------------------------- 035
MAILS.append(dict(
    file="035-chase-eta-quoting-ack.eml",
    headers=[("From", "Petra Lindgren <petra.lindgren@mailhaven.example>"),
             ("To", "security@example.test"),
             ("Subject", "Re: [SEC-2025-0533] We received your report"),
             ("Date", "Mon, 30 Jun 2025 10:15:49 +0200"),
             ("Message-ID", "<CAPetra+0630.eta@mailhaven.example>"),
             ("In-Reply-To", "<sec-2025-0533.ack@example.test>")],
    text="""Hi again,

just checking in on this one - any ETA? I'm not in a hurry to publish,
I just want to know it hasn't fallen through the cracks. A one-line
"still on it" would be plenty.

Cheers,
Petra

On Mon, 2 Jun 2025 at 08:03, Altavia Security <security@example.test> wrote:
> Hello Petra,
>
> Thank you for contacting Altavia Security. Your report has been
> logged as SEC-2025-0533 and assigned to an analyst. We aim to give
> you a first assessment within 10 business days.
>
> Please reply to this email (keeping the reference in the subject)
> if you have further information.
>
> Kind regards,
> Altavia Security Team
""",
    label=lab("unknown", "en")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(
    file="036-tessera-auth-bypass-alternative.eml",
    headers=[("From", "Marco Ventimiglia <m.ventimiglia@redteamlab.example>"),
             ("To", "security@example.test"),
             ("Subject", "Bypass autenticazione su Tessera API Gateway (CVE-2025-38812)"),
             ("Date", "Mon, 30 Jun 2025 17:38:02 +0200"),
             ("Message-ID", "<0d9c7e1f-ventimiglia-tessera@redteamlab.example>")],
    text="""Buonasera,

durante un assessment autorizzato per un vostro cliente abbiamo
verificato che l'istanza gestita di Tessera API Gateway (3.10.x) è
vulnerabile a CVE-2025-38812, pubblicata la settimana scorsa dal
progetto upstream: una richiesta con il path codificato due volte
(%252e%252e/admin) salta il filtro di autenticazione e raggiunge le
API di amministrazione del gateway.

Upstream la valuta 9,8 e concordiamo: nessun prerequisito, accesso
completo alla configurazione delle route e alle chiavi dei backend.

La versione correttiva è la 3.11.2: portare Tessera alla 3.11.2 risolve
il problema, lo abbiamo verificato in laboratorio.

Ai vostri clienti direi di ruotare le chiavi dei backend configurate
nel gateway, perché non si può escludere che qualcuno le abbia già
lette.

Restiamo a disposizione,
Marco Ventimiglia
RedTeamLab
""",
    html="""<html><body>
<p>Buonasera,</p>
<p>durante un assessment autorizzato per un vostro cliente abbiamo
verificato che l'istanza gestita di <b>Tessera API Gateway</b> (3.10.x) è
vulnerabile a <b>CVE-2025-38812</b>, pubblicata la settimana scorsa dal
progetto upstream: una richiesta con il path codificato due volte
(<code>%252e%252e/admin</code>) salta il filtro di autenticazione e raggiunge le
API di amministrazione del gateway.</p>
<p>Upstream la valuta <b>9,8</b> e concordiamo: nessun prerequisito, accesso
completo alla configurazione delle route e alle chiavi dei backend.</p>
<p>La versione correttiva è la 3.11.2: portare Tessera alla 3.11.2 risolve
il problema, lo abbiamo verificato in laboratorio.</p>
<p>Ai vostri clienti direi di ruotare le chiavi dei backend configurate
nel gateway, perché non si può escludere che qualcuno le abbia già
lette.</p>
<p>Restiamo a disposizione,<br>
Marco Ventimiglia<br>
RedTeamLab</p>
</body></html>
""",
    label=lab("vulnerability", "it", cves=["CVE-2025-38812"], reported=9.8,
              fix="portare Tessera alla 3.11.2",
              cust="ruotare le chiavi dei backend")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(
    file="037-university-lms-compromised-student.eml",
    headers=[("From", "Dr. Alistair Crane <a.crane@it.harlowmere.ac.example>"),
             ("To", "security@example.test"),
             ("Cc", "it-security@harlowmere.ac.example"),
             ("Subject", "Compromised student account on hosted Moodle sending phishing to staff"),
             ("Date", "Fri, 28 Mar 2025 12:06:37 +0000"),
             ("Message-ID", "<9A7C3E12-44B1-4F2D-8C6E-crane.lms@it.harlowmere.ac.example>")],
    text="""Dear Altavia security team,

I'm the information security officer at Harlowmere College. Our
learning platform (learn.harlowmere.ac.example) is on your managed LMS
hosting.

Since about 09:30 today a student account (s2231847) has been posting
forum messages and sending internal LMS messages to around 600 staff
with a link to a fake "Office 365 re-authentication" page. Three staff
members entered their credentials before we caught it. The student
confirms they did not send anything and says they reused their
password on a gaming site.

We have disabled the account and removed the forum posts. The three
staff accounts have had their passwords reset by our own team.

What we need from you:
- LMS access logs for s2231847 since 1 March (source IPs, user agents)
- confirmation whether any admin-level action was taken from that
  session

Suggested text for affected students and staff, which we plan to send
this afternoon unless you advise otherwise: "If you clicked a link in
an LMS message about re-authenticating your account today, change your
college password now and contact the IT service desk."

Kind regards,
Alistair

--
Dr Alistair Crane
Information Security Officer, Harlowmere College

Sent from my Mac
""",
    label=lab("incident", "en", fix="We have disabled the account",
              cust="change your college password now")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(
    file="038-domanda-regresshion-affetti.eml",
    headers=[("From", "Alberto Zanin <alberto.zanin@zaninmeccanica.example>"),
             ("To", "security@example.test"),
             ("Subject", "siete interessati da regreSSHion?"),
             ("Date", "Mon, 07 Apr 2025 09:03:26 +0200"),
             ("Message-ID", "<000f01dba7b2$aa31c2e0$fe9548a0$@zaninmeccanica.example>")],
    text="""Buongiorno,

il nostro consulente esterno ci ha segnalato che sulle macchine con
OpenSSH vecchio c'è il problema CVE-2024-6387 e ci chiede di sapere se
i due server gestiti che abbiamo da voi (contratto MGD-4471) sono stati
aggiornati. Noi non abbiamo accesso root, quindi non possiamo
controllare da soli.

Mi basta una conferma scritta, anche breve.

Grazie e buona settimana
Alberto Zanin
Zanin Meccanica srl - Ufficio IT
""",
    label=lab("unknown", "it", cves=["CVE-2024-6387"])))

# ---------------------------------------------------------------- 039
MAILS.append(dict(
    file="039-followup-quoting-own-report-workaround.eml",
    headers=[("From", "Kenji Morita <kenji@morita.dev.example>"),
             ("To", "security@example.test"),
             ("Subject", "Re: [SEC-2025-0501] Legacy API tokens never expire"),
             ("Date", "Thu, 19 Jun 2025 23:10:05 +0900"),
             ("Message-ID", "<m2a8f3k1zq.fsf@morita.dev.example>"),
             ("In-Reply-To", "<m2h7d1c0ex.fsf@morita.dev.example>")],
    text="""Hi,

a quick follow-up: Nimbus Panel 7.4.0 came out yesterday and the
behaviour is unchanged, legacy tokens from 2021 still authenticate.
Everything in my first mail (quoted below) still applies, including
the workaround and the advisory wording.

Kenji

On Tue, 20 May 2025 at 22:41, Kenji Morita <kenji@morita.dev.example> wrote:
> Hello,
>
> API tokens created before the 2022 token format change (the ones
> without the "np2_" prefix) have no expiry and are not shown in the
> panel's token list, so customers cannot see or revoke them. If one of
> those ever leaked, it would work forever. I found three of mine from
> 2021 that still work against /api/v1/account.
>
> CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N
>
> Workaround: set allow_legacy_tokens = false in the panel API config;
> nothing in the current UI creates those tokens anymore.
>
> Advisory wording I'd suggest: "Old API tokens created before 2022
> have been disabled; please create a new token if a script stops
> working."
>
> Kenji Morita
""",
    label=lab("vulnerability", "en",
              vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score=7.5,
              fix="set allow_legacy_tokens = false",
              cust="Old API tokens created before 2022")))

# ---------------------------------------------------------------- 040
MAILS.append(dict(
    file="040-cliente-fattura-falsa-logo.eml",
    headers=[("From", "Loredana Cipriani <loredana@studiocipriani.example>"),
             ("To", "security@example.test"),
             ("Subject", "fattura falsa a vostro nome"),
             ("Date", "Mon, 30 Jun 2025 08:27:44 +0200"),
             ("Message-ID", "<b31e9a70-cipriani@webmail.studiocipriani.example>")],
    charset="iso-8859-1", cte="quoted-printable",
    text="""Buongiorno,

venerdì pomeriggio la nostra segretaria ha ricevuto una mail che
sembrava arrivare da voi, con il vostro logo e l'intestazione uguale a
quella delle fatture vere, che diceva che il rinnovo del dominio non
era andato a buon fine e che c'era una "fattura insoluta" da pagare
con bonifico su un IBAN diverso dal solito. In allegato c'era un file
zip chiamato Fattura_2025_06.zip.

Lei purtroppo lo ha aperto, e da quel momento il suo computer è
lentissimo; il tecnico che ci segue ha detto che dentro c'era un
programma e che ha trovato un processo strano che si collegava
all'estero. Il bonifico per fortuna non l'abbiamo fatto, ci è sembrato
strano l'IBAN.

Il mittente era amministrazione@altavia-fatture.example, che non mi
sembra il vostro dominio. Vi giro volentieri la mail originale se vi
serve.

Forse conviene avvisare tutti i clienti che voi non mandate mai
fatture in allegato zip e che l'IBAN non cambia per email, perché non
credo che siamo stati gli unici.

Cordiali saluti
Loredana Cipriani
Studio Commercialista Cipriani
""",
    label=lab("incident", "it",
              cust="non mandate mai fatture in allegato zip")))


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
