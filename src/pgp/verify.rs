//! Sequoia's streaming decryptor and verifiers, bounded, with their results
//! turned into [`SignatureStatus`] and [`PgpError`].

use std::io::Read;
use std::time::SystemTime;

use sequoia_openpgp as openpgp;

use openpgp::cert::amalgamation::ValidAmalgamation;
use openpgp::cert::prelude::ValidCert;
use openpgp::crypto::SessionKey;
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::Parse;
use openpgp::parse::stream::{
    DecryptionHelper, DecryptorBuilder, DetachedVerifierBuilder, MessageLayer, MessageStructure,
    VerificationError, VerificationHelper, VerificationResult, VerifierBuilder,
};
use openpgp::types::{RevocationStatus, SymmetricAlgorithm};
use openpgp::{Cert, KeyHandle};

use super::keys::{DeskKey, Keyring};
use super::{CLOCK_SKEW, POLICY, PgpError, PgpLimits, SignatureStatus};
use crate::message::normalize_address;

/// Encrypted session keys tried per message. Each try is one public-key
/// operation; a hostile mail could carry thousands of anonymous ones.
const MAX_PKESKS: usize = 32;

/// Sequoia computes with twice its buffer size: a limit near `usize::MAX`
/// would overflow there. Above this the plaintext is streamed (and still cut
/// at the limit), with signatures checked at its end.
const MAX_BUFFER: usize = usize::MAX / 4;

/// Who is asking, and what they know.
#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
    pub known: &'a Keyring,
    /// The desk's own key: decrypts, and verifies the desk's own signatures
    /// (a sent copy).
    pub desk: &'a DeskKey,
    /// The mail's From address, normalised: who a good signature must be by.
    pub from: Option<&'a str>,
    pub now: SystemTime,
}

impl Context<'_> {
    /// The time sequoia checks signatures at: `now` plus the sender's clock
    /// skew we tolerate (sequoia tolerates none when given a time).
    fn verified_at(&self) -> SystemTime {
        self.now.checked_add(CLOCK_SKEW).unwrap_or(self.now)
    }
}

/// What the helper found out; kept outside it because sequoia drops the
/// helper when it fails.
#[derive(Default)]
struct Findings {
    signature: Option<SignatureStatus>,
    /// Why the message cannot be decrypted, when that is known better than
    /// sequoia's error says.
    refusal: Option<PgpError>,
}

struct Helper<'a> {
    context: Context<'a>,
    findings: &'a mut Findings,
}

impl VerificationHelper for Helper<'_> {
    fn get_certs(&mut self, ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        let mut certs = self.context.known.certs_for(ids);
        let desk = self.context.desk.public_cert();
        if ids
            .iter()
            .any(|id| desk.keys().key_handle(id.clone()).next().is_some())
        {
            certs.push(desk);
        }
        Ok(certs)
    }

    fn check(&mut self, structure: MessageStructure) -> openpgp::Result<()> {
        // never an error: the caller wants to know what the signature
        // shows, and reads the content either way
        self.findings.signature = Some(status_of(structure, &self.context));
        Ok(())
    }
}

impl DecryptionHelper for Helper<'_> {
    fn decrypt(
        &mut self,
        pkesks: &[PKESK],
        _skesks: &[SKESK],
        sym_algo: Option<SymmetricAlgorithm>,
        decrypt: &mut dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool,
    ) -> openpgp::Result<Option<Cert>> {
        let desk = self.context.desk;
        let mut keypairs = desk.decryption_keypairs(self.context.now);
        // why the desk's own key did not get us in, if it was tried
        let mut ours_failed: Option<&str> = None;
        for pkesk in pkesks.iter().take(MAX_PKESKS) {
            for (handle, keypair) in keypairs.iter_mut() {
                let named = pkesk.recipient();
                if named.as_ref().is_some_and(|n| !n.aliases(&*handle)) {
                    continue;
                }
                match pkesk.decrypt(keypair, sym_algo) {
                    Some((algo, session_key)) => {
                        if decrypt(algo, &session_key) {
                            // the certificate lets sequoia check the
                            // signature's intended-recipient list
                            return Ok(Some(desk.public_cert()));
                        }
                        ours_failed = Some(
                            "the encrypted data is damaged or truncated: the session key does not open it",
                        );
                    }
                    None if named.is_some() => {
                        ours_failed = ours_failed.or(Some(
                            "the session key encrypted to the desk's key is damaged",
                        ));
                    }
                    None => {}
                }
            }
        }
        self.findings.refusal = Some(match ours_failed {
            Some(reason) => PgpError::Corrupt(reason.to_string()),
            None => PgpError::NotForUs {
                recipients: pkesks
                    .iter()
                    .filter_map(|p| p.recipient())
                    .map(|r| r.to_hex())
                    .collect(),
            },
        });
        Err(openpgp::Error::InvalidOperation("not encrypted to the desk's key".into()).into())
    }
}

