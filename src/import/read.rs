//! Mail files as a backlog import reads them: an mbox split into its mails,
//! one mail file read whole. Pure over any `BufRead` (bytes in, mails out):
//! the unit tests feed byte slices, the import feeds files.
//!
//! A mail over the size limit keeps only its header, as the IMAP reader
//! fetches only the header of one (`mailbox::Mailbox::fetch`): the pipeline
//! then quarantines it with the same reason. No line, however long, is held
//! in memory beyond what the mail may keep.

use std::io::{self, BufRead};

/// One mail read from a file, as the pipeline takes it from IMAP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMail {
    /// The whole mail, or only its header when it is over the limit.
    pub raw: Vec<u8>,
    /// Its size in bytes, all of it (the limit is held to this).
    pub size: usize,
    pub truncated: bool,
}

/// The bytes of a line kept even when the mail keeps none of it: enough to
/// tell an mbox `From ` separator or a `>From ` escape.
const LINE_PREFIX: usize = 64;

/// A mail being read, line by line, within `limit` bytes.
struct Builder {
    raw: Vec<u8>,
    size: usize,
    limit: usize,
    /// Where the header ends (after its blank line), once read.
    header_end: Option<usize>,
    truncated: bool,
}

impl Builder {
    fn new(limit: usize) -> Builder {
        Builder {
            raw: Vec::new(),
            size: 0,
            limit,
            header_end: None,
            truncated: false,
        }
    }

    /// How much of the next line is worth keeping.
    fn room(&self) -> usize {
        if self.truncated {
            LINE_PREFIX
        } else {
            (self.limit - self.size).saturating_add(1).max(LINE_PREFIX)
        }
    }

    /// Add a line whose first bytes are `kept` and whose whole length is
    /// `len` (`kept` is all of it whenever the mail stays within the limit).
    fn push(&mut self, kept: &[u8], len: usize) {
        self.size = self.size.saturating_add(len);
        if self.truncated {
            return;
        }
        if self.size > self.limit {
            self.truncated = true;
            let header = self.header_end.unwrap_or(self.raw.len());
            self.raw.truncate(header);
            self.raw.shrink_to_fit();
            return;
        }
        self.raw.extend_from_slice(kept);
        if self.header_end.is_none() && is_blank(kept) {
            self.header_end = Some(self.raw.len());
        }
    }

    fn finish(self) -> RawMail {
        RawMail {
            raw: self.raw,
            size: self.size,
            truncated: self.truncated,
        }
    }
}

fn is_blank(line: &[u8]) -> bool {
    line == b"\n" || line == b"\r\n"
}

/// Read one line (through its `\n`, or to the end of the input), keeping
/// at most `keep` bytes of it in `out`. Returns its whole length; 0 at the
/// end of the input.
fn read_line(reader: &mut impl BufRead, keep: usize, out: &mut Vec<u8>) -> io::Result<usize> {
    out.clear();
    let mut len = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(len);
        }
        let (chunk, ends) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let room = keep.saturating_sub(out.len());
        out.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        len += n;
        reader.consume(n);
        if ends {
            return Ok(len);
        }
    }
}

/// One mail file (`.eml`, a Maildir entry), read whole within `limit`.
pub fn read_mail(mut reader: impl BufRead, limit: usize) -> io::Result<RawMail> {
    let mut mail = Builder::new(limit);
    let mut line = Vec::new();
    loop {
        let len = read_line(&mut reader, mail.room(), &mut line)?;
        if len == 0 {
            return Ok(mail.finish());
        }
        mail.push(&line, len);
    }
}

