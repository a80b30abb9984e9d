#!/usr/bin/env python3
"""Do idle keep-alive connections delay a new request? (web_bench.sh)

Times a new request (a fresh connection, one GET, the whole response read)
SAMPLES times with no other connection open; then opens IDLE connections that
each make one request and then stay open and silent (HTTP/1.1 keep-alive), plus
IDLE connections that connect and send nothing at all, and times the new
request again with all of them open. Prints one line per case:

  idle <case> <open> median_ms <m> p90_ms <p> max_ms <x> status <code>

Standard library only.  Usage:
  idle_keepalive.py HOST PORT PATH [--cookie C] [--idle 200] [--samples 20]
"""
import argparse
import socket
import statistics
import sys
import time


def request_bytes(host, port, path, cookie, keep_alive):
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "User-Agent: mamori-web-bench",
        "Accept: text/html",
        f"Connection: {'keep-alive' if keep_alive else 'close'}",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_response(sock):
    """Reads one HTTP/1.1 response (Content-Length or chunked); returns its status."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the headers")
        buf += chunk
    head, rest = buf.split(b"\r\n\r\n", 1)
    status = int(head.split(b" ", 2)[1])
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        headers[k.strip().lower()] = v.strip()
    if b"content-length" in headers:
        need = int(headers[b"content-length"])
        while len(rest) < need:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed inside the body")
            rest += chunk
    elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        while not rest.endswith(b"0\r\n\r\n"):
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed inside the chunked body")
            rest += chunk
    return status


def timed_request(host, port, path, cookie):
    t0 = time.perf_counter()
    with socket.create_connection((host, port), timeout=30) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.sendall(request_bytes(host, port, path, cookie, keep_alive=False))
        status = read_response(s)
    return (time.perf_counter() - t0) * 1000.0, status


def measure(host, port, path, cookie, samples):
    times, statuses = [], set()
    for _ in range(samples):
        ms, status = timed_request(host, port, path, cookie)
        times.append(ms)
        statuses.add(status)
    times.sort()
    return {
        "median": statistics.median(times),
        "p90": times[min(len(times) - 1, int(len(times) * 0.9))],
        "max": times[-1],
        "status": ",".join(str(s) for s in sorted(statuses)),
    }


def still_open(socks):
    """How many of the sockets the server has not closed (a closed one reads EOF)."""
    n = 0
    for s in socks:
        s.setblocking(False)
        try:
            data = s.recv(1)
            if data:
                n += 1  # unexpected bytes, but open
        except BlockingIOError:
            n += 1
        except OSError:
            pass
        finally:
            s.setblocking(True)
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("path")
    ap.add_argument("--cookie", default="")
    ap.add_argument("--idle", type=int, default=200)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--hold", type=float, default=1.0, help="seconds to wait with the idle connections open")
    a = ap.parse_args()

    def line(case, open_count, r):
        print(f"idle {case} {open_count} median_ms {r['median']:.2f} p90_ms {r['p90']:.2f} "
              f"max_ms {r['max']:.2f} status {r['status']}", flush=True)

    # Warm up (first-request costs are not what we measure), then the baseline.
    measure(a.host, a.port, a.path, a.cookie, 3)
    line("none", 0, measure(a.host, a.port, a.path, a.cookie, a.samples))

    kept = []
    for _ in range(a.idle):
        s = socket.create_connection((a.host, a.port), timeout=30)
        s.sendall(request_bytes(a.host, a.port, a.path, a.cookie, keep_alive=True))
        read_response(s)
        kept.append(s)
    silent = []
    for _ in range(a.idle):
        silent.append(socket.create_connection((a.host, a.port), timeout=30))
    time.sleep(a.hold)
    line("open", len(kept) + len(silent), measure(a.host, a.port, a.path, a.cookie, a.samples))
    print(f"idle still_open keepalive {still_open(kept)} silent {still_open(silent)}", flush=True)
    for s in kept + silent:
        s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
