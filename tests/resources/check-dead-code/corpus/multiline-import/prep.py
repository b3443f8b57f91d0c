from sklearn.preprocessing import (
    MinMaxScaler,  # expect: MLH201
    OneHotEncoder,
    StandardScaler,
)


def encoders():
    return OneHotEncoder(), StandardScaler()


print(encoders())
