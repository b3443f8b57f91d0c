def train_entry():
    print("train")


def serve_entry():
    print("serve")


def registry_plugin():
    return {}


def forgotten_entry():  # expect: MLH206
    print("nobody calls this")
