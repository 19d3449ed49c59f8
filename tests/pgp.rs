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

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use base64::Engine;

use common::*;
use mail_parser::MimeHeaders;
use secdesk::pgp::DeskKey;

on_both_backends!(
    a_thunderbird_style_report_is_read_and_answered_encrypted_and_signed,
    an_inline_armored_report_without_a_key_gets_an_ack_that_reveals_nothing,
    mail_the_desk_cannot_decrypt_is_quarantined_and_the_desk_goes_on,
);

/// Run each `scenario(&stack, &db)` on SQLite only, on a stack of its own:
/// these look at one kind of OpenPGP mail each, which the store backend
/// does not change (the scenarios above already run on both).
macro_rules! on_sqlite {
    ($($name:ident),* $(,)?) => {
        mod sqlite_only {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let stack = super::common::Stack::start();
                    let db = super::common::TestDb::sqlite();
                    super::$name(&stack, &db).await;
                }
            )*
        }
    };
}

on_sqlite!(
    an_encrypted_reply_under_a_dotted_subject_is_threaded_on_its_ticket,
    signed_reports_open_tickets_and_their_good_signatures_are_kept,
    a_signed_report_altered_after_signing_is_opened_with_a_bad_signature,
    a_report_signed_while_the_key_was_valid_is_flagged_expired,
    staff_copies_are_encrypted_to_the_staff_key_when_asked,
    a_40_mb_encrypted_report_is_quarantined_as_too_large_and_the_desk_goes_on,
    a_40_mb_encrypted_report_under_a_raised_limit_is_handled_in_time,
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
        self.generate_key_with(user_id, "never", &[])
    }

    /// [`Gpg::generate_key`] with both keys valid for `expiry` (gpg's
    /// `1y`, `never`...), and `extra` options such as a faked clock.
    fn generate_key_with(&self, user_id: &str, expiry: &str, extra: &[&str]) -> String {
        let gen_key = ["--quick-gen-key", user_id, "ed25519", "sign,cert", expiry];
        self.run(&[extra, &gen_key[..]].concat(), b"");
        let fingerprint = self.fingerprint(user_id);
        let add_key = ["--quick-add-key", &fingerprint, "cv25519", "encr", expiry];
        self.run(&[extra, &add_key[..]].concat(), b"");
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

    /// The public key in binary, as an Autocrypt header carries it.
    fn export_binary(&self, fingerprint: &str) -> Vec<u8> {
        self.run(&["--export", fingerprint], b"").stdout
    }

    /// `plaintext` encrypted to `recipients` and signed by `signer`,
    /// ASCII-armored: `gpg --encrypt --sign --armor`.
    fn encrypt_and_sign(&self, plaintext: &str, recipients: &[&str], signer: &str) -> String {
        self.encrypt_and_sign_with(&[], plaintext.as_bytes(), recipients, signer)
    }

    /// [`Gpg::encrypt_and_sign`] with `extra` options (a faked clock, no
    /// compression) and any bytes as the plaintext.
    fn encrypt_and_sign_with(
        &self,
        extra: &[&str],
        plaintext: &[u8],
        recipients: &[&str],
        signer: &str,
    ) -> String {
        let mut args = extra.to_vec();
        args.extend(["--encrypt", "--sign", "--armor", "--local-user", signer]);
        for r in recipients {
            args.extend(["--recipient", r]);
        }
        let out = self.run(&args, plaintext);
        String::from_utf8(out.stdout).expect("armor is ASCII")
    }

    /// `text` clear-signed by `signer` (`gpg --clearsign`): the text stays
    /// readable between the armor lines, as inline-signing clients send it.
    fn clearsign(&self, text: &str, signer: &str) -> String {
        let out = self.run(
            &[
                "--clearsign",
                "--digest-algo",
                "SHA256",
                "--local-user",
                signer,
            ],
            text.as_bytes(),
        );
        String::from_utf8(out.stdout).expect("a clear-signed text is ASCII")
    }

    /// An armored detached signature by `signer` over exactly `data`
    /// (`gpg --detach-sign --armor`), with SHA-256 so that `micalg=pgp-sha256`
    /// says the truth.
    fn detach_sign(&self, data: &[u8], signer: &str) -> String {
        let out = self.run(
            &[
                "--detach-sign",
                "--armor",
                "--digest-algo",
                "SHA256",
                "--local-user",
                signer,
            ],
            data,
        );
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
    /// Holds the key file, and whatever else a test puts beside it.
    dir: tempfile::TempDir,
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
        dir,
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
    pgp_config_with(stack, db, key_file, desk_extra, "")
}

/// [`pgp_config`] with more `[pgp]` settings (`pgp_extra`, TOML lines), read
/// the way the daemon reads its file.
fn pgp_config_with(
    stack: &Stack,
    db: &TestDb,
    key_file: &Path,
    desk_extra: &str,
    pgp_extra: &str,
) -> secdesk::config::Config {
    let extra = format!(
        "{desk_extra}\n\n[pgp]\nkey_file = \"{}\"\n{pgp_extra}\n",
        key_file.display()
    );
    let config = test_config_with(stack, db, Security::Plain, &extra);
    assert_eq!(config.pgp.key_file.as_deref(), Some(key_file));
    config
}

/// The encrypted mail Thunderbird sends (RFC 3156): `...` as the outer
/// Subject, a version part, and the armored OpenPGP message. `headers`
/// (whole lines, each ending in `\n`) go on the outside too: threading.
fn pgp_mime_mail(message_id: &str, headers: &str, armored: &str) -> String {
    format!(
        "From: {REPORTER_UID}\nTo: <{DESK}>\nSubject: ...\nMessage-ID: <{message_id}>\n\
         {headers}Date: Tue, 24 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\n\
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

/// What the reporter's Thunderbird sends: [`thunderbird_plaintext`] with
/// the reporter's key attached, encrypted to the desk and to the reporter's
/// own key (as every client does) and signed, in [`pgp_mime_mail`] with
/// `headers` outside.
fn thunderbird_mail(keys: &Keys, subject: &str, text: &str, headers: &str) -> String {
    let plaintext = thunderbird_plaintext(subject, text, &keys.gpg.export(&keys.reporter));
    let armored = keys.gpg.encrypt_and_sign(
        &plaintext,
        &[&keys.desk.fingerprint(), &keys.reporter],
        &keys.reporter,
    );
    pgp_mime_mail(&message_id(), headers, &armored)
}

/// The Subject of a mail's text (a decrypted one, say); empty without one.
fn subject_of(mail: &str) -> String {
    mail_parser::MessageParser::default()
        .parse(mail.as_bytes())
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_default()
}

/// A fresh Message-ID, so the desk never drops a mail as a duplicate.
fn message_id() -> String {
    format!("t{:016x}@client.example", rand::random::<u64>())
}

/// The first mail in `user`'s INBOX whose subject carries a ticket number.
async fn first_ticket_mail(stack: &Stack, user: &str, what: &str) -> Received {
    wait_for_mail(stack, user, what, |r| r.subject.contains("SEC-")).await
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
    decrypt_signed_by(&keys.gpg, &keys.desk, mail)
}

/// [`decrypt_signed_by_desk`] with any recipient's GnuPG (a staff member's).
fn decrypt_signed_by(gpg: &Gpg, desk: &DeskKey, mail: &Received) -> String {
    let (plaintext, status) = gpg.decrypt(&encrypted_part(mail));
    assert!(
        status.iter().any(|l| l.starts_with("GOODSIG ")),
        "no good signature: {status:#?}"
    );
    // VALIDSIG's last field is the primary key's fingerprint
    let desk = desk.fingerprint();
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

    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &thunderbird_mail(&keys, SECRET_SUBJECT, REPORT, ""),
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
    let inner_subject = subject_of(&inside);
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
        &pgp_mime_mail(&message_id(), "", &for_other),
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
        &pgp_mime_mail(&message_id(), "", &altered),
    )
    .await;
    let truncated = truncate_middle(&good);
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_mime_mail(&message_id(), "", &truncated),
    )
    .await;

    wait_for_store("the three mails quarantined", || async {
        quarantined(&app).await.len() >= 3
    })
    .await;
    let kept = quarantined(&app).await;
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

/// The mail the desk quarantined (it opened no ticket for it).
async fn quarantined(app: &App) -> Vec<secdesk::store::FlaggedMessage> {
    app.store
        .unthreaded_messages(20)
        .await
        .expect("read the unthreaded mail")
        .into_iter()
        .filter(|m| m.disposition == "quarantined")
        .collect()
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

// ---- More of what reporters' clients send (SQLite only: `on_sqlite!`) ----

/// What the reporter adds in an encrypted reply; it must reach staff
/// decrypted.
const DETAIL: &str = "The payload also fires from the display-name field.";

/// The staff notification whose subject carries `subject` (mail the desk
/// did not encrypt), and the ticket's number.
async fn notified(stack: &Stack, subject: &str) -> (String, Received) {
    let notification = wait_for_mail(stack, STAFF, "the new-ticket notification", |r| {
        r.subject.contains(subject)
    })
    .await;
    (number_in(&notification.subject), notification)
}

async fn an_encrypted_reply_under_a_dotted_subject_is_threaded_on_its_ticket(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    let config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    let app = spawn_app(config).await;
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &thunderbird_mail(&keys, SECRET_SUBJECT, REPORT, ""),
    )
    .await;
    let notification = first_ticket_mail(stack, STAFF, "the new-ticket notification").await;
    let number = number_in(&notification.subject);
    let ack = first_ticket_mail(stack, REPORTER, "the acknowledgment").await;
    let ack_subject = subject_of(&decrypt_signed_by_desk(&keys, &ack));
    assert!(ack_subject.contains(&number), "{ack_subject}");

    // Thunderbird's reply: `...` outside again, so the number is only in
    // the protected `Re:` subject and the outer In-Reply-To
    let threading = format!(
        "In-Reply-To: <{id}>\nReferences: <{id}>\n",
        id = ack.message_id
    );
    let reply = thunderbird_mail(&keys, &format!("Re: {ack_subject}"), DETAIL, &threading);
    send_raw(stack, REPORTER, &[DESK], &reply).await;

    wait_for_store("the reply on the ticket as a follow-up", || async {
        ticket_messages(&app.store, &number)
            .await
            .iter()
            .any(|(direction, disposition, from)| {
                direction == "in" && disposition == "follow-up" && from.as_deref() == Some(REPORTER)
            })
    })
    .await;
    // staff read what the reporter added, decrypted
    let follow_up = wait_for_mail(stack, STAFF, "the follow-up notification", |r| {
        r.subject.contains(&number) && r.subject.contains("Follow-up")
    })
    .await;
    assert!(follow_up.body.contains(DETAIL), "{}", follow_up.body);
    assert!(
        follow_up
            .body
            .contains("OpenPGP: encrypted to the desk (PGP/MIME); good signature"),
        "{}",
        follow_up.body
    );
    let counts = app.store.counts().await.unwrap();
    assert_eq!(counts.tickets, 1, "the reply opened a ticket: {counts:?}");
    app.stop().await;
}

/// An `Autocrypt:` header offering the reporter's key (Autocrypt Level 1:
/// the binary key in base64, folded), as a client that signs but does not
/// attach the key sends it.
fn autocrypt(keys: &Keys) -> String {
    let keydata =
        base64::engine::general_purpose::STANDARD.encode(keys.gpg.export_binary(&keys.reporter));
    let folded: Vec<&str> = keydata
        .as_bytes()
        .chunks(72)
        .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
        .collect();
    format!(
        "addr={REPORTER}; prefer-encrypt=mutual; keydata=\n {}",
        folded.join("\n ")
    )
}

/// A PGP/MIME signed mail (RFC 3156 §5): `signed` (a MIME entity with CRLF
/// line ends, which is what the signature covers, byte for byte) and the
/// armored detached `signature` over it.
fn pgp_signed_mail(subject: &str, signed: &str, signature: &str) -> String {
    format!(
        "From: {REPORTER_UID}\r\nTo: <{DESK}>\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\n\
         Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/signed; micalg=pgp-sha256;\r\n \
         protocol=\"application/pgp-signature\";\r\n \
         boundary=\"------------sig0123456789\"\r\n\r\n\
         This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\r\n\
         --------------sig0123456789\r\n\
         {signed}\r\n\
         --------------sig0123456789\r\n\
         Content-Type: application/pgp-signature; name=\"OpenPGP_signature.asc\"\r\n\
         Content-Description: OpenPGP digital signature\r\n\
         Content-Disposition: attachment; filename=\"OpenPGP_signature.asc\"\r\n\r\n\
         {signature}\r\n\
         --------------sig0123456789--\r\n",
        id = message_id(),
    )
}

/// What Thunderbird signs: the report with the reporter's key attached (the
/// same entity it would encrypt), and gpg's signature over it.
fn signed_report(keys: &Keys, subject: &str) -> (String, String) {
    let signed = thunderbird_plaintext(subject, REPORT, &keys.gpg.export(&keys.reporter));
    // the delimiter's CRLF before the next boundary is not part of the
    // signed entity (RFC 2046 §5.1.1): the entity must end in its own
    assert!(signed.ends_with("--\r\n"), "{signed}");
    let signature = keys.gpg.detach_sign(signed.as_bytes(), &keys.reporter);
    (signed, signature)
}

async fn signed_reports_open_tickets_and_their_good_signatures_are_kept(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    let config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    let app = spawn_app(config.clone()).await;

    // inline: the body clear-signed, the key in an Autocrypt header
    let inline_subject = "Clear-signed report";
    let clearsigned = keys.gpg.clearsign(REPORT, &keys.reporter);
    Mail::new(REPORTER, inline_subject, &clearsigned)
        .header("Autocrypt", autocrypt(&keys))
        .send(stack)
        .await;
    // PGP/MIME: multipart/signed, the key attached inside the signed part
    let mime_subject = "PGP/MIME signed report";
    let (signed, signature) = signed_report(&keys, mime_subject);
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_signed_mail(mime_subject, &signed, &signature),
    )
    .await;

    for (subject, form) in [(inline_subject, "inline"), (mime_subject, "mime")] {
        let (number, notification) = notified(stack, subject).await;
        assert_extracted(&app, &number).await;
        let pgp = stored_pgp(&config, &number).await;
        assert_eq!(pgp["encrypted"], false, "{subject}: {pgp:#}");
        assert_eq!(pgp["form"], form, "{subject}: {pgp:#}");
        assert_eq!(pgp["signature"]["status"], "good", "{subject}: {pgp:#}");
        assert_eq!(
            pgp["signature"]["fingerprint"],
            keys.reporter.as_str(),
            "{subject}: {pgp:#}"
        );
        assert!(
            notification
                .body
                .contains("OpenPGP: signed, not encrypted (")
                && notification.body.contains("); good signature by "),
            "{}",
            notification.body
        );
    }
    assert_eq!(app.store.counts().await.unwrap().tickets, 2);
    app.stop().await;
}

async fn a_signed_report_altered_after_signing_is_opened_with_a_bad_signature(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    let config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    let app = spawn_app(config.clone()).await;

    let subject = "Signed report, altered on the way";
    let (signed, signature) = signed_report(&keys, subject);
    // one word of the signed part changed after gpg signed it
    let altered = signed.replacen("Regards", "Cheers", 1);
    assert_ne!(altered, signed);
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_signed_mail(subject, &altered, &signature),
    )
    .await;

    // reporters are never refused: the ticket is opened, and flagged
    let (number, notification) = notified(stack, subject).await;
    assert_extracted(&app, &number).await;
    let pgp = stored_pgp(&config, &number).await;
    assert_eq!(pgp["encrypted"], false, "{pgp:#}");
    assert_eq!(pgp["form"], "mime", "{pgp:#}");
    assert_eq!(pgp["signature"]["status"], "bad", "{pgp:#}");
    assert!(
        !pgp["signature"]["reason"]
            .as_str()
            .unwrap_or_default()
            .is_empty(),
        "{pgp:#}"
    );
    assert!(
        notification
            .body
            .contains("OpenPGP: signed, not encrypted (PGP/MIME); BAD SIGNATURE: "),
        "{}",
        notification.body
    );
    app.stop().await;
}

