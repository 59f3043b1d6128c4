"""W3C Web Annotation (JSON-LD) export: one AnnotationCollection, or one Annotation per line.

Each tag is an Annotation whose target is the article (urn:uuid:<article uuid>, with the
sha256 of its text) narrowed by a TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector (code points, as the model says). Generic consumers see tagging and
commenting TextualBodies; our own fields ride in one body of our namespace (NS), so an export
read back gives the same Bundle. The reader is w3c_read.read_w3c.

Deterministic: articles by uuid, tags by (start, end, kind, uuid), fixed key order, ids derived
from the content; no time of export is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleCode, BundleTag
from reader_app.formats.bundle_io import dump_line, made_uuid

__all__ = ["CONTEXT", "NS", "read_w3c", "write_w3c"]

# Our vocabulary: an identifier, not a page (the reserved .example domain never resolves).
NS = "https://reader-app.example/ns#"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"ar": NS}]
_ITEMS = "\x00items"  # where the annotations go in the indented frame
GENERATOR = {"id": "https://reader-app.example/", "type": "Software", "name": "Analyst Reader"}


def write_w3c(bundle: Bundle, out: TextIO, *, lines: bool = False) -> None:
    articles = sorted(bundle.articles, key=lambda a: a.uuid)
    actors = {a.uuid: a for a in bundle.actors}
    codes = {c.kind: c for c in bundle.codes}
    items = [
        annotation(article, tag, actors, standalone=lines, codes=codes)
        for article in articles
        for tag in sorted(article.tags, key=lambda t: (t.start, t.end, t.kind, t.uuid))
    ]
    if lines:
        for item in items:
            out.write(dump_line(item) + "\n")
        return
    collection_id = "urn:uuid:" + made_uuid("w3c-collection", *(a.uuid for a in articles))
    doc = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Analyst Reader annotations",
        "total": len(items),
        "generator": GENERATOR,
        "ar:articles": [article_node(a) for a in articles],
        "ar:actors": [actor_node(a) for a in sorted(bundle.actors, key=lambda a: a.uuid)],
        "first": {
            "id": "urn:uuid:" + made_uuid("w3c-page", collection_id),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": _ITEMS,
        },
    }
    # The frame indented, each annotation on one line: readable, and json's C encoder (it
    # does not indent) writes the bulk. "items" is the last key, so its placeholder is last.
    head, _, tail = json.dumps(doc, ensure_ascii=False, indent=1).rpartition(
        json.dumps(_ITEMS))
    out.write(head + "[\n")
    for i, item in enumerate(items):
        out.write(("" if i == 0 else ",\n") + json.dumps(item, ensure_ascii=False,
                                                          separators=(",", ":")))
    out.write("\n  ]" + tail + "\n")


def article_node(a: BundleArticle) -> dict[str, Any]:
    node: dict[str, Any] = {"id": "urn:uuid:" + a.uuid, "type": "Text", "ar:sha256": a.sha256,
                            "dcterms:title": a.title, "dcterms:source": a.source}
    _put(node, "dcterms:issued", a.published)
    _put(node, "language", a.language)
    node["ar:memo"] = a.memo
    node["ar:contentType"] = a.content_type
    return node


def actor_node(a: BundleActor) -> dict[str, Any]:
    node: dict[str, Any] = {"id": "urn:uuid:" + a.uuid, "type": "ar:Actor", "name": a.name,
                            "ar:actorType": a.type, "ar:aliases": list(a.aliases)}
    _put(node, "ar:note", a.note)
    return node


def annotation(article: BundleArticle, tag: BundleTag, actors: dict[str, BundleActor],
               *, standalone: bool, codes: dict[str, BundleCode] | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {}
    if standalone:  # a line of its own: the context and the article come with it
        node["@context"] = CONTEXT
    node["id"] = "urn:uuid:" + tag.uuid
    node["type"] = "Annotation"
    node["motivation"] = "tagging"
    _put(node, "created", tag.created_at)
    _put(node, "modified", tag.updated_at)
    if tag.analyst is not None:
        node["creator"] = {"type": "Person", "name": tag.analyst}
    node["body"] = list(_bodies(tag, actors, (codes or {}).get(tag.kind), codes))
    node["target"] = {
        "type": "SpecificResource",
        "source": "urn:uuid:" + article.uuid,
        "ar:sha256": article.sha256,
        "selector": [
            {"type": "TextQuoteSelector", "exact": tag.quote, "prefix": tag.prefix,
             "suffix": tag.suffix},
            {"type": "TextPositionSelector", "start": tag.start, "end": tag.end},
        ],
    }
    if standalone:
        node["ar:article"] = article_node(article)
    return node


def code_node(c: BundleCode, codes: dict[str, BundleCode] | None = None) -> dict[str, Any]:
    """An own code; its parent as a node of its own (up to the top), so each annotation
    carries the branch its code sits on."""
    node: dict[str, Any] = {"id": "urn:uuid:" + c.uuid, "type": "ar:Code", "name": c.name}
    _put(node, "ar:colour", c.colour or None)
    _put(node, "ar:description", c.description or None)
    parent = (codes or {}).get("code:" + (c.parent_uuid or ""))
    if parent is not None and parent is not c:
        node["ar:parent"] = code_node(parent, {k: v for k, v in (codes or {}).items()
                                               if v is not c})
    return node


def _bodies(tag: BundleTag, actors: dict[str, BundleActor], code: BundleCode | None = None,
            codes: dict[str, BundleCode] | None = None) -> Iterable[dict[str, Any]]:
    # an own code is tagged by its name, for a consumer that knows nothing of ours
    yield {"type": "TextualBody", "purpose": "tagging",
           "value": code.name if code is not None else tag.kind}
    actor = actors.get(tag.actor_uuid) if tag.actor_uuid else None
    if actor is not None:  # who the span names, for a consumer that knows nothing of ours
        yield {"type": "TextualBody", "purpose": "identifying", "value": actor.name}
    if tag.note is not None:
        yield {"type": "TextualBody", "purpose": "commenting", "value": tag.note}
    data: dict[str, Any] = {"type": "ar:TagData", "ar:kind": tag.kind}
    if code is not None:
        data["ar:code"] = code_node(code, codes)
    _put(data, "ar:value", tag.value)
    for key, actor_uuid in (("ar:actor", tag.actor_uuid), ("ar:claimant", tag.claimant_uuid)):
        if actor_uuid is not None:
            known = actors.get(actor_uuid)
            data[key] = actor_node(known) if known else {"id": "urn:uuid:" + actor_uuid}
    _put(data, "ar:claimDate", tag.claim_date)
    if tag.claim_date_tag_uuid is not None:
        data["ar:claimDateTag"] = "urn:uuid:" + tag.claim_date_tag_uuid
    _put(data, "ar:status", tag.status)
    _put(data, "ar:reliability", tag.reliability)
    _put(data, "ar:credibility", tag.credibility)
    _put(data, "ar:granularity", tag.granularity)
    _put(data, "ar:dateMethod", tag.date_method)
    yield data


def _put(node: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        node[key] = value


def read_w3c(path: Path) -> Bundle:
    """A W3C file (collection, page, Annotation list or JSON Lines) as a Bundle: w3c_read."""
    from reader_app.formats.w3c_read import read_w3c as read  # it imports this module

    return read(path)
