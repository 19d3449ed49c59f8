#!/usr/bin/env python3
"""Build the hand-written secdesk test mails (hand-dev).

Every mail below is its own piece of writing, kept here as literal text.
This script only takes care of MIME structure, charsets and transfer
encodings, and writes the .eml files plus expected.jsonl next to itself.
"""
import os, json, html
from email.message import EmailMessage
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
MAILS = []


def mail(**kw):
    MAILS.append(kw)


def L(kind, language, cve_ids, vector, score, reported, rem, cust):
    return dict(kind=kind, language=language, cve_ids=cve_ids,
                cvss_vector=vector, cvss_score=score, reported_score=reported,
                remediation_hint=rem, customer_message_hint=cust)


def text_to_html(text):
    """What a mail client does when it sends the HTML half of a text mail."""
    out = []
    for para in text.strip('\n').split('\n\n'):
        lines = [html.escape(l) for l in para.split('\n')]
        out.append('<p>' + '<br>\n'.join(lines) + '</p>')
    return ('<html><head><meta charset="utf-8"></head>'
            '<body style="font-family:Calibri,Arial,sans-serif">\n'
            + '\n'.join(out) + '\n</body></html>\n')

# ---------------------------------------------------------------- 001
mail(file='001-stored-xss-attachment-name.eml',
     From='Jonas Wirth <jw@wirthsec.example>',
     To='security@example.test',
     Subject='Stored XSS in support portal attachment name',
     Date='Tue, 04 Mar 2025 09:12:44 +0100',
     MessageID='<20250304081244.GA3121@wirthsec.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hi,

Stored XSS in https://support.example.test/tickets/new - the filename of an
uploaded attachment is rendered unescaped in the agent view.

Upload a file named
  "><svg onload=alert(document.domain)>.png
and open the ticket as an agent. Fires on load. The agent session cookie is
not HttpOnly, so this is a straight path to stealing agent sessions.

CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N

Tested 2025-03-03 with Firefox 135. No public disclosure planned before
you tell me it's fixed.

Jonas
""",
     labels=L('vulnerability', 'en', [], 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N', 7.6, None, None, None))

# ---------------------------------------------------------------- 002
mail(file='002-sqli-area-clienti.eml',
     From='"Ing. Marco Bellandi" <m.bellandi@studiobellandi.example>',
     To='security@example.test',
     Subject='Segnalazione vulnerabilità - area clienti, parametro "ordine"',
     Date='Mon, 13 Jan 2025 16:40:02 +0100',
     MessageID='<a7f3c2e1-0b9d-4e55-9c1a-5d2f0e7b8a14@studiobellandi.example>',
     charset='iso-8859-1', cte='8bit', type='plain',
     text="""\
Spett.le Team Sicurezza,

nel corso di una verifica autorizzata dal nostro cliente Ferramenta Gualdi
S.r.l., che utilizza la Vostra area clienti, ho riscontrato una SQL injection
nel parametro "ordine" della pagina /area-clienti/storico.

Inserendo un apice singolo il server restituisce un errore MySQL completo di
query; con un payload basato sul tempo (SLEEP) la risposta viene ritardata in
modo controllabile. Non ho estratto dati oltre a quanto necessario per
confermare il problema (la versione del database).

Secondo la mia valutazione il punteggio CVSS è 8,1 (alto): serve un'utenza
autenticata, ma qualunque cliente può leggere gli ordini degli altri.

Correzione: utilizzare query parametrizzate (prepared statement) per il
parametro "ordine" e non mostrare all'utente i messaggi di errore del
database.

Qualora riteniate di avvisare i clienti, suggerirei un testo del tipo:
"Abbiamo corretto un difetto dell'area clienti che poteva consentire a un
utente registrato di visualizzare ordini altrui; non risultano accessi
impropri."

Resto a disposizione per ogni chiarimento.

Distinti saluti,
Ing. Marco Bellandi
Studio Bellandi - Sicurezza informatica
Via dei Mille 14, 50100 Firenze
""",
     labels=L('vulnerability', 'it', [], None, None, 8.1,
              'utilizzare query parametrizzate', "corretto un difetto dell'area clienti"))

# ---------------------------------------------------------------- 003
mail(file='003-hosting-account-taken-over.eml',
     From='Priya Raman <priya.raman@lakeside-dental.example>',
     To='security@example.test',
     Subject='someone got into our hosting account',
     Date='Sat, 22 Feb 2025 07:51:19 -0600',
     MessageID='<6E1B2F0A-33C4-4D8B-9A21-7F5C0D9E4B11@lakeside-dental.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hello,

Our account on your control panel (customer ID 448120, lakeside-dental) was
taken over last night. Someone logged in around 2:10 our time, changed the
contact email to an address we don't know and pointed our domain's MX
records somewhere else. We only noticed because the office email stopped
coming in this morning.

I was able to get back in with the password reset to my personal phone.
I've changed the password, turned on two-factor and put the MX records back
the way they were. I don't think they touched the website files but I'm not
sure how to check.

Could you tell us where the login came from and whether anything else was
changed? We're a small dental practice, I'm the "IT person" mostly because
nobody else wanted to be.

Thanks,
Priya

Sent from my iPhone
""",
     labels=L('incident', 'en', [], None, None, None, 'turned on two-factor', None))

# ---------------------------------------------------------------- 004
mail(file='004-cifratura-nodo-condiviso.eml',
     From='SOC Nordest Managed Services <soc@nordestms.example>',
     To='security@example.test',
     Cc='noc@example.test',
     Subject='[SOC-NE #20931] Cifratura file su nodo condiviso hst-mi-07',
     Date='Wed, 09 Oct 2024 03:27:55 +0200',
     MessageID='<soc-ne-20931.1728437275@nordestms.example>',
     charset='windows-1252', cte='quoted-printable', type='plain',
     text="""\
Buongiorno,

vi scriviamo dal SOC di Nordest Managed Services, partner per il monitoraggio
dei nodi di hosting condiviso che teniamo in colocation presso di voi.

Alle 02:48 di questa notte l’EDR ha rilevato su hst-mi-07 (203.0.113.27) un
processo che rinominava in massa i file sotto /var/www aggiungendo
l’estensione ".lck4" e lasciando in ogni cartella un file LEGGIMI.txt con la
richiesta di riscatto (circa 4.000 € in Monero). Il processo girava con
l’utente del sito WordPress del cliente "agriturismo-belvedere"; l’ingresso
sembra un plugin di upload non aggiornato, ma è presto per dirlo.

Abbiamo già isolato il server dalla rete pubblica (resta raggiungibile solo
dalla VLAN di gestione) e sospeso i cron di tutti gli account presenti sul
nodo. Gli snapshot di ieri alle 23:00 risultano integri.

Sul nodo ci sono 41 siti di clienti diversi. Per la comunicazione ai clienti
proporrei di dire che il loro sito è offline per un intervento di sicurezza,
che i dati saranno ripristinati dal backup della sera dell’8 ottobre e che
eventuali modifiche fatte dopo quell’ora andranno ricaricate. Eviterei per
ora di parlare di riscatto finché non è chiaro il perimetro.

Restiamo in linea sul bridge del turno notturno: +39 02 0000 0000.

-- 
Turno notte SOC-NE
Nordest Managed Services S.r.l.
""",
     labels=L('incident', 'it', [], None, None, None,
              'isolato il server dalla rete pubblica', 'sito è offline per un intervento'))

# ---------------------------------------------------------------- 005
mail(file='005-question-commons-text-appliance.eml',
     From='Daniel Okafor <d.okafor@brightline-logistics.example>',
     To='Example Security <security@example.test>',
     Subject='Question re: Apache Commons Text in your backup appliance',
     Date='Thu, 17 Oct 2024 11:03:10 +0000',
     MessageID='<CAF9x2kQ7mZpL0v@mail.brightline-logistics.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hi security team,

Our vulnerability scanner keeps flagging CVE-2022-42889 on the two
VaultBox 300 appliances we bought from you last year (firmware 4.8.2). The
finding is based on a commons-text-1.9.jar it sees under /opt/vaultbox/lib.

Before I open a change request internally: is that library actually
reachable in the appliance, or is this a false positive? And if it is
affected, is there a firmware version that ships a newer commons-text?

Kind regards,
Daniel Okafor
Infrastructure Engineer, Brightline Logistics
""",
     labels=L('unknown', 'en', ['CVE-2022-42889'], None, None, None, None, None))

# ---------------------------------------------------------------- 006
mail(file='006-chiave-pgp.eml',
     From='Luca Ferri <luca@ferri.example>',
     To='security@example.test',
     Subject='chiave pgp?',
     Date='Sun, 08 Dec 2024 21:14:33 +0100',
     MessageID='<87h6w3kq1z.fsf@ferri.example>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
Ciao,

avrei una cosa da segnalarvi su uno dei vostri servizi ma preferirei non
mandarla in chiaro. Avete una chiave PGP pubblica per security@? Sul sito
non la trovo, né in /.well-known/security.txt.

Se non l'avete va bene anche un link a un form cifrato o simile.

Grazie,
Luca
""",
     labels=L('unknown', 'it', [], None, None, None, None, None))

