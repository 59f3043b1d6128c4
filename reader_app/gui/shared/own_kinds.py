"""The codebook as the window paints and names it: own codes by kind, read once per change.

Painting and item models ask for a kind's colour and label many times per paint; they
look it up here (a dict), never in the library. The codebook flow refreshes it whenever a
change set says the codebook changed.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QWidget

from reader_app.domain.codebook import Code, is_own_kind
from reader_app.gui.shared.colours import colours, own_mark

_codes: dict[str, Code] = {}  # every open library's codes: kinds hold uuids, so they never clash
_by_library: dict[object, list[Code]] = {}
_colours: dict[tuple[str, bool], QColor] = {}
UNKNOWN_LABEL = "Unknown code"  # a tag whose code is gone from the codebook (a foreign file)


def set_codes(codes: list[Code], library: object = None) -> None:
    """The codebook of one open library (a window on another keeps its own)."""
    _by_library[library] = list(codes)
    _codes.clear()
    for each in _by_library.values():
        _codes.update({c.kind: c for c in each})
    _colours.clear()


def codes() -> list[Code]:
    """The codes of every open library (one, but for a second window on another)."""
    return list(_codes.values())


def code_of(kind: str) -> Code | None:
    return _codes.get(kind)


def own_colour(kind: str, dark: bool) -> QColor | None:
    """An own code's colour, made readable in the theme (colours.own_mark)."""
    if not is_own_kind(kind):
        return None
    found = _colours.get((kind, dark))
    if found is None:
        code = _codes.get(kind)
        chosen = QColor(code.colour) if code else QColor(150, 150, 150)
        rgb = own_mark((chosen.red(), chosen.green(), chosen.blue()), colours(dark))
        found = _colours[(kind, dark)] = QColor(*rgb)
    return QColor(found)


def kind_label(kind: str) -> str:
    """What the analyst calls a kind: Claim, Actor, Date, or an own code's name."""
    if is_own_kind(kind):
        code = _codes.get(kind)
        return code.name if code else UNKNOWN_LABEL
    return kind.capitalize()


def own_codes_box(parent: QWidget, row: QBoxLayout) -> QCheckBox:
    """An export dialog's "Own codes" box (checked; hidden with an empty codebook)."""
    box = QCheckBox(f"Own codes ({len(_codes)})", parent)
    box.setObjectName("exportOwnCodes")
    box.setChecked(True)
    box.setVisible(bool(_codes))
    row.addWidget(box)
    return box


def own_kinds_of(box: QCheckBox) -> list[str]:
    return [c.kind for c in _codes.values()] if box.isChecked() else []
