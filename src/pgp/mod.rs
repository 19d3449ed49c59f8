//! OpenPGP for mail: PGP/MIME (RFC 3156) and inline armor in, PGP/MIME out.
//!
//! [`open`] takes a raw mail and tells what PGP it carries: nothing
//! ([`Opened::Clear`]), a signature over clear content
//! ([`Opened::SignedOnly`]), or encrypted content, which it decrypts with the
//! desk's key into a plain RFC 5322 mail that `message::parse` reads like any
//! other ([`Opened::Decrypted`]). [`seal`] does the opposite for mail the desk
//! sends: encrypted to the reporter and to the desk, signed by the desk.
//! [`keys_in_mail`] collects the public keys a mail offers (attached, pasted,
//! or in an `Autocrypt:` header); [`DeskKey`] and [`Keyring`] hold the keys.
//!
//! Pure apart from the randomness encryption and key generation need: the
//! clock comes in as `now`, keys come in as values, nothing is read or
//! written. Hostile input ends in a [`PgpError`], never a panic, and the work
//! is bounded by [`PgpLimits`]: OpenPGP data over the input limit is refused
//! before any decryption, and decrypted output (decompression included) is
//! cut off at the output limit.
//!
//! Decisions a reader of the results should know:
//!
//! - **Which From counts.** A good signature is [`SignatureStatus::Good`]
//!   only when the signing certificate has a User ID whose address is the
//!   mail's outer From; otherwise it is [`SignatureStatus::SignerMismatch`]
//!   — the signature is sound but says nothing about who wrote *this* mail's
//!   From. The outer headers are the ones the rest of the desk (routing,
//!   DKIM) looks at, so protected From/To inside the encryption are ignored.
//! - **Protected subject.** The Subject of the decrypted entity (Thunderbird
//!   sends `...` outside and the real one inside, draft-autocrypt-lamps-
//!   protected-headers) replaces the outer one in the rebuilt mail, and is
//!   returned as `protected_subject` so the caller can tell.
//! - **Several signatures.** One bad signature makes the result
//!   [`SignatureStatus::Bad`] even when another is good: somebody altered
//!   something, and staff should look. Otherwise one good one is enough.
//! - **Key validity.** Sequoia checks the signing key as of the signature's
//!   creation time; on top of that the key must still be valid (not expired,
//!   not revoked) at `now`, so a mail signed with a key that has since
//!   expired or been revoked is not reported as good.
//! - **Decrypting** uses any of the desk's encryption subkeys, expired ones
//!   included: mail written while an old subkey was valid must stay readable.

mod keys;
mod mime;
mod open;
mod seal;
mod verify;

#[cfg(test)]
mod client;
#[cfg(test)]
mod tests;

use std::time::Duration;

pub use keys::{DeskKey, Keyring, armored_public, cert_from_armored, keys_in_mail};
pub use open::open;
pub use seal::{check_recipient, seal, seal_hiding_subject};
pub use sequoia_openpgp::Cert;

/// Sequoia's standard policy: it refuses SHA-1 signatures over data, keys
/// too weak to trust, and the like. Shared by reading keys, checking
/// signatures and sealing.
static POLICY: sequoia_openpgp::policy::StandardPolicy<'static> =
    sequoia_openpgp::policy::StandardPolicy::new();

/// How long a signature may be dated after our `now` and still count: the
/// sender's clock may run ahead of ours.
const CLOCK_SKEW: Duration = Duration::from_secs(15 * 60);

/// What OpenPGP processing of one mail may cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgpLimits {
    /// Larger OpenPGP data (the armored or binary ciphertext, or the signed
    /// part) is refused before anything is decrypted or hashed.
    pub max_input_bytes: usize,
    /// Decryption stops, with an error, after this many bytes of output;
    /// this is what bounds a compression bomb.
    pub max_output_bytes: usize,
}

impl Default for PgpLimits {
    /// The message limit (`limits.max_message_bytes`): a decrypted mail is
    /// held to what a clear one may be.
    fn default() -> PgpLimits {
        PgpLimits {
            max_input_bytes: 25 * 1024 * 1024,
            max_output_bytes: 25 * 1024 * 1024,
        }
    }
}

/// What [`open`] found in a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Nothing PGP: parse the mail as it is.
    Clear,
    /// The mail was encrypted to the desk; `raw` is the mail to parse instead.
    Decrypted {
        /// A complete RFC 5322 mail: the outer headers (From, To, Date,
        /// Message-ID, threading, Autocrypt, ...) with the decrypted
        /// entity's content headers and body.
        raw: Vec<u8>,
        /// The signature inside the encryption, or on a `multipart/signed`
        /// inside it.
        signature: SignatureStatus,
        /// The Subject from inside the encryption, when there was one; it
        /// is already the Subject of `raw`.
        protected_subject: Option<String>,
        form: PgpForm,
    },
    /// Signed, not encrypted: parse the mail as it is, and record this.
    SignedOnly {
        signature: SignatureStatus,
        form: PgpForm,
    },
}

// What a mail's OpenPGP is (its form, its signature) is data about the
// message and lives with the rest of its authenticity, below this edge.
pub use crate::message::authenticity::{PgpForm, SignatureStatus};

/// Why OpenPGP work on a mail or key failed. The messages are written for a
/// staff member reading the quarantine list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PgpError {
    #[error("the mail is encrypted, but not to the desk's key ({})", recipients_text(.recipients))]
    NotForUs { recipients: Vec<String> },
    #[error("the OpenPGP data is damaged or cut short: {0}")]
    Corrupt(String),
    #[error(
        "cannot open {size} bytes of OpenPGP data: the limit is {limit} bytes (max_input_bytes)"
    )]
    TooLarge { size: usize, limit: usize },
    #[error(
        "the decrypted mail is larger than {limit} bytes (max_output_bytes); it may be a compression bomb"
    )]
    OutputTooLarge { limit: usize },
    #[error("the passphrase does not unlock the desk key")]
    BadPassphrase,
    #[error("the desk key is protected by a passphrase, and none was given")]
    PassphraseRequired,
    #[error("the desk key cannot be used: {0}")]
    NoKey(String),
    #[error("cannot read the key: {0}")]
    InvalidKey(String),
    #[error("cannot encrypt to {fingerprint}: {reason}")]
    RecipientUnusable { fingerprint: String, reason: String },
    #[error("not supported: {0}")]
    Unsupported(String),
    #[error("OpenPGP processing failed: {0}")]
    Internal(String),
}

fn recipients_text(recipients: &[String]) -> String {
    if recipients.is_empty() {
        "it names no key: a password or an anonymous recipient".to_string()
    } else {
        format!("it is for {}", recipients.join(", "))
    }
}
