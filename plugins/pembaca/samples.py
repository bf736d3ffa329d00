"""Sample data, marked wherever it shows outside the templates.

The demo's invented years, articles and albums carry `sample` flags (set
by gelar and galeri). Templates mark them with a badge; here the same is
done for what no template draws: the entries of the Atom feeds. Pure
functions over the shared context and feedgenerator's feed objects.
"""


def sample_pages(context, articles):
    """Site-relative addresses ("gelar/2017/") of every page of sample data:
    articles, editions, KBKs and institutions known only from sample data,
    and sample albums."""
    found = {a.url for a in articles if getattr(a, "sample", False)}
    archive = context.get("gelar_archive")
    if archive is not None:
        found |= {e.url for e in archive.editions if e.sample}
        found |= {e.embed_url for e in archive.editions if e.sample}
        found |= {k.url for k in archive.kbk_list if k.only_sample}
        found |= {k.embed_url for k in archive.kbk_list if k.only_sample}
        found |= {i.url for i in archive.institution_list if i.only_sample}
    found |= {a.url for a in context.get("galeri_albums", ()) if a.sample}
    return found


def page_of(link, address):
    """The site-relative page address of an absolute or root-relative link,
    without its #fragment or ?query."""
    if address and link.startswith(address):
        link = link[len(address) :]
    return link.split("#", 1)[0].split("?", 1)[0].lstrip("/")


def mark_feed(feed, pages, address, label):
    """Put "[label] " before the title of every entry of `feed` that links
    to a page of sample data (`pages`, from sample_pages)."""
    if not label:
        return
    mark = f"[{label}] "
    for item in feed.items:
        if page_of(item["link"], address) in pages and not item["title"].startswith(
            mark
        ):
            item["title"] = mark + item["title"]
