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
def font_of(size):
    return ImageFont.load_default(size=size)


# More than four lines of the smallest title size ever hold; a longer title
# (a 100,000-letter one from an import) is cut with "…" before wrapping.
MAX_TITLE_CHARS = 240


def clip(text, limit=MAX_TITLE_CHARS):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text, font, width, max_lines=None):
    """Split `text` into lines no wider than `width` pixels (words kept whole,
    except a single word wider than the line, which is cut). Stops after
    `max_lines` + 1 lines: the caller only needs to know there are more."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if not current or font.getlength(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
            if max_lines is not None and len(lines) > max_lines:
                return [_fit(line, font, width) for line in lines]
    if current:
        lines.append(current)
    return [_fit(line, font, width) for line in lines]


def _fit(line, font, width):
    """`line`, or its longest beginning that fits with "…": a binary search,
    so a 10,000-letter word costs a dozen measurements, not 10,000."""
    if font.getlength(line) <= width:
        return line
    low, high = 0, len(line)  # line[:low] + "…" fits; line[:high] + "…" not
    while high - low > 1:
        middle = (low + high) // 2
        if font.getlength(line[:middle] + "…") <= width:
            low = middle
        else:
            high = middle
    return line[:low] + "…"


def _title_lines(title, width):
    """The largest title size, from 68 px down, that fits in four lines."""
    for size in (68, 60, 52, 46):
        font = font_of(size)
        lines = wrap(title, font, width, MAX_TITLE_LINES)
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
    site_font = font_of(32)
    draw.text(
        (MARGIN, 64),
        _fit(clip(site_name), site_font, name_right - MARGIN),
        font=site_font,
        fill=SITE,
    )
    return image


def _sample_badge(draw, text, width):
    """A large badge with `text` (e.g. "CONTOH") in the top right corner;
    returns its left edge."""
    font = font_of(40)
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
    font, lines = _title_lines(clip(" ".join(title.split())), text_width)
    line_height = round(font.size * 1.2)
    y = 150
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=TITLE)
        y += line_height
    label_font = font_of(34)
    draw.text(
        (MARGIN, height - 100),
        _fit(clip(label), label_font, text_width),
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
