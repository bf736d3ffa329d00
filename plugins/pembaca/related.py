"""Links between articles: previous/next in time and related by subject.

Pure functions over Pelican article objects (read: date, kbks,
gelar_edition, tags); the generator stores their results on the articles.
"""

import heapq

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


def subjects(article):
    """What an article is about, each with its weight."""
    found = [(("kbk", kbk_id), WEIGHTS["kbk"]) for kbk_id in _kbk_ids(article)]
    edition = getattr(article, "gelar_edition", None)
    if edition is not None:
        found.append((("edition", id(edition)), WEIGHTS["edition"]))
    found += [(("tag", slug), WEIGHTS["tag"]) for slug in _tags(article)]
    return found


def related_all(articles, count):
    """{id(article): up to `count` related articles}, best and newest first.

    Through an index of subject -> articles, so an article is compared only
    with those that share something with it, not with the whole archive.
    """
    about = {id(article): subjects(article) for article in articles}
    index = {}
    for article in articles:
        for subject, _weight in about[id(article)]:
            index.setdefault(subject, []).append(article)
    found = {}
    for article in articles:
        scores, others = {}, {}
        for subject, weight in about[id(article)]:
            for other in index[subject]:
                key = id(other)
                scores[key] = scores.get(key, 0) + weight
                others[key] = other
        scores.pop(id(article), None)
        # The slug breaks ties, so that every build ranks them alike.
        best = heapq.nlargest(
            count,
            scores,
            key=lambda key: (scores[key], others[key].date, others[key].slug),
        )
        found[id(article)] = [others[key] for key in best]
    return found
