//! Confirmation numbers: finding them in text and reading a typed one, under
//! a prefix the input chooses. What `find_all` returns must read back as
//! itself, and a number `parse` accepts must be found in its own canonical
//! form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secdesk::ticket::number::{ConfirmationNumber, NumberPrefix};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    // The first line names the prefix when it is a valid one.
    let (head, rest) = input.split_once('\n').unwrap_or(("", &input));
    let (prefix, text) = match NumberPrefix::parse(head) {
        Ok(prefix) => (prefix, rest),
        Err(_) => (NumberPrefix::parse("SEC-").expect("valid"), &*input),
    };

    let found = ConfirmationNumber::find_all(text, &prefix);
    for number in &found {
        let again = ConfirmationNumber::parse(number.as_str(), &prefix)
            .unwrap_or_else(|e| panic!("found {number:?} does not parse: {e}"));
        assert_eq!(&again, number);
    }

    for piece in std::iter::once(text).chain(text.split_whitespace().take(64)) {
        if let Ok(number) = ConfirmationNumber::parse(piece, &prefix) {
            let canonical = ConfirmationNumber::find_all(number.as_str(), &prefix);
            assert_eq!(
                canonical,
                [number.clone()],
                "{piece:?} parses but is not found"
            );
        }
    }
});
