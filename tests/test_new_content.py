"""`make new`: pages, contacts and editions started from the schemas, as an editor runs it.

What it writes must load (or be rejected with the exact line that says what to fill in), must
never publish anything unchecked, and, once filled in as the printed steps say, must build.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO, problems_of, read, run_build, visible_text
from hotro.checks.validated import load_content
from hotro.editors.new_content import add_months, nav_pastes, page_text, schema

SCRIPT = "hotro.editors.new_content"
TODAY = "2026-11-29"
DESCRIBE = ("description: this is empty (expected one plain sentence on what the page is for, "
            "in the page's language, e.g. Các số điện thoại để gọi khi cần giúp đỡ.)")


def new(tree: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    """hotro.editors.new_content in the tree, as `make new MESSAGES=<lang>` runs it."""
    return subprocess.run([sys.executable, "-m", SCRIPT, *args, "--today", TODAY], cwd=tree,
                          capture_output=True, text=True, check=False, timeout=120,
                          env={**os.environ, "MESSAGES": lang})


def files_of(tree: Path) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes()
            for folder in ("docs", "content") for p in sorted((tree / folder).rglob("*"))
            if p.is_file()}


# --- pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "due"), [("2026-11-29", "2027-05-29"),
                                          ("2026-08-31", "2027-02-28"),
                                          ("2027-08-31", "2028-02-29"),
                                          ("2026-07-15", "2027-01-15")])
def test_review_by_is_six_months_after_today(day, due):
    assert add_months(dt.date.fromisoformat(day), 6).isoformat() == due


def test_page_front_matter_has_every_field_the_schema_requires():
    for lang in ("vi", "en"):
        text = page_text(lang, dt.date(2026, 11, 29))
        front = yaml.safe_load(text.split("---")[1])
        assert list(front) == schema("page")["required"]
        assert front["description"] == ""
        assert front["sources"] == []
        assert str(front["reviewed"]) == "2026-11-29"
        assert str(front["review_by"]) == "2027-05-29"


def test_new_page_pair_is_written_and_rejected_until_described(tree):
    result = new(tree, "--page", "huong-dan/buoc-hai")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    vi = (tree / "docs/huong-dan/buoc-hai.vi.md").read_text(encoding="utf-8")
    en = (tree / "docs/huong-dan/buoc-hai.en.md").read_text(encoding="utf-8")
    assert vi == ("---\n"
                  'description: ""   # VIẾT MÔ TẢ Ở ĐÂY: một câu nói trang này để làm gì\n'
                  "reviewed: 2026-11-29\n"
                  "review_by: 2027-05-29\n"
                  "sources: []   # mã nguồn trong content/sources/, ví dụ "
                  "[tienphong-2025-09-19-111]\n"
                  "---\n\n# Tiêu đề\n\n<!-- Viết nội dung trang ở đây. -->\n")
    assert en.startswith('---\ndescription: ""   # WRITE THE DESCRIPTION HERE: one sentence on '
                         "what this page is for\n")
    assert en.endswith("---\n\n# Title\n\n<!-- Write the page here. -->\n")
    assert problems_of(tree) == [f"docs/huong-dan/buoc-hai.en.md:2: {DESCRIBE}",
                                 f"docs/huong-dan/buoc-hai.vi.md:2: {DESCRIBE}"]


def test_a_written_placeholder_would_pass_so_the_description_is_left_empty(tree):
    """Why the scaffold leaves description empty: no loader rule rejects placeholder text."""
    new(tree, "--page", "moi")
    for lang in ("vi", "en"):
        path = tree / f"docs/moi.{lang}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'description: "".*', "description: VIẾT MÔ TẢ Ở ĐÂY", text),
                        encoding="utf-8")
    assert ("moi", "vi") in load_content(tree).pages


def test_printed_steps_in_the_language_asked_for(tree):
    vi = new(tree, "--page", "huong-dan/buoc-hai", lang="vi").stdout
    for lang in ("vi", "en"):
        (tree / f"docs/huong-dan/buoc-hai.{lang}.md").unlink()
    out = new(tree, "--page", "huong-dan/buoc-hai", lang="en").stdout
    head, en = out.split("\n\nNext steps:\n")
    assert head == "Created docs/huong-dan/buoc-hai.vi.md and docs/huong-dan/buoc-hai.en.md."
    assert "Next steps" not in vi and "Việc" not in en
    assert vi.startswith("Đã tạo docs/huong-dan/buoc-hai.vi.md và docs/huong-dan/buoc-hai.en.md."
                         "\n\nViệc cần làm tiếp:\n1. Trong mỗi tệp: viết một câu vào description")
    assert ('2. Mở mkdocs.yml, tìm dòng "- Hướng dẫn chưa dịch: huong-dan/chua-dich.md" (dòng 35) '
            "trong nav: và dán ngay bên dưới nó (giữ nguyên các dấu cách ở đầu dòng):\n\n"
            "  - Tiêu đề: huong-dan/buoc-hai.md\n") in vi
    assert ('3. Cũng trong mkdocs.yml, tìm dòng "Hướng dẫn chưa dịch: Untranslated guide" '
            "(dòng 29) trong nav_translations: và dán ngay bên dưới nó:\n\n"
            "          Tiêu đề: Title\n") in vi
    assert vi.endswith("4. Chạy make check, rồi make serve để xem trang. Khi bản tiếng Anh đã "
                       "khớp với bản tiếng Việt, chạy make translated ONLY=huong-dan/buoc-hai.\n")
    assert en.startswith("1. In each file: write one sentence as the description")
    assert ('2. Open mkdocs.yml, find the line "- Hướng dẫn chưa dịch: huong-dan/chua-dich.md" '
            "(line 35) under nav: and paste right below it (keep the spaces at the start of the "
            "line):\n\n  - Tiêu đề: huong-dan/buoc-hai.md\n") in en
    assert ('3. Also in mkdocs.yml, find the line "Hướng dẫn chưa dịch: Untranslated guide" '
            "(line 29) under nav_translations: and paste right below it:\n\n"
            "          Tiêu đề: Title\n") in en
    assert en.endswith("4. Run make check, then make serve to look at the page. Once the English "
                       "matches the Vietnamese, run make translated ONLY=huong-dan/buoc-hai.\n")


def test_nav_lines_for_the_real_site():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav, names = nav_pastes(config, "chinh-sach/ten-trang")
    assert nav.after == "- Nghị định 09/2013/NĐ-CP: chinh-sach/nghi-dinh-09-2013-nd-cp.md"
    assert nav.text == "      - Tiêu đề: chinh-sach/ten-trang.md"
    assert names.after == "Nhúng và dữ liệu mở: Embedding and open data"
    assert names.text == "          Tiêu đề: Title"
    lines = config.split("\n")
    assert lines[nav.line - 1].strip() == nav.after
    assert lines[names.line - 1].strip() == names.after
    nav, _ = nav_pastes(config, "duong-day-nong/so-tinh")
    assert (nav.after, nav.text) == ("- Đường dây nóng: duong-day-nong/index.md",
                                     "  - Tiêu đề: duong-day-nong/so-tinh.md")


PASTE = re.compile(r'find the line "(?P<after>.+)" \(line (?P<line>\d+)\)')


def paste_as_told(config: Path, steps: str) -> None:
    """Do what the English steps say: paste each block right below the line they name."""
    lines = steps.split("Next steps:")[1].split("\n")
    pastes = []
    for i, line in enumerate(lines):
        match = PASTE.search(line)
        if match:
            end = lines.index("", i + 2)
            pastes.append((int(match["line"]), match["after"], lines[i + 2:end]))
    text = config.read_text(encoding="utf-8").split("\n")
    for number, after, block in sorted(pastes, reverse=True):
        assert text[number - 1].strip() == after
        text[number:number] = block
    config.write_text("\n".join(text), encoding="utf-8")


def fill(tree: Path, slug: str, titles: dict[str, str], names: dict[str, str]) -> None:
    """What the editor writes: a description and a title in each file, the names in nav."""
    for lang, title in titles.items():
        path = tree / f"docs/{slug}.{lang}.md"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'description: "".*', f"description: {title}.", text)
        path.write_text(re.sub(r"^# .*$", f"# {title}", text, flags=re.M), encoding="utf-8")
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for placeholder, name in names.items():
        text = text.replace(placeholder, name)
    config.write_text(text, encoding="utf-8")


def test_filled_pages_build_in_both_languages(tree):
    steps = new(tree, "--page", "huong-dan/buoc-hai").stdout
    paste_as_told(tree / "mkdocs.yml", steps)
    fill(tree, "huong-dan/buoc-hai", {"vi": "Bước hai", "en": "Step two"},
         {"Tiêu đề": "Bước hai", "Title": "Step two"})
    steps = new(tree, "--page", "moi/trang-moi").stdout  # a new folder: a new section
    assert "  - Tên mục:\n      - Tiêu đề: moi/trang-moi.md\n" in steps
    paste_as_told(tree / "mkdocs.yml", steps)
    fill(tree, "moi/trang-moi", {"vi": "Trang mới", "en": "New page"},
         {"Tên mục": "Mục mới", "Section name": "New section", "Tiêu đề": "Trang mới",
          "Title": "New page"})
    load_content(tree)
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stderr
    site = tree / "site" / "thu"
    assert "Bước hai" in visible_text(read(site, "huong-dan/buoc-hai/index.html"))
    english = visible_text(read(site, "en/moi/trang-moi/index.html"))
    assert "New page" in english
    assert "New section" in visible_text(read(site, "en/index.html"))
    assert "Mục mới" in visible_text(read(site, "index.html"))


REFUSED_PAGES = [
    ("index", "docs/index.vi.md: this page already exists (expected a name no page uses yet; "
              "to change the page, edit this file)"),
    ("danh-ba", "docs/danh-ba.vi.md: this page already exists (expected a name no page uses "
                "yet; to change the page, edit this file)"),
    ("Ten Trang", "docs/Ten Trang: 'Ten Trang' is not in the right form (expected lower case "
                  "letters without diacritics, digits and hyphens, without .vi.md, e.g. "
                  "chinh-sach/ten-trang)"),
    ("chính-sách/x", "docs/chính-sách/x: 'chính-sách' is not in the right form (expected lower "
                     "case letters without diacritics, digits and hyphens, without .vi.md, e.g. "
                     "chinh-sach/ten-trang)"),
    ("moi.vi.md", "docs/moi.vi.md: 'moi.vi.md' is not in the right form (expected lower case "
                  "letters without diacritics, digits and hyphens, without .vi.md, e.g. "
                  "chinh-sach/ten-trang)"),
    ("../ten-trang", "../ten-trang: this is not a page inside docs/ (expected a path inside "
                     "docs/ such as chinh-sach/ten-trang)"),
    ("/tmp/ten-trang", "/tmp/ten-trang: this is not a page inside docs/ (expected a path inside "
                       "docs/ such as chinh-sach/ten-trang)"),
    ("en/ten-trang", "docs/en/ten-trang: 'en' is a name the site uses for itself (expected a "
                     "name other than en, embed, data, assets)"),
    ("huong-dan", "docs/huong-dan.vi.md: docs/huong-dan/ is already a section at this address "
                  "(expected another name, or huong-dan/<name> for a page in that section)"),
    ("danh-ba/so-moi", "docs/danh-ba/so-moi.vi.md: the page docs/danh-ba.vi.md already has the "
                       "address danh-ba/ (expected another folder name)"),
]


@pytest.mark.parametrize(("page", "message"), REFUSED_PAGES, ids=[p for p, _ in REFUSED_PAGES])
def test_page_refused_with_one_line_and_nothing_written(tree, page, message):
    before = files_of(tree)
    result = new(tree, "--page", page)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message + "\n")
    assert files_of(tree) == before


# --- contacts ----------------------------------------------------------------------------------

def test_new_contact_loads_and_is_not_published(tree):
    result = new(tree, "--contact", "duong-day-moi", "--agency", "don-vi-thu", lang="vi")
    assert result.returncode == 0, result.stderr
    text = (tree / "content/contacts.yml").read_text(encoding="utf-8")
    assert text.endswith(
        "  verified: false\n"
        "# MỚI, CHƯA ĐĂNG: thay các chữ VIẾT … Ở ĐÂY / WRITE … HERE và số 111 (chỉ để giữ chỗ) "
        "bằng thông tin thật, bằng tiếng Việt và tiếng Anh; khi đã đối chiếu với nguồn chính "
        "thức, ghi verified_on và sources rồi đổi verified thành true, rồi xoá dòng ghi chú "
        "này.\n"
        "- id: duong-day-moi\n"
        "  agency: don-vi-thu\n"
        '  name: {vi: "VIẾT TÊN Ở ĐÂY", en: "WRITE THE NAME HERE"}\n'
        "  channel: voice\n"
        '  number: "111"\n'
        '  description: {vi: "VIẾT MÔ TẢ Ở ĐÂY", en: "WRITE WHAT IT IS FOR HERE"}\n'
        '  audience: {vi: "VIẾT AI NÊN GỌI Ở ĐÂY", en: "WRITE WHO IT IS FOR HERE"}\n'
        "  verified: false\n"
        "  # verified_on: YYYY-MM-DD   (ngày đối chiếu với nguồn)\n"
        "  # sources: [ma-nguon]       (mã nguồn trong content/sources/)\n"
        "  # cost: free                (chỉ khi có nguồn nói về chi phí cuộc gọi)\n"
        "  # cost_sources: [ma-nguon]  (mã các nguồn nói về chi phí đó)\n")
    content = load_content(tree)
    contact = content.contacts["duong-day-moi"]
    assert not contact.published
    assert contact.line == 25
    assert [c.id for c in content.published_contacts()] == ["duong-day-thu"]
    assert result.stdout.startswith("Đã thêm liên hệ duong-day-moi vào cuối content/contacts.yml "
                                    "(dòng 25), với verified: false: nó chưa được đăng.\n")
    assert "Added contact" not in result.stdout


def test_new_contact_covers_every_field_the_schema_requires(tree):
    new(tree, "--contact", "duong-day-moi", "--agency", "don-vi-thu")
    record = yaml.safe_load((tree / "content/contacts.yml").read_text(encoding="utf-8"))[-1]
    required = schema("contact")["$defs"]["contact"]["required"]
    assert set(required) <= set(record)
    assert record["verified"] is False
    assert "verified_on" not in record and "sources" not in record


def test_verifying_the_contact_asks_for_date_and_sources(tree):
    new(tree, "--contact", "duong-day-moi", "--agency", "don-vi-thu")
    path = tree / "content/contacts.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("  verified: false")] + "  verified: true\n",
                    encoding="utf-8")
    assert problems_of(tree) == [
        "content/contacts.yml:25: duong-day-moi/sources: this field is missing (expected ids of "
        "the sources that confirm the number and what it is for)",
        "content/contacts.yml:25: duong-day-moi/verified_on: this field is missing (expected "
        "the date someone last checked the details against the sources, YYYY-MM-DD, e.g. "
        "2026-11-29)",
    ]


def test_a_known_number_is_written_as_given(tree):
    result = new(tree, "--contact", "duong-day-moi", "--agency", "don-vi-thu",
                 "--number", "0912 345 678")
    assert result.returncode == 0, result.stderr
    assert '  number: "0912 345 678"\n' in (tree / "content/contacts.yml").read_text("utf-8")
    assert "số 111" not in result.stdout
    assert load_content(tree).contacts["duong-day-moi"].phone.tel == "+84912345678"


FORMER = ("- id: don-vi-cu\n  name: {vi: Đơn vị cũ, en: Former agency}\n"
          "  successor: don-vi-thu\n  sources: [nguon-thu]\n")
AGENCIES = "content/agencies.yml"
REFUSED_CONTACTS = [
    (["--contact", "duong-day-thu", "--agency", "don-vi-thu"],
     "content/contacts.yml:1: duong-day-thu/id: this id is already used (expected a new id)"),
    (["--contact", "Duong day", "--agency", "don-vi-thu"],
     "content/contacts.yml: the id 'Duong day' is not in the right form (expected lower case "
     "letters without diacritics, digits and hyphens, e.g. so-y-te-tu-van)"),
    (["--contact", "duong-day-moi"],
     f"{AGENCIES}: a new contact needs AGENCY=<id> (expected one of: don-vi-thu)"),
    (["--contact", "duong-day-moi", "--agency", "so-y-te"],
     f"{AGENCIES}: there is no agency 'so-y-te' (expected one of: don-vi-thu)"),
    (["--contact", "duong-day-moi", "--agency", "don-vi-cu"],
     f"{AGENCIES}: agency 'don-vi-cu' no longer exists; its work moved to 'don-vi-thu' "
     "(expected one of: don-vi-thu)"),
    (["--contact", "duong-day-moi", "--agency", "don-vi-thu", "--number", "1234"],
     "content/contacts.yml: duong-day-moi/number: '1234' is not a Vietnamese short code "
     "(expected a Vietnamese short code such as 111, or a full number such as +84 981 84 84 84)"),
    ([], "make new: nothing to create (expected PAGE=chinh-sach/ten-trang, CONTACT=<id> "
         "AGENCY=<agency-id> or EDITION=<id> AGENCY=<agency-id>)"),
    (["--page", "moi", "--contact", "moi"],
     "make new: one thing at a time (expected PAGE=chinh-sach/ten-trang, CONTACT=<id> "
     "AGENCY=<agency-id> or EDITION=<id> AGENCY=<agency-id>)"),
]


@pytest.mark.parametrize(("args", "message"), REFUSED_CONTACTS,
                         ids=[m.split(": ", 1)[1][:40] for _, m in REFUSED_CONTACTS])
def test_contact_refused_with_one_line_and_nothing_written(tree, args, message):
    with (tree / AGENCIES).open("a", encoding="utf-8") as agencies:
        agencies.write(FORMER)
    before = files_of(tree)
    result = new(tree, *args)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message + "\n")
    assert files_of(tree) == before


# --- editions ----------------------------------------------------------------------------------

def test_new_edition_loads_and_builds(tree):
    result = new(tree, "--edition", "don-vi-moi", "--agency", "don-vi-thu")
    assert result.returncode == 0, result.stderr
    assert (tree / "content/editions/don-vi-moi.yml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/edition.schema.json\n"
        "# Ấn bản don-vi-moi: thay site_url bằng địa chỉ thật nơi ấn bản được đăng; xem lại name, "
        'sections, contacts_first (README.md, phần "Your edition").\n'
        "agency: don-vi-thu\n"
        "site_url: https://example.gov.vn/ho-tro/   # THAY BẰNG ĐỊA CHỈ THẬT, kết thúc bằng /\n"
        'name: {vi: "Trang thử nghiệm - Đơn vị thử nghiệm", en: "Test site - Test agency"}\n'
        "sections: all\n"
        "contacts_first: [duong-day-thu]\n"  # this tree has no 111 line: its first published one
        "quick_exit: https://www.google.com.vn/\n")
    edition = load_content(tree).editions["don-vi-moi"]
    assert "canonical" not in edition.data
    assert result.stdout.endswith("3. Run make check, then make site EDITION=don-vi-moi.\n")
    built = run_build(tree / "mkdocs.yml", tree / "site", args=["--edition", "don-vi-moi"])
    assert built.returncode == 0, built.stderr
    assert (tree / "site/don-vi-moi/en/index.html").is_file()


@pytest.mark.parametrize(("args", "message"), [
    (["--edition", "thu", "--agency", "don-vi-thu"],
     "content/editions/thu.yml: this edition already exists (expected a new id; to change it, "
     "edit this file)"),
    (["--edition", "Don_vi", "--agency", "don-vi-thu"],
     "content/editions/Don_vi.yml: the id 'Don_vi' is not in the right form (expected lower case "
     "letters without diacritics, digits and hyphens, e.g. so-y-te-ca-mau)"),
    (["--edition", "don-vi-moi", "--agency", "khong-co"],
     f"{AGENCIES}: there is no agency 'khong-co' (expected one of: don-vi-thu)"),
])
def test_edition_refused_with_one_line_and_nothing_written(tree, args, message):
    before = files_of(tree)
    result = new(tree, *args)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message + "\n")
    assert files_of(tree) == before


def test_on_the_real_content_contact_and_edition_load(tmp_path):
    """The real province's files: a new contact stays unpublished, a new edition puts 111 first."""
    root = tmp_path / "real"
    for folder in ("content", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "scripts").symlink_to(REPO / "scripts")
    assert new(root, "--contact", "so-y-te-tu-van", "--agency", "so-y-te-ca-mau").returncode == 0
    assert new(root, "--edition", "so-y-te-moi", "--agency", "so-y-te-ca-mau").returncode == 0
    content = load_content(root)
    assert not content.contacts["so-y-te-tu-van"].published
    edition = content.editions["so-y-te-moi"]
    assert edition["contacts_first"] == ["hotline-111"]
    assert edition["name"] == {
        "vi": "Hỗ trợ nạn nhân bị mua bán người - Sở Y tế tỉnh Cà Mau",
        "en": "Support for victims of human trafficking - Cà Mau Provincial Department of Health"}


