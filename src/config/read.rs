//! The key-by-key reader of both layers: each key is taken out of the file's
//! table and out of the `SECDESK_` variables as it is asked for, so whatever
//! is left at the end is unknown and reported, with a suggestion when it
//! looks like a typo.

use std::collections::BTreeMap;

use toml::{Table, Value};

use super::{ConfigError, ENV_PREFIX, SECTIONS, Secret};

/// Both layers as they are consumed: what is left at the end is unknown.
pub(super) struct Reader {
    pub(super) root: Table,
    /// `SECDESK_` variables not yet matched to a key.
    pub(super) env: BTreeMap<String, String>,
    /// Every key asked for, as (section, key), for suggestions.
    pub(super) known: Vec<(&'static str, &'static str)>,
    /// Keys whose value came from a variable, so errors can say which.
    pub(super) from_env: BTreeMap<String, String>,
    pub(super) errors: Vec<ConfigError>,
}

/// The TOML type a key is read as; environment values are parsed to it.
#[derive(Clone, Copy)]
enum Kind {
    String,
    Integer,
    Boolean,
    List,
}

impl Reader {
    /// Reads section `name` with `read`, then reports the keys of the file's
    /// section that `read` did not ask for.
    pub(super) fn read_section<T>(
        &mut self,
        name: &'static str,
        read: impl FnOnce(&mut Section<'_>) -> T,
    ) -> T {
        let mut section = self.section(name);
        let raw = read(&mut section);
        section.finish();
        raw
    }

    fn section(&mut self, name: &'static str) -> Section<'_> {
        let table = match self.root.remove(name) {
            Some(Value::Table(table)) => table,
            Some(other) => {
                self.errors.push(ConfigError {
                    key: name.to_owned(),
                    message: format!("expected a section ([{name}]), got {}", a_type(&other)),
                });
                Table::new()
            }
            None => Table::new(),
        };
        Section {
            name,
            table,
            reader: self,
        }
    }

    /// Keys and variables no section asked for.
    pub(super) fn report_leftovers(&mut self) {
        for name in std::mem::take(&mut self.root)
            .into_iter()
            .map(|(key, _)| key)
        {
            let message = if let Some(section) = suggest(&name, SECTIONS) {
                format!("unknown section (did you mean [{section}]?)")
            } else if let Some((section, key)) = self.known.iter().find(|(_, k)| *k == name) {
                format!("unknown top-level key (did you mean {section}.{key}, under [{section}]?)")
            } else {
                format!("unknown section; the sections are {}", SECTIONS.join(", "))
            };
            self.errors.push(ConfigError { key: name, message });
        }
        let known_vars: Vec<String> = self
            .known
            .iter()
            .map(|(section, key)| env_var_name(section, key))
            .collect();
        for name in std::mem::take(&mut self.env).into_keys() {
            let message = match suggest(&name, known_vars.iter().map(String::as_str)) {
                Some(var) => {
                    format!("environment variable matches no setting (did you mean {var}?)")
                }
                None => "environment variable matches no setting; \
                         SECDESK_<SECTION>_<KEY> sets section.key, e.g. \
                         SECDESK_IMAP_PASSWORD sets imap.password"
                    .to_owned(),
            };
            self.errors.push(ConfigError { key: name, message });
        }
    }
}

/// The TOML type of `value` with its article: "an integer", "a string".
fn a_type(value: &Value) -> String {
    let name = value.type_str();
    let article = if name.starts_with(['a', 'i']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

fn env_var_name(section: &str, key: &str) -> String {
    format!(
        "{ENV_PREFIX}{}_{}",
        section.to_ascii_uppercase(),
        key.to_ascii_uppercase()
    )
}

/// One section being read; each accessor takes the key out of the file table
/// and the environment, so what remains at `finish` is unknown.
pub(super) struct Section<'r> {
    name: &'static str,
    table: Table,
    reader: &'r mut Reader,
}

impl Section<'_> {
    pub(super) fn string(&mut self, key: &'static str) -> Option<String> {
        match self.value(key, Kind::String)? {
            Value::String(s) => Some(s),
            other => self.wrong_type(key, "a string", &other),
        }
    }

    pub(super) fn secret(&mut self, key: &'static str) -> Option<Secret> {
        self.string(key).map(Secret::new)
    }

    pub(super) fn integer(&mut self, key: &'static str) -> Option<i64> {
        match self.value(key, Kind::Integer)? {
            Value::Integer(n) => Some(n),
            other => self.wrong_type(key, "an integer", &other),
        }
    }

    pub(super) fn boolean(&mut self, key: &'static str) -> Option<bool> {
        match self.value(key, Kind::Boolean)? {
            Value::Boolean(b) => Some(b),
            other => self.wrong_type(key, "true or false", &other),
        }
    }

    pub(super) fn list(&mut self, key: &'static str) -> Option<Vec<String>> {
        let items = match self.value(key, Kind::List)? {
            Value::Array(items) => items,
            other => return self.wrong_type(key, "a list of strings", &other),
        };
        let mut strings = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Value::String(s) => strings.push(s),
                other => self.error(
                    format!("{}.{key}[{i}]", self.name),
                    format!("expected a string, got {}", a_type(&other)),
                ),
            }
        }
        Some(strings)
    }

