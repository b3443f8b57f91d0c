import json


def read(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
        size = len(data)  # expect: MLH202
    return data


print(read)
