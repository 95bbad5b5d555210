#!/bin/sh
# After the Bala .deb is installed: the machine-wide folder where an administrator may place a
# workstation's .balaprofile for the first-run screen to find (src-main/activation/profileSearch.ts).
set -e
mkdir -p /etc/bala/profiles
chmod 0755 /etc/bala /etc/bala/profiles
