"""MkDocs finds the same static theme files when the theme's hidden folders are not walked."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from hotro.plugin.theme_listing import VisibleFilesLoader, list_visible_files

REPO = Path(__file__).resolve().parent.parent


def theme_files(config) -> list[tuple[str, str, str]]:
    """What MkDocs adds from the theme before a build: source, file on disk, output path."""
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(f.src_uri, f.abs_src_path, f.dest_uri) for f in files]


def test_the_site_gets_the_same_theme_files_as_with_mkdocs_own_listing():
    config = load_config(str(REPO / "mkdocs.yml"))
    stock = theme_files(config)
    list_visible_files(config.theme)
    visible = theme_files(config)
    assert visible == stock
    assert any(src.startswith("assets/javascripts/bundle.") for src, _, _ in visible)
    assert any(src == "assets/stylesheets/site.css" for src, _, _ in visible)


def test_hidden_files_and_folders_are_not_listed_but_still_load(tmp_path):
    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "star.svg").write_text("<svg>star</svg>")
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "a.css").write_text("a{}")
    (tmp_path / "css" / ".hidden.css").write_text("b{}")
    (tmp_path / "main.html").write_text("{% include '.icons/set/star.svg' %}")
    stock = FileSystemLoader([str(tmp_path)])
    env = Environment(loader=VisibleFilesLoader([str(tmp_path)]))
    assert env.list_templates() == ["css/a.css", "main.html"]
    assert sorted(stock.list_templates()) == [".icons/set/star.svg", "css/.hidden.css",
                                              "css/a.css", "main.html"]
    assert env.get_template("main.html").render() == "<svg>star</svg>"


def test_later_search_paths_are_listed_too_each_file_once(tmp_path):
    first, second = tmp_path / "custom", tmp_path / "theme"
    for folder, name in ((first, "x.css"), (second, "x.css"), (second, "y.js")):
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(name)
    loader = VisibleFilesLoader([str(first), str(second)])
    assert loader.list_templates() == ["x.css", "y.js"]


class FakeTheme:
    def __init__(self, loader):
        self.loader = loader
        self.envs = 0

    def get_env(self) -> Environment:
        self.envs += 1
        return Environment(loader=self.loader)


def test_installed_once_and_other_loaders_are_left_alone(tmp_path):
    theme = FakeTheme(FileSystemLoader([str(tmp_path)]))
    list_visible_files(theme)
    list_visible_files(theme)  # on_config runs again for each language
    assert isinstance(theme.get_env().loader, VisibleFilesLoader)
    assert theme.envs == 1
    other = FakeTheme(DictLoader({"a.html": "a"}))
    list_visible_files(other)
    assert type(other.get_env().loader) is DictLoader
