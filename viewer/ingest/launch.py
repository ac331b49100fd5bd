"""Does an article report a North Korean launch, and in which sentences? Precision first: an article about a
football match in Pyongyang or a speech promising more satellites yields no launch at all."""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.asked_before import asked_before
from viewer.ingest.field_report import report_fields
from viewer.ingest.launch_actors import FOREIGN_LAUNCHER, NORTH_KOREA, NORTH_KOREAN_NAMES
from viewer.ingest.launch_lists import dated_launches, scene_days
from viewer.ingest.launch_mentions import denies_launch
from viewer.ingest.launch_nouns import DETECTED_OBJECT, RELATIVE_TO, launch_row, launch_told
from viewer.ingest.launch_report import SPACE_WORDS, LaunchReport, describe, lead_space
from viewer.ingest.launch_sections import heading_rows
from viewer.ingest.launch_shorthand import in_ordinary_case, telegraphic_launch
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.sentences import Sentence

# "Sohae Satellite Launching Station", "a launching pad", "firing range": a name or a thing, not a launch.
_NOT_VERB = r"(?!\s+(?:station|ground|site|pad|facility|complex|cent(?:er|re)|tubes?|platform|range|drill|windows?))"
# "a submarine-launched missile", "air-launched": an adjective, not a launch ("test-fired" is the verb itself)
_VERB = re.compile(r"(?<!\w-)\b(?:(?:test-)?(?:launch(?:ed|es|ing)?|fir(?:ed|es|ing))|test-fire|"
                   r"lift(?:ed|s|ing)?\s+off|lift-?off(?=\s+(?:was\s+|came\s+|time\s+(?:was\s+)?)?(?:at\s+)?\d)|blast(?:ed|s|ing)?\s+off|(?:took|takes|taking)\s+off|"
                   rf"shot(?!\s+down)|shoots?(?!\s+down)|shooting(?!\s+down))\b{_NOT_VERB}",
                   re.IGNORECASE)
_DEPARTED = (r"(?:rose|climbed|soared|flew|streaked|lifted)(?:\s+(?:away|off|up|south\w*|north\w*|east\w*|west\w*))?"
             r"\s+from(?=\s+(?:(?:the|its|a)\s+)?(?:(?:new|old|same|coastal|main)\s+)?(?:pad|launch|site|[A-Z]))")
_PAST_VERB = re.compile(r"(?<!\w-)\b(?:(?:test-)?(?:launched|fired|launching|firing)|test-fir(?:e|ing)\s+of\b|"
                        # "the rocket took off at 3:50am"
                        r"lift(?:ed|s|ing)?\s+off|blast(?:ed|s|ing)?\s+off|(?:took|taking)\s+off|"
                        # "shot a ballistic missile eastward" (not "shot down a drone"); "The rocket went up from
                        # the Tongchang-ri site", "roared off the pad"
                        rf"shot(?!\s+down)|went\s+up|roared\s+(?:off|into)|thundered\s+off|"
                        # "The rocket left Sohae and flew south", "the missile left the pad", a timeline's "Another
                        # Hwasong-12 leaves Sunan at about 6:57 a.m."
                        # (and a feature's "The missile, a Hwasong-12 …, had left the runway area at Sunan")
                        r"(?:(?<=rocket\s)|(?<=missile\s)|(?<=vehicle\s)|(?<=\d\s)|(?<=had\s))(?:left|leaves)"
                        r"(?=\s+(?:the\s+)?(?:pad|launch|runway|airfield|airport|[A-Z]))|"
                        # "an Unha-3 rose from the Sohae launch station", "the rocket flew south from Sohae", "a
                        # Chollima-1 climbed away from the new coastal pad": the rocket leaving its site
                        rf"{_DEPARTED})"
                        rf"\b{_NOT_VERB}",
                        re.IGNORECASE)
