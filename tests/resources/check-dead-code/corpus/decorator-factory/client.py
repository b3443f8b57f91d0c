import argparse

parser = argparse.ArgumentParser()
commands = parser.add_subparsers()


def action(subparser):
    def register(func):
        subparser.set_defaults(func=func)
        return func

    return register


@action(commands.add_parser("run"))
def do_run(args):
    print(args)


def do_stop(args):  # expect: MLH206
    print(args)


if __name__ == "__main__":
    options = parser.parse_args()
    options.func(options)
