workers = 2


def post_fork(server, worker):
    server.log.info("worker %s", worker.pid)


def when_ready(server):
    server.log.info("ready")
