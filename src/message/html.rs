//! HTML to plain text, for mail that has no text/plain body.
//!
//! mail-parser has a converter (`body_text` uses it), but it only breaks lines
//! at `<br>` and `</p>`: divs, list items and table rows of an HTML-only report
//! run together on one line. This one is a single forward pass with no
//! recursion and no backtracking, so its time is linear in the input even for
//! hostile HTML (deeply nested tags, a megabyte on one line, unterminated
//! quotes or comments): every byte is visited a bounded number of times.
//!
//! What it does: drops `<head>`, `<title>`, `<script>`, `<style>`,
//! `<template>` (when closed) and comments; block tags end the line (paragraph-like ones leave a blank line);
//! `<br>` is a line break; table cells are separated by a space; entities are
//! decoded with mail-parser's full HTML5 table; runs of whitespace collapse to
//! one space, except inside `<pre>`. Inline tags (`<b>`, `<span>`, `<wbr>`, ...)
//! add nothing, so a CVSS vector split by markup stays one word.

use super::budget::{Budget, OverBudget};

/// Tags whose content is never shown as text.
const HIDDEN_CONTENT: &[&str] = &["script", "style", "template", "title"];
/// Tags that start a new paragraph (a blank line).
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
    "figure",
];
/// Tags that start a new line.
const LINE_TAGS: &[&str] = &[
    "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "nav", "aside",
    "main", "form", "fieldset", "legend", "details", "summary", "caption", "address", "center",
    "body", "html", "option", "thead", "tbody", "tfoot",
];
/// Tags that separate words without breaking the line.
const CELL_TAGS: &[&str] = &["td", "th"];

/// A row's first cell no longer than this labels the row.
const MAX_LABEL_CELL_CHARS: usize = 40;
/// Longest entity we try to decode, `&` and `;` included.
const MAX_ENTITY_LEN: usize = 40;

/// How much input the converter reads between two looks at the budget.
const BUDGET_STRIDE: usize = 64 * 1024;

/// Converts an HTML document or fragment to plain text. See the module docs.
pub fn html_to_text(html: &str) -> String {
    // an unlimited budget is never spent
    html_to_text_within(html, &Budget::unlimited()).unwrap_or_default()
}

