//! Encrypted reports on the real stack, with a real OpenPGP client as the
//! reporter: GnuPG, in a GNUPGHOME of each test's own. The reporter encrypts
//! (and signs) to the desk's key as Thunderbird does (PGP/MIME, protected
//! Subject inside, own key attached) or as a webmail user does (inline
//! armor, no key); the desk decrypts before it reads anything, opens the
//! ticket from the clear text, and answers only in a way that leaks
//! nothing: encrypted to the reporter and signed when it has their key, a
//! bare "send us your key" when not. GnuPG then reads the desk's answers.
//! Mail the desk cannot decrypt is quarantined with a reason and opens no
//! ticket, and the desk keeps going.

#[macro_use]
mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;
use mail_parser::MimeHeaders;
use secdesk::pgp::DeskKey;

on_both_backends!(
    a_thunderbird_style_report_is_read_and_answered_encrypted_and_signed,
    an_inline_armored_report_without_a_key_gets_an_ack_that_reveals_nothing,
    mail_the_desk_cannot_decrypt_is_quarantined_and_the_desk_goes_on,
);

/// What the reporter puts in the protected Subject: it names the product
/// and the flaw, so it must never travel outside the encryption.
const SECRET_SUBJECT: &str = "Stored XSS in the ShopApp 4.2 profile page";
const CVE: &str = "CVE-2024-12345";
const VECTOR: &str = "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N";
/// The reporter's User ID: its address is the mail's From, which is what
/// makes a good signature "good" rather than "signer_mismatch".
const REPORTER_UID: &str = "Rita Reporter <reporter@example.test>";

/// Bits of [`REPORT`] that must not appear in any clear mail the desk sends.
const REPORT_WORDS: [&str; 4] = [
    "stored XSS",
    "ShopApp",
    "CVE-2024-12345",
    "upgrade to 4.2.1",
];

/// A GnuPG of its own: keys, trust database and agent live in a temporary
/// GNUPGHOME, so neither the machine's keys nor another test's count.
struct Gpg {
    home: tempfile::TempDir,
}

/// What one gpg run wrote: stdout, and the machine-readable `[GNUPG:]`
/// status lines (`--status-fd`), which say what was verified.
struct GpgRun {
    stdout: Vec<u8>,
    status: Vec<String>,
}

impl Gpg {
    fn new() -> Gpg {
        match Command::new("gpg").arg("--version").output() {
            Ok(out) if out.status.success() => {}
            other => panic!(
                "GnuPG (gpg) is the reporter's mail client in these tests and cannot be run \
                 ({other:?}); install it with `scripts/mailstack.sh install` (as root)"
            ),
        }
        // short and under /tmp: gpg-agent puts its socket in GNUPGHOME, and
        // a Unix socket path must fit in 108 bytes
        let home = tempfile::Builder::new()
            .prefix("sdgpg")
            .tempdir_in("/tmp")
            .expect("create a GNUPGHOME");
        Gpg { home }
    }

    /// `gpg ARGS` with `input` on stdin; fails the test when gpg fails.
    fn run(&self, args: &[&str], input: &[u8]) -> GpgRun {
        let run = self.try_run(args, input);
        assert!(
            run.0.success(),
            "gpg {args:?} failed ({}):\n{}",
            run.0,
            run.2
        );
        run.1
    }

    /// `gpg ARGS`, whatever its exit status, and its stderr.
    fn try_run(&self, args: &[&str], input: &[u8]) -> (std::process::ExitStatus, GpgRun, String) {
        let mut child = Command::new("gpg")
            .env("GNUPGHOME", self.home.path())
            // no terminal, no pinentry: the keys have an empty passphrase,
            // and every key imported is trusted (a test has no web of trust)
            .args([
                "--batch",
                "--yes",
                "--no-tty",
                "--pinentry-mode",
                "loopback",
            ])
            .args(["--passphrase", "", "--trust-model", "always"])
            .args(["--status-fd", "2"])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start gpg");
        // written from another thread: gpg may fill stdout before it has
        // read all of stdin
        let mut stdin = child.stdin.take().expect("gpg's stdin");
        let input = input.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().expect("wait for gpg");
        // gpg stops reading on a hard error; its exit status says why
        let _ = writer.join();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let status = stderr
            .lines()
            .filter_map(|l| l.strip_prefix("[GNUPG:] "))
            .map(str::to_string)
            .collect();
        let run = GpgRun {
            stdout: out.stdout,
            status,
        };
        (out.status, run, stderr)
    }

