"""Turning validated content into HTML: page parts, data markers, phone links, JSON-LD, QR."""