# "a missile exploded in the air shortly after leaving the airfield", "blew up seconds after lift-off": a failed launch
_FAILED_AFTER_LEAVING = re.compile(r"\b(?:exploded|blew\s+up|broke\s+(?:up|apart)|disintegrated)\b[^.;]{0,40}?"
                                   r"\bafter\s+(?:leaving|lift-?off|liftoff|launch|take-?off|clearing)\b",
                                   re.IGNORECASE)
# What a missile does after lift-off, told of the flight the story reports: "The missile came down in the sea some
# 240 kilometres to the east", "It was seen heading north-east", "The missile travelled in an east-north-easterly
# direction", "The missile headed out to sea", "They splashed down in the East Sea"
_FLIGHT_VERB = (r"(?:flew|flown|soared|travell?ed|headed|came\s+down|splashed\s+down|landed|crashed|plunged|"
                r"flying|travell?ing|heading|coming\s+down|splashing\s+down|landing|"
                # "It arced eastward across the peninsula", "It streaked over Hokkaido", "climbed to 6,000 km"
                r"arced|arcing|climbed|climbing|streaked|sped|raced|cruised|glided|zoomed)")
_FLOWN = re.compile(rf"\b{_FLIGHT_VERB}\b", re.IGNORECASE)
# "They flew east-northeast", "Both flew in an easterly direction", "It headed east across the peninsula", "It
# vanished from radar … after flying south", "It was seen heading north-east"
_PRONOUN_FLEW = re.compile(r"\s*(?:It|They|Both(?:\s+(?:missiles|rockets|projectiles))?)\s+"
                           rf"(?:(?:\w+\s+){{0,2}}?{_FLIGHT_VERB}\b|"
                           r"[^.;\n]{0,80}?\bafter\s+(?:flying|travell?ing|heading)\b)")
# "The second left eleven minutes after the first", "The third followed at 6:02": one of several missiles, told by
# its place in the count, with a verb of its own
_ORDINAL_LEFT = re.compile(r"\s*(?:The|the)\s+(?:second|third|fourth|fifth|last|other)\s+(?:(?:missile|rocket|"
                           r"projectile|one)\s+)?(?:left|followed|went\s+up|rose|lifted|took\s+off|flew|soared)\b")
# "It happened just minutes ago, … Wednesday morning in Pyongyang": the launch just told, as an event
_IT_HAPPENED = re.compile(r"\s*(?:It|This|That)\s+(?:all\s+)?(?:happened|occurred|took\s+place)\b")
# "the launch", "Sunday's launch", "North Korea's rocket launch": one launch, not "missile launches" in general.
# (not "its right to launch satellites", "the decision to launch": a verb after "to", no launch)
_LAUNCH_NOUN = re.compile(r"\b(?:the|this|that|today['\u2019]s|latest|recent|\w+['\u2019]s)\s+"
                          r"(?:(?!to\b)[\w-]+\s+){0,2}?(?<!\bto\s)"
                          r"launch\b(?!\s*(?:pad|site|window|facility|station|vehicle|complex|center|centre))",
                          re.IGNORECASE)
# "The failed test was detected at 11:03 p.m. ET", "the firing took place at dawn": once a launch is reported, the
# test of a missile is that launch (not a nuclear or an engine test)
_TEST_NOUN = re.compile(r"\b(?:the|this|that|today['\u2019]s|\w+['\u2019]s)\s+"
                        r"(?:(?:failed|latest|missile|weapons?)\s+)?(?:test|test-fire|test-launch|firing)\b"
                        r"(?!\s+(?:site|range|ban|stand))(?![^.;]{0,60}\b(?:nuclear|engine|bomb))", re.IGNORECASE)
