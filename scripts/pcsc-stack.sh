#!/usr/bin/env bash
# Private PC/SC stack for tests: pcscd in its own mount namespace (so its compiled-in /run/pcscd is a
# private directory) with one vpcd virtual reader. See docs/pcsc-test-harness.md §2 and docs/adr/0004.
#
#   scripts/pcsc-stack.sh start DIR [PORT]   start pcscd; prints `export PCSCLITE_CSOCK_NAME=...` and VPCD_PORT
#   scripts/pcsc-stack.sh stop DIR           SIGTERM pcscd, wait until it has ended (zombie-aware)
#   scripts/pcsc-stack.sh status DIR         running/stopped, pid, port, socket
#
# Environment: PCSCD (default /usr/sbin/pcscd), VPCD_LIB (default /usr/lib/pcsc/drivers/serial/libifdvpcd.so),
# PCSC_READER_NAME (default "Virtual Contactless Reader"), PCSC_STACK_TIMEOUT_MS (default 15000).
set -euo pipefail

PCSCD="${PCSCD:-/usr/sbin/pcscd}"
VPCD_LIB="${VPCD_LIB:-/usr/lib/pcsc/drivers/serial/libifdvpcd.so}"
READER_NAME="${PCSC_READER_NAME:-Virtual Contactless Reader}"
TIMEOUT_MS="${PCSC_STACK_TIMEOUT_MS:-15000}"

die() { echo "pcsc-stack: $*" >&2; exit 1; }

# True while PID exists and is not a zombie (kill -0 succeeds on zombies, so read /proc/PID/stat).
alive() {
  local pid="$1" stat state
  [ -r "/proc/$pid/stat" ] || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  state="${stat##*) }"
  state="${state%% *}"
  [ "$state" != "Z" ] && [ "$state" != "X" ]
}

# True when something listens on TCP PORT (IPv4 or IPv6), read from /proc to avoid needing ss/netstat.
listening() {
  local hex
  hex="$(printf '%04X' "$1")"
  grep -qsE "^ *[0-9]+: [0-9A-F]+:${hex} [0-9A-F]+:0000 0A" /proc/net/tcp /proc/net/tcp6
}

# True when any TCP socket (listening, connected or in TIME_WAIT) holds local PORT: vpcd cannot bind it then.
port_busy() {
  local hex
  hex="$(printf '%04X' "$1")"
  grep -qsE "^ *[0-9]+: [0-9A-F]+:${hex} " /proc/net/tcp /proc/net/tcp6
}

now_ms() { date +%s%3N; }

pick_port() {
  local tries=0 port
  while [ $tries -lt 50 ]; do
    port=$(( 40000 + (RANDOM % 2500) * 2 ))
    if ! port_busy "$port" && ! port_busy $((port + 1)); then echo "$port"; return 0; fi
    tries=$((tries + 1))
  done
  die "no free port pair found in 40000-44999"
}

# Writes the reader config for PORT and starts pcscd in its private namespace (pid in DIR/pcscd.pid).
launch() {
  local dir="$1" port="$2"
  cat > "$dir/reader.conf.d/vpcd" <<CONF
FRIENDLYNAME "$READER_NAME"
DEVICENAME   /dev/null:$port
LIBPATH      $VPCD_LIB
CHANNELID    $port
CONF
  rm -f "$dir/run/pcscd.comm" "$dir/run/pcscd.pid"
  # setsid: detach from the caller's process group. unshare and sh exec, so $! is pcscd's PID.
  # pcscd's socket and pid paths are compiled in (/run/pcscd): give it a private /run/pcscd. If that
  # directory cannot be created (non-root, first run), cover /run with a tree whose pcscd entry links here.
  setsid "${ns[@]}" sh -c '
    if mkdir -p /run/pcscd 2>/dev/null; then mount --bind "$1/run" /run/pcscd; else mount --bind "$1/runroot" /run; fi &&
    exec "$2" --foreground --debug -c "$1/reader.conf.d"' \
    sh "$dir" "$PCSCD" > "$dir/pcscd.log" 2>&1 < /dev/null &
  echo "$!" > "$dir/pcscd.pid"
  echo "$port" > "$dir/port"
}

# Waits until pcscd's socket exists and vpcd listens; fails early when pcscd exits or vpcd could not bind.
wait_ready() {
  local dir="$1" port="$2" pid="$3"
  local deadline=$(( $(now_ms) + TIMEOUT_MS ))
  until [ -S "$dir/run/pcscd.comm" ] && listening "$port"; do
    alive "$pid" || return 1
    grep -qs "Address already in use" "$dir/pcscd.log" && return 1
    [ "$(now_ms)" -lt "$deadline" ] || return 1
    sleep 0.01
  done
}

