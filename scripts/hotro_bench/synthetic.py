"""A synthetic content tree shaped like the real one, at any size, for benchmarks and tests.

    make_synthetic_tree(dest, pages_per_lang=200, editions=4)

The tree is valid: it passes `load_content` and `build_site.py --strict` with the link check.
It links overrides/ and scripts/ from this project (as tests/conftest.make_tree does), copies
content/ui.yml and the real records of the short codes 111, 112, 113, 114 and 115 (with the
agencies and sources they cite), and writes pages of seeded, plausible text in vi and en.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from hotro.load.editions import load_base, write_config
from hotro.load.yaml_source import load_yaml_file
from hotro.model import paths

REPO = paths.ROOT
CONTACT_IDS = ("hotline-111", "police-113", "emergency-112", "fire-rescue-114", "ambulance-115")
REVIEWED, REVIEW_BY = "2026-11-01", "2027-05-29"
SOURCES = ("tong-hop-1", "tong-hop-2", "tong-hop-3")
HELP_PAGE = "an-toan-truc-tuyen"
COLOURS = ("#3949ab", "#00695c", "#1a3d7c", "#2e5d32")

# (vi, en) pairs; a page title is kind + topic + audience, so up to 8 * 12 * 12 are unique.
KINDS = [("Hướng dẫn", "Guide to"), ("Hỏi đáp về", "Questions on"), ("Các bước xin", "Steps for"),
         ("Lưu ý về", "Notes on"), ("Tìm hiểu", "About"), ("Giấy tờ để nhận", "Papers for"),
         ("Quyền được", "The right to"), ("Nơi nhận", "Where to get")]
TOPICS = [("hỗ trợ y tế", "medical support"), ("tư vấn tâm lý", "counselling"),
          ("trợ giúp pháp lý", "legal aid"), ("chỗ ở tạm thời", "temporary shelter"),
          ("học nghề", "vocational training"), ("vay vốn", "small loans"),
          ("giấy tờ tùy thân", "identity papers"), ("bảo vệ an toàn", "safety protection"),
          ("hỗ trợ đi lại", "travel support"), ("khám sức khỏe", "health checks"),
          ("việc làm", "job placement"), ("trợ cấp khó khăn", "hardship grants")]
AUDIENCES = [("cho nạn nhân", "for victims"), ("cho người trở về", "for people returning"),
             ("cho gia đình", "for families"), ("cho trẻ em", "for children"),
             ("cho phụ nữ", "for women"), ("cho người lao động", "for workers"),
             ("cho người có nguy cơ", "for people at risk"), ("cho cán bộ xã", "for commune staff"),
             ("ở vùng biên giới", "in border areas"), ("ở vùng ven biển", "in coastal areas"),
             ("ở thành thị", "in towns"), ("ở nông thôn", "in the countryside")]
SUBJECTS = [("Nạn nhân", "Victims"), ("Người trở về", "People returning"),
            ("Gia đình nạn nhân", "Victims' families"), ("Cán bộ xã", "Commune staff"),
            ("Nhân viên công tác xã hội", "Social workers"), ("Trẻ em", "Children"),
            ("Người có nguy cơ", "People at risk"), ("Hội Liên hiệp Phụ nữ", "The Women's Union"),
            ("Bộ đội biên phòng", "The Border Guard"), ("Trung tâm bảo trợ", "Support centres")]
VERBS = [("được nhận", "can receive"), ("có quyền yêu cầu", "have the right to ask for"),
         ("cần được hướng dẫn về", "need guidance on"), ("nên hỏi thêm về", "should ask about"),
         ("có thể xin", "may apply for"), ("được giúp đỡ để có", "get help to obtain")]
OBJECTS = [(t, e) for t, e in TOPICS] + [("thông tin về quyền lợi", "information on their rights"),
                                          ("sự đồng hành lâu dài", "long-term support")]
ENDINGS = [("trong thời gian sớm nhất", "as soon as possible"),
           ("mà không phải trả tiền", "without paying anything"),
           ("tại nơi cư trú", "where they live"), ("khi trở về địa phương", "on returning home"),
           ("theo quy định của pháp luật", "as the law provides"),
           ("với sự đồng ý của họ", "with their consent"), ("một cách kín đáo", "discreetly"),
           ("cùng với người thân", "together with relatives"),
           ("trước khi về nhà", "before going home")]
HEADINGS = [("Ai được hỗ trợ?", "Who can get support?"), ("Cần chuẩn bị gì?", "What to prepare"),
            ("Làm thế nào để xin?", "How to apply"), ("Điều cần nhớ", "Things to remember"),
            ("Khi gặp khó khăn", "When something goes wrong"),
            ("Ai chịu trách nhiệm?", "Who is responsible?")]
FIXED_NAV = {"Trang chủ": "Home", "Số điện thoại cần biết": "Phone numbers to know",
             "An toàn khi lên mạng": "Staying safe online", "Tìm kiếm": "Search",
             "Tổng quan": "Overview"}


class Page:
    """One page pair: its slug under docs/ and its title in each language."""

    def __init__(self, slug: str, vi: str, en: str):
        self.slug, self.vi, self.en = slug, vi, en

    def title(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Section:
    def __init__(self, slug: str, index: Page, pages: list[Page]):
        self.slug, self.index, self.pages = slug, index, pages


def make_synthetic_tree(dest: Path, pages_per_lang: int, editions: int,
                        section_size: int = 20) -> Path:
    """Write a complete, valid content tree of `pages_per_lang` pages per language."""
    if not 1 <= pages_per_lang <= len(KINDS) * len(TOPICS) * len(AUDIENCES):
        raise ValueError(f"pages_per_lang must be 1..{len(KINDS) * len(TOPICS) * len(AUDIENCES)}")
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("overrides", "scripts"):
        if not (dest / name).exists():
            (dest / name).symlink_to(REPO / name)
    (dest / "content").mkdir(exist_ok=True)
    shutil.copy(REPO / "content" / "ui.yml", dest / "content" / "ui.yml")
    _write_records(dest / "content", editions)
    sections = layout(pages_per_lang, section_size)
    _write_pages(dest / "docs", sections)
    _write_editions(dest / "content" / "editions", editions, [s.slug for s in sections])
    _write_mkdocs(dest, sections)
    return dest


# Layout and titles

def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def page_title(i: int) -> tuple[str, str]:
    """The i-th page title (vi, en); a stride coprime to the count spreads and never repeats."""
    count = len(KINDS) * len(TOPICS) * len(AUDIENCES)
    j = (i * 577) % count
    kind, topic = KINDS[j % len(KINDS)], TOPICS[(j // len(KINDS)) % len(TOPICS)]
    audience = AUDIENCES[j // (len(KINDS) * len(TOPICS))]
    return (f"{kind[0]} {topic[0]} {audience[0]}", f"{kind[1]} {topic[1]} {audience[1]}")


def section_title(k: int) -> tuple[str, str]:
    j = (k * 7) % (len(TOPICS) * len(AUDIENCES))
    topic, audience = TOPICS[j % len(TOPICS)], AUDIENCES[j // len(TOPICS)]
    return _cap(f"{topic[0]} {audience[0]}"), _cap(f"{topic[1]} {audience[1]}")


def layout(pages_per_lang: int, section_size: int) -> list[Section]:
    """Pages s01/p001 … in sections of `section_size`, each section with an index page."""
    width = max(3, len(str(pages_per_lang)))
    sections = []
    for k, start in enumerate(range(0, pages_per_lang, section_size)):
        slug = f"s{k + 1:02d}"
        pages = [Page(f"{slug}/p{i + 1:0{width}d}", *page_title(i))
                 for i in range(start, min(start + section_size, pages_per_lang))]
        sections.append(Section(slug, Page(f"{slug}/index", *section_title(k)), pages))
    return sections


# Data records

def _real_records(rel: str, ids: set[str]) -> list[dict]:
    data = load_yaml_file(REPO / rel, rel).data or []
    return [item for item in data if item.get("id") in ids]


def _write_records(content: Path, editions: int) -> None:
    """The real contacts of the short codes, their agencies and sources; synthetic ones too."""
    contacts = _real_records("content/contacts.yml", set(CONTACT_IDS))
    agencies = _real_records("content/agencies.yml", {c["agency"] for c in contacts})
    cited = {s for rec in contacts + agencies
             for s in rec.get("sources", []) + rec.get("cost_sources", [])}
    real_sources = [rec for path in sorted((REPO / "content" / "sources").glob("*.yml"))
                    for rec in _real_records(path.relative_to(REPO).as_posix(), cited)]
    agencies += [{"id": f"co-quan-e{n:02d}",
                  "name": {"vi": f"Cơ quan xuất bản ấn bản E{n:02d}",
                           "en": f"Publisher of edition E{n:02d}"},
                  "sources": [SOURCES[0]]} for n in range(1, editions + 1)]
    synthetic = [{"id": sid, "kind": "other", "url": f"https://nguon.example.org/{sid}",
                  "date": "2026-10-01",
                  "about": {"vi": f"Tài liệu tổng hợp số {i + 1} về hỗ trợ nạn nhân.",
                            "en": f"Summary document {i + 1} on support for victims."}}
                 for i, sid in enumerate(SOURCES)]
    (content / "sources").mkdir(parents=True, exist_ok=True)
    _dump(content / "sources" / "hotlines.yml", real_sources)
    _dump(content / "sources" / "synthetic.yml", synthetic)
    _dump(content / "agencies.yml", agencies)
    _dump(content / "contacts.yml", contacts)


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _write_editions(folder: Path, editions: int, section_slugs: list[str]) -> None:
    """e01 is the joint edition; every fourth edition leaves out the last section."""
    folder.mkdir(parents=True, exist_ok=True)
    fixed = ["index", "danh-ba", "tim-kiem", HELP_PAGE]
    for n in range(1, editions + 1):
        eid = f"e{n:02d}"
        subset = n % 4 == 0 and len(section_slugs) > 1
        record = {"agency": f"co-quan-{eid}", "canonical": n == 1 or None,
                  "site_url": f"https://{eid}.example.org/ho-tro/",
                  "name": {"vi": f"Hỗ trợ nạn nhân bị mua bán người - ấn bản {eid.upper()}",
                           "en": f"Support for victims of human trafficking - edition "
                                 f"{eid.upper()}"},
                  "description": {"vi": "Thông tin về hỗ trợ nạn nhân bị mua bán người.",
                                  "en": "Information on support for victims of trafficking."},
                  "colours": {"primary": COLOURS[n % len(COLOURS)]},
                  "sections": fixed + section_slugs[:-1] if subset else "all",
                  "contacts_first": [CONTACT_IDS[0], CONTACT_IDS[1 + n % 4]],
                  "quick_exit": "https://www.google.com.vn/",
                  "embed_portals": [f"https://{eid}.example.org"]}
        _dump(folder / f"{eid}.yml", {k: v for k, v in record.items() if v is not None})


def _write_mkdocs(dest: Path, sections: list[Section]) -> None:
    """The repo's mkdocs.yml with the synthetic nav, its translations and the joint address."""
    config = load_base(REPO / "mkdocs.yml")
    config["site_url"] = "https://e01.example.org/ho-tro/"
    nav, names = _nav(sections)
    config["nav"] = nav
    for language in config["plugins"]["i18n"]["languages"]:
        if language["locale"] == "en":
            language["nav_translations"] = names
    write_config(config, dest / "mkdocs.yml")


