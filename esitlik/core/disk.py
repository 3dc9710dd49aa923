"""Telling a full disk from other write errors, for the messages that name it."""

from __future__ import annotations

import errno


def is_disk_full(error: BaseException) -> bool:
    """Whether writing failed because the disk (or the user's quota on it) is full: the
    administrator's to fix, which an import or a report says instead of "an unexpected
    error"."""
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
