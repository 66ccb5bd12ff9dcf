"""When two theme names are the same name: one rule for the editors and for files read in."""

from __future__ import annotations

import unicodedata


def theme_name_key(name: str) -> str:
    """A theme's name as compared for duplicates: spaces at the ends and between words as one,
    letters as one however they are encoded (é typed as one letter or as e and an accent), any
    letter's case, and the dotted and dotless i as one (in Azerbaijani and Turkish "I" is the
    capital of "ı", elsewhere of "i")."""
    spaced = unicodedata.normalize("NFC", " ".join(name.split()))
    return spaced.casefold().replace("i\u0307", "i").replace("ı", "i")


def same_theme_name(one: str, other: str) -> bool:
    return theme_name_key(one) == theme_name_key(other)
