//! [`Secret`]: a password or database URL that never shows in `Debug`
//! output or logs. Its own module at the bottom of the layers: the config
//! reads secrets, and the store is handed one.

use std::fmt;

use serde::Deserialize;

/// A secret (password) that never shows up in `Debug` output or logs.
#[derive(Clone, Deserialize, PartialEq, Eq, Default)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}
