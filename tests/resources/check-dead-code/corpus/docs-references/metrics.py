def compute_metrics(y, p):
    return {"n": len(y)}


def draft_metric(y, p):  # expect: MLH206
    return 0
