import click


@click.group()
def cli():
    pass


@cli.command()
@click.option("--epochs", default=3)
def train(epochs):
    click.echo(epochs)


@cli.command()
@click.argument("path")
def evaluate(path):
    click.echo(path)
