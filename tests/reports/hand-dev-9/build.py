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


def H(frm, subj, date, mid, to="security@example.test", extra=()):
    return [("From", frm), ("To", to), ("Subject", subj), ("Date", date),
            ("Message-ID", mid)] + list(extra)


# ---------------------------------------------------------------- 001
MAILS.append(dict(file="001-ssrf-image-proxy-terse.eml",
headers=H("k0rv <k0rv@mailbox.example>", "ssrf in img proxy",
          "Mon, 03 Mar 2025 23:41:09 +0000", "<c0ffee01.k0rv@mailbox.example>"),
text="""hi, img.cdn.example.test/resize?url= fetches anything incl http://169.254.169.254/latest/meta-data/ and returns it. got the instance role name back.
I'd rate it 7.5. lmk if you want the raw requests.
-k
""",
label=lab("vulnerability", "en", reported=7.5)))

# ---------------------------------------------------------------- 002
MAILS.append(dict(file="002-pec-comune-phpmyadmin-esposto.eml",
headers=H('"Comune di Valdicorte - Sistemi Informativi" <protocollo@pec.comune-valdicorte.example>',
          "POSTA CERTIFICATA: Segnalazione prot. n. 0012874/2025 - esposizione interfaccia di amministrazione",
          "Wed, 12 Mar 2025 10:41:07 +0100", "<opec210.20250312104107.01234.56.1.7@pec.comune-valdicorte.example>",
          extra=[("X-Ricevuta", "posta-certificata"), ("X-Trasporto", "posta-certificata")]),
text="""Messaggio di posta certificata

Il giorno 12/03/2025 alle ore 10:41:07 (+0100) il messaggio
"Segnalazione prot. n. 0012874/2025 - esposizione interfaccia di amministrazione" è stato inviato da "protocollo@pec.comune-valdicorte.example"
indirizzato a:
security@example.test
Il messaggio originale è incluso in allegato.
Identificativo messaggio: opec210.20250312104107.01234.56.1.7@pec.comune-valdicorte.example

------------------------------------------------------------

Spett.le Società,

con riferimento al contratto di servizio di hosting n. HST-2291 relativo al portale istituzionale dell'Ente, si comunica che in data odierna il personale del Servizio Sistemi Informativi, nel corso di una verifica periodica, ha rilevato che all'indirizzo https://portale.comune-valdicorte.example/phpmyadmin/ risulta raggiungibile da Internet, senza alcuna restrizione per indirizzo IP, la pagina di accesso dello strumento di amministrazione della base dati.

Non risultano, allo stato, accessi anomali; tuttavia l'esposizione di tale interfaccia non è conforme alle Misure minime di sicurezza ICT per le pubbliche amministrazioni (AgID), né a quanto previsto dall'art. 7 del capitolato tecnico.

Si chiede pertanto di limitare l'accesso all'interfaccia alla sola rete dell'Ente (VPN) o, in alternativa, di rimuoverla dal server di produzione, dandone riscontro scritto a questo Ufficio entro 10 giorni dal ricevimento della presente.

Distinti saluti.

Il Responsabile del Servizio Sistemi Informativi
Dott. Ing. Marcello Ferrandi
(documento firmato digitalmente ai sensi del D.Lgs. 82/2005 e norme collegate)
""", charset="iso-8859-1", cte="quoted-printable",
label=lab("vulnerability", "it", fix="limitare l'accesso all'interfaccia")))

