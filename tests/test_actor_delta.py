"""actor_delta.pass_again gives exactly what find_actor_pass gives over the whole text,
whenever it answers, for names added one after another to texts with hard Unicode; and it
does answer for the usual new name (a rare one), so the fast path is the one taken."""

from __future__ import annotations

import random

from reader_app.domain.actor_delta import pass_again
from reader_app.domain.actor_finder import (
    SOURCE_ALIAS,
    SOURCE_NAME,
    SOURCE_TABLE,
    KnownName,
    build_actor_index,
    find_actor_pass,
)

PEOPLE = ("Olena Marchuk", "Tomas Reiter", "Amara Okafor", "Mykola Petrenko", "Chen Haddad")
BODIES = ("National Reform Party", "Harbour Workers Union", "Grain Board",
          "Міністерство оборони України")
TABLE = (("Washington", "United States", "state"), ("Moscow", "Russia", "state"),
         ("Kyiv", "Ukraine", "state"), ("Ukraine", "Ukraine", "state"))
# names the library learns during the test: rare ones, words, ones beside or inside
# known names, Cyrillic ones, a surname someone has
NEW = (("Velmora Trust", "organization"), ("Kestrel Watch", "organization"),
       ("Zoë Quillon", "person"), ("harbour", "other"), ("Harbour Workers", "organization"),
       ("Brannick", "organization"), ("Громада «Світанок»", "organization"),
       ("Senwick Forum", "organization"), ("the ferry", "other"), ("Reiter", "person"),
       ("Oskarsholm Institute", "organization"), ("Tobruin", "other"), ("U.N.", "organization"),
       ("Marravel League", "organization"), ("Ганна Маляр", "person"), ("😀 Club", "other"))
RARE = [name for name, _ in NEW]
PLACES = ("Washington", "Moscow", "Kyiv", "Ukraine")


def _sentence(rng: random.Random) -> str:
    who, rare, place = rng.choice(PEOPLE), rng.choice(RARE), rng.choice(PLACES)
    body = rng.choice(BODIES)
    return rng.choice((
        f"{who} said on Monday that the {body} met 👨‍👩‍👧 families in {place}.",
        f"Observers from the {rare} watched the vote in {place} 🇺🇦.",
        f"The\u00a0{rare} signed the 𠀀 accord\twith {who}, who called it “fair”.",
        f"Представники {rare} заявили, що делегація {body} прибуде у вівторок.",
        f"Café Zoe\u0301 hosted the   {rare}   board; مرحبا {who} שלום.",
        f"{rare}'s chief met {who} and the {body} (NRP) in {place}.",
        f"The harbour near the old ferry was closed, and {who} left for {place}.",
        f"{who} {rare} told reporters the union would strike.",
    ))


def _text(rng: random.Random) -> str:
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
                  for _ in range(60)]
    return "\r\n".join(paragraphs[:3]).replace("\r\n", "\n") + "\n\n" + "\n\n".join(paragraphs[3:])


def _names(library: list[tuple[str, int, str, str]]) -> list[KnownName]:
    names = [KnownName(text, actor_id, canonical, kind, source)
             for text, actor_id, canonical, kind, source in library]
    names += [KnownName(text, None, canonical, kind, SOURCE_TABLE)
              for text, canonical, kind in TABLE]
    return names


def test_pass_again_is_the_full_pass_whenever_it_answers():
    answered = refused = 0
    for seed in range(6):
        rng = random.Random(seed)
        text = _text(rng)
        library = [(name, i + 1, name, "person", SOURCE_NAME) for i, name in enumerate(PEOPLE)]
        library += [(name, 10 + i, name, "organization", SOURCE_NAME)
                    for i, name in enumerate(BODIES)]
        tagged: list[tuple[int, int, int]] = []
        old = find_actor_pass(text, build_actor_index(_names(library)), tuple(tagged))
        old_tagged = tuple(tagged)
        for step, (name, kind) in enumerate(rng.sample(NEW, len(NEW))):
            if rng.random() < 0.3:  # an alias of a known actor rather than a new one
                actor_id = rng.choice([a for _, a, _, _, _ in library])
                canonical = next(c for _, a, c, _, _ in library if a == actor_id)
                library.append((name, actor_id, canonical, kind, SOURCE_ALIAS))
            else:
                library.append((name, 100 + step, name, kind, SOURCE_NAME))
            at = text.find(name)
            if at >= 0 and rng.random() < 0.5:  # tagged where it stands, as the analyst did
                tagged = sorted({*tagged, (at, at + len(name), library[-1][1])})
            index = build_actor_index(_names(library))
            got = pass_again(text, old, index, old_tagged, tuple(tagged))
            full = find_actor_pass(text, index, tuple(tagged))
            if got is None:
                refused += 1
            else:
                answered += 1
                assert got.mentions == full.mentions, (seed, name)
                assert got.first == full.first and got.kinds == full.kinds, (seed, name)
                assert got.found == full.found and got.scan.raw == full.scan.raw, (seed, name)
            old, old_tagged = (got or full), tuple(tagged)
    assert answered >= 20 and refused >= 5, (answered, refused)


def test_a_rare_new_name_is_added_without_reading_the_text_again():
    text = "\n\n".join(f"Tomas Reiter met officials in Kyiv on Monday. Paragraph {i} goes on"
                       " about the weather and the roads, at length." for i in range(200))
    text += "\n\nLater, observers from the Velmora Trust watched the vote."
    library = [("Tomas Reiter", 1, "Tomas Reiter", "person", SOURCE_NAME)]
    old = find_actor_pass(text, build_actor_index(_names(library)))
    library.append(("Velmora Trust", 2, "Velmora Trust", "organization", SOURCE_NAME))
    index = build_actor_index(_names(library))
    got = pass_again(text, old, index, (), ())
    assert got is not None
    assert got.mentions == find_actor_pass(text, index).mentions
    assert [text[m.start:m.end] for m in got.mentions if m.actor_id == 2] == ["Velmora Trust"]
