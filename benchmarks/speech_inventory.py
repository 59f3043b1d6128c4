"""Claimants and claim suggestions over an inventory of English, Ukrainian and Russian
news sentences (benchmarks/speech_inventory.txt), written for it in many outlets' styles
(wire, regional site, TV site, business daily, court report, live blog).

Run: PYTHONPATH=. python benchmarks/speech_inventory.py [-v]

Each case is one short article. Its {mention=Canonical/type} marks are actor tags (the
analyst's, linked to that canonical's actor; "/type" defaults to person, "=Canonical" to
the mention itself); [[...]] is the claim span; the last field is the claimant's canonical,
or "-" for none (narration: nothing is said).

  claimant:   the app's proposal when the analyst tags the claim (services.tagging.tag)
              after the actor tags, against the expected canonical.
  suggested:  in a fresh copy with nothing tagged and every canonical a known actor,
              suggest() gives a claim overlapping the span with that speaker ("-": none
              with a speaker; narration: no claim suggested over it).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader_app.domain.models import ImportedArticle  # noqa: E402
from reader_app.services.suggesting import suggest  # noqa: E402
from reader_app.services.tagging import tag  # noqa: E402
from reader_app.storage.actors import (  # noqa: E402
    actor_in_use,
    create_actor,
    delete_actor,
    link_annotation,
)
from reader_app.storage.articles import add_article, get_article  # noqa: E402
from reader_app.storage.database import open_library  # noqa: E402

INVENTORY = ROOT / "benchmarks" / "speech_inventory.txt"
_MARK = re.compile(r"\{([^{}=]+?)(?:=([^{}/]+?))?(?:/(\w+))?\}|\[\[|\]\]")


@dataclass
class Case:
    line: int
    language: str
    construction: str
    style: str
    text: str
    actors: list[tuple[int, int, str, str]]  # start, end, canonical, type
    claim: tuple[int, int]
    claimant: str  # "-": nobody


def parse(raw: str, line: int) -> Case:
    language, construction, style, marked, want = (x.strip() for x in raw.split("|"))
    out: list[str] = []
    pos = 0
    length = 0
    actors: list[tuple[int, int, str, str]] = []
    claim_start = claim_end = -1
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(0) == "[[":
            claim_start = length
        elif m.group(0) == "]]":
            claim_end = length
        else:
            mention = m.group(1)
            actors.append((length, length + len(mention), (m.group(2) or mention).strip(),
                           m.group(3) or "person"))
            out.append(mention)
            length += len(mention)
    out.append(marked[pos:])
    assert 0 <= claim_start < claim_end, f"line {line}: no [[claim]]"
    return Case(line, language, construction, style, "".join(out), actors,
                (claim_start, claim_end), want)


def load() -> list[Case]:
    cases = []
    for n, raw in enumerate(INVENTORY.read_text("utf-8").splitlines(), 1):
        if raw.strip() and not raw.startswith("#"):
            cases.append(parse(raw, n))
    return cases


def _article(db, case: Case):
    item = ImportedArticle(title=f"case {case.line}", text=case.text, source=f"inv{case.line}",
                           published="2025-10-16", language=case.language)
    return get_article(db, add_article(db, item).article_id)


def run(cases: list[Case]) -> list[tuple[Case, bool, str, bool, str]]:
    """(case, claimant right, what was proposed, suggestion right, what was suggested)."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        db = open_library(Path(tmp) / "inventory.sqlite")
        try:
            ids: dict[str, int] = {}
            for case in cases:
                for *_, canonical, kind in case.actors:
                    if canonical not in ids:
                        ids[canonical] = create_actor(db, canonical, kind).id
            names = {i: name for name, i in ids.items()}
            fresh = [_article(db, case) for case in cases]
            suggested = []
            for case, article in zip(cases, fresh, strict=True):
                lo, hi = case.claim
                over = [s for s in suggest(db, article.id, ["claim"])
                        if s.start < hi and lo < s.end]
                if case.construction == "narration":
                    ok = not over
                elif case.claimant == "-":
                    ok = all(s.claimant_id is None and not s.claimant_name for s in over)
                else:
                    want = ids.get(case.claimant)
                    ok = any(s.claimant_id == want for s in over)
                got = "; ".join(
                    f"{s.quote[:40]!r} by "
                    f"{names.get(s.claimant_id) if s.claimant_id else s.claimant_name}"
                    for s in over) or "nothing"
                suggested.append((ok, got))
            for case, (s_ok, s_got) in zip(cases, suggested, strict=True):
                article = _article(db, case)
                for start, end, canonical, _ in case.actors:
                    new, _ = tag(db, article, "actor", start, end)
                    target = ids[canonical]
                    if new.annotation.actor_id != target:
                        link_annotation(db, new.annotation.id, target)
                        created = new.created_actor
                        if created is not None and not actor_in_use(db, created.id):
                            delete_actor(db, created.id)
                new, _ = tag(db, article, "claim", *case.claim)
                got_id = new.annotation.claimant_id
                want_id = None if case.claimant == "-" else ids.get(case.claimant)
                results.append((case, got_id == want_id,
                                f"{names.get(got_id) if got_id else None} ({new.explanation})",
                                s_ok, s_got))
        finally:
            db.close()
    return results


def _pct(right: int, total: int) -> str:
    return f"{right:3}/{total:<3} {100 * right / total:5.1f}%" if total else "  -"


def main() -> None:
    verbose = "-v" in sys.argv
    results = run(load())
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for case, c_ok, c_got, s_ok, s_got in results:
        for key in ("all", f"lang {case.language}", f"{case.language} {case.construction}",
                    f"style {case.style}"):
            groups[key].append((c_ok, s_ok))
        if verbose and not (c_ok and s_ok):
            quote = case.text[case.claim[0]:case.claim[1]][:50]
            print(f"x {case.line} {case.language} {case.construction} {quote!r} want "
                  f"{case.claimant!r}" + ("" if c_ok else f"\n    claimant: {c_got}")
                  + ("" if s_ok else f"\n    suggested: {s_got}"))
    print(f"{'':26} {'claimant':>14}   {'suggested':>14}")
    for key in sorted(groups, key=lambda k: (k != "all", not k.startswith("lang"),
                                             k.startswith("style"), k)):
        rows = groups[key]
        print(f"{key:26} {_pct(sum(c for c, _ in rows), len(rows))}   "
              f"{_pct(sum(s for _, s in rows), len(rows))}")


if __name__ == "__main__":
    main()
