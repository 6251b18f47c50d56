from pathlib import Path

import pytest

from deckbuilder.errors import InputError
from deckbuilder.ingest import read_builtin, read_tatoeba
from deckbuilder.ingest.chinese import to_simplified


def test_tatoeba_reader_keeps_first_translation_and_ids(mini_corpus: Path) -> None:
    pairs = list(read_tatoeba(mini_corpus))
    assert len(pairs) == 11  # 12 lines, one Chinese sentence with two translations
    first = pairs[0]
    assert first.zh == "我去银行取钱。"
    assert first.en == "I am going to the bank to get money."
    assert first.source == "tatoeba:101/201"
    assert first.score == 1.0


def test_traditional_is_converted_and_original_kept(mini_corpus: Path) -> None:
    pair = next(p for p in read_tatoeba(mini_corpus) if p.source.startswith("tatoeba:102/"))
    assert pair.zh == "他们很喜欢这个城市。"
    assert pair.zh_original == "他們很喜歡這個城市。"


def test_to_simplified_leaves_simplified_text_alone() -> None:
    assert to_simplified("我们学习中文。") == "我们学习中文。"
    assert to_simplified("學習") == "学习"


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("1\t你好。\t2\tHello.\n3\t只有两列\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_tatoeba(bad))
    assert "bad.tsv:2:" in str(info.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.tsv"):
        list(read_tatoeba(tmp_path / "nothing.tsv"))


def test_builtin_corpus_streams_from_the_hsg_package() -> None:
    pairs = read_builtin()
    first = [next(pairs) for _ in range(50)]
    assert all(p.source.startswith("tatoeba:") and p.zh and p.en for p in first)
    assert len({p.source.split("/")[0] for p in first}) == 50  # one pair per Chinese sentence
