//! Reading PGP mail: what kind it is, and the plain mail it stands for.

use std::ops::Range;
use std::time::SystemTime;

use super::keys::{DeskKey, Keyring, find};
use super::mime::{self, ContentType, Entity, Eol, Leaf};
use super::verify::{self, Context};
use super::{Opened, PgpError, PgpForm, PgpLimits, SignatureStatus};

const MESSAGE_BEGIN: &[u8] = b"-----BEGIN PGP MESSAGE-----";
const MESSAGE_END: &[u8] = b"-----END PGP MESSAGE-----";
const SIGNED_BEGIN: &[u8] = b"-----BEGIN PGP SIGNED MESSAGE-----";
const SIGNATURE_END: &[u8] = b"-----END PGP SIGNATURE-----";

/// What PGP `raw` carries, decrypted with `desk` and verified against
/// `known` (and the desk's own key) as of `now`.
///
/// PGP/MIME is recognised on the top-level content type only, as RFC 3156
/// defines it; inline armor in the first `text/plain` part that has a block
/// at the start of a line (a quoted `> -----BEGIN` is not one).
pub fn open(
    raw: &[u8],
    desk: &DeskKey,
    known: &Keyring,
    limits: &PgpLimits,
    now: SystemTime,
) -> Result<Opened, PgpError> {
    let top = mime::split_entity(raw);
    let view = mime::header_view(top.header);
    let context = Context {
        known,
        desk,
        from: view.from.as_deref(),
        now,
    };
    let content_type = &view.content_type;
    if content_type.is("multipart/encrypted")
        && content_type.protocol_is("application/pgp-encrypted")
    {
        return open_encrypted(raw, top, content_type, context, limits);
    }
    if content_type.is("multipart/signed") && content_type.protocol_is("application/pgp-signature")
    {
        let (signed, signature) = signed_parts(top.body, content_type)?;
        return Ok(Opened::SignedOnly {
            signature: verify_signed(signed, signature, context, limits)?,
            form: PgpForm::Mime,
        });
    }
    open_inline(raw, top, context, limits)
}

/// RFC 3156 §4: the second part holds the OpenPGP message; its plaintext is
/// a MIME entity, possibly `multipart/signed` itself.
fn open_encrypted(
    raw: &[u8],
    top: Entity<'_>,
    content_type: &ContentType,
    context: Context<'_>,
    limits: &PgpLimits,
) -> Result<Opened, PgpError> {
    let boundary = content_type.param("boundary").ok_or_else(|| {
        PgpError::Corrupt("the multipart/encrypted mail has no boundary".to_string())
    })?;
    let parts = mime::multipart_parts(top.body, boundary).unwrap_or_default();
    let Some(encrypted) = parts.get(1) else {
        return Err(PgpError::Corrupt(
            "the multipart/encrypted mail has no encrypted part".to_string(),
        ));
    };
    let part = mime::split_entity(&top.body[encrypted.clone()]);
    // before decoding: the size limit is what keeps the work bounded
    if part.body.len() > limits.max_input_bytes {
        return Err(PgpError::TooLarge {
            size: part.body.len(),
            limit: limits.max_input_bytes,
        });
    }
    let part_view = mime::header_view(part.header);
    let ciphertext = mime::decode_body(part.body, part_view.transfer_encoding.as_deref())?;
    let (plaintext, outer_signature) = verify::decrypt(&ciphertext, context, limits)?;

    let wrapper = mime::split_entity(&plaintext);
    let wrapper_view = mime::header_view(wrapper.header);
    let wrapper_type = &wrapper_view.content_type;
    let (content, signature) = if wrapper_type.is("multipart/signed")
        && wrapper_type.protocol_is("application/pgp-signature")
    {
        let (signed, signature) = signed_parts(wrapper.body, wrapper_type)?;
        let inner_signature = verify_signed(signed, signature, context, limits)?;
        (signed, combine(outer_signature, inner_signature))
    } else {
        (&plaintext[..], outer_signature)
    };

    let entity = mime::split_entity(content);
    let content_fields = mime::fields(entity.header);
    // plaintext that does not start with a header is a bare text body
    let body = if content_fields.is_empty() {
        content
    } else {
        entity.body
    };
    let subject_field = content_fields
        .iter()
        .chain(mime::fields(wrapper.header).iter())
        .find(|f| f.is("Subject"))
        .map(|f| f.raw.to_vec());
    let protected_subject = subject_field
        .as_deref()
        .and_then(|f| mime::header_view(f).subject);
    let body_fields: Vec<&[u8]> = content_fields
        .iter()
        .filter(|f| f.describes_body() && !f.is("MIME-Version"))
        .map(|f| f.raw)
        .collect();
    Ok(Opened::Decrypted {
        raw: rebuild(
            top.header,
            &body_fields,
            subject_field.as_deref(),
            body,
            Eol::of(raw),
        ),
        signature,
        protected_subject,
        form: PgpForm::Mime,
    })
}

