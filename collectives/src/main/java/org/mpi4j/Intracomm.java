package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/** An intracommunicator (MPI_Comm over one group): COMM_WORLD, COMM_SELF, and those made from them. */
public class Intracomm extends Comm {

    Intracomm(long handle, boolean predefined) {
        super(handle, predefined);
    }

    /**
     * Wraps a native intracommunicator handle made elsewhere (interop); mpi4j frees it only if asked to.
     * The handle is not checked, as in C and mpi4py: a value that is not a live handle is undefined behaviour in MPI.
     *
     * @param handle the native handle
     * @return the new communicator
     */
    public static Intracomm fromHandle(long handle) {
        Comm c = Comm.fromHandle(handle);
        if (c != null && !(c instanceof Intracomm)) {
            throw new MPIException(ErrorClasses.ERR_COMM, "handle " + handle + " is an intercommunicator");
        }
        return (Intracomm) c;
    }

    /**
     * MPI_Comm_f2c: the communicator for a Fortran handle.
     *
     * @param f the Fortran handle
     * @return the communicator for a Fortran handle
     */
    public static Intracomm fromFortran(int f) {
        Environment.ensure();
        return fromHandle(Environment.fromFortran(LibMpi.MPI_Comm_f2c(f), f, "communicator"));
    }

    /** MPI_Comm_dup (a Cartesian or graph communicator's duplicate keeps its topology). */
    @Override
    public Intracomm dup() {
        return made(dupRc());
    }

    /** MPI_Comm_dup_with_info. */
    @Override
    public Intracomm dupWithInfo(Info info) {
        return made(dupWithInfoRc(info));
    }

    /** MPI_Comm_idup: the duplicate is the request's {@link CommRequest#getComm()} once it completes. */
    @Override
    public CommRequest<Intracomm> idup() {
        return startIdup();
    }

    /** MPI_Comm_create: an intracommunicator over {@code group}; null on processes outside it. */
    @Override
    public Intracomm create(Group group) {
        return (Intracomm) super.create(group);
    }

    /**
     * MPI_Comm_create_group: as {@link #create}, but collective only over the members of {@code group}.
     *
     * @param group the group
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the new communicator
     */
    public Intracomm createGroup(Group group, int tag) {
        long h = handle();
        return made(LibMpi.MPI_Comm_create_group(h, Args.group(group, "group"), tag, NativeScratch.get().address(0)));
    }

    /**
     * MPI_Comm_split: processes with the same {@code color} form a new communicator, ordered by {@code key};
     * MPI.UNDEFINED as color gives null.
     *
     * @param color the color: processes with the same color end up in the same communicator (MPI.UNDEFINED for none)
     * @param key the key
     * @return processes with the same {@code color} form a new communicator, ordered by {@code key}; MPI.UNDEFINED as color gives null
     */
    public Intracomm split(int color, int key) {
        long h = handle();
        return made(LibMpi.MPI_Comm_split(h, color, key, NativeScratch.get().address(0)));
    }

    /**
     * MPI_Comm_split_type: e.g. MPI.COMM_TYPE_SHARED groups processes that can share memory; MPI.UNDEFINED gives null.
     *
     * @param splitType the split type (e.g. MPI.COMM_TYPE_SHARED)
     * @param key the key
     * @return e.g. MPI.COMM_TYPE_SHARED groups processes that can share memory; MPI.UNDEFINED gives null
     */
    public Intracomm splitType(int splitType, int key) {
        return splitType(splitType, key, Info.NULL);
    }

    /**
     * MPI_Comm_split_type with info hints.
     *
     * @param splitType the split type (e.g. MPI.COMM_TYPE_SHARED)
     * @param key the key
     * @param info the info hints (Info.NULL for none)
     * @return the new communicator
     */
    public Intracomm splitType(int splitType, int key, Info info) {
        long h = handle();
        return made(LibMpi.MPI_Comm_split_type(h, splitType, key, Args.info(info), NativeScratch.get().address(0)));
    }

