"""The client half of ``tests/zygote.py``, run as ``python -S tests/zygote_launch.py SOCKET ARGS...``.

Stands where ``python -m mofcom_watch ARGS...`` would: hands its own standard input, output and error (the
descriptors, via SCM_RIGHTS), its argv, environment, working folder and umask to the zygote, which forks a
mofcom-watch process that has them; then waits and exits as that process did (its exit code, or killed by the
same signal). SIGTERM, SIGINT and SIGHUP sent to this process are passed on to it. Anything the zygote cannot
reproduce (see ``tests/zygote.py``), or no zygote at all: this process becomes ``python -m mofcom_watch ARGS...``
itself (exec), so the answer is never a different one, only a slower one. Imports nothing but built-in modules:
it must start in a few milliseconds.
"""

import _socket
import os
import resource
import signal
import sys


def real(args):
    os.execv(sys.executable, [sys.executable, "-m", "mofcom_watch", *args])


def payload(args):
    fds = sorted(int(name) for name in os.listdir("/proc/self/fd"))
    umask = os.umask(0o022)
    os.umask(umask)
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2,
               signal.SIGALRM, signal.SIGCHLD)
    flags = [
        ",".join("ign" if signal.getsignal(s) == signal.SIG_IGN else "dfl" for s in signals),  # = zygote.ignored()
        ";".join("%d,%d" % resource.getrlimit(n) for n in range(16)),
        "leader" if os.getpgrp() == os.getpid() or os.getsid(0) == os.getpid() else "member",
        ",".join(str(fd) for fd in fds),  # 0, 1, 2 and the listing's own descriptor: anything more is passed down
    ]
    streams = []
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if stream is None:
            return None
        streams += [stream.encoding, stream.errors, "1" if stream.line_buffering else "0",
                    "1" if stream.write_through else "0"]
    fields = [os.getcwd(), str(umask), *flags, *streams, str(len(args)), *args]
    fields += [f"{key}={value}" for key, value in os.environ.items()]
    return b"\0".join(os.fsencode(field) for field in fields)


def main():
    path, args = sys.argv[1], sys.argv[2:]
    data = payload(args)
    if data is None or os.environ.get("MOFCOM_TEST_NO_ZYGOTE"):
        real(args)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.connect(path)
        fds = b"".join(fd.to_bytes(4, sys.byteorder) for fd in (0, 1, 2))
        sock.sendmsg([len(data).to_bytes(8, "big") + data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
    except OSError:
        sock.close()
        real(args)
    got = b""
    child = 0
    while True:
        while b"\n" not in got:
            more = sock.recv(64)
            if not more:  # the zygote's watcher died: never an answer of our own making
                sys.stderr.write("zygote_launch: the zygote hung up before the process ended\n")
                os._exit(70)
            got += more
        line, got = got.split(b"\n", 1)
        kind, value = line[:1], line[1:]
        if kind == b"E":  # the zygote cannot reproduce this start: the real thing
            sock.close()
            real(args)
        elif kind == b"P":
            child = int(value)
            for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                signal.signal(signum, lambda signum, _frame: os.kill(child, signum))
        elif kind == b"X":
            os._exit(int(value))
        elif kind == b"S":
            signum = int(value)
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            os._exit(128 + signum)


main()