def _nav(sections: list[Section]) -> tuple[list, dict[str, str]]:
    names = dict(FIXED_NAV)
    nav: list = [{"Trang chủ": "index.md"}, {"Số điện thoại cần biết": "danh-ba.md"}]
    for section in sections:
        items = [{"Tổng quan": f"{section.index.slug}.md"}]
        for page in section.pages:
            items.append({page.vi: f"{page.slug}.md"})
            names[page.vi] = page.en
        nav.append({section.index.vi: items})
        names[section.index.vi] = section.index.en
    nav += [{"An toàn khi lên mạng": f"{HELP_PAGE}.md"}, {"Tìm kiếm": "tim-kiem.md"}]
    return nav, names


# Pages

LANG_TEXT = {
    "vi": {"call": "Nếu cần giúp ngay, hãy gọi 111: cuộc gọi miễn phí, cả ngày lẫn đêm.",
           "see": "Xem thêm [{sibling}]({href}) và [tổng quan của phần này](index.md).",
           "table": ("Việc cần làm", "Ai giúp", "Trong bao lâu"), "days": "trong {n} ngày",
           "list": "Những việc nên làm:", "overview": "Các bài trong phần này:"},
    "en": {"call": "If you need help now, call 111: it is free, day and night.",
           "see": "See also [{sibling}]({href}) and [this section's overview](index.md).",
           "table": ("What to do", "Who helps", "How long"), "days": "within {n} days",
           "list": "What to do:", "overview": "The pages in this section:"},
}


