"""Characters whose stand-alone word has one reading whatever the context (`rules.decide_char` reads
them where no rule of `rules.RULES` applies); their other readings live only inside words (教会 jiàohuì,
一切 yíqiè, 弄堂 lòngtáng, 没收 mòshōu), which the dictionary layer reads first."""

from __future__ import annotations

ALONE = {
    "的": "de5",  # the particle
    "教": "jiao1",  # the verb "teach"
    "差": "cha4",  # "poor, lacking"
    "应": "ying1",  # the modal "should"
    "一": "yi1",  # citation tone; the spoken tone (yí gè) is orthography's
    "血": "xie3",  # colloquial
    "和": "he2",  # the conjunction / preposition
    "乐": "le4",  # "happy, laugh"
    "没": "mei2",  # the negation
    "都": "dou1",  # the adverb (首都, 成都, 都市 are words)
    "弄": "nong4",
    "薄": "bao2",
    "切": "qie1",
    "给": "gei3",  # alone always "give" or "for/to"; jǐ lives in words (供给, 给予, 补给)
    "挑": "tiao1",  # "choose, pick, carry on a pole"; tiǎo lives in words (挑战, 挑衅, 挑拨)
}
