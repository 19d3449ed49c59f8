//! Keys: the desk's own secret key, the public keys it knows, and the keys a
//! mail offers.

use std::fmt;
use std::time::{Duration, SystemTime};

use sequoia_openpgp as openpgp;

use openpgp::cert::amalgamation::key::PrimaryKey;
use openpgp::cert::prelude::{CertBuilder, CertParser, CipherSuite};
use openpgp::crypto::{KeyPair, Password};
use openpgp::packet::{Packet, UserID};
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::types::KeyFlags;
use openpgp::{Cert, KeyHandle};

use super::POLICY;
use super::PgpError;
use super::mime;
use crate::message::normalize_address;

/// How long a generated desk key is valid. Two years: long enough not to be
/// a chore, short enough that a lost key stops being offered to reporters.
const DESK_KEY_VALIDITY: Duration = Duration::from_secs(2 * 365 * 24 * 60 * 60);

/// Certificates taken from one mail at most; more is not a reporter
/// offering a key.
const MAX_KEYS_PER_MAIL: usize = 16;

/// A key attachment or `keydata` larger than this is not read (a large RSA
/// certificate with many signatures is ~100 KB).
const MAX_KEY_BYTES: usize = 1024 * 1024;

const PUBLIC_KEY_ARMOR: &[u8] = b"-----BEGIN PGP PUBLIC KEY BLOCK-----";
const PUBLIC_KEY_ARMOR_END: &[u8] = b"-----END PGP PUBLIC KEY BLOCK-----";

/// The desk's own key: a certificate with its secret key material, held
/// decrypted in memory (sequoia keeps it encrypted with a session key
/// between uses).
#[derive(Clone)]
pub struct DeskKey {
    cert: Cert,
}

impl fmt::Debug for DeskKey {
    /// The fingerprint only: secret keys have no business in a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeskKey")
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

impl DeskKey {
    /// A new key for `user_id` (`Security Desk <security@example.org>`):
    /// Ed25519 primary key for certification, an Ed25519 signing subkey and
    /// a Cv25519 encryption subkey, valid for two years.
    pub fn generate(user_id: &str) -> Result<DeskKey, PgpError> {
        let user_id = UserID::from(user_id);
        if user_id.email_normalized().ok().flatten().is_none() {
            return Err(PgpError::InvalidKey(format!(
                "the user id {:?} has no mail address; reporters look keys up by address",
                String::from_utf8_lossy(user_id.value())
            )));
        }
        let (cert, _revocation) = CertBuilder::new()
            .set_cipher_suite(CipherSuite::Cv25519)
            .set_primary_key_flags(KeyFlags::empty().set_certification())
            .set_validity_period(DESK_KEY_VALIDITY)
            .add_userid(user_id)
            .add_signing_subkey()
            .add_subkey(
                KeyFlags::empty()
                    .set_transport_encryption()
                    .set_storage_encryption(),
                None,
                None,
            )
            .generate()
            .map_err(|e| PgpError::Internal(format!("cannot generate a key: {e}")))?;
        Ok(DeskKey { cert })
    }

    /// Reads a secret key (armored or binary). Secret key material protected
    /// by a passphrase is decrypted with `passphrase`.
    pub fn from_armored(bytes: &[u8], passphrase: Option<&str>) -> Result<DeskKey, PgpError> {
        let cert = Cert::from_bytes(bytes).map_err(|e| PgpError::InvalidKey(e.to_string()))?;
        if !cert.is_tsk() {
            return Err(PgpError::NoKey(
                "the file holds a public key only; the desk needs its secret key".to_string(),
            ));
        }
        let password = passphrase.map(|p| Password::from(p.as_bytes()));
        let mut decrypted: Vec<Packet> = Vec::new();
        for ka in cert.keys().secret() {
            if !ka.key().secret().is_encrypted() {
                continue;
            }
            let Some(password) = &password else {
                return Err(PgpError::PassphraseRequired);
            };
            let key = ka
                .key()
                .clone()
                .decrypt_secret(password)
                .map_err(|_| PgpError::BadPassphrase)?;
            decrypted.push(if ka.primary() {
                key.role_into_primary().into()
            } else {
                key.role_into_subordinate().into()
            });
        }
        let (cert, _) = cert
            .insert_packets(decrypted)
            .map_err(|e| PgpError::InvalidKey(e.to_string()))?;
        Ok(DeskKey { cert })
    }

