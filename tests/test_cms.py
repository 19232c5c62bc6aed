"""The web editor (Decap CMS, `make cms`): its config made from the schemas, and real edits in
Debian's Chromium through decap-server, checked on disk and with `make check`."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from helpers import REPO, copy_real_tree, free_port, require_installed
from hotro.checks.validated import load_content
from hotro.editors import cms, cms_config
from hotro.editors.cms_config import Schema, decap_field

BACKEND = "http://127.0.0.1:8081/api/v1"
NEW_ENGLISH = "Call an ambulance when someone is badly hurt, seriously ill or unconscious."
POLICY_PAGE = "chinh-sach/luat-53-2024-qh15"


@pytest.fixture(scope="module")
def config() -> dict:
    return cms_config.build_config(REPO, BACKEND)


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def items_field(config: dict, name: str) -> dict:
    (file,) = collection(config, name)["files"]
    (items,) = file["fields"]
    return items


def by_name(fields: list[dict]) -> dict[str, dict]:
    return {f["name"]: f for f in fields}


def test_collections_are_pages_contacts_and_agencies(config):
    assert [c["name"] for c in config["collections"]] == ["pages", "contacts", "agencies"]
    assert config["backend"] == {"name": "proxy", "proxy_url": BACKEND, "branch": "main"}
    assert collection(config, "contacts")["files"][0]["file"] == "content/contacts.yml"
    assert collection(config, "agencies")["files"][0]["file"] == "content/agencies.yml"
    assert yaml.safe_load(cms_config.config_yaml(config)) == config


@pytest.mark.parametrize(("name", "entity"), [("contacts", "contact"), ("agencies", "agency")])
def test_every_schema_property_is_a_field_with_its_title_and_description(config, name, entity):
    schema = cms_config.load_schemas(REPO)[f"{entity}.schema.json"]
    record = schema["$defs"][entity]
    items = items_field(config, name)
    assert items["widget"] == "list" and items["label_singular"] == record["title"]
    fields = by_name(items["fields"])
    assert list(fields) == list(record["properties"])  # also the order the file is written in
    for key, prop in record["properties"].items():
        assert fields[key]["label"] == prop["title"]
        assert fields[key]["hint"] == prop["description"]
        assert fields[key]["required"] == (key in record["required"])


def test_text_in_two_languages_is_an_object_of_vi_and_en(config):
    fields = by_name(items_field(config, "contacts")["fields"])
    for key, box in [("name", "string"), ("description", "text"), ("short_name", "string")]:
        assert fields[key]["widget"] == "object"
        assert [(f["name"], f["widget"]) for f in fields[key]["fields"]] == [("vi", box),
                                                                            ("en", box)]
    assert all(f["required"] for f in fields["name"]["fields"])  # required text: both languages
    assert not any(f["required"] for f in fields["short_name"]["fields"])  # optional text
    assert fields["hours"]["widget"] == "object"  # "24/7" or a text: admin.js maps the word
    assert cms_config.text_constants(cms_config.load_schemas(REPO)) == {"hours": "24/7"}


def test_pages_are_edited_as_vietnamese_and_english_files_side_by_side(config):
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["vi", "en"],
                              "default_locale": "vi"}
    pages = collection(config, "pages")
    assert (pages["folder"], pages["extension"], pages["i18n"]) == ("docs", "md", True)
    assert pages["nested"]["depth"] >= 2  # chinh-sach/, gioi-thieu/, duong-day-nong/
    fields = by_name(pages["fields"])
    assert fields["description"]["i18n"] is True and fields["sources"]["i18n"] == "duplicate"
    assert fields["reviewed"]["i18n"] is True  # each file keeps its own; nothing overwritten
    policy = by_name(fields["policy"]["fields"])
    assert policy["id"]["i18n"] == policy["source_url"]["i18n"] == "duplicate"
    assert policy["summary"]["i18n"] is True
    body = fields["body"]  # as in the file: rich text would rewrite admonitions and markers
    assert (body["widget"], body["modes"], body["i18n"]) == ("markdown", ["raw"], True)
    assert "tienphong-2025-09-19-111" in fields["sources"]["options"]  # picked, not typed


@pytest.mark.parametrize(("prop", "expected"), [
    ({"type": "string"}, {"widget": "string"}),
    ({"type": "string", "examples": ["One sentence."]}, {"widget": "text"}),
    ({"type": "string", "format": "date"},
     {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False,
      "format": "YYYY-MM-DD"}),
    ({"type": "boolean"}, {"widget": "boolean"}),
    ({"type": "integer"}, {"widget": "number", "value_type": "int"}),
    ({"enum": ["a", "b"]}, {"widget": "select", "options": ["a", "b"]}),
    ({"type": "array", "items": {"enum": ["a"]}},
     {"widget": "select", "multiple": True, "options": ["a"]}),
    ({"type": "array", "items": {"$ref": "common.schema.json#/$defs/id"}}, {"widget": "list"}),
    ({"$ref": "common.schema.json#/$defs/url"},
     {"widget": "string", "pattern": [r"^https?://[^\s/$.?#][^\s]*$", "d"]}),
])
def test_json_schema_types_map_to_decap_widgets(prop, expected):
    schema = Schema(cms_config.load_schemas(REPO), "x.schema.json")
    found = decap_field("f", {**prop, "title": "T", "description": "d"}, True, schema)
    assert found == {"name": "f", "label": "T", "hint": "d", "required": True, **expected}


def test_admin_page_formats_keep_the_schema_order(config):
    formats = cms_config.formats(config)
    record = cms_config.load_schemas(REPO)["contact.schema.json"]["$defs"]["contact"]
    contacts = formats["yaml-root-list-contacts"]
    assert contacts["extension"] == "yml" and list(contacts["order"]) == list(record["properties"])
    assert list(contacts["order"]["name"]) == ["vi", "en"]
    assert "body" not in formats["page-frontmatter"]["order"]


# ---- In Chromium, through decap-server, on a copy of the real content -----------------------

def check_content(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hotro.editors.check_content", str(tree)],
                          capture_output=True, text=True, check=False)


def pinned(name: str) -> str:
    return re.search(rf"^{name} := (\S+)$", (REPO / "Makefile").read_text(), re.M)[1]


@pytest.fixture
def editor(browser, tmp_path):
    """(tree, page): the editor page logged in, writing to a copy of the content tree, served
    as `make cms` serves it (its headers and CSP, decap-server behind the guard)."""
    require_installed()
    tree = copy_real_tree(tmp_path / "tree")
    assert check_content(tree).returncode == 0
    port = free_port()
    with cms.local_backend(tree, free_port(), f"http://127.0.0.1:{port}") as backend:
        cms.build_admin(tree, tmp_path / "www" / "admin", backend)
        httpd = cms.editor_server(tmp_path / "www", port, backend)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        hosts, blocked = set(), []
        page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
        page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text
                else None)
        try:
            page.goto(f"http://127.0.0.1:{port}/admin/")
            page.get_by_role("button", name="Đăng nhập").click()  # Login: the local backend's
            expect(page.get_by_text("Bộ sưu tập")).to_be_visible()  # Collections
            yield tree, page
        finally:
            context.close()
            httpd.shutdown()
            httpd.server_close()
    assert hosts <= {"127.0.0.1", None}, hosts  # nothing from a CDN or a cloud service
    assert blocked == []  # the editor's CSP blocks nothing Decap does


def publish(page) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()  # Publish
    page.get_by_text("Công bố ngay", exact=True).click()  # Publish now
    expect(page.get_by_text("Mục đã được lưu")).to_be_visible(timeout=15_000)  # Entry saved


def wait_for_change(path: Path, before: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while (text := path.read_text(encoding="utf-8")) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    return text


def contacts_of(tree: Path) -> dict[str, dict]:
    return {key: contact.data for key, contact in load_content(tree).contacts.items()}


def test_installed_versions_are_the_makefile_pins():
    require_installed()
    for package, variable in [("decap-cms", "DECAP_CMS"), ("decap-server", "DECAP_SERVER")]:
        found = yaml.safe_load((cms.NODE_MODULES / package / "package.json").read_text())
        assert found["version"] == pinned(variable), package


@pytest.mark.browser
def test_editing_a_contact_changes_only_that_field_and_the_content_stays_valid(editor):
    tree, page = editor
    path = tree / "content" / "contacts.yml"
    before_text, before = path.read_text(encoding="utf-8"), contacts_of(tree)
    page.goto(page.url.split("#")[0] + "#/collections/contacts/entries/contacts")
    item = page.locator("xpath=//div[text()='ambulance-115']/..")  # the list item's summary
    item.locator("button").first.click()  # open it
    what_for = item.locator("[aria-label='object field']").filter(
        has=page.get_by_text("What it is for", exact=True))
    what_for.get_by_label("English", exact=True).fill(NEW_ENGLISH)
    publish(page)
    after_text = wait_for_change(path, before_text)
    after = contacts_of(tree)

    before["ambulance-115"]["description"]["en"] = NEW_ENGLISH
    assert after == before  # as the site reads it: that one text changed, nothing else
    assert list(after) == list(before)  # the order of the directory
    assert check_content(tree).returncode == 0
    header = before_text[: before_text.index("- id:")]
    assert after_text.startswith(header)  # the schema line and the file's comment stay on top
    assert 'number: "115"' in after_text and 'verified_on: "2026-11-29"' in after_text


@pytest.mark.browser
def test_editing_a_page_pair_changes_one_language_and_keeps_the_bodies(editor):
    tree, page = editor
    files = {lang: tree / "docs" / f"{POLICY_PAGE}.{lang}.md" for lang in ("vi", "en")}
    before = {lang: path.read_text(encoding="utf-8") for lang, path in files.items()}
    pages = load_content(tree).pages
    meta = {lang: pages[(POLICY_PAGE, lang)].meta for lang in files}
    page.goto(page.url.split("#")[0] + f"#/collections/pages/entries/{POLICY_PAGE}")
    new = "Luật Phòng, chống mua bán người năm 2024, giải thích bằng lời dễ hiểu."
    page.get_by_label("Description", exact=True).first.fill(new)  # the Vietnamese side
    publish(page)
    wait_for_change(files["vi"], before["vi"])

    pages = load_content(tree).pages
    assert pages[(POLICY_PAGE, "vi")].meta == {**meta["vi"], "description": new}
    assert pages[(POLICY_PAGE, "en")].meta == meta["en"]  # policy block > 8 keys: still equal
    for lang, path in files.items():  # the Markdown itself, byte for byte
        assert path.read_text(encoding="utf-8").split("\n---\n", 1)[1] == \
            before[lang].split("\n---\n", 1)[1]
    assert check_content(tree).returncode == 0


@pytest.mark.browser
def test_an_edit_the_loader_refuses_is_not_saved_and_the_editor_says_why(editor):
    tree, page = editor
    path = tree / "content" / "contacts.yml"
    before = path.read_text(encoding="utf-8")
    page.goto(page.url.split("#")[0] + "#/collections/contacts/entries/contacts")
    item = page.locator("xpath=//div[text()='ambulance-115']/..")
    item.locator("button").first.click()
    item.get_by_label(re.compile(r"^Phone number")).fill("1111")
    page.get_by_role("button", name="Công bố", exact=True).click()  # Publish
    page.get_by_text("Công bố ngay", exact=True).click()  # Publish now
    refusal = page.get_by_text("Đã từ chối: với thay đổi này nội dung sẽ không hợp lệ")
    expect(refusal).to_be_visible(timeout=15_000)
    shown = refusal.inner_text()  # Decap: "Không thể giữ lại mục: API_ERROR: " and ours
    assert re.search(r"content/contacts\.yml:\d+: ambulance-115/number: '1111' không phải là một "
                     r"số ngắn của Việt Nam \(cần một số ngắn của Việt Nam như 111", shown), shown
    assert path.read_text(encoding="utf-8") == before  # nothing saved
