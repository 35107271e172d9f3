"""TC007 no-targets-declared: a note of the targets stage and the entry check (worded here, en and zh)."""

from __future__ import annotations

from collections.abc import Mapping

from checker.findings import Arg, Severity
from checker.rules._words import evidence_phrase, items
from checker.rules.rule import Rule, Template
from checker.targets.model import details_of


def _phrases(lang: str, values: Mapping[str, Arg]) -> dict[str, Arg]:
    """Each guessed platform with its first piece of evidence; the globals of a platform its source never calls."""
    said = "{0}：{1}" if lang == "zh" else "{0}: {1}"
    pairs = zip(items(values.get("chosen")), (evidence_phrase(lang, d) for d in details_of(values)), strict=False)
    own = "/".join(items(values.get("own"))) or ("其全局对象" if lang == "zh" else "its global")
    return {"said": ("；" if lang == "zh" else "; ").join(said.format(platform, detail) for platform, detail in pairs), "own_globals": own}


RULE = Rule(
    code='TC007',
    slug='no-targets-declared',
    severity=Severity.WARNING,
    summary={"en": 'No target is declared', "zh": '未声明目标平台'},
    explanation=("Info when the targets were guessed from evidence, warning when there was none. Without a declaration (`taroCompat` "
                 "in package.json, `taro-compat.yaml`, `--targets`), the targets come from evidence that the team ships to a platform: "
                 "its project file with a real app id, or one the platform's devtools opened (`libVersion`, `condition`); a platform "
                 "plugin in config/index `plugins`; an `outputRoot` naming the platform; a CI workflow that runs its build; a build "
                 "script written for it, or kept when the template's others were removed. Taro's template writes a script for every "
                 "platform and a project.config.json with the placeholder app id `touristappid`: alone those are not evidence. With no "
                 "evidence at all, WeChat is assumed. Every report's first line says the targets were guessed."),
    fix='`taro-compat init` writes the guessed targets into package.json (`--targets Q` to choose).',
    example=None,
    messages={
        "en": {
            "assumed": Template("no targets declared and no evidence of where the project ships: assuming {platform};"
                                " declare them with `{command} --targets ...`"),
            "guessed": Template("no targets declared: guessed {chosen} from the evidence ({said}); declare them with `{command}`"),
            "contradicted": Template("{platform} was guessed as a target, but the app's entry calls {callee}() unguarded at"
                                     " {site_file}:{site_line}, which that build could not run: {platform} left out of the guessed"
                                     " targets; declare the targets (taro-compat init --targets ...) if it is one"),
            "sourced": Template("{platform} was guessed from build scripts or a template's project file only, but {count} files"
                                " call {via}.* unguarded (first {callee}() at {site_file}:{site_line}) and none calls {own_globals}:"
                                " the source is written for another platform; {platform} left out of the guessed targets;"
                                " declare the targets (taro-compat init --targets ...) if it is one"),
        },
        "zh": {
            "assumed": Template("未声明目标平台，也没有项目发布到哪些平台的证据：假定为 {platform}；请用 `{command} --targets ...` 声明"),
            "guessed": Template("未声明目标平台：根据证据推断为 {chosen}（{said}）；请用 `{command}` 声明"),
            "contradicted": Template("{platform} 是推断出的目标平台，但应用入口在 {site_file}:{site_line} 未加保护地调用了 {callee}()，"
                                     "该平台的构建无法运行：已将 {platform} 移出推断的目标平台；如果确实要支持它，"
                                     "请声明目标平台（taro-compat init --targets ...）"),
            "sourced": Template("{platform} 仅凭构建脚本或模板生成的项目文件推断为目标平台，但有 {count} 个文件未加保护地调用了 {via}.*"
                                "（第一处是 {site_file}:{site_line} 的 {callee}()），且没有文件调用 {own_globals}："
                                "源码是为其他平台写的；已将 {platform} 移出推断的目标平台；如果确实要支持它，"
                                "请声明目标平台（taro-compat init --targets ...）"),
        },
    },
    phrases=_phrases,
)
