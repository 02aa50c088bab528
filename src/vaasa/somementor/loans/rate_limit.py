"""At most N loan requests an hour from one network address, counted in this process.

Kept in memory: it protects against a script hammering the form, and forgets
everything on restart, which is fine for that purpose.
"""

from collections import defaultdict
from collections import deque

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


def count(address, now=None):
    """Count a stored request; refused ones are not counted, so typos cost nothing."""
    now = time.monotonic() if now is None else now
    with _lock:
        _recent(address, now).append(now)


def reset():
    with _lock:
        _seen.clear()