/// Decrypts an OpenPGP message (armored or binary) with the desk's key,
/// checking the signatures inside. Output over the limit is an error, found
/// after reading at most one byte more than the limit.
pub(super) fn decrypt(
    ciphertext: &[u8],
    context: Context<'_>,
    limits: &PgpLimits,
) -> Result<(Vec<u8>, SignatureStatus), PgpError> {
    check_input_size(ciphertext.len(), limits)?;
    let mut findings = Findings::default();
    let helper = Helper {
        context,
        findings: &mut findings,
    };
    let limit = limits.max_output_bytes;
    let read = (|| -> openpgp::Result<Vec<u8>> {
        // Sequoia holds back up to `buffer_size` bytes of plaintext until the
        // signatures are checked; a buffer just over the limit means whole
        // messages are verified before we read them, and that a compression
        // bomb inflates no further than the limit.
        let mut decryptor = DecryptorBuilder::from_bytes(ciphertext)?
            .buffer_size(limit.min(MAX_BUFFER).saturating_add(1))
            .with_policy(&POLICY, context.verified_at(), helper)?;
        let mut plaintext = Vec::new();
        (&mut decryptor)
            .take((limit as u64).saturating_add(1))
            .read_to_end(&mut plaintext)?;
        Ok(plaintext)
    })();
    match read {
        Ok(plaintext) if plaintext.len() > limit => Err(PgpError::OutputTooLarge { limit }),
        Ok(plaintext) => Ok((
            plaintext,
            findings.signature.unwrap_or(SignatureStatus::Unsigned),
        )),
        Err(error) => Err(findings
            .refusal
            .unwrap_or_else(|| sequoia_error(error.as_ref()))),
    }
}

/// The status of a detached signature (`signature`, armored or binary) over
/// `data`.
pub(super) fn verify_detached(
    data: &[u8],
    signature: &[u8],
    context: Context<'_>,
) -> SignatureStatus {
    let mut findings = Findings::default();
    let helper = Helper {
        context,
        findings: &mut findings,
    };
    let verified = DetachedVerifierBuilder::from_bytes(signature)
        .and_then(|builder| builder.with_policy(&POLICY, context.verified_at(), helper))
        .and_then(|mut verifier| verifier.verify_bytes(data));
    match (findings.signature, verified) {
        (Some(status), _) => status,
        (None, Err(error)) => SignatureStatus::Bad {
            reason: format!("the signature cannot be read: {error}"),
        },
        (None, Ok(())) => SignatureStatus::Unsigned,
    }
}

/// The status of a cleartext-signed block (`-----BEGIN PGP SIGNED
/// MESSAGE-----` to the end of its signature).
pub(super) fn verify_cleartext(
    block: &[u8],
    context: Context<'_>,
    limits: &PgpLimits,
) -> Result<SignatureStatus, PgpError> {
    check_input_size(block.len(), limits)?;
    let mut findings = Findings::default();
    let helper = Helper {
        context,
        findings: &mut findings,
    };
    let read = VerifierBuilder::from_bytes(block)
        .and_then(|builder| {
            builder
                .buffer_size(block.len().saturating_add(1))
                .with_policy(&POLICY, context.verified_at(), helper)
        })
        .and_then(|mut verifier| {
            // the text is no longer than the block; reading it to the end is
            // what makes sequoia check the signature
            std::io::copy(&mut verifier, &mut std::io::sink())?;
            Ok(())
        });
    Ok(match (findings.signature, read) {
        (Some(status), _) => status,
        (None, Err(error)) => SignatureStatus::Bad {
            reason: format!("the signed text cannot be read: {error}"),
        },
        (None, Ok(())) => SignatureStatus::Unsigned,
    })
}

fn check_input_size(size: usize, limits: &PgpLimits) -> Result<(), PgpError> {
    if size > limits.max_input_bytes {
        return Err(PgpError::TooLarge {
            size,
            limit: limits.max_input_bytes,
        });
    }
    Ok(())
}

/// Sequoia's error, for a reader of the quarantine list. Errors met while
/// reading come wrapped in `io::Error`s, whose inner error is not a
/// `source`, so the chain is walked by hand.
fn sequoia_error(error: &(dyn std::error::Error + 'static)) -> PgpError {
    let mut current = Some(error);
    while let Some(e) = current {
        if let Some(openpgp_error) = e.downcast_ref::<openpgp::Error>() {
            return openpgp_error_to_pgp(openpgp_error);
        }
        current = match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner),
            None => e.source(),
        };
    }
    PgpError::Corrupt(error.to_string())
}

fn openpgp_error_to_pgp(error: &openpgp::Error) -> PgpError {
    use openpgp::Error as E;
    match error {
        E::UnsupportedPacketType(_)
        | E::UnsupportedHashAlgorithm(_)
        | E::UnsupportedPublicKeyAlgorithm(_)
        | E::UnsupportedEllipticCurve(_)
        | E::UnsupportedSymmetricAlgorithm(_)
        | E::UnsupportedAEADAlgorithm(_)
        | E::UnsupportedCompressionAlgorithm(_)
        | E::UnsupportedSignatureType(_) => PgpError::Unsupported(error.to_string()),
        E::ManipulatedMessage => PgpError::Corrupt(
            "the encrypted data was altered: its integrity check failed".to_string(),
        ),
        other => PgpError::Corrupt(other.to_string()),
    }
}