_PROJECTILE = re.compile(
    r"\b(?:rockets?|missiles?|satellites?|projectiles?|ICBMs?|IRBMs?|SLBMs?|SRBMs?|launch vehicle|carrier rocket|"
    r"Unha|Chollima|Hwasong|Pukguksong|Kwangmyongsong|Malligyong|Taepodong|Nodong|Rodong|KN-\d+|Musudans?|Scuds?|"
    r"Hwasal|Pulhwasal|Haeil)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:will|would|could|might|(?-i:may)|shall|plans?|planned|planning|intends?|intended|intention|prepar\w*|ready|"
    r"readies|threat\w*|vow\w*|expected|expects|ahead of|if|whether|possible|possibly|potential|imminent|likely|"
    r"upcoming|scheduled|attempt(?:s|ed)? to|try to|seeks? to|aim\w* to|hopes? to|wants? to|capable of|able to|"
    r"able|allowed|to be|order(?:ed|s)? to|pledg\w*|promis\w*|calls? for|denounc\w*|ban\w*|prohibit\w*|"
    r"resolutions?|such|any|more|future|urg\w*|call(?:ed|s|ing)?\s+off|cancel\w*|postpon\w*|scrap\w*|"
    r"refrain\w*|halt\w*|stop|prevent\w*)\b",
    re.IGNORECASE,
)
_STILL_TO_COME = re.compile(r",?\s*(?:which|that)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:will|would|is\s+to|was\s+to)\b",
                            re.IGNORECASE)
# (and "little more than a minute after it lifted off": a comparison)
_COUNTED_MORE = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+more\b|"
                           r"\bmore\s+than\b",
                           re.IGNORECASE)
_ORDINAL_LAUNCH = re.compile(r"(?i)the\s+(?:first|second|third|fourth|last|latest)\s+launch$")
_CLOCK = re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b(?:1[0-2]|0?[1-9])\s*[ap]\.?\s?m\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|would|could|might|shall|can|(?-i:may))\b", re.IGNORECASE)
_AFTER_APPOSITIVE = re.compile(r",\s*(?:was|were|had\s+been|has\s+been)\s+$")
_NEGATION = re.compile(r"\b(?:not|no|never|didn't|hasn't|haven't|hadn't|without|nor)\b", re.IGNORECASE)
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_RECENT = r"earlier this (?:month|week)"  # an earlier launch when the story reports one of its own; else its launch
_HISTORY_WORDS = (
    r"\b(?:previous(?:ly)?|earlier this year|{recent}last (?:year|month|week)|"
    r"(?:months|weeks|years) (?:after|ago|before)|in (?:19|20)\d\d|since (?:19|20)\d\d|prior|former|first attempt|"
    # "Since then it has fired cruise missiles from submarines, ships and land launchers": launches in general
    r"(?:since\s+then|over\s+the\s+(?:past\s+(?:\w+\s+)?)?(?:years|decades?)|in\s+recent\s+(?:years|months)),?\s+"
    r"(?:it|North\s+Korea|Pyongyang|the\s+North|the\s+regime)\s+(?:has|have|had)\s+(?:also\s+|repeatedly\s+|"
    r"regularly\s+)?(?:fired|launched|tested|test-fired)|"
    # "its most recent satellite launch was in February 2016": a month named with its year is another month's launch
    r"(?:was|were|came)\s+in\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(?:19|20)\d\d|"
    # "North Korea has tested solid-fuel ICBMs several times in recent years": launches counted, not one told
    r"(?:has|have)\s+(?:\w+\s+)?(?:launched|fired|tested|test-fired)\b(?:[^.;]*?)\b(?:many|several|numerous|"
    r"multiple|countless)\s+times|"
    # "in May the launch came in the first hours", "the satellite launched last November": a month named without its
    # day is another month's launch
    # (beside the launch word: not "the submarine it unveiled last September" in the sentence of this launch)
    r"(?:launched|fired|test-fired|tested)\s+(?:in|last)\s+" + _MONTHS + r"\b(?!\s+\d)|"
    r"(?:in|last)\s+" + _MONTHS + r",?\s+(?:the|its|a)\s+(?:[\w-]+\s+)?launch\b|"
    r"history|anniversary|last\s+(?:fired|launched|tested|test-fired|flew|lifted\s+off|blasted\s+off|took\s+off))\b"
)
_RECENT_IN = re.compile(_RECENT, re.IGNORECASE)
# "North Korea fired …", the launcher its subject (not "A North Korean missile launched earlier this month prompted …")
_LAUNCHER_FIRED = re.compile(r"(?i)\s*(?:North\s+Korea|Pyongyang|the\s+North|DPRK)\s+(?:fired|launched|test-fired)\b")
_HISTORY = re.compile(_HISTORY_WORDS.format(recent=_RECENT + "|"), re.IGNORECASE)
_HISTORY_BUT_RECENT = re.compile(_HISTORY_WORDS.format(recent=""), re.IGNORECASE)
# "is aware of the ballistic missile launch by the Democratic People's Republic of Korea (DPRK) earlier today"
_BY_NORTH_KOREA = re.compile(r"\s+(?:conducted\s+|carried\s+out\s+)?by\s+(?:the\s+)?(?:North\s+Korea|DPRK|Democratic\s+"
                             r"People['\u2019]s\s+Republic\s+of\s+Korea|Pyongyang|the\s+North)\b")
