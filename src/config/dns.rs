//! `[dns]`: the resolvers the desk asks for DKIM keys, SPF and DMARC
//! records, and how long and how often it asks.

use std::net::IpAddr;

use super::check::Check;
use super::read::Section;

/// How the desk asks DNS for DKIM keys, SPF and DMARC records (`[dns]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsConfig {
    /// Resolvers as `IP` or `IP:PORT` (port 53 when not given); empty: the
    /// system's (`/etc/resolv.conf`).
    pub servers: Vec<std::net::SocketAddr>,
    /// One query's timeout, in milliseconds.
    pub timeout_ms: u64,
    /// Tries per query.
    pub attempts: u32,
    /// TXT answers kept in the cache (for their TTL).
    pub cache_entries: usize,
}

impl DnsConfig {
    /// Its line of the summary (`secdesk check-config`).
    pub(super) fn summary(&self) -> String {
        format!(
            "dns:      {}, timeout {} ms, {} attempts, {} TXT answers cached",
            if self.servers.is_empty() {
                "the system's resolvers".to_owned()
            } else {
                self.servers
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            self.timeout_ms,
            self.attempts,
            self.cache_entries
        )
    }
}

pub(super) struct RawDns {
    servers: Option<Vec<String>>,
    timeout_ms: Option<i64>,
    attempts: Option<i64>,
    cache_entries: Option<i64>,
}

impl RawDns {
    pub(super) fn read(s: &mut Section<'_>) -> RawDns {
        RawDns {
            servers: s.list("servers"),
            timeout_ms: s.integer("timeout_ms"),
            attempts: s.integer("attempts"),
            cache_entries: s.integer("cache_entries"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> DnsConfig {
        let mut servers = Vec::new();
        for (i, server) in self.servers.unwrap_or_default().iter().enumerate() {
            let server = server.trim();
            let parsed = server
                .parse::<std::net::SocketAddr>()
                .or_else(|_| server.parse::<IpAddr>().map(|ip| (ip, 53).into()));
            match parsed {
                Ok(addr) => servers.push(addr),
                Err(_) => check.error(
                    format!("dns.servers[{i}]"),
                    format!(
                        "{server:?} is not a resolver address: write an IP address, \
                         optionally with a port (\"192.0.2.53\", \"127.0.0.1:5353\", \"[2001:db8::53]:53\")"
                    ),
                ),
            }
        }
        DnsConfig {
            servers,
            timeout_ms: check.number(
                "dns.timeout_ms",
                self.timeout_ms,
                2000,
                10,
                Some((60_000, " (a minute)")),
            ),
            attempts: check.number("dns.attempts", self.attempts, 2, 1, Some((10, ""))),
            cache_entries: check.number("dns.cache_entries", self.cache_entries, 4096, 0, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::test_support::*;

    #[test]
    fn dns_servers_take_an_ip_with_or_without_a_port() {
        let text = format!(
            "{MINIMAL}\n[dns]\nservers = [\"192.0.2.53\", \"127.0.0.1:5353\", \"[2001:db8::53]:53\"]\ntimeout_ms = 300\n"
        );
        let config = load(&text, &[("SECDESK_DNS_ATTEMPTS", "1")]).expect("valid");
        let servers: Vec<String> = config.dns.servers.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            servers,
            ["192.0.2.53:53", "127.0.0.1:5353", "[2001:db8::53]:53"]
        );
        assert_eq!((config.dns.timeout_ms, config.dns.attempts), (300, 1));
        let summary = config.summary();
        assert!(
            summary.contains("dns:      192.0.2.53:53, 127.0.0.1:5353"),
            "{summary}"
        );
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_DNS_SERVERS", "192.0.2.53,resolver.example.com"),
                ("SECDESK_DNS_TIMEOUT_MS", "0"),
            ],
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("dns.servers[1]: \"resolver.example.com\" is not a resolver address"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("dns.timeout_ms: must be 10-60000"),
            "{errors:?}"
        );
    }
}
