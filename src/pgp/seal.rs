//! Writing PGP mail: an outgoing mail turned into PGP/MIME (RFC 3156 §6.2,
//! signed and encrypted in one OpenPGP message).

use std::io::Write;
use std::time::SystemTime;

use sequoia_openpgp as openpgp;

use openpgp::Cert;
use openpgp::cert::ValidCert;
use openpgp::cert::amalgamation::key::ValidKeyAmalgamationIter;
use openpgp::packet::key::{PublicParts, UnspecifiedRole};
use openpgp::serialize::stream::{Armorer, Encryptor, LiteralWriter, Message, Signer};
use sha2::{Digest, Sha256};

use super::POLICY;
use super::PgpError;
use super::keys::DeskKey;
use super::mime::{self, Eol, Field};

/// Fields copied into the encrypted entity as protected headers, so the
/// reader sees the real ones even where the outer ones were changed.
const PROTECTED: [&str; 5] = ["Subject", "From", "To", "Cc", "Reply-To"];

/// `raw` (a complete mail as the desk builds it) as PGP/MIME: encrypted to
/// `recipient` and to the desk (so the desk can read its sent copy), signed
/// by the desk at `now`.
///
/// The outer header keeps every field but those describing the body, the
/// Subject included as it is: the caller decides what the outside says, and
/// ours carry the ticket number threading needs. Inside, the original
/// content fields and body, plus Subject/From/To/Cc/Reply-To marked
/// `protected-headers="v1"`. Line ends follow the input's.
pub fn seal(
    raw: &[u8],
    recipient: &Cert,
    desk: &DeskKey,
    now: SystemTime,
) -> Result<Vec<u8>, PgpError> {
    seal_as(raw, recipient, desk, now, None)
}

/// [`seal`], with `outer_subject` (ASCII, one line) on the outside instead
/// of the real Subject, which travels only inside as a protected header:
/// the reporter's subject can say what is vulnerable, and the outside of a
/// mail is read by every server on the way.
pub fn seal_hiding_subject(
    raw: &[u8],
    recipient: &Cert,
    desk: &DeskKey,
    now: SystemTime,
    outer_subject: &str,
) -> Result<Vec<u8>, PgpError> {
    seal_as(raw, recipient, desk, now, Some(outer_subject))
}

fn seal_as(
    raw: &[u8],
    recipient: &Cert,
    desk: &DeskKey,
    now: SystemTime,
    outer_subject: Option<&str>,
) -> Result<Vec<u8>, PgpError> {
    let eol = Eol::of(raw);
    let top = mime::split_entity(raw);
    let fields = mime::fields(top.header);
    let inner = inner_entity(&fields, top.body, eol);
    let armored = eol.apply(&encrypt_and_sign(&inner, recipient, desk, now)?);

    // the armor is base64 and dashes around BEGIN/END: a boundary of hex
    // after a fixed word never occurs in it
    let digest = Sha256::digest(&armored);
    let boundary = format!("secdesk-pgp-{}", hex::encode(&digest[..16]));
    let e = eol.as_str();
    let replaced = outer_subject.map(|subject| {
        let clean: String = subject
            .chars()
            .filter(|c| c.is_ascii() && !c.is_ascii_control())
            .collect();
        format!("Subject: {clean}{e}").into_bytes()
    });
    let outer_fields = fields
        .iter()
        .filter(|f| !f.describes_body())
        .map(|f| match &replaced {
            Some(subject) if f.is("Subject") => subject.as_slice(),
            _ => f.raw,
        });
    let mut out = mime::join_fields(outer_fields, eol);
    out.extend_from_slice(
        format!(
            "MIME-Version: 1.0{e}\
             Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";{e} \
             boundary=\"{boundary}\"{e}\
             {e}\
             This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156){e}\
             --{boundary}{e}\
             Content-Type: application/pgp-encrypted{e}\
             Content-Description: PGP/MIME version identification{e}\
             {e}\
             Version: 1{e}\
             {e}\
             --{boundary}{e}\
             Content-Type: application/octet-stream; name=\"encrypted.asc\"{e}\
             Content-Description: OpenPGP encrypted message{e}\
             Content-Disposition: inline; filename=\"encrypted.asc\"{e}\
             {e}"
        )
        .as_bytes(),
    );
    out.extend_from_slice(&armored);
    if !armored.ends_with(b"\n") {
        out.extend_from_slice(e.as_bytes());
    }
    out.extend_from_slice(format!("{e}--{boundary}--{e}").as_bytes());
    Ok(out)
}

