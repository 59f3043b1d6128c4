"""Read W3C Web Annotation files: our own exports exactly, other tools' as far as they map.

Accepts an AnnotationCollection (embedded pages), an AnnotationPage, one Annotation, a JSON list
of Annotations, or JSON Lines of any of these. The text is never in the file: articles come back
with text=None and the sha256 the file gives ("" when a foreign file gives none). Positions are
reported as written; re-anchoring against the library's text is services/merging.py's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleCode, BundleTag
from reader_app.formats.bundle_io import (
    MAX_JSON_BYTES,
    Bad,
    as_int,
    iter_lines,
    kind_of,
    label_code,
    made_uuid,
    obj,
    opt_str,
    parse_json,
    read_capped,
    req_str,
    span,
    utf8,
    vetted,
    vetted_actor,
    where,
)
from reader_app.formats.w3c import NS

_MAX_PAGES = 100_000


def read_w3c(path: Path) -> Bundle:
    path = Path(path)
    reader = _Reader()
    for line, node in _documents(path):
        try:
            reader.top(node)
        except Bad as e:
            raise where(path, str(e), line) from None
    return reader.bundle(path.name)


def _documents(path: Path) -> Iterator[tuple[int | None, Any]]:
    """The file's JSON value, or each line's for JSON Lines (always for a huge file)."""
    if not path.is_file():
        raise where(path, "not a file" if path.exists() else "no such file")
    if path.stat().st_size > MAX_JSON_BYTES:  # only JSON Lines may be this large
        for n, line in iter_lines(path):
            try:
                value = parse_json(line)
            except Bad as e:
                if n == 1:
                    raise where(path, f"too large for one JSON document (the limit is "
                                      f"{MAX_JSON_BYTES // 1024 // 1024} MiB; JSON Lines may "
                                      "be larger)") from None
                raise where(path, str(e), n) from None
            yield n, value
        return
    try:
        text = utf8(read_capped(path, MAX_JSON_BYTES))
    except Bad as e:
        raise where(path, str(e)) from None
    if not text.strip():
        raise where(path, "empty file")
    try:
        whole = parse_json(text)
    except Bad as e:
        first = text.lstrip().split("\n", 1)[0]
        try:
            if not isinstance(parse_json(first), dict):
                raise
        except Bad:
            raise where(path, str(e)) from None
        whole = None
    if whole is not None:
        yield None, whole
        return
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield n, _parse(path, line, n)


def _parse(path: Path, line: str, n: int) -> Any:
    try:
        return parse_json(line)
    except Bad as e:
        raise where(path, str(e), n) from None


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("type", node.get("@type"))
    if isinstance(t, str):
        return {t}
    return {x for x in t if isinstance(x, str)} if isinstance(t, list) else set()


def _id(node: Any) -> str | None:
    v = node.get("id", node.get("@id")) if isinstance(node, dict) else node
    return v if isinstance(v, str) else None


def _uuid_of(iri: str) -> str:
    if iri.lower().startswith("urn:uuid:") and len(iri) > 9:
        return iri[9:]
    return made_uuid("w3c", iri)


def _is(node: dict[str, Any], name: str) -> bool:
    types = _types(node)
    return f"ar:{name}" in types or NS + name in types


class _Reader:
    def __init__(self) -> None:
        self.meta: dict[str, dict[str, Any]] = {}  # article uuid -> BundleArticle fields
        self.tags: dict[str, list[BundleTag]] = {}
        self.actors: dict[str, BundleActor] = {}
        self.codes: dict[str, BundleCode] = {}  # own codes by kind
        self.report: list[str] = []
        self.unmapped: Counter[str] = Counter()
        self.no_quote = 0
        self.n = 0

    def top(self, node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                self.annotation(item)
            return
        node = obj(node, "the document")
        types = _types(node)
        if "AnnotationCollection" in types:
            for art in _list(node.get("ar:articles"), "ar:articles"):
                self.article(obj(art, "an entry of ar:articles"))
            for actor in _list(node.get("ar:actors"), "ar:actors"):
                self.actor(obj(actor, "an entry of ar:actors"))
            page = node.get("first")
            if page is None and "items" in node:
                page = {"type": "AnnotationPage", "items": node["items"]}
            self.pages(page)
        elif "AnnotationPage" in types:
            self.pages(node)
        elif "Annotation" in types:
            self.annotation(node)
        else:
            raise Bad("not an Annotation, AnnotationPage or AnnotationCollection")

    def pages(self, page: Any) -> None:
        for _ in range(_MAX_PAGES):
            if page is None:
                return
            if isinstance(page, str):
                self.report.append(f"page {page}: not in the file, not fetched")
                return
            page = obj(page, "a page")
            for item in _list(page.get("items"), "items"):
                self.annotation(item)
            page = page.get("next")

    def article(self, node: dict[str, Any]) -> str:
        uuid = _uuid_of(req_str(node, "id", "article "))
        self.meta[uuid] = dict(
            uuid=uuid, title=opt_str(node, "dcterms:title") or "", text=None,
            sha256=opt_str(node, "ar:sha256") or "", source=opt_str(node, "dcterms:source") or "",
            published=opt_str(node, "dcterms:issued"), language=opt_str(node, "language"),
            memo=opt_str(node, "ar:memo") or "",
            content_type=opt_str(node, "ar:contentType") or "text")
        return uuid

    def actor(self, node: dict[str, Any]) -> str:
        uuid = _uuid_of(req_str(node, "id", "actor "))
        if "name" not in node:
            return uuid  # a bare reference; the actor is described elsewhere
        aliases = _list(node.get("ar:aliases"), "ar:aliases")
        if not all(isinstance(a, str) for a in aliases):
            raise Bad("actor 'ar:aliases' holds a value that is not a string")
        actor = vetted_actor(BundleActor(
            uuid, req_str(node, "name", "actor "), opt_str(node, "ar:actorType") or "other",
            opt_str(node, "ar:note"), tuple(aliases)), self.report)
        known = self.actors.setdefault(uuid, actor)
        if known != actor:
            self.report.append(f"actor {uuid}: described twice, differently; the first kept")
        return uuid

    def annotation(self, node: Any) -> None:
        self.n += 1
        try:
            self._annotation(obj(node, "the annotation"))
        except Bad as e:
            raise Bad(f"annotation {self.n}: {e}") from None

    def _annotation(self, node: dict[str, Any]) -> None:
        if "Annotation" not in _types(node):
            raise Bad("its type is not Annotation")
        label = _id(node) or f"#{self.n}"
        target = node.get("target")
        if isinstance(target, list):
            if len(target) > 1:
                self.report.append(f"annotation {label}: {len(target)} targets, the first read")
            target = target[0] if target else None
        if target is None:
            raise Bad("no target")
        if isinstance(target, str):
            self.report.append(f"annotation {label}: targets a whole resource; skipped")
            return
        target = obj(target, "target")
        source = _id(target.get("source"))
        if source is None:
            raise Bad("the target has no source")
        article = _uuid_of(source)
        if isinstance(node.get("ar:article"), dict):
            if self.article(node["ar:article"]) != article:
                raise Bad("its 'ar:article' is not its target's source")
        elif article not in self.meta:
            self.meta[article] = dict(uuid=article, title=source, text=None,
                                      sha256=opt_str(target, "ar:sha256") or "", source=source)
            if not self.meta[article]["sha256"]:
                self.report.append(f"source {source}: the file gives no sha256 of its text")
        quote, prefix, suffix, start, end = self.anchor(label, target)
        if not quote:
            self.no_quote += 1
            return
        bodies = [b for b in _list(node.get("body"), "body") if isinstance(b, dict)]
        data = next((b for b in bodies if _is(b, "TagData")), None)
        notes = [b.get("value") for b in bodies if b.get("purpose") in ("commenting", None)
                 and "TextualBody" in _types(b)]
        if isinstance(node.get("bodyValue"), str):
            notes.append(node["bodyValue"])
        note = "\n\n".join(n for n in notes if isinstance(n, str)) if notes else None
        fields: dict[str, Any] = {}
        if data is not None:
            fields = self.tag_data(data)
        else:
            tags = [b.get("value") for b in bodies if b.get("purpose") == "tagging"]
            named = [t for t in tags if isinstance(t, str) and t.strip()]
            kinds = [kind_of(t) for t in named]
            kind = next((k for k in kinds if k), None)
            if kind is None and named:  # a tag of no kind of ours: an own code by that name
                code = label_code(named[0])
                kind = self.codes.setdefault(code.kind, code).kind
            if kind is None:
                self.unmapped["(none)"] += 1
                return
            fields = {"kind": kind}
        creator = node.get("creator")
        creator = creator[0] if isinstance(creator, list) and creator else creator
        analyst = creator if isinstance(creator, str) else (
            opt_str(creator, "name") or opt_str(creator, "nickname")
            if isinstance(creator, dict) else None)
        uuid = _uuid_of(_id(node) or made_uuid(article, str(start), str(end), fields["kind"]))
        tag = vetted(BundleTag(
            uuid=uuid, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix,
            note=note, analyst=analyst, created_at=opt_str(node, "created"),
            updated_at=opt_str(node, "modified"), **fields), f"annotation {label}", self.report)
        if tag is not None:
            self.tags.setdefault(article, []).append(tag)

    def anchor(self, label: str, target: dict[str, Any]) -> tuple[str, str, str, int, int]:
        sels = [s for s in _list(target.get("selector"), "selector") if isinstance(s, dict)]
        tq = next((s for s in sels if "TextQuoteSelector" in _types(s)), None)
        tp = next((s for s in sels if "TextPositionSelector" in _types(s)), None)
        if tq is None:
            return "", "", "", 0, 0
        quote = req_str(tq, "exact", "TextQuoteSelector ")
        prefix = opt_str(tq, "prefix", "TextQuoteSelector ") or ""
        suffix = opt_str(tq, "suffix", "TextQuoteSelector ") or ""
        if not quote:
            return "", "", "", 0, 0
        if tp is None:
            self.report.append(f"annotation {label}: no TextPositionSelector; "
                               "placed by its quote alone")
            return quote, prefix, suffix, 0, len(quote)
        start, end = span(tp.get("start"), tp.get("end"), None, "TextPositionSelector")
        if end - start != len(quote):
            self.report.append(f"annotation {label}: its position spans {end - start} "
                               f"characters, its quote {len(quote)}; the quote kept")
            end = start + len(quote)
        return quote, prefix, suffix, start, end

    def code(self, node: Any, depth: int = 0) -> str:
        """Our ar:code node (its parents first): the own code a tag's kind names; its uuid."""
        c = obj(node, "'ar:code'")
        if depth > 100:
            raise Bad("'ar:code' is nested deeper than 100 levels")
        parent = self.code(c["ar:parent"], depth + 1) if c.get("ar:parent") is not None \
            else None
        code = BundleCode(_uuid_of(req_str(c, "id")), req_str(c, "name"),
                          opt_str(c, "ar:colour") or "", opt_str(c, "ar:description") or "",
                          parent)
        self.codes.setdefault(code.kind, code)
        return code.uuid

    def tag_data(self, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("ar:code") is not None:
            self.code(data["ar:code"])
        def ref(key: str) -> str | None:
            v = data.get(key)
            if v is None:
                return None
            if isinstance(v, dict):
                return self.actor(v)
            if isinstance(v, str):
                return _uuid_of(v)
            raise Bad(f"{key!r} is neither an object nor an IRI")

        credibility = data.get("ar:credibility")
        claim_date_tag = opt_str(data, "ar:claimDateTag")
        return dict(
            kind=req_str(data, "ar:kind"), value=opt_str(data, "ar:value"),
            actor_uuid=ref("ar:actor"), claimant_uuid=ref("ar:claimant"),
            claim_date=opt_str(data, "ar:claimDate"),
            claim_date_tag_uuid=_uuid_of(claim_date_tag) if claim_date_tag else None,
            status=opt_str(data, "ar:status"), reliability=opt_str(data, "ar:reliability"),
            credibility=None if credibility is None else as_int(credibility, "'ar:credibility'"),
            granularity=opt_str(data, "ar:granularity"),
            date_method=opt_str(data, "ar:dateMethod"))

    def bundle(self, origin: str) -> Bundle:
        report = list(self.report)
        for tags, count in sorted(self.unmapped.items()):
            report.append(f"{count} annotation(s) tagged {tags!r}: no kind (claim, actor, date) "
                          "by that name; skipped")
        if self.no_quote:
            report.append(f"{self.no_quote} annotation(s) without a TextQuoteSelector; skipped")
        articles = tuple(BundleArticle(**self.meta[u], tags=tuple(self.tags.get(u, ())))
                         for u in self.meta)
        # an own kind no ar:code named (a hand-edited file) is refused by the merge, reported
        return Bundle(articles, tuple(self.actors.values()), origin, tuple(report),
                      tuple(self.codes.values()))


def _list(v: Any, what: str) -> list[Any]:
    if v is None:
        return []
    if isinstance(v, list):
        return v
    if isinstance(v, (dict, str)):
        return [v]
    raise Bad(f"{what!r} is neither a list nor an object")
