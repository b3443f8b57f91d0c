from pkg.a import Helper, shared

print(shared(), Helper)
