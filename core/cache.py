"""Django's Redis cache, keeping its redis-py client instead of building one per call.

Django's RedisCacheClient.get_client builds a new `redis.Redis` around its connection pool for
every cache call, and redis-py 8's constructor (its response callbacks, its event dispatcher)
costs more than the call: on the bench machine 0.2 ms to build, against 0.16 ms for a GET. A
request reads its session and the user's roles from here, so each request paid it several
times (bench/README.md, "Instructions per report"). A `redis.Redis` is safe to share: it takes a
connection from the pool for each command. The pools, and so the clients, stay Django's: one per
server, per process and thread (django.core.cache.caches).
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        # Keyed by the pool's identity: the pools live in self._pools as long as this object.
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
