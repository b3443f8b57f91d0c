class Columns:
    TARGET = "churned"
    ID = "customer_id"


def features(frame):
    return frame.drop(columns=[Columns.TARGET, Columns.ID])


print(features)
