//! Incident or vulnerability: from a plus-address tag, a label value, or the
//! words of the subject and body.

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;

/// `security+incident@example.com`: the tag after `+`.
static PLUS_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+([\p{L}0-9_.-]{1,40})@").expect("valid regex"));

static INCIDENT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:incidents?|incident[ei]|breach(?:ed|es)?|leak(?:ed|s|age)?|compromised?|compromise|attack(?:ed|ers?|s)?|intrusions?|ransomware|malware|phishing|exfiltrat\w*|unauthori[sz]ed\s+access|violazion[ei]|violat[oaie]|compromess[oaie]|attacc(?:o|hi|ato|ati)|intrusion[ei]|evento\s+imprevisto|eventi\s+imprevisti|furto\s+di\s+dati|fuga\s+di\s+dati|accesso\s+non\s+autorizzato|accessi\s+non\s+autorizzati|attaccant[ei]|esfiltra\w*|ddos|denial[-\s]of[-\s]service\s+attack|stolen|rubat[oaie]|sottratt[oaie]|cifrat[oaie]\s+dal|credential\s+stuffing|hacked|bucat[oaie]|trapelat[oaie]|divulgat[oaie]|web\s?shells?|backdoors?|rootkits?|cryptominers?|botnet|password[-\s]spraying|spraying|brute[-\s]?forc\w*|suspicious\s+(?:logins?|sign-?ins?|activity|access|connections?|traffic|transactions?)|logins?\s+(?:that\s+)?none\s+of|(?:wasn't|was\s+not|weren't)\s+(?:them|us|me|him|her)|dump(?:ing|ed)?\s+(?:the|our|a)\s+database|\d+\s+(?:successful|riusciti)\s+(?:logins?|accessi)|successful\s+logins?|(?:logins?|accessi)\s+riusciti|(?:password|login)\s+attempts|tentativi\s+di\s+(?:login|accesso)|(?:addresses|ips?|indirizzi)\s+(?:we\s+don'?t\s+know|we\s+do\s+not\s+(?:know|recogni[sz]e)|sconosciut[ie])|unknown\s+(?:addresses|ips?|part(?:y|ies)|third\s+part(?:y|ies))|someone\s+(?:downloaded|fetched|used)|(?:were|was)\s+downloaded|sono\s+stat[ie]\s+scaricat[ie]|clicked\s+(?:on\s+)?(?:the|a)\s+link|ho\s+cliccato|typed\s+my\s+password|entered\s+my\s+(?:password|credentials)|(?:ho|ha|hanno)\s+inserito\s+(?:la\s+)?(?:mia\s+|sua\s+)?password|ci\s+(?:sono|è)\s+cascat[oa]|fell\s+for\s+it|fals[oaie]\s+(?:avvis|fattur|mail|messagg|email|pagin)\w*|sembra\s+(?:vostr[ao]|da\s+voi|inviat[ao]\s+da\s+voi)|a\s+(?:nome|marchio)\s+vostro|a\s+vostro\s+nome|col\s+vostro\s+(?:nome|marchio|logo)|fin(?:ge|gono)\s+di\s+essere|pretend(?:s|ing)?\s+to\s+be\s+(?:you|from\s+you|your)|(?:looks|seems)\s+(?:like\s+it'?s\s+|to\s+be\s+)?from\s+you|in\s+your\s+name|claim(?:s|ing)?\s+to\s+be\s+from\s+you|spoof\w*|fake\s+(?:e-?mails?|invoices?|sites?|pages?|login)|finta\s+(?:fattura|mail|pagina)|fals[ae]\s+(?:fatture|mail|email|pagine)|taken\s+over|took\s+over|hijack\w*|preso\s+il\s+controllo|riscatto|ransom|malicious|malevol[oi]|in\s+vendita|(?:sending|sends|sent|send|sended|used\s+for|usat[oa]\s+per|invia(?:va|ndo|no)?|inviat[oi])\s+(?:\w+\s+){0,3}?spam|spam\s+(?:campaign|run|wave)|deface\w*|rivendic\w+|claimed\s+responsibility|(?:criminal|cybercrime|underground|hacking|hacker)\s+forums?|forum\s+(?:criminal[ei]|underground|di\s+hacker)|dark\s?web|darknet|(?:i|we)\s+did\s+not\s+(?:make|authori[sz]e|recogni[sz]e)|(?:non\s+)?riconosc(?:o|iamo)\s+(?:questi|quegli|gli|l')\s*access\w*|for\s+sale|on\s+sale|credential\s+(?:list|dump)s?|combo\s?lists?|infostealer\w*|stealer\s+logs?|accessi\s+sospett[io]|accesso\s+sospetto|login\s+sospett[io]|attività\s+sospett[ae]|frod[ei]|fraud\w*|truff[ae]|scam|non\s+(?:erano|era|siamo\s+stati|sono\s+stat[oi])\s+(?:loro|noi|io|lui|lei))\b",
    )
    .expect("valid regex")
});

