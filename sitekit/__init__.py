"""The shared toolkit of the site's plugins and commands (not a plugin).

Everything that more than one package needs lives here, so that plugins
depend on this package and never on each other's internals:
problems (editor-facing errors), yamlsource and fields (data files with
line numbers), text, files (atomic writes), settings (plugin defaults),
rendering (pages through Pelican's writer), outputs (the output plan and
its collision check), redirects (content/redirects.yaml), hooks (what
plugins offer each other) and pelican_compat (every Pelican internal).
"""