# ---------------------------------------------------------------- 007
mail(file='007-idor-invoices-api.eml',
     From='"h4nnah (bug bounty)" <hannah.k@bountymail.example>',
     To='security@example.test',
     Subject='[Report] IDOR on /api/v2/invoices/{id} leaks other tenants\' invoices',
     Date='Fri, 15 Nov 2024 18:22:41 +0000',
     MessageID='<report-7731.hk@bountymail.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
## Summary

The invoice download endpoint does not check that the invoice belongs to
the caller's organisation. Any authenticated user can fetch any invoice
PDF by decrementing the numeric id.

## Steps to reproduce

1. Sign up for a free trial at https://app.example.test/signup (org A).
2. Open Billing > Invoices and download the sample invoice; note the
   request `GET /api/v2/invoices/100233/pdf`.
3. Change the id to `100232` and replay with the same bearer token.
4. You receive the invoice of a different organisation (I stopped after
   confirming one; I redacted and deleted it).

## Impact

Names, billing addresses, VAT numbers and the last four digits of the card
of every paying customer. Ids are sequential so the whole set can be walked
in minutes.

Severity by my calculation: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N

## Remediation

Scope the lookup by the caller's `org_id` on the server side (return 404,
not 403, for ids outside the org) and switch the public identifier to a
random UUID so the ids cannot be enumerated.

Happy to retest once deployed.

-- 
Hannah K.
https://bountymail.example/h4nnah
""",
     labels=L('vulnerability', 'en', [], 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 6.5, None,
              "Scope the lookup by the caller's", None))

# ---------------------------------------------------------------- 008
mail(file='008-edge-gateway-advisory-html.eml',
     From='Kestrel Labs Advisory Desk <advisories@kestrel-labs.example>',
     To='security@example.test',
     Subject='Kestrel Labs advisory KL-2025-004 (pre-notification)',
     Date='Tue, 18 Mar 2025 14:00:00 +0000',
     MessageID='<KL-2025-004-prenotice@kestrel-labs.example>',
     charset='utf-8', cte='quoted-printable', type='html',
     html="""\
<html><body style="font-family:Arial,sans-serif;font-size:13px">
<p>Dear Example security team,</p>
<p>Please find below our pre-notification for an issue we found in the
<b>Example Edge Gateway</b> web management interface. We intend to publish on
15 April 2025 unless you ask us for more time.</p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th align="left">Advisory</th><td>KL-2025-004</td></tr>
<tr><th align="left">Product</th><td>Example Edge Gateway EG-200, firmware 3.2.0 to 3.4.1</td></tr>
<tr><th align="left">Vulnerability</th><td>Unauthenticated command injection in the <code>hostname</code> field of the diagnostics page (<code>/cgi-bin/diag.cgi</code>)</td></tr>
<tr><th align="left">CVE</th><td>requested, not yet assigned</td></tr>
<tr><th align="left">CVSS</th><td>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</td></tr>
<tr><th align="left">Mitigation</th><td>Restrict the management interface to the LAN side and disable remote administration until a fixed firmware is available.</td></tr>
<tr><th align="left">Suggested customer text</th><td>A security update for the EG-200 web interface is available. Until it is installed, please make sure remote administration is switched off.</td></tr>
</table>
<p>Technical details and a proof of concept are available on request over an
encrypted channel.</p>
<p>Best regards,<br>Tomasz Nowicki<br>Kestrel Labs Advisory Desk</p>
</body></html>
""",
     labels=L('vulnerability', 'en', [], 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, None,
              'Restrict the management interface', 'A security update for the EG-200'))

# ---------------------------------------------------------------- 009
_t009 = """\
Alla cortese attenzione del Responsabile della Sicurezza,

con la presente si comunica che, nell'ambito delle attività di monitoraggio
svolte da questo CSIRT sugli applicativi in uso presso gli Enti del
territorio, è stata rilevata la vulnerabilità CVE-2025-21344 a carico del
componente di visualizzazione allegati del prodotto "Protocollo Web" da Voi
distribuito (versioni 7.x precedenti alla 7.6.3).

La vulnerabilità consente a un utente autenticato con profilo "operatore" di
accedere, mediante manipolazione del parametro "idAllegato", a documenti
protocollati di altre Aree Organizzative Omogenee.

Valutazione: cvss:3.1/av:n/ac:l/pr:l/ui:n/s:u/c:h/i:l/a:n

Contromisure:
- aggiornamento alla versione 7.6.3 o successiva;
- in alternativa, applicazione della regola WAF trasmessa con la nota
  prot. 2025/0412.

Si chiede inoltre di concordare con lo scrivente CSIRT il testo da inviare
agli Enti clienti; a titolo di proposta: "È stata rilasciata la versione
7.6.3 di Protocollo Web, che corregge una vulnerabilità di accesso ai
documenti. Si invitano gli Enti a pianificarne l'installazione entro 15
giorni."

Si resta in attesa di riscontro entro 5 giorni lavorativi.

Il Dirigente
CSIRT Regione Example
(documento firmato digitalmente ai sensi del D.Lgs. 82/2005)
"""
mail(file='009-csirt-protocollo-web.eml',
     From='CSIRT Regione Example <csirt@regione.example>',
     To='security@example.test',
     Subject='[CSIRT-RE] Prot. n. 2025/0417 - Segnalazione vulnerabilità CVE-2025-21344 - prodotto "Protocollo Web"',
     Date='Thu, 06 Feb 2025 10:15:27 +0100',
     MessageID='<prot.2025.0417.csirt@regione.example>',
     charset='utf-8', cte='quoted-printable', type='alt',
     text=_t009, html=text_to_html(_t009),
     labels=L('vulnerability', 'it', ['CVE-2025-21344'], 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:N', 7.1, None,
              'aggiornamento alla versione 7.6.3', 'Si invitano gli Enti a pianificarne'))

# ---------------------------------------------------------------- 010
mail(file='010-is-this-email-from-you.eml',
     From='Margaret Hollis <maggie.hollis1958@mailbox.example>',
     To='security@example.test',
     Subject='Is this email really from you??',
     Date='Mon, 02 Dec 2024 15:37:08 +0000',
     MessageID='<1733153828.448812.mhollis@mailbox.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hello

I got an email this morning that says it is from Example Hosting and that my
website will be DELETED in 24 hours unless I "verify my billing details". It
has your logo and everything. The link goes to something called
example-billing-verify.test which doesn't look like your website to me.

My grandson set up the website for my quilting group and I pay you every
year by direct debit so I don't understand why I would need to verify
anything.

I have NOT clicked it. My friend Joan from the group got the same one and I
think she did put her card in. Is she going to be alright?

I've copied the email below.

> Dear Customer,
> We were unable to process your last payment. Your website and all
> associated email accounts will be permanently deleted within 24 hours.
> Verify your billing information now: http://example-billing-verify.test/login
> Example Hosting Billing Team

Margaret Hollis
""",
     labels=L('incident', 'en', [], None, None, None, None, None))