def _front(lang: str, rng: random.Random, description: str) -> str:
    sources = ", ".join(sorted(rng.sample(SOURCES, 2)))
    return (f"---\ndescription: {description}\nreviewed: {REVIEWED}\n"
            f"review_by: {REVIEW_BY}\nsources: [{sources}]\n---\n\n")


def _sentence(rng: random.Random, lang: str) -> str:
    at = 0 if lang == "vi" else 1
    parts = [rng.choice(words)[at] for words in (SUBJECTS, VERBS, OBJECTS, ENDINGS)]
    return " ".join(parts) + "."


def _paragraph(seed: str, lang: str, count: int) -> str:
    rng = random.Random(seed)  # the same seed in both languages: parallel texts
    return " ".join(_sentence(rng, lang) for _ in range(count))


def _table(seed: str, lang: str) -> str:
    rng = random.Random(seed)
    at = 0 if lang == "vi" else 1
    head = LANG_TEXT[lang]["table"]
    rows = [f"| {_cap(rng.choice(TOPICS)[at])} | {rng.choice(SUBJECTS)[at]} | "
            f"{LANG_TEXT[lang]['days'].format(n=rng.randint(2, 30))} |" for _ in range(3)]
    return "\n".join([f"| {' | '.join(head)} |", "| --- | --- | --- |", *rows])