# --- through make, as an editor types it ---------------------------------------------------------

def test_make_new_passes_each_value_to_the_script():
    dry = subprocess.run(["make", "-n", "new", "CONTACT=so-y-te-tu-van", "AGENCY=so-y-te-ca-mau",
                          "NUMBER=0290 3831 234"], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout
    assert ('-m hotro.editors.new_content  --contact "so-y-te-tu-van"  --agency "so-y-te-ca-mau" '
            '--number "0290 3831 234"') in dry
    dry = subprocess.run(["make", "-n", "new", "PAGE=chinh-sach/ten-trang"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    assert '-m hotro.editors.new_content --page "chinh-sach/ten-trang"' in dry


def test_make_new_in_a_content_tree(tree):
    shutil.copy(REPO / "Makefile", tree / "Makefile")
    (tree / ".venv").symlink_to(REPO / ".venv")
    make = ["make", "--no-print-directory", "-o", ".venv/.site-deps", "new"]
    env = {k: v for k, v in os.environ.items() if k != "MESSAGES"} | {"LANG": "C.UTF-8"}
    made = subprocess.run([*make, "PAGE=huong-dan/buoc-hai"], cwd=tree, capture_output=True,
                          text=True, check=False, env=env)  # MESSAGES=vi: make's default
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Đã tạo docs/huong-dan/buoc-hai.vi.md")
    again = subprocess.run([*make, "PAGE=huong-dan/buoc-hai", "MESSAGES=en"], cwd=tree,
                           capture_output=True, text=True, check=False, env=env)
    assert again.returncode != 0
    assert again.stderr.splitlines()[0] == (
        "docs/huong-dan/buoc-hai.vi.md: this page already exists (expected a name no page uses "
        "yet; to change the page, edit this file)")
    in_vietnamese = subprocess.run([*make, "PAGE=huong-dan/buoc-hai"], cwd=tree,
                                   capture_output=True, text=True, check=False, env=env)
    assert in_vietnamese.stderr.splitlines()[0] == (
        "docs/huong-dan/buoc-hai.vi.md: trang này đã có (cần một tên chưa trang nào dùng; để "
        "sửa trang, hãy sửa tệp này)")


def test_messages_quoted_in_the_editors_guide_are_the_real_ones(tree):
    guide = (REPO / "EDITORS.md").read_text(encoding="utf-8")
    refused = new(REPO, "--page", "bao-tin")  # refused before anything is written
    assert refused.returncode == 1
    assert guide.count(f"\n{refused.stderr}") == 2  # once per language
    new(tree, "--page", "chinh-sach/ten-trang")
    described = f"docs/chinh-sach/ten-trang.vi.md:2: {DESCRIBE}"
    assert described in problems_of(tree)
    assert guide.count(f"\n{described}\n") == 2
