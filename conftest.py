# Repository-root conftest: makes `tests` importable as a package for the shared factories, and
# registers the real-worker fixtures once for the whole suite.
pytest_plugins = ["tests.worker"]
