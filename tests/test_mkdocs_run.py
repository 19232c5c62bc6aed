"""scripts/mkdocs_run.py is `python -m mkdocs` with a C-parsed config: same site, same tags."""

from __future__ import annotations

import os
import subprocess
import sys

RUN = "hotro.build.mkdocs_run"


def test_it_reads_the_config_with_libyaml_and_mkdocs_tags(tmp_path):
    probe = (f"import runpy, yaml; runpy.run_module({RUN!r}); "
             "from mkdocs.utils.yaml import get_yaml_loader as loader; "
             "print(issubclass(loader(), yaml.CLoader), '!ENV' in loader().yaml_constructors)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["True", "True"]
    plain = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True, env={**os.environ, "HOTRO_PLAIN": "1"})
    assert plain.stdout.split() == ["False", "True"]  # HOTRO_PLAIN=1: MkDocs' own loader


def test_it_builds_a_site_as_mkdocs_does(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        'site_name: !ENV [TEST_SITE_NAME, "Tên mặc định"]\nnav:\n  - Trang chủ: index.md\n',
        encoding="utf-8")
    sites = {}
    for name, cmd in (("run", ["-m", RUN]), ("mkdocs", ["-m", "mkdocs"])):
        out = tmp_path / name
        result = subprocess.run([sys.executable, *cmd, "build", "--strict", "-f",
                                 str(tmp_path / "mkdocs.yml"), "-d", str(out)],
                                capture_output=True, text=True, check=False,
                                env={**os.environ, "TEST_SITE_NAME": "Hỗ trợ nạn nhân",
                                     "SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr
        sites[name] = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>Hỗ trợ nạn nhân</title>" in sites["run"]
    assert sites["run"] == sites["mkdocs"]


def test_a_broken_config_is_reported_not_raised(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", RUN, "build", "-f",
                             str(tmp_path / "mkdocs.yml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Error: MkDocs encountered an error parsing the configuration file" in result.stderr
    assert "Traceback" not in result.stderr
