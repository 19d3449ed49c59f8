#!/usr/bin/env python3
"""Writes the hand-written secdesk test mails (NNN-slug.eml) and expected.jsonl.

Every mail below is its own piece of writing; this script only takes care of
MIME structure, charsets and transfer encodings."""
import os, json, io
from email.mime.text import MIMEText
from email.mime.multipart import MIMEMultipart
from email.mime.application import MIMEApplication
from email.charset import Charset, QP, BASE64
from email.header import Header
from email.generator import BytesGenerator

OUT = os.path.dirname(os.path.abspath(__file__))

def L(kind, lang, cves=(), vector=None, score=None, reported=None, fix=None, cust=None):
    return {"kind": kind, "language": lang, "cve_ids": sorted(cves),
            "cvss_vector": vector, "cvss_score": score, "reported_score": reported,
            "has_remediation": fix is not None, "remediation_hint": fix,
            "has_customer_message": cust is not None, "customer_message_hint": cust}

MAILS = []
def mail(**kw): MAILS.append(kw)

# ---------------------------------------------------------------- 001
mail(file="001-thumb-ssrf.eml",
     hdr={"From": "Tomasz Wierzbicki <tw@fuzzhaus.example>",
          "To": "security@example.test",
          "Subject": "SSRF in thumbnail service (media.example.test)",
          "Date": "Mon, 03 Mar 2025 08:14:09 +0100",
          "Message-ID": "<20250303071409.GA4411@fuzzhaus.example>"},
     charset="us-ascii", cte="7bit",
     text=r'''
Hi,

The thumbnail endpoint at https://media.example.test/v2/thumb?src= fetches
any URL server-side, including link-local addresses. Requesting

  /v2/thumb?src=http://169.254.169.254/latest/meta-data/iam/security-credentials/

returns the instance role name, and a second request with the role name
appended returns temporary keys. I stopped there and did not use them.

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:N

Fix: resolve the host before fetching and refuse private, loopback and
link-local ranges (and re-check after redirects). Better still, only allow
your own CDN hosts as sources.

Tomasz
--
fuzzhaus.example | PGP 0x5E1A9C3F
''',
     label=L("vulnerability", "en", vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:N", score=9.3,
             fix="resolve the host before fetching"))

# ---------------------------------------------------------------- 002
mail(file="002-pannello-violato.eml",
     hdr={"From": "Gianluca Ferri <g.ferri@tipografiaferri.example>",
          "To": "security@example.test",
          "Subject": "qualcuno è entrato nel nostro pannello",
          "Date": "Tue, 4 Mar 2025 09:02:51 +0100",
          "Message-ID": "<a1f3c0de-77aa-4c1e-9b1b-ferri@tipografiaferri.example>"},
     charset="iso-8859-1", cte="8bit",
     text='''
Ciao,

ti scrivo perché stamattina verso le 7 ci è arrivata la notifica che
l'indirizzo email dell'account amministratore del pannello hosting era
stato cambiato. Non siamo stati noi. Siamo riusciti a rientrare solo
grazie al reset via SMS sul cellulare del titolare.

Dal registro accessi del pannello risultano login da 203.0.113.77 e
203.0.113.80, che non sono nostri (noi usciamo da Brescia con IP fisso).
Hanno anche creato una casella nuova, fatture@tipografiaferri.example,
che non abbiamo mai chiesto, e da lì sono partite mail ai nostri clienti
con un IBAN diverso dal nostro.

Per ora abbiamo già cambiato la password dell'account principale,
cancellato la casella fasulla e attivato la verifica in due passaggi.
Però vorrei capire da voi come hanno fatto a entrare e se hanno toccato
altro (DNS? backup?).

Fammi sapere, grazie
Gianluca

Tipografia Ferri snc
via dei Mille 14 - Brescia
''',
     label=L("incident", "it", fix="abbiamo già cambiato la password"))

# ---------------------------------------------------------------- 003
mail(file="003-libxml2-question.eml",
     hdr={"From": "Priya Raman <priya.raman@northwind-logistics.example>",
          "To": "security@example.test",
          "Subject": "Question about libxml2 on BX-400",
          "Date": "Wed, 05 Mar 2025 15:40:22 +0000",
          "Message-ID": "<CAF8x9Q2pR@mail.northwind-logistics.example>"},
     charset="us-ascii", cte="7bit",
     text='''
Hello security team,

Our vulnerability scanner flagged CVE-2024-25062 against the on-prem backup
appliance we bought from you last year (model BX-400, firmware 5.2.11). I
can't tell whether that is a real finding or just the scanner matching a
package name in the HTTP banner.

Could you confirm whether the firmware actually ships an affected libxml2,
and if so whether a firmware update is planned? We need an answer for our
quarterly risk review by the end of the month.

Many thanks,
Priya Raman
IT Infrastructure, Northwind Logistics
''',
     label=L("unknown", "en", cves=["CVE-2024-25062"]))

# ---------------------------------------------------------------- 004
mail(file="004-comune-directory-listing.eml",
     hdr={"From": "Ufficio Sistemi Informativi - Comune di Valdorso <sistemi.informativi@comune.valdorso.example>",
          "To": "Ufficio Sicurezza <security@example.test>",
          "Subject": "Segnalazione vulnerabilità – area download del portale (prot. n. 4471/2025)",
          "Date": "Thu, 6 Mar 2025 11:27:03 +0100",
          "Message-ID": "<prot.4471.2025@comune.valdorso.example>"},
     charset="utf-8", cte="qp", kind="alt",
     text='''
Spett.le Ufficio Sicurezza,

con la presente si segnala quanto rilevato dal personale dello scrivente
Ufficio nel corso delle verifiche periodiche sul portale istituzionale,
ospitato presso i Vostri server in forza del contratto n. 2023/118.

Oggetto: area download del portale
Descrizione: il percorso /download/archivio/ risulta navigabile (elenco dei
file visibile senza autenticazione). Tra i file elencati figurano copie
compresse del database del portale (es. portale_2025-03-01.sql.gz),
potenzialmente contenenti dati personali dei cittadini iscritti alla
newsletter.
Punteggio CVSS stimato: 7,5
Richiesta: si chiede di porre rimedio con la massima urgenza e di darne
comunicazione allo scrivente Ufficio.

Si resta in attesa di cortese riscontro entro i termini contrattuali.

Distinti saluti

Il Responsabile dell'Ufficio Sistemi Informativi
dott. Marcello Ricci
Comune di Valdorso – Piazza del Municipio 1
''',
     html='''
<html><body>
<p>Spett.le Ufficio Sicurezza,</p>
<p>con la presente si segnala quanto rilevato dal personale dello scrivente
Ufficio nel corso delle verifiche periodiche sul portale istituzionale,
ospitato presso i Vostri server in forza del contratto n. 2023/118.</p>
<table border="1" cellpadding="3">
<tr><th>Oggetto</th><td>area download del portale</td></tr>
<tr><th>Descrizione</th><td>il percorso /download/archivio/ risulta navigabile (elenco dei
file visibile senza autenticazione). Tra i file elencati figurano copie compresse del
database del portale (es. portale_2025-03-01.sql.gz), potenzialmente contenenti dati
personali dei cittadini iscritti alla newsletter.</td></tr>
<tr><th>Punteggio CVSS stimato</th><td>7,5</td></tr>
<tr><th>Richiesta</th><td>si chiede di porre rimedio con la massima urgenza e di darne
comunicazione allo scrivente Ufficio.</td></tr>
</table>
<p>Si resta in attesa di cortese riscontro entro i termini contrattuali.</p>
<p>Distinti saluti</p>
<p>Il Responsabile dell'Ufficio Sistemi Informativi<br>dott. Marcello Ricci<br>
Comune di Valdorso &ndash; Piazza del Municipio 1</p>
</body></html>
''',
     label=L("vulnerability", "it", reported=7.5))

