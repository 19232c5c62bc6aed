"""Property-based tests: whatever an editor writes, the loader and renderers either accept it
and render it, or reject it with a message. They never crash."""

from __future__ import annotations

import re
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import FIXTURE, REPO
from hotro.checks.validated import load_content
from hotro.load.markdown_source import unsafe_html
from hotro.load.yaml_source import parse_yaml
from hotro.model.number_text import read
from hotro.model.phones import PhoneError, parse_phone
from hotro.model.problems import ContentError
from hotro.render.phone_links import link_numbers, link_numbers_html
from hotro.render.render import render_page

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=40))
json_like = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=20)


@SETTINGS
@given(st.text(max_size=40))
def test_any_phone_text_is_accepted_or_refused_in_words(text):
    try:
        phone = parse_phone(text)
    except PhoneError as err:
        assert str(err)
    else:
        assert phone.tel and phone.href.startswith("tel:")


@SETTINGS
@given(st.text(max_size=300))
def test_any_yaml_text_parses_or_names_its_line(text):
    try:
        parse_yaml(text, "content/x.yml")
    except ContentError as err:
        assert all(p.file == "content/x.yml" and p.problem for p in err.problems)


CONTACT_KEYS = ["id", "agency", "name", "channel", "number", "description", "audience", "cost",
                "cost_sources", "verified", "verified_on", "sources", "hours", "languages",
                "display"]


@st.composite
def contact_like(draw):
    """Records near the real shape: right keys with random values, or random keys."""
    keys = draw(st.lists(st.sampled_from(CONTACT_KEYS), unique=True, max_size=len(CONTACT_KEYS)))
    record = {key: draw(json_like) for key in keys}
    if draw(st.booleans()):
        record.update(draw(st.dictionaries(st.text(max_size=8), json_like, max_size=2)))
    return record


@SETTINGS
@given(st.lists(contact_like(), max_size=4))
def test_any_contacts_file_is_loaded_or_refused_with_messages(tmp_path_factory, records):
    tree = tmp_path_factory.mktemp("prop") / "tree"
    shutil.copytree(FIXTURE, tree)
    shutil.copy(REPO / "content" / "ui.yml", tree / "content" / "ui.yml")
    (tree / "content" / "contacts.yml").write_text(
        yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    try:
        load_content(tree)
    except ContentError as err:
        assert err.problems
        assert all(str(p).startswith(("content/", "docs/")) for p in err.problems)


@SETTINGS
@given(st.text(max_size=200), st.text(max_size=200))
def test_any_contact_text_renders_escaped(tmp_path_factory, description, name):
    """Valid records with arbitrary text always render, and their text can never be markup."""
    tree = tmp_path_factory.mktemp("render") / "tree"
    shutil.copytree(FIXTURE, tree)
    shutil.copy(REPO / "content" / "ui.yml", tree / "content" / "ui.yml")
    path = tree / "content" / "contacts.yml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    records[0]["description"] = {"vi": description or "x", "en": description or "x"}
    records[0]["name"] = {"vi": name or "x", "en": name or "x"}
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    try:
        content = load_content(tree)
    except ContentError:
        return  # refused with messages (e.g. HTML in a text field): fine
    page = content.pages[("danh-ba", "en")]
    html = render_page(content, page, "en", page.body)
    # The one script element is the directory's JSON-LD data: no text may close it early.
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert data and "<" not in data[1] and ">" not in data[1]
    html = html.replace(data[0], "")
    assert "<script" not in html.lower().replace("&lt;script", "")


@SETTINGS
@given(st.text(max_size=300))
def test_number_linking_never_breaks_text(text):
    numbers = {"111": "111", "0912 345 678": "+84912345678"}
    linked = link_numbers(text, numbers)
    # a number written with fullwidth digits or no-break spaces shows as its record writes it
    assert read(linked.replace("[111](tel:111)", "111").replace(
        "[0912 345 678](tel:+84912345678)", "0912 345 678")).plain == read(text).plain
    html = link_numbers_html(text, numbers)
    assert "<" not in str(html).replace('<a href="tel:', "").replace("</a>", "")


@SETTINGS
@given(st.text(max_size=300))
def test_unsafe_html_check_never_crashes(text):
    class Page:
        body = text
        body_line = 1
        shown_as = "docs/x.vi.md"

    for problem in unsafe_html(Page()):
        assert problem.file == "docs/x.vi.md" and problem.line >= 1
