//! Status links: how a reporter opens the page of their ticket without an
//! account. The link carries a random token; the desk keeps only its
//! SHA-256, so neither a copy of the database nor its logs open a page, and
//! a token is checked by hashing what was presented, never by comparing
//! secrets stored in clear.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Random bytes in a token: 160 bits, beyond guessing at any request rate.
const TOKEN_BYTES: usize = 20;

/// A token as it appears in a link: `TOKEN_BYTES` bytes in lower-case hex.
#[derive(Clone, PartialEq, Eq)]
pub struct StatusToken(String);

impl std::fmt::Debug for StatusToken {
    // a token is a password: never in a log line
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StatusToken(***)")
    }
}

impl StatusToken {
    /// A fresh token from `rng` (the operating system's, in the daemon).
    pub fn generate(rng: &mut impl rand::CryptoRng) -> StatusToken {
        let mut bytes = [0u8; TOKEN_BYTES];
        rng.fill_bytes(&mut bytes);
        StatusToken(hex::encode(bytes))
    }

    /// The token of a link's last path segment, if it has the token's
    /// shape. Anything else (too long, other characters, a path) is no
    /// token at all; the caller answers it exactly as an unknown token.
    pub fn parse(text: &str) -> Option<StatusToken> {
        (text.len() == TOKEN_BYTES * 2
            && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| StatusToken(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the store keeps and looks up: the token's SHA-256, hex.
    pub fn hash(&self) -> String {
        StatusToken::hash_of(&self.0)
    }

    /// The same hash of any text: what presented text that is no token is
    /// looked up as, so it costs what a token costs.
    pub fn hash_of(text: &str) -> String {
        hex::encode(Sha256::digest(text.as_bytes()))
    }

    /// Whether `stored` is this token's hash, compared in constant time
    /// (the lookup found the row by this hash; this is the proof).
    pub fn matches(&self, stored: &str) -> bool {
        self.hash().as_bytes().ct_eq(stored.as_bytes()).into()
    }
}

/// Whether a stored link opens its page at `now` (unix ms).
pub fn link_works(expires_at: i64, revoked_at: Option<i64>, now: i64) -> bool {
    revoked_at.is_none() && now < expires_at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_hash_to_what_is_stored() {
        let mut rng = rand::rng();
        let a = StatusToken::generate(&mut rng);
        let b = StatusToken::generate(&mut rng);
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 40);
        assert_eq!(StatusToken::parse(a.as_str()), Some(a.clone()));
        assert!(a.matches(&a.hash()));
        assert!(!a.matches(&b.hash()));
        assert_ne!(a.hash(), a.as_str(), "the token itself is never stored");
        assert!(!format!("{a:?}").contains(a.as_str()));
    }

    #[test]
    fn only_the_tokens_shape_is_a_token() {
        for bad in [
            "",
            "../../etc/passwd",
            "ABCDEF0123456789abcdef0123456789abcdef01",
            "0123456789abcdef0123456789abcdef0123456",
            "0123456789abcdef0123456789abcdef012345678",
            "0123456789abcdef0123456789abcdef0123456g",
        ] {
            assert_eq!(StatusToken::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_link_works_until_it_expires_or_is_revoked() {
        assert!(link_works(1000, None, 999));
        assert!(!link_works(1000, None, 1000));
        assert!(!link_works(1000, Some(500), 600));
    }
}
