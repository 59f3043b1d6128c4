"""Agreement between analysts: the figures of domain.agreement over a library, as a report
with rows for a table, CSV and JSON.

Articles compared for a pair: those both analysts have at least one tag in (of any kind);
an article only one of them tagged is listed as skipped. With no pair given, every pair of
the library's analysts is compared (in name order: the first of a pair is A, the reference).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlite_utils import Database

from reader_app.domain.agreement import Figure, KindAgreement
from reader_app.domain.agreement_alpha import AttributeAgreement, PairAgreement, compare
from reader_app.storage.agreement_rows import agreement_tags, article_length, tagging_analysts
from reader_app.storage.annotations import analyst_names
from reader_app.storage.articles import as_text


@dataclass(frozen=True)
class SkippedArticle:
    article_id: int
    title: str
    analyst_a: str
    analyst_b: str
    reason: str


@dataclass(frozen=True)
class AgreementReport:
    analysts: tuple[str, ...]  # everyone who has tagged in the library
    pairs: tuple[PairAgreement, ...]
    skipped: tuple[SkippedArticle, ...]
    message: str = ""  # why nothing was compared, when nothing was


def agreement(db: Database, analysts: tuple[str, str] | None = None,
              article_ids: Iterable[int] | None = None) -> AgreementReport:
    """Compare a pair of analysts (or every pair) on the articles both tagged, among
    article_ids when given. ValueError for a pair naming one analyst twice or one who has
    not tagged; an article id that names no article is skipped, with that reason."""
    # as_text: a tampered file may hold a number as a name; tags read it as text too
    everyone = tuple(dict.fromkeys(name for n in analyst_names(db) if (name := as_text(n))))
    wanted = None if article_ids is None else sorted(set(article_ids))
    if analysts is not None:
        a, b = analysts
        if a == b:
            raise ValueError(f"compare two different analysts, not {a!r} with itself")
        missing = [name for name in analysts if name not in everyone]
        if missing:
            raise ValueError(f"no tags by analyst {missing[0]!r} in this library")
        pairs = [analysts]
    elif len(everyone) < 2:
        who = f"only {everyone[0]!r} has" if everyone else "nobody has"
        return AgreementReport(everyone, (), (), f"Agreement needs two analysts; {who} tagged"
                               " in this library (tags carry the analyst's name).")
    else:
        pairs = list(combinations(everyone, 2))
    tagged = tagging_analysts(db, wanted)
    skipped: list[SkippedArticle] = []
    results = []
    for a, b in pairs:
        if wanted is not None:
            skipped += [SkippedArticle(i, "", a, b, "no such article")
                        for i in wanted if i not in tagged]
        shared = []
        for article_id, (title, names) in tagged.items():
            if a in names and b in names:
                shared.append(article_id)
            elif a in names or b in names or wanted is not None:
                reason = (f"only {a} tagged it" if a in names else
                          f"only {b} tagged it" if b in names else "neither analyst tagged it")
                skipped.append(SkippedArticle(article_id, title, a, b, reason))
        lengths = {i: article_length(db, i) for i in shared}
        tags = [t for i in shared for t in agreement_tags(db, i, (a, b))]
        results.append(compare(a, b, lengths, tags))
    return AgreementReport(everyone, tuple(results), tuple(skipped))


# -- rows: one figure a row, for CSV and for the window's tables ------------------------------

COLUMNS = ("analyst_a", "analyst_b", "kind", "measure", "value", "n", "note")
Cell = str | int | float


def _value(figure: Figure) -> Cell:
    return "" if figure.value is None else round(figure.value, 6)


def kind_rows(pair: PairAgreement, k: KindAgreement) -> list[tuple[str, Cell, Cell, str]]:
    """(measure, value, n, note) of one kind: n is what the figure is a share of."""
    kap = k.kappa
    table = (f"characters both {kap.both}, A only {kap.a_only}, B only {kap.b_only},"
             f" neither {kap.neither}; p_o {kap.observed.text(4)}, p_e {kap.expected.text(4)}")
    rows: list[tuple[str, Cell, Cell, str]] = [
        ("spans_a", k.spans_a, "", f"{k.kind} tags by {pair.analyst_a}"),
        ("spans_b", k.spans_b, "", f"{k.kind} tags by {pair.analyst_b}")]
    for name, s in (("exact", k.exact), ("overlap", k.overlap)):
        rows += [(f"{name}_matches", s.matches, "", ""),
                 (f"{name}_precision", _value(s.precision), k.spans_b, s.precision.reason),
                 (f"{name}_recall", _value(s.recall), k.spans_a, s.recall.reason),
                 (f"{name}_f1", _value(s.f1), k.spans_a + k.spans_b, s.f1.reason)]
    rows.append(("kappa", _value(kap.kappa), kap.characters,
                 "; ".join(filter(None, (kap.kappa.reason, table)))))
    return rows


def attribute_row(a: AttributeAgreement) -> tuple[str, Cell, Cell, str]:
    note = f"{a.attribute.level}; {a.matched} matched spans"
    return (f"alpha_{a.attribute.name}", _value(a.alpha), a.units,
            f"{note}; {a.alpha.reason}" if a.alpha.reason else note)


def report_rows(report: AgreementReport) -> list[tuple[Cell, ...]]:
    """Every figure of every pair as COLUMNS, then the skipped articles."""
    rows: list[tuple[Cell, ...]] = []
    for pair in report.pairs:
        who = (pair.analyst_a, pair.analyst_b)
        rows.append((*who, "", "articles", len(pair.article_ids), "",
                     " ".join(map(str, pair.article_ids))))
        for k in pair.kinds:
            rows += [(*who, k.kind, *row) for row in kind_rows(pair, k)]
        rows += [(*who, a.attribute.kind, *attribute_row(a)) for a in pair.attributes]
    rows += [(s.analyst_a, s.analyst_b, "", "skipped_article", s.article_id, "",
              f"{s.title}: {s.reason}" if s.title else s.reason) for s in report.skipped]
    return rows


def report_json(report: AgreementReport) -> dict[str, Any]:
    """The report as plain JSON values: a Figure is {"value": number or null, "reason"}
    (the reason is empty when there is a value); kinds and attributes keyed by name."""
    return {
        "analysts": list(report.analysts), "message": report.message,
        "pairs": [{
            "analyst_a": p.analyst_a, "analyst_b": p.analyst_b,
            "article_ids": list(p.article_ids),
            "kinds": {k.kind: dataclasses.asdict(k) for k in p.kinds},
            "attributes": {a.attribute.name: {
                "kind": a.attribute.kind, "level": a.attribute.level, "units": a.units,
                "matched": a.matched, "alpha": dataclasses.asdict(a.alpha)}
                for a in p.attributes},
        } for p in report.pairs],
        "skipped": [dataclasses.asdict(s) for s in report.skipped],
    }


def report_text(report: AgreementReport) -> str:
    """The report for a terminal: a table per pair, then what was skipped and why."""
    if report.message:
        return report.message
    lines = []
    if len(report.pairs) > 1:
        lines.append(f"{len(report.analysts)} analysts: every pair is compared.")
    for pair in report.pairs:
        lines += ["", f"{pair.analyst_a} (A, reference) vs {pair.analyst_b} (B):"
                  f" {len(pair.article_ids)} shared article(s)"
                  + (f" (ids {' '.join(map(str, pair.article_ids))})" if pair.article_ids else ""),
                  f"  {'kind':<6} {'A':>5} {'B':>5} {'exact F1':>9} {'P':>6} {'R':>6}"
                  f" {'ovl F1':>7} {'P':>6} {'R':>6} {'kappa':>7}"]
        for k in pair.kinds:
            cells = [k.exact.f1, k.exact.precision, k.exact.recall, k.overlap.f1,
                     k.overlap.precision, k.overlap.recall, k.kappa.kappa]
            shown = [f.text() if f.value is not None else "n/a" for f in cells]
            lines.append(f"  {k.kind:<6} {k.spans_a:>5} {k.spans_b:>5} {shown[0]:>9}"
                         f" {shown[1]:>6} {shown[2]:>6} {shown[3]:>7} {shown[4]:>6}"
                         f" {shown[5]:>6} {shown[6]:>7}")
        for a in pair.attributes:
            lines.append(f"  alpha {a.attribute.label:<12} ({a.attribute.level}, {a.units:>3}"
                         f" units): {a.alpha.text()}")
        notes = {f"{k.kind} {name}: {f.reason}" for k in pair.kinds for name, f in (
            ("kappa", k.kappa.kappa), ("F1", k.exact.f1)) if f.reason}
        lines += [f"  n/a {note}" for note in sorted(notes)]
    for s in report.skipped:
        title = f" ({s.title})" if s.title else ""
        lines.append(f"skipped article {s.article_id}{title} for {s.analyst_a} vs"
                     f" {s.analyst_b}: {s.reason}")
    return "\n".join(lines).lstrip("\n")
