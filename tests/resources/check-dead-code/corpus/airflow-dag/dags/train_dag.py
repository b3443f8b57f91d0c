from airflow import DAG
from airflow.operators.python import PythonOperator


def extract():
    return 1


def unused_task():  # expect: MLH206
    return 2


with DAG("train") as dag:
    PythonOperator(task_id="extract", python_callable=extract)
