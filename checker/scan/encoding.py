"""Source bytes -> UTF-8 bytes the parsers read, and what was done to get there.

Most sources are UTF-8. Older Chinese projects keep some files in GBK or
GB18030, and Windows editors write UTF-16 with a byte-order mark; Taro's
compiler still builds them (their code is ASCII), so they are decoded and
scanned, never skipped. Which legacy encoding a file is in is guessed by
charset-normalizer, among the encodings such a project plausibly uses: left
to choose among every code page, it takes a short GBK file for Shift JIS.
Lines stay lines, so every position found in the UTF-8 text is the source's.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.scan.sites import ScanNote, ScanNoteKind

__all__ = ["Decoded", "to_utf8"]

# GB18030 is a superset of GBK and GB2312; Big5 for traditional Chinese; the rest for the odd Japanese,
# Korean or Western file. Order breaks ties: the first is the likeliest in a Taro project.
_CANDIDATES = ("gb18030", "big5", "shift_jis", "euc_kr", "cp1252")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: bytes | None  # UTF-8, without a byte-order mark; None when no encoding fits
    encoding: str  # "utf-8", or the encoding the file was decoded from
    note: ScanNote | None = None  # for the report, when the file was not plain UTF-8


def to_utf8(raw: bytes) -> Decoded:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(name)  # the utf-16 codec reads (and drops) its own byte-order mark
            except UnicodeDecodeError:
                return Decoded(None, name, ScanNote(ScanNoteKind.BAD_BYTE_ORDER_MARK, encoding=name.upper()))
            body = text.removeprefix("\ufeff").encode("utf-8")
            if name == "utf-8":
                return Decoded(b"   " + body, name)  # keep columns: a BOM is not a character of the first line
            return Decoded(body, name, ScanNote(ScanNoteKind.DECODED_BY_MARK, encoding=name.upper()))
    try:
        raw.decode("utf-8")
        return Decoded(raw, "utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
    import charset_normalizer  # here, not at the top: it costs a tenth of a second, and most files are UTF-8

    match = charset_normalizer.from_bytes(raw, cp_isolation=list(_CANDIDATES)).best()
    if match is None:
        return Decoded(None, "unknown", ScanNote(ScanNoteKind.UNDECODABLE, line=line))
    encoding = match.encoding
    text = raw.decode(encoding)
    return Decoded(text.encode("utf-8"), encoding, ScanNote(ScanNoteKind.DECODED, line=line, encoding=encoding.upper()))
