//! Free prose: a fix or mitigation, and a message for customers, told in
//! sentences rather than under a label.
//!
//! A sentence offers a remediation when it names one (a fix, a patch, a
//! workaround, a mitigation) or when it has a remediation verb (upgrade,
//! disable, rotate, block, restrict...; aggiornare, disattivare, ruotare,
//! bloccare...) with someone doing or advising it: an imperative ("Upgrade
//! to 2.4.9"), advice ("you should", "I'd suggest", "si può", "suggerirei"),
//! the desk's reporter having done it ("we revoked", "abbiamo bloccato"), or
//! a version that "closes it". Precision over recall: a sentence that
//! negates ("no fix is available yet"), asks, or tells how to reproduce or
//! attack ("disable the WAF and send the payload") is never one.

use std::sync::LazyLock;

use regex::Regex;

/// A remedy named by its noun.
static REMEDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:mitigat\w*|workarounds?|fix(?:ed|es)?|hotfix\w*|patch(?:ed|es)?|upgrad(?:e|ing)\s+to|updat(?:e|ing)\s+to|mitigazion[ei]|mitigar\w*|correzion[ei]|soluzion[ei]\s+temporane[ae]|contromisur[ae]|aggiornare|aggiornando|aggiornamento\s+al(?:la)?|(?:risolt[oa]|corrett[oa]|fixed|patched|resolved|addressed)\s+(?:nella|in)\s+(?:versione|version|release)|per\s+correggerl?[oaie]?|per\s+risolverl?[oaie]?|rimedi[oi]|remed(?:y|ies))\b",
    )
    .expect("valid regex")
});

/// What one does to remedy: the verb, in its forms.
static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            upgrad\w*|updat\w*|patch\w*|disabl\w*|deactivat\w*|turn(?:ed|ing)?\s+off|switch(?:ed|ing)?\s+off|
            rotat\w*|reset(?:ting)?|revok\w*|block\w*|restrict\w*|limit(?:ed|ing)?\s+access|firewall\w*|
            remov\w*|uninstall\w*|appl(?:y|ied|ying)\s+(?:\w+\s+){0,2}?(?:patch\w*|fix\w*|update\w*|hotfix\w*|mitigation\w*|workaround\w*|change\w*|config\w*|setting\w*|rules?|filters?|version)|install\w*|enabl\w*\s+(?:mfa|2fa|two[-\s]factor|multi[-\s]factor|the\s+waf|csp|hsts)|
            chang\w*\s+(?:\w+\s+){0,4}?(?:passwords?|credentials|keys|secrets)|
            mov(?:e|ed|ing)\s+to|switch(?:ed|ing)?\s+to|migrat\w*\s+to|
            sanitiz\w*|sanitis\w*|escap(?:e|ed|ing)\s|encod(?:e|ed|ing)\s|validat\w*|whitelist\w*|allow-?list\w*|
            isolat\w*|quarantin\w*|shut\s+down|took\s+\w+\s+offline|taken\s+offline|
            put\s+(?:it|them|this|the\s+\w+)\s+behind|behind\s+(?:a|the)\s+(?:vpn|firewall|login|reverse\s+proxy)|turn(?:ed|ing)?\s+on|
            take\s+(?:\w+\s+){0,3}?off(?:line|\s+the\s+network)|disconnect\w*|scollega\w*|dropp(?:ed|ing)|null-?rout\w*|blackhol\w*|blocklist\w*|blacklist\w*|
            made\s+(?:the\s+\w+\s+|it\s+)?private|mak(?:e|ing)\s+(?:\w+\s+){0,3}?private|render(?:e|lo|la|li|le)\s+(?:\w+\s+){0,3}?privat[oaie]|attiv(?:are|erei|ate|ato|ata|ando)\s+(?:\w+\s+){0,2}?(?:cifratura|crittografia|mfa|2fa|autenticazione|firewall|waf|filtr\w+|blocc\w+)|(?:set|put)\s+(?:it\s+)?back\s+to\s+private|res[oa]\s+privat[oa]|purg\w*|wip(?:e|ed|ing)\b|togli\w*|tolt[oaie]\b|
            chies\w*\s+(?:il\s+|la\s+)?(?:takedown|rimozione|sospensione)|check\s+(?:the|that|for)\b|pull\s+(?:that|the|it)\b|
            deriv\w*|pin(?:ned|ning)?\s|reimpost\w*|resett\w*|reinstall\w*|forz\w*\s+(?:il\s+|la\s+|un\s+)?(?:logout|reset|cambio|disconnessione|scadenza)|forc\w*\s+(?:a\s+|the\s+)?(?:password\s+)?(?:reset|logout|log-?out|sign-?out|re-?authentication|change)|reject\w*|den(?:y|ied)\b|enforc\w*|invalid(?:ate|ated|ating|are|ate|ato|ata|ati)\b|invalida\w*|
            delet\w*|restor\w*|take\s*down|suspend\w*|terminat\w*|stopp(?:ed|ing)|kill(?:ed|ing)|
            sospe(?:s|so|sa|si|se|ndere|ndiamo|nderei)\b|aggiung\w*|impost\w*|add\s+(?:a|an|the)\s|set\s+(?:\w+=|\w+;|the\s|a\s|an\s|it\s|\w+\s+(?:to|on)\b)|
            l'(?:ho|abbiamo)\s+(?:subito\s+|già\s+)?cambiat[ao]\b|disattivazione|sospensione|revoca\b|rimozione|isolamento|reset\s+(?:delle|di\s+tutte\s+le|dell[ae])\s+(?:\w+\s+)?(?:credenziali|password|chiavi)|takedown|ripristin\w*|elimin\w*|cancellat[oaie]|richied\w*\s+(?:il\s+|la\s+)?(?:takedown|rimozione|sospensione)|
            aggiorn\w*|passa(?:re|te|to)\s+(?:alla|a)\b|passaggio\s+(?:alla|a)\b|disattiv\w*|disabilit\w*|applica(?:re|te|to|ta|ti|ndo|ndola|ndolo)\b|applicherei|applicazione\s+(?:della|delle|del|di)\s+(?:patch|correzion\w*|aggiornament\w*|regol\w*|fix)|ruota\w*|revoca\w*|
            blocca\w*|bloccat\w*|limita\w*|restring\w*|rimuov\w*|rimoss\w*|disinstall\w*|installa\w*|
            cambia\w*\s+(?:la\s+|le\s+|tutte\s+le\s+)?(?:password|credenziali|chiavi)|isola\w*|spent[oaie]|spegne\w*|
            filtra\w*|valida\w*|abilita\w*\s+(?:l'?\s*)?(?:mfa|2fa|autenticazione)
        )",
    )
    .expect("valid regex")
});