# ---------------------------------------------------------------- 011
mail(file='011-inoltro-elenco-clienti-pubblicato.eml',
     From='Chiara Vitale <chiara.vitale@example.test>',
     To='security@example.test',
     Subject='I: dati dei vostri clienti',
     Date='Tue, 21 Jan 2025 12:08:40 +0100',
     MessageID='<3c1d9e2f-ab44-4f0e-8d2a-77e1c0b5f9a3@example.test>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
Ciao a tutti,

vi inoltro quanto arrivato stamattina al commerciale. Ho verificato al
volo: il file esiste davvero e i nomi corrispondono a clienti del listino
"Studio Professionale". Se confermate, ai clienti coinvolti scriverei
qualcosa come "abbiamo rilevato che un elenco contenente il vostro nome e
indirizzo email è stato pubblicato senza autorizzazione; password e dati di
pagamento non sono coinvolti".

Chiara

-------- Messaggio inoltrato --------
Oggetto: dati dei vostri clienti
Data: Tue, 21 Jan 2025 08:55:12 +0100
Mittente: Roberto Sala <r.sala@salaconsulenze.example>
A: commerciale@example.test

Buongiorno,

cercando il nome del mio studio su Google è uscito un file Excel
pubblicato su files.share-drop.test con circa 2.000 righe: nome, email,
telefono e piano sottoscritto presso di voi. Tra le righe c'è anche la mia.
Mi sembra una fuga di dati dal vostro gestionale; vorrei sapere come è
potuto succedere.

Roberto Sala
Sala Consulenze
""",
     labels=L('incident', 'it', [], None, None, None, None, 'è stato pubblicato senza autorizzazione'))

# ---------------------------------------------------------------- 012
mail(file='012-fw-monitoring-agent-listener.eml',
     From='Ben Whitaker <ben.whitaker@northgate-it.example>',
     To='security@example.test',
     Subject='FW: Critical issue in Example Monitoring Agent - CVE-2025-30918',
     Date='Wed, 26 Mar 2025 08:44:02 +0000',
     MessageID='<DB9PR04MB8417C2E0A1F3B5D6E7A8B9C0D1E2F3A4@DB9PR04MB8417.eurprd04.prod.outlook.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hi Example security,

Forwarding the note below from our vendor-management team. We run your
monitoring agent on roughly 600 customer servers. From what they found, the
agent's local status listener on 127.0.0.1:9170 accepts plugin-install
commands without auth, so any local user can get code execution as root.
They rate it CVSS 9.8, which seems high for a local issue, but either way
we'd like your view.

On our side we'll block port 9170 with the host firewall on every managed
server as a stopgap tonight. Unless you object, we plan to tell our
customers that "a flaw in a third-party monitoring component could let a
local user gain administrator rights; we have applied a protective measure
and will install the vendor update as soon as it is released."

Ben Whitaker | Security Lead | Northgate IT Services

From: Aisha Demir <aisha.demir@northgate-it.example>
Sent: Tuesday, March 25, 2025 5:12 PM
To: Ben Whitaker <ben.whitaker@northgate-it.example>
Subject: Critical issue in Example Monitoring Agent - CVE-2025-30918

Ben,

Heads-up: CVE-2025-30918 was published last night for Example Monitoring
Agent before 6.1.4. The listener on 9170 takes a "plugin install" command
with a URL and runs the downloaded script as root, no token required.
Affected: 5.x and 6.0 to 6.1.3. The advisory says 6.1.4 is "coming soon".

Aisha
""",
     labels=L('vulnerability', 'en', ['CVE-2025-30918'], None, None, 9.8,
              'block port 9170 with the host firewall', 'gain administrator rights'))

# ---------------------------------------------------------------- 013
mail(file='013-reset-password-host-header.eml',
     From='Giorgio "jo" Marchetti <jo.marchetti@posta.example>',
     To='security@example.test',
     Subject='reset password avvelenabile',
     Date='Thu, 12 Sep 2024 23:41:05 +0200',
     MessageID='<ZuNhYQ3kR9s@posta.example>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
Ciao ragazzi,

vi scrivo al volo una cosa che ho visto stasera giocando col vostro
pannello. Quando chiedi il reset della password, il link che arriva per mail
viene costruito usando l'header Host della richiesta. Se mando la richiesta
con Host: attacker.test il link nella mail punta a
https://attacker.test/reset?token=... e se la vittima ci clicca il token
finisce a me. Basta conoscere l'email della vittima.

Ho provato solo sul mio account, ovviamente. A naso gli darei un 6,5 di
CVSS, visto che serve il click dell'utente.

Fatemi sapere se vi serve la richiesta completa da Burp.

Ciao,
jo
""",
     labels=L('vulnerability', 'it', [], None, None, 6.5, None, None))

# ---------------------------------------------------------------- 014
mail(file='014-cert-botnet-beaconing-host.eml',
     From='CERT-Examplia Incident Response <ir@cert.examplia.example>',
     To='abuse@example.test, security@example.test',
     Subject='[CERT-EX#774512] Compromised host in your network: 198.51.100.73',
     Date='Mon, 25 Nov 2024 06:02:31 +0000',
     MessageID='<CERT-EX-774512-1@cert.examplia.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Dear network owner,

CERT-Examplia has observed the host below, which according to RIR data is
in address space assigned to your organisation, communicating with a known
command-and-control server of the "GlassWorm" botnet.

  IP address:     198.51.100.73
  First seen:     2024-11-23 19:40 UTC
  Last seen:      2024-11-25 05:12 UTC
  C2 endpoint:    203.0.113.201:8443
  Observed via:   sinkhole operated by a trusted partner

The host made roughly 1,900 beacon connections in the observation window at
a regular 90-second interval, which is typical of an infected machine rather
than of a scanner.

Recommendation: identify the system behind this address, isolate it from
the network and reimage it; reset any credentials that were stored on it or
used from it.

Please reply keeping the reference in the subject line.

Regards,
CERT-Examplia Incident Response Team

This message is intended only for the addressee and may contain
information that is confidential or privileged. If you are not the intended
recipient, you must not use, copy, disclose or take any action based on
this message or any information herein. If you have received this message
in error, please notify the sender immediately by reply e-mail and delete
it. CERT-Examplia accepts no liability for any damage caused by viruses
transmitted by this e-mail.
""",
     labels=L('incident', 'en', [], None, None, None, 'isolate it from the network', None))

# ---------------------------------------------------------------- 015
mail(file='015-richiesta-autorizzazione-pentest.eml',
     From='Federica Tosi <federica.tosi@redwall-consulting.example>',
     To='security@example.test',
     Cc='Ufficio IT Assicurazioni Lario <it@lario.example>',
     Subject='Richiesta autorizzazione attività di penetration test - cliente Assicurazioni Lario',
     Date='Wed, 05 Feb 2025 09:30:00 +0100',
     MessageID='<000001db77a1$4c2e8f10$e48bad30$@redwall-consulting.example>',
     charset='utf-8', cte='quoted-printable', type='plain',
     text="""\
Gentili Signori,

Redwall Consulting è stata incaricata da Assicurazioni Lario S.p.A. di
eseguire un penetration test sulle applicazioni esposte dal cliente, tra cui
il portale agenti ospitato sulla Vostra piattaforma (agenti.lario.example,
indirizzo 192.0.2.88).

Prima di procedere chiediamo la Vostra autorizzazione scritta, come previsto
dalle condizioni d'uso del servizio. Le attività sarebbero svolte:
- dal 24 al 28 febbraio 2025, dalle 20:00 alle 06:00;
- dagli IP sorgente 198.51.100.10 e 198.51.100.11;
- senza test di negazione del servizio né di ingegneria sociale.

Vi chiediamo inoltre il nominativo di un referente tecnico da contattare in
caso di anomalie durante le finestre di test.

Cordiali saluti,

Federica Tosi
Senior Security Consultant
Redwall Consulting S.r.l.

AVVISO DI RISERVATEZZA - Le informazioni contenute in questo messaggio e
negli eventuali allegati sono riservate e destinate esclusivamente al
destinatario indicato. Chiunque riceva questo messaggio per errore è pregato
di darne notizia al mittente e di cancellarlo. Ogni utilizzo, diffusione o
copia non autorizzati sono vietati ai sensi del Regolamento UE 2016/679 e
del D.Lgs. 196/2003.
""",
     labels=L('unknown', 'it', [], None, None, None, None, None))

# ---------------------------------------------------------------- 016
mail(file='016-open-redirect-login-next.eml',
     From='Nguyễn Văn Thành <thanh.nv@netsec-vn.example>',
     To='security@example.test',
     Subject='CVE-2025-27740 open redirect login page',
     Date='Sun, 16 Mar 2025 04:18:52 +0700',
     MessageID='<CAJt8Hq1=open-redirect-77@netsec-vn.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Dear Sir/Madam,

I am security researcher from Vietnam. I find open redirect in your login
page, parameter "next" is not validate, it accept any external domain.

Example:
https://login.example.test/auth?next=https://evil.test/fake-login

After user login success, he is redirect to evil.test, and attacker can show
fake page "session expired, please login again" for steal the password. This
is very dangerous for phishing to your customer.

I already request CVE from MITRE and they give me the number in subject.
Severity 6.1 (medium) in my opinion.

Please confirm you receive and when you will fix. I want to publish in my
blog after 90 days.

Thank you and best regards,
Thanh
""",
     labels=L('vulnerability', 'en', [], None, None, 6.1, None, None))

# ---------------------------------------------------------------- 017
mail(file='017-token-deploy-github-pubblico.eml',
     From='Stefano Ruggeri <s.ruggeri@example.test>',
     To='security@example.test',
     Subject='token deploy finito su github pubblico - accessi anomali',
     Date='Fri, 28 Feb 2025 19:02:11 +0100',
     MessageID='<AM0PR10MB3121E4D2C5A6B7F8@AM0PR10MB3121.EURPRD10.PROD.OUTLOOK.example>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
Ciao,

segnalo che un token di deploy del registry (utente ci-deploy) è finito in
un repository pubblico di un collaboratore esterno, in un file .env
committato martedì. GitHub ce l'ha notificato solo oggi alle 17.

Dai log del registry risultano pull delle immagini "billing-api" e
"customer-portal" da 203.0.113.140 tra mercoledì e stamattina, quindi è
stato usato. Push non ne vedo.

Ho già revocato il token, fatto rimuovere il repo e ruotato i segreti
contenuti nelle due immagini (chiavi SMTP e stringa di connessione al DB di
staging). Lunedì controllo se nelle immagini c'era altro.

Per i clienti non credo serva un avviso, i dati sono di staging; al massimo
potremmo dire che alcune componenti software interne sono state scaricate
da terzi senza autorizzazione e che nessun dato dei clienti risulta
coinvolto.

Stefano

Inviato da Outlook per Android
""",
     labels=L('incident', 'it', [], None, None, None, 'revocato il token', 'nessun dato dei clienti risulta'))

