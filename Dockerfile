# claimwatch in a container: a slim image, run as an unprivileged user, the database on a volume,
# the Discord token from the environment, the config mountable. README: "Run it in Docker".
#
#   docker build -t claimwatch .
#   docker run --rm claimwatch                     # console mode on the bundled samples
#   docker run -d --name claimwatch --restart unless-stopped \
#     -e CLAIMWATCH_DISCORD_TOKEN \
#     -v claimwatch-data:/var/lib/claimwatch \
#     -v "$PWD/config.toml:/etc/claimwatch/config.toml:ro" claimwatch
#   docker run --rm -e CLAIMWATCH_DISCORD_TOKEN -v claimwatch-data:/var/lib/claimwatch claimwatch doctor

# Pinned to a patch release: a rebuild gets the same Python until this line changes. Both stages
# use the same image, so the virtual environment built in the first runs in the second.
FROM python:3.11.14-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/claimwatch
WORKDIR /src
# Exactly what the package is built from: pyproject.toml says what is installed (the packages, their
# data files, the pinned dependencies). .dockerignore keeps everything else out of the context.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY cogs ./cogs
COPY storage ./storage
RUN /opt/claimwatch/bin/pip install .

FROM python:3.11.14-slim-bookworm
# DejaVu fonts: the timeline picture draws accented names (Konaté) with them; without them Pillow's
# built-in font can only transliterate.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 claimwatch \
    && useradd --system --uid 10001 --gid claimwatch --home-dir /var/lib/claimwatch --no-create-home \
       --shell /usr/sbin/nologin claimwatch \
    && install -d -o claimwatch -g claimwatch -m 750 /var/lib/claimwatch \
    && install -d -m 755 /etc/claimwatch
COPY --from=build /opt/claimwatch /opt/claimwatch
# The default config: the bundled samples, the database on the volume. Mount your own over it.
COPY deploy/claimwatch.toml /etc/claimwatch/config.toml
ENV PATH=/opt/claimwatch/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
# A numeric user, so that orchestrators can tell it is not root (runAsNonRoot).
USER 10001:10001
WORKDIR /var/lib/claimwatch
# The database, its WAL files and its .created marker. A new named volume takes this directory's
# owner (claimwatch); a host directory mounted here must be writable by uid 10001.
VOLUME ["/var/lib/claimwatch"]
# Any CLI command after the image name: `docker run … claimwatch doctor`, `… feeds list`, `… db backup /var/lib/claimwatch/backup.db`.
ENTRYPOINT ["python", "-m", "bot", "--config", "/etc/claimwatch/config.toml"]
CMD ["run"]