# ---------------------------------------------------------------- 003
MAILS.append(dict(file="003-mssp-ssh-bruteforce-from-our-range.eml",
headers=H('"Northwatch MDR - SOC" <soc-alerts@northwatch-mdr.example>',
          "[TLP:AMBER] Outbound SSH brute force from your IP space - case NW-88213",
          "Wed, 02 Apr 2025 10:05:33 +0000", "<NW-88213.1743588333@northwatch-mdr.example>",
          to="abuse@example.test, security@example.test"),
text="""TLP:AMBER

Hello,

Northwatch MDR SOC is reporting malicious activity originating from address space announced by your ASN.

Case ID:        NW-88213
Source IP:      198.51.100.77
Reverse DNS:    vps-77.fra1.hosting.example.test
Activity:       SSH brute force / password spraying
Targets:        14 internet-facing hosts of a monitored customer (financial sector)
First seen:     2025-04-02 03:12 UTC
Last seen:      2025-04-02 09:48 UTC (ongoing at time of writing)
Volume:         ~41,000 authentication attempts
Confidence:     High

Sample log lines (customer bastion, times UTC):
  Apr  2 03:12:44 bastion-02 sshd[22871]: Failed password for invalid user oracle from 198.51.100.77 port 51822 ssh2
  Apr  2 03:12:45 bastion-02 sshd[22871]: Failed password for invalid user admin from 198.51.100.77 port 51830 ssh2
  Apr  2 03:12:45 bastion-02 sshd[22874]: Failed password for root from 198.51.100.77 port 51834 ssh2

The pattern (dictionary ordering, user agent of the tooling) matches a known botnet, so we believe the VPS is most likely compromised rather than rented by the operator directly. Please investigate and let us know the outcome quoting the case ID.

Regards,
Priya Ramaswamy
Tier 2 Analyst | Northwatch MDR
+44 20 0000 0199

TLP:AMBER - recipients may share this information only within their organisation and with clients who need to know.
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 004
MAILS.append(dict(file="004-question-are-you-affected-xz.eml",
headers=H("Tom Haverly <tom.haverly@brightlane-logistics.example>",
          "Are you affected by CVE-2024-3094?",
          "Thu, 04 Apr 2024 08:17:52 +0100", "<CAF7xq1=brightlane.tom.0404@mail.brightlane-logistics.example>"),
text="""Hi,

our auditor asked us to confirm with all suppliers whether they are affected by CVE-2024-3094 (the xz / liblzma thing). We run three managed VMs with you, account BL-0341.

Could you send a short written statement we can attach to the audit file? Doesn't need to be long.

Thanks,
Tom

--
Tom Haverly | IT Coordinator
Brightlane Logistics Ltd
""",
label=lab("unknown", "en", cves=["CVE-2024-3094"])))

# ---------------------------------------------------------------- 005
MAILS.append(dict(file="005-bugbounty-reset-token-reuse.eml",
headers=H('"BugHarbor" <notifications@bugharbor.example>',
          "[BugHarbor] New report #48211 submitted to Example Hosting: Account takeover via password reset token reuse",
          "Tue, 18 Mar 2025 16:22:40 +0000", "<report-48211-new@bugharbor.example>"),
text="""A new report has been submitted to your program **Example Hosting Public VDP**.

---

# Account takeover via password reset token reuse

**Report ID:** #48211
**Researcher:** @marisol_sec
**Asset:** account.example.test
**Weakness:** CWE-640: Weak Password Recovery Mechanism for Forgotten Password
**Severity (researcher):** High
**CVSS:** CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N

## Summary

The password reset token issued by `POST /api/v2/password/forgot` is not invalidated after use and stays valid for 7 days. Anyone who obtains a used token (for example through the referrer leak described below) can reset the victim's password again, even after the victim changed it.

## Steps to reproduce

1. Request a password reset for a test account.
2. Open the link and set a new password. Note the `token` parameter.
3. Log in as that account and change the password again from Settings.
4. Replay `POST /api/v2/password/reset` with the old token: the password is changed again and a session cookie is issued.

The reset page also loads a third-party analytics script, and the full URL including the token is sent to it in the `Referer` header.

## Impact

Takeover of any customer account whose reset link was used in the last 7 days.

## Remediation

Invalidate the token server-side on first use and on any password change, shorten its lifetime to 30 minutes, and send `Referrer-Policy: no-referrer` on the reset page.

---

View report: https://bugharbor.example/reports/48211
You are receiving this email because you are a member of the Example Hosting team on BugHarbor.
""",
label=lab("vulnerability", "en", vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N", score=8.1,
          fix="Invalidate the token server-side")))

# ---------------------------------------------------------------- 006
MAILS.append(dict(file="006-cliente-account-violato-vishing.eml",
headers=H("Giorgia Martelli <giorgia.martelli@gmail.example>",
          "Re: account violato - URGENTE",
          "Tue, 08 Apr 2025 11:48:03 +0200", "<CAOm8y4+gm.0408.1148@mail.gmail.example>",
          extra=[("In-Reply-To", "<CAOm8y4+gm.0408.0912@mail.gmail.example>")]),
text="""Scrivo di nuovo qui perché al numero dell'assistenza mi hanno detto di mandare una mail a questo indirizzo.

Ieri pomeriggio mi ha chiamato uno che diceva di essere del vostro supporto tecnico. Sapeva il mio nome, il mio dominio (martelliceramiche.example) e perfino il numero dell'ultima fattura. Mi ha detto che c'era un problema con il rinnovo e che doveva "verificare" l'account, e io come una scema gli ho letto il codice che mi era appena arrivato via SMS. Stamattina il sito punta a una pagina di un casinò online, le caselle di posta non ricevono più niente e nel pannello come contatto principale c'è un indirizzo che non è il mio. La mia password non funziona più.

Ora, ho sbagliato io a dare il codice, lo so. Ma come faceva questo tizio ad avere il numero della fattura? Questo lo voglio sapere, perché vuol dire che qualcuno quei dati li ha presi da voi o da qualcuno che lavora per voi.

Vi chiedo di aiutarmi a rientrare e di dirmi cosa è successo. E se fossi in voi manderei a tutti i clienti un avviso tipo "nessun operatore vi chiederà mai codici o password per telefono", perché se è successo a me succederà anche ad altri.

Giorgia Martelli
Martelli Ceramiche snc

Il giorno mar 8 apr 2025 alle ore 09:12 Giorgia Martelli <giorgia.martelli@gmail.example> ha scritto:
> Il mio account è stato violato, il sito non funziona. Chiamatemi al 333 000 0000 appena potete.
""",
label=lab("incident", "it", cust="nessun operatore vi chiederà mai codici")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(file="007-universita-saml-signature-wrapping.eml",
headers=H('"Dott. Stefano Ruggeri" <stefano.ruggeri@unimontebello.example>',
          "Nimbus CMS - plugin SAML: bypass dell'autenticazione (signature wrapping)",
          "Fri, 21 Mar 2025 15:02:11 +0100", "<8e2a91f0-6c3b-4d7e-9f11-ruggeri@unimontebello.example>",
          extra=[("Cc", "cert@unimontebello.example"), ("User-Agent", "Mozilla Thunderbird")]),
text="""Buongiorno,

sono il referente tecnico dell'Area Servizi Informatici dell'Università di Montebello. Usiamo Nimbus CMS (versione 6.3, on-premise, licenza campus) con il vostro plugin "Nimbus SAML Connector" 3.1.4 per il login federato dei portali di dipartimento.

Durante un assessment interno il nostro team ha verificato che il plugin valida la firma XML sulla Response ma poi legge gli attributi dalla prima Assertion trovata nel documento, anche se non è quella firmata. Con un classico XML signature wrapping (assertion non firmata inserita prima di quella firmata) si riesce a fare login come qualunque utente, compresi gli admin del CMS. Serve una Response valida qualsiasi, anche di un proprio account, quindi l'attacco è remoto ma non banalissimo.

Le nostre valutazioni:
CVSS 3.1: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N (7.4)
CVSS 4.0: CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

Nel frattempo abbiamo impostato wantAssertionsSigned=true sia sull'IdP che nel plugin, e in test questo blocca l'attacco perché l'assertion iniettata non è firmata. Non sappiamo però se sia sufficiente in tutti i casi, per cui vi chiediamo una correzione ufficiale.

Abbiamo una richiesta di PoC con le Response modificate; ve la mandiamo cifrata se ci indicate una chiave PGP.

Cordiali saluti,
Stefano Ruggeri
Area Servizi Informatici - Settore Sicurezza
Università degli Studi di Montebello
""",
label=lab("vulnerability", "it",
          vector="CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=9.1,
          fix="impostato wantAssertionsSigned=true")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(file="008-abuse-desk-phishing-brand-html-table.eml",
headers=H('"Larkspur Networks Abuse" <abuse@larkspur-networks.example>',
          "[LN-ABUSE-559012] Phishing site impersonating Example Hosting - taken down",
          "Wed, 14 May 2025 08:31:55 +0000", "<LN-ABUSE-559012.reply@larkspur-networks.example>"),
html="""<html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:13px">
<p>Dear Example Hosting security team,</p>
<p>We are the abuse desk of Larkspur Networks. Earlier today we received a report about a phishing site impersonating your customer login, and confirmed that it was hosted on our shared platform. Details below.</p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th align="left">Field</th><th align="left">Value</th></tr>
<tr><td>Ticket</td><td>LN-ABUSE-559012</td></tr>
<tr><td>Phishing URL</td><td>hxxps://example-test-login.larkspur-sites.example/secure/account/verify.php</td></tr>
<tr><td>Hosting IP</td><td>192.0.2.188</td></tr>
<tr><td>Brand targeted</td><td>Example Hosting (customer panel login and card update page)</td></tr>
<tr><td>Detected</td><td>2025-05-14 06:20 UTC</td></tr>
<tr><td>Lure</td><td>Email: "Your domain will be suspended - update your payment method"</td></tr>
<tr><td>Action taken</td><td>Site taken offline, hosting account suspended at 08:02 UTC</td></tr>
<tr><td>Harvested data</td><td>A log file on the server contained 23 entries (username, password, partial card number). The list is attached encrypted; password follows in a separate mail.</td></tr>
</table>
<p>The account was registered two days ago with a prepaid card, so we assume the operator will move elsewhere. You may want to warn your customers that Example Hosting will never ask them to confirm card details by email.</p>
<p>Best regards,<br>
Jonas Ebbesen<br>
Abuse Desk | Larkspur Networks<br>
abuse@larkspur-networks.example</p>
</body></html>
""",
label=lab("incident", "en", fix="Site taken offline",
          cust="never ask them to confirm card details")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(file="009-richiesta-questionario-fornitori.eml",
headers=H('"Benvenuti Lucia" <l.benvenuti@ortofrutta-padana.example>',
          "Richiesta compilazione questionario sicurezza fornitori ICT",
          "Mon, 26 May 2025 09:30:00 +0200", "<AM9PR01MB7731.benvenuti@ortofrutta-padana.example>",
          extra=[("X-Mailer", "Microsoft Outlook 16.0")]),
text="""Buongiorno,

sono Lucia Benvenuti dell'Ufficio Acquisti di Ortofrutta Padana S.p.A. Nell'ambito del processo di qualifica dei fornitori ICT (anche in vista degli adempimenti NIS2) vi chiediamo di compilare il questionario di sicurezza allegato, in particolare le sezioni 3 (gestione delle vulnerabilità) e 5 (continuità operativa), e di restituircelo entro il 30 giugno.

Se siete in possesso di certificazione ISO/IEC 27001 potete allegare il certificato e saltare le sezioni 2 e 4.

Resto a disposizione per qualunque chiarimento.

Cordiali saluti

Lucia Benvenuti
Ufficio Acquisti
Ortofrutta Padana S.p.A. - Via dei Campi 12, Reggio Emilia
Tel. 0522 000 000

Le informazioni contenute nella presente comunicazione e i relativi allegati possono essere riservate e sono, comunque, destinate esclusivamente alle persone o alla Società sopraindicati. La diffusione, distribuzione e/o copiatura del documento trasmesso da parte di qualsiasi soggetto diverso dal destinatario è proibita. Se avete ricevuto questo messaggio per errore, vi preghiamo di distruggerlo e di informarci immediatamente.
""",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 010
MAILS.append(dict(file="010-vendor-tarnfeed-xxe-pgp.eml",
headers=H('"Ostrander Software Security" <security@ostrander-software.example>',
          "[Advance notice] CVE-2025-31877: XXE in tarnfeed < 4.2.7 - you are listed as a downstream user",
          "Mon, 07 Apr 2025 13:00:00 +0000", "<adv-2025-04-tarnfeed@ostrander-software.example>"),
text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

Hello,

You are receiving this advance notice because Example Hosting is listed in our
commercial support records as shipping tarnfeed, our XML/RSS feed parsing
library, in "Example Site Builder" (feed import widget). Public disclosure is
scheduled for 2025-04-22 14:00 UTC. Please keep this information confidential
until then.

Summary
=======

tarnfeed versions 3.0.0 through 4.2.6 resolve external entities by default when
parsing Atom and RSS 1.0 documents, even when the caller sets
`secure_mode=True`. A remote attacker who can make your application import a
feed they control can read local files readable by the process and, in some
deployments, trigger server-side requests (SSRF) to internal addresses.

Identifier:   CVE-2025-31877
Affected:     tarnfeed 3.0.0 - 4.2.6
Fixed:        tarnfeed 4.2.7 (released to support customers today)
CVSS v3.1:    7.5  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N

We are not aware of exploitation in the wild.

What you should do
==================

1. Upgrade to tarnfeed 4.2.7. The release is API compatible with 4.x; no code
   changes are needed.
2. If you cannot upgrade before the disclosure date, construct the parser with
   `FeedParser(resolve_entities=False, load_dtd=False)`. This was always the
   intended behaviour of secure_mode and fully blocks the issue.

Suggested notice for your users
===============================

Some vendors have asked us for wording. Feel free to reuse or adapt:

  "A vulnerability in a third-party component used by the feed import feature
  could allow a malicious feed to read files from the server. We have updated
  the component and no action is required on your part."

Credits
=======

Reported by Hana Lindqvist of Skerry Labs.

If you have questions, reply to this address; our PGP key is at
https://ostrander-software.example/.well-known/security.txt

- -- 
Ostrander Software Product Security Team
-----BEGIN PGP SIGNATURE-----

iQIzBAEBCgAdFiEEq2fV4wR0b1tKp9YxE3cR7v0lJmMFAmfzy0AACgkQE3cR7v0l
JmN9rA/+Ojx4h8KQb2sV1Vq7yZx0mJ0dJt3oGx1qHc0n4yJw5bWJxkz9L8ZrBv2Q
fT7yP0uXcQn3WmE6l5rQeD4yK1i8fVg2sAbC9jH0kLmNoPqRsTuVwXyZ0123456=
=Xk3P
-----END PGP SIGNATURE-----
""",
label=lab("vulnerability", "en", cves=["CVE-2025-31877"],
          vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score=7.5,
          fix="Upgrade to tarnfeed 4.2.7",
          cust="no action is required on your part")))

