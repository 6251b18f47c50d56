"""Card template text → the first reference Anki could not resolve, as an OptionError naming file and line.

Read the way Anki 26.x reads a template (rslib/src/template.rs): `{{…}}` handles and `<!--…-->` comments
scanned left to right (a handle inside a comment is text), `{{#Key}}`/`{{^Key}}` open a section that
`{{/Key}}` must close, and in `{{a:b:Key}}` the key is the part after the last colon, the rest filters.
Anki accepts a template with an unknown field and then shows "Front template has a problem" on every card,
so the check runs before anything is written. Filter names are not checked: Anki passes unknown filters to
add-ons, which a teacher may use on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from deckbuilder.errors import OptionError

# Fields Anki fills in itself (notetype/mod.rs SPECIAL_FIELDS, render.rs); a note field of that name wins.
SPECIAL_FIELDS = ("FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag", "CardID")

_STANDARD = re.compile(r"\{\{(.*?)\}\}|<!--.*?-->", re.DOTALL)
_LEGACY = re.compile(r"<%(.*?)%>|<!--.*?-->", re.DOTALL)  # after {{=<% %>=}}, Anki's old alternative syntax
_LEGACY_DIRECTIVE = "{{=<% %>=}}"
_CLOZE_CONDITIONAL = re.compile(r"c\d+")  # {{#c1}}…{{/c1}}: "this card is cloze 1", on any note type


def check_template(text: str, where: str, note_type: str, fields: Collection[str]) -> None:
    """OptionError at the first handle naming no field of `note_type` (or a special field) and at the first
    unbalanced section; `where` names the file in the message."""
    body, pattern = text, _STANDARD
    if text.lstrip().startswith(_LEGACY_DIRECTIVE):
        body = text.lstrip()[len(_LEGACY_DIRECTIVE) :]
        pattern = _LEGACY
    known = set(fields) | set(SPECIAL_FIELDS)
    listed = ", ".join(fields)
    offset = len(text) - len(body)
    open_sections: list[tuple[str, str, int]] = []  # (key, handle as written, line)

    def line_of(pos: int) -> int:
        return text.count("\n", 0, offset + pos) + 1

    for match in pattern.finditer(body):
        inner = match.group(1)
        if inner is None:  # a comment
            continue
        handle, line = match.group(0), line_of(match.start())
        at = f"{where}:{line}: {handle}"
        start = inner.lstrip("{").strip()
        sigil = start[:1] if len(start) >= 2 and start[0] in "#^/" else ""
        if sigil:
            key = start[1:].lstrip()
            if sigil == "/":
                if not open_sections:
                    raise OptionError(f"{at} closes a section that was never opened", "--templates")
                opened, opening, opened_at = open_sections.pop()
                if opened != key:
                    raise OptionError(
                        f"{at} does not close {opening} (line {opened_at}); close sections innermost first",
                        "--templates",
                    )
                continue
            if key not in known and not _CLOZE_CONDITIONAL.fullmatch(key):
                raise OptionError(_unknown(at, key, note_type, listed), "--templates")
            open_sections.append((key, handle, line))
            continue
        filters, _, key = start.rpartition(":")
        if key == "":  # {{tts-voices:}}: a filter that writes its own text; Anki lets a bare {{}} pass too
            continue
        if key not in known:
            raise OptionError(_unknown(at, key, note_type, listed), "--templates")
    if open_sections:
        key, opening, line = open_sections[-1]
        raise OptionError(f"{where}:{line}: {opening} is never closed with {{{{/{key}}}}}", "--templates")


def _unknown(at: str, key: str, note_type: str, listed: str) -> str:
    kind = note_type.removeprefix("deckbuilder ")
    special = ", ".join(SPECIAL_FIELDS)
    return f"{at} names no field of the {kind} note type (fields: {listed}; Anki's own: {special})"
