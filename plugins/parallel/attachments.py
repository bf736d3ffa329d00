"""`{attach}` links decided in the main process, in Pelican's order.

Pelican moves a file linked with `{attach}` next to the page that links
it when that page's text is first rendered (`Static.attach_to`), unless
the file's place was already used by an earlier link. Rendering in
forked processes would make that move in a process the rest of the build
never hears from: the static files generator would copy the file to its
old place while pages link to the new one.

So before the pages are forked out, the parent renders the text of each
recorded page's own articles and pages (those handed to the template:
`article=`, `page=`, and the lists of a listing page), in the order
Pelican would write them, when that text links a file at all. Feeds,
written earlier in the same process, have already done the same for the
articles they hold, as in Pelican. The workers then find every move made
and only read the result.
"""

from pelican.contents import Content

from sitekit.pelican_compat import content_html

# What a link to a file looks like in the text before it renders:
# {static}, {attach}, {filename} (which may fall back to a static file),
# and Pelican's old |static| form.
MARKERS = ("static", "attach", "filename")


def links_files(document):
    html = content_html(document) or ""
    return any(marker in html for marker in MARKERS)


def _documents(kwargs):
    """The content objects a page is about, in the order it names them."""
    for value in kwargs.values():
        if isinstance(value, Content):
            yield value
        elif isinstance(value, (list, tuple)):
            yield from (item for item in value if isinstance(item, Content))


def settle_attachments(calls_kwargs):
    """Render, in order, the text of every document of the recorded calls
    (their keyword arguments) that links a file."""
    seen = set()
    for kwargs in calls_kwargs:
        for document in _documents(kwargs):
            if id(document) in seen:
                continue
            seen.add(id(document))
            if links_files(document):
                document.get_content(document.get_siteurl())