/// [`html_to_text`], stopping when `budget` is spent.
pub(crate) fn html_to_text_within(html: &str, budget: &Budget) -> Result<String, OverBudget> {
    let bytes = html.as_bytes();
    let mut next_check = BUDGET_STRIDE;
    let mut out = TextOut::with_capacity(html.len() / 2);
    let mut pos = 0;
    let mut pre_depth = 0usize;
    // Set when a tag's quoted attribute never ends: from then on tags end at
    // the first '>', so no later '<' can make us scan to the end again.
    let mut quotes_in_tags = true;
    // Set when no '>' is left in the input: every later '<' is plain text.
    let mut no_tag_end_left = false;
    let mut head_ends = HeadEnds::default();
    let mut unclosed: Vec<&'static str> = Vec::new();
    // a two-column table ("Contromisure | Nessuna nota") reads as labels:
    // where the current row began in the text, and its cells so far
    let mut row_start = 0usize;
    let mut cells_in_row = 0usize;

    while pos < bytes.len() {
        if pos >= next_check {
            budget.check()?;
            next_check = pos + BUDGET_STRIDE;
        }
        match bytes[pos] {
            b'<' if !no_tag_end_left => {
                if bytes[pos..].starts_with(b"<!--") {
                    pos = find(bytes, pos + 4, b"-->").map_or(bytes.len(), |end| end + 3);
                    continue;
                }
                let Some(&next) = bytes.get(pos + 1) else {
                    out.text("<", pre_depth > 0);
                    pos += 1;
                    continue;
                };
                if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
                    // "a < b": not markup.
                    out.text("<", pre_depth > 0);
                    pos += 1;
                    continue;
                }
                let mut end = if quotes_in_tags {
                    tag_end_quoted(bytes, pos + 1)
                } else {
                    None
                };
                if end.is_none() {
                    quotes_in_tags = false;
                    end = bytes[pos + 1..]
                        .iter()
                        .position(|&b| b == b'>')
                        .map(|i| pos + 1 + i);
                }
                let Some(end) = end else {
                    no_tag_end_left = true;
                    continue;
                };
                let tag = Tag::read(&bytes[pos + 1..end]);
                pos = end + 1;
                let name = tag.name.as_str();
                if tag.closing {
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                } else if let Some(&hidden) = HIDDEN_CONTENT.iter().find(|&&h| h == name) {
                    if let Some(after) = skip_element(bytes, pos, hidden, &mut unclosed) {
                        pos = after;
                    }
                    continue;
                } else if name == "head" {
                    if let Some(after) = head_ends.skip_head(bytes, pos) {
                        pos = after;
                        continue;
                    }
                } else if name == "pre" {
                    pre_depth += 1;
                }
                if name == "br" {
                    out.line_break();
                } else if PARAGRAPH_TAGS.contains(&name) {
                    out.paragraph();
                } else if LINE_TAGS.contains(&name) {
                    out.new_line();
                    if name == "li" && !tag.closing {
                        out.text("- ", false);
                    }
                } else if name == "th" && tag.closing && !out.ends_with(':') {
                    // a header cell labels the cells after it: "Fix: upgrade"
                    cells_in_row += 1;
                    out.text(": ", false);
                } else if name == "td" && tag.closing {
                    // so does a short first cell of a row
                    cells_in_row += 1;
                    let cell = out.text[row_start.min(out.text.len())..].trim();
                    let short = (1..=MAX_LABEL_CELL_CHARS).contains(&cell.chars().count());
                    if cells_in_row == 1 && short && !out.ends_with(':') {
                        out.text(": ", false);
                    } else {
                        out.text(" ", false);
                    }
                } else if CELL_TAGS.contains(&name) {
                    out.text(" ", false);
                }
                if name == "tr" && !tag.closing {
                    row_start = out.text.len();
                    cells_in_row = 0;
                }
            }
            b'&' => {
                let entity_end = bytes[pos + 1..]
                    .iter()
                    .take(MAX_ENTITY_LEN)
                    .position(|&b| !(b.is_ascii_alphanumeric() || b == b'#'))
                    .map(|i| pos + 1 + i)
                    .filter(|&i| bytes[i] == b';' && i > pos + 1);
                match entity_end {
                    Some(end) => {
                        let mut decoded = String::new();
                        mail_parser::decoders::html::add_html_token(
                            &mut decoded,
                            &bytes[pos..=end],
                            false,
                        );
                        out.text(&decoded, pre_depth > 0);
                        pos = end + 1;
                    }
                    None => {
                        out.text("&", pre_depth > 0);
                        pos += 1;
                    }
                }
            }
            _ => {
                let run_end = bytes[pos + 1..]
                    .iter()
                    .position(|&b| b == b'&' || (b == b'<' && !no_tag_end_left))
                    .map_or(bytes.len(), |i| pos + 1 + i);
                out.text(&html[pos..run_end], pre_depth > 0);
                pos = run_end;
            }
        }
    }
    Ok(out.finish())
}

/// The interesting part of a tag: its lower-case name and whether it closes.
struct Tag {
    name: String,
    closing: bool,
}

impl Tag {
    /// `inner` is what lies between `<` and `>`.
    fn read(inner: &[u8]) -> Tag {
        let closing = inner.first() == Some(&b'/');
        let name = inner
            .iter()
            .skip(usize::from(closing))
            .take_while(|b| b.is_ascii_alphanumeric())
            .take(16)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        Tag { name, closing }
    }
}

/// The index of the `>` that ends a tag starting at `from`, honouring quoted
/// attribute values (`title="a>b"`). A quote opens a value only right after
/// `=`, as in browsers, so a stray apostrophe does not swallow the page.
fn tag_end_quoted(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'>' => return Some(i),
                b'"' | b'\'' if after_equals => quote = Some(b),
                b'=' => after_equals = true,
                b' ' | b'\t' | b'\r' | b'\n' => {}
                _ => after_equals = false,
            },
        }
    }
    None
}

