//! `[database]`: where the tickets are stored (SQLite or PostgreSQL).

use super::Secret;
use super::check::Check;
use super::read::Section;

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    /// `sqlite://path/to/file.db` (created on first run) or `postgres://...`.
    pub url: Secret,
    /// Size of the connection pool.
    pub max_connections: u32,
}

impl DatabaseConfig {
    /// Its line of the summary (`secdesk check-config`), the URL redacted.
    pub(super) fn summary(&self) -> String {
        format!(
            "database: {}, up to {} connections",
            redacted_url(self.url.expose()),
            self.max_connections
        )
    }
}

/// The URL with any password and query string (which may hold one) masked;
/// SQLite URLs hold neither, so they are shown whole.
fn redacted_url(url: &str) -> String {
    if url.starts_with("sqlite:") {
        return url.to_owned();
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, _)) => (rest, "?***"),
        None => (rest, ""),
    };
    let rest = match rest.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => format!("{userinfo}@{host}"),
        },
        None => rest.to_owned(),
    };
    format!("{scheme}://{rest}{query}")
}

pub(super) struct RawDatabase {
    url: Option<Secret>,
    max_connections: Option<i64>,
}

impl RawDatabase {
    pub(super) fn read(s: &mut Section<'_>) -> RawDatabase {
        RawDatabase {
            url: s.secret("url"),
            max_connections: s.integer("max_connections"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> DatabaseConfig {
        let url = self
            .url
            .unwrap_or_else(|| Secret::new("sqlite://secdesk.db"));
        let text = url.expose();
        let supported = ["sqlite:", "postgres://", "postgresql://"];
        if !supported.iter().any(|scheme| text.starts_with(scheme)) {
            // Only the scheme is echoed: the rest may hold a password.
            let got = match text.split_once(':') {
                Some((scheme, _)) => format!("a URL starting with {:?}", format!("{scheme}:")),
                None => "a value without a scheme".to_owned(),
            };
            check.error(
                "database.url",
                format!(
                    "must start with sqlite: (e.g. sqlite://secdesk.db) or postgres:// \
                     (e.g. postgres://secdesk@db.example.com/secdesk), got {got}"
                ),
            );
        }
        DatabaseConfig {
            url,
            max_connections: check.number(
                "database.max_connections",
                self.max_connections,
                8,
                1,
                None,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::test_support::*;

    #[test]
    fn database_url_errors_do_not_echo_the_url() {
        let errors = errors(LOCAL, &[("SECDESK_DATABASE_URL", "mysql://u:hunter2@db/x")]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("database.url: must start with sqlite:"));
        assert!(errors[0].contains("\"mysql:\""));
        assert!(!errors[0].contains("hunter2"), "{}", errors[0]);
    }
}
