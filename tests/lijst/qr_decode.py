"""Reads back a QR code from the SVG the site serves: the path (segno's "M x y h n m dx dy"
runs of dark modules) is drawn onto an image with Pillow and decoded with zxing-cpp."""

import re

import zxingcpp
from PIL import Image, ImageDraw

_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_D = re.compile(r'\bd="([^"]+)"')
_SCALE = re.compile(r"scale\((\d+(?:\.\d+)?)\)")
_TOKEN = re.compile(r"([MmHhVv])\s*(-?\d+(?:\.\d+)?)(?:[ ,](-?\d+(?:\.\d+)?))?")


def svgs(html: str) -> list[str]:
    return _SVG.findall(html)


def decode(svg: str, pixels_per_module: int = 8) -> str:
    d = _D.search(svg).group(1)
    x = y = 0.0
    runs = []
    for command, a, b in _TOKEN.findall(d):
        a = float(a)
        if command == "M":
            x, y = a, float(b)
        elif command == "m":
            x, y = x + a, y + float(b)
        elif command == "h":
            runs.append((x, y, a))
            x += a
        else:
            raise AssertionError(f"unexpected path command {command}")
    size = int(max(rx + length for rx, _y, length in runs) + 4)
    image = Image.new("L", (size * pixels_per_module, size * pixels_per_module), 255)
    draw = ImageDraw.Draw(image)
    for rx, ry, length in runs:
        top = int(ry - 0.5) * pixels_per_module  # segno draws each row as a line through its middle
        left = int(rx) * pixels_per_module
        draw.rectangle(
            (left, top, left + int(length) * pixels_per_module - 1, top + pixels_per_module - 1),
            fill=0,
        )
    results = zxingcpp.read_barcodes(image)
    assert results, "no QR code found in the SVG"
    return results[0].text
