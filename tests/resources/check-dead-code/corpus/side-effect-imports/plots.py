import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import seaborn  # expect: MLH201


def save(values, path):
    plt.plot(values)
    plt.savefig(path)


save([1, 2], "out.png")
