"""The palette of the pictures (thirdneighbor.render.pictures.palette), measured.

WCAG 2.2 contrast is computed here from the palette module's colours, for every
pair that must differ, in both themes; colour blindness is simulated with the
matrices of Machado, Oliveira and Fernandes (2009, severity 1.0, applied in
linear RGB), and the pairs must still differ under each of the three.
"""

from __future__ import annotations

import itertools
import math

import pytest

from thirdneighbor.render.pictures.palette import (CLASSES, MUST_CONTRAST, THEMES, TERMINAL_STYLES, TIER_CLASSES, Look,
                                            palette, terminal_theme, tier_looks)

RGB = tuple[float, float, float]

MACHADO_2009 = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
VISIONS = (None, *MACHADO_2009)

# Two colours "still differ" to a dichromat when their CIELAB distance is at least
# this; pairs that also differ in pattern are told apart by it whatever the hue.
MIN_DELTA_E = 15.0


def linear(colour: str) -> RGB:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return channel(int(colour[1:3], 16)), channel(int(colour[3:5], 16)), channel(int(colour[5:7], 16))


def seen(colour: str, vision: str | None) -> RGB:
    rgb = linear(colour)
    if vision is None:
        return rgb
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in MACHADO_2009[vision])
    return r, g, b


def luminance(rgb: RGB) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def contrast(a: str, b: str, vision: str | None = None) -> float:
    """WCAG 2.2 contrast ratio, 1 to 21."""
    dark, light = sorted((luminance(seen(a, vision)), luminance(seen(b, vision))))
    return (light + 0.05) / (dark + 0.05)


def lab(rgb: RGB) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str, vision: str | None) -> float:
    return math.dist(lab(seen(a, vision)), lab(seen(b, vision)))


def fills(theme: str) -> dict[str, Look]:
    colours = palette(theme)
    return {**colours.looks, "land": Look(colours.land, colours.land)}


# --- the measures themselves ------------------------------------------------------------

def test_the_measures_agree_with_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert delta_e("#ffffff", "#000000", None) == pytest.approx(100.0, abs=0.1)
    # Red and green, far apart to most eyes, nearly meet for a deuteranope and a protanope; not for a tritanope.
    assert delta_e("#d62728", "#2ca02c", None) > 80
    assert delta_e("#d62728", "#2ca02c", "deuteranopia") < 30
    assert delta_e("#d62728", "#2ca02c", "protanopia") < 40
    assert delta_e("#d62728", "#2ca02c", "tritanopia") > 60


# --- the palette -------------------------------------------------------------------------

@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("theme", THEMES)
def test_neighbouring_classes_and_land_reach_3_to_1(theme: str, vision: str | None) -> None:
    looks = fills(theme)
    low = {f"{a}/{b}": round(contrast(looks[a].fill, looks[b].fill, vision), 2) for a, b in MUST_CONTRAST
           if contrast(looks[a].fill, looks[b].fill, vision) < 3.0}
    assert low == {}


def test_must_contrast_covers_every_class_against_land_and_each_rank_step() -> None:
    assert {(name, "land") for name in CLASSES} <= set(MUST_CONTRAST)
    assert set(zip(TIER_CLASSES, TIER_CLASSES[1:])) <= set(MUST_CONTRAST)
    assert ("mongolia", "neighbor") in MUST_CONTRAST


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("theme", THEMES)
def test_every_pair_of_classes_still_differs(theme: str, vision: str | None) -> None:
    """By colour (CIELAB distance) or, failing that, by pattern."""
    looks = fills(theme)
    alike = {f"{a}/{b}": round(delta_e(looks[a].fill, looks[b].fill, vision), 1)
             for a, b in itertools.combinations(looks, 2)
             if looks[a].pattern == looks[b].pattern and delta_e(looks[a].fill, looks[b].fill, vision) < MIN_DELTA_E}
    assert alike == {}


@pytest.mark.parametrize("theme", THEMES)
def test_tiers_on_one_lightness_step_differ_in_pattern(theme: str) -> None:
    """Lightness alone tells apart what differs by 3:1; the rest by pattern, in grey print too.
    (Mongolia is told apart by its thick outline, its dot and its name.)"""
    looks = {name: look for name, look in fills(theme).items() if name != "mongolia"}
    for a, b in itertools.combinations(looks, 2):
        if contrast(looks[a].fill, looks[b].fill) < 3.0:
            assert looks[a].pattern != looks[b].pattern, (a, b)


