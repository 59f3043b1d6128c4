"""Accuracy of the app's judgements and suggestions on the hand-marked set in benchmarks/eval/.

Run: .venv/bin/python benchmarks/suggest_accuracy.py [--split SPLIT|all] [-v]
(SPLIT: dev, heldout, dev2, heldout2, heldout3, tune4, heldout4, heldout5, heldout6, heldout7,
heldout8, heldout9, heldout10, heldout11, heldout12, heldout13,
heldout14, heldout15, heldout16, tune17; see eval/README.md)

"dev2" and "heldout2" are a second set written later (files 12-15), "heldout2" kept aside
like "heldout" (see eval/README.md); "all" reports every split.

a) Judgements: one temporary library per split, empty at first; the articles are imported
   one by one and, as an analyst would, every gold date and actor span is tagged in text order
   (services.tagging.tag), then every claim. A date is right when its value is the gold ISO
   value; an actor link when its actor stands for the gold canonical (an actor the app creates
   stands for the canonical of the mention that created it; a link to another canonical's
   actor, or a second actor for a canonical that has one, is wrong); a claimant when it is
   the gold canonical's actor (gold `none`: no claimant). Like an analyst, the runner then
   corrects a wrong actor link and renames/retypes an actor the app created to the canonical,
   so one error is counted once, not again at every later mention.
b) Suggestions: for each article a fresh library where the article is imported, nothing is
   tagged, and the actors of the OTHER articles' gold (all splits) already exist by their
   canonical name and type (storage.actors.create_actor), as if tagged earlier elsewhere.
   suggest(db, article_id) is matched to the gold one to one by overlap (see eval/scoring.py);
   recall = right matches / gold spans, precision = right matches / suggestions.
   "actor-known" counts only mentions whose canonical the library knows (or a state: the
   app ships a state table); a name nobody has tagged yet cannot be suggested by a matcher.
   A second pass tags the first mention of each actor of the article first (and corrects
   it, as in a)) and scores what is suggested for the other mentions: the issue's case of
   an actor named 17 times, 4 of them tagged.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks" / "eval")]

from markup import SPLITS, Document, load_all  # noqa: E402
from scoring import (  # noqa: E402
    ActorBook,
    KindScore,
    Tally,
    first_mentions,
    percent,
    same_date,
    score_suggestions,
)

from reader_app.domain.models import ImportedArticle  # noqa: E402
from reader_app.services.tagging import tag  # noqa: E402
from reader_app.storage.actors import (  # noqa: E402
    actor_in_use,
    create_actor,
    delete_actor,
    link_annotation,
    update_actor,
)
from reader_app.storage.articles import add_article, get_article  # noqa: E402
from reader_app.storage.database import open_library  # noqa: E402

KINDS = ("actor", "date", "claim")


def _import(db, doc: Document):
    item = ImportedArticle(title=doc.title, text=doc.text, source=doc.name,
                           published=doc.dateline, language=doc.language)
    return get_article(db, add_article(db, item).article_id)


def _correct_actor(db, doc: Document, book: ActorBook, new, canonical: str, ok: bool) -> None:
    """What the analyst does after the app's decision: fix the link, name the new actor."""
    ann, created = new.annotation, new.created_actor
    if ok:
        if created is not None and (created.name, created.type) != (
                canonical, doc.actor_types[canonical]):
            update_actor(db, created.id, name=canonical, type=doc.actor_types[canonical])
        return
    target = book.canonical_actor.get(canonical)
    if target is None:
        target = create_actor(db, canonical, doc.actor_types[canonical]).id
        book.claim(target, canonical)
    link_annotation(db, ann.id, target)
    if created is not None and created.id != target and not actor_in_use(db, created.id):
        delete_actor(db, created.id)


