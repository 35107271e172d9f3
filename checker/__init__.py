"""taro-compat: will every platform API a Taro project calls work where it ships?"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
