//! Reply texts, read from `templates/` when the daemon starts, so operators
//! change them without rebuilding.
//!
//! Each template is a file `NAME.LANG.txt` (`ack.it.txt`). Its first line is
//! `Subject: ...`, then a blank line, then the body; both are minijinja
//! templates over the same context.

use std::path::{Path, PathBuf};

use minijinja::Environment;
use minijinja::value::Serde;
use serde::Serialize;

use crate::report::Language;

/// The templates the daemon needs, by name.
pub const REQUIRED: &[&str] = &[
    "ack",
    "ack-encrypted",
    "staff-new-ticket",
    "staff-follow-up",
    "staff-confirmation",
    "staff-command-error",
    "staff-suspicious",
    "staff-triage-reminder",
    "staff-triage-overdue",
    "relay",
    "reporter-update",
    "reporter-merged",
    "staff-copy",
    "staff-digest",
    "status",
    "quarantined",
];

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("cannot read template {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("template {name}: {message}")]
    Invalid { name: String, message: String },
}

/// A rendered mail text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
}

#[derive(Debug)]
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Load every required template in both languages from `dir`.
    pub fn load(dir: &Path) -> Result<Templates, TemplateError> {
        let mut env = Environment::new();
        // block tags on their own lines leave no blank lines behind
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(|e| TemplateError::Invalid {
                name: "syntax".into(),
                message: e.to_string(),
            })?;
        env.set_syntax(syntax);
        env.add_filter("truncate", truncate);
        env.add_filter("pad", pad);
        for name in REQUIRED {
            for lang in [Language::En, Language::It] {
                let file = file_name(name, lang);
                let path = dir.join(&file);
                let source =
                    std::fs::read_to_string(&path).map_err(|source| TemplateError::Read {
                        path: path.clone(),
                        source,
                    })?;
                if !source.starts_with("Subject:") {
                    return Err(TemplateError::Invalid {
                        name: file,
                        message: "the first line must be \"Subject: ...\"".into(),
                    });
                }
                env.add_template_owned(file.clone(), source).map_err(|e| {
                    TemplateError::Invalid {
                        name: file,
                        message: e.to_string(),
                    }
                })?;
            }
        }
        let templates = Templates { env };
        templates.smoke_test()?;
        Ok(templates)
    }

    /// Render every template over a full sample and over a sparse one (every
    /// optional field null, every list empty), so a broken edit stops the
    /// daemon at start instead of failing on the first mail.
    fn smoke_test(&self) -> Result<(), TemplateError> {
        for sample in [sample_context(), sparse_context()] {
            for name in REQUIRED {
                for lang in [Language::En, Language::It] {
                    self.render(name, lang, &sample)?;
                }
            }
        }
        Ok(())
    }

    /// Render template `name` in `lang` over `context`.
    pub fn render<C: Serialize>(
        &self,
        name: &str,
        lang: Language,
        context: &C,
    ) -> Result<Rendered, TemplateError> {
        let file = file_name(name, lang);
        let invalid = |e: minijinja::Error| TemplateError::Invalid {
            name: file.clone(),
            message: e.to_string(),
        };
        let text = self
            .env
            .get_template(&file)
            .map_err(invalid)?
            .render(Serde(context))
            .map_err(invalid)?;
        Ok(split_subject(&text))
    }
}

