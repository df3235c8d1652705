"""The wall time a user has waited: since the process started, interpreter start-up and imports included."""

from __future__ import annotations

import os
import time

IMPORTED = time.monotonic()  # the fallback start where /proc does not say (imported early by pipeline.cli)


def wall_seconds() -> float:
    """Seconds since this process started (Linux /proc), else since this module was imported."""
    since_import = time.monotonic() - IMPORTED
    try:
        with open("/proc/self/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()  # after "(command name)", field 3 is first
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time, in ticks since boot
        seconds = time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return since_import
    # a clock from another namespace or a rounding quirk: never report less than we have seen ourselves
    return seconds if since_import <= seconds < since_import + 3600 else since_import
