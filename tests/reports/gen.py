# Generator for the secdesk labelled corpus. Labels follow from chosen components.
import random, json, os, base64, re
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.mime.multipart import MIMEMultipart
from email.utils import format_datetime, make_msgid
from email import charset as _cs
import datetime
from cvss import CVSS3, CVSS4
R=random.Random(20261207)
V3=[l.strip() for l in open('/work/shared/corpus/cvss_vectors/generated_valid.txt') if l.startswith('CVSS:3')]
BASE=[v for v in V3 if v.count('/')==8]; EXT=[v for v in V3 if v.count('/')>8]
V31=[v for v in BASE if v.startswith('CVSS:3.1')]; V30=[v for v in BASE if v.startswith('CVSS:3.0')]
V31x=[v for v in EXT if v.startswith('CVSS:3.1')]
V4=['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N','CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N',
 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N','CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
 'CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H','CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:P/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N',
 'CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N','CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N']
def score(v):
    return CVSS4(v).base_score if v.startswith('CVSS:4') else float(CVSS3(v).scores()[0])
def cve():
    return 'CVE-%d-%d'%(R.choice([2021,2022,2023,2024,2025,2026]),R.randint(1000,59999))

# ---- pools, split dev/held ----
P={'dev':dict(
 products=[('ShopApp','4.2.0','4.2.1'),('Helpdesk Pro','7.3','7.4.2'),('CloudVault Gateway','2.4.8','2.4.9'),('InvoiceHub','3.0.5','3.1'),('MailRelay','1.9.2','1.9.3'),('Portale Clienti','5.1','5.1.4'),('Gestionale Fatture','12.0','12.0.3'),('SmartBadge','0.9.7','0.9.8'),('RouterOS-X','6.2','6.2.5'),('DataSync Agent','8.1.0','8.1.1')],
 people_en=[('Alice Moreno','alice.moreno@fastmail.test','independent researcher'),('Jonas Krieger','jk@bughunters.test','bug bounty hunter'),('Priya Natarajan','priya@acme-corp.test','IT administrator, Acme Corp'),('Tom Becker','tbecker@example.test','Platform team'),('Dmitri Volkov','d.volkov@mail.test','security enthusiast'),('PSIRT Team','psirt@vendorx.test','VendorX Product Security'),('CERT-EU Duty Officer','duty@cert-eu.test','CERT'),('Sam','sam@oneline.test','')],
 people_it=[('Marco Bianchi','marco.bianchi@libero.test','ricercatore indipendente'),('Giulia Rossi','g.rossi@studiorossi.test','amministratrice IT, Studio Rossi'),('Luca Ferri','luca.ferri@example.test','team infrastruttura'),('CSIRT Italia','segnalazioni@csirt.test','CSIRT'),('Paolo Greco','pgreco@bugbounty.test','bug hunter'),('Francesca Conti','f.conti@comune-x.test','responsabile sistemi informativi')],
),'held':dict(
 products=[('TicketFlow','2.2','2.2.7'),('Orbit CRM','11.4','11.5'),('PayLink SDK','0.18.3','0.18.4'),('NetCam 300','fw 3.1.0','fw 3.1.2'),('Archivio Documentale','4.0','4.0.9'),('PrenotaFacile','1.3','1.3.2'),('EdgeProxy','9.0.1','9.0.4'),('Wiki Interna','2.7','2.8')],
 people_en=[('Hiroshi Tanaka','htanaka@kyoto-sec.test','pentester'),('Rachel Okafor','rokafor@northwind.test','Systems admin, Northwind'),('bb-report bot','reports@hackerplatform.test','bug bounty platform'),('Emil Nowak','emil@nowak.test','student'),('NCSC Notification','notify@ncsc.test','national CERT'),('Kevin','kev@internal.example.test','colleague, SRE')],
 people_it=[('Stefano Marini','s.marini@tiscali.test','consulente sicurezza'),('Chiara Lombardi','chiara.l@farmacia-lombardi.test','titolare (cliente)'),('Andrea Galli','andrea.galli@example.test','SOC interno'),('CERT Regionale','cert@regione.test','CERT regionale'),('Davide Russo','drusso@gmail.test','studente')],
)}
VULN={'en':[('stored XSS','a stored cross-site scripting flaw in the comment field of {p} {v}: the payload is rendered unescaped in the admin dashboard, so an attacker could hijack an admin session'),
 ('SQL injection','the search parameter of {p} {v} is concatenated into a SQL query; with a crafted value an attacker can read the whole users table'),
 ('SSRF','the webhook URL feature in {p} {v} fetches any URL server-side, including http://169.254.169.254/, which could be abused to reach internal services'),
 ('path traversal','the download endpoint of {p} {v} accepts ../ sequences in the file parameter and returns arbitrary files such as /etc/passwd'),
 ('auth bypass','{p} {v} accepts an expired session token if the X-Forwarded-User header is set, which could let anyone impersonate another user'),
 ('IDOR','invoices in {p} {v} are served by numeric id without an ownership check, so any logged-in customer could download other customers invoices'),
 ('RCE','an unauthenticated deserialization bug in the import API of {p} {v} can be exploited to run commands on the server'),
 ('XXE','the XML upload in {p} {v} resolves external entities, which could be used to read local files')],
 'it':[('XSS memorizzato','un XSS memorizzato nel campo note di {p} {v}: il contenuto viene mostrato senza escape nella dashboard amministrativa e potrebbe permettere il furto della sessione'),
 ('SQL injection','il parametro di ricerca di {p} {v} viene concatenato nella query SQL; con un valore costruito ad arte si può leggere tutta la tabella utenti'),
 ('path traversal','l\'endpoint di download di {p} {v} accetta sequenze ../ e restituisce file arbitrari del server'),
 ('bypass autenticazione','{p} {v} accetta token di sessione scaduti se è presente l\'intestazione X-Forwarded-User, quindi è possibile impersonare un altro utente'),
 ('IDOR','le fatture in {p} {v} sono servite per id numerico senza controllo di proprietà: qualsiasi cliente autenticato può scaricare le fatture altrui'),
 ('RCE','un difetto di deserializzazione nell\'API di importazione di {p} {v} può essere sfruttato senza autenticazione per eseguire comandi sul server'),
 ('SSRF','la funzione webhook di {p} {v} scarica qualunque URL lato server, compresi indirizzi interni: potrebbe essere sfruttata per raggiungere servizi interni')]}
