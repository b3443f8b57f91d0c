import requests


def fetch(url):
    return requests.get(url, timeout=5).json()


def _retry_delay():
    return 1.0
