from __future__ import annotations

import pytest

from mlhooks._codelike import Finding, Surroundings, body_of, find_code, parse_run

PROSE = [
    "# (B, C, H, W)",
    "# shape: (batch, seq_len)",
    "# x: (B, T, D)",
    "# H * W",
    "# N x D",
    "# Accuracy: 0.93",
    "# NOTE: batch_size = 32 is tuned",
    "# 前処理: 欠損値を除去",
    "# 精度: 0.93",
    "# データ読み込み(CSV)",
    "# 損失 = 損失関数(予測, 正解)",
    "# see (above)",
    "# e.g. foo(x)",
    "# config.yaml",
    "# class label: 0 or 1",
    "# with care:",
    "# import data",
    "# y = f(x)",
    "# N = H * W",
    "# loss = -log(p)",
    "# sqrt(2/pi)",
    "# abs(float)",
    "# x * 3 == False",
    "# print",
    "# return",
    "# pass",
    "# 123",
    "# v1.2.3",
    "# https://example.com/a?b=1",
    "# >>> model.fit(X, y)",
    "# data <- read.csv('x')\n# print(data)",
    "# TODO: re-enable\n# model.compile()",
    "# Copyright 2024\n# x = load()",
    "# Usage:\n#   model.fit(X, y)",
    "# We explain\n# model.fit(X, y)\n# in prose around it",
    "# Then\n#     model.fit(X, y)",
    "# coefs_paths.shape = (n_folds, n_cs, n_features)",
    "# X.shape = (n_samples, n_features)",
    "# shape (n_samples, n_classes)",
    "# Xc = U * S * V.T",
    "# cov = V * (S^2 / n) * V.T",
    "# FMI = TP / sqrt((TP + FP) * (TP + FN))",
    "# y = x0 + x1 + 5 * x0 * x1",
    "# denominator = hessian = prob * (1 - prob)",
    "# np.finfo(float).max = 1.79e+308",
    "# we need at least as many samples as\n# min(X.shape)",
    "# gives the same results as\n# clf.predict_log_proba(X)",
    "# the posterior covariance is given by\n# sigma = (a * np.eye(n) + X.T @ X)^-1",
    "# replace this with\n#\n# from cupy.fft import __all__",
    "# 必要なサンプル数は\n# min(X.shape)",
]


@pytest.mark.parametrize("text", PROSE)
def test_prose_is_no_code(text):
    assert find_code(text.split("\n"), Surroundings()) == []


CODE = [
    ("# model.fit(X, y)", "a call to model.fit()"),
    ("# df = df.dropna()", "an assignment to df"),
    ("# x += 1", "an update of x"),
    ("# import torch.nn as nn", "an import of torch.nn"),
    ("# from sklearn import svm", "an import from sklearn"),
    ("# def train(model):", "a definition of train"),
    ("# class Net(nn.Module):\n#     pass", "a definition of Net"),
    ("# for x in loader:\n#     step(x)", "a for loop"),
    ("# while not done:", "a while loop"),
    ("# if debug:\n#     print(x)", "an if statement"),
    ("# if x is None:", "an if statement"),
    ("# with torch.no_grad():", "a with statement (torch.no_grad())"),
    ("# try:", "a try statement"),
    ("# else:", "an else branch"),
    ("# except ValueError:\n#     pass", "an except clause"),
    ("# @app.command()", "a decorator (@app.command())"),
    ("# return self.fc(x)", "a return statement"),
    ("# raise ValueError('x')", "a raise statement"),
    ("# del model", "a del statement"),
    ("# assert len(x) == 3", "an assert statement"),
    ("# x: int = 10", "an assignment to x"),
    ("# self.lr = 0.1", "an assignment to self.lr"),
    ("# [x for x in y]", "an expression"),
    ("# print('前処理')", "a call to print()"),
    ("# 結果 = model.predict(X)", "an assignment to 結果"),
    ("# x = foo(", "an assignment to x"),
    ("# model.fit(\n#     X, y,\n# )", "a call to model.fit()"),
    ("# X.dtype = np.float32", "an assignment to X.dtype"),
    ("# self.shape = x.shape", "an assignment to self.shape"),
    ("# y = np.sqrt(x) * 2", "an assignment to y"),
    ("# B, T, C = x.shape", "an assignment to (B, T, C)"),
]


@pytest.mark.parametrize(("text", "why"), CODE)
def test_code_says_what_it_is(text, why):
    lines = text.split("\n")
    assert find_code(lines, Surroundings()) == [Finding(0, len(lines), why, True)]


@pytest.mark.parametrize(
    "text", ["# lr = 0.001", "# return x", "# if debug:", "# @property", "# x = y"]
)
def test_ambiguous_lines_need_report_ambiguous(text):
    assert find_code([text], Surroundings()) == []
    assert len(find_code([text], Surroundings(report_ambiguous=True))) == 1


@pytest.mark.parametrize("text", ["# lr = 0.01", "# lr = lr * 0.1", "# lr = 2 * x"])
def test_an_assignment_next_to_the_same_name_is_an_alternative_value(text):
    around = Surroundings(neighbors=frozenset({"lr"}))
    expected = [Finding(0, 1, "an alternative value for lr", True)]
    assert find_code([text], around) == expected


@pytest.mark.parametrize(
    "text",
    [
        "# lr = (a, b)",
        "# lr = U * S * V.T",
        "# lr = x0 + x1 + 5 * x0 * x1",
        "# lr = (f(x + eps) - f(x - eps)) / (2*eps)",
        "# lr = rate = base * (1 - decay)",
    ],
)
def test_a_note_next_to_the_same_name_is_no_alternative_value(text):
    assert find_code([text], Surroundings(neighbors=frozenset({"lr"}))) == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("# dropout=0.5,", "an argument (dropout=...)"),
        ("# 'income',", "an element ('income')"),
        ('# "max_depth": 6,', "a dict entry ('max_depth')"),
        ("# nn.ReLU(),", "an element (nn.ReLU())"),
    ],
)
def test_entries_inside_brackets(text, why):
    assert find_code([text], Surroundings(in_brackets=True)) == [
        Finding(0, 1, why, True)
    ]
    assert find_code(["# in pixels"], Surroundings(in_brackets=True)) == []
    assert find_code(["# 224"], Surroundings(in_brackets=True)) == []


def test_mixed_blocks_report_the_code_lines_not_whole():
    lines = ["# Old approach (slow)", "# x = slow()", "#", "# y = x.mean()"]
    assert find_code(lines, Surroundings()) == [
        Finding(1, 4, "an assignment to x", False)
    ]
    lines = ["# Disable the cache", "# cache.clear()"]  # no sentence left open
    assert find_code(lines, Surroundings()) == [
        Finding(1, 2, "a call to cache.clear()", False)
    ]


def test_a_comment_inside_commented_code_belongs_to_it():
    lines = ["# def f(x):", "#     # scale", "#     return x * 2"]
    assert find_code(lines, Surroundings()) == [
        Finding(0, 3, "a definition of f", True)
    ]
    assert body_of("# # scale") == " # scale"


def test_parse_run_says_where_parsing_stops():
    assert parse_run(["x = 1", "the model is trained"], Surroundings()) == 1
