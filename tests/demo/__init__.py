"""End-to-end tests: the real pipeline against the demo corpus's gold."""