    /// A new key pair as a user makes one: an Ed25519 primary key for
    /// signing and a Cv25519 subkey for encryption. Its fingerprint.
    fn generate_key(&self, user_id: &str) -> String {
        self.run(
            &["--quick-gen-key", user_id, "ed25519", "sign,cert", "never"],
            b"",
        );
        let fingerprint = self.fingerprint(user_id);
        self.run(
            &["--quick-add-key", &fingerprint, "cv25519", "encr", "never"],
            b"",
        );
        fingerprint
    }

    /// The primary key's fingerprint (upper-case hex) of the key matching `who`.
    fn fingerprint(&self, who: &str) -> String {
        let listed = self.run(&["--with-colons", "--list-keys", who], b"");
        let listed = String::from_utf8_lossy(&listed.stdout).to_string();
        listed
            .lines()
            .find_map(|l| l.strip_prefix("fpr:"))
            .and_then(|l| l.split(':').nth(8))
            .unwrap_or_else(|| panic!("no fingerprint for {who} in:\n{listed}"))
            .to_string()
    }

    fn import(&self, armored: &str) {
        self.run(&["--import"], armored.as_bytes());
    }

    fn export(&self, fingerprint: &str) -> String {
        let out = self.run(&["--armor", "--export", fingerprint], b"");
        String::from_utf8(out.stdout).expect("an armored key is ASCII")
    }

    /// `plaintext` encrypted to `recipients` and signed by `signer`,
    /// ASCII-armored: `gpg --encrypt --sign --armor`.
    fn encrypt_and_sign(&self, plaintext: &str, recipients: &[&str], signer: &str) -> String {
        let mut args = vec!["--encrypt", "--sign", "--armor", "--local-user", signer];
        for r in recipients {
            args.extend(["--recipient", r]);
        }
        let out = self.run(&args, plaintext.as_bytes());
        String::from_utf8(out.stdout).expect("armor is ASCII")
    }

    /// `gpg --decrypt`: the plaintext, and the status lines that say who
    /// signed it.
    fn decrypt(&self, ciphertext: &[u8]) -> (String, Vec<String>) {
        let out = self.run(&["--decrypt"], ciphertext);
        let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
        (text, out.status)
    }
}

impl Drop for Gpg {
    /// Stop the gpg-agent this GNUPGHOME started (only that one: gpgconf
    /// finds it by the home's socket), before its directory goes.
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", self.home.path())
            .args(["--kill", "gpg-agent"])
            .output();
    }
}

/// The desk's key on disk, as `[pgp] key_file` names it, and the reporter's
/// GnuPG with a key of its own that knows the desk's public key.
struct Keys {
    desk: DeskKey,
    _dir: tempfile::TempDir,
    key_file: std::path::PathBuf,
    gpg: Gpg,
    reporter: String,
}

fn keys() -> Keys {
    let desk = DeskKey::generate(DESK).expect("generate the desk key");
    let dir = tempfile::tempdir().expect("temp dir");
    let key_file = dir.path().join("desk-key.asc");
    std::fs::write(
        &key_file,
        desk.to_armored_secret(None).expect("armor the desk key"),
    )
    .expect("write the desk key");
    let gpg = Gpg::new();
    let reporter = gpg.generate_key(REPORTER_UID);
    // what a reporter does first: fetch the key from security.txt
    gpg.import(&desk.public_armored().expect("the desk's public key"));
    Keys {
        desk,
        _dir: dir,
        key_file,
        gpg,
        reporter,
    }
}