    /// The secret key, armored, its secret key material encrypted with
    /// `passphrase` when one is given.
    pub fn to_armored_secret(&self, passphrase: Option<&str>) -> Result<String, PgpError> {
        let cert = match passphrase {
            None => self.cert.clone(),
            Some(passphrase) => {
                let password = Password::from(passphrase.as_bytes());
                let mut encrypted: Vec<Packet> = Vec::new();
                for ka in self.cert.keys().secret() {
                    let key =
                        ka.key().clone().encrypt_secret(&password).map_err(|e| {
                            PgpError::Internal(format!("cannot encrypt the key: {e}"))
                        })?;
                    encrypted.push(if ka.primary() {
                        key.role_into_primary().into()
                    } else {
                        key.role_into_subordinate().into()
                    });
                }
                self.cert
                    .clone()
                    .insert_packets(encrypted)
                    .map_err(|e| PgpError::Internal(e.to_string()))?
                    .0
            }
        };
        armored(cert.as_tsk().armored().to_vec())
    }

    /// The public key, armored: what reporters fetch.
    pub fn public_armored(&self) -> Result<String, PgpError> {
        armored(self.cert.armored().to_vec())
    }

    /// The primary key's fingerprint, upper-case hex without spaces.
    pub fn fingerprint(&self) -> String {
        self.cert.fingerprint().to_hex()
    }

    /// The public half, for a [`Keyring`] or for comparing.
    pub fn public_cert(&self) -> Cert {
        self.cert.clone().strip_secret_key_material()
    }

    /// Whether the key can sign and decrypt at `now` (not expired, not
    /// revoked); the daemon checks this at start and warns before expiry.
    pub fn check_usable(&self, now: SystemTime) -> Result<(), PgpError> {
        self.signing_keypair(now)?;
        let valid = self
            .cert
            .with_policy(&POLICY, now)
            .map_err(|e| PgpError::NoKey(e.to_string()))?;
        if valid
            .keys()
            .alive()
            .revoked(false)
            .for_transport_encryption()
            .for_storage_encryption()
            .next()
            .is_none()
        {
            return Err(PgpError::NoKey(
                "it has no valid encryption subkey now".to_string(),
            ));
        }
        Ok(())
    }

    /// When the key stops being valid, if it ever does.
    pub fn expires_at(&self, now: SystemTime) -> Option<SystemTime> {
        self.cert
            .with_policy(&POLICY, now)
            .ok()
            .and_then(|valid| valid.primary_key().key_expiration_time())
    }

    /// The RFC 9116 `security.txt` lines that point reporters at this key.
    /// `contact` is an address (`mailto:` is added) or a URI; `expires` is
    /// the RFC 3339 time the file stops being valid, from the caller's clock
    /// (RFC 9116 advises less than a year ahead).
    pub fn security_txt_snippet(
        &self,
        public_key_url: &str,
        contact: &str,
        expires: &str,
    ) -> String {
        security_txt_snippet(public_key_url, contact, expires, &self.fingerprint())
    }

    pub(super) fn cert(&self) -> &Cert {
        &self.cert
    }

    /// Every secret encryption subkey bound at `now`, expired ones included:
    /// old mail stays readable.
    pub(super) fn decryption_keypairs(&self, now: SystemTime) -> Vec<(KeyHandle, KeyPair)> {
        let Ok(valid) = self.cert.with_policy(&POLICY, now) else {
            return Vec::new();
        };
        valid
            .keys()
            .secret()
            .for_transport_encryption()
            .for_storage_encryption()
            .filter_map(|ka| {
                let handle = ka.key().key_handle();
                ka.key()
                    .clone()
                    .into_keypair()
                    .ok()
                    .map(|pair| (handle, pair))
            })
            .collect()
    }

    /// The key that signs what the desk sends at `now`.
    pub(super) fn signing_keypair(&self, now: SystemTime) -> Result<KeyPair, PgpError> {
        let valid = self
            .cert
            .with_policy(&POLICY, now)
            .map_err(|e| PgpError::NoKey(e.to_string()))?;
        valid
            .keys()
            .secret()
            .alive()
            .revoked(false)
            .for_signing()
            .find_map(|ka| ka.key().clone().into_keypair().ok())
            .ok_or_else(|| PgpError::NoKey("it has no valid signing subkey now".to_string()))
    }
}

fn armored(bytes: openpgp::Result<Vec<u8>>) -> Result<String, PgpError> {
    let bytes = bytes.map_err(|e| PgpError::Internal(format!("cannot armor the key: {e}")))?;
    String::from_utf8(bytes).map_err(|e| PgpError::Internal(e.to_string()))
}

/// The `security.txt` lines; a `#` comment carries the fingerprint so a
/// reporter can check the key they fetched. Line breaks in the inputs are
/// dropped: they would start fields of their own.
fn security_txt_snippet(
    public_key_url: &str,
    contact: &str,
    expires: &str,
    fingerprint: &str,
) -> String {
    let one_line = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .to_string()
    };
    let contact = one_line(contact);
    let contact =
        if contact.contains(':') && !contact.contains('@') || contact.starts_with("mailto:") {
            contact
        } else {
            format!("mailto:{contact}")
        };
    format!(
        "Contact: {contact}\nEncryption: {}\n# OpenPGP key fingerprint: {}\nExpires: {}\n",
        one_line(public_key_url),
        one_line(fingerprint),
        one_line(expires)
    )
}