/// The mails of an mbox, in file order.
///
/// Read as mboxrd (the superset): a line beginning with `From ` starts the
/// next mail and is not part of it; a body line `>From `, `>>From `... loses
/// one `>` (mboxo files, which escape only `From `, read the same unless a
/// body line began with `>From ` already); the blank line a writer puts
/// before each separator is dropped. LF and CRLF files alike; the last mail
/// may lack its final newline. Text before the first `From ` line is read
/// as a mail of its own.
pub struct Mbox<R> {
    reader: R,
    limit: usize,
    mail: Option<Builder>,
    /// A blank line held back: the separator's, if a `From ` line follows.
    blank: Option<Vec<u8>>,
    line: Vec<u8>,
    /// Bytes of the input read so far (for progress).
    pub consumed: u64,
    done: bool,
}

impl<R: BufRead> Mbox<R> {
    pub fn new(reader: R, limit: usize) -> Mbox<R> {
        Mbox {
            reader,
            limit,
            mail: None,
            blank: None,
            line: Vec::new(),
            consumed: 0,
            done: false,
        }
    }

    fn next_mail(&mut self) -> io::Result<Option<RawMail>> {
        loop {
            let keep = self.mail.as_ref().map_or(LINE_PREFIX, Builder::room);
            let len = read_line(&mut self.reader, keep, &mut self.line)?;
            self.consumed += len as u64;
            if len == 0 {
                self.done = true;
                self.blank = None;
                return Ok(self.mail.take().map(Builder::finish));
            }
            if self.line.starts_with(b"From ") {
                self.blank = None;
                let finished = self.mail.replace(Builder::new(self.limit));
                match finished {
                    Some(mail) => return Ok(Some(mail.finish())),
                    None => continue,
                }
            }
            let blank_line = len == self.line.len() && is_blank(&self.line);
            if self.mail.is_none() && blank_line {
                continue;
            }
            let mail = self.mail.get_or_insert_with(|| Builder::new(self.limit));
            if let Some(blank) = self.blank.take() {
                mail.push(&blank, blank.len());
            }
            if blank_line {
                self.blank = Some(self.line.clone());
                continue;
            }
            if is_escaped_from(&self.line) {
                mail.push(&self.line[1..], len - 1);
            } else {
                mail.push(&self.line, len);
            }
        }
    }
}

/// `>From `, `>>From `...: a body line an mboxrd writer escaped.
fn is_escaped_from(line: &[u8]) -> bool {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    quotes > 0 && line[quotes..].starts_with(b"From ")
}

impl<R: BufRead> Iterator for Mbox<R> {
    type Item = io::Result<RawMail>;

