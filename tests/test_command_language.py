"""Every command speaks the language asked for (issue 15): Vietnamese by default, English with
MESSAGES=en, on good content and on broken content, success lines included.

Each command runs once per language and case, in its own process, several at a time, on copies of
the repository's content: as it is, with a broken contact number, with a mis-indented mkdocs.yml
and (for `make site`) with a nav entry naming no page. In the Vietnamese run no line may be
English: it may not match an English text of the catalogue (content/messages.yml), and it may not
hold English words outside quoted values, file names, ids, numbers and addresses. In the English
run no line may hold Vietnamese letters outside quoted values and file names.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, copy_real_tree, edit, free_port
from hotro.editors.cms_page import Missing, require_installed
from hotro.model.messages import catalogue

LANGS = ("vi", "en")
EDITION = "tinh-ca-mau"
START_TIMEOUT = 180

# -- What a line in the wrong language looks like -----------------------------------------------

QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`")
# file names, ids, numbers, addresses, options: any word with one of these in it
NAMES = re.compile(r"\S*[-/_.:=@<>\d{}\[\]]\S*")
ENGLISH = {"the", "is", "are", "was", "were", "not", "expected", "found", "built", "valid",
           "missing", "stale", "warning", "warnings", "error", "problem", "problems", "nothing",
           "run", "should", "must", "which", "this", "that", "there", "with", "from", "into",
           "of", "and", "for", "has", "have", "does", "could", "cannot", "documentation",
           "building", "serving", "page", "pages", "contact", "contacts", "file", "files",
           "line", "edition", "editions", "published", "refused", "stopped", "argument",
           "required", "invalid", "choice", "be", "it", "its", "by", "at", "or", "up", "date"}
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                        re.IGNORECASE)
YAML_PASTE = re.compile(r"\s+(?:- )?[^:]+:(?: .*)?")  # make new's lines to paste in mkdocs.yml


def _forms(text: str | dict) -> list[str]:
    return list(text.values()) if isinstance(text, dict) else [text]


def english_templates() -> list[tuple[re.Pattern, bool]]:
    """The English texts of the catalogue as patterns (their parameters match anything), and
    whether one may be part of a line (three words or more of its own) or must be all of it."""
    patterns = []
    for entry in catalogue().values():
        vi = _forms(entry["vi"])
        for form in _forms(entry["en"]):
            words = len(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^{}]*\}", " ", form)))
            if form in vi or not words:
                continue
            parts = [re.escape(part) for part in re.split(r"\{[^{}]*\}", form.strip())]
            patterns.append((re.compile(".*?".join(parts)), words >= 3))
    return patterns


TEMPLATES = english_templates()


def english_words(line: str) -> list[str]:
    text = NAMES.sub(" ", QUOTED.sub(" ", line))
    return sorted(set(re.findall(r"[a-z']+", text.lower())) & ENGLISH)


def not_vietnamese(line: str) -> str | None:
    """Why `line` is not Vietnamese, or None."""
    for pattern, part in TEMPLATES:
        if pattern.search(line) if part else pattern.fullmatch(line.strip()):
            return f"the catalogue's English {pattern.pattern[:60]!r}"
    words = english_words(line)
    return f"English words {words}" if len(words) >= 2 else None


def not_english(line: str) -> str | None:
    """Why `line` is not English, or None."""
    found = VIETNAMESE.findall(NAMES.sub(" ", QUOTED.sub(" ", line)))
    return f"Vietnamese letters {''.join(found)}" if found else None


# -- The trees and the runs ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("language")
    good = copy_real_tree(base / "good")
    number = copy_real_tree(base / "number")
    edit(number, "content/contacts.yml", 'number: "113"', 'number: "11x3"')
    indent = copy_real_tree(base / "indent")
    edit(indent, "mkdocs.yml", "\n  custom_dir: overrides", "\n custom_dir: overrides")
    nav = copy_real_tree(base / "nav")
    edit(nav, "mkdocs.yml", "Báo tin: bao-tin.md", "Báo tin: bao-tinn.md")
    return {"good": good, "number": number, "indent": indent, "nav": nav, "base": base}


@dataclass
class Run:
    command: str
    case: str
    lang: str
    lines: list[str]
    code: int | None

    def __str__(self) -> str:
        return f"{self.command} on {self.case} content, MESSAGES={self.lang}"


def env_for(lang: str) -> dict[str, str]:
    return {**os.environ, "MESSAGES": lang, "PYTHONUNBUFFERED": "1"}


def run(command: str, case: str, lang: str, args: list[str], cwd: Path) -> Run:
    done = subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env_for(lang),
                          capture_output=True, text=True, check=False, timeout=900)
    lines = (done.stdout + done.stderr).splitlines()
    return Run(command, case, lang, lines, done.returncode)


def run_server(command: str, case: str, lang: str, args: list[str], cwd: Path,
               ready: re.Pattern, log: Path) -> Run:
    """A server command: its lines until it says it is ready (or ends), then Ctrl-C, then the
    lines it prints while it stops."""
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", *args], cwd=cwd, env=env_for(lang),
                                  stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    deadline = time.monotonic() + START_TIMEOUT
    while server.poll() is None and time.monotonic() < deadline:
        if ready.search(log.read_text(encoding="utf-8", errors="replace")):
            break
        time.sleep(0.2)
    code = server.poll()
    if code is None:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return Run(command, case, lang, lines, code)


SERVE_READY = re.compile(r"Serving on|Bản xem trước đang chạy")
CMS_READY = re.compile(r"Ctrl-C")


def serve_run(case: str, lang: str, trees: dict[str, Path]) -> Run:
    log = trees["base"] / f"serve-{case}-{lang}.log"
    args = ["hotro.editors.serve", "--root", str(trees[case]), "--lang", "vi",
            "--addr", f"127.0.0.1:{free_port()}"]
    return run_server("serve", case, lang, args, trees[case], SERVE_READY, log)


def cms_run(lang: str, trees: dict[str, Path]) -> Run:
    log = trees["base"] / f"cms-{lang}.log"
    args = ["hotro.editors.cms", "serve", "--port", str(free_port()),
            "--backend-port", str(free_port())]
    return run_server("cms", "good", lang, args, REPO, CMS_READY, log)


def jobs(trees: dict[str, Path]) -> list:
    """Every run but nginx-conf (which needs a built site), as functions."""
    base = trees["base"]
    out = []
    for lang in LANGS:
        scratch = copy_real_tree(base / f"new-{lang}")  # for the commands that write files
        recorded = copy_real_tree(base / f"translated-{lang}")
        for case in ("good", "number", "indent"):
            tree = trees[case]
            out += [
                lambda t=tree, c=case, lang=lang: run(
                    "check", c, lang, ["hotro.editors.check_content", str(t)], t),
                lambda t=tree, c=case, lang=lang: run(
                    "status", c, lang, ["hotro.editors.status", str(t)], t),
                lambda c=case, lang=lang: serve_run(c, lang, trees),
            ]
        for case in ("good", "number", "indent", "nav"):
            tree = trees[case]
            out.append(lambda t=tree, c=case, lang=lang: run(
                "site", c, lang, ["hotro.build.build_site", "--config", str(t / "mkdocs.yml"),
                                  "--site-dir", str(base / f"site-{c}-{lang}"),
                                  "--edition", EDITION, "--jobs", "1"], t))
        out += [
            lambda s=recorded, lang=lang: run(
                "translated", "good", lang, ["hotro.editors.status", str(s), "--record"], s),
            lambda s=scratch, lang=lang: run(
                "new", "good", lang, ["hotro.editors.new_content", "--root", str(s),
                                      "--page", "moi/trang-moi"], s),
            lambda s=scratch, lang=lang: run(
                "new", "refused", lang, ["hotro.editors.new_content", "--root", str(s),
                                         "--contact", "lien-he-moi", "--agency", "khong-co"], s),
            lambda s=scratch, lang=lang: run(
                "new", "wrong usage", lang, ["hotro.editors.new_content", "--root", str(s),
                                             "--today", "hom-nay"], s),
            lambda lang=lang: run(
                "check", "wrong usage", lang, ["hotro.editors.check_content", "--lang"], REPO),
        ]
        if _decap_installed():
            out.append(lambda lang=lang: cms_run(lang, trees))
    return out


def _decap_installed() -> bool:
    try:
        require_installed()
    except Missing:
        return False
    return True


def nginx_runs(trees: dict[str, Path]) -> list[Run]:
    base = trees["base"]
    runs = []
    for lang in LANGS:
        site = base / f"site-good-{lang}"
        runs += [run("nginx-conf", "good", lang, ["hotro.deploy.nginx_conf", "--edition",
                                                  EDITION, "--site-dir", str(site)], base),
                 run("nginx-conf", "no site", lang, ["hotro.deploy.nginx_conf", "--edition",
                                                     "khong-co", "--site-dir", str(site)], base),
                 run("nginx-conf", "half TLS", lang, ["hotro.deploy.nginx_conf", "--edition",
                                                      EDITION, "--site-dir", str(site),
                                                      "--tls-cert", "a.pem"], base)]
    return runs


@pytest.fixture(scope="module")
def runs(trees) -> list[Run]:
    lock = threading.Lock()
    done: list[Run] = []

    def call(job) -> None:
        result = job()
        with lock:
            done.append(result)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(call, jobs(trees)))
    return done + nginx_runs(trees)


# -- The checks ---------------------------------------------------------------------------------


def shown_lines(result: Run) -> list[str]:
    """The lines a person reads: not the nginx configuration itself (a file, after its first
    line), nor the lines of mkdocs.yml that `make new` asks to paste."""
    lines = [line for line in result.lines if line.strip()]
    if result.command == "nginx-conf" and result.case == "good":
        return lines[:1]
    if result.command == "new":
        return [line for line in lines if not YAML_PASTE.fullmatch(line)]
    return lines


def test_every_line_is_in_the_language_asked_for(runs):
    wrong = []
    for result in runs:
        judge = not_vietnamese if result.lang == "vi" else not_english
        for line in shown_lines(result):
            why = judge(line)
            if why:
                wrong.append(f"{result}: {why}: {line}")
    assert wrong == [], "\n".join(wrong)


def test_every_command_ran_in_both_languages(runs):
    commands = {"check", "site", "status", "translated", "new", "serve", "nginx-conf"}
    if _decap_installed():
        commands.add("cms")
    for lang in LANGS:
        assert {r.command for r in runs if r.lang == lang} == commands
        assert all(shown_lines(r) for r in runs if r.lang == lang), [
            str(r) for r in runs if not shown_lines(r)]


def by(runs: list[Run], command: str, case: str, lang: str) -> Run:
    return next(r for r in runs if (r.command, r.case, r.lang) == (command, case, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_good_content_is_said_to_be_good(runs, lang):
    valid = {"vi": "Nội dung hợp lệ: ", "en": "Content is valid: "}[lang]
    assert by(runs, "check", "good", lang).lines[0].startswith(valid)
    built = {"vi": f"Đã tạo {EDITION} trong ", "en": f"Built {EDITION} into "}[lang]
    site = by(runs, "site", "good", lang)
    assert (site.code, site.lines[-1].startswith(built)) == (0, True), site.lines
    serving = {"vi": "Bản xem trước đang chạy ở http://127.0.0.1:",
               "en": "Serving on http://127.0.0.1:"}[lang]
    assert any(line.startswith(serving) for line in by(runs, "serve", "good", lang).lines)


@pytest.mark.parametrize("lang", LANGS)
def test_a_broken_mkdocs_yml_is_one_line_naming_it_in_every_command(runs, lang):
    for command in ("check", "site", "serve"):
        result = by(runs, command, "indent", lang)
        assert result.code == 1, (command, result.lines)
        assert not any("Traceback" in line for line in result.lines), result.lines
        named = [line for line in result.lines if line.startswith("mkdocs.yml:16: ")]
        assert len(named) == 1, (command, result.lines)


@pytest.mark.parametrize("lang", LANGS)
def test_a_nav_entry_without_its_page_names_the_line_of_mkdocs_yml(runs, lang):
    result = by(runs, "site", "nav", lang)
    assert result.code == 1
    line = next(n for n, text in enumerate((REPO / "mkdocs.yml").read_text().splitlines(), 1)
                if text.endswith(": bao-tin.md"))
    missing = {"vi": f"mkdocs.yml:{line}: nav: trong nav có 'bao-tinn.md', nhưng docs/ không có "
                     "trang này",
               "en": f"mkdocs.yml:{line}: nav: the nav names 'bao-tinn.md', which is not a page in "
                     "docs/"}[lang]
    assert any(line.startswith(missing) for line in result.lines), result.lines
    assert not any("Traceback" in line for line in result.lines)


@pytest.mark.parametrize("lang", LANGS)
def test_broken_content_stops_every_command_that_reads_it(runs, lang):
    for command in ("check", "site", "status", "serve"):
        result = by(runs, command, "number", lang)
        assert result.code == 1, (command, result.lines)
        assert any(line.startswith("content/contacts.yml:") for line in result.lines), (
            command, result.lines)
        assert not any("Traceback" in line for line in result.lines), result.lines


def test_the_catalogue_templates_catch_english_and_leave_vietnamese():
    assert not_vietnamese("Content is valid: 48 pages, 9 contacts (8 published), 14 agencies, "
                          "79 sources.")
    assert not_vietnamese("Serving on http://127.0.0.1:8000/")
    assert not_vietnamese("Nội dung hợp lệ: 48 trang, 9 liên hệ (8 đã đăng), 14 cơ quan, "
                          "79 nguồn.") is None
    assert not_vietnamese("docs/bao-tin.vi.md:3: 'the value is not expected': giá trị sai") is None
    assert not_english("Trang: 24 đã cập nhật") and not_english("Built 'Cà Mau' into x") is None


@pytest.mark.parametrize("target", ["check", "site", "status", "translated", "new", "serve",
                                    "cms", "nginx-conf", "bench-site"])
def test_make_passes_the_language_to_every_command(target):
    dry = subprocess.run(["make", "-n", "-o", ".venv/.site-deps", "-o", "cms-deps", target,
                          "MESSAGES=en"], cwd=REPO, capture_output=True, text=True, check=True,
                         env={k: v for k, v in os.environ.items() if k != "MESSAGES"}).stdout
    lines = [line for line in dry.splitlines() if " -m hotro" in line]
    assert lines and all("MESSAGES=en" in line or "--lang en" in line for line in lines), dry
