# mofcom-watch: serves the feeds and runs the fetch cycle on a schedule.
#   docker build -t mofcom-watch .
#   docker run -d -p 8080:8080 -v mofcom-data:/data mofcom-watch   (docker stop: a running cycle ends at its next page)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first (from pyproject.toml, with the PostgreSQL driver), so code changes reuse this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] + p['optional-dependencies']['postgres']))" > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt

COPY README.md ./
COPY scraper ./scraper
COPY storage ./storage
COPY feeds ./feeds
COPY mofcom_watch ./mofcom_watch
# The parser's regexes and the records' dataclass methods ship compiled ahead of time, keyed by the interpreter that
# made them (scraper/parse/recache.py, storage/codecache.py: `python3 dev.py recache`); they are made again here by
# the image's own Python (5 s), so every command uses them whatever Python the base has (another minor release does
# not use the checkout's at all: `parse FILE` 0.28 s of CPU instead of 0.14-0.18 s, docs/deploy.md).
# pip compiled what it installed (site-packages' __pycache__); the standard library is compiled here too, since a
# base image may ship it without bytecode and uid 10001 cannot write it: every command would compile the modules it
# imports again (measured with a stdlib stripped of its .pyc: `parse FILE` 2.4 s instead of 0.9 s, docs/deploy.md).
RUN python -c "from scraper.parse import recache; from storage import codecache; raise SystemExit(recache.main() or codecache.main())" \
 && pip install --no-cache-dir --no-deps . \
 && python -m compileall -q "$(python -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')" \
 && groupadd --system --gid 10001 mofcom \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home --shell /usr/sbin/nologin mofcom \
 && mkdir -p /data/feeds \
 && chown -R 10001:10001 /data

ENV MOFCOM_WATCH_DATA_DIR=/data \
    MOFCOM_WATCH_HOST=0.0.0.0 \
    MOFCOM_WATCH_PORT=8080

USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080

# /healthz answers 503 when the last cycle is too old or the database is unreachable (no curl in slim).
HEALTHCHECK --interval=60s --timeout=10s --start-period=120s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('MOFCOM_WATCH_PORT', '8080'), timeout=8)"]

ENTRYPOINT ["mofcom-watch"]
CMD ["serve", "--schedule"]
