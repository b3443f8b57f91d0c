import numpy as np


class TritonPythonModel:
    def initialize(self, args):
        self.scale = np.float32(2)

    def execute(self, requests):
        return [r for r in requests]
