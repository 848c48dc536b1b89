"""Settings of the server the load test runs against: production settings with DEBUG off,
django-axes off (200 simulated reporters log in from one address) and loopback hosts.

`DJANGO_SETTINGS_MODULE=bench.settings_bench` with the repository root on PYTHONPATH.
"""

import os

# As docs/scaling.md deploys it: sessions and users' roles in the machine's Redis.
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
# The server refuses to start without a key outside DEBUG (thidua/wsgi.py); the bench's own.
os.environ.setdefault("SECRET_KEY", "bench-only-" + "k" * 50)

from thidua.settings import *  # noqa: E402, F403

DEBUG = False
AXES_ENABLED = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
