"""Review of the report's summary line: claims nobody was named as making are not an actor."""

from __future__ import annotations

import html
import re

from reader_app.domain.report import ReportActor, ReportArticle, ReportClaim, ReportData
from reader_app.formats.report_html import report_html


def summary(data: ReportData) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", report_html(data, {})))
    return re.sub(r"\s+", " ", text)


def test_the_summary_counts_named_claimants_only():
    memo = ReportArticle(1, "Memo", None, "memo", 2)
    said = ReportClaim(1, "the deal holds", None, "unverified", None, None, None, 1, "Memo",
                       None, "memo")
    named = ReportClaim(2, "talks resume", "2022-02", "disputed", "B2", None, "Olena Rostenko",
                        1, "Memo", None, "memo")
    nobody = ReportData("Memo", "now", (ReportActor(None, "No claimant", "", (said,)),), (),
                        1, (memo,))
    assert "1 claim by 0 named claimants in 1 article." in summary(nobody)
    both = ReportData("Memo", "now", (ReportActor(7, "Olena Rostenko", "person", (named,)),
                                      ReportActor(None, "No claimant", "", (said,))),
                      (named,), 1, (memo,))
    assert "2 claims by 1 named claimant in 1 article." in summary(both)
