"""Share images (Open Graph / Twitter cards): pure Pillow drawing.

`draw_card` returns a new image; nothing here reads or writes files. The
font is the one shipped inside Pillow (Aileron), so no system font is
needed and every machine draws the same pixels.
"""

import functools
import io

from PIL import Image, ImageDraw, ImageFont

BACKGROUND = (8, 63, 97)  # the site's --accent-dark
BAND = (253, 186, 116)
TITLE = (255, 255, 255)
SITE = (207, 227, 241)
LABEL = (253, 216, 138)
# The sample badge: the site's --sample-bg and --sample-text.
SAMPLE_BG = (255, 244, 214)
SAMPLE_TEXT = (107, 71, 0)

MARGIN = 80
MAX_TITLE_LINES = 4


@functools.lru_cache(maxsize=16)
def _font(size):
    return ImageFont.load_default(size=size)


def wrap(text, font, width):
    """Split `text` into lines no wider than `width` pixels (words kept whole,
    except a single word wider than the line, which is cut)."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [_fit(line, font, width) for line in lines]


def _fit(line, font, width):
    if font.getlength(line) <= width:
        return line
    while line and font.getlength(line + "…") > width:
        line = line[:-1]
    return line + "…"


def _title_lines(title, width):
    """The largest title size, from 68 px down, that fits in four lines."""
    for size in (68, 60, 52, 46):
        font = _font(size)
        lines = wrap(title, font, width)
        if len(lines) <= MAX_TITLE_LINES:
            return font, lines
    lines = lines[:MAX_TITLE_LINES]
    lines[-1] = _fit(lines[-1] + "…", font, width)
    return font, lines


@functools.lru_cache(maxsize=4)
def _background(site_name, size, sample_label=""):
    """What every card shares (colour, band, site name, and the sample
    badge of sample pages), drawn once: a large archive draws thousands of
    cards."""
    width, height = size
    image = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height - 16, width, height], fill=BAND)
    name_right = width - MARGIN
    if sample_label:
        name_right = _sample_badge(draw, sample_label, width) - 32
    site_font = _font(32)
    draw.text(
        (MARGIN, 64),
        _fit(site_name, site_font, name_right - MARGIN),
        font=site_font,
        fill=SITE,
    )
    return image


def _sample_badge(draw, text, width):
    """A large badge with `text` (e.g. "CONTOH") in the top right corner;
    returns its left edge."""
    font = _font(40)
    text = text.upper()
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    pad_x, pad_y = 24, 14
    x = width - MARGIN - (right - left + 2 * pad_x)
    y = 48
    box = [x, y, width - MARGIN, y + bottom - top + 2 * pad_y]
    draw.rounded_rectangle(box, radius=10, fill=SAMPLE_BG, outline=BAND, width=4)
    draw.text((x + pad_x - left, y + pad_y - top), text, font=font, fill=SAMPLE_TEXT)
    return x


def draw_card(title, label, site_name, size=(1200, 630), sample_label=""):
    """An image of `size` with the site name, the title and a label line
    (e.g. the date), on the site's dark blue; with `sample_label`, a badge
    that says the page shows sample data."""
    width, height = size
    image = _background(site_name, tuple(size), sample_label).copy()
    draw = ImageDraw.Draw(image)
    text_width = width - 2 * MARGIN
    font, lines = _title_lines(" ".join(title.split()), text_width)
    line_height = round(font.size * 1.2)
    y = 150
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=TITLE)
        y += line_height
    label_font = _font(34)
    draw.text(
        (MARGIN, height - 100),
        _fit(label, label_font, text_width),
        font=label_font,
        fill=LABEL,
    )
    return image


def jpeg_bytes(image, quality=85):
    """JPEG: five times faster to encode than PNG, which matters for a
    large archive; chat apps and social sites accept both."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()