/// The signed part and the signature part of a `multipart/signed` body.
fn signed_parts<'a>(
    body: &'a [u8],
    content_type: &ContentType,
) -> Result<(&'a [u8], &'a [u8]), PgpError> {
    let boundary = content_type.param("boundary").ok_or_else(|| {
        PgpError::Corrupt("the multipart/signed mail has no boundary".to_string())
    })?;
    match mime::multipart_parts(body, boundary)
        .unwrap_or_default()
        .as_slice()
    {
        [signed, signature, ..] => Ok((&body[signed.clone()], &body[signature.clone()])),
        _ => Err(PgpError::Corrupt(
            "the multipart/signed mail lacks the signed part or the signature".to_string(),
        )),
    }
}

/// RFC 3156 §5: the signature covers the first part exactly as it stands,
/// headers included, with CRLF line ends.
fn verify_signed(
    signed: &[u8],
    signature_part: &[u8],
    context: Context<'_>,
    limits: &PgpLimits,
) -> Result<SignatureStatus, PgpError> {
    if signed.len() > limits.max_input_bytes {
        return Err(PgpError::TooLarge {
            size: signed.len(),
            limit: limits.max_input_bytes,
        });
    }
    let part = mime::split_entity(signature_part);
    let view = mime::header_view(part.header);
    let signature = mime::decode_body(part.body, view.transfer_encoding.as_deref())?;
    Ok(verify::verify_detached(
        &mime::canonical_crlf(signed),
        &signature,
        context,
    ))
}

/// The signature inside the encryption and the one on a `multipart/signed`
/// inside that: a bad one wins, otherwise the inner one speaks when the
/// encryption carried none.
fn combine(outer: SignatureStatus, inner: SignatureStatus) -> SignatureStatus {
    match (outer, inner) {
        (bad @ SignatureStatus::Bad { .. }, _) | (_, bad @ SignatureStatus::Bad { .. }) => bad,
        (SignatureStatus::Unsigned, inner) => inner,
        (outer, _) => outer,
    }
}

