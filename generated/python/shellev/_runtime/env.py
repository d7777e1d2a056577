"""Settings from environment variables and an optional ``.env`` file, for the generated
``Client.from_environment(dotenv_path=None, **overrides)``.

``.env`` files are read with ``python-dotenv``, an optional extra (``pip install
'<package>[dotenv]'``); without it only the process environment is used, and passing a
``dotenv_path`` raises a :class:`ConfigurationException` that says how to install it. Variables
already in the environment win over the file.
"""

from __future__ import annotations

import os
from typing import Dict, List, Mapping, Optional

from .errors import ConfigurationException


def load_env_settings(prefix: str = "", dotenv_path: Optional[str] = None) -> EnvSettings:
    """The environment (plus the ``.env`` file at ``dotenv_path``, or ``./.env`` when it exists
    and python-dotenv is installed), restricted to names starting with ``prefix`` (which is
    removed).

    Raises:
        ConfigurationException: ``dotenv_path`` was given but python-dotenv is not installed, or
            the file does not exist.
    """
    values: Dict[str, str] = {}
    try:
        from dotenv import dotenv_values
    except ImportError:
        if dotenv_path is not None:
            raise ConfigurationException(
                "Reading a .env file needs python-dotenv: install the SDK with its 'dotenv' extra "
                "(pip install '<package>[dotenv]') or pip install python-dotenv"
            ) from None
    else:
        path = dotenv_path if dotenv_path is not None else os.path.join(os.getcwd(), ".env")
        if dotenv_path is not None and not os.path.isfile(path):
            raise ConfigurationException(f"dotenv_path {path!r} is not a file")
        if os.path.isfile(path):
            values.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    values.update(os.environ)
    return EnvSettings({k[len(prefix) :]: v for k, v in values.items() if k.startswith(prefix)})


class EnvSettings:
    """Typed access to settings read by :func:`load_env_settings`; every getter returns ``None``
    for an unset or empty variable and raises :class:`ConfigurationException` naming the
    variable (never its value) when the value does not parse."""

    def __init__(self, values: Mapping[str, str]) -> None:
        """Wraps the name → text mapping."""
        self._values = dict(values)

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def get_str(self, name: str) -> Optional[str]:
        """The text, stripped."""
        value = self._values.get(name)
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def get_float(self, name: str) -> Optional[float]:
        """A number."""
        text = self.get_str(name)
        if text is None:
            return None
        try:
            return float(text)
        except ValueError:
            raise ConfigurationException(f"Environment variable {name} must be a number") from None

    def get_int(self, name: str) -> Optional[int]:
        """A whole number."""
        text = self.get_str(name)
        if text is None:
            return None
        try:
            return int(text)
        except ValueError:
            raise ConfigurationException(f"Environment variable {name} must be a whole number") from None

    def get_bool(self, name: str) -> Optional[bool]:
        """``true``/``false``, ``1``/``0``, ``yes``/``no``, ``on``/``off``."""
        text = self.get_str(name)
        if text is None:
            return None
        lowered = text.lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ConfigurationException(f"Environment variable {name} must be true or false")

    def get_list(self, name: str) -> Optional[List[str]]:
        """A comma-separated list (items stripped, empty items dropped)."""
        text = self.get_str(name)
        if text is None:
            return None
        return [item.strip() for item in text.split(",") if item.strip()]

    def get_int_list(self, name: str) -> Optional[List[int]]:
        """A comma-separated list of whole numbers."""
        items = self.get_list(name)
        if items is None:
            return None
        try:
            return [int(item) for item in items]
        except ValueError:
            raise ConfigurationException(
                f"Environment variable {name} must be a comma-separated list of whole numbers"
            ) from None

    def __repr__(self) -> str:
        """Names only (values may be secrets)."""
        return f"EnvSettings({sorted(self._values)!r})"
