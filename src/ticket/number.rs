//! Confirmation numbers: the ticket's public id, quoted in every subject.
//!
//! A number is the configured prefix plus 8 characters of Crockford's base32
//! (`0-9 A-Z` without I, L, O, U), shown as two groups of four, e.g.
//! `SEC-7KQ3-M9PX`. The alphabet has no characters that are confused over the
//! phone or in handwriting, and reading is case-insensitive.
//!
//! Seven characters are random, so a number does not reveal how many reports
//! the desk gets (uniqueness is the store's job: a unique constraint, and a
//! retry with a fresh number on collision; 32^7 is about 34 billion). The
//! eighth is a Luhn mod 32 check character. Luhn mod N guarantees that
//! every single-character substitution is rejected, and every swap of two
//! adjacent, different characters too, except `0` with `Z` (the mod 32
//! analogue of `09`/`90` in the decimal Luhn check). So a number that a
//! reporter mistypes is almost never someone else's number.
//!
//! Parsing reads O as 0 and I/L as 1 (Crockford's rule), tolerates a missing
//! hyphen between the groups or after the prefix, and ignores surrounding
//! whitespace, brackets and trailing punctuation.

use std::collections::HashSet;
use std::fmt;

use serde::{Serialize, Serializer};

/// Crockford's base32 alphabet, in value order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE: u32 = 32;
/// Random characters; one check character follows.
const PAYLOAD_LEN: usize = 7;
const CODE_LEN: usize = PAYLOAD_LEN + 1;
const GROUP_LEN: usize = 4;
/// Longest prefix, not counting its trailing hyphen: a subject has little room.
const MAX_PREFIX_LEN: usize = 12;

/// The configured prefix of every number, such as `SEC-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberPrefix(String);

impl NumberPrefix {
    /// Reads a prefix from the config: 1 to 12 ASCII letters or digits,
    /// optionally followed by one `-`. Stored upper case.
    pub fn parse(text: &str) -> Result<NumberPrefix, String> {
        let core = text.strip_suffix('-').unwrap_or(text);
        if core.is_empty() {
            return Err(format!(
                "the number prefix {text:?} is empty: use 1 to {MAX_PREFIX_LEN} letters or digits, such as \"SEC-\""
            ));
        }
        if let Some(bad) = core.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(format!(
                "the number prefix {text:?} contains {bad:?}: use only ASCII letters and digits, optionally followed by one '-'"
            ));
        }
        if core.len() > MAX_PREFIX_LEN {
            return Err(format!(
                "the number prefix {text:?} has {} characters: use at most {MAX_PREFIX_LEN} (plus an optional '-')",
                core.len()
            ));
        }
        Ok(NumberPrefix(text.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The prefix without its trailing hyphen: what must appear in the text.
    fn core(&self) -> &str {
        self.0.strip_suffix('-').unwrap_or(&self.0)
    }
}

impl fmt::Display for NumberPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a text is not a valid confirmation number. The messages are written
/// for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("cannot read a confirmation number from an empty text")]
    Empty,
    #[error("cannot read {text:?} as a confirmation number: it must start with {prefix}")]
    WrongPrefix { text: String, prefix: String },
    #[error(
        "cannot read {text:?} as a confirmation number: {found:?} is not allowed (only letters and digits, in two groups of four)"
    )]
    InvalidCharacter { text: String, found: char },
    #[error(
        "cannot read {text:?} as a confirmation number: it needs 8 letters or digits after the prefix, in two groups of four, but has {found}"
    )]
    WrongLength { text: String, found: usize },
    #[error(
        "{text:?} looks mistyped: its last character does not match the others; please copy the number again from our reply"
    )]
    Mistyped { text: String },
}

/// A valid confirmation number in canonical form (upper case, with prefix).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConfirmationNumber(String);

impl ConfirmationNumber {
    /// A fresh number: seven random characters and the check character.
    pub fn generate(prefix: &NumberPrefix, rng: &mut impl rand::Rng) -> ConfirmationNumber {
        let mut values = [0u8; CODE_LEN];
        for value in values.iter_mut().take(PAYLOAD_LEN) {
            *value = rng.random_range(0..BASE as u8);
        }
        values[PAYLOAD_LEN] = check_value(&values[..PAYLOAD_LEN]);
        ConfirmationNumber::from_values(prefix, &values)
    }

