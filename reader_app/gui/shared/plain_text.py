"""Data reaches Qt as plain text only, never as rich text.

Qt renders a string as HTML when it "looks like" HTML (Qt::mightBeRichText): QLabel
(AutoText), tooltips, QMessageBox and QInputDialog text. Titles, quotes, notes, kinds,
actor names, file names and error messages come from articles and library files: an
`<img src="file:///dev/zero">` in a title made Qt read /dev/zero and abort. Every widget
that shows such text goes through these helpers; tooltips cannot be told "plain", so
their text is escaped inside a rich-text wrapper that shows it literally.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_PLAIN = Qt.TextFormat.PlainText
DISPLAY_LIMIT = 2000  # characters of one title or name shown in a label


def plain_label(label: QLabel) -> QLabel:
    """label shows its text literally, whatever it looks like."""
    label.setTextFormat(_PLAIN)
    return label


def clip(text: str, limit: int = DISPLAY_LIMIT) -> str:
    """text cut to limit characters (a 1 MB title would take its label seconds to lay out)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tip(text: str | None) -> str | None:
    """A tooltip that shows text literally, line breaks kept (escaped in a rich-text
    wrapper: Qt would render a bare `<b>` or `&lt;` in a tooltip)."""
    if not text:
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str | None = None,
    details: str | None = None,
) -> QMessageBox:
    """A message box whose every text is plain: text, informative text, details."""
    box = QMessageBox(parent)
    box.setTextFormat(_PLAIN)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    for label in box.findChildren(QLabel):  # the informative label too, whatever the Qt version
        label.setTextFormat(_PLAIN)
    return box


def show_error(parent: QWidget | None, title: str, text: str, informative: str | None = None) -> None:
    """A modal error box (plain text), shown and closed before this returns."""
    message_box(parent, QMessageBox.Icon.Critical, title, text, informative).exec()


def literal_html(text: str) -> str:
    """Rich text that shows text literally: for a static QInputDialog or QMessageBox whose
    label cannot be told to be plain (Qt would render `<b>` or `&lt;` in it)."""
    return f"<qt>{html.escape(text, quote=False)}</qt>".replace("\n", "<br>")


def refused_resource(resource_type: int) -> object:
    """What loadResource returns to load nothing. Never None: with None (or, for an image,
    empty bytes) Qt loads the file itself. An image gets a 1x1 transparent image."""
    if int(getattr(resource_type, "value", resource_type)) == QTextDocument.ResourceType.ImageResource.value:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(0)
        return image
    return QByteArray()
