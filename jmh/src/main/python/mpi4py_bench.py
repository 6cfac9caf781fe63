"""The mpi4py column of ./mpi4j bench (optional: used only when Debian's python3-mpi4py and python3-numpy exist).

Same operations, sizes and method as jmh/src/main/c/mpi4j_bench.c and org.mpi4j.jmh.MpiBench:
usage: mpi4py_bench.py OP SIZE BATCH WARMUP MEASURE KIND [ROUNDS KERNELS_SO].
With ROUNDS and the C kernels' shared library, the C kernels run in these same processes, in turns with mpi4py, round
after round (C on small pages, and from 1 MiB C on huge pages as well), as the Java kinds take turns with C in
theirs: mpi4py's ratio is then taken against C measured on the same machine at the same time. Rank 0 prints
RESULT mpi4py OP SIZE seconds_per_op (median over the rounds), and RESULT py-c / py-chuge for the C turns.
"""
import ctypes
import pickle
import statistics
import sys
import time

import numpy as np
from mpi4py import MPI


def main():
    op, size, batch, warmup, measure, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
        int(sys.argv[5]), sys.argv[6]
    rounds = int(sys.argv[7]) if len(sys.argv) > 7 else 1
    kernels = sys.argv[8] if len(sys.argv) > 8 else None
    comm = MPI.COMM_WORLD
    rank, nprocs = comm.Get_rank(), comm.Get_size()
    if op == "allreduce":
        a, b = np.ones(size), np.zeros(size)
    else:
        a, b = np.ones(size, dtype=np.int8), np.zeros(size, dtype=np.int8)
    obj = {"a": 7, "b": 3.14} if kind == "map" else [i * 0.5 for i in range(size)]

    def once():
        if op == "pingpong":
            if rank == 0:
                comm.Send(a, dest=1, tag=0)
                comm.Recv(a, source=1, tag=0)
            elif rank == 1:
                comm.Recv(a, source=0, tag=0)
                comm.Send(a, dest=0, tag=0)
        elif op == "allreduce":
            comm.Allreduce(a, b, op=MPI.SUM)
        elif op == "bcast":
            comm.Bcast(a, root=0)
        elif op == "ring":
            reqs = [comm.Irecv(b, source=(rank - 1) % nprocs, tag=1), comm.Isend(a, dest=(rank + 1) % nprocs, tag=1)]
            MPI.Request.Waitall(reqs)
        elif op == "object":
            if rank == 0:
                comm.send(obj, dest=1, tag=0)
                comm.recv(source=1, tag=0)
            elif rank == 1:
                o = comm.recv(source=0, tag=0)
                comm.send(o, dest=0, tag=0)
        else:
            pickle.loads(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))

    def py_batch():
        for _ in range(batch):
            once()

    runners = {"mpi4py": py_batch}
    if kernels and op in ("pingpong", "allreduce", "bcast", "ring"):
        lib = ctypes.CDLL(kernels)
        lib.mpi4j_bench_alloc.restype = ctypes.c_void_p
        lib.mpi4j_bench_alloc.argtypes = [ctypes.c_long, ctypes.c_int]
        lib.mpi4j_bench_batch.argtypes = [ctypes.c_char_p, ctypes.c_long, ctypes.c_long, ctypes.c_void_p,
                                          ctypes.c_void_p, ctypes.c_void_p]
        nbytes = max(1, size * (8 if op == "allreduce" else 1))

        def c_runner(huge):
            ca, cb = lib.mpi4j_bench_alloc(nbytes, huge), lib.mpi4j_bench_alloc(nbytes, huge)
            ctypes.memset(ca, 0, nbytes)
            ctypes.memset(cb, 0, nbytes)
            name = op.encode()
            return lambda: lib.mpi4j_bench_batch(name, size, batch, ca, cb, None)

        runners["py-c"] = c_runner(0)
        if size >= (1 << 20) and op != "ring":
            runners["py-chuge"] = c_runner(1)

    def timed(run, n):
        total = 0.0
        for _ in range(n):
            comm.Barrier()
            t0 = time.perf_counter()
            run()
            total += time.perf_counter() - t0
        return total / n / batch

    for run in runners.values():   # warm-up, untimed
        timed(run, warmup)
    names = list(runners)
    per_op = {n: [] for n in names}
    for r in range(rounds):   # turns, each round in another order
        for k in range(len(names)):
            n = names[(k + r) % len(names)]
            per_op[n].append(timed(runners[n], measure))
    if rank == 0:
        for n in names:
            print("RESULT %s %s %d %.6e" % (n, op, size, statistics.median(per_op[n])), flush=True)


if __name__ == "__main__":
    main()