static VULNERABILITY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:vulnerabilit(?:y|ies)\b|vulnerable\b|vulns?\b|cve\b|cvss|xss\b|cross[-\s]site\b|sql\s*injection\b|sqli\b|injection\b|rce\b|remote\s+code\s+execution\b|exploit(?:s|able)?\b|buffer\s+overflow\b|csrf\b|ssrf\b|(?:path|directory)\s+traversal\b|deserializ\w*|privilege\s+escalation\b|vulnerabilit[àa]|vulnerabil[ei]\b|fall[ae]\b|iniezione\b|esecuzione\s+(?:remota\s+)?di\s+codice\b|bypass\w*|aggira\w*|impersona\w*|unauthenticated\b|senza\s+autenticazione\b|misconfigur\w*|idor\b|xxe\b|open\s+redirect\b|race\s+condition\b|use[-\s]after[-\s]free\b|overflow\b|publicly\s+(?:readable|accessible|exposed|available|listable|writable)\b|(?:is|are)\s+not\s+validated?\b|isn't\s+validated\b|non\s+(?:viene\s+|vengono\s+)?(?:validat|controllat|verificat)\w*|host\s+header\b|header\s+host\b|se\s+(?:la|una)\s+vittima\b|if\s+(?:the|a)\s+victim\b|poison\w*|avvelenab\w*|avvelenament\w*|subdomain\s+takeover\b|takeover\s+(?:of|del)\s+(?:sub)?domin\w*|weak\s+(?:ciphers?|tls|protocols?|encryption)\b|tls\s*1\.[01]\b|clickjacking\b|hard-?coded\b|information\s+disclosure\b|directory\s+listing\b|(?:leggibil|accessibil)[ei]\s+(?:a\s+)?(?:chiunque|pubblicamente|da\s+internet)|senza\s+(?:login|password|controlli)\b|without\s+(?:login|authentication|any\s+authentication)\b|enumerat\w*|(?:nessun|senza|no)\s+(?:\w+\s+)?limit[ei]?\b|without\s+(?:any\s+)?(?:rate\s+)?limit\w*|rate[-\s]?limit\w*|in\s+teoria\b|in\s+theory\b|(?:qualsiasi|qualunque)\s+account\b|no\s+auth\w*\b|without\s+auth\w*\b|senza\s+auth\w*\b|expos(?:es|ing)\b|espon[ea]\b|(?:espost[oaie]|risponde|raggiungibil[ei])\s+(?:su|da|a)\s+internet|reachable\s+from\s+the\s+internet|default\s+(?:credentials|password)|(?:password|credenziali)\s+di\s+default|admin/admin|(?:chiunque|anyone)\s+(?:può|potrebbe|can|could)\b|(?:di|dei)\s+(?:un'?\s*)?altr[oaie]\s+(?:ditt|client|utent|aziend)\w*|altrui\b|(?:another|other)\s+(?:customer|user|tenant|company)'?s\b|non\s+scadono|never\s+expire|(?:restano|rimangono)\s+validi|remain\s+valid|riutilizzabil\w*|reusable\b|(?:non|not)\s+(?:controlla|verifica|checks?|validates?)\s+(?:il\s+|the\s+)?(?:ruolo|role|permess\w*|permissions?|owner|proprietario)|controlla\s+solo|only\s+checks|missing\s+(?:authori[sz]ation|access\s+control|role\s+check)|manca\s+il\s+controllo|public-read|listable|account\s+takeover|(?:password\w*|credenzial\w*|credentials|dati|data|token\w*|secrets?)\b[^.]{0,60}?\b(?:in\s+(?:clear|chiaro)\b|clear-?text|plain-?text|(?:not|non)\s+(?:encrypted|cifrat\w*|criptat\w*|hashed))|(?:clear-?text|plain-?text)\s+(?:passwords?|credentials)|(?:a|an|un|my|this|questo|il\s+mio)\s+finding\b|(?:chiunque|anyone)\s+(?:apra|acceda|visiti|conosca|sappia|who\s+(?:opens|visits|knows|has))|any\s+(?:other\s+)?(?:user'?s?\s+)?account\b)",
    )
    .expect("valid regex")
});

