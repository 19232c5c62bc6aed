"""The built-site and link checks read adversarial input of the size limit, and give the right
result (a line of `"<a o"` repeated took 6 s per 10 KB and >150 s at 80 KB before). Times are
printed by scripts/bench_regex_site.py; these tests check results only."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotro.checks import link_check, site_check, site_scan
from hotro.model import html_tokens
from hotro_bench.bench_regex_site import SIZE, adversarial

ALPHABET = "<>\"'=/!-?[]()`\\ \tax\n:&;#"


def test_the_reported_line_is_read_as_one_tag_cut_off_by_the_end():
    text = adversarial('<a o"', SIZE)
    found = list(html_tokens.tags(text))
    assert [tag.name for tag in found] == ["a"]  # as in a browser: one tag, never closed
    assert site_check.parse_html(text).links == []
    assert [(what, str(problem), expected) for what, problem, expected
            in site_scan.scan_page(text, "x.example", frozenset())] == [
        ('o"<a', "<a o\"<a> is not an attribute the site writes", site_scan.EXPECT_ATTRIBUTE)]


def test_unclosed_comments_scripts_and_brackets_at_the_size_limit():
    assert list(html_tokens.tags(adversarial("<!--", SIZE))) == []
    assert len(list(html_tokens.tags(adversarial("<title>", SIZE)))) == SIZE // 7
    assert site_check.parse_html(adversarial("<script>", SIZE)).links == []
    for piece in ("[", "[\\", "[a](<", "[[b]", '](x "', "[a](x "):
        assert link_check.LINK.findall(adversarial(piece, SIZE)) == [], piece
    assert link_check.LINK.findall(adversarial("[a](b) ", SIZE)) == ["b"] * (SIZE // 7)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(ALPHABET, min_size=1, max_size=12))
def test_any_repeated_piece_is_read_to_the_end(piece):
    text = adversarial(piece, SIZE)
    starts = [tag.start for tag in html_tokens.tags(text)]
    assert all(0 <= start < len(text) and text[start] == "<" for start in starts)
    assert len(set(starts)) == len(starts)
    page = site_check.parse_html(text)
    assert all(url in text for _, _, url in page.links if "&" not in url)
    assert all(url in text for url in link_check.LINK.findall(text))
    found = site_scan.scan_page(text, "x.example", frozenset())
    assert all(expected for _, _, expected in found)