# ---------------------------------------------------------------- 005
mail(file="005-soc-phishing-brand.eml",
     hdr={"From": "Halcyon MDR SOC <soc@halcyon-mdr.example>",
          "To": "security@example.test",
          "Cc": "Ines Okafor <ines.okafor@halcyon-mdr.example>",
          "Subject": "[HMDR-2025-0312] Phishing campaign impersonating your brand",
          "Date": "Fri, 07 Mar 2025 10:55:40 +0000",
          "Message-ID": "<HMDR-2025-0312.1741344940@soc.halcyon-mdr.example>"},
     charset="utf-8", cte="qp", kind="alt",
     attach=("hmdr-2025-0312-iocs.json", b'{"type":"bundle","id":"bundle--3c1e","objects":[{"type":"indicator","pattern":"[ipv4-addr:value = \'198.51.100.23\']"}]}'),
     text='''
Hello,

Halcyon MDR's SOC is tracking a phishing campaign that impersonates your
company. Since 06:40 UTC today we have seen roughly 2,300 messages delivered
to mailboxes at three of our clients, subject "Your hosting plan will be
suspended", linking to a credential-harvesting page at
hxxps://login-examplehost[.]test/account (resolving to 198.51.100.23).

The page is a pixel copy of your customer login and posts credentials to
/gate.php on the same host. Two users at one client entered their
credentials before we blocked the URL; their accounts have been reset on
the client side.

What we did: blocked the domain and IP at our clients' mail gateways and web
proxies, and filed an abuse report with the provider hosting 198.51.100.23.

If you decide to warn your customers, something along these lines might
help: "We will never ask you to confirm your password through a link in an
e-mail. If you received a message saying your plan is about to be suspended,
do not click it; sign in by typing our address yourself."

IOCs attached in STIX 2.1. Happy to share more.

-- 
Ines Okafor
Threat Intelligence Lead, Halcyon MDR
''',
     html='''
<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">
<p>Hello,</p>
<p>Halcyon MDR's SOC is tracking a phishing campaign that impersonates your company.
Since 06:40 UTC today we have seen roughly 2,300 messages delivered to mailboxes at
three of our clients, subject &quot;Your hosting plan will be suspended&quot;, linking
to a credential-harvesting page at <code>hxxps://login-examplehost[.]test/account</code>
(resolving to 198.51.100.23).</p>
<p>The page is a pixel copy of your customer login and posts credentials to
/gate.php on the same host. Two users at one client entered their credentials before
we blocked the URL; their accounts have been reset on the client side.</p>
<p><b>What we did:</b> blocked the domain and IP at our clients' mail gateways and web
proxies, and filed an abuse report with the provider hosting 198.51.100.23.</p>
<p>If you decide to warn your customers, something along these lines might help:</p>
<blockquote>We will never ask you to confirm your password through a link in an e-mail.
If you received a message saying your plan is about to be suspended, do not click it;
sign in by typing our address yourself.</blockquote>
<p>IOCs attached in STIX 2.1. Happy to share more.</p>
<p>-- <br>Ines Okafor<br>Threat Intelligence Lead, Halcyon MDR</p>
</div>
''',
     label=L("incident", "en", fix="blocked the domain and IP",
             cust="We will never ask you to confirm your"))

# ---------------------------------------------------------------- 006
mail(file="006-idor-fatture.eml",
     hdr={"From": "r3dfl4g <r3dfl4g@protonmail.example>",
          "To": "security@example.test",
          "Subject": "[Bug bounty] IDOR su /api/v1/invoices – fatture di altri clienti",
          "Date": "Sat, 8 Mar 2025 23:48:12 +0100",
          "Message-ID": "<Zr9kQ1fT0x_idor@protonmail.example>"},
     charset="utf-8", cte="8bit",
     text='''
## Sommario
L'endpoint `GET /api/v1/invoices/{id}` dell'area clienti restituisce il PDF
della fattura per qualsiasi `id`, senza verificare che appartenga
all'account autenticato.

## Passi per riprodurre
1. Accedi con un account di prova (io ne ho usati due miei: A e B).
2. Dall'account A scarica una fattura e annota l'id, es. `88213`.
3. Dall'account B chiama `GET /api/v1/invoices/88213` con il token di B.
4. Ricevi il PDF dell'account A (ragione sociale, indirizzo, P.IVA, importi).

Gli id sono sequenziali, quindi enumerarli tutti è banale. Non l'ho fatto:
ho provato solo tra i miei due account.

## Impatto
Divulgazione dei dati di fatturazione di tutti i clienti.

## CVSS
cvss:3.1/av:n/ac:l/pr:l/ui:n/s:u/c:h/i:n/a:n

## Correzione
Nel controller, prima di servire il file, verificare che
`invoice.account_id` coincida con l'account della sessione. Usare UUID al
posto degli id sequenziali va bene solo come difesa aggiuntiva.

Ciao,
r3dfl4g
''',
     label=L("vulnerability", "it", vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", score=6.5,
             fix="prima di servire il file, verificare"))

# ---------------------------------------------------------------- 007
mail(file="007-quickforms-xss.eml",
     hdr={"From": "Nguyen Van Hoang <hoang.nv@secviet.example>",
          "To": "security@example.test",
          "Subject": "Stored XSS in \"QuickForms Pro\" plugin on your marketplace",
          "Date": "Sun, 09 Mar 2025 14:03:00 +0700",
          "Message-ID": "<CAHv0ng_7x2k@secviet.example>"},
     charset="us-ascii", cte="7bit",
     text='''
Dear Security Team,

I am writing for report a stored XSS in plugin "QuickForms Pro" version
3.8.2 which is sell in your marketplace by publisher Formly Labs. The field
"label" of form builder is not escape HTML, so when an editor put
<img src=x onerror=alert(document.domain)> inside, the script run for every
visitor of the form and also in admin dashboard of the site owner.

I have contact Formly Labs since 3 weeks (first mail 17 February), they
answer one time "we check" and after nothing. Until now there is not any
patch from them, the last version in marketplace is still 3.8.2.

I calculate CVSS 5.4 (medium). Because the plugin have more than 9000
installs I think is better your team know.

Please tell me if you need video of PoC.

Best regards,
Nguyen Van Hoang
SecViet Research
''',
     label=L("vulnerability", "en", reported=5.4))

# ---------------------------------------------------------------- 008
mail(file="008-inoltro-ransomware-studio.eml",
     hdr={"From": "Sara Colombo <sara.colombo@example.test>",
          "To": "security@example.test",
          "Subject": "I: URGENTE file cifrati sul server",
          "Date": "Wed, 12 Mar 2025 07:31:18 +0100",
          "Message-ID": "<AM9PR07MB7713C1D2E0@AM9PR07MB7713.eurprd07.example.test>"},
     charset="windows-1252", cte="8bit",
     text='''
Ciao team sicurezza,

vi giro quanto ricevuto stanotte dal cliente. Abbiamo già isolato la VM
dalla rete pubblica e congelato gli snapshot, così non vengono
sovrascritti con dati cifrati. Non abbiamo spento la macchina per non
perdere la memoria, se vi serve per l'analisi.

Per il cliente e per gli altri ospitati sullo stesso cluster proporrei di
scrivere qualcosa come: “stiamo analizzando un incidente che riguarda un
singolo server; al momento non ci sono evidenze di impatto su altri
clienti”.

Sara
Supporto Tecnico – Livello 2

________________________________
Da: Andrea Bertolini <a.bertolini@studiobertolini.example>
Inviato: martedì 11 marzo 2025 23:52
A: supporto@example.test
Oggetto: URGENTE file cifrati sul server

Buonasera,
tutti i file della cartella condivisa sul server che ci ospitate hanno
l'estensione .lkd e in ogni cartella c'è un file LEGGIMI.txt che chiede un
riscatto in bitcoin. Il gestionale non parte più. Cosa dobbiamo fare?
Abbiamo dei backup ma non so se sono buoni.

Andrea Bertolini
Studio Bertolini Commercialisti
''',
     label=L("incident", "it", fix="isolato la VM dalla rete pubblica",
             cust="stiamo analizzando un incidente"))

# ---------------------------------------------------------------- 009
mail(file="009-pgp-key-request.eml",
     hdr={"From": "Lukas Brenner <lukas@brenner-sec.example>",
          "To": "security@example.test",
          "Subject": "Encrypted channel?",
          "Date": "Wed, 12 Mar 2025 19:12:44 +0100",
          "Message-ID": "<8d1e5b0a-9c3e-4f7b-a2c4-lb@brenner-sec.example>"},
     charset="us-ascii", cte="7bit",
     text='''
Hi,

I may have something for you in one of your customer-facing APIs, but I'd
rather not describe it in clear text. Is there a PGP key or some other
encrypted channel I can use? I couldn't find a security.txt anywhere under
example.test.

Also, do you run a bounty or a hall of fame? Not a condition, just asking.

Thanks,
Lukas
''',
     label=L("unknown", "en"))

