//! Whole reports, as they arrive: what `extract` must understand of each.
//! Scores are the FIRST calculator's.

use super::*;

fn extract_from(subject: &str, body: &str) -> Report {
    extract_to(subject, body, &["security@example.com"])
}

fn extract_to(subject: &str, body: &str, recipients: &[&str]) -> Report {
    let recipients: Vec<String> = recipients.iter().map(|r| (*r).to_owned()).collect();
    extract(&ReportInput {
        subject,
        body,
        recipients: &recipients,
        desk_address: "security@example.test",
    })
}

fn cves(report: &Report) -> Vec<&str> {
    report.cve_ids.iter().map(CveId::as_str).collect()
}

#[test]
fn english_labelled_report_is_fully_understood() {
    let body = "Hello,\n\n\
        Vulnerability: SQL injection in the search endpoint of ACME Shop 3.2.\n\
        The `q` parameter is concatenated into the query.\n\n\
        CVE: CVE-2024-31337\n\
        CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\n\
        Remediation: Upgrade to ACME Shop 3.2.1, which uses prepared statements.\n\n\
        Customer message: Please upgrade to 3.2.1 as soon as possible.\n\n\
        Best regards,\nJane Doe\nACME Security\n";
    let report = extract_from("Security report: ACME Shop", body);

    assert_eq!(report.kind, Kind::Vulnerability);
    assert_eq!(report.language, Language::En);
    assert_eq!(
        report.description.as_deref(),
        Some(
            "SQL injection in the search endpoint of ACME Shop 3.2.\n\
             The `q` parameter is concatenated into the query."
        )
    );
    assert_eq!(cves(&report), ["CVE-2024-31337"]);
    let cvss = report.cvss.as_ref().expect("a complete vector");
    assert_eq!(cvss.vector, "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N");
    assert_eq!(cvss.version, "3.1");
    assert_eq!(cvss.base_score, 8.1);
    assert_eq!(cvss.severity, Severity::High);
    assert_eq!(report.reported_score, None);
    assert_eq!(
        report.remediation.as_deref(),
        Some("Upgrade to ACME Shop 3.2.1, which uses prepared statements.")
    );
    assert_eq!(
        report.customer_message.as_deref(),
        Some("Please upgrade to 3.2.1 as soon as possible.")
    );
    assert_eq!(report.missing, []);
}

#[test]
fn italian_labelled_report_following_the_seed_list_is_fully_understood() {
    let body = "Buongiorno,\n\ndi seguito la segnalazione.\n\n\
        i. Vulnerabilità e/o problema riscontrato\n\
        Il modulo di pagamento non valida il token CSRF: un attaccante può eseguire ordini a nome dell'utente.\n\n\
        ii. Per le vulnerabilità, CVE o CVSS\n\
        CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N\n\n\
        iii. Eventuale risoluzione o mitigazione\n\
        Aggiornare alla versione 4.1.2 oppure disabilitare i pagamenti rapidi.\n\n\
        iv. Eventuale messaggio da inviare ai clienti\n\
        Gentili clienti, vi invitiamo ad aggiornare il modulo alla versione 4.1.2.\n\n\
        Cordiali saluti\nMario Rossi\n";
    let report = extract_from("Segnalazione di sicurezza", body);

    assert_eq!(report.kind, Kind::Vulnerability);
    assert_eq!(report.language, Language::It);
    assert_eq!(
        report.description.as_deref(),
        Some(
            "Il modulo di pagamento non valida il token CSRF: un attaccante può eseguire ordini a nome dell'utente."
        )
    );
    assert!(report.cve_ids.is_empty());
    let cvss = report.cvss.as_ref().expect("a complete vector");
    assert_eq!(cvss.base_score, 4.7);
    assert_eq!(cvss.severity, Severity::Medium);
    assert_eq!(
        report.remediation.as_deref(),
        Some("Aggiornare alla versione 4.1.2 oppure disabilitare i pagamenti rapidi.")
    );
    assert_eq!(
        report.customer_message.as_deref(),
        Some("Gentili clienti, vi invitiamo ad aggiornare il modulo alla versione 4.1.2.")
    );
    assert_eq!(report.missing, []);
}

#[test]
fn italian_labels_with_colons_and_values_on_the_same_line() {
    let body = "1) Problema riscontrato: XSS riflesso nella pagina di ricerca.\n\
        2) CVE: cve-2024-5555\n\
        3) Mitigazione: filtrare il parametro `q`.\n\
        4) Messaggio ai clienti: nessuno\n";
    let report = extract_from("", body);
    assert_eq!(report.language, Language::It);
    assert_eq!(report.kind, Kind::Vulnerability);
    assert_eq!(
        report.description.as_deref(),
        Some("XSS riflesso nella pagina di ricerca.")
    );
    assert_eq!(cves(&report), ["CVE-2024-5555"]);
    assert_eq!(
        report.remediation.as_deref(),
        Some("filtrare il parametro `q`.")
    );
    assert_eq!(report.customer_message, None);
    assert_eq!(report.missing, [Missing::CustomerMessage]);
}

