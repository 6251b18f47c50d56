"""Anki's template language, small: `{{Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`,
`{{cloze:Text}}`, `{{text:Field}}`, `{{tts zh_CN:Field}}`, `{{FrontSide}}` and the special fields.

(note type, note, card) → (front HTML, back HTML), as Anki renders them, minus Anki's own wrapping. Field
values are HTML and are inserted as they are, as Anki does. A reference to a field the note type lacks is
rendered as a visible marker (class `MISSING_CLASS`) where Anki would show an error, so a preview shows it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from deckbuilder.preview.deckfile import Card, Note, NoteType

MISSING_CLASS = "missing-field"
_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_EMPTY = re.compile(r"^(?:\s|\u200b|<br\s*/?>|</?div>)*$", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]*>")
_SPECIALS = ("Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag")


@dataclass(frozen=True, slots=True)
class _Context:
    fields: dict[str, str]
    ordinal: int  # cloze number, 1-based
    question: bool
    front: str  # the rendered front, for {{FrontSide}} on the back


def is_empty(value: str) -> bool:
    """Anki's test for {{#Field}}: only whitespace, zero-width spaces, <br> and <div> tags."""
    return bool(_EMPTY.match(value))


def strip_html(value: str) -> str:
    return html.unescape(_HTML_TAG.sub("", value))


def _cloze(text: str, ctx: _Context) -> str:
    def one(m: re.Match[str]) -> str:
        n, answer, hint = int(m.group(1)), m.group(2), m.group(3)
        if n != ctx.ordinal:
            return f'<span class="cloze-inactive" data-ordinal="{n}">{answer}</span>'
        if ctx.question:
            shown = f"[{hint}]" if hint else "[...]"
            return f'<span class="cloze" data-cloze="{html.escape(answer)}" data-ordinal="{n}">{shown}</span>'
        return f'<span class="cloze" data-ordinal="{n}">{answer}</span>'

    return _CLOZE.sub(one, text)


def _tts(spec: str, text: str) -> str:
    """A speaker button carrying the language and text (the preview page speaks it with the browser)."""
    parts = spec.split()
    lang = parts[1] if len(parts) > 1 else ""
    return (
        f'<button type="button" class="tts" data-lang="{html.escape(lang)}" '
        f'data-text="{html.escape(strip_html(text))}" aria-label="play"></button>'
    )


def _apply(filters: list[str], value: str, ctx: _Context) -> str:
    for name in reversed(filters):  # {{text:cloze:Text}}: the filter next to the field applies first
        key = name.strip()
        if key == "cloze":
            value = _cloze(value, ctx)
        elif key == "text":
            value = strip_html(value)
        elif key.startswith("tts"):
            value = _tts(key, value)
        elif key == "hint":
            value = f'<details class="hint"><summary>hint</summary>{value}</details>'
        elif key.startswith("type"):
            value = ""  # a typing box: nothing to show in a static page
    return value


def _field(name: str, ctx: _Context) -> str:
    *filters, field_name = name.split(":")
    field_name = field_name.strip()
    if field_name == "FrontSide" and not filters:
        return ctx.front
    if field_name not in ctx.fields:
        return f'<span class="{MISSING_CLASS}">{{{{{html.escape(name)}}}}}</span>'
    return _apply(filters, ctx.fields[field_name], ctx)


def render_template(template: str, ctx: _Context) -> str:
    """Render one side; sections nest, unbalanced or unknown section names render as missing fields."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (section field, whether its content shows)
    showing = True
    pos = 0
    for m in _TAG.finditer(template):
        if showing:
            out.append(template[pos : m.start()])
        pos = m.end()
        tag = m.group(1).strip()
        if tag[:1] in "#^":
            name = tag[1:].strip()
            value = ctx.fields.get(name)
            shows = value is not None and not is_empty(value)
            if tag[0] == "^":
                shows = value is not None and not shows
            if value is None and showing:
                out.append(f'<span class="{MISSING_CLASS}">{{{{{html.escape(tag)}}}}}</span>')
            stack.append((name, showing))
            showing = showing and shows
        elif tag[:1] == "/":
            if stack and stack[-1][0] == tag[1:].strip():
                showing = stack.pop()[1]
            elif showing:
                out.append(f'<span class="{MISSING_CLASS}">{{{{{html.escape(tag)}}}}}</span>')
        elif showing:
            out.append(_field(tag, ctx))
    if showing:
        out.append(template[pos:])
    return "".join(out)


def unknown_fields(note_type: NoteType) -> set[str]:
    """Field names the note type's templates refer to but it does not have (Anki shows an error there)."""
    known = {*note_type.fields, *_SPECIALS, "FrontSide"}
    found = set()
    for template in note_type.templates:
        for side in (template.front, template.back):
            for m in _TAG.finditer(side):
                tag = m.group(1).strip()
                name = tag[1:] if tag[:1] in "#^/" else tag.split(":")[-1]
                if name.strip() and name.strip() not in known:
                    found.add(name.strip())
    return found


def render_card(note_type: NoteType, note: Note, card: Card, deck_name: str = "") -> tuple[str, str]:
    """(front HTML, back HTML) of `card`, without the CSS (the page adds each note type's CSS once)."""
    fields = dict(zip(note_type.fields, note.fields, strict=False))
    template = note_type.templates[0] if note_type.is_cloze else note_type.templates[card.ord]
    specials = {
        "Tags": " ".join(note.tags),
        "Type": note_type.name,
        "Deck": deck_name,
        "Subdeck": deck_name.split("::")[-1],
        "Card": template.name,
        "CardFlag": "",
    }
    all_fields = {**specials, **fields}
    ordinal = card.ord + 1
    front = render_template(template.front, _Context(all_fields, ordinal, True, ""))
    back = render_template(template.back, _Context(all_fields, ordinal, False, front))
    return front, back
