//! Requests per client per minute, counted in fixed one-minute windows.
//! Pure: the caller passes the time. The table is bounded: past
//! `MAX_CLIENTS` it forgets every client whose window is over, and a flood
//! of new addresses beyond that is refused rather than grown without end.

use std::collections::HashMap;
use std::net::IpAddr;

const WINDOW_MS: i64 = 60_000;
const MAX_CLIENTS: usize = 65_536;

#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    clients: HashMap<IpAddr, (i64, u32)>,
}

/// What to answer a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// Over the limit: try again after this many seconds.
    Refuse {
        retry_after_secs: u64,
    },
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute: per_minute.max(1),
            clients: HashMap::new(),
        }
    }

    /// Count one request of `client` at `now` (unix ms).
    pub fn check(&mut self, client: IpAddr, now: i64) -> Verdict {
        // IPv6 clients are counted per /64: one host owns a whole one
        let client = match client {
            IpAddr::V6(v6) => {
                let mut bytes = v6.octets();
                bytes[8..].fill(0);
                IpAddr::from(bytes)
            }
            v4 => v4,
        };
        if self.clients.len() >= MAX_CLIENTS && !self.clients.contains_key(&client) {
            self.clients
                .retain(|_, (start, _)| now - *start < WINDOW_MS);
            if self.clients.len() >= MAX_CLIENTS {
                return Verdict::Refuse {
                    retry_after_secs: 60,
                };
            }
        }
        let (start, count) = self.clients.entry(client).or_insert((now, 0));
        if now - *start >= WINDOW_MS {
            (*start, *count) = (now, 0);
        }
        if *count >= self.per_minute {
            let left = (*start + WINDOW_MS - now).max(1000);
            return Verdict::Refuse {
                retry_after_secs: (left as u64).div_ceil(1000),
            };
        }
        *count += 1;
        Verdict::Allow
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_over_its_minute_waits_for_the_next_one() {
        let mut limiter = RateLimiter::new(3);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for t in [0, 10, 20] {
            assert_eq!(limiter.check(a, t), Verdict::Allow);
        }
        assert_eq!(
            limiter.check(a, 30_000),
            Verdict::Refuse {
                retry_after_secs: 30
            }
        );
        assert_eq!(
            limiter.check(b, 30_000),
            Verdict::Allow,
            "others are not held up"
        );
        assert_eq!(limiter.check(a, 60_000), Verdict::Allow, "a new window");
    }

    #[test]
    fn an_ipv6_host_counts_once_for_its_whole_prefix() {
        let mut limiter = RateLimiter::new(1);
        assert_eq!(
            limiter.check("2001:db8::1".parse().unwrap(), 0),
            Verdict::Allow
        );
        assert!(matches!(
            limiter.check("2001:db8::2".parse().unwrap(), 1),
            Verdict::Refuse { .. }
        ));
    }
}