/// Public keys of others: reporters, staff, partners.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    certs: Vec<Cert>,
}

impl Keyring {
    pub fn new() -> Keyring {
        Keyring::default()
    }

    /// Reads a file of certificates: armored blocks one after the other,
    /// or binary. Any unreadable certificate fails the whole file: it is
    /// configuration, and a key silently missing would be worse.
    pub fn from_armored(bytes: &[u8]) -> Result<Keyring, PgpError> {
        let (certs, errors) = parse_certs(bytes, usize::MAX);
        if let Some(error) = errors.first() {
            return Err(PgpError::InvalidKey(error.clone()));
        }
        let mut keyring = Keyring::new();
        for cert in certs {
            keyring.add(cert);
        }
        Ok(keyring)
    }

    /// Adds a certificate (its public half), merged with the one already
    /// there under the same fingerprint so new subkeys and revocations are
    /// kept.
    pub fn add(&mut self, cert: Cert) {
        let cert = cert.strip_secret_key_material();
        match self
            .certs
            .iter()
            .position(|c| c.fingerprint() == cert.fingerprint())
        {
            Some(i) => {
                let old = self.certs.swap_remove(i);
                let merged = old.clone().merge_public(cert).unwrap_or(old);
                self.certs.push(merged);
            }
            None => self.certs.push(cert),
        }
    }

