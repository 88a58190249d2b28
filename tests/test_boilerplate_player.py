"""B010 player-notice / player-controls: the text a media player or the browser leaves where an embed
was (BBC's "Media playback is unsupported on your device", an HTML5 player's fallback, a script-off
notice, a video.js player's labels written out). Each is deleted inside a real-looking article; prose
that talks about browsers, JavaScript or video stays."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

STORY = [
    "The city council voted 7-2 on Tuesday to approve a budget that raises property taxes by 3 percent, "
    "the first increase in six years.",
    "Council member Dana Ruiz, who voted against the measure, said residents were already struggling "
    "with higher costs for housing and food.",
    "City Manager Alan Brooks told the council that without new revenue the city would have to cut "
    "library hours, delay road repairs and leave a dozen police positions unfilled.",
    "The increase will add about $96 a year to the tax bill on a home assessed at $320,000, according "
    "to the finance department.",
    "Business groups were split. The downtown merchants' association backed the budget, while the "
    "regional chamber of commerce urged a delay of one year.",
    "Supporters of the increase said the city had already trimmed spending in each of the past four "
    "budgets and that further cuts would fall on services residents rely on every day.",
    "The vote followed three months of hearings in which residents, business owners and city staff "
    "argued over how to close a projected shortfall of $14 million in the general fund.",
    'Council member Tom Whitfield, who voted for the budget, said the numbers left little choice. '
    '"Nobody up here wanted to do this," he said.',
    "Seniors and disabled residents who qualify for the state's homestead exemption will pay less, "
    "and the council asked staff to report back in the spring on a payment plan for others.",
    "The budget takes effect July 1.",
]


# the controls block is about 50 words: a page's worth of story around it, as on the pages it comes from
# (a shorter article would have the block reported only, by the rule-share limit)


def clean(text: str):
    result = Cleaner(select=["B"]).clean(text, kind="text")
    return result.text, [f for f in result.findings if f.applied]


@pytest.mark.parametrize("junk, rule", [
    ("Media playback is unsupported on your device", "player-notice"),
    ('Media playback is unsupported on your device Media caption "Keep pushing": protesters on keeping '
     "the momentum going", "player-notice"),
    ("Media playback is not supported on this device", "player-notice"),
    ("Your browser does not support the video tag.", "player-notice"),
    ("Sorry, your browser doesn't support embedded videos.", "player-notice"),
    ("Please enable JavaScript to view the comments powered by Disqus.", "player-notice"),
    ("To view this video please enable JavaScript, and consider upgrading to a web browser that supports "
     "HTML5 video", "player-notice"),
    ("JavaScript is disabled in your browser.", "player-notice"),
    ("This is a modal window.", "player-notice"),
    ("Beginning of dialog window. Escape will cancel and close the window.", "player-notice"),
    ("Video Player is loading.\nPlay Video\nPlay\nMute\nCurrent Time 0:00\n/\nDuration 0:00\nLoaded: 0%\n"
     "Stream Type LIVE\nRemaining Time -0:00\nPlayback Rate\n1x\nChapters\ndescriptions off, selected\n"
     "Captions\ncaptions settings, opens captions settings dialog\ncaptions off, selected\nAudio Track\n"
     "Fullscreen\nThis is a modal window.", "player-controls"),
    ("Play Mute Current Time 0:00 / Duration 1:32 Loaded: 0% Fullscreen", "player-controls"),
])
@pytest.mark.parametrize("where", [0, 3, 10])
def test_player_leftover_is_deleted_and_the_story_kept(junk, rule, where):
    paras = list(STORY)
    paras.insert(where, junk)
    text, applied = clean("\n\n".join(paras))
    assert text.split("\n\n") == STORY
    assert any(f.code == "B010" and f.source.endswith(rule) for f in applied)


@pytest.mark.parametrize("prose", [
    "JavaScript is disabled by default in the browser's safest mode, the project said.",
    "Your browser does not support the new standard yet, so the agency built a fallback page.",
    "Please enable two-factor authentication on every account, the agency advised.",
    "Play resumed after a rain delay of 40 minutes.",
    "Mute",  # a one-word line alone is not a player's controls
    "The video, which has been viewed 2 million times, shows the moment the bridge collapsed.",
])
def test_prose_about_browsers_or_video_stays(prose):
    paras = list(STORY)
    paras.insert(3, prose)
    text, applied = clean("\n\n".join(paras))
    assert prose in text
    assert not [f for f in applied if f.source.endswith(("player-notice", "player-controls"))]
