//! The checks validation shares. Each records its problem under the key and
//! returns a stand-in, so every key is checked; the stand-ins are never seen
//! because any problem makes the whole load fail.

use super::ConfigError;

pub(super) struct Check {
    pub(super) errors: Vec<ConfigError>,
}

impl Check {
    pub(super) fn error(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ConfigError {
            key: key.into(),
            message: message.into(),
        });
    }

    /// `value` (or `default`) if it lies in `min..=max` and fits `T`.
    pub(super) fn number<T: TryFrom<i64> + Copy>(
        &mut self,
        key: &str,
        value: Option<i64>,
        default: T,
        min: i64,
        max: Option<(i64, &str)>,
    ) -> T {
        let Some(value) = value else {
            return default;
        };
        let in_range = value >= min && max.is_none_or(|(max, _)| value <= max);
        match (in_range, T::try_from(value)) {
            (true, Ok(n)) => n,
            (true, Err(_)) => {
                self.error(key, format!("{value} is too large"));
                default
            }
            (false, _) => {
                let message = match max {
                    Some((max, why)) => format!("must be {min}-{max}{why}, got {value}"),
                    None => format!("must be at least {min}, got {value}"),
                };
                self.error(key, message);
                default
            }
        }
    }

    /// A non-empty string, or an error saying what it is for.
    pub(super) fn required(&mut self, key: &str, value: Option<String>, missing: &str) -> String {
        match value {
            Some(value) if !value.trim().is_empty() => value,
            Some(_) => {
                self.error(key, format!("is empty; {missing}"));
                String::new()
            }
            None => {
                self.error(key, format!("missing; {missing}"));
                String::new()
            }
        }
    }
}

/// Empty means unset, so an environment variable can clear a file's value.
pub(super) fn optional(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}
