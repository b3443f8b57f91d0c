from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/predict", methods=["POST"])
def predict():
    payload = request.get_json()
    return jsonify(score=len(payload))


@app.errorhandler(404)
def not_found(error):
    return jsonify(error=str(error)), 404