    // ------------------------------------------------------------------ process topologies

    /**
     * MPI_Cart_create: a Cartesian grid of {@code dims} processes; null on processes left out of the grid.
     *
     * @param dims the number of processes in each dimension
     * @param periods whether each dimension is periodic
     * @param reorder whether MPI may renumber the processes
     * @return a Cartesian grid of {@code dims} processes; null on processes left out of the grid
     */
    public Cartcomm createCart(int[] dims, boolean[] periods, boolean reorder) {
        Args.notNull(dims, "dims");
        return Cartcomm.create(this, dims, periods, reorder);
    }

    /**
     * MPI_Graph_create: a graph topology over the first {@code index.length} processes (index/edges as MPI's).
     *
     * @param index the cumulative degrees of the nodes (MPI's index array)
     * @param edges the flattened neighbour lists (MPI's edges array)
     * @param reorder whether MPI may renumber the processes
     * @return a graph topology over the first {@code index.length} processes (index/edges as MPI's)
     */
    public Graphcomm createGraph(int[] index, int[] edges, boolean reorder) {
        Args.notNull(index, "index");
        Args.notNull(edges, "edges");
        return Graphcomm.create(this, index, edges, reorder);
    }

    /**
     * MPI_Dist_graph_create_adjacent: each process names its own in-neighbours ({@code sources}) and out-neighbours
     * ({@code destinations}); weights null for MPI_UNWEIGHTED.
     *
     * @param sources the ranks this process receives from
     * @param sourceWeights the weights of the incoming edges (null for unweighted)
     * @param destinations the ranks this process sends to
     * @param destWeights the weights of the outgoing edges (null for unweighted)
     * @param info the info hints (Info.NULL for none)
     * @param reorder whether MPI may renumber the processes
     * @return each process names its own in-neighbours ({@code sources}) and out-neighbours ({@code destinations}); weights null for MPI_UNWEIGHTED
     */
    public Distgraphcomm createDistGraphAdjacent(int[] sources, int[] sourceWeights, int[] destinations,
                                                 int[] destWeights, Info info, boolean reorder) {
        Args.notNull(sources, "sources");
        Args.notNull(destinations, "destinations");
        return Distgraphcomm.createAdjacent(this, sources, sourceWeights, destinations, destWeights, info, reorder);
    }

    /**
     * MPI_Dist_graph_create_adjacent, unweighted, no hints.
     *
     * @param sources the ranks this process receives from
     * @param destinations the ranks this process sends to
     * @param reorder whether MPI may renumber the processes
     * @return MPI_Dist_graph_create_adjacent, unweighted, no hints
     */
    public Distgraphcomm createDistGraphAdjacent(int[] sources, int[] destinations, boolean reorder) {
        Args.notNull(sources, "sources");
        Args.notNull(destinations, "destinations");
        return createDistGraphAdjacent(sources, null, destinations, null, Info.NULL, reorder);
    }

    /**
     * MPI_Dist_graph_create: each process contributes any edges: {@code sources[i]} has {@code degrees[i]} edges to
     * the next entries of {@code destinations}; weights (one per edge) null for MPI_UNWEIGHTED.
     *
     * @param sources the ranks this process receives from
     * @param degrees the number of neighbours of each source
     * @param destinations the ranks this process sends to
     * @param weights the weights of the edges (null for unweighted)
     * @param info the info hints (Info.NULL for none)
     * @param reorder whether MPI may renumber the processes
     * @return each process contributes any edges: {@code sources[i]} has {@code degrees[i]} edges to the next entries of {@code destinations}; weights (one per edge) null for MPI_UNWEIGHTED
     */
    public Distgraphcomm createDistGraph(int[] sources, int[] degrees, int[] destinations, int[] weights, Info info,
                                         boolean reorder) {
        Args.notNull(sources, "sources");
        Args.notNull(degrees, "degrees");
        Args.notNull(destinations, "destinations");
        return Distgraphcomm.create(this, sources, degrees, destinations, weights, info, reorder);
    }