INC={'en':[('intrusion','we detected unauthorized access to the {p} admin console from 185.220.101.4 last night; the attacker created two new admin accounts'),
 ('leaked credentials','API keys for {p} that leaked in a public repository are being used right now from several cloud IPs to enumerate customer data'),
 ('ransomware','ransomware encrypted the file server hosting the {p} attachments this morning; a ransom note was left in every share'),
 ('phishing campaign','we are observing a phishing campaign impersonating {p}: about 300 customers received a fake password-expiry mail linking to a look-alike domain'),
 ('DDoS','a DDoS attack is in progress against the {p} login page, peaking at 40 Gbps since 14:10 UTC'),
 ('data exfiltration','our logs show that about 2 GB of customer records were exfiltrated from the {p} database to an external host over the weekend')],
 'it':[('accesso non autorizzato','abbiamo rilevato accessi non autorizzati alla console di amministrazione di {p} da un indirizzo estero; sono stati creati due nuovi utenti amministratori'),
 ('credenziali trapelate','delle credenziali di servizio di {p} finite su un forum pubblico vengono usate in questo momento per scaricare dati dei clienti'),
 ('ransomware','stamattina un ransomware ha cifrato il server che ospita gli allegati di {p}; in ogni cartella c\'è una richiesta di riscatto'),
 ('phishing','è in corso una campagna di phishing che imita {p}: molti clienti hanno ricevuto una finta mail di scadenza password'),
 ('esfiltrazione','dai log risulta che i dati sono stati esfiltrati dal database di {p} verso un server esterno durante il fine settimana'),
 ('DDoS','è in corso un attacco DDoS contro il portale di {p}, il servizio è irraggiungibile da un\'ora')]}