def judge(docs: list[Document]) -> dict[str, dict[str, Tally]]:
    """Per article, per kind: the judgements' tally."""
    per_doc: dict[str, dict[str, Tally]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = open_library(Path(tmp) / "judge.sqlite")
        book = ActorBook()
        try:
            for doc in docs:
                tallies = per_doc[doc.name] = {kind: Tally() for kind in KINDS}
                article = _import(db, doc)
                first = sorted((g for g in doc.gold if g.kind != "claim"), key=lambda g: g.start)
                for g in first:
                    new, _ = tag(db, article, g.kind, g.start, g.end)
                    ann = new.annotation
                    if g.kind == "date":
                        tallies["date"].add(same_date(g.value, ann.value), f"{doc.name} date {g.quote!r} "
                                            f"want {g.value}, got {ann.value} ({ann.date_method})")
                        continue
                    ok = book.judge_link(g.value, ann.actor_id, new.created_actor is not None)
                    got = (f"new {new.created_actor.name!r}" if new.created_actor is not None
                           else f"{book.actor_of.get(ann.actor_id)!r}")
                    tallies["actor"].add(ok, f"{doc.name} actor {g.start} {g.quote!r} "
                                         f"want {g.value!r}, got {got}")
                    _correct_actor(db, doc, book, new, g.value, ok)
                for g in doc.of_kind("claim"):
                    new, _ = tag(db, article, "claim", g.start, g.end)
                    claimant = new.annotation.claimant_id
                    tallies["claim"].add(book.judge_claimant(g.value, claimant),
                                         f"{doc.name} claim {g.quote[:60]!r} want {g.value!r}, "
                                         f"got {book.actor_of.get(claimant) if claimant else None!r}")
        finally:
            db.close()
    return per_doc


def _others_actors(doc: Document, everything: list[Document]) -> dict[str, str]:
    """canonical -> type of every gold actor of the other articles."""
    others: dict[str, str] = {}
    for other in everything:
        if other.name != doc.name:
            for g in other.of_kind("actor"):
                others.setdefault(g.value, other.actor_types[g.value])
    return others


def suggestions(docs: list[Document], everything: list[Document],
                tag_first: bool = False) -> tuple[dict[str, dict[str, KindScore]], float]:
    """Per article, per kind: the suggestions' score ("actor-known": only mentions of actors
    the library knows, or of states); and the slowest suggest() call. tag_first: the first
    mention of each actor is tagged first (and corrected, as an analyst would), and the
    other mentions are what the suggestions must find."""
    from reader_app.services.suggesting import suggest  # lands in main with issue 9

    per_doc: dict[str, dict[str, KindScore]] = {}
    slowest = 0.0
    for doc in docs:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_library(Path(tmp) / "suggest.sqlite")
            try:
                known = {name: create_actor(db, name, kind).id
                         for name, kind in _others_actors(doc, everything).items()}
                article = _import(db, doc)
                gold = list(doc.gold)
                if tag_first:
                    book = ActorBook(known)
                    for g in first_mentions(doc.gold):
                        new, _ = tag(db, article, "actor", g.start, g.end)
                        ok = book.judge_link(g.value, new.annotation.actor_id,
                                             new.created_actor is not None)
                        _correct_actor(db, doc, book, new, g.value, ok)
                        gold.remove(g)
                    known = dict(book.canonical_actor)
                started = time.perf_counter()
                found = suggest(db, article.id)
                slowest = max(slowest, time.perf_counter() - started)
            finally:
                db.close()
        for s in found:
            assert doc.text[s.start:s.end] == s.quote, (doc.name, s)
        scores = {kind: score_suggestions(kind, gold, found, known, doc.name) for kind in KINDS}
        knowable = [g for g in gold if g.kind != "actor" or g.value in known
                    or doc.actor_types[g.value] == "state"]
        scores["actor-known"] = score_suggestions("actor", knowable, found, known, doc.name)
        per_doc[doc.name] = scores
    return per_doc, slowest


def _sum_tallies(parts: list[dict[str, Tally]]) -> dict[str, Tally]:
    total = {kind: Tally() for kind in KINDS}
    for part in parts:
        for kind in KINDS:
            total[kind].merge(part[kind])
    return total


def _sum_scores(parts: list[dict[str, KindScore]]) -> dict[str, KindScore]:
    total: dict[str, KindScore] = {}
    for part in parts:
        for kind, score in part.items():
            total.setdefault(kind, KindScore(score.kind)).merge(score)
    return total


def report(split: str, docs: list[Document], everything: list[Document], verbose: bool) -> None:
    langs = defaultdict(list)
    for doc in docs:
        langs[doc.language].append(doc.name)
    print(f"\n== split {split}: {len(docs)} articles "
          f"({', '.join(f'{len(names)} {lang}' for lang, names in sorted(langs.items()))}) ==")
    judged = judge(docs)
    tallies = _sum_tallies(list(judged.values()))
    print("judgements (analyst tags the gold span)   right / total")
    for label, kind in (("date values", "date"), ("actor links", "actor"), ("claimants", "claim")):
        t = tallies[kind]
        print(f"  {label:14} {t.right:4} / {t.total:<4} {percent(t.right, t.total)}")
        if verbose:
            for line in t.wrong:
                print(f"      x {line}")
    try:
        found, slowest = suggestions(docs, everything)
        after, _ = suggestions(docs, everything, tag_first=True)
    except ImportError as error:
        print(f"suggestions: not measured ({error})")
        found, after, slowest = {}, {}, 0.0
    for title, per_doc in (("suggestions, nothing tagged yet", found),
                           ("suggestions after the first mention of each actor is tagged", after)):
        if not per_doc:
            continue
        scores = _sum_scores(list(per_doc.values()))
        print(f"{title}\n  {'':13} gold  sugg  found exact right   recall precision  "
              "span-rec span-prec exact-rec")
        for kind in ("actor", "actor-known", "date", "claim"):
            s = scores[kind]
            print(f"  {kind:11} {s.gold:6} {s.suggested:5} {s.found:6} {s.exact:5} {s.right:5}  "
                  f"{percent(s.right, s.gold)}   {percent(s.right, s.suggested)}    "
                  f"{percent(s.found, s.gold)}    {percent(s.found, s.suggested)}    "
                  f"{percent(s.exact, s.gold)}")
        c = scores["claim"]
        print(f"  claimants right among found claims: {c.claimant_right} / {c.found} "
              f"{percent(c.claimant_right, c.found)}")
        if verbose:
            for kind in KINDS:
                for label, lines in (("missed", scores[kind].misses),
                                     ("false hit", scores[kind].false_hits),
                                     ("wrong", scores[kind].wrong)):
                    for line in lines:
                        print(f"      {label}: {line}")
    if found:
        print(f"  (slowest suggest call {slowest * 1000:.0f} ms)")
    print("by language    dates  actors claimants | sugg. recall/precision: actor      date       claim")
    for lang, names in sorted(langs.items()):
        t = _sum_tallies([judged[n] for n in names])
        line = (f"  {lang:4} {percent(t['date'].right, t['date'].total)} "
                f"{percent(t['actor'].right, t['actor'].total)} "
                f"{percent(t['claim'].right, t['claim'].total)}   |")
        if found:
            sc = _sum_scores([found[n] for n in names])
            line += "".join(f" {percent(sc[k].right, sc[k].gold)}/{percent(sc[k].right, sc[k].suggested)}"
                            for k in KINDS)
        print(line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    everything = load_all("all")
    splits = SPLITS if args.split == "all" else (args.split,)
    for split in splits:
        report(split, [d for d in everything if d.split == split], everything, args.verbose)


if __name__ == "__main__":
    main()