# ---------------------------------------------------------------- 010
mail(file="010-autorizzazione-pentest.eml",
     hdr={"From": "Federica Lanza <f.lanza@securitalia-consulting.example>",
          "To": "security@example.test",
          "Subject": "Richiesta autorizzazione penetration test – cliente Farmacie Riunite S.p.A.",
          "Date": "Thu, 13 Mar 2025 10:05:37 +0100",
          "Message-ID": "<002b01db93f1$7a0c1e20$6e245a60@securitalia-consulting.example>"},
     charset="windows-1252", cte="8bit",
     text='''
Gentile Responsabile della Sicurezza,

mi chiamo Federica Lanza e lavoro per Securitalia Consulting. Il nostro
cliente Farmacie Riunite S.p.A., che ospita presso di Voi il proprio
e-commerce (server dedicati nel datacenter di Milano), ci ha incaricati di
un test di intrusione dall'esterno sulle proprie applicazioni.

Prima di iniziare vorremmo ottenere la Vostra autorizzazione scritta, come
previsto dalle Vostre condizioni di servizio. Le attività si
svolgerebbero dal 7 al 18 aprile, in orario 20:00–06:00, dagli indirizzi
192.0.2.40 e 192.0.2.41, sui soli host del cliente (elenco in allegato).
Non sono previsti test di negazione del servizio.

Le chiedo cortesemente di indicarci se serve un modulo specifico e a chi
rivolgerci in caso di problemi durante le finestre di test.

La ringrazio per l'attenzione.

Cordiali saluti,
Federica Lanza
Senior Penetration Tester – Securitalia Consulting S.r.l.
Tel. +39 02 0000 0000
''',
     label=L("unknown", "it"))

# ---------------------------------------------------------------- 011
mail(file="011-grafana-traversal.eml",
     hdr={"From": "Marco Vidal <mvidal@hexcrawl.example>",
          "To": "security@example.test",
          "Subject": "Outdated Grafana on metrics.example.test",
          "Date": "Fri, 14 Mar 2025 01:22:10 -0300",
          "Message-ID": "<CAM+vidal=Q9s@hexcrawl.example>"},
     charset="us-ascii", cte="7bit",
     text='''
Hey folks,

metrics.example.test is running Grafana 8.2.6 (the version string is in the
login page footer), which has the plugin path traversal tracked as
CVE-2021-43798. Unauthenticated, I could read /etc/passwd with

  curl --path-as-is https://metrics.example.test/public/plugins/alertlist/../../../../../../../../etc/passwd

I didn't go for grafana.ini or the sqlite DB, but those would be the obvious
next step for an attacker (datasource passwords, secret_key). For your
deployment I'd put it at CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N since
it's reachable by anyone.

You'll want to upgrade to 8.3.1 or later; if that can't happen today,
putting the instance behind your VPN or blocking /public/plugins/ at the
reverse proxy would close it in the meantime.

cheers
Marco
''',
     label=L("vulnerability", "en", cves=["CVE-2021-43798"],
             vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score=7.5,
             fix="upgrade to 8.3.1 or later"))

# ---------------------------------------------------------------- 012
mail(file="012-csirt-gateway-vpn.eml",
     hdr={"From": "CSIRT Regione Tirrenia <csirt@regione.tirrenia.example>",
          "To": "security@example.test",
          "Subject": "[CSIRT-RT] Notifica esposizione servizi vulnerabili – rif. 2025/0219",
          "Date": "Fri, 14 Mar 2025 12:00:05 +0100",
          "Message-ID": "<csirt-rt-2025-0219@regione.tirrenia.example>"},
     charset="windows-1252", cte="qp",
     text='''
Alla c.a. del referente sicurezza

Nell'ambito del servizio di monitoraggio delle superfici esposte, il CSIRT
regionale ha rilevato che l'indirizzo 198.51.100.61, appartenente al Vostro
spazio di indirizzamento, espone l'interfaccia web di un gateway VPN
Ardesia SG con versione firmware 4.1.2.

Tale versione è interessata dalle vulnerabilità CVE-2025-31877 (esecuzione
di codice da remoto senza autenticazione) e CVE-2025-31878 (elusione
dell'autenticazione SAML), per le quali il produttore segnala sfruttamento
attivo. Non disponiamo di evidenze di compromissione dello specifico
apparato.

Si raccomanda di aggiornare il firmware alla versione 4.1.5 o successiva e,
a seguito dell'aggiornamento, di invalidare le sessioni attive e verificare
i log di accesso degli ultimi 30 giorni.

Si prega di dare riscontro dell'avvenuta presa in carico rispondendo a
questo indirizzo e mantenendo il riferimento in oggetto.

CSIRT Regione Tirrenia
Struttura regionale per la sicurezza informatica
''',
     label=L("vulnerability", "it", cves=["CVE-2025-31877", "CVE-2025-31878"],
             fix="firmware alla versione 4.1.5"))

# ---------------------------------------------------------------- 013
mail(file="013-someone-in-my-account.eml",
     hdr={"From": "Debbie Hollis <debbie.hollis58@mailbox.example>",
          "To": "security@example.test",
          "Subject": "someone is in my account??",
          "Date": "Sat, 15 Mar 2025 07:49:31 -0500",
          "Message-ID": "<6F2C1A0E-5D6B-4B4E-9C1F-DH58@mailbox.example>"},
     charset="utf-8", cte="8bit",
     text='''
hi

I got an email this morning saying my email address was changed on my
account and now I cant log in. I didnt change anything. My website
(hollisquilts.example) now has a page saying “hacked by” something and
some writing I cant read.

I pay you every month for this, please help me get it back. I dont know
what info you need, my account name is dhollis.

Debbie

Sent from my iPhone
''',
     label=L("incident", "en"))

# ---------------------------------------------------------------- 014
mail(file="014-mail-strana-rinnovo.eml",
     hdr={"From": "Pino Marchetti <pino.marchetti@posta.example>",
          "To": "security@example.test",
          "Subject": "Fw: mail strana a nome vostro",
          "Date": "Sun, 16 Mar 2025 18:20:02 +0000",
          "Message-ID": "<DB8P190MB0612AF@DB8P190MB0612.EURP190.example>"},
     charset="utf-8", cte="qp",
     text='''
Buongiorno, mi è arrivata questa mail che sembra vostra ma l'indirizzo è strano (noreply@examp1e-billing.test con l'uno al posto della elle). Dice che il pagamento del dominio non è andato a buon fine e di pagare 4,99 euro con un link. Io non ho cliccato, mia moglie sì e ha messo i dati della carta prima di accorgersene. È una truffa? Adesso cosa dobbiamo fare?

Vi incollo sotto il testo.

"Gentile cliente, il rinnovo del suo dominio non e stato completato. Per evitare la sospensione clicchi qui entro 24 ore: hxxp://examp1e-billing.test/rinnovo"

Saluti
Pino Marchetti

Inviato da Outlook per Android
''',
     label=L("incident", "it"))

# ---------------------------------------------------------------- 015
mail(file="015-jwt-key-confusion.eml",
     hdr={"From": "Aisha Karimova <aisha@quillsec.example>",
          "To": "Security Desk <security@example.test>",
          "Subject": "JWT algorithm confusion in Partner API gateway",
          "Date": "Mon, 17 Mar 2025 16:44:58 +0400",
          "Message-ID": "<quill-2025-007.3f1b@quillsec.example>"},
     charset="utf-8", cte="7bit",
     text='''
Hello,

Please find below the details of an issue I found in the Partner API
gateway (partners-api.example.test). All testing was done against my own
partner sandbox account.

Summary
-------
The gateway accepts tokens signed with HS256 using the gateway's public RSA
key (published at /.well-known/jwks.json) as the HMAC secret. This is the
classic key-confusion pattern, the same class of bug as CVE-2015-9235 in
the node jsonwebtoken library. Anyone can therefore mint a valid token for
any partner_id.

Steps to reproduce
------------------
1. Download the JWKS and convert the RSA key to PEM.
2. Build a token with header {"alg":"HS256"} and payload
   {"partner_id":"<any>","scope":"admin"}.
3. Sign it with HMAC-SHA256, using the PEM text as the key.
4. Call GET /v3/partners/me with it: the response is the target partner's
   profile.

Severity
--------
CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N
(for those still on 3.1: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N)

Recommendation
--------------
Pin the expected algorithm server-side (RS256 only) instead of trusting the
token header, and reject any token whose alg differs. Once fixed, rotate
the signing key, since tokens minted this way cannot be told apart from
real ones.

Suggested advisory text for partners
------------------------------------
"A flaw in token validation on the Partner API could have allowed a third
party to act on behalf of a partner account. The issue has been fixed; as a
precaution all API sessions have been revoked and you will need to sign in
again."

Disclosure
----------
I follow a 90-day policy and am happy to coordinate dates.

Regards,
Aisha Karimova
Quill Security Research
''',
     label=L("vulnerability", "en", cves=["CVE-2015-9235"],
             vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=9.3,
             fix="Pin the expected algorithm server-side",
             cust="all API sessions have been revoked"))