UNK={'en':['Does your appliance ship the xz library affected by {c}? Our auditors are asking.','Can you send us your PGP key so we can report something securely?','Do you have a bug bounty program, and what is in scope?',
 'Thank you for the quick handling of my report last month, much appreciated!','Is {p} affected by {c} (https://nvd.nist.gov/vuln/detail/{c})? Please confirm before Friday.','Monthly security newsletter: this month we cover password managers, MFA fatigue and our upcoming webinar. No action required.',
 'Could you tell me who handles security questions for {p}? I have a question about your SOC 2 report.','We are filling in a vendor questionnaire: do you encrypt backups of {p} at rest?'],
 'it':['Siete affetti dalla {c}? Il nostro fornitore ci chiede conferma.','Potete inviarmi la vostra chiave PGP per una segnalazione riservata?','Avete un programma di bug bounty? Vorrei sapere le regole.',
 'Grazie per la rapida gestione della mia segnalazione, tutto risolto.','Il prodotto {p} usa la libreria colpita da {c}? Ci serve per la due diligence.','Newsletter sicurezza di novembre: consigli su password, autenticazione a due fattori e il prossimo webinar.',
 'A chi posso rivolgermi per domande sul questionario di sicurezza per {p}?']}
# remediation: (label_en, text, hint) / prose sentences contain hint
REM_EN_LAB=['Fix','Remediation','Workaround','Suggested fix','Remediation steps','Mitigation','Recommendation','Containment','Solution']
REM_EN_TXT=[('Upgrade to {f}, which escapes the field.','upgrade to {f}'),('Apply the vendor patch {f} and restart the service.','apply the vendor patch'),
 ('Disable the import API until patched (set import.enabled=false).','import.enabled=false'),('Restrict access to /admin to the VPN range.','restrict access to /admin'),
 ('Rotate all API keys and reset the affected passwords.','rotate all api keys'),('Block 185.220.101.0/24 at the edge firewall.','block 185.220.101.0/24'),
 ('Validate the file parameter against an allow-list of names.','allow-list of names'),('Add an ownership check on the invoice lookup.','ownership check')]
REM_EN_PROSE=[('We revoked the leaked tokens and blocked the two source networks at the edge.','revoked the leaked tokens'),('Moving to {f} closes it.','moving to {f}'),
 ('As a stopgap, restrict access to /admin to the VPN.','as a stopgap, restrict access'),('I would suggest upgrading to {f}; in the meantime turning off webhooks avoids the issue.','turning off webhooks'),
 ('The quick fix is to reject any header named X-Forwarded-User at the proxy.','reject any header named'),('We have already isolated the host and reset every admin password.','reset every admin password')]
REM_IT_LAB=['Correzione','Contromisure','Soluzione temporanea','Mitigazione','Rimedio','Azioni correttive','Soluzione']
REM_IT_TXT=[('Aggiornare alla versione {f}.','aggiornare alla versione {f}'),('Disattivare il modulo di importazione fino alla patch.','disattivare il modulo di importazione'),
 ('Limitare l\'accesso a /admin alla sola VPN aziendale.','alla sola vpn aziendale'),('Ruotare tutte le chiavi API e reimpostare le password coinvolte.','ruotare tutte le chiavi api'),
 ('Bloccare la rete 45.9.148.0/24 sul firewall perimetrale.','bloccare la rete 45.9.148.0/24'),('Applicare la patch {f} e riavviare il servizio.','applicare la patch {f}')]
REM_IT_PROSE=[('Suggerirei di passare alla versione {f}; nel frattempo si può disattivare il modulo.','si può disattivare il modulo'),
 ('Abbiamo già isolato il server e cambiato tutte le password amministrative.','cambiato tutte le password'),('Per ora basta filtrare l\'intestazione X-Forwarded-User sul proxy.','filtrare l\'intestazione'),
 ('Come misura temporanea abbiamo bloccato gli indirizzi di origine sul firewall.','bloccato gli indirizzi di origine'),('Il passaggio alla {f} risolve il problema.','il passaggio alla {f}')]
NOFIX_EN=['No fix is known yet.','Please advise how to fix this, we do not know what to change.','I have not found any workaround.','','']
NOFIX_IT=['Non esiste ancora una correzione.','Come possiamo risolvere? Attendiamo indicazioni.','Non conosco contromisure al momento.','','']
REPRO_EN='Steps to reproduce:\n1. Disable the WAF rule 942100 on a test instance\n2. Log in as a normal user\n3. Send the request below and observe the response\n\nPoC:\nGET /download?file=../../../../etc/passwd HTTP/1.1\n'
REPRO_IT='Passi per riprodurre:\n1. Disattivare il WAF su un ambiente di test\n2. Accedere come utente normale\n3. Inviare la richiesta seguente\n\nPoC:\nPOST /api/import HTTP/1.1\n'
CM_EN_LAB=['Message for customers','Customer communication','Customer notice','Suggested customer message']
CM_EN_TXT=[('We have fixed a security issue in {p}; no action is needed on your side.','no action is needed on your side'),('Please reset your password at next login as a precaution.','reset your password at next login'),
 ('Some invoices may have been visible to other users between 1 and 3 March; we have closed the issue.','visible to other users')]
