"""Turning validated content into HTML; knows hotro.model only.

render (a page's parts, the entry point) -> markers (the one registry of data markers) ->
data_blocks (what each marker shows) and page_parts (facts box, notices, sources foot), all on
page_render (one page in one language: templates, texts, links). Beside them: phone_links,
jsonld, print_qr, search_index, embed_blocks, html_sanitize, csp, template_cache, ui_text.
"""
