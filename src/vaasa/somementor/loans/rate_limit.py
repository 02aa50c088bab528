"""At most N loan requests an hour from one network address, counted in this process.

Kept in memory: it protects against a script hammering the form, and forgets
everything on restart, which is fine for that purpose. A request counts once its
transaction has committed, so a retried or failed one costs the visitor nothing.
"""

from collections import defaultdict
from collections import deque

import math
import threading
import time


WINDOW = 3600.0

_lock = threading.Lock()
_seen = defaultdict(deque)


def _recent(address, now):
    times = _seen[address]
    while times and now - times[0] > WINDOW:
        times.popleft()
    return times


def exceeded(address, limit, now=None):
    """True when ``address`` has stored ``limit`` requests within the hour."""
    now = time.monotonic() if now is None else now
    with _lock:
        return len(_recent(address, now)) >= limit


def retry_after(address, limit, now=None):
    """Whole seconds until ``address`` may send again (at least 1)."""
    now = time.monotonic() if now is None else now
    with _lock:
        times = _recent(address, now)
        if len(times) < limit:
            return 0
        # The oldest request that keeps the count at the limit must leave the window.
        return max(1, math.ceil(times[len(times) - limit] + WINDOW - now))


def count(address, now=None):
    """Count a stored request; refused ones are not counted, so typos cost nothing."""
    now = time.monotonic() if now is None else now
    with _lock:
        _recent(address, now).append(now)


def reset():
    with _lock:
        _seen.clear()
