#!/usr/bin/env bash
# One entry point that installs everything planviz needs, then runs it:
#   bash run.sh app    # the dashboard on the bundled sample plan (http://localhost:8501)
#   bash run.sh test   # the test suite
# Run as root, or as a user with sudo. Safe to re-run: installed parts are skipped.
set -euo pipefail
cd "$(dirname "$0")"

# libatomic1: the node driver inside the playwright wheel (browser tests) needs it; minimal Debian lacks it.
APT_PACKAGES=(python3-venv graphviz fonts-noto-cjk chromium libatomic1)
# Only the tests need these: a real office suite converts the deck, pdftotext reads PDFs back,
# and the workspace is tested on a throw-away PostgreSQL cluster as well as on SQLite.
TEST_PACKAGES=(libreoffice-impress poppler-utils postgresql)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "需要安装系统软件包，请以 root 身份运行，或先安装 sudo：$*" >&2; exit 1
  fi
}

install_system() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> 安装系统软件包：${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

install_python() {
  if [ ! -x .venv/bin/python ]; then
    echo "==> 创建 Python 虚拟环境 .venv"
    python3 -m venv .venv
  fi
  local stamp=.venv/.requirements.sha
  local want
  want="$(sha256sum requirements.txt | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "==> 安装 Python 依赖（requirements.txt）"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -r requirements.txt
    echo "$want" > "$stamp"
  fi
}

cmd="${1:-app}"
shift || true
if [ "$cmd" = test ]; then install_system "${APT_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
else install_system "${APT_PACKAGES[@]}"
fi
install_python
case "$cmd" in
  app)  exec .venv/bin/python -m streamlit run app.py --server.headless true "$@" ;;
  test) exec .venv/bin/python -m pytest -q "$@" ;;
  *)    echo "用法：bash run.sh app | test" >&2; exit 2 ;;
esac
