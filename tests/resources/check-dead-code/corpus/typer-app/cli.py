import typer

app = typer.Typer()


@app.command()
def train(config: str = "params.yaml", epochs: int = 3, dry_run: bool = False):
    """学習を実行する."""
    print(config, epochs)


@app.command("predict")
def predict_command(model_path: str):
    print(model_path)


def legacy_train():  # expect: MLH206
    print("old")


if __name__ == "__main__":
    app()
