"""Find in the article: a bar under the view, hidden until the window's Find action.

Matches are searched in article.text (code points), never in the document's plain
text, so they land exactly on the stored offsets even after emoji, flags or astral
CJK. Case-insensitive matching is re.IGNORECASE on the original text (never a
lowered copy, whose length can differ: "İ".lower() is two code points). "Whole
words" and "Match case" are UI state, remembered in QSettings.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader_app.gui.article.view import ArticleView
from reader_app.gui.shared.flow_layout import FlowLayout
from reader_app.gui.shared.plain_text import plain_label

WHOLE_WORDS_KEY = "find/wholeWords"
MATCH_CASE_KEY = "find/matchCase"
APOSTROPHES = "'\u2019\u02bc"  # ASCII, right single quotation mark, modifier letter
# English clitics after an apostrophe end the word before it: "Russia's" holds "Russia"
_CLITIC = re.compile(r"(?:s|t|d|m|ll|re|ve)(?!\w)", re.IGNORECASE)


def _is_word(char: str) -> bool:
    """A letter, digit or underscore (re's Unicode \\w), or a combining mark (it belongs to
    the letter before it: "e" + U+0301 is one letter)."""
    return char.isalnum() or char == "_" or unicodedata.category(char)[0] == "M"


def _word_before(text: str, i: int) -> bool:
    """text[i - 1] continues a word that ends there ("п'" in "п'ять" continues "п")."""
    if i <= 0:
        return False
    before = text[i - 1]
    if before in APOSTROPHES:
        return i >= 2 and _is_word(text[i - 2])
    return _is_word(before)


def _word_after(text: str, i: int) -> bool:
    """text[i] continues the word that ends before it: a word character, or an apostrophe
    followed by one (Ukrainian "м'ясо"), unless what follows is an English clitic."""
    if i >= len(text):
        return False
    after = text[i]
    if after in APOSTROPHES:
        return (i + 1 < len(text) and _is_word(text[i + 1])
                and _CLITIC.match(text, i + 1) is None)
    return _is_word(after)


def find_spans(text: str, query: str, whole_words: bool = False,
               match_case: bool = False) -> list[tuple[int, int]]:
    """Non-overlapping matches of query as (start, end) code points: case-insensitive
    unless match_case; with whole_words, only where no letter (or digit) touches a word
    edge of the query (Cyrillic, Greek, CJK are letters; punctuation, spaces and emoji
    are not)."""
    if not query:
        return []
    flags = 0 if match_case else re.IGNORECASE
    if not whole_words:
        return [m.span() for m in re.finditer(re.escape(query), text, flags)]
    head, tail = _is_word(query[0]), _is_word(query[-1])
    # the plain \w test in the pattern (C speed: "software" never reaches Python);
    # apostrophes and combining marks are checked on each candidate
    pattern = re.compile(("(?<!\\w)" if head else "") + re.escape(query)
                         + ("(?!\\w)" if tail else ""), flags)
    found: list[tuple[int, int]] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start, end = m.span()
        if (head and _word_before(text, start)) or (tail and _word_after(text, end)):
            pos = start + 1  # a later match may overlap this candidate
            continue
        found.append((start, end))
        pos = max(end, start + 1)
    return found


class FindBar(QWidget):
    """Enter / Shift+Enter: next / previous match; Esc hides the bar."""

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        # its placeholder and a word stay readable in a narrow pane (it shrank to ~30 px)
        self.field.setMinimumWidth(self.fontMetrics().horizontalAdvance("Find in article") + 36)
        self.count_label = plain_label(QLabel(self))
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 of 100"))
        settings = QSettings()
        self.whole_words = self._check_box("findWholeWords", "Whole words",
                                           "Match whole words only", WHOLE_WORDS_KEY, settings)
        self.match_case = self._check_box("findMatchCase", "Match case",
                                          "Match upper and lower case exactly", MATCH_CASE_KEY,
                                          settings)
        self.previous_button = self._button("findPrevious", "↑", "Previous match (Shift+Enter)")
        self.next_button = self._button("findNext", "↓", "Next match (Enter)")
        self.close_button = self._button("findClose", "✕", "Close (Esc)")
        # three groups that wrap onto a second line in a narrow pane (in one squeezed row
        # the count ran under the field's clear button and "Whole words" was cut)
        layout = FlowLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widgets in (
            (self.field, self.count_label),
            (self.whole_words, self.match_case),
            (self.previous_button, self.next_button, self.close_button),
        ):
            group = QWidget(self)
            row = QHBoxLayout(group)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                widget.setParent(group)
                row.addWidget(widget)
            layout.addWidget(group)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.dismiss)
        self.view.article_shown.connect(self._on_view_article_shown)
        self.hide()

    def _check_box(self, name: str, text: str, tip: str, key: str,
                   settings: QSettings) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.setToolTip(tip)
        box.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus in the field
        # no mnemonic: the tag editor's field labels use up the Alt letters
        box.setChecked(settings.value(key, False, type=bool))
        box.toggled.connect(lambda on, k=key: self._on_option_toggled(k, on))
        return box

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    @Slot()
    def open(self) -> None:
        """Show the bar with the field focused; the window's Find action (Ctrl+F) calls this."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search()

    @Slot()
    def dismiss(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.view.set_find_matches([])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def search(self) -> None:
        """Search the current text from where the reader is; show the first match."""
        article = self.view.article
        self.matches = [] if article is None else find_spans(
            article.text, self.field.text(), whole_words=self.whole_words.isChecked(),
            match_case=self.match_case.isChecked())
        self.view.set_find_matches(self.matches)
        self.current = -1
        if self.matches:
            here = self.view.cursor_offset()
            self.current = next((i for i, m in enumerate(self.matches) if m[0] >= here), 0)
            self.view.select_span(*self.matches[self.current])
        self._update_label()

    @Slot()
    def find_next(self) -> None:
        self._step(+1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self.view.select_span(*self.matches[self.current])
        self._update_label()

    def _update_label(self) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText("No matches")
        else:
            self.count_label.setText(f"{self.current + 1} of {len(self.matches)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step(-1 if shift else +1)
                return True
            if key == Qt.Key.Key_Escape:
                self.dismiss()
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_field_text_changed(self, _text: str) -> None:
        self.search()

    @Slot()
    def _on_view_article_shown(self) -> None:
        if self.isVisible():
            self.search()
        else:
            self.matches, self.current = [], -1

    def _on_option_toggled(self, key: str, on: bool) -> None:
        settings = QSettings()
        settings.setValue(key, on)
        settings.sync()
        if self.isVisible():
            self.search()
