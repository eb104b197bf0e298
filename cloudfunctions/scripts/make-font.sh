#!/bin/sh
# Remakes cloudfunctions/assets/fonts/NotoSansCJKsc-Regular-GB2312.otf, the font the certificate PDF embeds.
# The subset is committed (CI starts without fonts-noto-cjk); run this only to change the character set.
# Needs Debian's fonts-noto-cjk (NotoSansCJK-Regular.ttc 2.004) and fonttools (pyftsubset, python3 with fontTools).
#
# Character set: every character of GB2312 (decoded with Python's gb2312 codec, so the list is exact rather than
# a range guess), plus Basic Latin and Latin-1 (U+0020-00FF: digits, serial numbers, ¥), General Punctuation
# (U+2000-206F: — … ‘ ’ “ ”), CJK Symbols and Punctuation (U+3000-303F) and Half/Full-width Forms (U+FF00-FFEF).
# GB2312 alone lacks — (U+2014) and ¥ (U+00A5), which the ranges above add.
set -eu
SRC=${NOTO_CJK_TTC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
# In that collection, font number 2 is "Noto Sans CJK SC" (0 JP, 1 KR, 3 TC, 4 HK): Simplified Chinese glyph forms.
FONT_NUMBER=2
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT="$HERE/assets/fonts/NotoSansCJKsc-Regular-GB2312.otf"
PY=${PYTHON:-/usr/bin/python3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$PY" - "$SRC" "$FONT_NUMBER" <<'PYEOF'
import sys
from fontTools.ttLib import TTCollection
name = TTCollection(sys.argv[1]).fonts[int(sys.argv[2])]['name'].getDebugName(4)
if name != 'Noto Sans CJK SC':
    sys.exit('font number %s is %r, expected Noto Sans CJK SC' % (sys.argv[2], name))
PYEOF

"$PY" - > "$TMP/gb2312.txt" <<'PYEOF'
# Every double-byte GB2312 code (rows 0xA1-0xF7, cells 0xA1-0xFE) that decodes to a character.
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
print(''.join(sorted(chars)), end='')
PYEOF

# --layout-features='kern' only: the default set keeps 'locl'/'vert' substitutions, which pull in the JP/KR/TC
# variant glyphs and vertical forms (≈ 2.9 MB instead of ≈ 1.6 MB); the certificate is horizontal SC text.
# --no-hinting: the PDF is printed or viewed zoomed, and hints are a third of a CFF font's size.
pyftsubset "$SRC" --font-number=$FONT_NUMBER \
  --text-file="$TMP/gb2312.txt" \
  --unicodes="U+0020-00FF,U+2000-206F,U+3000-303F,U+FF00-FFEF" \
  --layout-features='kern' --name-IDs='*' --notdef-outline --no-hinting \
  --output-file="$OUT"
ls -l "$OUT"
