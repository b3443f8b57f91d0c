from src.paths import relative_to_root


def test_relative_to_root():
    assert relative_to_root("/home/taro/proj/data/x.csv", "/home/taro/proj") == "data/x.csv"