    /// Reads a number that a person typed or pasted: case-insensitive, O read
    /// as 0 and I/L as 1, hyphens after the prefix and between the groups
    /// optional, surrounding whitespace, brackets and punctuation ignored.
    pub fn parse(text: &str, prefix: &NumberPrefix) -> Result<ConfirmationNumber, NumberError> {
        let trimmed = text
            .trim()
            .trim_start_matches(['[', '(', '<', '{', '"', '\'', '#'])
            .trim_end_matches([']', ')', '>', '}', '"', '\'', '.', ',', ';', ':', '!', '?'])
            .trim();
        if trimmed.is_empty() {
            return Err(NumberError::Empty);
        }
        let owned = || text.trim().to_string();
        let core = prefix.core();
        let rest = match trimmed.get(..core.len()) {
            Some(head) if head.eq_ignore_ascii_case(core) => &trimmed[core.len()..],
            _ => {
                return Err(NumberError::WrongPrefix {
                    text: owned(),
                    prefix: prefix.as_str().to_string(),
                });
            }
        };
        let rest = rest.strip_prefix('-').unwrap_or(rest);

        let mut values = Vec::with_capacity(CODE_LEN);
        let mut seen_group_hyphen = false;
        for c in rest.chars() {
            if c == '-' && values.len() == GROUP_LEN && !seen_group_hyphen {
                seen_group_hyphen = true;
                continue;
            }
            match symbol_value(c) {
                Some(v) => values.push(v),
                None => {
                    return Err(NumberError::InvalidCharacter {
                        text: owned(),
                        found: c,
                    });
                }
            }
        }
        if values.len() != CODE_LEN {
            return Err(NumberError::WrongLength {
                text: owned(),
                found: values.len(),
            });
        }
        if !is_valid(&values) {
            return Err(NumberError::Mistyped { text: owned() });
        }
        let Ok(values) = <[u8; CODE_LEN]>::try_from(values.as_slice()) else {
            return Err(NumberError::WrongLength {
                text: owned(),
                found: values.len(),
            });
        };
        Ok(ConfirmationNumber::from_values(prefix, &values))
    }

    /// Every valid number in a subject or a line of text, in order of
    /// appearance, without duplicates. Look-alikes whose check character
    /// fails are skipped, and so is anything inside a longer run of letters
    /// and digits (`XSEC-...`, `SEC-7KQ3-M9PXA`).
    pub fn find_all(text: &str, prefix: &NumberPrefix) -> Vec<ConfirmationNumber> {
        let core = prefix.core().as_bytes();
        let bytes = text.as_bytes();
        let mut found: Vec<ConfirmationNumber> = Vec::new();
        // Duplicates are checked in a set: a search of `found` is quadratic
        // in the number of numbers, which a hostile body can make large.
        let mut seen: HashSet<ConfirmationNumber> = HashSet::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let starts_here = bytes[pos].eq_ignore_ascii_case(&core[0])
                && text.is_char_boundary(pos)
                && !text[..pos]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if starts_here && let Some((number, end)) = match_at(text, pos, prefix) {
                if seen.insert(number.clone()) {
                    found.push(number);
                }
                pos = end;
                continue;
            }
            pos += 1;
        }
        found
    }

    /// A number read back from our own store, which only holds numbers this
    /// module made: not checked again.
    pub fn from_stored(text: String) -> ConfirmationNumber {
        ConfirmationNumber(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn from_values(prefix: &NumberPrefix, values: &[u8; CODE_LEN]) -> ConfirmationNumber {
        let mut text = String::with_capacity(prefix.as_str().len() + CODE_LEN + 1);
        text.push_str(prefix.as_str());
        for (i, &v) in values.iter().enumerate() {
            if i == GROUP_LEN {
                text.push('-');
            }
            text.push(char::from(ALPHABET[usize::from(v)]));
        }
        ConfirmationNumber(text)
    }
}

impl fmt::Display for ConfirmationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ConfirmationNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Tries to read a whole number starting at byte `start` of `text`; on
/// success returns it and the byte offset just after it. The caller has
/// checked that no letter or digit comes right before `start`.
fn match_at(
    text: &str,
    start: usize,
    prefix: &NumberPrefix,
) -> Option<(ConfirmationNumber, usize)> {
    let bytes = text.as_bytes();
    let core = prefix.core().as_bytes();
    let head = bytes.get(start..start + core.len())?;
    if !head.eq_ignore_ascii_case(core) {
        return None;
    }
    let mut pos = start + core.len();
    if bytes.get(pos) == Some(&b'-') {
        pos += 1;
    }
    let mut values = [0u8; CODE_LEN];
    for (i, value) in values.iter_mut().enumerate() {
        if i == GROUP_LEN && bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        *value = symbol_value(char::from(*bytes.get(pos)?))?;
        pos += 1;
    }
    let followed_by_word = text
        .get(pos..)
        .and_then(|tail| tail.chars().next())
        .is_some_and(char::is_alphanumeric);
    if followed_by_word || !is_valid(&values) {
        return None;
    }
    Some((ConfirmationNumber::from_values(prefix, &values), pos))
}

/// The value of one typed character, with Crockford's readings of the
/// characters left out of the alphabet. U has no reading.
fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    if !c.is_ascii() {
        return None;
    }
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .and_then(|i| u8::try_from(i).ok())
}

