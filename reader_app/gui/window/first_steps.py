"""A short "first steps" note above the bundled sample article, shown the first time
the sample opens (a QSettings flag), dismissible, and on demand from Help > First Steps."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader_app.domain.models import Article
from reader_app.resources_path import sample_article_path

SHOWN_KEY = "help/firstStepsShown"
TEXT = (
    "1. Select a few words in the article, then press C for a claim, A for an actor or "
    "D for a date.\n"
    "2. Click a highlight to select its tag: the panel on the right edits its value "
    "and note.\n"
    "3. Dotted boxes are suggestions: Tab goes to the next one, Enter accepts it, "
    "Backspace rejects it.\n"
    "4. Ctrl+Z undoes any step. Ctrl+I imports your own articles, Ctrl+E exports the tags.\n"
    "Press ? in the article for every keyboard shortcut."
)


def is_sample(article: Article | None) -> bool:
    return article is not None and article.source == sample_article_path().name


class FirstSteps(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        title = QLabel("First steps", self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.body = QLabel(TEXT, self)
        self.body.setObjectName("firstStepsText")
        self.body.setWordWrap(True)
        for label in (title, self.body):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QPushButton("Got it", self)
        self.close_button.setObjectName("firstStepsDismiss")
        self.close_button.setToolTip("Hide these first steps (Help > First Steps shows them again)")
        self.close_button.clicked.connect(self._on_close_button_clicked)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.hide()

    @Slot()
    def _on_close_button_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()

    def article_opened(self, article: Article | None) -> None:
        """The first time the sample opens: shown (and never again by itself); another
        article hides it."""
        if not is_sample(article):
            self.hide()
            return
        settings = QSettings()
        if settings.value(SHOWN_KEY, False, type=bool):
            return
        settings.setValue(SHOWN_KEY, True)
        settings.sync()
        self.show()