/// The MIME entity that gets encrypted: content fields (the Content-Type
/// marked as carrying protected headers), the protected headers, the body.
fn inner_entity(fields: &[Field<'_>], body: &[u8], eol: Eol) -> Vec<u8> {
    let e = eol.as_str().as_bytes();
    let mut content: Vec<Vec<u8>> = fields
        .iter()
        .filter(|f| f.describes_body() && !f.is("MIME-Version"))
        .map(|f| {
            if f.is("Content-Type") && !f.value().contains("protected-headers") {
                with_protected_marker(f.raw, eol)
            } else {
                f.raw.to_vec()
            }
        })
        .collect();
    if !fields.iter().any(|f| f.is("Content-Type")) {
        // RFC 2045's default, said out loud so the marker has a place
        content.push(
            eol.apply(b"Content-Type: text/plain; charset=us-ascii;\n protected-headers=\"v1\"\n"),
        );
    }
    let protected = PROTECTED
        .iter()
        .flat_map(|name| fields.iter().filter(move |f| f.is(name)))
        .map(|f| f.raw.to_vec());
    let all: Vec<Vec<u8>> = content.into_iter().chain(protected).collect();
    let mut out = mime::join_fields(all.iter().map(Vec::as_slice), eol);
    out.extend_from_slice(e);
    out.extend_from_slice(body);
    out
}

/// A Content-Type field with `; protected-headers="v1"` on a folded line of
/// its own (draft-autocrypt-lamps-protected-headers §2.1).
fn with_protected_marker(raw: &[u8], eol: Eol) -> Vec<u8> {
    let trimmed = raw
        .iter()
        .rposition(|&b| b != b'\r' && b != b'\n')
        .map_or(&[][..], |last| &raw[..=last]);
    let mut out = trimmed.to_vec();
    out.push(b';');
    out.extend_from_slice(eol.as_str().as_bytes());
    out.extend_from_slice(b" protected-headers=\"v1\"");
    out.extend_from_slice(eol.as_str().as_bytes());
    out
}

/// Whether [`seal`] can encrypt to `recipient` at `now`: a valid key with
/// a live encryption subkey. The caller decides before writing a mail that
/// must not go out in clear.
pub fn check_recipient(recipient: &Cert, now: SystemTime) -> Result<(), PgpError> {
    valid_recipient(recipient, now).map(drop)
}

/// `recipient` under our policy at `now`, alive and with an encryption
/// subkey to encrypt to.
fn valid_recipient(recipient: &Cert, now: SystemTime) -> Result<ValidCert<'_>, PgpError> {
    let unusable = |reason: String| PgpError::RecipientUnusable {
        fingerprint: recipient.fingerprint().to_hex(),
        reason,
    };
    let valid = recipient
        .with_policy(&POLICY, now)
        .map_err(|e| unusable(e.to_string()))?;
    valid
        .alive()
        .map_err(|e| unusable(format!("the key is not valid now: {e}")))?;
    if encryption_keys(&valid).next().is_none() {
        return Err(unusable(
            "it has no valid encryption subkey (expired, revoked, or none)".to_string(),
        ));
    }
    Ok(valid)
}

/// The subkeys mail may be encrypted to: supported, alive, not revoked.
fn encryption_keys<'a>(
    valid: &ValidCert<'a>,
) -> ValidKeyAmalgamationIter<'a, PublicParts, UnspecifiedRole> {
    valid
        .keys()
        .supported()
        .alive()
        .revoked(false)
        .for_transport_encryption()
        .for_storage_encryption()
}

/// One armored OpenPGP message: signed by the desk, encrypted to the
/// recipient's and the desk's valid encryption subkeys. Armor lines are 64
/// characters, ending in `\n`.
fn encrypt_and_sign(
    plaintext: &[u8],
    recipient: &Cert,
    desk: &DeskKey,
    now: SystemTime,
) -> Result<Vec<u8>, PgpError> {
    let recipient_valid = valid_recipient(recipient, now)?;
    let recipient_keys: Vec<_> = encryption_keys(&recipient_valid).collect();
    let desk_public = desk.public_cert();
    let desk_valid = desk
        .cert()
        .with_policy(&POLICY, now)
        .map_err(|e| PgpError::NoKey(e.to_string()))?;
    let desk_keys: Vec<_> = encryption_keys(&desk_valid).collect();
    if desk_keys.is_empty() {
        return Err(PgpError::NoKey(
            "it has no valid encryption subkey now".to_string(),
        ));
    }
    let signing_key = desk.signing_keypair(now)?;

    let mut sink = Vec::new();
    let written = (|| -> openpgp::Result<()> {
        let message = Message::new(&mut sink);
        let message = Armorer::new(message).build()?;
        let message =
            Encryptor::for_recipients(message, recipient_keys.into_iter().chain(desk_keys))
                .build()?;
        // intended recipients keep the signed message from being re-encrypted
        // to somebody else as if the desk had written to them
        let message = Signer::new(message, signing_key)?
            .add_intended_recipient(recipient)
            .add_intended_recipient(&desk_public)
            .creation_time(now)
            .build()?;
        let mut message = LiteralWriter::new(message).build()?;
        message.write_all(plaintext)?;
        message.finalize()
    })();
    written.map_err(|e| PgpError::Internal(format!("cannot encrypt the mail: {e}")))?;
    Ok(sink)
}
