"""Colour contrast after WCAG 2.1 (relative luminance, contrast ratio) and the accent-colour check.

A federation's accent colour is used by the theme as link and heading colour on white and on
the light panel background, and as a background behind white text; each of those pairs must
reach 4.5:1 (WCAG 2.1 success criterion 1.4.3, level AA, normal-size text).
"""
from __future__ import annotations

from generator.i18n import N_, _

MINIMUM = 4.5

# The backgrounds the default theme puts an accent colour on or against (site.css --bg and
# --surface; white text on an accent background is the same pair as accent text on white).
THEME_BACKGROUNDS = ((N_("white"), "#ffffff"), (N_("the light panel background #f3f5f7"), "#f3f5f7"))


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def parse_hex(colour: str) -> tuple[int, int, int]:
    """'#1d5c8a' (or '#fff') → (29, 92, 138)."""
    digits = colour.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) != 6:
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(colour: str) -> float:
    red, green, blue = (_channel(c) for c in parse_hex(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(foreground: str, background: str) -> float:
    """The contrast ratio of two colours, from 1.0 (same) to 21.0 (black on white)."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(value: float) -> str:
    """4.4871 → '4.48:1' (rounded down, so a colour shown as 4.50:1 really passes)."""
    return f"{int(value * 100) / 100:.2f}:1"


def darker_shade(colour: str, backgrounds=THEME_BACKGROUNDS) -> str:
    """The lightest shade of `colour` (same hue, scaled towards black) that passes on every background."""
    red, green, blue = parse_hex(colour)
    for step in range(100, -1, -1):
        factor = step / 100
        candidate = "#{:02x}{:02x}{:02x}".format(int(red * factor), int(green * factor), int(blue * factor))
        if all(ratio(candidate, bg) >= MINIMUM for _label, bg in backgrounds):
            return candidate
    return "#000000"


def accent_problem(colour: str) -> tuple[str, str] | None:
    """(message, fix) when `colour` cannot serve as an accent colour, None when it passes."""
    for label, background in THEME_BACKGROUNDS:
        value = ratio(colour, background)
        if value < MINIMUM:
            return (_('"{colour}" has a contrast of only {ratio} against {background}; '
                      "text needs at least {minimum}:1 (WCAG 2.1 AA)").format(
                          colour=colour, ratio=format_ratio(value), background=_(label), minimum=MINIMUM),
                    _('use a darker colour, e.g. "{colour}" (same hue)').format(colour=darker_shade(colour)))
    return None
