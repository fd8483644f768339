#!/bin/sh
# Builds SockScope's installable forms into OUT (run by `./mvnw -Pdist package`; docs/install.md):
#   OUT/runtime      a jlink'd Java runtime holding JavaFX's modules and their native libraries;
#   OUT/sockscope    the jpackage app image (bin/sockscope starts the app; runs in place);
#   OUT/sockscope_VERSION_ARCH.deb  on Linux: the app image as a Debian package, with a menu entry.
# Usage: dist.sh JDK VERSION APP_JAR OUT CLASSPATH
#   JDK        the JDK 25 whose jlink and jpackage to use (Maven passes its own, ${java.home})
#   APP_JAR    SockScope's own jar (target/sockscope-VERSION.jar, without its dependencies)
#   CLASSPATH  the runtime class path Maven resolved: JavaFX's platform jars go on jlink's module
#              path, every other jar next to APP_JAR on the app's class path
set -eu
jdk=$1 version=$2 app_jar=$3 out=$4 classpath=$5
here=$(cd "$(dirname "$0")" && pwd)

# A Debian version may not hold "-SNAPSHOT"; jpackage wants numbers: 0.1.0-SNAPSHOT -> 0.1.0.
app_version=${version%%-*}

# The JDK's own modules SockScope needs (jdeps --print-module-deps over the app and its jars
# says java.base, java.desktop, java.prefs, java.sql); jdk.unsupported for JavaFX; java.logging
# for JavaFX's and the libraries' loggers.
jdk_modules=java.base,java.desktop,java.logging,java.prefs,java.sql,jdk.unsupported

rm -rf "$out"
mkdir -p "$out/input" "$out/javafx"
out=$(cd "$out" && pwd)
fx_path=
old_ifs=$IFS IFS=:
for jar in $classpath; do
  case $jar in
    */target/classes) ;;                         # inside APP_JAR already
    */org/openjfx/*)
      # javafx-graphics-25.0.2-linux.jar is the module; javafx-graphics-25.0.2.jar an empty stand-in.
      case $(basename "$jar") in
        javafx-*-[0-9]*.[0-9]*-*.jar) cp "$jar" "$out/javafx/"; fx_path=${fx_path:+$fx_path:}$out/javafx/$(basename "$jar") ;;
      esac ;;
    *.jar) cp "$jar" "$out/input/" ;;
  esac
done
IFS=$old_ifs
[ -n "$fx_path" ] || { echo "dist.sh: no JavaFX platform jars on the class path" >&2; exit 1; }
cp "$app_jar" "$out/input/"

# The runtime. Not --strip-native-commands: a process actor is a child JVM started with the
# runtime's bin/java (org.sockscope.lab.agent.Child). --generate-cds-archive: the app and each
# child JVM start faster from a class data sharing archive, as they do from the JDK's.
"$jdk/bin/jlink" --module-path "$fx_path" --add-modules "$jdk_modules,javafx.controls" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive --output "$out/runtime"
# JavaFX's native libraries travel inside its jars; in the runtime's lib directory JavaFX loads them
# from there (as from its jmods) instead of extracting copies into each user's home.
(cd "$out/runtime/lib" && for jar in "$out"/javafx/*.jar; do
  libs=$("$jdk/bin/jar" tf "$jar" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)
  [ -z "$libs" ] || "$jdk/bin/jar" xf "$jar" $libs
done)

# The app image. The options are the ones `./mvnw javafx:run` uses (JavaFX is on the module path
# here too): native access for SockScope's FFM calls and for JavaFX, and the JavaFX internals
# ControlsFX and the views reach. On Linux it carries the .deb's menu entry (lib/sockscope.desktop).
icon=$here/sockscope.png
set --
case $(uname -s) in
  Linux) set -- --app-content "$here/linux/sockscope.desktop" ;;
  Darwin) icon=$here/sockscope.icns ;;
esac
"$jdk/bin/jpackage" --type app-image --dest "$out" --name sockscope --app-version "$app_version" \
  --description "Real sockets, kernel buffers and blocking calls, on screen, for teaching." \
  --vendor "SockScope" --icon "$icon" "$@" \
  --runtime-image "$out/runtime" --input "$out/input" \
  --main-jar "$(basename "$app_jar")" --main-class org.sockscope.Launcher \
  --java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics" \
  --java-options "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED" \
  --java-options "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED"

[ "$(uname -s)" = Linux ] || { echo "dist.sh: app image in $out (a .deb is built on Linux only; docs/install.md)"; exit 0; }

missing=
for tool in fakeroot dpkg-deb; do command -v $tool >/dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  echo "dist.sh: jpackage needs$missing for the .deb: sudo apt-get install fakeroot dpkg" >&2
  exit 1
fi
# The .deb: the app image in /opt/sockscope. Its postinst (src/packaging/linux, in place of
# jpackage's own) links /usr/bin/sockscope to the launcher, and the menu entry
# (linux/sockscope.desktop, in the app image) and the icon into /usr/share; prerm removes them.
# Not jpackage's --linux-shortcut: that installs the entry with xdg-desktop-menu, so the package
# would depend on xdg-utils, which a fresh Debian lacks, and `dpkg -i` would stop there.
# linux/control replaces jpackage's Depends (every library any bundled .so links to) with what the
# window needs, libgtk-3-0 and libxtst6 (the README's prerequisites, which bring the rest); libGL
# and libXxf86vm (JavaFX's OpenGL pipeline; without them it draws in software) and libasound
# (javax.sound, unused) are Recommends. docs/install.md says how that was checked.
"$jdk/bin/jpackage" --type deb --dest "$out" --app-image "$out/sockscope" --name sockscope \
  --app-version "$app_version" --icon "$here/sockscope.png" \
  --description "Real sockets, kernel buffers and blocking calls, on screen, for teaching." \
  --vendor "SockScope" --linux-package-name sockscope --linux-app-category education \
  --linux-deb-maintainer "sockscope@localhost" \
  --resource-dir "$here/linux"
ls -l "$out"/*.deb
