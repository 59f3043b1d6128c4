"""Interviews printed as questions and answers ("Q: … / A: …"). Pure Python.

No speech verb stands in an answer: the format itself says who speaks. Every sentence of an
answer paragraph is the interviewee's, and the interviewee is the first person the
introduction (the text before the first question) names.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader_app.domain.speakers import Actors, Speaker, known_id

__all__ = ["answer_body", "answer_starts", "interviewee", "question_start"]

# A paragraph that opens with a question or an answer marker
_QUESTION = re.compile(r"^[ \t]*(?:Q|Question|Питання|Запитання|Вопрос)[ \t]*:[ \t]*", re.M)
_ANSWER = re.compile(r"^[ \t]*(?:A|Answer|Відповідь|Ответ)[ \t]*:[ \t]*", re.M)
# "[laughs]", "(pause)": the transcript's note, no one's words
STAGE = re.compile(r"\s*(?:\[[^\]\n]{1,40}\]|\((?:laughs|pause|sighs|сміється|смеётся)\))\s*")
# a name in the introduction: capitalised words ("Grace Atieno", "Dr Grace Atieno")
_NAME = re.compile(r"[^\W\d_a-zа-яёіїєґ][\w'’-]*(?:\s+[^\W\d_a-zа-яёіїєґ][\w'’-]*){0,3}")

_last: list[tuple[str, tuple[int, list[int]]]] = []


def _scan(text: str) -> tuple[int, list[int]]:
    """(start of the first question paragraph or -1, starts of the answer paragraphs after
    it), of the last text again: the same article is read after every tag."""
    if _last and _last[0][0] == text:
        if _last[0][0] is not text:  # the next call with this one is told by identity
            _last[:] = [(text, _last[0][1])]
        return _last[0][1]
    first = _QUESTION.search(text)
    q0 = -1 if first is None else first.start()
    answers = [] if first is None else [m.start() for m in _ANSWER.finditer(text, q0)]
    _last[:] = [(text, (q0, answers))]
    return q0, answers


def question_start(text: str) -> int:
    """Where the first question paragraph starts, or -1 (the text is no Q&A)."""
    return _scan(text)[0]


def answer_starts(text: str, lo: int = 0) -> list[int]:
    """Starts of the answer paragraphs at or after lo."""
    answers = _scan(text)[1]
    return answers[bisect_left(answers, lo):]


def answer_body(text: str, lo: int, hi: int) -> int | None:
    """Where the answer's words start in the paragraph text[lo:hi], or None when the
    paragraph is no answer of a Q&A."""
    q0, answers = _scan(text)
    i = bisect_left(answers, lo)
    if q0 < 0 or i >= len(answers) or answers[i] != lo:
        return None
    m = _ANSWER.match(text, lo, hi)
    return None if m is None else m.end()


def interviewee(text: str, actors: Actors) -> Speaker | None:
    """The first person the introduction names: tagged there, or a name the library
    knows as a person."""
    q0 = question_start(text)
    if q0 <= 0:
        return None
    for s, e, actor_id in actors.starting_in(0, q0):
        if actor_id in actors.persons:
            return Speaker(actor_id, s, e, _label(text, s, e), s)
    if not actors.persons or not actors.has_known:
        return None
    for m in _NAME.finditer(text, 0, q0):
        # "Dr Grace Atieno": the known tail
        for w in re.finditer(r"\S+", m.group()):
            start = m.start() + w.start()
            found = known_id(actors.known, text[start:m.end()])
            if found is not None and found in actors.persons:
                return Speaker(found, start, m.end(), _label(text, start, m.end()), start)
    return None


def _label(text: str, start: int, end: int) -> str:
    return "“" + " ".join(text[start:end].split()) + "” (the interviewee)"