/// One step of Luhn mod N: double, and fold the result back into one digit
/// of base N (for N = 32, `2v - 31` when `2v >= 32`).
fn luhn_double(value: u8) -> u32 {
    let doubled = 2 * u32::from(value);
    doubled / BASE + doubled % BASE
}

/// The check character for a payload: doubling starts from the rightmost
/// payload character, because the check character will sit to its right.
fn check_value(payload: &[u8]) -> u8 {
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| {
            if i.is_multiple_of(2) {
                luhn_double(v)
            } else {
                u32::from(v)
            }
        })
        .sum();
    // The value is below 32, so the conversion cannot fail.
    u8::try_from((BASE - sum % BASE) % BASE).unwrap_or(0)
}

/// Luhn mod N validation of a whole code, check character included.
fn is_valid(code: &[u8]) -> bool {
    let sum: u32 = code
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| {
            if !i.is_multiple_of(2) {
                luhn_double(v)
            } else {
                u32::from(v)
            }
        })
        .sum();
    sum.is_multiple_of(BASE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn sec() -> NumberPrefix {
        NumberPrefix::parse("SEC-").expect("valid prefix")
    }

    fn rng() -> StdRng {
        StdRng::seed_from_u64(0x5ec_de5c)
    }

    /// The eight code characters of a canonical number, without prefix and hyphen.
    fn code_of(number: &ConfirmationNumber, prefix: &NumberPrefix) -> Vec<char> {
        number.as_str()[prefix.as_str().len()..]
            .chars()
            .filter(|&c| c != '-')
            .collect()
    }

    fn with_code(prefix: &NumberPrefix, code: &[char]) -> String {
        let first: String = code[..4].iter().collect();
        let second: String = code[4..].iter().collect();
        format!("{}{first}-{second}", prefix.as_str())
    }

    #[test]
    fn generated_numbers_have_the_documented_shape() {
        let number = ConfirmationNumber::generate(&sec(), &mut rng());
        let text = number.as_str();
        assert_eq!(text.len(), "SEC-7KQ3-M9PX".len());
        assert!(text.starts_with("SEC-"));
        assert_eq!(text.as_bytes()[8], b'-');
        assert!(
            code_of(&number, &sec())
                .iter()
                .all(|&c| ALPHABET.contains(&(c as u8)))
        );
    }

    #[test]
    fn thousand_generated_numbers_parse_back_to_themselves() {
        let prefix = sec();
        let mut rng = rng();
        for _ in 0..1000 {
            let number = ConfirmationNumber::generate(&prefix, &mut rng);
            assert_eq!(
                ConfirmationNumber::parse(number.as_str(), &prefix),
                Ok(number.clone())
            );
            assert_eq!(
                ConfirmationNumber::find_all(&format!("Re: [{number}] report"), &prefix),
                vec![number]
            );
        }
    }

    #[test]
    fn generated_numbers_are_not_sequential() {
        let prefix = sec();
        let mut rng = rng();
        let numbers: Vec<_> = (0..200)
            .map(|_| ConfirmationNumber::generate(&prefix, &mut rng))
            .collect();
        let mut distinct = numbers.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), numbers.len());
        assert_ne!(numbers, distinct, "numbers must not come out in order");
    }

    #[test]
    fn every_single_character_substitution_is_rejected() {
        let prefix = sec();
        let mut rng = rng();
        for _ in 0..50 {
            let number = ConfirmationNumber::generate(&prefix, &mut rng);
            let code = code_of(&number, &prefix);
            for position in 0..CODE_LEN {
                for &replacement in ALPHABET.iter() {
                    let replacement = char::from(replacement);
                    if replacement == code[position] {
                        continue;
                    }
                    let mut typo = code.clone();
                    typo[position] = replacement;
                    let typed = with_code(&prefix, &typo);
                    assert!(
                        matches!(
                            ConfirmationNumber::parse(&typed, &prefix),
                            Err(NumberError::Mistyped { .. })
                        ),
                        "{typed} (from {number}) was accepted"
                    );
                    assert!(ConfirmationNumber::find_all(&typed, &prefix).is_empty());
                }
            }
        }
    }

    #[test]
    fn adjacent_transpositions_are_rejected_except_zero_with_z() {
        let prefix = sec();
        let mut rng = rng();
        for _ in 0..200 {
            let number = ConfirmationNumber::generate(&prefix, &mut rng);
            let code = code_of(&number, &prefix);
            for i in 0..CODE_LEN - 1 {
                if code[i] == code[i + 1] {
                    continue;
                }
                let mut swapped = code.clone();
                swapped.swap(i, i + 1);
                let result = ConfirmationNumber::parse(&with_code(&prefix, &swapped), &prefix);
                let is_known_blind_spot = matches!((code[i], code[i + 1]), ('0', 'Z') | ('Z', '0'));
                assert_eq!(result.is_ok(), is_known_blind_spot, "{number}: swap at {i}");
            }
        }
    }

    #[test]
    fn luhn_mod_32_misses_only_the_swap_of_zero_and_z() {
        // Swapping neighbours a, b changes the weighted sum by
        // double(a) + b - double(b) - a: zero mod 32 only for {0, Z}.
        for a in 0..32u8 {
            for b in 0..32u8 {
                let unchanged = (luhn_double(a) + u32::from(b)) % BASE
                    == (luhn_double(b) + u32::from(a)) % BASE;
                let zero_and_z = (a == 0 && b == 31) || (a == 31 && b == 0);
                assert_eq!(unchanged, a == b || zero_and_z, "{a} {b}");
            }
        }
    }

    #[test]
    fn the_check_cannot_see_a_swap_of_zero_and_z() {
        // The documented limit of Luhn mod 32, shown so nobody is surprised.
        let payload = [0u8, 31, 5, 6, 7, 8, 9];
        let mut swapped = payload;
        swapped.swap(0, 1);
        let mut a = payload.to_vec();
        a.push(check_value(&payload));
        let mut b = swapped.to_vec();
        b.push(check_value(&payload));
        assert!(is_valid(&a) && is_valid(&b));
    }

    #[test]
    fn parsing_is_case_insensitive_and_tolerates_missing_hyphens() {
        let prefix = sec();
        let number = ConfirmationNumber::generate(&prefix, &mut rng());
        let code: String = code_of(&number, &prefix).into_iter().collect();
        for typed in [
            number.as_str().to_lowercase(),
            format!("sec-{}", code.to_lowercase()),
            format!("SEC{code}"),
            format!("Sec{}-{}", &code[..4], &code[4..]),
            format!("  [{number}]  "),
            format!("({number})."),
            format!("<{number}>"),
        ] {
            assert_eq!(
                ConfirmationNumber::parse(&typed, &prefix),
                Ok(number.clone()),
                "{typed}"
            );
        }
    }

    #[test]
    fn o_reads_as_zero_and_i_or_l_as_one() {
        let prefix = sec();
        let values = [0u8, 1, 0, 1, 2, 3, 4];
        let mut code = [0u8; CODE_LEN];
        code[..PAYLOAD_LEN].copy_from_slice(&values);
        code[PAYLOAD_LEN] = check_value(&values);
        let number = ConfirmationNumber::from_values(&prefix, &code);
        assert!(number.as_str().starts_with("SEC-0101-"));
        let tail = &number.as_str()[9..];
        for typed in [
            format!("SEC-O1O1-{tail}"),
            format!("sec-oIol-{tail}"),
            format!("SEC-0L0i-{tail}"),
        ] {
            assert_eq!(
                ConfirmationNumber::parse(&typed, &prefix),
                Ok(number.clone()),
                "{typed}"
            );
        }
    }

    #[test]
    fn parse_errors_say_what_is_wrong() {
        let prefix = sec();
        let number = ConfirmationNumber::generate(&prefix, &mut rng());
        let code: String = code_of(&number, &prefix).into_iter().collect();
        assert_eq!(
            ConfirmationNumber::parse("  ", &prefix),
            Err(NumberError::Empty)
        );
        assert!(matches!(
            ConfirmationNumber::parse(&format!("TIX-{code}"), &prefix),
            Err(NumberError::WrongPrefix { .. })
        ));
        assert!(matches!(
            ConfirmationNumber::parse(&format!("SEC-{}", &code[..7]), &prefix),
            Err(NumberError::WrongLength { found: 7, .. })
        ));
        assert!(matches!(
            ConfirmationNumber::parse("SEC-7KQ3-U9PX", &prefix),
            Err(NumberError::InvalidCharacter { found: 'U', .. })
        ));
        let mut typo = code_of(&number, &prefix);
        typo[0] = if typo[0] == '7' { '8' } else { '7' };
        let error = ConfirmationNumber::parse(&with_code(&prefix, &typo), &prefix);
        assert!(matches!(error, Err(NumberError::Mistyped { .. })));
        assert!(error.is_err_and(|e| e.to_string().contains("looks mistyped")));
    }

    #[test]
    fn prefix_is_configurable_and_validated() {
        let tix = NumberPrefix::parse("tix").expect("valid prefix");
        assert_eq!(tix.as_str(), "TIX");
        let number = ConfirmationNumber::generate(&tix, &mut rng());
        assert!(number.as_str().starts_with("TIX"));
        assert_eq!(number.as_str().len(), "TIX7KQ3-M9PX".len());
        assert_eq!(
            ConfirmationNumber::parse(number.as_str(), &tix),
            Ok(number.clone())
        );
        assert_eq!(
            ConfirmationNumber::parse(&format!("tix-{}", &number.as_str()[3..]), &tix),
            Ok(number.clone())
        );
        assert!(ConfirmationNumber::parse(number.as_str(), &sec()).is_err());

        assert!(NumberPrefix::parse("PSIRT2-").is_ok());
        assert!(NumberPrefix::parse("").unwrap_err().contains("empty"));
        assert!(NumberPrefix::parse("-").unwrap_err().contains("empty"));
        assert!(NumberPrefix::parse("SE C").unwrap_err().contains("' '"));
        assert!(NumberPrefix::parse("SÉC").is_err());
        assert!(NumberPrefix::parse("SEC--").is_err());
        assert!(
            NumberPrefix::parse("ABCDEFGHIJKLM")
                .unwrap_err()
                .contains("at most 12")
        );
        assert!(NumberPrefix::parse("ABCDEFGHIJKL-").is_ok());
    }

    #[test]
    fn find_all_sees_through_every_reply_and_forward_prefix() {
        let prefix = sec();
        let number = ConfirmationNumber::generate(&prefix, &mut rng());
        let lower = number.as_str().to_lowercase();
        let compact = lower.replacen('-', "", 2).replacen("sec", "sec-", 1);
        for subject in [
            format!("Re: R: [{number}] foo"),
            format!("R: [{number}] Vulnerabilità XSS"),
            format!("RIF: {number}"),
            format!("AW: Aw: [{number}] Schwachstelle"),
            format!("SV: Sv: [{lower}]"),
            format!("I: {number} inoltro"),
            format!("Fwd: FW: Fw:[{number}]"),
            format!("Re: R: R:Re:R: R: [{number}] Saluti."),
            format!("Antw: [EXT] Re: {number}"),
            format!("回复: [{number}]"),
            format!("Re: ({compact}) follow-up"),
            format!("{number}"),
            format!("status?{number}!"),
        ] {
            assert_eq!(
                ConfirmationNumber::find_all(&subject, &prefix),
                vec![number.clone()],
                "{subject}"
            );
        }
    }

    #[test]
    fn find_all_keeps_order_drops_duplicates_and_skips_look_alikes() {
        let prefix = sec();
        let mut rng = rng();
        let first = ConfirmationNumber::generate(&prefix, &mut rng);
        let second = ConfirmationNumber::generate(&prefix, &mut rng);
        let mut bad_code = code_of(&first, &prefix);
        bad_code[2] = if bad_code[2] == 'A' { 'B' } else { 'A' };
        let look_alike = with_code(&prefix, &bad_code);
        let subject = format!(
            "Re: {second} and {look_alike}, {first}; again {second} / {}",
            first.as_str().to_lowercase()
        );
        assert_eq!(
            ConfirmationNumber::find_all(&subject, &prefix),
            vec![second, first]
        );
    }

    #[test]
    fn find_all_ignores_numbers_inside_longer_words() {
        let prefix = sec();
        let number = ConfirmationNumber::generate(&prefix, &mut rng());
        for text in [
            format!("X{number}"),
            format!("{number}A"),
            format!("{number}7"),
            format!("9{number}"),
            format!("é{number}"),
            format!("{number}è"),
        ] {
            assert!(
                ConfirmationNumber::find_all(&text, &prefix).is_empty(),
                "{text}"
            );
        }
        // Punctuation and underscores are not part of a word here.
        assert_eq!(
            ConfirmationNumber::find_all(&format!("_{number}_"), &prefix),
            vec![number]
        );
    }

    #[test]
    fn find_all_does_not_panic_on_odd_text() {
        let prefix = sec();
        for text in [
            "",
            "S",
            "SEC",
            "SEC-",
            "SEC-7KQ3-",
            "SEC-ééé",
            "sec-😀😀😀😀-😀😀",
            "ßSEC-1234-5678",
        ] {
            let _ = ConfirmationNumber::find_all(text, &prefix);
            let _ = ConfirmationNumber::parse(text, &prefix);
        }
    }

    #[test]
    fn find_all_is_linear_in_the_number_of_numbers() {
        // Found by fuzzing (numbers): the duplicate check searched the list
        // found so far, so a status request whose body held 18,000 distinct
        // numbers took over a minute; a 1 MiB body holds 75,000.
        let prefix = sec();
        let mut rng = rng();
        let numbers: Vec<ConfirmationNumber> = (0..75_000)
            .map(|_| ConfirmationNumber::generate(&prefix, &mut rng))
            .collect();
        let text = numbers
            .iter()
            .map(ConfirmationNumber::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        let mut seen = HashSet::new();
        let expected: Vec<_> = numbers
            .into_iter()
            .filter(|n| seen.insert(n.clone()))
            .collect();
        let start = std::time::Instant::now();
        let found = ConfirmationNumber::find_all(&text, &prefix);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(found, expected);
    }

    #[test]
    fn serializes_as_its_text() {
        let number = ConfirmationNumber::generate(&sec(), &mut rng());
        let json = serde_json::to_string(&number).expect("serializes");
        assert_eq!(json, format!("\"{number}\""));
    }
}
