#!/bin/sh
# `bala-server` for the administrator of an installed server (install.sh puts it at
# /usr/local/sbin/bala-server). Runs the installed program as the service's account, on the
# service's data folder, with the service's settings (/etc/bala-server/env: BALA_PG_URL, BALA_LANG):
#
#   sudo bala-server init --hosts registry.example.kg --url https://registry.example.kg:8443
#   sudo bala-server agency list
#
# The same as: runuser -u bala -- /usr/bin/node /opt/bala-server/bala-server.mjs --data /var/lib/bala-server …
# with the env file's variables set. Files a verb writes (`workstation issue --out FILE`) are
# written by bala: give a path bala may write, e.g. /var/lib/bala-server/profiles/NAME.balaprofile.
set -eu

env_file=/etc/bala-server/env
if [ "$(id -u)" -ne 0 ]; then
  echo "bala-server: run as root (sudo bala-server …): it reads $env_file and acts as the account bala" >&2
  exit 2
fi
if [ -r "$env_file" ]; then
  # systemd's format, not a shell script: NAME=value lines, the value taken as it stands.
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      BALA_[A-Z_]*=*) export "$line" ;;
    esac
  done <"$env_file"
fi
exec runuser -u bala -- /usr/bin/node /opt/bala-server/bala-server.mjs --data /var/lib/bala-server "$@"
