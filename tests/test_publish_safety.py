"""Publishing under kill and concurrency (scripts/publish.py), with real processes.

A build is paused at a step of publishing (SITE_BUILD_PAUSE_AT=<step>:<file>: it creates the
file and waits while it exists), then killed, stopped or joined by a second build. Whatever
happens, `site/` is the last good build or the new one, whole, and the next build cleans up.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import digest as snapshot
from helpers import edit, run_build
from hotro.deploy.nginx_conf import render
from hotro.model.messages import text

BUILD = "hotro.build.build_site"
NEW_TEXT = ("docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.", "Gọi ngay 0912 345 678.")
STOPPED = "Build stopped by SIGTERM; nothing was published, the last good site is unchanged."
STOPPED_VI = ("Đã dừng việc tạo trang (tín hiệu SIGTERM); chưa đăng gì, trang web đang chạy vẫn "
              "giữ nguyên.")
WAIT_S = 120  # only so that a broken build cannot hang the test run; never asserted on


class Build:
    """build_site.py on a tree in its own process, its output in files (no pipe to fill)."""

    def __init__(self, tree: Path, name: str, pause: str | None = None,
                 args: tuple[str, ...] = (), parent: list[str] | None = None):
        self.flag = tree.parent / f"{name}.paused"
        self.out, self.err = tree.parent / f"{name}.out", tree.parent / f"{name}.err"
        env = {**os.environ, "SITE_BUILD_PAUSE_AT": f"{pause}:{self.flag}" if pause else ""}
        cmd = parent or [sys.executable, "-m", BUILD, "--config", str(tree / "mkdocs.yml"),
                         "--site-dir", str(tree / "site"), *args]
        with self.out.open("w") as out, self.err.open("w") as err:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=tree)

    def paused(self) -> int:
        """Wait until the build is at its pause point; its process id."""
        deadline = time.monotonic() + WAIT_S
        while not (self.flag.exists() and self.flag.read_text()):
            assert self.proc.poll() is None, self.err.read_text()
            assert time.monotonic() < deadline, "the build never reached its pause point"
            time.sleep(0.02)
        return int(self.flag.read_text())

    def resume(self) -> None:
        self.flag.unlink()

    def end(self) -> tuple[int, str]:
        code = self.proc.wait(timeout=WAIT_S)
        return code, self.err.read_text(encoding="utf-8")


@pytest.fixture
def built(tree):
    """A tree with a good build published, and its files."""
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stderr
    return tree, snapshot(tree / "site")


def leftovers(tree: Path) -> list[str]:
    """What a killed build can leave behind, beyond the published generation and the one
    before it."""
    builds = tree / ".site-builds"
    found = [*tree.glob(".site-build-*"), *builds.glob("work-*"), *builds.glob("link-*"),
             *(tree / name for name in ("site.old", "site.new") if (tree / name).exists())]
    generations = sorted(p.name for p in builds.iterdir() if p.name.isdigit())
    current = os.readlink(tree / "site").split("/")[-1]
    extra = [g for g in generations if g != current and int(g) != int(current) - 1]
    return [p.name for p in found] + extra


def new_build_files(tree: Path) -> dict[str, str]:
    """The files of a build of the tree as it is now, made elsewhere."""
    other = tree.parent / "reference-site"
    assert run_build(tree / "mkdocs.yml", other).returncode == 0
    return snapshot(other)


@pytest.mark.parametrize(("step", "published"), [
    ("locked", "old"), ("built", "old"), ("generation", "old"), ("swapped", "new")])
def test_a_build_killed_at_any_step_leaves_a_whole_site_and_the_next_cleans_up(
        built, step, published):
    tree, before = built
    edit(tree, *NEW_TEXT)
    after = new_build_files(tree)
    build = Build(tree, "killed", pause=step)
    os.kill(build.paused(), signal.SIGKILL)
    build.proc.wait()
    assert snapshot(tree / "site") == (before if published == "old" else after)
    edit(tree, "content/contacts.yml", 'number: "0912 345 678"', 'number: "0912"')
    failed = run_build(tree / "mkdocs.yml", tree / "site")  # a failed build changes nothing
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert snapshot(tree / "site") == (before if published == "old" else after)
    edit(tree, "content/contacts.yml", 'number: "0912"', 'number: "0912 345 678"')
    again = run_build(tree / "mkdocs.yml", tree / "site")
    assert again.returncode == 0, again.stderr
    assert snapshot(tree / "site") == after
    assert leftovers(tree) == []


def test_a_killed_edition_build_leaves_the_whole_site_and_the_next_keeps_the_others(built):
    tree, _ = built
    other = tree / ".site-builds" / os.readlink(tree / "site").split("/")[-1] / "khac"
    other.mkdir()  # an edition published by an earlier build
    (other / "index.html").write_text("khac", encoding="utf-8")
    before = snapshot(tree / "site")
    edit(tree, *NEW_TEXT)
    build = Build(tree, "edition", pause="generation", args=("--edition", "thu"))
    os.kill(build.paused(), signal.SIGKILL)
    build.proc.wait()
    assert snapshot(tree / "site") == before
    again = run_build(tree / "mkdocs.yml", tree / "site", args=["--edition", "thu"])
    assert again.returncode == 0, again.stderr
    assert "Gọi ngay" in (tree / "site/thu/danh-ba/index.html").read_text(encoding="utf-8")
    assert (tree / "site/khac/index.html").read_text(encoding="utf-8") == "khac"
    assert leftovers(tree) == []


def as_real_folder(tree: Path) -> None:
    """Publish the way builds did before publish.py: `site/` a real folder."""
    target = (tree / "site").resolve()
    (tree / "site").unlink()
    target.rename(tree / "site")


def test_a_real_site_folder_becomes_a_link_and_a_kill_in_between_is_repaired(built):
    tree, before = built
    as_real_folder(tree)
    build = Build(tree, "moving", pause="adopted")
    os.kill(build.paused(), signal.SIGKILL)  # the one instant without site/ (documented)
    build.proc.wait()
    assert not (tree / "site").exists()
    edit(tree, "content/contacts.yml", 'number: "0912 345 678"', 'number: "0912"')
    failed = run_build(tree / "mkdocs.yml", tree / "site", args=["--lang", "vi"])
    assert failed.returncode == 1
    assert failed.stderr.startswith(
        f"Đã khôi phục {tree / 'site'} từ lần tạo trang hoàn chỉnh gần nhất.\n")
    assert (tree / "site").is_symlink() and snapshot(tree / "site") == before


def test_leftovers_of_the_old_publishing_scheme_are_repaired(built):
    tree, before = built
    as_real_folder(tree)
    (tree / "site").rename(tree / "site.old")  # killed between its two renames: no site/
    (tree / "site.new").mkdir()
    (tree / ".site-build-x1y2" / "site").mkdir(parents=True)
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"Restored {tree / 'site'} from the last complete build.\n"
    assert snapshot(tree / "site") == before  # the same content built again
    assert leftovers(tree) == []


def test_a_second_build_at_the_same_time_stops_at_once_and_the_first_publishes(built):
    tree, _ = built
    edit(tree, *NEW_TEXT)
    first = Build(tree, "first", pause="generation")
    pid = first.paused()
    started = (tree / ".site-build.lock").read_text(encoding="utf-8").split(" ", 1)[1].strip()
    english = (f"Another build of {tree / 'site'} is running (process {pid}, started "
               f"{started}); nothing was built. Wait for it to end, then build again.\n")
    second = run_build(tree / "mkdocs.yml", tree / "site")
    assert (second.returncode, second.stdout, second.stderr) == (1, "", english)
    in_vietnamese = run_build(tree / "mkdocs.yml", tree / "site", args=["--lang", "vi"])
    assert in_vietnamese.stderr == (
        f"Đang có một lần tạo trang khác cho {tree / 'site'} (tiến trình {pid}, bắt đầu lúc "
        f"{started}); lần này chưa tạo gì. Hãy chờ lần kia xong rồi chạy lại.\n")
    first.resume()
    assert first.end() == (0, "")
    assert "Gọi ngay" in (tree / "site/thu/danh-ba/index.html").read_text(encoding="utf-8")
    assert leftovers(tree) == []


def children_of(pid: int) -> list[int]:
    """Processes whose parent is `pid` (zombies are ended processes, not counted)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def test_sigterm_while_mkdocs_runs_stops_everything_and_publishes_nothing(built):
    tree, before = built
    edit(tree, *NEW_TEXT)
    build = Build(tree, "stopped", pause="mkdocs")
    build.paused()
    mkdocs = children_of(build.proc.pid)
    build.proc.send_signal(signal.SIGTERM)
    assert build.end() == (128 + signal.SIGTERM, STOPPED + "\n")
    assert not any(alive(pid) for pid in mkdocs)
    assert snapshot(tree / "site") == before
    assert not list((tree / ".site-builds").glob("work-*")) and leftovers(tree) == []
    assert run_build(tree / "mkdocs.yml", tree / "site").returncode == 0  # the lock is free


