"""The title and dateline row above the article."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader_app.domain.models import Article
from reader_app.gui.article.document import opens_with_title
from reader_app.gui.shared.plain_text import clip, plain_label


class ArticleHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = plain_label(QLabel(self))  # a title is data, never HTML
        self.title_label.setObjectName("articleTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = plain_label(QLabel(self))
        self.meta_label.setObjectName("articleMeta")
        self.meta_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)

    def show_article(self, article: Article | None) -> None:
        if article is None:
            self.title_label.setText("")
            self.meta_label.setText("")
            return
        self.title_label.setText(clip(article.title))
        self.title_label.setVisible(not opens_with_title(article))  # no headline twice
        self.meta_label.setText(clip(describe_article(article)))


def describe_article(article: Article) -> str:
    """The dateline row under the title: weekday and date, source, language."""
    parts = []
    if article.published:
        try:
            day = date.fromisoformat(article.published)
            parts.append(f"{day:%A} {day.day} {day:%B %Y}")
        except ValueError:
            parts.append(article.published)
    else:
        parts.append("Undated")
    parts.append(article.source)
    if article.language:
        parts.append(article.language)
    return "  ·  ".join(parts)
