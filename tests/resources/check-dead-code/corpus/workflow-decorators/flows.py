from prefect import flow, task
from celery import Celery

app = Celery("jobs")


@task
def extract():
    return [1, 2]


@flow
def pipeline():
    return extract()


@app.task
def retrain():
    return "ok"
