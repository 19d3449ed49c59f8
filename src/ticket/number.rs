//! Confirmation numbers: the ticket's public id, quoted in every subject.
//!
//! Contract (to be implemented): `PREFIX` + 8 characters of Crockford's
//! base32 (no I, L, O, U) shown as two groups of four, e.g. `SEC-7KQ3-M9PX`.
//! Seven characters are random (not sequential: the number must not reveal
//! how many reports the desk gets) and the eighth is a Luhn mod 32 check
//! character, so a single mistyped character or a swap of two neighbours is
//! rejected. Parsing is case-insensitive and reads O as 0 and I/L as 1.

use std::fmt;

use serde::{Serialize, Serializer};

/// The configured prefix of every number, such as `SEC-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberPrefix(String);

/// A valid confirmation number in canonical form (upper case, with prefix).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConfirmationNumber(String);

impl ConfirmationNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ConfirmationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ConfirmationNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}
