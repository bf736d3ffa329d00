"""URLs computed once per page object while pages are rendered.

Pelican recomputes `url` and `save_as` from the URL settings on every
access, and a listing page asks for hundreds of them: on a large archive
this is a sixth of all rendering. Once every generator has read its
content, these values no longer change, so while the pages are written
the properties remember their first answer on each object. `remember()`
swaps them in; `forget()` puts Pelican's own properties back.
"""

from sitekit.pelican_compat import url_classes

NAMES = ("url", "save_as")
_SLOT = "_parallel_urls"
_saved = {}


class _Remembered:
    def __init__(self, name, original):
        self.name = name
        self.original = original

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        known = obj.__dict__.get(_SLOT)
        if known is None:
            known = obj.__dict__[_SLOT] = {}
        if self.name not in known:
            known[self.name] = self.original.__get__(obj, owner)
        return known[self.name]

    def __set__(self, obj, value):
        self.original.__set__(obj, value)


def remember():
    for cls in url_classes():
        for name in NAMES:
            original = cls.__dict__.get(name)
            if isinstance(original, property):
                _saved[cls, name] = original
                setattr(cls, name, _Remembered(name, original))


def forget():
    for (cls, name), original in _saved.items():
        setattr(cls, name, original)
    _saved.clear()
