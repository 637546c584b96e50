"""Memory back to the system after pictures are encoded.

Encoding the AVIF renditions of one wide picture takes 40–60 MB (Wagtail encodes three at a
time, each thread with its own malloc arena), which glibc keeps in the worker process after it
is freed: the first visitor to a page with new pictures would leave a worker at well over its
usual size for good. After renditions are written to the database, `malloc_trim` hands the
freed memory back. Where the C library has no such call (not glibc), nothing happens.
"""

import ctypes
import ctypes.util
import functools
import re

from home.connections import wrap_every_connection

# Also SQLite's "INSERT OR IGNORE", which Wagtail's bulk creation writes.
RENDITION_INSERT = re.compile(
    r'^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+"wagtailimages_rendition"', re.IGNORECASE
)


@functools.cache
def _trim():
    library = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(library).malloc_trim if library else None
    except (OSError, AttributeError):
        return None


def memory_return() -> None:
    """Give the C library's free memory back to the system."""
    trim = _trim()
    if trim is not None:
        trim(0)


def _after_renditions(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and RENDITION_INSERT.match(sql):
        memory_return()
    return result


def install() -> None:
    wrap_every_connection(_after_renditions, "torget-rendition-memory")
