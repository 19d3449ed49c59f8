//! A mail client in miniature, for the tests: what a reporter's Thunderbird
//! or GnuPG sends the desk, and what a reporter does with the desk's mail.
//! It uses sequoia directly, not the code under test.

use std::io::{Read, Write};

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::{CertBuilder, CipherSuite};
use openpgp::crypto::SessionKey;
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::Parse;
use openpgp::parse::stream::{
    DecryptionHelper, DecryptorBuilder, MessageLayer, MessageStructure, VerificationHelper,
};
use openpgp::policy::StandardPolicy;
use openpgp::serialize::stream::{Armorer, Compressor, Encryptor, LiteralWriter, Message, Signer};
use openpgp::types::{CompressionAlgorithm, SymmetricAlgorithm};
use openpgp::{Cert, KeyHandle};

static POLICY: StandardPolicy<'static> = StandardPolicy::new();

/// A correspondent's key pair, as their client made it.
pub fn person(user_id: &str) -> Cert {
    CertBuilder::general_purpose([user_id])
        .set_cipher_suite(CipherSuite::Cv25519)
        .generate()
        .expect("generate a key")
        .0
}

/// A correspondent's key that expires `validity` after its creation.
pub fn person_valid_for(user_id: &str, validity: std::time::Duration) -> Cert {
    CertBuilder::general_purpose([user_id])
        .set_cipher_suite(CipherSuite::Cv25519)
        .set_validity_period(validity)
        .generate()
        .expect("generate a key")
        .0
}

/// `plaintext` encrypted to `to` (and signed by `signer`), armored.
pub fn encrypt(plaintext: &[u8], to: &Cert, signer: Option<&Cert>) -> Vec<u8> {
    encrypt_with(plaintext, to, signer, false)
}

/// Like [`encrypt`], compressed first: how a compression bomb is made.
pub fn encrypt_compressed(plaintext: &[u8], to: &Cert) -> Vec<u8> {
    encrypt_with(plaintext, to, None, true)
}

fn encrypt_with(plaintext: &[u8], to: &Cert, signer: Option<&Cert>, compress: bool) -> Vec<u8> {
    let mut sink = Vec::new();
    let recipients = to
        .keys()
        .with_policy(&POLICY, None)
        .supported()
        .alive()
        .revoked(false)
        .for_transport_encryption();
    let message = Message::new(&mut sink);
    let message = Armorer::new(message).build().expect("armor");
    let mut message = Encryptor::for_recipients(message, recipients)
        .build()
        .expect("encrypt");
    if compress {
        message = Compressor::new(message)
            .algo(CompressionAlgorithm::Zip)
            .build()
            .expect("compress");
    }
    if let Some(signer) = signer {
        message = Signer::new(message, signing_pair(signer))
            .expect("signer")
            .build()
            .expect("sign");
    }
    let mut message = LiteralWriter::new(message).build().expect("literal");
    message.write_all(plaintext).expect("write");
    message.finalize().expect("finalize");
    sink
}

/// A detached, armored signature over `data`.
pub fn sign_detached(data: &[u8], signer: &Cert) -> Vec<u8> {
    let mut sink = Vec::new();
    let message = Message::new(&mut sink);
    let message = Armorer::new(message)
        .kind(openpgp::armor::Kind::Signature)
        .build()
        .expect("armor");
    let mut message = Signer::new(message, signing_pair(signer))
        .expect("signer")
        .detached()
        .build()
        .expect("sign");
    message.write_all(data).expect("write");
    message.finalize().expect("finalize");
    sink
}

/// `text` in the cleartext signature framework (`-----BEGIN PGP SIGNED
/// MESSAGE-----`).
pub fn clearsign(text: &[u8], signer: &Cert) -> Vec<u8> {
    let mut sink = Vec::new();
    let message = Message::new(&mut sink);
    let mut message = Signer::new(message, signing_pair(signer))
        .expect("signer")
        .cleartext()
        .build()
        .expect("sign");
    message.write_all(text).expect("write");
    message.finalize().expect("finalize");
    sink
}

