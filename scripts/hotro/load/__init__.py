"""Reading content/ and docs/: YAML and Markdown sources, schemas, limits, and the one loader."""