/// GnuPG's clock for a key that has expired since: made on 1 January 2020,
/// valid for a year, and the report signed on 1 June 2020, while it was.
const KEY_MADE_AT: &str = "20200101T000000!";
const SIGNED_AT: &str = "20200601T000000!";

async fn a_report_signed_while_the_key_was_valid_is_flagged_expired(stack: &Stack, db: &TestDb) {
    let keys = keys();
    let config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    let app = spawn_app(config.clone()).await;

    // a GnuPG of its own: the reporter of `keys` has a key that never expires
    let gpg = Gpg::new();
    let old = gpg.generate_key_with(REPORTER_UID, "1y", &["--faked-system-time", KEY_MADE_AT]);
    gpg.import(&keys.desk.public_armored().expect("the desk's public key"));
    let plaintext = thunderbird_plaintext(SECRET_SUBJECT, REPORT, &gpg.export(&old));
    // in June 2020 the desk's key (made today) did not exist yet, and gpg
    // refuses to encrypt to a key made "in the future" unless told to
    // accept it; the signature is what this is about
    let faked = [
        "--faked-system-time",
        SIGNED_AT,
        "--ignore-time-conflict",
        "--ignore-valid-from",
    ];
    let armored = gpg.encrypt_and_sign_with(
        &faked,
        plaintext.as_bytes(),
        &[&keys.desk.fingerprint()],
        &old,
    );
    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &pgp_mime_mail(&message_id(), "", &armored),
    )
    .await;

    // flagged, not refused: the ticket is opened from the decrypted text
    let notification = first_ticket_mail(stack, STAFF, "the new-ticket notification").await;
    let number = number_in(&notification.subject);
    assert!(
        notification.body.contains(&format!(
            "OpenPGP: encrypted to the desk (PGP/MIME); EXPIRED signature or key ({old})"
        )),
        "{}",
        notification.body
    );
    assert_extracted(&app, &number).await;
    let pgp = stored_pgp(&config, &number).await;
    assert_eq!(pgp["encrypted"], true, "{pgp:#}");
    assert_eq!(pgp["signature"]["status"], "expired", "{pgp:#}");
    assert_eq!(pgp["signature"]["fingerprint"], old.as_str(), "{pgp:#}");
    app.stop().await;
}