# ---------------------------------------------------------------- 011
MAILS.append(dict(file="011-csirt-nazionale-vpn-compromesse.eml",
headers=H('"CSIRT Nazionale - Segnalazioni" <segnalazioni@csirt-nazionale.example>',
          "[TLP:GREEN] Notifica n. CSN-2025-0417 - dispositivi compromessi nel Vostro spazio di indirizzamento",
          "Thu, 16 Jan 2025 17:44:20 +0100", "<CSN-2025-0417.notifica@csirt-nazionale.example>"),
text="""TLP:GREEN

Gentile Operatore,

nell’ambito delle attività di monitoraggio della minaccia cyber, questo CSIRT ha rilevato la compromissione di alcuni apparati VPN raggiungibili da Internet all’interno del Vostro spazio di indirizzamento (AS64512). Gli apparati risultano vulnerabili alla CVE-2025-0282 (stack-based buffer overflow, sfruttabile senza autenticazione) e presentano indicatori riconducibili all’installazione di una web shell persistente.

Elenco degli indirizzi interessati (osservazioni del 15/01/2025):

  203.0.113.14    vpn.studio-associato-greco.example
  203.0.113.61    remote.logimar.example
  203.0.113.202   (nessun record PTR)

Si raccomanda di:
  - notificare i clienti titolari degli indirizzi sopra indicati;
  - aggiornare il firmware alla versione 22.7R2.5 o successiva, dopo aver eseguito il ripristino alle impostazioni di fabbrica dell’apparato;
  - considerare compromesse le credenziali degli account locali e dei certificati presenti sull’apparato e procedere alla loro sostituzione.

Gli indicatori di compromissione (IoC) sono disponibili sulla piattaforma di condivisione del CSIRT per gli utenti accreditati.

Si prega di dare riscontro della presa in carico rispondendo al presente messaggio e mantenendo invariato l’oggetto.

Cordiali saluti,

CSIRT Nazionale
Servizio Gestione Incidenti

TLP:GREEN – Le informazioni possono essere condivise all’interno della comunità di riferimento, ma non pubblicate.
""", charset="cp1252", cte="8bit",
label=lab("incident", "it", cves=["CVE-2025-0282"], fix="firmware alla versione 22.7R2.5")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(file="012-forward-short-comment-stored-xss-cvss4.eml",
headers=H("Dana Whitcombe <dana.whitcombe@example.test>",
          "FW: Stored XSS in support ticket attachments",
          "Thu, 10 Apr 2025 09:14:47 +0000", "<DB7PR02MB4410.whitcombe@example.test>",
          extra=[("X-Mailer", "Microsoft Outlook 16.0")]),
text="""FYI - came in through the website contact form, looks legit to me. -D

________________________________
From: Rafael Quintero <rquintero.sec@protonmail.example>
Sent: Wednesday, April 9, 2025 22:51
To: Example Hosting Contact <contact@example.test>
Subject: Stored XSS in support ticket attachments

Hello,

I was not able to find a security contact so I am sending this here, please pass it to the right team.

When a customer uploads an SVG as an attachment to a support ticket at https://support.example.test/tickets/new, the file is served back from the same origin (support.example.test/att/<id>) with Content-Type image/svg+xml and no Content-Disposition. Any script inside the SVG runs when the support agent clicks the attachment preview.

PoC (harmless, just shows the cookie names):

  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain + ' ' + Object.keys(localStorage))"/>

Steps:
  1. Open a ticket, attach poc.svg.
  2. Wait until an agent opens the ticket and clicks on the thumbnail.
  3. The script runs in the agent's session on support.example.test.

My score: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N

I did not try to go further than the alert. Happy to help verify.

Rafael
""",
label=lab("vulnerability", "en",
          vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", score=5.3)))

# ---------------------------------------------------------------- 013
MAILS.append(dict(file="013-journalist-leaked-dataset-forum.eml",
headers=H("Marta Kessling <m.kessling@techledger-news.example>",
          "Press inquiry: dataset allegedly from Example Hosting on BreachForum mirror",
          "Fri, 30 May 2025 12:03:19 +0000", "<3f1c2d7a-kessling@techledger-news.example>",
          to="press@example.test, security@example.test"),
text="""Hello,

I'm a reporter at TechLedger covering data breaches. A user on a well-known breach forum mirror posted yesterday a 2.1 GB archive titled "examplehosting_customers_2025". I have looked at a sample of 200 rows: they contain full names, email addresses, billing addresses, hosting plan names and what appear to be bcrypt password hashes. Several of the emails I checked belong to real businesses, and two of them confirmed to me that they are your customers and that the billing address shown is the one they have with you.

I'm planning to publish on Tuesday 3 June. Before that I would like to give you the opportunity to comment:

1. Are you aware of this dataset, and do you believe it is genuine?
2. When and how was the data obtained, if you know?
3. How many customers are affected?

I can share the forum post link and the sample hashes (not the full data) with your security team if that helps verification.

Best,
Marta Kessling
Senior Reporter, TechLedger
Signal: available on request
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(file="014-rivenditore-path-traversal-webmail.eml",
headers=H('"Paolo Zanin - ZN Informatica" <paolo@zn-informatica.example>',
          "problema grosso webmail preview (Mail Gateway)",
          "Tue, 15 Apr 2025 19:27:44 +0200", "<a81c55e2.zanin.1744738064@zn-informatica.example>",
          extra=[("Cc", "partner@example.test")]),
text="""Ciao a tutti,

sono Paolo di ZN Informatica, siamo vostri rivenditori da tipo 8 anni (codice partner RV-0187), abbiamo una quarantina di clienti su Example Mail Gateway, quasi tutti studi professionali e qualche piccola azienda qui in zona.

Allora vi spiego, la settimana scorsa un cliente mi chiama perché l'anteprima degli allegati nella webmail gli faceva vedere un file strano, e guardando meglio ho visto che il parametro file= dell'anteprima (quella del modulo Webmail Preview, versione 5.2 se non sbaglio, comunque quella che avete mandato con l'ultimo aggiornamento di marzo) accetta roba tipo ../../../../etc/passwd e te la fa vedere tranquillamente. Basta essere loggati con una casella qualsiasi, anche quella di prova. Ho provato su due appliance diverse di due clienti e succede su tutte e due, quindi immagino su tutte. Con lo stesso trucco ho visto anche il file di configurazione con la password del database LDAP, e lì mi sono fermato perché non voglio fare danni.

Io gli darei tipo CVSS 8,1 ma non sono un esperto di queste cose, fate voi.

Nel frattempo si può disattivare il modulo Webmail Preview dal pannello (Impostazioni > Moduli), la webmail funziona lo stesso solo senza anteprima, io l'ho già fatto su tutti i miei clienti.

Una cosa: quando lo sistemate mandateci qualcosa da girare ai clienti, perché me lo chiederanno. Io ai clienti scriverei che è stato trovato un problema nell'anteprima degli allegati, che è già stato disattivato in via precauzionale e che non risultano accessi ai loro dati. Se vi va bene usate pure questa frase.

Fatemi sapere, grazie

Paolo Zanin
ZN Informatica snc
cell. 347 000 0000
""",
label=lab("vulnerability", "it", reported=8.1,
          fix="si può disattivare il modulo",
          cust="stato disattivato in via precauzionale")))

# ---------------------------------------------------------------- 015
MAILS.append(dict(file="015-status-chase-quoting-ack.eml",
headers=H("Ana Petrescu <ana.petrescu@fastmail.example>",
          "Re: [SEC-4412] Your report has been received",
          "Mon, 24 Mar 2025 08:55:02 +0200", "<f93a1b0e-petrescu-0324@fastmail.example>",
          extra=[("In-Reply-To", "<SEC-4412.ack@example.test>"), ("References", "<SEC-4412.ack@example.test>")]),
text="""Hi again,

it's been three weeks since the ack below and I haven't heard anything. Is there any update? I'd like to know roughly when you plan to ship something before I publish my write-up; I'm fine waiting, I just need a date to put in the calendar.

Cheers,
Ana

On Mon, 3 Mar 2025 at 14:02, Example Security Desk <security@example.test> wrote:
> Hello Ana,
>
> Thank you for your report. We have logged it under reference SEC-4412
> and forwarded it to the responsible product team. We will get back to
> you once we have completed our assessment.
>
> Kind regards,
> Example Security Desk
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 016
MAILS.append(dict(file="016-scuola-defacement-inoltro-outlook.eml",
headers=H('"Segreteria IC Rodari Borgonuovo" <segreteria@icrodari-borgonuovo.example>',
          "I: sito della scuola modificato da ignoti",
          "Mon, 10 Feb 2025 08:12:37 +0100", "<VI1PR09MB3321.segreteria@icrodari-borgonuovo.example>",
          extra=[("X-Mailer", "Microsoft Outlook 16.0")]),
text="""Buongiorno,

vi inoltro quanto ci ha scritto il nostro tecnico esterno. Il sito è ospitato da voi (pacchetto Scuole Plus). Vi chiediamo di verificare anche dal vostro lato se ci sono stati accessi e da dove, perché dobbiamo fare la segnalazione al Garante entro 72 ore se ci sono dati personali coinvolti.

Alle famiglie pensavamo di pubblicare questo avviso sul registro elettronico: «Nel fine settimana il sito della scuola è stato oggetto di un'intrusione informatica ed è stato ripristinato. Non risultano coinvolti i dati degli studenti.» Ci dite se secondo voi va bene?

Grazie
La Dirigente Scolastica
Prof.ssa Antonella Curzi

________________________________
Da: Fabrizio Neri <f.neri@neri-servizi.example>
Inviato: domenica 9 febbraio 2025 21:40
A: Segreteria IC Rodari Borgonuovo <segreteria@icrodari-borgonuovo.example>
Oggetto: sito della scuola modificato da ignoti

Buonasera,

come anticipato al telefono, sabato notte qualcuno è entrato nel sito della scuola e ha sostituito la home page con una pagina con una bandiera e delle scritte in arabo. Dai log dell'hosting risulta un accesso all'area amministrativa di WordPress con l'utente "webmaster" (la password era quella vecchia, mai cambiata dal 2019) da un indirizzo estero, poi il caricamento di un plugin chiamato "wp-fm-lite" che è un file manager.

Ho già fatto queste cose:
- abbiamo ripristinato il backup di venerdì dal pannello di hosting;
- ho cambiato la password dell'utente webmaster e disattivato gli altri due utenti amministratori non più usati;
- ho cancellato il plugin wp-fm-lite.

Nel sito ci sono solo circolari e il modulo contatti; i dati degli studenti stanno sul registro elettronico che è un altro fornitore.

Fabrizio Neri
Neri Servizi Informatici
""", charset="cp1252", cte="quoted-printable",
label=lab("incident", "it", fix="abbiamo ripristinato il backup",
          cust="stato oggetto di un'intrusione")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(file="017-scanner-report-sweet32.eml",
headers=H('"PerimeterScout" <noreply@perimeterscout.example>',
          "PerimeterScout weekly external scan - mail.example.test - 3 findings",
          "Sun, 06 Apr 2025 04:00:12 +0000", "<scan-7781220-20250406@perimeterscout.example>"),
text="""PerimeterScout External Scan Report
===================================

Target group:   example-hosting-edge
Scan profile:   Standard TLS + Services
Started:        2025-04-06 02:00 UTC
Finished:       2025-04-06 03:58 UTC
Hosts scanned:  12
Findings:       3 (1 medium, 2 informational)

----------------------------------------------------------------------
[MEDIUM] SSL/TLS: 64-bit block cipher suites supported (SWEET32)
----------------------------------------------------------------------
Host:        mail.example.test (192.0.2.25)
Port:        993/tcp (imaps), 465/tcp (smtps)
CVE:         CVE-2016-2183
Score:       5.9 (medium)
Details:     The service accepts TLS_RSA_WITH_3DES_EDE_CBC_SHA. An attacker
             able to capture large amounts of traffic in a long-lived
             session may recover plaintext fragments.
Solution:    Remove DES and 3DES cipher suites from the server configuration.
First seen:  2025-03-09

----------------------------------------------------------------------
[INFO] TLS 1.0 / 1.1 enabled
----------------------------------------------------------------------
Host:        mail.example.test (192.0.2.25)
Port:        110/tcp (pop3, STARTTLS)
Details:     Legacy protocol versions are offered.

----------------------------------------------------------------------
[INFO] Service banner discloses version
----------------------------------------------------------------------
Host:        ftp.example.test (192.0.2.31)
Port:        21/tcp
Details:     220 ProFTPD Server ready.

You receive this report because you are subscribed to weekly scans.
Manage notifications: https://app.perimeterscout.example/settings
""",
label=lab("vulnerability", "en", cves=["CVE-2016-2183"], reported=5.9,
          fix="Remove DES and 3DES cipher suites")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(file="018-iphone-wordpress-admin-compromised.eml",
headers=H("Dr. Mike Orlando <mike@lakeside-dental.example>",
          "website hacked??",
          "Sat, 19 Apr 2025 06:48:21 -0500", "<1B3F2C9A-7E44-4D1A-9C01-ORLANDO@lakeside-dental.example>",
          extra=[("X-Mailer", "iPhone Mail (22D82)")]),
text="""someone logged into our wordpress admin (lakeside-dental.example) from another country last night and added a new admin user called "support2". haven't changed anything yet, dont know what to do first. pls call 555-0147

Sent from my iPhone
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 019
MAILS.append(dict(file="019-ricercatore-idor-api-fatture-markdown.eml",
headers=H("Luca Ferraresi <luca.ferraresi@posteo.example>",
          "[Vulnerabilità] IDOR su /api/v1/invoices - accesso alle fatture di altri clienti",
          "Sat, 22 Feb 2025 18:10:54 +0100", "<20250222181054.GA4412@ferraresi-laptop>",
          extra=[("User-Agent", "Mutt/2.2.12")]),
text="""Salve,

vi segnalo una vulnerabilità nell'API del pannello clienti. Ho usato solo il mio account e un secondo account di test creato apposta.

## Descrizione

L'endpoint `GET /api/v1/invoices/{id}/pdf` restituisce il PDF della fattura senza verificare che la fattura appartenga all'utente autenticato. Gli `id` sono numerici e sequenziali, quindi basta incrementarli per scaricare le fatture di altri clienti (nome, ragione sociale, indirizzo, P.IVA, servizi acquistati, importi).

## Riproduzione

1. Login con l'account A, annotare l'id di una propria fattura (es. 2210455).
2. Login con l'account B, richiedere `GET /api/v1/invoices/2210455/pdf` con il token di B.
3. Il server risponde `200 OK` con il PDF dell'account A.

Ho verificato con 3 id vicini ai miei e poi mi sono fermato; i PDF li ho cancellati.

## Valutazione

CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N

## Note

Non ho una correzione da proporre oltre all'ovvio controllo di autorizzazione lato server, che però non so come sia fatto il vostro codice, quindi la lascio a voi.

Dato che le fatture potrebbero essere già state scaricate da altri, suggerirei di avvisare gli utenti che i dati di fatturazione potrebbero essere stati esposti, e di stare attenti a email false che chiedono pagamenti.

Vorrei pubblicare un breve articolo sul mio blog dopo la correzione, con un preavviso di 90 giorni. Fatemi sapere se per voi va bene.

Luca Ferraresi
""",
label=lab("vulnerability", "it", vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", score=6.5,
          cust="dati di fatturazione potrebbero essere")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(file="020-newsletter-sicurezza-settimanale.eml",
headers=H('"Bollettino Sicurezza di RadarCyber" <newsletter@radarcyber.example>',
          "RadarCyber Settimanale #142 - Le vulnerabilità della settimana",
          "Fri, 14 Mar 2025 07:00:00 +0100", "<nl142.20250314@radarcyber.example>",
          to="security@example.test",
          extra=[("List-Unsubscribe", "<https://radarcyber.example/unsub?u=88121>")]),
text="""RadarCyber Settimanale #142

Ciao! Ecco il riepilogo della settimana.

IN EVIDENZA
- Apache Tomcat: la CVE-2025-24813 (partial PUT) è già sfruttata attivamente, a pochi giorni dalla pubblicazione.
- Una campagna di phishing a tema "rimborso fiscale" prende di mira i commercialisti.
- Il nuovo rapporto annuale sulle minacce in Italia: il ransomware resta al primo posto.

DA LEGGERE
- Intervista: come si organizza un SOC in una PMI.
- Guida: cosa cambia con il recepimento della NIS2.

EVENTI
- Webinar giovedì 20 marzo ore 11:00 - "Gestire le vulnerabilità senza impazzire".

Hai ricevuto questa email perché sei iscritto al bollettino di RadarCyber.
Per cancellarti: https://radarcyber.example/unsub?u=88121
""",
html="""<html><body style="font-family:Helvetica,Arial,sans-serif">
<h1 style="color:#0a4b78">RadarCyber Settimanale #142</h1>
<p>Ciao! Ecco il riepilogo della settimana.</p>
<h2>In evidenza</h2>
<ul>
<li><b>Apache Tomcat</b>: la CVE-2025-24813 (partial PUT) è già sfruttata attivamente, a pochi giorni dalla pubblicazione.</li>
<li>Una campagna di phishing a tema "rimborso fiscale" prende di mira i commercialisti.</li>
<li>Il nuovo rapporto annuale sulle minacce in Italia: il ransomware resta al primo posto.</li>
</ul>
<h2>Da leggere</h2>
<ul>
<li>Intervista: come si organizza un SOC in una PMI.</li>
<li>Guida: cosa cambia con il recepimento della NIS2.</li>
</ul>
<h2>Eventi</h2>
<p>Webinar giovedì 20 marzo ore 11:00 - "Gestire le vulnerabilità senza impazzire".</p>
<p style="font-size:11px;color:#888">Hai ricevuto questa email perché sei iscritto al bollettino di RadarCyber. <a href="https://radarcyber.example/unsub?u=88121">Cancellati</a></p>
</body></html>
""",
label=lab("unknown", "it", cves=["CVE-2025-24813"])))

# ---------------------------------------------------------------- 021
MAILS.append(dict(file="021-mssp-credential-stuffing-portal-multipart.eml",
headers=H('"Halvorsen Cyber Defence" <ir@halvorsen-cyber.example>',
          "Credential stuffing against customer portal (portal.example.test) - observed 22-23 May",
          "Fri, 23 May 2025 14:38:09 +0000", "<hcd-ir-2025-0523-01@halvorsen-cyber.example>"),
text="""Hello Example Hosting security team,

We are the incident response provider of one of your larger reseller customers (Aldercrest Web, reseller ID R-2207). While investigating unusual logins on their reseller sub-accounts, we observed a sustained credential stuffing campaign against your customer portal.

What we observed
- Between 22 May 21:00 UTC and 23 May 05:30 UTC roughly 380,000 POST requests to https://portal.example.test/login from ~2,600 residential proxy IPs.
- Roughly 1 in 900 attempts succeeded; at least 41 of Aldercrest's sub-accounts were logged into successfully. In 6 of them the attacker changed the NS records of a domain.
- The requests rotate user agents but all send the same malformed Accept-Language header ("en-US,en;q=0.9,;q=0.8"), which makes them easy to filter.

Recommendations
1. Enable rate limiting on /login per account and per IP, and add a CAPTCHA challenge after 3 failed attempts.
2. Block requests with the malformed Accept-Language value above at the WAF.
3. Force a password reset for accounts with a successful login from the proxy ranges (we can share the IP list).

Message for affected users
We recommend telling affected users something along these lines: "We detected a login to your account using a password that was likely stolen from another website. We have reset your password; please choose a new one that you do not use anywhere else, and enable two-factor authentication."

Happy to set up a call.

Kind regards,
Eirik Solberg
Lead Incident Responder, Halvorsen Cyber Defence
""",
html="""<html><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">
<p>Hello Example Hosting security team,</p>
<p>We are the incident response provider of one of your larger reseller customers (Aldercrest Web, reseller ID R-2207). While investigating unusual logins on their reseller sub-accounts, we observed a sustained credential stuffing campaign against your customer portal.</p>
<p><b>What we observed</b></p>
<ul>
<li>Between 22 May 21:00 UTC and 23 May 05:30 UTC roughly 380,000 POST requests to https://portal.example.test/login from ~2,600 residential proxy IPs.</li>
<li>Roughly 1 in 900 attempts succeeded; at least 41 of Aldercrest's sub-accounts were logged into successfully. In 6 of them the attacker changed the NS records of a domain.</li>
<li>The requests rotate user agents but all send the same malformed Accept-Language header ("en-US,en;q=0.9,;q=0.8"), which makes them easy to filter.</li>
</ul>
<p><b>Recommendations</b></p>
<ol>
<li>Enable rate limiting on /login per account and per IP, and add a CAPTCHA challenge after 3 failed attempts.</li>
<li>Block requests with the malformed Accept-Language value above at the WAF.</li>
<li>Force a password reset for accounts with a successful login from the proxy ranges (we can share the IP list).</li>
</ol>
<p><b>Message for affected users</b><br>
We recommend telling affected users something along these lines: "We detected a login to your account using a password that was likely stolen from another website. We have reset your password; please choose a new one that you do not use anywhere else, and enable two-factor authentication."</p>
<p>Happy to set up a call.</p>
<p>Kind regards,<br>Eirik Solberg<br>Lead Incident Responder, Halvorsen Cyber Defence</p>
</body></html>
""",
label=lab("incident", "en", fix="Enable rate limiting on /login",
          cust="likely stolen from another website")))

# ---------------------------------------------------------------- 022
MAILS.append(dict(file="022-nonnative-xss-control-panel.eml",
headers=H("Arjun Mehta <arjunmehta.bugs@gmail.example>",
          "XSS vulnerability found in your control panel pls check",
          "Sun, 13 Apr 2025 02:19:36 +0530", "<CAH9w1yZ=arjun.0413@mail.gmail.example>"),
text="""Dear Sir/Madam,

I am security researcher from India and I am finding one reflected XSS vulnerability in your hosting control panel. Kindly check it.

Vulnerable URL: https://cp.example.test/dns/zone?domain=
Parameter: domain

When I am putting the payload "><img src=x onerror=alert(1)> inside domain parameter, the value is coming back inside the page title and input box without any encoding and alert is popping. It is working in Chrome and Firefox both latest version. Attacker can send this link to logged in customer and steal his session or change his DNS records, because the session cookie is not having HttpOnly flag also.

I rate it 6.1 (Medium) as per CVSS calculator.

For fix you should escape the parameter before printing in HTML and also put HttpOnly on the cookie.

Please tell me if you are giving bounty or hall of fame for this type of issue. I am waiting for your kind reply.

Thanks and Regards
Arjun Mehta
""",
label=lab("vulnerability", "en", reported=6.1, fix="escape the parameter")))

# ---------------------------------------------------------------- 023
MAILS.append(dict(file="023-noc-inoltro-spam-vm-commenti-intercalati.eml",
headers=H("Roberto Galli <roberto.galli@example.test>",
          "Fwd: Fwd: [Spam complaint] 198.51.100.140 - listed",
          "Thu, 27 Mar 2025 16:20:05 +0100", "<7a1e40c2-galli-noc@example.test>",
          extra=[("Cc", "noc@example.test")]),
text="""Ciao team security,

vi giro la segnalazione arrivata all'abuse, con i miei commenti in mezzo. In breve: una VM di un cliente (contratto VPS-S 55120) manda spam da ieri sera, l'IP è finito in blacklist e ci sta trascinando dietro mezza /24. Abbiamo sospeso la VM alle 15:40 e bloccato la porta 25 in uscita su tutto il range. Il cliente non risponde al telefono.

Secondo me è stata bucata, non è il cliente a fare spam: sulla VM gira un WordPress vecchissimo e in /tmp ci sono script perl che sembrano un mailer. Lascio a voi il resto dell'analisi, lo snapshot del disco è in /forensics/vps-55120.

Roberto (NOC)

---------- Forwarded message ---------
From: Abuse Desk <abuse@example.test>
Date: Thu, 27 Mar 2025 at 15:02
Subject: Fwd: [Spam complaint] 198.51.100.140 - listed
To: NOC <noc@example.test>

Ticket ABU-30871 passed to NOC for action.

---------- Forwarded message ---------
From: BlockWatch Reputation <listings@blockwatch-rbl.example>
Date: Thu, 27 Mar 2025 at 09:11
Subject: [Spam complaint] 198.51.100.140 - listed

Hello,

the address 198.51.100.140 has been added to the BlockWatch RBL after our traps received 18,432 messages from it in the last 12 hours.

> Sample subject: "Your parcel is waiting - confirm delivery fee"

[Roberto: è la solita campagna finto corriere, link verso un dominio .example registrato ieri]

> HELO used: mail.parcel-notify.example
> First hit: 2025-03-26 22:47 UTC

[Roberto: l'orario coincide con un login SSH riuscito come root sulla VM alle 22:31, dal log che abbiamo noi]

Delisting will be possible once the source has been stopped and 24 hours have passed without hits.

BlockWatch Listings Team
""",
label=lab("incident", "it", fix="Abbiamo sospeso la VM")))

# ---------------------------------------------------------------- 024
MAILS.append(dict(file="024-vendor-plugin-pagamenti-cvss4.eml",
headers=H('"Paganova S.r.l. - Product Security" <psirt@paganova.example>',
          "Avviso di sicurezza PNV-2025-03 / CVE-2025-40211 - Paganova Checkout per Example Shop",
          "Tue, 20 May 2025 11:00:00 +0200", "<PNV-2025-03.partner@paganova.example>"),
text="""Gentili partner,

vi scriviamo in quanto integrate il modulo **Paganova Checkout** nella piattaforma Example Shop.

**Descrizione**
Il modulo Paganova Checkout, nelle versioni dalla 2.6.0 alla 2.8.3, non verifica correttamente la firma HMAC delle notifiche di pagamento (webhook) inviate dal gateway: un attaccante non autenticato può inviare una notifica contraffatta e far risultare come pagato un ordine mai saldato, oppure modificarne l'importo.

**Identificativo:** CVE-2025-40211
**Gravità:** Critica
**Vettore CVSS v4.0:** CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

**Versioni corrette**
Il problema è risolto nella versione 2.8.4, disponibile da oggi nel repository partner. Raccomandiamo l'aggiornamento entro 7 giorni. Non sono necessarie modifiche alla configurazione.

**Comunicazione ai merchant**
Per i vostri clienti merchant proponiamo il seguente testo:

"Gentile cliente, il fornitore del modulo di pagamento ci ha comunicato una vulnerabilità che consentiva di falsificare le conferme di pagamento. Abbiamo già installato l'aggiornamento correttivo. Vi consigliamo di verificare gli ordini segnati come pagati dal 1° maggio in poi confrontandoli con gli accrediti effettivi."

Il bollettino sarà pubblicato sul nostro sito il 3 giugno. Per domande potete rispondere a questa email.

Cordiali saluti,
Team Product Security
Paganova S.r.l.
""",
label=lab("vulnerability", "it", cves=["CVE-2025-40211"],
          vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=9.3,
          fix="risolto nella versione 2.8.4",
          cust="falsificare le conferme di pagamento")))

# ---------------------------------------------------------------- 025
MAILS.append(dict(file="025-thanks-hall-of-fame.eml",
headers=H("Marisol Vega <marisol.vega@sec-notes.example>",
          "Re: [SEC-4380] Closed - thanks!",
          "Wed, 16 Apr 2025 10:11:45 -0300", "<0D3E1F77-vega@sec-notes.example>",
          extra=[("X-Mailer", "Apple Mail (2.3826.400.131.1.6)")]),
text="""Hi team,

just wanted to say thanks for the quick turnaround and for keeping me in the loop, it's honestly rare. Could you list me in the hall of fame as "Marisol Vega (@marisol_sec)"? No link needed.

All the best,
Marisol

> On 15 Apr 2025, at 17:40, Example Security Desk <security@example.test> wrote:
>
> Hello Marisol,
>
> We are closing SEC-4380. Thank you again for your responsible disclosure.
>
> Example Security Desk
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 026
MAILS.append(dict(file="026-national-cert-leaked-credentials-paste.eml",
headers=H('"CERT-Estoria Incident Handling" <incident@cert-estoria.example>',
          "[CERT-ES #2025-11873] Leaked credentials for example.test services [TLP:AMBER]",
          "Mon, 12 May 2025 09:02:41 +0000", "<CERT-ES-2025-11873@cert-estoria.example>"),
text="""-----
TLP:AMBER
-----

Dear colleagues,

CERT-Estoria has become aware of a text file published on a public paste site on 2025-05-10 containing 312 pairs of email address and plaintext password. The file header states "examplehosting webmail - fresh". Based on the format, we assess that the credentials were most likely collected by infostealer malware on end-user devices rather than taken from your systems; however 57 of the pairs were verified by us as still valid against webmail.example.test as of 2025-05-11 (verification done by checking the login response only; no mailbox was opened).

The list of affected addresses is attached (affected_accounts.csv, 312 lines, flag column "valid=1" for the verified ones).

We ask you to:
 * force a password reset for the listed accounts, prioritising the 57 verified ones;
 * check these accounts for mail forwarding rules added in the last 30 days;
 * inform us when done, so that we can close the case.

Please keep the ticket number in the subject of any reply.

With kind regards,

Lena Voskuijlen
Incident Handler
CERT-Estoria - National Computer Emergency Response Team
Phone: +99 10 000 1100 (24/7)

-----
TLP:AMBER - Limited disclosure, restricted to participants' organizations.
-----
""",
label=lab("incident", "en", fix="force a password reset for the listed")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(file="027-consulente-html-tabella-git-esposto.eml",
headers=H('"Sara Lombardo - Lombardo Security Consulting" <sara@lombardo-sec.example>',
          "Esito verifica: directory .git accessibile su hosting condiviso",
          "Wed, 05 Mar 2025 17:33:20 +0100", "<f3a9-lombardo-0305@lombardo-sec.example>"),
html="""<html><head><meta charset="utf-8"></head>
<body style="font-family:Verdana,sans-serif;font-size:12px">
<p>Buonasera,</p>
<p>durante un penetration test commissionato da un vostro cliente (Ferramenta Bortolotti, dominio bortolotti-ferramenta.example) ho riscontrato una configurazione della piattaforma di hosting condiviso che, secondo me, riguarda tutti i clienti e non solo lui. Riporto la scheda della vulnerabilità come da nostro modello.</p>
<table border="1" cellspacing="0" cellpadding="5" style="border-collapse:collapse">
<tr><th style="background:#ddd">ID</th><td>LSC-2025-014-03</td></tr>
<tr><th style="background:#ddd">Titolo</th><td>Repository Git esposto nella document root</td></tr>
<tr><th style="background:#ddd">Asset</th><td>Piattaforma Shared Hosting (server web16.example.test)</td></tr>
<tr><th style="background:#ddd">Descrizione</th><td>Il server web non blocca le richieste verso le cartelle .git presenti nella document root. Per i siti pubblicati tramite la funzione "Deploy da Git" del pannello, la cartella .git viene copiata insieme al sito: è possibile scaricare l'intero repository (sorgenti, cronologia, file di configurazione con credenziali del database).</td></tr>
<tr><th style="background:#ddd">Evidenza</th><td>GET /.git/config restituisce 200 con la URL del repository remoto; ricostruzione completa dei sorgenti con git-dumper.</td></tr>
<tr><th style="background:#ddd">CVSS</th><td>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N (5.3)</td></tr>
<tr><th style="background:#ddd">Rimedio</th><td>Bloccare le directory .git a livello di web server (regola globale), ed escludere la cartella .git dalla copia eseguita dalla funzione Deploy da Git.</td></tr>
</table>
<p>Al cliente ho già consigliato di cambiare la password del database. Rimango disponibile per chiarimenti.</p>
<p>Cordiali saluti<br>
Sara Lombardo<br>
Lombardo Security Consulting<br>
OSCP, CISSP</p>
</body></html>
""",
label=lab("vulnerability", "it", vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", score=5.3,
          fix="Bloccare le directory .git")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(file="028-thunderbird-reply-vps-template-password.eml",
headers=H("Enrico Bassani <e.bassani@bassani-impianti.example>",
          "Re: Ticket #771204 - VPS consegnato",
          "Thu, 15 May 2025 12:04:51 +0200", "<4d2c9b7e-bassani-reply@bassani-impianti.example>",
          to="support@example.test, security@example.test",
          extra=[("In-Reply-To", "<ticket-771204-1@support.example.test>"), ("User-Agent", "Mozilla/5.0 Thunderbird/128.10.0")]),
text="""Buongiorno,

metto in copia anche l'indirizzo security perché secondo me la cosa non riguarda solo il mio ticket.

Il VPS che mi avete consegnato stamattina ha l'accesso SSH come root con password abilitato, e fin qui pazienza. Il problema è che la password temporanea che mi avete mandato (quella del messaggio qui sotto) è identica a quella di un altro VPS che un collega ha attivato da voi due settimane fa, con un altro account. Abbiamo confrontato le email: stessa password, stesso formato. Mi viene il dubbio che il template dell'immagine Debian 12 abbia una password fissa, o che il generatore non generi un bel niente. Se è così chiunque abbia mai preso un VPS da voi può entrare nei VPS appena creati degli altri, almeno fino a quando il cliente non la cambia.

Non ho provato ad entrare in macchine altrui, ovviamente.

Saluti
Enrico Bassani
Bassani Impianti srl

Il 15/05/2025 09:22, Supporto Example ha scritto:
> Gentile cliente,
>
> il suo VPS "vps-bassani-01" è pronto.
> Indirizzo IP: 203.0.113.90
> Utente: root
> Password temporanea: [rimossa]
>
> Cordiali saluti,
> Supporto Example Hosting
""",
label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(file="029-triple-forward-backup-agent-both-vectors.eml",
headers=H("Rachel Ogunleye <rachel.ogunleye@example.test>",
          "Fwd: FW: CVE-2025-33104 - backup agent unauthenticated restore API (pentest finding)",
          "Tue, 29 Apr 2025 17:45:10 +0100", "<CAJ4r=ogunleye.0429@example.test>"),
text="""Looping in security since this is now a formal vulnerability report with a CVE request behind it. I own the backup product roadmap; happy to push a release as soon as you confirm.

For the release notes / customer mail I'd suggest: "Backup Agent 5.4.2 fixes a security issue that allowed devices on the same network to trigger restores without authentication. Please update all agents." Can you review that wording?

Rachel
Product Manager, Backup & Recovery

---------- Forwarded message ---------
From: Marco Delgado <marco.delgado@example.test>
Date: Tue, 29 Apr 2025 at 15:02
Subject: FW: CVE-2025-33104 - backup agent unauthenticated restore API (pentest finding)
To: Rachel Ogunleye <rachel.ogunleye@example.test>

Rachel, enterprise customer (Vantor Insurance) escalated this through their account manager. Not a support case, it's yours I think.

Marco
Support Team Lead

-----Original Message-----
From: Felix Brandt <felix.brandt@vantor-insurance.example>
Sent: Monday, April 28, 2025 11:19 AM
To: Account Management <accounts@example.test>
Subject: CVE-2025-33104 - backup agent unauthenticated restore API (pentest finding)

Hi,

during our annual internal pentest we found that Example Backup Agent 5.4.1 (Linux and Windows) exposes its local control API on 0.0.0.0:8470 instead of localhost. The /v1/restore and /v1/jobs endpoints do not require the agent token, so any host on the same network segment can trigger a restore of an arbitrary snapshot to an arbitrary path (we overwrote /etc/cron.d on a test box, which gives code execution as root).

Our ratings:
- CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H (8.8)
- CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (8.7)

We have requested an identifier from MITRE (see subject) and plan to coordinate disclosure with you.

Until a patch is out we have configured the agents to listen on localhost only (bind_address=127.0.0.1 in agent.conf) and added a host firewall rule for 8470/tcp. That seems to block the issue completely without breaking scheduled backups.

Regards,
Felix Brandt
Offensive Security, Vantor Insurance
""",
label=lab("vulnerability", "en", cves=["CVE-2025-33104"],
          vector="CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score=8.7,
          fix="listen on localhost only",
          cust="5.4.2 fixes a security issue")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(file="030-domanda-nis2-referente.eml",
headers=H("Chiara Fontana <chiara.fontana@studiofontana.example>",
          "domanda NIS2",
          "Mon, 09 Jun 2025 14:21:07 +0200", "<e81f2a3c-fontana@studiofontana.example>"),
text="""Buongiorno,
siete soggetti NIS2? Il nostro consulente ci chiede il nome del vostro referente per la sicurezza e se avete un piano di risposta agli incidenti da condividere con i clienti.
Grazie, Chiara Fontana - Studio Fontana
""",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 031
MAILS.append(dict(file="031-setext-subdomain-takeover-cvss30.eml",
headers=H("Henrik Aalto <henrik@aalto-research.example>",
          "Subdomain takeover: status.example.test (dangling CNAME)",
          "Tue, 11 Feb 2025 21:07:33 +0200", "<Z6uX2k8H.aalto@aalto-research.example>"),
text="""Hello security team,

Please find below a report on a subdomain takeover affecting one of your hostnames.

Summary
=======

status.example.test is a CNAME to examplehosting.statuspage-cloud.example, but that
page no longer exists at the status page provider. Anyone can register a new
page with that name on the provider and serve arbitrary content on
status.example.test, including under a valid certificate issued by the provider.

Details
-------

    $ dig +short status.example.test CNAME
    examplehosting.statuspage-cloud.example.
    $ curl -s https://examplehosting.statuspage-cloud.example/ | head -1
    <h1>This page is not claimed yet</h1>

I have NOT claimed the page. Since your cookies for the customer portal are set
on the parent domain (.example.test), a page served on status.example.test could
read or plant session cookies, which is the main impact beyond simple
defacement or phishing.

Severity
--------

CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N

Recommendation
--------------

Remove the dangling CNAME record, or claim the page name again at the provider
if you still use the service. Consider scoping the portal cookies to
portal.example.test instead of the parent domain.

Best regards,
Henrik Aalto
""",
label=lab("vulnerability", "en", vector="CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", score=6.1,
          fix="Remove the dangling CNAME record")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(file="032-angry-customer-db-dumped-long.eml",
headers=H('"Gary Pinkerton" <gary@pinkerton-outdoor.example>',
          "YOUR SERVERS LEAKED MY CUSTOMER DATABASE",
          "Sun, 01 Jun 2025 23:58:14 -0400", "<BN8PR11MB3390.pinkerton@pinkerton-outdoor.example>",
          to="support@example.test, security@example.test, billing@example.test"),
text="""To whoever reads this at Example Hosting,

I have been a customer of yours for eleven years. ELEVEN. I have recommended you to at least a dozen other store owners. And tonight I get an email from a guy calling himself "data_broker" telling me he has a copy of my entire store database and that if I don't pay him 0.5 BTC by Friday he will sell it and send a copy to every one of my customers "so they know how you protect them".

He attached a file with the first 50 rows. It is real. Names, emails, phone numbers, shipping addresses, order history of my customers. I checked three of them against my admin panel and they match down to the order number. The last order in his sample is from Thursday, so this happened in the last few days.

I do not know how he got it. I do know that:

- The shop runs on your Managed Commerce plan, which you sell as "fully managed and secured". I have never installed a plugin myself, your team did the setup.
- The database is on your managed MySQL, I have never given the password to anyone. I don't even know where I would find it.
- Nobody but me logs in to the admin panel and I have two-factor on it because YOU told me to.

So either someone got into your servers or your managed database is open to the internet or something. I want to know which one, and I want to know TONIGHT, not in 3-5 business days like your support page says.

I called your support line twice and got a recorded message about maintenance windows. That's why I'm emailing every address on your contact page.

What I need from you:
1. Tell me how this happened.
2. Tell me if other customers are affected, because if this is your fault I'm not going to be the only one.
3. Tell me what I am legally supposed to do now. Do I have to tell my customers? Do I have to tell the authorities? I sell camping gear, I'm not a lawyer.

I have not paid and I'm not going to pay. I have screenshots of the extortion email and I'm happy to forward it to whoever is handling this.

The only thing I could think of doing myself: I already rotated the database password from the control panel around 11pm and logged out all admin sessions. If that breaks something on your side, too bad.

Gary Pinkerton
Owner, Pinkerton Outdoor Supply
(555) 0133-2289
""",
label=lab("incident", "en", fix="already rotated the database password")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(file="033-iphone-bucket-pubblico.eml",
headers=H("Dario M. <dario.m82@icloud.example>",
          "bucket pubblico",
          "Thu, 06 Mar 2025 13:22:09 +0100", "<6E4A0B11-2F7C-4C3B-A2D9-DARIOM@icloud.example>",
          extra=[("X-Mailer", "iPhone Mail (22D72)")]),
text="""Ciao, il vostro bucket s3.example.test/backup-clienti-2024 si lista senza autenticazione, dentro ci sono dump .sql.gz con nomi di clienti. Non ho scaricato niente oltre all'elenco. Guardateci.

Inviato da iPhone
""",
label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(file="034-question-pentest-authorisation.eml",
headers=H("Sophie Laurent <sophie.laurent@kelvinbridge.example>",
          "Do we need permission to pentest our own VPS?",
          "Wed, 04 Jun 2025 10:40:12 +0200", "<b7a62c90-laurent@kelvinbridge.example>"),
text="""Hello,

We (Kelvinbridge Ltd, account KB-11830) are planning an external penetration test of our two VPS and the load balancer we rent from you, carried out by an external firm in the week of 23 June.

Do we need to notify you or get written authorisation first? If yes, is there a form, and which details do you need (source IPs of the testers, time windows, scope)? We want to avoid the tests being blocked or the testers' IPs being reported as abuse.

Also, are load tests (not DDoS, just a few hundred requests per second for 10 minutes) allowed under your AUP?

Thank you,
Sophie Laurent
Head of IT, Kelvinbridge Ltd
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 035
MAILS.append(dict(file="035-pec-asl-violazione-dati-server-ospitato.eml",
headers=H('"ASL Valle del Serio - Protocollo" <protocollo@pec.asl-valleserio.example>',
          "POSTA CERTIFICATA: Comunicazione di violazione dei dati personali - prot. 0048812 del 17/03/2025",
          "Mon, 17 Mar 2025 18:02:40 +0100", "<opec210.20250317180240.55821.21.3.9@pec.asl-valleserio.example>",
          extra=[("X-Ricevuta", "posta-certificata")]),
text="""Messaggio di posta certificata

Il giorno 17/03/2025 alle ore 18:02:40 (+0100) il messaggio "Comunicazione di violazione dei dati personali - prot. 0048812 del 17/03/2025" è stato inviato da "protocollo@pec.asl-valleserio.example" indirizzato a: security@example.test

------------------------------------------------------------

Oggetto: Comunicazione di violazione dei dati personali (art. 33 Reg. UE 2016/679) - servizio di prenotazione online ospitato presso codesta Società

Spett.le Example Hosting,

in qualità di Titolare del trattamento, questa Azienda comunica che in data 16/03/2025 alle ore 22:15 il fornitore applicativo del portale di prenotazione delle visite (prenota.asl-valleserio.example), ospitato sui Vostri server in base al contratto n. PA-2023-0091, ha rilevato l'esecuzione di un'esportazione massiva della tabella degli appuntamenti tramite l'utenza applicativa "srv_report", utilizzata normalmente per la reportistica notturna.

Dalle prime verifiche risulta che:
- l'utenza "srv_report" è stata utilizzata da un indirizzo IP non appartenente alla rete aziendale né a quella del fornitore;
- sono stati esportati circa 18.400 record contenenti nome, cognome, codice fiscale, recapito telefonico, data e tipologia della prestazione prenotata (dati relativi alla salute ex art. 9 GDPR);
- il fornitore ha già disabilitato l'utenza compromessa e revocato le relative chiavi di accesso alle ore 23:05 del 16/03/2025.

La violazione è stata notificata al Garante per la protezione dei dati personali in data odierna.

Si richiede a codesta Società, in qualità di Responsabile del trattamento ai sensi dell'art. 28 GDPR:
1. la conservazione e la trasmissione dei log di accesso al server e al database relativi al periodo 01/03/2025 - 17/03/2025;
2. ogni informazione utile a stabilire se l'accesso sia avvenuto sfruttando componenti dell'infrastruttura gestiti da codesta Società;
3. un parere sul testo della comunicazione agli interessati, di seguito riportato in bozza:

   "Gentile utente, La informiamo che nella notte tra il 16 e il 17 marzo 2025 un soggetto non autorizzato ha avuto accesso ai dati delle prenotazioni effettuate tramite il portale online dell'Azienda. I dati coinvolti sono: nome, cognome, codice fiscale, numero di telefono, data e tipo di visita. Non sono coinvolti referti né dati di pagamento. Le raccomandiamo di diffidare di telefonate o messaggi che, facendo riferimento alla Sua prenotazione, Le chiedano dati o pagamenti."

Si resta in attesa di riscontro entro 48 ore.

Distinti saluti

Il Responsabile della Protezione dei Dati
Avv. Elena Crippa
ASL Valle del Serio
""", charset="iso-8859-1", cte="8bit",
label=lab("incident", "it", fix="disabilitato l'utenza compromessa",
          cust="Non sono coinvolti referti")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(file="036-researcher-agent-rce-cvss4-customer-notice.eml",
headers=H('"Yuki Tanabe" <yuki@tanabe-labs.example>',
          "CVE-2025-29934: pre-auth RCE in Example Monitoring Agent (self-hosted) <= 3.9.2",
          "Thu, 24 Apr 2025 07:12:00 +0000", "<20250424071200.tanabe.vr@tanabe-labs.example>"),
text="""Hi,

I'm following up on the coordination request I sent on 2 April via your web form (no reply so far, so trying this address). MITRE has now assigned CVE-2025-29934.

**Product:** Example Monitoring Agent, self-hosted, versions 3.7.0 - 3.9.2 (Linux)
**Component:** remote config endpoint (`/agent/config/push`, port 9920)
**Type:** Deserialization of untrusted data leading to remote code execution as root
**CVSS 4.0:** CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N

**Details**

When `allow_remote = true` (default in the Docker image, not in the .deb package) the agent accepts config pushes from any source if the request arrives before the first successful registration with the monitoring server, which on a freshly deployed or restarted agent gives a window of about 40 seconds. The pushed config is deserialized with a YAML loader that instantiates arbitrary Python objects. I have a working PoC that gets a reverse shell; I'll share it once you confirm a secure channel.

**Mitigation**

Set `allow_remote = false` in `/etc/example-agent/agent.yaml` and restart the agent; config is then only pulled from the server. Alternatively firewall port 9920.

**Customer notice (draft, feel free to use)**

> Example Monitoring Agent versions 3.7.0 to 3.9.2 contain a vulnerability that can let an attacker on the network run commands on the monitored server. Until an updated version is available, set allow_remote to false in the agent configuration.

**Timeline**

- 2025-04-02 first contact via web form
- 2025-04-23 CVE assigned
- 2025-07-01 planned public disclosure (90 days from first contact)

Regards,
Yuki Tanabe
Tanabe Labs
""",
label=lab("vulnerability", "en", cves=["CVE-2025-29934"],
          vector="CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score=9.2,
          fix="Alternatively firewall port 9920",
          cust="let an attacker on the network run")))

# ---------------------------------------------------------------- 037
MAILS.append(dict(file="037-soc-italiano-webshell-php-cgi.eml",
headers=H('"SOC Vigilanza Digitale" <soc@vigilanzadigitale.example>',
          "[VD-SOC] Alert P1 - web shell su host cliente ospitato presso di voi",
          "Sat, 07 Jun 2025 03:26:18 +0200", "<VD-SOC-2025-06-07-0031@vigilanzadigitale.example>"),
text="""Buonanotte,

siamo il SOC che monitora in outsourcing Logistica Arnaldi S.r.l., vostra cliente (server dedicato DS-40218). Vi scriviamo perché alcune azioni richiedono il vostro intervento sull'infrastruttura.

Riepilogo
Severità: P1 (critica)
Host: ds-40218.example.test (203.0.113.170)
Rilevato: 07/06/2025 02:41 dalla EDR del cliente
Vettore iniziale: sfruttamento di CVE-2024-4577 (PHP-CGI argument injection) su XAMPP esposto in porta 80
CVSS del vettore iniziale: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
Evidenze: web shell "wsv.php" in C:\\xampp\\htdocs\\img\\, processo cmd.exe figlio di php-cgi.exe, download di un tool di tunneling da 45.0.2.0/24 (IP riportato a scopo indicativo nei nostri IoC)
Esfiltrazione: non rilevata al momento
Stato: host isolato dalla EDR alle 02:58

Azioni già eseguite da noi
- isolamento dell'host tramite EDR;
- rimozione della web shell e blocco dell'hash;
- reset delle credenziali dell'amministratore locale.

Azioni richieste a voi
- fornirci i log del firewall perimetrale per l'IP 203.0.113.170 dal 01/06 a oggi;
- non riavviare il server senza preavviso (dump della memoria in corso).

Messaggio suggerito per il cliente: "Nella notte è stato bloccato un tentativo di intrusione sul vostro server; il sistema è stato isolato in via cautelativa e sono in corso le verifiche."

Restiamo raggiungibili h24 al numero 02 0000 4410.

Analista di turno
Federico Santoro
SOC Vigilanza Digitale
""",
label=lab("incident", "it", cves=["CVE-2024-4577"],
          vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", score=9.8,
          fix="rimozione della web shell",
          cust="bloccato un tentativo di intrusione")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(file="038-sollecito-quota-conferma-desk.eml",
headers=H("Alessandro Pini <alessandro.pini@libero.example>",
          "R: [SEC-4467] Segnalazione ricevuta",
          "Wed, 23 Apr 2025 09:03:44 +0200", "<001a01db8f11$pini$@libero.example>",
          extra=[("In-Reply-To", "<SEC-4467.ack@example.test>")]),
text="""Buongiorno,

scusate se insisto, ma sono passate quasi quattro settimane dalla vostra risposta automatica e non ho più saputo nulla. Potete almeno dirmi se la segnalazione è stata presa in carico da qualcuno e se vi servono altre informazioni da parte mia?

Grazie e buona giornata
Alessandro Pini

-----Messaggio originale-----
Da: Example Security Desk <security@example.test>
Inviato: mercoledì 26 marzo 2025 16:11
A: Alessandro Pini <alessandro.pini@libero.example>
Oggetto: [SEC-4467] Segnalazione ricevuta

Gentile Alessandro,

grazie per la sua segnalazione. L'abbiamo registrata con il riferimento SEC-4467 e la stiamo esaminando. La ricontatteremo non appena avremo completato la valutazione.

Cordiali saluti,
Example Security Desk
""", charset="iso-8859-1", cte="quoted-printable",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(file="039-itanglese-open-redirect-sso-score.eml",
headers=H("Matteo Colombo <matteo.colombo@devmail.example>",
          "open redirect + token leak su login SSO",
          "Mon, 17 Feb 2025 22:31:19 +0100", "<CAB2n9=colombo.0217@mail.devmail.example>"),
text="""Hello team,

faccio lo sviluppatore e usando il vostro SSO per un'integrazione ho notato un behaviour strano sul parametro return_to di https://login.example.test/oauth/authorize.

In pratica la validation del redirect controlla solo che l'URL "inizi con" https://app.example.test, quindi un return_to=https://app.example.test.evil-site.example/cb passa il check. Dopo il login l'utente viene mandato lì con il code OAuth nella query string, e siccome il client "dashboard" è public client senza PKCE, con quel code si ottiene l'access token. Ho fatto il test solo col mio account e un dominio mio.

Flow:
1. mando alla vittima il link https://login.example.test/oauth/authorize?client_id=dashboard&response_type=code&return_to=https://app.example.test.evil-site.example/cb
2. la vittima fa login (o è già loggata, allora è zero-click dopo il click sul link)
3. il code arriva sul mio server, lo scambio e ho il token

Io lo metterei tipo score: 6.4 (medium), ma forse è di più visto che il token dà accesso alle API di gestione DNS.

Non so se esiste già una patch, nel changelog pubblico non ho trovato niente e non ho idea di quale sia la soluzione giusta lato vostro.

Thanks,
Matteo
""",
label=lab("vulnerability", "it", reported=6.4)))

# ---------------------------------------------------------------- 040
MAILS.append(dict(file="040-short-fwd-chiave-api-github-mining.eml",
headers=H("Kevin Brooks <kevin.brooks@example.test>",
          "Fwd: chiave API usata da qualcuno - 40 VM create",
          "Fri, 21 Mar 2025 10:52:30 +0000", "<CAKb3r=brooks.0321@example.test>"),
text="""Customer report below, looks real. I revoked the key at 10:45, VMs still running. -K

---------- Forwarded message ---------
From: Ivan Sartori <ivan@sartori-dev.example>
Date: Fri, 21 Mar 2025 at 10:31
Subject: chiave API usata da qualcuno - 40 VM create
To: Supporto Example <support@example.test>

Ciao,

stanotte sul mio account (SD-22914) sono comparse 40 VM della taglia più grande in tre region diverse che non ho creato io. La CPU è al 100% su tutte, credo stiano minando criptovalute. Ho controllato e ieri sera alle 19 ho fatto per sbaglio push su un repository pubblico di GitHub di un file .env con dentro la chiave API del vostro cloud; il repo l'ho reso privato dopo un'ora ma evidentemente era già tardi. Le VM sono state create dalle 21:14 in poi, tutte con quella chiave.

Non riesco a cancellare le VM perché il pannello mi dà errore "quota operation locked". Vi prego di fermarle voi e di dirmi cosa succede con la fattura, perché a questo ritmo domani sono migliaia di euro.

Ivan Sartori
""",
label=lab("incident", "it", fix="I revoked the key")))
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
