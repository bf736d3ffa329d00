"""The site's icons: favicon, touch icon, web app manifest (pure functions).

Browsers ask every site for an icon; without one each page load ends in a
404. The icons come from a square logo given in PEMBACA_ICON (PNG, JPEG
or WebP, at least 512 px), or, without one, from a plain default mark:
the site's initials on its header colour, drawn with the font inside
Pillow and also written as SVG for browsers that prefer it.
"""

import io
import json
from html import escape

from PIL import Image, ImageDraw, ImageFont, ImageOps

# Output name -> pixel size of the square raster icons.
RASTER = {
    "apple-touch-icon.png": 180,
    "icon-192.png": 192,
    "icon-512.png": 512,
}
# The logo shown in the header and footer and named as the publisher's
# logo in structured data (LOGO, square, at RASTER's size).
HEADER_LOGO = "icon-192.png"
LOGO = "icon-512.png"
FAVICON = "favicon.ico"
FAVICON_SIZES = ((16, 16), (32, 32), (48, 48))
SVG = "favicon.svg"
MANIFEST = "site.webmanifest"


def initials(name, count=3):
    """`Arsip Gelar Budaya Kerja …` -> "AGB": the first letters of the words."""
    letters = [word[0] for word in name.split() if word[:1].isalnum()]
    return "".join(letters[:count]).upper() or "·"


def default_mark(size, letters, color):
    """The default mark as a square RGB image: letters on a rounded square."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=color)
    font = ImageFont.load_default(size=int(size * 0.62 / max(len(letters), 1.6)))
    draw.text((size / 2, size / 2), letters, font=font, fill="white", anchor="mm")
    return image


def default_mark_svg(letters, color):
    """The same mark as SVG text, crisp at any size."""
    size = 64 / max(len(letters), 1.6) * 0.62 * 1.1
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="11" fill="{escape(color)}"/>'
        f'<text x="32" y="32" dy=".35em" text-anchor="middle" '
        f'font-family="Arial, Helvetica, sans-serif" font-weight="700" '
        f'font-size="{size:.1f}" fill="#fff">{escape(letters)}</text></svg>\n'
    )


def inline_mark(svg):
    """The default mark's SVG for the page itself: decorative (the site's
    name is beside it), sized like the logo image it stands for."""
    return svg.strip().replace(
        "<svg ",
        '<svg class="site-logo" width="40" height="40" aria-hidden="true" ',
        1,
    )


def square(image, size):
    """`image` centred on a transparent square of `size` pixels."""
    image = ImageOps.exif_transpose(image).convert("RGBA")
    return ImageOps.pad(image, (size, size), color=(0, 0, 0, 0))


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def ico_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, "ICO", sizes=FAVICON_SIZES)
    return buffer.getvalue()


def icon_files(logo, letters, color):
    """{output name: bytes} of every icon, from `logo` (a PIL image) or, when
    it is None, from the default mark."""

    def at(size):
        return (
            square(logo, size)
            if logo is not None
            else default_mark(size, letters, color)
        )

    files = {name: png_bytes(at(size)) for name, size in RASTER.items()}
    files[FAVICON] = ico_bytes(at(48))
    if logo is None:
        files[SVG] = default_mark_svg(letters, color).encode("utf-8")
    return files


def manifest(name, short_name, start_url, color, language):
    """The web app manifest as JSON text."""
    record = {
        "name": name,
        "short_name": short_name,
        "lang": language,
        "start_url": start_url,
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": color,
        "icons": [
            {"src": name_, "sizes": f"{size}x{size}", "type": "image/png"}
            for name_, size in RASTER.items()
            if name_.startswith("icon-")
        ],
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
