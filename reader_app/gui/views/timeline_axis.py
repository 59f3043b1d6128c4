"""The timeline's time axis and lane names, drawn over the scene in viewport pixels."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen

from reader_app.gui.views.timeline_scene import AXIS_H, LANE_H

LABEL_W = 150  # the lane names' column, px
MIN_TICK = 80  # px between two labelled ticks at least
# (step, unit): days, months or years between ticks, finest first
_STEPS = [(1, "d"), (2, "d"), (7, "d"), (14, "d"), (1, "m"), (3, "m"), (6, "m"), (1, "y"),
          (2, "y"), (5, "y"), (10, "y"), (25, "y"), (50, "y"), (100, "y")]
_DAYS = {"d": 1, "m": 30.44, "y": 365.25}


def tick_step(px_per_day: float) -> tuple[int, str]:
    for step, unit in _STEPS:
        if step * _DAYS[unit] * px_per_day >= MIN_TICK:
            return step, unit
    # zoomed out over centuries (year 1 to 9999): 200, 500, 1000... years, never a smear
    years = MIN_TICK / (365.25 * px_per_day) if px_per_day > 0 else 10000
    scale = 10 ** max(2, math.floor(math.log10(years)))
    return next(k * scale for k in (1, 2, 5, 10) if k * scale >= years), "y"


def ticks(first: date, last: date, step: int, unit: str) -> Iterator[date]:
    """The tick days from first to last: every step days, or the first of every step-th
    month or year."""
    if unit == "d":  # aligned: a week's ticks fall on Mondays (day 1 was a Monday)
        day = date.fromordinal(max(1, first.toordinal() - (first.toordinal() - 1) % step))
        while day <= last:
            if day >= first:
                yield day
            if (date.max - day).days < step:  # no day after 9999-12-31
                return
            day += timedelta(days=step)
        return
    if unit == "m":
        month = (first.year * 12 + first.month - 1) // step * step
        while month < 10000 * 12 and (day := date(month // 12, month % 12 + 1, 1)) <= last:
            if day >= first:
                yield day
            month += step
        return
    year = first.year // step * step or step  # round years (1000, 2000), not 1, 1001
    while year <= 9999 and (day := date(year, 1, 1)) <= last:
        if day >= first:
            yield day
        year += step


def tick_label(day: date, unit: str) -> str:
    return {"d": day.isoformat(), "m": day.strftime("%Y-%m")}.get(unit, str(day.year))


def draw_axis(painter: QPainter, palette: QPalette, width: float, height: float, sx: float,
              dx: float, day_of: Callable[[float], date], x_of: Callable[[date], float]) -> None:
    """Ticks and labels along the top, a faint line down through the lanes at each."""
    text = palette.color(QPalette.ColorRole.WindowText)
    painter.fillRect(QRectF(0, 0, width, AXIS_H), palette.color(QPalette.ColorRole.Window))
    step, unit = tick_step(sx)
    first, last = day_of((0 - dx) / sx), day_of((width - dx) / sx)
    faint = QColor(text)
    faint.setAlpha(40)
    for day in ticks(first, last if last == date.max else last + timedelta(days=1), step, unit):
        x = x_of(day) * sx + dx
        painter.setPen(QPen(faint, 1))
        painter.drawLine(int(x), int(AXIS_H), int(x), int(height))
        painter.setPen(QPen(text, 1))
        painter.drawLine(int(x), int(AXIS_H - 6), int(x), int(AXIS_H))
        painter.drawText(QRectF(x + 3, 0, MIN_TICK, AXIS_H - 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         tick_label(day, unit))


def draw_lane_names(painter: QPainter, palette: QPalette, lanes: list[str], sy: float,
                    dy: float, height: float) -> None:
    """Each lane's name at the left, on the window colour so items pass under it."""
    metrics = QFontMetrics(painter.font())
    back = QColor(palette.color(QPalette.ColorRole.Window))
    back.setAlpha(215)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1))
    # squeezed lanes (a picture of many): every step-th name, so names never overlap
    step = max(1, math.ceil(metrics.height() / max(0.01, LANE_H * sy)))
    for row, name in enumerate(lanes):
        if row % step:
            continue
        top = (AXIS_H + row * LANE_H) * sy + dy
        if top + LANE_H * sy < AXIS_H or top > height:
            continue
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, LABEL_W - 10)
        box = QRectF(0, top, metrics.horizontalAdvance(shown) + 10, max(LANE_H * sy, metrics.height()))
        painter.fillRect(box, back)
        painter.drawText(box.adjusted(5, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, shown)
