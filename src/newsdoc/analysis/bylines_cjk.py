"""Bylines in Chinese, Japanese and Korean: a writer's label and names, or a Korean reporter.

"記者：山田太郎", "记者 张伟 李娜", "(서울=연합뉴스) 홍길동 기자". Read by
:func:`newsdoc.analysis.bylines.parse_byline` when a line has no byline of the other forms.
"""

from __future__ import annotations

import re
from typing import Final

from newsdoc.analysis.text import CJK_NAME

__all__ = ["CJK_WRITER_LABEL", "cjk_byline"]

# "記者：", "记者", "作者：", "撰文：", "執筆：", "取材・文：", and with a colon, "文："
# (文 alone is a common word) and Korean "글:".
CJK_WRITER_LABEL: Final = "記者|记者|作者|撰文|執筆|筆者|取材・文|取材"
"""The labels before a writer's name in Chinese and Japanese, as a pattern's alternatives."""
_CJK_LEAD: Final = re.compile(rf"(?:{CJK_WRITER_LABEL})(?:\s*[:：]\s*|\s+)|(?:文|글)\s*[:：]\s*")
_CJK_NAME_SEPARATORS: Final = re.compile(r"[\s、，,／/・]+")
# "홍길동 기자" (reporter), "특파원" (correspondent): the name before the role, near the line's
# start ("(서울=연합뉴스) 홍길동 기자 =").
_KOREAN_REPORTER: Final = re.compile(r"([\uac00-\ud7af]{2,4})\s*(?:기자|특파원)(?![\uac00-\ud7af])")
_KOREAN_NAME_REACH: Final = 40


def cjk_byline(text: str) -> tuple[list[str], str] | None:
    """A byline in Chinese, Japanese or Korean.

    "記者：山田太郎", "记者 张伟 李娜", "(서울=연합뉴스) 홍길동 기자".
    """
    lead = _CJK_LEAD.match(text)
    if lead is not None:
        names = [part for part in _CJK_NAME_SEPARATORS.split(text[lead.end() :]) if part]
        if names and all(CJK_NAME.fullmatch(name) for name in names):
            return names, ""
        return None  # "記者会見で…" (a press conference): a sentence, not a byline
    reporter = _KOREAN_REPORTER.search(text) if "기자" in text or "특파원" in text else None
    if reporter is not None and reporter.start() < _KOREAN_NAME_REACH:
        return [reporter.group(1)], ""
    return None