/// The test config with the desk's key in a `[pgp]` section. `desk_extra`
/// is spliced into the text at the end of `[desk]`, so a table after it
/// reads like any other section of the file.
fn pgp_config(
    stack: &Stack,
    db: &TestDb,
    key_file: &Path,
    desk_extra: &str,
) -> secdesk::config::Config {
    let extra = format!(
        "{desk_extra}\n\n[pgp]\nkey_file = \"{}\"\n",
        key_file.display()
    );
    let config = test_config_with(stack, db, Security::Plain, &extra);
    assert_eq!(config.pgp.key_file.as_deref(), Some(key_file));
    config
}

/// The encrypted mail Thunderbird sends (RFC 3156): `...` as the outer
/// Subject, a version part, and the armored OpenPGP message.
fn pgp_mime_mail(message_id: &str, armored: &str) -> String {
    format!(
        "From: {REPORTER_UID}\nTo: <{DESK}>\nSubject: ...\nMessage-ID: <{message_id}>\n\
         Date: Tue, 24 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\n\
         Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";\n \
         boundary=\"------------enc0123456789\"\n\n\
         This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\n\
         --------------enc0123456789\n\
         Content-Type: application/pgp-encrypted\n\
         Content-Description: PGP/MIME version identification\n\n\
         Version: 1\n\n\
         --------------enc0123456789\n\
         Content-Type: application/octet-stream; name=\"encrypted.asc\"\n\
         Content-Description: OpenPGP encrypted message\n\
         Content-Disposition: inline; filename=\"encrypted.asc\"\n\n\
         {armored}\n\
         --------------enc0123456789--\n"
    )
}

/// What Thunderbird encrypts: the real Subject as a protected header
/// (`protected-headers="v1"`), the report, and the sender's public key
/// attached so the desk can answer encrypted. CRLF, as it is canonicalised
/// before encryption.
fn thunderbird_plaintext(subject: &str, report: &str, public_key: &str) -> String {
    format!(
        "Content-Type: multipart/mixed; boundary=\"------------mix0123456789\";\n \
         protected-headers=\"v1\"\n\
         Subject: {subject}\nFrom: {REPORTER_UID}\nTo: <{DESK}>\n\n\
         This is a multi-part message in MIME format.\n\
         --------------mix0123456789\n\
         Content-Type: text/plain; charset=UTF-8; format=flowed\n\
         Content-Transfer-Encoding: 7bit\n\n\
         {report}\n\n\
         --------------mix0123456789\n\
         Content-Type: application/pgp-keys; name=\"OpenPGP_reporter.asc\"\n\
         Content-Disposition: attachment; filename=\"OpenPGP_reporter.asc\"\n\
         Content-Description: OpenPGP public key\n\
         Content-Transfer-Encoding: 7bit\n\n\
         {public_key}\n\
         --------------mix0123456789--\n"
    )
    .replace('\n', "\r\n")
}

/// A fresh Message-ID, so the desk never drops a mail as a duplicate.
fn message_id() -> String {
    format!("t{:016x}@client.example", rand::random::<u64>())
}

/// The first mail in `user`'s INBOX whose subject carries a ticket number.
async fn first_ticket_mail(stack: &Stack, user: &str, what: &str) -> Received {
    let mails = wait_for_inbox(stack, user, what, |m| {
        m.iter().any(|r| r.subject.contains("SEC-"))
    })
    .await;
    mails
        .into_iter()
        .find(|r| r.subject.contains("SEC-"))
        .expect("a mail with a number")
}

