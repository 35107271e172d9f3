"""Hypothesis strategies shared by the property tests and the long fuzz run."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
_CORPUS = sorted((REPO / "tests" / "fixtures" / "scan").iterdir())
_SEEDS = [path.read_bytes() for path in _CORPUS]
_LOCKS = sorted((REPO / "tests" / "fixtures" / "lockfiles").rglob("*"))
LOCK_SEEDS = [(path.name, path.read_bytes()) for path in _LOCKS if path.is_file()]

TOKENS = [b"Taro", b"wx", b".", b"(", b")", b"{", b"}", b"[", b"]", b"'", b'"', b"`", b"${", b"//", b"/*", b"*/",
          b"\n", b" ", b"if", b"else", b"return", b"const ", b"=", b"=>", b"&&", b"||", b"!", b"?", b":", b",", b";",
          b"import ", b"from ", b"'@tarojs/taro'", b"getUserProfile", b"canIUse", b"process.env.TARO_ENV", b"===",
          b"typeof ", b"<View>", b"</View>", b"<script>", b"</script>", b"\x00", b"\xff", "中文".encode(), b"\r\n"]


def mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed with random slices deleted, duplicated or replaced by tokens: near-valid, often broken."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(seeds)))
        for _ in range(draw(st.integers(0, 6))):
            if not data:
                break
            at = draw(st.integers(0, len(data) - 1))
            length = draw(st.integers(0, min(40, len(data) - at)))
            action = draw(st.sampled_from(["delete", "insert", "duplicate"]))
            if action == "delete":
                del data[at : at + length]
            elif action == "insert":
                data[at:at] = draw(st.sampled_from(TOKENS))
            else:
                data[at:at] = data[at : at + length]
        return bytes(data)

    return build()


source_bytes = st.one_of(mutated(_SEEDS), st.lists(st.sampled_from(TOKENS), max_size=80).map(b"".join), st.binary(max_size=400))
