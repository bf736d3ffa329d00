"""Compiled templates kept between builds, keyed by everything that compiles them.

Jinja's FileSystemBytecodeCache keys a compiled template by its name and
its source only. But the same source compiles differently under other
environment options (`trim_blocks`, `lstrip_blocks`, the delimiters,
`autoescape`, extensions), another Jinja version, or filters and tests
that take the context or environment: with the plain cache, a build with
`trim_blocks` on followed by one with it off reuses the first build's
code. `OptionsBytecodeCache` adds all of those to the key.
"""

import hashlib

import jinja2
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from sitekit.fingerprint import stable

# Environment attributes the compiler reads.
COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "autoescape",
    "finalize",
    "is_async",
)


def _callables(named):
    """Name and calling convention of each filter or test: the compiler
    passes the context or environment to those that ask for it."""
    return sorted(
        f"{name}:{getattr(getattr(value, 'jinja_pass_arg', None), 'name', '-')}"
        for name, value in named.items()
    )


def environment_key(environment):
    """Text that changes whenever `environment` would compile differently."""
    parts = [f"jinja2 {jinja2.__version__}"]
    parts += [
        f"{name}={stable(getattr(environment, name))}" for name in COMPILE_OPTIONS
    ]
    parts.append("extensions=" + ",".join(sorted(environment.extensions)))
    parts.append("filters=" + ",".join(_callables(environment.filters)))
    parts.append("tests=" + ",".join(_callables(environment.tests)))
    return "\n".join(parts)


class OptionsBytecodeCache(FileSystemBytecodeCache):
    """FileSystemBytecodeCache whose key also holds the environment's
    compile options, its filters and tests and the Jinja version."""

    def get_bucket(self, environment, name, filename, source):
        digest = hashlib.sha1(environment_key(environment).encode("utf-8"))
        digest.update(self.get_cache_key(name, filename).encode("utf-8"))
        bucket = Bucket(
            environment, digest.hexdigest(), self.get_source_checksum(source)
        )
        self.load_bytecode(bucket)
        return bucket