    /// The key's value: from its environment variable if set, else the file.
    fn value(&mut self, key: &'static str, kind: Kind) -> Option<Value> {
        self.reader.known.push((self.name, key));
        let from_file = self.table.remove(key);
        let var = env_var_name(self.name, key);
        let Some(text) = self.reader.env.remove(&var) else {
            return from_file;
        };
        let dotted = format!("{}.{key}", self.name);
        self.reader.from_env.insert(dotted.clone(), var.clone());
        match parse_env_value(&text, kind) {
            Ok(value) => Some(value),
            Err(expected) => {
                self.error(dotted, format!("{var} must be {expected}, got {text:?}"));
                None
            }
        }
    }

    /// The value is never echoed: it may be a password.
    fn wrong_type<T>(&mut self, key: &str, expected: &str, got: &Value) -> Option<T> {
        self.error(
            format!("{}.{key}", self.name),
            format!("expected {expected}, got {}", a_type(got)),
        );
        None
    }

    fn error(&mut self, key: String, message: String) {
        self.reader.errors.push(ConfigError { key, message });
    }

    /// Reports the keys of the file no accessor asked for.
    fn finish(self) {
        let known: Vec<&str> = self
            .reader
            .known
            .iter()
            .filter(|(section, _)| *section == self.name)
            .map(|(_, key)| *key)
            .collect();
        for (key, _) in self.table {
            let message = match suggest(&key, known.iter().copied()) {
                Some(right) => format!("unknown key (did you mean {right}?)"),
                None => format!("unknown key; [{}] has {}", self.name, known.join(", ")),
            };
            self.reader.errors.push(ConfigError {
                key: format!("{}.{key}", self.name),
                message,
            });
        }
    }
}

/// An environment variable's text as a value of the key's type, or what was
/// expected.
fn parse_env_value(text: &str, kind: Kind) -> Result<Value, &'static str> {
    match kind {
        Kind::String => Ok(Value::String(text.to_owned())),
        Kind::Integer => text
            .trim()
            .parse()
            .map(Value::Integer)
            .map_err(|_| "an integer"),
        Kind::Boolean => match text.trim().to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Boolean(true)),
            "false" => Ok(Value::Boolean(false)),
            _ => Err("true or false"),
        },
        Kind::List => Ok(Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| Value::String(item.to_owned()))
                .collect(),
        )),
    }
}