/// One status for a whole message: a bad signature outweighs a good one
/// (see the module documentation), a good one outweighs expired ones, and
/// those outweigh signatures by unknown keys.
fn status_of(structure: MessageStructure<'_>, context: &Context<'_>) -> SignatureStatus {
    let mut statuses: Vec<SignatureStatus> = Vec::new();
    for layer in structure {
        if let MessageLayer::SignatureGroup { results } = layer {
            statuses.extend(results.into_iter().map(|r| classify(r, context)));
        }
    }
    let rank = |s: &SignatureStatus| match s {
        SignatureStatus::Bad { .. } => 0,
        SignatureStatus::Good { .. } => 1,
        SignatureStatus::SignerMismatch { .. } => 2,
        SignatureStatus::Expired { .. } => 3,
        SignatureStatus::UnknownKey { .. } => 4,
        SignatureStatus::Unsigned => 5,
    };
    statuses
        .into_iter()
        .min_by_key(rank)
        .unwrap_or(SignatureStatus::Unsigned)
}

fn classify(result: VerificationResult<'_>, context: &Context<'_>) -> SignatureStatus {
    let verified_at = context.verified_at();
    match result {
        Ok(good) => good_now(good.ka.cert(), &good.ka.key().fingerprint(), context),
        Err(VerificationError::MissingKey { sig }) => SignatureStatus::UnknownKey {
            issuer: sig
                .get_issuers()
                .first()
                .map_or_else(|| "(none named)".to_string(), KeyHandle::to_hex),
        },
        Err(VerificationError::UnboundKey { cert, error, .. }) => SignatureStatus::Bad {
            reason: format!(
                "the key {} was not valid for signing when the signature was made: {error}",
                cert.fingerprint().to_hex()
            ),
        },
        Err(VerificationError::BadKey { ka, error, .. }) => {
            if ka.alive().is_err() || ka.valid_cert().alive().is_err() {
                SignatureStatus::Expired {
                    fingerprint: ka.cert().fingerprint().to_hex(),
                }
            } else {
                SignatureStatus::Bad {
                    reason: format!(
                        "the signing key {} cannot be trusted: {error}",
                        ka.cert().fingerprint().to_hex()
                    ),
                }
            }
        }
        Err(VerificationError::BadSignature { sig, ka, error, .. }) => {
            if sig
                .signature_expiration_time()
                .is_some_and(|expired| expired <= verified_at)
            {
                SignatureStatus::Expired {
                    fingerprint: ka.cert().fingerprint().to_hex(),
                }
            } else {
                SignatureStatus::Bad {
                    reason: format!(
                        "the signature by {} does not match the signed data: {error}",
                        ka.cert().fingerprint().to_hex()
                    ),
                }
            }
        }
        Err(other) => SignatureStatus::Bad {
            reason: format!("the signature is malformed: {other}"),
        },
    }
}

/// A good checksum by `cert`'s key `signing_key` as a status: the key must
/// still be valid now, and its User IDs decide Good or SignerMismatch.
fn good_now(
    cert: &Cert,
    signing_key: &openpgp::Fingerprint,
    context: &Context<'_>,
) -> SignatureStatus {
    let fingerprint = cert.fingerprint().to_hex();
    let valid = match cert.with_policy(&POLICY, context.now) {
        Ok(valid) => valid,
        Err(error) => {
            return SignatureStatus::Bad {
                reason: format!("the key {fingerprint} is not valid now: {error}"),
            };
        }
    };
    if let RevocationStatus::Revoked(_) = valid.revocation_status() {
        return SignatureStatus::Bad {
            reason: format!("the key {fingerprint} has been revoked"),
        };
    }
    let Some(key) = valid.keys().key_handle(signing_key.clone()).next() else {
        return SignatureStatus::Bad {
            reason: format!("the signing subkey of {fingerprint} is not valid now"),
        };
    };
    if let RevocationStatus::Revoked(_) = key.revocation_status() {
        return SignatureStatus::Bad {
            reason: format!("the signing subkey of {fingerprint} has been revoked"),
        };
    }
    if valid.alive().is_err() || key.alive().is_err() {
        return SignatureStatus::Expired { fingerprint };
    }
    let from = context.from.map(normalize_address);
    match from.as_deref() {
        Some(from) if addresses(&valid).iter().any(|a| a == from) => SignatureStatus::Good {
            fingerprint,
            signer: Some(from.to_string()),
        },
        _ => SignatureStatus::SignerMismatch {
            fingerprint,
            signer: valid
                .primary_userid()
                .ok()
                .and_then(|u| u.userid().email_normalized().ok().flatten()),
            from,
        },
    }
}

/// The addresses of a certificate's valid User IDs, normalised.
pub(super) fn addresses(cert: &ValidCert<'_>) -> Vec<String> {
    cert.userids()
        .filter_map(|u| u.userid().email_normalized().ok().flatten())
        .map(|a| normalize_address(&a))
        .collect()
}