    pub fn len(&self) -> usize {
        self.certs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Cert> {
        self.certs.iter()
    }

    /// Certificates with a User ID for `address` (case-insensitive). Only a
    /// claim: anybody can put any address in a User ID.
    pub fn by_address(&self, address: &str) -> Vec<&Cert> {
        let address = normalize_address(address);
        self.certs
            .iter()
            .filter(|cert| has_address(cert, &address))
            .collect()
    }

    /// The certificate with a primary key or subkey of this key id or
    /// fingerprint (hex, spaces allowed).
    pub fn by_key_id(&self, id: &str) -> Option<&Cert> {
        let compact: String = id.chars().filter(|c| !c.is_whitespace()).collect();
        let handle: KeyHandle = compact.parse().ok()?;
        self.by_handle(&handle)
    }

    pub fn by_handle(&self, handle: &KeyHandle) -> Option<&Cert> {
        self.certs
            .iter()
            .find(|cert| cert.keys().key_handle(handle.clone()).next().is_some())
    }

    /// Copies of the certificates that hold any of `handles`.
    pub(super) fn certs_for(&self, handles: &[KeyHandle]) -> Vec<Cert> {
        self.certs
            .iter()
            .filter(|cert| {
                handles
                    .iter()
                    .any(|h| cert.keys().key_handle(h.clone()).next().is_some())
            })
            .cloned()
            .collect()
    }
}

/// Whether a User ID of `cert` has the (normalised) `address`. Any User ID
/// counts, bound or not: this is a lookup of a claim, not a check of it.
fn has_address(cert: &Cert, address: &str) -> bool {
    cert.userids().any(|u| {
        u.userid()
            .email_normalized()
            .ok()
            .flatten()
            .is_some_and(|e| normalize_address(&e) == address)
    })
}

/// Certificates in `bytes` (armored blocks anywhere in a text, or binary),
/// at most `max`, and what could not be read. Each armored block is read on
/// its own: sequoia's armor reader stops at the end of the first.
fn parse_certs(bytes: &[u8], max: usize) -> (Vec<Cert>, Vec<String>) {
    let blocks = armored_blocks(bytes);
    let inputs: Vec<&[u8]> = if blocks.is_empty() {
        vec![bytes]
    } else {
        blocks
    };
    let mut certs = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match CertParser::from_bytes(input) {
            Ok(parser) => {
                for cert in parser {
                    match cert {
                        Ok(cert) if certs.len() < max => certs.push(cert),
                        Ok(_) => return (certs, errors),
                        Err(e) => errors.push(e.to_string()),
                    }
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    (certs, errors)
}

/// The public-key armor blocks in a text, each from its BEGIN line to the
/// end of its END line.
fn armored_blocks(text: &[u8]) -> Vec<&[u8]> {
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(begin) = find(&text[from..], PUBLIC_KEY_ARMOR).map(|i| from + i) {
        let Some(end) = find(&text[begin..], PUBLIC_KEY_ARMOR_END)
            .map(|i| begin + i + PUBLIC_KEY_ARMOR_END.len())
        else {
            break;
        };
        blocks.push(&text[begin..end]);
        from = end;
    }
    blocks
}

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A public certificate as ASCII armor, secret material never included:
/// how the desk stores a key a reporter offered.
pub fn armored_public(cert: &Cert) -> Result<String, PgpError> {
    armored(cert.clone().strip_secret_key_material().armored().to_vec())
}

/// A single public certificate read back from [`armored_public`]'s form.
pub fn cert_from_armored(text: &str) -> Result<Cert, PgpError> {
    Cert::from_bytes(text.as_bytes()).map_err(|e| PgpError::InvalidKey(e.to_string()))
}

/// The public keys a mail offers: `application/pgp-keys` parts, armored
/// public keys in any other part (pasted into the text, attached as `.asc`),
/// and the `Autocrypt:` header when its `addr` is `from` (the mail's From
/// address) and the key has a User ID for it. Keys in forwarded messages are
/// not the sender's and are not looked at. Secret key material is dropped.
///
/// Nothing here is verified: a mail can carry anybody's key. The caller
/// decides what to trust (e.g. an Autocrypt key for a reporter's address
/// until a signed mail says otherwise).
pub fn keys_in_mail(raw: &[u8], from: &str) -> Vec<Cert> {
    let mut found: Vec<Cert> = Vec::new();
    let keep = |cert: Cert, found: &mut Vec<Cert>| {
        let cert = cert.strip_secret_key_material();
        if found.len() < MAX_KEYS_PER_MAIL
            && !found.iter().any(|c| c.fingerprint() == cert.fingerprint())
        {
            found.push(cert);
        }
    };
    let top = mime::split_entity(raw);
    if let Some(cert) = autocrypt_key(&mime::fields(top.header), from) {
        keep(cert, &mut found);
    }
    for leaf in mime::leaves(raw) {
        let ct = &leaf.view.content_type;
        let declared = ct.is("application/pgp-keys");
        if !declared && (ct.is("text/html") || ct.mime.starts_with("message/")) {
            continue;
        }
        if leaf.entity.body.len() > MAX_KEY_BYTES * 2 {
            continue;
        }
        let Ok(body) = mime::decode_body(leaf.entity.body, leaf.view.transfer_encoding.as_deref())
        else {
            continue;
        };
        if body.len() > MAX_KEY_BYTES || !(declared || find(&body, PUBLIC_KEY_ARMOR).is_some()) {
            continue;
        }
        for cert in parse_certs(&body, MAX_KEYS_PER_MAIL).0 {
            keep(cert, &mut found);
        }
    }
    found
}

/// The key of the mail's Autocrypt header (Autocrypt Level 1, §2.1): taken
/// only when there is exactly one header for `from`, it has no unknown
/// critical attribute, and the key has a User ID for the address.
fn autocrypt_key(fields: &[mime::Field<'_>], from: &str) -> Option<Cert> {
    let from = normalize_address(from);
    let mut candidates = fields
        .iter()
        .filter(|f| f.is("Autocrypt"))
        .filter_map(|f| autocrypt_attributes(&f.value()))
        .filter(|(addr, _)| normalize_address(addr) == from);
    let (_, keydata) = candidates.next()?;
    if candidates.next().is_some() {
        return None;
    }
    let compact: Vec<u8> = keydata
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if compact.len() > MAX_KEY_BYTES * 2 {
        return None;
    }
    let bytes = mail_parser::decoders::base64::base64_decode(&compact)?;
    let cert = Cert::from_bytes(&bytes).ok()?;
    has_address(&cert, &from).then_some(cert)
}

/// `addr` and `keydata` of an Autocrypt header value; `None` when either is
/// missing or an attribute is unknown and not optional (`_` prefix).
fn autocrypt_attributes(value: &str) -> Option<(String, String)> {
    let mut addr = None;
    let mut keydata = None;
    for attribute in value.split(';') {
        let (name, value) = attribute.split_once('=')?;
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim();
        match name.as_str() {
            "addr" => addr = Some(value.to_string()),
            "keydata" => keydata = Some(value.to_string()),
            "prefer-encrypt" => {}
            _ if name.starts_with('_') => {}
            _ => return None,
        }
    }
    Some((addr?, keydata?))
}
