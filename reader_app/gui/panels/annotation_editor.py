"""The editor of the selected tag: what it means, by kind, and a Markdown note.

An actor tag shows its canonical actor, a date its ISO value and how it was resolved,
a claim its claimant, date, status and Admiralty code (editor_fields, claim_fields).
The note is committed after a short pause in typing, on focus-out and before another
tag or article is shown; consecutive note commits merge into one undo step.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Slot
from PySide6.QtGui import QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPlainTextEdit, QTextBrowser, QWidget

from reader_app.domain.models import ActorId, Annotation
from reader_app.gui.article.document import text_option
from reader_app.gui.controller import LibraryController
from reader_app.gui.lists.annotation_model import kind_color
from reader_app.gui.panels.claim_fields import ClaimFields
from reader_app.gui.panels.editor_fields import ActorFields, DateFields, FieldGroup
from reader_app.gui.panels.own_code_fields import OwnCodeFields, group_key
from reader_app.gui.shared.own_kinds import kind_label
from reader_app.gui.shared.plain_text import plain_label, refused_resource
from reader_app.services.changes import ChangeSet

IDLE_COMMIT_MS = 800
QUOTE_LINES = 4  # a longer quote scrolls
FIT_SAMPLE = 2000  # characters measured to fit the quote (more fill QUOTE_LINES anyway)
HINT = "Select a tag to edit what it means and its note."


class NotePreview(QTextBrowser):
    """Rendered Markdown of a note. Loads nothing and follows no link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMaximumHeight(90)

    def loadResource(self, type_: int, name) -> object:
        # no images or stylesheets from disk or network; never None (Qt would load the file)
        return refused_resource(type_)

    def show_markdown(self, text: str) -> None:
        self.document().setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownNoHTML)


