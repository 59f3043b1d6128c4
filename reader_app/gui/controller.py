"""The reader window's controller: owns the library, the repository calls and the undo stack.

Widgets never touch the database; they call these methods and listen to `changed`:
every write ends in one ChangeSet (the new state of what changed), emitted once after
the write, from which each pane updates itself without reading the library again.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlite_utils import Database

from reader_app.domain.models import (
    Actor,
    ActorId,
    ActorSummary,
    Annotation,
    Article,
    ArticleId,
    ArticleSummary,
    Mention,
)
from reader_app.domain.suggestions import Suggestion, covered_at, index_of, longest_span
from reader_app.gc_policy import settle_long_lived
from reader_app.gui.shared.newest import newest_request
from reader_app.services.changes import ChangeSet
from reader_app.storage import actors as actor_store
from reader_app.storage.annotations import (
    Span,
    analyst_names,
    get_annotation,
    get_annotations,
    list_annotations,
    list_annotations_near,
    list_spans,
)
from reader_app.storage.articles import NotFound, get_article, list_articles, tag_counts
from reader_app.storage.database import ReadOnlyLibrary, is_read_only, open_library
from reader_app.storage.errors import STORAGE_ERRORS
from reader_app.storage.export_rows import CLAIM_COLUMNS, iter_claim_rows
from reader_app.storage.library_query import library_count, library_page
from reader_app.storage.search_health import notices as search_notices

if TYPE_CHECKING:
    from reader_app.domain.search_query import SearchFilter
    from reader_app.services.agreement import AgreementReport
    from reader_app.services.timeline import TimelineItem

ANALYST_KEY = "analyst/name"  # QSettings: the name File > Analyst Name… set


def default_analyst() -> str:
    """Who the window's new tags are by: the name set in File > Analyst Name…, else
    $READER_APP_ANALYST, else the login name."""
    chosen = QSettings().value(ANALYST_KEY)
    if isinstance(chosen, str) and chosen.strip():
        return chosen.strip()
    if os.environ.get("READER_APP_ANALYST", "").strip():
        return os.environ["READER_APP_ANALYST"].strip()
    try:
        return getpass.getuser() or "analyst"
    except Exception:  # noqa: BLE001 - no USER/LOGNAME and no passwd entry (containers)
        return "analyst"


ClaimRow = dict[str, Any]  # export_rows.CLAIM_COLUMNS keys


def _tag_commands() -> ModuleType:
    # loaded on the first tag edit: it pulls in the tagging and read-back services
    from reader_app.gui.commands import tags

    return tags


def _actor_commands() -> ModuleType:
    # loaded on the first actor edit: it pulls in the merge and relink services
    from reader_app.gui.commands import actors

    return actors


def _suggestion_commands() -> ModuleType:
    # loaded with the first accept or reject: it pulls in the suggesting service
    from reader_app.gui.commands import suggestions

    return suggestions


def _article_commands() -> ModuleType:
    # loaded with the first article edit or delete: it pulls in the article services
    from reader_app.gui.commands import articles

    return articles


def _claim_commands() -> ModuleType:
    # loaded on the first claim edit: it pulls in the claim services
    from reader_app.gui.commands import claims

    return claims


def _merge_commands() -> ModuleType:
    # loaded with the first merge: it pulls in the merging services
    from reader_app.gui.commands import merge

    return merge


DROP_MAX = 50  # suggestions dropped one by one at most; more (an accept-all): a new list
SUGGEST_DELAY_MS = 60  # changes in quick succession (typing, an accept-all) ask once
# the first computation loads the finders and the date rules (~0.3 s of imports holding
# the GIL): after the window's first paint, not racing it
FIRST_SUGGEST_DELAY_MS = 500
# a newly opened article is laid out and painted first: the worker's Python holds the GIL
# for stretches, and racing the layout of a long article slowed its opening by half
OPEN_SUGGEST_DELAY_MS = 250
# code points whose tags are read before an article's first paint: a screenful at the
# top is a few thousand; the rest (50,000 tags took 60 ms) is read right after the paint
# (the window asks for it then), or after REST_DELAY_MS if nothing painted the article
FIRST_SCREEN = 20_000
REST_DELAY_MS = 100
# the worker writes what it kept of an article beside the library (services.suggest_cache)
# once no change asked for suggestions for this long: the analyst is reading, not tagging
SAVE_IDLE_S = 2.0


class SuggestionWorker(QObject):
    """Computes an article's suggestions on a thread of its own, on its own read-only
    connection: a long article takes seconds (about 2 s for 1 MB with the first finders,
    benchmarks/bench_suggest_window.py), and the window must not wait. Only the newest
    request is answered."""

    computed = Signal(int, int, object)  # generation, article id, list[Suggestion] or str

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path
        self._requests: queue.Queue[tuple[int, int] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.last_ms = 0.0  # how long the last computation took
        self.saved = False  # the kept suggestions were written beside the library once
        self.warmed = False  # what suggestions read back left for later was worked out

    def request(self, generation: int, article_id: int) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="suggestions", daemon=True)
            self._thread.start()
        self._requests.put((generation, article_id))

    def stop(self, wait_s: float = 0.0) -> None:
        """The thread closes its connection when it ends; a computation under way is not
        waited for (quitting is immediate): its answer goes to this QObject, which the
        thread keeps alive, and the window is gone by then."""
        if self._thread is not None:
            self._requests.put(None)
            self._thread.join(wait_s)
            self._thread = None

    def _run(self) -> None:
        from reader_app.storage.database import open_library as open_reader  # this thread's

        db: Database | None = None
        settled: int | None = None  # the article whose first suggestions were settled
        unsaved = False  # suggestions computed since the last save beside the library
        try:
            while True:
                try:
                    item = newest_request(self._requests, SAVE_IDLE_S if unsaved else None)
                except queue.Empty:
                    unsaved = False
                    self._save(db)
                    continue
                if item is None:
                    return
                generation, article_id = item
                try:
                    if db is None:
                        db = open_reader(self._db_path, create=False, read_only=True)
                    from reader_app.services.suggesting import suggest  # with the first article

                    began = time.perf_counter()
                    found: object = suggest(db, article_id)
                    self.last_ms = (time.perf_counter() - began) * 1000
                    unsaved = True
                    if settled != article_id and isinstance(found, list):
                        settled = article_id  # its work is kept from here on: frozen
                        settle_long_lived(len(found))
                except Exception as e:  # noqa: BLE001 - one line for the analyst, never a crash
                    found = f"Suggestions failed: {e}"
                self.computed.emit(generation, article_id, found)
        finally:
            if db is not None:
                db.close()

    def _save(self, db: Database | None) -> None:
        """The kept suggestions written beside the library (services.suggest_cache), so
        the article's next opening reads them back, and what reading them back left for
        the first change worked out; a failure costs only that."""
        from reader_app.services.suggesting import save_kept, warm_up

        if db is not None:
            with contextlib.suppress(Exception):
                self.saved = save_kept(db) or self.saved
                self.warmed = warm_up(db) or self.warmed


class LibraryController(QObject):
    article_opened = Signal(Article)  # the Article now current; None when it was closed
    # every write: the new state of what changed (tags, actors, claims, counts, articles)
    changed = Signal(ChangeSet)
    error_occurred = Signal(str)  # one line for the status bar / a message box
    tag_explained = Signal(str)  # after tagging: why this actor/date/claimant was chosen
    annotation_reveal_requested = Signal(int)  # the window reveals + selects that tag
    suggestions_changed = Signal()  # `suggestions` is new (computed again, or trimmed)
    # a few left `suggestions` (covered by a new tag, rejected): list[Suggestion], in text
    # order; panes remove just those (a reset of thousands would cost each tag a pass)
    suggestions_dropped = Signal(object)
    # all of the current article's tags are in current_spans now (opening read the top's)
    spans_completed = Signal()
    # the current article's own row changed (title, source, published): the Article now
    article_changed = Signal(Article)

    def __init__(self, db_path: str | Path, parent: QObject | None = None,
                 db: Database | None = None) -> None:
        """db: the library at db_path already opened (the controller closes it)."""
        super().__init__(parent)
        self.db_path = Path(db_path)
        # may raise LibraryError
        self._db: Database | None = db if db is not None else open_library(self.db_path)
        self.undo_stack = QUndoStack(self)
        self.current_article: Article | None = None
        # the current article's tags as read once when it was opened, as spans (what the
        # view draws and the tag table sorts by) plus the full rows of those that do not
        # fit the text; panes keep their own copies up to date from `changed`
        self.current_spans: list[Span] = []
        self.current_damaged: list[Annotation] = []
        self.spans_complete = True  # False from opening a long article to the rest's read
        self._complete_timer = QTimer(self)
        self._complete_timer.setSingleShot(True)
        self._complete_timer.setInterval(REST_DELAY_MS)
        self._complete_timer.timeout.connect(self.complete_spans)
        self.analyst = default_analyst()
        # True while an undo command runs: listeners must not push commands then
        self.running_command = False
        # the current article's suggestions in text order; `suggestions_pending` while
        # newer ones are being computed
        self.suggestions: list[Suggestion] = []
        self._longest = 0  # the longest suggestion's length: bounds covered_at's look back
        self.suggestions_pending = False
        self._suggest_generation = 0
        self._suggester = SuggestionWorker(self.db_path)
        self._suggester.computed.connect(self._on_suggester_computed)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(FIRST_SUGGEST_DELAY_MS)
        self._suggest_timer.timeout.connect(self._on_suggest_timer_timeout)

    @property
    def read_only(self) -> ReadOnlyLibrary | None:
        """Why this library cannot be changed (None: it can)."""
        return is_read_only(self._db) if self._db is not None else None

    @property
    def notices(self) -> list[str]:
        """What opening the library repaired (a rebuilt search index), for the analyst."""
        return list(search_notices(self._db)) if self._db is not None else []

    def repair_search_index(self) -> str:
        """Rebuild the search indexes a search found damaged (the window's search worker
        reads through a read-only connection): the notice for the status bar, also kept
        in `notices`. ValueError (the analyst's message) when the library is read-only."""
        from reader_app.services.search import repair_index  # loaded by the worker by now

        return repair_index(self.db)

    @property
    def db(self) -> Database:
        """For the undo commands only; widgets go through the methods below."""
        if self._db is None:
            raise RuntimeError("the library is closed")
        return self._db

    # -- articles -------------------------------------------------------------

    def open_article(self, article_id: int) -> Article:
        """Make an article current (raises NotFound). Re-opening the current one is a no-op."""
        if self.current_article is not None and self.current_article.id == article_id:
            return self.current_article
        article = get_article(self.db, article_id)
        self.current_article = article
        # a long article opens on the tags of its top (what the first paint draws and the
        # table's first rows); the rest is read just after, once the article is on screen
        top = FIRST_SCREEN if len(article.text) > FIRST_SCREEN else None
        self.current_spans, self.current_damaged = list_spans(self.db, article.id, top)
        self.spans_complete = top is None
        self._set_suggestions([])
        self.article_opened.emit(article)
        if not self.spans_complete:
            self._complete_timer.start()
        self.refresh_suggestions(OPEN_SUGGEST_DELAY_MS)
        return article

    def complete_spans(self) -> None:
        """Read all of the current article's tags if opening read only its top's: the
        library's state now, whatever was tagged or undone since (panes take the list
        whole). Anything that needs a tag by id anywhere in the article calls this first."""
        self._complete_timer.stop()
        if self.spans_complete or self.current_article is None or self._db is None:
            return
        self.current_spans, self.current_damaged = list_spans(self.db, self.current_article.id)
        self.spans_complete = True
        self.spans_completed.emit()

    def close_article(self) -> None:
        if self.current_article is None:
            return
        self.current_article = None
        self.current_spans, self.current_damaged = [], []
        self.spans_complete = True
        self._complete_timer.stop()
        self._set_suggestions([])
        self.article_opened.emit(None)

    def articles(self, search: str | None = None) -> list[ArticleSummary]:
        return list_articles(self.db, search=search or None)

    def summaries(self, article_ids: Iterable[int]) -> list[ArticleSummary]:
        """Library rows of some articles, in the order given (unknown ids skipped)."""
        ids = [ArticleId(int(i)) for i in article_ids]
        by_id = {s.id: s for s in list_articles(self.db, ids=ids)}
        return [by_id[i] for i in ids if i in by_id]

    def library_page(self, search: str = "", order_by: str = "id", descending: bool = False,
                     after: ArticleSummary | None = None, limit: int = 200) -> list[ArticleSummary]:
        """One page of the library list (storage/library_query.py)."""
        return library_page(self.db, search=search, order_by=order_by, descending=descending,
                            after=after, limit=limit)

    def library_count(self, search: str = "") -> int:
        """Articles in the library, or those the library filter shows."""
        return library_count(self.db, search)

    def counts(self, article_id: int) -> tuple[int, int, int]:
        """(claims, actors, dates): one indexed count, not a read of every tag."""
        return tag_counts(self.db, article_id).get(article_id, (0, 0, 0))

    def add_imported(self, article_ids: list[int]) -> None:
        """A worker stored these articles: tell the library views."""
        ids = [int(i) for i in article_ids]
        if ids:
            self.apply_changes(ChangeSet(articles_added=self.summaries(ids)))

    # -- changes ----------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        """What one operation changed: told to every pane at once, after the write."""
        if not changes.is_empty():
            current = self.current_article
            if current is not None and current.id in changes.articles_removed:
                self.close_article()  # the reader shows its empty state, not a ghost
            self._article_after(changes)  # before the panes hear of it: they may read it
            self.changed.emit(changes)
            self._suggestions_after(changes)
        if changes.explanation:
            self.tag_explained.emit(changes.explanation)

    def _article_after(self, changes: ChangeSet) -> None:
        """The current article read again when its own row changed (a new dateline is what
        the next date tag resolves against); its text and tags are as they were."""
        current = self.current_article
        if current is None or not any(s.id == current.id for s in changes.articles_changed):
            return
        try:
            self.current_article = get_article(self.db, current.id)
        except NotFound:
            return
        self.article_changed.emit(self.current_article)

    # -- suggestions ----------------------------------------------------------------

    def refresh_suggestions(self, delay_ms: int | None = None) -> None:
        """Compute the current article's suggestions again (soon, off this thread)."""
        if self.current_article is None or self._db is None:
            return
        self._suggest_generation += 1
        self.suggestions_pending = True
        if delay_ms is not None:
            self._suggest_timer.setInterval(max(delay_ms, self._suggest_timer.interval()))
        self._suggest_timer.start()

    def _suggestions_after(self, changes: ChangeSet) -> None:
        article = self.current_article
        if article is None:
            return
        tags = [t for t in (*changes.tags_added, *changes.tags_changed, *changes.tags_removed)
                if t.article_id == article.id]
        if not (tags or changes.actors or article.id in changes.suggestions_stale):
            return
        self.refresh_suggestions()  # first: the panes show the count below as pending
        # what a new tag covers goes at once (the next suggestion is current at once)
        added = [(t.kind, t.start, t.end) for t in changes.tags_added
                 if t.article_id == article.id]
        if added:
            self._drop_suggestions(covered_at(self.suggestions, added, self._longest))

    def _set_suggestions(self, found: list[Suggestion]) -> None:
        if found or self.suggestions:
            self.suggestions = found
            self._longest = longest_span(found)
            self.suggestions_changed.emit()

    def _drop_suggestions(self, places: list[int]) -> None:
        """Stop showing the suggestions at these places (ascending) of the list."""
        if len(places) > DROP_MAX:
            gone = set(places)
            self._set_suggestions([s for n, s in enumerate(self.suggestions) if n not in gone])
        elif places:
            kept = list(self.suggestions)  # a new list: a pane may hold the old one
            dropped = [kept[n] for n in places]
            for n in reversed(places):
                del kept[n]
            self.suggestions = kept
            self.suggestions_dropped.emit(dropped)

    def drop_suggestion(self, suggestion: Suggestion) -> None:
        """Stop showing one (rejected) until the next computation says otherwise."""
        at = index_of(self.suggestions, suggestion.key)
        if at >= 0 and self.suggestions[at] == suggestion:
            self._drop_suggestions([at])

    @property
    def suggestion_ms(self) -> float:
        """How long the last computation of suggestions took, in milliseconds."""
        return self._suggester.last_ms

    @Slot()
    def _on_suggest_timer_timeout(self) -> None:
        self._suggest_timer.setInterval(SUGGEST_DELAY_MS)
        if self.current_article is not None and self._db is not None:
            self._suggester.request(self._suggest_generation, self.current_article.id)

    @Slot(int, int, object)
    def _on_suggester_computed(self, generation: int, article_id: int, found: object) -> None:
        article = self.current_article
        if generation != self._suggest_generation or article is None or article.id != article_id:
            return  # an older request, or another article's
        self.suggestions_pending = False
        if isinstance(found, str):
            self.error_occurred.emit(found)
            found = []
        assert isinstance(found, list)
        self.suggestions, self._longest = found, longest_span(found)
        self.suggestions_changed.emit()  # even when the same: it is no longer pending

    def accept_suggestion(self, suggestion: Suggestion) -> None:
        self._push_suggestion(_suggestion_commands().AcceptSuggestionCommand, suggestion)

    def reject_suggestion(self, suggestion: Suggestion) -> None:
        command = self._push_suggestion(_suggestion_commands().RejectSuggestionCommand,
                                        suggestion)
        if command is not None and command.rejection is not None:
            self.drop_suggestion(suggestion)

    def accept_all_suggestions(self, kind: str) -> None:
        """Every suggestion of one kind in the current article, as one undo step."""
        chosen = [s for s in self.suggestions if s.kind == kind]
        if not chosen:
            self.error_occurred.emit(f"No {kind}s are suggested in this article.")
            return
        self._push_suggestion(_suggestion_commands().AcceptAllCommand, chosen)

    def _push_suggestion(self, make: Callable[..., QUndoCommand],
                         what: Suggestion | list[Suggestion]) -> Any:
        article = self.current_article
        if article is None:
            self.error_occurred.emit("Open an article first.")
            return None
        if self.read_only is not None:
            self.error_occurred.emit("This library is read-only.")
            return None
        command = make(self, article, what)
        self.undo_stack.push(command)
        return command

    def state_table_text(self) -> str:
        from reader_app.services.state_names import state_table_text

        return state_table_text(self.db)

    def save_state_table(self, text: str) -> int:
        """Keep an edited state table (ValueError naming the row that does not parse)."""
        from reader_app.services.state_names import save_state_table

        count = save_state_table(self.db, text)
        self.refresh_suggestions()
        return count

    def reset_state_table(self) -> None:
        from reader_app.services.state_names import reset_state_table

        reset_state_table(self.db)
        self.refresh_suggestions()

    # -- annotations ----------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        if self.current_article is None:
            return []
        return list_annotations(self.db, self.current_article.id)

    def spans(self) -> tuple[list[Span], list[Annotation]]:
        """The current article's tags as they are now, as list_spans gives them."""
        if self.current_article is None:
            return [], []
        return list_spans(self.db, self.current_article.id)

    def annotations_by_id(self, annotation_ids: Iterable[int]) -> list[Annotation]:
        """Full rows of some tags (verified, in id order; gone ones absent): a table
        reads the rows it shows, a page at a time. None once the library is closed
        (a table may repaint while the window closes)."""
        if self._db is None:
            return []
        return get_annotations(self._db, annotation_ids)

    def date_tags_near(self, ann: Annotation) -> list[Annotation]:
        """The current article's date tags around a tag (a claim's date choices)."""
        if self.current_article is None:
            return []
        return list_annotations_near(self.db, self.current_article.id, ann.start, ann.end, "date")

    def annotation(self, annotation_id: int) -> Annotation:
        return get_annotation(self.db, annotation_id)

    def tag_span(self, kind: str, start: int, end: int) -> None:
        article = self.current_article
        if article is None:
            self.error_occurred.emit("Open an article before tagging.")
            return
        from reader_app.services.tagging import plan_tag  # loaded with the first tag

        try:
            quote = plan_tag(self.db, article, kind, start, end)
        except ValueError as e:
            self.error_occurred.emit(str(e))
            return
        command = _tag_commands().AddAnnotationCommand(self, article, kind, start, end, quote)
        self.undo_stack.push(command)

    def delete_annotation(self, annotation_id: int) -> None:
        try:
            ann = get_annotation(self.db, annotation_id)
        except NotFound:
            self.error_occurred.emit("That tag no longer exists.")
            return
        self.undo_stack.push(_tag_commands().DeleteAnnotationCommand(self, ann))

    def edit_annotation(self, annotation_id: int, **fields: str | None) -> None:
        """Change value/note/kind. Empty strings mean "no value"; unchanged fields are dropped."""
        from reader_app.services.tagging import EDITABLE_FIELDS, plan_tag_edit  # first edit

        bad = set(fields) - set(EDITABLE_FIELDS)
        if bad:  # a caller's mistake, not the analyst's
            raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
        try:
            edit = plan_tag_edit(self.db, annotation_id, fields)
        except NotFound:
            self.error_occurred.emit("That tag no longer exists.")
            return
        except ValueError as e:
            self.error_occurred.emit(str(e))
            return
        if edit is not None:
            self.undo_stack.push(_tag_commands().EditAnnotationCommand(
                self, edit.annotation, edit.old, edit.new))

    def open_annotation(self, article_id: int, annotation_id: int) -> None:
        """Open a tag's article if needed, then ask the window to reveal the tag."""
        try:
            self.open_article(article_id)
        except NotFound:
            self.error_occurred.emit("That article is no longer in the library.")
            return
        self.complete_spans()  # the tag may lie beyond the top
        self.annotation_reveal_requested.emit(annotation_id)

    # -- actors and claims: reads -----------------------------------------------

    def actors(self, search: str | None = None) -> list[ActorSummary]:
        return actor_store.list_actors(self.db, search=search or None)

    def set_analyst(self, name: str) -> str:
        """The name the window's new tags carry from now on (remembered); "" goes back to
        the default. ValueError for a name that cannot be one."""
        name = " ".join(name.split())
        if len(name) > 100 or not name.isprintable():
            raise ValueError("An analyst's name is one line of at most 100 characters.")
        settings = QSettings()
        if name:
            settings.setValue(ANALYST_KEY, name)
        else:
            settings.remove(ANALYST_KEY)
        self.analyst = default_analyst()
        return self.analyst

    def analysts(self) -> list[str]:
        """Who has tagged in this library (for the search's analyst facet)."""
        return analyst_names(self.db)

    def agreement(self, analysts: tuple[str, str],
                  article_ids: list[int] | None = None) -> AgreementReport:
        """Two analysts compared on the articles both tagged (File > Agreement…)."""
        from reader_app.services.agreement import agreement  # numpy loads on first use

        return agreement(self.db, analysts, article_ids)

    def actor(self, actor_id: int) -> Actor:
        return actor_store.get_actor(self.db, actor_id)  # raises NotFound

    def actor_names(self) -> dict[ActorId, str]:
        return actor_store.actor_names(self.db)

    def mentions_of(self, actor_id: int) -> list[Mention]:
        return actor_store.mentions_of(self.db, actor_id)

    def claims_by(self, actor_id: int) -> list[Mention]:
        return actor_store.claims_by(self.db, actor_id)

    def timeline_items(self, flt: SearchFilter | None = None, **filters: Any) -> list[TimelineItem]:
        """Every dated item the filter selects (services.timeline: kinds, date_from,
        date_to); ValueError for a bad facet or date."""
        from reader_app.services.timeline import timeline_items  # with the Timeline tab

        return timeline_items(self.db, flt, **filters)

    def timeline_item(self, kind: str, ref: int) -> TimelineItem | None:
        """One timeline item with its quote, article and date's story (a tooltip's)."""
        from reader_app.services.timeline_data import timeline_item

        return timeline_item(self.db, kind, ref)

    def claim_rows(self, status: str | None = None) -> list[ClaimRow]:
        """Every claim in the library (keys: export_rows.CLAIM_COLUMNS), by article."""
        rows = iter_claim_rows(self.db, statuses=[status] if status else None)
        return [dict(zip(CLAIM_COLUMNS, row, strict=True)) for row in rows]

    # -- actors and claims: undoable intents ----------------------------------------
    # Each pushes one command; a refused request goes to error_occurred, nothing changes.

    def relink_actor(self, annotation_id: int, actor_id: int | None,
                     new_name: str | None = None) -> None:
        """Link an actor tag to an actor; actor_id None + new_name: a new actor of that
        name (an existing actor of exactly that name is linked instead)."""
        self._push(_actor_commands().relink_command, annotation_id, actor_id, new_name)

    def rename_actor(self, actor_id: int, name: str) -> None:
        self._push(_actor_commands().edit_actor_command, actor_id, name=name)

    def set_actor_type(self, actor_id: int, actor_type: str) -> None:
        self._push(_actor_commands().edit_actor_command, actor_id, type=actor_type)

    def set_actor_note(self, actor_id: int, note: str | None) -> None:
        self._push(_actor_commands().edit_actor_command, actor_id, note=note)

    def set_actor_aliases(self, actor_id: int, aliases: list[str]) -> None:
        self._push(_actor_commands().aliases_command, actor_id, list(aliases))

    def merge_actors(self, keep_id: int, drop_id: int) -> None:
        self._push(_actor_commands().merge_command, keep_id, drop_id)

    def delete_actor(self, actor_id: int) -> None:
        """Refused while tags or claims use the actor."""
        self._push(_actor_commands().delete_actor_command, actor_id)

    def set_claim_fields(self, annotation_id: int, **fields: Any) -> None:
        """claimant_id, claim_date, claim_date_annotation_id, status, reliability,
        credibility ("" or None clears one)."""
        self._push(_claim_commands().claim_fields_command, annotation_id, fields)

    def correct_date(self, annotation_id: int, typed: str) -> None:
        """A date tag's value: an ISO value as typed, or a phrase resolved like a new tag."""
        self._push(_claim_commands().date_correction_command, annotation_id, typed)

    # -- articles: undoable intents ---------------------------------------------------
    # One command each; a refused request goes to error_occurred, nothing changes.

    def delete_articles(self, article_ids: Iterable[int]) -> None:
        """Delete articles with their tags (however many: one undo step)."""
        self._push_article(_article_commands().delete_command, list(article_ids))

    def retitle_article(self, article_id: int, title: str) -> None:
        self._push_article(_article_commands().edit_command, article_id, "title", title)

    def set_article_source(self, article_id: int, source: str) -> None:
        self._push_article(_article_commands().edit_command, article_id, "source", source)

    def set_article_published(self, article_id: int, published: str | None) -> None:
        """YYYY-MM-DD, or empty for undated; the article's relative dates follow."""
        self._push_article(_article_commands().edit_command, article_id, "published",
                           published)

    def set_article_memo(self, article_id: int, memo: str) -> None:
        self._push_article(_article_commands().edit_command, article_id, "memo", memo)

    def article_memo(self, article_id: int) -> str:
        from reader_app.services.article_ops import article_memo

        return article_memo(self.db, article_id)

    def merge(self, plan: Any, choices: Any) -> str | None:
        """Merge a planned Bundle (services.merging) as one undo step; the summary, or None
        when it was refused (the reason went to error_occurred)."""
        before = self.undo_stack.index()
        self._push_article(_merge_commands().MergeCommand, plan, choices)
        if self.undo_stack.index() != before + 1:  # refused: Qt dropped the obsolete step
            return None
        return str(getattr(self.undo_stack.command(before), "summary", ""))

    def _push_article(self, make: Callable[..., QUndoCommand | None], *args: Any) -> None:
        if self.read_only is not None:
            self.error_occurred.emit("This library is read-only.")
            return
        self._pushed(make, args, {}, "That article is no longer in the library.")

    def _push(self, make: Callable[..., QUndoCommand | None], *args: Any, **kwargs: Any) -> None:
        self._pushed(make, args, kwargs, "That tag or actor no longer exists.")

    def _pushed(self, make: Callable[..., QUndoCommand | None], args: tuple[Any, ...],
                kwargs: dict[str, Any], missing: str) -> None:
        """Build the command (its service op runs when it is pushed) and push it; a row
        gone meanwhile or a storage error is one message, never a traceback."""
        try:
            command = make(self, *args, **kwargs)
        except NotFound:
            self.error_occurred.emit(missing)
            return
        except STORAGE_ERRORS as e:
            self.error_occurred.emit(str(e))
            return
        if command is not None:
            self.undo_stack.push(command)

    # -- used by the commands -------------------------------------------------

    def show_article(self, article_id: int) -> None:
        """Open the article a command touches, so the analyst sees what changed."""
        if self.current_article is None or self.current_article.id != article_id:
            self.open_article(article_id)
        self.complete_spans()  # what changed may lie beyond the top

    def close(self) -> None:
        if self._db is None:
            return
        self._suggest_timer.stop()
        self._suggester.stop()
        self.undo_stack.clear()
        self.current_article = None
        self._db.close()
        self._db = None
