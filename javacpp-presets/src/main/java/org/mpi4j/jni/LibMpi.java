package org.mpi4j.jni;

import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.MemberGetter;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Raw;

/**
 * The JavaCPP binding of the native MPI C API (mpi.h); JavaCPP generates and compiles its JNI code at build time.
 *
 * <p>Conventions, so that one Java API serves Open MPI (pointer handles) and MPICH (int handles): every MPI handle
 * crosses as a {@code long} and is cast to its C type by the generated code; every pointer argument (output
 * parameters, buffers, statuses) is a native address as a {@code long}. Buffer arguments of blocking calls use the
 * {@code mpi4j_*} helpers of {@code mpi4j_jni.h}, which take {@code (base, kind, offset)} so that Java arrays,
 * direct NIO buffers and raw addresses all reach MPI in one JNI transition without a copy. This class is the
 * low-level layer: applications use {@code org.mpi4j.Comm} and friends.
 *
 * <p>The MPI library to link is not named here: the build passes it as JavaCPP's {@code platform.link} (Maven
 * property {@code mpi4j.mpi.link}: {@code mpi} for Open MPI, {@code mpich} for MPICH), so the same source builds
 * against either family; at run time the JNI library finds its MPI through its own dependency.
 */
@Platform(include = "mpi4j_jni.h")
@NoException
public final class LibMpi {
    static {
        // not Loader.load(): JavaCPP's cache file is shared by every checkout's build and rewritten under running JVMs
        org.mpi4j.jni.load.JniLibrary.load(LibMpi.class);
        mpi4j_keep_jvm_signals();
        mpi4j_promote_global();
    }

    private LibMpi() { }

    /** Buffer kind: the offset is an absolute native address. */
    public static final int KIND_ADDRESS = 0;
    /** Buffer kind: the base is a Java primitive array, pinned for the call; the offset is in bytes. */
    public static final int KIND_ARRAY = 1;
    /** Buffer kind: the base is a direct NIO buffer; the offset is in bytes from its address. */
    public static final int KIND_DIRECT = 2;

    // ---------------------------------------------------------------- helpers (mpi4j_jni.h)
    /**
     * Gives the JVM back the SIGSEGV/SIGBUS/SIGILL/SIGFPE handlers that UCX (MPICH's transport) takes when it is
     * loaded; the JVM needs them for null checks and stack overflows. 1 if restored, 0 if UCX is not loaded.
     */
    public static native int mpi4j_keep_jvm_signals();

    /**
     * Bytes written into file descriptor {@code fd} that its reader has not read yet (a pipe: Linux answers FIONREAD
     * on either end); -1 when the descriptor cannot say. An aborting rank waits on it so the launcher forwards its
     * last output before MPI_Abort ends the job.
     */
    public static native int mpi4j_unread_bytes(int fd);
    /** Promotes libmpi to RTLD_GLOBAL so Open MPI's plugins resolve its symbols; returns 1 on success. */
    public static native int mpi4j_promote_global();
    /** Address of a direct NIO buffer (JNI GetDirectBufferAddress); 0 for a heap buffer. */
    public static native long mpi4j_direct_address(@Raw(withEnv = true) java.nio.Buffer buffer);
    /** malloc(bytes) as an address. */
    public static native long mpi4j_malloc(long bytes);
    /** Native memory for staging a message, page aligned from 4 KiB, 64-byte aligned below (free with mpi4j_free); 0 when out of memory. */
    public static native long mpi4j_malloc_aligned(long bytes);
    /**
     * Native memory for large messages: from 1 MiB on whole 2 MiB pages, 2 MiB aligned and advised MADV_HUGEPAGE;
     * below, 64-byte aligned (not page aligned: see mpi4j_jni.h) (free with mpi4j_free).
     */
    public static native long mpi4j_alloc_huge(long bytes);
    /** free(address). */
    public static native void mpi4j_free(long address);
    /**
     * Backs {@code [address, address + bytes)}, 2 MiB aligned, with transparent huge pages now (MADV_HUGEPAGE, then
     * MADV_COLLAPSE, Linux 6.1+): 0, or the errno of the madvise call that failed.
     */
    public static native int mpi4j_collapse_huge(long address, long bytes);
    /** memcpy(dst, src, bytes). */
    public static native void mpi4j_memcpy(long dst, long src, long bytes);
    /**
     * Sets every bit of {@code [address, address + bytes)}, writing only the 4 KiB blocks that are not all ones yet (an
     * Arrow validity bitmap marked valid again after each receive stays clean, and costs a read).
     */
    public static native void mpi4j_set_ones(long address, long bytes);
    /** Copies bytes from a buffer of any kind into native memory at dst. */
    public static native void mpi4j_copy_to_native(@Raw(withEnv = true) Object base, int kind, long offset, long dst, long bytes);
    /** Copies bytes from native memory at src into a buffer of any kind. */
    public static native void mpi4j_copy_from_native(@Raw(withEnv = true) Object base, int kind, long offset, long src, long bytes);
    /**
     * {@code mpi4j_land}: lands a staged receive in a Java array, writing only its datatype's type map (gaps
     * untouched); a non-zero {@code status} limits it to the bytes that receive delivered; a non-zero {@code gapless}
     * says the elements are that many bytes each, back to back from the message start (no type queries then).
     */
    public static native int mpi4j_land(@Raw(withEnv = true) Object array, long offset, long src, long count, long datatype,
                                        long status, long gapless);

    // ---------------------------------------------------------------- environment
    /** Binds {@code MPI_Init_thread}. */
    public static native int MPI_Init_thread(@Cast("int*") long argc, @Cast("char***") long argv, int required, @Cast("int*") long provided);
    /** Binds {@code MPI_Finalize}. */
    public static native int MPI_Finalize();
    /** Binds {@code MPI_Initialized}. */
    public static native int MPI_Initialized(@Cast("int*") long flag);
    /** Binds {@code MPI_Finalized}. */
    public static native int MPI_Finalized(@Cast("int*") long flag);
    /** Binds {@code MPI_Query_thread}. */
    public static native int MPI_Query_thread(@Cast("int*") long provided);
    /** Binds {@code MPI_Is_thread_main}. */
    public static native int MPI_Is_thread_main(@Cast("int*") long flag);
    /** Binds {@code MPI_Get_version}. */
    public static native int MPI_Get_version(@Cast("int*") long version, @Cast("int*") long subversion);
    /** Binds {@code MPI_Get_library_version}. */
    public static native int MPI_Get_library_version(@Cast("char*") long version, @Cast("int*") long resultlen);
    /** Binds {@code MPI_Get_processor_name}. */
    public static native int MPI_Get_processor_name(@Cast("char*") long name, @Cast("int*") long resultlen);
    /** Binds {@code MPI_Wtime}. */
    public static native double MPI_Wtime();
    /** Binds {@code MPI_Wtick}. */
    public static native double MPI_Wtick();
    /** Binds {@code MPI_Abort}. */
    public static native int MPI_Abort(@Cast("MPI_Comm") long comm, int errorcode);
    /** Binds {@code MPI_Buffer_attach}. */
    public static native int MPI_Buffer_attach(@Cast("void*") long buffer, int size);
    /** Binds {@code MPI_Buffer_detach}. */
    public static native int MPI_Buffer_detach(@Cast("void*") long bufferAddr, @Cast("int*") long size);

