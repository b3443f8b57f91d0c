class Wrapper:
    import json

    def dump(self, data):
        return self.json.dumps(data)


print(Wrapper().dump({}))