async fn staff_copies_are_encrypted_to_the_staff_key_when_asked(stack: &Stack, db: &TestDb) {
    let keys = keys();
    // the staff member's own GnuPG, and their public key in the desk's
    // keyring file
    let staff = Gpg::new();
    let staff_key = staff.generate_key("Sam Staff <staff@example.test>");
    staff.import(&keys.desk.public_armored().expect("the desk's public key"));
    let keyring = keys.dir.path().join("keyring.asc");
    std::fs::write(&keyring, staff.export(&staff_key)).expect("write the keyring");
    let pgp_extra = format!(
        "keyring_file = \"{}\"\nencrypt_staff_copies = true",
        keyring.display()
    );
    let config = pgp_config_with(stack, db, &keys.key_file, NO_STAFF_AUTH, &pgp_extra);
    assert!(config.pgp.encrypt_staff_copies);
    let app = spawn_app(config).await;

    send_raw(
        stack,
        REPORTER,
        &[DESK],
        &thunderbird_mail(&keys, SECRET_SUBJECT, REPORT, ""),
    )
    .await;

    // the notification is PGP/MIME, its outside says only the number
    let notification = first_ticket_mail(stack, STAFF, "the new-ticket notification").await;
    let number = number_in(&notification.subject);
    assert!(
        !notification.subject.contains(SECRET_SUBJECT),
        "{}",
        notification.subject
    );
    let raw = String::from_utf8_lossy(&notification.raw);
    for word in REPORT_WORDS {
        assert!(
            !raw.contains(word),
            "{word:?} in clear in the staff copy:\n{raw}"
        );
    }
    // and the staff's gpg reads it, signed by the desk
    let inside = decrypt_signed_by(&staff, &keys.desk, &notification);
    assert!(inside.contains(CVE), "{inside}");
    let inner_subject = subject_of(&inside);
    assert!(
        inner_subject.contains(&number) && inner_subject.contains(SECRET_SUBJECT),
        "{inside}"
    );
    app.stop().await;
}