/// The OpenPGP message of a PGP/MIME mail, checked to be one (RFC 3156:
/// `multipart/encrypted`, protocol `application/pgp-encrypted`, the data
/// in an `application/octet-stream` part).
fn encrypted_part(mail: &Received) -> Vec<u8> {
    let parsed = mail_parser::MessageParser::default()
        .parse(&mail.raw)
        .expect("the mail parses");
    let top = parsed.content_type().expect("a Content-Type");
    assert!(
        top.ctype().eq_ignore_ascii_case("multipart")
            && top
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("encrypted"))
            && top
                .attribute("protocol")
                .is_some_and(|p| p.eq_ignore_ascii_case("application/pgp-encrypted")),
        "not PGP/MIME encrypted: {}",
        mail.headers
    );
    parsed
        .parts
        .iter()
        .find(|p| {
            p.content_type().is_some_and(|c| {
                c.ctype().eq_ignore_ascii_case("application")
                    && c.subtype()
                        .is_some_and(|s| s.eq_ignore_ascii_case("octet-stream"))
            })
        })
        .map(|p| p.contents().to_vec())
        .unwrap_or_else(|| {
            panic!(
                "no application/octet-stream part in:\n{}",
                String::from_utf8_lossy(&mail.raw)
            )
        })
}

/// Decrypt `mail` with the reporter's GnuPG and check, from gpg's own
/// status lines, that the desk's key signed it. The plaintext.
fn decrypt_signed_by_desk(keys: &Keys, mail: &Received) -> String {
    let (plaintext, status) = keys.gpg.decrypt(&encrypted_part(mail));
    assert!(
        status.iter().any(|l| l.starts_with("GOODSIG ")),
        "no good signature: {status:#?}"
    );
    // VALIDSIG's last field is the primary key's fingerprint
    let desk = keys.desk.fingerprint();
    assert!(
        status
            .iter()
            .any(|l| l.starts_with("VALIDSIG ") && l.split(' ').next_back() == Some(desk.as_str())),
        "not signed by the desk's key {desk}: {status:#?}"
    );
    plaintext
}

