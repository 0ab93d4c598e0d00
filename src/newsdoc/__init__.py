"""newsdoc: any news document in, one typed, immutable :class:`Document` out.

>>> import newsdoc
>>> doc = newsdoc.loads('{"title": "Hello", "culture": "en_BE", "format_version": 1}')
>>> doc.format, doc.title, doc.metadata.language
('prezly', 'Hello', 'en-BE')
"""

from newsdoc._version import __version__
from newsdoc.analysis.quotes import extract_quotes
from newsdoc.api import detect, formats, load, load_all, loads, loads_all
from newsdoc.batch import Batch, Summary, load_many
from newsdoc.errors import LimitExceededError, NewsdocError, ParseError, UnknownFormatError
from newsdoc.limits import Limits
from newsdoc.model import (
    Author,
    Block,
    Document,
    Failure,
    Image,
    Link,
    Metadata,
    ParseWarning,
    Quote,
)
from newsdoc.registry import Format, ParseContext, register_format
from newsdoc.serialize import from_dict, from_json, to_dict, to_json

__all__ = [
    "Author",
    "Batch",
    "Block",
    "Document",
    "Failure",
    "Format",
    "Image",
    "LimitExceededError",
    "Limits",
    "Link",
    "Metadata",
    "NewsdocError",
    "ParseContext",
    "ParseError",
    "ParseWarning",
    "Quote",
    "Summary",
    "UnknownFormatError",
    "__version__",
    "detect",
    "extract_quotes",
    "formats",
    "from_dict",
    "from_json",
    "load",
    "load_all",
    "load_many",
    "loads",
    "loads_all",
    "register_format",
    "to_dict",
    "to_json",
]
