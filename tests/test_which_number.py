"""The one rule for which number to call (content/which_number.yml): shown the same on every page
and embed that carries it, and no sentence anywhere gives another number for its situations."""

from __future__ import annotations

import pytest

from helpers import (
    REPO,
    check_command,
    check_vietnamese,
    copy_real_tree,
    edit,
    loader_problems,
    make_tree,
    problems_of,
    read,
    which_number_block,
)
from hotro.checks import which_number
from hotro.checks.validated import load_content

CONTENT = load_content(REPO)
# The rule as the common brief states it: situation -> the contacts to call, in order.
RULE = {"danger": ["police-113", "emergency-112"], "help": ["hotline-111"],
        "abroad": ["mofa-citizen-protection", "hotline-111"]}
PAGES = ["", "can-giup-ngay/", "duong-day-nong/", "gia-dinh/"]
EMBEDS = ["embed/duong-day-nong/", "embed/lien-he/"]


def test_the_rule_is_the_one_of_the_brief():
    assert {sid: rec["call"] for sid, rec in CONTENT.which_number.items()} == RULE
    assert list(CONTENT.which_number) == ["danger", "help", "abroad"]


def test_the_real_content_keeps_to_the_rule():
    assert which_number.check(CONTENT) == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_block_is_the_same_on_the_four_pages_and_in_the_embeds(plain_site, prefix):
    expected = [(sid, [CONTENT.contacts[cid].phone.tel for cid in calls])
                for sid, calls in RULE.items()]
    texts = set()
    for address in PAGES + EMBEDS:
        text, situations = which_number_block(read(plain_site, prefix + address + "index.html"))
        assert situations == expected, address
        texts.add(text)
    assert len(texts) == 1  # the same headings, advice and labels everywhere in this language
    (text,) = texts
    lang = "en" if prefix else "vi"
    for rec in CONTENT.which_number.values():
        assert rec["when"][lang] in text and rec["advice"][lang] in text


def test_the_block_reads_as_headings_and_a_list(plain_site):
    html = read(plain_site, "can-giup-ngay/index.html")
    block = html[html.index('<section class="which-number"'):]
    block = block[:block.index("</section>")]
    assert block.count("<h2") == 1 and block.count("<h3") == len(RULE)
    assert block.count('<li class="which-number__situation') == len(RULE)
    assert "<script" not in block and " on" not in block.replace(" one", "")


@pytest.mark.parametrize(("lang", "words"), [
    ("vi", 'câu này nói về trường hợp "Báo tin, nhờ giúp đỡ, hoặc không biết gọi số nào" '
           "nhưng lại ghi số 112"),
    ("en", 'this sentence is about "To report, to ask for help, or if you are not sure which '
           'number to call" but gives the number 112')])
def test_a_page_that_says_call_112_when_unsure_is_refused(tmp_path, lang, words):
    tree = copy_real_tree(tmp_path / "tree")
    edit(tree, "docs/gia-dinh.vi.md", "# Dành cho gia đình\n",
         "# Dành cho gia đình\n\nNếu không biết\ngọi số nào, hãy gọi 112.\n")
    line = (tree / "docs/gia-dinh.vi.md").read_text("utf-8").split("\n").index("Nếu không biết") + 1
    result = check_command(tree, lang)
    assert result.returncode == 1
    found = [row for row in result.stderr.splitlines() + result.stdout.splitlines()
             if row.startswith("docs/gia-dinh.vi.md:")]
    assert len(found) == 1, result.stderr
    assert found[0].startswith(f"docs/gia-dinh.vi.md:{line}: {words}: "), found[0]
    assert "111" in found[0].rsplit("(", 1)[1]  # the rule's number for that situation