def test_sigint_just_before_the_swap_publishes_nothing(built):
    tree, before = built
    edit(tree, *NEW_TEXT)
    build = Build(tree, "interrupted", pause="generation", args=("--lang", "vi"))
    os.kill(build.paused(), signal.SIGINT)
    assert build.end() == (128 + signal.SIGINT, "Đã dừng việc tạo trang (tín hiệu SIGINT); "
                           "chưa đăng gì, trang web đang chạy vẫn giữ nguyên.\n")
    assert snapshot(tree / "site") == before and leftovers(tree) == []


def make_site(tree: Path, name: str, pause: str | None) -> Build:
    """`make site` as the Makefile runs it (make starts build_site.py), on the tree."""
    makefile = tree.parent / "Makefile.test"
    makefile.write_text(f".PHONY: site\nsite:\n\t{sys.executable} -m {BUILD} "
                        f"--config {tree / 'mkdocs.yml'} --site-dir {tree / 'site'} --lang vi\n",
                        encoding="utf-8")
    return Build(tree, name, pause=pause, parent=["make", "-s", "-f", str(makefile), "site"])


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_killing_make_stops_the_build_it_started(built, how):
    tree, before = built
    edit(tree, *NEW_TEXT)
    make = make_site(tree, "make", pause="built")
    build = make.paused()
    assert build in children_of(make.proc.pid)
    make.proc.send_signal(how)
    make.proc.wait()
    wait_for(lambda: not alive(build), "the build outlived make")
    said = make.err.read_text(encoding="utf-8").splitlines()  # make adds its own line on TERM
    assert said[0] == STOPPED_VI and "Traceback" not in "".join(said)
    assert snapshot(tree / "site") == before
    assert not list((tree / ".site-builds").glob("work-*"))