/// The `pgp` object stored with the first incoming message of a ticket,
/// read the way staff read it: `tickets show --json`.
async fn stored_pgp(config: &secdesk::config::Config, number: &str) -> serde_json::Value {
    let json = secdesk::cli::tickets_show(config, number, true, false)
        .await
        .expect("tickets show --json");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    json["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .find(|m| m["direction"] == "in")
        .map(|m| m["authenticity"]["pgp"].clone())
        .unwrap_or_else(|| panic!("no incoming message: {json:#}"))
}

/// The ticket holds what the clear text said.
async fn assert_extracted(app: &App, number: &str) -> secdesk::store::TicketDetail {
    let ticket = app
        .store
        .ticket_detail(number)
        .await
        .expect("read the ticket")
        .expect("the ticket exists");
    assert_eq!(ticket.cve_ids, [CVE], "{ticket:#?}");
    assert_eq!(
        ticket.cvss.as_ref().map(|c| c.vector.as_str()),
        Some(VECTOR),
        "{ticket:#?}"
    );
    ticket
}

async fn a_thunderbird_style_report_is_read_and_answered_encrypted_and_signed(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    // staff proven by DKIM, so a staff answer is relayed later on
    let config = pgp_config(stack, db, &keys.key_file, "authentication = \"dkim\"");
    let app = spawn_app(config.clone()).await;

    let plaintext = thunderbird_plaintext(SECRET_SUBJECT, REPORT, &keys.gpg.export(&keys.reporter));
    // to the desk and to the reporter's own key, as every client does
    let armored = keys.gpg.encrypt_and_sign(
        &plaintext,
        &[&keys.desk.fingerprint(), &keys.reporter],
        &keys.reporter,
    );
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_mime_mail(&message_id(), &armored),
    )
    .await;

    // staff read it in clear, under the real subject
    let notification = first_ticket_mail(stack, STAFF, "the new-ticket notification").await;
    let number = number_in(&notification.subject);
    assert!(
        notification.subject.contains(SECRET_SUBJECT),
        "{}",
        notification.subject
    );
    assert!(notification.body.contains(CVE), "{}", notification.body);
    // and are told what protected it
    assert!(
        notification
            .body
            .contains("OpenPGP: encrypted to the desk (PGP/MIME); good signature"),
        "{}",
        notification.body
    );

    let ticket = assert_extracted(&app, &number).await;
    assert_eq!(ticket.subject, SECRET_SUBJECT);
    let pgp = stored_pgp(&config, &number).await;
    assert_eq!(pgp["encrypted"], true, "{pgp:#}");
    assert_eq!(pgp["form"], "mime", "{pgp:#}");
    assert_eq!(pgp["protected_subject"], true, "{pgp:#}");
    assert_eq!(pgp["signature"]["status"], "good", "{pgp:#}");
    assert_eq!(
        pgp["signature"]["fingerprint"],
        keys.reporter.as_str(),
        "{pgp:#}"
    );
    let shown = secdesk::cli::tickets_show(&config, &number, false, false)
        .await
        .expect("tickets show");
    let line = shown
        .lines()
        .find(|l| l.starts_with("  pgp:     "))
        .unwrap_or_else(|| panic!("no pgp line:\n{shown}"));
    assert!(
        line.contains(&format!("good signature by {}", keys.reporter)),
        "{line}"
    );

    // the acknowledgment: encrypted to the key the mail carried, signed by
    // the desk, and its outside says nothing but the number
    let ack = first_ticket_mail(stack, REPORTER, "the acknowledgment").await;
    assert_eq!(number_in(&ack.subject), number, "{}", ack.subject);
    assert!(!ack.subject.contains(SECRET_SUBJECT), "{}", ack.subject);
    let raw = String::from_utf8_lossy(&ack.raw);
    for word in REPORT_WORDS {
        assert!(!raw.contains(word), "{word:?} in clear in the ack:\n{raw}");
    }
    let inside = decrypt_signed_by_desk(&keys, &ack);
    assert!(inside.contains(&number), "{inside}");
    // the real subject travels inside, as a protected header
    let inner_subject = mail_parser::MessageParser::default()
        .parse(inside.as_bytes())
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_default();
    assert!(
        inner_subject.contains(&number) && inner_subject.contains(SECRET_SUBJECT),
        "{inside}"
    );

    // a later mail to the reporter, a staff answer, is encrypted as well
    let opened = Opened {
        number: number.clone(),
        notification,
    };
    staff_reply_as(
        stack,
        STAFF,
        &opened,
        "We can reproduce it; a fix ships on Friday.",
    )
    .await;
    let mails = wait_for_inbox(stack, REPORTER, "the relayed staff answer", |m| {
        m.iter().filter(|r| r.subject.contains(&number)).count() >= 2
    })
    .await;
    let answer = mails
        .iter()
        .filter(|r| r.subject.contains(&number))
        .nth(1)
        .expect("the answer");
    assert!(
        !String::from_utf8_lossy(&answer.raw).contains("fix ships"),
        "the answer went in clear"
    );
    let inside = decrypt_signed_by_desk(&keys, answer);
    assert!(inside.contains("a fix ships on Friday"), "{inside}");
    app.stop().await;
}

