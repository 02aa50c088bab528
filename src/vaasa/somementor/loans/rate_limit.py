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


def allow(address, limit, now=None):
    """Count one request from ``address``; False when it is over ``limit`` this hour."""
    now = time.monotonic() if now is None else now
    with _lock:
        times = _seen[address]
        while times and now - times[0] > WINDOW:
            times.popleft()
        if len(times) >= limit:
            return False
        times.append(now)
        return True


def reset():
    with _lock:
        _seen.clear()
