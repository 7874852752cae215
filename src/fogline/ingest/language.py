"""Which language a report is in (py3langid's bundled model, offline, deterministic).

fogline's analysis reads English. A report is named as being in another language only when
the identifier is sure (probability ``MIN_PROBABILITY``) on enough text (``MIN_CHARS``):
short texts such as headlines fool it. Measured here on English corpora (925 PolNeAR
articles, 1,680 English FNC-1 bodies, the 22 demo reports), none is named otherwise,
and the two French FNC-1 bodies are named French.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MIN_CHARS = 200
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 10_000
ANALYZED = "en"
_NAMES = {
    "ar": "Arabic", "be": "Belarusian", "bg": "Bulgarian", "cs": "Czech", "de": "German",
    "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French", "he": "Hebrew",
    "hu": "Hungarian", "it": "Italian", "ja": "Japanese", "ka": "Georgian", "ko": "Korean",
    "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sr": "Serbian", "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}  # fmt: skip


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language when the identifier is sure, else None."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None


def is_analyzed(language: str | None) -> bool:
    """True when fogline's analysis reads ``language`` (or it is not known)."""
    return language is None or primary(language) == ANALYZED


def primary(language: str) -> str:
    """The primary subtag of a language tag: "en-GB" -> "en"."""
    return language.replace("_", "-").split("-", 1)[0].strip().lower()


def language_name(language: str) -> str:
    """ "Russian (ru)" for "ru"; the code alone when the name is not known."""
    code = primary(language)
    name = _NAMES.get(code)
    return f"{name} ({code})" if name else code
