"""`make new`'s pieces: what every request shares (common), page pairs (pages), contacts and
editions (records). The command itself is hotro.editors.new_content."""
