//! The module's behaviour, driven the way mail clients drive it.

use std::time::{Duration, Instant, SystemTime};

use proptest::prelude::*;

use super::client::{self, crlf, pgp_mime_mail};
use super::*;
use crate::message::{Limits, ParsedMail, parse};

const DESK: &str = "security@desk.example";
const RITA: &str = "rita@reporter.example";

struct World {
    desk: DeskKey,
    rita: Cert,
    known: Keyring,
}

fn world() -> World {
    let desk = DeskKey::generate(&format!("Security Desk <{DESK}>")).expect("desk key");
    let rita = client::person(&format!("Rita Reporter <{RITA}>"));
    let mut known = Keyring::new();
    known.add(rita.clone());
    World { desk, rita, known }
}

fn now() -> SystemTime {
    SystemTime::now()
}

fn open_default(raw: &[u8], w: &World, known: &Keyring) -> Result<Opened, PgpError> {
    open(raw, &w.desk, known, &PgpLimits::default(), now())
}

fn parsed(raw: &[u8]) -> ParsedMail {
    parse(raw, &Limits::default()).expect("the existing parser reads it")
}

/// Thunderbird's inner entity: the real Subject as a protected header.
const REPORT_ENTITY: &[u8] =
    b"Content-Type: text/plain; charset=UTF-8; protected-headers=\"v1\"\r\n\
Subject: SQL injection in /login\r\n\
From: Rita Reporter <rita@reporter.example>\r\n\
\r\n\
The login form passes the user name to the database unescaped.\r\n\
Try ' OR 1=1 -- as the user name.\r\n";

fn encrypted_report(w: &World, signer: Option<&Cert>) -> Vec<u8> {
    let ciphertext = client::encrypt(REPORT_ENTITY, &w.desk.public_cert(), signer);
    pgp_mime_mail(RITA, DESK, &ciphertext)
}

#[test]
fn pgp_mime_report_opens_with_the_protected_subject_and_a_good_signature() {
    let w = world();
    let opened = open_default(&encrypted_report(&w, Some(&w.rita)), &w, &w.known).expect("opens");
    let Opened::Decrypted {
        raw,
        signature,
        protected_subject,
        form,
    } = opened
    else {
        panic!("not decrypted: {opened:?}");
    };
    assert_eq!(form, PgpForm::Mime);
    assert_eq!(
        protected_subject.as_deref(),
        Some("SQL injection in /login")
    );
    assert_eq!(
        signature,
        SignatureStatus::Good {
            fingerprint: w.rita.fingerprint().to_hex(),
            signer: Some(RITA.to_string()),
        }
    );
    let mail = parsed(&raw);
    assert_eq!(mail.subject, "SQL injection in /login");
    assert!(
        mail.text
            .contains("passes the user name to the database unescaped")
    );
    assert_eq!(mail.from.map(|a| a.email).as_deref(), Some(RITA));
    assert_eq!(
        mail.message_id.map(|id| id.to_string()).as_deref(),
        Some("report-1@reporter.example")
    );
    assert!(mail.date.is_some(), "the outer Date is kept");
}

#[test]
fn a_thunderbird_style_report_keeps_its_parts_and_the_key_attached_inside() {
    let w = world();
    let key = armored_public(&w.rita).replace('\n', "\r\n");
    let entity = format!(
        "Content-Type: multipart/mixed; boundary=\"------------tb1\";\r\n protected-headers=\"v1\"\r\n\
         From: Rita Reporter <{RITA}>\r\n\
         To: {DESK}\r\n\
         Message-ID: <report-1@reporter.example>\r\n\
         Subject: XSS in the search box\r\n\
         \r\n\
         This is a multi-part message in MIME format.\r\n\
         --------------tb1\r\n\
         Content-Type: text/plain; charset=UTF-8; format=flowed\r\n\
         Content-Transfer-Encoding: 7bit\r\n\
         \r\n\
         Search for <script>alert(1)</script> and it runs.\r\n\
         \r\n\
         --------------tb1\r\n\
         Content-Type: application/pgp-keys; name=\"OpenPGP_0xRITA.asc\"\r\n\
         Content-Disposition: attachment; filename=\"OpenPGP_0xRITA.asc\"\r\n\
         Content-Description: OpenPGP public key\r\n\
         \r\n\
         {key}\r\n\
         --------------tb1--\r\n"
    );
    let ciphertext = client::encrypt(entity.as_bytes(), &w.desk.public_cert(), Some(&w.rita));
    let opened =
        open_default(&pgp_mime_mail(RITA, DESK, &ciphertext), &w, &Keyring::new()).expect("opens");
    let Opened::Decrypted {
        raw,
        protected_subject,
        ..
    } = &opened
    else {
        panic!("{opened:?}");
    };
    assert_eq!(protected_subject.as_deref(), Some("XSS in the search box"));
    let mail = parsed(raw);
    assert!(mail.text.contains("<script>alert(1)</script> and it runs."));
    assert_eq!(mail.attachments.len(), 1);
    let keys = keys_in_mail(raw, RITA);
    assert_eq!(
        keys.iter().map(|c| c.fingerprint()).collect::<Vec<_>>(),
        vec![w.rita.fingerprint()],
        "the key attached inside the encryption is offered"
    );
}