/// Someone does it or advises it: an imperative at the start, advice, a
/// first person who did it, or a version that closes the hole.
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^(?:please\s+|kindly\s+|per\s+favore\s+|then\s+|also\s+|first,?\s+|quickly\s+)?(?:put|pull|take|kill|drop|shut|lock|purge|wipe|delete|check|derive|bind|turn\s+on|restore|require|enforce|add|set|configure|lock\s+down|take\s+down|request|mettere|mettete|impostare|configurare|ripristinare|chiudere|richiedere|eliminare|upgrade|update|patch|disable|deactivate|turn\s+off|rotate|reset|revoke|block|restrict|remove|uninstall|apply|install|enable|change|move|switch|migrate|sanitize|sanitise|escape|encode|validate|isolate|aggiornare|aggiornate|passare|passate|disattivare|disattivate|disabilitare|disabilitate|applicare|applicate|ruotare|ruotate|revocare|revocate|bloccare|bloccate|limitare|limitate|rimuovere|rimuovete|installare|installate|cambiare|cambiate|filtrare|validare|abilitare|abilitate|isolare)\b
        |\b(?:should|must|need\s+to|needs\s+to|have\s+to|recommend\w*|suggest\w*|advis\w*|consider\w*|please|you\s+can|you\s+could|one\s+can|i'?d|we'?d|it\s+is\s+advisable|best\s+to|as\s+a\s+stopgap|in\s+the\s+meantime|meanwhile|until\s+then|temporarily)\b
        |\b(?:closes|fixes|resolves|addresses|solves)\s+(?:it|this|the\s+(?:issue|problem|hole|flaw|bug|vulnerability))\b
        |\b(?:is|was|are|were)\s+(?:fixed|patched|resolved|addressed)\s+in\b
        |\b(?:you\s+(?:might|may)\s+want\s+to|it\s+might\s+be\s+worth|worth\s+(?:\w+ing)|converrebbe|sarebbe\s+(?:meglio|opportuno|bene)|andrebbe|andrebbero|cosa\s+fare|what\s+to\s+do|next\s+steps|prossimi\s+passi|secondo\s+me|a\s+mio\s+(?:avviso|parere)|in\s+my\s+(?:opinion|view)|per\s+correggere|per\s+risolvere|to\s+fix\s+(?:this|it)|[eè]\s+sufficiente|basta|basterebbe)\b
        |\b(?:si\s+richiede|si\s+chiede|(?:vi|le|ti)\s+chied(?:o|iamo)\s+di|(?:vi|la|ti)\s+preg(?:o|hiamo)\s+di|mi\s+sembra|a\s+mio\s+parere|we\s+(?:kindly\s+)?(?:ask|request|urge)\s+(?:you\s+)?to|(?:is|are)\s+(?:kindly\s+)?requested)\b|\b(?:suggeri\w*|consigli\w*|raccomand\w*|si\s+pu[oò]|si\s+potrebbe|si\s+dovrebbe|si\s+deve|bisogna|occorre|[eè]\s+necessario|[eè]\s+consigliabile|conviene|dovreste|dovete|potete|potreste|va\s+\w+[aei]t[oaie]|vanno|nel\s+frattempo|in\s+attesa|temporaneamente|per\s+ora)\b
        |\b(?:chiude|risolve|corregge|sistema)\s+(?:il\s+problema|la\s+falla|la\s+vulnerabilit[aà])\b|\b(?:risolt[oa]|corrett[oa])\s+nella\s+versione\b
        ",
    )
    .expect("valid regex")
});

/// Asking the desk to fix, or speaking of the fix to come: "please fix",
/// "when you will fix", "dopo la correzione". Not a fix given.
static ASKS_FOR_FIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            (?:when|whether|if)\s+(?:you|u)\s+(?:will|can|could|plan\s+to|are\s+going\s+to|intend\s+to)\s+(?:\w+\s+)?(?:fix|patch|correct|resolve)
            |(?:how|what)\s+(?:to|we\s+should|should\s+we|can\s+we|do\s+we)\s+(?:\w+\s+)?(?:fix|patch|mitigate|change)|come\s+(?:possiamo\s+|dobbiamo\s+|si\s+pu[oò]\s+)?(?:correggere|risolvere|mitigare|sistemare)
            |please\s+(?:fix|patch)|(?:vi|le|ti)\s+chied\w*\s+(?:una|la|un|il)\s+(?:correzione|patch|fix)|(?:we|i)\s+(?:ask|request)\s+(?:you\s+)?(?:for\s+)?(?:a|an|the)\s+(?:official\s+)?(?:fix|patch)|(?:porre|porvi|mettere)\s+rimedio|take\s+(?:the\s+)?(?:necessary|appropriate|required)\s+(?:action|steps|measures)|the\s+actions?\s+you\s+deem|(?:want|need|expect|demand)\s+(?:it|this|that|them)\s+(?:\w+\s+)?(?:fixed|patched|resolved|sorted)|(?:voglio|vogliamo|pretendo|esigo)\s+che\s+(?:\w+\s+){0,3}?(?:risolt|sistemat|corrett)\w*|(?:could|can|would)\s+you\s+(?:please\s+)?(?:fix|patch)|if\s+you\s+could\s+(?:\w+\s+)?(?:fix|patch)
            |(?:until|once|after|before)\s+(?:it\s+is|it's|this\s+is|the\s+\w+\s+is)\s+(?:fixed|resolved|patched)|after\s+the\s+(?:fix|patch)|before\s+the\s+(?:fix|patch)
            |quando\s+(?:pensate\s+di\s+|contate\s+di\s+|potete\s+)?(?:correggere|risolvere|sistemare)|(?:potete|potreste)\s+(?:correggere|risolvere|sistemare)
            |dopo\s+la\s+(?:correzione|risoluzione|patch)|prima\s+della\s+(?:correzione|patch)|una\s+volta\s+(?:corrett|risolt|sistemat)\w*
        )",
    )
    .expect("valid regex")
});

