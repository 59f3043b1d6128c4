"""E-mail messages (.eml, RFC 5322 / MIME) -> ImportedArticle, with the stdlib parser;
and the page inside a saved .mhtml (the same MIME), which the HTML importer then reads.

The article is the message's text: its first text/plain part that is not an
attachment, else its first text/html part through the app's sanitiser. A forwarded
message (a message/rfc822 part) is the article itself: its subject, date and body;
the forwarder's own note goes to the memo. Subject -> title (RFC 2047 words
decoded), Date -> published, From -> the source ("Anna Berg <anna@example.org>
(tip.eml)"); To, Cc, the Date as written and the attachments (name, type, size;
never decoded, never imported) -> the memo. Bounded: at most MAX_PARTS MIME parts
and MAX_DEPTH levels of nesting, counted in the raw bytes before the parser runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import Message

from reader_app.domain.models import ImportedArticle, StyleSpan
from reader_app.formats.dateline import guess_language, text_title
from reader_app.formats.decode import DecodeError, decode_bytes
from reader_app.formats.mojibake import repair_report
from reader_app.formats.rendered import CancelCheck, ImportCancelled, render_html, sanitize_html

__all__ = ["MAX_DEPTH", "MAX_PARTS", "MailError", "import_eml", "mhtml_page"]

MAX_PARTS = 500  # MIME parts in one message
MAX_DEPTH = 20  # multipart / message parts inside each other
_HEADER_NAMES = ("from", "to", "subject", "date", "message-id", "mime-version", "content-type")
# boundary=, and the RFC 2231 forms boundary*= and boundary*0= (not the *1= continuations)
_BOUNDARY = re.compile(rb"boundary(?:\*0?\*?)?\s*=", re.I)
_DELIMITER = re.compile(rb"^--\S", re.M)  # a line that may open or close a MIME part
# Controls and bidi overrides/isolates an RFC 2047 word can smuggle into a one-line header
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NO_NAME = "(no name)"
_FORWARD_PREFIX = re.compile(r"^\s*((fwd?|tr|wg|fw)\s*:\s*)+", re.I)


class MailError(ValueError):
    """The file is not a message we can read; str(e) is the reason."""


@dataclass
class _Found:
    body: Message | None = None
    html: Message | None = None
    forwarded: Message | None = None
    attachments: list[str] = field(default_factory=list)
    parts: int = 0
    body_parent: Message | None = None  # the multipart around body / html
    html_parent: Message | None = None


def import_eml(data: bytes, source: str, stem: str, should_cancel: CancelCheck = None) -> ImportedArticle:
    _count_parts(data)
    msg = _parse(data)
    if should_cancel is not None and should_cancel():
        raise ImportCancelled("import cancelled")
    if not any(name in msg for name in _HEADER_NAMES):
        raise MailError("not an e-mail message (no From, To, Subject or Date header)")
    found = _walk(msg, _Found(), 0)
    memo = _headers_memo(msg)
    article_msg: Message = msg
    depth = 0
    while found.forwarded is not None:  # the forwarded message is the article ("Fwd: Fwd:")
        depth += 1
        if depth > MAX_DEPTH:
            raise MailError(f"forwarded messages nested too deep (over {MAX_DEPTH} levels)")
        inner = _walk(found.forwarded, _Found(), depth)
        if inner.body is None and inner.html is None and inner.forwarded is None:
            break  # nothing to read in it: it stays an attachment of the one around it
        note = _text_of(found.body) if found.body is not None else ""
        memo += ["", f"Forwarded by {_header(article_msg, 'from') or '(no sender)'}"
                     + (":" if note.strip() else "")]
        memo += [f"> {line}" for line in note.splitlines() if line.strip()]
        memo += ["", "The forwarded message:", *_headers_memo(found.forwarded)]
        inner.attachments[:0] = found.attachments
        article_msg, found = found.forwarded, inner
    text, styles, kind, warnings = _body(found, should_cancel)
    if found.attachments:
        memo += ["", "Attachments (not imported):", *(f"- {a}" for a in found.attachments)]
    subject, repaired = repair_report(_FORWARD_PREFIX.sub("", _header(article_msg, "subject")))
    if repaired and not warnings:
        warnings.append(repaired)
    sender = _header(article_msg, "from") or _header(msg, "from")
    return ImportedArticle(
        title=" ".join(subject.split()) or text_title(text, stem),
        text=text,
        source=f"{sender} ({source})" if sender else source,
        published=_date(article_msg) or _date(msg),
        language=guess_language(text),
        content_type=kind,
        styles=styles,
        warnings=tuple(warnings),
        memo="\n".join(memo).strip(),
    )


def _count_parts(data: bytes) -> None:
    """Refuse a message with more than MAX_PARTS parts before the parser spends minutes on it:
    multipart headers, and (when there is any boundary) the delimiter lines in the raw bytes."""
    nested = len(_BOUNDARY.findall(data))
    if nested > MAX_PARTS:
        raise MailError(f"too many MIME parts ({nested:,} multiparts; the limit is {MAX_PARTS})")
    if not nested:
        return
    # A closing "--b--" line counts too, so the limit is on delimiters, not quite parts.
    for lines, _ in enumerate(_DELIMITER.finditer(data), 1):
        if lines > 2 * MAX_PARTS:
            raise MailError(f"too many MIME parts (over {MAX_PARTS})")


def _parse(data: bytes) -> Message:
    if data.count(b"message/rfc822") > MAX_PARTS:
        raise MailError(f"too many forwarded messages (over {MAX_PARTS})")
    try:
        return message_from_bytes(data, policy=policy.default)
    except RecursionError:  # message/rfc822 parts inside each other, thousands deep
        raise MailError("MIME parts nested too deep") from None


def mhtml_page(data: bytes) -> str:
    """The page of a saved .mhtml/.mht (a MIME multipart/related message): its first
    text/html part, decoded; its images and styles are not read."""
    _count_parts(data)
    found = _walk(_parse(data), _Found(), 0)
    page = _text_of(found.html) if found.html is not None else ""
    if not page.strip():
        raise MailError("no HTML page in this MHTML file")
    return page


def _walk(part: Message, found: _Found, depth: int, parent: Message | None = None) -> _Found:
    """The body, HTML, forwarded message and attachments under part, in order."""
    found.parts += 1
    if found.parts > MAX_PARTS:
        raise MailError(f"too many MIME parts (over {MAX_PARTS})")
    if depth > MAX_DEPTH:
        raise MailError(f"MIME parts nested too deep (over {MAX_DEPTH} levels)")
    ctype = part.get_content_type()
    if ctype == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        if isinstance(inner, Message) and found.forwarded is None:
            found.forwarded = inner
        elif isinstance(inner, Message):
            found.attachments.append(_attachment(part, "forwarded message: " + _header(inner, "subject")))
        return found
    if part.is_multipart():
        payload = part.get_payload()
        for sub in payload if isinstance(payload, list) else ():
            if isinstance(sub, Message):
                _walk(sub, found, depth + 1, part)
        return found
    # A part with a file name is an attachment, even an inline text/plain one (Apple Mail).
    attached = part.get_content_disposition() == "attachment" or _filename(part) != _NO_NAME
    if not attached and ctype == "text/plain" and found.body is None:
        found.body, found.body_parent = part, parent
    elif not attached and ctype == "text/html" and found.html is None:
        found.html, found.html_parent = part, parent
    else:  # every other part is listed, never read
        found.attachments.append(_attachment(part, _filename(part)))
    return found


def _body(
    found: _Found, should_cancel: CancelCheck
) -> tuple[str, tuple[StyleSpan, ...], str, list[str]]:
    """(text, styles, content type, warnings) of the message's readable part."""
    warnings: list[str] = []
    for part, kind in ((found.body, "text"), (found.html, "html")):
        if part is None:
            continue
        raw = _text_of(part)
        raw, repaired = repair_report(raw, should_cancel)
        if kind == "html":
            text, styles = render_html(sanitize_html(raw, should_cancel=should_cancel), should_cancel)
        else:
            text, styles = raw.strip(" \t\n\f\v"), ()
        if text:
            other = found.html if kind == "text" else found.body
            alternative = (found.body_parent is not None and found.body_parent is found.html_parent
                           and found.body_parent.get_content_type() == "multipart/alternative")
            if other is not None and not alternative:  # not the same text in another form: list it
                found.attachments.append(_attachment(other, _filename(other)))
            return text, styles, kind, [repaired] if repaired else warnings
    raise MailError("no readable text (no text/plain or text/html part with text)")


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        return ""
    try:
        return decode_bytes(payload, part.get_content_charset())
    except DecodeError:
        return ""


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - a malformed header is as good as none
        return ""
    return " ".join(_UNSAFE.sub(" ", str(value)).split()) if value is not None else ""