# ---------------------------------------------------------------- 016
mail(file="016-open-redirect-login.eml",
     hdr={"From": "Davide Sorrentino <davide.sorrentino@posta.example>",
          "To": "security@example.test",
          "Subject": "Re: Segnalazione problema link di login",
          "Date": "Mon, 3 Mar 2025 12:37:40 +0100",
          "In-Reply-To": "<sup-88123@example.test>",
          "Message-ID": "<CAD5orr3nt1n0=xY@posta.example>"},
     charset="utf-8", cte="8bit",
     text='''
Salve, come mi avete suggerito giro la segnalazione a questo indirizzo.

In breve: la pagina https://account.example.test/login accetta un parametro
?next= e dopo il login reindirizza a qualsiasi indirizzo esterno, per
esempio https://account.example.test/login?next=https://evil.example/pannello.
Chi riceve un link così vede il vostro dominio, fa il login vero e poi
finisce su una pagina mia che può chiedergli di nuovo la password "perché
scaduta". Secondo me è un bel regalo per chi fa phishing.

Io gli darei un punteggio CVSS 4,7 più o meno. Fatemi sapere se riuscite
a sistemarlo.

Davide

Il giorno lun 3 mar 2025 alle ore 10:14 Supporto Clienti <supporto@example.test> ha scritto:
> Gentile Davide,
> grazie per il messaggio. Per le segnalazioni di sicurezza la invitiamo a
> scrivere a security@example.test, dove il team dedicato potrà prenderla
> in carico.
> Cordiali saluti,
> Il Supporto Clienti
>
>> Buongiorno, credo di aver trovato un problema nella pagina di login, a
>> chi posso mandare i dettagli?
''',
     label=L("vulnerability", "it", reported=4.7))

# ---------------------------------------------------------------- 017
mail(file="017-leaked-deploy-token.eml",
     hdr={"From": "Keshav Iyer <keshav@leakwatch.example>",
          "To": "security@example.test",
          "Subject": "Your deploy token is public, and someone is using it",
          "Date": "Tue, 18 Mar 2025 05:10:27 +0530",
          "Message-ID": "<lw-notify-55120@leakwatch.example>"},
     charset="us-ascii", cte="7bit",
     text='''
Hi there,

Our secret-scanning crawler found what looks like one of your internal
deploy tokens committed in a public repository: code.example/ops-scratch/
ansible-misc, file group_vars/prod.yml, commit 7f3e9a1 (pushed 14 days ago
by a user whose profile names your company). The token starts with exdp_
and is 40 characters long.

We normally stop at notification, but this time the same token also shows
up in a paste posted yesterday on a well-known dump site, next to a list of
your internal container image names and the word "working". So it is most
likely not just exposed but already being used by someone.

I have not tried the token myself. Happy to share the paste URL and our
crawl record with whoever picks this up.

Keshav Iyer
LeakWatch
''',
     label=L("incident", "en"))

# ---------------------------------------------------------------- 018
mail(file="018-spraying-da-vostri-ip.eml",
     hdr={"From": "SOC Cantiere Digitale <soc@cantieredigitale.example>",
          "To": "security@example.test, abuse@example.test",
          "Subject": "Attacco brute force in corso da vostri indirizzi IP",
          "Date": "Wed, 19 Mar 2025 05:41:13 +0100",
          "Message-ID": "<soc-cd-20250319-0541@cantieredigitale.example>"},
     charset="utf-8", cte="b64",
     text='''
Buongiorno,

siamo il SOC di Cantiere Digitale. Dalle 02:10 di questa notte rileviamo
un attacco di tipo password spraying contro il nostro portale VPN,
proveniente da tre indirizzi che risultano assegnati a Voi:

- 198.51.100.14
- 198.51.100.15
- 198.51.100.19

Circa 18.000 tentativi di login in tre ore, con nomi utente reali dei
nostri dipendenti (probabilmente ricavati da LinkedIn). Nessun accesso
riuscito finora. Presumiamo si tratti di macchine di Vostri clienti
compromesse o noleggiate allo scopo.

Nel frattempo abbiamo bloccato i tre indirizzi sul firewall perimetrale e
abbassato a 5 la soglia di tentativi falliti prima del blocco degli
account. Vi chiediamo di verificare le macchine in questione e, se
possibile, di sospenderle.

In allegato un estratto dei log (orari in UTC).

Grazie,
Roberta Gallo
Analista SOC – Cantiere Digitale S.p.A.
''',
     label=L("incident", "it", fix="abbiamo bloccato i tre indirizzi"))

# ---------------------------------------------------------------- 019
mail(file="019-thanks-hoodie.eml",
     hdr={"From": "Oskar Lindqvist <oskar@lindqvist.example>",
          "To": "security@example.test",
          "Subject": "Thanks!",
          "Date": "Wed, 19 Mar 2025 21:03:55 +0100",
          "Message-ID": "<87h6a1k2zq.fsf@lindqvist.example>"},
     charset="utf-8", cte="8bit",
     text='''
Hi team,

Just a quick note to say thank you for the fast turnaround on the report I
sent in January (the one that became CVE-2025-10422 in your advisory). The
hoodie arrived yesterday and my daughter has already claimed it.

Honestly one of the smoother disclosures I've done this year: clear
replies, no lawyers, and credit in the advisory exactly as I asked. I'll
keep you in mind.

All the best,
Oskar

-- 
Oskar Lindqvist · lindqvist.example
''',
     label=L("unknown", "en", cves=["CVE-2025-10422"]))

# ---------------------------------------------------------------- 020
mail(file="020-stato-segnalazione.eml",
     hdr={"From": "Valentina Greco <v.greco@agenziagreco.example>",
          "To": "security@example.test",
          "Subject": "stato segnalazione SEC-2025-0418?",
          "Date": "Thu, 20 Mar 2025 09:15:00 +0100",
          "Message-ID": "<f04a9e2b1c@agenziagreco.example>"},
     charset="iso-8859-1", cte="8bit",
     text='''
Buongiorno,
a metà febbraio vi avevo mandato una segnalazione sul modulo contatti del
nostro sito (numero di conferma SEC-2025-0418) e non ho più saputo niente.
Il nostro cliente mi chiede aggiornamenti quasi ogni giorno: potete dirmi a
che punto siete e se c'è una data prevista per la correzione?

Grazie mille,
Valentina Greco
Agenzia Greco - Comunicazione e Web
''',
     label=L("unknown", "it"))

# ---------------------------------------------------------------- 021
mail(file="021-bx400-config-export.eml",
     hdr={"From": "Redline Assurance <findings@redline-assurance.example>",
          "To": "security@example.test",
          "Subject": "Finding RA-2025-117: unauthenticated config export on BX-400",
          "Date": "Thu, 20 Mar 2025 14:30:00 +0100",
          "Message-ID": "<RA-2025-117.notify@redline-assurance.example>"},
     charset="utf-8", cte="qp", kind="html",
     html='''
<html><head><meta charset="utf-8"></head>
<body style="font-family:Arial,sans-serif;font-size:13px">
<p>Hello,</p>
<p>During an authorised assessment for a mutual customer we identified the following
issue in your backup appliance. The customer has agreed that we share it with you
directly.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<tr><th align="left">Finding</th><td>RA-2025-117</td></tr>
<tr><th align="left">Product</th><td>BX-400 backup appliance, firmware 5.2.11 and 5.3.0</td></tr>
<tr><th align="left">Issue</th><td>The endpoint <code>/cgi-bin/export_cfg</code> returns the
full configuration, including the SMB share credentials and the cloud replication key,
without authentication. Any host on the appliance&#39;s network segment can call it.</td></tr>
<tr><th align="left">CVSS</th><td>CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</td></tr>
<tr><th align="left">Recommended fix</th><td>Require an authenticated admin session for
export_cfg and encrypt secrets in the export with the admin passphrase.</td></tr>
<tr><th align="left">Customer notice</th><td>Until a fixed firmware is installed, limit
access to the appliance web interface to the management VLAN and change the SMB share
password.</td></tr>
</table>
<p>We plan to include this finding, without customer details, in a public write-up no
earlier than 90 days from today.</p>
<p>Kind regards,<br>Jonas Eberhardt<br>Principal Consultant, Redline Assurance</p>
</body></html>
''',
     label=L("vulnerability", "en", vector="CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", score=8.8,
             fix="Require an authenticated admin session",
             cust="Until a fixed firmware is installed"))

# ---------------------------------------------------------------- 022
mail(file="022-reset-senza-limite.eml",
     hdr={"From": "Ste <stefano.riva91@posta.example>",
          "To": "security@example.test",
          "Subject": "reset password senza limite tentativi",
          "Date": "Fri, 21 Mar 2025 01:58:47 +0100",
          "Message-ID": "<CAJ8stE_riva91@posta.example>"},
     charset="utf-8", cte="8bit",
     text='''
ciao
volevo segnalarvi che il reset password dell'area clienti manda un codice di 6 cifre via sms e la pagina dove lo inserisci non ha nessun limite di tentativi né captcha, ho provato col mio account a sbagliare 300 volte di fila con uno script e non mi ha mai bloccato, quindi in teoria con un milione di tentativi si entra in qualsiasi account sapendo solo il numero di telefono o la mail
il codice poi resta valido per un'ora abbondante
non ho provato su account di altri ovviamente
fatemi sapere
Ste
''',
     label=L("vulnerability", "it"))

