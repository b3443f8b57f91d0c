def make_config(lr):
    scale = 10

    class Config:
        rate = lr * scale
        name = "config"

    return Config


print(make_config(0.1).rate)
