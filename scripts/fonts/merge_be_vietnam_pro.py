"""Merge Be Vietnam Pro's Latin and Vietnamese subsets into one file per weight.

@fontsource/be-vietnam-pro ships each weight as separate subsets. A Vietnamese sentence needs both
files, so a page fetched four and laid its text out again as each arrived. One file per weight
holds every letter a report uses, is smaller than the two it replaces (the subsets repeat the
font's tables and shared glyphs), and two of them are light enough to preload.

The hinting is dropped: Android, iOS and macOS ignore it, and it was 40% of the bytes. Windows
draws the font without it a little softer at small sizes.

Run with Debian's python3-fonttools from the repository's root, after `npm ci`:
    /usr/bin/python3 scripts/fonts/merge_be_vietnam_pro.py
It rewrites assets/fonts/be-vietnam-pro-{400,700}.woff2 and fails if a Vietnamese letter is missing.
"""

import sys
import tempfile
from pathlib import Path

from fontTools.merge import Merger
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

SOURCE = Path("node_modules/@fontsource/be-vietnam-pro/files")
TARGET = Path("assets/fonts")
WEIGHTS = ("400", "700")
SUBSETS = ("latin", "vietnamese")
LOWER = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ"
VIETNAMESE_LETTERS = LOWER + LOWER.upper()


def merge_weight(weight: str, scratch: Path) -> Path:
    # Merger reads TrueType, not WOFF2: unpack each subset first.
    unpacked = []
    stamps = []
    for subset in SUBSETS:
        # Same input, same bytes: keep the source's head timestamps, no stamp of today.
        font = TTFont(SOURCE / f"be-vietnam-pro-{subset}-{weight}-normal.woff2", recalcTimestamp=False)
        font.flavor = None
        stamps.append((font["head"].created, font["head"].modified))
        path = scratch / f"{subset}-{weight}.ttf"
        font.save(path)
        unpacked.append(str(path))
    merged = Merger().merge(unpacked)
    without_hinting(merged)
    # The merger stamps the time it ran; the sources' own dates keep the output reproducible.
    merged["head"].created, merged["head"].modified = max(stamps)
    merged.recalcTimestamp = False
    merged.flavor = "woff2"
    target = TARGET / f"be-vietnam-pro-{weight}.woff2"
    merged.save(target)
    return target


def without_hinting(font: TTFont) -> None:
    options = Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys())
    subsetter.subset(font)


def missing_letters(path: Path) -> list[str]:
    characters = TTFont(path).getBestCmap()
    return [letter for letter in VIETNAMESE_LETTERS if ord(letter) not in characters]


def main() -> int:
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for weight in WEIGHTS:
            target = merge_weight(weight, Path(scratch))
            missing = missing_letters(target)
            print(f"{target}: {target.stat().st_size} bytes, missing letters: {''.join(missing) or 'none'}")
            failed = failed or bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
