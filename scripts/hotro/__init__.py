"""hotro: the generator of the victim-support sites. Sub-packages, in dependency order:

model (records, URLs, phones, problems, messages) <- load (YAML and Markdown sources, schemas,
the one loader) <- checks (references, editions, translations, numbers, links); render (page
parts) depends on model only; outputs (extra files of an edition); plugin (the MkDocs plugin);
build (the build command, publishing); editors (the editors' commands); deploy (nginx).
Nothing imports build, editors or hotro_bench.
"""
