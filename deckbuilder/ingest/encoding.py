"""Bytes → text for the encodings learners' files come in: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030 and Big5. Anything else is an InputError naming the file (and the line of the first bad byte).

The one decision: GB18030 and Big5 both decode much of each other's bytes without error, so when UTF-8 fails
both are tried and the one whose text is made of common Chinese characters wins.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from deckbuilder.chinese import HAN
from deckbuilder.errors import InputError
from deckbuilder.ingest import streams

SAMPLE = 1 << 16

# Very frequent Chinese characters, simplified; traditional forms are added at run time through OpenCC.
_COMMON_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体政美相"
    "见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名"
    "真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市"
    "直资命山金指许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记"
    "南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联"
    "持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集"
)
_BOMS = (
    (codecs.BOM_UTF32_LE, None),  # checked before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, None),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SUPPORTED = "UTF-8, UTF-16 with a BOM, GB18030 or Big5"
# A line longer than this is not a sentence or a paragraph but a file without line breaks (or not text at
# all); it is an error rather than a line held whole in memory. In characters.
MAX_LINE = 10_000
_MAX_LINE_BYTES = 4 * MAX_LINE + 2  # no supported encoding spends more than 4 bytes on a character
# Files people save as .txt that are not text: (magic bytes, what it is).
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word or Excel document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


@cache
def _common() -> frozenset[str]:
    from deckbuilder.chinese import to_traditional

    return frozenset(_COMMON_SIMPLIFIED) | frozenset(to_traditional(_COMMON_SIMPLIFIED))


def _common_share(text: str) -> float:
    """Share of CJK characters in `text` that are common ones (wrongly decoded text is mostly rare ones)."""
    cjk = HAN.findall(text)
    if not cjk:
        return 0.0
    common = _common()
    return sum(c in common for c in cjk) / len(cjk)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def detect(path: Path, sample: bytes | None = None) -> str:
    """The Python codec name for the file at `path`, judged from its first 64 KiB."""
    if sample is None:
        sample = read_sample(path)
    if not sample.strip():
        raise InputError("the file is empty; expected Chinese and English text", str(path))
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            raise InputError(f"this is {what}, not text; save or export it as UTF-8 text first", str(path))
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            if codec is None:
                raise InputError(f"UTF-32 is not supported; save the file as {SUPPORTED}", str(path))
            return codec
    if b"\x00" in sample:
        raise InputError(f"binary file (or UTF-16 without a BOM); expected text in {SUPPORTED}", str(path))
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < SAMPLE)
    except UnicodeDecodeError as exc:
        first_error = exc
    else:
        _check_controls(path, text)
        return "utf-8"
    best, best_share = "", 0.0
    for codec in ("gb18030", "big5"):
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=len(sample) < SAMPLE)
        except UnicodeDecodeError:
            continue
        share = _common_share(text)
        if share > best_share:
            best, best_share = codec, share
    if best and best_share >= 0.3:
        return best
    line = _line_of(sample, first_error.start)
    raise InputError(
        f"cannot decode the text; expected {SUPPORTED} (re-save the file as UTF-8)", str(path), line
    )


def _check_controls(path: Path, text: str) -> None:
    """InputError when decodable bytes are mostly not text (control characters other than layout)."""
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f\v")
    if controls > 8 and controls * 100 > len(text):
        raise InputError(f"binary data, not text; expected text in {SUPPORTED}", str(path))


def read_sample(path: Path) -> bytes:
    """The first `SAMPLE` bytes of the file, decompressed when it is compressed."""
    try:
        with streams.open_binary(path) as fh:
            return fh.read(SAMPLE)
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", str(path)) from None
    except streams.CORRUPT as exc:
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: BaseException, line: int | None = None) -> InputError:
    """The error for a file that cannot be read (or decompressed) from `line` on."""
    if streams.compression(path):
        return InputError(streams.corrupt(path, exc), str(path), line)
    return InputError(f"cannot read the file ({getattr(exc, 'strerror', None) or exc})", str(path), line)


def _too_long(path: Path, number: int) -> InputError:
    return InputError(
        f"line longer than {MAX_LINE:,} characters; expected one sentence, pair or paragraph a line "
        "(is this a text file? break long paragraphs into lines)",
        str(path),
        number,
    )


def lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without its newline) for each line of a text file, decompressed (see `streams`)
    and decoded as it streams.

    Memory is bounded by MAX_LINE: a longer line is an InputError, found without reading it whole.
    """
    codec = detect(path)
    message = f"cannot decode the text as {codec}; expected {SUPPORTED} (re-save the file as UTF-8)"
    number = 0
    try:
        if codec == "utf-16":  # newlines are two bytes: let the codec find them
            yield from _utf16_lines(path, message)
            return
        # In UTF-8, GB18030 and Big5 a newline byte is always a newline, so each line decodes on its own
        # and a bad byte is reported on its own line.
        with streams.open_binary(path) as fh:
            while raw := fh.readline(_MAX_LINE_BYTES):
                number += 1
                try:
                    line = raw.decode(codec).rstrip("\r\n")
                except UnicodeDecodeError:
                    if len(raw) == _MAX_LINE_BYTES and not raw.endswith(b"\n"):
                        raise _too_long(path, number) from None  # a cut character, not a bad byte
                    raise InputError(message, str(path), number) from None
                if len(line) > MAX_LINE:
                    raise _too_long(path, number)
                yield number, line
    except streams.CORRUPT as exc:
        raise unreadable(path, exc, number + 1 if streams.compression(path) else None) from None


def _utf16_lines(path: Path, message: str) -> Iterator[tuple[int, str]]:
    number = 0
    try:
        with io.TextIOWrapper(streams.open_binary(path), encoding="utf-16", newline=None) as fh:
            while line := fh.readline(MAX_LINE + 1):
                number += 1
                line = line.rstrip("\n")
                if len(line) > MAX_LINE:
                    raise _too_long(path, number)
                yield number, line
    except UnicodeDecodeError:
        raise InputError(message, str(path), number + 1) from None