_KIND_HEDGE = re.compile(r"\b(?:presumed|believed|thought|assessed|suspected|estimated|appeared|seemed)\s+to\s+be\s+"
                         r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|"
                         r"IRBMs?)\s*$", re.IGNORECASE)
# (and a notice cited with its hours: "published by NOTAM (RKRR Z0342/26, daily 0600-1100 UTC, 5-9 April)")
_NOTICE_WINDOW = re.compile(r"\b(?:each|every)\s+day\s+(?:from|between|until|through)\b|"
                            r"\bdaily\s+(?:from|between|until)\b|\bdaily,?\s+[0-2]\d[0-5]\d\s*(?:Z|UTC)?\s*[-\u2013]\s*"
                            r"[0-2]\d[0-5]\d\b", re.IGNORECASE)
_FIRST_SINCE = re.compile(r"\bfirst\b[^.;]{0,60}$", re.IGNORECASE)
# (a correspondent's "the South Korean military tells us the missile was launched …")
_SAID = re.compile(r"\b(?:says?|said|reports?|reported|confirm(?:s|ed)|announce[sd]|told|believes?|"
                   r"tells(?:\s+(?:us|me|reporters))?)\b(?:\s+that)?",
                   re.IGNORECASE)
_SPORT = re.compile(r"\b(?:match|goals?|striker|stadium|league|tournament|qualifier|midfield\w*|goalkeeper|"
                    r"scored|penalty|kick-?off|half-?time|fans|coach)\b", re.IGNORECASE)
_MILITARY = re.compile(r"\b(?:ballistic|warheads?|ICBM|IRBM|SLBM|satellites?|orbit|J-?Alert|Joint Chiefs|"
                       r"defen[cs]e ministry|launch (?:site|pad)|Security Council)\b", re.IGNORECASE)
# What a verb's object is when it is not a rocket: "fired his defence minister", "launched a new destroyer capable of
# firing missiles", "fired warning shots", "launched a campaign to build more missiles".
_OTHER_OBJECT = re.compile(r"\b(?:minister|officials?|chief|commander|generals?|officers?|aides?|shots|shells|rounds|"
                           r"artillery|guns?|destroyer|warship|frigate|ship|vessels?|submarine|campaign|drive|probe|"
                           r"investigation|attack|cyberattack|offensive|programm?e?|plan|website)\b(?!-)",
                           re.IGNORECASE)  # not "a submarine-launched ballistic missile"
_COUNT = re.compile(r"\b(?:dozens|scores|hundreds)\s+of\s+|\b(?:more\s+than|over)\s+\d+\s+", re.IGNORECASE)


