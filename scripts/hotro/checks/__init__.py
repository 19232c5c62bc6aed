"""Checks across files and on the built HTML: references, editions, translations, numbers, links."""