#[test]
fn a_signature_by_a_key_the_desk_lacks_is_unknown_key() {
    let w = world();
    let opened =
        open_default(&encrypted_report(&w, Some(&w.rita)), &w, &Keyring::new()).expect("opens");
    let Opened::Decrypted {
        signature: SignatureStatus::UnknownKey { issuer },
        raw,
        ..
    } = opened
    else {
        panic!("expected an unknown key: {opened:?}");
    };
    let handle: sequoia_openpgp::KeyHandle = issuer.parse().expect("hex");
    assert!(w.rita.keys().key_handle(handle).next().is_some());
    assert!(parsed(&raw).text.contains("unescaped"), "still readable");
}

#[test]
fn an_unsigned_encrypted_report_is_unsigned() {
    let w = world();
    let opened = open_default(&encrypted_report(&w, None), &w, &w.known).expect("opens");
    assert!(matches!(
        opened,
        Opened::Decrypted {
            signature: SignatureStatus::Unsigned,
            ..
        }
    ));
}

#[test]
fn a_good_signature_by_somebody_other_than_from_is_a_signer_mismatch() {
    let w = world();
    let ciphertext = client::encrypt(REPORT_ENTITY, &w.desk.public_cert(), Some(&w.rita));
    let mail = pgp_mime_mail("mallory@elsewhere.example", DESK, &ciphertext);
    let opened = open_default(&mail, &w, &w.known).expect("opens");
    assert!(
        matches!(
            &opened,
            Opened::Decrypted { signature: SignatureStatus::SignerMismatch { signer, from, .. }, .. }
                if signer.as_deref() == Some(RITA)
                    && from.as_deref() == Some("mallory@elsewhere.example")
        ),
        "{opened:?}"
    );
}

#[test]
fn a_signature_by_a_key_that_has_expired_since_is_expired() {
    let w = world();
    let short = client::person_valid_for(
        &format!("Rita Reporter <{RITA}>"),
        Duration::from_secs(3600),
    );
    let mut known = Keyring::new();
    known.add(short.clone());
    let ciphertext = client::encrypt(REPORT_ENTITY, &w.desk.public_cert(), Some(&short));
    let mail = pgp_mime_mail(RITA, DESK, &ciphertext);
    let tomorrow = now() + Duration::from_secs(24 * 3600);
    let opened = open(&mail, &w.desk, &known, &PgpLimits::default(), tomorrow).expect("opens");
    assert_eq!(
        opened_signature(&opened),
        Some(&SignatureStatus::Expired {
            fingerprint: short.fingerprint().to_hex()
        })
    );
}

fn opened_signature(opened: &Opened) -> Option<&SignatureStatus> {
    match opened {
        Opened::Decrypted { signature, .. } | Opened::SignedOnly { signature, .. } => {
            Some(signature)
        }
        Opened::Clear => None,
    }
}

/// A `multipart/signed` entity (RFC 3156 §5) with `content` as its first
/// part, signed by `signer`, with the given line end.
fn signed_entity(content: &[u8], signer: &Cert, eol: &str) -> Vec<u8> {
    let signature = client::sign_detached(&crlf(content), signer);
    let signature = String::from_utf8_lossy(&signature).replace('\n', eol);
    let content = String::from_utf8_lossy(content)
        .replace("\r\n", "\n")
        .replace('\n', eol);
    format!(
        "Content-Type: multipart/signed; micalg=pgp-sha512;{eol} protocol=\"application/pgp-signature\"; boundary=\"sig\"{eol}\
         {eol}\
         --sig{eol}\
         {content}{eol}\
         --sig{eol}\
         Content-Type: application/pgp-signature; name=\"signature.asc\"{eol}\
         {eol}\
         {signature}{eol}\
         --sig--{eol}"
    )
    .into_bytes()
}

const SIGNED_CONTENT: &[u8] = b"Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
The admin panel at /admin has no CSRF token.=0A\r\n\
-- \r\n\
Rita\r\n";

