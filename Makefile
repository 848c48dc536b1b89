# Two commands: `make run` (demo on SQLite, with a Celery worker beside the web server) and `make test` (lint + tests on SQLite, and on
# PostgreSQL too when DATABASE_URL is set). Everything they need is installed by them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install assets demo lock clean e2e system-deps mutation messages compilemessages

# Debian packages (chromium, LibreOffice, poppler, npm, gettext): installed with apt-get when missing and
# possible, otherwise a stop at once with the command to run (scripts/system-deps).
system-deps:
	@scripts/system-deps

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements/base.txt -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed

# Front-end libraries from npm, copied into static/vendor (served by Django, never a CDN); the
# parts of ECharts the dashboards use are bundled from assets/echarts.js by esbuild (from npm).
static/vendor/.installed: package.json package-lock.json assets/echarts.js core/vendor_assets.py
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	$(PY) -m core.vendor_assets
	touch $@

assets: system-deps install static/vendor/.installed

# The English catalogue: the .po files under locale/ are committed, the .mo files are built here
# (msgfmt, from the gettext package) and never committed. Cheap enough to run every time.
LOCALE_IGNORE := --ignore=.venv --ignore=node_modules --ignore=var
compilemessages: system-deps install
	$(PY) manage.py compilemessages $(LOCALE_IGNORE) --verbosity 0

# After adding or changing UI strings: refresh the catalogues from the code, then translate every
# new entry (msgstr "") in locale/en/LC_MESSAGES/*.po; core/tests/test_locale.py lists the ones left.
messages: install
	$(PY) manage.py makemessages -l en --no-obsolete $(LOCALE_IGNORE) --ignore=static
	$(PY) manage.py makemessages -d djangojs -l en --no-obsolete $(LOCALE_IGNORE) --ignore=static/vendor

demo: install assets compilemessages
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0

run: demo
	@echo ""
	@echo "Thi đua số: http://$(HOST):$(PORT)/  (mật khẩu demo: thidua2026)"
	@echo "  tinh     — Cơ quan thường trực, Sở Nội vụ tỉnh Lào Cai (toàn tỉnh)"
	@echo "  laichau  — Cơ quan thường trực, Văn phòng UBND tỉnh Lai Châu"
	@echo "  bqlkkt   — Cơ quan thường trực, Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn"
	@echo "  xa       — Cơ quan thường trực, UBND xã Thống Nhất (Lạng Sơn)"
	@echo "  baocao   — Cán bộ đầu mối, UBND xã Thống Nhất"
	@echo "  thutruong — Thủ trưởng đơn vị, UBND xã Thống Nhất"
	@echo "  lanhdao  — Lãnh đạo tỉnh Lào Cai (chỉ xem)"
	@echo "  tt.lci-pyb — Khối trưởng khối 05, UBND phường Yên Bái (chấm điểm)"
	@echo "  khcn     — Cơ quan chủ trì lĩnh vực KH&CN, ĐMST, CĐS: Sở KH&CN Lào Cai (sáng kiến)"
	@echo "  hoidong  — Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh Lào Cai (hd.snv, hd.skhcn, hd.stc, hd.mttq, hd.ldld, hd.vp: thành viên)"
	@echo "  admin    — Quản trị danh mục"
	@echo "  Việc chạy nền: một Celery worker (kèm lịch beat) chạy cùng, dừng khi máy chủ web dừng"
	@# The worker runs in a session of its own: a Ctrl-C or a kill of make's process group reaches
	@# its main process only, through the trap, never its pool processes behind its back (Celery
	@# then hung for good in its warm shutdown); a worker still there 10 s later is killed.
	@trap 'kill $$worker 2>/dev/null; (sleep 10; kill -KILL -- -$$worker 2>/dev/null) & wait $$worker' EXIT INT TERM; \
	DEBUG=1 setsid nice -n 10 $(PY) -m celery -A thidua worker --beat --concurrency 2 --loglevel WARNING & worker=$$!; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT) --noreload

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The whole suite on SQLite; on PostgreSQL too, at the same time, when DATABASE_URL is set (CI sets it).
test: system-deps install assets compilemessages lint
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py collectstatic --noinput --verbosity 0
	scripts/test-suites

# Mutation testing of the rule modules against their own tests (slow: not part of `make test`).
mutation: install
	$(PY) scripts/mutation.py

lock:
	cd requirements && ../$(VENV)/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links base.in -o base.txt
	cd requirements && ../$(VENV)/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links dev.in -o dev.txt

clean:
	rm -rf $(VENV) node_modules static/vendor var