@pytest.mark.parametrize("theme", THEMES)
def test_closer_ties_stand_further_from_the_background(theme: str) -> None:
    """The ranking runs the same way in both themes (darker in light, lighter in dark)."""
    colours = palette(theme)
    away = [contrast(colours.looks[tier].fill, colours.background) for tier in ("strategic", "comprehensive")]
    assert away[0] > away[1] * 2


@pytest.mark.parametrize("theme", THEMES)
def test_text_reaches_4_5_to_1(theme: str) -> None:
    colours = palette(theme)
    inks = {"text": colours.text, "muted": colours.muted, **{name: look.ink for name, look in colours.looks.items()}}
    low = {name: round(contrast(ink, colours.background), 2) for name, ink in inks.items()
           if contrast(ink, colours.background) < 4.5}
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_event_markers_show_on_every_fill(theme: str) -> None:
    colours = palette(theme)
    assert contrast(colours.marker, colours.marker_halo) >= 3.0
    grounds = {"background": colours.background, "land": colours.land, "sea": colours.sea,
               **{name: look.fill for name, look in colours.looks.items()}}
    hidden = [name for name, ground in grounds.items()
              if max(contrast(colours.marker, ground), contrast(colours.marker_halo, ground)) < 3.0]
    assert hidden == []
    assert contrast(colours.marker, colours.background) >= 3.0


@pytest.mark.parametrize("theme", THEMES)
def test_patterns_show_on_their_fill(theme: str) -> None:
    for name, look in palette(theme).looks.items():
        if look.pattern:
            assert contrast(look.pattern_ink, look.fill) >= 3.0, name


def test_tier_looks_gives_known_tiers_theirs_and_new_tiers_spares() -> None:
    colours = palette("light")
    looks = tier_looks(colours, ("strategic", "ceremonial", "cordial", "friendly", "polite"))
    assert looks["strategic"] == colours.looks["strategic"]
    assert [looks[name] for name in ("ceremonial", "cordial", "friendly")] == list(colours.spare)
    assert looks["polite"].fill == colours.muted


def test_unknown_theme() -> None:
    with pytest.raises(ValueError, match="unknown theme 'sepia'; choose from light, dark"):
        palette("sepia")


# --- the terminal's screenshots ------------------------------------------------------------

@pytest.mark.parametrize("theme", THEMES)
def test_terminal_theme_text_reaches_4_5_to_1_dimmed_too(theme: str) -> None:
    from rich.color import blend_rgb

    exported = terminal_theme(theme)
    background = exported.background_color
    colours = [exported.foreground_color, *(exported.ansi_colors[index] for index in range(16))]
    for colour in colours:
        assert contrast(colour.hex, background.hex) >= 4.5, colour.hex
    # Rich draws "dim" as the colour blended 40 % towards the background.
    assert contrast(blend_rgb(exported.foreground_color, background, 0.4).hex, background.hex) >= 4.5


def test_terminal_tier_colours_are_the_palettes_inks() -> None:
    from rich.style import Style

    exported = terminal_theme("light")
    colours = palette("light")
    for tier, style in TERMINAL_STYLES.items():
        assert Style.parse(style).color.get_truecolor(exported).hex == colours.looks[tier].ink


@pytest.mark.parametrize("command", [["list"], ["series"], ["timeline", "--chart"], ["list", "--neighbors"],
                                     ["tiers"]])
def test_terminal_screenshots_have_a_title_and_text_at_4_5_to_1(command: list[str]) -> None:
    """--export-svg and --export-html: every colour text is drawn in reaches 4.5:1
    on the screenshot's background, and the SVG has a <title>."""
    import re
    from xml.etree import ElementTree

    from .conftest import run_cli

    background = palette("light").background
    svg = run_cli(*command, "--export-svg", "-")
    assert svg.exit_code == 0, svg.stderr
    root = ElementTree.fromstring(svg.stdout)
    assert root.find("{http://www.w3.org/2000/svg}title").text.startswith("thirdneighbor: ")
    text_colours = set(re.findall(r"\.terminal-\d+-r\d+ \{ fill: (#[0-9a-f]{6})", svg.stdout))
    assert len(text_colours) >= 3
    assert {c: round(contrast(c, background), 2) for c in text_colours if contrast(c, background) < 4.5} == {}
    page = run_cli(*command, "--export-html", "-")
    assert page.exit_code == 0 and "<title>thirdneighbor: " in page.stdout
    html_colours = set(re.findall(r"(?<![-\w])color: (#[0-9a-f]{6})", page.stdout))
    assert {c: round(contrast(c, background), 2) for c in html_colours if contrast(c, background) < 4.5} == {}