/// Where the text resumes after the opening tag of an element whose content
/// is never shown: after its closing tag. Without one, `None`, and only the
/// opening tag is dropped: a browser would hide the rest, but hiding the
/// whole report behind a stray `<title>` is worse than showing some noise.
/// Failed searches are remembered, so that a thousand unclosed tags do not
/// each search to the end.
fn skip_element(
    bytes: &[u8],
    from: usize,
    name: &'static str,
    unclosed: &mut Vec<&'static str>,
) -> Option<usize> {
    if unclosed.contains(&name) {
        return None;
    }
    let closing = format!("</{name}");
    match find_ignore_case(bytes, from, closing.as_bytes()) {
        Some(start) => Some(after_tag(bytes, start)),
        None => {
            unclosed.push(name);
            None
        }
    }
}

/// Finds where a `<head>` ends. Remembers failed searches: a search that
/// found nothing from one position finds nothing from any later one, and
/// repeating it for every `<head>` tag would make hostile input quadratic.
#[derive(Default)]
struct HeadEnds {
    no_close_left: bool,
    no_body_left: bool,
}

impl HeadEnds {
    /// Where the text resumes after a `<head>` tag ending at `from`: after
    /// `</head>` or, in broken mail without it, at `<body`. With neither,
    /// `None`: nothing is skipped, better some noise than no text.
    fn skip_head(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let close = if self.no_close_left {
            None
        } else {
            find_ignore_case(bytes, from, b"</head")
        };
        self.no_close_left = close.is_none();
        let body_search_end = close.unwrap_or(bytes.len());
        let body = if self.no_body_left && close.is_none() {
            None
        } else {
            find_ignore_case(&bytes[..body_search_end], from, b"<body")
        };
        if close.is_none() && body.is_none() {
            self.no_body_left = true;
        }
        match (close, body) {
            (_, Some(body)) => Some(body),
            (Some(close), None) => Some(after_tag(bytes, close)),
            (None, None) => None,
        }
    }
}

/// The position after the `>` of the tag starting at `start`.
fn after_tag(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(bytes.len(), |i| start + i + 1)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(bytes, from, needle, |a, b| a == b)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(bytes, from, needle, <[u8]>::eq_ignore_ascii_case)
}

/// The first match of `needle` at or after `from`. Needles here start with
/// `<` or `-`, which are rare in text, so looking for the first byte and
/// comparing only there is fast; the worst case is a constant times linear.
fn find_by(
    bytes: &[u8],
    from: usize,
    needle: &[u8],
    same: impl Fn(&[u8], &[u8]) -> bool,
) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut at = from;
    loop {
        let offset = bytes.get(at..)?.iter().position(|&b| b == first)?;
        at += offset;
        if bytes
            .get(at..at + needle.len())
            .is_some_and(|w| same(w, needle))
        {
            return Some(at);
        }
        at += 1;
    }
}

/// The text being built: whitespace is held back until the next visible
/// character, so it never ends a line and never doubles.
struct TextOut {
    text: String,
    pending_space: bool,
    /// Newlines at the end of `text`, to cap blank lines at one.
    trailing_newlines: usize,
}

impl TextOut {
    fn with_capacity(capacity: usize) -> TextOut {
        TextOut {
            text: String::with_capacity(capacity),
            pending_space: false,
            trailing_newlines: 0,
        }
    }

    /// Whether the text so far ends with `c` (white space aside).
    fn ends_with(&self, c: char) -> bool {
        self.text.trim_end().ends_with(c)
    }

