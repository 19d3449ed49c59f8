-- OpenPGP keys the desk learned from mail (an attached key, an Autocrypt
-- header), one per address (lower case): mail to that address is encrypted
-- to it. The keyring file of [pgp] is read at start and not copied here.
CREATE TABLE pgp_keys (
    address TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    armored TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
