"""E-mail (.eml): subject, date, sender, the text part (or the sanitised HTML part), forwarded
messages, attachments listed in the memo and never imported; malformed and hostile mail."""

from __future__ import annotations

import sqlite3
import time
from email import policy
from email.message import EmailMessage
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"
import pytest

from reader_app.domain.models import STYLE_NAMES, ImportedArticle
from reader_app.formats.eml import MAX_DEPTH, MAX_PARTS
from reader_app.formats.importers import ImportRefused, collect_paths, parse_article
from reader_app.services.importing import import_paths

BODY = "The port will reopen on Thursday, the authority said.\nShips are waiting 🇺🇦.\n"


def mail(subject: str = "Port reopens on Thursday", body: str | None = BODY, **headers: str) -> EmailMessage:
    m = EmailMessage()
    m["From"] = headers.pop("sender", "Press Office <press@port.example>")
    m["To"] = headers.pop("to", "Desk <desk@example.net>")
    m["Subject"] = subject
    m["Date"] = headers.pop("date", "Mon, 13 Mar 2023 18:00:00 +0000")
    for k, v in headers.items():
        m[k.replace("_", "-")] = v
    if body is not None:
        m.set_content(body)
    return m


def parse(m: EmailMessage | bytes, name: str = "tip.eml") -> ImportedArticle:
    data = m if isinstance(m, bytes) else m.as_bytes(policy=policy.SMTP)
    a = parse_article(data, name)
    for s in a.styles:
        assert 0 <= s.start < s.end <= len(a.text) and s.style in STYLE_NAMES
    return a


def refused(data: bytes) -> str:
    with pytest.raises(ImportRefused) as info:
        parse_article(data, "bad.eml")
    assert "\n" not in str(info.value) and str(info.value).startswith("bad.eml: refused: ")
    return info.value.reason


def test_a_plain_message() -> None:
    a = parse(mail(cc="Editor <ed@example.net>"))
    assert a.title == "Port reopens on Thursday"
    assert a.text == "The port will reopen on Thursday, the authority said.\nShips are waiting 🇺🇦."
    assert a.published == "2023-03-13" and a.language == "en" and a.content_type == "text"
    assert a.source == "Press Office <press@port.example> (tip.eml)"
    assert a.memo.splitlines() == [
        "From: Press Office <press@port.example>", "To: Desk <desk@example.net>",
        "Cc: Editor <ed@example.net>", "Date: Mon, 13 Mar 2023 18:00:00 +0000",
        "Subject: Port reopens on Thursday"]
    assert a.warnings == ()


def test_the_date_is_the_senders_own_day() -> None:
    assert parse(mail(date="Tue, 14 Mar 2023 00:30:00 +0200")).published == "2023-03-14"
    assert parse(mail(date="not a date at all")).published is None
    assert parse(mail(date="Thu, 31 Feb 2023 10:00:00 +0000")).published is None


