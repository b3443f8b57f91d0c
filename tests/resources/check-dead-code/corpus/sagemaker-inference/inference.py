import json

import joblib


def model_fn(model_dir):
    return joblib.load(f"{model_dir}/model.joblib")


def input_fn(body, content_type):
    return json.loads(body)


def predict_fn(data, model):
    return model.predict(data)


def output_fn(prediction, accept):
    return json.dumps(list(prediction))
