#!/bin/sh
# Renders sockscope.png (256x256, the icon jpackage puts in the app image, the .deb and its menu
# entry) from sockscope.svg. Needs ImageMagick (Debian: imagemagick). The PNG is checked in, so
# the build itself needs no ImageMagick; run this after editing the SVG.
set -eu
cd "$(dirname "$0")"
convert -background none -density 96 sockscope.svg -resize 256x256 PNG32:sockscope.png