/// The kind a plus tag in the recipients names (`+incident`, `+vuln`...).
pub(super) fn from_recipients(recipients: &[String]) -> Option<Kind> {
    recipients
        .iter()
        .flat_map(|r| PLUS_TAG.captures_iter(r))
        .find_map(|caps| from_tag(&caps[1]))
}

fn from_tag(tag: &str) -> Option<Kind> {
    let tag = tag.to_lowercase();
    if tag.contains("incident") {
        Some(Kind::Incident)
    } else if tag.starts_with("vuln") {
        Some(Kind::Vulnerability)
    } else {
        None
    }
}

/// The kind a label value names ("Type: Security incident",
/// "Categoria: Evento imprevisto per la sicurezza"); none if it names both.
pub(super) fn from_label_value(value: &str) -> Option<Kind> {
    match count(value) {
        (incident, 0) if incident > 0 => Some(Kind::Incident),
        (0, vulnerability) if vulnerability > 0 => Some(Kind::Vulnerability),
        _ => None,
    }
}

/// How many incident words and vulnerability words `text` has. The words
/// of the process around them ("vulnerability disclosure policy",
/// "procedura di notifica degli incidenti", "bug bounty") tell of neither.
pub(super) fn count(text: &str) -> (usize, usize) {
    count_words(&PROCESS.replace_all(text, " "))
}

/// Incident and vulnerability words, the process's included.
fn count_words(text: &str) -> (usize, usize) {
    (
        INCIDENT_WORDS.find_iter(text).count(),
        VULNERABILITY_WORDS.find_iter(text).count(),
    )
}

/// The handling of reports, not a report: policies, programmes,
/// procedures.
static PROCESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            (?:vulnerabilit(?:y|ies)|incidents?|security)\s+(?:disclosure|plans?|reports|reporting|management|handling|response|notification|policy|policies|programs?|programmes?|process\w*|procedures?|coordination|team|contact)\b
            |(?:responsible|coordinated)\s+disclosure|bug\s+bount(?:y|ies)|security\.txt
            |(?:procedur\w+|gestione|notifica|segnalazion[ei]|politic\w+|polic\w+|programm\w+|process\w*|piano|piani|plans?|risposta)\s+(?:di\s+|della\s+|delle\s+|degli\s+|dei\s+|agli\s+|alle\s+|ai\s+)?(?:risposta\s+(?:agli\s+|alle\s+)?)?(?:notifica\s+(?:degli\s+|delle\s+)?)?(?:incident[ei]|vulnerabilit[àa]|sicurezza)
        )",
    )
    .expect("valid regex")
});

/// Evidence for the kind, strongest first.
pub(super) struct Evidence<'a> {
    pub(super) recipients: &'a [String],
    /// From a "Type:"/"Categoria:" label, or a bare "Incident:" label.
    pub(super) label: Option<Kind>,
    pub(super) subject: &'a str,
    /// A CVE id, a valid vector or a bare score was found.
    pub(super) has_cve_or_cvss: bool,
    /// A labelled description (or problem, or steps) was found.
    pub(super) labelled_report: bool,
    /// The writer's own words (quotes and signature removed).
    pub(super) own: &'a str,
    /// What they quote or forward.
    pub(super) quoted: &'a str,
    /// What is quoted was written by the desk: a reply to our own mail.
    pub(super) quotes_the_desk: bool,
    pub(super) body: &'a str,
}