def _launches_a_projectile(text: str, s: int, e: int, verb: re.Match[str]) -> bool:
    """A rocket or missile is the verb's subject ('the missile was launched') or its object ('fired two ballistic
    missiles'), not a count of them ('has launched dozens of missiles this year') nor something else's object."""
    if _PROJECTILE.search(text, verb.start(), verb.end()):
        return True  # "North Korea's ballistic missile launch"
    after = _PROJECTILE.search(text, verb.end(), e)
    if after is not None:
        gap = text[verb.end() : after.start()]
        if not _OTHER_OBJECT.search(gap) and not _COUNT.search(gap):
            return True
    if _THING_LAUNCHED.search(text, max(s, verb.start() - 40), verb.start()):
        return False  # "the missile warning data-sharing mechanism launched in December 2023": a thing set up
    return _PROJECTILE.search(text, s, verb.start()) is not None


# a thing set up, not flown, right before 'launched' ("the … data-sharing mechanism launched in December")
_THING_LAUNCHED = re.compile(r"\b(?:mechanism|system|network|framework|programm?e|initiative|platform|service|"
                             r"campaign|website|channel|hotline|fund|project|agency|office|dialogue|exercise|drill)\s+"
                             r"(?:(?:was|were|had\s+been|has\s+been|first)\s+)?$", re.IGNORECASE)


def _reports(text: str, sentence: Sentence, article_about_north_korea: bool, *, strict: bool,
             recent: bool = False) -> bool:
    """Whether the sentence says a launch took place: a launch verb or 'the … launch' with a rocket or missile,
    not hedged, negated or about an earlier launch, and by North Korea. ``recent``: one told as "earlier this
    month" is the story's launch (asked only when the story reports no other)."""
    s, e = sentence.start, sentence.end
    history = (_HISTORY_BUT_RECENT if recent else _HISTORY).search(text, s, e)
    if history and not (history.group().lower().startswith("since") and _FIRST_SINCE.search(text, s, history.start())):
        return False  # about an earlier launch; but "the first ICBM test since 2017" reports this one
    verb = (_PAST_VERB if strict else _VERB).search(text, s, e) or telegraphic_launch(text, s, e)
    if verb is None and _PROJECTILE.search(text, s, e):
        verb = _FAILED_AFTER_LEAVING.search(text, s, e)
    if verb is None and not strict:  # "The missile was flown on a lofted trajectory to the east": the same flight
        verb = _ORDINAL_LEFT.match(text, s, e) or _IT_HAPPENED.match(text, s, e) or (
            _FLOWN.search(text, s, e) if _PROJECTILE.search(text, s, e) else _PRONOUN_FLEW.match(text, s, e)) or (
            DETECTED_OBJECT.search(text, s, e))
    if verb is None:
        # "North Korea's rocket launch": a launch noun counts when North Korea owns it, not in "the launch came
        # days after North Korea said…", which is about someone else's launch.
        verb = _LAUNCH_NOUN.search(text, s, e) or (None if strict else _TEST_NOUN.search(text, s, e)) or (
            _told_test(text, s, e) if article_about_north_korea else None) or dated_launches(text, s, e)
        if verb is None or (strict and RELATIVE_TO.search(text, max(s, verb.start() - 25), verb.start())):
            return False  # ("an image taken three days before the launch": the launch a reference, not told)
        # "The first launch was at 6:40 this morning" in a story about North Korea: a launch told by its clock time
        timed = article_about_north_korea and ((_ORDINAL_LAUNCH.match(verb.group()) is not None and bool(
            _CLOCK.search(text, verb.end(), e))) or launch_told(text, verb))
        if strict and not timed and not NORTH_KOREA.search(text, s, verb.end()) and not _BY_NORTH_KOREA.match(
                text, verb.end(), e):
            return False
    else:
        timed = False
    if (strict or verb.group().lower().startswith("shoot")) and not timed and not _launches_a_projectile(
            text, s, e, verb):  # (and "the Oct. 1 shooting", a gun's, when no rocket or missile is named)
        return False
    before = text[max(s, verb.start() - 45) : verb.start()]
    aside = _AFTER_APPOSITIVE.search(before)
    if aside:  # "the missile, believed to be a Taepodong-1, was launched": the aside does not hedge the verb
        opening = before.rfind(",", 0, aside.start())
        before = (before[:opening] if opening >= 0 else "") + before[aside.start() + 1 :]
    # "The DPRK will launch more satellites" read as the noun phrase "The DPRK will launch": no launch
    if verb.group().lower().endswith("launch") and _MODAL.search(text, verb.start(), verb.end()):
        return False
    # "the launch, which they said would use ballistic missile technology": a launch still to come
    if verb.group().lower().endswith("launch") and _STILL_TO_COME.match(text, verb.end(), e):
        return False
    before = _COUNTED_MORE.sub(" ", before)  # "Two more ballistic missiles were fired": more of them, not future ones
    # "projectiles presumed to be short-range ballistic missiles fired from …" (the JCS's wording): what they were is
    # hedged, not that they were fired
    hedge = _KIND_HEDGE.search(text, max(s, verb.start() - 90), verb.start())
    if hedge is not None:
        before = text[max(s, hedge.start() - 45) : hedge.start()]
    before = before[before.rfind(": ") + 1 :]  # "23.40 BST: More details from Seoul: the missile was fired": the clause
    if _HYPOTHETICAL.search(before) or _NEGATION.search(text[max(s, verb.start() - 20) : verb.start()]):
        return False
    # "Japan's Defense Ministry put the launch at 7:09 a.m.": 'the launch' is a noun, Japan times it, not launches it
    noun = verb.group().lower() == "launch" and re.search(r"\b(?:the|this|that)\s+$", text[s : verb.start()],
                                                          re.IGNORECASE)
    # "Our military detected around 10 projectiles … fired from the Sunan area": who detected did not fire
    detected = DETECTED_OBJECT.search(text, s, verb.start())
    if not noun and detected is None and not _owned_by_north_korea(text, s, verb) and _foreign_launcher(
            text, s, verb.start()):
        return False  # "South Korea launched its first spy satellite to watch North Korea"
    if _NOTICE_WINDOW.search(text, s, e):
        return False  # "rocket firing in three areas … each day from Tuesday to Friday": a notice's window, no launch
    if NORTH_KOREA.search(text, s, e) or NORTH_KOREA.search(in_ordinary_case(text, s, e)):
        return True  # (a ticker in capitals: "N. KOREA FIRES …")
    # "The missile was launched at 7:29 PM ET" in an article about North Korea, with no other country launching.
    return article_about_north_korea and (bool(noun) or not FOREIGN_LAUNCHER.search(
        _after_said(text[s : verb.start()])[1][-60:]))


