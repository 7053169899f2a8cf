# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORTAL_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .
RUN DJANGO_SECRET_KEY=build-only python manage.py compile_translations \
    && DJANGO_SECRET_KEY=build-only python manage.py collectstatic --no-input
RUN useradd --system --uid 1000 portal && mkdir -p /app/media /app/var && chown -R portal /app/media /app/var
USER portal
EXPOSE 8000
CMD ["gunicorn", "-c", "coverage_portal/gunicorn.conf.py", "coverage_portal.wsgi:application", "--access-logfile", "-"]