/// What happened, told as having happened: "we detected", "were
/// exfiltrated", "abbiamo rilevato", "sono stati cifrati", "last night".
/// Counts on its own.
static HAPPENED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            (?:we|i|our\s+\w+|the\s+(?:soc|siem|edr|team))\s+(?:have\s+|has\s+|just\s+)?(?:detected|observed|found\s+(?:evidence|traces)|identified\s+(?:an?\s+)?(?:intrusion|attack|breach|compromise|unauthori[sz]ed)|discovered\s+that\s+(?:an?\s+)?(?:attacker|someone|intruder))
            |(?:was|were|has\s+been|have\s+been|got|had\s+been)\s+(?:accessed|exfiltrated|stolen|leaked|encrypted|compromised|breached|hacked|defaced|used|dumped|posted|published|taken\s+over|hijacked|exposed\s+and)
            |(?:is|are)\s+(?:under\s+attack|being\s+(?:attacked|exploited|used|sold|targeted|abused))|ongoing\s+attack|in\s+progress|actively\s+exploited\s+(?:on|against)\s+(?:our|us)
            |(?:someone|somebody|an?\s+attacker|the\s+attackers?)\s+(?:has\s+|had\s+)?(?:logged|got|broke|gained|accessed|changed|created|deleted|used|sent)
            |(?:had|have|has|with)\s+(?:\w+\s+){0,2}(?:successful\s+)?(?:logins?|sign-?ins?)\s+from
            |(?:abbiamo|ho|hanno|ha)\s+(?:appena\s+)?(?:rilevato|osservato|riscontrato\s+(?:accessi|attivit|un\s+attacco|un'?intrusione)|individuato\s+(?:accessi|attivit|un\s+attacco|un'?intrusione))
            |(?:sono|è|e'|siamo)\s+stat[oaie]\s+(?:esfiltrat|rubat|sottratt|cifrat|compromess|violat|attaccat|bucat|usat|utilizzat)\w*
            |(?:è|e')\s+in\s+corso|(?:sono|è)\s+in\s+corso|stiamo\s+subendo|abbiamo\s+subito|ha\s+(?:scaricato|cifrato|esfiltrato|cancellato|modificato)
            |(?:è|e')\s+stato\s+(?:accertato|rilevato|riscontrato|constatato)\s+che|still\s+(?:going|ongoing|active|running)
            |qualcuno\s+(?:è|ha)\s+(?:entrat|effettuato|acceduto|cambiato|modificato|usato)\w*
            |(?:posted|published|leaked|dumped|put\s+up|offered|sold)\s+(?:an?\s+|the\s+|\d+\s+)?(?:offer|sample|dump|database|list|records|data|credentials)|(?:pubblicat|mess|post)[oaie]\s+(?:in\s+vendita|online)|in\s+questo\s+momento|right\s+now|at\s+this\s+moment|vengono\s+(?:usat|utilizzat|sfruttat|vendut)\w*
        )",
    )
    .expect("valid regex")
});

/// Seeing: "we noticed", "ho visto", "the log shows", "tonight". An event
/// only in a sentence that also names an incident ("we noticed suspicious
/// logins"), since a researcher also "noticed tonight" that a form is
/// vulnerable.
static SEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            (?:we|i|our\s+\w+(?:\s+\w+)?|the\s+(?:soc|siem|edr|team))\s+(?:have\s+|has\s+|just\s+|can\s+)?(?:noticed|saw|see|seen|spotted|found|are\s+seeing|keep\s+seeing)
            |(?:logs?|access\s+logs?|log\s+di\s+accesso)\s+(?:shows?|show|mostra(?:no)?|riporta(?:no)?|indica(?:no)?)
            |tonight|today|last\s+night|this\s+morning|yesterday|overnight|over\s+the\s+weekend|since\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|\d{1,2}[:.]\d{2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}\b)
            |questa\s+notte|stanotte|stamattina|questa\s+mattina|ieri|oggi|nel\s+fine\s+settimana
            |(?:abbiamo|ho|hanno|ha)\s+(?:appena\s+)?(?:notato|visto|scoperto|trovato|riscontrato|individuato)
            |stasera|dal\s+\d{1,2}\s+\p{L}+|dalle\s+(?:ore\s+)?\d{1,2}[:.]\d{2}|(?:at|alle)\s+\d{1,2}[:.]\d{2}
        )",
    )
    .expect("valid regex")
});

/// The attacker as a role in a flaw's description.
static ACTOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:attackers?|attaccant[ei])\b").expect("valid regex"));

/// What could happen: a flaw, not an event.
static COULD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:could|can|may|might|would|allows?|allowing|enables?|lets|possible|potential(?:ly)?|potrebbe|potrebbero|pu[oò]|possono|consente|consentono|permette|permettono|potenzial\w*|possibile)\b",
    )
    .expect("valid regex")
});

/// Someone telling of a finding, not asking: "I found", "ho scoperto",
/// "steps to reproduce", "is vulnerable".
static REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            (?:i|we)\s+(?:have\s+|'ve\s+)?(?:found|discovered|identified|noticed|detected|observed|came\s+across|would\s+like\s+to\s+report|want\s+to\s+report|am\s+reporting|are\s+reporting)
            |(?:i'?m|we'?re)\s+reporting|to\s+report\s+a|reporting\s+a
            |steps\s+to\s+reproduce|proof\s+of\s+concept|poc\b
            |(?:is|are)\s+vulnerable|allows?\s+(?:an?\s+)?(?:attacker|unauthenticated|remote|user)|leads?\s+to
            |(?:ho|abbiamo|hanno|ha)\s+(?:trovato|scoperto|individuato|identificato|riscontrato|rilevato|notato)|(?:they|he|she|my\s+\w+|our\s+\w+)\s+(?:found|discovered|noticed)\b
            |segnal(?:o|iamo|are)\s+(?:una|un)|(?:vorrei|volevo|voglio|desidero|desideriamo|vorremmo)\s+segnalar\w*|(?:vi|ti|le)\s+segnal(?:o|iamo)|segnalo\s+che
            |passi\s+per\s+riprodurre|(?:è|sono)\s+vulnerabil[ei]|consente\s+(?:a\s+)?(?:un\s+)?(?:attaccante|utente)
        )",
    )
    .expect("valid regex")
});