#[test]
fn multipart_signed_inside_the_encryption_is_verified_and_unwrapped() {
    let w = world();
    let inner = signed_entity(SIGNED_CONTENT, &w.rita, "\r\n");
    let ciphertext = client::encrypt(&inner, &w.desk.public_cert(), None);
    let opened =
        open_default(&pgp_mime_mail(RITA, DESK, &ciphertext), &w, &w.known).expect("opens");
    let Opened::Decrypted { raw, signature, .. } = &opened else {
        panic!("{opened:?}");
    };
    assert!(signature.is_good(), "{signature:?}");
    let mail = parsed(raw);
    assert!(mail.text.contains("has no CSRF token"));
    assert!(mail.attachments.is_empty(), "the signature part is gone");
    assert_eq!(
        mail.subject, "...",
        "no protected subject: the outer one stays"
    );
}

fn signed_mail(eol: &str, w: &World) -> Vec<u8> {
    let mut mail = format!(
        "From: <{RITA}>{eol}To: <{DESK}>{eol}Subject: Signed report{eol}MIME-Version: 1.0{eol}"
    )
    .into_bytes();
    mail.extend_from_slice(&signed_entity(SIGNED_CONTENT, &w.rita, eol));
    mail
}

#[test]
fn multipart_signed_is_good_whatever_the_stored_line_ends() {
    let w = world();
    for eol in ["\r\n", "\n"] {
        let opened = open_default(&signed_mail(eol, &w), &w, &w.known).expect("opens");
        assert_eq!(
            opened,
            Opened::SignedOnly {
                signature: SignatureStatus::Good {
                    fingerprint: w.rita.fingerprint().to_hex(),
                    signer: Some(RITA.to_string()),
                },
                form: PgpForm::Mime,
            },
            "line ends {eol:?}"
        );
    }
}

#[test]
fn multipart_signed_with_one_byte_changed_is_bad() {
    let w = world();
    let mail = signed_mail("\r\n", &w);
    let text = String::from_utf8(mail).expect("ascii");
    let altered = text.replacen("no CSRF token", "no CSRF tokem", 1);
    let opened = open_default(altered.as_bytes(), &w, &w.known).expect("opens");
    assert!(
        matches!(
            opened,
            Opened::SignedOnly {
                signature: SignatureStatus::Bad { .. },
                ..
            }
        ),
        "{opened:?}"
    );
}

