"""Who publishes the site, as readers and search engines see it.

The footer and the publisher's Organization structured data show the same
facts, all from the settings (PUBLISHER_* in sitekit/settings.py, the
organiser in PEMBACA_ORGANIZER): the office, the organisation it belongs
to, its logo (the site icon, PEMBACA_ICON), address, phone, e-mail,
website and social accounts. Anything left empty is left out, never shown
as an empty line.
"""

import re

# Loose on purpose: the settings file is written by the office, and the
# aim is to catch a pasted phone number or a missing "@", not to police
# addresses.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"\+?[0-9 ()./-]{5,25}")
_WEB = re.compile(r"https?://[^\s/]+\.[^\s]+")


def tel_href(phone):
    """`(0351) 123-456` as a tel: address: `tel:0351123456`."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


# key -> (pattern, what it is not, hint) of the plain text settings.
_FORMS = {
    "PUBLISHER_EMAIL": (
        _EMAIL,
        "alamat e-mail",
        'tulis satu alamat, mis. `PUBLISHER_EMAIL = "humas@contoh.go.id"`, '
        'atau kosongkan (`""`).',
    ),
    "PUBLISHER_PHONE": (
        _PHONE,
        "nomor telepon",
        "tulis angka dengan spasi, tanda kurung atau tanda hubung, mis. "
        '`PUBLISHER_PHONE = "(0351) 123456"`, atau kosongkan (`""`).',
    ),
    "PUBLISHER_URL": (
        _WEB,
        "alamat web lengkap",
        'tulis alamat yang diawali https://, atau kosongkan (`""`).',
    ),
}


def problems(settings, problem):
    """Every PUBLISHER_* value that cannot be shown as it is; `problem(key,
    message, hint)` makes one (sitekit.settings.setting_problem)."""
    for key, (pattern, what, hint) in _FORMS.items():
        value = settings[key]
        if value and not (isinstance(value, str) and pattern.fullmatch(value)):
            yield problem(key, f"`{value!r}` bukan {what}.", hint)
    yield from _social_problems(settings["PUBLISHER_SOCIAL"], problem)
    address = settings["PUBLISHER_ADDRESS"]
    if not isinstance(address, str):
        yield problem(
            "PUBLISHER_ADDRESS",
            f"harus berupa teks, bukan `{address!r}`.",
            'tulis alamat dalam satu teks, mis. `"Jl. … No. 1, Magetan"`.',
        )


def _social_problems(accounts, problem):
    hint = (
        'tulis pasangan (nama, alamat), mis. `PUBLISHER_SOCIAL = [("Instagram", '
        '"https://www.instagram.com/akun")]`, atau `()` bila tidak ada.'
    )
    if not isinstance(accounts, list | tuple):
        yield problem(
            "PUBLISHER_SOCIAL", f"harus berupa daftar, bukan `{accounts!r}`.", hint
        )
        return
    for item in accounts:
        good = (
            isinstance(item, list | tuple)
            and len(item) == 2
            and all(isinstance(part, str) and part.strip() for part in item)
            and _WEB.fullmatch(item[1])
        )
        if not good:
            yield problem(
                "PUBLISHER_SOCIAL", f"butir `{item!r}` tidak bisa dipakai.", hint
            )
