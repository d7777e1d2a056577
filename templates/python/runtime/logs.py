"""The SDK's logging: the standard library's ``logging``, under the package's logger name, with a
per-client threshold (``log_level``: ``off``, ``error``, ``warn``, ``info``, ``debug``; default
``warn``) applied on top of the logger's own level.

Log lines name operations, statuses, redacted URLs and timings; never a header, body or secret.
Retries are logged at ``INFO``, every response at ``DEBUG``, token-store and refresh problems at
``WARNING``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Dict, Literal, Optional, Union

#: From quiet to chatty; ``off`` logs nothing.
LogLevel = Literal["off", "error", "warn", "info", "debug"]

#: The default ``log_level``.
DEFAULT_LOG_LEVEL: LogLevel = "warn"

#: Each level's threshold in ``logging``'s numbers.
LEVELS: Dict[str, int] = {
    "off": logging.CRITICAL + 10,
    "error": logging.ERROR,
    "warn": logging.WARNING,
    "info": logging.INFO,
    "debug": logging.DEBUG,
}

if TYPE_CHECKING:
    _Adapter = logging.LoggerAdapter[logging.Logger]
else:
    _Adapter = logging.LoggerAdapter


def parse_log_level(value: Optional[str]) -> LogLevel:
    """``value`` as a level; ``None`` or an unknown value (a typo in an environment variable)
    counts as the default."""
    text = (value or "").strip().lower()
    if text == "warning":
        return "warn"
    for level in ("off", "error", "warn", "info", "debug"):
        if text == level:
            return level
    return DEFAULT_LOG_LEVEL


class LeveledLogger(_Adapter):
    """``logger`` with everything below ``level`` silenced, for one client.

    A level more verbose than the logger's effective level lowers the logger's own level when it
    has none set (so ``SHELLEV_LOG=debug`` reaches your handlers without more setup); other
    clients keep their own thresholds.
    """

    def __init__(self, logger: logging.Logger, level: str = DEFAULT_LOG_LEVEL) -> None:
        """See the class docstring; ``level`` is read with :func:`parse_log_level`."""
        super().__init__(logger, {})
        self.level: LogLevel = parse_log_level(level)
        self.threshold = LEVELS[self.level]
        if self.level != "off" and logger.level == logging.NOTSET and self.threshold < logger.getEffectiveLevel():
            logger.setLevel(self.threshold)

    def isEnabledFor(self, level: int) -> bool:
        """Below this client's threshold: no; else as the logger says."""
        return level >= self.threshold and self.logger.isEnabledFor(level)

    def __repr__(self) -> str:
        return f"LeveledLogger({self.logger.name!r}, {self.level!r})"


#: What the runtime logs through: a logger, or one with a client's threshold.
Log = Union[logging.Logger, LeveledLogger]

__all__ = ["DEFAULT_LOG_LEVEL", "LEVELS", "LeveledLogger", "Log", "LogLevel", "parse_log_level"]
