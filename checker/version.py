"""The release of taro-compat: one place, read by the build (pyproject.toml) and by every stage that stamps it."""

__version__ = "0.1.0"