# SIGTERM, then wait (bounded) until the process has really ended.
stop_pid() {
  local pid="$1" until_ms=$(( $(now_ms) + 5000 ))
  kill -TERM "$pid" 2>/dev/null || return 0
  while alive "$pid" && [ "$(now_ms)" -lt "$until_ms" ]; do sleep 0.02; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  return 0
}

cmd_start() {
  local dir="$1" port="${2:-}"
  [ -x "$PCSCD" ] || die "pcscd not installed ($PCSCD); apt-get install pcscd"
  [ -r "$VPCD_LIB" ] || die "vpcd driver not installed ($VPCD_LIB); apt-get install vsmartcard-vpcd"
  # Root: a plain mount namespace. Otherwise a user namespace maps us to root inside it (needs
  # unprivileged user namespaces, the default on Debian 12).
  local ns=(unshare -m --propagation private)
  [ "$(id -u)" = 0 ] || ns=(unshare -r -m --propagation private)
  mkdir -p "$dir/run" "$dir/reader.conf.d"
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/pcscd.pid" ] && alive "$(cat "$dir/pcscd.pid")"; then
    die "already running in $dir (pid $(cat "$dir/pcscd.pid"))"
  fi
  local auto_port=0
  [ -n "$port" ] || { port="$(pick_port)"; auto_port=1; }
  # quickack on a /32 loopback route used only by the virtual card: ~0.5 ms instead of ~50 ms per APDU.
  if [ "$(id -u)" = 0 ] && command -v ip >/dev/null 2>&1; then
    ip route replace local 127.0.0.2/32 dev lo table local proto static scope host src 127.0.0.1 quickack 1 \
      2>/dev/null || echo "pcsc-stack: quickack route not added (APDUs will be ~50 ms slower)" >&2
  fi
  mkdir -p "$dir/runroot" && ln -sfn "$dir/run" "$dir/runroot/pcscd"
  local pid attempt=0
  while :; do
    launch "$dir" "$port"
    pid="$(cat "$dir/pcscd.pid")"
    if wait_ready "$dir" "$port" "$pid"; then break; fi
    # Another stack (or a socket still in TIME_WAIT) took the port between the check and vpcd's bind:
    # with an automatic port, try another one.
    attempt=$((attempt + 1))
    if [ "$auto_port" = 1 ] && [ $attempt -lt 5 ] && grep -qs "Address already in use" "$dir/pcscd.log"; then
      stop_pid "$pid"
      port="$(pick_port)"
      continue
    fi
    stop_pid "$pid"
    echo "pcsc-stack: pcscd did not become ready; log:" >&2
    tail -n 20 "$dir/pcscd.log" >&2 || true
    exit 1
  done
  {
    echo "export PCSCLITE_CSOCK_NAME=$dir/run/pcscd.comm"
    echo "export VPCD_PORT=$port"
    echo "export PCSCD_PID=$pid"
  } | tee "$dir/env"
}

cmd_stop() {
  local dir="$1" pid
  [ -f "$dir/pcscd.pid" ] || { echo "stopped"; return 0; }
  pid="$(cat "$dir/pcscd.pid")"
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$(( $(now_ms) + TIMEOUT_MS ))
    while alive "$pid"; do
      if [ "$(now_ms)" -ge "$deadline" ]; then
        echo "pcsc-stack: pcscd $pid ignored SIGTERM for ${TIMEOUT_MS} ms; sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.02
    done
  fi
  rm -f "$dir/pcscd.pid" "$dir/run/pcscd.comm" "$dir/run/pcscd.pid"
  echo "stopped"
}

cmd_status() {
  local dir="$1" pid
  if [ -f "$dir/pcscd.pid" ] && alive "$(cat "$dir/pcscd.pid")"; then
    pid="$(cat "$dir/pcscd.pid")"
    echo "running pid=$pid port=$(cat "$dir/port" 2>/dev/null || echo ?) socket=$dir/run/pcscd.comm"
  else
    echo "stopped"
    return 3
  fi
}

case "${1:-}" in
  start) [ $# -ge 2 ] || die "usage: $0 start DIR [PORT]"; cmd_start "$2" "${3:-}" ;;
  stop) [ $# -ge 2 ] || die "usage: $0 stop DIR"; cmd_stop "$2" ;;
  status) [ $# -ge 2 ] || die "usage: $0 status DIR"; cmd_status "$2" ;;
  *) die "usage: $0 start|stop|status DIR [PORT]" ;;
esac
