"""Text of the genre: dates and Chinese numerals, 文号, normalisation (width, simplified, pinyin), spam words.

Shared by page extraction (crawler/) and rule drafting (rules/); pure functions, no I/O.
"""

from .dates import ANY_DIGIT, DATE_PATTERN, cn_number, date_without_marks, make_date, month_end, parse_date
from .docnumbers import normalise_doc_number
from .normalise import (
    clean_text,
    comparable,
    either_script,
    normalise_width,
    strip_pinyin,
    to_simplified,
)
from .spam import SEO_TOKENS, SPAM_WORDS

__all__ = [
    "ANY_DIGIT", "DATE_PATTERN", "SEO_TOKENS", "SPAM_WORDS", "clean_text", "cn_number", "comparable", "either_script", "make_date",
    "date_without_marks", "month_end", "normalise_doc_number", "normalise_width", "parse_date", "strip_pinyin", "to_simplified",
]
