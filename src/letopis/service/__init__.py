"""The letopis service: a REST API over the chronicle store (FastAPI, served by uvicorn)."""

from .app import create_app

__all__ = ["create_app"]
