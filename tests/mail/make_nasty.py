#!/usr/bin/env python3
"""Writes the hand-made hostile mails in tests/mail/nasty/.

Every mail here is written for this repository (no third-party text), so the
set can be committed. Run from the crate root:  python3 tests/mail/make_nasty.py
The output is deterministic. Big inputs (30 MB, 5,000 parts, 2 MB of HTML) are
not here: tests/nasty_mail.rs generates them at test time.
Expected outcomes live in tests/mail/nasty/EXPECTED.tsv (edited by hand).
"""

import base64
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nasty")

HDR = (
    "Return-Path: <{frm}>\r\n"
    "Message-ID: <{mid}@reporter.example>\r\n"
    "Date: Tue, 04 Mar 2025 10:15:00 +0100\r\n"
    "From: {frm_full}\r\n"
    "To: Security Desk <security@desk.example>\r\n"
    "Subject: {subject}\r\n"
    "MIME-Version: 1.0\r\n"
)


def head(mid, subject, frm="reporter@reporter.example", frm_full=None):
    return HDR.format(
        mid=mid, subject=subject, frm=frm, frm_full=frm_full or f"Rita Reporter <{frm}>"
    )


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


REPORT_EN = (
    "Vulnerability: stored XSS in the product review form of the storefront.\r\n"
    "CVE: CVE-2024-12345\r\n"
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N\r\n"
    "Mitigation: escape the review body before rendering it.\r\n"
)


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".eml"):
            os.remove(os.path.join(OUT, old))

    # --- MIME structure ---------------------------------------------------
    write(
        "broken_boundary.eml",
        head("broken-boundary", "Vulnerability report, broken boundary")
        + 'Content-Type: multipart/mixed; boundary="declared-boundary"\r\n\r\n'
        "preamble\r\n"
        "--another-boundary\r\n"
        "Content-Type: text/plain\r\n\r\n"
        + REPORT_EN
        + "--another-boundary\r\n"
        "Content-Type: application/octet-stream\r\n\r\n"
        "\x01\x02\x03 not closed\r\n",
    )
    write(
        "missing_boundary.eml",
        head("missing-boundary", "Vulnerability report, no boundary parameter")
        + "Content-Type: multipart/mixed\r\n\r\n"
        "--\r\n"
        "Content-Type: text/plain\r\n\r\n"
        + REPORT_EN
        + "----\r\n",
    )
    nested = ""
    depth = 50
    for i in range(depth):
        nested += f"--b{i}\r\nContent-Type: multipart/mixed; boundary=\"b{i + 1}\"\r\n\r\n"
    nested += f"--b{depth}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + REPORT_EN
    for i in range(depth, -1, -1):
        nested += f"--b{i}--\r\n"
    write(
        "nested_multipart_50.eml",
        head("nested-50", "Vulnerability report nested 50 deep")
        + 'Content-Type: multipart/mixed; boundary="b0"\r\n\r\n'
        + nested,
    )
    write(
        "multipart_without_parts.eml",
        head("no-parts", "Security incident: empty multipart")
        + 'Content-Type: multipart/mixed; boundary="nothing"\r\n\r\n'
        "Only a preamble: the boundary never appears.\r\n",
    )
    write(
        "content_type_garbage.eml",
        head("ct-garbage", "Security incident: our admin panel was compromised")
        + 'Content-Type: ;;;///;; charset="\r\n'
        "Content-Transfer-Encoding: x-unheard-of\r\n\r\n"
        "Attackers compromised the admin panel last night and defaced the home page.\r\n",
    )
    write(
        "duplicate_headers.eml",
        head("dup", "Vulnerability: first subject")
        + "From: Someone Else <other@elsewhere.example>\r\n"
        "Subject: Security incident: second subject\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Type: text/html; charset=iso-8859-1\r\n\r\n"
        + REPORT_EN,
    )
    write(
        "rfc2231_hostile_filename.eml",
        head("rfc2231", "Vulnerability report with a proof of concept")
        + 'Content-Type: multipart/mixed; boundary="att"\r\n\r\n'
        "--att\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + REPORT_EN
        + "--att\r\n"
        "Content-Type: application/octet-stream\r\n"
        "Content-Disposition: attachment;\r\n"
        " filename*0*=x-bogus''..%2F..%2F..%2Fetc%2F;\r\n"
        " filename*1*=passwd%00%0D%0A.txt;\r\n"
        " filename*5=\"gap\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(b"#!/bin/sh\necho poc\n").decode()
        + "\r\n--att--\r\n",
    )
    # Forwarded in forwarded, 12 deep (the parser reads 8), base64 at every level.
    inner = (
        "From: origin@reporter.example\r\nSubject: innermost\r\n\r\n" + REPORT_EN
    ).encode()
    for i in range(12):
        inner = (
            f"From: fwd{i}@reporter.example\r\nSubject: Fwd {i}\r\n"
            f'Content-Type: multipart/mixed; boundary="f{i}"\r\n\r\n'
            f"--f{i}\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
            f"--f{i}\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        ).encode() + base64.encodebytes(inner).replace(b"\n", b"\r\n") + f"--f{i}--\r\n".encode()
    write(
        "nested_rfc822_12_deep.eml",
        head("fwd-20", "Fwd: vulnerability report, forwarded twelve times")
        + 'Content-Type: multipart/mixed; boundary="top"\r\n\r\n'
        "--top\r\nContent-Type: text/plain\r\n\r\nFYI, see the attached chain.\r\n"
        "--top\r\nContent-Type: message/rfc822\r\n\r\n"
        + inner.decode()
        + "--top--\r\n",
    )
    write(
        "multipart_digest.eml",
        head("digest", "Digest of vulnerability reports")
        + 'Content-Type: multipart/digest; boundary="dg"\r\n\r\n'
        "--dg\r\n\r\nFrom: a@reporter.example\r\nSubject: one\r\n\r\n" + REPORT_EN
        + "--dg\r\n\r\nnot a message at all\r\n"
        "--dg--\r\n",
    )

    # --- transfer encodings -------------------------------------------------
    good = base64.b64encode(REPORT_EN.encode()).decode()
    write(
        "base64_garbage.eml",
        head("b64-garbage", "Vulnerability report in broken base64")
        + "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + good[:40] + "!!**~~\x00\x7f\r\n"
        + good[40:80] + "===\r\n"
        + good[80:] + "@@@@ not base64 at all ????\r\n"
        "====\r\n",
    )
    write(
        "qp_bad_escapes.eml",
        head("qp-bad", "Vulnerability: bad quoted-printable")
        + "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        "Vulnerability: SQL injection =ZZ in the search =4 box =\r\n"
        "=E2=80 half a character, =C3=A8 whole, =\x00 nul, =3d lower =3D upper\r\n"
        "CVE-2024-22222 =\r\n"
        "=",
    )

    # --- charsets -------------------------------------------------------------
    write(
        "unknown_charset.eml",
        (
        head("unknown-cs", "Vulnerability in the checkout =?x-klingon?Q?=E0=E8?=")
        + "Content-Type: text/plain; charset=x-klingon-2025\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode()
    + b"Vulnerability: path traversal in the download handler \xe0\xe8\xff\xfe.\r\n"
    b"CVE-2024-33333\r\n",
    )
    write(
        "mislabelled_latin1_as_utf8.eml",
        (
            head("mislabelled", "Vulnerabilita nel modulo di pagamento")
            + "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
        ).encode()
        + (
            "Problema riscontrato: è possibile eseguire codice remoto tramite il "
            "caricamento dei file; la vulnerabilità è già sfruttata.\r\n"
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\r\n"
            "Grazie, saluti\r\n"
        ).encode("latin-1"),
    )
    write(
        "utf16_body.eml",
        (
            head("utf16", "Vulnerability report in UTF-16")
            + "Content-Type: text/plain; charset=utf-16\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
        ).encode()
        + base64.encodebytes(("Vulnerability: SSRF in the webhook tester.\r\nCVE-2024-44444\r\n").encode("utf-16")).replace(b"\n", b"\r\n"),
    )
    write(
        "italian_windows1252.eml",
        (
            "Message-ID: <cp1252@fornitore.example>\r\n"
            "Date: Mon, 03 Mar 2025 09:00:00 +0100\r\n"
            "From: =?windows-1252?Q?Niccol=F2_Bianchi?= <niccolo@fornitore.example>\r\n"
            "To: security@desk.example\r\n"
            "Subject: =?windows-1252?Q?Segnalazione_vulnerabilit=E0_=96_modulo_ordini?=\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=windows-1252\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
        ).encode()
        + (
            "Buongiorno,\r\n\r\n"
            "i. Vulnerabilità e/o problema riscontrato: nel modulo ordini è possibile "
            "leggere gli ordini di altri clienti cambiando l’identificativo nell’URL "
            "(“IDOR”), senza autenticazione.\r\n"
            "ii. CVE: CVE-2025-10001\r\n"
            "iii. Eventuale risoluzione o mitigazione: aggiornare alla versione 2.4.1; "
            "nel frattempo limitare l’accesso all’endpoint /ordini.\r\n"
            "iv. Messaggio per i clienti: “Vi invitiamo ad aggiornare subito.” Costo: 0 €.\r\n\r\n"
            "Cordiali saluti,\r\nNiccolò Bianchi\r\n"
        ).encode("cp1252"),
    )

    # --- RFC 2047 encoded words --------------------------------------------------
    write(
        "encoded_word_broken.eml",
        head(
            "ew-broken",
            "=?utf-8?B?!!!not-base64!!!?= =?utf-8?Q?unterminated_vulnerability =?utf-8??= "
            "=??Q?no_charset?= =?utf-8?X?bad_encoding?= CVE-2024-55555",
            frm_full="=?utf-8?B?SGFsZg?= <reporter@reporter.example>",
        )
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Vulnerability: clickjacking on the account settings page.\r\n",
    )
    write(
        "encoded_word_overlong.eml",
        head(
            "ew-long",
            "=?utf-8?B?" + base64.b64encode(("vulnerabilità " * 900).encode()).decode() + "?=",
        )
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Vulnerability: the subject of this mail is about 13 KB once decoded.\r\n"
        "CVE-2024-66666\r\n",
    )
    write(
        "encoded_word_nul.eml",
        head(
            "ew-nul",
            "=?utf-8?Q?Vulnerability=00_with=00_NUL?= =?utf-8?B?AAAAdnVsbgAA?=",
            frm_full="=?utf-8?Q?Nul=00Name?= <reporter@reporter.example>",
        )
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Vulnerability: NUL bytes in headers. CVE-2024-77777\r\n",
    )
    write(
        "header_injection_crlf.eml",
        head(
            "inject",
            "=?utf-8?Q?Vulnerability=0D=0ABcc:_victim@elsewhere.example=0D=0A=0D=0Abody?=",
            frm_full="=?utf-8?Q?Evil=0D=0ATo:_victim@elsewhere.example?= <reporter@reporter.example>",
        )
        + "Reply-To: =?utf-8?Q?x=0D=0ABcc:_a@b.example?= <reply@reporter.example>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Vulnerability: header injection through encoded words. CVE-2024-88888\r\n",
    )

    # --- headers ---------------------------------------------------------------
    many = "".join(f"X-H: {i}\r\n" for i in range(10_000))
    write(
        "headers_10000.eml",
        head("many-headers", "Vulnerability report with ten thousand headers")
        + many
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + REPORT_EN,
    )
    write(
        "message_id_500.eml",
        head("x" * 480, "Vulnerability report with a very long Message-ID")
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + REPORT_EN,
    )
    write(
        "long_single_line_header.eml",
        head("long-line", "Vulnerability " + "A" * 20_000)
        + "X-Long: " + "b" * 50_000 + "\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + REPORT_EN,
    )
    write(
        "no_from.eml",
        "Message-ID: <no-from@reporter.example>\r\n"
        "To: security@desk.example\r\n"
        "Subject: Security incident: credentials leaked\r\n\r\n"
        "Our API keys leaked in a public repository; attackers used them.\r\n",
    )
    write(
        "from_display_name_only.eml",
        "Message-ID: <name-only@reporter.example>\r\n"
        "From: Mario Rossi\r\n"
        "To: security@desk.example\r\n"
        "Subject: Vulnerabilità nel login\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Problema riscontrato: il login accetta password vuote.\r\nCVE-2025-10002\r\n",
    )
    write(
        "header_line_without_colon.eml",
        "This first line is not a header at all\r\n"
        "From: reporter@reporter.example\r\n"
        "Subject: Vulnerability report\r\n\r\n"
        + REPORT_EN,
    )

    # --- degenerate input ------------------------------------------------------
    write("empty.eml", b"")
    write(
        "only_headers.eml",
        "From: reporter@reporter.example\r\n"
        "To: security@desk.example\r\n"
        "Subject: Vulnerability: see subject, CVE-2024-99999\r\n",
    )
    write(
        "headers_no_final_newline.eml",
        "From: reporter@reporter.example\r\n"
        "To: security@desk.example\r\n"
        "Subject: Vulnerability: see subject, CVE-2024-99998",
    )
    rng = random.Random(20250304)
    write("binary_garbage.eml", bytes(rng.randrange(256) for _ in range(16 * 1024)))
    write(
        "nul_and_control_bytes.eml",
        head("nul-body", "Vulnerability report with control bytes")
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Vulnerability:\x00 heap\x01 overflow\x1b[31m in the\x0c image parser.\r\n"
        "CVE-2024-10101\x00\x00\r\n\x85next line after a C1 NEL\r\n",
    )
    write(
        "mixed_line_endings.eml",
        "From: reporter@reporter.example\n"
        "Subject: Vulnerability report, mixed line ends\r"
        "To: security@desk.example\r\n"
        "Content-Type: text/plain; charset=utf-8\n\r\n"
        "Vulnerability: open redirect.\rCVE-2024-20202\n\rMitigation: allow-list the targets.\r\n",
    )

    # --- HTML -------------------------------------------------------------------
    opening = "<div><span><b>" * 700
    closing = "</b></span></div>" * 700
    write(
        "html_deep_nested_split_vector.eml",
        head("html-deep", "Vulnerability report (HTML only)")
        + "Content-Type: text/html; charset=utf-8\r\n\r\n"
        "<html><head><style>p { color: red }</style><script>var a = '<p>CVSS:3.0/AV:L</p>';</script></head><body>"
        + opening
        + "<p>Vulnerability: server-side request forgery in the image proxy.</p>"
        "<p>CVSS:3.1/AV:<b>N</b>/AC:<i>L</i>/PR:<span style=\"x\">N</span>/UI:N/S:<!-- c -->U/C:H/I:L/A:N</p>"
        "<p>Mitigation: block internal addresses &amp; metadata endpoints.</p>"
        + closing
        + "<div><div><div>unclosed"
        + "</body></html>\r\n",
    )

    # --- real-world shapes -------------------------------------------------------
    write(
        "english_qp_wrapped_vector.eml",
        head("qp-vector", "Vulnerability in the export endpoint")
        + "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        "Hello,\r\n\r\n"
        "Vulnerability: the CSV export endpoint lets any logged-in user download =\r\n"
        "every customer's orders by changing the account id.\r\n"
        "Severity vector: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N=\r\n"
        "/A:N\r\n"
        "Remediation: check that the account id belongs to the session =E2=80=94 =\r\n"
        "fixed in 5.2.3.\r\n\r\n"
        "Best regards,\r\nRita\r\n",
    )
    fwd_inner = (
        "Message-ID: <orig@researcher.example>\r\n"
        "Date: Sun, 02 Mar 2025 18:00:00 +0000\r\n"
        "From: Ivan Researcher <ivan@researcher.example>\r\n"
        "To: vendor-security@vendor.example\r\n"
        "Subject: Remote code execution in the plugin uploader\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Vulnerability: the plugin uploader unpacks archives without checking paths, "
        "so an admin-uploaded zip can write a PHP file into the web root (remote code execution).\r\n"
        "CVE-2025-10003\r\n"
        "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H\r\n"
        "Fix: reject entries with '..' or absolute paths.\r\n"
    )
    write(
        "forwarded_rfc822.eml",
        head("fwd", "Fwd: Remote code execution in the plugin uploader", frm="publisher@vendor.example")
        + 'Content-Type: multipart/mixed; boundary="fw"\r\n\r\n'
        "--fw\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "FYI, see below.\r\n"
        "--fw\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
        + fwd_inner
        + "--fw--\r\n",
    )
    write(
        "bounce_multipart_report.eml",
        "Return-Path: <>\r\n"
        "Message-ID: <bounce-1@mx.desk.example>\r\n"
        "Date: Tue, 04 Mar 2025 10:20:00 +0100\r\n"
        "From: Mail Delivery System <MAILER-DAEMON@mx.desk.example>\r\n"
        "To: security@desk.example\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"\r\n\r\n'
        "--dsn\r\nContent-Type: text/plain\r\n\r\n"
        "This is the mail system at host mx.desk.example.\r\n"
        "I'm sorry to have to inform you that your message could not be delivered.\r\n"
        "<gone@reporter.example>: host mx.reporter.example said: 550 5.1.1 user unknown\r\n"
        "--dsn\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.desk.example\r\n\r\n"
        "Final-Recipient: rfc822; gone@reporter.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "--dsn\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        "From: security@desk.example\r\nSubject: [SEC-7KQ3-M9PX] Received: vulnerability report\r\n"
        "--dsn--\r\n",
    )
    write(
        "out_of_office.eml",
        head("ooo", "Automatic reply: [SEC-7KQ3-M9PX] Vulnerability report received")
        + "Auto-Submitted: auto-replied\r\n"
        "X-Auto-Response-Suppress: All\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "I am out of the office until Monday with limited access to mail.\r\n",
    )
    write(
        "out_of_office_it.eml",
        head("ooo-it", "Risposta automatica: Fuori sede")
        + "Auto-Submitted: auto-generated\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Sono fuori ufficio fino a lunedì. Per urgenze scrivere a un collega.\r\n",
    )
    write(
        "mailing_list.eml",
        head("list", "[oss-security] Vulnerability in libexample (CVE-2025-10004)", frm="poster@lists.example")
        + "List-Id: Open Source Security <oss-security.lists.example>\r\n"
        "List-Unsubscribe: <mailto:oss-security-unsubscribe@lists.example>\r\n"
        "Precedence: list\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "A heap overflow in libexample's parser (CVE-2025-10004) allows remote code execution.\r\n"
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\r\n",
    )
    write(
        "precedence_bulk.eml",
        head("bulk", "Newsletter: security tips", frm="news@marketing.example")
        + "Precedence: bulk\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Ten tips to avoid phishing this spring.\r\n",
    )
    write(
        "outlook_italian_reply_qp.eml",
        "Message-ID: <AM0PR01MB1234@eurprd01.prod.outlook.example>\r\n"
        "In-Reply-To: <ticket-1@desk.example>\r\n"
        "References: <ticket-1@desk.example>\r\n"
        "Date: Tue, 04 Mar 2025 11:00:00 +0100\r\n"
        "From: Mario Rossi <mario.rossi@fornitore.example>\r\n"
        "To: Security Desk <security@desk.example>\r\n"
        "Subject: =?iso-8859-1?Q?R:_[SEC-7KQ3-M9PX]_Vulnerabilit=E0_nel_modulo_di_login?=\r\n"
        "Thread-Topic: =?iso-8859-1?Q?Vulnerabilit=E0_nel_modulo_di_login?=\r\n"
        "Content-Language: it-IT\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=iso-8859-1\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        "Buongiorno,\r\n\r\n"
        "ecco il vettore CVSS che mancava: CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L=\r\n"
        "/A:N\r\n"
        "La correzione =E8 nella versione 3.4.2.\r\n\r\n"
        "Cordiali saluti,\r\nMario Rossi\r\n\r\n"
        "________________________________\r\n"
        "Da: Security Desk <security@desk.example>\r\n"
        "Inviato: marted=EC 4 marzo 2025 10:16\r\n"
        "A: Mario Rossi <mario.rossi@fornitore.example>\r\n"
        "Oggetto: [SEC-7KQ3-M9PX] Vulnerabilit=E0 nel modulo di login\r\n\r\n"
        "Abbiamo ricevuto la sua segnalazione. Manca il CVE o il vettore CVSS.\r\n",
    )
    write(
        "incident_en_plain.eml",
        head("incident", "Security incident: customer data exposed")
        + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        "Hello,\r\n\r\n"
        "Incident: an attacker obtained read access to our order database through a "
        "leaked backup and exfiltrated about 2,000 customer e-mail addresses.\r\n"
        "Mitigation: the backup bucket is now private and all keys were rotated.\r\n"
        "Customer message: We are contacting the affected customers directly.\r\n\r\n"
        "Regards,\r\nRita\r\n",
    )
    write(
        "attachment_only_report.eml",
        head("att-only", "Security report attached")
        + 'Content-Type: multipart/mixed; boundary="ao"\r\n\r\n'
        "--ao\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n"
        "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(b"%PDF-1.4\n% not really a pdf\n").decode()
        + "\r\n--ao--\r\n",
    )


if __name__ == "__main__":
    main()
