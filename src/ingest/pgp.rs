//! OpenPGP in the pipeline: an encrypted mail is opened before it is read,
//! the keys reporters offer are remembered, and mail to an address whose
//! key the desk knows goes out encrypted to it and signed by the desk.
//!
//! - **In** ([`open_mail`], in the pure stage): [`crate::pgp::open`] with
//!   the desk's key, checking signatures against the keyring file and the
//!   keys the mail itself carries (attached, inside or outside the
//!   encryption, or in `Autocrypt:`). The decrypted mail is what the rest of
//!   the pipeline reads, so an encrypted report is extracted like a clear
//!   one; its subject is the protected one when the outside says `...`, and
//!   threading still has the outer In-Reply-To. A mail that cannot be opened
//!   (not for our key, damaged, too large) is quarantined with the reason.
//! - **Keys** ([`remember_offered_key`]): trust on first use. A key offered
//!   for an address the desk has no key for is kept; replacing a kept key
//!   needs proof that the mail is from that address (a verified DKIM
//!   signature, or a good OpenPGP signature by the new key), or anyone could
//!   write in a reporter's name and have the desk encrypt to a key the
//!   reporter cannot read.
//! - **Out** ([`seal_for`], when a mail is queued): a mail to one address
//!   whose key is known is encrypted and signed; its outside keeps only the
//!   ticket number as subject. Staff are in the desk's own mail system and
//!   get clear copies unless `pgp.encrypt_staff_copies`: then a staff mail
//!   to several staff goes as one mail each, sealed for those whose key is
//!   in the keyring. Other mail to several addresses is not sealed.

use std::time::SystemTime;

use crate::message::authenticity::PgpCheck;
use crate::message::{Limits, ParseError};
use crate::pgp::{self, Cert, DeskKey, Keyring, Opened, PgpLimits, SignatureStatus};
use crate::store::Batch;
use crate::ticket::ConfirmationNumber;

use super::{DeskContext, IngestError, Understood};

/// The desk's OpenPGP side, loaded at start from `[pgp]`.
#[derive(Debug)]
pub struct PgpDesk {
    pub key: DeskKey,
    /// The keyring file's keys (staff, partners, reporters).
    pub keyring: Keyring,
    pub encrypt_staff_copies: bool,
}

/// What the pure stage learned of one mail's OpenPGP.
#[derive(Debug, Default)]
pub struct MailPgp {
    /// The decrypted mail, read instead of the raw one.
    pub decrypted: Option<Vec<u8>>,
    pub check: Option<PgpCheck>,
    /// Keys the mail offered for its sender, armored with their fingerprints.
    pub offered: Vec<(String, String)>,
}

/// Open `raw` with the desk's key (pure but for the randomness sequoia may
/// use): see the module doc.
pub(super) fn open_mail(
    pgp: &PgpDesk,
    raw: &[u8],
    from: Option<&str>,
    limits: &Limits,
    now: SystemTime,
) -> Result<MailPgp, ParseError> {
    let limits = PgpLimits {
        max_input_bytes: limits.max_message_bytes,
        max_output_bytes: limits.max_message_bytes,
    };
    let from = from.unwrap_or("");
    // the keyring file's keys plus what this mail offers; copied only when
    // it offers some (most mail does not, and the keyring can be large)
    let mut known = std::borrow::Cow::Borrowed(&pgp.keyring);
    let mut offered: Vec<Cert> = pgp::keys_in_mail(raw, from);
    for cert in &offered {
        known.to_mut().add(cert.clone());
    }
    let encrypted = |e: pgp::PgpError| ParseError::Encrypted(e.to_string());
    let mut opened = pgp::open(raw, &pgp.key, &known, &limits, now).map_err(encrypted)?;
    // Thunderbird attaches the sender's key inside the encryption: a
    // signature by it can only be checked once the keys inside are known
    if let Opened::Decrypted { raw: inner, .. } = &opened {
        let inside = pgp::keys_in_mail(inner, from);
        if !inside.is_empty() {
            for cert in &inside {
                known.to_mut().add(cert.clone());
            }
            offered.extend(inside);
            if matches!(
                opened,
                Opened::Decrypted {
                    signature: SignatureStatus::UnknownKey { .. },
                    ..
                }
            ) {
                opened = pgp::open(raw, &pgp.key, &known, &limits, now).map_err(encrypted)?;
            }
        }
    }
    let offered = offered
        .iter()
        .filter_map(|cert| {
            pgp::armored_public(cert)
                .ok()
                .map(|armored| (cert.fingerprint().to_hex(), armored))
        })
        .collect();
    Ok(match opened {
        Opened::Clear => MailPgp {
            offered,
            ..MailPgp::default()
        },
        Opened::SignedOnly { signature, form } => MailPgp {
            decrypted: None,
            check: Some(PgpCheck {
                encrypted: false,
                form,
                protected_subject: false,
                signature,
            }),
            offered,
        },
        Opened::Decrypted {
            raw,
            signature,
            protected_subject,
            form,
        } => MailPgp {
            decrypted: Some(raw),
            check: Some(PgpCheck {
                encrypted: true,
                form,
                protected_subject: protected_subject.is_some(),
                signature,
            }),
            offered,
        },
    })
}

