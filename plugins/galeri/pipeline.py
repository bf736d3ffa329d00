"""Run the image work: de-duplicated jobs, across all cores, once.

A job is one original with one set of options. Its key is the content
hash plus the options, so the same photo placed in two albums or in an
article is made once, and a second build finds every key in the cache
and decodes nothing.
"""

import os
from dataclasses import dataclass

from sitekit.progress import progress
from sitekit.workers import process_pool

from . import imaging
from .cache import store

ORIGINAL = "asli"


@dataclass(frozen=True)
class Job:
    key: str
    source: str
    folder: str  # the cache entry to write
    options: imaging.Options


def run_jobs(jobs, workers):
    """{key: meta} for every job; meta has "error" for an unreadable photo."""
    jobs = list({job.key: job for job in jobs}.values())
    if not jobs:
        return {}
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    results = {}
    with progress(len(jobs), "Foto diolah") as advance:
        if workers == 1:
            for key, meta in map(work, jobs):
                results[key] = meta
                advance()
            return results
        with process_pool(workers) as pool:
            for key, meta in pool.map(work, jobs, chunksize=1):
                results[key] = meta
                advance()
    return results


def work(job):
    """Make and store one cache entry; runs in a worker process."""
    try:
        header = imaging.read_header(job.source, job.options.max_pixels)
        encoded = imaging.render(job.source, header, job.options)
    except imaging.UnreadablePhoto as error:
        meta = {"error": str(error)}
        store(job.folder, {}, meta)
        return job.key, meta
    files, outputs = {}, []
    for output in encoded:
        stem = ORIGINAL if output.original else output.width
        name = f"{stem}.{_extension(output.format)}"
        files[name] = output.data
        outputs.append([output.width, output.height, output.format, name])
    meta = {"outputs": outputs}
    store(job.folder, files, meta)
    return job.key, meta


def _extension(fmt):
    return {"jpeg": "jpg", "webp": "webp"}[fmt]