fn inline_mail(body: &[u8]) -> Vec<u8> {
    let mut mail = format!(
        "From: Rita <{RITA}>\r\nTo: {DESK}\r\nSubject: Report\r\nMessage-ID: <inline@reporter.example>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    )
    .into_bytes();
    mail.extend_from_slice(&crlf(body));
    mail
}

#[test]
fn inline_armor_is_decrypted_into_a_text_mail() {
    let w = world();
    let clear = "Dear desk,\nthe upload handler accepts ../ in file names — path traversal.\n";
    let ciphertext = client::encrypt(clear.as_bytes(), &w.desk.public_cert(), Some(&w.rita));
    let mut body = b"Hello,\n\n".to_vec();
    body.extend_from_slice(&ciphertext);
    body.extend_from_slice(b"\nSent from my webmail\n");
    let opened = open_default(&inline_mail(&body), &w, &w.known).expect("opens");
    let Opened::Decrypted {
        raw,
        signature,
        form,
        ..
    } = &opened
    else {
        panic!("{opened:?}");
    };
    assert_eq!(*form, PgpForm::Inline);
    assert!(signature.is_good(), "{signature:?}");
    let mail = parsed(raw);
    assert!(
        mail.text
            .contains("accepts ../ in file names — path traversal")
    );
    assert!(mail.text.contains("Sent from my webmail"));
    assert!(!mail.text.contains("BEGIN PGP"));
    assert_eq!(mail.subject, "Report");
}

#[test]
fn inline_armor_in_a_multipart_keeps_the_attachments() {
    let w = world();
    let ciphertext = client::encrypt(b"secret details\n", &w.desk.public_cert(), None);
    let mut mail = format!(
        "From: <{RITA}>\r\nTo: <{DESK}>\r\nSubject: Report\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
         --mix\r\nContent-Type: text/plain\r\n\r\n"
    )
    .into_bytes();
    mail.extend_from_slice(&crlf(&ciphertext));
    mail.extend_from_slice(
        b"\r\n--mix\r\nContent-Type: text/x-python; name=\"poc.py\"\r\n\
          Content-Disposition: attachment; filename=\"poc.py\"\r\n\r\nprint('poc')\r\n--mix--\r\n",
    );
    let opened = open_default(&mail, &w, &w.known).expect("opens");
    let Opened::Decrypted { raw, .. } = &opened else {
        panic!("{opened:?}");
    };
    let mail = parsed(raw);
    assert!(mail.text.contains("secret details"));
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(mail.attachments[0].name.as_deref(), Some("poc.py"));
    assert_eq!(mail.attachments[0].bytes, b"print('poc')");
}

#[test]
fn clear_signed_inline_text_is_good_and_bad_when_altered() {
    let w = world();
    let signed = client::clearsign(b"The API leaks tokens in the Referer header.\n", &w.rita);
    let mail = inline_mail(&signed);
    assert!(
        matches!(
            open_default(&mail, &w, &w.known),
            Ok(Opened::SignedOnly {
                signature: SignatureStatus::Good { .. },
                form: PgpForm::Inline
            })
        ),
        "{:?}",
        open_default(&mail, &w, &w.known)
    );
    let altered =
        String::from_utf8(mail)
            .expect("ascii")
            .replacen("leaks tokens", "leaks cookies", 1);
    assert!(matches!(
        open_default(altered.as_bytes(), &w, &w.known),
        Ok(Opened::SignedOnly {
            signature: SignatureStatus::Bad { .. },
            ..
        })
    ));
}

#[test]
fn a_mail_encrypted_to_another_key_is_not_for_us() {
    let w = world();
    let other = client::person("Other Desk <security@other.example>");
    let ciphertext = client::encrypt(REPORT_ENTITY, &other, None);
    let error =
        open_default(&pgp_mime_mail(RITA, DESK, &ciphertext), &w, &w.known).expect_err("not ours");
    let PgpError::NotForUs { recipients } = &error else {
        panic!("{error:?}");
    };
    let encryption_key = other
        .keys()
        .subkeys()
        .find(|k| k.key().keyid().to_hex() == recipients[0])
        .or_else(|| {
            other
                .keys()
                .subkeys()
                .find(|k| k.key().fingerprint().to_hex() == recipients[0])
        });
    assert!(encryption_key.is_some(), "{recipients:?}");
    assert!(error.to_string().contains(&recipients[0]));
}

#[test]
fn truncated_or_garbled_ciphertext_is_corrupt() {
    let w = world();
    let ciphertext = client::encrypt(REPORT_ENTITY, &w.desk.public_cert(), Some(&w.rita));
    let text = String::from_utf8(ciphertext).expect("armor");
    let lines: Vec<&str> = text.lines().collect();

    let truncated = lines[..lines.len() / 2].join("\n");
    let cut_in_the_session_key = lines[..3].join("\n");
    let garbled: String = {
        // a body line well after the session key: the data itself
        let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let target = lines.len() - 4;
        lines[target] = lines[target].chars().rev().collect();
        lines.join("\n")
    };
    for broken in [truncated, cut_in_the_session_key, garbled] {
        let result = open_default(&pgp_mime_mail(RITA, DESK, broken.as_bytes()), &w, &w.known);
        assert!(
            matches!(result, Err(PgpError::Corrupt(_))),
            "{result:?} for\n{broken}"
        );
    }
}

#[test]
fn oversized_ciphertext_is_refused_before_decrypting() {
    let w = world();
    let mut blob = b"-----BEGIN PGP MESSAGE-----\r\n\r\n".to_vec();
    blob.extend(std::iter::repeat_n(b'A', 50 * 1024 * 1024));
    let mail = pgp_mime_mail(RITA, DESK, &blob);
    let limits = PgpLimits {
        max_input_bytes: 1024 * 1024,
        max_output_bytes: 1024 * 1024,
    };
    let started = Instant::now();
    let result = open(&mail, &w.desk, &w.known, &limits, now());
    assert!(
        matches!(result, Err(PgpError::TooLarge { size, limit: 1_048_576 }) if size > 50 * 1024 * 1024),
        "{result:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn oversized_inline_armor_is_refused_too() {
    let w = world();
    let mut body = b"-----BEGIN PGP MESSAGE-----\r\n\r\n".to_vec();
    body.extend(std::iter::repeat_n(b'A', 3 * 1024 * 1024));
    body.extend_from_slice(b"\r\n-----END PGP MESSAGE-----\r\n");
    let limits = PgpLimits {
        max_input_bytes: 1024 * 1024,
        max_output_bytes: 1024 * 1024,
    };
    let result = open(&inline_mail(&body), &w.desk, &w.known, &limits, now());
    assert!(
        matches!(result, Err(PgpError::TooLarge { .. })),
        "{result:?}"
    );
}

#[test]
fn signature_statuses_are_stored_as_tagged_json() {
    let good = SignatureStatus::Good {
        fingerprint: "ABCD".to_string(),
        signer: Some(RITA.to_string()),
    };
    let json = serde_json::to_string(&good).expect("json");
    assert_eq!(
        json,
        format!(r#"{{"status":"good","fingerprint":"ABCD","signer":"{RITA}"}}"#)
    );
    assert_eq!(
        serde_json::from_str::<SignatureStatus>(&json).expect("back"),
        good
    );
    assert_eq!(
        serde_json::to_string(&SignatureStatus::Unsigned).expect("json"),
        r#"{"status":"unsigned"}"#
    );
}

#[test]
fn a_compression_bomb_stops_at_the_output_limit() {
    let w = world();
    let zeros = vec![0u8; 16 * 1024 * 1024];
    let ciphertext = client::encrypt_compressed(&zeros, &w.desk.public_cert());
    assert!(ciphertext.len() < 200 * 1024, "{}", ciphertext.len());
    let limits = PgpLimits {
        max_input_bytes: 1024 * 1024,
        max_output_bytes: 1024 * 1024,
    };
    let started = Instant::now();
    let result = open(
        &pgp_mime_mail(RITA, DESK, &ciphertext),
        &w.desk,
        &w.known,
        &limits,
        now(),
    );
    assert_eq!(result, Err(PgpError::OutputTooLarge { limit: 1024 * 1024 }));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_passphrase_protected_key_round_trips_and_a_wrong_one_is_refused() {
    let w = world();
    let armored = w
        .desk
        .to_armored_secret(Some("correct horse battery staple"))
        .expect("armor");
    assert!(armored.starts_with("-----BEGIN PGP PRIVATE KEY BLOCK-----"));

    let loaded = DeskKey::from_armored(armored.as_bytes(), Some("correct horse battery staple"))
        .expect("unlocks");
    assert_eq!(loaded.fingerprint(), w.desk.fingerprint());
    let opened = open(
        &encrypted_report(&w, None),
        &loaded,
        &w.known,
        &PgpLimits::default(),
        now(),
    );
    assert!(
        matches!(opened, Ok(Opened::Decrypted { .. })),
        "the loaded key decrypts"
    );

    assert_eq!(
        DeskKey::from_armored(armored.as_bytes(), Some("wrong")).map(|k| k.fingerprint()),
        Err(PgpError::BadPassphrase)
    );
    assert_eq!(
        DeskKey::from_armored(armored.as_bytes(), None).map(|k| k.fingerprint()),
        Err(PgpError::PassphraseRequired)
    );
    let public = w.desk.public_armored().expect("armor");
    assert!(matches!(
        DeskKey::from_armored(public.as_bytes(), None),
        Err(PgpError::NoKey(_))
    ));
    let clear = w.desk.to_armored_secret(None).expect("armor");
    let reloaded = DeskKey::from_armored(clear.as_bytes(), None).expect("no passphrase needed");
    assert_eq!(reloaded.fingerprint(), w.desk.fingerprint());
}

/// An acknowledgment as the outbox builds it: multipart with an attachment,
/// loop headers, a ticket number in the Subject.
fn acknowledgment() -> Vec<u8> {
    format!(
        "From: Security Desk <{DESK}>\r\n\
         To: Rita Reporter <{RITA}>\r\n\
         Subject: [SEC-2025-0042] We received your report\r\n\
         Date: Mon, 06 Jan 2025 10:05:00 +0000\r\n\
         Message-ID: <ack-42@desk.example>\r\n\
         In-Reply-To: <report-1@reporter.example>\r\n\
         References: <report-1@reporter.example>\r\n\
         Auto-Submitted: auto-replied\r\n\
         X-Secdesk-Loop: desk.example\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"ack\"\r\n\
         \r\n\
         --ack\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         Thank you. Your confirmation number is SEC-2025-0042.\r\n\
         --ack\r\n\
         Content-Type: text/plain; name=\"report.txt\"\r\n\
         Content-Disposition: attachment; filename=\"report.txt\"\r\n\
         \r\n\
         The login form passes the user name to the database unescaped.\r\n\
         --ack--\r\n"
    )
    .into_bytes()
}

/// The armored message inside a sealed mail.
fn encrypted_part(sealed: &[u8]) -> &[u8] {
    let text = std::str::from_utf8(sealed).expect("ascii");
    let start = text.find("-----BEGIN PGP MESSAGE-----").expect("armor");
    let end = text.find("-----END PGP MESSAGE-----").expect("armor end");
    &sealed[start..end + "-----END PGP MESSAGE-----".len()]
}

#[test]
fn a_sealed_mail_reads_back_for_the_recipient_with_the_desks_signature() {
    let w = world();
    let original = acknowledgment();
    let sealed = seal(&original, &w.rita, &w.desk, now()).expect("seals");

    let outer = parsed(&sealed);
    assert_eq!(outer.subject, "[SEC-2025-0042] We received your report");
    assert_eq!(
        outer
            .in_reply_to
            .first()
            .map(|id| id.to_string())
            .as_deref(),
        Some("report-1@reporter.example")
    );
    let text = std::str::from_utf8(&sealed).expect("ascii");
    assert!(text.contains("Auto-Submitted: auto-replied\r\n"));
    assert!(text.contains("X-Secdesk-Loop: desk.example\r\n"));
    assert!(text.contains("protocol=\"application/pgp-encrypted\""));
    assert!(
        !text.contains("confirmation number"),
        "the body is not in the clear"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 76, "{line:?}");
        assert!(!line.contains('\n'), "LF alone in a CRLF mail");
    }

    let (inner, signed_by_desk) =
        client::decrypt_as(encrypted_part(&sealed), &w.rita, &w.desk.public_cert());
    assert!(signed_by_desk);
    let inner = String::from_utf8(inner).expect("utf-8");
    assert!(inner.starts_with(
        "Content-Type: multipart/mixed; boundary=\"ack\";\r\n protected-headers=\"v1\"\r\n"
    ));
    assert!(inner.contains("\r\nSubject: [SEC-2025-0042] We received your report\r\n"));
    assert!(inner.contains(&format!("\r\nTo: Rita Reporter <{RITA}>\r\n")));
    let original_body = &original[original
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("blank line")
        + 4..];
    assert!(inner.as_bytes().ends_with(original_body));
}

#[test]
fn a_sealed_mail_opens_for_the_recipient_and_for_the_desk() {
    let w = world();
    let sealed = seal(&acknowledgment(), &w.rita, &w.desk, now()).expect("seals");

    // the reporter's side, with the reporter's key as the "desk"
    let rita_key = DeskKey::from_armored(
        &sequoia_openpgp::serialize::SerializeInto::to_vec(&w.rita.as_tsk()).expect("tsk"),
        None,
    )
    .expect("a secret key");
    let mut knows_desk = Keyring::new();
    knows_desk.add(w.desk.public_cert());
    let as_rita = open(
        &sealed,
        &rita_key,
        &knows_desk,
        &PgpLimits::default(),
        now(),
    )
    .expect("opens");
    let Opened::Decrypted {
        raw,
        signature,
        protected_subject,
        ..
    } = &as_rita
    else {
        panic!("{as_rita:?}");
    };
    assert_eq!(
        signature,
        &SignatureStatus::Good {
            fingerprint: w.desk.fingerprint(),
            signer: Some(DESK.to_string()),
        }
    );
    assert_eq!(
        protected_subject.as_deref(),
        Some("[SEC-2025-0042] We received your report")
    );
    let mail = parsed(raw);
    assert!(
        mail.text
            .contains("Your confirmation number is SEC-2025-0042.")
    );
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(mail.loop_signals, parsed(&acknowledgment()).loop_signals);

    // the desk's sent copy, verified with the desk's own key
    let as_desk = open_default(&sealed, &w, &Keyring::new()).expect("opens");
    assert!(opened_signature(&as_desk).is_some_and(SignatureStatus::is_good));
}

#[test]
fn sealing_keeps_lf_line_ends_when_the_input_has_them() {
    let w = world();
    let lf = String::from_utf8(acknowledgment())
        .expect("ascii")
        .replace("\r\n", "\n");
    let sealed = seal(lf.as_bytes(), &w.rita, &w.desk, now()).expect("seals");
    assert!(!sealed.contains(&b'\r'));
    let as_desk = open_default(&sealed, &w, &Keyring::new()).expect("opens");
    assert!(matches!(as_desk, Opened::Decrypted { .. }));
}

#[test]
fn sealing_to_an_expired_key_is_refused() {
    let w = world();
    let short = client::person_valid_for("Old <old@reporter.example>", Duration::from_secs(3600));
    let later = now() + Duration::from_secs(24 * 3600);
    assert!(matches!(
        seal(&acknowledgment(), &short, &w.desk, later),
        Err(PgpError::RecipientUnusable { .. })
    ));
}

#[test]
fn plain_mail_is_clear() {
    let w = world();
    let mail = inline_mail(b"Just text, quoting a key:\n> -----BEGIN PGP MESSAGE-----\n");
    assert_eq!(open_default(&mail, &w, &w.known), Ok(Opened::Clear));
}

fn armored_public(cert: &Cert) -> String {
    String::from_utf8(
        sequoia_openpgp::serialize::SerializeInto::to_vec(&cert.armored()).expect("armor"),
    )
    .expect("ascii")
}

#[test]
fn keys_in_mail_finds_an_attached_key_and_an_autocrypt_key() {
    let rita = client::person(&format!("Rita <{RITA}>"));
    let colleague = client::person("Colleague <colleague@reporter.example>");
    let keydata = {
        let bytes = sequoia_openpgp::serialize::SerializeInto::to_vec(&rita).expect("bytes");
        let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes);
        b64.as_bytes()
            .chunks(72)
            .map(|c| std::str::from_utf8(c).expect("ascii"))
            .collect::<Vec<_>>()
            .join("\r\n ")
    };
    let mail = format!(
        "From: Rita <{RITA}>\r\nTo: {DESK}\r\nSubject: keys\r\n\
         Autocrypt: addr={RITA}; prefer-encrypt=mutual; keydata=\r\n {keydata}\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"k\"\r\n\r\n\
         --k\r\nContent-Type: text/plain\r\n\r\nMy colleague's key is attached.\r\n\
         --k\r\nContent-Type: application/pgp-keys; name=\"colleague.asc\"\r\n\
         Content-Disposition: attachment; filename=\"colleague.asc\"\r\n\r\n{}\r\n--k--\r\n",
        armored_public(&colleague).replace('\n', "\r\n")
    );
    let keys = keys_in_mail(mail.as_bytes(), RITA);
    let fingerprints: Vec<String> = keys.iter().map(|c| c.fingerprint().to_hex()).collect();
    assert_eq!(fingerprints.len(), 2, "{fingerprints:?}");
    assert!(fingerprints.contains(&rita.fingerprint().to_hex()));
    assert!(fingerprints.contains(&colleague.fingerprint().to_hex()));
    assert!(keys.iter().all(|c| !c.is_tsk()), "no secret material kept");

    // the same Autocrypt header in a mail from somebody else is not taken
    let from_mallory = keys_in_mail(mail.as_bytes(), "mallory@elsewhere.example");
    assert_eq!(from_mallory.len(), 1);
    assert_eq!(from_mallory[0].fingerprint(), colleague.fingerprint());
}

#[test]
fn an_autocrypt_key_without_a_user_id_for_its_addr_is_rejected() {
    let mallory = client::person("Mallory <mallory@elsewhere.example>");
    let bytes = sequoia_openpgp::serialize::SerializeInto::to_vec(&mallory).expect("bytes");
    let keydata = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes);
    let mail = format!(
        "From: <{RITA}>\r\nAutocrypt: addr={RITA}; keydata={keydata}\r\nSubject: x\r\n\r\nbody\r\n"
    );
    assert!(keys_in_mail(mail.as_bytes(), RITA).is_empty());
    let unknown_attribute = mail.replace("; keydata=", "; critical=yes; keydata=");
    assert!(keys_in_mail(unknown_attribute.as_bytes(), RITA).is_empty());
}

#[test]
fn a_keyring_file_with_several_keys_is_searchable() {
    let rita = client::person(&format!("Rita <{RITA}>"));
    let colleague = client::person("Colleague <Colleague@Reporter.Example>");
    let file = format!(
        "# keys of our partners\n{}\n{}",
        armored_public(&rita),
        armored_public(&colleague)
    );
    let keyring = Keyring::from_armored(file.as_bytes()).expect("reads");
    assert_eq!(keyring.len(), 2);
    assert_eq!(keyring.by_address("COLLEAGUE@reporter.example").len(), 1);
    assert!(keyring.by_address("nobody@reporter.example").is_empty());
    let subkey = rita
        .keys()
        .subkeys()
        .next()
        .expect("a subkey")
        .key()
        .keyid();
    assert_eq!(
        keyring.by_key_id(&subkey.to_hex()).map(|c| c.fingerprint()),
        Some(rita.fingerprint())
    );
    assert!(
        Keyring::from_armored(
            b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----\n"
        )
        .is_err()
    );
}

#[test]
fn the_security_txt_snippet_names_the_key() {
    let w = world();
    let snippet = w.desk.security_txt_snippet(
        "https://desk.example/pgp-key.txt",
        DESK,
        "2026-01-06T00:00:00Z\r\nContact: mailto:evil@example",
    );
    assert_eq!(
        snippet,
        format!(
            "Contact: mailto:{DESK}\n\
             Encryption: https://desk.example/pgp-key.txt\n\
             # OpenPGP key fingerprint: {}\n\
             Expires: 2026-01-06T00:00:00ZContact: mailto:evil@example\n",
            w.desk.fingerprint()
        )
    );
    assert!(
        w.desk
            .security_txt_snippet("u", "https://desk.example/report", "x")
            .starts_with("Contact: https://desk.example/report\n")
    );
}

#[test]
fn a_generated_desk_key_is_usable_for_two_years() {
    let w = world();
    assert_eq!(w.desk.check_usable(now()), Ok(()));
    let expires = w.desk.expires_at(now()).expect("expires");
    let left = expires.duration_since(now()).expect("in the future");
    assert!(
        left > Duration::from_secs(729 * 24 * 3600) && left < Duration::from_secs(731 * 24 * 3600)
    );
    assert!(
        w.desk
            .check_usable(now() + Duration::from_secs(3 * 365 * 24 * 3600))
            .is_err()
    );
    assert!(DeskKey::generate("no address here").is_err());
    assert!(!format!("{:?}", w.desk).contains("secret"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn garbage_in_a_pgp_shell_never_panics(garbage in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let w = shared_world();
        let limits = PgpLimits::default();
        let mut armored = b"-----BEGIN PGP MESSAGE-----\r\n\r\n".to_vec();
        armored.extend_from_slice(&garbage);
        armored.extend_from_slice(b"\r\n-----END PGP MESSAGE-----\r\n");
        let mut signed = format!("From: <{RITA}>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=\"s\"\r\n\r\n--s\r\n").into_bytes();
        signed.extend_from_slice(&garbage);
        signed.extend_from_slice(b"\r\n--s\r\nContent-Type: application/pgp-signature\r\n\r\n");
        signed.extend_from_slice(&garbage);
        signed.extend_from_slice(b"\r\n--s--\r\n");
        for mail in [
            pgp_mime_mail(RITA, DESK, &garbage),
            pgp_mime_mail(RITA, DESK, &armored),
            inline_mail(&armored),
            signed,
            garbage.clone(),
        ] {
            let _ = open(&mail, &w.desk, &w.known, &limits, now());
            let _ = keys_in_mail(&mail, RITA);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Damage that gets past the armor and the packet framing reaches the
    /// decryptor's deeper paths, which random bytes rarely do.
    #[test]
    fn a_damaged_real_mail_never_panics(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let w = shared_world();
        let (encrypted, sealed) = shared_mails();
        for original in [encrypted, sealed] {
            let mut mail = original.clone();
            for (at, byte) in &flips {
                let i = at.index(mail.len());
                mail[i] ^= byte | 1;
            }
            let _ = open(&mail, &w.desk, &w.known, &PgpLimits::default(), now());
            let _ = open(&original[..cut.index(original.len())], &w.desk, &w.known, &PgpLimits::default(), now());
        }
    }
}

/// A signed, encrypted report and a sealed acknowledgment for the shared
/// world's keys.
fn shared_mails() -> &'static (Vec<u8>, Vec<u8>) {
    static MAILS: std::sync::OnceLock<(Vec<u8>, Vec<u8>)> = std::sync::OnceLock::new();
    MAILS.get_or_init(|| {
        let w = shared_world();
        let report = encrypted_report(w, Some(&w.rita));
        let sealed = seal(&acknowledgment(), &w.rita, &w.desk, now()).expect("seals");
        (report, sealed)
    })
}

/// One world for all proptest cases: key generation is the slow part.
fn shared_world() -> &'static World {
    static WORLD: std::sync::OnceLock<World> = std::sync::OnceLock::new();
    WORLD.get_or_init(world)
}

/// `cargo test --release --lib pgp::tests::timing -- --ignored --nocapture`
#[test]
#[ignore = "a measurement, not a check"]
fn timing() {
    let w = world();
    let report: String = (0..16_000)
        .map(|i| format!("line {i:05} of a long report with logs and a stack trace\n"))
        .collect::<String>()
        .chars()
        .take(1024 * 1024)
        .collect();
    let entity = format!("Content-Type: text/plain; charset=utf-8\r\nSubject: big\r\n\r\n{report}");
    let ciphertext = client::encrypt(entity.as_bytes(), &w.desk.public_cert(), Some(&w.rita));
    let mail = pgp_mime_mail(RITA, DESK, &ciphertext);
    let started = Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        let opened = open_default(&mail, &w, &w.known).expect("opens");
        assert!(opened_signature(&opened).is_some_and(SignatureStatus::is_good));
    }
    println!(
        "open a 1 MiB signed+encrypted report ({} bytes of mail): {:?} each",
        mail.len(),
        started.elapsed() / rounds
    );

    let mut ack = acknowledgment();
    while ack.len() < 5 * 1024 {
        let at = ack.len() - "--ack--\r\n".len();
        ack.splice(at..at, b"--ack\r\nContent-Type: text/plain\r\n\r\nMore text for the acknowledgment, as templates write it.\r\n".iter().copied());
    }
    let started = Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        seal(&ack, &w.rita, &w.desk, now()).expect("seals");
    }
    println!(
        "seal a {} byte acknowledgment: {:?} each",
        ack.len(),
        started.elapsed() / rounds
    );
}
