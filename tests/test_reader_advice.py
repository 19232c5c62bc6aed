"""What the handbook tells a frightened reader: enough pages, each sourced and reviewed, and no
advice that could lead a family to pay a ransom (issue 17)."""

from __future__ import annotations

import re

import pytest

from helpers import REPO
from hotro.checks.validated import load_content
from hotro.model.pages import DEFAULT_LANG

# Words that name a ransom, and the verbs of paying it
RANSOM = re.compile(r"tiền chuộc|chuộc người|\bransom", re.I)
PAY = re.compile(r"\b(trả|nộp tiền|gửi tiền|chuyển tiền|chuyển khoản"
                 r"|(?<!high )(?<!low )(?<!good )pay"
                 r"|paid|paying|pays|send(?:ing)? (?:them )?(?:the )?money|transfer)\b", re.I)
# What may come just before a verb of paying: a "do not", or the captors' demand
NOT_ADVICE = re.compile(r"\b(đừng|không|chớ|do not|don't|never|not|đòi|bắt|ép|demand\w*|asked"
                        r"|told|forced)\b(\W+\w+){0,3}\W*$", re.I)
# "Do not pay alone" still says "pay"; "paying does not bring them back" warns
ALONE = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:một mình|alone|on your own|by yourself)", re.I)
WARNS_AFTER = re.compile(r"^\W*(?:\w+\W+){0,1}?(?:không|no guarantee|does not|doesn't"
                         r"|will not|won't)"
                         r"\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
HEADING = re.compile(r"^#{1,6} ", re.M)


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


def _sentences(body: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return [s.strip(" -*#|>!") for s in SENTENCE_END.split(text) if s.strip()]


def ransom_advice(body: str) -> list[str]:
    """In each part of a page that speaks of a ransom (from one heading to the next), the
    sentences that name paying without a "do not" or the captors' demand just before, or that
    say "do not pay alone". Questions are left to their answers."""
    found = []
    for section in HEADING.split(body):
        if not RANSOM.search(section):
            continue
        for sentence in _sentences(section):
            if sentence.endswith("?"):
                continue
            for pay in PAY.finditer(sentence):
                before, after = sentence[:pay.start()], sentence[pay.end():]
                if ALONE.search(after) or not (NOT_ADVICE.search(before)
                                               or WARNS_AFTER.search(after)):
                    found.append(sentence)
                    break
    return found


def test_the_handbook_has_at_least_30_page_pairs_each_sourced_and_reviewed(content):
    pairs = {}
    for (slug, lang), page in content.pages.items():
        pairs.setdefault(slug, {})[lang] = page
    complete = {slug: langs for slug, langs in pairs.items() if set(langs) >= {"vi", "en"}}
    for langs in complete.values():
        for page in langs.values():
            assert page.meta["reviewed"] < page.meta["review_by"], page.src
    # the search page and the embedding page state no fact, so they cite none
    sourced = {slug for slug, langs in complete.items()
               if all(page.meta["sources"] for page in langs.values())}
    assert len(sourced) >= 30, sorted(set(complete) - sourced)
    assert set(complete) - sourced <= {"tim-kiem", "gioi-thieu/nhung-va-du-lieu"}


def test_the_new_reader_pages_are_there_in_both_languages(content):
    for slug in ("goi-111", "co-so-ho-tro", "giay-to", "kiem-tra-viec-lam", "ve-nha",
                 "tro-giup-phap-ly", "tre-em", "co-so-lua-dao"):
        assert (slug, DEFAULT_LANG) in content.pages and (slug, "en") in content.pages, slug


def test_no_page_says_or_implies_paying_a_ransom(content):
    advice = {page.src: ransom_advice(page.body) for page in content.pages.values()}
    assert {src: found for src, found in advice.items() if found} == {}


def test_the_families_page_tells_them_not_to_pay(content):
    assert re.search(r"đừng trả", content.pages[("gia-dinh", "vi")].body, re.I)
    assert re.search(r"do not pay|don't pay", content.pages[("gia-dinh", "en")].body, re.I)


@pytest.mark.parametrize("sentence", [
    "Đừng tự trả tiền một mình.",
    "Có gia đình đã trả tiền chuộc và người thân được về.",
    "Four came home after their families paid a ransom.",
    "If you pay the ransom, do it with the police.",
    "Gửi tiền chuộc qua người quen.",
    "Do not pay on your own.",
    "Four came home after their families paid.",
])
def test_the_ransom_check_catches_advice_to_pay(sentence):
    assert ransom_advice(f"## Bị đòi tiền chuộc\n\nHọ giữ người thân của bạn. {sentence}")


@pytest.mark.parametrize("sentence", [
    "Đừng trả tiền chuộc.",
    "Đừng trả tiền và đừng một mình thỏa thuận với họ.",
    "Trả tiền không chắc giúp người thân được thả.",
    "Paying is no guarantee that your relative will be let go.",
    "Keep every message and bank account number they send you.",
    "Kẻ giữ người đòi gia đình trả tiền chuộc.",
    "Do not pay the ransom: call 111 or 113 at once.",
    "The captors demanded that the family pay a ransom.",
    "Nếu có ai đòi tiền chuộc, hãy báo ngay cho 111 hoặc 113.",
])
def test_the_ransom_check_lets_warnings_through(sentence):
    assert ransom_advice(sentence) == []
