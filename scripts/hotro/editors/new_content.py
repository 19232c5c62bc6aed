"""`make new`: start a page pair, a contact or an edition from the schemas, ready to fill in.

    python scripts/new_content.py --page chinh-sach/ten-trang
    python scripts/new_content.py --contact so-y-te-tu-van --agency so-y-te-ca-mau [--number N]
    python scripts/new_content.py --edition so-y-te-moi --agency so-y-te-ca-mau

What it writes loads with the content loader, yet nothing unchecked reaches readers: a page's
description is left empty (the schema's minLength, so `make check` names the line until it is
written), and a contact is `verified: false` (never published). A mistake in the request is one
line, `file: problem (expected …)`, and exit status 1; nothing is written then.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from hotro.load.yaml_source import load_yaml_file, parse_yaml
from hotro.model import paths
from hotro.model.phones import EXPECTED as PHONE_EXPECTED
from hotro.model.phones import PhoneError, parse_phone
from hotro.model.problems import ContentError, Problem
from hotro.model.yaml_doc import YamlDoc

SCHEMAS = paths.SCHEMAS
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_EXPECTED = "lower case letters without diacritics, digits and hyphens"
RESERVED = ("en", "embed", "data", "assets")  # top-level folders the build itself makes
REVIEW_MONTHS = 6
HOTLINE = "hotline-111"  # the national hotline: an edition's first contact unless it is missing
QUICK_EXIT = "https://www.google.com.vn/"
SITE_URL = "https://example.gov.vn/ho-tro/"
PLACEHOLDER_NUMBER = "111"  # a stand-in that, if ever published by mistake, still reaches help
TITLE = {"vi": "Tiêu đề", "en": "Title"}
SECTION = {"vi": "Tên mục", "en": "Section name"}


class Refused(Exception):
    """The request cannot be carried out; the Problem says why in one line."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def refuse(file: str, problem: str, expected: str, where: str = "", line: int = 0) -> Refused:
    return Refused(Problem(file, line, where, problem, expected))


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


# --- dates -------------------------------------------------------------------------------------

def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


# --- pages -------------------------------------------------------------------------------------

FRONT_VALUES = {
    "vi": {
        "description": '""   # VIẾT MÔ TẢ Ở ĐÂY: một câu nói trang này để làm gì',
        "sources": "[]   # mã nguồn trong content/sources/, ví dụ [tienphong-2025-09-19-111]",
    },
    "en": {
        "description": '""   # WRITE THE DESCRIPTION HERE: one sentence on what this page is for',
        "sources": "[]   # the same source ids as the Vietnamese page",
    },
}


def page_slug(raw: str) -> str:
    """'chinh-sach/ten-trang' from what the editor typed, or Refused."""
    text = raw.strip().removeprefix("docs/")
    parts = text.split("/")
    if not text or text.startswith("/") or ".." in parts or ":" in text or "\\" in text:
        raise refuse(raw or "PAGE", "this is not a page inside docs/",
                     "a path inside docs/ such as chinh-sach/ten-trang")
    for part in parts:
        if not ID.match(part):
            raise refuse(f"docs/{text}", f"{part!r} is not in the right form",
                         f"{ID_EXPECTED}, without .vi.md, e.g. chinh-sach/ten-trang")
    if parts[0] in RESERVED:
        raise refuse(f"docs/{text}", f"{parts[0]!r} is a name the site uses for itself",
                     "a name other than " + ", ".join(RESERVED))
    return text


def check_page_is_new(docs: Path, slug: str) -> None:
    for lang in ("vi", "en"):
        if (docs / f"{slug}.{lang}.md").exists():
            raise refuse(f"docs/{slug}.{lang}.md", "this page already exists",
                         "a name no page uses yet; to change the page, edit this file")
    if (docs / slug).is_dir():
        raise refuse(f"docs/{slug}.vi.md", f"docs/{slug}/ is already a section at this address",
                     f"another name, or {slug}/<name> for a page in that section")
    parts = slug.split("/")
    for end in range(1, len(parts)):
        folder = "/".join(parts[:end])
        if (docs / f"{folder}.vi.md").exists():
            raise refuse(f"docs/{slug}.vi.md", f"the page docs/{folder}.vi.md already has the "
                         f"address {folder}/", "another folder name")