def test_encoded_headers_are_decoded() -> None:
    raw = (b"From: =?utf-8?b?0JDQvdC90LAg0JHQtdGA0LM=?= <anna@example.org>\r\n"
           b"Subject: =?utf-8?q?=D0=9F=D0=BE=D1=80=D0=BE=D0=BC=D0=B8_=F0=9F=87=BA=F0=9F=87=A6?=\r\n"
           b"Date: Tue, 14 Mar 2023 09:30:00 +0200\r\n"
           b"Content-Type: text/plain; charset=koi8-u\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           + "Пороми стоять у порту, і їх ніхто не розвантажує.\r\n".encode("koi8-u"))
    a = parse(raw)
    assert a.title == "Пороми 🇺🇦" and a.source == "Анна Берг <anna@example.org> (tip.eml)"
    assert a.text == "Пороми стоять у порту, і їх ніхто не розвантажує." and a.language == "uk"


def test_the_plain_part_of_an_alternative_is_the_article() -> None:
    m = mail()
    m.add_alternative("<html><body><p>HTML version</p></body></html>", subtype="html")
    a = parse(m)
    assert a.text.startswith("The port will reopen") and "HTML version" not in a.text


def test_an_html_only_message_goes_through_the_sanitiser() -> None:
    m = mail(body=None)
    m.set_content(
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        "<h1>Port reopens</h1><p>The <b>authority</b> said &lt;b&gt;so&lt;/b&gt;. "
        "<a href='javascript:steal()'>bad</a> <a href='https://port.example/'>site</a>"
        "<img src='file:///etc/passwd'><iframe src='https://evil.example/'>x</iframe></p></body></html>",
        subtype="html")
    a = parse(m)
    assert a.content_type == "html"
    assert a.text == "Port reopens\n\nThe authority said <b>so</b>. bad site"
    found = {(s.style, a.text[s.start : s.end], s.href) for s in a.styles}
    assert ("strong", "authority", None) in found and ("h1", "Port reopens", None) in found
    assert [s.href for s in a.styles if s.style == "link"] == ["https://port.example/"]


def test_a_forwarded_message_is_the_article_and_the_note_goes_to_the_memo() -> None:
    outer = mail("Fwd: Port reopens on Thursday", "FYI, see below.\n\nAnna\n",
                 sender="Anna Berg <anna@example.org>", date="Tue, 14 Mar 2023 09:30:00 +0200")
    inner = mail(date="Mon, 13 Mar 2023 18:00:00 +0000")
    inner.add_attachment(b"%PDF-1.4 " + b"x" * 300_000, maintype="application", subtype="pdf",
                         filename="statement.pdf")
    outer.add_attachment(inner)
    a = parse(outer)
    assert a.title == "Port reopens on Thursday" and a.published == "2023-03-13"
    assert a.text.startswith("The port will reopen") and "FYI" not in a.text
    assert a.source == "Press Office <press@port.example> (tip.eml)"
    memo = a.memo.splitlines()
    assert "Forwarded by Anna Berg <anna@example.org>:" in memo
    assert "> FYI, see below." in memo and "> Anna" in memo
    assert memo[-2:] == ["Attachments (not imported):",
                         "- statement.pdf (application/pdf, 293 KiB)"]
    assert "%PDF" not in a.text


def test_fwd_prefixes_leave_the_title() -> None:
    assert parse(mail("Fwd: FW: TR: Port reopens")).title == "Port reopens"


def test_attachments_are_listed_with_their_size_and_never_decoded() -> None:
    m = mail()
    m.add_attachment(b"\x00" * (12 * 2**20), maintype="application", subtype="octet-stream",
                     filename="=?utf-8?b?0LfQstGW0YIuemlw?=")
    m.add_attachment("Statement, as text.\n", filename="statement.txt")
    data = m.as_bytes(policy=policy.SMTP)
    start = time.perf_counter()
    a = parse(data)
    assert time.perf_counter() - start < 10
    assert a.text.startswith("The port will reopen") and "Statement, as text" not in a.text
    listed = a.memo.split("Attachments (not imported):\n", 1)[1].splitlines()
    assert listed == ["- звіт.zip (application/octet-stream, 12.0 MiB)",
                      "- statement.txt (text/plain, 21 bytes)"]  # as sent: CRLF


def test_mis_encoded_body_is_repaired_with_a_warning() -> None:
    broken = "Two men—Donald J. Trump said “no”.".encode().decode("sloppy-windows-1252")
    a = parse(mail(body=broken))
    assert a.text == "Two men—Donald J. Trump said “no”."
    assert any(w.startswith("repaired mis-encoded text") for w in a.warnings)
    b = parse(mail("CafÃ© talks â€” day two"))
    assert b.title == "Café talks — day two" and b.text.startswith("The port will reopen")
    assert any(w.startswith("repaired mis-encoded text") for w in a.warnings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"just some words, no headers at all\n", "not an e-mail message"),
        (b"\n\nSubject: late\n", "not an e-mail message"),
        (b"Subject: only an attachment\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n",
         "no readable text"),
        (b"Subject: empty\r\n\r\n   \r\n", "no readable text"),
        (b"Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
         b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n",
         None),
    ],
)
def test_malformed_mail_is_one_line_or_read_leniently(data: bytes, reason: str | None) -> None:
    if reason is None:  # truncated multipart, bad base64: the stdlib reads what it can
        try:
            parse(data)
        except ImportRefused as e:
            assert "\n" not in str(e)
        return
    assert reason in refused(data)


def nested(depth: int) -> bytes:
    head = b"Subject: nested\r\nMIME-Version: 1.0\r\n"
    parts = b"Content-Type: text/plain\r\n\r\ninnermost text\r\n"
    for i in range(depth):
        b = f"b{i}".encode()
        parts = (b"Content-Type: multipart/mixed; boundary=\"" + b + b"\"\r\n\r\n--" + b + b"\r\n"
                 + parts + b"--" + b + b"--\r\n")
    return head + parts


def test_a_bomb_of_nested_parts_is_refused_quickly() -> None:
    assert parse(nested(5)).text == "innermost text"
    start = time.perf_counter()
    assert "nested too deep" in refused(nested(MAX_DEPTH + 5))
    assert "too many MIME parts" in refused(nested(MAX_PARTS + 10))
    assert time.perf_counter() - start < 10
    wide = (b"Subject: wide\r\nContent-Type: multipart/mixed; boundary=\"w\"\r\n\r\n"
            + b"--w\r\nContent-Type: text/plain\r\n\r\npart\r\n" * (MAX_PARTS + 5) + b"--w--\r\n")
    assert "too many MIME parts" in refused(wide)


