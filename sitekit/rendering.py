"""Pages of our own rendered from theme templates through Pelican's writer.

Pelican's writer refuses to write a file twice or outside the output
folder, and plugins that listen to its signals (sitemaps, minifiers) see
every page, so every generator writes its pages this way.
"""


def write_page(generator, writer, save_as, template, url, **kwargs):
    """Render the theme's `template` at `save_as` with the shared context."""
    writer.write_file(
        save_as,
        generator.get_template(template),
        generator.context,
        generator.settings["RELATIVE_URLS"],
        url=url,
        **kwargs,
    )
