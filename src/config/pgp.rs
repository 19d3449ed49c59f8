//! `[pgp]`: the desk's OpenPGP key and the keyring of the keys it knows;
//! off until it is given a key.

use std::path::PathBuf;

use super::Secret;
use super::check::{Check, optional};
use super::read::Section;

/// The desk's OpenPGP key and the keys it knows (`[pgp]`); off without
/// `key_file`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PgpConfig {
    /// The desk's ASCII-armored secret key (`secdesk pgp init` writes one).
    pub key_file: Option<PathBuf>,
    /// Unlocks the secret key when it is protected (`SECDESK_PGP_PASSPHRASE`).
    pub passphrase: Option<Secret>,
    /// Armored public keys of reporters, staff and partners the desk knows.
    pub keyring_file: Option<PathBuf>,
    /// Staff copies encrypted too, to staff whose keys are in the keyring.
    pub encrypt_staff_copies: bool,
}

impl PgpConfig {
    /// Its line of the summary (`secdesk check-config`), the passphrase
    /// redacted.
    pub(super) fn summary(&self) -> String {
        match &self.key_file {
            Some(file) => format!(
                "pgp:      desk key {}{}{}; staff copies {}",
                file.display(),
                if self.passphrase.is_some() {
                    ", passphrase ***"
                } else {
                    ""
                },
                self.keyring_file
                    .as_ref()
                    .map(|k| format!(", known keys in {}", k.display()))
                    .unwrap_or_default(),
                if self.encrypt_staff_copies {
                    "encrypted"
                } else {
                    "in clear"
                }
            ),
            None => "pgp:      off (no pgp.key_file): encrypted reports stay ciphertext".to_owned(),
        }
    }
}

pub(super) struct RawPgp {
    key_file: Option<String>,
    passphrase: Option<Secret>,
    keyring_file: Option<String>,
    encrypt_staff_copies: Option<bool>,
}

impl RawPgp {
    pub(super) fn read(s: &mut Section<'_>) -> RawPgp {
        RawPgp {
            key_file: s.string("key_file"),
            passphrase: s.secret("passphrase"),
            keyring_file: s.string("keyring_file"),
            encrypt_staff_copies: s.boolean("encrypt_staff_copies"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> PgpConfig {
        let pgp = PgpConfig {
            key_file: optional(self.key_file).map(PathBuf::from),
            passphrase: self.passphrase,
            keyring_file: optional(self.keyring_file).map(PathBuf::from),
            encrypt_staff_copies: self.encrypt_staff_copies.unwrap_or(false),
        };
        if pgp.key_file.is_none() && pgp.keyring_file.is_some() {
            check.error(
                "pgp.keyring_file",
                "is set but pgp.key_file is not: the desk needs its own key to read \
                 encrypted mail and sign what it sends (secdesk pgp init makes one)",
            );
        }
        pgp
    }
}
