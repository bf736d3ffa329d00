"""Every Atom feed links to absolute addresses and says its language.

Pelican builds item links from SITEURL, which is empty in a local build,
so a feed read by a feed reader would point nowhere. Connected to
`feed_generated`, this rewrites the feed in memory before it is written:
relative links are joined to FEED_DOMAIN (or SITEURL) and the entry ids
are made again from the absolute links.
"""

from feedgenerator import get_tag_uri


def _absolute(link, address):
    if not link or link.startswith(("http://", "https://")) or not address:
        return link
    return f"{address.rstrip('/')}/{link.lstrip('/')}"


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