/// Keep the key a mail offered for its sender (see the module doc for when
/// a kept key may be replaced).
pub(super) async fn remember_offered_key(
    batch: &mut Batch,
    understood: &Understood,
    sender: &str,
    now: i64,
) -> Result<(), IngestError> {
    let Some((fingerprint, armored)) = understood.offered_keys.first() else {
        return Ok(());
    };
    let address = sender.to_ascii_lowercase();
    let kept = batch.pgp_key(&address).await?;
    let signed_by_it = understood.authenticity.pgp.as_ref().is_some_and(|p| {
        matches!(&p.signature, SignatureStatus::Good { fingerprint: f, .. } if f == fingerprint)
    });
    let same = kept
        .as_deref()
        .and_then(|k| pgp::cert_from_armored(k).ok())
        .is_some_and(|cert| &cert.fingerprint().to_hex() == fingerprint);
    if same {
        return Ok(());
    }
    if kept.is_none() || understood.authenticity.verified() || signed_by_it {
        batch
            .remember_pgp_key(&address, fingerprint, armored, now)
            .await?;
        tracing::info!(address, fingerprint, "OpenPGP key kept for later mail");
    } else {
        tracing::warn!(
            address,
            fingerprint,
            "a mail offered another OpenPGP key for an address whose key the desk keeps, without proof it is from that address; ignored"
        );
    }
    Ok(())
}

/// The key mail to `to` is encrypted to, if the desk knows one it may use
/// now (valid, with a live encryption subkey): a kept key, else one from
/// the keyring file; staff only with `encrypt_staff_copies`.
pub(super) async fn key_for(
    batch: &mut Batch,
    desk: &DeskContext,
    pgp: &PgpDesk,
    to: &str,
) -> Result<Option<Cert>, IngestError> {
    if desk.staff.is_staff(to) && !pgp.encrypt_staff_copies {
        return Ok(None);
    }
    let now = SystemTime::from(desk.clock.now());
    let usable = |cert: &Cert| match pgp::check_recipient(cert, now) {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(to, error = %e, "an OpenPGP key of the recipient cannot be used");
            false
        }
    };
    if let Some(kept) = batch.pgp_key(&to.to_ascii_lowercase()).await? {
        match pgp::cert_from_armored(&kept) {
            Ok(cert) if usable(&cert) => return Ok(Some(cert)),
            Ok(_) => {}
            Err(e) => tracing::warn!(to, error = %e, "a kept OpenPGP key cannot be read"),
        }
    }
    Ok(pgp
        .keyring
        .by_address(to)
        .into_iter()
        .find(|c| usable(c))
        .cloned())
}

/// `raw` sealed for its one recipient, when the desk knows their key; `None`
/// sends it as built. A key that cannot be used (expired, revoked) is
/// logged and the mail goes as built: mail the reporter can read beats mail
/// that is never sent.
pub(super) async fn seal_for(
    batch: &mut Batch,
    desk: &DeskContext,
    to: &[String],
    subject: &str,
    raw: &[u8],
) -> Result<Option<Vec<u8>>, IngestError> {
    let (Some(pgp), [to]) = (&desk.pgp, to) else {
        return Ok(None);
    };
    let Some(cert) = key_for(batch, desk, pgp, to).await? else {
        return Ok(None);
    };
    let outside = match ConfirmationNumber::find_all(subject, &desk.prefix).first() {
        Some(number) => format!("[{number}] ..."),
        None => "...".to_string(),
    };
    let now = SystemTime::from(desk.clock.now());
    match pgp::seal_hiding_subject(raw, &cert, &pgp.key, now, &outside) {
        Ok(sealed) => Ok(Some(sealed)),
        Err(e) => {
            tracing::warn!(to, error = %e, "cannot encrypt to the recipient's key; sent as built");
            Ok(None)
        }
    }
}

/// Whether mail to `to` will go out encrypted (after
/// [`remember_offered_key`] kept what the mail offered).
pub(super) async fn can_encrypt_to(
    batch: &mut Batch,
    desk: &DeskContext,
    to: &str,
) -> Result<bool, IngestError> {
    let Some(pgp) = &desk.pgp else {
        return Ok(false);
    };
    Ok(key_for(batch, desk, pgp, to).await?.is_some())
}
