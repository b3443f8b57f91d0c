def first_even(values):
    for value in values:
        if value % 2:
            continue
            print("odd")  # expect: MLH203
        return value
    while True:
        break
        print("never")  # expect: MLH203
    return None


print(first_even([1, 2]))