async fn an_inline_armored_report_without_a_key_gets_an_ack_that_reveals_nothing(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    let config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    let app = spawn_app(config.clone()).await;

    // a webmail user: the armored text pasted as the body, no key offered,
    // and a subject in clear that still names the flaw
    let subject = "XSS in ShopApp profile";
    let armored = keys
        .gpg
        .encrypt_and_sign(REPORT, &[&keys.desk.fingerprint()], &keys.reporter);
    Mail::new(REPORTER, subject, &armored).send(stack).await;

    let notification = first_ticket_mail(stack, STAFF, "the new-ticket notification").await;
    let number = number_in(&notification.subject);
    assert!(notification.body.contains(CVE), "{}", notification.body);
    assert_extracted(&app, &number).await;
    let pgp = stored_pgp(&config, &number).await;
    assert_eq!(pgp["encrypted"], true, "{pgp:#}");
    assert_eq!(pgp["form"], "inline", "{pgp:#}");
    // signed, but by a key the desk was never given
    assert_eq!(pgp["signature"]["status"], "unknown_key", "{pgp:#}");
    // named by its fingerprint or key id (the signing key is the primary)
    let issuer = pgp["signature"]["issuer"].as_str().unwrap_or_default();
    assert!(
        !issuer.is_empty() && keys.reporter.ends_with(&issuer.to_uppercase()),
        "{pgp:#}"
    );
    assert_eq!(pgp["protected_subject"], false, "{pgp:#}");

    // the desk cannot encrypt the answer, so it says nothing of the report
    // and asks for a key
    let ack = first_ticket_mail(stack, REPORTER, "the acknowledgment").await;
    assert_eq!(number_in(&ack.subject), number);
    let raw = String::from_utf8_lossy(&ack.raw);
    for word in REPORT_WORDS.iter().chain([&subject, &"XSS"]) {
        assert!(!raw.contains(word), "{word:?} in the clear ack:\n{raw}");
    }
    assert!(
        ack.body.to_lowercase().contains("key"),
        "the ack does not ask for a key:\n{}",
        ack.body
    );
    app.stop().await;
}

async fn mail_the_desk_cannot_decrypt_is_quarantined_and_the_desk_goes_on(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    let config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    let app = spawn_app(config).await;

    // encrypted to somebody else's key only (a wrong key picked from the
    // keyring): nothing on this desk can read it
    let other = keys.gpg.generate_key("Other Desk <other@example.test>");
    let for_other = keys.gpg.encrypt_and_sign(REPORT, &[&other], &keys.reporter);
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_mime_mail(&message_id(), &for_other),
    )
    .await;

    // to the desk, but damaged on the way: characters in the middle of the
    // armored data changed, and a copy cut off halfway
    let good = keys
        .gpg
        .encrypt_and_sign(REPORT, &[&keys.desk.fingerprint()], &keys.reporter);
    let altered = alter_middle(&good);
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_mime_mail(&message_id(), &altered),
    )
    .await;
    let truncated = truncate_middle(&good);
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_mime_mail(&message_id(), &truncated),
    )
    .await;

    let quarantined = || async {
        app.store
            .unthreaded_messages(20)
            .await
            .expect("read the unthreaded mail")
            .into_iter()
            .filter(|m| m.disposition == "quarantined")
            .collect::<Vec<_>>()
    };
    wait_for_store("the three mails quarantined", || async {
        quarantined().await.len() >= 3
    })
    .await;
    let kept = quarantined().await;
    assert_eq!(kept.len(), 3, "{kept:#?}");
    let reasons: Vec<String> = kept
        .iter()
        .map(|m| m.reason.clone().unwrap_or_default())
        .collect();
    let not_for_us = reasons
        .iter()
        .filter(|r| r.contains("not to the desk's key"))
        .count();
    assert_eq!(not_for_us, 1, "{reasons:#?}");
    // the two damaged ones say that the data is broken, not only that
    // something failed
    let damaged = reasons
        .iter()
        .filter(|r| r.contains("the OpenPGP data is damaged or cut short"))
        .count();
    assert_eq!(damaged, 2, "{reasons:#?}");
    assert_eq!(app.store.counts().await.unwrap().tickets, 0);
    // the reporter learns that each one was not read, and why
    let notices = |mails: &[Received]| {
        mails
            .iter()
            .filter(|r| r.subject.starts_with("Not processed"))
            .cloned()
            .collect::<Vec<_>>()
    };
    let mails = wait_for_inbox(stack, REPORTER, "three quarantine notices", |m| {
        notices(m).len() >= 3
    })
    .await;
    for notice in notices(&mails) {
        assert!(
            notice.body.contains("could not decrypt it"),
            "{}",
            notice.body
        );
        assert!(!notice.subject.contains("SEC-"), "{}", notice.subject);
    }

    // the desk is still up and reading: a clear report is acknowledged
    let opened = open_ticket_with(stack, REPORTER, "A clear report afterwards", REPORT).await;
    assert_extracted(&app, &opened.number).await;
    assert_eq!(app.store.counts().await.unwrap().tickets, 1);
    app.stop().await;
}

