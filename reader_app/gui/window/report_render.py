"""The report's Qt parts: the timeline and network pictures, and the PDF (Qt's own printing).

Used by File > Export Report… and, injected through reader_app.app, by `reader-app report`.
The PDF is our own escaped HTML (formats/report_html) laid out by a QTextDocument that
loads nothing but the data: pictures inside it.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader_app.formats.report_html import report_html
from reader_app.services.report import ReportData, report_data
from reader_app.services.search import SearchFilter

PICTURE_SIZE = (1000, 450)  # pixels; shown at most 640 wide (formats/report_html)
REPORT_FORMATS = ("html", "pdf")


class ReportDocument(QTextDocument):
    """A QTextDocument that loads data:image/png pictures and refuses everything else
    (returning None would let Qt read files or the network itself)."""

    def loadResource(self, kind: int, url: QUrl) -> Any:
        text = url.toString()
        if url.scheme() == "data" and text.startswith("data:image/png;base64,"):
            image = QImage.fromData(base64.b64decode(text.split(",", 1)[1]), "PNG")
            if not image.isNull():
                return image
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return QByteArray()


def _picture_functions() -> dict[str, Callable[..., QImage]]:
    """The views' picture functions (imported with the first report, not with the window)."""
    from reader_app.gui.views.network_picture import network_picture
    from reader_app.gui.views.timeline_view import timeline_picture

    return {"timeline": timeline_picture, "network": network_picture}


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def render_pictures(db: Any, flt: SearchFilter | None,
                    article_ids: Sequence[int] | None = None) -> dict[str, bytes]:
    """name -> PNG of each view's picture of the selection: what flt selects, within
    article_ids if given, as the report's text (GUI thread: Qt paints them)."""
    width, height = PICTURE_SIZE
    pictures = {}
    for name, draw in _picture_functions().items():
        image = draw(db, flt, width, height, article_ids=article_ids)
        if not image.isNull():
            pictures[name] = png_bytes(image)
    return pictures


def write_pdf(html: str, path: Path) -> int:
    """Lay html out on A4 pages into a PDF at path; the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setTitle("Analyst Reader report")
    writer.setCreator("Analyst Reader")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(96)  # the HTML's pixel sizes are screen pixels
    document = ReportDocument()
    document.setHtml(html)
    document.setPageSize(QSizeF(writer.width(), writer.height()))  # pageCount() as printed
    document.print_(writer)
    pages = document.pageCount()
    del writer  # closes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path}: Qt could not write the PDF")
    return pages


def write_report(data: ReportData, pictures: dict[str, bytes], fmt: str, output: Path) -> str:
    """Write the report as html or pdf; one line saying what was written."""
    html = report_html(data, pictures)
    if fmt == "pdf":
        pages = write_pdf(html, output)
        return f"Wrote the report ({pages} page{'s' * (pages != 1)} PDF) to {output}"
    output.write_text(html, encoding="utf-8", errors="replace")
    return f"Wrote the report to {output}"


def render_report(db: Any, flt: SearchFilter | None, fmt: str, output: Path,
                  article_ids: Sequence[int] | None = None) -> str:
    """The whole report in one call (the command line): data, pictures, file."""
    data = report_data(db, flt, article_ids)
    pictures = render_pictures(db, flt, article_ids)
    return write_report(data, pictures, fmt, output)
