"""Official sources first: every source has a kind, a policy's full text links only an official
host (content/official_hosts.yml) or says where the official text is published, unofficial
copies are labelled as such, and a page's foot lists legal texts and official bodies before the
press."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from helpers import REPO, check_vietnamese, edit, loader_problems, problems_of, read
from hotro.checks.official_sources import is_official
from hotro.checks.validated import load_content

HOSTS = ["vbpl.vn", "congbao.chinhphu.vn", "chinhphu.vn", "vanban.chinhphu.vn", "*.gov.vn"]
ACCEPTED = "vbpl.vn, congbao.chinhphu.vn, chinhphu.vn, vanban.chinhphu.vn, *.gov.vn"
KIND_ORDER = ["law", "government", "press", "ngo", "other"]
NEWS = "https://dantri.com.vn/an-sinh/nhieu-lao-dong-20221110114149665.htm"
# Words that tell readers about our own research gaps (the common brief): never on these pages.
GAPS = ("chưa rõ", "chưa có nguồn", "chúng tôi chưa", "chưa tìm thấy", "chưa được xác nhận",
        "chưa xác nhận", "không có số hiệu", "chúng tôi không có", "we have not", "we do not have",
        "not confirmed", "no official source", "not known", "unclear", "we do not know")


def policy_page(full_text: str, more: str = "") -> str:
    return ("---\ndescription: Văn bản.\nreviewed: 2026-01-15\nreview_by: 2026-07-15\n"
            "sources: [nguon-thu]\npolicy:\n  id: luat\n  kind: law\n  issuer: Quốc hội\n"
            f"  status: in_force\n{full_text}{more}  summary: Tóm tắt.\n---\n\n# Luật\n")


def check_content(tree, lang: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hotro.editors.check_content", str(tree),
                           "--lang", lang], capture_output=True, text=True, check=False)


# ---- the real content ---------------------------------------------------------------------

def test_every_real_policy_page_links_an_official_host_or_says_where_the_text_is():
    content = load_content(REPO)
    policies = {p.shown_as: p.meta["policy"] for p in content.pages.values()
                if "policy" in p.meta}
    assert len(policies) == 12  # six documents, in Vietnamese and English
    for file, policy in policies.items():
        if "source_url" in policy:
            assert is_official(policy["source_url"], content.official_hosts), file
        else:
            assert policy["published_in"].strip(), file
    assert content.official_hosts == HOSTS


def test_vietnamese_policy_pages_offer_no_english_translation_as_their_text():
    content = load_content(REPO)
    for page in content.pages.values():
        copies = page.meta.get("policy", {}).get("extra_reading", [])
        if page.lang == "vi":
            assert not [c for c in copies if "tieng-anh" in c["url"] or "/EN/" in c["url"]
                        or "English" in c["label"]], page.shown_as


def test_policy_pages_tell_readers_what_to_do_not_what_we_do_not_know():
    for path in sorted((REPO / "docs" / "chinh-sach").glob("*.md")):
        text = path.read_text(encoding="utf-8").lower()
        assert [g for g in GAPS if g in text] == [], path.name


def test_every_real_source_has_a_kind():
    content = load_content(REPO)
    assert {s["kind"] for s in content.sources.values()} <= set(KIND_ORDER)
    hosts = {s.id: content.source_host(s.id) for s in content.sources.values()}
    for sid, host in hosts.items():
        kind = content.sources[sid]["kind"]
        if host.endswith(".gov.vn"):
            assert kind == "government", sid
        if host.split(".")[-2] in ("thuvienphapluat", "vanban123", "vietjack", "lawnet"):
            assert kind == "other", sid
        if host.split(".")[-2] in ("vietnamplus", "vnanet", "vov", "nhandan", "tienphong"):
            assert kind == "press", sid


# ---- host matching ------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "https://vbpl.vn/", "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1",
    "https://VBPL.VN/x", "https://vbpl.vn:443/x", "https://congbao.chinhphu.vn/van-ban",
    "https://chinhphu.vn/", "https://vanban.chinhphu.vn/x", "https://soyte.camau.gov.vn/x",
    "https://dichvucong.gov.vn/p/home", "https://vbpl.vn/#@evil.com"])
def test_official_hosts_are_accepted(url):
    assert is_official(url, HOSTS)


@pytest.mark.parametrize("url", [
    "http://vbpl.vn/", "https://evil-vbpl.vn/", "https://vbpl.vn.evil.com/",
    "https://vbpl.vn@evil.com/", "https://user:pw@vbpl.vn/", "https://vbpl.vn\\@evil.com/",
    "https://evil.com\\.gov.vn/", "https://evil.com%2f.gov.vn/", "https://gov.vn/",
    "https://evilgov.vn/", "https://gov.vn.evil.com/", "https://xgov.vn/",
    "https://congbao.chinhphu.vn.evil.com/", "https://www.chinhphu.vn.evil.com/",
    "https://other.chinhphu.vn/", "https://vbpl.vn./", "https://vbpl..vn/",
    "https://vbpl.vn:abc/", "https:///vbpl.vn/", "javascript:alert(1)//vbpl.vn",
    "ftp://vbpl.vn/", "https://thuvienphapluat.vn/van-ban/x", "//vbpl.vn/"])
def test_look_alike_hosts_are_refused(url):
    assert not is_official(url, HOSTS)


# ---- mistakes an editor can make ------------------------------------------------------------

def test_a_news_site_as_the_full_text_is_refused_in_both_languages(tree):
    edit(tree, "docs/luat.vi.md", None, policy_page(f"  source_url: {NEWS}\n"))
    english, vietnamese = check_content(tree, "en"), check_content(tree, "vi")
    assert english.returncode == vietnamese.returncode == 1
    assert ("docs/luat.vi.md:11: policy/source_url: the full text's address leads to "
            "'dantri.com.vn', which is not an official host (expected an https address on an "
            f"official host: {ACCEPTED} (from content/official_hosts.yml); if there is none, "
            "remove source_url, write published_in, and put unofficial copies under "
            "extra_reading)") in english.stdout + english.stderr
    assert ("docs/luat.vi.md:11: policy/source_url: địa chỉ toàn văn dẫn tới 'dantri.com.vn', "
            "không phải một trang chính thức (cần một địa chỉ https trên trang chính thức: "
            f"{ACCEPTED} (theo content/official_hosts.yml)") in vietnamese.stdout \
        + vietnamese.stderr
    assert "Traceback" not in english.stderr + vietnamese.stderr


def test_a_user_name_before_the_host_names_the_host_a_browser_would_open(tree):
    edit(tree, "docs/luat.vi.md", None, policy_page("  source_url: https://vbpl.vn@evil.com/x\n"))
    assert problems_of(tree) == [
        "docs/luat.vi.md:11: policy/source_url: the full text's address leads to 'evil.com', "
        f"which is not an official host (expected an https address on an official host: "
        f"{ACCEPTED} (from content/official_hosts.yml); if there is none, remove source_url, "
        "write published_in, and put unofficial copies under extra_reading)"]


def test_a_policy_without_full_text_or_published_in_is_refused(tree):
    edit(tree, "docs/luat.vi.md", None, policy_page(""))
    problems = loader_problems(tree, [])
    assert [str(p) for p in problems] == [
        "docs/luat.vi.md:6: policy: the document has neither source_url nor published_in "
        "(expected source_url (the https address of the document on an official host) or "
        "published_in (a sentence saying where the official text is published))"]
    check_vietnamese(problems)


def test_published_in_alone_is_enough_and_unofficial_copies_are_plain_text(tree):
    published = "  published_in: Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn).\n"
    copies = ("  extra_reading:\n    - url: https://thuvienphapluat.vn/van-ban/luat\n"
              "      label: <b>Thư viện Pháp luật</b>\n")
    edit(tree, "docs/luat.vi.md", None, policy_page(published))
    assert ("luat", "vi") in load_content(tree).pages
    edit(tree, "docs/luat.vi.md", None, policy_page(published, copies))
    assert problems_of(tree) == [
        "docs/luat.vi.md:14: policy/extra_reading/1/label: HTML or script is not allowed in a "
        "text field (expected plain text)"]


def test_a_source_without_a_kind_or_with_an_unknown_kind_is_refused(tree):
    problems = loader_problems(tree, [("content/sources/thu.yml", "  kind: other\n", "")])
    assert [str(p) for p in problems] == [
        "content/sources/thu.yml:1: nguon-thu/kind: this field is missing (expected what kind "
        "of source it is: law (the legal text itself or an official legal database entry), "
        "government (an official government portal or agency page, e.g. on .gov.vn or "
        "chinhphu.vn), press (a newspaper or news agency, state-owned ones too), ngo (an NGO "
        "or a UN body) or other (anything else: commercial legal databases, explainers), "
        "e.g. press)"]
    check_vietnamese(problems)
    edit(tree, "content/sources/thu.yml", None, (tree / "content/sources/thu.yml").read_text(
        encoding="utf-8") + "  kind: blog\n")
    assert problems_of(tree) == [
        "content/sources/thu.yml:5: nguon-thu/kind: 'blog' is not one of the allowed values "
        "(expected one of: law, government, press, ngo, other)"]


# ---- what readers see in the built joint edition ------------------------------------------

def foot_kinds(html: str) -> list[str]:
    foot = html[html.index('class="page-foot"'):]
    return re.findall(r'<span class="page-foot__kind">([^<]*):</span>', foot)


@pytest.mark.parametrize(("page", "labels"), [
    ("en/chinh-sach/luat-53-2024-qh15/index.html",
     ["Legal text", "Government", "Press", "Organisation", "Other"]),
    ("chinh-sach/luat-53-2024-qh15/index.html",
     ["Văn bản pháp luật", "Cơ quan nhà nước", "Báo chí", "Tổ chức", "Khác"])])
def test_the_page_foot_shows_each_sources_kind_official_ones_first(real_site, page, labels):
    shown = foot_kinds(read(real_site, page))
    assert {labels[1], labels[2], labels[4]} <= set(shown)  # government, press, other
    ranks = [labels.index(label) for label in shown]
    assert ranks == sorted(ranks), shown
    assert shown.index(labels[1]) < shown.index(labels[2])


def test_the_facts_box_says_where_the_official_text_is_and_labels_copies_unofficial(real_site):
    english = read(real_site, "en/chinh-sach/luat-53-2024-qh15/index.html")
    box = english[english.index('class="policy-facts'):english.index("</dl>")]
    assert ("<dt>Where to find the official text</dt><dd class=\"policy-facts__published-in\">"
            "Việt Nam&#39;s national database of legal documents (vbpl.vn). Search for the "
            "number 53/2024/QH15.</dd>") in box
    unofficial = box[box.index("<dt>Unofficial copy</dt>"):]
    assert 'href="https://thuvienphapluat.vn/' in unofficial
    assert 'href="https://vanban123.vn/' in unofficial
    assert "Full text (official)" not in box
    vietnamese = read(real_site, "chinh-sach/luat-53-2024-qh15/index.html")
    box = vietnamese[vietnamese.index('class="policy-facts'):vietnamese.index("</dl>")]
    assert "<dt>Tìm toàn văn chính thức</dt>" in box
    assert "thuvienphapluat" not in box and "vanban123" not in box