def _owned_by_north_korea(text: str, s: int, verb: re.Match[str]) -> bool:
    """'North Korea's launch on 18 December', 'the DPRK's launch': the launch noun's owner is North Korea, whoever
    else the sentence names ('We, the foreign ministers of Canada, France, Japan … condemn …')."""
    owner = re.match(r"[\w-]+(?=['\u2019]s\s)", verb.group())
    if owner is None:
        return False
    end = verb.start() + owner.end()
    return any(m.end() == end for m in NORTH_KOREA.finditer(text, max(s, end - 60), end))


def _told_test(text: str, s: int, e: int) -> re.Match[str] | None:
    """'The single test took place on November 29, 2017, at 3:17 a.m. … The missile flew eastward': a missile's
    flight test told as having taken place, its missile named in what follows."""
    test = _TOLD_TEST.search(text, s, e)
    if test is None or not launch_told(text, test) or not _PROJECTILE.search(text, test.end(), e + TOLD_TEST_CHARS):
        return None
    return test


TOLD_TEST_CHARS = 200  # from the sentence's end to the missile it tells of
_TOLD_TEST = re.compile(r"\b(?:the|its|this|that)\s+(?:(?:single|only|first|second|third|latest|last|maiden|one)\s+)?"
                        r"(?:flight\s+test|test\s+flight|test|test-fire|firing|flight)\b", re.IGNORECASE)


