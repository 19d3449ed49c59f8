#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora from the project's own test mails.

Every string literal in the unit tests of the parsing code (src/message,
src/report, src/staff, src/ticket) and in tests/ is decoded as Rust decodes
it; the reply fixtures in tests/replies and the hand-written mails in
fuzz/seeds are read as they are, and a few large hostile inputs are made
here (`hostile`). Each target gets the inputs that fit it,
one file per input, named by its SHA-1, under fuzz/corpus/<target>/ (which
is not committed: run this again to rebuild it).

Usage: python3 fuzz/seeds.py [OUT_DIR]   (default: fuzz/corpus)
"""

import hashlib
import pathlib
import re
import sys

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
SOURCES = ["src/message", "src/report", "src/staff", "src/ticket", "tests"]
MIN_LEN = 8

CHAR_LITERAL = re.compile(rb"'(?:\\x[0-9a-fA-F]{2}|\\u\{[0-9a-fA-F]{1,6}\}|\\.|[^\\'\n]{1,4})'")


def rust_literals(src: bytes):
    """Yields the decoded bytes of each string literal in Rust source."""
    i, n = 0, len(src)
    while i < n:
        c = src[i : i + 1]
        if src.startswith(b"//", i):
            i = src.find(b"\n", i)
            i = n if i < 0 else i
        elif src.startswith(b"/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith(b"/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith(b"*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == b"'":
            m = CHAR_LITERAL.match(src, i)
            i = m.end() if m else i + 1  # a char literal, or a lifetime
        elif c in (b"r", b"b") and not (i and (src[i - 1 : i].isalnum() or src[i - 1 : i] == b"_")):
            m = re.compile(rb"(b?)r(#*)\"").match(src, i)
            if m:  # raw string: no escapes
                end = src.find(b'"' + m.group(2), m.end())
                end = n if end < 0 else end
                yield src[m.end() : end]
                i = end + 1 + len(m.group(2))
            elif src.startswith(b'b"', i):
                lit, i = cooked(src, i + 2, byte_string=True)
                yield lit
            else:
                i += 1
        elif c == b'"':
            lit, i = cooked(src, i + 1, byte_string=False)
            yield lit
        else:
            i += 1


def cooked(src: bytes, i: int, byte_string: bool):
    """Decodes a "..." literal whose body starts at i; returns (bytes, end)."""
    out = bytearray()
    n = len(src)
    while i < n:
        c = src[i]
        if c == ord('"'):
            return bytes(out), i + 1
        if c != ord("\\"):
            out.append(c)
            i += 1
            continue
        e = src[i + 1 : i + 2]
        i += 2
        simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"\\": b"\\", b"0": b"\0", b"'": b"'", b'"': b'"'}
        if e in simple:
            out += simple[e]
        elif e == b"\n":  # line continuation: skip the newline and indentation
            while i < n and src[i : i + 1] in (b" ", b"\t", b"\n", b"\r"):
                i += 1
        elif e == b"x":
            value = int(src[i : i + 2], 16)
            out += bytes([value]) if byte_string else chr(value).encode()
            i += 2
        elif e == b"u":
            end = src.index(b"}", i)
            out += chr(int(src[i + 1 : end].replace(b"_", b""), 16)).encode()
            i = end + 1
        else:
            out += b"\\" + e
    return bytes(out), n


CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def confirmation_number(n: int) -> str:
    """The n-th valid number: 7 payload characters and a Luhn mod 32 check."""
    payload = [(n // 32**i) % 32 for i in range(7)]
    total = 0
    for i, v in enumerate(reversed(payload)):
        total += (2 * v // 32 + 2 * v % 32) if i % 2 == 0 else v
    code = "".join(CROCKFORD[v] for v in payload) + CROCKFORD[(32 - total % 32) % 32]
    return f"SEC-{code[:4]}-{code[4:]}"


def hostile():
    """Large inputs (up to the 256 KiB max_len) shaped to make the parsers
    work hard. libFuzzer only grows inputs slowly from small seeds, so these
    start it at the sizes where quadratic work or big allocations show."""
    k = 1024
    mails = {
        "many_parts": "From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n"
        + "".join(f"--b\nContent-Type: text/plain\n\npart {i}\n" for i in range(990))
        + "--b--\n",
        "deep_multipart": "From: a@example.com\n"
        + "".join(f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(2000))
        + "\nbottom\n",
        "nested_forwards": "From: a@example.com\n"
        + "Content-Type: message/rfc822\n\nSubject: level\n" * 5000
        + "\nbottom\n",
        "long_subject": "From: a@example.com\nSubject: " + "=?utf-8?q?a=C3=A9?= " * 12000 + "\n\nx\n",
        "many_recipients": "From: a@example.com\nTo: "
        + ", ".join(f"u{i} <u{i}@example.com>" for i in range(9000))
        + "\n\nx\n",
        "many_headers": "From: a@example.com\n"
        + "".join(f"Delivered-To: d{i}@example.com\nReferences: <r{i}@x>\n" for i in range(5000))
        + "\nx\n",
        "vector_noise": "From: a@example.com\n\n"
        + "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I=\n" * 6000,
        "cve_and_scores": "From: a@example.com\n\n" + "CVE-2024-1234 score 9.8 cvss v3 AV: " * 6000,
        "html_nesting": "From: a@example.com\nContent-Type: text/html\n\n"
        + "<div><b><table><tr><td><a title=\"x>" * 8000,
    }
    texts = {
        "quotes": "> quoted\n\nnew text\n" * 12000,
        "attributions": "On Mon, 3 Jun 2024 at 10:00, A <a@x> wrote:\n" * 5000,
        "wrapped_attributions": "On Mon, 3 Jun 2024 A <\n" * 10000,
        "signatures": "sent via phone\n\n\n" * 12000,
        "underscores": "__________\n" * 20000 + "From: x\n",
        "header_blocks": "From: a\nSent: b\n" * 14000,
        "commands": "/severity high\n" * 15000,
        "unclosed_html": '<div class="' * 20000,
        "entities": "&amp;&#x1F600;&bogus" * 12000,
        "lt": "<" * 200000,
        "comments": "<!--" * 60000,
        "greetings": "Hello team,\n" * 20000,
    }
    numbers = {
        "distinct": " ".join(confirmation_number(i * 7919) for i in range(18000)),
        "same": "SEC-7KQ3-M9PX " * 18000,
        "prefixes": "SEC-SEC-" * 30000,
        "long_run": "SEC-" + "7" * 250000,
    }
    fit = lambda d: {v.encode()[: 256 * k] for v in d.values()}
    return fit(mails), fit(texts), fit(numbers)


def looks_like_mail(data: bytes) -> bool:
    return re.match(rb"[A-Za-z][A-Za-z0-9-]*:", data) is not None and (
        b"\n\n" in data or b"\r\n\r\n" in data or data.count(b":") >= 2
    )


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else FUZZ / "corpus"
    literals = set()
    for top in SOURCES:
        for path in sorted((ROOT / top).rglob("*.rs")):
            for lit in rust_literals(path.read_bytes()):
                if len(lit) >= MIN_LEN:
                    literals.add(lit)
    fixtures = {p.read_bytes() for p in (ROOT / "tests/replies").glob("*.txt")}
    mails = {p.read_bytes() for p in sorted((FUZZ / "seeds").glob("*.eml"))}

    big_mails, big_texts, big_numbers = hostile()
    corpora = {
        # Mails for parse; any text for extract, which also runs on raw input.
        "parse_extract": mails | literals | big_mails,
        "html_and_quotes": fixtures | mails | literals | big_texts,
        "numbers": {l for l in literals if re.search(rb"sec|-[0-9A-Z]{4}", l, re.I)}
        | {b"TKT-\nsee TKT-7KQ3-M9PX and [tkt 7kq3m9px]", b"A\nA-7KQ3-M9PX"}
        | big_numbers,
    }
    for target, inputs in corpora.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in inputs:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        size = sum(len(d) for d in inputs)
        mail_count = sum(map(looks_like_mail, inputs))
        print(f"{target}: {len(inputs)} seeds ({mail_count} mails), {size} bytes -> {folder}")


if __name__ == "__main__":
    main()
