#!/usr/bin/env python3
"""Writes the hand-written mails of this set and expected.jsonl.

Every mail below is its own literal text; this script only takes care of
MIME structure, charsets and transfer encodings (stdlib `email`).
A mail may carry an "envelope" (PEC transport envelope): then the mail
itself becomes postacert.eml inside a multipart/mixed envelope."""
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


def build_msg(m):
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
    return msg


def build(m):
    inner = build_msg(m)
    env = m.get("envelope")
    if env is None:
        return inner.as_bytes(policy=policy.SMTP)
    outer = EmailMessage()
    for k, v in env["headers"]:
        outer[k] = v
    outer.set_content(env["text"], charset="utf-8")
    outer.add_attachment(inner, filename="postacert.eml")
    outer.add_attachment(env["daticert"].encode("utf-8"), maintype="application",
                         subtype="xml", filename="daticert.xml")
    return outer.as_bytes(policy=policy.SMTP)


# ---------------------------------------------------------------- 001
MAILS.append(dict(file="001-ssrf-webhook-nimbus-panel.eml", headers=[
    ("From", "Tomasz Wierzbicki <t.wierzbicki@mailbox.example>"),
    ("To", "security@example.test"),
    ("Subject", "SSRF in Nimbus Panel webhook tester -> cloud metadata"),
    ("Date", "Mon, 07 Apr 2025 09:12:44 +0200"),
    ("Message-ID", "<CAKq8x1d7f3a@mail.mailbox.example>"),
], text="""Hello security team,

I found a server-side request forgery in the "Test webhook" button of Nimbus
Panel (the one under Settings > Integrations > Webhooks). The panel sends a
POST to whatever URL you type, from the panel backend, and it shows the first
2 KB of the response body in the UI. So a normal reseller sub-account can
read internal stuff.

What I tried (my own trial account, panel version shown in footer: 6.14.2):

1. Create webhook with URL http://169.254.169.254/latest/meta-data/iam/security-credentials/
2. Click "Test webhook"
3. The response box shows the role name, and on the next request with the
   role name appended I get a JSON with AccessKeyId / SecretAccessKey / Token.

I stopped there and did not use the keys. I also saw that http://127.0.0.1:9200/
answers (looks like an Elasticsearch), but I did not query any index.

My rating: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N

For the fix I would resolve the hostname and reject private ranges
(RFC1918, link-local, loopback) before connecting, and do it again after
redirects because the tester follows 302s. Also stop echoing the body back
in the UI, a status code is enough.

I can share a short video if you want. I'd like to publish a write-up after
you fix it, 90 days is fine for me.

Best regards,
Tomasz
""", label=lab("vulnerability", "en",
               vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N", score=7.7,
               fix="resolve the hostname and reject private")))

# ---------------------------------------------------------------- 002
MAILS.append(dict(file="002-pec-comune-phishing-webmail.eml",
    envelope=dict(headers=[
        ("From", "\"Per conto di: protocollo@pec.comune.valdoria.example\" <posta-certificata@pec.provider.example>"),
        ("Reply-To", "protocollo@pec.comune.valdoria.example"),
        ("To", "security@example.test"),
        ("Subject", "POSTA CERTIFICATA: Segnalazione campagna di phishing che utilizza il marchio Corvo Mail - prot. n. 0012874"),
        ("Date", "Tue, 08 Apr 2025 11:47:03 +0200"),
        ("Message-ID", "<opec21047.20250408114703.18842.611.1.59@pec.provider.example>"),
        ("X-Trasporto", "posta-certificata"),
        ("X-Riferimento-Message-ID", "<a1b9c7e2-0012874@comune.valdoria.example>"),
    ], text="""Messaggio di posta certificata

Il giorno 08/04/2025 alle ore 11:47:03 (+0200) il messaggio
"Segnalazione campagna di phishing che utilizza il marchio Corvo Mail - prot. n. 0012874" è stato inviato da "protocollo@pec.comune.valdoria.example"
indirizzato a:
security@example.test
Il messaggio originale è incluso in allegato.
Identificativo messaggio: opec21047.20250408114703.18842.611.1.59@pec.provider.example
""", daticert="""<?xml version="1.0" encoding="UTF-8"?>
<postacert tipo="posta-certificata" errore="nessuno">
  <intestazione>
    <mittente>protocollo@pec.comune.valdoria.example</mittente>
    <destinatari tipo="esterno">security@example.test</destinatari>
    <risposte>protocollo@pec.comune.valdoria.example</risposte>
    <oggetto>Segnalazione campagna di phishing che utilizza il marchio Corvo Mail - prot. n. 0012874</oggetto>
  </intestazione>
  <dati>
    <gestore-emittente>PROVIDER PEC EXAMPLE</gestore-emittente>
    <data zona="+0200"><giorno>08/04/2025</giorno><ora>11:47:03</ora></data>
    <identificativo>opec21047.20250408114703.18842.611.1.59@pec.provider.example</identificativo>
  </dati>
</postacert>
"""),
    headers=[
        ("From", "Comune di Valdoria - Protocollo <protocollo@pec.comune.valdoria.example>"),
        ("To", "security@example.test"),
        ("Subject", "Segnalazione campagna di phishing che utilizza il marchio Corvo Mail - prot. n. 0012874"),
        ("Date", "Tue, 08 Apr 2025 11:46:51 +0200"),
        ("Message-ID", "<a1b9c7e2-0012874@comune.valdoria.example>"),
    ], charset="iso-8859-1", cte="quoted-printable", text="""Spett.le Società,

con la presente si comunica che, a partire dalla mattina del 7 aprile 2025,
numerosi dipendenti di questo Ente hanno ricevuto messaggi di posta
elettronica che invitano a "riconvalidare la casella Corvo Mail entro 24 ore"
pena la sospensione del servizio. Il collegamento presente nei messaggi
conduce a una pagina che riproduce fedelmente la schermata di accesso della
Vostra webmail, ospitata all'indirizzo

    hxxps://corvomail-verifica[.]login-update[.]example/owa/

Risulta che almeno due dipendenti abbiano inserito le proprie credenziali
prima che l'Ufficio Sistemi Informativi diramasse l'avviso interno. Le
relative caselle sono state sospese in via cautelativa.

Si allegano alla presente (nel sistema di protocollo) le intestazioni
complete di tre dei messaggi ricevuti. Il mittente apparente è
"assistenza@corvomail-notifiche.example", con server di invio
203.0.113.77.

Si chiede a codesta Società di voler verificare se la campagna interessi
anche altri clienti e di attivarsi per la rimozione della pagina
fraudolenta.

A nostro avviso sarebbe utile che anche voi avvisaste gli utenti; ai
clienti scriverei che Corvo Mail non chiede mai le credenziali via email
e che eventuali messaggi di "riconvalida" vanno cestinati e segnalati.

Distinti saluti

Il Responsabile dell'Ufficio Sistemi Informativi
dott. Ermanno Bellucci
Comune di Valdoria
Piazza del Municipio, 1

Documento firmato digitalmente ai sensi del D.Lgs. 82/2005 (CAD)
""", label=lab("incident", "it",
               cust="non chiede mai le credenziali via email")))

# ---------------------------------------------------------------- 003
MAILS.append(dict(file="003-mssp-vpn-bruteforce-tlp-amber.eml", headers=[
    ("From", "Priya Raman (Sentinel Watch SOC) <soc-escalations@sentinelwatch.example>"),
    ("To", "security@example.test"),
    ("Cc", "abuse@example.test"),
    ("Subject", "[TLP:AMBER] SW-INC-448213 - VPN brute force from your range 198.51.100.0/24"),
    ("Date", "Wed, 09 Apr 2025 02:31:17 +0000"),
    ("Message-ID", "<SW-INC-448213.1744165877@sentinelwatch.example>"),
], text="""TLP:AMBER - share within your organisation only

Hi,

Sentinel Watch SOC, we monitor the network of one of our managed clients
(name withheld, financial sector). We are seeing a sustained password-spraying
attack against their SSL VPN portal from an address that belongs to your
hosting range.

Incident ID:        SW-INC-448213
Severity:           High
First seen:         2025-04-08 21:04 UTC
Last seen:          2025-04-09 02:20 UTC (ongoing)
Source IP:          198.51.100.23
Reverse DNS:        vps-23.fra1.example.test
Target:             SSL VPN portal of our client (port 443/tcp)
Attempts:           ~41,000 failed logins, 1,800+ distinct usernames
Successful logins:  none observed
User-Agent:         python-requests/2.31.0
Containment:        source IP blocked on client firewall at 01:10 UTC

The pattern (same user-agent, fixed 0.4 s interval, username list in
alphabetical order) suggests an automated tool. We believe the VPS is either
rented by the attacker or compromised.

We'd appreciate it if you could investigate the machine and let us know
whether it's a customer-owned box. Raw firewall logs (CSV, 3.2 MB) are
available on request via our secure portal.

Regards,
Priya Raman
Tier 2 Analyst - Sentinel Watch Managed SOC
+44 20 7946 0321 | 24x7 desk

TLP:AMBER
""", label=lab("incident", "en", fix="source IP blocked on client firewall")))

