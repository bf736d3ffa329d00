"""Pages of our own rendered from theme templates through Pelican's writer.

Pelican's writer refuses to write a file twice or outside the output
folder, and plugins that listen to its signals (sitemaps, minifiers) see
every page, so every generator writes its pages this way.
"""

from sitekit.outputs import Output


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


def page_output(generator, save_as, source, template, url, **kwargs):
    """An `Output` (sitekit/outputs.py) that renders `template` at `save_as`."""

    def write(writer):
        write_page(generator, writer, save_as, template, url, **kwargs)

    return Output(save_as, source, write)


def index_output(generator, prefix, source, template, **kwargs):
    """The list page at `{prefix}_INDEX_SAVE_AS` / `{prefix}_INDEX_URL`;
    its `page_name` is the template's name."""
    settings = generator.settings
    return page_output(
        generator,
        settings[f"{prefix}_INDEX_SAVE_AS"],
        source,
        template,
        settings[f"{prefix}_INDEX_URL"],
        page_name=template.removesuffix("_index"),
        **kwargs,
    )
