#!/bin/sh
# Renders the icons jpackage uses from sockscope.svg: sockscope.png (256x256: Linux app image, the
# .deb's menu entry), sockscope.ico (Windows: 256, 64, 48, 32, 16) and sockscope.icns (macOS: PNGs
# of 128, 256 and 512 in icns entries ic07, ic08, ic09). Needs ImageMagick (Debian: imagemagick)
# and python3. The icons are checked in, so the build needs neither; run this after editing the SVG.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 128 256 512; do
  convert -background none -density $((96 * size / 256)) sockscope.svg -resize ${size}x${size} PNG32:"$tmp/$size.png"
done
cp "$tmp/256.png" sockscope.png
convert "$tmp/256.png" -define icon:auto-resize=256,64,48,32,16 sockscope.ico
python3 - "$tmp" <<'PY'
import struct, sys
entries = b""
for kind, size in ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512)):
    png = open(f"{sys.argv[1]}/{size}.png", "rb").read()
    entries += kind + struct.pack(">I", 8 + len(png)) + png
open("sockscope.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)
PY
ls -l sockscope.png sockscope.ico sockscope.icns