def test_killing_make_while_mkdocs_runs_leaves_no_process(built):
    tree, before = built
    edit(tree, *NEW_TEXT)
    make = make_site(tree, "make", pause="mkdocs")
    make.paused()
    build = children_of(make.proc.pid)[0]
    mkdocs = children_of(build)
    make.proc.kill()
    make.proc.wait()
    try:
        wait_for(lambda: not any(alive(pid) for pid in [build, *mkdocs]),
                 "a process outlived make")
    finally:
        make.flag.unlink(missing_ok=True)
    assert snapshot(tree / "site") == before


def test_nginx_config_names_the_stable_site_path_not_a_generation(built):
    tree, _ = built
    text = render(tree / "site" / "thu", "80", "localhost")
    assert f"root {tree / 'site' / 'thu'};" in text and ".site-builds" not in text


def test_the_publishing_messages_read_in_vietnamese():
    assert text("build.stopped", "en", signal="SIGTERM") == STOPPED
    assert text("build.stopped", "vi", signal="SIGTERM") == STOPPED_VI
    assert text("build.restored", "vi", site="/srv/a b/site") == (
        "Đã khôi phục /srv/a b/site từ lần tạo trang hoàn chỉnh gần nhất.")
    assert text("build.busy", "vi", site="/srv/site", pid="?", started="?") == (
        "Đang có một lần tạo trang khác cho /srv/site (tiến trình ?, bắt đầu lúc ?); lần này "
        "chưa tạo gì. Hãy chờ lần kia xong rồi chạy lại.")


def test_a_build_killed_while_mkdocs_runs_takes_mkdocs_with_it(built):
    tree, before = built
    edit(tree, *NEW_TEXT)
    build = Build(tree, "killed-early", pause="mkdocs")  # MkDocs waits until told to go on
    mkdocs = build.paused()
    build.proc.kill()
    build.proc.wait()
    try:
        wait_for(lambda: not alive(mkdocs), "MkDocs outlived the build")
    finally:
        build.flag.unlink(missing_ok=True)  # if it did, let it end
    assert snapshot(tree / "site") == before
    again = run_build(tree / "mkdocs.yml", tree / "site")
    assert again.returncode == 0, again.stderr
    assert leftovers(tree) == []


def test_a_build_killed_while_reading_pages_leaves_no_helper_behind(tree):
    # two editions on three CPUs: each edition's pages are read by a helper process as MkDocs
    # writes them (page_watch.py); a killed build never tells it to stop
    edition = tree / "content" / "editions" / "thu.yml"
    (edition.with_name("khac.yml")).write_text(edition.read_text(encoding="utf-8").replace(
        "canonical: true\n", "").replace("/trang/", "/khac/"), encoding="utf-8")
    build = Build(tree, "watched", pause="mkdocs", args=("--jobs", "3"))
    build.paused()
    helpers = children_of(build.proc.pid)
    assert len(helpers) >= 3  # page readers and MkDocs
    build.proc.kill()
    build.proc.wait()
    try:
        wait_for(lambda: not any(alive(pid) for pid in helpers), "a helper outlived the build")
    finally:
        build.flag.unlink(missing_ok=True)
