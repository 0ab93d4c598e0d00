"""Language tags to BCP 47 form: ``en_BE`` and ``EN-be`` become ``en-BE``."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["normalize_language"]

# A 2-3 letter language (the 5-8 letter form is reserved and unused), then subtags.
_TAG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,7}")


def normalize_language(value: str) -> str | None:
    """The BCP 47 form of a language tag or locale, or ``None`` when it is not one.

    Underscores become hyphens, an encoding or modifier (``en_US.UTF-8``, ``de_DE@euro``) is
    dropped, and subtags take their conventional case: language lower, script title, region
    upper (``zh_hant_tw`` -> ``zh-Hant-TW``).
    """
    text = value.strip()[:64].split(".", 1)[0].split("@", 1)[0].replace("_", "-")
    if not _TAG.fullmatch(text):
        return None
    subtags = text.split("-")
    out = [subtags[0].lower()]
    for subtag in subtags[1:]:
        if len(subtag) == 4 and subtag.isalpha():
            out.append(subtag.title())
        elif (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            out.append(subtag.upper())
        else:
            out.append(subtag.lower())
    return "-".join(out)
