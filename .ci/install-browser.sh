#!/usr/bin/env bash
# Headless Chromium and its driver from Debian's packages, for tests/test_review_browser.py
# (plus a CJK font so that screenshots show Chinese). Never fails the build: where the browser
# cannot be installed, the browser tests skip and say why.
set -u
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  echo "install-browser: chromium and chromedriver already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-browser: no apt-get here; the browser tests will skip"
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "install-browser: not root and no sudo; the browser tests will skip"
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if $sudo apt-get update -qq >/dev/null \
   && $sudo apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei >/dev/null; then
  echo "install-browser: installed $(chromium --version 2>/dev/null)"
else
  echo "install-browser: apt-get could not install chromium; the browser tests will skip"
fi
exit 0