/// The random proof of concept in [`big_encrypted_report`].
const BIG_POC_BYTES: u64 = 21_000_000;

/// An encrypted, signed report with a 21 MB proof of concept attached:
/// random bytes, base64 in the plaintext, encrypted uncompressed (random
/// data would not shrink; gpg is quicker without trying). Real ciphertext
/// of ~29 MB, ~39 MB once armored: over the default 25 MiB message limit,
/// under the 50 MB the stack's Postfix accepts. The mail, and the SHA-256
/// (hex) of the proof of concept.
fn big_encrypted_report(keys: &Keys, subject: &str) -> (String, String) {
    let mut poc = Vec::new();
    std::fs::File::open("/dev/urandom")
        .expect("open /dev/urandom")
        .take(BIG_POC_BYTES)
        .read_to_end(&mut poc)
        .expect("read random bytes");
    let sha256 = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&poc))
    };
    let encoded = base64::engine::general_purpose::STANDARD.encode(&poc);
    let mut attachment = String::with_capacity(encoded.len() / 76 * 78 + 80);
    for line in encoded.as_bytes().chunks(76) {
        attachment.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        attachment.push_str("\r\n");
    }
    let head = format!(
        "Content-Type: multipart/mixed; boundary=\"------------big0123456789\";\n \
         protected-headers=\"v1\"\n\
         Subject: {subject}\nFrom: {REPORTER_UID}\nTo: <{DESK}>\n\n\
         --------------big0123456789\n\
         Content-Type: text/plain; charset=UTF-8\n\n\
         {REPORT}\n\n\
         --------------big0123456789\n\
         Content-Type: application/octet-stream; name=\"poc.bin\"\n\
         Content-Disposition: attachment; filename=\"poc.bin\"\n\
         Content-Transfer-Encoding: base64\n\n"
    )
    .replace('\n', "\r\n");
    let plaintext = [
        head.as_bytes(),
        attachment.as_bytes(),
        b"--------------big0123456789--\r\n",
    ]
    .concat();
    let armored = keys.gpg.encrypt_and_sign_with(
        &["--compress-algo", "none"],
        &plaintext,
        &[&keys.desk.fingerprint()],
        &keys.reporter,
    );
    let mail = pgp_mime_mail(&message_id(), "", &armored);
    assert!(
        (35_000_000..45_000_000).contains(&mail.len()),
        "{} bytes",
        mail.len()
    );
    (mail, sha256)
}

