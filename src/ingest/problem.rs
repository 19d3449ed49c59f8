//! Why a mail was refused, in the terms the notice to its sender uses.
//!
//! Its own file because both the quarantine (which decides) and the replies
//! (which word the notice) need it, and neither should import the other.

use serde::Serialize;

use crate::message::ParseError;

/// What went wrong, in the terms the sender's notice uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct Problem {
    /// `too-large`, `too-many-parts`, `too-slow`, `unreadable`, `encrypted`
    /// (could not be decrypted) or `failed`.
    pub kind: &'static str,
    pub size: Option<String>,
    pub limit: Option<String>,
}

impl Problem {
    pub(super) fn of(error: &ParseError) -> Problem {
        let (kind, size, limit) = match error {
            ParseError::TooLarge { size, limit } => (
                "too-large",
                Some(human_size(*size)),
                Some(human_size(*limit)),
            ),
            ParseError::TooManyParts { limit, .. } => {
                ("too-many-parts", None, Some(limit.to_string()))
            }
            ParseError::TooSlow { .. } => ("too-slow", None, None),
            ParseError::NotAMessage(_) => ("unreadable", None, None),
            ParseError::Encrypted(_) => ("encrypted", None, None),
        };
        Problem { kind, size, limit }
    }

    /// The desk failed on a mail it could read (a bug, a value the
    /// database refused): nothing the sender can change.
    pub(super) fn failed() -> Problem {
        Problem {
            kind: "failed",
            size: None,
            limit: None,
        }
    }
}

/// `26214400` → `25 MB`; `1536` → `1.5 KB`.
pub(super) fn human_size(bytes: usize) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        return format!("{bytes} bytes");
    }
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn problems_carry_what_the_sender_can_act_on() {
        let large = Problem::of(&ParseError::TooLarge {
            size: 31 * 1024 * 1024 + 300 * 1024,
            limit: 26_214_400,
        });
        assert_eq!(large.kind, "too-large");
        assert_eq!(large.size.as_deref(), Some("31.3 MB"));
        assert_eq!(large.limit.as_deref(), Some("25 MB"));
        let parts = Problem::of(&ParseError::TooManyParts {
            parts: 1001,
            limit: 1000,
        });
        assert_eq!(
            (parts.kind, parts.limit.as_deref()),
            ("too-many-parts", Some("1000"))
        );
        let slow = Problem::of(&ParseError::TooSlow {
            limit: Duration::from_millis(1000),
        });
        assert_eq!(slow.kind, "too-slow");
        assert_eq!(
            Problem::of(&ParseError::NotAMessage("x".into())).kind,
            "unreadable"
        );
    }

    #[test]
    fn sizes_read_like_a_person_writes_them() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(26_214_400), "25 MB");
        assert_eq!(human_size(3 * 1024 * 1024 * 1024), "3 GB");
    }
}
