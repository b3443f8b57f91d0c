from flask import Flask, render_template

app = Flask(__name__)


@app.get("/")
def index():
    return render_template("index.html")


def format_score(value):
    return f"{value:.2f}"


app.jinja_env.filters["format_score"] = format_score
