package org.mpi4j.io;

import org.mpi4j.Datatype;
import org.mpi4j.Errhandler;
import org.mpi4j.Group;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.NativeCalls;
import org.mpi4j.Request;
import org.mpi4j.Status;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_File: a file opened collectively by the processes of an intracommunicator (MPI-IO).
 *
 * <p>Management: {@link #open}, {@link #close} (AutoCloseable), {@link #delete}, {@link #setSize},
 * {@link #preallocate}, {@link #getSize}, {@link #getAmode}, {@link #getGroup}, {@link #setInfo}/{@link #getInfo},
 * {@link #sync}, {@link #setAtomicity}/{@link #getAtomicity}, views ({@link #setView}, {@link #getView},
 * {@link #getTypeExtent}, {@link #getByteOffset}), error handlers.
 *
 * <p>Data access, every routine of MPI-IO: explicit offsets ({@code readAt}, {@code readAtAll}, {@code writeAt},
 * {@code writeAtAll} and their nonblocking {@code i*} forms), the individual file pointer ({@code read},
 * {@code readAll}, {@code write}, {@code writeAll}, {@code iread}..., {@link #seek}, {@link #getPosition}), the
 * shared file pointer ({@code readShared}, {@code writeShared}, {@code ireadShared}, {@code iwriteShared},
 * {@code readOrdered}, {@code writeOrdered}, {@link #seekShared}, {@link #getPositionShared}) and split collectives
 * ({@code *Begin} / {@code *End}). Offsets count etypes of the current view (bytes for the default view). A
 * {@link Status} given to a call receives the amount moved: {@code status.getCount(datatype)} elements (fewer than
 * asked when a read reaches the end of the file).
 *
 * <p>Buffers are anything {@link Buffers} resolves (arrays, NIO buffers, {@code BufferSpec}, Arrow vectors, ND4J
 * arrays), with the same bounds checks as messages. Java heap arrays are never pinned while MPI works: blocking
 * calls stage them in native memory (a read lands only the bytes that arrived), nonblocking calls and split
 * collectives keep staging memory bound to their request until it completes. Off-heap memory goes to MPI by address.
 *
 * <p>Errors: files opened here get MPI_ERRORS_RETURN (MPI's default for files), so every failure is an
 * {@link org.mpi4j.MPIException} whose message names the MPI call and the path; a closed file is one too
 * (MPI_ERR_FILE), and so is a write to a MODE_RDONLY file (MPI_ERR_READ_ONLY) or a read of a MODE_WRONLY one
 * (MPI_ERR_ACCESS), refused in Java on every process alike.
 *
 * <p>Reading past the end of the file, with Open MPI 4.1 (its ompio component): blocking independent reads
 * ({@code readAt}, {@code read}, {@code readShared}) stop at the end and their status counts what was read, the
 * rest of the buffer keeps its values; collective reads may count what was asked and fill the rest with zeros
 * (open-mpi/ompi#14015); nonblocking reads and split collective reads that reach the end never complete. Read
 * within {@link #getSize()} with those.
 */
public final class File implements AutoCloseable {
    /** MPI_MODE_RDONLY: read only. */
    public static final int MODE_RDONLY = LibMpi.MPI_MODE_RDONLY();
    /** MPI_MODE_RDWR: reading and writing. */
    public static final int MODE_RDWR = LibMpi.MPI_MODE_RDWR();
    /** MPI_MODE_WRONLY: write only. */
    public static final int MODE_WRONLY = LibMpi.MPI_MODE_WRONLY();
    /** MPI_MODE_CREATE: create the file if it does not exist. */
    public static final int MODE_CREATE = LibMpi.MPI_MODE_CREATE();
    /** MPI_MODE_EXCL: error if creating a file that already exists. */
    public static final int MODE_EXCL = LibMpi.MPI_MODE_EXCL();
    /** MPI_MODE_DELETE_ON_CLOSE: delete the file on close. */
    public static final int MODE_DELETE_ON_CLOSE = LibMpi.MPI_MODE_DELETE_ON_CLOSE();
    /** MPI_MODE_UNIQUE_OPEN: the file will not be opened concurrently elsewhere. */
    public static final int MODE_UNIQUE_OPEN = LibMpi.MPI_MODE_UNIQUE_OPEN();
    /** MPI_MODE_SEQUENTIAL: the file will only be accessed sequentially. */
    public static final int MODE_SEQUENTIAL = LibMpi.MPI_MODE_SEQUENTIAL();
    /** MPI_MODE_APPEND: all file pointers start at the end of the file. */
    public static final int MODE_APPEND = LibMpi.MPI_MODE_APPEND();
    /** MPI_SEEK_SET: the pointer is set to the offset. */
    public static final int SEEK_SET = LibMpi.MPI_SEEK_SET();
    /** MPI_SEEK_CUR: the pointer is set to its current position plus the offset. */
    public static final int SEEK_CUR = LibMpi.MPI_SEEK_CUR();
    /** MPI_SEEK_END: the pointer is set to the end of the file plus the offset. */
    public static final int SEEK_END = LibMpi.MPI_SEEK_END();
    /** MPI_DISPLACEMENT_CURRENT: for {@link #setView} in MODE_SEQUENTIAL files, the current position. */
    public static final long DISPLACEMENT_CURRENT = LibMpi.MPI_DISPLACEMENT_CURRENT();

    private static final long NULL = LibMpi.MPI_FILE_NULL();
    private static final int DATAREP_MAX = LibMpi.MPI_MAX_DATAREP_STRING();

    private long handle;
    private final String path;
    /** The access mode, read once: writes to a MODE_RDONLY file and reads of a MODE_WRONLY one fail in Java. */
    private final int amode;
    /** The buffer and request of the split collective in progress (MPI allows one per file). */
    private Object splitBuf;
    private Request split;
    private long splitAddress;
    private String splitCall;

    private File(long handle, String path) {
        this.handle = handle;
        this.path = path;
        NativeScratch s = NativeScratch.get();
        this.amode = LibMpi.MPI_File_get_amode(handle, s.address(0)) == 0 ? s.getInt(0) : 0;
    }

    /**
     * Refuses a write to a MODE_RDONLY file or a read of a MODE_WRONLY one before MPI sees it: every process opened
     * the file with the same mode, so all refuse together (Open MPI 4.1 fails a collective write on a read-only file
     * on some processes only, and the others wait forever).
     */
    private void checkAccess(String call, boolean receive) {
        if (!receive && (amode & MODE_RDONLY) != 0) {
            throw FileException.local(FileErrors.ERR_READ_ONLY, call, path, "the file was opened MODE_RDONLY");
        }
        if (receive && (amode & MODE_WRONLY) != 0) {
            throw FileException.local(FileErrors.ERR_ACCESS, call, path, "the file was opened MODE_WRONLY");
        }
    }

    /**
     * A view of this file: MPI_File_get_view's displacement (bytes), etype, filetype and data representation.
     *
     * @param displacement the byte offset in the file where the view starts
     * @param etype the elementary type of the view
     * @param filetype the file type (where the view sees data)
     * @param datarep the data representation ("native")
     */
    public record View(long displacement, Datatype etype, Datatype filetype, String datarep) { }

    // ------------------------------------------------------------------ management

    /**
     * MPI_File_open: opens {@code path} on every process of {@code comm} (collective; all pass the same path and
     * amode).
     *
     * @param comm  the processes that open the file together
     * @param path  the file name (a plain path; relative paths are resolved by the MPI library's working directory)
     * @param amode MODE_* flags or'ed together: exactly one of MODE_RDONLY, MODE_RDWR, MODE_WRONLY
     * @param info  hints (striping, collective buffering...), or {@link Info#NULL}
     * @return the open file, with MPI_ERRORS_RETURN as its error handler
     */
    public static File open(Intracomm comm, String path, int amode, Info info) {
        long c = comm.handle();
        long i = info.handle();
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_open(c, path, amode, i, s.address(0)), "MPI_File_open", path);
        // MPI_File is a pointer in MPICH, where the other handles are ints: read with the file handle's width
        File f = new File(s.getFileHandle(0), path);
        f.setErrhandler(Errhandler.ERRORS_RETURN);
        return f;
    }

    /**
     * MPI_File_open without hints: {@code open(comm, path, amode, Info.NULL)}.
     *
     * @param comm the communicator
     * @param path the path of the file
     * @param amode the access mode (MPI.MODE_* flags ORed together)
     * @return {@code open(comm, path, amode, Info.NULL)}
     */
    public static File open(Intracomm comm, String path, int amode) {
        return open(comm, path, amode, Info.NULL);
    }

    /**
     * MPI_File_delete: deletes a file that no process has open.
     *
     * @param path the file name
     * @param info hints, or {@link Info#NULL}
     */
    public static void delete(String path, Info info) {
        long i = info.handle();
        FileException.check(LibMpi.MPI_File_delete(path, i), "MPI_File_delete", path);
    }

    /**
     * MPI_File_delete without hints.
     *
     * @param path the path of the file
     */
    public static void delete(String path) {
        delete(path, Info.NULL);
    }

    /**
     * Wraps a native MPI_File handle opened elsewhere (interop); the handle is not checked, as in C and mpi4py.
     *
     * @param handle a live MPI_File
     * @param path   the name to use in error messages
     * @return the file
     */
    public static File fromHandle(long handle, String path) {
        MPI.COMM_WORLD.handle();
        return new File(handle, path);
    }

    /**
     * MPI_File_f2c: the file for a Fortran handle (its path shown as "(Fortran file N)" in error messages).
     *
     * @param f the Fortran handle
     * @return the file for a Fortran handle (its path shown as "(Fortran file N)" in error messages)
     */
    public static File fromFortran(int f) {
        MPI.COMM_WORLD.handle();
        long h = LibMpi.MPI_File_f2c(f);
        if (h == NULL) {
            throw FileException.local(FileErrors.ERR_FILE, "MPI_File_f2c", "Fortran file " + f, "not a file handle");
        }
        return new File(h, "(Fortran file " + f + ")");
    }

    /**
     * MPI_File_c2f: this file's Fortran handle.
     *
     * @return this file's Fortran handle
     */
    public int toFortran() {
        return LibMpi.MPI_File_c2f(handle("MPI_File_c2f"));
    }

    /**
     * The native MPI_File handle; throws an MPIException (MPI_ERR_FILE) once closed.
     *
     * @return the native MPI_File handle; throws an MPIException (MPI_ERR_FILE) once closed
     */
    public long handle() {
        return handle("handle");
    }

    private long handle(String call) {
        long h = handle;
        if (h == NULL) {
            throw FileException.local(FileErrors.ERR_FILE, call, path, "the file is closed");
        }
        return h;
    }

    /**
     * The path this file was opened with.
     *
     * @return the path this file was opened with
     */
    public String getPath() {
        return path;
    }

    /**
     * True once closed.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return handle == NULL;
    }

    /** MPI_File_close: closes the file (collective); a second close does nothing. */
    @Override
    public void close() {
        if (handle == NULL) {
            return;
        }
        NativeScratch s = NativeScratch.get();
        s.putFileHandle(0, handle);
        int rc = LibMpi.MPI_File_close(s.address(0));
        FileException.check(rc, "MPI_File_close", path);
        handle = NULL;
        if (split != null) {
            NativeCalls.release(split);
            split = null;
            splitBuf = null;
        }
    }

    /**
     * MPI_File_set_size: truncates or extends the file to {@code size} bytes (collective).
     *
     * @param size the new size in bytes
     */
    public void setSize(long size) {
        FileException.check(LibMpi.MPI_File_set_size(handle("MPI_File_set_size"), size), "MPI_File_set_size", path);
    }

    /**
     * MPI_File_preallocate: makes sure the first {@code size} bytes of the file have storage (collective).
     *
     * @param size bytes to allocate
     */
    public void preallocate(long size) {
        FileException.check(LibMpi.MPI_File_preallocate(handle("MPI_File_preallocate"), size), "MPI_File_preallocate", path);
    }

    /**
     * MPI_File_get_size: the file's size in bytes.
     *
     * @return the file's size in bytes
     */
    public long getSize() {
        long h = handle("MPI_File_get_size");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_size(h, s.address(0)), "MPI_File_get_size", path);
        return s.getLong(0);
    }

    /**
     * MPI_File_get_amode: the MODE_* flags the file was opened with.
     *
     * @return the MODE_* flags the file was opened with
     */
    public int getAmode() {
        long h = handle("MPI_File_get_amode");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_amode(h, s.address(0)), "MPI_File_get_amode", path);
        return s.getInt(0);
    }

    /**
     * MPI_File_get_group: the group of the processes that opened the file (free it when done).
     *
     * @return the group of the processes that opened the file (free it when done)
     */
    public Group getGroup() {
        long h = handle("MPI_File_get_group");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_group(h, s.address(0)), "MPI_File_get_group", path);
        return Group.fromHandle(s.getHandle(0));
    }

    /**
     * MPI_File_set_info: gives the file new hints (collective).
     *
     * @param info the hints
     */
    public void setInfo(Info info) {
        long i = info.handle();
        FileException.check(LibMpi.MPI_File_set_info(handle("MPI_File_set_info"), i), "MPI_File_set_info", path);
    }

    /**
     * MPI_File_get_info: the hints in use (a new Info: free it when done).
     *
     * @return the hints in use (a new Info: free it when done)
     */
    public Info getInfo() {
        long h = handle("MPI_File_get_info");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_info(h, s.address(0)), "MPI_File_get_info", path);
        return Info.fromHandle(s.getHandle(0));
    }

    /** MPI_File_sync: writes what this process wrote to the storage device (collective). */
    public void sync() {
        FileException.check(LibMpi.MPI_File_sync(handle("MPI_File_sync")), "MPI_File_sync", path);
    }

    /**
     * MPI_File_set_atomicity: sequential consistency for conflicting accesses from different processes (collective).
     *
     * @param atomic true for atomic mode
     */
    public void setAtomicity(boolean atomic) {
        FileException.check(LibMpi.MPI_File_set_atomicity(handle("MPI_File_set_atomicity"), atomic ? 1 : 0),
                "MPI_File_set_atomicity", path);
    }

    /**
     * MPI_File_get_atomicity: true in atomic mode.
     *
     * @return true in atomic mode
     */
    public boolean getAtomicity() {
        long h = handle("MPI_File_get_atomicity");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_atomicity(h, s.address(0)), "MPI_File_get_atomicity", path);
        return s.getInt(0) != 0;
    }

    /**
     * MPI_File_set_view: what part of the file this process sees, and how (collective; resets the file pointers).
     *
     * @param disp     where the view starts, in bytes from the start of the file
     * @param etype    the unit of offsets and positions (a committed datatype)
     * @param filetype the pattern of this process's etypes in the file, tiled from disp (a committed datatype)
     * @param datarep  "native", "internal" or "external32" (as the MPI library supports them)
     * @param info     hints, or {@link Info#NULL}
     */
    public void setView(long disp, Datatype etype, Datatype filetype, String datarep, Info info) {
        long h = handle("MPI_File_set_view");
        if (datarep == null) {
            throw FileException.local(FileErrors.ERR_UNSUPPORTED_DATAREP, "MPI_File_set_view", path, "datarep is null");
        }
        FileException.check(LibMpi.MPI_File_set_view(h, disp, etype.handle(), filetype.handle(), datarep, info.handle()),
                "MPI_File_set_view(disp " + disp + ", datarep \"" + datarep + "\")", path);
    }

    /**
     * MPI_File_set_view with the "native" representation and no hints.
     *
     * @param disp the displacement
     * @param etype the elementary type of the view
     * @param filetype the file type (where the view sees data)
     */
    public void setView(long disp, Datatype etype, Datatype filetype) {
        setView(disp, etype, filetype, "native", Info.NULL);
    }

    /**
     * MPI_File_get_view: the current view. Predefined etypes and filetypes come back as the constants; derived ones
     * are new datatypes the caller may free.
     *
     * @return the current view
     */
    public View getView() {
        long h = handle("MPI_File_get_view");
        NativeScratch s = NativeScratch.get().ensure(32 + DATAREP_MAX + 1);
        int hs = NativeScratch.HANDLE_SIZE;
        FileException.check(LibMpi.MPI_File_get_view(h, s.address(0), s.address(8), s.address(8 + hs), s.address(8 + 2 * hs)),
                "MPI_File_get_view", path);
        long disp = s.getLong(0);
        Datatype etype = NativeCalls.datatype(s.getHandle(8));
        Datatype filetype = NativeCalls.datatype(s.getHandle(8 + hs));
        return new View(disp, etype, filetype, s.getCString(8 + 2 * hs, DATAREP_MAX));
    }

    /**
     * MPI_File_get_type_extent: the extent of {@code datatype} in the file's data representation.
     *
     * @param datatype a datatype
     * @return its extent in bytes in the file
     */
    public long getTypeExtent(Datatype datatype) {
        long h = handle("MPI_File_get_type_extent");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_type_extent(h, datatype.handle(), s.address(0)), "MPI_File_get_type_extent", path);
        return s.getLong(0);
    }

    /**
     * MPI_File_get_byte_offset: the absolute byte position in the file of a view-relative offset.
     *
     * @param offset an offset in etypes of the current view
     * @return the absolute byte position in the file of a view-relative offset
     */
    public long getByteOffset(long offset) {
        long h = handle("MPI_File_get_byte_offset");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_byte_offset(h, offset, s.address(0)), "MPI_File_get_byte_offset", path);
        return s.getLong(0);
    }

    /**
     * MPI_File_set_errhandler: what MPI does when a call on this file fails. mpi4j raises exceptions only under
     * {@link Errhandler#ERRORS_RETURN} (the default); {@link Errhandler#ERRORS_ARE_FATAL} aborts the job.
     *
     * @param errhandler the handler
     */
    public void setErrhandler(Errhandler errhandler) {
        FileException.check(LibMpi.MPI_File_set_errhandler(handle("MPI_File_set_errhandler"), errhandler.handle()),
                "MPI_File_set_errhandler", path);
    }

    /**
     * MPI_File_get_errhandler: this file's error handler.
     *
     * @return this file's error handler
     */
    public Errhandler getErrhandler() {
        long h = handle("MPI_File_get_errhandler");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_errhandler(h, s.address(0)), "MPI_File_get_errhandler", path);
        return NativeCalls.errhandler(s.getHandle(0));
    }

    /**
     * MPI_File_call_errhandler: invokes this file's error handler with {@code errorcode}; under ERRORS_RETURN that
     * is an MPIException for the code.
     *
     * @param errorcode an MPI error code
     */
    public void callErrhandler(int errorcode) {
        FileException.check(LibMpi.MPI_File_call_errhandler(handle("MPI_File_call_errhandler"), errorcode), "MPI_File_call_errhandler", path);
        FileException.check(errorcode, "MPI_File_call_errhandler", path);
    }

    // ------------------------------------------------------------------ file pointers

    /**
     * MPI_File_seek: moves this process's individual file pointer.
     *
     * @param offset in etypes of the current view
     * @param whence SEEK_SET, SEEK_CUR or SEEK_END
     */
    public void seek(long offset, int whence) {
        FileException.check(LibMpi.MPI_File_seek(handle("MPI_File_seek"), offset, whence), "MPI_File_seek(" + offset + ")", path);
    }

    /**
     * MPI_File_get_position: the individual file pointer, in etypes of the current view.
     *
     * @return the individual file pointer, in etypes of the current view
     */
    public long getPosition() {
        long h = handle("MPI_File_get_position");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_position(h, s.address(0)), "MPI_File_get_position", path);
        return s.getLong(0);
    }

    /**
     * MPI_File_seek_shared: moves the shared file pointer (collective; all pass the same values).
     *
     * @param offset in etypes of the current view
     * @param whence SEEK_SET, SEEK_CUR or SEEK_END
     */
    public void seekShared(long offset, int whence) {
        FileException.check(LibMpi.MPI_File_seek_shared(handle("MPI_File_seek_shared"), offset, whence),
                "MPI_File_seek_shared(" + offset + ")", path);
    }

    /**
     * MPI_File_get_position_shared: the shared file pointer, in etypes of the current view.
     *
     * @return the shared file pointer, in etypes of the current view
     */
    public long getPositionShared() {
        long h = handle("MPI_File_get_position_shared");
        NativeScratch s = NativeScratch.get();
        FileException.check(LibMpi.MPI_File_get_position_shared(h, s.address(0)), "MPI_File_get_position_shared", path);
        return s.getLong(0);
    }

    // ------------------------------------------------------------------ the three ways to call MPI with a buffer

    /** A blocking data-access call on (address, count, datatype), filling the status at {@code status}. */
    private interface Blocking {
        int call(long fh, long buf, int count, long type, long status);
    }

    /** A nonblocking data-access call writing its MPI_Request at {@code request}. */
    private interface Starting {
        int call(long fh, long buf, int count, long type, long request);
    }

    /** A split collective's begin. */
    private interface Beginning {
        int call(long fh, long buf, int count, long type);
    }

    /** A split collective's end. */
    private interface Ending {
        int call(long fh, long buf, long status);
    }

    private void read(String call, Object buf, Status status, Blocking op) {
        long h = handle(call);
        checkAccess(call, true);
        MessageBuffer m = Buffers.forArrival(buf);   // a read can end short at the end of the file
        boolean marks = m.marksOnArrival();
        long addr = NativeCalls.recvAddress(m);
        long st = marks ? NativeCalls.arrivalStatus(status) : NativeCalls.status(status);
        int rc = op.call(h, addr, m.count(), m.datatype(), st);
        NativeCalls.landed(rc, st);
        FileException.check(rc, call, path);
        if (marks) {
            NativeCalls.arrived(m, status, st);   // Arrow: only the values read become valid
        }
    }

    private void write(String call, Object buf, Status status, Blocking op) {
        long h = handle(call);
        checkAccess(call, false);
        MessageBuffer m = Buffers.forSend(buf);
        long addr = NativeCalls.sendAddress(m);
        long st = NativeCalls.status(status);
        int rc = op.call(h, addr, m.count(), m.datatype(), st);
        NativeCalls.landed(rc, st);
        FileException.check(rc, call, path);
    }

    private Request start(String call, Object buf, boolean receive, Starting op) {
        long h = handle(call);
        checkAccess(call, receive);
        MessageBuffer m = receive ? Buffers.forRecv(buf) : Buffers.forSend(buf);
        Request r = NativeCalls.newRequest();
        long addr = NativeCalls.bind(r, m, receive);
        NativeScratch s = NativeScratch.get();
        int rc = op.call(h, addr, m.count(), m.datatype(), s.address(0));
        if (rc != 0) {
            NativeCalls.release(r);
            throw FileException.of(rc, call, path);
        }
        NativeCalls.started(r, s.getHandle(0));
        return r;
    }

    private void begin(String call, Object buf, boolean receive, Beginning op) {
        long h = handle(call);
        checkAccess(call, receive);
        if (split != null) {
            throw FileException.local(LibMpi.MPI_ERR_OTHER(), call, path, "a split collective (" + splitCall
                    + ") is still active on this file: end it first");
        }
        MessageBuffer m = receive ? Buffers.forRecv(buf) : Buffers.forSend(buf);
        Request r = NativeCalls.newRequest();
        long addr = NativeCalls.bind(r, m, receive);
        int rc = op.call(h, addr, m.count(), m.datatype());
        if (rc != 0) {
            NativeCalls.release(r);
            throw FileException.of(rc, call, path);
        }
        split = r;
        splitBuf = buf;
        splitAddress = addr;
        splitCall = call;
    }

    private void end(String call, String beginCall, Object buf, Status status, Ending op) {
        long h = handle(call);
        if (split == null || !splitCall.equals(beginCall)) {
            throw FileException.local(LibMpi.MPI_ERR_OTHER(), call, path, "no matching " + beginCall + " is active"
                    + (split == null ? "" : " (" + splitCall + " is)"));
        }
        if (buf != splitBuf) {
            throw FileException.local(LibMpi.MPI_ERR_BUFFER(), call, path, "the buffer is not the one given to " + beginCall);
        }
        Request r = split;
        int rc = op.call(h, splitAddress, status == null ? LibMpi.MPI_STATUS_IGNORE() : status.address());
        split = null;
        splitBuf = null;
        if (rc != 0) {
            NativeCalls.release(r);
            throw FileException.of(rc, call, path);
        }
        NativeCalls.completed(r);
    }

    // ------------------------------------------------------------------ explicit offsets

    /**
     * MPI_File_read_at: reads into {@code buf} at {@code offset} (etypes of the view); the file pointers do not move.
     *
     * @param offset where to read, in etypes of the current view
     * @param buf    the buffer (array, NIO buffer, BufferSpec, Arrow vector, INDArray)
     * @param status receives the count read (may be null)
     */
    public void readAt(long offset, Object buf, Status status) {
        read("MPI_File_read_at(offset " + offset + ")", buf, status, (h, b, c, t, s) -> LibMpi.MPI_File_read_at(h, offset, b, c, t, s));
    }

    /**
     * MPI_File_read_at without a status.
     *
     * @param offset the offset, in elements, of the first element used
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void readAt(long offset, Object buf) {
        readAt(offset, buf, null);
    }

    /**
     * MPI_File_read_at_all: collective {@link #readAt}.
     *
     * @param offset where this process reads, in etypes of the current view
     * @param buf    the buffer
     * @param status receives the count read (may be null)
     */
    public void readAtAll(long offset, Object buf, Status status) {
        read("MPI_File_read_at_all(offset " + offset + ")", buf, status, (h, b, c, t, s) -> LibMpi.MPI_File_read_at_all(h, offset, b, c, t, s));
    }

    /**
     * MPI_File_read_at_all without a status.
     *
     * @param offset the offset, in elements, of the first element used
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void readAtAll(long offset, Object buf) {
        readAtAll(offset, buf, null);
    }

    /**
     * MPI_File_write_at: writes {@code buf} at {@code offset}; the file pointers do not move.
     *
     * @param offset where to write, in etypes of the current view
     * @param buf    the data
     * @param status receives the count written (may be null)
     */
    public void writeAt(long offset, Object buf, Status status) {
        write("MPI_File_write_at(offset " + offset + ")", buf, status, (h, b, c, t, s) -> LibMpi.MPI_File_write_at(h, offset, b, c, t, s));
    }

    /**
     * MPI_File_write_at without a status.
     *
     * @param offset the offset, in elements, of the first element used
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void writeAt(long offset, Object buf) {
        writeAt(offset, buf, null);
    }

    /**
     * MPI_File_write_at_all: collective {@link #writeAt}.
     *
     * @param offset where this process writes, in etypes of the current view
     * @param buf    the data
     * @param status receives the count written (may be null)
     */
    public void writeAtAll(long offset, Object buf, Status status) {
        write("MPI_File_write_at_all(offset " + offset + ")", buf, status, (h, b, c, t, s) -> LibMpi.MPI_File_write_at_all(h, offset, b, c, t, s));
    }

    /**
     * MPI_File_write_at_all without a status.
     *
     * @param offset the offset, in elements, of the first element used
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void writeAtAll(long offset, Object buf) {
        writeAtAll(offset, buf, null);
    }

    /**
     * MPI_File_iread_at: starts a read at {@code offset}; {@code buf} is filled when the request completes.
     *
     * @param offset where to read, in etypes of the current view
     * @param buf    the buffer
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ireadAt(long offset, Object buf) {
        startOffset(offset, "MPI_File_iread_at");
        return start("MPI_File_iread_at(offset " + offset + ")", buf, true, (h, b, c, t, r) -> LibMpi.MPI_File_iread_at(h, offset, b, c, t, r));
    }

    /**
     * MPI_File_iread_at_all: starts a collective read at {@code offset}.
     *
     * @param offset where this process reads, in etypes of the current view
     * @param buf    the buffer
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ireadAtAll(long offset, Object buf) {
        startOffset(offset, "MPI_File_iread_at_all");
        return start("MPI_File_iread_at_all(offset " + offset + ")", buf, true, (h, b, c, t, r) -> LibMpi.MPI_File_iread_at_all(h, offset, b, c, t, r));
    }

    /**
     * MPI_File_iwrite_at: starts a write at {@code offset} (heap arrays: the data is taken when it starts).
     *
     * @param offset where to write, in etypes of the current view
     * @param buf    the data
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iwriteAt(long offset, Object buf) {
        startOffset(offset, "MPI_File_iwrite_at");
        return start("MPI_File_iwrite_at(offset " + offset + ")", buf, false, (h, b, c, t, r) -> LibMpi.MPI_File_iwrite_at(h, offset, b, c, t, r));
    }

    /**
     * MPI_File_iwrite_at_all: starts a collective write at {@code offset}.
     *
     * @param offset where this process writes, in etypes of the current view
     * @param buf    the data
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iwriteAtAll(long offset, Object buf) {
        startOffset(offset, "MPI_File_iwrite_at_all");
        return start("MPI_File_iwrite_at_all(offset " + offset + ")", buf, false, (h, b, c, t, r) -> LibMpi.MPI_File_iwrite_at_all(h, offset, b, c, t, r));
    }

    // ------------------------------------------------------------------ individual file pointer

    /**
     * MPI_File_read: reads at the individual file pointer and advances it.
     *
     * @param buf    the buffer
     * @param status receives the count read (may be null)
     */
    public void read(Object buf, Status status) {
        read("MPI_File_read", buf, status, LibMpi::MPI_File_read);
    }

    /**
     * MPI_File_read without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void read(Object buf) {
        read(buf, null);
    }

    /**
     * MPI_File_read_all: collective {@link #read(Object, Status)}.
     *
     * @param buf    the buffer
     * @param status receives the count read (may be null)
     */
    public void readAll(Object buf, Status status) {
        read("MPI_File_read_all", buf, status, LibMpi::MPI_File_read_all);
    }

    /**
     * MPI_File_read_all without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void readAll(Object buf) {
        readAll(buf, null);
    }

    /**
     * MPI_File_write: writes at the individual file pointer and advances it.
     *
     * @param buf    the data
     * @param status receives the count written (may be null)
     */
    public void write(Object buf, Status status) {
        write("MPI_File_write", buf, status, LibMpi::MPI_File_write);
    }

    /**
     * MPI_File_write without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void write(Object buf) {
        write(buf, null);
    }

    /**
     * MPI_File_write_all: collective {@link #write(Object, Status)}.
     *
     * @param buf    the data
     * @param status receives the count written (may be null)
     */
    public void writeAll(Object buf, Status status) {
        write("MPI_File_write_all", buf, status, LibMpi::MPI_File_write_all);
    }

    /**
     * MPI_File_write_all without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void writeAll(Object buf) {
        writeAll(buf, null);
    }

    /**
     * MPI_File_iread: starts a read at the individual file pointer (which advances now).
     *
     * @param buf the buffer, filled when the request completes
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iread(Object buf) {
        return start("MPI_File_iread", buf, true, LibMpi::MPI_File_iread);
    }

    /**
     * MPI_File_iread_all: starts a collective read at the individual file pointer.
     *
     * @param buf the buffer, filled when the request completes
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ireadAll(Object buf) {
        return start("MPI_File_iread_all", buf, true, LibMpi::MPI_File_iread_all);
    }

    /**
     * MPI_File_iwrite: starts a write at the individual file pointer.
     *
     * @param buf the data
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iwrite(Object buf) {
        return start("MPI_File_iwrite", buf, false, LibMpi::MPI_File_iwrite);
    }

    /**
     * MPI_File_iwrite_all: starts a collective write at the individual file pointer.
     *
     * @param buf the data
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iwriteAll(Object buf) {
        return start("MPI_File_iwrite_all", buf, false, LibMpi::MPI_File_iwrite_all);
    }

    // ------------------------------------------------------------------ shared file pointer

    /**
     * MPI_File_read_shared: reads at the shared file pointer (processes in any order) and advances it.
     *
     * @param buf    the buffer
     * @param status receives the count read (may be null)
     */
    public void readShared(Object buf, Status status) {
        read("MPI_File_read_shared", buf, status, LibMpi::MPI_File_read_shared);
    }

    /**
     * MPI_File_read_shared without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void readShared(Object buf) {
        readShared(buf, null);
    }

    /**
     * MPI_File_write_shared: writes at the shared file pointer (processes in any order) and advances it.
     *
     * @param buf    the data
     * @param status receives the count written (may be null)
     */
    public void writeShared(Object buf, Status status) {
        write("MPI_File_write_shared", buf, status, LibMpi::MPI_File_write_shared);
    }

    /**
     * MPI_File_write_shared without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void writeShared(Object buf) {
        writeShared(buf, null);
    }

    /**
     * MPI_File_iread_shared: starts a read at the shared file pointer.
     *
     * @param buf the buffer, filled when the request completes
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ireadShared(Object buf) {
        return start("MPI_File_iread_shared", buf, true, LibMpi::MPI_File_iread_shared);
    }

    /**
     * MPI_File_iwrite_shared: starts a write at the shared file pointer.
     *
     * @param buf the data
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iwriteShared(Object buf) {
        return start("MPI_File_iwrite_shared", buf, false, LibMpi::MPI_File_iwrite_shared);
    }

    /**
     * MPI_File_read_ordered: collective read at the shared file pointer, the processes in rank order.
     *
     * @param buf    the buffer
     * @param status receives the count read (may be null)
     */
    public void readOrdered(Object buf, Status status) {
        read("MPI_File_read_ordered", buf, status, LibMpi::MPI_File_read_ordered);
    }

    /**
     * MPI_File_read_ordered without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void readOrdered(Object buf) {
        readOrdered(buf, null);
    }

    /**
     * MPI_File_write_ordered: collective write at the shared file pointer, the processes in rank order.
     *
     * @param buf    the data
     * @param status receives the count written (may be null)
     */
    public void writeOrdered(Object buf, Status status) {
        write("MPI_File_write_ordered", buf, status, LibMpi::MPI_File_write_ordered);
    }

    /**
     * MPI_File_write_ordered without a status.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void writeOrdered(Object buf) {
        writeOrdered(buf, null);
    }

    // ------------------------------------------------------------------ split collectives

    /**
     * MPI_File_read_at_all_begin: starts a split collective read at {@code offset}; finish with
     * {@link #readAtAllEnd} on the same buffer. One split collective at a time per file.
     *
     * @param offset where this process reads, in etypes of the current view
     * @param buf    the buffer, filled by the end call
     */
    public void readAtAllBegin(long offset, Object buf) {
        begin("MPI_File_read_at_all_begin", buf, true, (h, b, c, t) -> LibMpi.MPI_File_read_at_all_begin(h, offset, b, c, t));
    }

    /**
     * MPI_File_read_at_all_end: completes {@link #readAtAllBegin}.
     *
     * @param buf    the buffer given to the begin call
     * @param status receives the count read (may be null)
     */
    public void readAtAllEnd(Object buf, Status status) {
        end("MPI_File_read_at_all_end", "MPI_File_read_at_all_begin", buf, status, LibMpi::MPI_File_read_at_all_end);
    }

    /**
     * MPI_File_write_at_all_begin: starts a split collective write at {@code offset}.
     *
     * @param offset where this process writes, in etypes of the current view
     * @param buf    the data (a heap array is taken now)
     */
    public void writeAtAllBegin(long offset, Object buf) {
        begin("MPI_File_write_at_all_begin", buf, false, (h, b, c, t) -> LibMpi.MPI_File_write_at_all_begin(h, offset, b, c, t));
    }

    /**
     * MPI_File_write_at_all_end: completes {@link #writeAtAllBegin}.
     *
     * @param buf    the buffer given to the begin call
     * @param status receives the count written (may be null)
     */
    public void writeAtAllEnd(Object buf, Status status) {
        end("MPI_File_write_at_all_end", "MPI_File_write_at_all_begin", buf, status, LibMpi::MPI_File_write_at_all_end);
    }

    /**
     * MPI_File_read_all_begin: starts a split collective read at the individual file pointer.
     *
     * @param buf the buffer, filled by the end call
     */
    public void readAllBegin(Object buf) {
        begin("MPI_File_read_all_begin", buf, true, LibMpi::MPI_File_read_all_begin);
    }

    /**
     * MPI_File_read_all_end: completes {@link #readAllBegin}.
     *
     * @param buf    the buffer given to the begin call
     * @param status receives the count read (may be null)
     */
    public void readAllEnd(Object buf, Status status) {
        end("MPI_File_read_all_end", "MPI_File_read_all_begin", buf, status, LibMpi::MPI_File_read_all_end);
    }

    /**
     * MPI_File_write_all_begin: starts a split collective write at the individual file pointer.
     *
     * @param buf the data (a heap array is taken now)
     */
    public void writeAllBegin(Object buf) {
        begin("MPI_File_write_all_begin", buf, false, LibMpi::MPI_File_write_all_begin);
    }

    /**
     * MPI_File_write_all_end: completes {@link #writeAllBegin}.
     *
     * @param buf    the buffer given to the begin call
     * @param status receives the count written (may be null)
     */
    public void writeAllEnd(Object buf, Status status) {
        end("MPI_File_write_all_end", "MPI_File_write_all_begin", buf, status, LibMpi::MPI_File_write_all_end);
    }

    /**
     * MPI_File_read_ordered_begin: starts a split collective read at the shared file pointer, in rank order.
     *
     * @param buf the buffer, filled by the end call
     */
    public void readOrderedBegin(Object buf) {
        begin("MPI_File_read_ordered_begin", buf, true, LibMpi::MPI_File_read_ordered_begin);
    }

    /**
     * MPI_File_read_ordered_end: completes {@link #readOrderedBegin}.
     *
     * @param buf    the buffer given to the begin call
     * @param status receives the count read (may be null)
     */
    public void readOrderedEnd(Object buf, Status status) {
        end("MPI_File_read_ordered_end", "MPI_File_read_ordered_begin", buf, status, LibMpi::MPI_File_read_ordered_end);
    }

    /**
     * MPI_File_write_ordered_begin: starts a split collective write at the shared file pointer, in rank order.
     *
     * @param buf the data (a heap array is taken now)
     */
    public void writeOrderedBegin(Object buf) {
        begin("MPI_File_write_ordered_begin", buf, false, LibMpi::MPI_File_write_ordered_begin);
    }

    /**
     * MPI_File_write_ordered_end: completes {@link #writeOrderedBegin}.
     *
     * @param buf    the buffer given to the begin call
     * @param status receives the count written (may be null)
     */
    public void writeOrderedEnd(Object buf, Status status) {
        end("MPI_File_write_ordered_end", "MPI_File_write_ordered_begin", buf, status, LibMpi::MPI_File_write_ordered_end);
    }

    @Override
    public String toString() {
        return "File[" + path + (handle == NULL ? ", closed]" : "]");
    }

    /**
     * A nonblocking explicit-offset call's offset, refused in Java when negative: Open MPI 4.1.4 crashes (SIGSEGV in
     * ompi_errhandler_request_invoke) when such a request fails at completion, where the blocking calls return an
     * error. Found by FileFuzzRanks.
     */
    private void startOffset(long offset, String call) {
        if (offset < 0) {
            throw FileException.local(org.mpi4j.ErrorClasses.ERR_ARG, call, path, "negative offset " + offset);
        }
    }
}
