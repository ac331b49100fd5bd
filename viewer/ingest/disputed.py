"""A success only North Korea claims, which another source in the story doubts ("Seoul's military said the flight
fell short of what the North claimed, and questioned whether the warhead had performed as described"): the outcome
is disputed, so none is drafted. (A failure the North admits, or a success no one questions, stands.)"""

from __future__ import annotations

import re

from viewer.ingest.findings import DraftClaim
from viewer.ingest.outcome_scope import HIT_TARGET
from viewer.ingest.sentences import Sentence

# Words of doubt about what was claimed: "questioned whether", "cast doubt on", "disputed the claim", "fell short of
# what the North claimed", "could not verify the claim", "exaggerated", "no public evidence that it had mastered …"
_DOUBT = re.compile(r"\b(?:question(?:ed|s|ing)?\s+(?:whether|the\s+claim)|cast(?:s|ing)?\s+doubts?\s+on|"
                    r"doubt(?:ed|s)?\s+(?:whether|that|the\s+claim)|disput(?:ed|es|ing)\s+(?:the\s+)?(?:claim|account)|"
                    r"fell\s+short\s+of\s+what\s+(?:the\s+North|North\s+Korea|Pyongyang|state\s+media)\s+claimed|"
                    r"exaggerat(?:ed|ing|es)|no\s+(?:public|independent|outside)\s+evidence\s+(?:that|of)|"
                    r"could\s+not\s+(?:verify|confirm)\s+(?:the|its|North\s+Korea['\u2019]s|"
                    r"the\s+North['\u2019]s)\s+claim|"
                    # "there is no independent confirmation of the range", "pushed back on that"
                    r"no\s+(?:public|independent|outside)\s+(?:confirmation|verification)\s+(?:of|that)|"
                    r"push(?:ed|es|ing)?\s+back\s+on|"
                    # "I cannot confirm the flight time or whether any target was struck"
                    r"(?:can(?:not|['\u2019]t)|could\s+not|unable\s+to)\s+confirm\s+[^.;]{0,60}?\bwhether\b)",
                    re.IGNORECASE)
# (its news agency by its full name too: "The Korean Central News Agency described the test as a success")
NORTH_KOREAN_SOURCE = re.compile(r"\b(?:North\s+Korea|KCNA|state\s+media|Pyongyang|DPRK|Rodong\s+Sinmun|NATA|"
                                 r"Korean\s+Central\s+(?:News\s+Agency|Television|Broadcasting))\b", re.IGNORECASE)
NEXT_SENTENCES = 3  # how far after the claim a doubt is read as answering it


def doubted_success(text: str, sentences: list[Sentence], claims: list[DraftClaim]) -> bool:
    """Whether the story's success claims are all North Korea's and a sentence at or just after one doubts it. A hit
    on a target ('struck a target 1,500 km away') is the North's word whoever the story names: only the side that
    set the target can say it was hit."""
    successes = [c for c in claims if c.property == "outcome" and c.value == "success"]
    if not successes or not all(NORTH_KOREAN_SOURCE.search(c.by) or HIT_TARGET.search(
            text, c.spans[0][0], c.spans[0][1]) for c in successes):
        return False
    for claim in successes:
        at = claim.spans[0][0]
        index = next((i for i, s in enumerate(sentences) if s.start <= at < s.end), None)
        if index is None:
            continue
        for sentence in sentences[index : index + 1 + NEXT_SENTENCES]:
            if _DOUBT.search(text, sentence.start, sentence.end):
                return True
    return False
