"""Import the office's old WordPress archive as Markdown content.

Parsing (wxr.py, page.py), cleaning (clean.py), conversion (convert.py)
and planning (plan.py) are pure: they turn bytes into a list of files to
write. Only write.py touches the disk, and only after everything was read
without a fatal problem.
"""
