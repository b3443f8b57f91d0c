try:
    import apex

    HAS_APEX = True
except ImportError:
    HAS_APEX = False

try:
    import ujson as json
except ModuleNotFoundError:
    import json


def dumps(data):
    return json.dumps(data)


print(dumps({"apex": HAS_APEX}))