/// The reporter's "Not processed" notices.
fn quarantine_notices(mails: &[Received]) -> Vec<&Received> {
    mails
        .iter()
        .filter(|r| r.subject.starts_with("Not processed"))
        .collect()
}

async fn a_40_mb_encrypted_report_is_quarantined_as_too_large_and_the_desk_goes_on(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    let config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    let limit = config.limits.max_message_bytes;
    assert_eq!(limit, 25 * 1024 * 1024, "the default limit");
    let app = spawn_app(config).await;

    let (mail, _) = big_encrypted_report(&keys, SECRET_SUBJECT);
    send_raw(stack, REPORTER, &[DESK], &mail).await;
    let delivered = Instant::now();
    wait_for_store("the big mail quarantined", || async {
        !quarantined(&app).await.is_empty()
    })
    .await;
    let took = delivered.elapsed();
    let kept = quarantined(&app).await;
    assert_eq!(kept.len(), 1, "{kept:#?}");
    // over the limit, the desk fetched its header only: the reason is the
    // size, not the OpenPGP it never read
    let reason = kept[0].reason.clone().unwrap_or_default();
    assert!(
        reason.contains(&format!(
            "the limit is {limit} bytes (limits.max_message_bytes)"
        )),
        "{reason}"
    );
    assert_eq!(kept[0].from.as_deref(), Some(REPORTER));
    assert_eq!(app.store.counts().await.unwrap().tickets, 0);
    let mails = wait_for_inbox(stack, REPORTER, "the quarantine notice", |m| {
        !quarantine_notices(m).is_empty()
    })
    .await;
    let notice = quarantine_notices(&mails)[0];
    assert!(
        notice
            .body
            .contains("the desk accepts messages of up to 25 MB"),
        "{}",
        notice.body
    );

    // the desk is still up and reading
    let opened = open_ticket_with(stack, REPORTER, "A clear report afterwards", REPORT).await;
    assert_extracted(&app, &opened.number).await;
    assert_eq!(app.store.counts().await.unwrap().tickets, 1);
    app.stop().await;
    eprintln!("the 40 MB mail was quarantined {took:?} after Postfix took it");
}

