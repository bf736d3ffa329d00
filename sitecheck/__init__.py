"""Checks of a built site before it goes public (`invoke check`).

One module per check, each a pure function from what was read to a list
of Findings; `site.py` reads the output folder once and `run.py` runs
every check and writes the one Indonesian summary.

- links.py     internal href/src/srcset and #fragments resolve
- scripts.py   no script, event handler or javascript: link outside the theme
- nu.py        the Nu HTML checker reports no errors (runs Java)
- outline.py   every page has one h1 and its headings skip no level
- feeds.py     every feed parses (feedparser, bozo false)
- sitemap.py   sitemap.xml lists exactly the indexable pages
- sizes.py     no HTML page is over the size budget
- gps.py       no published file carries GPS, EXIF or XMP data, by content
- leaks.py     no draft or hidden content is public
"""