#[test]
fn english_prose_report_gives_description_and_stated_workaround() {
    let body = "Hi team,\n\n\
        While testing the ACME helpdesk widget I found that the ticket title is rendered\n\
        without escaping, so any visitor can store a script that runs in the agent's browser.\n\
        A workaround is to disable HTML rendering in the widget settings.\n\n\
        Thanks,\nAnn\n";
    let report = extract_from("Stored XSS in the ACME helpdesk widget", body);

    assert_eq!(report.kind, Kind::Vulnerability);
    assert_eq!(report.language, Language::En);
    let description = report.description.as_deref().expect("prose description");
    assert!(description.starts_with("While testing the ACME helpdesk widget"));
    assert!(!description.contains("Hi team"));
    assert!(!description.contains("Thanks"));
    assert!(!description.contains("Ann"));
    assert_eq!(
        report.remediation.as_deref(),
        Some("A workaround is to disable HTML rendering in the widget settings.")
    );
    assert_eq!(report.customer_message, None);
    assert_eq!(
        report.missing,
        [Missing::CveOrCvss, Missing::CustomerMessage]
    );
}

#[test]
fn italian_prose_incident_without_remediation() {
    let body = "Salve,\n\
        questa notte abbiamo rilevato un accesso non autorizzato al pannello di amministrazione\n\
        del nostro servizio pubblicato sul marketplace. I dati di alcuni clienti potrebbero\n\
        essere stati esfiltrati. Stiamo ancora analizzando i log.\n\n\
        Cordiali saluti,\nLuca Bianchi\n";
    let report = extract_from("Accesso anomalo ai nostri server", body);

    assert_eq!(report.kind, Kind::Incident);
    assert_eq!(report.language, Language::It);
    let description = report.description.as_deref().expect("prose description");
    assert!(description.starts_with("questa notte abbiamo rilevato un accesso non autorizzato"));
    assert!(!description.contains("Luca"));
    assert_eq!(report.remediation, None);
    assert_eq!(
        report.missing,
        [Missing::Remediation, Missing::CustomerMessage]
    );
}