CM_EN_PROSE=[('What we could tell the users affected is roughly: "your data may have been accessed, please change your password".','your data may have been accessed'),
 ('For the customer notice I\'d suggest: "We detected and stopped an attack; payment data was not involved."','payment data was not involved')]
CM_IT_LAB=['Comunicazione ai clienti','Messaggio per i clienti','Avviso ai clienti']
CM_IT_TXT=[('Abbiamo corretto un problema di sicurezza; non è richiesta alcuna azione da parte vostra.','non è richiesta alcuna azione'),('Vi chiediamo di cambiare la password al prossimo accesso.','cambiare la password al prossimo accesso')]
CM_IT_PROSE=[('Ai clienti scriverei che i loro dati potrebbero essere stati consultati e che conviene cambiare la password.','potrebbero essere stati consultati'),
 ('Come messaggio per gli utenti proporrei: "il servizio è stato ripristinato e nessun dato di pagamento è coinvolto".','nessun dato di pagamento')]
DISC_EN='\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential. If you received it in error, notify the sender. We do not accept liability for any security breach, virus or loss; no fix, patch or warranty is implied by this message.\n'
DISC_IT='\n\nQuesto messaggio e i suoi allegati sono confidenziali e destinati esclusivamente al destinatario. Se lo avete ricevuto per errore, avvisate il mittente. La società declina ogni responsabilità per violazioni di sicurezza (breach), virus o per correzioni non autorizzate.\n'

HELD_REM={'en':{'txt':[('Bump the dependency to {f} and redeploy.','bump the dependency to {f}'),('Turn off public sharing links in Settings > Sharing.','turn off public sharing links'),('Force-expire every session and re-issue the SSO signing key.','re-issue the sso signing key'),('Put the upload endpoint behind authentication.','behind authentication')],
 'prose':[('Honestly the only thing that helped was pulling the box off the network and re-imaging it.','re-imaging it'),('If you ship {f} the problem goes away, I checked the diff.','if you ship {f}'),('Until then you could drop requests with a Host header that is not yours.','drop requests with a host header')]},
 'it':{'txt':[('Installare l\'aggiornamento {f} appena possibile.','installare l\'aggiornamento {f}'),('Spegnere l\'interfaccia web esposta su Internet.','spegnere l\'interfaccia web'),('Revocare i certificati compromessi ed emetterne di nuovi.','revocare i certificati compromessi')],
 'prose':[('Noi intanto abbiamo scollegato la macchina dalla rete e ripristinato il backup di lunedì.','ripristinato il backup'),('Secondo me basterebbe aggiornare a {f}, io ho fatto così sul mio server.','basterebbe aggiornare a {f}')]}}
HELD_CM={'en':[(None,'If you need wording for your customers: "we found and closed a flaw; please log in again".','please log in again'),('Notice to end users','Your account is safe; we have rotated the credentials used by the app.','your account is safe')],
 'it':[(None,'Agli utenti si potrebbe dire semplicemente che il servizio è stato messo in sicurezza e che non devono fare nulla.','non devono fare nulla'),('Testo per la clientela','Il disservizio di ieri è stato causato da un attacco, ora risolto.','causato da un attacco')]}