fn signing_pair(cert: &Cert) -> openpgp::crypto::KeyPair {
    cert.keys()
        .with_policy(&POLICY, None)
        .secret()
        .alive()
        .for_signing()
        .next()
        .expect("a signing key")
        .key()
        .clone()
        .into_keypair()
        .expect("a key pair")
}

/// What `me` reads from an OpenPGP message, and whether `signer` signed it
/// with a good signature.
pub fn decrypt_as(message: &[u8], me: &Cert, signer: &Cert) -> (Vec<u8>, bool) {
    let helper = Reader {
        me: me.clone(),
        signer: signer.clone(),
        good: false,
    };
    let mut decryptor = DecryptorBuilder::from_bytes(message)
        .expect("an OpenPGP message")
        .with_policy(&POLICY, None, helper)
        .expect("decrypts");
    let mut plaintext = Vec::new();
    decryptor.read_to_end(&mut plaintext).expect("reads");
    let good = decryptor.into_helper().good;
    (plaintext, good)
}

struct Reader {
    me: Cert,
    signer: Cert,
    good: bool,
}

impl VerificationHelper for Reader {
    fn get_certs(&mut self, _ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        Ok(vec![self.signer.clone()])
    }

    fn check(&mut self, structure: MessageStructure) -> openpgp::Result<()> {
        self.good = structure.iter().any(|layer| {
            matches!(layer, MessageLayer::SignatureGroup { results }
                if results.iter().any(|r| r.is_ok()))
        });
        Ok(())
    }
}

impl DecryptionHelper for Reader {
    fn decrypt(
        &mut self,
        pkesks: &[PKESK],
        _skesks: &[SKESK],
        sym_algo: Option<SymmetricAlgorithm>,
        decrypt: &mut dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool,
    ) -> openpgp::Result<Option<Cert>> {
        for ka in self
            .me
            .keys()
            .with_policy(&POLICY, None)
            .secret()
            .for_transport_encryption()
        {
            let mut pair = ka.key().clone().into_keypair()?;
            for pkesk in pkesks {
                if pkesk
                    .decrypt(&mut pair, sym_algo)
                    .is_some_and(|(algo, key)| decrypt(algo, &key))
                {
                    return Ok(Some(self.me.clone()));
                }
            }
        }
        Err(openpgp::Error::InvalidOperation("not for me".into()).into())
    }
}

/// A PGP/MIME mail (RFC 3156 §4) as Thunderbird sends it: `...` outside,
/// the ciphertext as the second part.
pub fn pgp_mime_mail(from: &str, to: &str, ciphertext: &[u8]) -> Vec<u8> {
    let mut mail = format!(
        "From: Reporter <{from}>\r\n\
         To: {to}\r\n\
         Subject: ...\r\n\
         Date: Mon, 06 Jan 2025 10:00:00 +0000\r\n\
         Message-ID: <report-1@reporter.example>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/encrypted;\r\n protocol=\"application/pgp-encrypted\";\r\n boundary=\"enc\"\r\n\
         \r\n\
         This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n\
         --enc\r\n\
         Content-Type: application/pgp-encrypted\r\n\
         Content-Description: PGP/MIME version identification\r\n\
         \r\n\
         Version: 1\r\n\
         \r\n\
         --enc\r\n\
         Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\
         Content-Disposition: inline; filename=\"encrypted.asc\"\r\n\
         \r\n"
    )
    .into_bytes();
    mail.extend_from_slice(&crlf(ciphertext));
    mail.extend_from_slice(b"\r\n--enc--\r\n");
    mail
}

/// `text` with CRLF line ends, as mail travels.
pub fn crlf(text: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(text)
        .replace("\r\n", "\n")
        .replace('\n', "\r\n")
        .into_bytes()
}