def _list(seed: str, lang: str) -> str:
    rng = random.Random(seed)
    at = 0 if lang == "vi" else 1
    items = [f"- {_cap(rng.choice(OBJECTS)[at])} {rng.choice(ENDINGS)[at]}" for _ in range(4)]
    return LANG_TEXT[lang]["list"] + "\n\n" + ";\n".join(items) + "."


def page_text(page: Page, sibling: Page, lang: str) -> str:
    """About 350 words: three or two headings, a list, a table, two links and 111 once."""
    rng = random.Random(page.slug)
    headings = rng.sample(HEADINGS, rng.choice((2, 3)))
    text = LANG_TEXT[lang]
    blocks = [f"# {page.title(lang)}", _paragraph(page.slug + "a", lang, 4) + " " + text["call"]]
    for n, heading in enumerate(headings):
        blocks += [f"## {heading[0 if lang == 'vi' else 1]}",
                   _paragraph(f"{page.slug}h{n}", lang, 8 if len(headings) == 2 else 5)]
        if n == 0:
            blocks += [_list(page.slug + "l", lang), _paragraph(page.slug + "b", lang, 4)]
        if n == 1:
            blocks.append(_table(page.slug + "t", lang))
    href = sibling.slug.rsplit("/", 1)[-1] + ".md"
    blocks.append(text["see"].format(sibling=sibling.title(lang), href=href))
    description = _paragraph(page.slug + "d", lang, 1)
    return _front(lang, rng, description) + "\n\n".join(blocks) + "\n"