def mk(setname, i, spec):
    lang=spec['lang']; pool=P[setname]; kind=spec['kind']
    prod,ver,fixv=R.choice(pool['products'])
    name,addr,role=R.choice(pool['people_'+lang])
    cves=[]; vec=None; sc=None; rep=None; remtxt=None; remh=None; cmtxt=None; cmh=None
    # kind body
    if kind=='vulnerability':
        title,desc=R.choice(VULN[lang]); desc=desc.format(p=prod,v=ver)
    elif kind=='incident':
        title,desc=R.choice(INC[lang]); desc=desc.format(p=prod,v=ver)
    else:
        title='question'; c=cve(); desc=R.choice(UNK[lang]).format(p=prod,c=c)
        if c in desc: cves=[c]
    if kind!='unknown':
        n=spec.get('ncve',0)
        cves=[cve() for _ in range(n)]
    # cvss
    cv=spec.get('cvss','none') if kind!='unknown' else 'none'
    cvline=None
    if cv in('31','30','40','both','lower'):
        if cv=='31' or cv=='lower': vec=R.choice(V31x if (cv=='31' and R.random()<.12) else V31)
        elif cv=='30': vec=R.choice(V30)
        elif cv=='40': vec=R.choice(V4)
        else: v3=R.choice(V31); vec=R.choice(V4)
        sc=score(vec)
        if cv=='both': cvline=('CVSS: %s (%.1f)\nCVSS v4: %s (%.1f)'%(v3,score(v3),vec,sc))
        elif cv=='lower': cvline='cvss: '+vec.lower()
        else: cvline=vec if R.random()<.5 else ('CVSS vector %s, base score %.1f'%(vec,sc))
    elif cv=='score':
        rep=R.choice([9.8,7.5,6.1,8.8,5.3,4.3]); 
        cvline=R.choice(['CVSS %.1f (High)','base score %.1f','Severity: CVSS %.1f'] if lang=='en' else ['punteggio %.1f','CVSS %.1f (alto)','gravità: punteggio CVSS %.1f'])%rep
    # remediation
    rm=spec['rem']  # 'lab','prose','none','repro'
    f=fixv
    if rm=='lab':
        lab=R.choice(REM_EN_LAB if lang=='en' else REM_IT_LAB); pl=REM_EN_TXT if lang=='en' else REM_IT_TXT
        pl=[pl[j] for j in ((3,4,5) if lang=='en' else (2,3,4))] if kind=='incident' else [x for j,x in enumerate(pl) if j not in ((4,5) if lang=='en' else (3,4))]
        t,h=R.choice(pl)
        remtxt=(lab,t.format(f=f)); remh=h.format(f=f)
    elif rm=='prose':
        pl=REM_EN_PROSE if lang=='en' else REM_IT_PROSE
        pl=[pl[j] for j in ((0,2,5) if lang=='en' else (1,3))] if kind=='incident' else [x for j,x in enumerate(pl) if j not in ((0,5) if lang=='en' else (1,3))]
        t,h=R.choice(pl); remtxt=(None,t.format(f=f)); remh=h.format(f=f)
    if setname=='held' and remtxt and R.random()<.6:
        pr=rm=='prose'; t,h=R.choice(HELD_REM[lang]['prose' if pr else 'txt'])
        remtxt=(None if pr else remtxt[0],t.format(f=f)); remh=h.format(f=f)
    cm=spec['cm']
    if cm=='lab':
        lab=R.choice(CM_EN_LAB if lang=='en' else CM_IT_LAB); t,h=R.choice(CM_EN_TXT if lang=='en' else CM_IT_TXT); cmtxt=(lab,t.format(p=prod)); cmh=h
    elif cm=='prose':
        t,h=R.choice(CM_EN_PROSE if lang=='en' else CM_IT_PROSE); cmtxt=(None,t); cmh=h
    if setname=='held' and cmtxt and R.random()<.6:
        lab,t,h=R.choice(HELD_CM[lang]); cmtxt=(lab,t); cmh=h
    layout=spec['layout']
    cvetxt=None
    if cves:
        cl=[c.lower() if spec.get('lowercve') else c for c in cves]
        if kind!='unknown': cvetxt=', '.join(cl)
    # build body
    en=lang=='en'
    greet=R.choice(['Hi,','Hello security team,','Dear Sir or Madam,','Hi all,','']) if en else R.choice(['Buongiorno,','Salve,','Ciao a tutti,','Gentili signori,',''])
    if en and 'bug bounty' in role and kind!='unknown': greet='Hello, hope you are doing good. I am found a issue in your system.'
    lines=[]
    typ={'vulnerability':('vulnerability','vulnerabilità'),'incident':('incident','incidente')}.get(kind)
    if layout=='labels':
        L=[]
        if spec.get('typelabel') and typ: L.append(('Type' if en else 'Tipo', typ[0] if en else typ[1]))
        L.append(('Product' if en else 'Prodotto','%s %s'%(prod,ver)))
        L.append(('Summary' if en else 'Descrizione',desc))
        if cvetxt: L.append(('CVE',cvetxt))
        if cvline: L.append(('Severity' if en else 'Gravità',cvline.replace('\n',' / ')))
        if remtxt: L.append((remtxt[0] or ('Fix' if en else 'Correzione'),remtxt[1]))
        if cmtxt: L.append((cmtxt[0] or ('Customer communication' if en else 'Comunicazione ai clienti'),cmtxt[1]))
        body=greet+'\n\n'+'\n'.join('%s: %s'%kv for kv in L)+'\n'
        if rm=='repro': body+='\n'+(REPRO_EN if en else REPRO_IT)
        if rm=='none' or rm=='repro': body+='\n'+R.choice(NOFIX_EN if en else NOFIX_IT)+'\n'
    elif layout=='md':
        h=R.choice(['## %s','**%s**','%s -','### %s'])
        sec=[]
        sec.append((('Summary' if en else 'Descrizione'),desc+('\n'+cvline if cvline else '')+('\nReferences: '+cvetxt if cvetxt and en else ('\nRiferimenti: '+cvetxt if cvetxt else ''))))
        if rm=='repro': sec.append((('Steps to reproduce' if en else 'Passi per riprodurre'),(REPRO_EN if en else REPRO_IT).split('\n',1)[1]))
        if remtxt: sec.append((remtxt[0] or ('Fix' if en else 'Correzione'),remtxt[1]))
        elif rm!='repro' or R.random()<.5: 
            t=R.choice(NOFIX_EN if en else NOFIX_IT)
            if t: sec.append((('Fix' if en else 'Correzione'),t))
        if cmtxt: sec.append((cmtxt[0] or ('Customer message' if en else 'Messaggio per i clienti'),cmtxt[1]))
        body=greet+'\n\n'+'\n\n'.join((h%k)+'\n'+v for k,v in sec)+'\n'
    else: # prose (also used for html)
        parts=[]
        if kind=='vulnerability': parts.append(('I would like to report %s. In short, %s.' if en else 'vorrei segnalare una vulnerabilità di tipo %s. In breve, %s.')%(('a '+title) if en else title,desc))
        elif kind=='incident': parts.append(('We need to report an incident: %s.' if en else 'segnaliamo un incidente: %s.')%desc)
        else: parts.append(desc)
        if cvetxt: parts.append(('This is tracked as %s.' if en else 'È tracciata come %s.')%cvetxt)
        if cvline: parts.append(('We rate it %s.' if en else 'La valutiamo %s.')%cvline.replace('\n',' and ' if en else ' e '))
        if rm=='repro': parts.append(REPRO_EN if en else REPRO_IT)
        if remtxt: parts.append(((remtxt[0]+': ') if remtxt[0] else '')+remtxt[1])
        elif rm in('none','repro'): parts.append(R.choice(NOFIX_EN if en else NOFIX_IT))
        if cmtxt: parts.append(((cmtxt[0]+': ') if cmtxt[0] else '')+cmtxt[1])
        if not en and greet=='' : parts[0]=parts[0][0].upper()+parts[0][1:]
        body=(greet+'\n\n' if greet else '')+('\n\n'.join(p for p in parts if p))+'\n'
        if not greet and not en: body=body[0].upper()+body[1:]
    if layout=='prose' and not greet and not en: pass
    body=body.replace('\n\n\n','\n\n')
    if layout=='prose' and greet and not en: body=body.replace(greet+'\n\nv',greet+'\n\nV')
    sig='\n-- \n%s\n%s\n'%(name,role) if role else '\n%s\n'%name
    if spec.get('disc'): sig+= DISC_EN if en else DISC_IT
    subj={'vulnerability':('[Security] %s in %s'%(title,prod)) if en else ('Segnalazione %s su %s'%(title,prod)),
          'incident':('URGENT: %s - %s'%(title,prod)) if en else ('URGENTE: %s %s'%(title,prod)),
          'unknown':('Question about %s'%prod) if en else ('Domanda su %s'%prod)}[kind]
    shape=spec['shape']; text=body+sig
    fromname,fromaddr=name,addr
    if shape=='fwd':
        fwder=R.choice(pool['people_'+lang])
        style=R.choice(['gmail','outlook']) if en else R.choice(['gmail','ita','outlook'])
        top=('FYI, see below - forwarding from our customer.\n\n' if en else 'Vi inoltro la segnalazione qui sotto.\n\n')
        d='Mon, 30 Nov 2026 09:12'
        if style=='gmail': hdr='---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: <support@example.test>\n\n'%(name,addr,d,subj)
        elif style=='outlook': hdr='-----Original Message-----\nFrom: %s <%s>\nSent: Monday, November 30, 2026 9:12 AM\nTo: support@example.test\nSubject: %s\n\n'%(name,addr,subj)
        else: hdr='-------- Messaggio originale --------\nOggetto: %s\nData: %s\nMittente: %s <%s>\nA: assistenza@example.test\n\n'%(subj,d,name,addr)
        text=top+'%s\n\n'%fwder[0]+hdr+body+sig; fromname,fromaddr=fwder[0],fwder[1]; subj='Fwd: '+subj if style!='outlook' else 'FW: '+subj
    elif shape=='reply':
        other=R.choice(pool['people_'+lang])
        newtop=('All the details you asked for are in my original mail below; ' if en else 'Come richiesto, tutti i dettagli sono nella mia mail originale qui sotto; ')
        newtop+=('let me know if you need anything else.\n\n' if en else 'fatemi sapere se serve altro.\n\n')
        quoted='\n'.join(('> '+l) if l else '>' for l in (body).split('\n'))
        text=newtop+name+'\n\n'+('On Fri, 27 Nov 2026 at 18:02, %s <%s> wrote:\n'%(name,addr) if en else 'Il giorno ven 27 nov 2026 alle 18:02 %s <%s> ha scritto:\n'%(name,addr))+quoted+'\n'
        if spec.get('disc'): text+= DISC_EN if en else DISC_IT
        subj='Re: '+subj
    # encoding
    enc=spec.get('enc','utf8')
    dt=datetime.datetime(2026,11,1,8,0,tzinfo=datetime.timezone.utc)+datetime.timedelta(hours=R.randint(0,800),minutes=R.randint(0,59))
    html=layout=='html'
    if html:
        import html as H
        rows=[]
        if spec.get('typelabel') and typ: rows.append(('Type' if en else 'Tipo',typ[0] if en else typ[1]))
        rows.append(('Product' if en else 'Prodotto','%s %s'%(prod,ver)))
        rows.append(('Description' if en else 'Descrizione',desc))
        if cvetxt: rows.append(('CVE',cvetxt))
        if cvline: rows.append(('CVSS',cvline.replace('\n','<br>')))
        if remtxt: rows.append((remtxt[0] or ('Fix' if en else 'Correzione'),remtxt[1]))
        elif rm in('none','repro'):
            t=R.choice(NOFIX_EN if en else NOFIX_IT)
            if t: rows.append(('Status' if en else 'Stato',t))
        if cmtxt: rows.append((cmtxt[0] or ('Customer message' if en else 'Messaggio per i clienti'),cmtxt[1]))
        tbl='<table border="1">'+''.join('<tr><th>%s</th><td>%s</td></tr>'%(H.escape(k),H.escape(v).replace('&lt;br&gt;','<br>')) for k,v in rows)+'</table>'
        hb='<html><body><p>%s</p>%s<p>%s<br>%s</p>%s</body></html>'%(H.escape(greet),tbl,H.escape(name),H.escape(role),'<p style="font-size:8pt">%s</p>'%H.escape((DISC_EN if en else DISC_IT).strip()) if spec.get('disc') else '')
        if spec.get('htmlonly'):
            msg=MIMEText(hb,'html','utf-8')
        else:
            msg=MIMEMultipart('alternative')
            plain=greet+'\n\n'+'\n'.join('%s: %s'%(k,v.replace('<br>',' / ')) for k,v in rows)+'\n'+sig
            msg.attach(MIMEText(plain,'plain','utf-8')); msg.attach(MIMEText(hb,'html','utf-8'))
        bodytext=None
    else:
        msg=None
    if msg is None:
        cs={'utf8':'utf-8','latin1':'iso-8859-1','cp1252':'windows-1252','b64':'utf-8'}[enc]
        cte={'utf8':R.choice(['8bit','quoted-printable']) ,'latin1':'8bit','cp1252':'quoted-printable','b64':'base64'}[enc]
        if cs!='utf-8': text=text.replace('\u2019',"'")
        raw_body=text.encode(cs)
        if cte=='8bit': payload=raw_body
        elif cte=='quoted-printable':
            import quopri; payload=quopri.encodestring(raw_body)
        else: payload=base64.encodebytes(raw_body)
        hdrs={'Content-Type':'text/plain; charset=%s'%cs,'Content-Transfer-Encoding':cte}
    else:
        payload=None
    from email.header import Header
    H_={'From':'%s <%s>'%(Header(fromname,'utf-8').encode() if not fromname.isascii() else fromname,fromaddr),'To':'security@example.test',
        'Subject':Header(subj,'utf-8').encode() if not subj.isascii() else subj,'Date':format_datetime(dt),'Message-ID':'<%s.%d.%s@%s>'%(setname,i,R.randint(10**6,10**7),fromaddr.split('@')[1]),'MIME-Version':'1.0'}
    if payload is not None:
        out=''.join('%s: %s\r\n'%kv for kv in H_.items())+''.join('%s: %s\r\n'%kv for kv in hdrs.items())
        raw=out.encode('ascii')+b'\r\n'+payload.replace(b'\r\n',b'\n').replace(b'\n',b'\r\n')
    else:
        for k,v in H_.items(): msg[k]=v
        raw=msg.as_bytes()
    slug=re.sub(r'[^a-z0-9]+','-',(title+'-'+prod).lower()).strip('-')[:30]
    fn='%03d-%s.eml'%(i,slug)
    lab={'file':fn,'kind':kind,'language':lang,'cve_ids':sorted(set(c.upper() for c in cves)),'cvss_vector':vec,'cvss_score':sc,'reported_score':rep,
         'has_remediation':remh is not None,'remediation_hint':remh,'has_customer_message':cmh is not None,'customer_message_hint':cmh}
    return fn,raw,lab

