"""Vocabulary several rules share (words for argument values, per language)."""

from __future__ import annotations

from checker.targets.model import Detail

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


# what a piece of evidence of a target says (checker.targets.model.Said): the TC007 note and every report's first line.
# str.format templates: {name!r} quotes a value as Python does ('build:h5'); file names, app ids, commands stay as they are
EVIDENCE = {
    "en": {
        "appid": "{file} appid {appid}",
        "copied_appid": "{file} with appid {appid}, which is {owner}'s (a copy)",
        "placeholder_appid": "{file} with placeholder appid {appid!r}",
        "placeholder_appid_opened": "{file} with placeholder appid {appid!r}, opened in the devtools ({keys})",
        "no_appid": "{file} without an appid",
        "no_appid_opened": "{file} without an appid, opened in the devtools ({keys})",
        "plugin": "{file} plugins {plugin}",
        "output_root": "outputRoot {root!r}",
        "config_env": "{file} sets something apart for TARO_ENV {word!r}",
        "ci": "CI runs {command!r}",
        "script_kept": "script {script!r} kept when the others were removed",
        "script_written": "script {script!r} written for it",
        "script_template": "script {script!r} as the template writes it",
        "script_alike": "script {script!r} one of a set written alike for every platform",
        "source_calls": "{count} files call {via}.* unguarded",
    },
    "zh": {
        "appid": "{file} 的 appid 为 {appid}",
        "copied_appid": "{file} 的 appid {appid} 属于 {owner}（是复制来的文件）",
        "placeholder_appid": "{file} 使用占位 appid {appid!r}",
        "placeholder_appid_opened": "{file} 使用占位 appid {appid!r}，但已在开发者工具中打开过（{keys}）",
        "no_appid": "{file} 没有 appid",
        "no_appid_opened": "{file} 没有 appid，但已在开发者工具中打开过（{keys}）",
        "plugin": "{file} 的 plugins 中配置了 {plugin}",
        "output_root": "outputRoot 为 {root!r}",
        "config_env": "{file} 针对 TARO_ENV {word!r} 做了单独配置",
        "ci": "CI 中运行 {command!r}",
        "script_kept": "删除其他平台的脚本后仍保留了脚本 {script!r}",
        "script_written": "脚本 {script!r} 是专为该平台编写的",
        "script_template": "脚本 {script!r} 与模板生成的一致",
        "script_alike": "脚本 {script!r} 属于为每个平台照同一写法编写的一组脚本",
        "source_calls": "{count} 个文件未加保护地调用了 {via}.*",
    },
}


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""  # an empty argument (appid "") is left out of a note's aligned arguments


def evidence_phrase(lang: str, detail: Detail) -> str:
    """What a piece of evidence says, in ``lang`` (English where there is no translation)."""
    words = EVIDENCE.get(lang, EVIDENCE["en"])
    template = words.get(detail.said.value) or EVIDENCE["en"][detail.said.value]
    values = _Values({name: ", ".join(value) if isinstance(value, tuple) else str(value) for name, value in detail.args.items()})
    return template.format_map(values)


def items(value: object) -> tuple[str, ...]:
    """A tuple argument's items (none when unset)."""
    return value if isinstance(value, tuple) else ()
