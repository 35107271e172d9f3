"""Vocabulary several rules share (words for argument values, per language)."""

from __future__ import annotations

AXIS = {
    "en": {"taro": "Taro", "runtime": "{platform} base library"},
    "zh": {"taro": "Taro", "runtime": "{platform} 基础库"},
}
GUARD = {
    "en": {"can_i_use": "canIUse check", "exists": "existence test", "version": "base library comparison",
           "taro_env": "TARO_ENV test", "platform_file": "platform file", "platform_package": "platform package",
           "library_env": "library's platform test"},
    "zh": {"can_i_use": "canIUse 检测", "exists": "存在性检测", "version": "基础库版本比较",
           "taro_env": "TARO_ENV 判断", "platform_file": "平台文件", "platform_package": "平台包", "library_env": "库自身的平台判断"},
}

# why a lock file is stale: TC002, TC005 (values: package, declared, and the lock file's own value)
STALE = {
    "en": {"records": "records {package} '{stale_value}' where package.json says '{declared}'",
           "resolves": "resolves {stale_value}, outside package.json's '{declared}'"},
    "zh": {"records": "记录的是 {package} '{stale_value}'，而 package.json 中为 '{declared}'",
           "resolves": "解析为 {stale_value}，不在 package.json 的 '{declared}' 范围内"},
}


def stale_phrase(lang: str, kind: str, value: str, package: object, declared: object) -> str:
    """One stale lock file's reason, as STALE words it."""
    words = STALE.get(lang, STALE["en"])
    template = words.get(kind, kind)
    return template.replace("{package}", str(package)).replace("{stale_value}", value).replace("{declared}", str(declared))


def items(value: object) -> tuple[str, ...]:
    """A tuple argument's items (none when unset)."""
    return value if isinstance(value, tuple) else ()