    /**
     * MPI_Cart_map: the rank this process would have in a Cartesian grid (MPI.UNDEFINED if left out).
     *
     * @param dims the number of processes in each dimension
     * @param periods whether each dimension is periodic
     * @return the rank this process would have in a Cartesian grid (MPI.UNDEFINED if left out)
     */
    public int cartMap(int[] dims, boolean[] periods) {
        Args.notNull(dims, "dims");
        return Cartcomm.map(this, dims, periods);
    }

    /**
     * MPI_Graph_map: the rank this process would have in a graph topology (MPI.UNDEFINED if left out).
     *
     * @param index the cumulative degrees of the nodes (MPI's index array)
     * @param edges the flattened neighbour lists (MPI's edges array)
     * @return the rank this process would have in a graph topology (MPI.UNDEFINED if left out)
     */
    public int graphMap(int[] index, int[] edges) {
        Args.notNull(index, "index");
        Args.notNull(edges, "edges");
        return Graphcomm.map(this, index, edges);
    }

    /**
     * MPI_Intercomm_create: an intercommunicator between this communicator's group and another, whose leaders
     * ({@code localLeader} here, {@code remoteLeader} in {@code peerComm}) talk over {@code peerComm} with {@code tag}.
     *
     * @param localLeader the rank of the local group's leader in this communicator
     * @param peerComm the communicator the two leaders share
     * @param remoteLeader the rank of the remote group's leader in peerComm
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return an intercommunicator between this communicator's group and another, whose leaders ({@code localLeader} here, {@code remoteLeader} in {@code peerComm}) talk over {@code peerComm} with {@code tag}
     */
    public Intercomm createIntercomm(int localLeader, Intracomm peerComm, int remoteLeader, int tag) {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Intercomm_create(h, localLeader, Args.comm(peerComm, "peerComm"), remoteLeader, tag, s.address(0)));
    }

    /**
     * MPI_Scan: process i's {@code recvbuf} receives the reduction of the {@code sendbuf}s of processes 0..i.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     */
    public void scan(Object sendbuf, Object recvbuf, Op op) {
        Collectives.allreduce(this, sendbuf, recvbuf, op, 1, false);
    }

    /**
     * MPI_Iscan: starts a scan.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iscan(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.allreduce(this, sendbuf, recvbuf, op, 1, true);
    }

    /**
     * MPI_Exscan: process i's {@code recvbuf} receives the reduction over processes 0..i-1 (undefined on 0).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     */
    public void exscan(Object sendbuf, Object recvbuf, Op op) {
        Collectives.allreduce(this, sendbuf, recvbuf, op, 2, false);
    }

    /**
     * MPI_Iexscan: starts an exscan.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iexscan(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.allreduce(this, sendbuf, recvbuf, op, 2, true);
    }

    // ------------------------------------------------------------------ the object path, collectives

    /**
     * Object broadcast (mpi4py's comm.bcast): returns the root's object on every process.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param root the rank of the root process
     * @return the root's object, on every rank
     */
    public Object bcastObject(Object obj, int root) {
        return ObjectPath.bcast(this, obj, root);
    }

    /**
     * Typed object broadcast: as {@link #bcastObject(Object, int)}, the root's object cast to {@code type}.
     *
     * @param type the class the program expects
     * @param obj the object to broadcast (read at the root only)
     * @param root the root's rank
     * @param <T> the type of the result
     * @return the root's object on every process
     * @throws MPIException (MPI_ERR_TYPE) when the object is of another class
     */
    public <T> T bcastObject(Class<T> type, T obj, int root) {
        return ObjectPath.as(type, ObjectPath.bcast(this, obj, root));
    }

    /**
     * Object gather (mpi4py's comm.gather): the list of every process's object at the root, null elsewhere.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param root the rank of the root process
     * @return every rank's object in rank order at the root; null elsewhere
     */
    public java.util.List<Object> gatherObject(Object obj, int root) {
        return ObjectPath.gather(this, obj, root);
    }

    /**
     * Object scatter (mpi4py's comm.scatter): element i of the root's list (size elements) to process i.
     *
     * @param objs the objects, one per process
     * @param root the rank of the root process
     * @return this rank's element of the root's list
     */
    public Object scatterObject(java.util.List<?> objs, int root) {
        return ObjectPath.scatter(this, objs, root);
    }

    /**
     * Typed object scatter: as {@link #scatterObject(java.util.List, int)}, this process's element cast to
     * {@code type}.
     *
     * @param type the class the program expects
     * @param objs the root's list, one element per process (read at the root only)
     * @param root the root's rank
     * @param <T> the type of the result
     * @return element {@code rank} of the root's list
     * @throws MPIException (MPI_ERR_TYPE) when the element is of another class
     */
    public <T> T scatterObject(Class<T> type, java.util.List<? extends T> objs, int root) {
        return ObjectPath.as(type, ObjectPath.scatter(this, objs, root));
    }

    /**
     * Object allgather (mpi4py's comm.allgather): the list of every process's object, everywhere.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @return every rank's object, in rank order
     */
    public java.util.List<Object> allgatherObject(Object obj) {
        return ObjectPath.allgather(this, obj);
    }

    /**
     * Object alltoall (mpi4py's comm.alltoall): element j of my list goes to j; returns what each process sent me.
     *
     * @param objs the objects, one per process
     * @return the objects each rank sent to this one, in rank order
     */
    public java.util.List<Object> alltoallObject(java.util.List<?> objs) {
        return ObjectPath.alltoall(this, objs);
    }

    /**
     * Object reduce (mpi4py's comm.reduce) with a Java function, in rank order: the result at the root, null elsewhere.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the reduction operation (a predefined Op such as Op.SUM, or one made with Op.create)
     * @param root the rank of the root process
     * @return the reduction at the root; null elsewhere
     */
    public Object reduceObject(Object obj, java.util.function.BinaryOperator<Object> op, int root) {
        return ObjectPath.reduce(this, obj, op, root);
    }

    /**
     * Object reduce with an {@link Op} (predefined ops on numbers, or a user op's object form).
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the operation
     * @param root the rank of the root process
     * @return the reduction at the root; null elsewhere
     */
    public Object reduceObject(Object obj, Op op, int root) {
        return ObjectPath.reduce(this, obj, checked(op)::apply, root);
    }

    /**
     * Object allreduce (mpi4py's comm.allreduce) with a Java function, in rank order.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the reduction operation (a predefined Op such as Op.SUM, or one made with Op.create)
     * @return the reduction of every rank's object
     */
    public Object allreduceObject(Object obj, java.util.function.BinaryOperator<Object> op) {
        return ObjectPath.allreduce(this, obj, op);
    }

    /**
     * Object allreduce with an {@link Op}.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the operation
     * @return the reduction of every rank's object
     */
    public Object allreduceObject(Object obj, Op op) {
        return ObjectPath.allreduce(this, obj, checked(op)::apply);
    }

    /**
     * Object inclusive scan (mpi4py's comm.scan): the reduction over processes 0..rank.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the reduction operation (a predefined Op such as Op.SUM, or one made with Op.create)
     * @return the reduction over ranks 0 to this rank
     */
    public Object scanObject(Object obj, java.util.function.BinaryOperator<Object> op) {
        return ObjectPath.scan(this, obj, op, false);
    }

    /**
     * Object inclusive scan with an {@link Op}.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the operation
     * @return the reduction over ranks 0 to this rank
     */
    public Object scanObject(Object obj, Op op) {
        return ObjectPath.scan(this, obj, checked(op)::apply, false);
    }

    /**
     * Object exclusive scan (mpi4py's comm.exscan): the reduction over 0..rank-1; null on rank 0.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the reduction operation (a predefined Op such as Op.SUM, or one made with Op.create)
     * @return the reduction over ranks 0 to rank - 1; null on rank 0
     */
    public Object exscanObject(Object obj, java.util.function.BinaryOperator<Object> op) {
        return ObjectPath.scan(this, obj, op, true);
    }

    /**
     * Object exclusive scan with an {@link Op}.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param op the operation
     * @return the reduction over ranks 0 to rank - 1; null on rank 0
     */
    public Object exscanObject(Object obj, Op op) {
        return ObjectPath.scan(this, obj, checked(op)::apply, true);
    }

    // ------------------------------------------------------------------ dynamic processes

    /**
     * MPI_Comm_spawn: starts {@code maxprocs} processes running {@code command} with {@code argv}; collective over
     * this communicator, the arguments significant at {@code root} only.
     * @param command the program (a path, or a name mpiexec finds on PATH)
     * @param argv its arguments (null or empty for none)
     * @param maxprocs how many processes to start
     * @param info spawn hints (null for Info.NULL), e.g. "host", "wdir"
     * @param root the rank whose arguments count
     * @param errcodes null, or an array of at least maxprocs entries that receives each process's error code
     * @return the intercommunicator whose remote group is the new processes
     */
    public Intercomm spawn(String command, String[] argv, int maxprocs, Info info, int root, int[] errcodes) {
        long h = handle();
        checkSpawn(maxprocs, root, errcodes);
        Args.notNull(command, "command");
        Environment.requireDynamicProcesses("spawn");
        NativeScratch s = NativeScratch.get().ensure(64 + 4 * Math.max(maxprocs, 1));
        int rc = LibMpi.mpi4j_comm_spawn(command, argv, maxprocs, Args.info(info), root, h, s.address(0),
                errcodes != null ? s.address(64) : 0);
        if (errcodes != null) {
            for (int i = 0; i < maxprocs; i++) {
                errcodes[i] = s.getInt(64 + 4 * i);
            }
        }
        MPIException.check(rc);
        return new Intercomm(s.getHandle(0));
    }

    /**
     * MPI_Comm_spawn with no hints, root 0 and no per-process error codes.
     *
     * @param command the program to start
     * @param argv the arguments of the program
     * @param maxprocs the number of processes to start
     * @return the new intercommunicator
     */
    public Intercomm spawn(String command, String[] argv, int maxprocs) {
        return spawn(command, argv, maxprocs, null, 0, null);
    }

    /**
     * MPI_Comm_spawn_multiple: starts {@code maxprocs[i]} processes of {@code commands[i]} with {@code argvs[i]},
     * all in one new job (one remote group, ranks in order of the commands).
     * @param commands the programs
     * @param argvs the arguments of each (null, or null entries, for none)
     * @param maxprocs how many processes of each
     * @param infos hints for each (null, or null entries, for Info.NULL)
     * @param root the rank whose arguments count
     * @param errcodes null, or an array of at least the sum of maxprocs entries
     * @return the intercommunicator to the new processes
     */
    public Intercomm spawnMultiple(String[] commands, String[][] argvs, int[] maxprocs, Info[] infos, int root, int[] errcodes) {
        long h = handle();
        Args.notNull(commands, "commands");
        Args.notNull(maxprocs, "maxprocs");
        Environment.requireDynamicProcesses("spawnMultiple");
        int n = commands.length;
        if (maxprocs.length != n || (argvs != null && argvs.length != n) || (infos != null && infos.length != n)) {
            throw new MPIException(ErrorClasses.ERR_ARG, "spawnMultiple: commands has " + n + " entries, maxprocs "
                    + maxprocs.length + (argvs != null ? ", argvs " + argvs.length : "") + (infos != null ? ", infos " + infos.length : ""));
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            Args.notNull(commands[i], "commands[" + i + "]");
            if (maxprocs[i] < 0) {
                throw new MPIException(ErrorClasses.ERR_SPAWN, "spawnMultiple: maxprocs[" + i + "] is " + maxprocs[i]);
            }
            total += maxprocs[i];
        }
        checkSpawn((int) Math.min(total, Integer.MAX_VALUE), root, errcodes);
        int hs = NativeScratch.HANDLE_SIZE;
        int infosAt = 64;
        int countsAt = infosAt + 8 * n;
        int errAt = countsAt + 4 * n;
        NativeScratch s = NativeScratch.get().ensure(errAt + 4 * (int) Math.max(total, 1));
        for (int i = 0; i < n; i++) {
            s.putLong(infosAt + 8 * i, Args.info(infos == null ? null : infos[i]));
            s.putInt(countsAt + 4 * i, maxprocs[i]);
        }
        int rc = LibMpi.mpi4j_comm_spawn_multiple(commands, argvs, n, s.address(countsAt), s.address(infosAt), root, h,
                s.address(0), errcodes != null ? s.address(errAt) : 0);
        if (errcodes != null) {
            for (int i = 0; i < total; i++) {
                errcodes[i] = s.getInt(errAt + 4 * i);
            }
        }
        MPIException.check(rc);
        return new Intercomm(hs == 8 ? s.getLong(0) : s.getInt(0));
    }

    private void checkSpawn(int maxprocs, int root, int[] errcodes) {
        if (maxprocs < 1) {
            throw new MPIException(ErrorClasses.ERR_SPAWN, "maxprocs " + maxprocs + ": spawn at least one process");
        }
        if (root < 0 || root >= getSize()) {
            throw new MPIException(ErrorClasses.ERR_ROOT, "root " + root + " is out of range for a communicator of " + getSize() + " processes");
        }
        if (errcodes != null && errcodes.length < maxprocs) {
            throw new MPIException(ErrorClasses.ERR_ARG, "errcodes has " + errcodes.length + " entries for " + maxprocs + " processes");
        }
    }

    /**
     * Spawns {@code maxprocs} Java processes running {@code mainClass} (mpi4py's {@code Spawn(sys.executable, ...)}):
     * the same JDK, the same class path, this JVM's options (less a debugger agent) and the flags the launcher adds,
     * under the launcher's uncaught-exception rule, so a worker that throws aborts the job instead of hanging it.
     * Works under {@code ./mpi4j run} and under a plain mpiexec. The workers reach their parents with
     * {@link Comm#getParent()}.
     * @param mainClass the workers' main class (it must be on this JVM's class path)
     * @param args the workers' arguments
     * @param maxprocs how many workers
     * @return the intercommunicator whose remote group is the workers
     */
    public Intercomm spawnJava(Class<?> mainClass, String[] args, int maxprocs) {
        return spawnJava(Args.notNull(mainClass, "mainClass").getName(), args, maxprocs, java.util.List.of(), null, 0, null);
    }

    /**
     * As {@link #spawnJava(Class, String[], int)} with a class name, extra JVM flags for the workers, hints, root and
     * per-process error codes. A class that is not on the class path is an MPIException at every parent before
     * anything is started.
     * @param mainClass the workers' main class name
     * @param args the workers' arguments (null for none)
     * @param maxprocs how many workers
     * @param jvmFlags extra flags for the workers' JVMs, e.g. "-Xmx1g"
     * @param info spawn hints (null for Info.NULL)
     * @param root the rank whose arguments count
     * @param errcodes null, or an array of at least maxprocs entries
     * @return the intercommunicator to the workers
     */
    public Intercomm spawnJava(String mainClass, String[] args, int maxprocs, java.util.List<String> jvmFlags, Info info,
                               int root, int[] errcodes) {
        Args.notNull(mainClass, "mainClass");
        try {
            Class.forName(mainClass, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MPIException(ErrorClasses.ERR_SPAWN, "spawnJava: main class " + mainClass + " is not on the class path "
                    + System.getProperty("java.class.path"));
        }
        String[] argv = javaCommandLine(mainClass, args, jvmFlags);
        // through env: Open MPI rewrites the arguments of a program named java (see Mpirun). Open MPI counts the
        // workers against the cores even when more ranks than cores run already: allow oversubscription unless the
        // caller gave hints of their own
        if (info == null && MPI.getLibraryVersion().contains("Open MPI")) {
            try (Info oversubscribe = Info.of(java.util.Map.of("map_by", "slot:OVERSUBSCRIBE"))) {
                return spawn("/usr/bin/env", argv, maxprocs, oversubscribe, root, errcodes);
            }
        }
        return spawn("/usr/bin/env", argv, maxprocs, info, root, errcodes);
    }

    /**
     * The command line {@link #spawnJava} runs, as arguments for {@code /usr/bin/env} (spawn {@code "/usr/bin/env"} with
     * them, e.g. one entry per command of {@link #spawnMultiple}): this JDK's java, the launcher's flags, this JVM's
     * options (less a debugger agent), {@code jvmFlags}, this class path, the uncaught-exception wrapper, the main class
     * and its arguments.
     * @param mainClass the main class name
     * @param args its arguments (null for none)
     * @param jvmFlags extra JVM flags (null for none)
     * @return the arguments, the java executable first
     */
    public static String[] javaCommandLine(String mainClass, String[] args, java.util.List<String> jvmFlags) {
        java.util.List<String> argv = new java.util.ArrayList<>();
        argv.add(System.getProperty("java.home") + java.io.File.separator + "bin" + java.io.File.separator + "java");
        java.util.List<String> mine = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String f : org.mpi4j.run.Mpirun.defaultJvmFlags()) {
            if (!mine.contains(f)) {
                argv.add(f);
            }
        }
        for (String f : mine) {
            if (!f.startsWith("-agentlib:jdwp") && !f.startsWith("-Xrunjdwp")) {
                argv.add(f);
            }
        }
        argv.addAll(jvmFlags == null ? java.util.List.of() : jvmFlags);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(org.mpi4j.run.RankMain.class.getName());
        argv.add(mainClass);
        if (args != null) {
            argv.addAll(java.util.List.of(args));
        }
        return argv.toArray(new String[0]);
    }

    /**
     * MPI_Comm_accept: waits at {@code root} for a connect to {@code port} (from {@link MPI#openPort}); collective.
     * @param port the port name
     * @param info hints (null for Info.NULL)
     * @param root the rank that listens
     * @return the intercommunicator to the connecting group
     */
    public Intercomm accept(String port, Info info, int root) {
        long h = handle();
        Args.notNull(port, "port");
        Environment.requireDynamicProcesses("accept");
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_accept(port, Args.info(info), root, h, s.address(0)));
        return new Intercomm(s.getHandle(0));
    }

    /**
     * MPI_Comm_connect: connects to a group accepting on {@code port}; collective.
     * @param port the port name the accepting side opened (handed over by a file, lookupName...)
     * @param info hints (null for Info.NULL)
     * @param root the rank that connects
     * @return the intercommunicator to the accepting group
     */
    public Intercomm connect(String port, Info info, int root) {
        long h = handle();
        Args.notNull(port, "port");
        Environment.requireDynamicProcesses("connect");
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_connect(port, Args.info(info), root, h, s.address(0)));
        return new Intercomm(s.getHandle(0));
    }

    /** The op, after checking it is not freed: every rank must refuse it, also those that never combine two values. */
    private static Op checked(Op op) {
        Args.op(op);
        return op;
    }
}