# "the military says it fired two missiles", "Japan said its destroyers fired": the speaker is who fired
_SPEAKER_FIRED = re.compile(r"\s*(?:that\s+)?(?:it|they|its\s+[\w-]+|their\s+[\w-]+)\s+(?:had\s+|also\s+|then\s+)?",
                            re.IGNORECASE)


# "South Korea's Joint Chiefs of Staff: the missile was fired …" (a live blog, a bulletin): the colon says;
# "According to South Korea's Joint Chiefs of Staff, the missile was fired …": so does the phrase
# ("Per Japan MOD, a rocket lifted off …" likewise)
_SAID_OR_COLON = re.compile(rf"{_SAID.pattern}|:(?=\s)|\b(?:according\s+to|per)\s+(?P<who>[^,;:]{{2,80}}),",
                            re.IGNORECASE)


def _after_said(lead: str) -> tuple[str, str]:
    """The words before a verb of saying or a speaker's colon (the speaker; after 'according to', the words it
    names) and after it (the clause said)."""
    said = list(_SAID_OR_COLON.finditer(lead))
    if not said:
        return "", lead
    last = said[-1]
    return (last.group("who") if last.group("who") else lead[: last.start()]), lead[last.end() :]


_ZONE_NAMED = re.compile(r"\b(?:Japan|Japanese|Tokyo|Seoul|South\s+Korean?|U\.S\.)\s+(?:standard\s+)?time\b", re.I)


def _foreign_launcher(text: str, start: int, verb_start: int) -> bool:
    """Whether the subject of the launch verb is another country: named ('South Korea launched …'; 'Japan's defence
    ministry says the missile was launched' is Japan reporting) or the speaker itself ('In Seoul, the military says
    it fired two missiles as a show of force')."""
    speaker, lead = _after_said(text[start:verb_start])
    lead = _ZONE_NAMED.sub("", lead.rsplit(";", 1)[-1])  # the verb's own clause; "9:49 a.m. Japan time" is a clock's
    if FOREIGN_LAUNCHER.search(lead) and not NORTH_KOREA.search(lead):
        return True
    return bool(_SPEAKER_FIRED.fullmatch(lead)) and bool(FOREIGN_LAUNCHER.search(speaker)) and not (
        NORTH_KOREA.search(speaker))


# "One of them fell into the sea", "They flew 300 km": the subject of the sentence before
_ANAPHORIC = re.compile(r"\s*(?:One|Two|Both|Each|Neither|Either|All|Some|None)\s+of\s+(?:them|those|these)\b|"
                        r"\s*(?:It|They|Both|The other)\s+(?!(?:is|was|were|are)\s+(?:the|a)\b)")


def foreign_launch_sentences(text: str, sentences: list[Sentence]) -> set[Sentence]:
    """Sentences about another country's launch: the one saying so and those after it that continue with its
    missiles as their subject ('In Seoul, the military says it fired two missiles. One of them fell into the sea
    shortly after launch.')."""
    found: set[Sentence] = set()
    for i, sentence in enumerate(sentences):
        if reports_foreign_launch(text, sentence):
            found.add(sentence)
            for after in sentences[i + 1 :]:
                if not _ANAPHORIC.match(text, after.start, after.end):
                    break
                found.add(after)
    return found


@asked_before  # (foreign_launch_sentences is asked by detect_launch, the claims and the draft)
def reports_foreign_launch(text: str, sentence: Sentence) -> bool:
    """A sentence saying another country launched or fired ('South Korea fired two missiles in response')."""
    verb = _PAST_VERB.search(text, sentence.start, sentence.end)
    return verb is not None and _launches_a_projectile(text, sentence.start, sentence.end, verb) and (
        _foreign_launcher(text, sentence.start, verb.start()))


