"""One set of colours for every picture of the tiers: the chart, the map, the
report and the terminal's tables and screenshots, in a light and a dark theme.

Each class (a tier, Mongolia's two neighbors, an other relation, Mongolia
itself) has a `Look`: the fill of its areas, an ink for text and thin marks in
its colour, and for some a pattern laid over the fill.

How the colours were chosen, so that a change keeps to it (tests/test_palette.py
checks every rule below, in both themes):

- Lightness carries the ranking, as far as lightness can. A fill needs 3:1
  (WCAG's contrast for graphics) against non-partner land and against the tier
  ranked next to it. Below light land there is room for two such steps only,
  a mid one and a dark one, so the tiers alternate: strategic dark,
  comprehensive mid, expanded dark again (in the dark theme: light, mid,
  light). Expanded and strategic, on the same step, differ in hue (orange
  against blue, the pair that survives red-green colour blindness) and in
  pattern (dots).
- Mongolia and its neighbors touch on the map: 3:1 between them, each 3:1
  against land. The neighbors are hatched, so they also differ from the
  strategic partners they border (Kazakhstan, India) on the same step.
- Hues stay apart under deuteranopia, protanopia and tritanopia (simulated in
  the test with the Machado 2009 matrices).
- Every ink reaches 4.5:1 (text) on the theme's background.
- The event marker has a halo: one of the two reaches 3:1 on every fill.

No import beyond the standard library: the terminal theme imports Rich inside
its function, since only an SVG or HTML export needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rich.terminal_theme import TerminalTheme

THEMES = ("light", "dark")

# The classes a picture draws, closest tie first, then the classes that are not tiers.
TIER_CLASSES = ("comprehensive-strategic", "strategic", "comprehensive", "expanded")
CLASSES = (*TIER_CLASSES, "neighbor", "other", "mongolia")


class Look(NamedTuple):
    fill: str  # areas: bands, countries, legend swatches
    ink: str  # text and thin marks in the class's colour: 4.5:1 on the background
    pattern: str | None = None  # "hatch", "dots", "lines" or "cross", laid over the fill
    pattern_ink: str = ""


class Palette(NamedTuple):
    theme: str
    background: str
    text: str
    muted: str  # secondary text: 4.5:1 on the background
    grid: str
    sea: str
    land: str  # countries that are no partner
    border: str  # between countries
    outline: str  # Mongolia's outline, band edges
    marker: str  # a dated event
    marker_halo: str
    looks: dict[str, Look]
    spare: tuple[Look, ...]  # for tiers a dataset adds beyond the four known ones; no contrast is promised


_LIGHT = Palette(
    theme="light",
    background="#ffffff",
    text="#1a1a1a",
    muted="#595959",
    grid="#d9d9d9",
    sea="#f4f8fb",
    land="#ebebeb",
    border="#ffffff",
    outline="#1a1a1a",
    marker="#bc1758",
    marker_halo="#ffffff",
    looks={
        "comprehensive-strategic": Look("#946eaf", "#735589", "cross", "#1a1a1a"),
        "strategic": Look("#06295d", "#06295d"),
        "comprehensive": Look("#4281b9", "#326592"),
        "expanded": Look("#452202", "#452202", "dots", "#fdd0a2"),
        "neighbor": Look("#2b2b2b", "#2b2b2b", "hatch", "#bdbdbd"),
        "other": Look("#897b6e", "#6b5f55", "lines", "#1a1a1a"),
        "mongolia": Look("#a87300", "#835900"),
    },
    spare=(Look("#1b7837", "#1b7837", "hatch", "#ffffff"), Look("#c51b7d", "#c51b7d", "dots", "#ffffff"),
           Look("#737373", "#595959", "cross", "#ffffff")),
)

_DARK = Palette(
    theme="dark",
    background="#10151c",
    text="#eef1f4",
    muted="#aab3bd",
    grid="#3a3d44",
    sea="#142233",
    land="#22262c",
    border="#10151c",
    outline="#eef1f4",
    marker="#ff7fba",
    marker_halo="#10151c",
    looks={
        "comprehensive-strategic": Look("#936cae", "#a68abb", "cross", "#eef1f4"),
        "strategic": Look("#d3e5f0", "#d3e5f0"),
        "comprehensive": Look("#4780b4", "#7698c0"),
        "expanded": Look("#fee5c9", "#fee5c9", "dots", "#452202"),
        "neighbor": Look("#e2e2e2", "#e2e2e2", "hatch", "#4d4d4d"),
        "other": Look("#87796e", "#9d938c", "lines", "#eef1f4"),
        "mongolia": Look("#a4721c", "#b28f67"),
    },
    spare=(Look("#a6dba0", "#a6dba0", "hatch", "#10151c"), Look("#f1b6da", "#f1b6da", "dots", "#10151c"),
           Look("#bdbdbd", "#bdbdbd", "cross", "#10151c")),
)

_PALETTES = {"light": _LIGHT, "dark": _DARK}

# Pairs that must reach 3:1 (WCAG 2.2, 1.4.11 non-text contrast) in both themes:
# tiers next to each other in rank, Mongolia and the neighbors that touch it, and
# every class against non-partner land.
MUST_CONTRAST = (
    ("comprehensive-strategic", "strategic"), ("strategic", "comprehensive"), ("comprehensive", "expanded"),
    ("mongolia", "neighbor"), *((name, "land") for name in CLASSES),
)

# The terminal's colour per class, as ANSI colour names: a terminal keeps its own
# theme, and an SVG or HTML export maps these names to the palette (terminal_theme).
TERMINAL_STYLES = {
    "comprehensive-strategic": "magenta",
    "strategic": "bold blue",
    "comprehensive": "cyan",
    "expanded": "yellow",
}
_TERMINAL_SLOTS = {"magenta": "comprehensive-strategic", "blue": "strategic", "cyan": "comprehensive",
                   "yellow": "expanded", "red": "mongolia", "green": "other"}
_ANSI_ORDER = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")


def palette(theme: str) -> Palette:
    """The palette of a theme, "light" or "dark"; ValueError for another."""
    try:
        return _PALETTES[theme]
    except KeyError:
        raise ValueError(f"unknown theme {theme!r}; choose from {', '.join(THEMES)}") from None


def tier_looks(colours: Palette, tier_ids: list[str] | tuple[str, ...]) -> dict[str, Look]:
    """A look per tier id, in the dataset's order: the palette's for the known
    tiers, spare looks (then grey) for tiers a dataset adds."""
    spare = iter(colours.spare)
    grey = Look(colours.muted, colours.muted, "cross", colours.background)
    return {tier_id: colours.looks.get(tier_id) or next(spare, grey) for tier_id in tier_ids}


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def terminal_theme(theme: str = "light") -> TerminalTheme:
    """Rich's export theme from the palette: the background and text of the
    theme, and each ANSI colour the tiers use set to that tier's ink, so a
    screenshot's tiers look as they do in the chart and the map. The slots no
    tier uses hold the text or muted colour, so every text reaches 4.5:1."""
    from rich.terminal_theme import TerminalTheme

    colours = palette(theme)
    normal = []
    for name in _ANSI_ORDER:
        if name in _TERMINAL_SLOTS:
            normal.append(_rgb(colours.looks[_TERMINAL_SLOTS[name]].ink))
        else:
            normal.append(_rgb(colours.muted if name == ("white" if theme == "light" else "black") else colours.text))
    return TerminalTheme(_rgb(colours.background), _rgb(colours.text), normal)
