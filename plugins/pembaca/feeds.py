"""Every Atom feed links to absolute addresses, says its language, and
has an `updated` time that comes from the content.

Pelican builds item links from SITEURL, which is empty in a local build,
so a feed read by a feed reader would point nowhere. Connected to
`feed_generated`, this rewrites the feed in memory before it is written:
relative links are joined to FEED_DOMAIN (or SITEURL) and the entry ids
are made again from the absolute links. An empty feed (an edition with no
news yet) would say it was updated at the moment of the build, so two
builds of the same content would differ; it takes the newest article's
date instead.
"""

from feedgenerator import get_tag_uri


def _absolute(link, address):
    if not link or link.startswith(("http://", "https://")) or not address:
        return link
    return f"{address.rstrip('/')}/{link.lstrip('/')}"


def date_empty_feed(feed, articles):
    """Give an empty feed the newest article's date as its `updated` time."""
    dates = [article.date for article in articles]
    if not feed.items and dates:
        newest = max(dates)
        feed.latest_post_date = lambda: newest


def absolutize(feed, address, language):
    """Make the links and ids of `feed` (a feedgenerator feed) absolute."""
    feed.feed["language"] = feed.feed.get("language") or language
    link = _absolute(feed.feed.get("link"), address)
    feed.feed["link"] = link
    if not str(feed.feed.get("id") or "").startswith(("http", "tag:")):
        feed.feed["id"] = link
    for item in feed.items:
        absolute = _absolute(item["link"], address)
        if absolute != item["link"]:
            item["link"] = absolute
            item["unique_id"] = get_tag_uri(absolute, item.get("pubdate"))
