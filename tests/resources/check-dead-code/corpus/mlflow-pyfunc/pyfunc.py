import mlflow.pyfunc


class ChurnModel(mlflow.pyfunc.PythonModel):
    def load_context(self, context):
        self.threshold = 0.5

    def predict(self, context, model_input):
        return model_input > self.threshold


def log():
    mlflow.pyfunc.log_model("model", python_model=ChurnModel())


log()
