"""Krippendorff's alpha on the attributes of matched spans, and one analyst pair's figures.

Each pair of spans the overlap matching paired (agreement.match_overlapping) is a unit
coded by two analysts; its value for an attribute is what each analyst's tag says (the
actor it links to, the date value, the claim's claimant, status and Admiralty grade). A
unit where either tag has no value is not pairable and does not count (Krippendorff's
treatment of missing values). alpha = 1 - D_o / D_e, computed by the `krippendorff`
package; nominal: any two different values disagree by 1; ordinal: reliability A < B < ...
< F and credibility 1 < ... < 6, with Krippendorff's rank-based ordinal distance.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import krippendorff
import numpy as np

from reader_app.domain.agreement import Figure, KindAgreement, TagSpan, by_kind, kind_agreement
from reader_app.domain.models import KINDS

Value = str | int
Level = Literal["nominal", "ordinal"]


@dataclass(frozen=True)
class Attribute:
    name: str  # the TagSpan field
    label: str
    kind: str  # the kind of tag that carries it
    level: Level
    order: tuple[Value, ...] = ()  # ordinal: the values from lowest to highest
    ids: bool = False  # values are row ids (actors): not worth naming in a reason


ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("actor", "actor", "actor", "nominal", ids=True),
    Attribute("date_value", "date value", "date", "nominal"),
    Attribute("claimant", "claimant", "claim", "nominal", ids=True),
    Attribute("status", "status", "claim", "nominal"),
    Attribute("reliability", "reliability", "claim", "ordinal", tuple("ABCDEF")),
    Attribute("credibility", "credibility", "claim", "ordinal", (1, 2, 3, 4, 5, 6)),
)


@dataclass(frozen=True)
class AttributeAgreement:
    attribute: Attribute
    units: int  # matched pairs where both tags have a value (pairable units)
    matched: int  # matched pairs of the attribute's kind
    alpha: Figure


def alpha(pairs: Sequence[tuple[Value | None, Value | None]], level: Level,
          order: Sequence[Value] = (), *, name_value: bool = True) -> tuple[int, Figure]:
    """Krippendorff's alpha for two coders over units (value by A, value by B); None is a
    missing value. Returns the number of pairable units and the figure."""
    pairable = [(x, y) for x, y in pairs if x is not None and y is not None]
    if not pairable:
        return 0, Figure(None, "no matched span has a value from both analysts")
    seen = {v for pair in pairable for v in pair}
    if len(seen) < 2:
        only = f" ({next(iter(seen))!r})" if name_value else ""
        return len(pairable), Figure(
            None, f"every unit has the same value{only}: no variation, so the expected"
            " disagreement is 0")
    if level == "ordinal":
        unknown = seen - set(order)
        if unknown:
            raise ValueError(f"values outside the ordinal scale: {sorted(map(str, unknown))}")
        codes = {v: float(order.index(v)) for v in seen}
    else:
        codes = {v: float(i) for i, v in enumerate(sorted(seen, key=str))}
    data = np.array([[codes[x] for x, _ in pairable], [codes[y] for _, y in pairable]])
    value = float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
    if not math.isfinite(value):  # pragma: no cover - excluded above; never NaN in a report
        return len(pairable), Figure(None, "undefined")
    return len(pairable), Figure(value)


def attribute_agreement(attribute: Attribute,
                        pairs: Sequence[tuple[TagSpan, TagSpan]]) -> AttributeAgreement:
    values: list[tuple[Value | None, Value | None]] = [
        (getattr(x, attribute.name), getattr(y, attribute.name)) for x, y in pairs]
    units, figure = alpha(values, attribute.level, attribute.order,
                          name_value=not attribute.ids)
    return AttributeAgreement(attribute, units, len(pairs), figure)


@dataclass(frozen=True)
class PairAgreement:
    """Two analysts on the articles both tagged; A is the reference."""

    analyst_a: str
    analyst_b: str
    article_ids: tuple[int, ...]
    kinds: tuple[KindAgreement, ...]
    attributes: tuple[AttributeAgreement, ...]


def compare(analyst_a: str, analyst_b: str, lengths: Mapping[int, int],
            tags: Sequence[TagSpan]) -> PairAgreement:
    """Every figure for A and B over the articles in lengths (id -> characters); tags of
    other analysts or articles are ignored."""
    a = by_kind(t for t in tags if t.analyst == analyst_a and t.article_id in lengths)
    b = by_kind(t for t in tags if t.analyst == analyst_b and t.article_id in lengths)
    kinds = []
    matched: dict[str, list[tuple[TagSpan, TagSpan]]] = {}
    for kind in KINDS:
        figures, matched[kind] = kind_agreement(lengths, a[kind], b[kind], kind)
        kinds.append(figures)
    attributes = tuple(attribute_agreement(attr, matched[attr.kind]) for attr in ATTRIBUTES)
    return PairAgreement(analyst_a, analyst_b, tuple(sorted(lengths)), tuple(kinds), attributes)
