"""Draw the Lapor Bapas app icons (a white tick in a circle on blue) into the portal's
static folder. Run again only to change them: `.venv/bin/python scripts/portal_icons.py`."""

from pathlib import Path

from PIL import Image, ImageDraw

BLUE = (11, 83, 148, 255)
WHITE = (255, 255, 255, 255)
OUT = Path(__file__).resolve().parents[1] / "bimkemas" / "portal" / "static" / "portal"


def draw(size: int, *, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:  # full bleed; the launcher crops to its own shape
        pen.rectangle((0, 0, big, big), fill=BLUE)
    else:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=BLUE)
    # Maskable icons keep their content inside the central 80 % circle.
    inner = 0.30 if maskable else 0.36
    r = int(big * inner)
    c = big // 2
    pen.ellipse((c - r, c - r, c + r, c + r), fill=WHITE)
    w = max(1, int(big * 0.06))
    tick = [(c - r * 0.5, c + r * 0.02), (c - r * 0.12, c + r * 0.4), (c + r * 0.55, c - r * 0.38)]
    pen.line(tick, fill=BLUE, width=w, joint="curve")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, maskable=False).save(OUT / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