def test_a_contact_description_with_another_rule_is_refused(tmp_path):
    tree = copy_real_tree(tmp_path / "tree")
    problems = loader_problems(tree, [(
        "content/contacts.yml", "    en: Call the police about a crime",
        "    en: If someone is in danger right now, call 111. Call the police about a crime")])
    assert [(p.file, p.where) for p in problems] == [("content/contacts.yml",
                                                        "police-113/description")]
    (problem,) = problems
    text = str(problem)
    assert "'If someone is in danger right now, call 111.'" in text
    assert text.endswith("(expected only the numbers content/which_number.yml gives for that "
                         "situation: 113, 112; change the number or reword the sentence)")
    lines = (tree / "content/contacts.yml").read_text("utf-8").split("\n")
    assert lines[problem.line - 1] == "  description:"  # the field, its texts below it
    assert "in danger right now" in lines[problem.line + 1]
    check_vietnamese(problems)


def test_a_sentence_about_two_situations_may_give_the_numbers_of_both(tmp_path):
    tree = copy_real_tree(tmp_path / "tree")
    edit(tree, "docs/gia-dinh.en.md", "# For families\n", "# For families\n\nIf your relative "
         "is abroad and being held, call +84 981 84 84 84 and 113.\n")
    load_content(tree)  # no problem


@pytest.mark.parametrize(("old", "new", "problem"), [
    ("call: [hotline-111]", "call: [hotline-1111]",
     "help/call: contact 'hotline-1111' does not exist (expected an id from "
     "content/contacts.yml)"),
    ("call: [hotline-111]", "call: [embassy-cambodia]",
     "help/call: contact 'embassy-cambodia' is not published or has no phone number, so it "
     "cannot be shown as a call button (expected the id of a contact in content/contacts.yml "
     "with a phone number and verified: true)"),
    ("sources: [tienphong-2025-09-19-111, sggp", "sources: [khong-co, sggp",
     "help/sources: source 'khong-co' does not exist (expected an id from "
     "content/sources/*.yml)"),
    ('when: {vi: "Có người đang gặp nguy hiểm ngay lúc này"',
     'when: {vi: "Có người đang gặp nguy hiểm <img src=x onerror=alert(1)>"',
     "danger/when: HTML or script is not allowed in a text field (expected plain text)"),
])
def test_the_rule_names_only_published_contacts_and_known_sources(tmp_path, old, new, problem):
    tree = copy_real_tree(tmp_path / "tree")
    rel = "content/which_number.yml"
    edit(tree, rel, old, new)
    rows = (tree / rel).read_text("utf-8").split("\n")
    line = next(i for i, row in enumerate(rows, 1) if new in row)
    assert problems_of(tree) == [f"{rel}:{line}: {problem}"]


def test_the_block_needs_the_rule_file(tmp_path):
    tree = make_tree(tmp_path / "tree")
    edit(tree, "docs/danh-ba.vi.md", "<!-- data:contacts -->",
         "<!-- data:which-number -->\n\n<!-- data:contacts -->")
    (found,) = [p for p in problems_of(tree) if "data:which-number" in p]
    assert found.endswith("data:which-number: the page shows this block, but there is no rule "
                          "for which number to call (expected content/which_number.yml with the "
                          "situations and their numbers)")


def test_sentences_keep_the_line_of_a_paragraph_cut_over_lines():
    text = "# Title\n\nFirst line. Then a sentence\nthat goes on. And\n\n- an item.\n"
    assert list(which_number.sentences(text)) == [
        (0, "# Title"), (2, "First line."), (2, "Then a sentence that goes on."), (3, "And"),
        (5, "- an item.")]


@pytest.mark.parametrize(("text", "wrong"), [
    ("If you don\u2019t know which number to call, call 112.", True),
    ("**Không biết** gọi số nào? Hãy gọi 112.", True),  # a question and its answer
    ("### Không biết gọi số nào?\n\nGọi **111**. Cuộc gọi miễn phí.", False),
    ("Nếu có người đang gặp nguy hiểm ngay lúc này, gọi 113 hoặc 112.", False),
    ("Ở nước ngoài, hãy gọi +84 981 84 84 84. Gọi 113 khi có tội phạm.", False),
])
def test_what_a_sentence_means_decides_its_numbers(text, wrong):
    rule = which_number.situations(CONTENT)
    found = [p for offset, unit in which_number.units(text, rule)
             for p in which_number.sentence_problems("x.md", 1 + offset, "", unit, rule)]
    assert len(found) == wrong, found