# ---------------------------------------------------------------- 023
mail(file="023-ransomware-ds20931.eml",
     hdr={"From": "Gareth Pryce <gareth.pryce@harbourfreight-uk.example>",
          "To": "security@example.test",
          "Subject": "Ransomware on dedicated server DS-20931 - for your records",
          "Date": "Mon, 24 Mar 2025 08:02:19 +0000",
          "Message-ID": "<LO2P265MB5127E3@LO2P265MB5127.GBRP265.example>"},
     charset="utf-8", cte="8bit",
     text=r'''
Hi,

For your records, and in case it matters for your other customers: our
dedicated server DS-20931 was hit by ransomware on Saturday night. Files on
D:\ were encrypted with a .nyx extension and the note points to a Tor site.
Entry was almost certainly through RDP: the event log shows a successful
login for a local account "scanner" from 192.0.2.201 after a few thousand
failures. That account was left over from a contractor and had a weak
password - our fault, not yours.

We have wiped and reinstalled the server, restored from Friday's off-site
backup, and closed RDP to the internet entirely (access is now only via our
VPN). As far as we can tell no customer data was on that box.

Two asks: could you check whether 192.0.2.201 hit other machines in your
ranges, and let us know if your network team saw anything unusual leaving
DS-20931 on Saturday between 22:00 and 02:00 UK time?

Regards,
Gareth Pryce
Head of IT, Harbour Freight UK Ltd

This e-mail and any attachments are confidential and intended solely for
the addressee. If you have received this e-mail in error, please notify the
sender immediately and delete it from your system. Any unauthorised use,
disclosure or copying is strictly prohibited. Harbour Freight UK Ltd is
registered in England and Wales, company number 00000000. Registered
office: 1 Dockside Road, Example Town. Views expressed in this e-mail are
those of the sender and not necessarily those of the company. E-mail is not
a secure medium and we accept no liability for any damage caused by
viruses transmitted with it.
''',
     label=L("incident", "en", fix="closed RDP to the internet entirely"))

# ---------------------------------------------------------------- 024
mail(file="024-webshell-hosting-condiviso.eml",
     hdr={"From": "Lorenzo Pace <lorenzo@pacewebstudio.example>",
          "To": "security@example.test",
          "Subject": "Webshell trovata sul sito di un nostro cliente (hosting condiviso)",
          "Date": "Tue, 25 Mar 2025 08:47:30 +0100",
          "Message-ID": "<5c2e8f01a7b3@pacewebstudio.example>"},
     charset="iso-8859-1", cte="qp",
     text='''
Buongiorno,

sono Lorenzo Pace della web agency Pace Web Studio, rivenditore dei vostri
piani di hosting condiviso. Ieri sera, cercando di capire perché il sito
www.enotecabaldi.example fosse lentissimo, ho trovato nella cartella
wp-content/uploads/2024/11/ un file chiamato thumb.php che in realtà è una
webshell (esegue comandi ricevuti via POST). Dai log di accesso risulta
usata almeno dal 2 febbraio, da IP diversi, e qualcuno ha caricato anche
uno script che mandava spam.

Abbiamo provveduto a rimuovere il file, aggiornare WordPress e tutti i
plugin, e cambiare le password FTP e del database. Il punto di ingresso era
quasi certamente un vecchio plugin di slider non più mantenuto, che abbiamo
eliminato.

Il sito ha un piccolo e-commerce, ma i pagamenti passano da un gateway
esterno, quindi i dati delle carte non sono mai transitati dal server. Se
dovete avvisare gli altri clienti del server condiviso, secondo me si può
dire che è stato compromesso un singolo sito a causa di un plugin obsoleto
e che nessun dato di pagamento è stato esposto.

Vorrei sapere se dal vostro lato vedete altri account dello stesso server
con file simili.

Grazie,
Lorenzo Pace
Pace Web Studio

Le informazioni contenute in questo messaggio di posta elettronica sono
riservate e confidenziali e ne è vietata la diffusione in qualunque modo
eseguita. Qualora Lei non fosse la persona a cui il presente messaggio è
destinato, La invitiamo ad eliminarlo e a non divulgarne il contenuto,
dandone gentilmente comunicazione al mittente. I dati personali sono
trattati ai sensi del Regolamento (UE) 2016/679.
''',
     label=L("incident", "it", fix="cambiare le password FTP",
             cust="compromesso un singolo sito"))

# ---------------------------------------------------------------- 025
mail(file="025-graphql-mass-assignment.eml",
     hdr={"From": "bugsbyjun <jun.park@hunters.example>",
          "To": "security@example.test",
          "Subject": "Privilege escalation via mass assignment on updateProfile",
          "Date": "Wed, 26 Mar 2025 03:33:03 +0900",
          "Message-ID": "<jun-0326-updp@hunters.example>"},
     charset="us-ascii", cte="7bit",
     text=r'''
Title: Privilege escalation via mass assignment on updateProfile mutation
Asset: app.example.test (GraphQL at /graphql)
Weakness: CWE-915

Description:
The updateProfile mutation accepts a `role` field that the UI never sends.
A plain "member" can set their own role to OWNER of the organisation they
belong to, then invite/remove users and read billing.

PoC:
1. Log in as a member, copy the session cookie.
2. Run:
   curl -s https://app.example.test/graphql \
     -H 'Content-Type: application/json' \
     -H 'Cookie: sid=<member session>' \
     -d '{"query":"mutation{updateProfile(input:{displayName:\"x\",role:OWNER}){id role}}"}'
3. Response: {"data":{"updateProfile":{"id":"u_1942","role":"OWNER"}}}
4. Reload /settings/members: the member now has the owner controls.

Tested only inside my own two test organisations.

CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:L

-- jun
''',
     label=L("vulnerability", "en", vector="CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:L", score=8.3))

# ---------------------------------------------------------------- 026
mail(file="026-xxe-listini.eml",
     hdr={"From": "Elena Marchi <elena.marchi@di.uni-arcadia.example>",
          "To": "security@example.test",
          "Cc": "Tommaso Villa <t.villa@studenti.uni-arcadia.example>",
          "Subject": "Segnalazione vulnerabilità XXE nel portale editori",
          "Date": "Wed, 26 Mar 2025 17:20:44 +0100",
          "Message-ID": "<3b7f0c9e-2d1a-4e88-uniarcadia@di.uni-arcadia.example>"},
     charset="utf-8", cte="b64",
     text='''
Gentile team di sicurezza,

nell'ambito di una tesi magistrale che seguo, lo studente Tommaso Villa
(in copia) ha individuato una vulnerabilità nel portale editori del Vostro
marketplace (publishers.example.test). Vi scrivo a nome di entrambi.

Problema riscontrato
La funzione "Importa listino" accetta file XML e li elabora con un parser
che risolve le entità esterne (XXE). Caricando un listino con una DTD che
definisce un'entità verso file:///etc/hostname, il contenuto del file
compare nell'anteprima del listino. Lo stesso meccanismo permette di
leggere qualsiasi file accessibile al processo e di effettuare richieste
verso la rete interna.

Serve un account editore, che però chiunque può ottenere registrandosi
gratuitamente.

Valutazione
CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N

Contromisure
Disabilitare la risoluzione delle DTD e delle entità esterne nel parser XML
(con libxml2, per esempio, non passare l'opzione NOENT e impostare NONET);
in alternativa accettare i listini solo in formato CSV.

Restiamo a disposizione per una dimostrazione e Vi chiediamo, se possibile,
di concordare una data per un'eventuale pubblicazione accademica.

Cordiali saluti,
Elena Marchi
Professoressa associata, Dipartimento di Informatica
Università di Arcadia
''',
     label=L("vulnerability", "it",
             vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N", score=7.1,
             fix="Disabilitare la risoluzione delle DTD"))

# ---------------------------------------------------------------- 027
mail(file="027-fwd-abuse-ssh-scanning.eml",
     hdr={"From": "Ravi Menon <ravi.menon@example.test>",
          "To": "security@example.test",
          "Subject": "Fwd: Abuse report: SSH scanning from 203.0.113.58",
          "Date": "Thu, 27 Mar 2025 09:18:36 +0100",
          "Message-ID": "<CAPr4v1M3n0n+fwd@example.test>"},
     charset="utf-8", cte="8bit",
     text='''
Forwarding from the abuse inbox, looks like a customer VM got popped. I've
already suspended the VM (vm-7721-fra) and took a disk snapshot for you.
Owner has been told via their support ticket.

---------- Forwarded message ---------
From: Blocklist Collective <abuse@blocklist-collective.example>
Date: Thu, 27 Mar 2025 at 04:12
Subject: Abuse report: SSH scanning from 203.0.113.58
To: <abuse@example.test>


This is an automated report from Blocklist Collective.

The host 203.0.113.58, which WHOIS lists as part of your network, has been
observed performing SSH brute-force attempts against 412 of our sensors
between 2025-03-26 22:00 and 2025-03-27 04:00 UTC.

Sample log lines:
2025-03-27T03:58:11Z sensor-ams-04 sshd[2211]: Failed password for root from 203.0.113.58 port 51422 ssh2
2025-03-27T03:58:12Z sensor-ams-04 sshd[2211]: Failed password for admin from 203.0.113.58 port 51430 ssh2

Please investigate and take appropriate action. This address will remain
listed for 7 days after the last observed activity.
''',
     label=L("incident", "en", fix="already suspended the VM"))