# ---------------------------------------------------------------- 018
mail(file='018-ssrf-thumbnail-metadata.eml',
     From='Ravi Shankar <ravi@shankar-sec.example>',
     To='security@example.test',
     Subject='SSRF via thumbnail service reaches cloud metadata',
     Date='Mon, 07 Oct 2024 13:26:09 +0530',
     MessageID='<f0a1b2c3d4e5.ssrf.thumb@shankar-sec.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hello Example team,

**Issue:** the thumbnail endpoint `https://cdn.example.test/thumb?src=`
fetches arbitrary URLs server-side. It follows redirects and does not block
link-local addresses.

**PoC:**

    curl 'https://cdn.example.test/thumb?src=http://169.254.169.254/latest/meta-data/iam/security-credentials/'

returns the name of the instance role; a second request with that name
returns temporary access keys (I did not use them and I am not including
them here).

**Vector:** CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:N

**Workaround:** require IMDSv2 on the thumbnail instances (this alone stops
the key disclosure) and reject `src` values that resolve to private,
loopback or link-local ranges, re-checking after every redirect.

Regards,
Ravi Shankar
""",
     labels=L('vulnerability', 'en', [], 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:N', 8.6, None,
              'require IMDSv2', None))

# ---------------------------------------------------------------- 019
mail(file='019-plugin-prenota-facile-export.eml',
     From='Elena Cattaneo <elena.cattaneo@cybercat.example>',
     To='security@example.test',
     Subject='Vulnerabilità nel plugin "Prenota Facile" del marketplace',
     Date='Tue, 29 Apr 2025 10:47:33 +0200',
     MessageID='<b84e1f02-6c7d-4a9e-a3f5-1e2d3c4b5a69@cybercat.example>',
     charset='utf-8', cte='base64', type='plain',
     text="""\
Buongiorno,

sono Elena Cattaneo, ricercatrice indipendente. Vi segnalo una vulnerabilità
nel plugin "Prenota Facile" (versione 2.3.0) distribuito tramite il vostro
marketplace dall'editore Softalpi.

Problema: l'endpoint /wp-json/prenota/v1/export non richiede autenticazione
e restituisce in CSV tutte le prenotazioni, con nome, telefono ed email dei
clienti finali delle strutture che usano il plugin.

Punteggi:
CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N
CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N

Ho già scritto all'editore il 14 aprile senza ricevere risposta, per questo
mi rivolgo a voi come gestori del marketplace.

Soluzione temporanea: bloccare a livello di web server le richieste a
/wp-json/prenota/v1/export, oppure disattivare il plugin fino al rilascio
di una versione corretta.

Messaggio per i clienti: "Nel plugin Prenota Facile è stato individuato un
problema che può rendere pubblici i dati delle prenotazioni. Vi invitiamo a
disattivarlo finché l'editore non avrà pubblicato un aggiornamento."

Cordiali saluti,
Elena Cattaneo
""",
     labels=L('vulnerability', 'it', [], 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 8.7, None,
              'bloccare a livello di web server', 'pubblici i dati delle prenotazioni'))

# ---------------------------------------------------------------- 020
mail(file='020-thanks-cve-published.eml',
     From='Oliver Brandt <oliver@brandt-research.example>',
     To='Sara Lindqvist <security@example.test>',
     Subject='Re: [SEC-2024-0193] Path traversal in file manager',
     Date='Thu, 19 Dec 2024 17:30:45 +0100',
     MessageID='<CAO0b-Qx3u9M2=thanks@brandt-research.example>',
     InReplyTo='<sec-2024-0193.reply.4@example.test>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hi Sara,

Thanks a lot - confirmed on my side, the traversal no longer works on the
current release and the CVE record looks good. Credit as "Oliver Brandt" is
perfect.

Have a nice holiday break!

Oliver

On Wed, 18 Dec 2024 at 11:02, Sara Lindqvist <security@example.test> wrote:
> Hello Oliver,
>
> CVE-2024-56107 has been published today with your credit. Could you
> confirm that the issue is resolved from your side?
>
> Best regards,
> Sara Lindqvist
> Example Security Desk
""",
     labels=L('unknown', 'en', ['CVE-2024-56107'], None, None, None, None, None))

# ---------------------------------------------------------------- 021
mail(file='021-sito-defacciato-dopo-manutenzione.eml',
     From='Antonella Greco <antonella@pasticceriagreco.example>',
     To='Example Hosting <noreply@example.test>, security@example.test',
     Subject='R: Manutenzione programmata piattaforma hosting 14/11',
     Date='Fri, 15 Nov 2024 08:12:27 +0100',
     MessageID='<002501db3722$8a1b3c40$9e51b4c0$@pasticceriagreco.example>',
     InReplyTo='<maint-20241114@example.test>',
     charset='iso-8859-1', cte='quoted-printable', type='plain',
     text="""\
Buongiorno,

rispondo a questa mail perché non so a chi altro scrivere. Da stamattina
sul sito della pasticceria (www.pasticceriagreco.example) al posto della
home compare una pagina nera con la scritta in inglese "hacked by" e un
nome che non conosco. Ieri sera, prima della vostra manutenzione, era tutto
a posto. Non ho dato a nessuno la password.

I clienti mi stanno chiamando per gli ordini di Natale, vi prego di
aiutarmi il prima possibile.

Antonella Greco
Pasticceria Greco - Lecce

Il giorno gio 14 nov 2024 alle ore 10:00 Example Hosting <noreply@example.test> ha scritto:
> Gentile cliente,
> giovedì 14 novembre dalle 23:00 alle 01:00 effettueremo un intervento di
> manutenzione programmata sui server della piattaforma di hosting. Durante
> la finestra il sito potrebbe risultare irraggiungibile per alcuni minuti.
> Il Team di Example Hosting
""",
     labels=L('incident', 'it', [], None, None, None, None, None))

# ---------------------------------------------------------------- 022
mail(file='022-fwd-exposed-git-directory.eml',
     From='Tom Reilly <tom.reilly@example.test>',
     To='security@example.test',
     Subject='Fwd: Exposed .git directory on www2',
     Date='Tue, 11 Feb 2025 08:05:13 +0000',
     MessageID='<CAM1xV0rTq9=fwd.git@mail.example.test>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Security folks - this came to my personal address because I'm listed on the
marketing site. Not sure it's legit, can someone take a look?

Tom

---------- Forwarded message ---------
From: Kasia Zielinska <kz@zielinska.example>
Date: Mon, 10 Feb 2025 at 21:40
Subject: Exposed .git directory on www2
To: <tom.reilly@example.test>


Hi Tom,

I couldn't find a security contact for Example so I'm writing to you.

https://www2.example.test/.git/ is publicly readable. With a standard
git-dumper tool the full history of the marketing site can be rebuilt,
including a config/settings.php committed in 2021 that has what look like
live SMTP credentials and a Mailchimp API key.

I'd recommend denying access to /.git in the web server config, removing
the directory from the deployed docroot, and rotating anything that was
ever committed there.

Best,
Kasia Zielinska
""",
     labels=L('vulnerability', 'en', [], None, None, None, 'denying access to /.git', None))

# ---------------------------------------------------------------- 023
mail(file='023-inoltro-subdomain-takeover-status.eml',
     From='Paolo Mancini <paolo.mancini@example.test>',
     To='security@example.test',
     Subject='Fwd: Subdomain takeover - status.example.test',
     Date='Mon, 03 Mar 2025 09:18:40 +0100',
     MessageID='<7d2c9a41-e3b0-4f6a-b1c8-0a9e8d7c6b5f@example.test>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
Ciao team,

vi giro questa segnalazione arrivata sabato sull'indirizzo del supporto.
Ho controllato: il CNAME di status punta davvero a una pagina di un
servizio che abbiamo dismesso l'anno scorso. Secondo me è fondata.

Paolo

-------- Forwarded Message --------
Subject: Subdomain takeover - status.example.test
Date: Sat, 1 Mar 2025 14:22:10 +0000
From: Ahmed Al-Farsi <ahmed@alfarsi-sec.example>
To: support@example.test

Hello,

status.example.test has a CNAME to example-status.statuspage-host.test, but
that page no longer exists at the provider, which answers "There is no page
here, claim it". Anyone can register that name at the provider and serve
content on your subdomain, including a fake login page, with a valid
certificate.

I have not claimed it, to avoid causing harm. Assessment:
CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N

Fix: delete the status CNAME record from your DNS zone, or claim the page
at the provider yourself.

Regards,
Ahmed
""",
     labels=L('vulnerability', 'it', [], 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, None,
              'delete the status CNAME record', None))