    fn next(&mut self) -> Option<io::Result<RawMail>> {
        if self.done {
            return None;
        }
        match self.next_mail() {
            Ok(mail) => mail.map(Ok),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIG: usize = 1 << 20;

    fn split(bytes: &[u8], limit: usize) -> Vec<RawMail> {
        Mbox::new(bytes, limit)
            .collect::<io::Result<Vec<_>>>()
            .expect("reading a slice cannot fail")
    }

    fn texts(bytes: &[u8]) -> Vec<String> {
        split(bytes, BIG)
            .into_iter()
            .map(|m| String::from_utf8(m.raw).expect("utf-8"))
            .collect()
    }

    #[test]
    fn an_mbox_splits_at_from_lines_and_drops_the_separator_blank_line() {
        let mbox = b"From a@x Mon Dec  7 10:00:00 2026\nSubject: one\n\nbody 1\n\n\
                     From b@x Mon Dec  7 10:01:00 2026\nSubject: two\n\nbody 2\n\n";
        assert_eq!(
            texts(mbox),
            ["Subject: one\n\nbody 1\n", "Subject: two\n\nbody 2\n"]
        );
    }

    #[test]
    fn escaped_from_lines_lose_one_quote_and_blank_lines_inside_stay() {
        let mbox = b"From a@x Mon Dec  7 10:00:00 2026\nSubject: one\n\nfirst\n\n\n\
                     >From here on\n>>From the start\n> quoted\n\n\
                     From b@x Mon Dec  7 10:01:00 2026\nSubject: two\n\nx\n";
        assert_eq!(
            texts(mbox),
            [
                "Subject: one\n\nfirst\n\n\nFrom here on\n>From the start\n> quoted\n",
                "Subject: two\n\nx\n"
            ]
        );
    }

    #[test]
    fn the_last_mail_may_lack_its_final_newline() {
        let mbox = b"From a@x Mon Dec  7 10:00:00 2026\nSubject: one\n\nno newline";
        assert_eq!(texts(mbox), ["Subject: one\n\nno newline"]);
    }

    #[test]
    fn crlf_files_split_the_same_and_keep_their_line_ends() {
        let mbox =
            b"From a@x Mon Dec  7 10:00:00 2026\r\nSubject: one\r\n\r\nbody\r\n>From x\r\n\r\n\
                     From b@x Mon Dec  7 10:01:00 2026\r\nSubject: two\r\n\r\nbody\r\n";
        assert_eq!(
            texts(mbox),
            [
                "Subject: one\r\n\r\nbody\r\nFrom x\r\n",
                "Subject: two\r\n\r\nbody\r\n"
            ]
        );
    }

    #[test]
    fn empty_input_has_no_mail_and_text_before_the_first_from_line_is_one() {
        assert!(texts(b"").is_empty());
        assert!(texts(b"\n\n").is_empty());
        assert_eq!(
            texts(b"Subject: stray\n\nx\n\nFrom a@x Mon\nSubject: one\n\ny\n"),
            ["Subject: stray\n\nx\n", "Subject: one\n\ny\n"]
        );
    }

    #[test]
    fn a_mail_over_the_limit_keeps_its_header_and_its_whole_size() {
        let body = "A".repeat(5000);
        let mbox = format!(
            "From a@x Mon\nSubject: huge\nMessage-ID: <h@x>\n\n{body}\n{body}\n\nFrom b@x Mon\nSubject: small\n\nok\n"
        );
        let mails = split(mbox.as_bytes(), 4096);
        assert_eq!(mails.len(), 2);
        assert!(mails[0].truncated);
        assert_eq!(mails[0].raw, b"Subject: huge\nMessage-ID: <h@x>\n\n");
        assert_eq!(mails[0].size, 33 + 2 * 5001);
        assert_eq!(
            mails[1],
            RawMail {
                raw: b"Subject: small\n\nok\n".to_vec(),
                size: 19,
                truncated: false
            }
        );
    }

    #[test]
    fn a_line_longer_than_the_limit_is_not_kept_and_a_from_line_after_it_still_splits() {
        let mut mbox = b"From a@x Mon\nSubject: long\n\n".to_vec();
        mbox.extend(std::iter::repeat_n(b'x', 100_000));
        mbox.extend_from_slice(b"\n\nFrom b@x Mon\nSubject: next\n\nok\n");
        let mails = split(&mbox, 1000);
        assert_eq!(mails.len(), 2);
        assert!(mails[0].truncated);
        assert_eq!(mails[0].raw, b"Subject: long\n\n");
        assert_eq!(mails[1].raw, b"Subject: next\n\nok\n");
    }

    #[test]
    fn a_mail_file_is_read_whole_or_as_its_header() {
        let mail = b"Subject: x\r\nFrom: a@x\r\n\r\nFrom the start\r\n";
        assert_eq!(
            read_mail(&mail[..], BIG).expect("read"),
            RawMail {
                raw: mail.to_vec(),
                size: mail.len(),
                truncated: false
            }
        );
        let cut = read_mail(&mail[..], 30).expect("read");
        assert!(cut.truncated);
        assert_eq!(cut.raw, b"Subject: x\r\nFrom: a@x\r\n\r\n");
        assert_eq!(cut.size, mail.len());
    }

    #[test]
    fn progress_counts_every_byte_read() {
        let mbox = b"From a@x Mon\nSubject: one\n\nx\n\nFrom b@x Mon\nSubject: two\n\ny";
        let mut reader = Mbox::new(&mbox[..], BIG);
        while reader.next().is_some() {}
        assert_eq!(reader.consumed, mbox.len() as u64);
    }
}