def _index_text(section: Section, lang: str) -> str:
    page = section.index
    links = [f"- [{p.title(lang)}]({p.slug.rsplit('/', 1)[-1]}.md)" for p in section.pages]
    blocks = [f"# {page.title(lang)}", _paragraph(page.slug, lang, 3),
              LANG_TEXT[lang]["overview"], "\n".join(links), LANG_TEXT[lang]["call"]]
    description = _paragraph(page.slug + "d", lang, 1)
    return _front(lang, random.Random(page.slug), description) + "\n\n".join(blocks) + "\n"


def _write_pages(docs: Path, sections: list[Section]) -> None:
    for lang in ("vi", "en"):
        for name, text in _fixed_pages(sections, lang).items():
            _write(docs / f"{name}.{lang}.md", text)
        for section in sections:
            _write(docs / f"{section.index.slug}.{lang}.md", _index_text(section, lang))
            for n, page in enumerate(section.pages):
                sibling = section.pages[(n + 1) % len(section.pages)]
                _write(docs / f"{page.slug}.{lang}.md", page_text(page, sibling, lang))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


FIXED = {
    "vi": {
        "index": ("Trang chủ của trang thử nghiệm quy mô lớn.", "Cần giúp đỡ ngay?",
                  "Gọi 111 nếu bạn hoặc người thân bị lừa bán, bị giữ hoặc bị ép làm việc.",
                  "Các phần của trang:"),
        "danh-ba": ("Các số điện thoại cần biết.", "Số điện thoại cần biết",
                    "Mọi số dưới đây đã được kiểm tra. Số quan trọng nhất là 111.", ""),
        "tim-kiem": ("Tìm trang trên trang web này. Có thể gõ có dấu hoặc không dấu.",
                     "Tìm kiếm", "Gõ điều bạn muốn tìm, có dấu hoặc không dấu.", ""),
        HELP_PAGE: ("Cách thoát nhanh và lên mạng an toàn.", "An toàn khi lên mạng",
                    "Nút thoát nhanh mở ngay một trang khác. Hãy xóa lịch sử duyệt web "
                    "nếu có người kiểm tra điện thoại của bạn.", ""),
    },
    "en": {
        "index": ("The home page of the large test site.", "Need help now?",
                  "Call 111 if you or someone close to you has been trafficked, is held or "
                  "is forced to work.", "The sections of the site:"),
        "danh-ba": ("Phone numbers to know.", "Phone numbers to know",
                    "Every number below has been checked. The most important one is 111.", ""),
        "tim-kiem": ("Search the pages of this site.", "Search",
                     "Type what you are looking for.", ""),
        HELP_PAGE: ("How quick exit works and how to stay safe online.", "Staying safe online",
                    "The quick-exit button opens another page at once. Clear your browsing "
                    "history if someone checks your phone.", ""),
    },
}
MARKERS = {"index": "<!-- data:call-buttons ids=hotline-111,police-113,emergency-112 -->",
           "danh-ba": "<!-- data:contacts -->", "tim-kiem": "<!-- data:search -->"}


def _fixed_pages(sections: list[Section], lang: str) -> dict[str, str]:
    """The home, directory, search and quick-exit help pages."""
    pages = {}
    for name, (description, title, body, links_intro) in FIXED[lang].items():
        blocks = [f"# {title}", MARKERS.get(name, ""), body]
        if name == "index":
            links = [f"- [{s.index.title(lang)}]({s.index.slug}.md)" for s in sections]
            links += ["- [" + FIXED[lang][slug][1] + f"]({slug}.md)"
                      for slug in ("danh-ba", HELP_PAGE, "tim-kiem")]
            blocks += [links_intro, "\n".join(links)]
        front = (f"---\ndescription: {description}\nreviewed: {REVIEWED}\n"
                 f"review_by: {REVIEW_BY}\nsources: []\n---\n\n")
        pages[name] = front + "\n\n".join(b for b in blocks if b) + "\n"
    return pages