# ---------------------------------------------------------------- 028
mail(file="028-inoltro-tinyparse.eml",
     hdr={"From": "Chiara Benedetti <chiara.benedetti@example.test>",
          "To": "security@example.test",
          "Subject": "I: Vulnerability report - Orbita CMS connector",
          "Date": "Tue, 25 Mar 2025 10:11:54 +0100",
          "Message-ID": "<b2d4c8e1-0f3a-4a5b-chiara@example.test>"},
     charset="utf-8", cte="qp",
     text='''
Ciao,

vi inoltro una segnalazione arrivata al team prodotto dal maintainer di una
libreria che usiamo nel connettore Orbita CMS. Il nostro connettore 2.x
include la versione affetta. Ho provato velocemente: la mitigazione
indicata sotto funziona anche da noi.

Ai clienti del connettore direi che è disponibile una configurazione che
elimina il rischio e che la versione corretta arriverà entro la prossima
settimana.

Chiara


-------- Messaggio inoltrato --------
Oggetto: Vulnerability report - Orbita CMS connector
Data: Mon, 24 Mar 2025 16:02:45 +0000
Mittente: Felix Haas <felix@tinyparse.example>
A: product@example.test

Hi,

heads-up as a downstream user of tinyparse: versions below 1.9.4 have a
path traversal in the archive extractor (CVE-2025-29104). A crafted .zip
with entries like ../../conf/app.yml gets written outside the target
directory. In your connector this is reachable through the "import theme"
feature, so any CMS editor can overwrite files the connector can write.

CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:H

Mitigation: set extract.safe_paths = true in the connector config (tinyparse
then rejects entries containing ".." or absolute paths), or upgrade to
tinyparse 1.9.4.

Felix
''',
     label=L("vulnerability", "it", cves=["CVE-2025-29104"],
             vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:H", score=8.1,
             fix="set extract.safe_paths = true",
             cust="è disponibile una configurazione"))

# ---------------------------------------------------------------- 029
mail(file="029-sdk-commons-text.eml",
     hdr={"From": "Derek Amoah <derek@tallyhq.example>",
          "To": "security@example.test",
          "Subject": "Fwd: SDK pulls vulnerable commons-text",
          "Date": "Tue, 01 Apr 2025 11:46:20 +0100",
          "Message-ID": "<e3b1d0aa-52f1-4c9c-tally@tallyhq.example>"},
     charset="utf-8", cte="7bit",
     text='''
Hi security team,

We're a publisher on your marketplace (TallyHQ invoicing). One of our devs
flagged the item below in your Java SDK during our own dependency review;
forwarding it as-is. NVD puts the underlying bug at CVSS 9.8. We've
pinned commons-text ourselves for now, but every other publisher on the SDK
will have the same problem.

If it's any use, the note we're sending our own customers reads: "Our
integration was updated to remove a vulnerable third-party component; no
action is needed on your side."

Derek Amoah
CTO, TallyHQ


-------- Forwarded Message --------
Subject: SDK pulls vulnerable commons-text
Date: Tue, 1 Apr 2025 09:31:07 +0100
From: Mia Kovac <mia@tallyhq.example>
To: Derek Amoah <derek@tallyhq.example>

Derek, example-marketplace-sdk 4.2.0 (their Java SDK) depends on
org.apache.commons:commons-text 1.9, i.e. the Text4Shell one,
CVE-2022-42889. The SDK runs the product description field through
StringSubstitutor.replace() when it renders templates, so it isn't just a
transitive dep sitting there: it is reachable with publisher-supplied
strings.

Bumping commons-text to 1.10.0 fixes it; I've done that in our build with a
dependency override and all tests pass.

Mia
''',
     label=L("vulnerability", "en", cves=["CVE-2022-42889"], reported=9.8,
             fix="Bumping commons-text to 1.10.0",
             cust="no action is needed on your side"))

# ---------------------------------------------------------------- 030
mail(file="030-inoltro-phishing-pagamenti.eml",
     hdr={"From": "Marta Rinaldi <marta.rinaldi@rinaldi-ottica.example>",
          "To": "security@example.test",
          "Subject": "I: Avviso di sospensione servizio",
          "Date": "Thu, 27 Mar 2025 09:40:12 +0100",
          "Message-ID": "<9A1E4C7B-33F0-4D2A-RINALDI@rinaldi-ottica.example>"},
     charset="utf-8", cte="8bit",
     text='''
Buongiorno,

vi inoltro una mail ricevuta stamattina su tutti e quattro i nostri
indirizzi aziendali. Sembra vostra (logo, colori, firma), ma il link porta
a un sito che non c'entra niente. Una collega ci è cascata e ha inserito la
password della sua casella di posta; l'ho cambiata subito io dal pannello.

Visto che è arrivata a noi, immagino sia arrivata a molti vostri clienti.
Forse conviene mandare a tutti un avviso, bastano due righe tipo: "Non
inviamo mai link per aggiornare i dati di pagamento: in caso di dubbio
accedete direttamente dal sito."

Marta Rinaldi
Ottica Rinaldi

Inizio messaggio inoltrato:

> Da: "Amministrazione" <amministrazione@example-fatture.test>
> Oggetto: Avviso di sospensione servizio
> Data: 27 marzo 2025 08:03:51 CET
> A: info@rinaldi-ottica.example
>
> Gentile Cliente,
> a causa di un errore nel rinnovo automatico, i servizi associati al suo
> dominio saranno sospesi entro 48 ore.
> Per evitare l'interruzione aggiorni il metodo di pagamento al seguente
> indirizzo: https://example-fatture.test/area-clienti/aggiorna
>
> Il Team Amministrazione
''',
     label=L("incident", "it", fix="l'ho cambiata subito io",
             cust="Non inviamo mai link per aggiornare"))

# ---------------------------------------------------------------- 031
mail(file="031-vendor-questionnaire.eml",
     hdr={"From": "Vendor Risk Office - Castellan Bank <vendor.risk@castellanbank.example>",
          "To": "security@example.test",
          "Subject": "Annual third-party security assessment - action required",
          "Date": "Fri, 28 Mar 2025 13:00:00 +0000",
          "Message-ID": "<TPRM-2025-04411@castellanbank.example>"},
     charset="utf-8", cte="qp",
     text='''
Dear Supplier,

As part of Castellan Bank's annual third-party risk programme, please
complete the attached questionnaire (TPRM-Q 2025, 46 questions) by
30 April 2025. In addition, please answer the following directly in reply
to this e-mail:

1. Provide your most recent SOC 2 Type II report or ISO/IEC 27001
   certificate.
2. Were any systems used to deliver services to Castellan Bank affected by
   CVE-2024-3094 (xz/liblzma backdoor)? If so, describe the actions taken.
3. Name and contact details of your security incident contact, and your
   contractual notification time for incidents.

Responses will be treated as confidential.

Kind regards,
Vendor Risk Office
Castellan Bank plc

————————————————————
This message and any attachment are intended solely for the addressee and
may contain confidential information. If you are not the intended
recipient, please delete it and notify the sender. Castellan Bank plc is
authorised and regulated by the Example Financial Authority.
''',
     label=L("unknown", "en", cves=["CVE-2024-3094"]))

# ---------------------------------------------------------------- 032
mail(file="032-log4j-dichiarazione.eml",
     hdr={"From": "Ing. Paolo De Santis <p.desantis@metalmeccanica-ds.example>",
          "To": "security@example.test",
          "Subject": "Log4j – richiesta dichiarazione",
          "Date": "Mon, 31 Mar 2025 08:55:09 +0200",
          "Message-ID": "<000601db01a2$11d3e6f0$357bb4d0@metalmeccanica-ds.example>"},
     charset="iso-8859-1", cte="8bit",
     text='''
Egregi Signori,

il nostro responsabile della conformità mi chiede di ottenere da tutti i
fornitori una dichiarazione scritta in merito alle vulnerabilità Log4j
(CVE-2021-44228 e CVE-2021-45046). Utilizziamo il Vostro servizio di posta
gestita e la relativa console di amministrazione web.

Vi sarei grato se poteste confermarmi se tali servizi utilizzano o hanno
utilizzato versioni di Log4j interessate e, in tal caso, in che data sono
stati aggiornati. Una breve dichiarazione su carta intestata in PDF
sarebbe sufficiente.

Ringraziando anticipatamente, porgo distinti saluti.

Ing. Paolo De Santis
Responsabile IT - Metalmeccanica De Santis S.r.l.
''',
     label=L("unknown", "it", cves=["CVE-2021-44228", "CVE-2021-45046"]))