/// Armor in a text part: an encrypted block is decrypted and put in its
/// place; a clear-signed block is verified.
fn open_inline(
    raw: &[u8],
    top: Entity<'_>,
    context: Context<'_>,
    limits: &PgpLimits,
) -> Result<Opened, PgpError> {
    for leaf in mime::leaves(raw) {
        if !leaf.view.content_type.is("text/plain") {
            continue;
        }
        // decoding a huge part only to refuse its armor would be work for
        // nothing; undecoded armor shows itself, encoded armor is let be
        if leaf.entity.body.len() > limits.max_input_bytes.saturating_mul(2) {
            if find(leaf.entity.body, MESSAGE_BEGIN).is_some() {
                return Err(PgpError::TooLarge {
                    size: leaf.entity.body.len(),
                    limit: limits.max_input_bytes,
                });
            }
            continue;
        }
        let Ok(text) = mime::decode_body(leaf.entity.body, leaf.view.transfer_encoding.as_deref())
        else {
            continue;
        };
        if let Some(block) = armor_block(&text, MESSAGE_BEGIN, MESSAGE_END) {
            let (plaintext, signature) = verify::decrypt(&text[block.clone()], context, limits)?;
            let charset = leaf.view.content_type.param("charset");
            let mut clear = decode_charset(&text[..block.start], charset);
            clear.push_str(&String::from_utf8_lossy(&plaintext));
            clear.push_str(&decode_charset(&text[block.end..], charset));
            return Ok(Opened::Decrypted {
                raw: replace_text(raw, top, &leaf, &clear),
                signature,
                protected_subject: None,
                form: PgpForm::Inline,
            });
        }
        if let Some(block) = armor_block(&text, SIGNED_BEGIN, SIGNATURE_END) {
            return Ok(Opened::SignedOnly {
                signature: verify::verify_cleartext(&text[block], context, limits)?,
                form: PgpForm::Inline,
            });
        }
    }
    Ok(Opened::Clear)
}

/// Where an armor block lies: from a `begin` line at the start of a line to
/// the end of the next `end` line.
fn armor_block(text: &[u8], begin: &[u8], end: &[u8]) -> Option<Range<usize>> {
    let mut from = 0;
    let start = loop {
        let at = from + find(&text[from..], begin)?;
        if at == 0 || text[at - 1] == b'\n' {
            break at;
        }
        from = at + begin.len();
    };
    let end_at = start + find(&text[start..], end)? + end.len();
    Some(start..end_at)
}

/// Text in the part's charset as UTF-8; unknown charsets lossily.
fn decode_charset(bytes: &[u8], charset: Option<&str>) -> String {
    charset
        .and_then(|c| mail_parser::decoders::charsets::map::charset_decoder(c.as_bytes()))
        .map_or_else(
            || String::from_utf8_lossy(bytes).into_owned(),
            |decode| decode(bytes),
        )
}

/// `raw` with the text part `leaf` replaced by `text` as UTF-8: the whole
/// mail rebuilt when the part is the mail, otherwise the part spliced in
/// place so every other part stays as it was.
fn replace_text(raw: &[u8], top: Entity<'_>, leaf: &Leaf<'_>, text: &str) -> Vec<u8> {
    let eol = Eol::of(raw);
    let body = eol.apply(text.as_bytes());
    let headers: [&[u8]; 2] = [
        b"Content-Type: text/plain; charset=utf-8",
        b"Content-Transfer-Encoding: 8bit",
    ];
    if leaf.range == (0..raw.len()) {
        return rebuild(top.header, &headers, None, &body, eol);
    }
    let mut out = raw[..leaf.range.start].to_vec();
    out.extend_from_slice(&mime::join_fields(headers, eol));
    out.extend_from_slice(eol.as_str().as_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&raw[leaf.range.end..]);
    out
}

/// A mail made of the outer header (without what describes the old body,
/// and without its Subject when a protected one replaces it), the new
/// body's content fields, and the new body.
fn rebuild(
    outer_header: &[u8],
    body_fields: &[&[u8]],
    subject: Option<&[u8]>,
    body: &[u8],
    eol: Eol,
) -> Vec<u8> {
    let outer = mime::fields(outer_header);
    let kept = outer
        .iter()
        .filter(|f| {
            let replaced = f.describes_body() || (subject.is_some() && f.is("Subject"));
            !replaced
        })
        .map(|f| f.raw);
    let mut out = mime::join_fields(kept, eol);
    out.extend_from_slice(&mime::join_fields(
        std::iter::once(&b"MIME-Version: 1.0"[..])
            .chain(body_fields.iter().copied())
            .chain(subject),
        eol,
    ));
    out.extend_from_slice(eol.as_str().as_bytes());
    out.extend_from_slice(body);
    out
}
