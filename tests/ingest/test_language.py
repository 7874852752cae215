"""Language of a report: named only when sure; reports fogline cannot read are skipped."""

# ruff: noqa: RUF001 (Cyrillic text on purpose)

from __future__ import annotations

from fogline.ingest.language import detect_language, is_analyzed, language_name

from .samples import PARAGRAPHS

RUSSIAN = (
    "Командующий группировкой заявил в эфире государственного телевидения, что попытка "
    "прорыва две недели назад провалилась и что районы очищаются от оставшихся "
    "подразделений противника. Министерство обороны подтвердило эти сведения в своём "
    "ежедневном сообщении."
)
UKRAINIAN = (
    "Президент у своєму вечірньому зверненні заявив, що операція триває і що війська "
    "виконали свої завдання на тиждень. Генеральний штаб повідомив про нові позиції на "
    "кордоні з Бєлгородською областю та про відбиті атаки."
)


def test_long_texts_are_named_and_short_ones_are_not() -> None:
    assert detect_language(" ".join(PARAGRAPHS)) == "en"
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language(UKRAINIAN) == "uk"
    assert detect_language("Crabzilla a 50-foot colossal conundrum") is None  # too short
    assert detect_language(" " * 500) is None


def test_only_english_or_unknown_is_analyzed() -> None:
    assert is_analyzed(None) and is_analyzed("en") and is_analyzed("en-GB")
    assert not is_analyzed("ru") and not is_analyzed("uk_UA")
    assert language_name("ru") == "Russian (ru)" and language_name("xx-YY") == "xx"
