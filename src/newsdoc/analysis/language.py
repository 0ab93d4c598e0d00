"""Language tags to BCP 47 form: ``en_BE`` and ``EN-be`` become ``en-BE``, ``eng`` becomes ``en``.

Pages and feeds state their language in every form: POSIX locales (``de_DE.UTF-8``), ISO 639-2
codes (``eng``, ``ger``), country codes taken for languages (``kr``, ``jp``), codes ISO has
withdrawn (``iw``, ``in``), and things that are no language at all (a charset, ``utf-8``). The
tag is given as BCP 47 wants it: the shortest ISO 639 code, subtags in their conventional case.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

__all__ = ["normalize_language"]

# Two or three letters (the 5-8 letter form is reserved and unused), then subtags.
_TAG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,7}")

# ISO 639-1: the two-letter codes.
_ISO_639_1: Final = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh
    zu""".split()
)
# Three-letter codes (ISO 639-2, both its bibliographic and terminology forms) of languages that
# have a two-letter one, which BCP 47 prefers; and two-letter codes ISO has withdrawn.
_SHORTER: Final = {
    **dict.fromkeys(("eng",), "en"), **dict.fromkeys(("ger", "deu"), "de"),
    **dict.fromkeys(("fre", "fra"), "fr"), "spa": "es", "ita": "it", "por": "pt",
    **dict.fromkeys(("dut", "nld"), "nl"), "rus": "ru", **dict.fromkeys(("chi", "zho"), "zh"),
    "jpn": "ja", "kor": "ko", "ara": "ar", "pol": "pl", "tur": "tr", "swe": "sv", "nor": "no",
    "nob": "nb", "nno": "nn", "dan": "da", "fin": "fi", **dict.fromkeys(("gre", "ell"), "el"),
    **dict.fromkeys(("cze", "ces"), "cs"), **dict.fromkeys(("slo", "slk"), "sk"), "hun": "hu",
    **dict.fromkeys(("rum", "ron"), "ro"), "bul": "bg", "hrv": "hr", "srp": "sr", "slv": "sl",
    "ukr": "uk", "heb": "he", "hin": "hi", "ben": "bn", "urd": "ur",
    **dict.fromkeys(("per", "fas"), "fa"), "ind": "id", **dict.fromkeys(("may", "msa"), "ms"),
    "vie": "vi", "tha": "th", "cat": "ca", **dict.fromkeys(("baq", "eus"), "eu"), "glg": "gl",
    "lit": "lt", "lav": "lv", "est": "et", **dict.fromkeys(("ice", "isl"), "is"), "gle": "ga",
    **dict.fromkeys(("wel", "cym"), "cy"), **dict.fromkeys(("alb", "sqi"), "sq"),
    **dict.fromkeys(("mac", "mkd"), "mk"), "bos": "bs", **dict.fromkeys(("arm", "hye"), "hy"),
    **dict.fromkeys(("geo", "kat"), "ka"), "aze": "az", "kaz": "kk", "uzb": "uz", "swa": "sw",
    "afr": "af", "amh": "am", "tam": "ta", "tel": "te", "mar": "mr", "guj": "gu", "kan": "kn",
    "mal": "ml", "pan": "pa", "nep": "ne", "sin": "si", "khm": "km", "lao": "lo",
    **dict.fromkeys(("bur", "mya"), "my"), "mon": "mn", "tgl": "tl", "som": "so", "hau": "ha",
    "yor": "yo", "ibo": "ig", "zul": "zu", "xho": "xh", "lat": "la", "epo": "eo", "ltz": "lb",
    "mlt": "mt", "bel": "be", "tat": "tt", "kur": "ku", "pus": "ps", "tgk": "tg", "tuk": "tk",
    "kir": "ky", "uig": "ug", "bre": "br", "cos": "co", "oci": "oc", "fao": "fo", "fry": "fy",
    "gla": "gd", "roh": "rm", "sme": "se", "kin": "rw", "run": "rn", "mlg": "mg", "orm": "om",
    "tir": "ti", "wol": "wo", "lug": "lg", "lin": "ln", "nya": "ny", "sna": "sn", "sot": "st",
    "tsn": "tn", "tso": "ts", "ven": "ve", "ssw": "ss", "nbl": "nr", "nde": "nd",
    # Withdrawn two-letter codes.
    "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro",
    # Country codes that pages give as their language (no such language code exists, but for
    # "kr", Kanuri, which no news site writes in).
    "kr": "ko", "jp": "ja", "cn": "zh", "gr": "el", "cz": "cs", "dk": "da", "ua": "uk",
    "vn": "vi",
}  # fmt: skip


def normalize_language(value: str) -> str | None:
    """The BCP 47 form of a language tag or locale, or ``None`` when it is not one.

    Underscores become hyphens, an encoding or modifier (``en_US.UTF-8``, ``de_DE@euro``) is
    dropped, and subtags take their conventional case: language lower, script title, region
    upper (``zh_hant_tw`` -> ``zh-Hant-TW``). The language is the shortest ISO 639 code
    (``eng`` -> ``en``, ``iw`` -> ``he``; ``kr`` and ``jp``, country codes, -> ``ko``, ``ja``);
    a two-letter code ISO 639 does not have, or a charset (``utf-8``), is no language. Subtags
    that BCP 47 does not allow where they stand end the tag (``en-8`` -> ``en``).
    """
    text = value.strip()[:64].split(".", 1)[0].split("@", 1)[0].replace("_", "-")
    if not _TAG.fullmatch(text):
        return None
    subtags = text.split("-")
    language = subtags[0].lower()
    language = _SHORTER.get(language, language)
    if len(language) == 2 and language not in _ISO_639_1:
        return None
    if len(language) == 3 and _is_charset(text):
        return None
    out = [language]
    for subtag in subtags[1:]:
        kind = _subtag_kind(subtag)
        if kind is None:
            break
        out.append(kind)
    return "-".join(out)


def _subtag_kind(subtag: str) -> str | None:
    """A subtag after the language in its conventional case, or ``None`` if none can stand there.

    A script (four letters), a region (two letters or three digits), a variant (five to eight
    letters and digits, or four opening with a digit), or an extended language (three letters).
    """
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()
    if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
        return subtag.upper()
    if 5 <= len(subtag) <= 8 or (len(subtag) == 4 and subtag[0].isdigit()):
        return subtag.lower()
    if len(subtag) == 3 and subtag.isalpha():
        return subtag.lower()
    return None


def _is_charset(text: str) -> bool:
    """Whether ``text`` names a charset ("utf-8", "iso-8859-1"), as pages put in ``lang``."""
    try:
        codecs.lookup(text)
    except LookupError:
        return False
    return True