# ---------------------------------------------------------------- 004
MAILS.append(dict(file="004-universita-questionario-fornitori.eml", headers=[
    ("From", "Ufficio Acquisti ICT - Università di Montelago <acquisti.ict@unimontelago.example>"),
    ("To", "security@example.test"),
    ("Cc", "csirt@unimontelago.example"),
    ("Subject", "Richiesta compilazione questionario di sicurezza fornitori - gara hosting 2025"),
    ("Date", "Thu, 10 Apr 2025 15:02:39 +0200"),
    ("Message-ID", "<000601dba9e2$4c1a8f20$e44fad60$@unimontelago.example>"),
    ("X-Mailer", "Microsoft Outlook 16.0"),
], charset="cp1252", cte="8bit", text="""Gentili,

nell’ambito della procedura per il rinnovo del servizio di hosting dei
portali di Ateneo (importo stimato 48.000 € IVA esclusa), il nostro CSIRT
d’Ateneo richiede a tutti i fornitori invitati la compilazione del
“Questionario di valutazione della sicurezza del fornitore” (versione 3.2),
che trovate in allegato in formato Excel.

Il questionario riguarda, tra l’altro:
- gestione delle vulnerabilità e tempi medi di correzione;
- procedure di gestione degli incidenti e tempi di notifica al cliente;
- certificazioni possedute (ISO/IEC 27001, qualificazione ACN, ecc.);
- localizzazione dei data center e dei backup.

Vi chiediamo cortesemente di restituirlo compilato entro venerdì 25 aprile,
rispondendo a questo indirizzo e mettendo in copia csirt@unimontelago.example.
In caso di dubbi sulle singole domande potete contattare il dott. Lorenzo
Fabbri del CSIRT (tel. 0555 123456).

Grazie per la collaborazione.

Cordiali saluti,

Silvia Marchetti
Ufficio Acquisti ICT
Area Servizi Informatici
Università degli Studi di Montelago
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(file="005-bugharbor-idor-invoices.eml", headers=[
    ("From", "BugHarbor <notifications@bugharbor.example>"),
    ("To", "security@example.test"),
    ("Subject", "[BugHarbor] New report #BH-77120 submitted to Example Hosting: IDOR on /api/v2/invoices/{id}"),
    ("Date", "Fri, 11 Apr 2025 18:20:05 +0000"),
    ("Message-ID", "<report-77120-new.9f31c2@bugharbor.example>"),
], text="""New report submitted to Example Hosting

Report #BH-77120: IDOR on /api/v2/invoices/{id} exposes other customers' invoices
Researcher: n0ctua
Asset: api.example.test
Weakness: Insecure Direct Object Reference
Severity (researcher): High
CVSS: CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N

Summary
-------
Any authenticated customer can fetch any invoice PDF by changing the numeric
id in GET /api/v2/invoices/{id}/pdf. The endpoint checks that the session is
valid but not that the invoice belongs to the caller's account. Invoice ids
are sequential, so the full archive can be enumerated. Invoices contain full
name, billing address, VAT number and the last 4 digits of the card.

Steps to reproduce
------------------
1. Log in as customer A, open Billing > Invoices, note your invoice id (e.g. 1184502).
2. curl -H "Authorization: Bearer <token A>" https://api.example.test/api/v2/invoices/1184501/pdf
3. The PDF of another customer is returned (HTTP 200).

Only three ids were requested during testing, all three PDFs deleted afterwards.

View the full report and reply to the researcher:
https://bugharbor.example/reports/77120

You are receiving this because you are a member of the Example Hosting program team.
Manage notification settings: https://bugharbor.example/settings/notifications
""", html="""<html><body style="font-family:Arial,sans-serif">
<h2>New report submitted to Example Hosting</h2>
<p><b>Report #BH-77120:</b> IDOR on /api/v2/invoices/{id} exposes other customers' invoices</p>
<table border="0" cellpadding="4">
<tr><th align="left">Researcher</th><td>n0ctua</td></tr>
<tr><th align="left">Asset</th><td>api.example.test</td></tr>
<tr><th align="left">Weakness</th><td>Insecure Direct Object Reference</td></tr>
<tr><th align="left">Severity (researcher)</th><td>High</td></tr>
<tr><th align="left">CVSS</th><td>CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N</td></tr>
</table>
<h3>Summary</h3>
<p>Any authenticated customer can fetch any invoice PDF by changing the numeric
id in GET /api/v2/invoices/{id}/pdf. The endpoint checks that the session is
valid but not that the invoice belongs to the caller's account. Invoice ids
are sequential, so the full archive can be enumerated. Invoices contain full
name, billing address, VAT number and the last 4 digits of the card.</p>
<h3>Steps to reproduce</h3>
<ol>
<li>Log in as customer A, open Billing &gt; Invoices, note your invoice id (e.g. 1184502).</li>
<li><code>curl -H "Authorization: Bearer &lt;token A&gt;" https://api.example.test/api/v2/invoices/1184501/pdf</code></li>
<li>The PDF of another customer is returned (HTTP 200).</li>
</ol>
<p>Only three ids were requested during testing, all three PDFs deleted afterwards.</p>
<p><a href="https://bugharbor.example/reports/77120">View the full report and reply to the researcher</a></p>
<p style="color:#888;font-size:11px">You are receiving this because you are a member of the Example Hosting program team.
<a href="https://bugharbor.example/settings/notifications">Manage notification settings</a></p>
</body></html>
""", label=lab("vulnerability", "en",
               vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", score=7.1)))

# ---------------------------------------------------------------- 006
MAILS.append(dict(file="006-xss-filename-corvo-mail.eml", headers=[
    ("From", "Davide Ruggeri <davide.ruggeri88@posta.example>"),
    ("To", "security@example.test"),
    ("Subject", "stored XSS su Corvo Mail tramite nome allegato"),
    ("Date", "Sat, 12 Apr 2025 23:41:10 +0200"),
    ("Message-ID", "<6f0d2a1e-31b8-4c2e-9a3d-1b2c8e7f0a11@posta.example>"),
], text="""Ciao,

sono un freelance che fa un po' di bug hunting nel tempo libero. Ho trovato
una stored XSS nella webmail Corvo Mail, il vettore è il filename
dell'allegato.

In pratica se mandi una mail con un allegato chiamato tipo

  "><img src=x onerror=alert(document.domain)>.pdf

quando il destinatario apre il messaggio la preview degli allegati fa il
render del nome senza encoding e parte il payload nel contesto di
webmail.example.test. Da lì si può leggere il token CSRF e quindi creare una
regola di inoltro verso l'esterno, cioè in pratica prendersi la casella.
Serve solo che la vittima apra la mail, niente click.

Testato su Firefox 137 e Chrome 135, account di prova mio (due caselle,
mittente e destinatario, tutte e due mie).

Io la valuterei CVSS 6,1 secondo me, magari anche di più visto che porta
all'account takeover, decidete voi.

Per sistemare basta fare l'escaping del nome file lato server prima di
metterlo nell'HTML della preview, e magari aggiungere una CSP decente che
adesso manca del tutto.

Fatemi sapere se vi servono altri dettagli, se c'è un programma di bug
bounty mi farebbe piacere saperlo :)

Davide
""", label=lab("vulnerability", "it", reported=6.1,
               fix="fare l'escaping del nome file")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(file="007-status-chase-sec-2291.eml", headers=[
    ("From", "Greg Halloway <greg.halloway@northfield-it.example>"),
    ("To", "Example Security Desk <security@example.test>"),
    ("Subject", "RE: [SEC-2291] Acknowledgement of your report"),
    ("Date", "Mon, 14 Apr 2025 10:05:22 -0500"),
    ("Message-ID", "<BN7PR11MB2691A7C3E0F2@BN7PR11MB2691.namprd11.prod.outlook.example>"),
    ("In-Reply-To", "<sec-2291-ack@example.test>"),
    ("References", "<sec-2291-ack@example.test>"),
], text="""Hi there,

Just following up on this one. It's been almost four weeks since your
acknowledgement and I haven't heard anything since. Can you tell me where
things stand? Is it confirmed, is anyone looking at it, do you have a
rough ETA? I'm not trying to rush you, I just need something to tell my
manager, who keeps asking me if our sites are still exposed.

Thanks,
Greg

Greg Halloway | Systems Administrator
Northfield IT Services
greg.halloway@northfield-it.example | +1 312 555 0148

From: Example Security Desk <security@example.test>
Sent: Tuesday, March 18, 2025 4:12 AM
To: Greg Halloway <greg.halloway@northfield-it.example>
Subject: [SEC-2291] Acknowledgement of your report

Dear Greg,

Thank you for contacting the Example security team. Your report has been
received and assigned the reference SEC-2291. Please keep this reference in
the subject line of any further correspondence.

Our team will review the information you provided and will get back to you
if we need further details. We aim to give a first assessment within 10
business days.

Kind regards,
Example Security Desk
""", label=lab("unknown", "en")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(file="008-pec-istituto-defacement.eml", headers=[
    ("From", "Istituto Comprensivo Statale \"G. Pascoli\" <ic.pascoli.castelbruno@pec.istruzione.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: sito istituzionale modificato da ignoti"),
    ("Date", "Tue, 15 Apr 2025 08:12:30 +0200"),
    ("Message-ID", "<opec21047.20250415081230.4471.209.1.11@pec.istruzione.example>"),
    ("X-Trasporto", "posta-certificata"),
], text="""Buongiorno,

vi scrivo in qualità di animatore digitale dell'Istituto Comprensivo "G.
Pascoli" di Castelbruno, che ha il proprio sito istituzionale ospitato sul
vostro servizio di hosting condiviso (dominio icpascoli-castelbruno.example,
contratto n. HS-20931).

Ieri sera verso le 21 una collega mi ha chiamato dicendo che sulla home page
del sito compariva una pagina nera con una scritta in inglese e una bandiera,
al posto delle circolari. Ho verificato da casa ed era proprio così. Sono
entrato nel pannello e ho visto che nella cartella del sito c'erano dei file
che non abbiamo caricato noi, tra cui uno chiamato "wp-xcache.php" con data
di modifica di domenica notte. Anche l'utente amministratore di WordPress
era stato cambiato, ne era comparso un altro di nome "support_wp".

Stamattina presto abbiamo ripristinato il sito da un backup del giorno
prima tramite la funzione del vostro pannello, cambiato tutte le password e
cancellato l'utente sconosciuto. Adesso il sito sembra tornato normale, ma
non sappiamo come sono entrati né se sia rimasto qualcosa.

Vi chiedo se potete controllare dai vostri log da dove sono arrivati e se
altri siti sul vostro server hanno avuto lo stesso problema. Ci serve anche
sapere se dobbiamo fare segnalazione al Garante, perché nel sito c'è
un'area riservata con i dati dei genitori per i colloqui. Alle famiglie
comunicheremo che per precauzione devono cambiare la password dell'area
riservata.

Grazie, resto in attesa.

Prof. Marco Vitale
Animatore digitale - IC "G. Pascoli" Castelbruno
""", label=lab("incident", "it",
               fix="ripristinato il sito da un backup",
               cust="devono cambiare la password dell'area")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(file="009-national-cert-botnet-c2.eml", headers=[
    ("From", "CERT-Arcadia <cert@cert-arcadia.example>"),
    ("To", "security@example.test, abuse@example.test"),
    ("Subject", "[CERT-Arcadia #2025-0419] Hosts in AS64500 communicating with botnet C2 infrastructure [TLP:GREEN]"),
    ("Date", "Wed, 16 Apr 2025 13:00:00 +0300"),
    ("Message-ID", "<20250416100000.2025-0419@cert-arcadia.example>"),
], text="""TLP:GREEN

Dear colleagues,

CERT-Arcadia, the national Computer Emergency Response Team of the Republic
of Arcadia, has received information from a trusted partner regarding hosts
in your network (AS64500) that have been observed communicating with
command-and-control servers of the "Raspvine" botnet. The hosts listed below
contacted known C2 addresses at least once in the period 2025-04-12 to
2025-04-15 (all times UTC).

  Timestamp (UTC)        Source IP        Src port  C2 IP          C2 port
  2025-04-12 04:11:52    192.0.2.114      49822     203.0.113.201  8443
  2025-04-13 17:45:03    192.0.2.115      51310     203.0.113.201  8443
  2025-04-14 09:02:19    192.0.2.187      40022     203.0.113.9    443
  2025-04-15 22:38:40    192.0.2.187      40106     203.0.113.9    443

The communication pattern (periodic HTTPS beacons every 300 s with a fixed
JA3 fingerprint) is consistent with an active infection rather than a
scanner or sinkhole researcher.

We kindly ask you to notify the owners of the affected systems and to take
the actions you deem appropriate. We would appreciate feedback on the
outcome, quoting our reference number in the subject.

This information is shared under TLP:GREEN: recipients may share it with
peers and partner organisations within their community, but not via
publicly accessible channels.

Best regards,

Duty Officer
CERT-Arcadia - National CSIRT
https://cert-arcadia.example | +358 9 555 0100 (24/7)
PGP key: 0x5E2A 9C41 7D0B 3F18
""", label=lab("incident", "en")))

# ---------------------------------------------------------------- 010
MAILS.append(dict(file="010-vendor-libtarn-cve-stratos.eml", headers=[
    ("From", "Libtarn Security <security@libtarn.example>"),
    ("To", "security@example.test"),
    ("Subject", "Pre-notification: CVE-2025-31877 in libtarn < 3.2.1 (bundled in Stratos Backup Agent)"),
    ("Date", "Thu, 17 Apr 2025 07:30:00 +0000"),
    ("Message-ID", "<prenotify-2025-31877-example@libtarn.example>"),
], text="""# libtarn security pre-notification

Hello,

you are receiving this because our records (and your public SBOM) show that
**Stratos Backup Agent** ships a bundled copy of libtarn 3.1.x. This is a
private pre-notification; the public advisory is scheduled for
**2025-05-06 14:00 UTC**. Please keep it confidential until then.

## Summary

**CVE:** CVE-2025-31877
**Affected:** libtarn 2.0.0 up to and including 3.2.0
**Fixed in:** 3.2.1 (tag signed, available to you now at the link below)
**Type:** path traversal via symlink + hardlink combination on extraction

When an archive contains a symlink pointing outside the extraction
directory followed by a hardlink entry that resolves through it,
`tarn_extract_all()` writes the hardlink target outside the destination,
even with `TARN_SECURE_EXTRACT` set. A local user who can get the agent to
restore a crafted archive (e.g. by dropping it in a watched restore folder)
can overwrite arbitrary files with the agent's privileges, which is usually
root/SYSTEM.

## Scores

* CVSS 3.1: CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H (7.8)
* CVSS 4.0: CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (8.5)

## What to do

Upgrade to libtarn 3.2.1. If you cannot rebuild before the disclosure date,
the bug is not reachable when extraction goes through
`tarn_extract_to_fd()` with `O_NOFOLLOW`, but that is a code change too.

## Suggested text for your customers

> A vulnerability in a third-party archive library used by Stratos Backup
> Agent could allow a local user to overwrite files during a restore.
> Please update the agent to the latest version as soon as it is available.

Feel free to reuse or adapt it.

Patched source: https://libtarn.example/private/3.2.1-prenotify.tar.gz
(password sent separately to your registered PGP key)

Regards,
Hanna Lindqvist
libtarn maintainers - security contact
""", label=lab("vulnerability", "en", cves=["CVE-2025-31877"],
               vector="CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
               score=8.5, fix="Upgrade to libtarn 3.2.1",
               cust="could allow a local user to overwrite")))

# ---------------------------------------------------------------- 011
MAILS.append(dict(file="011-fwd-oauth-redirect-tessera.eml", headers=[
    ("From", "Chiara Lombardi <chiara.lombardi@example.test>"),
    ("To", "security@example.test"),
    ("Subject", "I: Open redirect in Tessera SSO leading to token theft"),
    ("Date", "Fri, 18 Apr 2025 09:58:41 +0200"),
    ("Message-ID", "<AM9PR07MB7185C1E33D1@AM9PR07MB7185.eurprd07.prod.outlook.example>"),
], text="""Vedi sotto, arrivata al supporto. Giro a voi.

Chiara

Da: Ahmed El-Sayed <ahmed.elsayed@securemail.example>
Inviato: giovedì 17 aprile 2025 22:14
A: Supporto Example <support@example.test>
Oggetto: Open redirect in Tessera SSO leading to token theft

Hello support team,

I could not find a security contact on your website so I am writing here,
please forward to the right people.

Tessera SSO (sso.example.test) accepts a redirect_uri that only has to
*start with* the registered value. For the "Nimbus Panel" client the
registered URI is https://panel.example.test/callback, so

  https://sso.example.test/oauth/authorize?client_id=nimbus-panel&response_type=token&redirect_uri=https://panel.example.test/callback.attacker.example/

is accepted, and after login the browser goes to
panel.example.test/callback.attacker.example -- wait, no, that is still your
host. The real problem is with the "@" form:

  redirect_uri=https://panel.example.test/callback@attacker.example/

which some browsers parse with attacker.example as host. With
response_type=token the access token is in the fragment and lands on my
server. I confirmed with my own account and a test server, and the token
works against the panel API for about one hour.

Recommended fix: restrict redirect_uri to exact match with the registered
value (no prefix matching), and disable the implicit flow for the panel
client.

Regards,
Ahmed El-Sayed
""", label=lab("vulnerability", "en",
               fix="restrict redirect_uri to exact match")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(file="012-question-affected-cve-xz.eml", headers=[
    ("From", "Laura Bennett <l.bennett@brightpath-analytics.example>"),
    ("To", "security@example.test"),
    ("Subject", "Quick question: CVE-2024-3094"),
    ("Date", "Tue, 22 Apr 2025 14:27:09 +0100"),
    ("Message-ID", "<CAN4x7Pq2Lz=bennett1@mail.brightpath-analytics.example>"),
], text="""Hi,

We're going through our annual supplier review and one of the items our
auditors flagged is the xz/liblzma backdoor from last year, CVE-2024-3094.

We host four VMs with you (managed Debian images) plus the Stratos Backup
service. Could you confirm in writing whether any of your images or
services ever shipped the affected xz versions (5.6.0 / 5.6.1), and if so,
when they were replaced? A short statement on letterhead or a link to a
public advisory would be perfect.

No rush, the review closes end of May.

Thanks a lot,
Laura

--
Laura Bennett
IT & Compliance Manager
BrightPath Analytics Ltd.
""", label=lab("unknown", "en", cves=["CVE-2024-3094"])))

# ---------------------------------------------------------------- 013
MAILS.append(dict(file="013-abuse-isp-spam-da-inviato.eml", headers=[
    ("From", "Abuse Team Retelinea <abuse@retelinea.example>"),
    ("To", "abuse@example.test, security@example.test"),
    ("Subject", "[Ticket#AB-558102] Invio di spam dal vostro IP 192.0.2.58"),
    ("Date", "Wed, 23 Apr 2025 16:40:12 +0200"),
    ("Message-ID", "<AB-558102.reply.1745419212@retelinea.example>"),
], charset="iso-8859-1", cte="quoted-printable", text="""Buongiorno,

Vi inoltriamo la segnalazione pervenuta da un nostro cliente, a cui si
aggiungono altre 214 segnalazioni analoghe raccolte dai nostri sistemi
antispam nelle ultime 48 ore. Tutti i messaggi provengono dall'indirizzo
192.0.2.58, che risulta assegnato alla vostra rete.

Il contenuto è sempre lo stesso: falsa comunicazione di un corriere con
link a un sito che chiede il pagamento di "spese di sdoganamento". A titolo
precauzionale l'IP è stato inserito nella nostra blocklist interna.

Vi chiediamo di verificare l'origine dell'invio (server compromesso,
account SMTP violato o cliente che invia volontariamente) e di darci
riscontro citando il numero di ticket.

Cordiali saluti
Team Abuse Retelinea S.p.A.

-----Messaggio originale-----
Da: Franco Dini <franco.dini@retelinea.example>
Inviato: martedì 22 aprile 2025 19:03
A: abuse@retelinea.example
Oggetto: ennesima mail truffa

Buonasera, sono un vostro cliente, da due giorni ricevo ogni ora una mail
che dice che ho un pacco fermo in dogana e devo pagare 1,99 euro. Non ho
ordinato niente. Vi allego una delle mail con le intestazioni come mi ha
spiegato mio nipote. Potete fare qualcosa? Grazie.

Received: from mta3.vps58.example.test (vps58.example.test [192.0.2.58])
        by mx1.retelinea.example with ESMTP id 4Zr1xK0pQ2z
        for <franco.dini@retelinea.example>; Tue, 22 Apr 2025 18:51:07 +0200
From: "Spedizioni Express" <notifiche@spedizioni-track.example>
Subject: Il tuo pacco è in attesa - azione richiesta
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(file="014-scanner-tls-legacy-mail.eml", headers=[
    ("From", "ScanWatch Alerts <no-reply@scanwatch.example>"),
    ("To", "security@example.test"),
    ("Subject", "ScanWatch finding SWF-9921: Legacy TLS protocols enabled on mail.example.test:465"),
    ("Date", "Thu, 24 Apr 2025 03:00:14 +0000"),
    ("Message-ID", "<swf-9921.20250424030014@scanwatch.example>"),
], text="""ScanWatch External Attack Surface Monitoring
===========================================

A new finding has been detected for your organisation "Example Hosting".

Finding ID: SWF-9921
Title: Legacy TLS protocols and weak cipher suites enabled
Host: mail.example.test
IP: 192.0.2.25
Port: 465/tcp (SMTPS)
First detected: 2025-04-24 02:41 UTC
Status: Open
Score: 6.4 (medium)

Details:
The service accepts TLS 1.0 and TLS 1.1 handshakes and negotiates the
following weak cipher suites:
  TLS_RSA_WITH_3DES_EDE_CBC_SHA
  TLS_RSA_WITH_RC4_128_SHA
The certificate chain is valid (expires 2025-09-30).

Recommendation: disable TLS 1.0 and TLS 1.1 and remove 3DES and RC4 cipher
suites from the server configuration. Require TLS 1.2 or later.

References:
  https://scanwatch.example/kb/legacy-tls
  RFC 8996 - Deprecating TLS 1.0 and TLS 1.1

To mark this finding as accepted risk or false positive, log in to your
ScanWatch dashboard. This is an automated message, replies are not read.
""", label=lab("vulnerability", "en", reported=6.4,
               fix="disable TLS 1.0 and TLS 1.1")))

