"""The reference pages the sample's facts come from, and how a fact's source markers read in the bundle."""

from __future__ import annotations

import re

from viewer.model.sources import Source

# ---------------------------------------------------------------------------------------------------------------
# Reference sources: the pages the facts below come from. Their numbers (S[n]) are those of the project's
# reference notes and are only used inside this script: the bundle names each source as a reader cites it
# (publisher, title, date, URL) in its `sources` list, and features and claims refer to them by id.
# Titles are given only where the page's title is known; dates only where the page states them.
# ---------------------------------------------------------------------------------------------------------------
REFERENCES: dict[str, dict[str, str]] = {
    "1": {"id": "wikipedia-sohae", "publisher": "Wikipedia", "title": "Sohae Satellite Launching Station",
          "url": "https://en.wikipedia.org/wiki/Sohae_Satellite_Launching_Station"},
    "3": {"id": "csis-sohae-new-pad", "publisher": "CSIS Beyond Parallel",
          "url": "https://beyondparallel.csis.org/new-launch-pad-and-significant-expansion-underway-at-the-sohae-"
                 "satellite-launching-station/"},
    "4": {"id": "38north-sohae-2023-10", "publisher": "38 North", "published": "2023-10",
          "url": "https://www.38north.org/2023/10/sohae-satellite-launching-station-expansion-continues-no-visible-"
                 "signs-of-launch-preparations/"},
    "5": {"id": "wikipedia-kms4", "publisher": "Wikipedia", "title": "Kwangmyŏngsŏng-4",
          "url": "https://en.wikipedia.org/wiki/Kwangmy%C5%8Fngs%C5%8Fng-4"},
    "6b": {"id": "spacereview-4753", "publisher": "The Space Review",
           "url": "https://thespacereview.com/article/4753/1"},
    "8": {"id": "satnews-561028436", "publisher": "Satnews", "url": "http://www.satnews.com/story.php?number=561028436"},
    "9": {"id": "redglobe-2016-02", "publisher": "Red Globe", "published": "2016-02",
          "url": "http://en.redglobe.org/2016/02/north-korea-reports-satellite-launch/"},
    "10": {"id": "jcast-2016-02-07", "publisher": "J-CAST News", "published": "2016-02-07",
           "url": "https://j-cast.com/2016/02/07257784.html?p=all"},
    "11": {"id": "ntv-321824", "publisher": "Nippon TV News", "url": "https://news.ntv.co.jp/category/politics/321824"},
    "12": {"id": "nocutnews-4544823", "publisher": "CBS NoCut News", "url": "https://nocutnews.co.kr/news/4544823"},
    "13": {"id": "qab-2016-02-07", "publisher": "QAB Ryukyu Asahi Broadcasting", "published": "2016-02-07",
           "url": "http://www.qab.co.jp/news/2016020777300.html"},
    "14": {"id": "okinawatimes-23650", "publisher": "Okinawa Times",
           "url": "http://www.okinawatimes.co.jp/articles/-/23650"},
    "15": {"id": "japantimes-2016-02-07", "publisher": "The Japan Times", "published": "2016-02-07",
           "url": "https://www.japantimes.co.jp/news/2016/02/07/national/north-korea-fires-rocket-seen-covert-"
                  "missile-test-japan-condemns-launch/"},
    "16": {"id": "wikipedia-chollima1", "publisher": "Wikipedia", "title": "Chollima-1",
           "url": "https://en.wikipedia.org/wiki/Chollima-1"},
    "17": {"id": "newdaily-2023-05-31", "publisher": "NewDaily", "published": "2023-05-31",
           "url": "http://www.newdaily.co.kr/site/data/html/2023/05/31/2023053100011.html"},
    "18": {"id": "nippon-com-2023-05-31", "publisher": "Nippon.com", "published": "2023-05-31",
           "url": "https://www.nippon.com/en/news/yjj2023053100178/north-korea-fires-suspected-ballistic-missile.html"},
    "19": {"id": "the300-2023-05-31", "publisher": "The300", "published": "2023-05-31",
           "url": "https://the300.mt.co.kr/newsView.html?no=2023053109384252511"},
    "20": {"id": "nwtn-375412", "publisher": "NWTN", "url": "http://www.nwtn.co.kr/news/articleViewAmp.html?idxno=375412"},
    "21": {"id": "tbs-516203", "publisher": "TBS News Dig", "url": "https://newsdig.tbs.co.jp/articles/-/516203"},
    "22": {"id": "sputnik-jp-2023-05-31", "publisher": "Sputnik Japan", "published": "2023-05-31",
           "url": "https://sputniknews.jp/amp/20230531/j-16144344.html"},
    "23": {"id": "nhk-2023-05-31", "publisher": "NHK News", "published": "2023-05-31",
           "url": "https://www3.nhk.or.jp/news/html/20230531/k10014083441000.html"},
    "25": {"id": "seesat-2023-05-0198", "publisher": "SeeSat-L", "published": "2023-05",
           "url": "https://satobs.org/seesat/May-2023/0198.html"},
    "26": {"id": "moneytoday-2023-05-31", "publisher": "Money Today", "published": "2023-05-31",
           "url": "https://m.mt.co.kr/renew/view_amp.html?no=2023053106581851671"},
    "27": {"id": "newspravda-2023-08-23", "publisher": "News-Pravda", "published": "2023-08-23",
           "url": "https://news-pravda.com/usa/2023/08/23/68150.html"},
    "28": {"id": "arabnews-jp-101937", "publisher": "Arab News Japan",
           "url": "https://www.arabnews.jp/en/japan/article_101937"},
    "29": {"id": "tbs-679020", "publisher": "TBS News Dig", "url": "https://newsdig.tbs.co.jp/articles/-/679020"},
    "30": {"id": "britainherald-chollima", "publisher": "Britain Herald",
           "url": "https://britainherald.com/north-korea-spy-satellite-launch-ends-in-failure"},
    "31": {"id": "ymainichi-39787", "publisher": "Yaeyama Mainichi", "url": "https://www.y-mainichi.co.jp/news/39787/"},
    "32": {"id": "ryukyushimpo-1771646", "publisher": "Ryukyu Shimpo",
           "url": "https://ryukyushimpo.jp/news/entry-1771646.html"},
    "33": {"id": "kcna-2023-11-22", "publisher": "KCNA", "published": "2023-11-22",
           "url": "http://kcna.kp/en/article/q/1eb1892a9d329f7cd348008b6bd315bd"},
    "34": {"id": "ntv-2023-11", "publisher": "Nippon TV News",
           "url": "https://news.ntv.co.jp/category/politics/1a99c0d70d894c5bb7ce10712ec8bde2"},
    "35": {"id": "nhk-okinawa-2023-11-22", "publisher": "NHK Okinawa", "published": "2023-11-22",
           "url": "https://www3.nhk.or.jp/lnews/okinawa/20231122/5090025732.html"},
    "36": {"id": "japannews-2023-11-22", "publisher": "The Japan News", "published": "2023-11-22",
           "url": "https://japannews.yomiuri.co.jp/politics/defense-security/20231122-151153/"},
    "37": {"id": "wikipedia-ja-malligyong1", "publisher": "Japanese Wikipedia", "title": "万里鏡1号",
           "url": "https://ja.wikipedia.org/wiki/%E4%B8%87%E9%87%8C%E9%8F%A11%E5%8F%B7"},
    "38": {"id": "seradata-malligyong1", "publisher": "Seradata",
           "url": "https://seradata.com/north-korea-manages-to-successfully-launch-optical-reconnaissance-satellite-"
                  "on-third-attempt"},
    "39": {"id": "spacevoyaging-2023-11-24", "publisher": "Space Voyaging", "published": "2023-11-24",
           "url": "https://www.spacevoyaging.com/news/2023/11/24/north-korea-successful-launch-of-the-malligyong-1-"
                  "reconnaissance-satellite/"},
    "41": {"id": "wikipedia-okinawa-island", "publisher": "Wikipedia", "title": "Okinawa Island",
           "url": "https://en.wikipedia.org/wiki/Okinawa_Island"},
    "43": {"id": "wikipedia-miyako-island", "publisher": "Wikipedia", "title": "Miyako Island",
           "url": "https://en.wikipedia.org/wiki/Miyako_Island"},
    "45": {"id": "wikipedia-okinotorishima", "publisher": "Wikipedia", "title": "Okinotorishima",
           "url": "https://simple.wikipedia.org/wiki/Okinotorishima"},
    "51": {"id": "wikipedia-palanan", "publisher": "Wikipedia", "title": "Palanan, Isabela",
           "url": "https://en.wikipedia.org/wiki/Palanan,_Isabela"},
    "54": {"id": "tongilnews-115401", "publisher": "Tongil News",
           "published": "2016-02", "url": "http://www.tongilnews.com/news/articleView.html?idxno=115401"},
    "57": {"id": "asiae-2023-05-30", "publisher": "Asia Economy", "published": "2023-05-30",
           "url": "https://cm.asiae.co.kr/en/article/2023053019450323200"},
    "60": {"id": "newsis-2023-05-31", "publisher": "Newsis", "published": "2023-05-31",
           "url": "https://newsis.com/view?id=NISX20230531_0002321731"},
    "62": {"id": "onecorea-kyodo-2023-08-22", "publisher": "OneCorea",
           "published": "2023-08-22",
           "url": "http://onecorea.com/bbs/board.php?bo_table=newss&page=112&wr_id=5445"},
    "65": {"id": "mbc-6545481", "publisher": "MBC News", "published": "2023-11",
           "url": "https://imnews.imbc.com/news/2023/econo/article/6545481_36140.html"},
    "66": {"id": "chosun-jp-2023-11-21", "publisher": "Chosun Online", "published": "2023-11-21",
           "url": "https://www.chosunonline.com/site/data/html_dir/2023/11/21/2023112180032.html"},
    "67": {"id": "asiae-2023-11-21", "publisher": "Asia Economy", "published": "2023-11-21",
           "url": "https://cm.asiae.co.kr/en/article/2023112109150397558"},
    "68": {"id": "etoday-2276890", "publisher": "eToday", "url": "https://www.etoday.co.kr/news/view/2276890"},
    "69": {"id": "ntv-2023-11-notice", "publisher": "Nippon TV News",
           "url": "https://news.ntv.co.jp/category/society/e42bd2c7833242eea6244fac2ca84fa8"},
    "70": {"id": "podcast-2023-11-notice", "publisher": "podcast.app",
           "url": "https://podcast.app/bei-zhao-xian-garen-gong-wei-xing-woda-zai-shitaroketsutonoda-chishang-"
                  "gewoyu-gao-qi-jian-ha11yue-22ri-kara12yue-1ri-made-e342752159"},
    "71": {"id": "gunosy-a1ixx", "publisher": "Gunosy", "url": "https://gunosy.com/articles/a1ixX"},
    "73": {"id": "koshix-2023-11-26", "publisher": "koshix blog", "published": "2023-11-26",
           "url": "https://koshix.blogspot.com/2023/11/blog-post_26.html"},
    "74": {"id": "tottori-pref-314889", "publisher": "Tottori Prefecture",
           "url": "https://www.pref.tottori.lg.jp/314889.htm"},
    "75": {"id": "tbs-rbc-849934", "publisher": "TBS News Dig",
           "url": "https://newsdig.tbs.co.jp/articles/rbc/849934"},
}
_MARKERS = re.compile(r"(?P<open>\(|by |: |, )?S(?P<numbers>(?:\[\w+\])+)")


def readable(text: str, used: list[str]) -> str:
    """``text`` with each source marker (S[5][9]) replaced by the sources' short names, in parentheses unless
    the words around it already frame it; the ids it names are appended to ``used``."""
    def names(match: re.Match) -> str:
        keys = re.findall(r"\[(\w+)\]", match.group("numbers"))
        sources = [Source(**REFERENCES[key]) for key in keys]
        used.extend(s.id for s in sources)
        listed = "; ".join(s.short for s in sources)
        opening = match.group("open")
        framed = opening or match.group(0) == text  # a reference that is only markers needs no brackets
        return f"{opening or ''}{listed}" if framed else f"({listed})"

    result = _MARKERS.sub(names, text)
    for private in ("launches.md", "§", "S[", "APPROX"):
        if private in result:
            raise ValueError(f"a private reference is left in {result!r}")
    return result


def reference_sources() -> list[dict]:
    return [dict(source) for source in REFERENCES.values()]