/// Whether `text` tells of a finding or of something that happened.
fn reports(text: &str) -> bool {
    REPORTS
        .find_iter(text)
        .any(|m| !negated(&text[..m.start()]))
        || super::prose::sentences(text)
            .any(|s| count(&s).0 > 0 && (HAPPENED.is_match(&s) || SEEN.is_match(&s)))
}

/// Whether what follows `before` is denied: "non ho trovato", "not yet
/// found".
fn negated(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail = tail.to_lowercase();
    ["non ", "not ", "n't ", "never ", "mai "]
        .iter()
        .any(|n| tail.ends_with(n))
}

/// A reply that tells the desk something new: an event told as having
/// happened or a flaw, at least twice ("someone created an FTP user",
/// "chiunque apra /backup/ vede gli archivi").
fn tells_something(own: &Weighed) -> bool {
    own.incident >= 2 || own.vulnerability >= 2
}

/// Chasing an earlier report: "any update?", "ci sono novità?".
static CHASES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:following\s+up\s+on|follow(?:ing)?[-\s]up\s+(?:on|about)|any\s+(?:update|news|progress)|status\s+of\s+(?:my|the|our)\s+(?:report|submission|ticket)|(?:haven't|have\s+not|did\s+not|didn't)\s+(?:heard|received\s+(?:a\s+)?(?:reply|answer|response))|no\s+(?:reply|answer|response)\s+(?:yet|so\s+far)|ci\s+sono\s+novità|novità\s+sulla|aggiornament[oi]\s+sulla|a\s+che\s+punto|sollecit\w+|non\s+ho\s+(?:più\s+|ancora\s+)?ricevuto\s+(?:risposta|notizie|riscontro))",
    )
    .expect("valid regex")
});

/// Mail to a list of subscribers: a newsletter, a digest.
static BULK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:unsubscribe|you\s+are\s+receiving\s+this|you\s+received\s+this\s+(?:e-?mail|message)\s+because|manage\s+(?:your\s+)?(?:subscription|preferences)|view\s+(?:this|it)\s+in\s+(?:your|a)\s+browser|disiscriv\w+|cancell\w+\s+(?:l'iscrizione|dalla\s+newsletter)|ricevi\s+questa\s+(?:e-?mail|newsletter|comunicazione)|in\s+this\s+issue|in\s+questo\s+numero|bollettino\s+n\.?\s*\d+|newsletter\s+(?:n\.?|\#)\s*\d+|(?:threat\s+)?brief\s+\#\s*\d+|to\s+stop\s+receiving|per\s+non\s+ricevere\s+più|(?:cancellare|annullare)\s+(?:l'|la\s+)?iscrizione|you\s+(?:are\s+)?subscribed|sei\s+iscritt[oa])",
    )
    .expect("valid regex")
});

/// Whether `text` is mail to a list of subscribers.
pub(super) fn is_bulk(text: &str) -> bool {
    BULK.is_match(text)
}