/// A context with every field the templates may use set, as the daemon
/// fills it for a triaged vulnerability with an outcome.
fn sample_context() -> serde_json::Value {
    serde_json::json!({
        "number": "SEC-0000-0000",
        "subject": "sample",
        "reporter": "reporter@example.com",
        "language": "en",
        "body": "sample",
        "desk": {"name": "Security Desk", "address": "security@example.com"},
        "report": {
            "kind": "vulnerability", "kind_basis": "events", "kind_quote": "sample sentence",
            "language": "en", "description": "sample",
            "cve_ids": ["CVE-2024-0001"],
            // a 4.0 vector beside a 3.1 one: the 4.0 one decides
            "cvss": {"vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                     "version": "4.0", "base_score": 9.3, "severity": "critical"},
            "cvss_vectors": [
                {"vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                 "version": "3.1", "base_score": 9.8, "severity": "critical"},
                {"vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                 "version": "4.0", "base_score": 9.3, "severity": "critical"},
            ],
            "reported_score": null, "remediation": "sample", "customer_message": "sample",
            "missing": ["kind", "description", "cve_or_cvss", "remediation", "customer_message"],
        },
        "ticket": {
            "state": "investigating", "kind": "vulnerability", "severity": "critical",
            "priority": 1, "priority_source": "staff",
            "outcome": "modification-requested",
            "customer_message": "sample customer message",
            "triage_due": "2026-11-26 17:00 CET", "triaged": false,
            "created_at": "2026-11-25 17:00 CET", "updated_at": "2026-11-26 10:30 CET",
            "owner": "analyst@example.com",
        },
        "text": "sample text",
        "status_url": "https://desk.example.com/status/0123456789abcdef0123456789abcdef01234567",
        "staff_member": "analyst@example.com",
        "applied": ["/severity critical", "/priority 1"],
        "errors": ["line 1: /severity hgh: unknown severity"],
        "changes": ["triaged", "outcome", "closed", "status"],
        "sender": "analyst@example.com",
        "reason": "dkim=fail header.d=example.com",
        "problem": {"kind": "too-large", "size": "31.3 MB", "limit": "25 MB"},
        "attachments": [
            {"name": "poc.py", "detected_type": "text/plain", "size": "2.1 KB",
             "sha256": "0".repeat(64), "attached": true, "why": null},
            {"name": "setup.exe", "detected_type": "application/vnd.microsoft.portable-executable",
             "size": "1.2 MB", "sha256": "1".repeat(64), "attached": false,
             "why": "held back: Windows executable (PE)"},
        ],
        "files_listed": true,
        "added": ["psirt@vendor.example"],
        "merge": {"role": "merged", "other": "SEC-1111-1111"},
        "internal": false,
        "relayed_to": ["reporter@example.com", "psirt@vendor.example"],
        "for_staff": true,
        "text_attached": true,
        "digest": {"filters": "open mine", "limit": 200, "tickets": [
            {"number": "SEC-0000-0000", "state": "new", "severity": "high", "priority": 1,
             "owner": "analyst@example.com", "subject": "sample", "age": "3d"},
        ]},
    })
}

/// [`sample_context`] with every optional field null and every list empty:
/// a new ticket nobody has looked at yet.
fn sparse_context() -> serde_json::Value {
    let mut sample = sample_context();
    let ticket = &mut sample["ticket"];
    ticket["state"] = "new".into();
    ticket["kind"] = "unknown".into();
    ticket["priority"] = 3.into();
    ticket["priority_source"] = "rule".into();
    for key in [
        "severity",
        "outcome",
        "customer_message",
        "triage_due",
        "owner",
    ] {
        ticket[key] = serde_json::Value::Null;
    }
    for key in ["text", "staff_member", "problem", "merge", "digest"] {
        sample[key] = serde_json::Value::Null;
    }
    for key in [
        "applied",
        "errors",
        "changes",
        "attachments",
        "added",
        "relayed_to",
    ] {
        sample[key] = serde_json::json!([]);
    }
    sample["report"]["cvss"] = serde_json::Value::Null;
    sample["report"]["cvss_vectors"] = serde_json::json!([]);
    sample["files_listed"] = false.into();
    sample["for_staff"] = false.into();
    sample["text_attached"] = false.into();
    sample
}

/// `{{ number | pad(15) }}`: left-aligned in a column that many characters
/// wide (longer text is kept whole), for the digest's table.
fn pad(text: String, width: usize) -> String {
    let len = text.chars().count();
    if len >= width {
        text
    } else {
        format!("{text}{}", " ".repeat(width - len))
    }
}

/// `{{ text | truncate(600) }}`: at most that many characters, with an
/// ellipsis when cut (reports can be megabytes long).
fn truncate(text: String, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

fn file_name(name: &str, lang: Language) -> String {
    format!("{name}.{}.txt", lang.as_str())
}

fn split_subject(text: &str) -> Rendered {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    Rendered {
        subject: first.trim_start_matches("Subject:").trim().to_string(),
        body: rest.trim_start_matches(['\r', '\n']).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_the_subject() {
        let r = split_subject("Subject: [SEC-1] hello\n\nBody line\nmore\n");
        assert_eq!(r.subject, "[SEC-1] hello");
        assert_eq!(r.body, "Body line\nmore\n");
    }

    #[test]
    fn shipped_templates_load_and_render_in_both_languages() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let templates = Templates::load(&dir).unwrap();
        let ctx = serde_json::json!({
            "number": "SEC-7KQ3-M9PX",
            "subject": "XSS",
            "desk": {"name": "Security Desk", "address": "security@example.test"},
            "report": {"kind": "vulnerability", "cve_ids": ["CVE-2024-1234"], "missing": ["remediation"]},
            "ticket": {"severity": "high", "priority": 2, "state": "new"},
        });
        let en = templates.render("ack", Language::En, &ctx).unwrap();
        let it = templates.render("ack", Language::It, &ctx).unwrap();
        assert!(en.subject.contains("[SEC-7KQ3-M9PX]"));
        assert!(it.subject.contains("[SEC-7KQ3-M9PX]"));
        assert!(en.body.contains("CVE-2024-1234"));
        assert_ne!(en.body, it.body);
    }

    /// The templates added for follow-ups, staff replies, reminders and
    /// status requests.
    const NEW: &[&str] = &[
        "staff-follow-up",
        "staff-confirmation",
        "staff-command-error",
        "staff-suspicious",
        "staff-triage-reminder",
        "staff-triage-overdue",
        "relay",
        "reporter-update",
        "status",
    ];

    fn shipped() -> Templates {
        Templates::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")).unwrap()
    }

    /// What each template must show over [`sample_context`], per language.
    fn key_fields(name: &str, lang: Language) -> Vec<&'static str> {
        let it = lang == Language::It;
        match name {
            "staff-follow-up" => vec![
                "sample text",
                "reporter@example.com",
                "P1",
                "2026-11-26 17:00 CET",
                if it { "critica" } else { "critical" },
                if it {
                    "/gravità alta"
                } else {
                    "/severity high"
                },
            ],
            "staff-confirmation" => vec![
                "/severity critical",
                "/priority 1",
                "P1",
                if it { "in analisi" } else { "investigating" },
                if it {
                    "modifica richiesta"
                } else {
                    "modification-requested"
                },
                if it {
                    "è stato inoltrato"
                } else {
                    "was relayed"
                },
            ],
            "staff-command-error" => vec![
                "line 1: /severity hgh: unknown severity",
                "/severity none|low|medium|high|critical",
                "/priority 1-4",
                "/status new|triaged|investigating|awaiting-reporter|closed",
                "/outcome modification-requested|offer-removed|no-action",
                "/internal",
                "/customer-message",
                if it {
                    "non è stato inoltrato"
                } else {
                    "not relayed"
                },
            ],
            "staff-suspicious" => vec![
                "analyst@example.com",
                "dkim=fail header.d=example.com",
                "sample text",
                if it { "sospetto" } else { "suspicious" },
            ],
            "staff-triage-reminder" | "staff-triage-overdue" => vec![
                "2026-11-26 17:00 CET",
                "P1",
                if it { "critica" } else { "critical" },
            ],
            "relay" => vec![
                "sample text",
                "analyst@example.com",
                "SEC-0000-0000",
                if it { "\"stato\"" } else { "\"status\"" },
            ],
            "reporter-update" => vec![
                "P1",
                "sample customer message",
                if it { "critica" } else { "critical" },
                if it {
                    "deve essere modificata"
                } else {
                    "must be modified"
                },
                if it {
                    "è stato chiuso"
                } else {
                    "is now closed"
                },
            ],
            "status" => vec![
                "P1",
                "2026-11-26 10:30 CET",
                "2026-11-26 17:00 CET",
                if it {
                    "in analisi"
                } else {
                    "under investigation"
                },
                if it { "critica" } else { "critical" },
                if it {
                    "modifica richiesta"
                } else {
                    "modification requested"
                },
            ],
            other => panic!("no key fields for {other}"),
        }
    }

    #[test]
    fn new_templates_render_their_key_fields_in_both_languages() {
        let templates = shipped();
        let sample = sample_context();
        for name in NEW {
            assert!(REQUIRED.contains(name), "{name} is not in REQUIRED");
            let mut bodies = Vec::new();
            for lang in [Language::En, Language::It] {
                let r = templates.render(name, lang, &sample).unwrap();
                assert!(
                    r.subject.contains("[SEC-0000-0000]"),
                    "{name}.{}: subject {:?}",
                    lang.as_str(),
                    r.subject
                );
                assert!(!r.subject.contains('\n'), "{name}: multi-line subject");
                for field in key_fields(name, lang) {
                    assert!(
                        r.body.contains(field),
                        "{name}.{}: {field:?} missing from\n{}",
                        lang.as_str(),
                        r.body
                    );
                }
                bodies.push(r.body);
            }
            assert_ne!(bodies[0], bodies[1], "{name}: same text in both languages");
        }
    }

    #[test]
    fn new_templates_handle_null_fields_and_empty_lists() {
        let templates = shipped();
        let sparse = sparse_context();
        for name in NEW {
            for lang in [Language::En, Language::It] {
                let r = templates.render(name, lang, &sparse).unwrap();
                assert!(r.subject.contains("[SEC-0000-0000]"), "{name}");
                // a null printed as a word, or a priority without its number
                // (minijinja prints null as "none"); command syntax lines
                // list the value none
                let prose = r.body.lines().filter(|l| !l.starts_with("  /"));
                for word in prose.flat_map(|l| l.split(|c: char| !c.is_alphanumeric())) {
                    assert!(
                        !["none", "None", "null", "undefined", "P"].contains(&word),
                        "{name}.{}: {word:?} in\n{}",
                        lang.as_str(),
                        r.body
                    );
                }
            }
        }
        let en = templates.render("relay", Language::En, &sparse).unwrap();
        assert!(!en.body.contains("analyst@example.com"));
        let en = templates
            .render("staff-confirmation", Language::En, &sparse)
            .unwrap();
        assert!(en.body.contains("Nothing was relayed"));
        let it = templates
            .render("staff-triage-reminder", Language::It, &sparse)
            .unwrap();
        assert!(it.body.contains("solo la proposta della regola"));
        assert!(it.body.contains("non assegnata"));
    }

    #[test]
    fn a_new_ticket_shows_every_cvss_vector_to_staff() {
        let templates = shipped();
        let v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N = 9.3 (critical)";
        let v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H = 9.8 (critical)";
        let mut one = sample_context();
        one["report"]["cvss_vectors"] = serde_json::json!([one["report"]["cvss"].clone()]);
        for (lang, also) in [(Language::En, "also"), (Language::It, "anche")] {
            let both = templates
                .render("staff-new-ticket", lang, &sample_context())
                .unwrap();
            assert!(
                both.body.contains(&format!(
                    "\nCVSS:      {v4}\n           {also} {v31}\nTriage"
                )),
                "{}",
                both.body
            );
            let single = templates.render("staff-new-ticket", lang, &one).unwrap();
            assert!(
                single.body.contains(&format!("\nCVSS:      {v4}\nTriage")),
                "{}",
                single.body
            );
            assert!(!single.body.contains("CVSS:3.1"), "{}", single.body);
            let none = templates
                .render("staff-new-ticket", lang, &sparse_context())
                .unwrap();
            assert!(!none.body.contains("CVSS:4.0"), "{}", none.body);
        }
    }

    #[test]
    fn every_value_has_a_name_in_italian() {
        let templates = shipped();
        let cases = [
            ("state", "new", "nuovo"),
            ("state", "triaged", "classificato"),
            ("state", "investigating", "in analisi"),
            ("state", "awaiting-reporter", "in attesa del segnalante"),
            ("state", "closed", "chiuso"),
            ("severity", "none", "nessuna"),
            ("severity", "low", "bassa"),
            ("severity", "medium", "media"),
            ("severity", "high", "alta"),
            ("severity", "critical", "critica"),
            ("outcome", "modification-requested", "modifica richiesta"),
            ("outcome", "offer-removed", "offerta rimossa"),
            ("outcome", "no-action", "nessuna azione"),
        ];
        for (key, value, italian) in cases {
            let mut ctx = sample_context();
            ctx["ticket"][key] = value.into();
            let it = templates.render("status", Language::It, &ctx).unwrap();
            assert!(it.body.contains(italian), "{value}: {}", it.body);
        }
    }

    #[test]
    fn reporter_update_explains_each_outcome() {
        let templates = shipped();
        let cases = [
            ("offer-removed", "will be removed", "sarà rimossa"),
            ("no-action", "no action", "Non è necessario"),
        ];
        for (outcome, en_text, it_text) in cases {
            let mut ctx = sample_context();
            ctx["ticket"]["outcome"] = outcome.into();
            ctx["changes"] = serde_json::json!(["outcome"]);
            let en = templates
                .render("reporter-update", Language::En, &ctx)
                .unwrap();
            let it = templates
                .render("reporter-update", Language::It, &ctx)
                .unwrap();
            assert!(en.body.contains(en_text), "{}", en.body);
            assert!(it.body.contains(it_text), "{}", it.body);
            assert!(en.body.contains("sample customer message"));
        }
    }

    #[test]
    fn a_state_change_to_closed_is_told_once() {
        let templates = shipped();
        let mut ctx = sample_context();
        ctx["ticket"]["state"] = "closed".into();
        ctx["changes"] = serde_json::json!(["closed", "status"]);
        let en = templates
            .render("reporter-update", Language::En, &ctx)
            .unwrap();
        assert_eq!(en.body.matches("closed").count(), 1, "{}", en.body);
    }

    #[test]
    fn the_quarantine_notice_explains_each_problem_in_both_languages() {
        let templates = shipped();
        let cases = [
            ("too-large", ["31.3 MB", "25 MB"], ["31.3 MB", "25 MB"]),
            (
                "too-many-parts",
                ["25 MB", "fewer"],
                ["25 MB", "meno allegati"],
            ),
            (
                "too-slow",
                ["HTML", "plain text"],
                ["HTML", "testo semplice"],
            ),
            (
                "unreadable",
                ["format", "plain text"],
                ["formato", "testo semplice"],
            ),
            (
                "failed",
                ["error on our side", "nothing you need"],
                ["errore", "Non dovete"],
            ),
        ];
        for (kind, en_fields, it_fields) in cases {
            let mut ctx = sample_context();
            ctx["problem"]["kind"] = kind.into();
            for (lang, fields, kept) in [
                (Language::En, en_fields, "not lost"),
                (Language::It, it_fields, "non è andato perso"),
            ] {
                let r = templates.render("quarantined", lang, &ctx).unwrap();
                assert!(r.subject.contains("sample"), "{kind}: {}", r.subject);
                for field in fields.iter().chain([&kept, &"security@example.com"]) {
                    assert!(
                        r.body.contains(field),
                        "{kind}.{lang:?}: {field:?} missing from\n{}",
                        r.body
                    );
                }
                assert!(!r.body.contains("SEC-"), "no ticket number: {}", r.body);
            }
        }
        // a notice without a problem or a subject still reads as a sentence
        let mut sparse = sparse_context();
        sparse["subject"] = "".into();
        let r = templates
            .render("quarantined", Language::En, &sparse)
            .unwrap();
        assert_eq!(r.subject, "Not processed: your message");
        assert!(r.body.contains("could not be read"), "{}", r.body);
    }

    #[test]
    fn truncate_counts_characters_not_bytes() {
        assert_eq!(truncate("àèìòù".into(), 3), "àèì…");
        assert_eq!(truncate("short".into(), 10), "short");
    }

    #[test]
    fn a_missing_template_names_its_path() {
        let err = Templates::load(Path::new("/nonexistent")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/ack.en.txt"));
    }
}
