#!/bin/sh
# Installs or upgrades the Bala central server on a Linux server with systemd (docs/server.md,
# "Installing on a Debian server"). Run as root:
#
#   sh install.sh bala-server-<version>-linux.tar.gz      # from the tarball
#   sh bala-server/install.sh                            # from the unpacked tarball's folder
#
# It creates the system account `bala` (no login shell) if missing, puts the program in
# /opt/bala-server (root's, read-only to bala), creates the data folder /var/lib/bala-server
# (bala's, 0700) and /etc/bala-server/env (0600, root's) when absent, installs the systemd unit,
# the administrator's command /usr/local/sbin/bala-server, and runs `systemctl daemon-reload`.
# Running it again (an upgrade) replaces the program and the unit and keeps the env file and the
# data. It neither initialises the server nor starts it: see the next steps it prints.
#
# --root DIR  install under DIR instead of / (tests, image builds): no useradd, no chown, no systemctl.
set -eu

usage() {
  echo "usage: install.sh [--root DIR] [bala-server-<version>-linux.tar.gz | unpacked bala-server folder]"
}

root=""
source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root)
      [ $# -ge 2 ] || { usage >&2; exit 2; }
      root=$2
      shift 2
      ;;
    --root=*)
      root=${1#--root=}
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*)
      echo "install.sh: unknown option $1" >&2
      usage >&2
      exit 2
      ;;
    *)
      [ -z "$source" ] || { usage >&2; exit 2; }
      source=$1
      shift
      ;;
  esac
done

say() { echo "install.sh: $*"; }
fail() {
  echo "install.sh: $*" >&2
  exit 1
}

# Without a source: the folder this script lies in, when it is an unpacked tarball.
if [ -z "$source" ]; then
  here=$(cd "$(dirname "$0")" && pwd -P)
  [ -f "$here/bala-server.mjs" ] || { usage >&2; exit 2; }
  source=$here
fi
[ -e "$source" ] || fail "$source: no such file"

if [ -n "$root" ]; then
  mkdir -p "$root"
  root=$(cd "$root" && pwd -P)
  [ "$root" != / ] || root=""
fi
real=true
[ -z "$root" ] || real=false
if $real && [ "$(id -u)" -ne 0 ]; then fail "run as root (or with --root DIR for a test install)"; fi
owner=false
[ "$(id -u)" -ne 0 ] || owner=true

user=bala
program_dir=$root/opt/bala-server
data_dir=$root/var/lib/bala-server
etc_dir=$root/etc/bala-server
env_file=$etc_dir/env
unit_file=$root/etc/systemd/system/bala-server.service
admin_command=$root/usr/local/sbin/bala-server

# 1. The account the service runs as: a system user, its home the data folder, no login shell.
if $real; then
  if getent passwd "$user" >/dev/null; then
    say "account $user exists"
  else
    useradd --system --user-group --home-dir /var/lib/bala-server --no-create-home \
      --shell /usr/sbin/nologin --comment "Bala central server" "$user"
    say "created system account $user"
  fi
  if [ ! -x /usr/bin/node ]; then
    say "WARNING: /usr/bin/node is missing; the unit runs /usr/bin/node (Node.js 22: see docs/server.md)"
  fi
fi

# 2. The program: unpacked beside the old one, then swapped in; owned by root, read-only to bala.
mkdir -p "$root/opt"
stage=$(mktemp -d "$root/opt/.bala-server-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM
if [ -d "$source" ]; then
  source_dir=$(cd "$source" && pwd -P)
  if [ -d "$program_dir" ] && [ "$source_dir" = "$(cd "$program_dir" && pwd -P)" ]; then
    fail "$source is the installed program: give the new tarball"
  fi
  mkdir "$stage/bala-server"
  cp -R "$source_dir/." "$stage/bala-server/"
else
  tar -xzf "$source" -C "$stage" --no-same-owner
fi
[ -f "$stage/bala-server/bala-server.mjs" ] && [ -f "$stage/bala-server/bala-server.service" ] ||
  fail "$source is not a bala-server bundle (no bala-server/bala-server.mjs in it)"
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$stage/bala-server/package.json" | head -n 1)
if $owner; then chown -R 0:0 "$stage/bala-server"; fi
chmod -R u+rwX,go+rX,go-w "$stage/bala-server"
chmod 0755 "$stage/bala-server"
if [ -d "$program_dir" ]; then
  mv "$program_dir" "$stage/previous"
  mv "$stage/bala-server" "$program_dir" || {
    mv "$stage/previous" "$program_dir"
    fail "could not replace $program_dir: the previous version is back"
  }
  say "replaced $program_dir with bala-server $version"
else
  mv "$stage/bala-server" "$program_dir"
  say "installed bala-server $version in $program_dir"
fi

# 3. The data folder: bala's alone. `init` runs in it (as bala) before the service first starts.
if [ -d "$data_dir" ]; then
  say "kept the data folder $data_dir"
else
  mkdir -p "$data_dir"
  say "created the data folder $data_dir"
fi
chmod 0700 "$data_dir"
if $real; then chown "$user:$user" "$data_dir"; fi

# 4. The service's settings, with the database password: root's, 0600, never overwritten.
mkdir -p "$etc_dir"
chmod 0755 "$etc_dir"
if [ -e "$env_file" ]; then
  say "kept $env_file"
  case "$(stat -c %a "$env_file")" in
    600 | 400) ;;
    *) say "WARNING: $env_file is readable by others; it holds the database password: chmod 0600 $env_file" ;;
  esac
else
  (
    umask 077
    cat >"$env_file.new" <<'EOF'
# Settings of bala-server.service (systemd reads this file as root; keep it 0600, root's).
# One NAME=value per line, no quotes, no spaces around '='. After a change:
#   systemctl restart bala-server

# PostgreSQL (recommended in production). Without it the server keeps its database embedded
# in /var/lib/bala-server/db. The choice is made once, at `init`: set it before that.
#BALA_PG_URL=postgres://bala:CHANGE-ME@127.0.0.1:5432/bala

# Where serve listens (the unit's defaults). A port below 1024 needs CAP_NET_BIND_SERVICE:
# see docs/server.md.
#BALA_PORT=8443
#BALA_HOST=0.0.0.0

# Language of the server's messages in the journal: ky, ru, az, kk or en.
#BALA_LANG=en
EOF
  )
  mv "$env_file.new" "$env_file"
  say "created $env_file (0600): put BALA_PG_URL there"
fi
if $owner; then chown 0:0 "$env_file"; fi

# 5. The unit and the administrator's command.
mkdir -p "$(dirname "$unit_file")" "$(dirname "$admin_command")"
cp "$program_dir/bala-server.service" "$unit_file.new"
chmod 0644 "$unit_file.new"
mv "$unit_file.new" "$unit_file"
cp "$program_dir/bala-server-admin.sh" "$admin_command.new"
chmod 0755 "$admin_command.new"
mv "$admin_command.new" "$admin_command"
say "installed $unit_file and $admin_command"

if $real; then
  systemctl daemon-reload
  if systemctl is-active --quiet bala-server; then
    say "bala-server is running the previous version: systemctl restart bala-server"
  fi
fi

cat <<EOF
install.sh: next steps (first install):
  1. PostgreSQL: put BALA_PG_URL in /etc/bala-server/env
  2. bala-server init --hosts <names,addresses> --url https://<name>:8443
     (runs as $user: runuser -u $user -- /usr/bin/node /opt/bala-server/bala-server.mjs --data /var/lib/bala-server init ...)
  3. systemctl enable --now bala-server
  4. journalctl -u bala-server
EOF
