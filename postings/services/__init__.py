"""Writes. Every change to a request goes through a function here: views, the wizard's done(),
API views, admin actions and Celery tasks only parse input and call one of these."""
