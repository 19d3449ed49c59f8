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
def H(frm, subj, date, mid, to="security@example.test", extra=()):
    h = [("From", frm), ("To", to), ("Subject", subj), ("Date", date),
         ("Message-ID", mid)]
    h.extend(extra)
    return h


# ---------------------------------------------------------------- 001
MAILS.append(dict(file="001-idor-billing-api-terse.eml",
headers=H("k0dex <k0dex@bountymail.example>", "IDOR /api/v2/invoices/{id}",
          "Tue, 04 Mar 2025 02:17:44 +0000", "<a81f2c@bountymail.example>"),
text="""hi

GET https://api.example.test/api/v2/invoices/{id} only checks the bearer token is valid, not that the invoice belongs to the caller. ids are sequential.

repro:
1. login as account A, grab token
2. GET /api/v2/invoices/100233 (belongs to B)
3. 200 + full pdf link, billing address, last 4 of card

CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N

tested only with my 2 accounts. not touched anything else.
is there a bounty for this?

k0dex
""",
label=lab("vulnerability", "en", vector="CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", score=6.5)))

# ---------------------------------------------------------------- 002
MAILS.append(dict(file="002-pasticceria-sito-violato.eml",
headers=H("Pasticceria Dolce Rocca <info@dolcerocca.example>", "URGENTE sito della pasticceria non va più bene",
          "Mon, 10 Mar 2025 07:52:10 +0100", "<000a01db91@dolcerocca.example>"),
charset="cp1252", cte="quoted-printable",
text="""Buongiorno,

sono Rosaria Bellomo della Pasticceria Dolce Rocca, abbiamo il sito da voi da quasi sei anni con il pacchetto Vetrina e non ci sono mai stati problemi, io di computer non ci capisco molto, il sito me lo aveva fatto mio nipote che adesso lavora a Monaco e non riesco a sentirlo, comunque stamattina una cliente mi ha mandato un messaggio su WhatsApp dicendo che aprendo il nostro sito dal telefono la mandava su una pagina di scommesse o casinò, io ho provato dal computer della cassa e a me sembrava tutto normale, però dal telefono di mia figlia succede la stessa cosa, e poi nel pannello ho visto che ci sono dei file che non abbiamo mai messo noi, tipo uno che si chiama wp-kontakt.php e una cartella "cache2" creata sabato notte alle 3, quindi qualcuno è entrato di sicuro, ho già cambiato la password del pannello e anche quella dell'email perché ho letto su internet che bisogna fare così, ma non so se basta, e ho paura che abbiano preso anche i dati dei clienti che fanno gli ordini delle torte online con nome e telefono, non ci sono carte di credito perché si paga in negozio. Noi a Pasqua abbiamo tantissimi ordini e non possiamo stare senza sito, mi potete aiutare voi a sistemare? Pago anche a parte se serve.

Grazie mille, mi scusi se ho scritto tutto di fila.

Rosaria Bellomo
Pasticceria Dolce Rocca – Via Garibaldi 14
tel. 0932 000111
""",
label=lab("incident", "it", fix="ho già cambiato la password del pannello")))