# ---------------------------------------------------------------- 015
MAILS.append(dict(file="015-universita-sqli-ricerca-panel.eml", headers=[
    ("From", "Prof. Giulia Ferraris <giulia.ferraris@di.unimontelago.example>"),
    ("To", "security@example.test"),
    ("Cc", "Matteo Sanna <matteo.sanna@studenti.unimontelago.example>"),
    ("Subject", "Segnalazione vulnerabilità: SQL injection nella ricerca domini di Nimbus Panel"),
    ("Date", "Fri, 25 Apr 2025 17:22:48 +0200"),
    ("Message-ID", "<e1c4b2f8-77aa-4d1e-b0d3-9c2f3a4e5b61@di.unimontelago.example>"),
    ("User-Agent", "Mozilla Thunderbird"),
], text="""Gentili,

nell'ambito di un'attività di tesi magistrale svolta presso il Dipartimento
di Informatica dell'Università di Montelago, lo studente Matteo Sanna (in
copia) ha individuato la vulnerabilità descritta di seguito. L'attività è
stata svolta su un'istanza di prova di Nimbus Panel acquistata dal
laboratorio, senza coinvolgere dati di terzi.

## Descrizione

Il parametro `q` della funzione di ricerca domini
(`/panel/domains/search?q=`) viene concatenato in una query SQL senza
sanitizzazione. Con un payload time-based (`q=x' AND SLEEP(5)-- -`) la
risposta arriva dopo 5 secondi; con una UNION è stato possibile leggere la
tabella `users` dell'istanza, comprese le password in formato bcrypt.
La funzione è raggiungibile anche senza autenticazione, perché la pagina di
ricerca è esposta per il widget "verifica disponibilità dominio".

## Gravità

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N

## Versioni

Verificata sulla 6.14.2 e sulla 6.13.0.

## Correzione suggerita

Usare query parametrizzate nel modulo di ricerca (e in generale nel
data-access layer, dove abbiamo visto altre concatenazioni simili) e
applicare un limite di lunghezza al parametro.

## Comunicazione agli utenti

Proporremmo un testo di questo tipo: "È stata corretta una vulnerabilità
nella ricerca domini di Nimbus Panel. Vi consigliamo di aggiornare
all'ultima versione e, per prudenza, di cambiare le password degli
account amministrativi."

Vorremmo presentare il caso in forma anonimizzata in un seminario a
settembre; saremmo grati se poteste indicarci una data di rilascio della
correzione.

Cordiali saluti,

Giulia Ferraris
Professore Associato - Dipartimento di Informatica
Università degli Studi di Montelago
""", label=lab("vulnerability", "it",
               vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score=7.5,
               fix="Usare query parametrizzate",
               cust="Vi consigliamo di aggiornare")))