def _date(msg: Message) -> str | None:
    try:
        value = msg.get("date")
        when = getattr(value, "datetime", None)
    except Exception:  # noqa: BLE001 - an unparsable Date header is no date
        return None
    return when.date().isoformat() if when is not None else None


def _headers_memo(msg: Message) -> list[str]:
    lines = []
    for name, label in (("from", "From"), ("to", "To"), ("cc", "Cc"), ("date", "Date"),
                        ("subject", "Subject")):
        value = _header(msg, name)
        if value:
            lines.append(f"{label}: {value}")
    return lines


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        name = None
    return " ".join(_UNSAFE.sub(" ", str(name)).split()) if name else _NO_NAME


def _attachment(part: Message, name: str) -> str:
    """'name (type, size)', the size estimated from the encoded payload (not decoded)."""
    raw = part.get_payload(decode=False)
    size = len(raw) if isinstance(raw, str) else 0
    if isinstance(raw, str) and (part.get("content-transfer-encoding") or "").strip().lower() == "base64":
        body = raw.rstrip()
        padding = len(body) - len(body.rstrip("="))
        size = (size - sum(map(raw.count, "\r\n \t"))) * 3 // 4 - padding
    return f"{name} ({part.get_content_type()}, {_size(size)})"


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.1f} MiB"
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} bytes"