/// Asking for paperwork rather than reporting: a questionnaire, an
/// authorisation, a tender.
static SOLICITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:questionnaire|questionario|due\s+diligence|vendor\s+(?:assessment|security\s+review)|(?:please|kindly)\s+(?:complete|fill\s+in|fill\s+out|return)|da\s+restituire\s+compilat\w*|si\s+chiede(?:\s+in\s+particolare)?\s+di\s+indicare|procedura\s+di\s+(?:affidamento|gara)|request\s+for\s+(?:proposal|information)|(?:pentest|penetration\s+test)\s+(?:authori[sz]ation|request)|autorizzazione\s+(?:al|per\s+il|a\s+eseguire)\s+(?:un\s+)?(?:penetration\s+test|pentest|test)|(?:chiediamo|richiediamo|chiedo|richiedo|ottenere|avere|ricevere)\s+(?:la\s+)?(?:vostra\s+|sua\s+|tua\s+)?autorizzazione|autorizzazione\s+scritta|written\s+(?:authori[sz]ation|permission|approval|statement|confirmation)|dichiarazione\s+(?:scritta|su\s+carta\s+intestata|in\s+merito)|attestazione|letter\s+of\s+(?:assurance|attestation)|in\s+writing|per\s+iscritto|(?:è|sia)\s+consentit[ao]|is\s+(?:it\s+)?(?:allowed|permitted)|are\s+we\s+allowed|siamo\s+autorizzati|may\s+we\s+(?:test|use|scan)|esercitazion\w+|student[ie]?\b|request\s+for\s+comment|(?:third[-\s]party|supplier|vendor)\s+risk|please\s+provide\s+(?:the\s+following|us\s+with)|soc\s*2\s+(?:type\s+(?:ii|2)\s+)?report|press\s+(?:inquiry|enquiry|request)|richiesta\s+di\s+(?:commento|intervista|documentazione)|(?:for|in|on)\s+(?:a|an|my|our)\s+(?:story|piece|article)\b|per\s+un\s+(?:articolo|servizio|pezzo|reportage)|si\s+chiede\s+(?:\w+\s+){0,2}?di\s+(?:voler\s+)?(?:trasmettere|inviare|fornire|indicare|compilare|comunicare|precisare|dichiarare)|request\s+for\s+documentation|(?:send|provide)\s+(?:us\s+)?(?:a\s+)?copy\s+of|(?:request(?:ing)?|ask(?:ing)?\s+for|seek(?:ing)?)\s+(?:your\s+)?(?:written\s+)?(?:authori[sz]ation|permission)\s+to\s+(?:test|run|perform|conduct|scan))",
    )
    .expect("valid regex")
});

/// A question whether something of ours is affected: "is this a false
/// positive?", "il vostro servizio è interessato?".
static ASKS_IF_AFFECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:affected|impacted|vulnerable|false\s+positive|falso\s+positivo|interessat[oaie]|coinvolt[oaie]|vulnerabil[ei]|espost[oaie]|affett[oaie]|ship(?:s|ped)?|is\s+there\s+(?:a|any)\s+(?:fix|patch|update|version|firmware)|c'è\s+(?:una|un)\s+(?:patch|aggiornamento|correzione|versione)|reachable|raggiungibil[ei]|a\s+rischio|at\s+risk)\b",
    )
    .expect("valid regex")
});

/// Thanks for what was done, with nothing new: "thank you for the fast
/// turnaround", "grazie mille per l'aggiornamento".
static THANKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:hi|hello|dear|ciao|buongiorno|salve)\b[^\n]{0,40}\n+)?[^\n]{0,60}?\b(?:thank\s+you|thanks|many\s+thanks|grazie(?:\s+mille)?|ti\s+ringrazio|vi\s+ringrazio|ringrazio)\s+(?:\w+\s+){0,3}?(?:for|per)\s+(?:the|your|il|lo|la|l'|i|gli|le)")
        .expect("valid regex")
});

/// Whether a sentence of `text` tells of a flaw as possible ("an attacker
/// could…").
fn tells_a_flaw(text: &str) -> bool {
    super::prose::sentences(text).any(|s| count(&s).1 > 0 && COULD.is_match(&s))
}

/// A mail that reports nothing though it may name a CVE: it chases an
/// earlier report, comes from a mailing list, asks for paperwork, asks
/// whether we are affected, or answers the desk's own mail without a new
/// finding.
fn reports_nothing(subject: &str, own: &str, body: &str, answers_the_desk: bool) -> bool {
    if reports(own) {
        return false;
    }
    let weighed = weigh(own);
    // a reply, a chase or thanks that goes on to tell the desk what
    // happened or what is wrong reports it
    let tells = tells_something(&weighed);
    let flaw = tells_a_flaw(own);
    (answers_the_desk && !tells)
        || (THANKS.is_match(own) && !flaw && !tells)
        || (CHASES.is_match(own) && !tells)
        || BULK.is_match(body)
        || SOLICITS.is_match(own)
        // a question whether we are affected, from a writer who tells of
        // no incident (one only heard of, "might be hacked", does not
        // count); the subject may be the question ("Siete coinvolti da
        // CVE-…?") when the writer tells of no flaw either
        || (weighed.incident < 2 && {
            let subject = (!flaw).then(|| subject.to_owned());
            subject
                .into_iter()
                .chain(super::prose::sentences(own))
                .any(|s| {
                    (s.trim_end().ends_with('?') || ASKS.is_match(&s))
                        && ASKS_IF_AFFECTED.is_match(&s)
                })
        })
}