class AnnotationEditor(QWidget):
    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self._controller = controller
        self.shown: Annotation | None = None  # stored state of the tag in the editor
        self._idle = QTimer(self, singleShot=True, interval=IDLE_COMMIT_MS)
        self._idle.timeout.connect(self.commit_pending_edit)
        controller.changed.connect(self._on_controller_changed)
        self._actor_names: dict[ActorId, str] | None = None  # read once, then from changes
        self._names: list[tuple[str, int]] = []
        self._actors_stale = True

        self.hint_label = plain_label(QLabel(HINT, self))
        self.hint_label.setEnabled(False)
        self.kind_label = QLabel(self)
        self.kind_label.setTextFormat(Qt.TextFormat.RichText)  # a coloured square; kind escaped
        # read-only text, not a label: a long claim scrolls instead of growing the panel
        self.quote_view = QPlainTextEdit(self)
        self.quote_view.setObjectName("annotationQuote")
        self.quote_view.setReadOnly(True)
        self.quote_view.setTabChangesFocus(True)
        self.quote_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.quote_view.setFrameShape(QFrame.Shape.NoFrame)
        # read-only: drawn like the panel, not a field; a role, not a copied colour, so a
        # theme change (View > Theme) repaints it in the new palette
        self.quote_view.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.hint_label)
        form.addRow("Kind:", self.kind_label)
        form.addRow("Quote:", self.quote_view)
        self.actor_fields = ActorFields(controller, form, self)
        self.date_fields = DateFields(controller, form, self)
        self.claim_fields = ClaimFields(controller, form, self)
        self.own_fields = OwnCodeFields(controller, form, self)
        self.groups: dict[str, FieldGroup] = {
            g.kind: g for g in (self.actor_fields, self.date_fields, self.claim_fields,
                                self.own_fields)}
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("annotationNote")
        self.note_edit.setPlaceholderText("Note (Markdown)")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(3 * self.fontMetrics().lineSpacing() + 12)
        self.note_edit.textChanged.connect(self._on_note_edit_text_changed)
        self.note_edit.installEventFilter(self)
        self.preview = NotePreview(self)
        self.preview.setObjectName("notePreview")
        form.addRow("&Note:", self.note_edit)
        form.addRow("", self.preview)
        self._form = form
        self.show_annotation(None)

    # -- public ---------------------------------------------------------------------

    def show_annotation(self, ann: Annotation | None) -> None:
        """Show a tag's stored state (None: nothing selected). Commit pending edits first."""
        self._idle.stop()
        self.shown = ann
        self.hint_label.setVisible(ann is None)
        for row in (self.kind_label, self.quote_view, self.note_edit, self.preview):
            self._form.setRowVisible(row, ann is not None)
        for kind, group in self.groups.items():
            group.set_visible(ann is not None and group_key(ann.kind) == kind)
            group.show_annotation(None)
        self._set_kind(ann)
        quote = ann.quote if ann else ""
        # a quote inside a long unbroken line is one too: wrap it anywhere (bounded time)
        self.quote_view.setWordWrapMode(text_option(quote).wrapMode())
        self.quote_view.setPlainText(quote)
        self.quote_view.setToolTip(f"Characters {ann.start}–{ann.end}" if ann else "")
        self._fit_quote()
        self._set_note(ann, None)
        shown_group = self.group()
        if shown_group is not None:
            self._refresh_lists(shown_group)
            shown_group.show_annotation(ann)

    def group(self) -> FieldGroup | None:
        return self.groups.get(group_key(self.shown.kind)) if self.shown else None

    def focus_first(self) -> None:
        """Keyboard focus to the first field of the shown tag."""
        group = self.group()
        widget = group.first_widget() if group else self.note_edit
        if self.shown is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_commit_delay(self, msec: int) -> None:
        """How long typing must pause before a note is committed."""
        self._idle.setInterval(msec)

    @Slot()
    def commit_pending_edit(self) -> None:
        """Send what was typed and not committed yet (note, aliases, date value)."""
        self._idle.stop()
        ann = self.shown
        if ann is None or self._controller.running_command:
            return  # never push a command from inside another one
        note = self.note_text()
        if note != ann.note:
            self._controller.edit_annotation(ann.id, note=note)
        group = self.group()
        if group is not None and self.shown is not None:
            group.commit_pending_edit()

    def note_text(self) -> str | None:
        # toPlainText() would turn NBSP into spaces; blocks are U+2029 in the raw text
        return self.note_edit.document().toRawText().replace("\u2029", "\n") or None

    # -- showing --------------------------------------------------------------------

    def _set_kind(self, ann: Annotation | None) -> None:
        if ann is None:
            self.kind_label.setText("")
            return
        color = kind_color(ann.kind).name()
        kind = html.escape(kind_label(ann.kind))  # a library file's kind is data
        self.kind_label.setText(f'<span style="color:{color}">■</span> {kind}')

    def refresh_kind(self) -> None:
        """The swatch and name again: the theme or the codebook (a code's colour or name)
        changed; the codebook flow calls it once it has read the codebook."""
        self._set_kind(self.shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # View > Theme: the kind's colour is
            self._set_kind(getattr(self, "shown", None))  # in the label's HTML, not a role
        super().changeEvent(event)

    def _fit_quote(self) -> None:
        """As tall as the quote, up to QUOTE_LINES lines: a short quote leaves no gap."""
        view = self.quote_view
        width = max(50, view.viewport().width() - 2 * int(view.document().documentMargin()))
        flags = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere)
        needed = view.fontMetrics().boundingRect(QRect(0, 0, width, 100000), flags,
                                                 view.toPlainText()[:FIT_SAMPLE] or " ").height()
        line = view.fontMetrics().lineSpacing()
        lines = min(QUOTE_LINES, max(1, -(-needed // line)))
        margins = view.contentsMargins()
        view.setFixedHeight(lines * line + 2 * int(view.document().documentMargin())
                            + margins.top() + margins.bottom() + 2)  # +2: no scroll bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_quote()

    def _set_note(self, ann: Annotation | None, before: Annotation | None) -> None:
        """With before (the previous stored state) the note is replaced only if its stored
        value changed: otherwise it may hold text being typed."""
        note = ann.note if ann else None
        if (before is None or before.note != note) and self.note_text() != note:
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(note or "")
            self.note_edit.blockSignals(False)
        self._show_preview()

    def _show_preview(self) -> None:
        note = self.note_text()
        self.preview.show_markdown(note or "")
        self._form.setRowVisible(self.preview, self.shown is not None and note is not None)

    def _refresh_lists(self, group: FieldGroup) -> None:
        """Actor names (read again only after they changed) and the article's dates."""
        if group.kind in ("actor", "claim") and self._actors_stale:
            if self._actor_names is None:
                self._actor_names = self._controller.actor_names()
            names = self._actor_names
            self._names = sorted(((n, i) for i, n in names.items()),
                                 key=lambda p: (p[0].casefold(), p[1]))
            self._actors_stale = False
            for other in (self.actor_fields, self.claim_fields):
                other.refresh_actors(self._names)
        if group is self.claim_fields and self.shown is not None:
            # the date tags around the claim: an article may hold thousands
            self.claim_fields.refresh_dates(self._controller.date_tags_near(self.shown))

    # -- handlers -------------------------------------------------------------------

    @Slot()
    def _on_note_edit_text_changed(self) -> None:
        if self.shown is not None:
            self._idle.start()
            self._show_preview()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_pending_edit()
        return super().eventFilter(watched, event)

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        for ann in changes.tags_changed:  # first: the shown tag may leave a deleted actor
            self._on_tag_changed(ann)
        self._on_actors_changed(changes)
        for ann in [*changes.tags_added, *changes.tags_removed]:
            if self._on_dates_changed(ann):
                break  # refreshed once

    def _on_tag_changed(self, ann: Annotation) -> None:
        if self.shown is not None and ann.id == self.shown.id:
            if group_key(ann.kind) != group_key(self.shown.kind):
                self.show_annotation(ann)
                return
            before, self.shown = self.shown, ann
            self._set_note(ann, before)
            self._set_kind(ann)
            group = self.group()
            if group is not None:
                group.show_annotation(ann, before)
        elif ann.kind == "date":
            self._on_dates_changed(ann)

    def _on_dates_changed(self, ann: Annotation) -> bool:
        """A date tag of the shown claim's article came, went or changed value."""
        shown = self.shown
        if shown is not None and shown.kind == "claim" and ann.kind == "date" \
                and ann.article_id == shown.article_id:
            self.claim_fields.refresh_dates(self._controller.date_tags_near(shown))
            return True
        return False

    def _on_actors_changed(self, changes: ChangeSet) -> None:
        """Names from the ChangeSet's actor rows; the lists are rebuilt only when a name
        came, went or changed (not for new counts)."""
        names, renamed = self._actor_names, False
        for actor_id, summary in changes.actors.items():
            name = summary.name if summary is not None else None
            if names is not None and names.get(actor_id) != name:
                renamed = True
                if name is None:
                    names.pop(actor_id, None)
                else:
                    names[actor_id] = name
        if renamed:
            self._actors_stale = True
        group = self.group()
        if group is None or group.kind not in ("actor", "claim") or not changes.actors:
            return
        if renamed:
            self._refresh_lists(group)  # refills the combos, shows the actor again
        elif group is self.actor_fields and self.shown is not None \
                and self.shown.actor_id in changes.actors:
            self.actor_fields.refresh_actors(self._names)  # its type, aliases
