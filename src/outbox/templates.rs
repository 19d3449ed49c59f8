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
pub const REQUIRED: &[&str] = &["ack", "staff-new-ticket"];

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

    /// Render every template once over a sample, so a broken edit stops the
    /// daemon at start instead of failing on the first report.
    fn smoke_test(&self) -> Result<(), TemplateError> {
        let sample = serde_json::json!({
            "number": "SEC-0000-0000",
            "subject": "sample",
            "reporter": "reporter@example.com",
            "language": "en",
            "body": "sample",
            "desk": {"name": "Security Desk", "address": "security@example.com"},
            "report": {
                "kind": "vulnerability", "language": "en", "description": "sample",
                "cve_ids": ["CVE-2024-0001"],
                "cvss": {"vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                         "version": "3.1", "base_score": 9.8, "severity": "critical"},
                "reported_score": null, "remediation": "sample", "customer_message": "sample",
                "missing": ["kind", "description", "cve_or_cvss", "remediation", "customer_message"],
            },
            "ticket": {"state": "new", "severity": "critical", "priority": 1},
        });
        for name in REQUIRED {
            for lang in [Language::En, Language::It] {
                self.render(name, lang, &sample)?;
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
