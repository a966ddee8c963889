import pytest

from dateline.nlp.tone import tone_of, vader_lexicon


def test_nlp_tone_lexicon_loads_words_only():
    lexicon = vader_lexicon()
    assert len(lexicon) > 5000
    assert lexicon["condemn"] < 0 < lexicon["praise"]
    assert all(word.isalpha() for word in lexicon)


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The minister praised the agreement as a great success for peace.", 1),
        ("Protesters condemned the brutal attack that killed dozens of civilians.", -1),
        ("The talks were not successful.", -1),
    ],
)
def test_nlp_tone_sign_follows_the_wording(nlp, sentence, sign):
    tone = tone_of(nlp(sentence))
    assert tone is not None and tone * sign > 0


def test_nlp_tone_is_none_without_sentiment_words(nlp):
    assert tone_of(nlp("The meeting is on Monday in Geneva.")) is None


def test_nlp_tone_reaches_the_extraction(seed_extraction):
    assert seed_extraction.tone is not None and -1 <= seed_extraction.tone <= 1
