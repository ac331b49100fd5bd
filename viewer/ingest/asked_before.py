"""A finder's answers kept while a document is drafted. The drafting asks the same finder the same question of the
same text many times over (the dates of a sentence, once for the lead launch, once for each launch named in passing,
once for each claim); a finder whose answer depends only on what it is asked answers from memory the second time.

Only for pure finders: every argument hashable, the answer a function of them alone. A list answer is handed out as
a new list each time (its items are frozen), so a caller that sorts or extends it changes nothing kept."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

QUESTIONS_KEPT = 1024  # one long document's questions to one finder, with room to spare; older ones are dropped


def asked_before(finder: F) -> F:
    """``finder`` answering a question it was asked before from memory (see the module's doc)."""
    kept = functools.lru_cache(maxsize=QUESTIONS_KEPT)(finder)

    @functools.wraps(finder)
    def answer(*args: Any, **kwargs: Any) -> Any:
        found = kept(*args, **kwargs)
        return list(found) if type(found) is list else found

    answer.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
    return answer  # type: ignore[return-value]