/// The candidate closest to `wrong`, if it is close enough to be a typo.
fn suggest<'c>(wrong: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let wrong = wrong.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&wrong, &c.to_ascii_lowercase()), c))
        .filter(|(distance, c)| *distance <= c.len().max(3) / 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: Levenshtein plus swaps of neighbours
/// (`hots` is one edit from `host`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::test_support::*;

    #[test]
    fn environment_overrides_the_file() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_SMTP_PORT", "2526"),
                ("SECDESK_IMAP_IDLE", "false"),
                ("SECDESK_DATABASE_URL", "postgres://u:pw@db/secdesk"),
            ],
        )
        .expect("valid");
        assert_eq!(config.smtp.port, 2526);
        assert!(!config.imap.idle);
        assert_eq!(config.database.url.expose(), "postgres://u:pw@db/secdesk");
    }

    #[test]
    fn list_values_from_the_environment_are_comma_separated() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_DESK_STAFF", "A@Example.test, b@example.test,"),
                ("SECDESK_DESK_STAFF_DOMAINS", "staff.example.test"),
            ],
        )
        .expect("valid");
        assert_eq!(config.desk.staff, ["a@example.test", "b@example.test"]);
        assert_eq!(config.desk.notify, config.desk.staff);
        assert_eq!(config.desk.staff_domains, ["staff.example.test"]);
    }

    #[test]
    fn environment_variable_for_an_unknown_key_is_an_error_naming_it() {
        let errors = errors(LOCAL, &[("SECDESK_IMAP_PASWORD", "x")]);
        assert_eq!(
            errors,
            [
                "SECDESK_IMAP_PASWORD: environment variable matches no setting \
              (did you mean SECDESK_IMAP_PASSWORD?)"
            ]
        );
        let errors = errors_of(load(LOCAL, &[("SECDESK_QUEUE_SIZE", "3")]));
        assert_eq!(errors[0].key, "SECDESK_QUEUE_SIZE");
    }

    #[test]
    fn variables_that_are_not_settings_are_ignored() {
        load(
            LOCAL,
            &[
                ("SECDESK_CONFIG", "/etc/secdesk.toml"),
                ("SECDESK_LOG", "debug"),
                ("SECDESK_TEST_POSTGRES_URL", "postgres://localhost/test"),
                ("HOME", "/root"),
            ],
        )
        .expect("valid");
    }

    #[test]
    fn environment_value_of_the_wrong_type_names_the_variable() {
        let errors = errors(LOCAL, &[("SECDESK_SMTP_PORT", "smtp")]);
        assert_eq!(
            errors,
            ["smtp.port: SECDESK_SMTP_PORT must be an integer, got \"smtp\""]
        );
    }

    #[test]
    fn invalid_value_from_the_environment_says_which_variable_set_it() {
        let errors = errors(LOCAL, &[("SECDESK_SMTP_PORT", "70000")]);
        assert_eq!(
            errors,
            ["smtp.port: must be 1-65535, got 70000 (set by SECDESK_SMTP_PORT)"]
        );
    }

    #[test]
    fn unknown_key_in_the_file_is_named_with_a_suggestion() {
        let text = LOCAL.replace(
            "host = \"127.0.0.1\"\nport = 1143",
            "hots = \"127.0.0.1\"\nport = 1143",
        );
        let errors = errors(&text, &[]);
        assert!(
            errors.contains(&"imap.hots: unknown key (did you mean host?)".to_owned()),
            "{errors:#?}"
        );
        assert!(errors.contains(
            &"imap.host: missing; the imap server's name, e.g. imap.example.com".to_owned()
        ));
    }

    #[test]
    fn wrong_type_in_the_file_does_not_echo_the_value() {
        let text = LOCAL.replace("password = \"secret\"", "password = 123456");
        let errors = errors(&text, &[]);
        assert_eq!(errors, ["imap.password: expected a string, got an integer"]);
    }

    #[test]
    fn empty_environment_value_clears_an_optional_setting() {
        let config = load(
            EXAMPLE,
            &[("SECDESK_IMAP_PROCESSED_FOLDER", "")]
                .into_iter()
                .chain(example_env())
                .collect::<Vec<_>>(),
        )
        .expect("valid");
        assert_eq!(config.imap.processed_folder, None);
    }

    #[test]
    fn suggestions_catch_typos_but_not_unrelated_words() {
        assert_eq!(suggest("hots", ["host", "port"]), Some("host"));
        assert_eq!(
            suggest("pasword", ["username", "password"]),
            Some("password")
        );
        assert_eq!(suggest("colour", ["host", "port"]), None);
    }
}