def page_text(lang: str, today: dt.date) -> str:
    """A page with every field page.schema.json requires, and a heading to replace."""
    values = {"reviewed": today.isoformat(),
              "review_by": add_months(today, REVIEW_MONTHS).isoformat(), **FRONT_VALUES[lang]}
    lines = ["---"]
    for name in schema("page")["required"]:
        lines.append(f"{name}: {values.get(name, '')}".rstrip())
    note = ("<!-- Viết nội dung trang ở đây. -->" if lang == "vi"
            else "<!-- Write the page here. -->")
    return "\n".join([*lines, "---", "", f"# {TITLE[lang]}", "", note, ""])


@dataclass(frozen=True)
class Paste:
    """Lines to paste into mkdocs.yml right below an existing line."""

    line: int     # the existing line's number
    after: str    # its text, without the spaces in front
    text: str     # what to paste, with its spaces in front


def top_blocks(text: str) -> dict[str, tuple[int, str]]:
    """Each top-level key of a YAML file: (first line number, its block's text)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if re.match(r"[A-Za-z_][\w-]*:", line)]
    blocks = {}
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        blocks[lines[start].split(":", 1)[0]] = (start, "\n".join(lines[start:end]))
    return blocks


def _block(mkdocs_text: str, key: str) -> YamlDoc | None:
    start, text = top_blocks(mkdocs_text).get(key, (0, ""))
    return parse_yaml(text, "mkdocs.yml", line_offset=start) if text else None


def _last_line(doc: YamlDoc, prefix: tuple) -> int:
    return max(line for path, line in doc.lines.items() if path[: len(prefix)] == prefix) \
        + doc.line_offset


def _indent(lines: list[str], number: int) -> str:
    line = lines[number - 1]
    return line[: len(line) - len(line.lstrip())]


def _siblings(items: list, path: tuple, folder: str) -> tuple | None:
    """The nav path of the last page of `folder`, to put the new page after it."""
    last = None
    for i, item in enumerate(items):
        target = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(target, str) and target.rpartition("/")[0] == folder:
            last = (*path, i)
        elif isinstance(target, list) and last is None:
            last = _siblings(target, (*path, i, next(iter(item))), folder)
    return last


def nav_pastes(mkdocs_text: str, slug: str) -> tuple[Paste | None, Paste | None]:
    """Where the new page goes in nav:, and its English title in nav_translations.

    After the last page of the same folder; a page at the top, or in a new folder (as a new
    section), goes at the end of nav:.
    """
    lines = mkdocs_text.split("\n")
    nav = _block(mkdocs_text, "nav")
    if nav is None or not isinstance(nav.data.get("nav"), list) or not nav.data["nav"]:
        return None, None
    folder = slug.rpartition("/")[0]
    sibling = _siblings(nav.data["nav"], ("nav",), folder) if folder else None
    after = _last_line(nav, sibling or ("nav",))
    indent = _indent(lines, nav.line_of(sibling or ("nav", 0)))
    titles = [TITLE]
    entry = f"{indent}- {TITLE['vi']}: {slug}.md"
    if folder and sibling is None:  # a new folder: a new section for it
        titles = [SECTION, TITLE]
        entry = f"{indent}- {SECTION['vi']}:\n{indent}    - {TITLE['vi']}: {slug}.md"
    return (Paste(after, lines[after - 1].strip(), entry),
            _translations_paste(mkdocs_text, lines, titles))


def _translations_paste(mkdocs_text: str, lines: list[str], titles: list[dict]) -> Paste | None:
    plugins = _block(mkdocs_text, "plugins")
    i18n = ((plugins.data or {}).get("plugins") or {}).get("i18n") if plugins else None
    for i, language in enumerate((i18n or {}).get("languages") or []):
        names = language.get("nav_translations") if isinstance(language, dict) else None
        if names:
            path = ("plugins", "i18n", "languages", i, "nav_translations")
            after = _last_line(plugins, path)
            indent = _indent(lines, plugins.line_of((*path, next(iter(names)))))
            text = "\n".join(f"{indent}{t['vi']}: {t['en']}" for t in titles)
            return Paste(after, lines[after - 1].strip(), text)
    return None


PAGE_STEPS = {
    "vi": {
        "head": "Đã tạo docs/{slug}.vi.md và docs/{slug}.en.md.\n\nViệc cần làm tiếp:",
        "fill": "1. Trong mỗi tệp: viết một câu vào description (giữa hai dấu \"\"), thay dòng "
                "\"# {vi}\" / \"# {en}\" bằng tiêu đề trang, viết nội dung, và ghi mã nguồn vào "
                "sources (giống nhau ở hai tệp). Khi description còn trống, make check còn báo "
                "lỗi. Nếu chưa dịch được, hãy xoá tệp .en.md: trang tiếng Việt sẽ hiện ở /en/ kèm "
                "thông báo chưa dịch.",
        "nav": "2. Mở mkdocs.yml, tìm dòng \"{after}\" (dòng {line}) trong nav: và dán ngay bên "
               "dưới nó (giữ nguyên các dấu cách ở đầu dòng):",
        "names": "3. Cũng trong mkdocs.yml, tìm dòng \"{after}\" (dòng {line}) trong "
                 "nav_translations: và dán ngay bên dưới nó:",
        "titles": "   Ở các dòng vừa dán, thay \"{vi}\" bằng tiêu đề tiếng Việt của trang và "
                  "\"{en}\" bằng tiêu đề tiếng Anh",
        "section": "; \"{section_vi}\" và \"{section_en}\" là tên của mục mới",
        "end": "4. Chạy make check, rồi make serve để xem trang. Khi bản tiếng Anh đã khớp với "
               "bản tiếng Việt, chạy make translated ONLY={slug}.",
    },
    "en": {
        "head": "Next steps:",
        "fill": "1. In each file: write one sentence as the description (between the quotes "
                "\"\"), replace the line \"# {vi}\" / \"# {en}\" with the page's title, write "
                "the page, and list the source ids in sources (the same in both files). make "
                "check reports the page until the description is written. If the English can't "
                "be written yet, delete the .en.md file: the Vietnamese page is shown under /en/ "
                "with a \"not yet translated\" notice.",
        "nav": "2. Open mkdocs.yml, find the line \"{after}\" (line {line}) under nav: and "
               "paste right below it (keep the spaces at the start of the line):",
        "names": "3. Also in mkdocs.yml, find the line \"{after}\" (line {line}) under "
                 "nav_translations: and paste right below it:",
        "titles": "   In the pasted lines, replace \"{vi}\" with the page's Vietnamese title "
                  "and \"{en}\" with its English title",
        "section": "; \"{section_vi}\" and \"{section_en}\" name the new section",
        "end": "4. Run make check, then make serve to look at the page. Once the English "
               "matches the Vietnamese, run make translated ONLY={slug}.",
    },
}


def page_steps(slug: str, nav: Paste | None, names: Paste | None) -> str:
    """What to do next, in Vietnamese then in English, with the exact lines to paste."""
    return "\n\n".join(_steps(PAGE_STEPS[lang], slug, nav, names) for lang in ("vi", "en"))


def _steps(text: dict[str, str], slug: str, nav: Paste | None, names: Paste | None) -> str:
    words = {"slug": slug, "vi": TITLE["vi"], "en": TITLE["en"],
             "section_vi": SECTION["vi"], "section_en": SECTION["en"]}
    lines = [text["head"].format(**words), text["fill"].format(**words)]
    for key, paste in (("nav", nav), ("names", names)):
        if paste:
            lines += [text[key].format(after=paste.after, line=paste.line), "", paste.text, ""]
    new_section = nav is not None and f"- {SECTION['vi']}:" in nav.text
    lines.append(text["titles"].format(**words)
                 + (text["section"].format(**words) if new_section else "") + ".")
    lines.append(text["end"].format(**words))
    return "\n".join(lines)


def new_page(root: Path, raw: str, today: dt.date) -> str:
    slug = page_slug(raw)
    docs = root / "docs"
    check_page_is_new(docs, slug)
    for lang in ("vi", "en"):
        path = docs / f"{slug}.{lang}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_text(lang, today), encoding="utf-8")
    config = root / "mkdocs.yml"
    pastes = nav_pastes(config.read_text(encoding="utf-8"), slug) if config.is_file() else (
        None, None)
    return page_steps(slug, *pastes)


# --- contacts and editions ---------------------------------------------------------------------

CONTACTS = "content/contacts.yml"
AGENCIES = "content/agencies.yml"


def read_records(root: Path, rel: str) -> list[tuple[dict, int]]:
    """(record, line) for each record of a list file; a missing or broken file is Refused."""
    if not (root / rel).is_file():
        raise refuse(rel, "the file is missing", "the project folder, with content/ in it")
    try:
        doc = load_yaml_file(root / rel, rel)
    except ContentError as err:
        raise Refused(err.problems[0]) from None
    items = doc.data if isinstance(doc.data, list) else []
    return [(item, doc.line_of((i,))) for i, item in enumerate(items) if isinstance(item, dict)]


def new_id(raw: str, file: str, example: str) -> str:
    if not ID.match(raw):
        raise refuse(file, f"the id {raw!r} is not in the right form",
                     f"{ID_EXPECTED}, e.g. {example}")
    return raw


def current_agency(root: Path, agency: str | None, kind: str) -> dict:
    """The record of an agency that exists today, or Refused with the ids to choose from."""
    records = {r.get("id"): r for r, _ in read_records(root, AGENCIES)}
    current = ", ".join(sorted(i for i, r in records.items() if not r.get("successor")))
    if not agency:
        raise refuse(AGENCIES, f"a new {kind} needs AGENCY=<id>", f"one of: {current}")
    if agency not in records:
        raise refuse(AGENCIES, f"there is no agency {agency!r}", f"one of: {current}")
    if records[agency].get("successor"):
        raise refuse(AGENCIES, f"agency {agency!r} no longer exists; its work moved to "
                     f"{records[agency]['successor']!r}", f"one of: {current}")
    return records[agency]


def _voice_fields() -> list[str]:
    """Fields contact.schema.json requires of every contact, then those a phone line needs."""
    contact = schema("contact")["$defs"]["contact"]
    extra = [name for rule in contact.get("allOf", [])
             if "voice" in _channels(rule.get("if", {})) for name in rule["then"]["required"]]
    required = list(contact["required"])
    at = required.index("channel") + 1 if "channel" in required else len(required)
    return [*required[:at], *(e for e in extra if e not in required), *required[at:]]


def _channels(condition: dict) -> list[str]:
    channel = condition.get("properties", {}).get("channel", {})
    return channel.get("enum", [channel.get("const")])


def contact_entry(cid: str, agency: str, number: str | None) -> str:
    values = {
        "id": cid, "agency": agency,
        "name": '{vi: "VIẾT TÊN Ở ĐÂY", en: "WRITE THE NAME HERE"}',
        "channel": "voice",
        "number": json.dumps(number or PLACEHOLDER_NUMBER, ensure_ascii=False),
        "description": '{vi: "VIẾT MÔ TẢ Ở ĐÂY", en: "WRITE WHAT IT IS FOR HERE"}',
        "audience": '{vi: "VIẾT AI NÊN GỌI Ở ĐÂY", en: "WRITE WHO IT IS FOR HERE"}',
        "cost": "unknown", "verified": "false",
    }
    fill = "các chữ VIẾT … Ở ĐÂY / WRITE … HERE" + (
        "" if number else f" và số {PLACEHOLDER_NUMBER} (chỉ để giữ chỗ)")
    lines = [f"# MỚI, CHƯA ĐĂNG: thay {fill} bằng thông tin thật, bằng tiếng Việt và tiếng Anh; "
             "khi đã đối chiếu với nguồn chính thức, ghi verified_on và sources rồi đổi verified "
             "thành true, rồi xoá dòng ghi chú này."]
    for i, name in enumerate(_voice_fields()):
        lines.append(f"{'- ' if i == 0 else '  '}{name}: {values.get(name, '')}".rstrip())
    lines += ["  # verified_on: YYYY-MM-DD   (ngày đối chiếu với nguồn)",
              "  # sources: [ma-nguon]       (mã nguồn trong content/sources/)"]
    return "\n".join(lines) + "\n"


def checked_number(cid: str, number: str | None) -> str | None:
    if number is None:
        return None
    try:
        parse_phone(number)
    except PhoneError as err:
        raise refuse(CONTACTS, str(err), PHONE_EXPECTED, where=f"{cid}/number") from None
    return number.strip()


def new_contact(root: Path, raw_id: str, agency: str | None, number: str | None) -> str:
    cid = new_id(raw_id, CONTACTS, "so-y-te-tu-van")
    for record, line in read_records(root, CONTACTS):
        if record.get("id") == cid:
            raise refuse(CONTACTS, "this id is already used", "a new id", f"{cid}/id", line)
    agency = current_agency(root, agency, "contact")["id"]
    number = checked_number(cid, number)
    path = root / CONTACTS
    text = path.read_text(encoding="utf-8")
    text += "" if not text or text.endswith("\n") else "\n"
    line = text.count("\n") + 2
    path.write_text(text + contact_entry(cid, agency, number), encoding="utf-8")
    return contact_steps(cid, line, number is None)


def contact_steps(cid: str, line: int, placeholder_number: bool) -> str:
    number_vi = f", và thay số {PLACEHOLDER_NUMBER}" if placeholder_number else ""
    number_en = f", and replace the number {PLACEHOLDER_NUMBER}" if placeholder_number else ""
    return "\n".join([
        f"Đã thêm liên hệ {cid} vào cuối {CONTACTS} (dòng {line}), với verified: false: nó chưa "
        "được đăng.",
        f"1. Viết tên, mô tả và ai nên gọi bằng tiếng Việt và tiếng Anh{number_vi}. Nếu không phải "
        "số điện thoại, đổi channel (sms, email, zalo, web) và ghi email hoặc url.",
        "2. Chỉ khi đã đối chiếu với một nguồn chính thức: ghi verified_on (ngày kiểm tra), "
        "sources (mã nguồn trong content/sources/) rồi đổi verified thành true.",
        "3. Chạy make check.", "",
        f"Added contact {cid} at the end of {CONTACTS} (line {line}), with verified: false: it is "
        "not published.",
        f"1. Write the name, what it is for and who should call, in Vietnamese and English"
        f"{number_en}. For a line that is not a phone number, change channel (sms, email, zalo, "
        "web) and add email or url.",
        "2. Only once you have checked it against an official source: set verified_on (the date "
        "you checked), sources (ids from content/sources/), then change verified to true.",
        "3. Run make check.",
    ])


def edition_defaults(root: Path, agency: dict) -> tuple[dict, str]:
    """The site name, as the agency editions write it (the joint name - the agency), and the
    contact to show first: the national hotline, unless this content has no such contact."""
    name = {"vi": "VIẾT TÊN TRANG Ở ĐÂY", "en": "WRITE THE SITE NAME HERE"}
    for path in sorted((root / "content" / "editions").glob("*.yml")):
        data = load_yaml_file(path, path.name).data
        if isinstance(data, dict) and data.get("canonical") and isinstance(data.get("name"), dict):
            agency_name = agency.get("name") or {}
            name = {lang: f"{text} - {agency_name.get(lang, agency_name.get('vi', ''))}"
                    for lang, text in data["name"].items()}
    published = [r.get("id") for r, _ in read_records(root, CONTACTS) if r.get("verified")]
    return name, HOTLINE if HOTLINE in published or not published else published[0]


def edition_text(eid: str, agency: str, name: dict, first: str) -> str:
    values = {
        "agency": agency,
        "site_url": f"{SITE_URL}   # THAY BẰNG ĐỊA CHỈ THẬT, kết thúc bằng /",
        "name": "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}"
                                for k, v in name.items()) + "}",
        "sections": "all", "contacts_first": f"[{first}]", "quick_exit": QUICK_EXIT,
    }
    lines = ["# yaml-language-server: $schema=../schemas/edition.schema.json",
             f"# Ấn bản {eid}: thay site_url bằng địa chỉ thật nơi ấn bản được đăng; xem lại name, "
             "sections, contacts_first (README.md, phần \"Your edition\")."]
    lines += [f"{n}: {values.get(n, '')}".rstrip() for n in schema("edition")["required"]]
    return "\n".join(lines) + "\n"


def new_edition(root: Path, raw_id: str, agency: str | None) -> str:
    rel = f"content/editions/{raw_id}.yml"
    eid = new_id(raw_id, rel, "so-y-te-ca-mau")
    if (root / rel).exists():
        raise refuse(rel, "this edition already exists", "a new id; to change it, edit this file")
    record = current_agency(root, agency, "edition")
    name, first = edition_defaults(root, record)
    (root / rel).write_text(edition_text(eid, record["id"], name, first), encoding="utf-8")
    return "\n".join([
        f"Đã tạo {rel}.",
        f"1. Thay site_url ({SITE_URL}) bằng địa chỉ thật nơi ấn bản được đăng, kết thúc bằng /.",
        "2. Xem lại name, sections, contacts_first và quick_exit; logo, colours và "
        "embed_portals là tuỳ chọn.",
        f"3. Chạy make check, rồi make site EDITION={eid}.", "",
        f"Created {rel}.",
        f"1. Replace site_url ({SITE_URL}) with the real address the edition is served from, "
        "ending with /.",
        "2. Check name, sections, contacts_first and quick_exit; logo, colours and embed_portals "
        "are optional.",
        f"3. Run make check, then make site EDITION={eid}.",
    ])


# --- command line ------------------------------------------------------------------------------

USAGE = ("PAGE=chinh-sach/ten-trang, CONTACT=<id> AGENCY=<agency-id> or "
         "EDITION=<id> AGENCY=<agency-id>")


def run(args: argparse.Namespace) -> str:
    chosen = [k for k in ("page", "contact", "edition") if getattr(args, k) is not None]
    if len(chosen) != 1:
        problem = "nothing to create" if not chosen else "one thing at a time"
        raise refuse("make new", problem, USAGE)
    root = Path(args.root).resolve()
    if args.page is not None:
        return new_page(root, args.page, args.today)
    if args.contact is not None:
        return new_contact(root, args.contact, args.agency, args.number)
    return new_edition(root, args.edition, args.agency)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", help="a page pair, e.g. chinh-sach/ten-trang")
    parser.add_argument("--contact", help="a contact id for content/contacts.yml")
    parser.add_argument("--edition", help="an edition id for content/editions/")
    parser.add_argument("--agency", help="the agency id (contacts and editions)")
    parser.add_argument("--number", help="the contact's phone number, when known")
    parser.add_argument("--root", default=".", help="the project folder")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    try:
        print(run(args))
    except Refused as err:
        print(err.problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
