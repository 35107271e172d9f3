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