/// "the mitigation below works for us too": the fix is elsewhere in the
/// mail (and is read there).
static POINTS_ELSEWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:indicat[ao]\s+(?:qui\s+)?sotto|(?:qui\s+)?sotto\s+indicat[ao]|riportat[ao]\s+(?:qui\s+)?sotto|in\s+calce|described\s+below|at\s+the\s+bottom|in\s+fondo|che\s+indicano|(?:indicat[ao]|suggerit[ao]|propost[ao])\s+(?:nell'avviso|dal\s+(?:vendor|produttore|fornitore))|(?:mentioned|suggested|given|listed)\s+below|see\s+below|below\s+works)\b")
        .expect("valid regex")
});

/// The writer did it: "we revoked", "I've already suspended", "abbiamo
/// isolato", "l'ho cambiata", "si è provveduto alla disattivazione". The
/// remedy's verb must be the one done ("I tried the reset page" is not).
static DID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:we|i)\s+(?:have\s+|'ve\s+|had\s+|already\s+|immediately\s+|then\s+|also\s+)*\w+ed\b
        |\b(?:we|i)'ve\b
        |\b(?:abbiamo|ho|avevamo|avevo)\s+(?:gi[aà]\s+|subito\s+|immediatamente\s+|anche\s+|poi\s+)*\w+(?:at[oaie]|it[oaie]|ut[oaie]|ess[oaie]|ost[oaie]|est[oaie]|ist[oaie]|ert[oaie]|itt[oaie]|ott[oaie]|olt[oaie]|os[oaie]|es[oaie])\b
        |\bl'(?:ho|abbiamo|avevo|avevamo)\s+(?:gi[aà]\s+|subito\s+)?\w+(?:at[oaie]|it[oaie]|ess[oaie])\b
        |\b(?:si\s+[eè]|abbiamo|ho)\s+(?:gi[aà]\s+|subito\s+)?provveduto\b
        |\b(?:ha|hanno)\s+(?:gi[aà]\s+|subito\s+|immediatamente\s+|anche\s+)*\w+(?:at[oaie]|it[oaie]|ut[oaie]|es[oaie])\b
        |\b(?:they|he|she|it|the\s+\w+)\s+(?:has|have|had)\s+(?:already\s+|immediately\s+|also\s+)*\w+ed\b
        |^(?:done|did|fatto)\b
        |\b(?:we|i)\s+(?:have\s+|'ve\s+|had\s+|already\s+|then\s+|also\s+|immediately\s+)*(?:made|put|set|reset|shut|took|cut|kept|got|ran|rebuilt|rewrote|withdrew|froze|rang|hid|forbade)\b
        |\b(?:can|could|should|may|might|must)\s+(?:also\s+|easily\s+|simply\s+)?be\b
        ",
    )
    .expect("valid regex")
});

/// Secrets changed, told in the passive with the secret first: "la
/// password è stata cambiata", "the keys were rotated".
static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:password|credenziali|chiavi|keys?|credentials|tokens?|secrets?)\s+(?:\w+\s+)?(?:(?:[eè]|sono)\s+stat[aeio]|was|were|has\s+been|have\s+been)\s+(?:subito\s+|immediately\s+|already\s+|gi[aà]\s+)?(?:cambiat|modificat|reimpostat|resettat|ruotat|revocat|changed|reset|rotated|revoked)\w*")
        .expect("valid regex")
});

/// Done, told in the passive right before the remedy's verb: "the file has
/// been removed", "la password è stata cambiata".
static PASSIVE_DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|has\s+been|have\s+been|had\s+been|(?:[eè]|sono)\s+stat[oaie])\s+(?:(?:already|immediately|then|also|gi[aà]|subito|poi|anche|immediatamente)\s+)?")
        .expect("valid regex")
});

/// "they are working on a fix, but there is no patch yet": none given.
static NONE_YET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:non\s+esiste\s+(?:ancora\s+)?(?:una\s+|un\s+)?(?:patch|correzione|fix|soluzione)|non\s+c'è\s+ancora|no\s+(?:patch|fix)\s+(?:yet|is\s+available|exists)|there\s+is\s+no\s+(?:patch|fix)\s+yet|not\s+yet\s+(?:available|patched|fixed)|stanno\s+lavorando\s+a|in\s+preparation|in\s+preparazione|is\s+being\s+prepared|will\s+be\s+(?:published|released|available|out)|sar[àa]\s+(?:rilasciat|pubblicat|disponibil)\w*|coming\s+soon|in\s+arrivo|arriver[àa]|will\s+(?:arrive|come|ship|land)\b|(?:is|are)\s+expected\s+(?:in|on|by|next|to\s+(?:ship|land|be\s+released))|previst[ao]\s+per|non\s+[eè]\s+ancora\s+(?:uscit|disponibil|rilasciat|pubblicat)\w*|not\s+(?:yet\s+)?(?:out|released|shipped)\s+yet|\bin\s+(?:qa|testing|beta|test)\b|being\s+(?:tested|validated)|in\s+fase\s+di\s+(?:test|collaudo|verifica|rilascio)|(?:are|is)\s+working\s+on\s+a\s+(?:fix|patch))")
        .expect("valid regex")
});

