"""The shortcuts that keep imports fast give the same answers as the slow way."""

from __future__ import annotations

import random
import uuid

from reader_app.formats import decode
from reader_app.storage.articles import batch_uuids

PIECES = ["a", " ", "\n", "\r", "\r\n", "\x01", "\x1a", "\x7f", "\x1f", "\x0e", "\t", "é",
          "\x85", "\x9f", "\u00a0", "😀", "\u2029", "Ж"]


def _slow_count(text: str) -> int:
    return len(decode._BAD_CONTROLS.findall(text))


def test_control_count_from_utf8_bytes_matches_the_regex():
    rng = random.Random(8)
    for _ in range(5000):
        raw = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))).encode()
        text, utf8 = decode._decode(raw, None)
        assert utf8
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.endswith("\x1a"):
            text = text[:-1]
        assert decode._bad_controls(text, raw) == _slow_count(text), raw


def test_control_heavy_utf8_file_is_still_refused():
    data = ("word " * 10 + "\x01\x02\x03" * 10).encode()
    try:
        decode.decode_bytes(data)
    except decode.DecodeError as e:
        assert "control characters" in e.reason
    else:
        raise AssertionError("accepted a file full of control characters")


def test_batch_uuids_are_distinct_version_7_and_ordered():
    first = batch_uuids(300)
    assert len(set(first)) == 300
    for text in first:
        u = uuid.UUID(text)
        assert (u.version, u.variant, str(u)) == (7, uuid.RFC_4122, text)
    assert first == sorted(first) or first[-1] < first[0]  # wraps at most once (2^-55)
    assert not set(first) & set(batch_uuids(300))
