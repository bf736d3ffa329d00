"""Command-line tooling for editors: build, validate, serve and scaffold.

`tasks.py` exposes these as invoke tasks; the Pelican plugins themselves
live in plugins/.
"""