/// The running of a bounty programme, not the flaw: "please confirm the
/// severity and set a bounty", "assign a reward".
static PROGRAMME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:bount(?:y|ies)|reward|payout|taglia|ricompensa|hall\s+of\s+fame)\b")
        .expect("valid regex")
});

static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:no|not|none|nothing|nessun[oa]?|non|niente|nulla|never|without|senza|yet|ancora|neither|nor|né)\b|n't\b",
    )
    .expect("valid regex")
});

/// How to reproduce or attack: never a fix, whatever its verbs.
static ATTACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:reproduc\w*|repro\b|riprodur\w*|riproduzione|proof[-\s]of[-\s]concept|poc\b|payload|exploit\w*|attackers?\b|attaccant[ei]|the\s+intruder|l'?intruso|threat\s+actors?|step\s+\d|passo\s+\d)",
    )
    .expect("valid regex")
});

/// "what we could tell the users affected is", "for the customer notice",
/// "ai clienti scriverei che": a message for customers follows.
/// Who a message for customers may be addressed to, in each language.
const AUDIENCE_EN: &str = r"(?:customers?|users?|clients?|people|everyone|everybody|end[-\s]?users?|recipients|parents|families|students|members|citizens|patients|subscribers|residents|tenants|account\s+holders|merchants|shops|partners|resellers)";
const AUDIENCE_IT: &str = r"(?:clienti|utenti|cliente(?:\s+finale)?|utente|utilizzatori|enti|genitori|famiglie|docenti|studenti|cittadini|interessati|iscritti|pazienti|soci|abbonati|ospiti|destinatari|rivenditori|partner)";
/// "tell all your customers", "ai miei clienti".
const DETERMINERS_EN: &str = r"(?:(?:the|our|your|all|of|my|those|these|its|their)\s+){0,3}";
const DETERMINERS_IT: &str =
    r"(?:(?:nostri|vostri|miei|tuoi|suoi|loro|altri|i|gli|le|tutti|tutte)\s+){0,2}";

static CUSTOMER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &r"(?ix)
        \b(?:tell(?:ing)?|inform(?:ing)?|notify(?:ing)?|say\s+to|write\s+to|communicate\s+to|told|informed|notified|message\s+(?:for|to)|notice\s+(?:for|to)|wording\s+for)\s+DET_EN(?:affected\s+|impacted\s+)?AUD_EN\b
        |\bAUD_EN\s+(?:could|can|should|would|might)\s+be\s+(?:told|informed|notified)\b
        |\bfor\s+the\s+(?:customer|user|client)s?\s+(?:notice|notification|message|communication|advisory|statement)\b
        |\b(?:customer|user|client)\s+(?:notice|notification|communication)\s+(?:i'?d|we'?d|could|should)\b
        |\b(?:ai|agli|alle|al|alla|all')\s*DET_ITAUD_IT\s+(?:\w+\s+){0,4}?(?:scriverei|direi|comunicherei|scriverem(?:m)?o|dire(?:m)?mo|comunicherem(?:m)?o|si\s+pu[oò]\s+(?:dire|scrivere|comunicare)|potremmo\s+(?:dire|scrivere|comunicare)|potreste\s+(?:dire|scrivere|comunicare)|suggerirei\s+di\s+(?:dire|scrivere|comunicare))\b
        |\b(?:comunicare|dire|scrivere)\s+(?:\w+\s+)?(?:ai|agli)\s+(?:\w+\s+)?AUD_IT\b
        |\b(?:suggested|proposed|draft|possible)\s+(?:end[-\s]?user|customer|user|client|consumer|subscriber)s?\s+(?:notice|notification|message|communication|wording|text|email|statement)\b
        |\b(?:for|to)\s+DET_EN(?:\w+\s+)?AUD_EN\b[^.:]{0,60}?\b(?:notice|message|note|statement|announcement|e-?mail)\b[^.:]{0,30}:
        |\b(?:ai|agli|per\s+i|per\s+gli)\s+(?:\w+\s+)?AUD_IT\b[^.:]{0,60}?\b(?:avviso|messaggio|comunicazione|comunicato|testo|nota)\b[^.:]{0,30}:
        |\b(?:let(?:ting)?\s+them\s+know|tell(?:ing)?\s+them|inform(?:ing)?\s+them|warn(?:ing)?\s+them|remind(?:ing)?\s+them)\s+that\b
        |\b(?:scrivergli|scriverle|dirgli|dirle|comunicargli|comunicarle|rispondergli|risponderle|(?:dire|scrivere|comunicare|spiegare)\s+loro)\s+che\b|\bgli\s+(?:scriverei|direi|consiglierei|suggerirei|scriverem+o|direm+o)\s+(?:di|che)\b|\b(?:scriverei|direi|consiglierei|suggerirei)\s+loro\s+(?:di|che)\b
        |\b(?:ai|agli|alle)\s+(?:\w+\s+){0,3}?AUD_IT\s+(?:\w+\s+){0,3}?si\s+(?:propone|suggerisce|potrebbe|può|dovrebbe)\s+(?:di\s+)?(?:comunicare|dire|scrivere|suggerire|consigliare|raccomandare|chiedere)\b
        |\bAUD_EN\s+(?:could|can|should|might)\s+be\s+(?:advised|asked|told|encouraged|reminded)\s+to\b
        |\b(?:suggest|recommend)\s+(?:telling|advising|asking|reminding)\s+them\b
        |\btesto\s+da\s+(?:inviare|mandare|comunicare)\s+(?:ai|agli)\s+(?:\w+\s+)?AUD_IT\b
        |\bper\s+i\s+AUD_IT\b[^.]{0,120}?\b(?:potremmo|potreste|si\s+potrebbe|possiamo|potete)\s+(?:dire|scrivere|comunicare)\b
        |\bper\s+(?:la\s+)?comunicazione\s+(?:ai|agli)\s+AUD_IT\b
        |\b(?:suggested|proposed|draft|possible)\s+(?:wording|text|message|notice|statement|announcement)\s+(?:for|to)\s+DET_EN(?:affected\s+|impacted\s+)?AUD_EN\b
        |\blet\s+DET_EN(?:affected\s+|impacted\s+)?AUD_EN\s+know\b
        |\bwarn\s+DET_EN(?:affected\s+|impacted\s+)?AUD_EN\b
        |\bAUD_EN\s+(?:need|needs|should|must|ought)\s+to\s+(?:be\s+)?(?:know|hear|told|informed|warned|advised)\b
        |\b(?:customer[-\s]facing|public)\s+(?:notice|advisory|statement|message|announcement|note)\b
        |\b(?:notice|message|advisory|statement|announcement|email|e-mail)\s+(?:to|for)\s+(?:the\s+)?(?:affected\s+)?AUD_EN\s+(?:could|might|should|would|can)\s+(?:say|read|be)\b
        |\b(?:informare|avvisare|avvertire|comunicare|dire|scrivere|spiegare)\s+(?:ai|agli|alle|i|gli)\s+DET_ITAUD_IT\b
        |\b(?:informerei|avviserei|avvertirei|comunicherei|direi|scriverei|spiegherei)\s+(?:ai|agli|alle|i|gli)\s+AUD_IT\b
        |\b(?:ai|agli)\s+AUD_IT\s+(?:va|andrebbe|bisognerebbe|sarebbe\s+da|si\s+dovrebbe)\s+(?:detto|dire|comunicato|comunicare|spiegato|spiegare|scritto|scrivere)\b
        |\b(?:i|gli)\s+AUD_IT\s+(?:andrebbero|vanno|devono\s+essere|dovrebbero\s+essere)\s+(?:informati|avvisati|avvertiti)\b
        |\bnel\s+comunicato(?:\s+(?:ai|agli)\s+AUD_IT)?\s+(?:scriverei|direi|metterei|proporrei)\b
        |\b(?:testo|messaggio|avviso|comunicazione|bozza)\s+(?:proposto|proposta|suggerito|suggerita|possibile\s+)?\s*(?:per|ai|agli)\s+(?:i\s+|gli\s+)?AUD_IT\s+(?:proporrei|suggerirei|potrebbe\s+essere|sarebbe)\b
        "
            .replace("AUD_EN", AUDIENCE_EN)
            .replace("AUD_IT", AUDIENCE_IT)
            .replace("DET_EN", DETERMINERS_EN)
            .replace("DET_IT", DETERMINERS_IT),
    )
    .expect("valid regex")
});