# ---------------------------------------------------------------- 003
MAILS.append(dict(file="003-customer-wordpress-sends-spam.eml",
headers=H("Jürgen Halbach <j.halbach@halbach-fliesen.example>", "Re: Your account is sending spam - blocked?",
          "Wed, 12 Mar 2025 16:03:27 +0100", "<5d1e7b02-44aa@halbach-fliesen.example>"),
text="""Hello,

I get today an email from your system that my hosting account "halbachfl" is sending many spam emails and the outgoing mail is now blocked. I dont understand, we are a small tile company with 4 people, we send maybe 10 emails in one day. Your mail say more than 40.000 emails in the night from the script /wp-content/plugins/wp-fileupload-pro/up.php . I never installed this, I think the web agency installed it in 2021 and after nobody make updates.

So somebody use my website for spam, yes? What I must do now? Is my customers data stolen? We have a contact form only.

Please unblock the mail because my office cannot send offers to customers since this morning, this is big problem for us.

Best regards
Jürgen Halbach
Halbach Fliesen GmbH

-----Original Message-----
From: Abuse Desk <abuse@example.test>
Sent: Wednesday, 12 March 2025 09:14
To: j.halbach@halbach-fliesen.example
Subject: Your account is sending spam - blocked?

Dear customer,

outbound SMTP for account halbachfl has been suspended after 41.220 messages were sent between 01:00 and 05:30 CET by /wp-content/plugins/wp-fileupload-pro/up.php. Please reply to this message or contact security@example.test.

Abuse Desk
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 004
MAILS.append(dict(file="004-git-esposto-hosting-condiviso.eml",
headers=H("Marco Zanetti <m.zanetti@officine-zanetti.example>", "vi segnalo una cosa sul deploy git dell'hosting",
          "Thu, 13 Mar 2025 11:40:02 +0100", "<CAK3zf9@mail.officine-zanetti.example>"),
text="""Ciao ragazzi,

sono Marco, faccio un po' di tutto lato IT qui in Officine Zanetti (siamo 35 persone, quindi "IT manager" è una parola grossa). Usiamo il vostro hosting Business con la funzione "Deploy da Git" del pannello HostDeck.

Ieri un fornitore mi fa notare che https://www.officine-zanetti.example/.git/config risponde 200. Ho controllato: il deploy clona il repo direttamente nella document root, cartella .git compresa, e il vostro vhost non la blocca. Con un git-dumper qualsiasi si scarica tutta la storia del repo, compreso un vecchio commit dove c'era il file .env con la password del DB (colpa nostra, lo so, ma ormai è nella history).

Ho provato su un paio di altri siti che so essere da voi con lo stesso pannello e succede uguale, quindi penso sia un problema di default vostro e non solo mio. Non ho scaricato niente degli altri, ho solo visto il 200 su /.git/HEAD.

Secondo me basta bloccare /.git nel template del vhost (un deny su ^/\\.git) oppure fare il checkout fuori dalla document root. Io intanto ho messo un .htaccess a mano. Poi se avvisate i clienti che usano il deploy, io gli scriverei di controllare se nella history ci sono password e di cambiarle comunque.

Fatemi sapere, ciao
Marco

--
Marco Zanetti | Officine Zanetti srl
""",
label=lab("vulnerability", "it", fix="bloccare /.git nel template del vhost",
          cust="di controllare se nella history")))

# ---------------------------------------------------------------- 005
MAILS.append(dict(file="005-owner-asks-xz-affected.eml",
headers=H("Dana Whitfield <dana@whitfieldbakes.example>", "are we ok with this xz thing?",
          "Sat, 30 Mar 2024 19:22:51 +0000", "<CAF7wbk3Q@mail.whitfieldbakes.example>"),
text="""Hi there,

Sorry if this is the wrong address. My brother in law sent me a news article about a backdoor in something called xz (CVE-2024-3094) and said every Linux server might be hacked. Our shop website and email are with you on the Starter VPS plan. I don't really know what Linux is running on it, you set it up for us.

Do I need to do anything? Are your servers affected? I just want to know if I should worry before the weekend sales.

Thanks,
Dana
Whitfield Bakes

Sent from my iPhone
""",
label=lab("unknown", "en", cves=["CVE-2024-3094"])))

# ---------------------------------------------------------------- 006
MAILS.append(dict(file="006-pec-comune-questionario.eml",
headers=H("Comune di Valdibosco - Protocollo <protocollo@pec.comune.valdibosco.example>",
          "POSTA CERTIFICATA: Prot. n. 4471/2025 - Richiesta compilazione questionario sicurezza fornitori ICT",
          "Mon, 17 Mar 2025 10:05:33 +0100", "<opec210.20250317100533.18822@pec.comune.valdibosco.example>",
          extra=[("X-Trasporto", "posta-certificata")]),
charset="iso-8859-1", cte="8bit",
text="""Messaggio di posta certificata

Il giorno 17/03/2025 alle ore 10:05:33 (+0100) il messaggio
"Prot. n. 4471/2025 - Richiesta compilazione questionario sicurezza fornitori ICT"
è stato inviato da "protocollo@pec.comune.valdibosco.example"
indirizzato a: security@example.test

--- Testo del messaggio ---

Spett.le Società,

in qualità di fornitore del servizio di hosting del portale istituzionale e della posta elettronica di questo Ente (contratto rep. 112/2023), si richiede, ai sensi delle Misure minime di sicurezza ICT per le pubbliche amministrazioni e nell'ambito delle attività di verifica previste dal piano triennale, la compilazione del questionario allegato relativo alle misure tecniche e organizzative adottate.

Si chiede cortesemente di restituire il questionario, debitamente sottoscritto dal legale rappresentante o da suo delegato, entro 30 giorni dal ricevimento della presente, all'indirizzo PEC dell'Ente.

Per eventuali chiarimenti è possibile contattare il Responsabile della Transizione al Digitale, dott.ssa Loredana Ferrucci, al numero 0574 000222.

Distinti saluti.

Il Responsabile del Servizio Sistemi Informativi
Ing. Paolo Gherardini
(documento firmato digitalmente ai sensi del D.Lgs. 82/2005)

Allegati: Questionario_fornitori_ICT_v2.pdf
""",
label=lab("unknown", "it")))

# ---------------------------------------------------------------- 007
MAILS.append(dict(file="007-bughive-stored-xss-sitebuilder.eml",
headers=H("BugHive <notifications@bughive.example>", "[BugHive] New report #48213 for Example Hosting: Stored XSS in Sitewright page title",
          "Fri, 21 Mar 2025 14:30:00 +0000", "<report-48213-1742567400@bughive.example>"),
text="""# New report submitted to Example Hosting

**Report:** #48213
**Title:** Stored XSS in Sitewright page title rendered in site preview
**Researcher:** @mirela_sec
**Asset:** sitewright.example.test
**Weakness:** Cross-site Scripting (XSS) - Stored
**Severity (researcher):** Medium

## Summary

The page title field in the Sitewright editor is stored unescaped and rendered inside the `<title>` preview pane and in the "Recent pages" widget of the shared team dashboard. Any collaborator invited to a site can plant a payload that runs in the session of the site owner.

## CVSS

- CVSS 3.1: CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N
- CVSS 4.0: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N

## Steps to reproduce

1. Create a site, invite a second account as Editor.
2. As Editor, set a page title to `</title><img src=x onerror=alert(document.domain)>`
3. As Owner, open Dashboard > Recent pages. Alert fires on sitewright.example.test.

## Remediation

HTML-encode the title on output in the dashboard widget and the preview template; a strict CSP on the dashboard would also limit impact.

---
You are receiving this because you are on the security team of Example Hosting on BugHive.
View report: https://bughive.example/reports/48213
""",
label=lab("vulnerability", "en", vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N", score=5.3,
          fix="HTML-encode the title on output")))

# ---------------------------------------------------------------- 008
MAILS.append(dict(file="008-phishing-brand-dipendenti.eml",
headers=H("Stefano Lucchi <stefano.lucchi@termoidraulica-lucchi.example>", "I: phishing con il vostro logo ai miei dipendenti",
          "Tue, 25 Mar 2025 09:12:45 +0100", "<AM0PR08MB5555@termoidraulica-lucchi.example>"),
text="""Ciao,
vi giro sotto una mail arrivata stamattina a 6 dei nostri dipendenti, fa finta di essere voi (logo, colori, tutto) e chiede di "confermare la casella" su un sito che non è il vostro. Uno dei magazzinieri ci ha cliccato e ha messo la password, l'ho già bloccato e gli ho cambiato la password, però vi avviso perché magari ne stanno mandando a tutti i vostri clienti. Il link porta a hxxps://webmail-example-test.verifica-account.example/login
Se posso dare un consiglio mandate un avviso a tutti i clienti, qualcosa come "Example Hosting non vi chiederà mai di confermare la casella via email", perché la mail è fatta bene.

Stefano
Resp. IT (e amministrazione...) Termoidraulica Lucchi

Da: Servizio Clienti Example Hosting <noreply@example-hosting-avvisi.example>
Inviato: martedì 25 marzo 2025 07:41
A: magazzino@termoidraulica-lucchi.example
Oggetto: La tua casella verrà disattivata entro 24 ore

Gentile cliente,
abbiamo rilevato un problema con la tua casella di posta. Per evitare la disattivazione conferma i tuoi dati entro 24 ore cliccando qui sotto:

[ CONFERMA CASELLA ]

Il team Example Hosting
""",
label=lab("incident", "it", fix="gli ho cambiato la password",
          cust="non vi chiederà mai di confermare")))

# ---------------------------------------------------------------- 009
MAILS.append(dict(file="009-webmail-xss-rambling-researcher.eml",
headers=H("Iván Castellano <ivan.castellano@correo-libre.example>", "Possible XSS problem in your webmail (Postino)",
          "Thu, 27 Mar 2025 23:48:19 +0100", "<6e0b1f5a-ic@correo-libre.example>"),
text="""Hello security team,

My name is Iván, I am from Valencia and I study computer engineering in last year, in my free time I like to look at web applications of the companies I use, and I am using your webmail Postino since two years because my university mail is redirected there, so please sorry for my English it is not perfect. Last week I was doing some tests with the attachment preview function because I noticed that when you open a .svg file in the attachment it shows it inline in the same domain webmail.example.test and not in a sandbox domain like other providers do, and then I tried to send to myself an svg with a script inside and when I click "preview" the script is executed with access to the cookies of the webmail session (the session cookie is not HttpOnly, I checked), so an attacker only need to send one email with the svg and convince the victim to click preview, which is very normal thing to do. I did not try it on any other person, only my own two accounts. I'd rate it 6.1 more or less because it needs the click of the user. I can send you the svg file and a video if you want, I did not put it here because I was not sure the mail will arrive with a malicious attachment.

Also I want to ask if you have a bug bounty or a hall of fame, it would help me a lot for my CV.

Thank you very much and have a nice day,
Iván Castellano
""",
label=lab("vulnerability", "en", reported=6.1)))

# ---------------------------------------------------------------- 010
MAILS.append(dict(file="010-plugin-cve-label-value.eml",
headers=H("Giulia Ferraris <giulia.ferraris@labsicurezza.example>", "Segnalazione vulnerabilità CVE-2025-21877 - HostDeck File Manager",
          "Mon, 31 Mar 2025 15:20:00 +0200", "<20250331132000.GF4412@labsicurezza.example>"),
text="""Buongiorno,

invio la segnalazione in forma sintetica, resto a disposizione per dettagli.

Prodotto: HostDeck File Manager (modulo del pannello)
Versione testata: 3.1.4
Identificativo: CVE-2025-21877 (assegnato da MITRE il 28/03)
Tipo: path traversal nella funzione "Estrai archivio" (zip slip)
Impatto: un utente del pannello può scrivere file fuori dalla propria home, in particolare nella cartella condivisa dei template PHP del webmail
Vettore CVSS: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N
Prerequisiti: un account hosting qualsiasi (anche trial), condizione di race sul pulizia temporanei
Correzione: aggiornare a 3.2.1, che normalizza i percorsi prima dell'estrazione (verificato sul changelog pubblico)
Divulgazione: proposta a 90 giorni, 29/06/2025

PoC e log disponibili su richiesta tramite canale cifrato (chiave in firma).

Cordiali saluti,
Giulia Ferraris
Lab Sicurezza Applicativa
""",
label=lab("vulnerability", "it", cves=["CVE-2025-21877"], vector="CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", score=7.4,
          fix="aggiornare a 3.2.1")))

# ---------------------------------------------------------------- 011
MAILS.append(dict(file="011-mssp-bruteforce-html-table.eml",
headers=H("Sentinel Watch SOC <soc-notify@sentinelwatch.example>", "[SW-INC-2025-0912] RDP brute force originating from your address space",
          "Wed, 02 Apr 2025 06:15:08 +0000", "<inc-2025-0912.notify@sentinelwatch.example>",
          to="abuse@example.test, security@example.test"),
text="""Sentinel Watch SOC - abuse notification SW-INC-2025-0912

Between 2025-04-01 22:00 and 2025-04-02 05:50 UTC our sensors protecting a customer in the logistics sector recorded 18,402 failed RDP logon attempts from 203.0.113.77, which belongs to your allocation. Pattern is consistent with a compromised VPS used as a brute-force node (username list: administrator, admin, scan, backup).

Please investigate the host and stop the activity. We recommend isolating the VPS and rebuilding it from a clean image. Logs attached as CSV.

Regards,
Sentinel Watch SOC - Tier 2
""",
html="""<html><body style="font-family:Arial,sans-serif;font-size:13px">
<p><b>Sentinel Watch SOC</b> &ndash; abuse notification <b>SW-INC-2025-0912</b></p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th>Field</th><th>Value</th></tr>
<tr><td>Source IP</td><td>203.0.113.77</td></tr>
<tr><td>Target</td><td>customer perimeter (logistics), TCP/3389</td></tr>
<tr><td>First seen</td><td>2025-04-01 22:00 UTC</td></tr>
<tr><td>Last seen</td><td>2025-04-02 05:50 UTC</td></tr>
<tr><td>Events</td><td>18,402 failed RDP logons</td></tr>
<tr><td>Assessment</td><td>Likely compromised VPS used as brute-force node</td></tr>
</table>
<p>Please investigate the host and stop the activity. We recommend isolating the VPS and rebuilding it from a clean image. Logs attached as CSV.</p>
<p>Regards,<br>Sentinel Watch SOC &ndash; Tier 2</p>
</body></html>
""",
label=lab("incident", "en", fix="isolating the VPS and rebuilding it")))

# ---------------------------------------------------------------- 012
MAILS.append(dict(file="012-inoltro-casella-compromessa.eml",
headers=H("Chiara Donadoni <c.donadoni@example.test>", "I: casella info@ferramenta-pozzi compromessa - serve vostra valutazione",
          "Thu, 03 Apr 2025 12:44:19 +0200", "<VI1PR02MB7781.cdonadoni@example.test>"),
text="""Ciao team security,
vi inoltro dal supporto, secondo me è da gestire come incidente. Ho già forzato il logout di tutte le sessioni webmail del dominio. Se dovete scrivere al cliente, ai clienti scriverei che la casella è stata usata da terzi per inviare richieste di pagamento false e che non devono pagare nessuna fattura con IBAN diverso dal solito.

Chiara
Supporto clienti L2

Da: Ferramenta Pozzi <amministrazione@ferramenta-pozzi.example>
Inviato: giovedì 3 aprile 2025 11:58
A: Supporto <support@example.test>
Oggetto: mail strane partite dalla nostra casella

Salve,
due nostri clienti ci hanno telefonato dicendo che hanno ricevuto da info@ferramenta-pozzi.example una mail con una "fattura aggiornata" e un IBAN nuovo. Noi non abbiamo mandato niente. Nella posta inviata non c'è niente ma uno dei clienti ci ha girato la mail ed è partita davvero dal vostro server. Nelle impostazioni della casella c'è anche una regola che sposta in cestino tutte le mail con la parola "bonifico", che non abbiamo messo noi.
Cosa dobbiamo fare?

Ferramenta Pozzi snc
""",
label=lab("incident", "it", fix="forzato il logout di tutte le sessioni",
          cust="non devono pagare nessuna fattura")))

# ---------------------------------------------------------------- 013
MAILS.append(dict(file="013-chase-quoting-ack.eml",
headers=H("Tomasz Wrona <t.wrona@protonic-mail.example>", "Re: [SEC-3391] Received: session fixation in HostDeck login",
          "Tue, 08 Apr 2025 08:03:55 +0200", "<b29d4c01-tw@protonic-mail.example>",
          extra=[("In-Reply-To", "<sec-3391-ack@example.test>")]),
text="""Hello,

It has now been 5 weeks since your acknowledgement below and I did not receive any update. Could you tell me please if the issue is confirmed and when you plan the fix? I would like to know before I decide about publication, I prefer to coordinate.

Thanks,
Tomasz

On Mon, 3 Mar 2025 at 10:12, Example Hosting Security <security@example.test> wrote:
> Dear Tomasz,
>
> Thank you for your report. We have registered it as SEC-3391 and our
> product team is reviewing it. We aim to give you a first assessment
> within 10 working days.
>
> Kind regards,
> Example Hosting Security Team
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 014
MAILS.append(dict(file="014-open-redirect-terse-it.eml",
headers=H("r3dnull <r3dnull@posta-anonima.example>", "open redirect login.example.test",
          "Wed, 09 Apr 2025 01:31:07 +0200", "<m2k9f.r3dnull@posta-anonima.example>"),
text="""ciao

https://login.example.test/auth?next=//evil.example/
dopo il login ti manda su evil.example senza nessun controllo. anche con next=https:%2f%2fevil.example

utile per phishing credibile visto che l'url iniziale è il vostro.

non ho fatto altro. se serve altro chiedete.
""",
label=lab("vulnerability", "it")))

# ---------------------------------------------------------------- 015
MAILS.append(dict(file="015-vendor-advisory-component.eml",
headers=H("Quillforge Security <psirt@quillforge.example>", "Pre-notification: CVE-2025-30114 in quill-session (used by HostDeck)",
          "Thu, 10 Apr 2025 16:00:00 +0000", "<psirt-2025-004-prenotify@quillforge.example>"),
text="""TLP:AMBER - please do not share outside your security and engineering teams until 2025-04-24 16:00 UTC.

Hello Example Hosting team,

You are receiving this pre-notification because our records show HostDeck bundles quill-session, our session management library for Node.js.

Advisory: QF-2025-004
CVE: CVE-2025-30114
Affected: quill-session >= 1.6.0, < 1.8.3
Issue: when the signed-cookie store is used with key rotation enabled, a cookie signed with a retired key is still accepted if the attacker can strip the key-id suffix. Under common deployments this allows forging sessions once any retired key leaks.
CVSS: CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N

Fixed version: upgrade to quill-session 1.8.3. If you cannot upgrade before the embargo ends, set rotation.acceptRetired=false, which disables the vulnerable code path.

Suggested customer notice (feel free to reuse):
"A security update to a third-party component used for login sessions has been applied. As a precaution, all users have been signed out and will need to log in again."

We will publish on 2025-04-24. Contact psirt@quillforge.example with questions.

Quillforge PSIRT
""",
label=lab("vulnerability", "en", cves=["CVE-2025-30114"], vector="CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", score=9.1,
          fix="upgrade to quill-session 1.8.3", cust="all users have been signed out")))

# ---------------------------------------------------------------- 016
MAILS.append(dict(file="016-csirt-host-compromesso-tlp.eml",
headers=H("CERT-Nazionale Operazioni <operazioni@cert-nazionale.example>", "[TLP:AMBER] [CN-2025-0788] Sistema compromesso nella vostra rete - botnet",
          "Fri, 11 Apr 2025 10:22:41 +0200", "<CN-2025-0788.1744359761@cert-nazionale.example>"),
charset="iso-8859-1", cte="quoted-printable",
text="""TLP:AMBER

Gentili colleghi,

nell'ambito delle attività di monitoraggio condotte da questo CERT, ci è stata segnalata da un partner internazionale la presenza nella vostra rete di un sistema che risulta compromesso e attualmente parte della botnet denominata "Fennec" (comunicazione verso il C2 su porta TCP/8443).

Dettagli:
  Indirizzo IP: 198.51.100.23
  Prima osservazione: 2025-04-09 17:40 UTC
  Ultima osservazione: 2025-04-11 06:05 UTC
  Destinazione C2: 192.0.2.201:8443
  Possibile vettore: istanza esposta di pannello di amministrazione con credenziali predefinite

Si raccomanda di isolare il sistema, di verificare la presenza di ulteriori macchine compromesse nello stesso segmento e di informarne il titolare. Vi preghiamo di darci riscontro delle azioni intraprese citando il riferimento CN-2025-0788.

Le informazioni contenute in questa comunicazione sono classificate TLP:AMBER e possono essere condivise solo all'interno della vostra organizzazione e con i clienti direttamente interessati.

Cordiali saluti,
CERT-Nazionale - Unità Operazioni
""",
label=lab("incident", "it", fix="si raccomanda di isolare il sistema")))

# ---------------------------------------------------------------- 017
MAILS.append(dict(file="017-angry-customer-login-abroad.eml",
headers=H("Gary Pembridge <gary@pembridge-motors.example>", "SOMEONE IS IN MY ACCOUNT",
          "Sun, 13 Apr 2025 21:07:33 +0100", "<CAHp3mR7x@mail.pembridge-motors.example>"),
text="""I just got one of your "new login" emails saying somebody logged into my control panel from Hanoi, Vietnam at 20:41. I have never been to Vietnam. I have not logged in for weeks. Then 10 minutes later another email saying my 2 domains have a "transfer request".

Those domains are my entire business. If they get transferred I lose everything, the garage website, the booking system, the email. I tried to call your support line and it's closed on Sunday which is ridiculous for a hosting company.

Lock my account NOW and stop any transfer. Account is pembridgemotors. I want someone to call me on 07700 900123 tonight.

Gary Pembridge
Pembridge Motors
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 018
MAILS.append(dict(file="018-newsletter-vendor-html.eml",
headers=H("Scudo Digitale Newsletter <newsletter@scudodigitale.example>", "Scudo Digitale | Le vulnerabilità della settimana (n. 15/2025)",
          "Mon, 14 Apr 2025 08:00:00 +0200", "<nl-15-2025.8812@news.scudodigitale.example>",
          extra=[("List-Unsubscribe", "<https://scudodigitale.example/unsub?u=8812>")]),
html="""<html><body style="font-family:Georgia,serif">
<h2>Le vulnerabilità della settimana</h2>
<p>Ciao! Ecco il riepilogo settimanale curato dal nostro team di threat intelligence.</p>
<table cellpadding="6">
<tr><th>CVE</th><th>Prodotto</th><th>Gravità</th></tr>
<tr><td>CVE-2025-24813</td><td>Apache Tomcat</td><td>Critica</td></tr>
<tr><td>CVE-2025-1974</td><td>ingress-nginx</td><td>Critica</td></tr>
<tr><td>CVE-2025-29927</td><td>Next.js middleware</td><td>Alta</td></tr>
</table>
<p>Vuoi sapere se la tua azienda è esposta? Prenota una call gratuita con i nostri consulenti: <a href="https://scudodigitale.example/call">scudodigitale.example/call</a></p>
<p style="font-size:11px;color:#777">Ricevi questa email perché ti sei iscritto alla newsletter di Scudo Digitale. <a href="https://scudodigitale.example/unsub?u=8812">Disiscriviti</a></p>
</body></html>
""",
label=lab("unknown", "it", cves=["CVE-2025-1974", "CVE-2025-24813", "CVE-2025-29927"])))

# ---------------------------------------------------------------- 019
MAILS.append(dict(file="019-pgp-ssrf-image-resize.eml",
headers=H("Noor Haddad <noor@haddad-research.example>", "SSRF in img.example.test resize endpoint",
          "Tue, 15 Apr 2025 13:55:12 +0000", "<87o7wq3x1v.fsf@haddad-research.example>"),
text="""-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

Hi,

The image resize endpoint https://img.example.test/r?w=200&src=<url>
fetches arbitrary URLs server-side, including link-local addresses.

  src=http://169.254.169.254/latest/meta-data/iam/security-credentials/

returns the instance role name, and a second request returns temporary
credentials (I stopped at the role name and did not request the keys).

CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:N

Suggested fix: resolve the host first and block 169.254.169.254 and
RFC1918 ranges in the fetcher, and move the instances to IMDSv2 with a
hop limit of 1.

Please confirm receipt. I follow a 90 day disclosure policy.

Noor Haddad
-----BEGIN PGP SIGNATURE-----

iHUEARYIAB0WIQTk7c9YQm0v3sJq3bF2yX1o5vZ8qAUCZ/5cQAAKCRB2yX1o5vZ8
qJq1AQD0mEw1c3NwcmVzZW50YXRpdmVvbmx5bm90YXJlYWxzaWduYXR1cmUAAA==
=Xq9R
-----END PGP SIGNATURE-----
""",
label=lab("vulnerability", "en", vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:N", score=8.6,
          fix="block 169.254.169.254")))

# ---------------------------------------------------------------- 020
MAILS.append(dict(file="020-universita-axfr-rambling.eml",
headers=H("Prof. Alberto Mancuso <alberto.mancuso@dipinfo.uni-collina.example>", "trasferimento di zona sui vostri DNS",
          "Wed, 16 Apr 2025 18:20:44 +0200", "<d41e0c7a-5b2e@dipinfo.uni-collina.example>"),
text="""Gentili,

scrivo a titolo personale ma dal mio indirizzo del dipartimento perché è quello che uso sempre. Con gli studenti del corso di Reti di calcolatori quest'anno facciamo un'esercitazione sul DNS e chiedo sempre di provare i comandi su domini "veri" ma innocui, e uno dei gruppi ha scelto un dominio che sta su di voi, un piccolo agriturismo mi pare, e nel fare le prove con dig hanno scoperto che il vostro secondo nameserver, ns2.example.test, risponde alle richieste AXFR da qualunque indirizzo e restituisce l'intera zona, con tutti i record, anche quelli che evidentemente non dovrebbero essere pubblici tipo nomi di host interni e di ambienti di test; ho verificato io stesso su altri due domini presi a caso dalla vostra lista clienti pubblica e succede lo stesso, mentre ns1 correttamente rifiuta. Immagino sia una configurazione dimenticata dopo qualche migrazione: di solito basta limitare allow-transfer ai soli secondari autorizzati e il problema si chiude. Come punteggio direi un 7,5 visto che non serve nessuna autenticazione, anche se l'impatto reale dipende molto da cosa c'è nelle zone. Gli studenti non hanno conservato i dati e ho chiesto di cancellare gli output dai loro portatili; nella relazione finale il vostro nome non comparirà.

Resto a disposizione, anche per un caffè se passate da queste parti.

Cordiali saluti
Alberto Mancuso
Dipartimento di Informatica - Università della Collina
""",
label=lab("vulnerability", "it", reported=7.5, fix="limitare allow-transfer ai soli")))

# ---------------------------------------------------------------- 021
MAILS.append(dict(file="021-journalist-leaked-database.eml",
headers=H("Hannah Lowry <hannah.lowry@thedailybyte.example>", "Press enquiry: customer database on a forum",
          "Thu, 17 Apr 2025 11:02:09 +0100", "<CAB9r0-Qz1@mail.thedailybyte.example>"),
text="""Hello,

I'm a reporter at The Daily Byte covering cybersecurity. Yesterday a user on a well-known data-trading forum posted what they say is a customer table from Example Hosting: around 212,000 rows with names, email addresses, phone numbers, hashed passwords and the name of the hosting plan. The post is dated 15 April and the sample of 50 rows I have seen includes a few people I was able to contact, and two of them confirmed they are your customers and that the details are correct.

I'm planning to publish on Monday. Could you tell me:

1. Whether you are aware of the post and have confirmed a breach
2. When the data was taken and how
3. Whether you will be notifying customers and the data protection authority

I'm happy to share the forum post link and the sample privately with your security team.

Best,
Hannah Lowry
Senior Reporter, The Daily Byte
+44 20 7946 0000
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 022
MAILS.append(dict(file="022-commercialista-vps-cifrata.eml",
headers=H("Studio Benedetti <segreteria@studiobenedetti.example>", "VPS con i file criptati - ransomware?",
          "Fri, 18 Apr 2025 08:47:26 +0200", "<002d01dbb022$4f1a9e30@studiobenedetti.example>"),
charset="cp1252", cte="8bit",
text="""Buongiorno,

sono Franco Benedetti, dello Studio Benedetti commercialisti associati. Abbiamo da voi la VPS "Pro 4" dove gira il gestionale dello studio che usiamo anche da remoto con il desktop remoto.

Questa mattina nessuno riusciva ad aprire le pratiche, il nostro tecnico (esterno, viene il martedì) mi ha detto al telefono che tutti i file hanno l'estensione ".lockbit3" e che c'è un file di testo che chiede un riscatto in bitcoin. Ci ha detto che l'accesso dal desktop remoto aveva la porta aperta a tutti e forse la password dell'utente "studio" era troppo semplice.

Per fortuna abbiamo ripristinato dal backup di mercoledì sera che fate voi, abbiamo perso solo un giorno di lavoro, e il tecnico ha chiuso la porta del desktop remoto e adesso si entra solo con la VPN. Però ci sono i dati fiscali di circa 400 clienti e non so se li hanno anche copiati. Dobbiamo fare qualcosa con il Garante? Voi avete i log per capire se hanno scaricato i dati?

Ai nostri clienti pensavamo di scrivere che "a causa di un attacco informatico alcuni servizi sono stati sospesi per un giorno, ma non risultano al momento dati sottratti". Va bene così secondo voi?

Cordiali saluti
Dott. Franco Benedetti
""",
label=lab("incident", "it", fix="abbiamo ripristinato dal backup",
          cust="non risultano al momento dati sottratti")))

# ---------------------------------------------------------------- 023
MAILS.append(dict(file="023-subdomain-takeover-broken-english.eml",
headers=H("Farhan Qureshi <farhan.q.bugs@inboxly.example>", "Critical !! Subdomain takeover on status.example.test",
          "Sat, 19 Apr 2025 04:40:18 +0500", "<CAOq5fZ8@mail.inboxly.example>"),
text="""Dear Security Team,

I am security researcher and I found subdomain takeover in your domain.

status.example.test have CNAME to examplehosting.statuspage-cloud.example but this page is not claimed anymore, it show "There is no status page here". I was able to claim it with my free account and now I can put any content on status.example.test . For proof I put one html page with my name only, nothing bad: https://status.example.test/poc-farhan.html

Impact: attacker can make phishing page, steal cookies that are set for *.example.test, make fake status for your customers.

Severity I think Critical, CVSS 8.2.

Please fix it as soon as possible and let me know about reward. I will remove my page when you tell me.

Regards,
Farhan Qureshi
""",
label=lab("vulnerability", "en", reported=8.2)))

# ---------------------------------------------------------------- 024
MAILS.append(dict(file="024-thread-token-nei-log-non-fatto.eml",
headers=H("Luca Ferrario <luca.ferrario@ferrario-logistica.example>", "Re: token API nei log di VaultBackup",
          "Tue, 22 Apr 2025 17:15:40 +0200", "<CAMx7Lf2kP@mail.ferrario-logistica.example>",
          extra=[("In-Reply-To", "<CAMx7Lf1aQ@mail.ferrario-logistica.example>")]),
text="""Ciao, rispondo a me stesso e metto in copia voi perché il mio collega mi dice che la cosa va segnalata a voi e non al supporto normale.

In pratica: l'agent di VaultBackup 2.7 per Windows scrive nel log C:\\ProgramData\\VaultBackup\\logs\\agent.log l'header Authorization completo a ogni chiamata verso api.example.test, quindi chiunque abbia accesso in lettura a quella cartella (e di default ce l'hanno tutti gli utenti della macchina) si prende il token dell'account di backup e può scaricarsi o cancellare i backup di tutta l'azienda. Io gli darei un score: 5.3 (medium) più o meno, ma dipende da chi ha accesso ai PC.

Nel changelog della 2.8 beta avete scritto "token masking", ma l'ho installata su un PC di prova e il token è ancora lì in chiaro, quindi la correzione di fatto non c'è ancora. Noi per ora non abbiamo ancora cambiato nulla perché non so se rigenerare il token rompe i job pianificati.

Luca

Il giorno lun 21 apr 2025 alle ore 09:02 Luca Ferrario <luca.ferrario@ferrario-logistica.example> ha scritto:
> Nota per me: controllare agent.log di VaultBackup, dentro c'è il Bearer in chiaro.
> Chiedere a Paolo se è normale.
""",
label=lab("vulnerability", "it", reported=5.3)))

# ---------------------------------------------------------------- 025
MAILS.append(dict(file="025-thanks-hall-of-fame.eml",
headers=H("Priya Raman <priya.raman@sec-notes.example>", "Re: [SEC-3307] Resolved - thank you",
          "Wed, 23 Apr 2025 09:30:02 +0000", "<e7c1a94d-pr@sec-notes.example>",
          extra=[("In-Reply-To", "<sec-3307-resolved@example.test>")]),
text="""Hi all,

Just a quick note to say thanks for the smooth handling and for adding me to the hall of fame page. The t-shirt arrived yesterday too, my cat has already claimed it.

Looking forward to working with you again.

Cheers,
Priya

On 17 Apr 2025, at 15:48, Example Hosting Security <security@example.test> wrote:

> Hi Priya,
> The issue you reported has been resolved in production and we have
> added your name to https://example.test/security/thanks. Thank you!
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 026
MAILS.append(dict(file="026-abuse-desk-scansioni.eml",
headers=H("Abuse Desk RetiVeloci <abuse@retiveloci.example>", "[Abuse #R-558120] Scansioni SSH dalla vostra rete verso i nostri clienti",
          "Thu, 24 Apr 2025 14:02:57 +0200", "<R-558120.abuse@retiveloci.example>",
          to="abuse@example.test, security@example.test"),
text="""Buongiorno,

vi segnaliamo che l'indirizzo 203.0.113.140, appartenente alla vostra rete, sta effettuando da ieri sera scansioni massive sulla porta 22 verso l'intero blocco 192.0.2.0/24 assegnato a nostri clienti, seguite da tentativi di login con dizionario.

Estratto log (orari CEST):

2025-04-23 23:11:04 203.0.113.140:51022 -> 192.0.2.14:22 SYN
2025-04-23 23:11:04 203.0.113.140:51024 -> 192.0.2.15:22 SYN
2025-04-23 23:14:38 sshd: Failed password for root from 203.0.113.140 port 40122
2025-04-24 13:40:12 sshd: Failed password for ubuntu from 203.0.113.140 port 58810

Abbiamo già messo l'indirizzo in blocklist sul nostro perimetro, ma vi chiediamo di intervenire sul sistema di origine, che riteniamo compromesso.

Saluti,
Abuse Desk RetiVeloci S.p.A.
""",
label=lab("incident", "it", fix="messo l'indirizzo in blocklist")))

# ---------------------------------------------------------------- 027
MAILS.append(dict(file="027-scanner-weak-tls.eml",
headers=H("Perimetrix Scanner <no-reply@scan.perimetrix.example>", "[Perimetrix] 1 new finding on mail.example.test (Low)",
          "Fri, 25 Apr 2025 03:00:14 +0000", "<finding-99f0a2e1@scan.perimetrix.example>"),
text="""Perimetrix External Attack Surface Monitoring
=============================================

Scan ID: PX-7741-2025-04-25
Asset: mail.example.test:465
Finding: TLS 1.0 / TLS 1.1 enabled; CBC ciphers offered
Severity: Low
CVSS vector: CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N
First detected: 2025-04-25 02:41 UTC
Evidence: ServerHello TLSv1.0 TLS_RSA_WITH_AES_128_CBC_SHA

Recommendation: Disable TLS 1.0 and TLS 1.1 on the SMTPS listener and remove CBC-mode suites from the cipher list.

You are receiving this because example.test is enrolled in the Perimetrix free tier.
Manage notifications: https://perimetrix.example/settings
""",
label=lab("vulnerability", "en", vector="CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N", score=3.7,
          fix="Disable TLS 1.0 and TLS 1.1")))

# ---------------------------------------------------------------- 028
MAILS.append(dict(file="028-ricercatore-setext-cvss4.eml",
headers=H("Davide Orsenigo <davide@orsenigo-sec.example>", "HostDeck: RCE autenticata tramite import cron (CVE-2025-31250)",
          "Mon, 28 Apr 2025 10:10:10 +0200", "<3c6f09e2-do@orsenigo-sec.example>"),
text="""Esecuzione di comandi tramite "Importa cron"
===========================================

Buongiorno, segnalo una vulnerabilità nel pannello HostDeck 4.2.0 a cui è stato assegnato CVE-2025-31250.

Descrizione
-----------

La funzione "Importa cron da file" accetta un file crontab e lo valida solo lato client. Lato server il contenuto viene passato a una shell come utente root prima di essere scritto nella crontab dell'utente. Un cliente con un account base può quindi eseguire comandi come root sul nodo condiviso.

Punteggio
---------

CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N

Riproduzione
------------

1. Accedere al pannello con un account base
2. Strumenti > Cron > Importa
3. Caricare un file con la riga: * * * * * id; $(touch /tmp/pwned_by_do)
4. Verificare la presenza di /tmp/pwned_by_do di proprietà di root

Avviso clienti
--------------

Se serve un testo per i clienti, proporrei: "Abbiamo corretto una vulnerabilità del pannello che poteva permettere ad altri utenti dello stesso server di accedere ai vostri dati. Non ci sono evidenze di sfruttamento."

Davide Orsenigo
""",
html="""<html><body>
<h2>Esecuzione di comandi tramite "Importa cron"</h2>
<p>Buongiorno, segnalo una vulnerabilità nel pannello HostDeck 4.2.0 a cui è stato assegnato CVE-2025-31250.</p>
<h3>Descrizione</h3>
<p>La funzione "Importa cron da file" accetta un file crontab e lo valida solo lato client. Lato server il contenuto viene passato a una shell come utente root prima di essere scritto nella crontab dell'utente. Un cliente con un account base può quindi eseguire comandi come root sul nodo condiviso.</p>
<h3>Punteggio</h3>
<p><code>CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</code></p>
<h3>Riproduzione</h3>
<ol>
<li>Accedere al pannello con un account base</li>
<li>Strumenti &gt; Cron &gt; Importa</li>
<li>Caricare un file con la riga: <code>* * * * * id; $(touch /tmp/pwned_by_do)</code></li>
<li>Verificare la presenza di /tmp/pwned_by_do di proprietà di root</li>
</ol>
<h3>Avviso clienti</h3>
<p>Se serve un testo per i clienti, proporrei: "Abbiamo corretto una vulnerabilità del pannello che poteva permettere ad altri utenti dello stesso server di accedere ai vostri dati. Non ci sono evidenze di sfruttamento."</p>
<p>Davide Orsenigo</p>
</body></html>
""",
label=lab("vulnerability", "it", cves=["CVE-2025-31250"], vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score=8.7,
          cust="Non ci sono evidenze di sfruttamento")))

# ---------------------------------------------------------------- 029
MAILS.append(dict(file="029-reseller-triple-forward-ftp.eml",
headers=H("Owen Barraclough <owen@barraclough-web.example>", "Fwd: Fwd: Fw: weird files on the FTP",
          "Tue, 29 Apr 2025 15:36:50 +0100", "<CAE4bw9d@mail.barraclough-web.example>"),
text="""Security team - see below, looks like real compromise to me. Customer is one of our reseller accounts.

Owen
Barraclough Web (reseller #R-2201)

---------- Forwarded message ---------
From: Kelly Tan <kelly@tanandco-design.example>
Date: Tue, 29 Apr 2025 at 13:10
Subject: Fwd: Fw: weird files on the FTP
To: Owen Barraclough <owen@barraclough-web.example>

Owen, can you pass this to the hosting people? My client forwarded it to me, I have no idea what it means.

Kelly

---------- Forwarded message ---------
From: Martin Osei <martin@oseiopticians.example>
Date: Tue, 29 Apr 2025 at 11:52
Subject: Fw: weird files on the FTP
To: Kelly Tan <kelly@tanandco-design.example>

Hi Kelly, our IT guy sent me this, is it something you did?

________________________________
From: Ravi (IT support) <ravi@oseiopticians.example>
Sent: 29 April 2025 10:30
To: Martin Osei <martin@oseiopticians.example>
Subject: weird files on the FTP

Martin,
The FTP log on the website shows logins with our FTP user from 3 IP addresses in Romania and Brazil over the weekend, and there are new PHP files (shell.php, x.php) in the images folder. The FTP password is the one written in the shared spreadsheet from 2019. Someone has the password. Can you ask the web designer or the hosting to look at it?

Ravi
""",
label=lab("incident", "en")))

# ---------------------------------------------------------------- 030
MAILS.append(dict(file="030-domanda-regresshion.eml",
headers=H("Nicola Bertazzo <n.bertazzo@mobilificio-bertazzo.example>", "domanda veloce su regreSSHion",
          "Tue, 02 Jul 2024 09:14:03 +0200", "<CAPn8bz1x@mail.mobilificio-bertazzo.example>"),
text="""Ciao,

domanda veloce: avete già visto la CVE-2024-6387 di OpenSSH? Noi abbiamo da voi due VPS gestite e una dedicata non gestita. Sulla dedicata ci penso io, ma per le gestite siete voi che fate gli aggiornamenti giusto? Mi confermate se sono vulnerabili e quando le patchate?

Lo chiedo perché il nostro consulente della 231 mi sta già chiedendo un'email "ufficiale" da mettere agli atti, quindi se mi rispondete con due righe formali mi fate un favore.

Grazie
Nicola
Sistemi informativi - Mobilificio Bertazzo
""",
label=lab("unknown", "it", cves=["CVE-2024-6387"])))

# ---------------------------------------------------------------- 031
MAILS.append(dict(file="031-owner-sees-other-invoices.eml",
headers=H("Bev Amadi <bev@amadiflorals.example>", "Something odd with my invoices page",
          "Wed, 30 Apr 2025 20:55:31 +0100", "<4F2A1C7E-88B3-4D1E-9A0C-amadi@amadiflorals.example>"),
text="""Hello,

I hope this is the right place, the support chat said to email this address. I run a small florist shop and have had my website and email with you for about three years now, generally very happy, although the renewal price went up quite a bit this year which I wasn't thrilled about but that's not why I'm writing. This evening I was trying to download my invoices for my accountant because the tax year paperwork is due and your invoices page only shows the last twelve months, so I was fiddling around with the address in the browser bar, the bit that ends with invoice=58123, to see if I could get the older ones by changing the number, and when I changed it to a different number I got an invoice for a company I've never heard of, a plumbing firm in Leeds, with their address and what they pay you and their phone number, and when I tried a couple of other numbers I got other people's invoices as well, so it looks like anyone logged in can see anyone else's invoices just by changing that number. I closed it straight away and haven't looked at any more, I felt a bit like I'd opened someone else's post, and if I were you I'd let people know their invoices might have been seen by other customers, because I'd want to know. Anyway I still need my old invoices from 2023 if there is a way to get them, my accountant is chasing me.

Kind regards,
Bev Amadi
Amadi Florals

Sent from my iPad
""",
label=lab("vulnerability", "en", cust="invoices might have been seen")))

# ---------------------------------------------------------------- 032
MAILS.append(dict(file="032-pec-comune-defacement.eml",
headers=H("Comune di Montelaghetto <comune.montelaghetto@pec.montelaghetto.example>",
          "POSTA CERTIFICATA: Segnalazione alterazione del sito istituzionale www.comune.montelaghetto.example",
          "Fri, 02 May 2025 08:31:12 +0200", "<opec210.20250502083112.77410@pec.montelaghetto.example>"),
charset="cp1252", cte="8bit",
text="""Spett.le Example Hosting S.r.l.
c.a. Responsabile della sicurezza

Oggetto: segnalazione di alterazione non autorizzata del sito istituzionale dell'Ente

Con la presente si comunica che in data odierna, alle ore 07:50 circa, il personale dell'Ufficio Segreteria ha rilevato che la home page del sito istituzionale www.comune.montelaghetto.example, ospitato presso i Vostri sistemi in forza del contratto in essere, risultava sostituita da una pagina recante immagini e scritte di matrice politica estranee all'Ente, firmata da un sedicente gruppo "Anonymous Legion IT".

Si chiede pertanto di:
a) procedere con la massima urgenza al ripristino della versione corretta del sito;
b) conservare i log di accesso e ogni altro elemento utile ai fini della successiva denuncia all'Autorità giudiziaria;
c) fornire a questo Ente, entro 72 ore, una relazione sull'accaduto, anche ai fini delle valutazioni in materia di protezione dei dati personali.

Si precisa che sul sito è pubblicata la sezione Amministrazione Trasparente e l'Albo pretorio online.

Distinti saluti.

Il Segretario Comunale
Dott.ssa Ornella Brambati

---
Il presente messaggio e gli eventuali allegati sono destinati esclusivamente al destinatario indicato e possono contenere informazioni riservate. Qualora il messaggio Vi fosse pervenuto per errore, siete pregati di darne immediata notizia al mittente e di cancellarlo, astenendoVi dal farne qualsiasi uso.
""",
label=lab("incident", "it", fix="ripristino della versione corretta")))

# ---------------------------------------------------------------- 033
MAILS.append(dict(file="033-csrf-dns-both-vectors.eml",
headers=H("ghostline <ghostline@hunters.example>", "CSRF on DNS record editor (panel.example.test)",
          "Sat, 03 May 2025 12:12:12 +0000", "<20250503121212.ghostline@hunters.example>"),
text="""Summary: POST /dns/records/save on panel.example.test has no CSRF token and the session cookie is SameSite=None. A logged-in victim visiting an attacker page gets an MX/A record of the attacker's choosing added to their zone.

CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N
CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N

PoC:
<form action="https://panel.example.test/dns/records/save" method="POST">
<input name="zone" value="victim.example"><input name="type" value="MX">
<input name="value" value="10 mx.attacker.example">
</form><script>document.forms[0].submit()</script>

Fix: add a per-session CSRF token and set SameSite=Strict on the panel session cookie.

-- ghostline
""",
label=lab("vulnerability", "en", vector="CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N", score=6.9,
          fix="set SameSite=Strict")))

# ---------------------------------------------------------------- 034
MAILS.append(dict(file="034-sqli-template-ecommerce-iphone.eml",
headers=H("Alessio Marchetti <alessio.marchetti@gmail-like.example>", "sql injection nel template Negozio Facile",
          "Sun, 04 May 2025 22:40:05 +0200", "<E1F2A3B4-9C8D-4E7F-A1B2-am@gmail-like.example>"),
text="""Ciao, vi scrivo dal telefono quindi scusate la brevità.

Il template e-commerce "Negozio Facile" che offrite nel site builder ha una SQL injection nel parametro q della ricerca prodotti (/shop/search?q=). Con una time-based blind si tira fuori la tabella ordini, incluse email e indirizzi dei clienti finali. L'ho verificato sul mio shop di test, il payload classico con SLEEP(5) risponde dopo 5 secondi esatti.

Siccome il template è lo stesso per tutti i negozi, penso siano vulnerabili tutti. Io direi 8.6 come severity, unauthenticated e impatto sui dati.

Se volete vi mando la request completa da Burp.

Alessio

Inviato da iPhone
""",
label=lab("vulnerability", "it", reported=8.6)))

# ---------------------------------------------------------------- 035
MAILS.append(dict(file="035-french-customer-password-cleartext.eml",
headers=H("Sébastien Leclerc <s.leclerc@atelier-leclerc.example>", "password send in clear in the email ?",
          "Tue, 06 May 2025 10:18:47 +0200", "<000001dbbe5a$11c2d4f0$3548be70@atelier-leclerc.example>"),
text="""Good morning,

I have a question, or maybe it is a problem, I am not sure. I forget my password of the customer area and I use the "forgot password" button. I receive an email from you and inside the email there is my OLD password, written in clear, not a link to make a new one. So I think you keep the passwords not encrypted in your database? In France we say this is not very serious for a company of security of websites :-)

Also the email is sent to my address at a other provider so my password travels in the internet in clear. For me it is a big risk, if one person read my email he can enter in my hosting and my domains.

I did not change anything yet. What do you recommend? I think also you must write to all the customers a message like "please change your password because it was stored not encrypted", it is more honest.

Cordialement,
Sébastien Leclerc
Atelier Leclerc - Ébénisterie
""",
label=lab("vulnerability", "en", cust="please change your password because")))

# ---------------------------------------------------------------- 036
MAILS.append(dict(file="036-rivenditore-sollecito-quota-ack.eml",
headers=H("Valentina Esposito <v.esposito@partenopeweb.example>", "R: [SEC-3402] Presa in carico: CVE-2025-22457 sui vostri VPN gateway",
          "Wed, 07 May 2025 16:44:21 +0200", "<DB8PR05MB6620.ve@partenopeweb.example>",
          extra=[("In-Reply-To", "<sec-3402-ack@example.test>")]),
text="""Buonasera,

vi riscrivo perché i miei clienti mi stanno chiedendo aggiornamenti tutti i giorni e io non so cosa rispondere. Potete darmi almeno una data indicativa o dirmi se la verifica è conclusa? Mi basta anche un "non siete impattati".

Grazie,
Valentina Esposito
PartenopeWeb - rivenditore autorizzato

-----Messaggio originale-----
Da: Example Hosting Security <security@example.test>
Inviato: lunedì 28 aprile 2025 10:05
A: Valentina Esposito <v.esposito@partenopeweb.example>
Oggetto: [SEC-3402] Presa in carico: CVE-2025-22457 sui vostri VPN gateway

Gentile Valentina,

abbiamo ricevuto la sua richiesta relativa a CVE-2025-22457 e la stiamo verificando con il team infrastruttura. La ricontatteremo appena avremo un esito.

Cordiali saluti,
Team Sicurezza Example Hosting
""",
label=lab("unknown", "it", cves=["CVE-2025-22457"])))

# ---------------------------------------------------------------- 037
MAILS.append(dict(file="037-prospect-asks-pentest-report.eml",
headers=H("Rebecca Sollis <rebecca.sollis@northgate-legal.example>", "Security documentation request - vendor onboarding",
          "Thu, 08 May 2025 13:27:00 +0100", "<LO2P265MB4410.rs@northgate-legal.example>"),
text="""Dear Example Hosting,

Northgate Legal LLP is evaluating your Managed Business Hosting plan for our client portal. As part of our vendor onboarding, our information security committee requires the following before we can sign:

  1. Your most recent independent penetration test summary (last 12 months)
  2. ISO 27001 certificate and statement of applicability, or a SOC 2 Type II report
  3. Your completed copy of our vendor security questionnaire (attached, 64 questions)
  4. Data processing agreement and list of sub-processors

We are happy to sign an NDA for items 1 and 2. Our target decision date is 30 May.

Kind regards,
Rebecca Sollis
IT Risk & Compliance Manager
Northgate Legal LLP

This email and any attachments are confidential and may be legally privileged. If you are not the intended recipient, please notify the sender and delete it. Northgate Legal LLP is a limited liability partnership registered in England and Wales.
""",
label=lab("unknown", "en")))

# ---------------------------------------------------------------- 038
MAILS.append(dict(file="038-chiave-api-dns-su-github.eml",
headers=H("Ivo Carraro <ivo@carraro-impianti.example>", "chiave API DNS finita su GitHub, record modificati",
          "Fri, 09 May 2025 19:05:38 +0200", "<a0b1c2d3-ic@carraro-impianti.example>"),
charset="iso-8859-1", cte="quoted-printable",
text="""Ciao,

vi scrivo per trasparenza e perché magari a voi servono i log. Siamo una PMI di impianti elettrici, l'IT qui sono io più un ragazzo in stage. Martedì lo stagista ha pushato su un repo GitHub pubblico uno script di automazione con dentro in chiaro la nostra chiave della vostra API DNS (quella con permessi di scrittura, ovviamente...). Ce ne siamo accorti oggi perché le mail non arrivavano più: qualcuno ha cambiato l'MX di carraro-impianti.example e ha aggiunto un sottodominio "fatture" che punta a un IP che non conosciamo.

Abbiamo già revocato la chiave dal pannello, rimesso a posto l'MX e cancellato il sottodominio, e il repo adesso è privato. Quello che non so è da quanto tempo sono dentro e se hanno fatto altro con la chiave (tipo creare altre chiavi o toccare altri domini del nostro account). Potete mandarmi il log delle chiamate API dell'account dal 6 maggio in poi?

Grazie, e sì, lo stagista ha già ricevuto la lezione sui secret nel codice.

Ivo Carraro
Carraro Impianti srl
""",
label=lab("incident", "it", fix="Abbiamo già revocato la chiave")))

# ---------------------------------------------------------------- 039
MAILS.append(dict(file="039-university-open-relay-html.eml",
headers=H("Dr. Helen Marsh <h.marsh@cs.uni-fenwick.example>", "Open relay on smtp-shared03.example.test",
          "Mon, 12 May 2025 09:45:20 +0100", "<d3b2f1e0-hm@cs.uni-fenwick.example>"),
html="""<html><body style="font-family:Calibri,sans-serif">
<p>Dear Security Team,</p>
<p>During a routine teaching lab on mail server configuration, one of our student groups noticed that one of your shared SMTP nodes accepts mail for arbitrary external recipients from any sender without authentication. I verified it myself this morning with a single test message to my own university mailbox. Summary below.</p>
<table border="1" cellpadding="5" cellspacing="0">
<tr><th>Item</th><th>Detail</th></tr>
<tr><td>Host</td><td>smtp-shared03.example.test (port 25)</td></tr>
<tr><td>Issue</td><td>Unauthenticated relay to external domains</td></tr>
<tr><td>CVSS</td><td>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N</td></tr>
<tr><td>Observed</td><td>12 May 2025, 08:52 BST, one test message only</td></tr>
<tr><td>Suggested mitigation</td><td>Restrict relaying to authenticated users and your own networks</td></tr>
</table>
<p>The other shared nodes we looked at (01, 02, 04) correctly refuse relaying, so this looks like a single misconfigured host.</p>
<p>Best regards,<br>Dr Helen Marsh<br>School of Computing, University of Fenwick</p>
</body></html>
""",
label=lab("vulnerability", "en", vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", score=5.3,
          fix="Restrict relaying to authenticated users")))

# ---------------------------------------------------------------- 040
MAILS.append(dict(file="040-risposta-interlineata-webmail-phishing.eml",
headers=H("Roberto Galli <r.galli@galli-trasporti.example>", "Re: [SEC-3417] caselle che inviano phishing",
          "Wed, 14 May 2025 11:20:09 +0200", "<7b9a2e51-rg@galli-trasporti.example>",
          extra=[("In-Reply-To", "<sec-3417-q1@example.test>")]),
text="""Il 13/05/2025 18:02, Example Hosting Security ha scritto:
> Buongiorno Roberto, per procedere ci servono alcune informazioni.
> 1) Quante caselle risultano coinvolte?

Tre: logistica@, preventivi@ e la mia. Da tutte e tre tra domenica e lunedì sono partite circa 2.000 mail con un finto link di DocuSign verso i nostri contatti in rubrica.

> 2) Gli utenti hanno inserito le credenziali su qualche pagina esterna?

Sì, almeno uno (preventivi@) ha ammesso di aver inserito la password su una pagina "Office" la settimana scorsa. Le password poi erano le stesse tra le caselle, lo so, lo so.

> 3) Avete già preso provvedimenti?

Abbiamo cambiato le password di tutte e tre le caselle ieri sera e attivato la verifica in due passaggi dove il vostro webmail lo permette.

> 4) Desiderate che prepariamo una comunicazione per i vostri contatti?

Sì grazie. Io ai clienti scriverei che "nei giorni 11 e 12 maggio dalle nostre caselle sono partite email non autorizzate con un link a un documento: non apritelo e cancellatelo". Se volete correggerlo fate pure.

Roberto Galli
Galli Trasporti srl
""",
label=lab("incident", "it", fix="attivato la verifica in due passaggi",
          cust="non apritelo e cancellatelo")))
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
