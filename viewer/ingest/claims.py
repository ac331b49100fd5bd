"""What sources claim about a launch: its outcome and its orbit (period, inclination, perigee, apogee), each with
who says so, as far as the sentence tells."""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.ingest.disputed import NORTH_KOREAN_SOURCE
from viewer.ingest.outcome_scope import HIT_TARGET, not_its_outcome
from viewer.ingest.sentences import Sentence

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ORBIT_OUTCOME = re.compile(
    r"\b(?:(?:placed|placing|put|putting|inserted|inserting|delivered|delivering|lofted|launched)\s+(?:[\w\u201c\u201d\"'-]+\s+){0,5}?(?:in|into)\s+(?:[\w-]+\s+){0,2}?orbit"
    r"|(?:entered|reached|achieved)\s+(?:[\w-]+\s+){0,2}?orbit|(?:is|was|now)\s+in\s+orbit|runs?\s+a\s+[\"\u201c]?(?:\w+\s+)?orbit"
    r"|(?:an?\s+)?object\s+in\s+(?:space|orbit)|orbiting\s+(?:the\s+)?earth"
    # "appeared to achieve orbit", "the first successful orbital launch", a tracker's catalogue ("US Space Force has
    # catalogued the satellite …, in a 493 x 512 km orbit", "is tracking two objects in a polar orbit"), "Outcome:
    # orbit"
    r"|(?:achieve|reach|enter)\s+(?:[\w-]+\s+){0,2}?orbit|successful\s+orbital\s+(?:launch|flight|attempt|insertion)"
    r"|(?:tracking|tracked|catalogu?(?:ed|ing)|cataloged)\s+(?:[\w\u2019'-]+\s+){0,4}?(?:objects?|satellites?)\b"
    r"[^.;]{0,40}?\bin\s+(?:an?\s+)?(?:[\w.-]+\s+){0,6}?orbit|outcome\s*:\s*orbit)\b"
    # a launch log's result column: "2023-11-21   1342Z  Chollima-1    Sohae, coastal pad    ORBIT"
    r"|(?:(?<=[ \t][ \t])|(?<=\|[ \t]))(?-i:ORBIT)(?=[ \t]*\|?[ \t]*(?:\r?\n|$))",
    re.IGNORECASE,
)
_FAILURE = re.compile(
    r"\b(?:fail(?:ed|ure|s)?|unsuccessful(?:ly)?|crash(?:ed|es|ing)?|explod(?:ed|es|ing)|blew (?:up|apart)|"
    r"blowing (?:up|apart)|"
    r"(?:broke|breaking|came|coming|fell|falling) apart|broke up|breaking up|self-destruct(?:ed)?|aborted|"
    r"disintegrat(?:ed|ing)|lost (?:contact|thrust)|malfunction(?:ed|s)?|went wrong|fizzled|"
    # (not "had not detected any abnormal movement in the Strait": what troops did, not how a flight went)
    r"abnormal(?:ly)?(?!\s+(?:movements?|activit(?:y|ies)|signs?|moves?))|"
    r"short of orbit|contact\s+(?:with\s+(?:it|the\s+\w+)\s+)?was\s+lost|"
    r"ended\s+(?:within|just|only|a\s+few)?\s*(?:seconds|moments)\s+(?:of|after|into)|"
    r"ended\s+in\s+(?:an?\s+)?(?:explosion|fireball|disaster)|"
    # a tracker's denial: "No object entered orbit", "nothing reached orbit"
    r"no\s+(?:objects?|satellites?|payloads?)\s+(?:\w+\s+)?(?:entered|reached|achieved)\s+orbit|"
    r"nothing\s+(?:\w+\s+)?(?:entered|reached)\s+orbit|"
    r"fell into the (?-i:sea|ocean|water)(?!\s+of\b))\b"  # not "fell into the Sea of Japan": where it was aimed
    r"|(?:(?<=[ \t][ \t])|(?<=\|[ \t]))(?-i:FAILURE|FAILED)(?=[ \t]*\|?[ \t]*(?:\r?\n|$))",  # a log's result column
    re.IGNORECASE,
)
# "an attempt to put a satellite into orbit", "no object entered orbit": orbit named, not reached.
_NOT_REACHED = re.compile(r"(?:\b(?:attempts?|attempted|try|tried|trying|bid|effort|aim\w*|plans?|failed|fails|"
                          r"failure)\s+to|\b(?:no|not|never|nothing|neither|without|didn't|did not|failed to))\s+"
                          r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# "may have exploded", "whether the launch succeeded": a guess, not a claim.
_HEDGED = re.compile(r"\b(?:(?-i:may)|might|could|possibly|perhaps|whether|if|apparently)\s+(?:have\s+)?(?:been\s+)?"
                     r"(?:[\w-]+\s+(?:and\s+)?)?$|\b(?:whether|if)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# "after two failed attempts", "a string of failures": other launches' outcomes
_IF_CALLED = re.compile(r"\b(?:if|whether|unless)\s+(?:[\w-]+\s+){1,3}?(?:calls?|describes?|claims?|reports?|says?|"
                        r"declares?|terms?)\b[^.;]{0,30}$", re.IGNORECASE)
_OTHERS_FAILED = re.compile(r"\b(?:two|three|four|several|previous|earlier|past|prior|repeated(?:ly)?|string\s+of|"
                            r"series\s+of|history\s+of|record\s+of)\s+(?:[\w-]+\s+)?$|"
                            # "days after a failed satellite launch", "following its failed attempt": another launch
                            # ("days after failed satellite launch", a headline's)
                            r"\b(?:after|following|since)\s+(?:(?:a|an|the|its|last\s+\w+['\u2019]s)\s+)?(?:[\w-]+\s+)?$|"
                            # "eight days after another projectile fired from the same airfield exploded"
                            r"\b(?:another|an\s+earlier|a\s+previous|an\s+other)\s+(?:[\w-]+\s+)?"
                            r"(?:projectiles?|missiles?|rockets?|launch(?:es)?|attempts?)\b[^.;]*$",
                            re.IGNORECASE)
# "days after its attempt to put a spy satellite into orbit ended in failure", "The launch came days after a satellite
# rocket exploded in flight": the launch before this one
# ("… followed … a barrage earlier this month that included an ICBM South Korea said appeared to have failed")
_DAYS_AFTER = re.compile(r"\b(?:days|hours|weeks|a\s+day|a\s+week)\s+after\s+[^.;]{0,90}$|"
                         r"\bearlier\s+this\s+(?:month|year)\b[^.;]{0,90}$", re.IGNORECASE)
# "every attempt ended in failure", "Earlier submarine-launched tests had ended in failure": how other launches went
_OTHERS_ENDED = re.compile(r"\b(?:(?:every|each|all|previous|earlier|past|prior)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:attempts?|tests?|launch(?:es)?|flights?)|(?:attempts|tests|launches|flights)\s+"
                           r"(?:had|have))\s+(?:[\w-]+\s+){0,6}$"
                           # "The North's last SLBM test, on July 9, ended in failure": the one before, by its day
                           r"|\b(?:last|previous|earlier|prior)\s+(?:[\w-]+\s+){0,2}?(?:attempt|test|launch|flight)s?,\s+"
                           r"on\s+[^,;.]{3,24},\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
# "analyzing the possibility that the missile exploded": not known; "Seoul said that missile blew up": 'that
# missile', not 'the missile', is another launch the story mentioned
_NOT_THIS_ONE = re.compile(r"\bpossibility\s+(?:that\s+)?(?:[\w-]+\s+){0,3}$|\b(?:that|those)\s+(?:missiles?|rockets?|"
                           r"launch(?:es)?)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
# "A second missile fired at the same time is reported to have exploded", "the other one blew up": not the lead's
_ANOTHER_MISSILE = re.compile(r"\b(?:a|the)\s+(?:second|third|fourth|other)\s+(?:[\w-]+\s+)?(?:missile|rocket|"
                              r"projectile|one)\b[^.;]*$|\b(?:a|the)\s+(?:second|third|other)\b,[^.;]*$"
                              # "one flew …, while the other is believed to have exploded"
                              r"|\bthe\s+other\s+(?:is|was|appears?|appeared|seems?|reportedly|apparently)\b[^.;]*$"
                              # "fires two ballistic missiles, one fails": one of several, not the launch as a whole
                              r"|\b(?:two|three|four|five|several|multiple|[2-9])\s+(?:[\w-]+\s+){0,2}?(?:missiles|rockets|"
                              r"projectiles)\b[^.;]{0,40}?,\s*one\s+(?:of\s+(?:them|which)\s+)?$", re.IGNORECASE)
# "The first stage separated and fell into the Sea of Japan", "parts of the rocket fell into the sea east of the
# Philippines": spent stages and parts fall as planned (a failure is told in its own words: "broke into pieces")
_SPENT_STAGE = re.compile(r"\b(?:stages?|boosters?|fairings?|parts|pieces|debris|fragments)\b(?:\s+\w+){0,3}\s+$",
                          re.IGNORECASE)
# "the missile fell into the sea and did not reach Hokkaido": a ballistic missile's flight ends in the sea, so that
# is where it landed, not how it failed (a payload or rocket that "fell into the ocean" short of orbit did fail)
_MISSILE_FELL = re.compile(r"\b(?:missiles?|ICBMs?|IRBMs?|SRBMs?|warheads?)\b(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)
# "Pyongyang said in November that it had successfully tested …": what a month named earlier had shown
_EARLIER_MONTH = re.compile(rf"\b(?:in|last)\s+{_MONTH}\b[^.;]{{0,40}}\bhad\s+(?:\w+\s+)?$")
# "succeeded", and state media's claim of a hit: "accurately landing in the preset area of open waters", "hit the
# designated target precisely", "landed precisely in the planned waters"
_HIT = r"(?:hit(?:ting|s)?|str(?:uck|ike|iking|ikes)|land(?:ed|ing|s)?|f[ae]ll(?:ing|s)?|splash(?:ed|ing)\s+down)"
_AIM = (r"(?:on|in|into|at)?\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:preset|pre-set|designated|planned|set|intended|"
        r"targeted|target)\s+(?:target|waters|area|point|spot|sea\s+area|zone|island)")
_SUCCESS = re.compile(rf"(?<!un)\bsucce(?:ss(?:ful(?:ly)?)?|eded|eds)\b|\b(?:accurately|precisely|exactly|correctly)\s+"
                      rf"{_HIT}\s+(?:{_AIM}|(?:in|on|into)\s+the\s+(?:waters|sea)\b)|"  # "… landing in the waters of"
                      rf"\b{_HIT}\s+(?:{_AIM}\s+)?(?:accurately|precisely|exactly)\b(?:\s+{_AIM})?|"
                      # "hit an island target in the West Sea with pinpoint accuracy"
                      rf"\b{_HIT}\s+(?:[\w-]+\s+){{0,10}}?with\s+(?:pinpoint|great|high|perfect)\s+(?:accuracy|precision)\b",
                      re.IGNORECASE)
_MONTH_CLAUSE = re.compile(rf"\b(?:in|on|last)\s+{_MONTH}\b[^.;]{{0,30}}?\b(?:in\s+which|when|where)\b[^.;]*$")
_INTO_THE_SEA = re.compile(r"\s+into\s+(?:the\s+)?(?:sea|ocean|waters?)\b", re.IGNORECASE)
_SPACE_WORDS = re.compile(r"\b(?:orbit\w*|payload|satellite|spacecraft)\b", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|no|never|without)\s+(?:(?:any|sign|signs|of|an?|the)\s+){0,3}$"
                     # "state media … did not mention any failure"
                     r"|\b(?:not|never)\s+(?:mention|report|acknowledge|admit|refer\s+to|cite)\w*\s+(?:(?:any|an?|the)\s+)?$"
                     # a worksheet's "do NOT call it a failure"
                     r"|\b(?:not|never)\s+(?:call|describe|label|term|count|treat)\w*\s+(?:it|this|the\s+\w+)\s+(?:as\s+)?"
                     r"(?:an?\s+)?$"
                     # "He declined to call the launch a success", "stopped short of calling it a failure"
                     r"|\b(?:declin\w*|refus\w*|reluctant|stopp?\w*\s+short\s+of|hesitat\w*)\s+(?:to\s+)?"
                     r"(?:call|calling|describ\w*|term\w*|label\w*|declar\w*)\s+(?:[\w-]+\s+){0,3}$"
                     # "the database does not treat this as a failure", "is not counted as a success"
                     r"|\b(?:not|never)\s+(?:be\s+)?(?:treat|count|consider|regard|class|list|record|scor)\w*\s+"
                     r"(?:[\w-]+\s+){0,3}?as\s+(?:an?\s+)?$", re.IGNORECASE)
_ELSEWHERE = re.compile(rf"\s+(?:\w+\s+){{0,3}}?(?:in|last)\s+{_MONTH}\b|\s+last\s+(?:year|month)\b|^\s*{_MONTH}\b"
                        rf"|\s+{_MONTH}\s+launch")
_PERIOD = re.compile(
    r"\b(?:period\s+of\s+|every\s+|once every\s+|orbits?\s+(?:the\s+)?earth\s+(?:once\s+)?(?:every|in)\s+)"
    r"(?:about\s+|around\s+|approximately\s+)?(?P<min>\d+(?:\.\d+)?)\s*(?:minutes?|mins?\.?)"
    r"(?:\s*(?:and\s+)?(?P<sec>\d{1,2})\s*(?:seconds?|secs?|s)\b)?"
    r"|\b(?P<min2>\d+(?:\.\d+)?)[- ]minute\s+(?:orbit|orbital period|period)",
    re.IGNORECASE,
)
_INCLINATION = re.compile(
    r"\binclin\w*\s+(?:angle\s+)?(?:of\s+)?(?:about\s+)?(?P<deg>\d{1,3}(?:\.\d+)?)\s*(?:°|degrees?)"
    r"|\b(?P<deg2>\d{1,3}(?:\.\d+)?)\s*(?:°|degrees?)\s+inclin\w*",
    re.IGNORECASE,
)
_APSIS = re.compile(r"\b(?P<which>perigee|apogee)\s+(?:of\s+)?(?:about\s+)?"
                    r"(?P<km>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:km|kilomet\w+)"
                    r"|(?P<km2>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:km|kilomet\w+)\s+(?P<which2>perigee|apogee)",
                    re.IGNORECASE)
_ORBIT_KIND = re.compile(r"\b(?P<kind>polar|sun-synchronous|geostationary|low[- ]earth)\s+orbit", re.IGNORECASE)
_ORBIT_WORDS = re.compile(r"\borbit\w*|\bsatellite|\bperiod\b|\binclin", re.IGNORECASE)

_SAID = (r"said|says|stated|states|claimed|claims|believes|believed|confirmed|reported|announced|insisted|added|"
         r"revealed|acknowledged|told|declared|estimated|assessed|described")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;]{2,60}?)(?=,|\.|;|$)", re.IGNORECASE)
_BY = re.compile(rf"\b(?:{_SAID}|confirmed|disclosed)\s+by\s+(?P<who>[^,.;]{{2,60}}?)(?=,|\.|;|$)", re.IGNORECASE)
_SUBJECT = re.compile(rf"(?P<who>[A-Z][^,;:\"\u201c]{{1,70}}?)\s+(?:(?:also|later|previously|has|had|have)\s+)?"
                      rf"(?:{_SAID})\b")


@dataclass(frozen=True)
class FoundClaim:
    property: str
    value: object
    start: int
    end: int
    by: str


# Names news uses for a source that are not its name: the entity they stand for.
_ENTITIES = [
    (re.compile(r"^(?:the\s+)?(?:hermit\s+kingdom|(?:reclusive|isolated|secretive|nuclear-armed)\s+(?:state|nation|"
                r"country|regime|north)|regime|north|dprk|pyongyang|kim\s+jong[- ]un['\u2019]?s?\s+(?:regime|"
                r"government)|north\s+korean?\s+(?:government|regime|authorities|leadership))$",
                re.IGNORECASE), "North Korea"),
    (re.compile(r"^(?:the\s+)?(?:(?:north\s+korea['\u2019]s|north\s+korean|pyongyang['\u2019]s|the\s+north['\u2019]s)\s+)?"
                r"(?:official\s+)?state\s+(?:media|news\s+agency|television|tv)$", re.IGNORECASE),
     "North Korean state media"),
    (re.compile(r"^(?:seoul|the\s+south)$", re.IGNORECASE), "South Korea"),
    (re.compile(r"^tokyo$", re.IGNORECASE), "Japan"),
    (re.compile(r"^washington$", re.IGNORECASE), "the United States"),
]


_THE_COUNTRY = re.compile(r"^the\s+(?:country|nation)$", re.IGNORECASE)
_COUNTRY = re.compile(r"\b(North Korea|South Korea|Japan|China|Russia|the United States)\b")


def source_entity(who: str, before: str = "") -> str:
    """'The hermit kingdom' → 'North Korea', 'Seoul' → 'South Korea': a nickname or a capital is not a source.
    'The country' is the country named last in ``before`` (the text up to the sentence)."""
    if _THE_COUNTRY.match(who.strip()):
        named = _COUNTRY.findall(before[-2000:])
        return named[-1] if named else who
    for pattern, entity in _ENTITIES:
        if pattern.match(who.strip()):
            return entity
    return who


def attributed(text: str, sentence: Sentence, at: int | None = None) -> tuple[str, int | None]:
    """Who the sentence says makes the statement ('according to X', 'confirmed by X' or 'X said'), named as the
    entity, and where the words naming them start; else the article, and None."""
    s, e = sentence.start, sentence.end
    for pattern in (_ACCORDING, _BY, _SUBJECT):
        matches = list(pattern.finditer(text, s, e))
        if matches:
            # The nearest attribution before the statement, else the first one.
            before = [m for m in matches if at is None or m.start() <= at]
            chosen = before[-1] if before else matches[0]
            who = chosen.group("who").strip()
            who = re.sub(r"^(?:that|and|but|however,?)\s+", "", who, flags=re.IGNORECASE)
            who = re.sub(r"^[A-Z]{2,4}\s*[-\u2013\u2014]\s*", "", who)  # a live blog's "KST - Japan's …" stamp
            return f"{source_entity(who, text[:s])} (per article)", chosen.start("who")
    return "the article (unattributed)", None


def attribution(text: str, sentence: Sentence, at: int | None = None) -> str:
    return attributed(text, sentence, at)[0]


def outcome_claims(text: str, sentences: list[Sentence], space: bool = True, earlier: bool = False,
                   lead: bool = False) -> list[FoundClaim]:
    """'orbit', 'failure' or 'success' as each launch sentence states it; a failure 'in May' is another launch. A
    missile (not ``space``) that 'fell into the sea' landed where missiles land: that is no failure. For an
    ``earlier`` launch named in passing, 'previous', 'another' and 'earlier tries' are that launch's words. For the
    story's ``lead`` launch, what 'a second missile' or 'the other one' did is that missile's."""
    found: list[FoundClaim] = []
    for sentence in sentences:
        s, e = sentence.start, sentence.end
        if text[s:e].rstrip("\"\u201d' ").endswith("?"):
            continue  # "Was the launch a success?" asks; it claims nothing
        # each word of an outcome in turn: "All four earlier tries failed; the most recent exploded" is rejected at
        # 'failed' (others' outcome) and read at 'exploded'
        words = sorted(((m, value) for value, pattern in (("orbit", _ORBIT_OUTCOME), ("failure", _FAILURE),
                                                          ("success", _SUCCESS), ("success", HIT_TARGET))
                        for m in pattern.finditer(text, s, e)), key=lambda pair: pair[0].start())
        stated = [(m, value) for m, value in words if _states(text, s, e, m, value, space, earlier)
                  and not (lead and _ANOTHER_MISSILE.search(text, s, m.start()))]
        if not stated:
            continue
        # "successfully launched the satellite …, placing it into orbit": orbit says more than success
        m, value = next((pair for pair in stated if pair[1] == "orbit"), stated[0]) if stated[0][1] == "success" else (
            stated[0])
        by, said_at = attributed(text, sentence, m.start())
        # The quote keeps the words naming the source ("The hermit kingdom claimed that it …") when close.
        start = said_at if said_at is not None and said_at < m.start() and m.end() - said_at <= 160 else m.start()
        found.append(FoundClaim("outcome", value, start, m.end(), by))
    return found


def _states(text: str, s: int, e: int, m: re.Match[str], value: str, space: bool, earlier: bool = False) -> bool:
    """Whether the outcome word ``m`` in the sentence s:e states this launch's outcome: not another month's or
    launch's, not denied, hedged or only aimed at."""
    if _ELSEWHERE.match(text, m.end(), min(e, m.end() + 40)) or _ELSEWHERE.search(
            text[max(s, m.start() - 12) : m.start()] + " launch"):
        return False
    if not_its_outcome(text, s, m.start(), m.end(), value, earlier):
        return False  # an aim, a standard, tests in general, another launch's (outcome_scope)
    if value in ("success", "failure") and _DENIED.search(text[s : m.start()]):
        return False  # "did not fail", "without any malfunction", "no sign of failure", "not successful"
    lead = text[max(s, m.start() - 60) : m.start()]
    if value == "orbit" and _NOT_REACHED.search(lead):
        return False  # "failed to put … into orbit" is a failure, found by the next pattern
    if _HEDGED.search(lead) or _IF_CALLED.search(lead):
        return False  # (and "if it calls it a 'successful' new type, lead on that": what it may yet be called)
    if _GROUND_TEST_AFTER.match(text, m.end(), e):
        return False  # "claimed a successful ground test of a solid-fuel engine": not a flight, not this launch
    if not earlier and (_OTHERS_ENDED.search(lead) or _NOT_THIS_ONE.search(lead) or _EARLIER_MONTH.search(lead)
                        or _MONTH_CLAUSE.search(text, max(s, m.start() - 80), m.start())):
        return False  # "including one in July in which the missile exploded": July's launch
    if value == "failure" and not earlier and (_OTHERS_FAILED.search(lead) or _DAYS_AFTER.search(text, s, m.start())):
        return False
    if value == "failure" and m.group().lower().startswith("crash") and _INTO_THE_SEA.match(text, m.end(), e) and (
            not space and not _SPACE_WORDS.search(text, s, e)):
        return False  # a missile that "crashed into the sea" came down where missiles do
    if value == "failure" and m.group().lower().startswith("fell into"):
        if not space and not _SPACE_WORDS.search(text, s, e):
            return False
        return not (_SPENT_STAGE.search(lead) or _MISSILE_FELL.search(lead))
    return True


_GROUND_TEST_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:ground|engine|static|motor|nuclear|underground|"
                                r"ejection)\s+(?:[\w-]+\s+)?tests?\b", re.IGNORECASE)


def settled_outcome(claimed: list[tuple[str, str]]) -> str | None:
    """The launch's outcome from its (value, by) claims: the one value claimed ('orbit' over 'success'); when North
    Korea's own claim differs from everyone else's ('was in orbit', said state media; 'No object entered orbit',
    said NORAD), the other named sources' — the independent word."""
    def one(values: set[str]) -> str | None:
        if len(values) == 1 or values == {"orbit", "success"}:
            return "orbit" if "orbit" in values else next(iter(values))
        return None

    values = {value for value, _ in claimed}
    if one(values) is not None or not values:
        return one(values)
    own = {value for value, by in claimed if NORTH_KOREAN_SOURCE.search(by)}
    # (a named source: the article's own words may be about another launch it tells)
    others = {value for value, by in claimed if not NORTH_KOREAN_SOURCE.search(by) and by.endswith("(per article)")}
    return one(others) if own and others and not own & others else None


def orbit_claims(text: str, sentences: list[Sentence]) -> list[FoundClaim]:
    found: list[FoundClaim] = []
    for sentence in sentences:
        s, e = sentence.start, sentence.end
        if not _ORBIT_WORDS.search(text, s, e):
            continue
        by = attribution(text, sentence)
        for m in _PERIOD.finditer(text, s, e):
            minutes = float(m.group("min") or m.group("min2"))
            seconds = float(m.group("sec") or 0) if m.group("min") else 0.0
            found.append(FoundClaim("orbit_period_min", round(minutes + seconds / 60, 2), m.start(), m.end(), by))
        for m in _INCLINATION.finditer(text, s, e):
            degrees = float(m.group("deg") or m.group("deg2"))
            if degrees <= 180:
                found.append(FoundClaim("orbit_inclination_deg", degrees, m.start(), m.end(), by))
        for m in _APSIS.finditer(text, s, e):
            which = (m.group("which") or m.group("which2")).lower()
            km = float((m.group("km") or m.group("km2")).replace(",", ""))
            found.append(FoundClaim(f"orbit_{which}_km", km, m.start(), m.end(), by))
        for m in _ORBIT_KIND.finditer(text, s, e):
            found.append(FoundClaim("orbit_type", m.group("kind").lower(), m.start(), m.end(), by))
    return found