/// Whether `text` speaks of a message for customers.
pub(super) fn has_customer_cue(text: &str) -> bool {
    CUSTOMER_CUE.is_match(&text.split_whitespace().collect::<Vec<_>>().join(" "))
        || customer_message(text).is_some()
}

/// Sentences kept at most, and their longest length in characters.
const MAX_SENTENCES: usize = 3;
const MAX_SENTENCE_CHARS: usize = 500;

/// Whether one sentence offers a fix, workaround or mitigation.
pub(super) fn offers_remedy(sentence: &str) -> bool {
    let s = sentence.trim();
    // what customers are to be told is not the desk's fix
    if s.ends_with('?')
        || ATTACK.is_match(s)
        || PROGRAMME.is_match(s)
        || CUSTOMER_CUE.is_match(s)
        || ASKS_FOR_FIX.is_match(s)
        || POINTS_ELSEWHERE.is_match(s)
        || NONE_YET.is_match(s)
    {
        return false;
    }
    // a negation before the remedy denies it ("no patch exists", "we have
    // not rotated"), only in the remedy's own clause: "no patch yet, but a
    // workaround is to disable X" and "I have not changed it yet, but
    // meanwhile I'd restrict port 8443" offer one; after it, it is part of
    // it ("disable X and do not pass Y")
    let affirmed = |m: &regex::Match<'_>| !NEGATION.is_match(clause_before(&s[..m.start()]));
    let named = REMEDY
        .find_iter(s)
        .filter(|m| !names_something_else(s, m))
        .any(|m| affirmed(&m));
    named || CHANGED.find_iter(s).any(|m| affirmed(&m)) || {
        let advised = AGENCY.is_match(s);
        ACTION
            .find_iter(s)
            .filter(|action| !names_something_else(s, action))
            .filter(|action| {
                advised
                    || PASSIVE_DONE
                        .find_iter(&s[..action.start()])
                        .any(|done| done.end() == action.start())
                    || DID.find_iter(s).any(|did| {
                        action.start() >= did.start() && action.start() <= did.end() + DONE_REACH
                    })
            })
            .any(|m| affirmed(&m))
    }
}

/// A remedy's word used for something else: "a fixed JA3 fingerprint",
/// "at a fixed interval", the HTTP method in "PATCH /api/v2/profile".
fn names_something_else(sentence: &str, m: &regex::Match<'_>) -> bool {
    let word = m.as_str();
    let word_before = sentence[..m.start()].split_whitespace().next_back();
    let after = &sentence[m.end()..];
    (word.eq_ignore_ascii_case("fixed")
        && word_before.is_some_and(|w| {
            ["a", "an", "with", "at", "on"]
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d))
        }))
        || (word == "PATCH" && after.trim_start().starts_with(['/', 'h']))
        || CONTENT.is_match(after)
}