    // ---------------------------------------------------------------- parallel I/O (MPI_File; handles as long like every handle)
    /** Binds {@code MPI_File_open}. */
    public static native int MPI_File_open(@Cast("MPI_Comm") long comm, String filename, int amode, @Cast("MPI_Info") long info, @Cast("MPI_File*") long fh);
    /** Binds {@code MPI_File_close}. */
    public static native int MPI_File_close(@Cast("MPI_File*") long fh);
    /** Binds {@code MPI_File_delete}. */
    public static native int MPI_File_delete(String filename, @Cast("MPI_Info") long info);
    /** Binds {@code MPI_File_set_size}. */
    public static native int MPI_File_set_size(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long size);
    /** Binds {@code MPI_File_preallocate}. */
    public static native int MPI_File_preallocate(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long size);
    /** Binds {@code MPI_File_get_size}. */
    public static native int MPI_File_get_size(@Cast("MPI_File") long fh, @Cast("MPI_Offset*") long size);
    /** Binds {@code MPI_File_get_group}. */
    public static native int MPI_File_get_group(@Cast("MPI_File") long fh, @Cast("MPI_Group*") long group);
    /** Binds {@code MPI_File_get_amode}. */
    public static native int MPI_File_get_amode(@Cast("MPI_File") long fh, @Cast("int*") long amode);
    /** Binds {@code MPI_File_set_info}. */
    public static native int MPI_File_set_info(@Cast("MPI_File") long fh, @Cast("MPI_Info") long info);
    /** Binds {@code MPI_File_get_info}. */
    public static native int MPI_File_get_info(@Cast("MPI_File") long fh, @Cast("MPI_Info*") long info);
    /** Binds {@code MPI_File_set_view}. */
    public static native int MPI_File_set_view(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long disp, @Cast("MPI_Datatype") long etype, @Cast("MPI_Datatype") long filetype, String datarep, @Cast("MPI_Info") long info);
    /** Binds {@code MPI_File_get_view}. */
    public static native int MPI_File_get_view(@Cast("MPI_File") long fh, @Cast("MPI_Offset*") long disp, @Cast("MPI_Datatype*") long etype, @Cast("MPI_Datatype*") long filetype, @Cast("char*") long datarep);
    /** Binds {@code MPI_File_get_type_extent}. */
    public static native int MPI_File_get_type_extent(@Cast("MPI_File") long fh, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Aint*") long extent);
    /** Binds {@code MPI_File_set_atomicity}. */
    public static native int MPI_File_set_atomicity(@Cast("MPI_File") long fh, int flag);
    /** Binds {@code MPI_File_get_atomicity}. */
    public static native int MPI_File_get_atomicity(@Cast("MPI_File") long fh, @Cast("int*") long flag);
    /** Binds {@code MPI_File_sync}. */
    public static native int MPI_File_sync(@Cast("MPI_File") long fh);
    /** Binds {@code MPI_File_seek}. */
    public static native int MPI_File_seek(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, int whence);
    /** Binds {@code MPI_File_get_position}. */
    public static native int MPI_File_get_position(@Cast("MPI_File") long fh, @Cast("MPI_Offset*") long offset);
    /** Binds {@code MPI_File_get_byte_offset}. */
    public static native int MPI_File_get_byte_offset(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("MPI_Offset*") long disp);
    /** Binds {@code MPI_File_seek_shared}. */
    public static native int MPI_File_seek_shared(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, int whence);
    /** Binds {@code MPI_File_get_position_shared}. */
    public static native int MPI_File_get_position_shared(@Cast("MPI_File") long fh, @Cast("MPI_Offset*") long offset);
    /** Binds {@code MPI_File_set_errhandler}. */
    public static native int MPI_File_set_errhandler(@Cast("MPI_File") long fh, @Cast("MPI_Errhandler") long errhandler);
    /** Binds {@code MPI_File_get_errhandler}. */
    public static native int MPI_File_get_errhandler(@Cast("MPI_File") long fh, @Cast("MPI_Errhandler*") long errhandler);
    /** Binds {@code MPI_File_call_errhandler}. */
    public static native int MPI_File_call_errhandler(@Cast("MPI_File") long fh, int errorcode);
    /** Binds {@code MPI_File_read_at}. */
    public static native int MPI_File_read_at(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iread_at}. */
    public static native int MPI_File_iread_at(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_read_at_all}. */
    public static native int MPI_File_read_at_all(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iread_at_all}. */
    public static native int MPI_File_iread_at_all(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_read}. */
    public static native int MPI_File_read(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iread}. */
    public static native int MPI_File_iread(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_read_all}. */
    public static native int MPI_File_read_all(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iread_all}. */
    public static native int MPI_File_iread_all(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_read_shared}. */
    public static native int MPI_File_read_shared(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iread_shared}. */
    public static native int MPI_File_iread_shared(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_read_ordered}. */
    public static native int MPI_File_read_ordered(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_read_at_all_begin}. */
    public static native int MPI_File_read_at_all_begin(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype);
    /** Binds {@code MPI_File_read_at_all_end}. */
    public static native int MPI_File_read_at_all_end(@Cast("MPI_File") long fh, @Cast("void*") long buf, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_read_all_begin}. */
    public static native int MPI_File_read_all_begin(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype);
    /** Binds {@code MPI_File_read_all_end}. */
    public static native int MPI_File_read_all_end(@Cast("MPI_File") long fh, @Cast("void*") long buf, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_read_ordered_begin}. */
    public static native int MPI_File_read_ordered_begin(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype);
    /** Binds {@code MPI_File_read_ordered_end}. */
    public static native int MPI_File_read_ordered_end(@Cast("MPI_File") long fh, @Cast("void*") long buf, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_write_at}. */
    public static native int MPI_File_write_at(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iwrite_at}. */
    public static native int MPI_File_iwrite_at(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_write_at_all}. */
    public static native int MPI_File_write_at_all(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iwrite_at_all}. */
    public static native int MPI_File_iwrite_at_all(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_write}. */
    public static native int MPI_File_write(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iwrite}. */
    public static native int MPI_File_iwrite(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_write_all}. */
    public static native int MPI_File_write_all(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iwrite_all}. */
    public static native int MPI_File_iwrite_all(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_write_shared}. */
    public static native int MPI_File_write_shared(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_iwrite_shared}. */
    public static native int MPI_File_iwrite_shared(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_File_write_ordered}. */
    public static native int MPI_File_write_ordered(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_write_at_all_begin}. */
    public static native int MPI_File_write_at_all_begin(@Cast("MPI_File") long fh, @Cast("MPI_Offset") long offset, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype);
    /** Binds {@code MPI_File_write_at_all_end}. */
    public static native int MPI_File_write_at_all_end(@Cast("MPI_File") long fh, @Cast("void*") long buf, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_write_all_begin}. */
    public static native int MPI_File_write_all_begin(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype);
    /** Binds {@code MPI_File_write_all_end}. */
    public static native int MPI_File_write_all_end(@Cast("MPI_File") long fh, @Cast("void*") long buf, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_write_ordered_begin}. */
    public static native int MPI_File_write_ordered_begin(@Cast("MPI_File") long fh, @Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype);
    /** Binds {@code MPI_File_write_ordered_end}. */
    public static native int MPI_File_write_ordered_end(@Cast("MPI_File") long fh, @Cast("void*") long buf, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_File_c2f}. */
    public static native int MPI_File_c2f(@Cast("MPI_File") long fh);
    /** Binds {@code MPI_File_f2c}. */
    public static native @Cast("intptr_t") long MPI_File_f2c(int fh);
    /** The predefined handle {@code MPI_FILE_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_FILE_NULL();
    /** The predefined {@code MPI_DISPLACEMENT_CURRENT} of mpi.h (an MPI_Offset). */
    @MemberGetter public static native @Cast("long long") long MPI_DISPLACEMENT_CURRENT();
    /** The predefined {@code MPI_MAX_DATAREP_STRING} of mpi.h. */
    @MemberGetter public static native int MPI_MAX_DATAREP_STRING();
    /** The predefined {@code MPI_MODE_RDONLY} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_RDONLY();
    /** The predefined {@code MPI_MODE_RDWR} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_RDWR();
    /** The predefined {@code MPI_MODE_WRONLY} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_WRONLY();
    /** The predefined {@code MPI_MODE_CREATE} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_CREATE();
    /** The predefined {@code MPI_MODE_EXCL} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_EXCL();
    /** The predefined {@code MPI_MODE_DELETE_ON_CLOSE} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_DELETE_ON_CLOSE();
    /** The predefined {@code MPI_MODE_UNIQUE_OPEN} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_UNIQUE_OPEN();
    /** The predefined {@code MPI_MODE_SEQUENTIAL} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_SEQUENTIAL();
    /** The predefined {@code MPI_MODE_APPEND} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_APPEND();
    /** The predefined {@code MPI_SEEK_SET} of mpi.h. */
    @MemberGetter public static native int MPI_SEEK_SET();
    /** The predefined {@code MPI_SEEK_CUR} of mpi.h. */
    @MemberGetter public static native int MPI_SEEK_CUR();
    /** The predefined {@code MPI_SEEK_END} of mpi.h. */
    @MemberGetter public static native int MPI_SEEK_END();
    /** The predefined {@code MPI_ERR_NOT_SAME} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_NOT_SAME();
    /** The predefined {@code MPI_ERR_AMODE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_AMODE();
    /** The predefined {@code MPI_ERR_UNSUPPORTED_DATAREP} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_UNSUPPORTED_DATAREP();
    /** The predefined {@code MPI_ERR_NO_SUCH_FILE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_NO_SUCH_FILE();
    /** The predefined {@code MPI_ERR_FILE_EXISTS} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_FILE_EXISTS();
    /** The predefined {@code MPI_ERR_BAD_FILE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_BAD_FILE();
    /** The predefined {@code MPI_ERR_ACCESS} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_ACCESS();
    /** The predefined {@code MPI_ERR_NO_SPACE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_NO_SPACE();
    /** The predefined {@code MPI_ERR_QUOTA} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_QUOTA();
    /** The predefined {@code MPI_ERR_READ_ONLY} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_READ_ONLY();
    /** The predefined {@code MPI_ERR_FILE_IN_USE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_FILE_IN_USE();
    /** The predefined {@code MPI_ERR_DUP_DATAREP} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_DUP_DATAREP();
    /** The predefined {@code MPI_ERR_CONVERSION} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_CONVERSION();
    /** The predefined {@code MPI_ERR_IO} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_IO();

    // ---------------------------------------------------------------- errors
    /** Binds {@code MPI_Error_class}. */
    public static native int MPI_Error_class(int errorcode, @Cast("int*") long errorclass);
    /** Binds {@code MPI_Error_string}. */
    public static native int MPI_Error_string(int errorcode, @Cast("char*") long string, @Cast("int*") long resultlen);
    /** Binds {@code MPI_Add_error_class}. */
    public static native int MPI_Add_error_class(@Cast("int*") long errorclass);
    /** Binds {@code MPI_Add_error_code}. */
    public static native int MPI_Add_error_code(int errorclass, @Cast("int*") long errorcode);
    /** Binds {@code MPI_Add_error_string}. */
    public static native int MPI_Add_error_string(int errorcode, String string);
    /** Binds {@code MPI_Comm_set_errhandler}. */
    public static native int MPI_Comm_set_errhandler(@Cast("MPI_Comm") long comm, @Cast("MPI_Errhandler") long errhandler);
    /** Binds {@code MPI_Comm_get_errhandler}. */
    public static native int MPI_Comm_get_errhandler(@Cast("MPI_Comm") long comm, @Cast("MPI_Errhandler*") long errhandler);
    /** Binds {@code MPI_Comm_call_errhandler}. */
    public static native int MPI_Comm_call_errhandler(@Cast("MPI_Comm") long comm, int errorcode);
    /** Binds {@code MPI_Errhandler_free}. */
    public static native int MPI_Errhandler_free(@Cast("MPI_Errhandler*") long errhandler);

    // ---------------------------------------------------------------- communicators
    /** Binds {@code MPI_Comm_size}. */
    public static native int MPI_Comm_size(@Cast("MPI_Comm") long comm, @Cast("int*") long size);
    /** Binds {@code MPI_Comm_rank}. */
    public static native int MPI_Comm_rank(@Cast("MPI_Comm") long comm, @Cast("int*") long rank);
    /** Binds {@code MPI_Comm_dup}. */
    public static native int MPI_Comm_dup(@Cast("MPI_Comm") long comm, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Comm_free}. */
    public static native int MPI_Comm_free(@Cast("MPI_Comm*") long comm);
    /** Binds {@code MPI_Comm_compare}. */
    public static native int MPI_Comm_compare(@Cast("MPI_Comm") long comm1, @Cast("MPI_Comm") long comm2, @Cast("int*") long result);
    /** Binds {@code MPI_Comm_split}. */
    public static native int MPI_Comm_split(@Cast("MPI_Comm") long comm, int color, int key, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Comm_group}. */
    public static native int MPI_Comm_group(@Cast("MPI_Comm") long comm, @Cast("MPI_Group*") long group);
    /** Binds {@code MPI_Comm_test_inter}. */
    public static native int MPI_Comm_test_inter(@Cast("MPI_Comm") long comm, @Cast("int*") long flag);
    /** Binds {@code MPI_Comm_set_name}. */
    public static native int MPI_Comm_set_name(@Cast("MPI_Comm") long comm, String name);
    /** Binds {@code MPI_Comm_get_name}. */
    public static native int MPI_Comm_get_name(@Cast("MPI_Comm") long comm, @Cast("char*") long name, @Cast("int*") long resultlen);
    /** Binds {@code MPI_Comm_get_attr}. */
    public static native int MPI_Comm_get_attr(@Cast("MPI_Comm") long comm, int keyval, @Cast("void*") long attributeVal, @Cast("int*") long flag);
    /** Binds {@code MPI_Barrier}. */
    public static native int MPI_Barrier(@Cast("MPI_Comm") long comm);
    /** Binds {@code MPI_Comm_c2f}. */
    public static native int MPI_Comm_c2f(@Cast("MPI_Comm") long comm);
    /** Binds {@code MPI_Comm_f2c}. */
    public static native @Cast("intptr_t") long MPI_Comm_f2c(int comm);

    // ---------------------------------------------------------------- groups
    /** Binds {@code MPI_Group_size}. */
    public static native int MPI_Group_size(@Cast("MPI_Group") long group, @Cast("int*") long size);
    /** Binds {@code MPI_Group_rank}. */
    public static native int MPI_Group_rank(@Cast("MPI_Group") long group, @Cast("int*") long rank);
    /** Binds {@code MPI_Group_free}. */
    public static native int MPI_Group_free(@Cast("MPI_Group*") long group);
    /** Binds {@code MPI_Group_compare}. */
    public static native int MPI_Group_compare(@Cast("MPI_Group") long group1, @Cast("MPI_Group") long group2, @Cast("int*") long result);
    /** Binds {@code MPI_Group_translate_ranks}. */
    public static native int MPI_Group_translate_ranks(@Cast("MPI_Group") long group1, int n, @Cast("const int*") int[] ranks1, @Cast("MPI_Group") long group2, @Cast("int*") int[] ranks2);
    /** Binds {@code MPI_Group_union}. */
    public static native int MPI_Group_union(@Cast("MPI_Group") long group1, @Cast("MPI_Group") long group2, @Cast("MPI_Group*") long newgroup);
    /** Binds {@code MPI_Group_intersection}. */
    public static native int MPI_Group_intersection(@Cast("MPI_Group") long group1, @Cast("MPI_Group") long group2, @Cast("MPI_Group*") long newgroup);
    /** Binds {@code MPI_Group_difference}. */
    public static native int MPI_Group_difference(@Cast("MPI_Group") long group1, @Cast("MPI_Group") long group2, @Cast("MPI_Group*") long newgroup);
    /** Binds {@code MPI_Group_incl}. */
    public static native int MPI_Group_incl(@Cast("MPI_Group") long group, int n, @Cast("const int*") int[] ranks, @Cast("MPI_Group*") long newgroup);
    /** Binds {@code MPI_Group_excl}. */
    public static native int MPI_Group_excl(@Cast("MPI_Group") long group, int n, @Cast("const int*") int[] ranks, @Cast("MPI_Group*") long newgroup);
    /** Binds {@code MPI_Group_range_incl}. */
    public static native int MPI_Group_range_incl(@Cast("MPI_Group") long group, int n, @Cast("int(*)[3]") int[] ranges, @Cast("MPI_Group*") long newgroup);
    /** Binds {@code MPI_Group_range_excl}. */
    public static native int MPI_Group_range_excl(@Cast("MPI_Group") long group, int n, @Cast("int(*)[3]") int[] ranges, @Cast("MPI_Group*") long newgroup);
    /** Binds {@code MPI_Group_c2f}. */
    public static native int MPI_Group_c2f(@Cast("MPI_Group") long group);
    /** Binds {@code MPI_Group_f2c}. */
    public static native @Cast("intptr_t") long MPI_Group_f2c(int group);

    // ---------------------------------------------------------------- datatypes
    /** Binds {@code MPI_Type_contiguous}. */
    public static native int MPI_Type_contiguous(int count, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_vector}. */
    public static native int MPI_Type_vector(int count, int blocklength, int stride, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_create_hvector}. */
    public static native int MPI_Type_create_hvector(int count, int blocklength, @Cast("MPI_Aint") long stride, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_indexed}. */
    public static native int MPI_Type_indexed(int count, @Cast("const int*") int[] blocklengths, @Cast("const int*") int[] displacements, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_create_hindexed}. */
    public static native int MPI_Type_create_hindexed(int count, @Cast("const int*") int[] blocklengths, @Cast("const MPI_Aint*") long[] displacements, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_create_indexed_block}. */
    public static native int MPI_Type_create_indexed_block(int count, int blocklength, @Cast("const int*") int[] displacements, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_create_hindexed_block}. */
    public static native int MPI_Type_create_hindexed_block(int count, int blocklength, @Cast("const MPI_Aint*") long[] displacements, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** {@code mpi4j_type_create_struct} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_type_create_struct(int count, @Cast("const int*") int[] blocklengths, @Cast("const jlong*") long[] displacements, @Cast("const jlong*") long[] types, long newtype);
    /** Binds {@code MPI_Type_create_subarray}. */
    public static native int MPI_Type_create_subarray(int ndims, @Cast("const int*") int[] sizes, @Cast("const int*") int[] subsizes, @Cast("const int*") int[] starts, int order, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_create_darray}. */
    public static native int MPI_Type_create_darray(int size, int rank, int ndims, @Cast("const int*") int[] gsizes, @Cast("const int*") int[] distribs, @Cast("const int*") int[] dargs, @Cast("const int*") int[] psizes, int order, @Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_create_resized}. */
    public static native int MPI_Type_create_resized(@Cast("MPI_Datatype") long oldtype, @Cast("MPI_Aint") long lb, @Cast("MPI_Aint") long extent, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_commit}. */
    public static native int MPI_Type_commit(@Cast("MPI_Datatype*") long datatype);
    /** Binds {@code MPI_Type_free}. */
    public static native int MPI_Type_free(@Cast("MPI_Datatype*") long datatype);
    /** Binds {@code MPI_Type_dup}. */
    public static native int MPI_Type_dup(@Cast("MPI_Datatype") long oldtype, @Cast("MPI_Datatype*") long newtype);
    /** Binds {@code MPI_Type_size_x}. */
    public static native int MPI_Type_size_x(@Cast("MPI_Datatype") long datatype, @Cast("MPI_Count*") long size);
    /** Binds {@code MPI_Type_get_extent_x}. */
    public static native int MPI_Type_get_extent_x(@Cast("MPI_Datatype") long datatype, @Cast("MPI_Count*") long lb, @Cast("MPI_Count*") long extent);
    /** Binds {@code MPI_Type_get_true_extent_x}. */
    public static native int MPI_Type_get_true_extent_x(@Cast("MPI_Datatype") long datatype, @Cast("MPI_Count*") long lb, @Cast("MPI_Count*") long extent);
    /** Binds {@code MPI_Type_get_envelope}. */
    public static native int MPI_Type_get_envelope(@Cast("MPI_Datatype") long datatype, @Cast("int*") long numIntegers, @Cast("int*") long numAddresses, @Cast("int*") long numDatatypes, @Cast("int*") long combiner);
    /** Binds {@code MPI_Type_set_name}. */
    public static native int MPI_Type_set_name(@Cast("MPI_Datatype") long datatype, String name);
    /** Binds {@code MPI_Type_get_name}. */
    public static native int MPI_Type_get_name(@Cast("MPI_Datatype") long datatype, @Cast("char*") long name, @Cast("int*") long resultlen);
    /** Binds {@code MPI_Pack_size}. */
    public static native int MPI_Pack_size(int incount, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Comm") long comm, @Cast("int*") long size);
    /** Binds {@code MPI_Type_c2f}. */
    public static native int MPI_Type_c2f(@Cast("MPI_Datatype") long datatype);
    /** Binds {@code MPI_Type_f2c}. */
    public static native @Cast("intptr_t") long MPI_Type_f2c(int datatype);
    /** {@code mpi4j_pack} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_pack(@Raw(withEnv = true) Object inBase, int inKind, long inOffset, int incount, long datatype, @Raw Object outBase, int outKind, long outOffset, int outsize, long position, long comm);
    /** {@code mpi4j_unpack} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_unpack(@Raw(withEnv = true) Object inBase, int inKind, long inOffset, int insize, long position, @Raw Object outBase, int outKind, long outOffset, int outcount, long datatype, long comm);

    // ---------------------------------------------------------------- point-to-point, blocking (mpi4j_jni.h)
    /** {@code mpi4j_send} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_send(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, int dest, int tag, long comm);
    /** {@code mpi4j_ssend} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_ssend(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, int dest, int tag, long comm);
    /** {@code mpi4j_rsend} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_rsend(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, int dest, int tag, long comm);
    /** {@code mpi4j_bsend} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_bsend(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, int dest, int tag, long comm);
    /**
     * {@code mpi4j_status_count_layout} of mpi4j_jni.h: where an MPI_Status keeps the bytes received
     * ({@code kind << 48 | count offset << 16 | cancelled offset}; kind 1 Open MPI, 2 MPICH, 0 unknown).
     */
    public static native long mpi4j_status_count_layout();
    /**
     * {@code mpi4j_waitall} of mpi4j_jni.h: MPI_Waitall (with Open MPI, MPI_Wait on each request: its MPI_Waitall
     * hangs on a receive that completed in error before the call); {@code statuses} holds {@code count} MPI_Status.
     */
    public static native int mpi4j_waitall(int count, long requests, long statuses);
    /** {@code mpi4j_recv} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_recv(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, int source, int tag, long comm, long status);
    /** {@code mpi4j_sendrecv} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_sendrecv(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, int dest, int sendtag, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, int source, int recvtag, long comm, long status);
    /** {@code mpi4j_sendrecv_replace} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_sendrecv_replace(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, int dest, int sendtag, int source, int recvtag, long comm, long status);
    /** {@code mpi4j_mrecv} of mpi4j_jni.h: the MPI call with its buffer pinned for the call. */
    public static native int mpi4j_mrecv(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, long message, long status);

    // ---------------------------------------------------------------- point-to-point, nonblocking and persistent (native addresses only)
    /** Binds {@code MPI_Isend}. */
    public static native int MPI_Isend(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Issend}. */
    public static native int MPI_Issend(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ibsend}. */
    public static native int MPI_Ibsend(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Irsend}. */
    public static native int MPI_Irsend(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Irecv}. */
    public static native int MPI_Irecv(@Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int source, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Imrecv}. */
    public static native int MPI_Imrecv(@Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Message*") long message, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Send_init}. */
    public static native int MPI_Send_init(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ssend_init}. */
    public static native int MPI_Ssend_init(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Bsend_init}. */
    public static native int MPI_Bsend_init(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Rsend_init}. */
    public static native int MPI_Rsend_init(@Cast("const void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int dest, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Recv_init}. */
    public static native int MPI_Recv_init(@Cast("void*") long buf, int count, @Cast("MPI_Datatype") long datatype, int source, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Start}. */
    public static native int MPI_Start(@Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Startall}. */
    public static native int MPI_Startall(int count, @Cast("MPI_Request*") long requests);
    /** Binds {@code MPI_Wait}. */
    public static native int MPI_Wait(@Cast("MPI_Request*") long request, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Test}. */
    public static native int MPI_Test(@Cast("MPI_Request*") long request, @Cast("int*") long flag, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Waitall}. */
    public static native int MPI_Waitall(int count, @Cast("MPI_Request*") long requests, @Cast("MPI_Status*") long statuses);
    /** Binds {@code MPI_Waitany}. */
    public static native int MPI_Waitany(int count, @Cast("MPI_Request*") long requests, @Cast("int*") long index, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Waitsome}. */
    public static native int MPI_Waitsome(int incount, @Cast("MPI_Request*") long requests, @Cast("int*") long outcount, @Cast("int*") long indices, @Cast("MPI_Status*") long statuses);
    /** Binds {@code MPI_Testall}. */
    public static native int MPI_Testall(int count, @Cast("MPI_Request*") long requests, @Cast("int*") long flag, @Cast("MPI_Status*") long statuses);
    /** Binds {@code MPI_Testany}. */
    public static native int MPI_Testany(int count, @Cast("MPI_Request*") long requests, @Cast("int*") long index, @Cast("int*") long flag, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Testsome}. */
    public static native int MPI_Testsome(int incount, @Cast("MPI_Request*") long requests, @Cast("int*") long outcount, @Cast("int*") long indices, @Cast("MPI_Status*") long statuses);
    /** Binds {@code MPI_Cancel}. */
    public static native int MPI_Cancel(@Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Request_free}. */
    public static native int MPI_Request_free(@Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Request_get_status}. */
    public static native int MPI_Request_get_status(@Cast("MPI_Request") long request, @Cast("int*") long flag, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Request_c2f}. */
    public static native int MPI_Request_c2f(@Cast("MPI_Request") long request);
    /** Binds {@code MPI_Request_f2c}. */
    public static native @Cast("intptr_t") long MPI_Request_f2c(int request);
    /** Binds {@code MPI_Probe}. */
    public static native int MPI_Probe(int source, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Iprobe}. */
    public static native int MPI_Iprobe(int source, int tag, @Cast("MPI_Comm") long comm, @Cast("int*") long flag, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Mprobe}. */
    public static native int MPI_Mprobe(int source, int tag, @Cast("MPI_Comm") long comm, @Cast("MPI_Message*") long message, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Improbe}. */
    public static native int MPI_Improbe(int source, int tag, @Cast("MPI_Comm") long comm, @Cast("int*") long flag, @Cast("MPI_Message*") long message, @Cast("MPI_Status*") long status);
    /** Binds {@code MPI_Get_count}. */
    public static native int MPI_Get_count(@Cast("const MPI_Status*") long status, @Cast("MPI_Datatype") long datatype, @Cast("int*") long count);
    /** Binds {@code MPI_Get_elements_x}. */
    public static native int MPI_Get_elements_x(@Cast("const MPI_Status*") long status, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Count*") long count);
    /** Binds {@code MPI_Test_cancelled}. */
    public static native int MPI_Test_cancelled(@Cast("const MPI_Status*") long status, @Cast("int*") long flag);
    /** Binds {@code MPI_Status_set_elements_x}. */
    public static native int MPI_Status_set_elements_x(@Cast("MPI_Status*") long status, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Count") long count);
    /** Binds {@code MPI_Status_set_cancelled}. */
    public static native int MPI_Status_set_cancelled(@Cast("MPI_Status*") long status, int flag);

    // ---------------------------------------------------------------- one-sided communication and MPI memory (native addresses only)
    /** Binds {@code MPI_Win_create}. */
    public static native int MPI_Win_create(@Cast("void*") long base, @Cast("MPI_Aint") long size, int dispUnit, @Cast("MPI_Info") long info, @Cast("MPI_Comm") long comm, @Cast("MPI_Win*") long win);
    /** Binds {@code MPI_Win_allocate}; {@code baseptr} is where MPI writes the new memory's address. */
    public static native int MPI_Win_allocate(@Cast("MPI_Aint") long size, int dispUnit, @Cast("MPI_Info") long info, @Cast("MPI_Comm") long comm, @Cast("void*") long baseptr, @Cast("MPI_Win*") long win);
    /** Binds {@code MPI_Win_allocate_shared}; {@code baseptr} is where MPI writes the new memory's address. */
    public static native int MPI_Win_allocate_shared(@Cast("MPI_Aint") long size, int dispUnit, @Cast("MPI_Info") long info, @Cast("MPI_Comm") long comm, @Cast("void*") long baseptr, @Cast("MPI_Win*") long win);
    /** Binds {@code MPI_Win_shared_query}. */
    public static native int MPI_Win_shared_query(@Cast("MPI_Win") long win, int rank, @Cast("MPI_Aint*") long size, @Cast("int*") long dispUnit, @Cast("void*") long baseptr);
    /** Binds {@code MPI_Win_create_dynamic}. */
    public static native int MPI_Win_create_dynamic(@Cast("MPI_Info") long info, @Cast("MPI_Comm") long comm, @Cast("MPI_Win*") long win);
    /** Binds {@code MPI_Win_attach}. */
    public static native int MPI_Win_attach(@Cast("MPI_Win") long win, @Cast("void*") long base, @Cast("MPI_Aint") long size);
    /** Binds {@code MPI_Win_detach}. */
    public static native int MPI_Win_detach(@Cast("MPI_Win") long win, @Cast("const void*") long base);
    /** Binds {@code MPI_Win_free}. */
    public static native int MPI_Win_free(@Cast("MPI_Win*") long win);
    /** Binds {@code MPI_Win_get_group}. */
    public static native int MPI_Win_get_group(@Cast("MPI_Win") long win, @Cast("MPI_Group*") long group);
    /** Binds {@code MPI_Win_set_name}. */
    public static native int MPI_Win_set_name(@Cast("MPI_Win") long win, String name);
    /** Binds {@code MPI_Win_get_name}. */
    public static native int MPI_Win_get_name(@Cast("MPI_Win") long win, @Cast("char*") long name, @Cast("int*") long resultlen);
    /** Binds {@code MPI_Win_set_info}. */
    public static native int MPI_Win_set_info(@Cast("MPI_Win") long win, @Cast("MPI_Info") long info);
    /** Binds {@code MPI_Win_get_info}. */
    public static native int MPI_Win_get_info(@Cast("MPI_Win") long win, @Cast("MPI_Info*") long info);
    /** Binds {@code MPI_Win_get_attr}; {@code attributeVal} receives a pointer to the value. */
    public static native int MPI_Win_get_attr(@Cast("MPI_Win") long win, int keyval, @Cast("void*") long attributeVal, @Cast("int*") long flag);
    /** Binds {@code MPI_Win_set_errhandler}. */
    public static native int MPI_Win_set_errhandler(@Cast("MPI_Win") long win, @Cast("MPI_Errhandler") long errhandler);
    /** Binds {@code MPI_Win_get_errhandler}. */
    public static native int MPI_Win_get_errhandler(@Cast("MPI_Win") long win, @Cast("MPI_Errhandler*") long errhandler);
    /** Binds {@code MPI_Win_call_errhandler}. */
    public static native int MPI_Win_call_errhandler(@Cast("MPI_Win") long win, int errorcode);
    /** Binds {@code MPI_Win_c2f}. */
    public static native int MPI_Win_c2f(@Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_f2c}. */
    public static native @Cast("intptr_t") long MPI_Win_f2c(int win);
    /** Binds {@code MPI_Put}. */
    public static native int MPI_Put(@Cast("const void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Get}. */
    public static native int MPI_Get(@Cast("void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Accumulate}. */
    public static native int MPI_Accumulate(@Cast("const void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Op") long op, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Get_accumulate}. */
    public static native int MPI_Get_accumulate(@Cast("const void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, @Cast("void*") long result, int resultCount, @Cast("MPI_Datatype") long resultType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Op") long op, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Fetch_and_op}. */
    public static native int MPI_Fetch_and_op(@Cast("const void*") long origin, @Cast("void*") long result, @Cast("MPI_Datatype") long datatype, int targetRank, @Cast("MPI_Aint") long targetDisp, @Cast("MPI_Op") long op, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Compare_and_swap}. */
    public static native int MPI_Compare_and_swap(@Cast("const void*") long origin, @Cast("const void*") long compare, @Cast("void*") long result, @Cast("MPI_Datatype") long datatype, int targetRank, @Cast("MPI_Aint") long targetDisp, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Rput}. */
    public static native int MPI_Rput(@Cast("const void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Win") long win, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Rget}. */
    public static native int MPI_Rget(@Cast("void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Win") long win, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Raccumulate}. */
    public static native int MPI_Raccumulate(@Cast("const void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Op") long op, @Cast("MPI_Win") long win, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Rget_accumulate}. */
    public static native int MPI_Rget_accumulate(@Cast("const void*") long origin, int originCount, @Cast("MPI_Datatype") long originType, @Cast("void*") long result, int resultCount, @Cast("MPI_Datatype") long resultType, int targetRank, @Cast("MPI_Aint") long targetDisp, int targetCount, @Cast("MPI_Datatype") long targetType, @Cast("MPI_Op") long op, @Cast("MPI_Win") long win, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Win_fence}. */
    public static native int MPI_Win_fence(int assertion, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_start}. */
    public static native int MPI_Win_start(@Cast("MPI_Group") long group, int assertion, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_complete}. */
    public static native int MPI_Win_complete(@Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_post}. */
    public static native int MPI_Win_post(@Cast("MPI_Group") long group, int assertion, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_wait}. */
    public static native int MPI_Win_wait(@Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_test}. */
    public static native int MPI_Win_test(@Cast("MPI_Win") long win, @Cast("int*") long flag);
    /** Binds {@code MPI_Win_lock}. */
    public static native int MPI_Win_lock(int lockType, int rank, int assertion, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_unlock}. */
    public static native int MPI_Win_unlock(int rank, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_lock_all}. */
    public static native int MPI_Win_lock_all(int assertion, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_unlock_all}. */
    public static native int MPI_Win_unlock_all(@Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_flush}. */
    public static native int MPI_Win_flush(int rank, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_flush_all}. */
    public static native int MPI_Win_flush_all(@Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_flush_local}. */
    public static native int MPI_Win_flush_local(int rank, @Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_flush_local_all}. */
    public static native int MPI_Win_flush_local_all(@Cast("MPI_Win") long win);
    /** Binds {@code MPI_Win_sync}. */
    public static native int MPI_Win_sync(@Cast("MPI_Win") long win);
    /** Binds {@code MPI_Alloc_mem}; {@code baseptr} is where MPI writes the new memory's address. */
    public static native int MPI_Alloc_mem(@Cast("MPI_Aint") long size, @Cast("MPI_Info") long info, @Cast("void*") long baseptr);
    /** Binds {@code MPI_Free_mem}. */
    public static native int MPI_Free_mem(@Cast("void*") long base);
    /** Binds {@code MPI_Get_address}. */
    public static native int MPI_Get_address(@Cast("const void*") long location, @Cast("MPI_Aint*") long address);
    /** {@code mpi4j_aint_add} of mpi4j_jni.h: {@code MPI_Aint_add} (a macro in Open MPI, a function in MPICH). */
    public static native long mpi4j_aint_add(long base, long disp);
    /** {@code mpi4j_aint_diff} of mpi4j_jni.h: {@code MPI_Aint_diff} (a macro in Open MPI, a function in MPICH). */
    public static native long mpi4j_aint_diff(long addr1, long addr2);
    /** {@code mpi4j_read_aint} of mpi4j_jni.h: the {@code MPI_Aint}-sized value stored at {@code address}. */
    public static native long mpi4j_read_aint(long address);
    /** {@code mpi4j_read_int} of mpi4j_jni.h: the {@code int} stored at {@code address}. */
    public static native int mpi4j_read_int(long address);
    /** The predefined handle {@code MPI_WIN_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_WIN_NULL();
    /** The predefined attribute key {@code MPI_WIN_BASE} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_BASE();
    /** The predefined attribute key {@code MPI_WIN_SIZE} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_SIZE();
    /** The predefined attribute key {@code MPI_WIN_DISP_UNIT} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_DISP_UNIT();
    /** The predefined attribute key {@code MPI_WIN_CREATE_FLAVOR} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_CREATE_FLAVOR();
    /** The predefined attribute key {@code MPI_WIN_MODEL} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_MODEL();
    /** The predefined {@code MPI_WIN_FLAVOR_CREATE} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_FLAVOR_CREATE();
    /** The predefined {@code MPI_WIN_FLAVOR_ALLOCATE} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_FLAVOR_ALLOCATE();
    /** The predefined {@code MPI_WIN_FLAVOR_DYNAMIC} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_FLAVOR_DYNAMIC();
    /** The predefined {@code MPI_WIN_FLAVOR_SHARED} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_FLAVOR_SHARED();
    /** The predefined {@code MPI_WIN_SEPARATE} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_SEPARATE();
    /** The predefined {@code MPI_WIN_UNIFIED} of mpi.h. */
    @MemberGetter public static native int MPI_WIN_UNIFIED();
    /** The predefined {@code MPI_LOCK_EXCLUSIVE} of mpi.h. */
    @MemberGetter public static native int MPI_LOCK_EXCLUSIVE();
    /** The predefined {@code MPI_LOCK_SHARED} of mpi.h. */
    @MemberGetter public static native int MPI_LOCK_SHARED();
    /** The predefined assertion {@code MPI_MODE_NOCHECK} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_NOCHECK();
    /** The predefined assertion {@code MPI_MODE_NOSTORE} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_NOSTORE();
    /** The predefined assertion {@code MPI_MODE_NOPUT} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_NOPUT();
    /** The predefined assertion {@code MPI_MODE_NOPRECEDE} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_NOPRECEDE();
    /** The predefined assertion {@code MPI_MODE_NOSUCCEED} of mpi.h. */
    @MemberGetter public static native int MPI_MODE_NOSUCCEED();
    /** The predefined error class {@code MPI_ERR_RMA_RANGE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_RMA_RANGE();
    /** The predefined error class {@code MPI_ERR_RMA_SYNC} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_RMA_SYNC();
    /** The predefined error class {@code MPI_ERR_RMA_CONFLICT} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_RMA_CONFLICT();
    /** The predefined error class {@code MPI_ERR_RMA_ATTACH} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_RMA_ATTACH();
    /** The predefined error class {@code MPI_ERR_RMA_SHARED} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_RMA_SHARED();
    /** The predefined error class {@code MPI_ERR_RMA_FLAVOR} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_RMA_FLAVOR();
    /** The predefined error class {@code MPI_ERR_DISP} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_DISP();
    /** The predefined error class {@code MPI_ERR_SIZE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_SIZE();
    /** The predefined error class {@code MPI_ERR_LOCKTYPE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_LOCKTYPE();
    /** The predefined error class {@code MPI_ERR_ASSERT} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_ASSERT();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Win)}. */
    @MemberGetter @Name("sizeof(MPI_Win)") public static native int sizeofWin();

    // ---------------------------------------------------------------- collectives, blocking (mpi4j_jni.h)
    /** {@code mpi4j_bcast} of mpi4j_jni.h: {@code MPI_Bcast} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_bcast(@Raw(withEnv = true) Object base, int kind, long offset, int count, long datatype, int root, long comm);
    /** {@code mpi4j_gather} of mpi4j_jni.h: {@code MPI_Gather} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_gather(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, int root, long comm);
    /** {@code mpi4j_scatter} of mpi4j_jni.h: {@code MPI_Scatter} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_scatter(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, int root, long comm);
    /** {@code mpi4j_allgather} of mpi4j_jni.h: {@code MPI_Allgather} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_allgather(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, long comm);
    /** {@code mpi4j_alltoall} of mpi4j_jni.h: {@code MPI_Alltoall} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_alltoall(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, long comm);
    /** {@code mpi4j_neighbor_allgather} of mpi4j_jni.h: {@code MPI_Neighbor_allgather} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_neighbor_allgather(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, long comm);
    /** {@code mpi4j_neighbor_alltoall} of mpi4j_jni.h: {@code MPI_Neighbor_alltoall} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_neighbor_alltoall(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, long comm);
    /** {@code mpi4j_gatherv} of mpi4j_jni.h: {@code MPI_Gatherv} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_gatherv(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long displs, long recvtype, int root, long comm);
    /** {@code mpi4j_scatterv} of mpi4j_jni.h: {@code MPI_Scatterv} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_scatterv(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, long sendcounts, long displs, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long recvtype, int root, long comm);
    /** {@code mpi4j_allgatherv} of mpi4j_jni.h: {@code MPI_Allgatherv} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_allgatherv(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long displs, long recvtype, long comm);
    /** {@code mpi4j_neighbor_allgatherv} of mpi4j_jni.h: {@code MPI_Neighbor_allgatherv} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_neighbor_allgatherv(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, int sendcount, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long displs, long recvtype, long comm);
    /** {@code mpi4j_alltoallv} of mpi4j_jni.h: {@code MPI_Alltoallv} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_alltoallv(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, long sendcounts, long sdispls, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long rdispls, long recvtype, long comm);
    /** {@code mpi4j_neighbor_alltoallv} of mpi4j_jni.h: {@code MPI_Neighbor_alltoallv} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_neighbor_alltoallv(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, long sendcounts, long sdispls, long sendtype, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long rdispls, long recvtype, long comm);
    /** {@code mpi4j_alltoallw} of mpi4j_jni.h: {@code MPI_Alltoallw} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_alltoallw(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, long sendcounts, long sdispls, long sendtypes, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long rdispls, long recvtypes, long comm);
    /** {@code mpi4j_neighbor_alltoallw} of mpi4j_jni.h: {@code MPI_Neighbor_alltoallw} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_neighbor_alltoallw(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, long sendcounts, long sdispls, long sendtypes, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long rdispls, long recvtypes, long comm);
    /** {@code mpi4j_reduce} of mpi4j_jni.h: {@code MPI_Reduce} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_reduce(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, @Raw Object recvBase, int recvKind, long recvOffset, int count, long datatype, long op, int root, long comm);
    /** {@code mpi4j_allreduce} of mpi4j_jni.h: {@code MPI_Allreduce} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_allreduce(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, @Raw Object recvBase, int recvKind, long recvOffset, int count, long datatype, long op, long comm);
    /** {@code mpi4j_scan} of mpi4j_jni.h: {@code MPI_Scan} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_scan(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, @Raw Object recvBase, int recvKind, long recvOffset, int count, long datatype, long op, long comm);
    /** {@code mpi4j_exscan} of mpi4j_jni.h: {@code MPI_Exscan} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_exscan(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, @Raw Object recvBase, int recvKind, long recvOffset, int count, long datatype, long op, long comm);
    /** {@code mpi4j_reduce_scatter_block} of mpi4j_jni.h: {@code MPI_Reduce_scatter_block} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_reduce_scatter_block(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, @Raw Object recvBase, int recvKind, long recvOffset, int recvcount, long datatype, long op, long comm);
    /** {@code mpi4j_reduce_scatter} of mpi4j_jni.h: {@code MPI_Reduce_scatter} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_reduce_scatter(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, @Raw Object recvBase, int recvKind, long recvOffset, long recvcounts, long datatype, long op, long comm);
    /** {@code mpi4j_reduce_local} of mpi4j_jni.h: {@code MPI_Reduce_local} with its buffers pinned for the call; arrays of counts, displacements and types are native addresses. */
    public static native int mpi4j_reduce_local(@Raw(withEnv = true) Object sendBase, int sendKind, long sendOffset, @Raw Object recvBase, int recvKind, long recvOffset, int count, long datatype, long op);

    // ---------------------------------------------------------------- collectives, nonblocking (native addresses only)
    /** Binds {@code MPI_Ibarrier}. */
    public static native int MPI_Ibarrier(@Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ibcast}. */
    public static native int MPI_Ibcast(@Cast("void*") long buffer, int count, @Cast("MPI_Datatype") long datatype, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Igather}. */
    public static native int MPI_Igather(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long recvtype, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Iscatter}. */
    public static native int MPI_Iscatter(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long recvtype, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Igatherv}. */
    public static native int MPI_Igatherv(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("const int*") long displs, @Cast("MPI_Datatype") long recvtype, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Iscatterv}. */
    public static native int MPI_Iscatterv(@Cast("const void*") long sendbuf, @Cast("const int*") long sendcounts, @Cast("const int*") long displs, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long recvtype, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Iallgather}. */
    public static native int MPI_Iallgather(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ialltoall}. */
    public static native int MPI_Ialltoall(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ineighbor_allgather}. */
    public static native int MPI_Ineighbor_allgather(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ineighbor_alltoall}. */
    public static native int MPI_Ineighbor_alltoall(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Iallgatherv}. */
    public static native int MPI_Iallgatherv(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("const int*") long displs, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ineighbor_allgatherv}. */
    public static native int MPI_Ineighbor_allgatherv(@Cast("const void*") long sendbuf, int sendcount, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("const int*") long displs, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ialltoallv}. */
    public static native int MPI_Ialltoallv(@Cast("const void*") long sendbuf, @Cast("const int*") long sendcounts, @Cast("const int*") long sdispls, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("const int*") long rdispls, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ineighbor_alltoallv}. */
    public static native int MPI_Ineighbor_alltoallv(@Cast("const void*") long sendbuf, @Cast("const int*") long sendcounts, @Cast("const int*") long sdispls, @Cast("MPI_Datatype") long sendtype, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("const int*") long rdispls, @Cast("MPI_Datatype") long recvtype, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ialltoallw}. */
    public static native int MPI_Ialltoallw(@Cast("const void*") long sendbuf, @Cast("const int*") long sendcounts, @Cast("const int*") long sdispls, @Cast("const MPI_Datatype*") long sendtypes, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("const int*") long rdispls, @Cast("const MPI_Datatype*") long recvtypes, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ineighbor_alltoallw}. */
    public static native int MPI_Ineighbor_alltoallw(@Cast("const void*") long sendbuf, @Cast("const int*") long sendcounts, @Cast("const MPI_Aint*") long sdispls, @Cast("const MPI_Datatype*") long sendtypes, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("const MPI_Aint*") long rdispls, @Cast("const MPI_Datatype*") long recvtypes, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ireduce}. */
    public static native int MPI_Ireduce(@Cast("const void*") long sendbuf, @Cast("void*") long recvbuf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Op") long op, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Iallreduce}. */
    public static native int MPI_Iallreduce(@Cast("const void*") long sendbuf, @Cast("void*") long recvbuf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Op") long op, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Iscan}. */
    public static native int MPI_Iscan(@Cast("const void*") long sendbuf, @Cast("void*") long recvbuf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Op") long op, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Iexscan}. */
    public static native int MPI_Iexscan(@Cast("const void*") long sendbuf, @Cast("void*") long recvbuf, int count, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Op") long op, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ireduce_scatter_block}. */
    public static native int MPI_Ireduce_scatter_block(@Cast("const void*") long sendbuf, @Cast("void*") long recvbuf, int recvcount, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Op") long op, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Ireduce_scatter}. */
    public static native int MPI_Ireduce_scatter(@Cast("const void*") long sendbuf, @Cast("void*") long recvbuf, @Cast("const int*") long recvcounts, @Cast("MPI_Datatype") long datatype, @Cast("MPI_Op") long op, @Cast("MPI_Comm") long comm, @Cast("MPI_Request*") long request);

    // ---------------------------------------------------------------- reduction operations
    /** Registers the class whose static {@code dispatch} the user-op trampolines call; returns the number of slots. */
    public static native int mpi4j_op_init(@Raw(withEnv = true) Object target);
    /** {@code MPI_Op_create} with the C trampoline of {@code slot}. */
    public static native int mpi4j_op_create(int slot, int commute, long op);
    /** Binds {@code MPI_Op_free}. */
    public static native int MPI_Op_free(@Cast("MPI_Op*") long op);
    /** Binds {@code MPI_Op_commutative}. */
    public static native int MPI_Op_commutative(@Cast("MPI_Op") long op, @Cast("int*") long commute);
    /** Binds {@code MPI_Op_c2f}. */
    public static native int MPI_Op_c2f(@Cast("MPI_Op") long op);
    /** Binds {@code MPI_Op_f2c}. */
    public static native @Cast("intptr_t") long MPI_Op_f2c(int op);
    /** Binds {@code MPI_Intercomm_create}. */
    public static native int MPI_Intercomm_create(@Cast("MPI_Comm") long localComm, int localLeader, @Cast("MPI_Comm") long peerComm, int remoteLeader, int tag, @Cast("MPI_Comm*") long newintercomm);
    /** Binds {@code MPI_Intercomm_merge}. */
    public static native int MPI_Intercomm_merge(@Cast("MPI_Comm") long intercomm, int high, @Cast("MPI_Comm*") long newintracomm);
    /** Binds {@code MPI_Comm_remote_size}. */
    public static native int MPI_Comm_remote_size(@Cast("MPI_Comm") long comm, @Cast("int*") long size);
    /** The predefined {@code MPI_MAX} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_MAX();
    /** The predefined {@code MPI_MIN} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_MIN();
    /** The predefined {@code MPI_SUM} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_SUM();
    /** The predefined {@code MPI_PROD} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_PROD();
    /** The predefined {@code MPI_LAND} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LAND();
    /** The predefined {@code MPI_BAND} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_BAND();
    /** The predefined {@code MPI_LOR} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LOR();
    /** The predefined {@code MPI_BOR} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_BOR();
    /** The predefined {@code MPI_LXOR} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LXOR();
    /** The predefined {@code MPI_BXOR} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_BXOR();
    /** The predefined {@code MPI_MAXLOC} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_MAXLOC();
    /** The predefined {@code MPI_MINLOC} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_MINLOC();
    /** The predefined {@code MPI_REPLACE} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_REPLACE();
    /** The predefined {@code MPI_NO_OP} reduction operation. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_NO_OP();

    // ---------------------------------------------------------------- communicators, attributes, info
    /** Binds {@code MPI_Comm_dup_with_info}. */
    public static native int MPI_Comm_dup_with_info(@Cast("MPI_Comm") long comm, @Cast("MPI_Info") long info, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Comm_idup}. */
    public static native int MPI_Comm_idup(@Cast("MPI_Comm") long comm, @Cast("MPI_Comm*") long newcomm, @Cast("MPI_Request*") long request);
    /** Binds {@code MPI_Comm_split_type}. */
    public static native int MPI_Comm_split_type(@Cast("MPI_Comm") long comm, int splitType, int key, @Cast("MPI_Info") long info, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Comm_create}. */
    public static native int MPI_Comm_create(@Cast("MPI_Comm") long comm, @Cast("MPI_Group") long group, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Comm_create_group}. */
    public static native int MPI_Comm_create_group(@Cast("MPI_Comm") long comm, @Cast("MPI_Group") long group, int tag, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Comm_remote_group}. */
    public static native int MPI_Comm_remote_group(@Cast("MPI_Comm") long comm, @Cast("MPI_Group*") long group);
    /** Binds {@code MPI_Comm_set_info}. */
    public static native int MPI_Comm_set_info(@Cast("MPI_Comm") long comm, @Cast("MPI_Info") long info);
    /** Binds {@code MPI_Comm_get_info}. */
    public static native int MPI_Comm_get_info(@Cast("MPI_Comm") long comm, @Cast("MPI_Info*") long info);
    /** Registers the Java class whose static {@code copy}/{@code delete} methods the attribute callbacks call. */
    public static native int mpi4j_attr_init(@Raw(withEnv = true) Object target);
    /** {@code MPI_Comm_create_keyval} with mpi4j's Java-dispatching copy and delete callbacks. */
    public static native int mpi4j_comm_create_keyval(long keyval);
    /** {@code MPI_Comm_free} of a handle passed by value (attribute callbacks may reuse the caller's scratch memory). */
    public static native int mpi4j_comm_free(long comm);
    /** {@code MPI_Comm_dup} (or {@code _with_info} when {@code withInfo} is 1), the new handle written after the copy callbacks ran. */
    public static native int mpi4j_comm_dup(long comm, int withInfo, long info, long newcomm);
    /** Binds {@code MPI_Comm_free_keyval}. */
    public static native int MPI_Comm_free_keyval(@Cast("int*") long keyval);
    /** Binds {@code MPI_Comm_set_attr}. */
    public static native int MPI_Comm_set_attr(@Cast("MPI_Comm") long comm, int keyval, @Cast("void*") long value);
    /** Binds {@code MPI_Comm_delete_attr}. */
    public static native int MPI_Comm_delete_attr(@Cast("MPI_Comm") long comm, int keyval);
    /** Binds {@code MPI_Info_create}. */
    public static native int MPI_Info_create(@Cast("MPI_Info*") long info);
    /** Binds {@code MPI_Info_set}. */
    public static native int MPI_Info_set(@Cast("MPI_Info") long info, String key, String value);
    /** Binds {@code MPI_Info_get}. */
    public static native int MPI_Info_get(@Cast("MPI_Info") long info, String key, int valuelen, @Cast("char*") long value, @Cast("int*") long flag);
    /** Binds {@code MPI_Info_get_valuelen}. */
    public static native int MPI_Info_get_valuelen(@Cast("MPI_Info") long info, String key, @Cast("int*") long valuelen, @Cast("int*") long flag);
    /** Binds {@code MPI_Info_delete}. */
    public static native int MPI_Info_delete(@Cast("MPI_Info") long info, String key);
    /** Binds {@code MPI_Info_get_nkeys}. */
    public static native int MPI_Info_get_nkeys(@Cast("MPI_Info") long info, @Cast("int*") long nkeys);
    /** Binds {@code MPI_Info_get_nthkey}. */
    public static native int MPI_Info_get_nthkey(@Cast("MPI_Info") long info, int n, @Cast("char*") long key);
    /** Binds {@code MPI_Info_dup}. */
    public static native int MPI_Info_dup(@Cast("MPI_Info") long info, @Cast("MPI_Info*") long newinfo);
    /** Binds {@code MPI_Info_free}. */
    public static native int MPI_Info_free(@Cast("MPI_Info*") long info);
    /** Binds {@code MPI_Info_c2f}. */
    public static native int MPI_Info_c2f(@Cast("MPI_Info") long info);
    /** Binds {@code MPI_Info_f2c}. */
    public static native @Cast("intptr_t") long MPI_Info_f2c(int info);

    // ---------------------------------------------------------------- process topologies
    /** Binds {@code MPI_Dims_create}. */
    public static native int MPI_Dims_create(int nnodes, int ndims, @Cast("int*") int[] dims);
    /** Binds {@code MPI_Cart_create}. */
    public static native int MPI_Cart_create(@Cast("MPI_Comm") long comm, int ndims, @Cast("const int*") int[] dims, @Cast("const int*") int[] periods, int reorder, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Cartdim_get}. */
    public static native int MPI_Cartdim_get(@Cast("MPI_Comm") long comm, @Cast("int*") long ndims);
    /** Binds {@code MPI_Cart_get}. */
    public static native int MPI_Cart_get(@Cast("MPI_Comm") long comm, int maxdims, @Cast("int*") int[] dims, @Cast("int*") int[] periods, @Cast("int*") int[] coords);
    /** Binds {@code MPI_Cart_rank}. */
    public static native int MPI_Cart_rank(@Cast("MPI_Comm") long comm, @Cast("const int*") int[] coords, @Cast("int*") long rank);
    /** Binds {@code MPI_Cart_coords}. */
    public static native int MPI_Cart_coords(@Cast("MPI_Comm") long comm, int rank, int maxdims, @Cast("int*") int[] coords);
    /** Binds {@code MPI_Cart_shift}. */
    public static native int MPI_Cart_shift(@Cast("MPI_Comm") long comm, int direction, int disp, @Cast("int*") long source, @Cast("int*") long dest);
    /** Binds {@code MPI_Cart_sub}. */
    public static native int MPI_Cart_sub(@Cast("MPI_Comm") long comm, @Cast("const int*") int[] remainDims, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Cart_map}. */
    public static native int MPI_Cart_map(@Cast("MPI_Comm") long comm, int ndims, @Cast("const int*") int[] dims, @Cast("const int*") int[] periods, @Cast("int*") long newrank);
    /** Binds {@code MPI_Graph_create}. */
    public static native int MPI_Graph_create(@Cast("MPI_Comm") long comm, int nnodes, @Cast("const int*") int[] index, @Cast("const int*") int[] edges, int reorder, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Graphdims_get}. */
    public static native int MPI_Graphdims_get(@Cast("MPI_Comm") long comm, @Cast("int*") long nnodes, @Cast("int*") long nedges);
    /** Binds {@code MPI_Graph_get}. */
    public static native int MPI_Graph_get(@Cast("MPI_Comm") long comm, int maxindex, int maxedges, @Cast("int*") int[] index, @Cast("int*") int[] edges);
    /** Binds {@code MPI_Graph_neighbors_count}. */
    public static native int MPI_Graph_neighbors_count(@Cast("MPI_Comm") long comm, int rank, @Cast("int*") long nneighbors);
    /** Binds {@code MPI_Graph_neighbors}. */
    public static native int MPI_Graph_neighbors(@Cast("MPI_Comm") long comm, int rank, int maxneighbors, @Cast("int*") int[] neighbors);
    /** Binds {@code MPI_Graph_map}. */
    public static native int MPI_Graph_map(@Cast("MPI_Comm") long comm, int nnodes, @Cast("const int*") int[] index, @Cast("const int*") int[] edges, @Cast("int*") long newrank);
    /** {@code MPI_Dist_graph_create_adjacent}; a null weights array is MPI_UNWEIGHTED, weights of no edges MPI_WEIGHTS_EMPTY. */
    public static native int mpi4j_dist_graph_create_adjacent(long comm, int indegree, @Cast("int*") int[] sources, @Cast("int*") int[] sourceweights, int outdegree, @Cast("int*") int[] destinations, @Cast("int*") int[] destweights, long info, int reorder, long newcomm);
    /** {@code MPI_Dist_graph_create}; a null weights array is MPI_UNWEIGHTED, weights of no edges MPI_WEIGHTS_EMPTY. */
    public static native int mpi4j_dist_graph_create(long comm, int n, @Cast("int*") int[] sources, @Cast("int*") int[] degrees, @Cast("int*") int[] destinations, @Cast("int*") int[] weights, int edges, long info, int reorder, long newcomm);
    /** Binds {@code MPI_Dist_graph_neighbors_count}. */
    public static native int MPI_Dist_graph_neighbors_count(@Cast("MPI_Comm") long comm, @Cast("int*") long indegree, @Cast("int*") long outdegree, @Cast("int*") long weighted);
    /** Binds {@code MPI_Dist_graph_neighbors}. */
    public static native int MPI_Dist_graph_neighbors(@Cast("MPI_Comm") long comm, int maxindegree, @Cast("int*") int[] sources, @Cast("int*") int[] sourceweights, int maxoutdegree, @Cast("int*") int[] destinations, @Cast("int*") int[] destweights);
    /** Binds {@code MPI_Topo_test}. */
    public static native int MPI_Topo_test(@Cast("MPI_Comm") long comm, @Cast("int*") long status);
    /** The predefined {@code MPI_COMM_TYPE_SHARED} of mpi.h: split type of processes that can share memory. */
    @MemberGetter public static native int MPI_COMM_TYPE_SHARED();
    /** The predefined {@code MPI_KEYVAL_INVALID} of mpi.h: the invalid keyval. */
    @MemberGetter public static native int MPI_KEYVAL_INVALID();
    /** The predefined {@code MPI_CART} of mpi.h: topology type. */
    @MemberGetter public static native int MPI_CART();
    /** The predefined {@code MPI_GRAPH} of mpi.h: topology type. */
    @MemberGetter public static native int MPI_GRAPH();
    /** The predefined {@code MPI_DIST_GRAPH} of mpi.h: topology type. */
    @MemberGetter public static native int MPI_DIST_GRAPH();
    /** The predefined {@code MPI_MAX_INFO_KEY} of mpi.h: longest info key. */
    @MemberGetter public static native int MPI_MAX_INFO_KEY();
    /** The predefined {@code MPI_MAX_INFO_VAL} of mpi.h: longest info value. */
    @MemberGetter public static native int MPI_MAX_INFO_VAL();
    /** The predefined handle {@code MPI_INFO_ENV} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INFO_ENV();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Info)}. */
    @MemberGetter @Name("sizeof(MPI_Info)") public static native int sizeofInfo();

    // ---------------------------------------------------------------- dynamic processes
    /** {@code mpi4j_comm_spawn} of mpi4j_jni.h: MPI_Comm_spawn with a Java command and String[] arguments (null: MPI_ARGV_NULL). */
    public static native int mpi4j_comm_spawn(@Raw(withEnv = true) Object command, @Raw Object argv, int maxprocs, long info, int root, long comm, long intercomm, long errcodes);
    /** {@code mpi4j_comm_spawn_multiple} of mpi4j_jni.h: MPI_Comm_spawn_multiple with String[] commands and String[][] arguments. */
    public static native int mpi4j_comm_spawn_multiple(@Raw(withEnv = true) Object commands, @Raw Object argvs, int count, long maxprocs, long infos, int root, long comm, long intercomm, long errcodes);
    /** {@code mpi4j_comm_disconnect} of mpi4j_jni.h: MPI_Comm_disconnect. */
    public static native int mpi4j_comm_disconnect(long comm);
    /** Binds {@code MPI_Comm_get_parent}. */
    public static native int MPI_Comm_get_parent(@Cast("MPI_Comm*") long parent);
    /** Binds {@code MPI_Open_port}. */
    public static native int MPI_Open_port(@Cast("MPI_Info") long info, @Cast("char*") long portName);
    /** Binds {@code MPI_Close_port}. */
    public static native int MPI_Close_port(String portName);
    /** Binds {@code MPI_Comm_accept}. */
    public static native int MPI_Comm_accept(String portName, @Cast("MPI_Info") long info, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Comm_connect}. */
    public static native int MPI_Comm_connect(String portName, @Cast("MPI_Info") long info, int root, @Cast("MPI_Comm") long comm, @Cast("MPI_Comm*") long newcomm);
    /** Binds {@code MPI_Publish_name}. */
    public static native int MPI_Publish_name(String serviceName, @Cast("MPI_Info") long info, String portName);
    /** Binds {@code MPI_Unpublish_name}. */
    public static native int MPI_Unpublish_name(String serviceName, @Cast("MPI_Info") long info, String portName);
    /** Binds {@code MPI_Lookup_name}. */
    public static native int MPI_Lookup_name(String serviceName, @Cast("MPI_Info") long info, @Cast("char*") long portName);
    /** Binds {@code MPI_Comm_join}. */
    public static native int MPI_Comm_join(int fd, @Cast("MPI_Comm*") long intercomm);
    /** The predefined {@code MPI_MAX_PORT_NAME} of mpi.h. */
    @MemberGetter public static native int MPI_MAX_PORT_NAME();

    // ---------------------------------------------------------------- layout facts, so Java assumes nothing
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Status)}. */
    @MemberGetter @Name("sizeof(MPI_Status)") public static native int sizeofStatus();
    /** Layout fact of the native MPI, read at build time: {@code offsetof(MPI_Status, MPI_SOURCE)}. */
    @MemberGetter @Name("offsetof(MPI_Status, MPI_SOURCE)") public static native int offsetofStatusSource();
    /** Layout fact of the native MPI, read at build time: {@code offsetof(MPI_Status, MPI_TAG)}. */
    @MemberGetter @Name("offsetof(MPI_Status, MPI_TAG)") public static native int offsetofStatusTag();
    /** Layout fact of the native MPI, read at build time: {@code offsetof(MPI_Status, MPI_ERROR)}. */
    @MemberGetter @Name("offsetof(MPI_Status, MPI_ERROR)") public static native int offsetofStatusError();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Comm)}. */
    @MemberGetter @Name("sizeof(MPI_Comm)") public static native int sizeofComm();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_File)} (a pointer in MPICH too). */
    @MemberGetter @Name("sizeof(MPI_File)") public static native int sizeofFile();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Request)}. */
    @MemberGetter @Name("sizeof(MPI_Request)") public static native int sizeofRequest();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Datatype)}. */
    @MemberGetter @Name("sizeof(MPI_Datatype)") public static native int sizeofDatatype();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Group)}. */
    @MemberGetter @Name("sizeof(MPI_Group)") public static native int sizeofGroup();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Message)}. */
    @MemberGetter @Name("sizeof(MPI_Message)") public static native int sizeofMessage();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Errhandler)}. */
    @MemberGetter @Name("sizeof(MPI_Errhandler)") public static native int sizeofErrhandler();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Aint)}. */
    @MemberGetter @Name("sizeof(MPI_Aint)") public static native int sizeofAint();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(MPI_Count)}. */
    @MemberGetter @Name("sizeof(MPI_Count)") public static native int sizeofCount();
    /** Layout fact of the native MPI, read at build time: {@code sizeof(long)}. */
    @MemberGetter @Name("sizeof(long)") public static native int sizeofLong();

    // ---------------------------------------------------------------- predefined handles (macros over global symbols in Open MPI)
    /** The predefined handle {@code MPI_COMM_WORLD} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_COMM_WORLD();
    /** The predefined handle {@code MPI_COMM_SELF} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_COMM_SELF();
    /** The predefined handle {@code MPI_COMM_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_COMM_NULL();
    /** The predefined handle {@code MPI_GROUP_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_GROUP_NULL();
    /** The predefined handle {@code MPI_GROUP_EMPTY} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_GROUP_EMPTY();
    /** The predefined handle {@code MPI_DATATYPE_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_DATATYPE_NULL();
    /** The predefined handle {@code MPI_REQUEST_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_REQUEST_NULL();
    /** The predefined handle {@code MPI_MESSAGE_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_MESSAGE_NULL();
    /** The predefined handle {@code MPI_MESSAGE_NO_PROC} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_MESSAGE_NO_PROC();
    /** The predefined handle {@code MPI_ERRHANDLER_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_ERRHANDLER_NULL();
    /** The predefined handle {@code MPI_ERRORS_ARE_FATAL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_ERRORS_ARE_FATAL();
    /** The predefined handle {@code MPI_ERRORS_RETURN} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_ERRORS_RETURN();
    /** The predefined handle {@code MPI_OP_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_OP_NULL();
    /** The predefined handle {@code MPI_INFO_NULL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INFO_NULL();
    /** The predefined handle {@code MPI_STATUS_IGNORE} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_STATUS_IGNORE();
    /** The predefined handle {@code MPI_STATUSES_IGNORE} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_STATUSES_IGNORE();
    /** The predefined handle {@code MPI_BOTTOM} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_BOTTOM();
    /** The predefined handle {@code MPI_IN_PLACE} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_IN_PLACE();
    /** The predefined handle {@code MPI_CHAR} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_CHAR();
    /** The predefined handle {@code MPI_SIGNED_CHAR} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_SIGNED_CHAR();
    /** The predefined handle {@code MPI_UNSIGNED_CHAR} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UNSIGNED_CHAR();
    /** The predefined handle {@code MPI_BYTE} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_BYTE();
    /** The predefined handle {@code MPI_WCHAR} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_WCHAR();
    /** The predefined handle {@code MPI_SHORT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_SHORT();
    /** The predefined handle {@code MPI_UNSIGNED_SHORT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UNSIGNED_SHORT();
    /** The predefined handle {@code MPI_INT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INT();
    /** The predefined handle {@code MPI_UNSIGNED} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UNSIGNED();
    /** The predefined handle {@code MPI_LONG} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LONG();
    /** The predefined handle {@code MPI_UNSIGNED_LONG} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UNSIGNED_LONG();
    /** The predefined handle {@code MPI_LONG_LONG} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LONG_LONG();
    /** The predefined handle {@code MPI_UNSIGNED_LONG_LONG} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UNSIGNED_LONG_LONG();
    /** The predefined handle {@code MPI_FLOAT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_FLOAT();
    /** The predefined handle {@code MPI_DOUBLE} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_DOUBLE();
    /** The predefined handle {@code MPI_LONG_DOUBLE} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LONG_DOUBLE();
    /** The predefined handle {@code MPI_PACKED} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_PACKED();
    /** The predefined handle {@code MPI_C_BOOL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_C_BOOL();
    /** The predefined handle {@code MPI_INT8_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INT8_T();
    /** The predefined handle {@code MPI_INT16_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INT16_T();
    /** The predefined handle {@code MPI_INT32_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INT32_T();
    /** The predefined handle {@code MPI_INT64_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INT64_T();
    /** The predefined handle {@code MPI_UINT8_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UINT8_T();
    /** The predefined handle {@code MPI_UINT16_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UINT16_T();
    /** The predefined handle {@code MPI_UINT32_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UINT32_T();
    /** The predefined handle {@code MPI_UINT64_T} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_UINT64_T();
    /** The predefined handle {@code MPI_C_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_C_COMPLEX();
    /** The predefined handle {@code MPI_C_FLOAT_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_C_FLOAT_COMPLEX();
    /** The predefined handle {@code MPI_C_DOUBLE_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_C_DOUBLE_COMPLEX();
    /** The predefined handle {@code MPI_C_LONG_DOUBLE_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_C_LONG_DOUBLE_COMPLEX();
    /** The predefined handle {@code MPI_AINT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_AINT();
    /** The predefined handle {@code MPI_OFFSET} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_OFFSET();
    /** The predefined handle {@code MPI_COUNT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_COUNT();
    /** The predefined handle {@code MPI_CXX_BOOL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_CXX_BOOL();
    /** The predefined handle {@code MPI_CXX_FLOAT_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_CXX_FLOAT_COMPLEX();
    /** The predefined handle {@code MPI_CXX_DOUBLE_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_CXX_DOUBLE_COMPLEX();
    /** The predefined handle {@code MPI_CXX_LONG_DOUBLE_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_CXX_LONG_DOUBLE_COMPLEX();
    /** The predefined handle {@code MPI_FLOAT_INT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_FLOAT_INT();
    /** The predefined handle {@code MPI_DOUBLE_INT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_DOUBLE_INT();
    /** The predefined handle {@code MPI_LONG_INT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LONG_INT();
    /** The predefined handle {@code MPI_2INT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_2INT();
    /** The predefined handle {@code MPI_SHORT_INT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_SHORT_INT();
    /** The predefined handle {@code MPI_LONG_DOUBLE_INT} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LONG_DOUBLE_INT();
    /** The predefined handle {@code MPI_CHARACTER} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_CHARACTER();
    /** The predefined handle {@code MPI_LOGICAL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_LOGICAL();
    /** The predefined handle {@code MPI_INTEGER} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INTEGER();
    /** The predefined handle {@code MPI_REAL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_REAL();
    /** The predefined handle {@code MPI_DOUBLE_PRECISION} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_DOUBLE_PRECISION();
    /** The predefined handle {@code MPI_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_COMPLEX();
    /** The predefined handle {@code MPI_DOUBLE_COMPLEX} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_DOUBLE_COMPLEX();
    /** The predefined handle {@code MPI_2REAL} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_2REAL();
    /** The predefined handle {@code MPI_2DOUBLE_PRECISION} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_2DOUBLE_PRECISION();
    /** The predefined handle {@code MPI_2INTEGER} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_2INTEGER();
    /** The predefined handle {@code MPI_INTEGER1} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INTEGER1();
    /** The predefined handle {@code MPI_INTEGER2} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INTEGER2();
    /** The predefined handle {@code MPI_INTEGER4} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INTEGER4();
    /** The predefined handle {@code MPI_INTEGER8} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_INTEGER8();
    /** The predefined handle {@code MPI_REAL4} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_REAL4();
    /** The predefined handle {@code MPI_REAL8} of mpi.h. */
    @MemberGetter public static native @Cast("intptr_t") long MPI_REAL8();

    // ---------------------------------------------------------------- integer constants
    /** The predefined {@code MPI_SUCCESS} of mpi.h. */
    @MemberGetter public static native int MPI_SUCCESS();
    /** The predefined {@code MPI_ANY_SOURCE} of mpi.h. */
    @MemberGetter public static native int MPI_ANY_SOURCE();
    /** The predefined {@code MPI_ANY_TAG} of mpi.h. */
    @MemberGetter public static native int MPI_ANY_TAG();
    /** The predefined {@code MPI_PROC_NULL} of mpi.h. */
    @MemberGetter public static native int MPI_PROC_NULL();
    /** The predefined {@code MPI_ROOT} of mpi.h. */
    @MemberGetter public static native int MPI_ROOT();
    /** The predefined {@code MPI_UNDEFINED} of mpi.h. */
    @MemberGetter public static native int MPI_UNDEFINED();
    /** The predefined {@code MPI_THREAD_SINGLE} of mpi.h. */
    @MemberGetter public static native int MPI_THREAD_SINGLE();
    /** The predefined {@code MPI_THREAD_FUNNELED} of mpi.h. */
    @MemberGetter public static native int MPI_THREAD_FUNNELED();
    /** The predefined {@code MPI_THREAD_SERIALIZED} of mpi.h. */
    @MemberGetter public static native int MPI_THREAD_SERIALIZED();
    /** The predefined {@code MPI_THREAD_MULTIPLE} of mpi.h. */
    @MemberGetter public static native int MPI_THREAD_MULTIPLE();
    /** The predefined {@code MPI_IDENT} of mpi.h. */
    @MemberGetter public static native int MPI_IDENT();
    /** The predefined {@code MPI_CONGRUENT} of mpi.h. */
    @MemberGetter public static native int MPI_CONGRUENT();
    /** The predefined {@code MPI_SIMILAR} of mpi.h. */
    @MemberGetter public static native int MPI_SIMILAR();
    /** The predefined {@code MPI_UNEQUAL} of mpi.h. */
    @MemberGetter public static native int MPI_UNEQUAL();
    /** The predefined {@code MPI_TAG_UB} of mpi.h. */
    @MemberGetter public static native int MPI_TAG_UB();
    /** The predefined {@code MPI_HOST} of mpi.h. */
    @MemberGetter public static native int MPI_HOST();
    /** The predefined {@code MPI_IO} of mpi.h. */
    @MemberGetter public static native int MPI_IO();
    /** The predefined {@code MPI_WTIME_IS_GLOBAL} of mpi.h. */
    @MemberGetter public static native int MPI_WTIME_IS_GLOBAL();
    /** The predefined {@code MPI_UNIVERSE_SIZE} of mpi.h. */
    @MemberGetter public static native int MPI_UNIVERSE_SIZE();
    /** The predefined {@code MPI_APPNUM} of mpi.h. */
    @MemberGetter public static native int MPI_APPNUM();
    /** The predefined {@code MPI_MAX_PROCESSOR_NAME} of mpi.h. */
    @MemberGetter public static native int MPI_MAX_PROCESSOR_NAME();
    /** The predefined {@code MPI_MAX_ERROR_STRING} of mpi.h. */
    @MemberGetter public static native int MPI_MAX_ERROR_STRING();
    /** The predefined {@code MPI_MAX_LIBRARY_VERSION_STRING} of mpi.h. */
    @MemberGetter public static native int MPI_MAX_LIBRARY_VERSION_STRING();
    /** The predefined {@code MPI_MAX_OBJECT_NAME} of mpi.h. */
    @MemberGetter public static native int MPI_MAX_OBJECT_NAME();
    /** The predefined {@code MPI_BSEND_OVERHEAD} of mpi.h. */
    @MemberGetter public static native int MPI_BSEND_OVERHEAD();
    /** The predefined {@code MPI_ORDER_C} of mpi.h. */
    @MemberGetter public static native int MPI_ORDER_C();
    /** The predefined {@code MPI_ORDER_FORTRAN} of mpi.h. */
    @MemberGetter public static native int MPI_ORDER_FORTRAN();
    /** The predefined {@code MPI_DISTRIBUTE_BLOCK} of mpi.h. */
    @MemberGetter public static native int MPI_DISTRIBUTE_BLOCK();
    /** The predefined {@code MPI_DISTRIBUTE_CYCLIC} of mpi.h. */
    @MemberGetter public static native int MPI_DISTRIBUTE_CYCLIC();
    /** The predefined {@code MPI_DISTRIBUTE_NONE} of mpi.h. */
    @MemberGetter public static native int MPI_DISTRIBUTE_NONE();
    /** The predefined {@code MPI_DISTRIBUTE_DFLT_DARG} of mpi.h. */
    @MemberGetter public static native int MPI_DISTRIBUTE_DFLT_DARG();
    /** The predefined {@code MPI_COMBINER_NAMED} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_NAMED();
    /** The predefined {@code MPI_COMBINER_DUP} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_DUP();
    /** The predefined {@code MPI_COMBINER_CONTIGUOUS} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_CONTIGUOUS();
    /** The predefined {@code MPI_COMBINER_VECTOR} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_VECTOR();
    /** The predefined {@code MPI_COMBINER_HVECTOR} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_HVECTOR();
    /** The predefined {@code MPI_COMBINER_INDEXED} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_INDEXED();
    /** The predefined {@code MPI_COMBINER_HINDEXED} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_HINDEXED();
    /** The predefined {@code MPI_COMBINER_INDEXED_BLOCK} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_INDEXED_BLOCK();
    /** The predefined {@code MPI_COMBINER_HINDEXED_BLOCK} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_HINDEXED_BLOCK();
    /** The predefined {@code MPI_COMBINER_STRUCT} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_STRUCT();
    /** The predefined {@code MPI_COMBINER_SUBARRAY} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_SUBARRAY();
    /** The predefined {@code MPI_COMBINER_DARRAY} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_DARRAY();
    /** The predefined {@code MPI_COMBINER_RESIZED} of mpi.h. */
    @MemberGetter public static native int MPI_COMBINER_RESIZED();
    /** The predefined {@code MPI_VERSION} of mpi.h. */
    @MemberGetter public static native int MPI_VERSION();
    /** The predefined {@code MPI_SUBVERSION} of mpi.h. */
    @MemberGetter public static native int MPI_SUBVERSION();
    /** The predefined {@code MPI_ERR_BUFFER} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_BUFFER();
    /** The predefined {@code MPI_ERR_COUNT} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_COUNT();
    /** The predefined {@code MPI_ERR_TYPE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_TYPE();
    /** The predefined {@code MPI_ERR_TAG} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_TAG();
    /** The predefined {@code MPI_ERR_COMM} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_COMM();
    /** The predefined {@code MPI_ERR_RANK} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_RANK();
    /** The predefined {@code MPI_ERR_REQUEST} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_REQUEST();
    /** The predefined {@code MPI_ERR_ROOT} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_ROOT();
    /** The predefined {@code MPI_ERR_GROUP} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_GROUP();
    /** The predefined {@code MPI_ERR_OP} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_OP();
    /** The predefined {@code MPI_ERR_TOPOLOGY} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_TOPOLOGY();
    /** The predefined {@code MPI_ERR_DIMS} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_DIMS();
    /** The predefined {@code MPI_ERR_ARG} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_ARG();
    /** The predefined {@code MPI_ERR_UNKNOWN} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_UNKNOWN();
    /** The predefined {@code MPI_ERR_TRUNCATE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_TRUNCATE();
    /** The predefined {@code MPI_ERR_OTHER} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_OTHER();
    /** The predefined {@code MPI_ERR_INTERN} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_INTERN();
    /** The predefined {@code MPI_ERR_IN_STATUS} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_IN_STATUS();
    /** The predefined {@code MPI_ERR_PENDING} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_PENDING();
    /** The predefined {@code MPI_ERR_KEYVAL} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_KEYVAL();
    /** The predefined {@code MPI_ERR_NO_MEM} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_NO_MEM();
    /** The predefined {@code MPI_ERR_BASE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_BASE();
    /** The predefined {@code MPI_ERR_INFO} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_INFO();
    /** The predefined {@code MPI_ERR_WIN} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_WIN();
    /** The predefined {@code MPI_ERR_FILE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_FILE();
    /** The predefined {@code MPI_ERR_UNSUPPORTED_OPERATION} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_UNSUPPORTED_OPERATION();
    /** The predefined {@code MPI_ERR_SPAWN} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_SPAWN();
    /** The predefined {@code MPI_ERR_PORT} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_PORT();
    /** The predefined {@code MPI_ERR_NAME} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_NAME();
    /** The predefined {@code MPI_ERR_SERVICE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_SERVICE();
    /** The predefined {@code MPI_ERR_LASTCODE} of mpi.h. */
    @MemberGetter public static native int MPI_ERR_LASTCODE();
}
