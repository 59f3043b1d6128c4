"""The report as one self-contained HTML file: CSS inline, pictures as data: URIs.

Everything that comes from the library (titles, quotes, notes, names, sources) is escaped
with html.escape(quote=True): the only tags and attributes in the file are ours, and the
only URLs are data: pictures and #anchors. Qt's QTextDocument renders the same markup for
the PDF, so it keeps to what Qt's rich-text subset draws (tables, headings, paragraphs).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping

from reader_app.domain.report import ReportClaim, ReportData

PICTURE_CAPTIONS = {"timeline": "Timeline of the selection",
                    "network": "Actor network of the selection"}
PICTURE_WIDTH = 640  # pixels shown at most: within an A4 page's text width (680 px)
TEXT_LIMIT = 4000  # characters of one quote, note or title: a report is read, not searched
_PNG = b"\x89PNG\r\n\x1a\n"
_CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #1a1a1a; margin: 1.5em; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 14pt; margin-top: 1.4em; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin-top: 1em; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 0.8em; }
th, td { border: 1px solid #bbb; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eee; }
td.quote { white-space: pre-wrap; }
span.note { color: #555; white-space: pre-wrap; }
img { max-width: 100%; }
@media print { h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
"""


def esc(text: object) -> str:
    """Data as HTML text: escaped, quotes too; cut at TEXT_LIMIT characters."""
    value = "" if text is None else str(text)
    if len(value) > TEXT_LIMIT:
        value = value[:TEXT_LIMIT] + f"… [{len(value) - TEXT_LIMIT:,} more characters]"
    return html.escape(value, quote=True)


def report_html(data: ReportData, pictures: Mapping[str, bytes] | None = None) -> str:
    """The whole report; pictures maps a name ("timeline", "network") to PNG bytes.
    Bytes that are not a PNG are left out rather than embedded."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<title>Analyst Reader report</title>", f"<style>{_CSS}</style></head><body>",
           "<h1>Analyst Reader report</h1>",
           f'<p class="meta">{esc(data.scope)}. Generated {esc(data.generated)}.</p>']
    out += _contents(data)
    for name, png in (pictures or {}).items():
        if png.startswith(_PNG):
            caption = esc(PICTURE_CAPTIONS.get(name, name))
            width = min(PICTURE_WIDTH, int.from_bytes(png[16:20], "big")) or PICTURE_WIDTH
            out.append(f"<h2>{caption}</h2><p><img alt=\"{caption}\" width=\"{width}\""
                       f" src=\"data:image/png;base64,{base64.b64encode(png).decode('ascii')}\">"
                       "</p>")
    out += _actors(data)
    out += _chronology(data)
    out += _articles(data)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _contents(data: ReportData) -> list[str]:
    claims = sum(len(a.claims) for a in data.actors)
    named = sum(a.actor_id is not None for a in data.actors)  # "No claimant" is nobody
    return [f"<p>{claims} claim{'s' * (claims != 1)} by {named} named"
            f" claimant{'s' * (named != 1)} in {len(data.articles)}"
            f" article{'s' * (len(data.articles) != 1)}.</p>",
            '<p><a href="#actors">Claims by actor</a> · <a href="#chronology">Chronology</a>'
            ' · <a href="#articles">Articles</a></p>']


def _actors(data: ReportData) -> list[str]:
    out = ['<h2 id="actors"><a name="actors"></a>Claims by actor</h2>']
    if not data.actors:
        out.append("<p>No claims in the selection.</p>")
    for actor in data.actors:
        kind = f" ({esc(actor.type)})" if actor.type else ""
        n = len(actor.claims)
        out.append(f"<h3>{esc(actor.name)}{kind} — {n} claim{'s' * (n != 1)}</h3>")
        out.append("<table><tr><th>Claim</th><th>Date</th><th>Status</th><th>Grade</th>"
                   "<th>Article</th></tr>")
        out += [f"<tr>{_quote(c)}<td>{esc(c.claim_date or '—')}</td>"
                f"<td>{esc(c.status or '—')}</td><td>{esc(c.grade or '—')}</td>"
                f"{_source(c)}</tr>" for c in actor.claims]
        out.append("</table>")
    return out


def _chronology(data: ReportData) -> list[str]:
    out = ['<h2 id="chronology"><a name="chronology"></a>Chronology</h2>']
    if data.undated:
        out.append(f"<p class=\"meta\">Dated claims by claim date (a week or an interval at its"
                   f" first day). {data.undated} claim{'s' * (data.undated != 1)} without a"
                   f" date {'are' if data.undated != 1 else 'is'} not in the chronology.</p>")
    if not data.chronology:
        out.append("<p>No dated claims in the selection.</p>")
        return out
    out.append("<table><tr><th>Date</th><th>Claimant</th><th>Claim</th><th>Status</th>"
               "<th>Grade</th><th>Article</th></tr>")
    out += [f"<tr><td>{esc(c.claim_date)}</td><td>{esc(c.claimant or '—')}</td>{_quote(c)}"
            f"<td>{esc(c.status or '—')}</td><td>{esc(c.grade or '—')}</td>{_source(c)}</tr>"
            for c in data.chronology]
    out.append("</table>")
    return out


def _articles(data: ReportData) -> list[str]:
    out = ['<h2 id="articles"><a name="articles"></a>Articles</h2>']
    if not data.articles:
        return [*out, "<p>No articles in the selection.</p>"]
    out.append("<table><tr><th>Published</th><th>Title</th><th>Source</th><th>Claims</th></tr>")
    out += [f"<tr><td>{esc(a.published or 'undated')}</td><td>{esc(a.title)}</td>"
            f"<td>{esc(a.source)}</td><td>{a.claims}</td></tr>" for a in data.articles]
    out.append("</table>")
    return out


def _quote(c: ReportClaim) -> str:
    note = f'<br><span class="note">Note: {esc(c.note)}</span>' if c.note else ""
    return f'<td class="quote">“{esc(c.quote)}”{note}</td>'


def _source(c: ReportClaim) -> str:
    published = esc(c.article_published or "undated")
    return f"<td>{esc(c.article_title)}<br>{published} · {esc(c.article_source)}</td>"