/// What a site's owner updates that is no fix: "ho aggiornato i prezzi",
/// "I updated the menu".
static CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:i|il|la|le|gli|the|our|my|some|a\s+few)\s+)?(?:prezz\w*|catalog\w*|foto|contenut\w*|testi|listin\w*|prices?|content|photos?|pictures?|texts?|menu|orari|opening\s+hours|blog|news)\b")
        .expect("valid regex")
});

/// The end of `text` from its last clause boundary (a comma, a colon, a
/// semicolon, "but", "ma", "però").
fn clause_before(text: &str) -> &str {
    let lower = text.to_lowercase();
    let cut = [",", ":", ";", " but ", " ma ", " però ", " however "]
        .iter()
        .filter_map(|b| lower.rfind(b).map(|at| at + b.len()))
        .max()
        .unwrap_or(0);
    // `lower` may differ in length from `text` only past ASCII; fall back
    // to the whole text then
    text.get(cut..).unwrap_or(text)
}

/// How far after "we have"/"abbiamo" the verb done may stand, in bytes
/// ("we have already, on Monday, revoked").
const DONE_REACH: usize = 40;

/// The sentences of `text` that offer a fix, workaround or mitigation.
pub(super) fn remediation_sentences(text: &str) -> Option<String> {
    let picked: Vec<String> = sentences(text)
        .flat_map(short_enough)
        .filter(|s| offers_remedy(s))
        .take(MAX_SENTENCES)
        .collect();
    (!picked.is_empty()).then(|| picked.join(" "))
}

/// A sentence, or the clauses of one too long to keep whole (a worried
/// owner's one-paragraph sentence: "…, quindi qualcuno è entrato di sicuro,
/// ho già cambiato la password del pannello, …").
fn short_enough(sentence: String) -> Vec<String> {
    if sentence.chars().count() <= MAX_SENTENCE_CHARS {
        return vec![sentence];
    }
    sentence
        .split(", ")
        .filter(|clause| clause.chars().count() <= MAX_SENTENCE_CHARS)
        .map(str::to_owned)
        .collect()
}

/// The sentences of `text` that tell a fix already done ("We've already
/// forced a password reset for the 14 accounts"): kept beside a labelled
/// recommendation, which says what is still to do.
pub(super) fn done_remedies(text: &str) -> Option<String> {
    let picked: Vec<String> = sentences(text)
        .flat_map(short_enough)
        .filter(|s| (DID.is_match(s) || PASSIVE_DONE.is_match(s)) && offers_remedy(s))
        .take(MAX_SENTENCES)
        .collect();
    (!picked.is_empty()).then(|| picked.join(" "))
}

/// A message for customers told in prose: what follows the cue (after its
/// colon, or its "that"/"che"), to the end of its paragraph; the sentence
/// itself when nothing follows.
pub(super) fn customer_message(text: &str) -> Option<String> {
    for paragraph in text.split("\n\n") {
        // a wrapped line goes on; a line that ends a sentence ends the
        // message, unless the message has not begun
        let mut kept = String::new();
        for line in paragraph.lines() {
            kept.push_str(line.trim());
            kept.push(' ');
            if line.trim_end().ends_with(['.', '!', '?', '"', '”', '»'])
                && CUSTOMER_CUE.is_match(&kept)
            {
                break;
            }
        }
        let joined = kept.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some(cue) = CUSTOMER_CUE.find(&joined) else {
            continue;
        };
        // "Are you notifying customers directly?", "Whether you will be
        // notifying customers": asked, not proposed
        let sentence_start = joined[..cue.start()]
            .rfind(['.', '!', '?'])
            .map_or(0, |i| i + 1);
        let sentence_end = joined[cue.end()..]
            .find(['.', '!', '?'])
            .map(|i| cue.end() + i);
        let asked = sentence_end.is_some_and(|e| joined[e..].starts_with('?'))
            || WHETHER.is_match(&joined[sentence_start..cue.start()]);
        if asked {
            continue;
        }
        let after = &joined[cue.end()..];
        let message = if cue.as_str().ends_with(':') {
            after.trim()
        } else if let Some(colon) = after.find(':').filter(|&i| i < 80) {
            after[colon + 1..].trim()
        } else if let Some(that) = THAT.find(after).filter(|m| m.start() < 60) {
            after[that.end()..].trim()
        } else {
            // the sentence the cue is in, if it says something after the
            // cue ("... be told to change their passwords"), not only when
            // ("... inform your customers once it is resolved")
            let rest = after.split(['.', '!', '?']).next().unwrap_or("");
            if rest.split_whitespace().count() < 4 || ONLY_WHEN.is_match(rest) {
                continue;
            }
            let start = joined[..cue.start()]
                .rfind(['.', '!', '?'])
                .map_or(0, |i| i + 1);
            joined[start..].trim()
        };
        let message = message
            .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '«' | '»'))
            .trim();
        if message.split_whitespace().count() >= 4 && !RELATIVE.is_match(message) {
            return Some(message.to_owned());
        }
    }
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    (0..paragraphs.len()).find_map(|i| {
        let previous = i.checked_sub(1).map(|p| paragraphs[p]);
        introduced_text(paragraphs[i], previous, paragraphs.get(i + 1).copied())
    })
}