def detect_launch(text: str, sentences: list[Sentence], published: date | None = None) -> LaunchReport | None:
    """The launch the article reports, or None when it reports none (``published``: the day its yearless
    headings are read in)."""
    if len(_SPORT.findall(text)) >= 3 and not _MILITARY.search(text):
        return None  # a striker who "fired a rocket into the top corner" launched nothing
    if denies_launch(text, sentences):
        return None
    head = in_ordinary_case(text, 0, 4000) or text[:4000]  # (a ticker's log in capitals: its names as written)
    # named twice, or once beside one of its rockets or leaders ("its new intermediate-range missile … a Musudan")
    about_north_korea = len(NORTH_KOREA.findall(head)) + min(1, len(NORTH_KOREAN_NAMES.findall(head))) >= 2
    anchors = [s for s in sentences if _reports(text, s, about_north_korea, strict=True)]
    # a timeline's or table's rows: the launches themselves when no sentence reports one, else others it lists
    rows = [s for s in sentences if about_north_korea and launch_row(text, s)]
    rows += _table_rows(text, sentences, about_north_korea, rows)
    if about_north_korea:  # a notebook's heading per launch ("## 17 Jan — two SRBMs from the airport")
        rows += [s for s in heading_rows(text, sentences, published) if s not in rows]
    rows.sort(key=lambda s: s.start)
    if not anchors:
        anchors = rows or _field_lines(text, sentences)
    if not anchors:  # "North Korea fired a ballistic missile earlier this month": the only launch it reports
        anchors = [s for s in sentences if _RECENT_IN.search(text, s.start, s.end) and _LAUNCHER_FIRED.match(
            text, s.start, s.end) and _reports(text, s, about_north_korea, strict=True, recent=True)]
    if not anchors:
        return None
    # Once a sentence says North Korea launched, "the missile was launched from …" elsewhere is the same launch.
    foreign = foreign_launch_sentences(text, sentences)
    related = [s for s in sentences if s in anchors or s in rows or (
        s not in foreign and _reports(text, s, True, strict=False))]
    related = scene_days(text, sentences, anchors[:1], related)  # "It was Friday, September 15, 2017. The missile …"
    scope = " ".join(text[s.start : s.end] for s in related)
    space = bool(SPACE_WORDS.search(scope)) or len(re.findall(r"\bsatellites?\b", text, re.IGNORECASE)) >= 2
    # ("North Korea's launch on 18 December of an intercontinental-range ballistic missile" in a statement that goes
    # on to a satellite launch: the lead names its missile)
    space = lead_space(text, anchors[:1], space)
    listed = [s for s in rows if s not in anchors]
    return describe(text, LaunchReport(anchors, related, space, listed=listed, rows=rows))


def _table_rows(text: str, sentences: list[Sentence], about_north_korea: bool, rows: list[Sentence]
                ) -> list[Sentence]:
    """The rows of a table of launches (launch_tables), when the document is about North Korea or the rows name
    its sites or rockets (a spreadsheet's 'Sunan area,ICBM' under 'date,time_kst,launch_area,type')."""
    found = [s for s in sentences if s not in rows and in_launch_table(text, s.start) is not None]
    if found and not about_north_korea and not any(NORTH_KOREAN_NAMES.search(text, s.start, s.end) or (
            NORTH_KOREA.search(text, s.start, s.end)) for s in found):
        return []
    return found


_TITLE_LAUNCH = re.compile(r"\blaunch(?:es|ed)?(?:\b|_)", re.IGNORECASE)


def _field_lines(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The lines of a launch report written in fields: at least three known fields, one of them its time, under a
    heading that names a launch by North Korea ("NORTH KOREA LAUNCH TRACKER" too). Each line states the launch."""
    fields = report_fields(text)
    if not fields:
        return []
    head = text[: fields[0].start()]
    if all(f.group("key") for f in fields):  # a pasted data record: its keys and values may say what it is
        head += "\n".join(f.group() for f in fields)  # ('"launched_local": …', '"site": "Pyongyang area"')
    if not _TITLE_LAUNCH.search(head) or not (NORTH_KOREA.search(head) or NORTH_KOREA.search(head.title())):
        return []
    return [s for s in sentences if any(m.start() <= s.start < m.end() for m in fields)]