def test_eml_files_are_collected_and_the_memo_is_stored(tmp_path: Path, db, db_path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    m = mail()
    m.add_attachment(b"data", maintype="image", subtype="png", filename="photo.png")
    (folder / "tip.eml").write_bytes(m.as_bytes(policy=policy.SMTP))
    (folder / "junk.eml").write_bytes(b"no headers here")
    assert [p.name for p in collect_paths([folder])] == ["junk.eml", "tip.eml"]
    report = import_paths(db, [folder])
    assert len(report.created) == 1 and len(report.refused) == 1
    conn = sqlite3.connect(db_path)
    try:
        title, memo, source = conn.execute(
            "SELECT title, memo, source FROM articles WHERE id = ?",
            (report.created[0].article_id,)).fetchone()
    finally:
        conn.close()
    assert title == "Port reopens on Thursday" and source.endswith("(tip.eml)")
    assert memo.endswith("Attachments (not imported):\n- photo.png (image/png, 4 bytes)")


def forward_chain(n: int) -> bytes:
    return b"".join(b"From: hop%d@example.org\r\nSubject: Fwd: hop %d\r\nContent-Type: message/rfc822\r\n\r\n"
                    % (i, i) for i in range(n)) + b"Subject: the release\r\n\r\ninner text\r\n"


def test_a_chain_of_forwards_is_followed_to_the_message_and_bounded() -> None:
    a = parse(forward_chain(3))
    assert (a.title, a.text) == ("the release", "inner text")
    assert a.memo.count("The forwarded message:") == 3
    assert "Forwarded by hop2@example.org" in a.memo
    start = time.perf_counter()
    assert "forwarded messages nested too deep" in refused(forward_chain(MAX_DEPTH + 5))
    assert "too many forwarded messages" in refused(forward_chain(MAX_PARTS + 5))
    assert "\n" not in refused(forward_chain(MAX_PARTS - 10))  # the stdlib's own recursion, or ours
    assert "\n" not in refused(nested(MAX_PARTS - 10))
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("param", [b'boundary="B"', b'boundary*0="B"', b"boundary*=''B"])
def test_a_wide_message_is_refused_before_it_is_parsed(param: bytes) -> None:
    wide = (b"From: a@b\r\nSubject: w\r\nContent-Type: multipart/mixed; " + param + b"\r\n\r\n"
            + b"--B\r\n\r\nx\r\n" * 200_000 + b"--B--\r\n")
    start = time.perf_counter()
    assert "too many MIME parts" in refused(wide)
    assert time.perf_counter() - start < 1.5
    deep = b"From: a@b\r\nSubject: x\r\n" + b"".join(
        b'Content-Type: multipart/mixed; boundary*0="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(3000))
    assert "too many MIME parts" in refused(deep + b"Content-Type: text/plain\r\n\r\nhello\r\n")
    assert time.perf_counter() - start < 3


def test_signature_lines_in_a_multipart_body_are_not_parts() -> None:
    m = mail(body="Body.\n" + "-- \nsig\n" * (MAX_PARTS + 50))
    m.add_attachment(b"data", maintype="image", subtype="png", filename="photo.png")
    assert parse(m).text.startswith("Body.")


def test_a_text_part_with_a_file_name_is_an_attachment_not_the_body() -> None:
    raw = (b'From: a@b\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n'
           b'--B\r\nContent-Type: text/plain; name="secret.txt"\r\n'
           b'Content-Disposition: inline; filename="secret.txt"\r\n\r\nATTACHMENT CONTENT\r\n'
           b"--B\r\nContent-Type: text/html\r\n\r\n<p>The real <b>body</b> \xf0\x9f\x87\xba\xf0\x9f\x87\xa6.</p>\r\n"
           b"--B\r\nContent-Type: text/plain\r\n\r\na second note\r\n"
           b'--B\r\nContent-Type: text/csv; name="data.csv"\r\nContent-Disposition: inline; filename="data.csv"'
           b"\r\n\r\na,b\r\n--B--\r\n")
    a = parse(raw)
    assert "ATTACHMENT" not in a.text and "ATTACHMENT" not in a.memo
    assert a.memo.split("Attachments (not imported):\n")[1].splitlines() == [
        "- secret.txt (text/plain, 18 bytes)", "- data.csv (text/csv, 3 bytes)",
        "- (no name) (text/html, 37 bytes)"]
    assert a.text == "a second note"  # the first unnamed text/plain part is the body


def test_the_html_twin_of_the_body_is_not_listed() -> None:
    m = mail()
    m.add_alternative("<p>The port will reopen.</p>", subtype="html")
    a = parse(m)
    assert a.content_type == "text" and "Attachments" not in a.memo


def test_controls_and_bidi_overrides_leave_encoded_headers() -> None:
    raw = (b"From: =?utf-8?q?Anna_=E2=80=AEBerg?= <a@b>\r\n"
           b"Subject: =?utf-8?b?PGI+Ym9sZDwvYj4gAA==?= =?utf-8?q?=E2=80=AEevil=E2=81=A6_=F0=9F=87=BA=F0=9F=87=A6?=\r\n"
           b"Date: Mon, 15 Mar 2024 10:00:00 +0000\r\n\r\nBody text\r\n")
    a = parse(raw)
    assert a.title == "<b>bold</b> evil 🇺🇦"
    assert a.source == "Anna Berg <a@b> (tip.eml)"
    for ch in "\x00\u202e\u2066":
        assert ch not in a.memo and ch not in a.title and ch not in a.source