/// The text a paragraph introduces for an audience: before a colon or an
/// opening quote, customers (users, partners...) and a word of telling
/// (note, notice, wording, scrivere, avviso...); after it, what to say:
/// "the note we're sending our own customers reads: "…"", "per il cliente
/// proporrei di scrivere qualcosa come: “…”".
fn introduced_text(paragraph: &str, previous: Option<&str>, next: Option<&str>) -> Option<String> {
    // "e.g.:" ends no sentence
    let joined = paragraph
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("e.g.", "e_g_")
        .replace("i.e.", "i_e_");
    // a short paragraph or heading just above ("## If you notify users")
    // leads into this one
    // or a paragraph pointing to it ("The text we intend to send to
    // affected customers is below; …")
    let heading = previous
        .map(|p| p.trim())
        .filter(|p| {
            let words = p.split_whitespace().count();
            words <= 12 || (words <= 60 && POINTS_BELOW.is_match(p))
        })
        .unwrap_or_default();
    let quote = |text: &str| {
        let message = text
            .trim_start_matches(':')
            .trim()
            .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '>'))
            .trim()
            .to_owned();
        (message.split_whitespace().count() >= 5).then_some(message)
    };
    for (at, c) in joined.char_indices() {
        let after = &joined[at + c.len_utf8()..];
        // "https://", "CVSS:3.1/": not a colon that introduces
        if !matches!(c, ':' | '“' | '"' | '«')
            || (c == ':' && !(after.is_empty() || after.starts_with(' ')))
        {
            continue;
        }
        let before = &joined[..at];
        // the last 300 bytes or so before it, cut on a character boundary
        let mut from = before.len().saturating_sub(300);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        // the sentence the colon ends, and the one before it ("For the
        // customers I'd keep it short. Draft: …")
        let mut sentences = before[from..].rsplit(['.', '!', '?']);
        let last = sentences.next().unwrap_or_default();
        let earlier = sentences.next();
        let lead = match earlier {
            Some(earlier) if last.split_whitespace().count() < 4 => format!("{earlier} {last}"),
            Some(_) => last.to_owned(),
            None => format!("{heading} {last}"),
        };
        let for_someone = (names_audience(&lead) || CHANNEL.is_match(&lead))
            && TELLING.is_match(&lead)
            && !RECEIVED.is_match(&lead);
        let introduced = TELLING.is_match(last) && INTRODUCER.is_match(last);
        if for_someone || introduced {
            // the words may open the next paragraph ("Draft:" alone)
            let text = if after.trim().is_empty() {
                next.map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
                    .unwrap_or_default()
            } else {
                joined[at..].to_owned()
            };
            if let Some(message) = quote(&text) {
                return Some(message);
            }
        }
    }
    // no colon: "if you publish a note for users, something along the
    // lines of …"
    sentences(paragraph).find_map(|sentence| {
        let intro = INTRODUCER.find(&sentence)?;
        let lead = &sentence[..intro.start()];
        ((AUDIENCE.is_match(lead) || CHANNEL.is_match(lead)) && TELLING.is_match(lead))
            .then(|| quote(&sentence[intro.end()..]))
            .flatten()
    })
}

/// A message received rather than proposed.
pub(super) static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:original\w*|received|ricevut\w*|from\s+the\s+customer|del\s+cliente|dal\s+cliente)\b")
        .expect("valid regex")
});

/// "is below", "il testo è il seguente".
static POINTS_BELOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:below|following|as\s+follows|di\s+seguito|qui\s+sotto|seguente)\b")
        .expect("valid regex")
});

/// Whether `lead` names whom a message is for; "our client's data" names
/// whose data it is.
fn names_audience(lead: &str) -> bool {
    AUDIENCE
        .find_iter(lead)
        .any(|m| !lead[m.end()..].starts_with(['\'', '’']))
}

/// Where customers read it: release notes, a status page, the public site.
static CHANNEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:release\s+notes|changelog|status\s+page|note\s+di\s+rilascio|sito\s+istituzionale|pagina\s+di\s+stato|cittadinanza|cittadini|affected\s+\w+|interessat[ie])\b")
        .expect("valid regex")
});

/// What announces the words to use: "something along these lines",
/// "roughly this", "qualcosa del genere", "più o meno così", "e.g.".
static INTRODUCER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:something\s+)?along\s+(?:these|the|those)\s+lines(?:\s+of)?|\bsomething\s+like(?:\s+this)?|\broughly(?:\s+this)?|\bas\s+follows|\bfor\s+example|\be_g_|\bi\s+drafted\s+this|\bdrafted\s+this|\bqualcosa\s+(?:del\s+genere|del\s+tipo|come|tipo|così)|\bpiù\s+o\s+meno\s+così|\bdel\s+tipo|\bil\s+seguente\s+(?:avviso|testo|messaggio)|\bper\s+esempio|\bad\s+esempio|\bho\s+preparato\s+(?:questa|questo|una|un)\b|\bho\s+scritto\s+(?:questa|questo)\b)")
        .expect("valid regex")
});

/// Who a message is for.
static AUDIENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{AUDIENCE_EN}|{AUDIENCE_IT}|end[-\s]?users?|enti|ospitati|a\s+tutti|cittadinanza|customers')\b"
    ))
    .expect("valid regex")
});

/// Words of telling someone something.
static TELLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:write|writing|say|saying|tell|telling|notice|notification|note|text|message|advisory|wording|statement|announcement|e-?mail|communication|reads|scrivere|scriverei|dire|direi|comunicare|comunicazione|comunicato|testo|avviso|messaggio|nota|righe|informare|avvisare|notify|publish|pubblicare|mail|drafted|draft|bozza|scriverei|scrivergli|diciamo|diremmo|risponderei|emailing|mailing|contacting|notifying|informing)\b")
        .expect("valid regex")
});

/// "avvisare i clienti che lo hanno installato": a relative clause about
/// the customers, not what to tell them.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:lo|la|li|le|l'|ne)\s*)?(?:hanno|ha|usano|utilizzano|sono|have|has|use|uses|are|is|were|run|installed|who)\b")
        .expect("valid regex")
});

/// What follows a cue that tells only when or about what, not what to say.
static ONLY_WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:once|when|after|as\s+soon\s+as|about|too|as\s+well|quando|appena|dopo|anche|in\s+merito)\b")
        .expect("valid regex")
});

static WHETHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:whether|se\s+(?:avete|intendete|pensate))\b").expect("valid regex")
});

static THAT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:that|che)\b").expect("valid regex"));

/// Sentences of a text whose lines may be wrapped: paragraphs are joined,
/// then cut after `.`, `!`, `?` or `;` followed by white space (so that
/// "2.4.1" stays whole).
pub(super) fn sentences(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n").flat_map(|paragraph| {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut out = Vec::new();
        let mut start = 0;
        // where the words before a `;` begin: the last cut or `;`
        let mut clause = 0;
        let bytes = joined.as_bytes();
        let words = |from: usize, to: usize| joined[from..to].split_whitespace().count();
        for (i, &b) in bytes.iter().enumerate() {
            if !matches!(b, b'.' | b'!' | b'?' | b';') || bytes.get(i + 1) != Some(&b' ') {
                continue;
            }
            // "Si suggerisce di: 1. forzare il reset": a list's number or
            // letter ends no sentence
            let marker = joined[start..i].rsplit(' ').next().unwrap_or_default();
            if b == b'.'
                && !marker.is_empty()
                && (marker.len() <= 2 && marker.bytes().all(|c| c.is_ascii_digit())
                    || marker.len() == 1 && marker.bytes().all(|c| c.is_ascii_alphabetic()))
            {
                continue;
            }
            if b == b';' {
                // "set Secure; HttpOnly; SameSite=Lax": a list, not clauses
                let next = joined[i + 1..]
                    .find(['.', '!', '?', ';'])
                    .map_or(joined.len(), |n| i + 1 + n);
                let short = words(clause, i) < 3 || words(i + 1, next) < 3;
                clause = i + 1;
                if short {
                    continue;
                }
            }
            out.push(joined[start..=i].trim().to_owned());
            start = i + 1;
            clause = start;
        }
        out.push(joined[start..].trim().to_owned());
        out.into_iter().filter(|s| !s.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sentences_that_offer_a_fix_are_kept() {
        let text = "The login form is vulnerable to SQL injection.\nUpgrade to version\n2.4.1, which sanitises the input. \
                    No patch exists for 1.x yet. Is there a workaround?";
        assert_eq!(
            remediation_sentences(text).as_deref(),
            Some("Upgrade to version 2.4.1, which sanitises the input.")
        );
        assert_eq!(
            remediation_sentences("Non esiste ancora una correzione."),
            None
        );
        assert_eq!(
            remediation_sentences("Come mitigazione si può disabilitare il modulo.").as_deref(),
            Some("Come mitigazione si può disabilitare il modulo.")
        );
    }

    #[test]
    fn remedies_told_as_people_tell_them() {
        for (text, expected) in [
            (
                "Tokens were used from two networks. We revoked the leaked tokens and blocked the two source networks at the edge.",
                Some(
                    "We revoked the leaked tokens and blocked the two source networks at the edge.",
                ),
            ),
            (
                "nginx 2.4.1 has the bug. Moving to 2.4.9 closes it.",
                Some("Moving to 2.4.9 closes it."),
            ),
            (
                "Suggerirei di passare alla versione 3.1; nel frattempo si può disattivare il modulo.",
                Some(
                    "Suggerirei di passare alla versione 3.1; nel frattempo si può disattivare il modulo.",
                ),
            ),
            (
                "As a stopgap, restrict access to /admin to the VPN.",
                Some("As a stopgap, restrict access to /admin to the VPN."),
            ),
            (
                "Abbiamo bloccato gli indirizzi e ruotato le credenziali.",
                Some("Abbiamo bloccato gli indirizzi e ruotato le credenziali."),
            ),
            // not a fix: how to attack, what the attacker did, a question, a negation
            ("To reproduce, disable the WAF and send the payload.", None),
            (
                "The attacker disabled the antivirus and removed the logs.",
                None,
            ),
            ("Should we upgrade to 2.5?", None),
            ("We have not patched the servers yet.", None),
            ("The update server is reachable from the internet.", None),
            ("Il modulo consente di caricare file arbitrari.", None),
        ] {
            assert_eq!(remediation_sentences(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn customer_messages_told_in_prose() {
        assert_eq!(
            customer_message("For the customer notice I'd suggest: we found a flaw\nin the portal and fixed it.\nA fix would be to turn off debug mode.").as_deref(),
            Some("we found a flaw in the portal and fixed it.")
        );
        assert_eq!(
            customer_message("The panel leaks debug data.\n\nWhat we could tell the users affected is roughly: your data was not exposed, but please change your password.").as_deref(),
            Some("your data was not exposed, but please change your password.")
        );
        assert_eq!(
            customer_message("Ai clienti scriverei che il servizio è stato ripristinato e nessun dato è stato perso.").as_deref(),
            Some("il servizio è stato ripristinato e nessun dato è stato perso.")
        );
        for (text, expected) in [
            (
                "We should let the affected customers know that their invoices were not exposed.",
                "their invoices were not exposed.",
            ),
            (
                "Suggested wording for the users: the service had a flaw, it is fixed, nothing to do.",
                "the service had a flaw, it is fixed, nothing to do.",
            ),
            (
                "I clienti andrebbero informati che la vulnerabilità è stata corretta senza perdita di dati.",
                "la vulnerabilità è stata corretta senza perdita di dati.",
            ),
            (
                "Informerei i clienti che il servizio resterà sospeso fino a domani mattina.",
                "il servizio resterà sospeso fino a domani mattina.",
            ),
        ] {
            assert_eq!(customer_message(text).as_deref(), Some(expected), "{text}");
        }
        assert_eq!(
            customer_message("Our customers use the portal daily."),
            None
        );
        assert_eq!(
            customer_message("Many users of the app reported slow logins."),
            None
        );
        assert_eq!(
            customer_message("Please tell me if the customers are affected."),
            None
        );
    }
}
