//! `[http]`: the desk's web side (status pages for reporters, metrics,
//! health checks), off until it is given an address to listen on.

use super::check::{Check, optional};
use super::read::Section;

/// The desk's web side (`[http]`): the reporters' status pages, metrics and
/// health checks; off without `listen`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpConfig {
    /// Where to listen (`127.0.0.1:8025`); `None`: no listener, and
    /// acknowledgments carry no status link.
    pub listen: Option<std::net::SocketAddr>,
    /// How reporters reach it (`https://desk.example.com`, no trailing
    /// slash): status links are `{public_url}/status/{token}`. Defaults to
    /// `http://{listen}`, which only works on the same machine.
    pub public_url: Option<String>,
    /// A status link stops working this many days after it was sent.
    pub link_days: u32,
    /// Requests one client (IP address) may make per minute; more get 429.
    pub requests_per_minute: u32,
}

impl HttpConfig {
    /// Its line of the summary (`secdesk check-config`).
    pub(super) fn summary(&self) -> String {
        match (&self.listen, &self.public_url) {
            (Some(listen), Some(url)) => format!(
                "http:     {listen}; status links {url}/status/..., valid {} days; {} requests per minute per client",
                self.link_days, self.requests_per_minute
            ),
            _ => "http:     off (no http.listen): no status page, metrics or health checks"
                .to_owned(),
        }
    }
}

pub(super) struct RawHttp {
    listen: Option<String>,
    public_url: Option<String>,
    link_days: Option<i64>,
    requests_per_minute: Option<i64>,
}

impl RawHttp {
    pub(super) fn read(s: &mut Section<'_>) -> RawHttp {
        RawHttp {
            listen: s.string("listen"),
            public_url: s.string("public_url"),
            link_days: s.integer("link_days"),
            requests_per_minute: s.integer("requests_per_minute"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> HttpConfig {
        let listen = optional(self.listen).and_then(|text| {
            text.trim()
                .parse::<std::net::SocketAddr>()
                .map_err(|_| {
                    check.error(
                        "http.listen",
                        format!(
                            "{text:?} is not an address to listen on: write IP:PORT \
                             (\"127.0.0.1:8025\", \"[::1]:8025\", \"0.0.0.0:8025\")"
                        ),
                    )
                })
                .ok()
        });
        let public_url = match optional(self.public_url) {
            Some(url) => {
                let url = url.trim().trim_end_matches('/').to_owned();
                let host = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .unwrap_or_default();
                if host.is_empty() || host.contains(['?', '#', ' ', '"', '<', '>']) {
                    check.error(
                        "http.public_url",
                        format!(
                            "{url:?} is not a base URL: write http(s)://HOST[:PORT][/PATH] \
                             (\"https://desk.example.com\"), without query or fragment"
                        ),
                    );
                    None
                } else {
                    Some(url)
                }
            }
            None => listen.map(|addr| format!("http://{addr}")),
        };
        if listen.is_none() && public_url.is_some() {
            check.error(
                "http.public_url",
                "is set but http.listen is not: status links would lead nowhere",
            );
        }
        HttpConfig {
            listen,
            public_url: public_url.filter(|_| listen.is_some()),
            link_days: check.number(
                "http.link_days",
                self.link_days,
                90,
                1,
                Some((3650, " (ten years)")),
            ),
            requests_per_minute: check.number(
                "http.requests_per_minute",
                self.requests_per_minute,
                60,
                1,
                None,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::test_support::*;
    use crate::config::{Config, LogFormat};

    #[test]
    fn http_is_off_until_it_listens_and_links_default_to_the_listener() {
        let config = Config::from_toml_str(MINIMAL).unwrap();
        assert_eq!(
            (config.http.listen, config.http.public_url.clone()),
            (None, None)
        );
        assert!(config.summary().contains("http:     off"));
        let config =
            Config::from_toml_str(&format!("{MINIMAL}\n[http]\nlisten = \"127.0.0.1:8025\"\n"))
                .unwrap();
        assert_eq!(
            config.http.public_url.as_deref(),
            Some("http://127.0.0.1:8025")
        );
        assert_eq!(
            (config.http.link_days, config.http.requests_per_minute),
            (90, 60)
        );
        let config = Config::from_sources(
            &format!("{MINIMAL}\n[http]\nlisten = \"[::1]:8025\"\n"),
            [(
                "SECDESK_HTTP_PUBLIC_URL".to_owned(),
                "https://desk.example.com/".to_owned(),
            )],
        )
        .unwrap();
        assert_eq!(
            config.http.public_url.as_deref(),
            Some("https://desk.example.com")
        );
    }

    #[test]
    fn bad_http_and_log_keys_are_named() {
        let text = format!(
            "{MINIMAL}\n[http]\nlisten = \"localhost\"\npublic_url = \"ftp://x\"\nlink_days = 0\n[log]\nformat = \"xml\"\n"
        );
        let errors = errors(&text, &[]);
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].starts_with("http.listen: \"localhost\" is not an address"));
        assert!(errors[1].starts_with("http.public_url: \"ftp://x\" is not a base URL"));
        assert!(errors[2].starts_with("http.link_days: must be 1-3650"));
        assert_eq!(
            errors[3],
            "log.format: must be \"text\" or \"json\", got \"xml\""
        );
        // the format's variable is the key's, as for every key
        let config = Config::from_sources(
            MINIMAL,
            [("SECDESK_LOG_FORMAT".to_owned(), "json".to_owned())],
        )
        .unwrap();
        assert_eq!(config.log.format, LogFormat::Json);
    }
}
