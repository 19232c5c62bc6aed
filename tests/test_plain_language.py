"""Issue 17, plain language: sentences counted as a reader reads them (Vietnamese in syllables,
English in words), their figures in `make check`, and a warning, never an error, for a page
over the limits of content/wording.yml; `make status` lists those pages.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from helpers import REPO, edit, make_tree
from hotro.editors import check_content, status
from hotro.model.sentences import Figures, length, sentences, split

LONG_VI = " ".join(["Một"] + ["câu"] * 39) + "."
LONG_EN = " ".join(["word"] * 32) + "."


def texts(body: str) -> list[str]:
    return [s.text for s in sentences(body)]


# -- Counting -----------------------------------------------------------------------------------

def test_vietnamese_syllables_are_space_separated_words_with_their_diacritics():
    assert length("Hãy gọi 111 (miễn phí, 24/7) ngay.") == 7
    assert length("Nếu cần giúp — hãy gọi.") == 5  # a dash alone is not a syllable
    decomposed = unicodedata.normalize("NFD", "Người bị mua bán được hỗ trợ.")
    assert texts(decomposed) == ["Người bị mua bán được hỗ trợ."]
    assert [s.length for s in sentences(decomposed)] == [7]


def test_sentences_end_at_full_stops_question_and_exclamation_marks():
    assert texts("Gọi 111. Có người nghe không? Có! Miễn phí…  Luôn luôn.") == [
        "Gọi 111.", "Có người nghe không?", "Có!", "Miễn phí…", "Luôn luôn."]
    assert texts("He said “call 111.” Then he left.") == ["He said “call 111.”",
                                                          "Then he left."]


def test_abbreviations_dates_and_numbers_do_not_end_a_sentence():
    assert texts("Sở ở TP. Hồ Chí Minh nhận việc này. Từ ngày 1/7/2025, luật mới có hiệu "
                 "lực. Mức 1.000.000 đồng là cũ.") == [
        "Sở ở TP. Hồ Chí Minh nhận việc này.", "Từ ngày 1/7/2025, luật mới có hiệu lực.",
        "Mức 1.000.000 đồng là cũ."]
    assert texts("Send Form No. 07 under Art. 27 of the law, e.g. by post. The answer is "
                 "no. Then call 111.") == [
        "Send Form No. 07 under Art. 27 of the law, e.g. by post.", "The answer is no.",
        "Then call 111."]
    assert [piece for _, piece in split("v.v. và nhiều nơi khác.")] == [
        "v.v. và nhiều nơi khác."]  # a word in lower case goes on


def test_bullets_headings_admonition_titles_and_table_cells_are_sentences_of_their_own():
    body = ("## Gọi ai?\n\nNhững nơi bạn có thể đến:\n\n- Ủy ban nhân dân xã, phường\n"
            "- Công an\n  gần nhất\n1. Bộ đội Biên phòng\n\n!!! warning \"Cần giúp ngay\"\n"
            "    Gọi 113.\n\n| Năm | Số vụ | Ghi chú |\n|---|---:|---|\n"
            "| 2024 | 163 | Theo Bộ Công an |\n| 1/7/2025 | 1.000 | \u2013 |\n")
    assert texts(body) == ["Gọi ai?", "Những nơi bạn có thể đến:",
                           "Ủy ban nhân dân xã, phường", "Công an gần nhất",
                           "Bộ đội Biên phòng", "Cần giúp ngay", "Gọi 113.", "Năm", "Số vụ",
                           "Ghi chú", "Theo Bộ Công an"]


def test_code_comments_markers_and_link_addresses_are_not_counted():
    body = ("<!-- data:contacts -->\n\n```\nmake check and more words here.\n```\n\n"
            "See [the hotline page](duong-day-nong/index.md) or run `make site now`.\n"
            "<!-- a note\nfor editors. -->\n")
    found = sentences(body, first_line=10)
    assert [(s.line, s.text, s.length) for s in found] == [
        (16, "See [the hotline page] or run .", 6)]


def test_a_sentence_spanning_lines_keeps_the_line_it_starts_on():
    found = sentences("Một câu ngắn.\nMột câu\nnối sang dòng sau. Câu nữa.\n\nĐoạn mới.", 5)
    assert [(s.line, s.text) for s in found] == [
        (5, "Một câu ngắn."), (6, "Một câu nối sang dòng sau."), (7, "Câu nữa."),
        (9, "Đoạn mới.")]


def test_figures_are_the_count_the_average_and_the_longest():
    fig = Figures.of(sentences("Một hai ba. Một hai ba bốn năm sáu bảy. Một."))
    assert (fig.count, round(fig.average, 2), fig.longest.length) == (3, 3.67, 7)
    assert Figures.of([]) == Figures(0, 0.0, None)


# -- make check and make status -----------------------------------------------------------------

@pytest.fixture
def tree(tmp_path) -> Path:
    tree = make_tree(tmp_path / "tree")
    wording = (REPO / "content" / "wording.yml").read_text(encoding="utf-8")
    # the fixture's ui.yml is the real one; these tests are about sentence length only
    head, _, tail = wording.partition("gap_phrases:")
    (tree / "content" / "wording.yml").write_text(
        head + "gap_phrases: {vi: [], en: []}\n" + tail[tail.index("allowed:"):],
        encoding="utf-8")
    return tree


def test_make_check_prints_every_pages_figures_and_passes(tree, capsys):
    assert check_content.main([str(tree), "--lang", "vi", "--today", "2026-07-14"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "Độ dài câu (trung bình/dài nhất; tiếng Việt tính bằng âm tiết, tối đa 18/35; tiếng "
        "Anh tính bằng từ, tối đa 15/30):",
        "  danh-ba: tiếng Việt 4,5/6 (2 câu); tiếng Anh 2,0/2 (1 câu)",
        "  huong-dan/chua-dich: tiếng Việt 4,3/7 (3 câu); tiếng Anh không có",
        "  index: tiếng Việt 4,5/7 (2 câu); tiếng Anh 4,0/7 (2 câu)"]


def test_a_page_over_a_limit_is_a_warning_with_its_line_and_check_still_passes(tree, capsys):
    edit(tree, "docs/index.vi.md", "Xem [số", f"{LONG_VI} {LONG_VI}\n\nXem [số")
    edit(tree, "docs/index.en.md", "See the", f"{LONG_EN}\n\nSee the")
    assert check_content.main([str(tree), "--lang", "en", "--today", "2026-07-14"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "  index: Vietnamese 22.2/40 (4 sentences); English 13.3/32 (3 sentences)" in out
    assert out[-4:] == [
        "docs/index.en.md:12: the longest sentence has 32 words (at most 30); 1 sentence is "
        "too long (expected the sentence split into two or three short ones; a long list as "
        "bullet points)",
        "docs/index.vi.md:7: the page's sentences have 22.2 syllables on average (at most 18) "
        "(expected shorter sentences: split long ones in two, one idea each)",
        "docs/index.vi.md:12: the longest sentence has 40 syllables (at most 35); 2 sentences "
        "are too long (expected the sentence split into two or three short ones; a long list "
        "as bullet points)",
        "Warnings: 2 pages have sentences that are too long."]


def test_the_limits_come_from_wording_yml(tree, capsys):
    edit(tree, "content/wording.yml", "en: {average: 15, longest: 30}",
         "en: {average: 15, longest: 5}")
    assert check_content.main([str(tree), "--lang", "en", "--today", "2026-07-14"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        "docs/index.en.md:12: the longest sentence has 7 words (at most 5); 1 sentence is too "
        "long (expected the sentence split into two or three short ones; a long list as "
        "bullet points)", "Warnings: 1 page has sentences that are too long."]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_status_lists_the_pages_over_a_limit(tree, capsys, lang):
    edit(tree, "docs/index.vi.md", "Xem [số", f"{LONG_VI}\n\nXem [số")
    assert status.main([str(tree), "--lang", lang, "--today", "2026-03-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    head = {"en": "Pages with sentences that are too long (1):",
            "vi": "Trang có câu quá dài (1):"}[lang]
    assert out[out.index(head) + 1:] == [{
        "en": "docs/index.vi.md:12: the longest sentence has 40 syllables (at most 35); 1 "
              "sentence is too long (expected the sentence split into two or three short ones; "
              "a long list as bullet points)",
        "vi": "docs/index.vi.md:12: câu dài nhất có 40 âm tiết (tối đa 35); 1 câu quá dài "
              "(cần tách câu thành hai hoặc ba câu ngắn; danh sách dài thì viết thành gạch "
              "đầu dòng)"}[lang]]


def test_status_says_nothing_of_plain_language_when_every_page_is_within_the_limits(tree,
                                                                                    capsys):
    assert status.main([str(tree), "--lang", "en", "--today", "2026-03-01"]) == 0
    assert not any("too long" in line for line in capsys.readouterr().out.splitlines())
