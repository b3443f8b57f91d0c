def nightly_job():
    print("run")
