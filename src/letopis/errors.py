"""The catalogue of input errors: one line each, naming the file and the problem."""

from __future__ import annotations

from enum import Enum


class Problem(str, Enum):
    NOT_FOUND = "E001 no such file or directory"
    UNREADABLE = "E002 cannot be read ({detail})"
    EMPTY = "E003 empty: no text to process"
    BINARY = "E004 binary data, not text"
    UNDECODABLE = "E005 text encoding not recognised (tried UTF-8, UTF-16, cp1251, koi8-r)"
    BAD_HEADER = "E006 malformed date header {detail!r}: expected ' date YYYY-MM-DD ' on the first line"
    TOO_LARGE = "E007 too large: {detail} (raise the limit with --max-chars)"
    BAD_JSON = "E008 invalid JSON ({detail})"
    NO_TEXT = "E009 no text: {detail}"
    BAD_DATE = "E010 invalid date {detail!r}: expected YYYY-MM-DD"
    BAD_CSV = "E011 malformed CSV ({detail})"
    BAD_HTML = "E012 no main text found in the HTML page"
    BAD_LANGUAGE = "E013 language {detail!r} is not available (available: ru)"
    NO_INPUT = "E014 no readable files here (known extensions: {detail})"
    OUTPUT = "E015 cannot write the output: {detail}"
    NO_STORE = "E016 no store here yet ({detail})"
    DUPLICATE_ID = "E017 document id {detail!r} is already stored with another text; skipped"
    BAD_RECORD = "E018 the document record cannot be stored ({detail}); skipped"
    FAILED = "E100 extraction failed ({detail})"


class InputError(Exception):
    """A problem with one input: a whole file, or one record of it (`where` = line or row)."""

    def __init__(self, source: str, problem: Problem, detail: object = "", where: str | None = None):
        self.source = source
        self.problem = problem
        self.detail = detail
        self.where = where
        super().__init__(str(self))

    @property
    def code(self) -> str:
        return self.problem.value.split(" ", 1)[0]

    def __str__(self) -> str:
        place = f"{self.source}:{self.where}" if self.where else self.source
        return f"{place}: {self.problem.value.format(detail=self.detail)}"
