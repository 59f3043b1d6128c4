"""sanitize_html + render_html: the reading text and its style spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.models import StyleSpan
from reader_app.formats.rendered import drop_prefix, render_html, sanitize_html


def spans_of(html: str) -> tuple[str, dict[str, list[str]]]:
    text, spans = render_html(html)
    found: dict[str, list[str]] = {}
    for s in spans:
        found.setdefault(s.style, []).append(text[s.start : s.end])
    return text, found


def assert_valid(text: str, spans: tuple[StyleSpan, ...]) -> None:
    assert "\r" not in text and "\u2029" not in text
    assert text == text.strip()
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), s


def test_blocks_are_paragraphs_separated_by_one_blank_line() -> None:
    text, _ = render_html("<h1>Port reopens</h1>\n<p>Ships  moved\n again.</p><p>Crews cheered.</p>")
    assert text == "Port reopens\n\nShips moved again.\n\nCrews cheered."


def test_inline_whitespace_collapses_but_nbsp_stays() -> None:
    text, _ = render_html("<p>  a \t b&nbsp;&nbsp;c\n</p>")
    assert text == "a b\u00a0\u00a0c"


def test_pre_is_verbatim() -> None:
    text, found = spans_of("<p>Before</p><pre><code>\n  indented\n\tline  two\n</code></pre><p>After</p>")
    assert text == "Before\n\n  indented\n\tline  two\n\nAfter"
    assert found["pre"] == ["  indented\n\tline  two"]
    assert found["code"] == found["pre"]


def test_br_is_a_line_break() -> None:
    assert render_html("<p>line one<br>line two<br/></p>")[0] == "line one\nline two"


def test_lists() -> None:
    text, found = spans_of("<ul><li>tea</li><li>coffee</li></ul><ol><li>first</li><li><p>second</p></li></ol>")
    assert text == "• tea\n• coffee\n\n1. first\n2. second"
    assert found["li"] == ["tea", "coffee", "first", "second"]


def test_table_cells_joined_per_row() -> None:
    html = (
        "<table><thead><tr><th>Name</th><th>Role</th></tr></thead>\n"
        "<tbody><tr>\n<td>Ana</td>\n<td>envoy</td></tr></tbody></table>"
    )
    assert render_html(html)[0] == "Name | Role\nAna | envoy"  # one row a line


def test_entities_are_decoded() -> None:
    assert render_html("<p>Tom &amp; Jerry &lt;3 &#x1F600; &eacute;</p>")[0] == "Tom & Jerry <3 😀 é"


def test_inline_styles_and_links() -> None:
    html = (
        "<p>Read <strong>this</strong>, <b>that</b>, <em>x</em> <i>y</i> <code>z()</code> "
        '<a href="https://ex.org/a">here</a>.</p>'
    )
    text, spans = render_html(html)
    assert text == "Read this, that, x y z() here."
    got = {(s.style, text[s.start : s.end], s.href) for s in spans}
    assert got == {
        ("p", text, None),
        ("strong", "this", None),
        ("strong", "that", None),
        ("em", "x", None),
        ("em", "y", None),
        ("code", "z()", None),
        ("link", "here", "https://ex.org/a"),
    }


def test_headings_and_blockquote() -> None:
    _, found = spans_of("<h2>Sub</h2><blockquote><p>One.</p><p>Two.</p></blockquote><h6>Tiny</h6>")
    assert found["h2"] == ["Sub"]
    assert found["h6"] == ["Tiny"]
    assert found["blockquote"] == ["One.\n\nTwo."]


def test_spans_exclude_surrounding_whitespace() -> None:
    text, found = spans_of("<p>a <b> bold </b> c</p>")
    assert text == "a bold c"
    assert found["strong"] == ["bold"]


def test_links_without_a_safe_href_get_no_link_span() -> None:
    _, spans = render_html('<p><a href="javascript:alert(1)">a</a> <a href="file:///etc">b</a> <a>c</a></p>')
    assert [s.style for s in spans] == ["p"]


def test_astral_offsets_are_code_points() -> None:
    text, spans = render_html("<p>𠀀😀 <b>x</b></p>")
    (bold,) = [s for s in spans if s.style == "strong"]
    assert text[bold.start : bold.end] == "x" and bold.start == 3


def test_hostile_characters_never_reach_the_text() -> None:
    text, spans = render_html("<p>a&#13;b\rc&#x2029;d</p><pre>e\r\nf\u2029g</pre>")
    assert text == "a b c d\n\ne\nf\ng"
    assert_valid(text, spans)


def test_unsanitized_scripts_are_skipped_anyway() -> None:
    assert render_html("<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>b</p>")[0] == "a\n\nb"


def test_sanitize_drops_dangerous_markup() -> None:
    dirty = (
        '<p onclick="x()" title="t" lang="en">ok <img src="file:///etc/passwd">'
        '<a href="javascript:alert(1)">js</a> <a href="#note">rel</a> '
        '<a href="https://e.org" target="_blank">web</a>'
        '<a href="mailto:a@e.org">mail</a></p><script>alert(1)</script><iframe src="x"></iframe>'
    )
    clean = sanitize_html(dirty)
    for bad in ("img", "script", "alert", "javascript", "onclick", "title=", "lang=", "target", "iframe", "#note"):
        assert bad not in clean
    assert 'href="https://e.org"' in clean and 'href="mailto:a@e.org"' in clean


def test_drop_prefix_moves_spans() -> None:
    text, spans = render_html("<p>date 2022-02-09 <b>Body</b> text</p>")
    text2, spans2 = drop_prefix(text, spans, len("date 2022-02-09 "))
    assert text2 == "Body text"
    assert {(s.style, text2[s.start : s.end]) for s in spans2} == {("p", "Body text"), ("strong", "Body")}


# --- invariants on arbitrary markup -----------------------------------------

TAGS = "p h1 h3 strong b em i code pre blockquote ul ol li a table tr td th div".split()
MARKUP = [f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS] + ["<br>", "<hr>", '<a href="https://e.org">']
pieces = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from([" ", "\n", "\t", "\r\n", "\r", "\u2029", "&nbsp;", "&#13;", "&amp;", "\u00a0", "  "]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
    st.sampled_from(["😀", "👨\u200d👩\u200d👧", "🇺🇦", "𠀀", "e\u0301", "שלום"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=40).map("".join))
def test_render_invariants_on_any_markup(html: str) -> None:
    text, spans = render_html(html)
    assert_valid(text, spans)
    assert all(s.start < s.end for s in spans)
    for s in spans:
        assert (s.href is not None) == (s.style == "link")


@settings(max_examples=100, deadline=None)
@given(st.lists(pieces, max_size=30).map("".join))
def test_sanitized_render_invariants(html: str) -> None:
    text, spans = render_html(sanitize_html(html))
    assert_valid(text, spans)