# ---------------------------------------------------------------- 033
mail(file="033-cookie-flags.eml",
     hdr={"From": "Colm O'Riordan <colm@oriordan.example>",
          "To": "security@example.test",
          "Subject": "Session cookie missing Secure / HttpOnly flags",
          "Date": "Tue, 1 Apr 2025 20:14:41 +0100",
          "Message-ID": "<000001db0a7f$4e2c1b90$ea6952b0@oriordan.example>"},
     charset="windows-1252", cte="8bit",
     text='''
Hello,

Small one, but worth a look. The session cookie on the customer area
(“EXSESSID”, set by https://my.example.test after login) is issued without
the Secure and HttpOnly attributes, and with no SameSite. So any XSS
anywhere on my.example.test can read it, and a user who follows a plain
http:// link on a hostile network (café wi-fi, hotel…) sends it in clear.

  Set-Cookie: EXSESSID=9f2c…; Path=/; Domain=.example.test

I’d rate it severity 4.3 (medium) on its own, higher if chained with
anything else.

You might want to set Secure; HttpOnly; SameSite=Lax on that cookie, and
add an HSTS header on my.example.test while you’re at it.

Thanks,
Colm O’Riordan
''',
     label=L("vulnerability", "en", reported=4.3, fix="set Secure; HttpOnly; SameSite=Lax"))

# ---------------------------------------------------------------- 034
mail(file="034-csrf-pannello-dns.eml",
     hdr={"From": "Nicola Esposito <nicola.esposito@netlab-napoli.example>",
          "To": "security@example.test",
          "Subject": "CSRF sulla gestione DNS del pannello",
          "Date": "Wed, 2 Apr 2025 15:27:33 +0200",
          "Message-ID": "<20250402132733.1f9e@netlab-napoli.example>"},
     charset="iso-8859-1", cte="8bit",
     text='''
Salve,

segnalo che la pagina di gestione dei record DNS del pannello clienti
(https://pannello.example.test/dns/) non usa alcun token anti-CSRF: la
richiesta di aggiunta record è una semplice POST con i campi zone, type,
name e value, e il cookie di sessione basta ad autorizzarla. Ho preparato
una pagina di prova che, visitata da un utente loggato al pannello,
aggiunge al suo dominio un record MX verso un server mio. Allo stesso modo
si può cambiare il record A del sito o aggiungere un TXT per farsi
emettere certificati.

Il vettore che ho calcolato è CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N,
ma l'impatto reale dipende da cosa il cliente ha su quel dominio.

Converrebbe aggiungere un token anti-CSRF a tutti i form del pannello e
controllare l'header Origin sulle POST; nel breve, anche impostare
SameSite=Strict sul cookie di sessione risolverebbe gran parte del
problema.

Una volta corretto, agli utenti si potrebbe suggerire di ricontrollare i
record DNS dei propri domini, soprattutto MX e TXT, e di segnalare le voci
che non riconoscono.

Un saluto,
Nicola Esposito
NetLab Napoli
''',
     label=L("vulnerability", "it", vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N", score=6.5,
             fix="aggiungere un token anti-CSRF a tutti",
             cust="ricontrollare i record DNS"))

# ---------------------------------------------------------------- 035
mail(file="035-ncsc-data-leak.eml",
     hdr={"From": "NCSC-Valoria Incident Coordination <incidents@ncsc.valoria.example>",
          "To": "security@example.test",
          "Subject": "[NCSC-VL #2025-0881] Suspected data leak of customer accounts",
          "Date": "Thu, 03 Apr 2025 10:30:00 +0200",
          "Message-ID": "<ncsc-vl-2025-0881.1@ncsc.valoria.example>"},
     charset="utf-8", cte="qp", kind="alt",
     text='''
TLP:AMBER

Dear colleagues,

NCSC-Valoria has become aware of a dataset offered for sale on a criminal
forum since 2 April 2025, advertised as "example.test customer panel dump".
A sample of 500 records published by the seller contains e-mail addresses,
full names, bcrypt password hashes and last-login IP addresses. Two of the
people listed, who reported the matter to us, have confirmed that the
records are genuine and match their accounts with your company.

We have no information on how the data was obtained. The most recent
last-login date in the sample is 28 March 2025, which may help you date the
exfiltration.

Recommended actions:
- force a password reset for all accounts in the affected system and
  invalidate active sessions;
- review access to the customer database and its backups since early March;
- assess your notification obligations under applicable data protection law.

When informing affected users, we suggest telling them that their e-mail
address and name may have been exposed, that passwords were stored hashed,
and that they should be alert to phishing e-mails referring to their
account.

We can share the sample securely on request. Please acknowledge receipt
quoting the reference in the subject.

NCSC-Valoria - Incident Coordination
This message is classified TLP:AMBER. Recipients may share it within their
organisation on a need-to-know basis.
''',
     html='''
<html><body>
<p style="color:#c77700"><b>TLP:AMBER</b></p>
<p>Dear colleagues,</p>
<p>NCSC-Valoria has become aware of a dataset offered for sale on a criminal forum since
2 April 2025, advertised as &quot;example.test customer panel dump&quot;. A sample of 500
records published by the seller contains e-mail addresses, full names, bcrypt password
hashes and last-login IP addresses. Two of the people listed, who reported the matter to
us, have confirmed that the records are genuine and match their accounts with your
company.</p>
<p>We have no information on how the data was obtained. The most recent last-login date
in the sample is 28 March 2025, which may help you date the exfiltration.</p>
<p><b>Recommended actions:</b></p>
<ul>
<li>force a password reset for all accounts in the affected system and invalidate active sessions;</li>
<li>review access to the customer database and its backups since early March;</li>
<li>assess your notification obligations under applicable data protection law.</li>
</ul>
<p>When informing affected users, we suggest telling them that their e-mail address and
name may have been exposed, that passwords were stored hashed, and that they should be
alert to phishing e-mails referring to their account.</p>
<p>We can share the sample securely on request. Please acknowledge receipt quoting the
reference in the subject.</p>
<p>NCSC-Valoria &ndash; Incident Coordination<br>
<small>This message is classified TLP:AMBER. Recipients may share it within their
organisation on a need-to-know basis.</small></p>
</body></html>
''',
     label=L("incident", "en", fix="force a password reset",
             cust="be alert to phishing e-mails"))

# ---------------------------------------------------------------- 036
mail(file="036-asl-casella-violata.eml",
     hdr={"From": "ASL Valle Alta - U.O. Sistemi Informativi <protocollo@asl-vallealta.example>",
          "To": "security@example.test",
          "Subject": "Comunicazione accesso non autorizzato casella di posta – prot. n. 0012877",
          "Date": "Mon, 17 Mar 2025 12:12:12 +0100",
          "Message-ID": "<opec210.20250317121212.0012877@asl-vallealta.example>"},
     charset="iso-8859-1", cte="qp",
     text='''
Oggetto: comunicazione di accesso non autorizzato a casella di posta
elettronica ospitata sui Vostri sistemi

Con riferimento al contratto di servizio per la posta elettronica in
essere, si comunica che in data 14/03/2025 è stato rilevato l'accesso non
autorizzato alla casella di posta elettronica istituzionale di un
dipendente dell'U.O. Amministrazione. Dai log della webmail risultano
accessi da indirizzi esteri (192.0.2.99, 192.0.2.113) nel periodo dal
10/03/2025 al 14/03/2025, nonché l'invio di circa 1.200 messaggi di
phishing verso contatti esterni all'Azienda.

Si rappresenta che si è provveduto alla disattivazione dell'utenza
interessata e al reset delle relative credenziali, e che è in corso la
valutazione ai sensi degli artt. 33 e 34 del Regolamento (UE) 2016/679.

Si richiede a codesta Società di fornire, entro 5 giorni lavorativi, i log
completi di accesso alla casella nel periodo 01/03/2025 - 14/03/2025 e le
eventuali regole di inoltro configurate.

Ai destinatari dei messaggi si propone di comunicare, d'intesa con Voi, che
i messaggi ricevuti dalla casella in questione tra il 10 e il 14 marzo non
sono stati inviati dall'Azienda e vanno cancellati senza aprire allegati o
link.

Distinti saluti

Il Dirigente U.O. Sistemi Informativi
Ing. Roberto Fumagalli
(documento firmato digitalmente ai sensi del D.Lgs. 82/2005)
''',
     label=L("incident", "it", fix="disattivazione dell'utenza",
             cust="non sono stati inviati dall'Azienda"))

