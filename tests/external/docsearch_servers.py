"""Start query_service and ingest_service on ephemeral ports and wait for health.

Shared by the external tests. The binaries come from the environment that
ctest sets (DOCSEARCH_QUERY_SERVICE, DOCSEARCH_INGEST_SERVICE); the generated
Python stubs from DOCSEARCH_PY_STUBS, which must be on sys.path before the
stubs are imported (see add_stubs_to_path).

    with Servers(work_dir=tmp, data_dir=tmp + "/data") as servers:
        channel = servers.query_channel
        ...
        codes = servers.stop()   # SIGTERM to both: {name: exit code}
"""

import os
import signal
import subprocess
import sys
import time

SKIP = 77  # ctest SKIP_RETURN_CODE


def add_stubs_to_path():
    stubs = os.environ.get("DOCSEARCH_PY_STUBS", "")
    if not os.path.isfile(os.path.join(stubs, "health_pb2.py")):
        sys.exit("generated stubs missing in DOCSEARCH_PY_STUBS=%r: "
                 "build the docsearch_py_stubs target first" % stubs)
    sys.path.insert(0, stubs)


def required_env(name):
    value = os.environ.get(name, "")
    if not value:
        sys.exit("%s is not set (ctest sets it; see tests/external/CMakeLists.txt)" % name)
    return value


class Server:
    """One server process started with --listen=127.0.0.1:0 --port_file=..."""

    def __init__(self, name, binary, work_dir, flags):
        self.name = name
        self.port_file = os.path.join(work_dir, name + ".port")
        self.log_path = os.path.join(work_dir, name + ".log")
        self.log = open(self.log_path, "wb")
        self.args = [binary, "--listen=127.0.0.1:0", "--port_file=" + self.port_file] + flags
        self.process = subprocess.Popen(self.args, stdout=self.log, stderr=subprocess.STDOUT)
        self.port = None

    @property
    def address(self):
        return "127.0.0.1:%d" % self.port

    def log_text(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def fail(self, what):
        raise RuntimeError("%s: %s\ncommand: %s\n--- log ---\n%s"
                           % (self.name, what, " ".join(self.args), self.log_text()))

    def wait_for_port(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail("exited with %d before writing its port file" % self.process.returncode)
            try:
                with open(self.port_file) as f:
                    text = f.read().strip()
                if text:
                    self.port = int(text)
                    return
            except FileNotFoundError:
                pass
            time.sleep(0.05)
        self.fail("no port file after %.0f s" % timeout)

    def wait_for_serving(self, channel, timeout):
        import grpc
        import health_pb2
        import health_pb2_grpc
        stub = health_pb2_grpc.HealthStub(channel)
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail("exited with %d while waiting for SERVING" % self.process.returncode)
            try:
                reply = stub.Check(health_pb2.HealthCheckRequest(), timeout=1)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return
                last = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
            except grpc.RpcError as e:
                last = "%s %s" % (e.code(), e.details())
            time.sleep(0.1)
        self.fail("not SERVING after %.0f s (last: %s)" % (timeout, last))

    def send_sigterm(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def wait_exit(self, deadline):
        """The exit code, or None (and SIGKILL) if still running at deadline."""
        try:
            return self.process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None
        finally:
            self.log.close()


class Servers:
    """query_service (memory only unless data_dir) and ingest_service feeding it."""

    def __init__(self, work_dir, data_dir="", start_timeout=30):
        """Port files and logs go to work_dir, which the caller removes."""
        import grpc
        self.work_dir = work_dir
        self.query = Server("query_service", required_env("DOCSEARCH_QUERY_SERVICE"),
                            self.work_dir, ["--data_dir=" + data_dir])
        self.ingest = None
        try:
            self.query.wait_for_port(start_timeout)
            self.query_channel = grpc.insecure_channel(self.query.address)
            self.query.wait_for_serving(self.query_channel, start_timeout)
            self.ingest = Server("ingest_service", required_env("DOCSEARCH_INGEST_SERVICE"),
                                 self.work_dir, ["--query_service=" + self.query.address])
            self.ingest.wait_for_port(start_timeout)
            self.ingest_channel = grpc.insecure_channel(self.ingest.address)
            self.ingest.wait_for_serving(self.ingest_channel, start_timeout)
        except BaseException:
            self.stop()
            raise

    def logs(self):
        return "\n".join("--- %s log ---\n%s" % (s.name, s.log_text())
                         for s in (self.query, self.ingest) if s is not None)

    def stop(self, timeout=10):
        """SIGTERMs both at once; {name: exit code, or None if not gone within timeout}.

        Our channels stay open on purpose, as a real client's would: gRPC's
        drain waits for connected clients, so each server takes its whole
        --shutdown_grace (5 s by default) before it exits.
        """
        running = [s for s in (self.ingest, self.query) if s is not None and not s.log.closed]
        for server in running:
            server.send_sigterm()
        deadline = time.monotonic() + timeout
        codes = {server.name: server.wait_exit(deadline) for server in running}
        for name in ("ingest_channel", "query_channel"):
            if hasattr(self, name):
                getattr(self, name).close()
        return codes

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
