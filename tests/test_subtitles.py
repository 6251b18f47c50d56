"""Subtitles: reading .srt/.vtt cues, aligning a Chinese and an English file (or one bilingual file) by time.

The episode below is written for these tests: 26 scenes, cues split mid-sentence on either side, the English
file 2.5 s early, one cue on each side without a partner, markup, sound tags and lyrics to drop.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from deckbuilder import align
from deckbuilder.align import subtitles as align_subtitles
from deckbuilder.align.subtitles import align_cues, estimate_offset, goes_on, stamp
from deckbuilder.errors import InputError
from deckbuilder.ingest import InputFormat, read_inputs, sniff
from deckbuilder.ingest import subtitles as ingest_subtitles
from deckbuilder.ingest.subtitles import clean_line, read_cues, read_subtitles
from deckbuilder.models import Document

# One scene a tuple: its Chinese cues, its English cues. A scene with cues on one side only is a cue missing
# on the other; a scene whose cues clean to nothing (sound, lyrics) disappears from both.
SCENES: list[tuple[list[str], list[str]]] = [
    (["你好，欢迎来到北京。"], ["Hello, welcome to Beijing."]),
    (["我们先去酒店，", "然后去吃晚饭。"], ["First we go to the hotel, then we have dinner."]),
    (["今天天气很好。"], ["The weather is nice today."]),
    (["你饿不饿？"], ["Are you hungry?"]),
    (["我有点饿。"], ["I am a little hungry."]),
    (["等一下！"], []),  # no English cue
    (["我的手机在哪里？"], ["Where is my phone?"]),
    (["我觉得你把它放在桌子上了。"], ["I think you", "put it on the table."]),
    (["谢谢你。"], ["Thank you."]),
    ([], ["Come on, let's go."]),  # no Chinese cue
    (["这家饭馆的菜", "非常好吃。"], ["The food at this restaurant", "is delicious."]),
    (["我想要一杯茶。"], ["I would like a cup of tea."]),
    (["- 你要茶吗？\n- 不要，谢谢。"], ["- Do you want tea?\n- No, thanks."]),
    (["（笑）好的。"], ["(laughs) Okay."]),
    (["{\\an8}<i>明天见。</i>"], ["<i>See you tomorrow.</i>"]),
    ([], ["[MUSIC PLAYING]"]),
    (["♪ 风吹过小河 ♪"], ["♪ The wind over the river ♪"]),
    (
        ["他明天早上八点", "要坐火车去上海。"],
        ["He is taking the train", "to Shanghai at eight", "tomorrow morning."],
    ),
    (["我们应该早点睡觉。"], ["We should go to bed early."]),
    (["晚安。"], ["Good night."]),
    (["你的中文说得很好。"], ["Your Chinese is very good."]),
    (["我学了三年。"], ["I studied for three years."]),
    (["对。", "我知道。"], ["Right, I know."]),
    (["老师是谁？"], ["Who was your teacher?"]),
    (["我的老师是王先生。"], ["My teacher was Mr. Wang."]),
    (['<font color="#ffff00">下雨了。</font>'], ["JOHN: It's raining."]),
]
OFFSET = 2.5  # the English file runs this much early


def _srt_time(seconds: float) -> str:
    return stamp(seconds).replace(".", ",")


def _cues(texts: list[str], start: float, span: float, jitter: float) -> list[tuple[float, float, str]]:
    """`texts` laid out over [start, start + span), in proportion to their length, 0.2 s apart."""
    total = sum(len(t) for t in texts)
    out, t = [], start
    for text in texts:
        length = span * len(text) / total
        out.append((t + jitter, t + length - 0.2, text))
        t += length
    return out


def _episode() -> tuple[list[tuple[float, float, str]], list[tuple[float, float, str]], list[tuple]]:
    """(zh cues, en cues on their own clock, the expected beads as (zh indices, en indices))."""
    zh, en, expected = [], [], []
    t = 1.0
    for k, (zs, es) in enumerate(SCENES):
        span = 1.5 + 0.12 * max(sum(map(len, zs)), 0.4 * sum(map(len, es)))
        zh += _cues(zs, t, span, 0.0) if zs else []
        jitter = 0.08 * (k % 3 - 1)
        en += [(s - OFFSET, e - OFFSET, x) for s, e, x in _cues(es, t, span, jitter)] if es else []
        kept_zh = [z for z in zs if clean_line(z)]
        kept_en = [e for e in es if clean_line(e)]
        if kept_zh or kept_en:
            n, m = sum(len(z) for z, _ in expected), sum(len(e) for _, e in expected)
            expected.append((tuple(range(n, n + len(kept_zh))), tuple(range(m, m + len(kept_en)))))
        t += span + 1.0
    return zh, en, expected


def _write_srt(
    path: Path, cues: list[tuple[float, float, str]], newline: str = "\n", bom: bool = False
) -> Path:
    blocks = [f"{k}\n{_srt_time(s)} --> {_srt_time(e)}\n{text}\n" for k, (s, e, text) in enumerate(cues, 1)]
    text = ("\ufeff" if bom else "") + "\n".join(blocks)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


@pytest.fixture
def episode(tmp_path: Path) -> tuple[Path, Path, list[tuple]]:
    zh, en, expected = _episode()
    # The Chinese file with a BOM and CRLF line ends, as many subtitle tools save them.
    zh_path = _write_srt(tmp_path / "episode01.zh.srt", zh, newline="\r\n", bom=True)
    en_path = _write_srt(tmp_path / "episode01.en.srt", en)
    return zh_path, en_path, expected


# ------------------------------------------------------------------------------------------------ reading
@pytest.mark.parametrize("module", [ingest_subtitles, align_subtitles])
def test_docstring_examples(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("<i>Hello there.</i>", "Hello there."),
        ("{\\an8}在上面", "在上面"),
        ("[DOOR SLAMS]", ""),
        ("(laughs) Okay.", "Okay."),
        ("【音乐】", ""),
        ("♪ la la ♪", ""),
        ("- Where to?", "Where to?"),
        ("－去哪儿？", "去哪儿？"),
        ("MARY: Come here.", "Come here."),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("<v Anna><c.yellow>Fine.</c></v>", "Fine."),
    ],
)
def test_clean_line(line: str, clean: str) -> None:
    assert clean_line(line) == clean


def test_read_srt_with_bom_crlf_markup_and_no_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "a.srt"
    text = (
        "\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>- 你去哪儿？</i>\r\n- 回家。\r\n\r\n"
        "2\r\n00:00:03,000 --> 00:00:04,000 X1:10 X2:20\r\n[音乐]\r\n\r\n"
        "3\r\n00:00:05,000 --> 00:00:06,000\r\n好的。\r\n"
        "4\r\n00:00:07,000 --> 00:00:08,250\r\n走吧。\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    cues = read_cues(path)
    assert [(c.start, c.end, c.zh, c.line) for c in cues] == [
        (1.0, 2.5, "你去哪儿？回家。", 2),
        (5.0, 6.0, "好的。", 11),
        (7.0, 8.25, "走吧。", 14),
    ]
    assert sniff(path) is InputFormat.srt


def test_malformed_timestamp_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n好。\n\n2\n00:00:03,000 --> 00:0x:04,000\n走。\n")
    with pytest.raises(InputError, match=r"bad\.srt:6: malformed timestamp"):
        read_cues(path)
    path.write_text("Not a subtitle file at all.\n\nStill not.\n")
    with pytest.raises(InputError, match=r"bad\.srt:1: expected a subtitle cue"):
        read_cues(path)


def test_continuation_flags() -> None:
    assert goes_on(["我们先去酒店，", "然后去吃晚饭。", "这家饭馆的菜", "非常好吃。"], zh=True) == [
        True,
        False,
        True,
        False,
    ]
    assert goes_on(["I think you", "put it on the table.", "Okay"], zh=False) == [True, False, False]


def test_offset_from_cue_starts() -> None:
    zh, en, _ = _episode()
    found = estimate_offset([(s, e) for s, e, _ in zh], [(s, e) for s, e, _ in en])
    assert found == pytest.approx(OFFSET, abs=0.1)
    assert estimate_offset([(0.0, 1.0)], [(50.0, 51.0)]) == 0.0  # one cue each: too little to tell


# ----------------------------------------------------------------------------------------------- aligning
def test_subtitle_pair_aligns_cue_groups(episode: tuple[Path, Path, list[tuple]]) -> None:
    zh_path, en_path, expected = episode
    (doc,) = read_subtitles([en_path, zh_path])  # either order: paired by script
    assert doc.name == "episode01.srt"
    beads, offset = align_cues(doc.zh, doc.en, doc.zh_times, doc.en_times)
    assert offset == pytest.approx(OFFSET, abs=0.1)
    assert [(b.zh, b.en) for b in beads] == expected
    assert len(expected) >= 24 and len(doc.zh) + len(doc.en) == 54


def test_subtitle_pairs_carry_episode_and_time(episode: tuple[Path, Path, list[tuple]]) -> None:
    zh_path, en_path, _ = episode
    pairs = [p for p in read_inputs([zh_path, en_path]) if not isinstance(p, Document)]
    assert pairs == []  # subtitles come as one timed document
    (doc,) = read_inputs([zh_path, en_path])
    pairs = align.align(doc)
    by_zh = {p.zh: p for p in pairs}
    assert by_zh["我们先去酒店，然后去吃晚饭。"].en == "First we go to the hotel, then we have dinner."
    train = "He is taking the train to Shanghai at eight tomorrow morning."
    assert by_zh["他明天早上八点要坐火车去上海。"].en == train
    assert by_zh["你要茶吗？不要，谢谢。"].en == "Do you want tea? No, thanks."
    assert by_zh["下雨了。"].en == "It's raining." and by_zh["明天见。"].en == "See you tomorrow."
    assert by_zh["等一下！"].en == "" and by_zh["等一下！"].score == 0.0
    assert pairs[0].source == "episode01.srt@00:00:01.000"
    assert min(p.score for p in pairs if p.zh and p.en) >= 0.4  # every true pair passes --min-score


def test_bilingual_single_file(tmp_path: Path) -> None:
    path = tmp_path / "show.srt"
    cues = [
        "我觉得，\nI think",
        "我们该走了。\nwe should go now.",
        "<i>为什么？</i>\n<i>Why?</i>",
        "[笑声]\n[LAUGHTER]",
        "因为快下雨了。\nBecause it's going to rain.",
        "好吧。\nAll right.",
    ]
    text = "".join(
        f"{k}\n{_srt_time(2.0 * k)} --> {_srt_time(2.0 * k + 1.8)}\n{c}\n\n" for k, c in enumerate(cues, 1)
    )
    path.write_text(text, encoding="utf-8")
    (doc,) = read_subtitles([path])
    pairs = align.align(doc)
    assert [(p.zh, p.en) for p in pairs] == [
        ("我觉得，我们该走了。", "I think we should go now."),
        ("为什么？", "Why?"),
        ("因为快下雨了。", "Because it's going to rain."),
        ("好吧。", "All right."),
    ]
    assert [p.source for p in pairs] == [
        "show.srt@00:00:02.000",
        "show.srt@00:00:06.000",
        "show.srt@00:00:10.000",
        "show.srt@00:00:12.000",
    ]


def test_webvtt_pair(tmp_path: Path) -> None:
    zh = (
        "WEBVTT\n\nNOTE written for the tests\n\nSTYLE\n::cue { color: yellow }\n\n"
        "intro\n00:01.000 --> 00:03.000 align:start position:10%\n<v 小王>你好！</v>\n\n"
        "00:04.000 --> 00:06.000\n今天我们去公园，\n\n"
        "00:06.200 --> 00:08.000\n好不好？\n\n"
        "00:09.000 --> 00:10.500\n<c.yellow>好啊。</c>\n"
    )
    en = (
        "WEBVTT\n\n"
        "1\n00:00:01.300 --> 00:00:03.200\n<v Wang>Hello!</v>\n\n"
        "2\n00:00:04.300 --> 00:00:08.300\nShall we go to the park today?\n\n"
        "3\n00:00:09.300 --> 00:00:10.700\nSure &amp; why not.\n"
    )
    (tmp_path / "ep2.zh.vtt").write_text(zh, encoding="utf-8")
    (tmp_path / "ep2.en.vtt").write_text(en, encoding="utf-8")
    (doc,) = read_subtitles([tmp_path / "ep2.zh.vtt", tmp_path / "ep2.en.vtt"])
    pairs = align.align(doc)
    assert [(p.zh, p.en) for p in pairs] == [
        ("你好！", "Hello!"),
        ("今天我们去公园，好不好？", "Shall we go to the park today?"),
        ("好啊。", "Sure & why not."),
    ]
    assert pairs[1].source == "ep2.vtt@00:00:04.000"


def test_one_language_subtitle_without_partner_is_an_error(episode: tuple[Path, Path, list[tuple]]) -> None:
    zh_path, _, _ = episode
    with pytest.raises(InputError, match="no English subtitle file"):
        list(read_subtitles([zh_path]))


def test_cli_align_and_make_read_subtitles(episode: tuple[Path, Path, list[tuple]], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    zh_path, en_path, expected = episode
    out = tmp_path / "pairs.jsonl"
    args = ["align", str(zh_path), str(en_path), "-o", str(out), "--format", "jsonl"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(bool(z and e) for z, e in expected)
    assert '"source": "episode01.srt@00:00:01.000"' in lines[0]
    deck = tmp_path / "deck.apkg"
    args = ["make", "--level", "hsk2", str(zh_path), str(en_path), "-o", str(deck), "--max-new", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert deck.is_file()


def test_card_source_names_episode_and_time() -> None:
    from deckbuilder.cards import source_tag, source_text

    assert source_text("episode01.srt@00:12:03.450") == "episode01 at 00:12:03"
    assert source_tag("episode01.srt@00:12:03.450") == "source::episode01"
    assert source_tag("Show S01E02.vtt@01:02:03.000") == "source::Show_S01E02"
    assert source_text("notes.txt:3") == "notes.txt:3"
