"""Certificates, inbox messages and the caseworker's tools (filled by the pipeline work)."""
