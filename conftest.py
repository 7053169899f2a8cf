# Repository-root conftest: makes `tests` importable as a package for the shared factories.
