from lightning.pytorch.cli import LightningCLI

from models import AutoEncoder


def cli_main():
    LightningCLI(AutoEncoder)


if __name__ == "__main__":
    cli_main()
