"""gunicorn settings for production: `gunicorn -c site/gunicorn.conf.py config.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
# Load Django once in the master: a worker that is replaced after max_requests starts in
# milliseconds instead of seconds (the load test saw timeouts while workers restarted).
preload_app = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access logs would hold visitors' addresses; the reverse proxy decides what it keeps.
accesslog = None
errorlog = "-"
# gunicorn's own lines ("Invalid request from ip=...") pass the same filter as the app's, so
# no visitor's address is written (security/log_privacy.py). With a log configuration
# gunicorn would write access lines too; its access logger is silenced instead.
logconfig_dict = {
    "filters": {"no_addresses": {"()": "security.log_privacy.RedactAddresses"}},
    "root": {"level": "WARNING", "handlers": ["error_console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
    },
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "filters": ["no_addresses"],
            "stream": "ext://sys.stderr",
        },
    },
}