/// The armor's base64 lines between its header and its checksum.
fn data_lines(armored: &str) -> std::ops::Range<usize> {
    let lines: Vec<&str> = armored.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.is_empty())
        .expect("the blank line after the armor header")
        + 1;
    let last = lines
        .iter()
        .position(|l| l.starts_with('=') || l.starts_with("-----END"))
        .expect("the checksum or end line");
    assert!(last - first >= 3, "too short to damage: {armored}");
    first..last
}

/// `armored` with characters in its middle line changed (still valid
/// base64, so only the OpenPGP data itself can tell).
fn alter_middle(armored: &str) -> String {
    let data = data_lines(armored);
    let middle = (data.start + data.end) / 2;
    let mut lines: Vec<String> = armored.lines().map(str::to_string).collect();
    let line: String = lines[middle]
        .chars()
        .enumerate()
        .map(|(i, c)| match (i % 3, c) {
            (0, 'A') => 'B',
            (0, _) => 'A',
            (_, c) => c,
        })
        .collect();
    assert_ne!(line, lines[middle]);
    lines[middle] = line;
    lines.join("\n")
}

/// `armored` cut off after half its data, its end line kept, as a broken
/// client or a copy-and-paste leaves it.
fn truncate_middle(armored: &str) -> String {
    let data = data_lines(armored);
    let lines: Vec<&str> = armored.lines().collect();
    let mut kept: Vec<&str> = lines[..(data.start + data.end) / 2].to_vec();
    kept.push("-----END PGP MESSAGE-----");
    kept.join("\n")
}

/// Without the stack: what GnuPG makes, the desk's `pgp::open` reads, and
/// what the desk seals, GnuPG reads. When a daemon test fails, this tells
/// whether the OpenPGP interoperability itself or the wiring is at fault.
#[test]
fn gnupg_and_the_desk_key_read_each_other() {
    let keys = keys();
    let armored = keys
        .gpg
        .encrypt_and_sign(REPORT, &[&keys.desk.fingerprint()], &keys.reporter);
    let mail = Mail::new(REPORTER, "Inline", &armored).render();
    let mut known = secdesk::pgp::Keyring::new();
    let reporter_cert =
        secdesk::pgp::Keyring::from_armored(keys.gpg.export(&keys.reporter).as_bytes())
            .expect("gpg's export reads")
            .iter()
            .next()
            .cloned()
            .expect("one key");
    known.add(reporter_cert.clone());
    let opened = secdesk::pgp::open(
        mail.as_bytes(),
        &keys.desk,
        &known,
        &secdesk::pgp::PgpLimits::default(),
        std::time::SystemTime::now(),
    )
    .expect("the desk opens gpg's message");
    let secdesk::pgp::Opened::Decrypted { raw, signature, .. } = opened else {
        panic!("not decrypted: {opened:?}");
    };
    assert!(String::from_utf8_lossy(&raw).contains(CVE));
    assert!(signature.is_good(), "{signature:?}");

    let answer = format!(
        "From: <{DESK}>\nTo: {REPORTER_UID}\nSubject: [SEC-TEST] {SECRET_SUBJECT}\n\
         MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nThank you.\n"
    );
    let sealed = secdesk::pgp::seal_hiding_subject(
        answer.as_bytes(),
        &reporter_cert,
        &keys.desk,
        std::time::SystemTime::now(),
        "[SEC-TEST] ...",
    )
    .expect("seal");
    let sealed = Received {
        subject: String::new(),
        message_id: String::new(),
        in_reply_to: Vec::new(),
        headers: String::from_utf8_lossy(&sealed).to_string(),
        body: String::new(),
        raw: sealed,
    };
    let inside = decrypt_signed_by_desk(&keys, &sealed);
    assert!(
        inside.contains("Thank you.") && inside.contains(SECRET_SUBJECT),
        "{inside}"
    );
}
