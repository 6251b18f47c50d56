"""`DeckFile` → a static preview page: the first N cards in study order, front and back side by side.

One self-contained HTML file (no network): each note type's CSS once, every card inside `.card` as in
Anki, a night-mode switch, and speaker buttons that use the browser's speech synthesis for `{{tts}}`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.atomic import check_target, write_text
from deckbuilder.preview.deckfile import DeckFile, study_order
from deckbuilder.preview.render import MISSING_CLASS, render_card

_PAGE_CSS = f"""
body {{ margin: 0; padding: 1em; font-family: system-ui, sans-serif; background: #eee; }}
body.night {{ background: #111; color: #ddd; }}
header {{ max-width: 70em; margin: 0 auto 1em; }}
.preview-card {{ max-width: 70em; margin: 0 auto 1.5em; }}
.preview-card h2 {{ font-size: 0.9em; font-weight: normal; color: #666; margin: 0 0 0.3em; }}
.sides {{ display: flex; gap: 1em; flex-wrap: wrap; }}
.side {{ flex: 1 1 20em; min-width: 0; border: 1px solid #ccc; border-radius: 6px; overflow: hidden; }}
.side > .label {{ font-size: 0.75em; color: #888; padding: 0.2em 0.6em; background: #f6f6f6; }}
body.night .side > .label {{ background: #222; }}
.side > .card {{ min-height: 6em; padding: 0.5em; }}
button.tts {{ border: none; background: none; color: inherit; cursor: pointer; font-size: 1.4em; }}
button.tts::before {{ content: "\\25B6"; }}
.{MISSING_CLASS} {{ background: #ffd0d0; color: #900; font-family: monospace; }}
"""

_SCRIPT = """
document.getElementById('night').addEventListener('change', function (e) {
  document.body.classList.toggle('night', e.target.checked);
  document.querySelectorAll('.side > .card').forEach(function (c) {
    c.classList.toggle('nightMode', e.target.checked);
    c.classList.toggle('night_mode', e.target.checked);
  });
});
document.querySelectorAll('button.tts').forEach(function (b) {
  b.addEventListener('click', function () {
    if (!window.speechSynthesis) return;
    var u = new SpeechSynthesisUtterance(b.dataset.text);
    u.lang = (b.dataset.lang || '').replace('_', '-');
    speechSynthesis.speak(u);
  });
});
"""


@dataclass(frozen=True, slots=True)
class PreviewOptions:
    cards: int = 20  # how many cards, from the start of the study order
    night: bool = False  # start in night mode


def render_page(deck: DeckFile, options: PreviewOptions = PreviewOptions()) -> str:
    """The preview page's HTML."""
    order = study_order(deck.cards)[: options.cards]
    css = list(dict.fromkeys(deck.note_type_of(c).css for c in order))
    names = sorted({deck.decks.get(c.deck_id, ("", ""))[0] for c in order})
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hans"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Preview: {html.escape(', '.join(names) or deck.path.name)}</title>",
        f"<style>{_PAGE_CSS}</style>",
        *(f"<style>{c}</style>" for c in css),
        f'</head><body class="{"night" if options.night else ""}">',
        f"<header><h1>{html.escape(', '.join(names) or deck.path.name)}</h1>",
        f"<p>First {len(order)} of {len(deck.cards)} cards in study order, as Anki shows them. "
        '<label><input type="checkbox" id="night"'
        f"{' checked' if options.night else ''}> night mode</label></p></header>",
    ]
    mode = " nightMode night_mode" if options.night else ""
    for pos, card in enumerate(order, start=1):
        nt = deck.note_type_of(card)
        deck_name = deck.decks.get(card.deck_id, ("", ""))[0]
        front, back = render_card(nt, deck.notes[card.note_id], card, deck_name)
        template = f"Cloze {card.ord + 1}" if nt.is_cloze else nt.templates[card.ord].name
        parts.append(
            f'<section class="preview-card" data-position="{pos}">'
            f"<h2>{pos}. {html.escape(nt.name)} · {html.escape(template)}</h2>"
            '<div class="sides">'
            f'<div class="side front"><div class="label">Front</div>'
            f'<div class="card{mode}">{front}</div></div>'
            f'<div class="side back"><div class="label">Back</div>'
            f'<div class="card{mode}">{back}</div></div>'
            "</div></section>"
        )
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts)


def write_preview(deck: DeckFile, output: Path, options: PreviewOptions = PreviewOptions()) -> Path:
    """Write the preview page to `output` (atomically); OutputError when that is impossible."""
    output = Path(output)
    check_target(output)  # fail before rendering
    return write_text(output, render_page(deck, options))
