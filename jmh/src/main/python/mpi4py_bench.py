"""The mpi4py column of ./mpi4j bench (optional: used only when Debian's python3-mpi4py and python3-numpy exist).

Same operations, sizes and method as jmh/src/main/c/mpi4j_bench.c and org.mpi4j.jmh.MpiBench:
usage: mpi4py_bench.py OP SIZE BATCH WARMUP MEASURE KIND; rank 0 prints RESULT mpi4py OP SIZE seconds_per_op.
"""
import pickle
import sys
import time

import numpy as np
from mpi4py import MPI


def main():
    op, size, batch, warmup, measure, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
        int(sys.argv[5]), sys.argv[6]
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

    total = 0.0
    for it in range(warmup + measure):
        comm.Barrier()
        t0 = time.perf_counter()
        for _ in range(batch):
            once()
        t = time.perf_counter() - t0
        if it >= warmup:
            total += t
    if rank == 0:
        print("RESULT mpi4py %s %d %.6e" % (op, size, total / measure / batch), flush=True)


if __name__ == "__main__":
    main()