#[test]
fn vector_split_by_html_conversion_is_scored() {
    let bodies = [
        "Description: Remote code execution in the upload handler.\n\
         CVSS vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/\nS:U/C:H/I:H/A:H\n",
        "Description: Remote code execution in the upload handler.\n\
         CVSS:3.1/ AV:N / AC:L / PR:N /UI:N/S:U/C:H\n/I:H/A:H\n",
        "Description: Remote code execution in the upload handler.\n\
         Vector: [CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H](https://www.first.org/cvss/calculator/3.1#CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)\n",
    ];
    for body in bodies {
        let report = extract_from("", body);
        let cvss = report
            .cvss
            .as_ref()
            .unwrap_or_else(|| panic!("no vector in {body:?}"));
        assert_eq!(cvss.vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assert_eq!(cvss.base_score, 9.8);
        assert_eq!(cvss.severity, Severity::Critical);
        assert_eq!(report.kind, Kind::Vulnerability);
        assert!(!report.missing.contains(&Missing::CveOrCvss));
    }
}

#[test]
fn vector_wrapped_by_quoted_printable_is_scored() {
    let body = "Issue: privilege escalation in the admin API.\n\
        CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:=\nH/A:N/E:P/RL:O/RC:C\n";
    let report = extract_from("", body);
    let cvss = report.cvss.as_ref().expect("a complete vector");
    assert_eq!(cvss.vector, "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N");
    assert_eq!(cvss.base_score, 8.1);

    let body = "cvss:3.0/AV:N/AC:H/PR:N/UI:R/= S:C/C:L/I:L/A:N";
    let cvss = extract_from("", body).cvss.expect("a complete vector");
    assert_eq!(cvss.vector, "CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N");
    assert_eq!(cvss.version, "3.0");
    assert_eq!(cvss.base_score, 4.7);
}

#[test]
fn incomplete_vector_is_rejected_not_scored_zero() {
    let body = "Vulnerability: reflected XSS in the search page.\nCVSS:3.1/AV:N/AC:L\n";
    let report = extract_from("", body);
    assert_eq!(report.kind, Kind::Vulnerability);
    assert_eq!(report.cvss, None);
    assert_eq!(report.reported_score, None);
    assert_eq!(report.severity(), None);
    assert!(report.missing.contains(&Missing::CveOrCvss));
}

const V4_CRITICAL: &str = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
/// FIRST's example of a local vulnerability, 8.5 (high).
const V4_LOCAL: &str = "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

#[test]
fn cvss_4_vector_in_a_report_is_scored() {
    let body = "Vulnerability: unauthenticated remote code execution in the ACME VPN portal.\n\
        CVSS: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A\n\
        Remediation: upgrade to 7.4.2.\n\
        Customer message: upgrade the VPN portal today.\n";
    let report = extract_from("RCE in ACME VPN", body);
    let cvss = report.cvss.as_ref().expect("a complete vector");
    assert_eq!(cvss.vector, V4_CRITICAL);
    assert_eq!(cvss.version, "4.0");
    assert_eq!(cvss.base_score, 9.3);
    assert_eq!(cvss.severity, Severity::Critical);
    assert_eq!(report.cvss_vectors, std::slice::from_ref(cvss));
    assert_eq!(report.severity(), Some(Severity::Critical));
    assert_eq!(report.reported_score, None);
    assert_eq!(report.kind, Kind::Vulnerability);
    assert_eq!(report.missing, []);
}

#[test]
fn cvss_4_vector_mangled_in_transport_is_scored() {
    let bodies = [
        // quoted-printable soft break left in the text, inside a metric
        "Issue: RCE in the upload handler.\n\
         CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:=\nH/VA:H/SC:N/SI:N/SA:N\n",
        // the soft break turned into a space, after the separator
        "Issue: RCE in the upload handler.\n\
         CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/= VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n",
        // HTML converted to text: spaces and a line break between metrics
        "Issue: RCE in the upload handler.\n\
         CVSS:4.0/ AV:N / AC:L / AT:N / PR:N /UI:N/VC:H/VI:H\n/VA:H/SC:N/SI:N/SA:N\n",
        // quoted in a reply, wrapped by the replying client
        "Please see the report below.\n\n\
         > Issue: RCE in the upload handler.\n\
         > CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/\n\
         > VI:H/VA:H/SC:N/SI:N/SA:N\n",
    ];
    for body in bodies {
        let report = extract_from("", body);
        let cvss = report
            .cvss
            .as_ref()
            .unwrap_or_else(|| panic!("no vector in {body:?}"));
        assert_eq!(cvss.vector, V4_CRITICAL, "{body:?}");
        assert_eq!(cvss.base_score, 9.3);
        assert_eq!(report.cvss_vectors.len(), 1);
        assert!(!report.missing.contains(&Missing::CveOrCvss));
    }
}

#[test]
fn incomplete_cvss_4_vector_is_not_a_vector() {
    let body = "Vulnerability: reflected XSS in the search page.\n\
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N\n";
    let report = extract_from("", body);
    assert_eq!(report.cvss, None);
    assert_eq!(report.cvss_vectors, []);
    // nor is its "4.0" a bare score
    assert_eq!(report.reported_score, None);
    assert_eq!(report.severity(), None);
    assert!(report.missing.contains(&Missing::CveOrCvss));
}

#[test]
fn cvss_3_1_and_4_0_vectors_in_one_report_are_both_kept_and_4_0_decides() {
    let v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    for body in [
        format!(
            "Vulnerability: privilege escalation in the agent.\nCVSS 3.1: {v31}\nCVSS 4.0: {V4_LOCAL}\n"
        ),
        format!(
            "Vulnerability: privilege escalation in the agent.\nCVSS 4.0: {V4_LOCAL}\nCVSS 3.1: {v31}\n"
        ),
    ] {
        let report = extract_from("", &body);
        let cvss = report.cvss.as_ref().expect("a vector");
        assert_eq!(cvss.vector, V4_LOCAL);
        assert_eq!(cvss.base_score, 8.5);
        // 9.8 (critical) in 3.1, but the 4.0 vector says high
        assert_eq!(report.severity(), Some(Severity::High));
        let vectors: Vec<(&str, f64)> = report
            .cvss_vectors
            .iter()
            .map(|c| (c.version.as_str(), c.base_score))
            .collect();
        let expected = if body.find(v31) < body.find(V4_LOCAL) {
            [("3.1", 9.8), ("4.0", 8.5)]
        } else {
            [("4.0", 8.5), ("3.1", 9.8)]
        };
        assert_eq!(vectors, expected, "{body}");
    }
    // one in the subject, one in the body
    let report = extract_from(&format!("Agent LPE {V4_LOCAL}"), &format!("Vector: {v31}"));
    assert_eq!(report.cvss_vectors.len(), 2);
    assert_eq!(
        report.cvss.as_ref().map(|c| c.version.as_str()),
        Some("4.0")
    );
}

#[test]
fn italian_report_with_a_cvss_4_vector_is_fully_understood() {
    let body = "Buongiorno,\n\ndi seguito la segnalazione.\n\n\
        i. Vulnerabilità e/o problema riscontrato\n\
        Il servizio di stampa consente a un utente locale di ottenere i privilegi di amministratore.\n\n\
        ii. Per le vulnerabilità, CVE o CVSS\n\
        CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n\n\
        iii. Eventuale risoluzione o mitigazione\n\
        Disattivare il servizio di stampa fino all'aggiornamento 2.3.\n\n\
        iv. Eventuale messaggio da inviare ai clienti\n\
        Gentili clienti, vi invitiamo ad aggiornare alla versione 2.3.\n\n\
        Cordiali saluti\nMario Rossi\n";
    let report = extract_from("Segnalazione di sicurezza", body);
    assert_eq!(report.language, Language::It);
    assert_eq!(report.kind, Kind::Vulnerability);
    assert_eq!(
        report.description.as_deref(),
        Some(
            "Il servizio di stampa consente a un utente locale di ottenere i privilegi di amministratore."
        )
    );
    let cvss = report.cvss.as_ref().expect("a complete vector");
    assert_eq!(cvss.vector, V4_LOCAL);
    assert_eq!(cvss.version, "4.0");
    assert_eq!(cvss.base_score, 8.5);
    assert_eq!(cvss.severity, Severity::High);
    assert_eq!(
        report.remediation.as_deref(),
        Some("Disattivare il servizio di stampa fino all'aggiornamento 2.3.")
    );
    assert_eq!(report.missing, []);
}

#[test]
fn bare_score_is_kept_when_there_is_no_vector() {
    let report = extract_from(
        "XSS in the search page",
        "The search page reflects the q parameter unescaped. CVSS 8.1.",
    );
    assert_eq!(report.cvss, None);
    assert_eq!(report.reported_score, Some(8.1));
    assert_eq!(report.severity(), Some(Severity::High));
    assert!(!report.missing.contains(&Missing::CveOrCvss));

    let report = extract_from(
        "Vulnerabilità nel modulo di ricerca",
        "La pagina di ricerca non filtra il parametro q.\nPunteggio CVSS: 8,1\n",
    );
    assert_eq!(report.language, Language::It);
    assert_eq!(report.reported_score, Some(8.1));
    assert_eq!(report.severity(), Some(Severity::High));
}

#[test]
fn a_version_number_is_not_a_bare_score() {
    let report = extract_from(
        "",
        "We rated it with CVSS 3.1 AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H for the SQL injection.",
    );
    let cvss = report
        .cvss
        .as_ref()
        .expect("vector without prefix is read as 3.1");
    assert_eq!(cvss.base_score, 9.8);
    assert_eq!(report.reported_score, None);
}

#[test]
fn multiple_cve_ids_are_normalised_and_deduplicated() {
    let report = extract_from(
        "CVE-2024-1111 in libfoo",
        "Affects cve-2024-1111 and CVE–2023–22222 (also listed as CVE_2024_1111).",
    );
    assert_eq!(cves(&report), ["CVE-2024-1111", "CVE-2023-22222"]);
    assert_eq!(report.kind, Kind::Vulnerability);
}

#[test]
fn plus_address_tag_decides_the_kind() {
    let body = "Attackers used CVE-2021-44228 against our log server.";
    let report = extract_to("", body, &["Security <security+incident@example.com>"]);
    assert_eq!(report.kind, Kind::Incident);

    let body = "Our customers report an incident with the login page.";
    let report = extract_to("", body, &["security+vuln@example.com"]);
    assert_eq!(report.kind, Kind::Vulnerability);
}

#[test]
fn type_label_wins_over_prose() {
    let report = extract_from(
        "",
        "Type: incident\nDescription: we were hit by CVE-2024-1234.",
    );
    assert_eq!(report.kind, Kind::Incident);
    let report = extract_from(
        "",
        "Categoria: Evento imprevisto per la sicurezza\nDescrizione: accesso anomalo.",
    );
    assert_eq!(report.kind, Kind::Incident);
}

#[test]
fn incident_and_vulnerability_are_told_apart_by_prose() {
    let incident = extract_from(
        "Urgent",
        "Our database was breached last night and customer data leaked to a paste site.",
    );
    assert_eq!(incident.kind, Kind::Incident);
    assert!(!incident.missing.contains(&Missing::CveOrCvss));

    let vulnerability = extract_from(
        "Urgent",
        "The orders API has an SQL injection vulnerability in the sort parameter.",
    );
    assert_eq!(vulnerability.kind, Kind::Vulnerability);
    assert!(vulnerability.missing.contains(&Missing::CveOrCvss));

    let unknown = extract_from("Question", "Could someone call me back about our listing?");
    assert_eq!(unknown.kind, Kind::Unknown);
    assert_eq!(unknown.missing[0], Missing::Kind);
}

#[test]
fn missing_fields_are_listed_in_order() {
    let empty = extract_from("", "");
    assert_eq!(
        empty.missing,
        [
            Missing::Kind,
            Missing::Description,
            Missing::Remediation,
            Missing::CustomerMessage
        ]
    );

    let bare = extract_from("Vulnerability", "");
    assert_eq!(bare.kind, Kind::Vulnerability);
    assert_eq!(
        bare.missing,
        [
            Missing::Description,
            Missing::CveOrCvss,
            Missing::Remediation,
            Missing::CustomerMessage
        ]
    );
}

#[test]
fn placeholder_values_count_as_missing() {
    let body = "Description: open redirect on /login?next=\nFix: N/A\nCustomer message: -\n";
    let report = extract_from("", body);
    assert_eq!(report.remediation, None);
    assert_eq!(report.customer_message, None);
    assert!(report.missing.contains(&Missing::Remediation));
    assert!(report.missing.contains(&Missing::CustomerMessage));
}

#[test]
fn forwarded_report_is_read_from_the_quoted_text() {
    let body = "FYI, see below.\n\n\
        ---------- Forwarded message ---------\n\
        From: Researcher <r@example.org>\n\
        Subject: XSS\n\n\
        Description: stored XSS in the profile page of ACME CRM.\n\
        Fix: encode the display name.\n";
    let report = extract_from("Fwd: XSS", body);
    assert_eq!(
        report.description.as_deref(),
        Some("stored XSS in the profile page of ACME CRM.")
    );
    assert_eq!(
        report.remediation.as_deref(),
        Some("encode the display name.")
    );

    let body =
        "Please look at this.\n\n> Vulnerability: path traversal in /download\n> CVE-2024-7777\n";
    let report = extract_from("Re: report", body);
    assert_eq!(
        report.description.as_deref(),
        Some("path traversal in /download"),
        "the CVE line is the CVE field's, not the description's"
    );
    assert_eq!(cves(&report), ["CVE-2024-7777"]);
}

#[test]
fn a_signature_is_never_the_description() {
    let body = "Thanks\n-- \nJohn Smith\nSecurity Lead, ACME Corporation\n+1 555 0100";
    let report = extract_from("", body);
    assert_eq!(report.description, None);
    assert!(report.missing.contains(&Missing::Description));
}

#[test]
fn description_is_bounded() {
    let body = "The login page leaks session tokens. ".repeat(1_000);
    let report = extract_from("", &body);
    let description = report.description.expect("prose description");
    assert!(description.chars().count() <= text::MAX_FIELD_CHARS);
}

#[test]
fn odd_and_huge_inputs_do_not_panic() {
    let huge = "é=\n>CVSS:3.1/AV:N/ CVE-2024- punteggio 9,".repeat(200_000);
    let inputs = [
        "",
        "=",
        "CVSS:",
        "CVSS:3.",
        "cvss",
        "CVE-",
        ">",
        ":",
        "i.",
        "**",
        "Description:",
        "\u{feff}\u{200b}CVSS:3.1/AV:N\u{00a0}/AC:L",
        "Score: 10/10",
        huge.as_str(),
    ];
    for body in inputs {
        let report = extract_from(body, body);
        assert!(
            report
                .reported_score
                .is_none_or(|s| (0.0..=10.0).contains(&s))
        );
    }
}

#[test]
fn the_kind_comes_from_what_happened_not_from_the_words_alone() {
    let cases = [
        (
            "Question",
            "Hello,\ndoes your appliance ship the library from CVE-2024-3094? We need to know for our audit.\nThanks",
            Kind::Unknown,
        ),
        (
            "Domanda",
            "Buongiorno, siete affetti dalla CVE-2021-44228? Grazie",
            Kind::Unknown,
        ),
        (
            "Accessi",
            "Buongiorno,\nquesta notte abbiamo rilevato accessi non autorizzati al pannello di amministrazione; \
             l'attaccante ha scaricato l'elenco clienti.\nSaluti",
            Kind::Incident,
        ),
        (
            "NetScaler",
            "Attackers exploited CVE-2023-4966 on our gateway last night and data was exfiltrated.",
            Kind::Incident,
        ),
        (
            "Gateway flaw",
            "I found that the gateway is vulnerable to CVE-2023-4966: an attacker could exfiltrate session tokens.",
            Kind::Vulnerability,
        ),
        (
            "Modulo",
            "Il modulo di export consente di leggere file arbitrari: un attaccante potrebbe sottrarre dati.",
            Kind::Vulnerability,
        ),
    ];
    for (subject, body, kind) in cases {
        assert_eq!(extract_from(subject, body).kind, kind, "{subject}: {body}");
    }
}

#[test]
fn disclaimers_labelled_non_fixes_and_table_headers() {
    let body = "Do you have a bug bounty program?\n\n\
        CONFIDENTIALITY NOTICE: This e-mail is confidential. We do not accept liability for any \
        security breach; no fix or patch is implied.";
    let report = extract_from("Question", body);
    assert_eq!(
        report.kind,
        Kind::Unknown,
        "the disclaimer's breach is not an incident"
    );

    let body = "Descrizione: accessi non autorizzati alla console\n\nCorrezione: Non esiste ancora una correzione.";
    let report = extract_from("Accessi", body);
    assert_eq!(report.remediation, None, "a label that says there is none");

    let html = crate::message::html_to_text(
        "<table><tr><th>Descrizione</th><td>XSS nel campo note</td></tr>\
         <tr><th>Rimedio</th><td>Ruotare tutte le chiavi API.</td></tr></table>",
    );
    let report = extract_from("XSS", &html);
    assert_eq!(
        report.remediation.as_deref(),
        Some("Ruotare tutte le chiavi API.")
    );
    assert_eq!(report.description.as_deref(), Some("XSS nel campo note"));

    let report = extract_from(
        "XSS",
        "Un XSS nel campo note della dashboard.\n\nIl passaggio alla 8.1.1 risolve il problema.",
    );
    assert_eq!(
        report.remediation.as_deref(),
        Some("Il passaggio alla 8.1.1 risolve il problema.")
    );
}

/// Mail that names a CVE or a security word and reports nothing.
#[test]
fn mail_that_reports_nothing_is_of_no_kind() {
    let cases = [
        (
            "Re: your scanner finding",
            "Hi,\n\nOur scanner flags CVE-2021-44228 on the two gateways we rent from you.\n\
             Is this a false positive, or are the gateways really affected?\n\nThanks\nBo\n",
        ),
        (
            "any news?",
            "Hello,\n\nfollowing up on the XSS I sent two weeks ago; I haven't heard back since the \
             auto-reply. Is anyone on it?\n\nRegards\n",
        ),
        (
            "Weekly digest",
            "THIS WEEK\n- A new ransomware family hit 40 hospitals.\n- CVE-2025-1111 is exploited.\n\n\
             To unsubscribe, follow the link in your profile.\n",
        ),
        (
            "Richiesta autorizzazione",
            "Buongiorno,\n\nchiediamo la vostra autorizzazione scritta per un penetration test \
             sul sito del nostro cliente, dalle 22:00 alle 06:00 del 3 e 4 marzo.\n\nSaluti\n",
        ),
        (
            "Grazie!",
            "Ciao,\n\ngrazie mille per la correzione veloce e per i crediti nell'avviso della \
             CVE-2025-2222. Il pacco è arrivato ieri.\n\nA presto\n",
        ),
    ];
    for (subject, body) in cases {
        let report = extract_from(subject, body);
        assert_eq!(
            report.kind,
            Kind::Unknown,
            "{subject}: {:?}",
            report.kind_quote
        );
    }
}

#[test]
fn a_reply_to_the_desks_own_mail_is_not_its_report() {
    let body = "Thanks, that's all from me.\n\n\
        On Tue, 4 Mar 2025 at 10:00, Desk <security@example.test> wrote:\n\
        > The SQL injection in /search (CVE-2025-3333) was fixed today.\n";
    assert_eq!(extract_from("Re: [SEC-1] sqli", body).kind, Kind::Unknown);
    // the same words quoted from someone else are the report
    let forwarded = body.replace("security@example.test", "jo@researcher.example");
    assert_ne!(
        extract_from("Re: [SEC-1] sqli", &forwarded).kind,
        Kind::Unknown
    );
}

#[test]
fn incidents_told_without_the_usual_words() {
    for (subject, body) in [
        (
            "help",
            "Someone logged in to our control panel at 03:10 and created an API key; none of us \
             did it. We disabled the key.\n",
        ),
        (
            "strange",
            "Stamattina ai nostri clienti è arrivata una mail che sembra vostra, con un link a una \
             finta pagina di login.\n",
        ),
    ] {
        assert_eq!(extract_from(subject, body).kind, Kind::Incident, "{body}");
    }
    // "tonight I noticed" is when a researcher looked, not an event
    let flaw = extract_from(
        "reset",
        "Ho visto stasera che il link di reset è costruito dall'header Host: se la vittima \
         clicca, il token arriva a me.\n",
    );
    assert_eq!(flaw.kind, Kind::Vulnerability);
}

#[test]
fn remedies_done_and_advised_in_prose() {
    let cases = [
        (
            "I've already suspended the VM and took a snapshot for you.",
            Some("suspended the VM"),
        ),
        (
            "You might want to set Secure; HttpOnly; SameSite=Lax on the cookie.",
            Some("set Secure; HttpOnly; SameSite=Lax"),
        ),
        (
            "Per correggere è sufficiente disabilitare le entità esterne: non passare LIBXML_NOENT né LIBXML_DTDLOAD.",
            Some("disabilitare le entità esterne"),
        ),
        (
            "Put it behind the VPN, then rotate the tokens.",
            Some("behind the VPN"),
        ),
        (
            "Si è provveduto alla disattivazione dell'utenza.",
            Some("disattivazione"),
        ),
        (
            "La collega ha cliccato e l'ho cambiata subito io, la password.",
            Some("cambiata"),
        ),
        // the feature's name and a try are not a fix
        (
            "il reset password non ha limiti di tentativi, ho provato 300 volte",
            None,
        ),
        (
            "Please confirm you received this and when you will fix it.",
            None,
        ),
        ("Ho provato: la mitigazione indicata sotto funziona.", None),
        (
            "Please advise how to fix this, we do not know what to change.",
            None,
        ),
    ];
    for (text, expected) in cases {
        let found = prose::remediation_sentences(text);
        match expected {
            Some(hint) => assert!(
                found.as_deref().is_some_and(|f| f.contains(hint)),
                "{text}: {found:?}"
            ),
            None => assert_eq!(found, None, "{text}"),
        }
    }
}

#[test]
fn customer_messages_introduced_in_many_ways() {
    let cases = [
        (
            "If it helps, the note we send our own customers reads: \"We updated a component; no action is needed on your side.\"",
            Some("no action is needed on your side"),
        ),
        (
            "Per il cliente proporrei di scrivere qualcosa come: “stiamo analizzando un problema su un solo server”.",
            Some("stiamo analizzando un problema"),
        ),
        (
            "When informing affected users, we suggest telling them that their address may have been exposed.",
            Some("their address may have been exposed"),
        ),
        (
            "Una volta corretto, agli utenti si potrebbe suggerire di ricontrollare i record DNS.",
            Some("ricontrollare i record DNS"),
        ),
        (
            "Forse conviene mandare a tutti un avviso, bastano due righe: \"Non chiediamo mai la password via mail.\"",
            Some("Non chiediamo mai la password"),
        ),
        // who the customers are, or when to tell them, is not what to say
        (
            "Dovreste avvisare i clienti che lo hanno installato, sono tanti.",
            None,
        ),
        (
            "I think you should also inform your customers once it is resolved.",
            None,
        ),
        (
            "Sono cliente del vostro piano. Vi inoltro l'avviso qui sotto: la libreria ha due falle gravi.",
            None,
        ),
    ];
    for (text, expected) in cases {
        let found = prose::customer_message(text);
        match expected {
            Some(hint) => assert!(
                found.as_deref().is_some_and(|f| f.contains(hint)),
                "{text}: {found:?}"
            ),
            None => assert_eq!(found, None, "{text}"),
        }
    }
}

#[test]
fn scores_written_before_their_name_or_after_severity() {
    for (text, score) in [
        ("A naso gli darei un 6,5 di CVSS.", 6.5),
        ("Severity 6.1 (medium) in my opinion.", 6.1),
        ("Le due falle sono valutate 9,1 nell'avviso.", 9.1),
        ("Punteggio CVSS stimato: 7,5", 7.5),
    ] {
        assert_eq!(extract_from("", text).reported_score, Some(score), "{text}");
    }
}

#[test]
fn an_outlook_quote_without_a_separator_is_quoted() {
    let body = "Vi giro la mail del cliente, la VM è già isolata.\n\n\
        ________________________________\n\
        Da: Andrea <a@cliente.example>\n\
        Inviato: martedì 11 marzo 2025 23:52\n\
        Oggetto: file cifrati\n\n\
        Cosa dobbiamo fare?\n";
    let parts = text::split_quoted(body);
    assert!(!parts.own.contains("Cosa dobbiamo fare"), "{parts:?}");
    assert!(parts.quoted.contains("Cosa dobbiamo fare"));
    assert_eq!(parts.authors, vec!["Da: Andrea <a@cliente.example>"]);
}

#[test]
fn a_forwarder_is_answered_in_their_own_language() {
    let body = "Ciao team, vi giro questa segnalazione arrivata sabato: secondo me è fondata e \
        andrebbe vista subito da voi.\n\n\
        -------- Forwarded Message --------\n\
        From: A <a@researcher.example>\n\n\
        Hello, the status subdomain has a dangling CNAME that anyone can claim at the \
        provider, and then serve any content on your domain with a valid certificate. \
        I have not claimed it, and I would be happy to help with the fix.\n";
    assert_eq!(extract_from("Fwd: takeover", body).language, Language::It);
}

#[test]
fn a_reply_that_tells_something_new_is_a_report() {
    let quoted = "\n\nOn Mon, 2 Jun 2025 at 09:00, Desk\n<security@example.test> wrote:\n\
        > Could you tell us more about what you saw?\n";
    // the desk asked; the answer tells what happened
    let body = format!(
        "Following up as you asked. Someone created a new mail user called \"backup2\" at \
         02:14 and someone logged in from an address none of us use.{quoted}"
    );
    assert_eq!(
        extract_from("Re: [SEC-9] odd logins", &body).kind,
        Kind::Incident
    );
    // the same reply with nothing new is not a report; the wrapped Gmail
    // attribution still names the desk
    let thanks = format!("Thanks, noted.{quoted}");
    assert_eq!(
        extract_from("Re: [SEC-9] odd logins", &thanks).kind,
        Kind::Unknown
    );
}

#[test]
fn process_words_and_press_requests_are_no_report() {
    for (subject, body) in [
        (
            "Request for comment",
            "I'm working on a piece about how hosting companies handle vulnerability reports. \
             Do you have a vulnerability disclosure policy or a bug bounty?\n",
        ),
        (
            "richiesta",
            "Si chiede di voler trasmettere la descrizione della procedura di notifica degli \
             incidenti e il nominativo del referente per la sicurezza.\n",
        ),
        (
            "domanda",
            "Prima di fare test sul mio account volevo chiedere se avete una policy di \
             responsible disclosure. Non ho trovato nulla per ora.\n",
        ),
    ] {
        assert_eq!(extract_from(subject, body).kind, Kind::Unknown, "{body}");
    }
    // a journalist who tells of a leak reports an incident
    let leak = extract_from(
        "Press inquiry",
        "I'm contacting you before publication. A seller posted an offer on a cybercrime forum \
         with a sample of your customer records. Are you aware of it?\n",
    );
    assert_eq!(leak.kind, Kind::Incident);
}

#[test]
fn the_attacker_of_a_flaw_and_a_finding_make_no_incident() {
    let r = extract_from(
        "OAuth",
        "vi mando un finding che ho trovato nel weekend. Il parametro redirect_uri accetta un \
         open redirect, quindi il token finisce su un dominio dell'attacker.\n\n\
         CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:N\n",
    );
    assert_eq!(r.kind, Kind::Vulnerability);
    // "ha rilevato che … raggiungibile da Internet": a flaw found
    let found = extract_from(
        "segnalazione",
        "Si comunica che in data odierna il personale ha rilevato che la pagina di \
         amministrazione risulta raggiungibile da Internet senza restrizioni.\n",
    );
    assert_eq!(found.kind, Kind::Vulnerability);
}

#[test]
fn fixes_done_in_the_passive_by_others_or_requested_by_a_cert() {
    for (body, hint) in [
        (
            "Il sito è stato violato ieri. La password è stata cambiata alle 16.30.",
            "La password è stata cambiata",
        ),
        (
            "Someone got into the storage account. The access key has been revoked since.",
            "has been revoked",
        ),
        (
            "Il fornitore ha già disabilitato l'utenza compromessa.",
            "ha già disabilitato",
        ),
        (
            "La pagina di phishing è ospitata da voi. Si richiede la rimozione del contenuto \
             malevolo.",
            "rimozione del contenuto",
        ),
        (
            "Vi chiediamo di sospendere le VM indicate, da cui parte l'attacco DDoS.",
            "sospendere le VM",
        ),
        (
            "There is a stored XSS in the editor. It is fixed in version 4.2.1.",
            "fixed in version 4.2.1",
        ),
    ] {
        let got = extract_from("report", body).remediation;
        assert!(
            got.as_deref().is_some_and(|r| r.contains(hint)),
            "{body}: {got:?}"
        );
    }
}

#[test]
fn words_of_a_fix_used_otherwise_give_none() {
    for body in [
        "The beacons use a fixed JA3 fingerprint every 300 s; the host is infected.",
        "PATCH /api/v2/profile accepts a role field, so a sub-user becomes owner.",
        "Il sito è stato defacciato. Ieri sera era tutto normale perché ho aggiornato i prezzi.",
        "Our customer is under attack and I want it fixed today.",
        "The fix (5.6.3) is in QA and ships next month.",
        "Si chiede di porre rimedio con la massima urgenza alla vulnerabilità segnalata.",
        "Next steps: please confirm the severity and set a bounty within 5 days.",
        "We have no control over your edge, so nothing has been blocked or reset yet.",
    ] {
        assert_eq!(extract_from("report", body).remediation, None, "{body}");
    }
}

#[test]
fn lists_headings_and_labels_seen_in_the_wild() {
    // a numbered list after the advice keeps it in one sentence
    let cert = extract_from(
        "credenziali",
        "Le credenziali sono in vendita su un canale Telegram.\n\n\
         Si suggerisce di:\n  1. forzare il reset delle password;\n  2. verificare gli accessi.\n",
    );
    assert!(
        cert.remediation
            .as_deref()
            .is_some_and(|r| r.contains("forzare il reset"))
    );
    // setext headings are labels; the underline is no description
    let setext = extract_from(
        "XSS",
        "Summary\n=======\n\nThe search page reflects the q parameter unescaped.\n\n\
         Recommended action\n------------------\n\nEscape the output.\n",
    );
    assert!(
        setext
            .description
            .as_deref()
            .is_some_and(|d| !d.contains("==="))
    );
    assert!(
        setext
            .remediation
            .as_deref()
            .is_some_and(|r| r.contains("Escape the output"))
    );
    // "What to do", "Azione consigliata", "Testo per l'advisory"
    let scanner = extract_from(
        "scan",
        "Vulnerabilità: PHP-CGI argument injection\nAzione consigliata: Aggiornare PHP alla 8.1.29\n\n\
         Testo per l'advisory:\nUna vulnerabilità nel pannello permetteva di leggere file; non sono \
         richieste azioni da parte dei clienti.\n",
    );
    assert!(
        scanner
            .remediation
            .as_deref()
            .is_some_and(|r| r.contains("Aggiornare PHP"))
    );
    assert!(
        scanner
            .customer_message
            .as_deref()
            .is_some_and(|m| m.contains("non sono richieste"))
    );
    // a newsletter's headline is not a labelled fix
    let newsletter = extract_from(
        "Weekly #12",
        "2) Patch Tuesday by the numbers\n   71 CVEs, 5 critical.\n\n\
         You are receiving this because you subscribed. Unsubscribe: https://x.example/u\n",
    );
    assert_eq!(newsletter.remediation, None);
}

#[test]
fn customer_messages_for_many_audiences_and_never_a_question() {
    for (body, hint) in [
        (
            "Il sito è stato modificato da ignoti. Alle famiglie comunicheremo che per \
             precauzione devono cambiare la password dell'area riservata.",
            "devono cambiare la password",
        ),
        (
            "The panel leaks invoices. You should tell all your customers on that server that \
             their invoices may have been seen.",
            "invoices may have been seen",
        ),
        (
            "Le VM hanno la stessa password. Ai miei clienti scriverei che devono cambiare \
             subito la password dell'utente deploy.",
            "devono cambiare subito",
        ),
        (
            "Il server era compromesso. Al cliente finale comunicheremo che i dati non \
             risultano sottratti.",
            "non risultano sottratti",
        ),
    ] {
        let got = extract_from("report", body).customer_message;
        assert!(
            got.as_deref().is_some_and(|m| m.contains(hint)),
            "{body}: {got:?}"
        );
    }
    for body in [
        "Are you notifying customers directly, or relying on the advisory?",
        "We write to request: (a) that you preserve our client's logs for the bucket since \
         January.",
        "Customer message (original):\nHello, my email is sending spam, please stop it.\n",
    ] {
        assert_eq!(
            extract_from("question", body).customer_message,
            None,
            "{body}"
        );
    }
}

#[test]
fn scores_given_in_passing() {
    for (body, score) in [
        ("The reporter rated it 8.1 and we agree.", 8.1),
        ("I'd rate it 7.5, it is trivial to exploit.", 7.5),
        ("Io darei un 7.5 come gravità.", 7.5),
        (
            "Come punteggio direi un 7,5 visto che non serve autenticazione.",
            7.5,
        ),
        ("Io direi 8.6 come severity.", 8.6),
    ] {
        assert_eq!(
            extract_from("x", body).reported_score,
            Some(score),
            "{body}"
        );
    }
}