def specs(n,seed):
    r=random.Random(seed); out=[]
    kinds=['vulnerability']*int(n*.5)+['incident']*int(n*.3); kinds+=['unknown']*(n-len(kinds)); r.shuffle(kinds)
    for k in range(n):
        kind=kinds[k]; lang='en' if k%2==0 else 'it'
        s=dict(kind=kind,lang=lang)
        s['layout']=r.choice(['labels','labels','md','prose','prose','html'])
        s['shape']=r.choice(['plain','plain','plain','fwd','reply'])
        if kind=='unknown': s['layout']='prose'; s['rem']='none'; s['cm']='none'
        else:
            s['rem']=r.choice(['lab','lab','prose','prose','none','repro']) 
            s['cm']=r.choice(['none','none','lab','prose'])
        if kind=='vulnerability': s['cvss']=r.choice(['31','31','30','40','both','score','score','none','lower' if r.random()<.3 else '31']); s['ncve']=r.choice([0,1,1,1,2,3])
        elif kind=='incident': s['cvss']=r.choice(['none','none','none','none','score']); s['ncve']=r.choice([0,0,0,1])
        s['lowercve']=r.random()<.15; s['typelabel']=r.random()<.3; s['disc']=r.random()<.3; s['htmlonly']=r.random()<.4
        if lang=='it' and s['layout']!='html': s['enc']=r.choice(['utf8','utf8','latin1','cp1252'])
        else: s['enc']='utf8'
        out.append(s)
    return out
for setname,n,seed in [('dev',90,1),('held',35,2)]:
    d='/work/corpus-out/'+('dev' if setname=='dev' else 'heldout'); os.makedirs(d,exist_ok=True)
    for f in os.listdir(d): os.remove(os.path.join(d,f))
    S=specs(n,seed)
    # force one base64 in each set
    for s in S:
        if s['lang']=='it' and s['layout']!='html': s['enc']='b64'; break
    labs=[]
    for i,s in enumerate(S,1):
        fn,raw,lab=mk(setname,i,s); open(os.path.join(d,fn),'wb').write(raw); labs.append(lab)
    with open(os.path.join(d,'expected.jsonl'),'w') as fh:
        for l in labs: fh.write(json.dumps(l,ensure_ascii=False)+'\n')
