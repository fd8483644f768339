#!/bin/sh
# Installs the .deb, checks what it gives, launches the app from its menu entry on a virtual display,
# saves a screenshot, and uninstalls it (docs/install.md). As root, on a Debian-like machine with
# xvfb, xauth, imagemagick (for the screenshot) and libgtk-3-bin (gtk-launch: the menu's way to start
# an entry; without it the entry's Exec line is run).
#   src/packaging/test-deb.sh target/dist/sockscope_0.1.0_amd64.deb [SCREENSHOT.png]
set -eu
deb=$1 shot=${2:-target/dist/installed.png}
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }

dpkg -i "$deb"
[ "$(command -v sockscope)" = /usr/bin/sockscope ] || fail "no sockscope command on PATH"
[ -f /usr/share/applications/sockscope.desktop ] || fail "no menu entry"
[ -f /usr/share/icons/hicolor/256x256/apps/sockscope.png ] || fail "no icon"
sockscope list >/dev/null || fail "sockscope list"
sockscope run 01_pipe_ipc --check >/dev/null || fail "sockscope run 01_pipe_ipc --check"
echo "test-deb: sockscope command ok (list; run 01_pipe_ipc --check)"

# A process actor is a child JVM (org.sockscope.lab.agent.Child): in the installed app it must be the
# runtime's bin/java. Checked with the test's ChildHost in a copy of the app's launcher, when built.
host=$(dirname "$0")/../../target/test-classes/org/sockscope/lab/agent/ChildHost.class
if [ -f "$host" ]; then
  copy=$(mktemp -d)
  cp -a /opt/sockscope "$copy/"
  app=$copy/sockscope
  mkdir -p "$app/lib/app/childhost/org/sockscope/lab/agent"
  cp "$host" "$app/lib/app/childhost/org/sockscope/lab/agent/"
  cp "$app/bin/sockscope" "$app/bin/childhost"
  sed -e 's/^app.mainclass=.*/app.mainclass=org.sockscope.lab.agent.ChildHost/' \
      -e '/^app.mainclass/a app.classpath=$APPDIR/childhost' "$app/lib/app/sockscope.cfg" > "$app/lib/app/childhost.cfg"
  (sleep 6 | timeout 30 "$app/bin/childhost" >"$copy/out" 2>&1) & host_pid=$!
  for _ in 1 2 3 4 5; do sleep 1; grep -q '^child ' "$copy/out" && break; done
  child=$(sed -n 's/^child //p' "$copy/out")
  [ -n "$child" ] || fail "no process actor started in the app image: $(cat "$copy/out")"
  exe=$(readlink "/proc/$child/exe")
  wait "$host_pid" || fail "ChildHost in the app image: $(cat "$copy/out")"
  [ "$exe" = "$app/lib/runtime/bin/java" ] || fail "the process actor runs $exe, not the runtime's bin/java"
  echo "test-deb: a process actor starts in the app image (pid $child, $exe)"
  rm -rf "$copy"
fi

# The menu entry, on a virtual display.
if command -v gtk-launch >/dev/null; then launch="gtk-launch sockscope"; else launch=$(sed -n 's/^Exec=//p' /usr/share/applications/sockscope.desktop); fi
mkdir -p "$(dirname "$shot")"
# gtk-launch starts the app in a session of its own; pkill -s ends that session and nothing else.
xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '
  setsid $1 & session=$!
  sleep 12
  import -window root "$2"
  pkill -s "$session" || true' _ "$launch" "$shot"
sleep 1
echo "test-deb: menu entry launched ($launch); screenshot $shot"

dpkg -r sockscope
for f in /usr/bin/sockscope /usr/share/applications/sockscope.desktop /usr/share/icons/hicolor/256x256/apps/sockscope.png /opt/sockscope; do
  [ ! -e "$f" ] && [ ! -L "$f" ] || fail "$f is still there after dpkg -r"
done
dpkg -P sockscope   # dpkg -r keeps the package's record ("config-files") for its postrm; purge drops it
echo "test-deb: uninstalled, nothing left behind"
