from evaluate import run

run(None, None)