/// A sentence asking or requesting rather than telling.
static ASKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:hi\b|hello\b|dear\b|buongiorno\b|salve\b|ciao\b)?[^.]{0,40}?\b(?:
            do\s+you|does\s+(?:your|the)|are\s+you|is\s+(?:your|the)|can\s+you|could\s+you|would\s+you|will\s+you|have\s+you|did\s+you|
            please\s+(?:send|share|confirm|let|advise|tell)|we\s+(?:need|want|would\s+like)\s+to\s+know|i'?d\s+like\s+to\s+know|i\s+was\s+wondering|
            (?:are|is|am)\s+asking\s+(?:whether|if)|ask(?:ing)?\s+(?:you\s+)?(?:whether|if)|wants?\s+to\s+know|(?:check|verify|confirm|know)\s+(?:whether|if)|(?:verificare|capire|sapere|controllare|chied\w*|domand\w*)\s+se|sapete\s+dire|mi\s+sapete|
            siete|avete|potete|potreste|poteste|(?:vi|le|ti)\s+sarei\s+grat\w|(?:would|i'?d)\s+be\s+grateful\s+if|kindly\s+confirm|please\s+confirm\s+(?:whether|if)|[eè]\s+possibile|vorrei\s+sapere|vorremmo\s+sapere|sapete|ci\s+sono|c'è|ci\s+confermate|mi\s+confermate
        )\b",
    )
    .expect("valid regex")
});

/// Whether the writer only asks (a question, a request) and reports
/// nothing: "does your appliance ship the library from CVE-…?".
fn only_asks(own: &str) -> bool {
    if reports(own) {
        return false;
    }
    let topical = topical(own);
    !topical.is_empty()
        && topical
            .iter()
            .all(|s| s.trim_end().ends_with('?') || ASKS.is_match(s))
}

/// The sentences of `text` about a security matter: a kind word or a CVE.
fn topical(text: &str) -> Vec<String> {
    super::prose::sentences(text)
        .filter(|s| {
            let (i, v) = count(s);
            i + v > 0 || !super::cve::find_cves(s).is_empty()
        })
        .collect()
}

/// Incident sentences told as having happened, and flaw sentences, with
/// the first of each kind.
struct Weighed {
    incident: usize,
    vulnerability: usize,
    event: Option<String>,
    flaw: Option<String>,
}

fn weigh(text: &str) -> Weighed {
    let mut w = Weighed {
        incident: 0,
        vulnerability: 0,
        event: None,
        flaw: None,
    };
    // "ends up on the attacker's domain": the attacker of a flaw, told in
    // the present, is someone who could
    let counted = |sentence: &str| {
        let (i, v) = count(sentence);
        let actors = ACTOR.find_iter(sentence).count();
        if actors > 0 && actors == i && !HAPPENED.is_match(sentence) {
            (0, v + actors)
        } else {
            (i, v)
        }
    };
    let sentences: Vec<(String, (usize, usize), bool)> = super::prose::sentences(text)
        .map(|s| {
            let counts = counted(&s);
            let could = COULD.is_match(&s);
            (s, counts, could)
        })
        .collect();
    // a mail tells of an incident when one sentence names it plainly, not
    // beside a flaw nor as a possibility
    let incident_mail = sentences
        .iter()
        .any(|(_, (i, v), could)| *i > 0 && *v == 0 && !could);
    for (sentence, (i, v), could) in sentences {
        // seeing and when count fully beside an incident word, or in a
        // mail that names one; alone ("the files were renamed last night")
        // a little, unless the sentence names a flaw
        // "non ho trovato niente" saw nothing
        let told = |re: &Regex| {
            re.find_iter(&sentence)
                .any(|m| !negated(&sentence[..m.start()]))
        };
        let seen = told(&SEEN);
        // "ha rilevato che … risulta raggiungibile da Internet": a flaw
        // found, not an event, unless an incident is named too
        let happened = (told(&HAPPENED) && (i > 0 || v == 0))
            || (seen && (i > 0 || (incident_mail && v == 0)));
        let before = w.incident;
        if happened && !could {
            w.incident += 2;
        } else if happened || (i > 0 && !could) || (seen && v == 0 && !could) {
            w.incident += 1;
        }
        if w.incident > before && w.event.is_none() {
            w.event = Some(sentence.clone());
        }
        if v > 0 || (i > 0 && could && !happened) {
            w.vulnerability += 1;
            if w.flaw.is_none() {
                w.flaw = Some(sentence);
            }
        }
    }
    w
}

/// The kind, and briefly why: the evidence the staff notification and the
/// acknowledgment show, so a misreading can be corrected by reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Decision {
    pub(super) kind: Kind,
    pub(super) basis: KindBasis,
    /// The writer's sentence that decided it, when one did.
    pub(super) quote: Option<String>,
}