# ---------------------------------------------------------------- 037
mail(file="037-tiff-preview-dos.eml",
     hdr={"From": "Felipe Arroyo <felipe@arroyo-labs.example>",
          "To": "Security Desk <security@example.test>",
          "Subject": "Re: [SEC-2025-0533] Report received: DoS in file preview",
          "Date": "Thu, 10 Apr 2025 18:05:51 -0600",
          "In-Reply-To": "<sec-2025-0533.ack@example.test>",
          "References": "<sec-2025-0533.ack@example.test>",
          "Message-ID": "<CAArr0y0-q9TzP@arroyo-labs.example>"},
     charset="utf-8", cte="7bit",
     text='''
Hi,

Answers inline-ish, below.

Affected: the file preview worker on drive.example.test. The crash is in
the TIFF decoder you bundle (libtiffy 2.7). A 3 KB crafted TIFF makes it
allocate ~16 GB and the worker gets OOM-killed; a handful of these in a
shared folder takes previews down for the whole cluster, judging by the
502s every user in my test org got.

Vector: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:N/I:N/A:H

And no, I'm not aware of any fix: I reported it to the libtiffy
maintainers two weeks ago and there's no patched release yet.

Felipe

On Wed, 9 Apr 2025 at 11:20, Security Desk <security@example.test> wrote:
> Hello Felipe,
>
> Thank you for your report. We have registered it under SEC-2025-0533.
> To assess it, could you tell us which service is affected and provide a
> CVSS vector or CVE id, if available?
>
> Best regards,
> Security Desk
''',
     label=L("vulnerability", "en", vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:N/I:N/A:H", score=7.7))

# ---------------------------------------------------------------- 038
mail(file="038-paghesmart-cedolini.eml",
     hdr={"From": "Alessia Conti <alessia.conti@paghesmart.example>",
          "To": "security@example.test",
          "Cc": "marketplace-review@example.test",
          "Subject": "Vulnerabilità nel nostro add-on PagheSmart – proposta di gestione",
          "Date": "Fri, 4 Apr 2025 11:11:02 +0200",
          "Message-ID": "<ps-sec-2025-02@paghesmart.example>"},
     charset="utf-8", cte="qp",
     text='''
Buongiorno,

come editore dell'add-on PagheSmart presente sul vostro marketplace, vi
segnaliamo una vulnerabilità trovata dal nostro team nella versione 6.0
(rilasciata il 17 marzo).

**Problema riscontrato:** l'esportazione dei cedolini in PDF salva i file
in una cartella temporanea con nome prevedibile
(cedolino_<matricola>_<mese>.pdf), raggiungibile via web per 24 ore.
Conoscendo o indovinando una matricola, chiunque potrebbe scaricare il
cedolino di un dipendente dell'azienda cliente.

**Gravità:** punteggio CVSS 8,1 secondo la nostra valutazione interna.

**Soluzione temporanea:** nelle impostazioni dell'add-on disattivare
"Anteprima PDF condivisa"; l'esportazione continua a funzionare, ma il file
viene scaricato direttamente senza passare dalla cartella pubblica.

**Correzione:** versione 6.0.2, già caricata sul marketplace e in attesa
della vostra revisione.

**Messaggio per i clienti (bozza):**
"Abbiamo corretto un problema che in alcuni casi poteva rendere accessibili
i cedolini esportati in PDF. Aggiornate PagheSmart alla versione 6.0.2;
fino ad allora disattivate l'opzione Anteprima PDF condivisa."

Vi chiediamo di accelerare, se possibile, la revisione della 6.0.2 e di
concordare con noi tempi e modi dell'invio del messaggio.

Alessia Conti
Responsabile Prodotto, PagheSmart S.r.l.
''',
     label=L("vulnerability", "it", reported=8.1,
             fix="impostazioni dell'add-on disattivare",
             cust="Abbiamo corretto un problema"))

# ---------------------------------------------------------------- 039
mail(file="039-api-key-cryptomining.eml",
     hdr={"From": "Sam Whitaker <sam@pixelforge-games.example>",
          "To": "security@example.test, support@example.test",
          "Subject": "URGENT our account used for crypto mining",
          "Date": "Sat, 5 Apr 2025 06:58:03 +0100",
          "Message-ID": "<CAGx-sam-pf-0405@pixelforge-games.example>"},
     charset="utf-8", cte="8bit",
     text='''
Someone used our API key to spin up 38 GPU instances in fra-2 and ams-1
overnight, all running xmrig. Bill is already over 6k. The key lived in a CI
variable, we think our CI provider leaked it, still checking.

Done so far: disabled the key, terminated all 38 instances, rotated every
other key on the account.

Can you please (1) confirm nothing else got created – volumes, snapshots,
other regions – and (2) talk to us about the charges.

Sam
PixelForge Games

Sent from my Pixel
''',
     label=L("incident", "en", fix="terminated all 38 instances"))

# ---------------------------------------------------------------- 040
mail(file="040-galleryplus-cve.eml",
     hdr={"From": "Matteo Gentile <matteo@gentile-dev.example>",
          "To": "security@example.test",
          "Subject": "plugin GalleryPlus sul marketplace – CVE-2025-22718",
          "Date": "Sun, 6 Apr 2025 22:41:17 +0200",
          "Message-ID": "<01020196a1b2c3d4-gentile@gentile-dev.example>"},
     charset="utf-8", cte="b64", kind="alt",
     text='''
Ciao,

vi segnalo che il plugin GalleryPlus (editore Pixelnest) che vendete sul
marketplace, versione 2.3 e precedenti, è vulnerabile a CVE-2025-22718: un
utente non autenticato può caricare un file .phar tramite l'upload delle
immagini e farlo eseguire. L'ho verificato sul mio sito di test con la 2.3
scaricata dal vostro store e funziona.

L'editore per ora non ha rilasciato nulla, e sul loro forum rispondono che
una correzione non esiste ancora.

Secondo me dovreste avvisare i clienti che lo hanno installato, sono
parecchi.

Matteo
''',
     html='''
<div dir="ltr">Ciao,<br><br>vi segnalo che il plugin <b>GalleryPlus</b> (editore Pixelnest)
che vendete sul marketplace, versione 2.3 e precedenti, è vulnerabile a
<b>CVE-2025-22718</b>: un utente non autenticato può caricare un file .phar tramite
l'upload delle immagini e farlo eseguire. L'ho verificato sul mio sito di test con la 2.3
scaricata dal vostro store e funziona.<br><br>L'editore per ora non ha rilasciato nulla,
e sul loro forum rispondono che una correzione non esiste ancora.<br><br>Secondo me
dovreste avvisare i clienti che lo hanno installato, sono parecchi.<br><br>Matteo</div>
''',
     label=L("vulnerability", "it", cves=["CVE-2025-22718"]))


# ================================================================ MIME
def part(text, subtype, charset, cte):
    cs = Charset(charset)
    cs.body_encoding = {"qp": QP, "b64": BASE64}.get(cte)
    return MIMEText(text.lstrip("\n"), subtype, cs)

def build(m):
    kind = m.get("kind", "plain")
    cs, cte = m["charset"], m["cte"]
    if kind == "plain":
        msg = part(m["text"], "plain", cs, cte)
    elif kind == "html":
        msg = part(m["html"], "html", cs, cte)
    else:
        alt = MIMEMultipart("alternative")
        alt.attach(part(m["text"], "plain", cs, cte))
        alt.attach(part(m["html"], "html", cs, cte))
        msg = alt
    if m.get("attach"):
        name, data = m["attach"]
        mixed = MIMEMultipart("mixed")
        mixed.attach(msg)
        att = MIMEApplication(data, "json")
        att.add_header("Content-Disposition", "attachment", filename=name)
        mixed.attach(att)
        msg = mixed
    for k, v in m["hdr"].items():
        if k in msg: del msg[k]
        msg[k] = Header(v, "utf-8", header_name=k) if any(ord(c) > 127 for c in v) else v
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False).flatten(msg)
    return buf.getvalue()

KEYS = ["file", "kind", "language", "cve_ids", "cvss_vector", "cvss_score", "reported_score",
        "has_remediation", "remediation_hint", "has_customer_message", "customer_message_hint"]

def main():
    names = [m["file"] for m in MAILS]
    assert len(names) == len(set(names))
    with open(os.path.join(OUT, "expected.jsonl"), "w", encoding="utf-8") as f:
        for m in MAILS:
            with open(os.path.join(OUT, m["file"]), "wb") as e:
                e.write(build(m))
            lab = dict(file=m["file"], **m["label"])
            f.write(json.dumps({k: lab[k] for k in KEYS}, ensure_ascii=False) + "\n")
    print("wrote %d mails" % len(MAILS))

if __name__ == "__main__":
    main()