async fn a_40_mb_encrypted_report_under_a_raised_limit_is_handled_in_time(
    stack: &Stack,
    db: &TestDb,
) {
    let keys = keys();
    let mut config = pgp_config(stack, db, &keys.key_file, NO_STAFF_AUTH);
    // room for the whole mail: the desk now fetches it, decrypts 29 MB and
    // parses what it decrypted, all on one mail's CPU budget
    config.limits.max_message_bytes = 48 * 1024 * 1024;
    let app = spawn_app(config.clone()).await;

    let (mail, poc_sha256) = big_encrypted_report(&keys, SECRET_SUBJECT);
    send_raw(stack, REPORTER, &[DESK], &mail).await;
    let delivered = Instant::now();
    wait_for_store("the big mail handled: a ticket, or quarantined", || async {
        app.store.counts().await.unwrap().tickets > 0 || !quarantined(&app).await.is_empty()
    })
    .await;
    let took = delivered.elapsed();
    let kept = quarantined(&app).await;
    let outcome = if let Some(kept) = kept.first() {
        // a reason staff can act on, and the reporter is told
        let reason = kept.reason.clone().unwrap_or_default();
        assert!(!reason.is_empty(), "{kept:#?}");
        wait_for_inbox(stack, REPORTER, "the quarantine notice", |m| {
            !quarantine_notices(m).is_empty()
        })
        .await;
        format!("quarantined: {reason}")
    } else {
        // read: the ticket holds the report and the decrypted proof of
        // concept, byte for byte; the reporter has the ack
        let notification = first_ticket_mail(stack, STAFF, "the new-ticket notification").await;
        let number = number_in(&notification.subject);
        let ticket = assert_extracted(&app, &number).await;
        let poc = ticket
            .messages
            .iter()
            .flat_map(|m| &m.attachments)
            .find(|a| a.name.as_deref() == Some("poc.bin"))
            .unwrap_or_else(|| panic!("no poc.bin on the ticket: {ticket:#?}"));
        assert_eq!(poc.size, BIG_POC_BYTES as i64, "{poc:#?}");
        assert_eq!(poc.sha256, poc_sha256, "{poc:#?}");
        first_ticket_mail(stack, REPORTER, "the acknowledgment").await;
        format!("ticket {number}")
    };

    // the desk is still up and reading
    let opened = open_ticket_with(stack, REPORTER, "A clear report afterwards", REPORT).await;
    assert_extracted(&app, &opened.number).await;
    app.stop().await;
    eprintln!("the 40 MB mail under a 48 MiB limit, {took:?} after Postfix took it: {outcome}");
}