/// What decided the kind (the templates word it in each language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KindBasis {
    /// The plus tag of the address it was sent to.
    Address,
    /// A "Type:" label.
    Label,
    /// A question or request with no report in it.
    Question,
    Subject,
    /// Something told as having happened.
    Events,
    /// A CVE id or a CVSS score.
    Cve,
    /// The words of the text, one kind more often than the other.
    Words,
    /// Neither kind is told.
    Nothing,
}

/// The plus tag wins, then a label; a writer who only asks reports nothing
/// (unknown); then the subject when it names one kind only; then what the
/// text tells: something that happened (an intrusion seen, data taken) is
/// an incident, even through a CVE; a CVE id or CVSS score otherwise means
/// a vulnerability; else whichever kind the text names more, unknown on a
/// tie.
pub(super) fn decide(evidence: &Evidence<'_>) -> Decision {
    let decided = |kind, basis, quote: Option<String>| Decision {
        kind,
        basis,
        quote: quote.map(|q| super::text::truncate_chars(&q, 160)),
    };
    if let Some(kind) = from_recipients(evidence.recipients) {
        return decided(kind, KindBasis::Address, None);
    }
    if let Some(kind) = evidence.label {
        return decided(kind, KindBasis::Label, None);
    }
    // a reply that only points below ("the details are in my mail below")
    // is judged by the mail it quotes
    if !evidence.labelled_report
        && reports_nothing(
            evidence.subject,
            evidence.own,
            evidence.body,
            evidence.quotes_the_desk,
        )
    {
        return decided(Kind::Unknown, KindBasis::Question, None);
    }
    let asker = if topical(evidence.own).is_empty() {
        evidence.quoted
    } else {
        evidence.own
    };
    if !evidence.labelled_report && only_asks(asker) {
        return decided(Kind::Unknown, KindBasis::Question, None);
    }
    // a subject is a title: "Digest of vulnerability reports" names its kind
    let subject = count_words(evidence.subject);
    match subject {
        (i, 0) if i > 0 => return decided(Kind::Incident, KindBasis::Subject, None),
        (0, v) if v > 0 => return decided(Kind::Vulnerability, KindBasis::Subject, None),
        _ => {}
    }
    let weighed = weigh(evidence.body);
    if weighed.incident >= 2 && weighed.incident > weighed.vulnerability {
        return decided(Kind::Incident, KindBasis::Events, weighed.event);
    }
    if evidence.has_cve_or_cvss {
        return decided(Kind::Vulnerability, KindBasis::Cve, None);
    }
    let (incident, vulnerability) = (
        subject.0 + weighed.incident,
        subject.1 + weighed.vulnerability,
    );
    match incident.cmp(&vulnerability) {
        std::cmp::Ordering::Greater => decided(Kind::Incident, KindBasis::Words, weighed.event),
        std::cmp::Ordering::Less => decided(Kind::Vulnerability, KindBasis::Words, weighed.flaw),
        // a report laid out under labels that tells no event is a flaw
        std::cmp::Ordering::Equal if evidence.labelled_report && incident == 0 => {
            decided(Kind::Vulnerability, KindBasis::Words, None)
        }
        std::cmp::Ordering::Equal => decided(Kind::Unknown, KindBasis::Nothing, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipients(addrs: &[&str]) -> Vec<String> {
        addrs.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn plus_tags_name_the_kind() {
        let cases = [
            ("security+incident@example.com", Some(Kind::Incident)),
            (
                "Desk <security+incidente@example.com>",
                Some(Kind::Incident),
            ),
            ("security+vuln@example.com", Some(Kind::Vulnerability)),
            (
                "security+Vulnerability@example.com",
                Some(Kind::Vulnerability),
            ),
            (
                "security+vulnerabilità@example.com",
                Some(Kind::Vulnerability),
            ),
            ("security+urgent@example.com", None),
            ("security@example.com", None),
        ];
        for (addr, expected) in cases {
            assert_eq!(from_recipients(&recipients(&[addr])), expected, "{addr}");
        }
    }

    #[test]
    fn label_values_in_both_languages() {
        assert_eq!(
            from_label_value("Evento imprevisto per la sicurezza"),
            Some(Kind::Incident)
        );
        assert_eq!(from_label_value("Vulnerabilità"), Some(Kind::Vulnerability));
        assert_eq!(from_label_value("security incident"), Some(Kind::Incident));
        assert_eq!(from_label_value("incident or vulnerability"), None);
        assert_eq!(from_label_value("other"), None);
    }
}
