"""Links between articles: previous/next in time and related by subject.

Pure functions over Pelican article objects (read: date, kbks,
gelar_edition, tags); the generator stores their results on the articles.
"""

# How much one shared thing counts towards relatedness.
WEIGHTS = {"kbk": 3, "edition": 2, "tag": 1}


def neighbours(articles):
    """{id(article): (older, newer)} for articles in date order."""
    ordered = sorted(articles, key=lambda a: (a.date, a.slug))
    found = {}
    for index, article in enumerate(ordered):
        older = ordered[index - 1] if index > 0 else None
        newer = ordered[index + 1] if index + 1 < len(ordered) else None
        found[id(article)] = (older, newer)
    return found


def _kbk_ids(article):
    return {kbk.id for kbk in getattr(article, "kbks", ())}


def _tags(article):
    return {tag.slug for tag in getattr(article, "tags", None) or ()}


def score(one, other):
    """How related two articles are: shared KBKs, edition and tags."""
    total = WEIGHTS["kbk"] * len(_kbk_ids(one) & _kbk_ids(other))
    edition = getattr(one, "gelar_edition", None)
    if edition is not None and edition is getattr(other, "gelar_edition", None):
        total += WEIGHTS["edition"]
    total += WEIGHTS["tag"] * len(_tags(one) & _tags(other))
    return total


def related(article, articles, count):
    """Up to `count` other articles sharing something, best and newest first."""
    scored = [
        (score(article, other), other) for other in articles if other is not article
    ]
    scored = [(points, other) for points, other in scored if points > 0]
    scored.sort(key=lambda item: (item[0], item[1].date), reverse=True)
    return [other for _points, other in scored[:count]]
