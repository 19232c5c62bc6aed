"""The web editor's page (`make cms`): Decap CMS, its config made from content/schemas/
(cms_config.py) and the formats that write this site's files as the content loader reads them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hotro.editors import cms_config
from hotro.model import paths

# Its own folder, not ./node_modules: npm removes from a node_modules folder every package that
# the same command did not install, so Decap and Lighthouse would remove each other.
NODE_MODULES = paths.ROOT / ".cms" / "node_modules"


class Missing(FileNotFoundError):
    """Decap CMS is not installed in `folder` (`make cms-deps` installs it)."""

    def __init__(self, folder: Path):
        self.folder = folder
        super().__init__(f"Decap CMS is not installed in {folder}: run `make cms-deps`")


INDEX_HTML = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Biên tập nội dung · Content editor</title>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap-cms.js"></script>
<script type="module" src="admin.js"></script>
</head>
<body></body>
</html>
"""

# Decap's own yaml format cannot hold a list at the root of a file, folds long lines at 80
# characters and loses the order of keys past eight. These formats write YAML 1.1 as PyYAML reads
# it back: a text that would read as something else ("111", "2026-11-29", "no") is quoted, lines
# are not folded, keys keep the schema's order and the comment lines at the top of a file stay.
ADMIN_JS = """// Made by hotro/editors/cms_page.py: Decap CMS formats for this site's files.
import { YAML } from './yaml/index.js';

const FORMATS = %(formats)s;
const TEXT_CONSTANTS = %(constants)s;  // field: the word it holds instead of a {vi, en} text
const HEADER = /^(?:#.*\\r?\\n)*/;
const FRONT_MATTER = /^---\\r?\\n([\\s\\S]*?)\\r?\\n---[ \\t]*\\r?\\n/;
YAML.scalarOptions.str.fold.lineWidth = 0;
const dump = value => YAML.stringify(value, { version: '1.1', schema: 'yaml-1.1' });

function prune(value) {  // what Decap leaves behind for a field left empty: "", null, {}, []
  if (Array.isArray(value)) {
    const items = value.map(prune).filter(v => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const kept = Object.entries(value).map(([k, v]) => [k, prune(v)])
      .filter(([, v]) => v !== undefined);
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  return value === '' || value === null ? undefined : value;
}

function ordered(value, order) {  // keys in the schema's order, any others after them
  if (Array.isArray(value)) return value.map(v => ordered(v, order));
  if (!value || typeof value !== 'object' || !order) return value;
  const keys = [...Object.keys(order).filter(k => Object.hasOwn(value, k)),
                ...Object.keys(value).filter(k => !Object.hasOwn(order, k))];
  return Object.fromEntries(keys.map(k => [k, ordered(value[k], order[k])]));
}

function mapTextConstants(item, toEditor) {  // "24/7" <-> {vi: "24/7", en: "24/7"}
  const out = { ...item };
  for (const [name, word] of Object.entries(TEXT_CONSTANTS)) {
    const value = out[name];
    if (toEditor && value === word) out[name] = { vi: word, en: word };
    const same = value && typeof value === 'object' && Object.values(value).every(t => t === word);
    if (!toEditor && same) out[name] = word;
  }
  return out;
}

const rootList = order => ({
  fromFile: text => ({
    header: text.match(HEADER)[0],
    items: (YAML.parse(text) || []).map(item => mapTextConstants(item, true)),
  }),
  toFile: data => (data.header || '') +
    dump(ordered((prune(data.items) || []).map(item => mapTextConstants(item, false)), order)),
});

const frontMatter = order => ({
  fromFile(text) {
    const match = text.match(FRONT_MATTER);
    if (!match) return { body: text };
    return { ...(YAML.parse(match[1]) || {}), body: text.slice(match[0].length) };
  },
  toFile(data) {
    const { body = '', ...meta } = data;
    return `---\\n${dump(ordered(prune(meta) || {}, order))}---\\n${body}`;
  },
});

for (const [name, { extension, order }] of Object.entries(FORMATS)) {
  CMS.registerCustomFormat(name, extension, (extension === 'md' ? frontMatter : rootList)(order));
}
CMS.init();
"""


def require_installed(node_modules: Path = NODE_MODULES) -> None:
    if not (node_modules / "decap-cms" / "dist" / "decap-cms.js").is_file() or \
            not (node_modules / ".bin" / "decap-server").exists():
        raise Missing(node_modules)


def ui_locale(node_modules: Path) -> str:
    """Decap's interface in Vietnamese when this version has it, else in English."""
    return "vi" if (node_modules / "decap-cms-locales" / "src" / "vi").is_dir() else "en"


def build_admin(root: Path, dest: Path, backend_url: str,
                node_modules: Path = NODE_MODULES) -> Path:
    """The editor page for the content tree at `root` in `dest`: index.html, config.yml, admin.js,
    Decap's bundle and the YAML library Decap itself uses."""
    require_installed(node_modules)
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for path in (node_modules / "decap-cms" / "dist").iterdir():
        if path.name.endswith("decap-cms.js") or path.suffix == ".wasm":  # bundle and its chunks
            shutil.copy2(path, dest / path.name)
    shutil.copytree(node_modules / "yaml" / "browser" / "dist", dest / "yaml")
    config = cms_config.build_config(root, backend_url, ui_locale(node_modules))
    (dest / "config.yml").write_text(cms_config.config_yaml(config), encoding="utf-8")
    (dest / "admin.js").write_text(admin_js(root, config), encoding="utf-8")
    (dest / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    return dest


def admin_js(root: Path, config: dict) -> str:
    constants = cms_config.text_constants(cms_config.load_schemas(root))
    return ADMIN_JS % {"formats": json.dumps(cms_config.formats(config), ensure_ascii=False),
                       "constants": json.dumps(constants, ensure_ascii=False)}
