"""ZODB objects loaded per request, told in response headers: the bench instance only.

Only benchmarks/var/instance loads this module (its etc/package-includes names
it, and the bench puts benchmarks/ on its PYTHONPATH); no site of the add-on
does. ``Connection.getTransferCounts`` counts the objects the connection
unghosted (``setstate``); it is cleared at the end of every request, so the
count is the request's own. Asked with ``X-Bench-Probe: 1``, the answer also
names the content objects in the connection's cache and the cache's size, which
after a minimised cache are exactly the content objects the request loaded.
"""

import os


CONTENT = frozenset({"Mentor", "LoanRequest", "Training"})


def _connection(request):
    parents = request.get("PARENTS") or ()
    return getattr(parents[-1], "_p_jar", None) if parents else None


def before_commit(event):
    request = event.request
    connection = _connection(request)
    if connection is None:
        return
    loads, _stores = connection.getTransferCounts(clear=True)
    response = request.response
    response.setHeader("X-Bench-Loads", str(loads))
    if request.getHeader("X-Bench-Probe"):
        cache = connection._cache
        content = sum(1 for _oid, obj in cache.lru_items() if type(obj).__name__ in CONTENT)
        response.setHeader("X-Bench-Content-Objects", str(content))
        response.setHeader("X-Bench-Cache-Objects", str(cache.cache_non_ghost_count))


def before_abort(event):
    connection = _connection(event.request)
    if connection is not None:
        connection.getTransferCounts(clear=True)


def _trace_content_loads():
    """BENCH_TRACE_LOADS=1 logs the stack that loads each content object; =all, every load."""
    from ZODB.Connection import Connection

    import logging
    import traceback

    logger = logging.getLogger("bench_probe")
    setstate = Connection.setstate

    every = os.environ.get("BENCH_TRACE_LOADS") == "all"

    def traced(self, obj):
        setstate(self, obj)
        if every:
            logger.warning("loaded %s %r", type(obj).__name__, getattr(obj, "__name__", ""))
        elif type(obj).__name__ in CONTENT:
            stack = "".join(traceback.format_stack(limit=14)[:-1])
            logger.warning("%s loaded:\n%s", type(obj).__name__, stack)

    Connection.setstate = traced


if os.environ.get("BENCH_TRACE_LOADS"):
    _trace_content_loads()