# ---------------------------------------------------------------- 016
MAILS.append(dict(file="016-angry-customer-dns-hijack.eml", headers=[
    ("From", "Rob Kessler <rob@kesslerbikes.example>"),
    ("To", "security@example.test, support@example.test"),
    ("Subject", "SOMEONE CHANGED MY DNS!!!"),
    ("Date", "Sun, 27 Apr 2025 07:48:03 -0700"),
    ("Message-ID", "<9B1E6F4A-2C7D-4E8B-A1F0-3D5C7E9B2A40@kesslerbikes.example>"),
    ("X-Mailer", "iPhone Mail (22D82)"),
], text="""This is unbelievable. My shop website kesslerbikes.example is showing some
crypto casino garbage since last night and my customers are calling me. I
logged into your panel and the A record AND the MX records were changed to
IPs I have never seen. Email is going who knows where. Audit log says the
change was made Saturday 11:52pm from an IP in a country I have never been to.

I never got any email about a new login. I never got any 2FA prompt because
apparently you don't even force 2FA?? I changed my password and turned on
2FA this morning and put the records back myself but I want to know HOW
this happened and if anyone else at your company can see my account.

Call me. 503-555-0177. I'm not waiting three days for a ticket reply.

Rob

Sent from my iPhone
""", label=lab("incident", "en",
               fix="changed my password and turned on 2FA")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(file="017-pec-comune-nis2-documentazione.eml",
    envelope=dict(headers=[
        ("From", "\"Per conto di: affarigenerali@pec.comune.serralta.example\" <posta-certificata@pec.gestore.example>"),
        ("Reply-To", "affarigenerali@pec.comune.serralta.example"),
        ("To", "security@example.test"),
        ("Subject", "POSTA CERTIFICATA: Richiesta documentazione su misure di sicurezza - art. 24 D.Lgs. 138/2024"),
        ("Date", "Mon, 28 Apr 2025 12:05:44 +0200"),
        ("Message-ID", "<opec292.20250428120544.30021.17.2.8@pec.gestore.example>"),
        ("X-Trasporto", "posta-certificata"),
    ], text="""Messaggio di posta certificata

Il giorno 28/04/2025 alle ore 12:05:44 (+0200) il messaggio
"Richiesta documentazione su misure di sicurezza - art. 24 D.Lgs. 138/2024" è stato inviato da "affarigenerali@pec.comune.serralta.example"
indirizzato a:
security@example.test
Il messaggio originale è incluso in allegato.
Identificativo messaggio: opec292.20250428120544.30021.17.2.8@pec.gestore.example
""", daticert="""<?xml version="1.0" encoding="UTF-8"?>
<postacert tipo="posta-certificata" errore="nessuno">
  <intestazione>
    <mittente>affarigenerali@pec.comune.serralta.example</mittente>
    <destinatari tipo="esterno">security@example.test</destinatari>
    <oggetto>Richiesta documentazione su misure di sicurezza - art. 24 D.Lgs. 138/2024</oggetto>
  </intestazione>
  <dati>
    <gestore-emittente>GESTORE PEC EXAMPLE S.p.A.</gestore-emittente>
    <data zona="+0200"><giorno>28/04/2025</giorno><ora>12:05:44</ora></data>
    <identificativo>opec292.20250428120544.30021.17.2.8@pec.gestore.example</identificativo>
  </dati>
</postacert>
"""),
    headers=[
        ("From", "Comune di Serralta - Affari Generali <affarigenerali@pec.comune.serralta.example>"),
        ("To", "security@example.test"),
        ("Subject", "Richiesta documentazione su misure di sicurezza - art. 24 D.Lgs. 138/2024"),
        ("Date", "Mon, 28 Apr 2025 12:05:30 +0200"),
        ("Message-ID", "<prot-2025-0007731@comune.serralta.example>"),
    ], text="""Prot. n. 7731 del 28/04/2025

OGGETTO: Richiesta documentazione relativa alle misure di sicurezza adottate
dal fornitore del servizio di posta elettronica e hosting - adempimenti
D.Lgs. 138/2024 (recepimento Direttiva NIS2).

Spett.le Example S.r.l.,

questo Ente, in qualità di soggetto rientrante nell'ambito di applicazione
del D.Lgs. 138/2024, è tenuto a valutare la sicurezza della propria catena
di approvvigionamento. Si chiede pertanto di voler trasmettere, entro 30
giorni dal ricevimento della presente:

1) copia del certificato ISO/IEC 27001 in corso di validità e relativo
   campo di applicazione;
2) estremi dell'eventuale qualificazione dei servizi cloud presso l'Agenzia
   per la Cybersicurezza Nazionale;
3) descrizione sintetica della procedura di notifica degli incidenti ai
   clienti, con indicazione dei tempi previsti;
4) nominativo e recapiti del referente per la sicurezza.

La documentazione potrà essere inviata all'indirizzo PEC in intestazione.

Distinti saluti.

Il Responsabile del Settore Affari Generali
dott.ssa Rossana Tedeschi
(firmato digitalmente)
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(file="018-pgp-path-traversal-ligo-gateway.eml", headers=[
    ("From", "Sven Aaltonen <sven@aaltonen-labs.example>"),
    ("To", "security@example.test"),
    ("Subject", "Path traversal in Ligo API Gateway static handler (CVE-2025-40112)"),
    ("Date", "Tue, 29 Apr 2025 20:13:57 +0300"),
    ("Message-ID", "<87h5f2k1qz.fsf@aaltonen-labs.example>"),
    ("User-Agent", "Gnus/5.13 (Gnus v5.13)"),
], text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

Hi,

Reporting a path traversal in Ligo API Gateway 3.x, static file handler.
MITRE has assigned CVE-2025-40112 (reserved, no details published).

Affected: ligo-gateway 3.4.0 - 3.7.2 (latest), `static_dir` directive.

Details:
  The handler checks that the requested path starts with the configured
  static root *before* decoding %2e%2e sequences, then decodes and opens
  the file. Request:

    GET /assets/%2e%2e/%2e%2e/%2e%2e/etc/ligo/gateway.yaml HTTP/1.1
    Host: api.example.test

  returns the gateway config including upstream credentials and the JWT
  signing secret. No authentication needed. I only read gateway.yaml on my
  own self-hosted instance; I did NOT test against your production hosts
  beyond confirming the version banner.

  There's also limited write via the same route with PUT if the
  (undocumented) `static_upload: true` is set, hence I:L.

Score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N

Fix: canonicalise the path before the prefix check (decode, then
filepath.Clean, then compare against the absolute root), and reject any
request whose decoded path contains "..".

Suggested advisory wording, if it helps:
  "Ligo API Gateway versions 3.4.0 to 3.7.2 allow unauthenticated reading
  of files outside the static directory. Users should upgrade to the fixed
  release and rotate any secrets stored in gateway.yaml."

Disclosure: I'd like to publish on 2025-07-28 (90 days). Happy to move it
if you need more time and keep me informed.

Sven
-----BEGIN PGP SIGNATURE-----

iQIzBAEBCgAdFiEE3k9bO2xq7Vt1m3hZ9c4Jk1aT0YUFAmgRBt0ACgkQ9c4Jk1aT
0YVb7xAAk2yV8q1QvR6XzL0pF3n2mJ8dTqK7uW5sH4cB1aE9gN0oY6rI3xP2lM7z
Qw8eT5vR1nK4jH6gF9dS2aL0pZ3xC7vB5nM1qW8eR4tY6uI9oP2aS5dF7gH1jK3l
=Xq9d
-----END PGP SIGNATURE-----
""", label=lab("vulnerability", "en", cves=["CVE-2025-40112"],
               vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N", score=8.2,
               fix="canonicalise the path before the prefix",
               cust="Users should upgrade to the fixed")))

# ---------------------------------------------------------------- 019
MAILS.append(dict(file="019-three-level-fwd-credential-stuffing.eml", headers=[
    ("From", "Dave Okafor <dave.okafor@example.test>"),
    ("To", "security@example.test"),
    ("Subject", "FW: FW: [Halcyon MDR] Credential stuffing against Tessera SSO tenant meridian"),
    ("Date", "Wed, 30 Apr 2025 11:19:02 +0100"),
    ("Message-ID", "<LO2P265MB5132E0A91F8@LO2P265MB5132.GBRP265.PROD.OUTLOOK.example>"),
], text="""Security team - Meridian Logistics is one of my larger accounts, see below.
Their MDR provider says someone is hammering their SSO tenant on our side.
Marta (their IT lead) is asking whether we see it too and what we're doing
about it. Can someone pick this up today? I told her she'd hear from us.

Thanks
Dave

Dave Okafor | Senior Account Manager | Example Hosting

From: Marta Jovanovic <marta.jovanovic@meridian-logistics.example>
Sent: 30 April 2025 10:47
To: Dave Okafor <dave.okafor@example.test>
Subject: FW: [Halcyon MDR] Credential stuffing against Tessera SSO tenant meridian

Dave, forwarding what our MDR sent overnight. My comments inline marked [MJ].

We've already forced a password reset for the 14 accounts that show a
successful login from the flagged IPs. We need you to tell us whether your
side saw anything else, e.g. session tokens issued to those IPs.

Marta

From: Halcyon MDR <alerts@halcyon-mdr.example>
Sent: 30 April 2025 04:12
To: it-security@meridian-logistics.example
Subject: [Halcyon MDR] Credential stuffing against Tessera SSO tenant meridian

Alert: HAL-2025-04-30-0091
Priority: P2

Between 01:30 and 03:55 UTC we observed 62,400 authentication attempts
against https://sso.example.test/t/meridian/login from ~1,200 residential
proxy IPs.

[MJ] we only have about 900 users, so most of the usernames tried don't even exist

14 attempts succeeded (usernames in the attached CSV). 11 of those accounts
do not have MFA enrolled.

[MJ] the 11 are warehouse tablets accounts, shared, I know, I know

Recommended actions: reset the affected credentials, enforce MFA for the
tenant, ask the SSO provider for session logs for the source IPs.

Suggested message to the affected staff: "Your account password was reset
because of suspicious sign-in attempts. Please set a new password and
enrol in MFA before your next shift."

Halcyon MDR - 24/7 Security Operations
""", label=lab("incident", "en",
               fix="forced a password reset for the 14",
               cust="Please set a new password and enrol")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(file="020-soc-italiano-html-ssh-bruteforce.eml", headers=[
    ("From", "CyberPresidio SOC <soc@cyberpresidio.example>"),
    ("To", "security@example.test"),
    ("Subject", "[TLP:AMBER] Notifica evento SOC-2025-1187 - attacchi SSH da VPS nella vostra rete"),
    ("Date", "Fri, 02 May 2025 09:33:20 +0200"),
    ("Message-ID", "<soc-2025-1187.notify@cyberpresidio.example>"),
], html="""<html><head><meta charset="utf-8"></head>
<body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">
<p style="color:#c00000"><b>TLP:AMBER</b></p>
<p>Buongiorno,</p>
<p>il SOC di CyberPresidio, nell'ambito del servizio di monitoraggio erogato per un proprio
cliente del settore manifatturiero, ha rilevato un'attività di brute force SSH proveniente da
un indirizzo appartenente alla vostra rete. Di seguito il riepilogo dell'evento.</p>
<table border="1" cellspacing="0" cellpadding="5" style="border-collapse:collapse">
<tr><th style="background:#1f3864;color:#fff" align="left">Campo</th><th style="background:#1f3864;color:#fff" align="left">Valore</th></tr>
<tr><td>Identificativo evento</td><td>SOC-2025-1187</td></tr>
<tr><td>IP sorgente</td><td>198.51.100.142</td></tr>
<tr><td>Hostname</td><td>srv142.vps.example.test</td></tr>
<tr><td>Destinazione</td><td>IP pubblici del cliente, porta 22/tcp</td></tr>
<tr><td>Tentativi</td><td>18.340 in 6 ore</td></tr>
<tr><td>Periodo</td><td>01/05/2025 22:10 - 02/05/2025 04:15 (CEST)</td></tr>
<tr><td>Utenze tentate</td><td>root, admin, ubuntu, oracle, test, git (e altre 212)</td></tr>
<tr><td>Esito</td><td>Nessun accesso riuscito</td></tr>
<tr><td>Azione richiesta</td><td>Verifica della macchina e, se compromessa, isolamento</td></tr>
</table>
<p>Lo stesso indirizzo compare da ieri anche in due feed pubblici di reputazione come sorgente di
scansioni verso altre reti, il che fa pensare a una macchina compromessa e inserita in una botnet.</p>
<p>Restiamo a disposizione per fornire i log completi tramite canale cifrato.</p>
<p>Cordiali saluti,<br>
Luca Barbieri<br>
Security Analyst L2 - CyberPresidio SOC<br>
tel. +39 02 5550 1187</p>
<p style="font-size:8pt;color:#777">Le informazioni contenute in questo messaggio sono riservate e destinate
esclusivamente al destinatario. Classificazione TLP:AMBER: diffusione limitata all'organizzazione
del destinatario.</p>
</body></html>
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 021
MAILS.append(dict(file="021-rivenditore-password-default-template.eml", headers=[
    ("From", "Nicola Ferri - FerriNet Servizi <nicola@ferrinet.example>"),
    ("To", "security@example.test"),
    ("Cc", "partner@example.test"),
    ("Subject", "template VM con password di default uguale per tutti"),
    ("Date", "Mon, 05 May 2025 18:55:31 +0200"),
    ("Message-ID", "<20250505185531.3f9a1c@ferrinet.example>"),
    ("X-Mailer", "Roundcube Webmail/1.6.9"),
], text="""Salve,

sono Nicola di FerriNet, siamo vostri rivenditori da qualche anno (codice
partner RS-0412). Vi scrivo perché oggi, attivando una VM per un cliente
col template "Ubuntu 24.04 LAMP" dal pannello rivenditore, mi sono accorto
che l'utente "deploy" ha una password di default che è la stessa per tutte
le VM create con quel template (l'ho verificata su tre VM diverse, tutte
nostre). La password è scritta anche nel file /root/README-template.txt.

Il problema è che SSH con password è abilitato di default e l'utente
deploy è nei sudoers senza password. Quindi chiunque conosca il template
(basta crearsi una VM di prova) può entrare in tutte le VM che i clienti non
hanno ancora sistemato. Io darei un 7.5 come gravità, forse è anche poco.

Secondo me andrebbe forzato il cambio password al primo accesso, o meglio
ancora generata una password casuale per ogni VM e mostrata solo nel
pannello, e disabilitato il login SSH con password nel template.

Ai miei clienti scriverei che devono cambiare subito la password
dell'utente deploy, ma prima volevo sentire voi per non creare allarme.

Saluti
Nicola Ferri
FerriNet Servizi Informatici - Pesaro
""", label=lab("vulnerability", "it", reported=7.5,
               fix="forzato il cambio password al primo",
               cust="devono cambiare subito la password")))

# ---------------------------------------------------------------- 022
MAILS.append(dict(file="022-gmail-reply-host-header-reset.eml", headers=[
    ("From", "Elena Mancuso <elena.mancuso.sec@gmail.example>"),
    ("To", "Example Security <security@example.test>"),
    ("Subject", "Re: [SEC-2317] Richiesta dettagli - reset password"),
    ("Date", "Wed, 07 May 2025 21:08:15 +0200"),
    ("Message-ID", "<CAF3p9Qm+Xw7kR2=mancuso7@mail.gmail.example>"),
    ("In-Reply-To", "<sec-2317-moreinfo@example.test>"),
    ("References", "<sec-2317-ack@example.test> <sec-2317-moreinfo@example.test>"),
], text="""Ciao,

certo, ecco i passaggi completi. Scusate se nella prima mail ero stata
troppo sintetica.

Passi per riprodurre:

1. Intercettare con Burp la richiesta di "password dimenticata" su
   https://panel.example.test/account/forgot
2. Modificare l'header Host in   Host: attacker.example   (lasciando tutto il
   resto uguale) e inserire l'email della vittima.
3. Il server risponde 200 e la vittima riceve la mail legittima, inviata da
   noreply@example.test, ma il link è
   https://attacker.example/account/reset?token=<token valido>
4. Se la vittima clicca, il token arriva nei log di attacker.example e con
   quello si reimposta la password dal sito vero. Il token resta valido
   anche dopo il primo uso (questo forse è un secondo bug).

Ho provato solo con due account miei. Ho un video di 40 secondi, se volete
ve lo mando tramite link.

Vettore: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

Elena

Il giorno mar 6 mag 2025 alle ore 10:31 Example Security <security@example.test> ha scritto:

> Gentile Elena,
>
> grazie per la segnalazione (riferimento SEC-2317). Per poter procedere
> con la verifica ci servirebbero i passi esatti per riprodurre il problema
> e, se possibile, l'indicazione degli account utilizzati nei test.
>
> Cordiali saluti,
> Example Security Desk
>
> > Il giorno sab 3 mag 2025 alle ore 16:02 Elena Mancuso ha scritto:
> > Salve, il reset password del pannello è vulnerabile a host header
> > injection, si può rubare l'account. Fatemi sapere.
""", label=lab("vulnerability", "it",
               vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N",
               score=8.5)))

# ---------------------------------------------------------------- 023
MAILS.append(dict(file="023-thanks-but-bypass-double-encoding.eml", headers=[
    ("From", "Kenji Morimoto <kenji@morimoto-sec.example>"),
    ("To", "Example Security Desk <security@example.test>"),
    ("Subject", "Re: [SEC-2204] Fixed in Nimbus Panel 6.14.3"),
    ("Date", "Fri, 09 May 2025 08:44:29 +0900"),
    ("Message-ID", "<a93b7c1e-5d2f-4e68-9b0a-2c7d1f8e3a55@morimoto-sec.example>"),
    ("In-Reply-To", "<sec-2204-fixed@example.test>"),
], text="""Hello,

Thank you very much for the quick fix and for the credit in the release
notes, I appreciate it.

Unfortunately I re-tested on 6.14.3 and the file manager download can still
be bypassed with double URL-encoding. The new check blocks "../" and
"%2e%2e%2f", but "%252e%252e%252f" is decoded twice (once by the proxy, once
by the panel), so

  /panel/files/download?path=%252e%252e%252f%252e%252e%252fetc%252fpasswd

returns /etc/passwd again from my test account's container. Same impact as
the original report.

I think the fix is to decode the input until it is stable before checking
it, or better, resolve the real path and compare it with the user's home
directory instead of looking for patterns.

Best regards,
Kenji

On 2025/05/07 17:02, Example Security Desk wrote:
> Dear Kenji,
>
> We are pleased to inform you that the issue you reported (SEC-2204,
> directory traversal in the file manager download) has been fixed in
> Nimbus Panel 6.14.3, released today. You are credited in the release notes.
>
> Thank you for your help in keeping our customers safe.
>
> Example Security Desk
""", label=lab("vulnerability", "en",
               fix="decode the input until it is stable")))

# ---------------------------------------------------------------- 024
MAILS.append(dict(file="024-universita-phishing-ospitato.eml", headers=[
    ("From", "CSIRT Università di Montelago <csirt@unimontelago.example>"),
    ("To", "security@example.test, abuse@example.test"),
    ("Subject", "[CSIRT-UNIMONTELAGO #2025-061] Pagina di phishing ospitata su vostro server"),
    ("Date", "Mon, 12 May 2025 10:14:52 +0200"),
    ("Message-ID", "<b72e6d10-4a8c-4f1b-8e93-7c5a2d1f0e44@unimontelago.example>"),
    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.10.0"),
], text="""Buongiorno,

vi segnaliamo che da stamattina è in corso una campagna di phishing rivolta
al personale del nostro Ateneo. Le email invitano a "confermare l'account
per il nuovo sistema di rilevazione presenze" e rimandano a una copia della
nostra pagina di login SSO ospitata su un sito che risolve su un vostro IP:

  URL: hxxps://www.studiotecnico-arcari[.]example/wp-includes/css/unimontelago/login.php
  IP: 192.0.2.201 (shared hosting, rDNS web201.example.test)

Il sito sembra quello di uno studio tecnico vostro cliente, probabilmente
compromesso: la cartella del kit è dentro wp-includes.

Dai log del nostro IdP risultano tre utenti che hanno inserito le
credenziali; abbiamo già resettato le password dei tre utenti e
revocato le sessioni attive. Agli utenti che hanno ricevuto la mail abbiamo
scritto: "Non inserite le vostre credenziali d'Ateneo su pagine raggiunte
da link via email; in caso di dubbio contattate l'helpdesk."

Vi chiediamo la rimozione urgente della pagina e, se possibile, di
comunicarci gli IP che vi hanno effettuato accessi POST a login.php, così
da incrociarli con i nostri log.

Grazie,

Andrea Pellegrini
CSIRT di Ateneo - Area Servizi Informatici
Università degli Studi di Montelago
""", label=lab("incident", "it",
               fix="resettato le password dei tre utenti",
               cust="Non inserite le vostre credenziali")))

# ---------------------------------------------------------------- 025
MAILS.append(dict(file="025-giornalista-database-forum.eml", headers=[
    ("From", "Federica Gallo <f.gallo@ilcorrieredigitale.example>"),
    ("To", "security@example.test, press@example.test"),
    ("Subject", "Richiesta di commento - presunto database clienti in vendita"),
    ("Date", "Tue, 13 May 2025 16:30:05 +0200"),
    ("Message-ID", "<CAH8r2Lk4Gallo=9x@mail.ilcorrieredigitale.example>"),
], text="""Buongiorno,

sono Federica Gallo, giornalista del Corriere Digitale, mi occupo di
sicurezza informatica.

Su un noto forum di compravendita di dati è comparso ieri un annuncio che
offre "il database completo dei clienti di Example Hosting", circa 310.000
righe, al prezzo di 4.000 dollari. Il venditore ha pubblicato un campione
gratuito di 200 righe con nome, email, telefono, nome del dominio e data di
iscrizione. Ho contattato cinque delle persone presenti nel campione e
quattro mi hanno confermato di essere vostri clienti e che i dati sono
corretti, anche se alcuni risalgono a qualche anno fa.

Vorrei sapere:
- se siete a conoscenza dell'annuncio;
- se i dati provengono dai vostri sistemi o da un fornitore terzo;
- se avete notificato l'evento al Garante e ai clienti.

L'articolo uscirà giovedì mattina; se possibile vorrei ricevere un vostro
commento entro mercoledì alle 18. Posso condividere il campione con il
vostro team di sicurezza tramite canale sicuro.

Grazie, cordiali saluti

Federica Gallo
Il Corriere Digitale - redazione tecnologia
+39 06 5550 2231
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 026
MAILS.append(dict(file="026-consulente-bucket-backup-pubblico.eml", headers=[
    ("From", "Ing. Paolo Cattaneo <p.cattaneo@cattaneo-consulting.example>"),
    ("To", "security@example.test"),
    ("Subject", "Bucket di Stratos Backup listabile senza autenticazione"),
    ("Date", "Thu, 15 May 2025 12:01:37 +0200"),
    ("Message-ID", "<000001dbc57b$aa2e4f10$fe8aed30$@cattaneo-consulting.example>"),
    ("X-Mailer", "Microsoft Outlook 16.0"),
], charset="cp1252", cte="quoted-printable", text="""Buongiorno,

sono un consulente di sicurezza e sto facendo un assessment per un mio
cliente che usa Stratos Backup. Analizzando la configurazione dell’agente
ho notato che l’endpoint di storage usato per i backup
(https://store-eu2.stratos.example.test/bkp-prod-eu2/) risponde alla
richiesta di listing anche senza credenziali: restituisce l’elenco XML
degli oggetti, con nomi che contengono l’ID cliente e il nome macchina
(es. “c-104233/srv-gestionale/2025-05-14.tarn”).

Non ho scaricato nessun oggetto che non fosse del mio cliente; ho solo
verificato che il download di un oggetto del mio cliente funziona anche
senza firma, quindi presumo che valga per tutti. I backup, per quanto ho
visto, sono cifrati lato client solo se il cliente ha attivato l’opzione
(di default è disattivata).

Per la gravità darei un punteggio 8,2: esposizione potenziale di backup
completi di server di terzi, nessuna autenticazione richiesta.

Il rimedio immediato mi sembra rendere il bucket privato e passare a URL
firmati per i download; in prospettiva attiverei la cifratura lato client
di default.

Ai clienti scriverei che i backup non cifrati potrebbero essere stati
accessibili e che conviene attivare la cifratura dell’agente.

Cordiali saluti
Ing. Paolo Cattaneo
Cattaneo Consulting – Sicurezza informatica
P.IVA 01234567890

Questo messaggio e i suoi allegati sono destinati esclusivamente al
destinatario indicato. Se lo avete ricevuto per errore vi preghiamo di
cancellarlo e di darne comunicazione al mittente.
""", label=lab("vulnerability", "it", reported=8.2,
               fix="rendere il bucket privato",
               cust="conviene attivare la cifratura")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(file="027-hacksphere-mass-assignment-role.eml", headers=[
    ("From", "HackSphere Triage <triage@hacksphere.example>"),
    ("To", "security@example.test"),
    ("Subject", "[HackSphere] Triaged: Privilege escalation via mass assignment in /api/v2/profile (HS-3390)"),
    ("Date", "Sat, 17 May 2025 10:47:00 +0000"),
    ("Message-ID", "<hs-3390-triaged.c0ffee21@hacksphere.example>"),
], text="""Report HS-3390 has been triaged by the HackSphere team.

Title: Privilege escalation via mass assignment in /api/v2/profile
Program: Example Hosting
Researcher: lambda_kat
Triage status: Valid - reproduced by HackSphere analyst
CVSS: CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N (8.1 High)

Description:
PATCH /api/v2/profile accepts a "role" property in the JSON body. A
sub-user with role "billing" can send {"role":"owner"} and becomes account
owner, gaining access to all services, DNS and API keys of the account.

Reproduction (by HackSphere analyst):
1. As owner, invite a sub-user with role "billing".
2. Log in as the sub-user and send:
   PATCH /api/v2/profile  {"display_name":"x","role":"owner"}
3. Reload the panel: the sub-user now has full owner permissions.

Remediation guidance:
Ignore the role field on the profile update endpoint and only allow role
changes through the team management endpoint, with an owner check.

View report: https://hacksphere.example/r/HS-3390
""", html="""<html><body>
<p>Report <b>HS-3390</b> has been triaged by the HackSphere team.</p>
<table cellpadding="6" style="border:1px solid #ddd">
<tr><th align="left">Title</th><td>Privilege escalation via mass assignment in /api/v2/profile</td></tr>
<tr><th align="left">Program</th><td>Example Hosting</td></tr>
<tr><th align="left">Researcher</th><td>lambda_kat</td></tr>
<tr><th align="left">Triage status</th><td>Valid - reproduced by HackSphere analyst</td></tr>
<tr><th align="left">CVSS</th><td>CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N (8.1 High)</td></tr>
</table>
<h4>Description</h4>
<p>PATCH /api/v2/profile accepts a "role" property in the JSON body. A
sub-user with role "billing" can send {"role":"owner"} and becomes account
owner, gaining access to all services, DNS and API keys of the account.</p>
<h4>Reproduction (by HackSphere analyst)</h4>
<ol><li>As owner, invite a sub-user with role "billing".</li>
<li>Log in as the sub-user and send: <code>PATCH /api/v2/profile {"display_name":"x","role":"owner"}</code></li>
<li>Reload the panel: the sub-user now has full owner permissions.</li></ol>
<h4>Remediation guidance</h4>
<p>Ignore the role field on the profile update endpoint and only allow role
changes through the team management endpoint, with an owner check.</p>
<p><a href="https://hacksphere.example/r/HS-3390">View report</a></p>
</body></html>
""", label=lab("vulnerability", "en",
               vector="CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N", score=8.1,
               fix="Ignore the role field on the profile")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(file="028-sollecito-certificazione-pentest.eml", headers=[
    ("From", "Roberta Conti <r.conti@assicurazionialpina.example>"),
    ("To", "security@example.test"),
    ("Subject", "R: SOLLECITO - richiesta certificazione ISO 27001 e report penetration test"),
    ("Date", "Mon, 19 May 2025 09:20:48 +0200"),
    ("Message-ID", "<DB8PR03MB6042B4D9E1@DB8PR03MB6042.eurprd03.prod.outlook.example>"),
], text="""Buongiorno,

torno a scrivervi perché non abbiamo ancora ricevuto risposta alla
richiesta sotto, inviata più di tre settimane fa. La documentazione ci
serve per chiudere la valutazione fornitori prevista dal regolamento DORA
entro fine mese, altrimenti il rinnovo del contratto dovrà essere
sospeso.

Potete almeno confermarmi che la richiesta è stata presa in carico e
indicarmi un referente?

Grazie
Roberta Conti
Ufficio Compliance ICT - Assicurazioni Alpina S.p.A.

Da: Roberta Conti
Inviato: lunedì 28 aprile 2025 14:02
A: security@example.test
Oggetto: Richiesta certificazione ISO 27001 e report penetration test

Buongiorno,

in qualità di vostro cliente (contratto MH-7781, hosting gestito), vi
chiediamo di inviarci:
- copia del certificato ISO/IEC 27001 vigente;
- executive summary dell'ultimo penetration test sui servizi di hosting
  gestito, anche sotto NDA;
- indicazione dei sub-fornitori che trattano i nostri dati.

Grazie e buona giornata,
Roberta Conti
""", label=lab("unknown", "it")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(file="029-national-cert-infostealer-credentials.eml", headers=[
    ("From", "NCSC-Borduria Incident Handling <incident@ncsc-borduria.example>"),
    ("To", "security@example.test"),
    ("Subject", "[TLP:AMBER] [NCSC-BD-25-2210] Customer portal credentials found in infostealer logs"),
    ("Date", "Wed, 21 May 2025 15:45:00 +0200"),
    ("Message-ID", "<NCSC-BD-25-2210.out.1@ncsc-borduria.example>"),
], text="""TLP:AMBER

Dear Sir or Madam,

In the course of our monitoring of criminal marketplaces, the National
Cyber Security Centre of Borduria has obtained a set of infostealer logs
(RedLine and Lumma families) collected between February and May 2025.

The logs contain 1,372 unique credential pairs for your customer portal
(https://panel.example.test and https://webmail.example.test), harvested from
infected end-user devices. In 212 cases the logs also include valid-looking
session cookies for panel.example.test with a harvest date in the last 14
days.

We have made the list available to you through our exchange platform
(package NCSC-BD-25-2210, password communicated by phone to your registered
contact). Please do not redistribute it.

We recommend that you reset the affected credentials and invalidate active
sessions for the listed accounts, and consider enforcing two-factor
authentication for panel logins.

We suggest informing affected users along these lines: "Your login details
were found in data stolen by malware from a device you used. We have reset
your password; please scan your computer for malware before choosing a
new one."

Kindly confirm receipt of this notification.

Regards,
Incident Handling Team
National Cyber Security Centre of Borduria
""", label=lab("incident", "en",
               fix="reset the affected credentials",
               cust="please scan your computer for malware")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(file="030-vendor-fatturalink-cve-auth-bypass.eml", headers=[
    ("From", "Sicurezza Prodotti - Fatturalink Software <psirt@fatturalink.example>"),
    ("To", "security@example.test"),
    ("Subject", "Avviso di sicurezza riservato FL-SA-2025-03 / CVE-2025-29904 - plugin Fatturalink per Nimbus Panel"),
    ("Date", "Thu, 22 May 2025 10:00:00 +0200"),
    ("Message-ID", "<fl-sa-2025-03.partner@fatturalink.example>"),
], text="""AVVISO DI SICUREZZA RISERVATO AI PARTNER - FL-SA-2025-03
==========================================================

Gentile partner,

Vi informiamo che nel plugin "Fatturalink per Nimbus Panel", che risulta
distribuito nel vostro marketplace, è stata individuata una vulnerabilità di
tipo authentication bypass, identificata come CVE-2025-29904.

Prodotti interessati
--------------------
Fatturalink per Nimbus Panel, versioni dalla 4.0.0 alla 4.2.6.

Descrizione
-----------
L'endpoint di sincronizzazione /fatturalink/sync accetta richieste con un
header X-FL-Internal: 1 senza verificare il token del tenant. Un attaccante
remoto, in presenza della configurazione multi-tenant (non predefinita),
può leggere e modificare le fatture elettroniche di qualunque tenant.

Valutazione
-----------
CVSS v3.1: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N
CVSS v4.0: CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

Soluzione
---------
Aggiornare alla versione 4.2.7, già disponibile nel canale partner. In
alternativa, fino all'aggiornamento, bloccare a livello di reverse proxy
le richieste esterne che contengono l'header X-FL-Internal.

Testo suggerito per i vostri clienti
------------------------------------
"Il fornitore del plugin Fatturalink ha rilasciato un aggiornamento di
sicurezza. Vi invitiamo ad aggiornare il plugin alla versione 4.2.7 dal
pannello entro il 5 giugno."

La pubblicazione dell'avviso è prevista per il 5 giugno 2025.

Cordiali saluti,
Team PSIRT - Fatturalink Software S.r.l.

--
Questo messaggio e gli eventuali allegati sono riservati e destinati
unicamente ai destinatari indicati. Ne è vietata la diffusione.
""", label=lab("vulnerability", "it", cves=["CVE-2025-29904"],
               vector="CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N",
               score=9.1, fix="Aggiornare alla versione 4.2.7",
               cust="Vi invitiamo ad aggiornare il plugin")))

# ---------------------------------------------------------------- 031
MAILS.append(dict(file="031-terse-heapdump-exposed.eml", headers=[
    ("From", "x0r <x0r@anonmail.example>"),
    ("To", "security@example.test"),
    ("Subject", "heapdump"),
    ("Date", "Sat, 24 May 2025 03:17:41 +0000"),
    ("Message-ID", "<0e5c1b9a7d@anonmail.example>"),
], text="""https://status-api.example.test/actuator/heapdump

public, no auth. 180mb. has jdbc url + db password in it (grepped, didnt use).
/actuator/env also open.

fyi
""", label=lab("vulnerability", "en")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(file="032-pec-asl-casella-violata.eml", headers=[
    ("From", "Azienda Sanitaria Locale Valle del Sorbo <protocollo@pec.aslvallesorbo.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: Comunicazione accesso non autorizzato a casella di posta istituzionale"),
    ("Date", "Mon, 26 May 2025 14:22:09 +0200"),
    ("Message-ID", "<opec21047.20250526142209.7702.14.1.3@pec.aslvallesorbo.example>"),
    ("X-Trasporto", "posta-certificata"),
], text="""Alla c.a. del Responsabile della Sicurezza

Con riferimento al contratto di fornitura del servizio di posta elettronica
in essere con questa Azienda, si comunica quanto segue.

In data 24 maggio 2025 il Servizio Farmaceutico territoriale ha segnalato
all'U.O.S. Sistemi Informativi che dalla casella
farmaceutica.territoriale@aslvallesorbo.example erano partiti, nella notte
tra il 23 e il 24 maggio, circa 1.600 messaggi non riconducibili al
personale, contenenti un link a un falso documento condiviso. Dal
registro degli accessi consultabile nel pannello di amministrazione
risultano login IMAP e webmail da indirizzi IP esteri (tra cui
203.0.113.45 e 203.0.113.46) a partire dal 21 maggio, con le credenziali
corrette dell'utenza.

La casella contiene comunicazioni con farmacie e medici di medicina
generale e potrebbe contenere dati relativi alla salute. L'Azienda sta
valutando la notifica al Garante per la protezione dei dati personali ai
sensi dell'art. 33 del Regolamento (UE) 2016/679.

Si chiede pertanto a codesta Società, con cortese urgenza:
a) l'estrazione completa dei log di accesso e di invio della casella dal
   15 maggio ad oggi;
b) l'indicazione se dagli stessi indirizzi IP siano stati effettuati
   accessi ad altre caselle del dominio aslvallesorbo.example;
c) ogni altra informazione utile alla ricostruzione dell'evento.

Distinti saluti.

Il Dirigente U.O.S. Sistemi Informativi
ing. Carlo Benedetti

Il presente messaggio è inviato tramite posta elettronica certificata ed
ha valore legale ai sensi del D.P.R. 68/2005.
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(file="033-newsletter-threat-intel-weekly.eml", headers=[
    ("From", "Threatline Weekly <newsletter@threatline.example>"),
    ("To", "security@example.test"),
    ("Subject", "Threatline Weekly #212: edge devices again, a busy Patch Tuesday, and an infostealer comeback"),
    ("Date", "Fri, 30 May 2025 06:00:00 +0000"),
    ("Message-ID", "<weekly-212.20250530@threatline.example>"),
    ("List-Unsubscribe", "<https://threatline.example/unsubscribe?u=8812c>"),
], text="""THREATLINE WEEKLY #212
May 30, 2025

Good morning! Here's what caught our eye this week.

1) Edge devices are still the front door
   Two more VPN appliance bugs made the KEV list this week, CVE-2025-22457
   and CVE-2025-0282, both seen exploited before public disclosure. Our
   take on why the same class of bug keeps coming back, plus a timeline.
   -> https://threatline.example/w212/edge

2) Patch Tuesday by the numbers
   71 CVEs, 5 rated critical, one already exploited in the wild. We rank
   the ones hosting providers should look at first.
   -> https://threatline.example/w212/patch-tuesday

3) Infostealers are back on the menu
   After the takedown in March, a rebranded stealer is spreading through
   fake game mods. Indicators in our free feed.
   -> https://threatline.example/w212/stealers

4) Event: Threatline Live, June 19, online. Free registration.

You are receiving this because you subscribed at threatline.example.
Unsubscribe: https://threatline.example/unsubscribe?u=8812c
""", html="""<html><body style="max-width:640px;font-family:Georgia,serif">
<h1 style="font-size:22px">THREATLINE WEEKLY #212</h1>
<p><i>May 30, 2025</i></p>
<p>Good morning! Here's what caught our eye this week.</p>
<h2 style="font-size:17px">1) Edge devices are still the front door</h2>
<p>Two more VPN appliance bugs made the KEV list this week, CVE-2025-22457
and CVE-2025-0282, both seen exploited before public disclosure. Our
take on why the same class of bug keeps coming back, plus a timeline.
<a href="https://threatline.example/w212/edge">Read more</a></p>
<h2 style="font-size:17px">2) Patch Tuesday by the numbers</h2>
<p>71 CVEs, 5 rated critical, one already exploited in the wild. We rank
the ones hosting providers should look at first.
<a href="https://threatline.example/w212/patch-tuesday">Read more</a></p>
<h2 style="font-size:17px">3) Infostealers are back on the menu</h2>
<p>After the takedown in March, a rebranded stealer is spreading through
fake game mods. Indicators in our free feed.
<a href="https://threatline.example/w212/stealers">Read more</a></p>
<p><b>Event:</b> Threatline Live, June 19, online. Free registration.</p>
<p style="font-size:11px;color:#999">You are receiving this because you subscribed at threatline.example.
<a href="https://threatline.example/unsubscribe?u=8812c">Unsubscribe</a></p>
</body></html>
""", label=lab("unknown", "en", cves=["CVE-2025-0282", "CVE-2025-22457"])))

# ---------------------------------------------------------------- 034
MAILS.append(dict(file="034-exim-non-ancora-patchato.eml", headers=[
    ("From", "Stefano Orlandi <stefano.orlandi@webagenziaorlandi.example>"),
    ("To", "security@example.test"),
    ("Subject", "CVE-2025-27331 su Exim dei server shared - siete esposti?"),
    ("Date", "Tue, 03 Jun 2025 19:12:26 +0200"),
    ("Message-ID", "<5a7e2c90-b1d4-4f3a-8e61-0d9c3b2a1f77@webagenziaorlandi.example>"),
    ("User-Agent", "Mozilla Thunderbird"),
], text="""Buonasera,

gestisco una ventina di siti di clienti sul vostro hosting condiviso
(server web14 e web15). Guardando il banner SMTP dei due server vedo
"Exim 4.97.1", che da quanto ho letto è tra le versioni colpite dalla
CVE-2025-27331, quella sul parsing degli header MIME che permette a un
mittente remoto di far crashare il processo e, secondo il ricercatore,
anche di eseguire codice come utente exim.

Ho fatto una prova molto semplice dal mio server, senza payload, solo per
vedere se il server accetta header malformati del tipo descritto
nell'advisory, e li accetta senza errori, quindi penso che il codice
vulnerabile sia raggiungibile.

So che la versione corretta di Exim non è ancora uscita e non conosco
workaround affidabili, l'advisory dice solo che la patch arriverà "nei
prossimi giorni". Quindi non vi chiedo di fare qualcosa di specifico,
volevo solo essere sicuro che lo sappiate e che lo teniate monitorato,
visto che sui server ci sono anche le caselle dei miei clienti.

Grazie e buon lavoro,
Stefano Orlandi
Web Agenzia Orlandi
""", label=lab("vulnerability", "it", cves=["CVE-2025-27331"])))

# ---------------------------------------------------------------- 035
MAILS.append(dict(file="035-abuse-desk-ntp-amplification.eml", headers=[
    ("From", "Nordlink Abuse Desk <abuse-reports@nordlink.example>"),
    ("To", "abuse@example.test, security@example.test"),
    ("Subject", "Abuse report NL-ABU-2025-77310: DDoS traffic (NTP reflection) from 192.0.2.0/24"),
    ("Date", "Thu, 05 Jun 2025 22:03:58 +0000"),
    ("Message-ID", "<NL-ABU-2025-77310@abuse.nordlink.example>"),
    ("Auto-Submitted", "auto-generated"),
], text="""This is an abuse report from the Nordlink Abuse Desk.

Report-ID: NL-ABU-2025-77310
Report-Type: DDoS / amplification
Protocol: UDP/123 (NTP monlist responses)
Victim: 198.51.100.10 (Nordlink customer, game server hosting)
Start: 2025-06-05 20:41:10 UTC
End: 2025-06-05 21:27:55 UTC
Peak: 38.2 Gbit/s total, of which 4.1 Gbit/s from your network

Source addresses in your network:
  192.0.2.33     1.62 Gbit/s
  192.0.2.34     1.58 Gbit/s
  192.0.2.90     0.91 Gbit/s

These hosts answered spoofed monlist queries and reflected the responses
to our customer. They are most likely misconfigured NTP servers, but the
traffic they sent was part of an actual attack against our customer.

Please take appropriate action and reply to this address keeping the
Report-ID in the subject. Sample flow records (nfdump) are attached.

--
Nordlink Abuse Desk - this message was generated automatically
Human contact: noc@nordlink.example
""", label=lab("incident", "en")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(file="036-inoltro-collega-commento-lungo-xss.eml", headers=[
    ("From", "Alessandro Riva <alessandro.riva@example.test>"),
    ("To", "security@example.test"),
    ("Cc", "Federico Neri <federico.neri@example.test>"),
    ("Subject", "Fwd: Reflected XSS in Corvo Mail preview"),
    ("Date", "Mon, 09 Jun 2025 11:36:14 +0200"),
    ("Message-ID", "<CAB7Riva0x9f2@mail.example.test>"),
], text="""Ciao a tutti,

vi giro questa segnalazione che è arrivata ieri sera sulla mia casella
personale (il ricercatore mi conosce da una conferenza). L'ho riprodotta
stamattina sull'ambiente di staging e confermo: il parametro "name"
dell'anteprima allegati viene riflesso senza escaping, quindi basta un link
per eseguire script nel contesto della webmail.

Secondo me non è critica perché serve il click dell'utente, ma va chiusa
prima del rilascio di fine mese. Nel frattempo si può disattivare il modulo
di anteprima dal file di configurazione (preview.enabled = false), l'ho
provato in staging e la webmail funziona lo stesso, solo senza anteprima.

Se decidiamo di avvisare, ai clienti scriverei che per qualche giorno
l'anteprima degli allegati non sarà disponibile per un intervento di
manutenzione sulla sicurezza.

Federico, mi confermi tu chi prende il ticket?

Alessandro

---------- Forwarded message ---------
From: Jonas Brandt <jonas.brandt@brandt-research.example>
Date: Sun, Jun 8, 2025 at 10:52 PM
Subject: Reflected XSS in Corvo Mail preview
To: Alessandro Riva <alessandro.riva@personal.example>

Hi Alessandro,

as promised at the meetup, here's the thing I found in your webmail.

The attachment preview endpoint reflects the "name" parameter:

  https://webmail.example.test/preview?id=1&name=%3Csvg/onload=alert(1)%3E

Works on the current production build (footer says Corvo Mail 5.8.1).
User has to click the link while logged in.

CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N

Cheers,
Jonas
""", label=lab("vulnerability", "it",
               vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", score=6.1,
               fix="si può disattivare il modulo",
               cust="l'anteprima degli allegati non sarà")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(file="037-vendor-risk-pentest-soc2-request.eml", headers=[
    ("From", "Third-Party Risk Office <tpro@helix-biomed.example>"),
    ("To", "security@example.test"),
    ("Subject", "Vendor security review - request for SOC 2 Type II report and latest pen test summary"),
    ("Date", "Wed, 11 Jun 2025 13:58:20 -0400"),
    ("Message-ID", "<MN2PR12MB4410D9E7A2C@MN2PR12MB4410.namprd12.prod.outlook.example>"),
], text="""Hello Example Hosting Security Team,

Helix Biomed is completing its annual third-party risk assessment for
critical vendors, and Example Hosting has been classified as a Tier 1
vendor (managed hosting of our research portal).

To complete the review, please provide the following by June 30, 2025:

  1. Most recent SOC 2 Type II report (or ISO/IEC 27001 certificate and
     Statement of Applicability)
  2. Executive summary of your most recent external penetration test,
     including date of testing and status of high/critical findings
  3. Your vulnerability disclosure policy, or a link to it
  4. Contact details for security incident notification

We are happy to sign a mutual NDA if required; our standard template is
available on request.

Thank you for your cooperation.

Kind regards,
Jordan Whitfield
Third-Party Risk Analyst
Helix Biomed, Inc.

CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is
for the sole use of the intended recipient(s) and may contain confidential
and privileged information. Any unauthorized review, use, disclosure or
distribution is prohibited. If you are not the intended recipient, please
contact the sender by reply e-mail and destroy all copies of the original
message.
""", label=lab("unknown", "en")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(file="038-ransomware-vps-iphone.eml", headers=[
    ("From", "Gianni Russo <gianni.russo@russotrasporti.example>"),
    ("To", "security@example.test"),
    ("Subject", "URGENTE server criptato!!"),
    ("Date", "Sat, 14 Jun 2025 06:52:11 +0200"),
    ("Message-ID", "<4C2A9E1B-7F3D-4B6A-9C8E-1A2B3C4D5E6F@russotrasporti.example>"),
    ("X-Mailer", "iPhone Mail (22F76)"),
], text="""Buongiorno
stamattina il nostro server da voi (vps-russo01, quello del gestionale) non
si apre piu niente, tutti i file hanno l estensione .lockbitx e c e un file
LEGGIMI.txt che chiede 2 bitcoin per ridarci i dati. Anche il backup che sta
sullo stesso server e criptato.
Il tecnico dice che qualcuno e entrato dal desktop remoto, venerdi sera.
Abbiamo 40 camion fermi perché non possiamo stampare le bolle!!! Ditemi
subito se avete voi una copia del server di ieri o dell altro ieri, ho
pagato il servizio di snapshot giusto per questo.
Chiamatemi al 335 555 0192 anche sabato
Gianni Russo
Russo Trasporti srl

Inviato da iPhone
""", label=lab("incident", "it")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(file="039-setext-csrf-dns-editor.eml", headers=[
    ("From", "Aisha Mbeki <aisha.mbeki@student.rivermouth-uni.example>"),
    ("To", "security@example.test"),
    ("Subject", "Vulnerability report: CSRF in Nimbus Panel DNS zone editor"),
    ("Date", "Tue, 17 Jun 2025 16:05:33 +0100"),
    ("Message-ID", "<CAJ5mbeki4Xr2Q@mail.rivermouth-uni.example>"),
], text="""Hello,

I'm a final-year computer science student at Rivermouth University and I
found this while working on a course project about web security. I tested
only on a trial account I created for this purpose.

Summary
=======

The DNS zone editor in Nimbus Panel has no CSRF protection. A logged-in
user who visits a malicious page can have their DNS records changed
(e.g. the A record of their domain pointed to an attacker's server, or the
MX changed to intercept email).

Details
-------

POST /panel/dns/zone/update accepts a form-encoded body and relies only on
the session cookie. There is no CSRF token and the session cookie has
SameSite=None. A page with an auto-submitting form is enough:

    <form action="https://panel.example.test/panel/dns/zone/update" method="POST">
      <input name="domain" value="victim.example">
      <input name="type" value="A"><input name="name" value="@">
      <input name="value" value="203.0.113.66">
    </form>
    <script>document.forms[0].submit()</script>

Severity
--------

CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N

Suggested fix
-------------

Add a per-session CSRF token to all state-changing forms, and set the session
cookie with SameSite=Lax at least (I'd suggest SameSite=Strict for the panel).

Suggested note to users
-----------------------

"We fixed an issue that could let a malicious website change your DNS
records while you were logged in. Please review your DNS zones for records
you did not create."

Thank you for reading, and I'm happy to answer questions. Could I use this
(anonymised) in my course report once it's fixed?

Best,
Aisha Mbeki
""", label=lab("vulnerability", "en",
               vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N",
               score=6.9, fix="Add a per-session CSRF token",
               cust="Please review your DNS zones")))

# ---------------------------------------------------------------- 040
MAILS.append(dict(file="040-pec-comune-domanda-cve-ivanti.eml", headers=[
    ("From", "Comune di Roccafredda - Servizi Informatici <ced@pec.comune.roccafredda.example>"),
    ("To", "security@example.test"),
    ("Subject", "POSTA CERTIFICATA: richiesta di informazioni in merito alla vulnerabilità CVE-2025-0282"),
    ("Date", "Wed, 18 Jun 2025 10:41:07 +0200"),
    ("Message-ID", "<opec21047.20250618104107.2219.88.1.6@pec.comune.roccafredda.example>"),
    ("X-Trasporto", "posta-certificata"),
], charset="iso-8859-1", cte="8bit", text="""Spett.le Example,

a seguito della comunicazione ricevuta dal CSIRT in merito alla
vulnerabilità CVE-2025-0282, che interessa alcuni apparati VPN di larga
diffusione, questo Ente sta effettuando una ricognizione presso tutti i
fornitori di servizi ICT.

Si chiede pertanto di voler comunicare, con cortese sollecitudine:

- se i servizi da Voi erogati a questo Comune (hosting del sito
  istituzionale e posta elettronica) utilizzano, direttamente o tramite
  sub-fornitori, apparati o software interessati dalla vulnerabilità;
- in caso affermativo, quali misure siano state adottate e in quale data.

Qualora i servizi non siano interessati, è sufficiente una dichiarazione
in tal senso, anche a mezzo PEC.

Si ringrazia per la collaborazione.

Il Responsabile dei Servizi Informatici
geom. Walter Caputo
Comune di Roccafredda
""", label=lab("unknown", "it", cves=["CVE-2025-0282"])))


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