    fn text(&mut self, s: &str, preformatted: bool) {
        for c in s.chars() {
            if preformatted {
                match c {
                    '\n' => self.line_break(),
                    '\r' => {}
                    '\u{a0}' => self.push(' '),
                    c => self.push(c),
                }
            } else if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.text.is_empty() && self.trailing_newlines == 0 {
                    self.push(' ');
                }
                self.pending_space = false;
                self.push(c);
            }
        }
    }

    fn push(&mut self, c: char) {
        self.text.push(c);
        self.trailing_newlines = 0;
    }

    fn newlines_at_least(&mut self, count: usize) {
        self.pending_space = false;
        if self.text.is_empty() {
            return;
        }
        while self.trailing_newlines < count {
            self.text.push('\n');
            self.trailing_newlines += 1;
        }
    }

    fn new_line(&mut self) {
        self.newlines_at_least(1);
    }

    fn paragraph(&mut self) {
        self.newlines_at_least(2);
    }

    /// `<br>`: always a line break, but never more than one blank line.
    fn line_break(&mut self) {
        self.pending_space = false;
        if self.trailing_newlines < 2 {
            self.text.push('\n');
            self.trailing_newlines += 1;
        }
    }

    fn finish(mut self) -> String {
        let kept = self.text.trim_end().len();
        self.text.truncate(kept);
        let leading = self.text.len() - self.text.trim_start_matches('\n').len();
        self.text.drain(..leading);
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn inline_tags_do_not_split_words() {
        let html =
            "<p>CVSS:3.1/AV:N/<b>AC:L</b>/PR:<span>N</span>/UI:N<wbr>/S:U/C:H/I:<i>H</i>/A:H</p>";
        assert_eq!(
            html_to_text(html),
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
        );
    }

    #[test]
    fn block_tags_break_lines_and_paragraphs() {
        let html = "<html><body><div>Vulnerability: XSS</div><div>CVE-2024-1234</div>\
                    <p>First paragraph</p><p>Second<br>line two</p>\
                    <ul><li>one</li><li>two</li></ul></body></html>";
        assert_eq!(
            html_to_text(html),
            "Vulnerability: XSS\nCVE-2024-1234\n\nFirst paragraph\n\nSecond\nline two\n\n- one\n- two"
        );
    }

    #[test]
    fn table_cells_are_separated_and_rows_are_lines() {
        let html = "<table><tr><td>Severity:</td><td>High</td></tr><tr><th>CVE</th><td>CVE-2024-1</td></tr></table>";
        assert_eq!(html_to_text(html), "Severity: High\nCVE: CVE-2024-1");
    }

    #[test]
    fn head_script_style_and_comments_are_dropped() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head>\
                    <body><script>alert('x<y')</script><!-- hidden <b>x</b> -->Visible\
                    <STYLE type=\"text/css\">.a{}</STYLE> text</body></html>";
        assert_eq!(html_to_text(html), "Visible text");
    }

    #[test]
    fn an_unclosed_hidden_element_hides_only_its_tag() {
        assert_eq!(
            html_to_text("<title>Report<p>CVE-2024-1</p><style>x"),
            "Report\n\nCVE-2024-1\n\nx"
        );
    }

    #[test]
    fn head_without_end_tag_stops_at_body() {
        assert_eq!(
            html_to_text("<head><meta charset=utf-8><body>Hello"),
            "Hello"
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            html_to_text("Perch&eacute; &lt;script&gt; &amp; &#8364;5 &#x41;&nbsp;B &bogus; AT&T"),
            "Perché <script> & €5 A B &bogus; AT&T"
        );
    }

    #[test]
    fn whitespace_collapses_except_in_pre() {
        assert_eq!(
            html_to_text("a \n\t  b<pre>x  y\n  z</pre>c"),
            "a b\n\nx  y\n  z\n\nc"
        );
    }

    #[test]
    fn quoted_attributes_may_contain_angle_brackets() {
        assert_eq!(
            html_to_text("<a title=\"a>b\" href='x'>link</a> after"),
            "link after"
        );
        assert_eq!(html_to_text("<font face=Arial'>it's</font>"), "it's");
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(
            html_to_text("if a < b and c<3 then"),
            "if a < b and c<3 then"
        );
        assert_eq!(html_to_text("unterminated <b"), "unterminated <b");
        assert_eq!(html_to_text("x <!-- never closed"), "x");
    }

    #[test]
    fn pathological_html_takes_linear_time() {
        let cases = [
            "<div><b>".repeat(100_000) + "x",
            "a&amp;b ".repeat(130_000),
            "<a title='".repeat(100_000),
            "<".repeat(1_000_000),
            "<a ".repeat(300_000),
            "<script>".repeat(100_000),
            "<title>x".repeat(100_000),
            "<head></head>".repeat(100_000),
            "<head><body>".repeat(100_000),
            "<head><p>".repeat(100_000),
            "x".repeat(1_000_000),
            "&".repeat(1_000_000),
            "&#".repeat(500_000),
        ];
        for html in &cases {
            let start = Instant::now();
            let text = html_to_text(html);
            assert!(text.len() <= html.len() * 2);
            let took = start.elapsed();
            assert!(
                took < Duration::from_secs(10),
                "{took:?} for {}...",
                &html[..20]
            );
        }
    }
}
