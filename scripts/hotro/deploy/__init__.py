"""Serving a built edition: the nginx server block and a loopback nginx for tests."""
