"""Saves a large plan over and over in forked workers, for the kill test.

Run as ``python save_server.py PLAN``. It loads the plan once, then reads
commands from stdin: ``go N`` forks a worker that saves versions N, N+1, ...
(the plan's title is ``vN``) until it is killed, and prints the worker's pid;
``reap PID`` waits for a killed worker; ``save N`` saves version N itself.
Forking after loading makes each worker start saving at once. The server and
its workers are the plan's one writer: a killed worker's saves are its own, so
every save replaces whatever is there (``base_sha256 = None``) rather than
refusing a file "changed by someone else".
"""

import os
import sys
import time
from pathlib import Path

from kpidesk.planfile import load, save


def main() -> None:
    path = Path(sys.argv[1])
    plan_file = load(path)
    started = time.perf_counter()
    save(plan_file)  # warm up: the writer parses the text once
    print(f"ready {time.perf_counter() - started:.4f}", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "go":
            pid = os.fork()
            if pid == 0:
                version = int(argument)
                while True:
                    plan_file.plan.set_info("title", f"v{version}")
                    plan_file.base_sha256 = None
                    save(plan_file)
                    version += 1
            print(pid, flush=True)
        elif command == "reap":
            os.waitpid(int(argument), 0)
            print("reaped", flush=True)
        elif command == "save":
            plan_file.plan.set_info("title", f"v{argument}")
            plan_file.base_sha256 = None
            started = time.perf_counter()
            save(plan_file)
            print(f"saved {time.perf_counter() - started:.4f}", flush=True)


if __name__ == "__main__":
    main()
