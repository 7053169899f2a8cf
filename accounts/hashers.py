"""Password hashing: Argon2id with the parameters of OWASP's Password Storage Cheat Sheet.

Django's defaults (100 MiB, 2 passes, 8 lanes) cost 326 ms of CPU per login on this 2-core machine
(measured with argon2-cffi: 193 ms wall over two cores). At that price six logins a second fill
both cores, so a burst of logins, or an attacker's attempts (throttled per account and address by
django-axes, but not in total), slows every other page. OWASP's configuration for Argon2id,
19 MiB of memory, 2 passes, 1 lane, costs 32 ms; OWASP lists it as the minimum with an equal level
of defence to its other options. Hashes made with other parameters still verify (the parameters are
in the hash) and are re-made with these at the person's next login (must_update)."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class PortalArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19456  # KiB: 19 MiB
    parallelism = 1