# ---------------------------------------------------------------- 024
mail(file='024-password-spraying-sso.eml',
     From='Helix SOC <soc-alerts@helixdefence.example>',
     To='security@example.test',
     Subject='Ongoing password spraying against sso.example.test',
     Date='Sun, 12 Jan 2025 02:44:19 +0000',
     MessageID='<helix-soc-alert-2025011202441@helixdefence.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hi Example Security,

Helix SOC here (we monitor the partner portal integration for Orbis Retail).
Since 00:30 UTC we see a password-spraying run against your SSO login at
sso.example.test from about 300 addresses, mostly in 198.51.100.0/24 and
203.0.113.0/24. Around 40 attempts per source per hour, common passwords,
usernames that match Orbis staff names in the firstname.lastname format.

Two Orbis accounts had successful logins from 198.51.100.19 at 01:52 and
01:57 UTC; both users confirm it wasn't them.

We have disabled the two accounts on the Orbis side and blocked both ranges
at the Orbis perimeter. On your side it might be worth rate-limiting failed
logins per source and forcing MFA for the partner tenant, if that's an
option.

We'll keep the bridge open; ping us on +1 555 0100 if you need logs.

-- 
Helix Defence SOC, tier 2 on call
""",
     labels=L('incident', 'en', [], None, None, None, 'disabled the two accounts', None))

# ---------------------------------------------------------------- 025
mail(file='025-inoltro-libimgtool-galleria-pro.eml',
     From='Davide Lombardi <davide.lombardi@lombardi-web.example>',
     To='security@example.test',
     Subject='Fwd: [SECURITY] libimgtool 3.4.2 released',
     Date='Fri, 04 Apr 2025 09:15:00 +0200',
     MessageID='<E2A4C6F8-1B3D-4E5F-8091-A2B3C4D5E6F7@lombardi-web.example>',
     charset='utf-8', cte='quoted-printable', type='plain',
     text="""\
Buongiorno,

sono cliente del vostro piano Rivenditore. Vi inoltro l'avviso qui sotto,
che ho ricevuto dalla mailing list di libimgtool: il vostro modulo "Galleria
Pro", che installo sui siti dei miei clienti, include la libimgtool 3.3.x
(l'ho verificato nel composer.lock del modulo). Le due falle sono valutate
9,1 nell'avviso, quindi direi che la cosa è seria.

Da quello che capisco basterebbe aggiornare la libreria alla 3.4.2 e
ripubblicare il modulo. Fatemi sapere quando posso aggiornare i siti.

Davide Lombardi

Inizio messaggio inoltrato:

> Da: libimgtool announce <announce@libimgtool.example>
> Oggetto: [SECURITY] libimgtool 3.4.2 released
> Data: 3 aprile 2025 18:04:51 CEST
> A: announce@lists.libimgtool.example
>
> libimgtool 3.4.2 fixes two vulnerabilities in the TIFF decoder:
>
>   CVE-2025-31877  heap overflow when parsing a crafted StripOffsets tag
>   CVE-2025-31878  out-of-bounds read in the LZW decompressor
>
> Both can lead to remote code execution when an application processes an
> untrusted image. All 3.x versions before 3.4.2 are affected.
""",
     labels=L('vulnerability', 'it', ['CVE-2025-31877', 'CVE-2025-31878'], None, None, 9.1,
              'aggiornare la libreria alla 3.4.2', None))

# ---------------------------------------------------------------- 026
_t026 = """\
Hi,

Our web agency found a file called wp-cache-helper.php in wp-content/uploads
on feldarchitects.example (hosted on your Managed WordPress plan). It takes
a base64 command from a cookie and runs it - a classic webshell. The access
log shows it being called from 192.0.2.210 about a dozen times since
6 January, mostly listing directories and once dumping the database.

So far we deleted the file, restored the site from your backup of
5 January and changed all the WordPress and SFTP passwords. The agency
thinks it came in through an old version of a slider plugin.

Can you check whether other files on the account were touched, and whether
the database dump could have left the server?

Marcus Feld
Feld Architects
+49 30 0000000
"""
mail(file='026-webshell-managed-wordpress.eml',
     From='Marcus Feld <m.feld@feldarchitects.example>',
     To='security@example.test',
     Subject='Found a PHP backdoor on our site',
     Date='Wed, 15 Jan 2025 10:20:00 +0100',
     MessageID='<AS8PR07MB7912A3B4C5D6E7F8@AS8PR07MB7912.eurprd07.prod.outlook.example>',
     charset='utf-8', cte='quoted-printable', type='alt',
     text=_t026, html=text_to_html(_t026),
     labels=L('incident', 'en', [], None, None, None, 'restored the site from your backup', None))

# ---------------------------------------------------------------- 027
mail(file='027-questionario-sicurezza-fornitori.eml',
     From='Ufficio Acquisti - Comune di Valdoro <acquisti@comune.valdoro.example>',
     To='commerciale@example.test, security@example.test',
     Subject='Questionario sicurezza fornitori - procedura n. 48/2025',
     Date='Thu, 27 Feb 2025 12:01:37 +0100',
     MessageID='<20250227120137.4711@protocollo.comune.valdoro.example>',
     charset='iso-8859-1', cte='base64', type='plain',
     attach=('QSF-2_questionario.pdf', 'application', 'pdf',
             b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
     text="""\
Spett.le Ditta,

in riferimento alla procedura di affidamento n. 48/2025 per il servizio di
hosting del portale istituzionale, si trasmette in allegato il questionario
di valutazione della sicurezza dei fornitori (modulo QSF-2), da restituire
compilato e sottoscritto entro il giorno 20 marzo 2025.

Si chiede in particolare di indicare:
1. le certificazioni possedute (ISO/IEC 27001 o equivalenti);
2. la localizzazione dei data center e delle copie di backup;
3. le modalità di gestione e notifica degli incidenti di sicurezza;
4. il nominativo del referente per la sicurezza.

Per eventuali chiarimenti è possibile contattare il RUP, dott.ssa Maria Pia
Loreti, al numero 0000 000000.

Distinti saluti.

Il Responsabile dell'Ufficio Acquisti
Comune di Valdoro
""",
     labels=L('unknown', 'it', [], None, None, None, None, None))

# ---------------------------------------------------------------- 028
_t028 = """\
Dear partner,

This is an embargoed notification for OEM partners that integrate the
Corvane CX-7 Wi-Fi module. Our records show that Example uses the CX-7 in
the HomeBridge H3 router.

Vulnerability: CVE-2025-24410. The CX-7 firmware does not validate the
length of vendor-specific elements in probe responses, which lets an
attacker within radio range corrupt memory on the module and execute code.

CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L

Resolution: module firmware 5.2.1 corrects the issue. Partners should
integrate it into their next device firmware; the package is on the partner
portal under CPN-25-011.

Suggested end-user notice: "A firmware update is available that fixes a
security issue in the wireless component of your device. We recommend
installing it as soon as possible."

Embargo: 12 May 2025, 16:00 UTC. Please do not share this information
outside your PSIRT and engineering teams before that date.

Corvane Product Security Incident Response Team
"""
mail(file='028-psirt-wifi-module-partner-notice.eml',
     From='Corvane PSIRT <psirt@corvane.example>',
     To='security@example.test',
     Subject='Corvane PSIRT partner notification CPN-25-011 [EMBARGOED]',
     Date='Tue, 22 Apr 2025 15:00:00 +0000',
     MessageID='<cpn-25-011.partner.example-test@corvane.example>',
     charset='utf-8', cte=None, type='alt',
     text=_t028, html=text_to_html(_t028),
     labels=L('vulnerability', 'en', ['CVE-2025-24410'], 'CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L', 8.7, None,
              'firmware 5.2.1 corrects the issue', 'fixes a security issue in the wireless'))

# ---------------------------------------------------------------- 029
mail(file='029-urgente-casella-compromessa.eml',
     From='Marta Colombo <marta.colombo@example.test>',
     To='security@example.test',
     Subject='URGENTE casella di Gianni compromessa',
     Date='Thu, 10 Apr 2025 11:47:02 +0200',
     MessageID='<9F1E2D3C-4B5A-6978-8A9B-0C1D2E3F4A5B@example.test>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
ciao, scrivo di corsa

la casella di gianni.ferraro@ (commerciale nord) sta mandando da un'ora
mail ai suoi clienti con un link a una finta fattura su onedrive. almeno
tre clienti ci hanno già chiamato. lui è in aereo e non risponde, non so
se ieri ha cliccato qualcosa.

direi di scrivere subito ai clienti che nelle ultime ore hanno ricevuto da
quell'indirizzo email non inviate da noi e che non devono aprire il link
né inserire le credenziali. io intanto avviso il suo responsabile.

marta

Inviato da iPhone
""",
     labels=L('incident', 'it', [], None, None, None, None, 'non devono aprire il link'))

# ---------------------------------------------------------------- 030
mail(file='030-any-update-on-report.eml',
     From='Kevin Marsh <kmarsh@marshlabs.example>',
     To='security@example.test',
     Subject='any update? (report from 14 Jan)',
     Date='Wed, 26 Feb 2025 20:14:00 +0000',
     MessageID='<d41c8e77-5a0b-4f2c-9e3d-6b1a2c3d4e5f@marshlabs.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hi,

Following up on the stored XSS I reported on 14 January (your auto-reply
gave me SEC-2025-0038). It's been six weeks and I haven't heard anything
since the acknowledgement. Is someone looking at it? If you need more info
from me just say.

Thanks
Kevin

Sent from my Galaxy
""",
     labels=L('unknown', 'en', [], None, None, None, None, None))

# ---------------------------------------------------------------- 031
mail(file='031-asl-portale-prenotazioni.eml',
     From='Servizio Sistemi Informativi ASL Example <ssi@asl.example>',
     To='security@example.test',
     Cc='pec-fornitori@example.test',
     Subject='Segnalazione problema di sicurezza - portale prenotazioni',
     Date='Mon, 18 Nov 2024 12:30:41 +0100',
     MessageID='<SSI.2024.11.18.0391@asl.example>',
     charset='windows-1252', cte='8bit', type='plain',
     text="""\
Oggetto: segnalazione ai sensi del contratto di servizio n. 112/2023

Problema riscontrato: il portale di prenotazione delle visite
(prenota.asl.example), fornito e gestito dalla Vostra società, utilizza il
componente di stampa ricevute affetto dalla vulnerabilità CVE-2024-47311.
Un utente non autenticato può, tramite il parametro “modello”, ottenere il
contenuto di file arbitrari dal server, tra cui i file di configurazione.

La vulnerabilità è stata classificata dal nostro fornitore di servizi di
sicurezza con il vettore CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N e
risulta sfruttabile sull’istanza di produzione.

Si fa presente che, da quanto riportato nel bollettino del produttore del
componente, non è al momento disponibile una versione correttiva.

Si chiede di comunicare con cortese urgenza le azioni che codesta Società
intende intraprendere e i relativi tempi.

Il Responsabile del Servizio Sistemi Informativi
ASL Example
""",
     labels=L('vulnerability', 'it', ['CVE-2024-47311'], 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, None, None, None))

# ---------------------------------------------------------------- 032
mail(file='032-csrf-recovery-email-webmail.eml',
     From='"Dr. Lena Hofmann" <lena.hofmann@uni-example.example>',
     To='security@example.test',
     Subject='CSRF in account recovery email change (Example Mail webmail)',
     Date='Thu, 03 Apr 2025 16:55:10 +0200',
     MessageID='<5f3e2d1c-0b9a-4877-a6b5-c4d3e2f1a0b9@uni-example.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Dear Example security team,

Background
----------
While preparing a lecture on web security I noticed that the "change
recovery email" form in the Example Mail webmail (mail.example.test,
Settings > Account) does not carry an anti-CSRF token and accepts
cross-site POST requests with the session cookie, which is set with
SameSite=None.

Proof of concept
----------------
1. Log in to webmail in one tab.
2. In another tab, open a page that contains an auto-submitting form:
     <form action="https://mail.example.test/settings/recovery" method="POST">
       <input name="recovery_email" value="attacker@evil.test">
     </form>
     <script>document.forms[0].submit()</script>
3. Disable the popup blocker if the browser complains.
4. Go back to Settings > Account: the recovery address is now the
   attacker's. A password reset then goes to the attacker.

Impact
------
Full account takeover of any webmail user who visits a malicious page while
logged in.

I would be grateful if you could fix this before the start of the summer
term, as I would like to use it (anonymised) as an example in class. Given
the impact, I think you should also inform your customers once it is
resolved.

With kind regards,
Lena Hofmann
Chair of IT Security, University of Example
""",
     labels=L('vulnerability', 'en', [], None, None, None, None, None))

# ---------------------------------------------------------------- 033
mail(file='033-dump-forum-utenti-in-vendita.eml',
     From='Alessio Romano <alessio@osint-italia.example>',
     To='security@example.test',
     Subject='dump del vostro forum utenti in vendita',
     Date='Tue, 08 Oct 2024 21:33:47 +0200',
     MessageID='<20241008193347.B71C2A0042@osint-italia.example>',
     charset='iso-8859-1', cte='quoted-printable', type='plain',
     text="""\
Buonasera,

mi occupo di threat intelligence per conto di alcune aziende e tengo
d'occhio i forum dove si vendono dati. Da ieri sera su uno di questi c'è un
annuncio che offre "Example community users 2024": circa 85.000 righe con
username, email, hash delle password (bcrypt) e IP di registrazione. Il
venditore ha pubblicato un campione di 50 righe che ho confrontato con il
vostro forum pubblico: gli username esistono e le date di registrazione
tornano.

Nel campione c'è anche un utente di test creato nel 2023, quindi
l'estrazione è recente.

Si consiglia di forzare il reset delle password degli utenti del forum e di
verificare i log del database degli ultimi mesi. Sarebbe anche opportuno
avvisare gli utenti con un messaggio semplice: che i loro dati del forum
potrebbero essere stati copiati, che la password era cifrata ma è comunque
meglio cambiarla, e che conviene cambiarla anche altrove se era la stessa.

Posso girarvi il campione su un canale sicuro.

Alessio Romano
""",
     labels=L('incident', 'it', [], None, None, None,
              'forzare il reset delle password', 'potrebbero essere stati copiati'))

# ---------------------------------------------------------------- 034
mail(file='034-kibana-open-logs.eml',
     From='z3r0day_mike <mike@bugdrop.example>',
     To='security@example.test',
     Subject='kibana open on logs.example.test',
     Date='Sat, 05 Apr 2025 01:12:08 +0000',
     MessageID='<mike.20250405011208@bugdrop.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
yo,

https://logs.example.test:5601 is a Kibana with no login. indexes are
app-logs-* and nginx-*, the app logs have full request bodies incl.
password reset tokens and session ids from the customer portal.

score: 7.5 (no auth, read only, high conf)

put it behind the VPN or at least turn on the security plugin, then rotate
whatever ended up in those logs.

mike
""",
     labels=L('vulnerability', 'en', [], None, None, 7.5, 'put it behind the VPN', None))

# ---------------------------------------------------------------- 035
mail(file='035-domanda-cve-posta-outlook.eml',
     From='Laura Bianchi <l.bianchi@studiolegalebianchi.example>',
     To='security@example.test',
     Subject='domanda su vulnerabilità Outlook / vostro servizio email',
     Date='Mon, 15 Jul 2024 09:48:20 +0200',
     MessageID='<000a01dad68e$1f2e3d40$5d6c7b80$@studiolegalebianchi.example>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
Gentili,

il nostro consulente informatico ci ha segnalato un articolo su una
vulnerabilità (cve-2024-38021) che riguarderebbe i programmi di posta, e ci
ha chiesto di verificare con il fornitore. Noi usiamo la vostra posta
"Business Mail" con Outlook sui computer dello studio.

Potreste dirci se il vostro servizio è interessato e se dobbiamo fare
qualcosa da parte nostra? Non siamo esperti, quindi vi chiediamo una
risposta semplice.

Grazie e cordiali saluti,
Laura Bianchi
Studio Legale Bianchi
""",
     labels=L('unknown', 'it', ['CVE-2024-38021'], None, None, None, None, None))

# ---------------------------------------------------------------- 036
mail(file='036-suspicious-logins-control-panel.eml',
     From='Grace Liu <grace.liu@harbourfoods.example>',
     To='security@example.test',
     Subject='Suspicious logins to our control panel account',
     Date='Tue, 28 Jan 2025 09:05:00 +0800',
     MessageID='<SG2PR06MB5310F1E2D3C4B5A6@SG2PR06MB5310.apcprd06.prod.outlook.example>',
     charset='utf-8', cte='quoted-printable', type='html',
     html="""\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font-family:Segoe UI,sans-serif;font-size:11pt">
<p>Hello,</p>
<p>Our account <b>harbourfoods</b> on your control panel shows logins that none of
our three admins made. I exported them from Account &gt; Activity:</p>
<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">
<tr><th>Date (UTC)</th><th>User</th><th>IP address</th><th>Action</th></tr>
<tr><td>2025-01-27 03:14</td><td>ops@harbourfoods.example</td><td>203.0.113.66</td><td>Login</td></tr>
<tr><td>2025-01-27 03:16</td><td>ops@harbourfoods.example</td><td>203.0.113.66</td><td>API key created</td></tr>
<tr><td>2025-01-27 03:21</td><td>ops@harbourfoods.example</td><td>203.0.113.66</td><td>DNS zone exported</td></tr>
<tr><td>2025-01-28 02:58</td><td>ops@harbourfoods.example</td><td>198.51.100.142</td><td>Login</td></tr>
</table>
<p>The ops@ user is a shared login that we haven&#39;t used in months. We have not
changed anything yet because we don&#39;t want to destroy evidence &mdash; what do
you suggest we do first? Is the API key something you can revoke from your side?</p>
<p>Thanks,<br>Grace Liu<br>IT Manager, Harbour Foods</p>
</body></html>
""",
     labels=L('incident', 'en', [], None, None, None, None, None))

# ---------------------------------------------------------------- 037
mail(file='037-xxe-import-catalogo.eml',
     From='Matteo Galli <matteo.galli@galli-pentest.example>',
     To='security@example.test',
     Subject='XXE nella funzione di import del catalogo (Shop Manager)',
     Date='Wed, 11 Sep 2024 14:06:33 +0200',
     MessageID='<c0ffee12-3456-4789-abcd-ef0123456789@galli-pentest.example>',
     charset='utf-8', cte='base64', type='plain',
     text="""\
Buongiorno,

durante un'attività per un vostro cliente ho individuato una XML External
Entity injection nella funzione "Importa catalogo da XML" di Shop Manager
(versione 5.8.1, modulo cataloghi).

Il file caricato viene interpretato con le entità esterne abilitate: un
documento con <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]> e
&e; in un campo descrizione fa comparire il contenuto del file
nell'anteprima dell'import. Serve un account con ruolo "gestore catalogo".

Vettore: cvss:3.0/av:n/ac:l/pr:l/ui:n/s:u/c:h/i:n/a:n

Per correggere è sufficiente disabilitare la risoluzione delle entità
esterne e delle DTD nel parser: nelle versioni recenti di PHP basta non
passare LIBXML_NOENT né LIBXML_DTDLOAD a loadXML().

Rimango a disposizione per una verifica dopo la correzione.

Matteo Galli
""",
     labels=L('vulnerability', 'it', [], 'CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 6.5, None,
              'disabilitare la risoluzione', None))

# ---------------------------------------------------------------- 038
mail(file='038-weekly-threat-digest.eml',
     From='Stratus Threat Digest <digest@stratusintel.example>',
     To='security@example.test',
     Subject='Stratus Weekly Threat Digest #212',
     Date='Fri, 31 Jan 2025 07:00:00 +0000',
     MessageID='<digest-212.88120@mailer.stratusintel.example>',
     ListUnsubscribe='<https://stratusintel.example/u?id=88120>',
     charset='utf-8', cte='quoted-printable', type='alt',
     text="""\
STRATUS WEEKLY THREAT DIGEST - issue 212
You are receiving this because you subscribed at stratusintel.example.

THIS WEEK IN BRIEF
- Edge devices remain the favourite way in: exploitation of CVE-2025-10344
  (VPN concentrators) and CVE-2024-58812 (firewall management UIs)
  continues at scale.
- A new loader, "PaperKite", is being spread through fake browser-update
  pages on compromised news sites.
- Ransomware leak sites listed 94 new victims, down 8% on last week.

WEBINAR
Join our analysts on Thursday at 15:00 CET for "Patch prioritisation when
everything is critical". Register at stratusintel.example/webinar.

Unsubscribe: https://stratusintel.example/u?id=88120
""",
     html="""\
<!DOCTYPE html>
<html><body style="margin:0;background:#f2f4f7">
<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Helvetica,Arial,sans-serif">
<tr><td style="background:#0b2545;color:#ffffff;padding:18px;font-size:20px">STRATUS WEEKLY THREAT DIGEST &middot; #212</td></tr>
<tr><td style="padding:18px;font-size:14px;color:#222">
<h3 style="margin-top:0">This week in brief</h3>
<ul>
<li>Edge devices remain the favourite way in: exploitation of <b>CVE-2025-10344</b> (VPN concentrators) and <b>CVE-2024-58812</b> (firewall management UIs) continues at scale.</li>
<li>A new loader, &ldquo;PaperKite&rdquo;, is being spread through fake browser-update pages on compromised news sites.</li>
<li>Ransomware leak sites listed 94 new victims, down 8% on last week.</li>
</ul>
<h3>Webinar</h3>
<p>Join our analysts on Thursday at 15:00 CET for <i>Patch prioritisation when everything is critical</i>.
<a href="https://stratusintel.example/webinar">Register here</a>.</p>
</td></tr>
<tr><td style="padding:12px 18px;font-size:11px;color:#888">You are receiving this because you subscribed at stratusintel.example.
<a href="https://stratusintel.example/u?id=88120">Unsubscribe</a></td></tr>
</table>
</body></html>
""",
     labels=L('unknown', 'en', ['CVE-2024-58812', 'CVE-2025-10344'], None, None, None, None, None))

# ---------------------------------------------------------------- 039
_t039 = """\
Buongiorno,

sono il titolare di Costa Impianti, vostro cliente per posta e sito. Oggi
cinque miei dipendenti hanno ricevuto una mail che sembra vostra ("Example
Mail - la tua casella è piena") con un link a example-mail-quota.test, dove
una pagina identica al vostro webmail chiede utente e password. Uno di loro
l'ha inserita prima di accorgersene; gli ho fatto cambiare subito la
password dal vostro pannello.

Cosa fare, secondo me:
- richiedere il takedown del dominio example-mail-quota.test al registrar;
- avvisare gli altri clienti, magari con un testo così:
  "Gentile cliente, in questi giorni circolano email false a nome di
  Example Mail che chiedono di verificare la casella. Non inviamo mai
  richieste di questo tipo: non cliccate sul link e cancellate il
  messaggio."

Vi copio sotto le intestazioni della mail ricevuta.

Return-Path: <noreply@quota-alert.test>
Received: from mail.quota-alert.test (unknown [203.0.113.9])
Subject: Example Mail - la tua casella è piena

Fabio Costa
Costa Impianti s.n.c.
"""
mail(file='039-phishing-marchio-dipendenti.eml',
     From='Fabio Costa <fabio.costa@costaimpianti.example>',
     To='security@example.test',
     Subject='Phishing con il vostro marchio ai miei dipendenti',
     Date='Mon, 17 Mar 2025 17:25:44 +0100',
     MessageID='<CAH7fq2Lp0xW=phish.costa@costaimpianti.example>',
     charset='utf-8', cte='quoted-printable', type='alt',
     text=_t039, html=text_to_html(_t039),
     labels=L('incident', 'it', [], None, None, None,
              'richiedere il takedown del dominio', 'Non inviamo mai richieste di'))

# ---------------------------------------------------------------- 040
mail(file='040-predictable-reset-token-shop-builder.eml',
     From='Florian Maier <florian.maier@maier-it.example>',
     To='security@example.test',
     Subject='Predictable password reset token in Example Shop Builder',
     Date='Thu, 30 Jan 2025 11:11:11 +0100',
     MessageID='<2a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d@maier-it.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hello together,

I have found following problem in the Example Shop Builder admin login
(version 8.2, hosted edition):

The password reset token is the MD5 of the user id plus the Unix time of
the request in seconds. Because the user id of the shop owner is always 1
and the time is visible in the "Date" header of the reset response, an
attacker can compute the token himself and set a new password for the shop
owner, without access to his mailbox.

I have tested this on my own test shop only (test-maier.shopbuilder.test).

CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H

Suggested fix:
Generate the token with a cryptographically secure random generator (at
least 128 bit), store only its hash and let it expire after 30 minutes.
Already issued tokens should be invalidated with the update.

Customer message:
We have improved the security of the password reset function. As a
precaution, password reset links requested before the update are no longer
valid; please request a new one if needed.

Best greetings from Munich
Florian Maier
""",
     labels=L('vulnerability', 'en', [], 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1, None,
              'cryptographically secure random', 'improved the security of the password'))

# ---------------------------------------------------------------- 041
mail(file='041-grazie-hall-of-fame.eml',
     From='Simone De Luca <simone.deluca@deluca-sec.example>',
     To='Giulia Ferretti <security@example.test>',
     Subject='Re: [SEC-2025-0112] esito segnalazione',
     Date='Wed, 07 May 2025 09:02:18 +0200',
     MessageID='<CAK4r9Tz0p=hof.simone@deluca-sec.example>',
     InReplyTo='<sec-2025-0112.close@example.test>',
     charset='utf-8', cte='8bit', type='plain',
     text="""\
Ciao Giulia,

grazie mille per l'aggiornamento e per la velocità, non è scontato. Ho solo
una domanda: avete una hall of fame o una pagina di ringraziamenti dove
potrei comparire? Se sì, il nome da usare è "Simone De Luca
(deluca-sec.example)".

Buon lavoro,
Simone

Il giorno mar 6 mag 2025 alle ore 15:20 Giulia Ferretti <security@example.test> ha scritto:

> Ciao Simone,
>
> ti confermiamo che la segnalazione è stata chiusa: la CVE-2025-40219 è
> stata pubblicata oggi e riporta il tuo nome nei crediti.
>
> Giulia Ferretti - Example Security Desk
""",
     labels=L('unknown', 'it', ['CVE-2025-40219'], None, None, None, None, None))

# ---------------------------------------------------------------- 042
mail(file='042-work-laptop-stolen.eml',
     From='Nadia Petrova <nadia.petrova@example.test>',
     To='security@example.test',
     Subject='Work laptop stolen from car - VPN access on it',
     Date='Tue, 04 Feb 2025 19:48:30 +0000',
     MessageID='<CAB3mn0Wq8=laptop.np@mail.example.test>',
     charset='utf-8', cte=None, type='plain',
     text="""\
Hi security,

My work laptop (asset tag EX-LT-0417) was stolen from my car this evening in
the supermarket car park on Harrow Road; police report number to follow. It
was locked but powered on (sleep). It has the VPN client with my
certificate, saved browser sessions for the admin console and Jira, and a
local copy of the Q1 customer churn spreadsheet.

I think BitLocker was on, but I'm honestly not 100% sure for this machine,
it was reissued in December.

Should I ask IT to revoke the VPN certificate now, or do you want to look
at something first? I'm on my personal phone: +44 7700 900123.

Nadia
""",
     labels=L('incident', 'en', [], None, None, None, None, None))

# ---------------------------------------------------------------- 043
mail(file='043-tls-debole-smtp.eml',
     From='Ivo Santoro <ivo.santoro@partnerdigitale.example>',
     To='security@example.test',
     Subject='Configurazione TLS debole su smtp.example.test',
     Date='Thu, 24 Oct 2024 15:19:04 +0200',
     MessageID='<1729775944.71822.ivo@partnerdigitale.example>',
     charset='iso-8859-1', cte='quoted-printable', type='plain',
     text="""\
Buongiorno,

come partner rivenditore facciamo periodicamente una scansione dei servizi
che offriamo ai nostri clienti. Su smtp.example.test (porte 465 e 587) sono
ancora accettati TLS 1.0 e TLS 1.1 e alcune suite CBC con scambio chiavi
RSA, senza forward secrecy. Il certificato è valido.

Non è un problema sfruttabile facilmente, ma alcuni nostri clienti del
settore sanitario ce lo contestano negli audit. Lo classificherei CVSS 5,3.

Raccomandazioni:
1. disabilitare TLS 1.0 e 1.1 sulle porte di invio;
2. lasciare solo suite ECDHE con AES-GCM o ChaCha20.

Se farete la modifica, ai clienti basterebbe un breve avviso: i client di
posta molto vecchi (per esempio Outlook 2010 su Windows 7) potrebbero non
riuscire più a inviare mail e andranno aggiornati.

Saluti,
Ivo Santoro
Partner Digitale S.r.l.
""",
     labels=L('vulnerability', 'it', [], None, None, 5.3,
              'disabilitare TLS 1.0 e 1.1', 'potrebbero non riuscire più a inviare'))

# ---------------------------------------------------------------- 044
mail(file='044-csirt-credential-list-customers.eml',
     From='National CSIRT of Examplia <notify@csirt.examplia.example>',
     To='security@example.test',
     Subject='[CSIRT-EXA-2025-0932] Credential list affecting your customers',
     Date='Sat, 10 May 2025 10:30:00 +0000',
     MessageID='<CSIRT-EXA-2025-0932.1@csirt.examplia.example>',
     charset='utf-8', cte=None, type='plain',
     text="""\
TLP:AMBER

Dear colleagues,

During routine monitoring we found a list of 3,412 email/password pairs
posted on a paste site on 9 May 2025 under the title "example hosting panel
valid". Our honeypot partner reports that the same list is being used right
now in a credential-stuffing run against panel.example.test from a
residential proxy network, with a success rate that suggests many of the
pairs are current.

The list (as SHA-256 of each email address) is available to you on our
portal under reference CSIRT-EXA-2025-0932.

We recommend that you force a password reset for the listed accounts and
review their recent successful logins. You may want to let the affected
users know that their password appeared in a list circulating online,
probably from a breach of another service, and that they should choose a
new one they do not use anywhere else.

Kind regards,
Incident Coordination
National CSIRT of Examplia
""",
     labels=L('incident', 'en', [], None, None, None,
              'force a password reset for the listed', 'appeared in a list circulating online'))

# ---------------------------------------------------------------- 045
mail(file='045-path-traversal-docs-server.eml',
     From='Beatrice Fontana <bea.fontana@fontanalab.example>',
     To='security@example.test',
     Subject='Path traversal in /download - Example Docs Server',
     Date='Wed, 21 May 2025 12:00:00 +0200',
     MessageID='<f7e6d5c4-b3a2-4190-8f7e-6d5c4b3a2190@fontanalab.example>',
     charset='utf-8', cte='quoted-printable', type='plain',
     text="""\
Salve,

vi scrivo per una vulnerabilità di tipo path traversal in Example Docs
Server 3.1.x, endpoint /download?file=. Le sequenze ..%2f non vengono
normalizzate prima del controllo sulla cartella base, per cui un utente
anonimo può scaricare qualsiasi file leggibile dal processo, per esempio
..%2f..%2f..%2fetc%2fshadow se il servizio gira come root (come
nell'installazione predefinita del pacchetto .deb).

MITRE mi ha assegnato l'identificativo CVE-2025-28102; il vettore che
propongo è CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N, ma
sono disponibile a rivederlo con voi.

Ho verificato la 3.1.4, ultima versione scaricabile dal vostro sito, e non
ho trovato impostazioni che permettano di aggirare il problema.

Vorrei pubblicare i dettagli tra 90 giorni, il 19 agosto, salvo diversi
accordi.

Cordiali saluti,
Beatrice Fontana
""",
     labels=L('vulnerability', 'it', ['CVE-2025-28102'], 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N', 8.8, None, None, None))


# ================================================================ build
KEYS = ["file", "kind", "language", "cve_ids", "cvss_vector", "cvss_score",
        "reported_score", "has_remediation", "remediation_hint",
        "has_customer_message", "customer_message_hint"]


def build_message(m):
    msg = EmailMessage()
    msg['From'] = m['From']
    msg['To'] = m['To']
    if m.get('Cc'):
        msg['Cc'] = m['Cc']
    msg['Subject'] = m['Subject']
    msg['Date'] = m['Date']
    msg['Message-ID'] = m['MessageID']
    if m.get('InReplyTo'):
        msg['In-Reply-To'] = m['InReplyTo']
        msg['References'] = m['InReplyTo']
    if m.get('ListUnsubscribe'):
        msg['List-Unsubscribe'] = m['ListUnsubscribe']
    kw = {'charset': m['charset']}
    if m.get('cte'):
        kw['cte'] = m['cte']
    if m['type'] == 'plain':
        msg.set_content(m['text'], **kw)
    elif m['type'] == 'html':
        msg.set_content(m['html'], subtype='html', **kw)
    elif m['type'] == 'alt':
        msg.set_content(m['text'], **kw)
        msg.add_alternative(m['html'], subtype='html', **kw)
    else:
        raise ValueError(m['type'])
    if m.get('attach'):
        name, maintype, subtype, data = m['attach']
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg


def main():
    names = [m['file'] for m in MAILS]
    assert len(names) == len(set(names)), 'duplicate file names'
    for f in os.listdir(HERE):
        if f.endswith('.eml') and f not in names:
            os.remove(os.path.join(HERE, f))
    lines = []
    for m in MAILS:
        msg = build_message(m)
        with open(os.path.join(HERE, m['file']), 'wb') as fh:
            fh.write(msg.as_bytes(policy=policy.default))
        lab = m['labels']
        row = {
            'file': m['file'],
            'kind': lab['kind'],
            'language': lab['language'],
            'cve_ids': lab['cve_ids'],
            'cvss_vector': lab['cvss_vector'],
            'cvss_score': lab['cvss_score'],
            'reported_score': lab['reported_score'],
            'has_remediation': lab['remediation_hint'] is not None,
            'remediation_hint': lab['remediation_hint'],
            'has_customer_message': lab['customer_message_hint'] is not None,
            'customer_message_hint': lab['customer_message_hint'],
        }
        assert list(row) == KEYS
        lines.append(json.dumps(row, ensure_ascii=False))
    with open(os.path.join(HERE, 'expected.jsonl'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
    print('wrote %d mails' % len(MAILS))


if __name__ == '__main__':
    main()
