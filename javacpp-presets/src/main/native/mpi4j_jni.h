/*
 * mpi4j native helpers: hand-written C that the JavaCPP-generated JNI layer (jniLibMpi.cpp, in target/) calls.
 *
 * Handles cross JNI as jlong and are cast to the MPI handle type here, so the same Java code works whether the
 * MPI library's handles are pointers (Open MPI) or ints (MPICH).
 *
 * Buffer arguments come as (base, kind, offset):
 *   kind 0 (ADDRESS): offset is an absolute native address, base is ignored (off-heap memory, staging memory);
 *   kind 1 (ARRAY):   base is a Java primitive array, pinned with GetPrimitiveArrayCritical for the duration of a
 *                     blocking call only, offset is in bytes from element 0;
 *   kind 2 (DIRECT):  base is a direct java.nio.Buffer, offset is in bytes from its address.
 * So any buffer reaches MPI with a single JNI transition and no copy.
 */
#ifndef MPI4J_JNI_H
#define MPI4J_JNI_H

#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#include <jni.h>
#include <dlfcn.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <sys/mman.h>
#include <errno.h>
#include <sys/ioctl.h>

#define MPI4J_KIND_ADDRESS 0
#define MPI4J_KIND_ARRAY 1
#define MPI4J_KIND_DIRECT 2

#define MPI4J_H(T, x) ((T)(intptr_t)(x))
#define MPI4J_P(T, x) ((T)(intptr_t)(x))

static inline void* mpi4j_pin(JNIEnv* env, jobject base, jint kind, jlong off) {
    switch (kind) {
        case MPI4J_KIND_ARRAY: return (char*)env->GetPrimitiveArrayCritical((jarray)base, NULL) + off;
        case MPI4J_KIND_DIRECT: return (char*)env->GetDirectBufferAddress(base) + off;
        default: return (void*)(intptr_t)off;
    }
}

/* mode: 0 copies back (receives), JNI_ABORT does not (sends). */
static inline void mpi4j_unpin(JNIEnv* env, jobject base, jint kind, void* p, jlong off, jint mode) {
    if (kind == MPI4J_KIND_ARRAY) env->ReleasePrimitiveArrayCritical((jarray)base, (char*)p - off, mode);
}

/* Open MPI's components (pml_ob1, io_ompio, fcoll_*, coll_han...) use libmpi symbols without linking libmpi.
 * The JVM loads JNI libraries (and so libmpi) with local visibility, so promote libmpi to global before MPI_Init.
 * With MPICH (no such plugins) this promotes libmpich, which does no harm. */
static inline jint mpi4j_promote_global() {
    Dl_info info;
    if (dladdr((void*)&MPI_Init, &info) && info.dli_fname != NULL) {
        void* h = dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
        return h != NULL ? 1 : 0;
    }
    return 0;
}

/* UCX (MPICH 4's default transport; Open MPI's pml_ucx where it is chosen) installs its own SIGSEGV, SIGBUS, SIGILL
 * and SIGFPE handlers as soon as libucs is loaded (MPICH: when the JNI library loads, before any MPI call),
 * replacing the JVM's. The JVM relies on those signals for null checks in compiled code and for stack overflow
 * detection, so UCX's handler turned a StackOverflowError into a crash of the rank. ucs_debug_disable_signals puts
 * back the handlers UCX replaced (the JVM's). Returns 1 if UCX's handler was in place and UCX gave the JVM's back, 0 if
 * UCX is not loaded or its handler is not the current one, -1 if it is loaded without that function. Harmless to call
 * again. */
static inline jint mpi4j_keep_jvm_signals() {
    void* ucs = dlopen("libucs.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (ucs == NULL) return 0;
    /* only when UCX's handler is the one in place: if libucs was loaded before the JVM set its handlers (LD_PRELOAD),
     * the JVM's are on top and what UCX saved is the default action, which must not come back */
    struct sigaction cur;
    Dl_info where;
    if (sigaction(SIGSEGV, NULL, &cur) != 0 || cur.sa_handler == SIG_DFL || cur.sa_handler == SIG_IGN
            || !dladdr((cur.sa_flags & SA_SIGINFO) ? (void*)cur.sa_sigaction : (void*)cur.sa_handler, &where)
            || where.dli_fname == NULL || strstr(where.dli_fname, "libucs") == NULL) {
        dlclose(ucs);
        return 0;
    }
    void (*restore)(void) = (void (*)(void))dlsym(ucs, "ucs_debug_disable_signals");
    if (restore != NULL) restore();
    dlclose(ucs);
    return restore != NULL ? 1 : -1;
}

static inline jlong mpi4j_direct_address(JNIEnv* env, jclass, jobject buf) {
    return (jlong)(intptr_t)env->GetDirectBufferAddress(buf);
}

static inline jlong mpi4j_malloc(jlong bytes) { return (jlong)(intptr_t)malloc(bytes > 0 ? (size_t)bytes : 1); }
/* Native memory for staging a message: page aligned from 4 KiB on, cache-line aligned below. malloc's 16-byte
 * alignment puts an 8 KiB message on 3 pages instead of 2, and MPI's single-copy transfers (which pin every page) move
 * it slower: a ring of 8 KiB nonblocking messages, 2 ranks: 2.65 us aligned, 2.83-2.91 us 16 bytes off (measured).
 * Free with mpi4j_free; 0 when out of memory. */
static inline jlong mpi4j_malloc_aligned(jlong bytes) {
    size_t n = bytes > 0 ? (size_t)bytes : 1;
    void* p = NULL;
    if (posix_memalign(&p, n >= 4096 ? 4096 : 64, n) != 0) return 0;
    return (jlong)(intptr_t)p;
}
/* Native memory for large messages: from 1 MiB on, 2 MiB aligned, rounded up to whole 2 MiB pages and advised
 * MADV_HUGEPAGE, so that with transparent huge pages in "madvise" mode the kernel backs it with huge pages (fewer TLB
 * misses in MPI's copies: numpy gets these for mpi4py). Smaller sizes are cache-line aligned and not page aligned: a
 * one-sided put from a page-aligned origin into Open MPI's shared-memory windows (8 bytes past a page) runs 1.3-3x
 * slower (4 KiB aliasing in the copy). Free with mpi4j_free. */
static inline jlong mpi4j_alloc_huge(jlong bytes) {
    const size_t huge = (size_t)2 << 20;
    if (bytes < (jlong)(huge / 2)) {
        void* p = NULL;
        if (posix_memalign(&p, 64, bytes > 0 ? (size_t)bytes : 1) != 0) return 0;
        return (jlong)(intptr_t)p;
    }
    size_t size = ((size_t)bytes + huge - 1) & ~(huge - 1);
    void* p = NULL;
    if (posix_memalign(&p, huge, size) != 0) return 0;
#ifdef MADV_HUGEPAGE
    madvise(p, size, MADV_HUGEPAGE);
#endif
    return (jlong)(intptr_t)p;
}
static inline void mpi4j_free(jlong addr) { free((void*)(intptr_t)addr); }
/* Backs [addr, addr + bytes) (2 MiB aligned) with transparent huge pages now: MADV_HUGEPAGE, then MADV_COLLAPSE
 * (Linux 6.1+), which moves the present pages into huge pages synchronously, content unchanged. 0, or the errno of the
 * call that failed (EINVAL on older kernels or on memory that cannot have them, such as file mappings). */
static inline jint mpi4j_collapse_huge(jlong addr, jlong bytes) {
#ifdef MADV_HUGEPAGE
    if (madvise((void*)(intptr_t)addr, (size_t)bytes, MADV_HUGEPAGE) != 0) return errno;
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif
    if (madvise((void*)(intptr_t)addr, (size_t)bytes, MADV_COLLAPSE) != 0) return errno;
    return 0;
#else
    return -1;
#endif
}
static inline void mpi4j_memcpy(jlong dst, jlong src, jlong bytes) {
    memcpy((void*)(intptr_t)dst, (const void*)(intptr_t)src, (size_t)bytes);
}
/* Sets every bit of [addr, addr + bytes); a 4 KiB block already all ones is only read (receives into the same Arrow
 * vector mark its validity again and again: reading is cheaper than rewriting, and leaves the cache lines clean). */
static inline void mpi4j_set_ones(jlong addr, jlong bytes) {
    static const struct Ones { unsigned char b[4096]; Ones() { memset(b, 0xff, sizeof b); } } all;   /* C++: made once */
    const unsigned char* ones = all.b;
    unsigned char* p = (unsigned char*)(intptr_t)addr;
    size_t n = (size_t)bytes;
    while (n > 0) {
        size_t k = n < sizeof all.b ? n : sizeof all.b;
        if (memcmp(p, ones, k) != 0) memset(p, 0xff, k);   /* glibc's vectorised memcmp: a read at full speed */
        p += k;
        n -= k;
    }
}

/* Copies between a pinned buffer (any kind) and native memory: staging for nonblocking operations on heap arrays. */
static inline void mpi4j_copy_to_native(JNIEnv* env, jclass, jobject base, jint kind, jlong off, jlong dst, jlong bytes) {
    void* p = mpi4j_pin(env, base, kind, off);
    memcpy((void*)(intptr_t)dst, p, (size_t)bytes);
    mpi4j_unpin(env, base, kind, p, off, JNI_ABORT);
}
static inline void mpi4j_copy_from_native(JNIEnv* env, jclass, jobject base, jint kind, jlong off, jlong src, jlong bytes) {
    void* p = mpi4j_pin(env, base, kind, off);
    memcpy(p, (const void*)(intptr_t)src, (size_t)bytes);
    mpi4j_unpin(env, base, kind, p, off, 0);
}

/* Lands a staged receive in its Java array, writing only the bytes of the type map of `count` elements of `type`
 * from `src` (the message start in staging memory) to `off` bytes into `array`: the gaps between and inside
 * elements are left as they are, since the program may be using them. A non-zero `status` (a completed receive's
 * MPI_Status) caps the packed bytes landed at what the receive delivered (a trailing partial element lands only its
 * delivered bytes; a cancelled receive lands nothing); 0 lands all count elements. The array is pinned only for the
 * copy, never across communication.
 * Returns an MPI error code. */
static inline jint mpi4j_land(JNIEnv* env, jclass, jobject array, jlong off, jlong src, jlong count, jlong type,
                              jlong status, jlong gapless) {
    MPI_Datatype t = MPI4J_H(MPI_Datatype, type);
    long long limit = -1;
    if (status != 0) {
        int got = 0, cancelled = 0;
        if (MPI_Test_cancelled(MPI4J_P(MPI_Status*, status), &cancelled) == MPI_SUCCESS && cancelled) return MPI_SUCCESS;
        if (MPI_Get_count(MPI4J_P(MPI_Status*, status), MPI_BYTE, &got) == MPI_SUCCESS && got != MPI_UNDEFINED) limit = got;
    }
    if (gapless > 0) {
        /* the caller knows the elements lie back to back from the message start, gapless bytes each (a predefined
         * type): one copy, no type queries (they cost more than landing a small message's bytes) */
        if (count <= 0) return MPI_SUCCESS;
        long long total = (long long)count * gapless;
        long long bytes = limit >= 0 && limit < total ? limit : total;
        char* to = (char*)mpi4j_pin(env, array, MPI4J_KIND_ARRAY, off);
        memcpy(to, (const char*)(intptr_t)src, (size_t)bytes);
        mpi4j_unpin(env, array, MPI4J_KIND_ARRAY, to, off, 0);
        return MPI_SUCCESS;
    }
    int size;
    MPI_Aint lb, extent, tlb, textent;
    int rc = MPI_Type_size(t, &size);
    if (rc == MPI_SUCCESS) rc = MPI_Type_get_extent(t, &lb, &extent);
    if (rc == MPI_SUCCESS) rc = MPI_Type_get_true_extent(t, &tlb, &textent);
    if (rc != MPI_SUCCESS || count <= 0 || size <= 0) return rc;
    long long total = (long long)count * size;
    long long bytes = limit >= 0 && limit < total ? limit : total;
    const char* from = (const char*)(intptr_t)src;
    if ((MPI_Aint)size == textent && (count == 1 || extent == (MPI_Aint)size)) {   /* no gaps */
        char* to = (char*)mpi4j_pin(env, array, MPI4J_KIND_ARRAY, off);
        memcpy(to + tlb, from + tlb, (size_t)bytes);
        mpi4j_unpin(env, array, MPI4J_KIND_ARRAY, to, off, 0);
        return MPI_SUCCESS;
    }
    /* gaps: MPI_Pack the staged elements (type map order, no gaps), then MPI_Unpack them into the array, which
     * writes exactly the type map; chunked so each packed run fits MPI's int sizes */
    long long whole = bytes / size;
    int partial = (int)(bytes - whole * size);
    long long chunk = (1LL << 26) / size > 0 ? (1LL << 26) / size : 1;
    long long first = whole < chunk ? whole : chunk;
    char* tmp = (char*)malloc((size_t)((first > 0 ? first : 1) * size) + (partial ? 2 * (size_t)size : 0));
    if (tmp == NULL) return MPI_ERR_NO_MEM;
    for (long long i = 0; i < whole && rc == MPI_SUCCESS; i += chunk) {
        int c = (int)(whole - i < chunk ? whole - i : chunk);
        int pos = 0;
        rc = MPI_Pack(from + i * extent, c, t, tmp, c * size, &pos, MPI_COMM_SELF);
        if (rc != MPI_SUCCESS) break;
        char* to = (char*)mpi4j_pin(env, array, MPI4J_KIND_ARRAY, off);
        pos = 0;
        rc = MPI_Unpack(tmp, c * size, &pos, to + i * extent, c, t, MPI_COMM_SELF);
        mpi4j_unpin(env, array, MPI4J_KIND_ARRAY, to, off, 0);
    }
    if (rc == MPI_SUCCESS && partial) {
        /* the delivered head of the last element over what the array holds now, so the rest stays as it is */
        char* got = tmp;
        char* now = tmp + size;
        int pos = 0;
        rc = MPI_Pack(from + whole * extent, 1, t, got, size, &pos, MPI_COMM_SELF);
        char* to = (char*)mpi4j_pin(env, array, MPI4J_KIND_ARRAY, off);
        if (rc == MPI_SUCCESS) { pos = 0; rc = MPI_Pack(to + whole * extent, 1, t, now, size, &pos, MPI_COMM_SELF); }
        if (rc == MPI_SUCCESS) {
            memcpy(now, got, (size_t)partial);
            pos = 0;
            rc = MPI_Unpack(now, size, &pos, to + whole * extent, 1, t, MPI_COMM_SELF);
        }
        mpi4j_unpin(env, array, MPI4J_KIND_ARRAY, to, off, 0);
    }
    free(tmp);
    return rc;
}

/* ---- dynamic processes: Java strings and string arrays become MPI's char* and char** ---- */
/* A NULL-terminated char** copy of a Java String[] (NULL for null: MPI_ARGV_NULL); free with mpi4j_free_argv. */
static inline char** mpi4j_argv(JNIEnv* env, jobjectArray a) {
    if (a == NULL) return NULL;
    jsize n = env->GetArrayLength(a);
    char** v = (char**)calloc((size_t)n + 1, sizeof(char*));
    for (jsize i = 0; i < n; i++) {
        jstring s = (jstring)env->GetObjectArrayElement(a, i);
        const char* c = env->GetStringUTFChars(s, NULL);
        v[i] = strdup(c);
        env->ReleaseStringUTFChars(s, c);
        env->DeleteLocalRef(s);
    }
    return v;
}
static inline void mpi4j_free_argv(char** v) {
    if (v == NULL) return;
    for (char** p = v; *p != NULL; p++) free(*p);
    free(v);
}

/* MPI_Comm_spawn with the command and arguments as Java strings; errcodes: an int array of maxprocs entries or 0. */
static inline jint mpi4j_comm_spawn(JNIEnv* env, jclass, jobject command, jobject argv, jint maxprocs, jlong info,
                                    jint root, jlong comm, jlong intercomm, jlong errcodes) {
    const char* c = command != NULL ? env->GetStringUTFChars((jstring)command, NULL) : NULL;
    char** v = mpi4j_argv(env, (jobjectArray)argv);
    int rc = MPI_Comm_spawn(c, v != NULL ? v : MPI_ARGV_NULL, maxprocs, MPI4J_H(MPI_Info, info), root,
                            MPI4J_H(MPI_Comm, comm), MPI4J_P(MPI_Comm*, intercomm),
                            errcodes != 0 ? MPI4J_P(int*, errcodes) : MPI_ERRCODES_IGNORE);
    mpi4j_free_argv(v);
    if (c != NULL) env->ReleaseStringUTFChars((jstring)command, c);
    return rc;
}

/* MPI_Comm_spawn_multiple: commands String[count], argvs String[count][] (entries may be null), maxprocs and infos
 * as native arrays Java filled. */
static inline jint mpi4j_comm_spawn_multiple(JNIEnv* env, jclass, jobject commands, jobject argvs, jint count,
                                             jlong maxprocs, jlong infos, jint root, jlong comm, jlong intercomm,
                                             jlong errcodes) {
    char** cmds = mpi4j_argv(env, (jobjectArray)commands);
    char*** vs = (char***)calloc((size_t)(count > 0 ? count : 1), sizeof(char**));
    int any = 0;
    for (jint i = 0; i < count; i++) {
        jobjectArray a = argvs != NULL ? (jobjectArray)env->GetObjectArrayElement((jobjectArray)argvs, i) : NULL;
        vs[i] = mpi4j_argv(env, a);
        if (vs[i] == NULL) vs[i] = (char**)calloc(1, sizeof(char*));  /* an empty argument list */
        any = 1;
        if (a != NULL) env->DeleteLocalRef(a);
    }
    MPI_Info* inf = (MPI_Info*)malloc(sizeof(MPI_Info) * (size_t)(count > 0 ? count : 1));
    for (jint i = 0; i < count; i++) inf[i] = MPI4J_H(MPI_Info, ((jlong*)(intptr_t)infos)[i]);
    int rc = MPI_Comm_spawn_multiple(count, cmds, any ? vs : MPI_ARGVS_NULL, MPI4J_P(const int*, maxprocs), inf, root,
                                     MPI4J_H(MPI_Comm, comm), MPI4J_P(MPI_Comm*, intercomm),
                                     errcodes != 0 ? MPI4J_P(int*, errcodes) : MPI_ERRCODES_IGNORE);
    for (jint i = 0; i < count; i++) mpi4j_free_argv(vs[i]);
    free(vs);
    free(inf);
    mpi4j_free_argv(cmds);
    return rc;
}

/* MPI_Comm_disconnect takes the handle by address (it sets it to MPI_COMM_NULL). */
static inline jint mpi4j_comm_disconnect(jlong comm) {
    MPI_Comm c = MPI4J_H(MPI_Comm, comm);
    return MPI_Comm_disconnect(&c);
}

/* ---- point-to-point, blocking: buffers pinned for the call ---- */
#define MPI4J_SEND_FN(NAME, CALL) \
static inline jint NAME(JNIEnv* env, jclass, jobject base, jint kind, jlong off, jint count, jlong type, \
                        jint dest, jint tag, jlong comm) { \
    void* p = mpi4j_pin(env, base, kind, off); \
    int rc = CALL(p, count, MPI4J_H(MPI_Datatype, type), dest, tag, MPI4J_H(MPI_Comm, comm)); \
    mpi4j_unpin(env, base, kind, p, off, JNI_ABORT); \
    return rc; \
}
MPI4J_SEND_FN(mpi4j_send, MPI_Send)
MPI4J_SEND_FN(mpi4j_ssend, MPI_Ssend)
MPI4J_SEND_FN(mpi4j_rsend, MPI_Rsend)
MPI4J_SEND_FN(mpi4j_bsend, MPI_Bsend)

/* Where an MPI_Status keeps the bytes received, so Java reads them without a call (after a receive into an Arrow
 * vector, on the latency path): kind << 48 | count offset << 16 | cancelled offset. Kind 1, Open MPI: size_t _ucount,
 * int _cancelled. Kind 2, MPICH: int count_lo, int count_hi_and_cancelled (bit 0 cancelled, the rest the high bits).
 * 0: unknown (Java then asks MPI_Get_elements_x). */
static inline jlong mpi4j_status_count_layout() {
#if defined(OPEN_MPI)
    return (1LL << 48) | ((jlong)offsetof(MPI_Status, _ucount) << 16) | (jlong)offsetof(MPI_Status, _cancelled);
#elif defined(MPICH)
    return (2LL << 48) | ((jlong)offsetof(MPI_Status, count_lo) << 16) | (jlong)offsetof(MPI_Status, count_hi_and_cancelled);
#else
    return 0;
#endif
}

/* MPI_Waitall. Open MPI 4.1's MPI_Waitall never returns, at every thread level above MPI_THREAD_SINGLE, when one of
 * its receives had completed in error before the call (a message too large for its receive that had arrived before
 * the receive was posted): it spins in its progress loop (a C program does the same). MPI_Wait, MPI_Waitany,
 * MPI_Waitsome and MPI_Testall return. So with Open MPI the requests are waited one by one, which completes them all
 * as MPI_Waitall does, each one's error in its status's MPI_ERROR and MPI_ERR_IN_STATUS returned when one failed.
 * statuses: n MPI_Status (never MPI_STATUSES_IGNORE here). */
static inline jint mpi4j_waitall(jint n, jlong reqs, jlong statuses) {
    MPI_Request* r = MPI4J_P(MPI_Request*, reqs);
    MPI_Status* st = MPI4J_P(MPI_Status*, statuses);
#ifdef OPEN_MPI
    int failed = 0;
    for (int i = 0; i < n; i++) {
        int rc = MPI_Wait(&r[i], &st[i]);
        st[i].MPI_ERROR = rc;
        if (rc != MPI_SUCCESS) failed = 1;
    }
    return failed ? MPI_ERR_IN_STATUS : MPI_SUCCESS;
#else
    return MPI_Waitall(n, r, st);
#endif
}

static inline jint mpi4j_recv(JNIEnv* env, jclass, jobject base, jint kind, jlong off, jint count, jlong type,
                              jint source, jint tag, jlong comm, jlong status) {
    void* p = mpi4j_pin(env, base, kind, off);
    int rc = MPI_Recv(p, count, MPI4J_H(MPI_Datatype, type), source, tag, MPI4J_H(MPI_Comm, comm),
                      MPI4J_P(MPI_Status*, status));
    mpi4j_unpin(env, base, kind, p, off, 0);
    return rc;
}

static inline jint mpi4j_sendrecv(JNIEnv* env, jclass, jobject sbase, jint skind, jlong soff, jint scount, jlong stype,
                                  jint dest, jint stag, jobject rbase, jint rkind, jlong roff, jint rcount, jlong rtype,
                                  jint source, jint rtag, jlong comm, jlong status) {
    void* s = mpi4j_pin(env, sbase, skind, soff);
    void* r = mpi4j_pin(env, rbase, rkind, roff);
    int rc = MPI_Sendrecv(s, scount, MPI4J_H(MPI_Datatype, stype), dest, stag, r, rcount,
                          MPI4J_H(MPI_Datatype, rtype), source, rtag, MPI4J_H(MPI_Comm, comm),
                          MPI4J_P(MPI_Status*, status));
    mpi4j_unpin(env, rbase, rkind, r, roff, 0);
    mpi4j_unpin(env, sbase, skind, s, soff, JNI_ABORT);
    return rc;
}

static inline jint mpi4j_sendrecv_replace(JNIEnv* env, jclass, jobject base, jint kind, jlong off, jint count,
                                          jlong type, jint dest, jint stag, jint source, jint rtag, jlong comm,
                                          jlong status) {
    void* p = mpi4j_pin(env, base, kind, off);
    int rc = MPI_Sendrecv_replace(p, count, MPI4J_H(MPI_Datatype, type), dest, stag, source, rtag,
                                  MPI4J_H(MPI_Comm, comm), MPI4J_P(MPI_Status*, status));
    mpi4j_unpin(env, base, kind, p, off, 0);
    return rc;
}

static inline jint mpi4j_mrecv(JNIEnv* env, jclass, jobject base, jint kind, jlong off, jint count, jlong type,
                               jlong message, jlong status) {
    void* p = mpi4j_pin(env, base, kind, off);
    int rc = MPI_Mrecv(p, count, MPI4J_H(MPI_Datatype, type), MPI4J_P(MPI_Message*, message),
                       MPI4J_P(MPI_Status*, status));
    mpi4j_unpin(env, base, kind, p, off, 0);
    return rc;
}

static inline jint mpi4j_pack(JNIEnv* env, jclass, jobject ibase, jint ikind, jlong ioff, jint incount, jlong type,
                              jobject obase, jint okind, jlong ooff, jint outsize, jlong position, jlong comm) {
    void* i = mpi4j_pin(env, ibase, ikind, ioff);
    void* o = mpi4j_pin(env, obase, okind, ooff);
    int rc = MPI_Pack(i, incount, MPI4J_H(MPI_Datatype, type), o, outsize, MPI4J_P(int*, position),
                      MPI4J_H(MPI_Comm, comm));
    mpi4j_unpin(env, obase, okind, o, ooff, 0);
    mpi4j_unpin(env, ibase, ikind, i, ioff, JNI_ABORT);
    return rc;
}

static inline jint mpi4j_unpack(JNIEnv* env, jclass, jobject ibase, jint ikind, jlong ioff, jint insize,
                                jlong position, jobject obase, jint okind, jlong ooff, jint outcount, jlong type,
                                jlong comm) {
    void* i = mpi4j_pin(env, ibase, ikind, ioff);
    void* o = mpi4j_pin(env, obase, okind, ooff);
    int rc = MPI_Unpack(i, insize, MPI4J_P(int*, position), o, outcount, MPI4J_H(MPI_Datatype, type),
                        MPI4J_H(MPI_Comm, comm));
    mpi4j_unpin(env, obase, okind, o, ooff, 0);
    mpi4j_unpin(env, ibase, ikind, i, ioff, JNI_ABORT);
    return rc;
}

/* ---- handle arrays: Java passes long[], MPI wants its own handle type (pointer or int) ---- */
static inline jint mpi4j_type_create_struct(jint count, const int* blocklengths, const jlong* displs,
                                            const jlong* types, jlong newtype) {
    MPI_Aint* d = (MPI_Aint*)malloc(sizeof(MPI_Aint) * (count > 0 ? count : 1));
    MPI_Datatype* t = (MPI_Datatype*)malloc(sizeof(MPI_Datatype) * (count > 0 ? count : 1));
    for (int i = 0; i < count; i++) { d[i] = (MPI_Aint)displs[i]; t[i] = MPI4J_H(MPI_Datatype, types[i]); }
    int rc = MPI_Type_create_struct(count, blocklengths, d, t, MPI4J_P(MPI_Datatype*, newtype));
    free(d); free(t);
    return rc;
}

/* ---- one-sided communication and MPI memory: address arithmetic and reads of attribute values ----
 * MPI_Aint_add/diff are macros in Open MPI and functions in MPICH; window attributes come back as pointers to
 * values that Java reads here. */
static inline jlong mpi4j_aint_add(jlong base, jlong disp) {
    return (jlong)MPI_Aint_add((MPI_Aint)base, (MPI_Aint)disp);
}
static inline jlong mpi4j_aint_diff(jlong addr1, jlong addr2) {
    return (jlong)MPI_Aint_diff((MPI_Aint)addr1, (MPI_Aint)addr2);
}
static inline jlong mpi4j_read_aint(jlong address) { return (jlong)*(const MPI_Aint*)(intptr_t)address; }
static inline jint mpi4j_read_int(jlong address) { return (jint)*(const int*)(intptr_t)address; }

/* ---- collectives, blocking: send and receive buffers pinned for the call ----
 * Counts, displacements and datatype arrays (v and w variants) come as native addresses that Java filled.
 * MPI_IN_PLACE arrives as an ADDRESS-kind buffer whose offset is MPI_IN_PLACE's own value. */
#define MPI4J_PIN2 \
    void* s = mpi4j_pin(env, sbase, skind, soff); \
    void* r = mpi4j_pin(env, rbase, rkind, roff);
#define MPI4J_UNPIN2 \
    mpi4j_unpin(env, rbase, rkind, r, roff, 0); \
    mpi4j_unpin(env, sbase, skind, s, soff, JNI_ABORT); \
    return rc;
#define MPI4J_SBUF jobject sbase, jint skind, jlong soff
#define MPI4J_RBUF jobject rbase, jint rkind, jlong roff

static inline jint mpi4j_bcast(JNIEnv* env, jclass, jobject base, jint kind, jlong off, jint count, jlong type,
                               jint root, jlong comm) {
    void* p = mpi4j_pin(env, base, kind, off);
    int rc = MPI_Bcast(p, count, MPI4J_H(MPI_Datatype, type), root, MPI4J_H(MPI_Comm, comm));
    mpi4j_unpin(env, base, kind, p, off, 0);
    return rc;
}

/* gather, scatter: (send count, type) (recv count, type) root */
#define MPI4J_ROOTED_FN(NAME, CALL) \
static inline jint NAME(JNIEnv* env, jclass, MPI4J_SBUF, jint scount, jlong stype, MPI4J_RBUF, jint rcount, \
                        jlong rtype, jint root, jlong comm) { \
    MPI4J_PIN2 \
    int rc = CALL(s, scount, MPI4J_H(MPI_Datatype, stype), r, rcount, MPI4J_H(MPI_Datatype, rtype), root, \
                  MPI4J_H(MPI_Comm, comm)); \
    MPI4J_UNPIN2 \
}
MPI4J_ROOTED_FN(mpi4j_gather, MPI_Gather)
MPI4J_ROOTED_FN(mpi4j_scatter, MPI_Scatter)

/* allgather, alltoall and their neighbourhood forms: no root */
#define MPI4J_ALL_FN(NAME, CALL) \
static inline jint NAME(JNIEnv* env, jclass, MPI4J_SBUF, jint scount, jlong stype, MPI4J_RBUF, jint rcount, \
                        jlong rtype, jlong comm) { \
    MPI4J_PIN2 \
    int rc = CALL(s, scount, MPI4J_H(MPI_Datatype, stype), r, rcount, MPI4J_H(MPI_Datatype, rtype), \
                  MPI4J_H(MPI_Comm, comm)); \
    MPI4J_UNPIN2 \
}
MPI4J_ALL_FN(mpi4j_allgather, MPI_Allgather)
MPI4J_ALL_FN(mpi4j_alltoall, MPI_Alltoall)
MPI4J_ALL_FN(mpi4j_neighbor_allgather, MPI_Neighbor_allgather)
MPI4J_ALL_FN(mpi4j_neighbor_alltoall, MPI_Neighbor_alltoall)

static inline jint mpi4j_gatherv(JNIEnv* env, jclass, MPI4J_SBUF, jint scount, jlong stype, MPI4J_RBUF,
                                 jlong rcounts, jlong rdispls, jlong rtype, jint root, jlong comm) {
    MPI4J_PIN2
    int rc = MPI_Gatherv(s, scount, MPI4J_H(MPI_Datatype, stype), r, MPI4J_P(const int*, rcounts),
                         MPI4J_P(const int*, rdispls), MPI4J_H(MPI_Datatype, rtype), root, MPI4J_H(MPI_Comm, comm));
    MPI4J_UNPIN2
}

static inline jint mpi4j_scatterv(JNIEnv* env, jclass, MPI4J_SBUF, jlong scounts, jlong sdispls, jlong stype,
                                  MPI4J_RBUF, jint rcount, jlong rtype, jint root, jlong comm) {
    MPI4J_PIN2
    int rc = MPI_Scatterv(s, MPI4J_P(const int*, scounts), MPI4J_P(const int*, sdispls),
                          MPI4J_H(MPI_Datatype, stype), r, rcount, MPI4J_H(MPI_Datatype, rtype), root,
                          MPI4J_H(MPI_Comm, comm));
    MPI4J_UNPIN2
}

#define MPI4J_ALLV_FN(NAME, CALL) \
static inline jint NAME(JNIEnv* env, jclass, MPI4J_SBUF, jint scount, jlong stype, MPI4J_RBUF, jlong rcounts, \
                        jlong rdispls, jlong rtype, jlong comm) { \
    MPI4J_PIN2 \
    int rc = CALL(s, scount, MPI4J_H(MPI_Datatype, stype), r, MPI4J_P(const int*, rcounts), \
                  MPI4J_P(const int*, rdispls), MPI4J_H(MPI_Datatype, rtype), MPI4J_H(MPI_Comm, comm)); \
    MPI4J_UNPIN2 \
}
MPI4J_ALLV_FN(mpi4j_allgatherv, MPI_Allgatherv)
MPI4J_ALLV_FN(mpi4j_neighbor_allgatherv, MPI_Neighbor_allgatherv)

#define MPI4J_TOALLV_FN(NAME, CALL) \
static inline jint NAME(JNIEnv* env, jclass, MPI4J_SBUF, jlong scounts, jlong sdispls, jlong stype, MPI4J_RBUF, \
                        jlong rcounts, jlong rdispls, jlong rtype, jlong comm) { \
    MPI4J_PIN2 \
    int rc = CALL(s, MPI4J_P(const int*, scounts), MPI4J_P(const int*, sdispls), MPI4J_H(MPI_Datatype, stype), \
                  r, MPI4J_P(const int*, rcounts), MPI4J_P(const int*, rdispls), MPI4J_H(MPI_Datatype, rtype), \
                  MPI4J_H(MPI_Comm, comm)); \
    MPI4J_UNPIN2 \
}
MPI4J_TOALLV_FN(mpi4j_alltoallv, MPI_Alltoallv)
MPI4J_TOALLV_FN(mpi4j_neighbor_alltoallv, MPI_Neighbor_alltoallv)

/* alltoallw: byte displacements and one datatype per peer; the datatype arrays are MPI handles Java wrote */
static inline jint mpi4j_alltoallw(JNIEnv* env, jclass, MPI4J_SBUF, jlong scounts, jlong sdispls, jlong stypes,
                                   MPI4J_RBUF, jlong rcounts, jlong rdispls, jlong rtypes, jlong comm) {
    MPI4J_PIN2
    int rc = MPI_Alltoallw(s, MPI4J_P(const int*, scounts), MPI4J_P(const int*, sdispls),
                           MPI4J_P(const MPI_Datatype*, stypes), r, MPI4J_P(const int*, rcounts),
                           MPI4J_P(const int*, rdispls), MPI4J_P(const MPI_Datatype*, rtypes), MPI4J_H(MPI_Comm, comm));
    MPI4J_UNPIN2
}
static inline jint mpi4j_neighbor_alltoallw(JNIEnv* env, jclass, MPI4J_SBUF, jlong scounts, jlong sdispls,
                                            jlong stypes, MPI4J_RBUF, jlong rcounts, jlong rdispls, jlong rtypes,
                                            jlong comm) {
    MPI4J_PIN2
    int rc = MPI_Neighbor_alltoallw(s, MPI4J_P(const int*, scounts), MPI4J_P(const MPI_Aint*, sdispls),
                                    MPI4J_P(const MPI_Datatype*, stypes), r, MPI4J_P(const int*, rcounts),
                                    MPI4J_P(const MPI_Aint*, rdispls), MPI4J_P(const MPI_Datatype*, rtypes),
                                    MPI4J_H(MPI_Comm, comm));
    MPI4J_UNPIN2
}

static inline jint mpi4j_reduce(JNIEnv* env, jclass, MPI4J_SBUF, MPI4J_RBUF, jint count, jlong type, jlong op,
                                jint root, jlong comm) {
    MPI4J_PIN2
    int rc = MPI_Reduce(s, r, count, MPI4J_H(MPI_Datatype, type), MPI4J_H(MPI_Op, op), root, MPI4J_H(MPI_Comm, comm));
    MPI4J_UNPIN2
}

/* allreduce, scan, exscan, reduce_scatter_block: (send, recv, count, type, op, comm) */
#define MPI4J_REDUCE_FN(NAME, CALL) \
static inline jint NAME(JNIEnv* env, jclass, MPI4J_SBUF, MPI4J_RBUF, jint count, jlong type, jlong op, jlong comm) { \
    MPI4J_PIN2 \
    int rc = CALL(s, r, count, MPI4J_H(MPI_Datatype, type), MPI4J_H(MPI_Op, op), MPI4J_H(MPI_Comm, comm)); \
    MPI4J_UNPIN2 \
}
MPI4J_REDUCE_FN(mpi4j_allreduce, MPI_Allreduce)
MPI4J_REDUCE_FN(mpi4j_scan, MPI_Scan)
MPI4J_REDUCE_FN(mpi4j_exscan, MPI_Exscan)
MPI4J_REDUCE_FN(mpi4j_reduce_scatter_block, MPI_Reduce_scatter_block)

static inline jint mpi4j_reduce_scatter(JNIEnv* env, jclass, MPI4J_SBUF, MPI4J_RBUF, jlong rcounts, jlong type,
                                        jlong op, jlong comm) {
    MPI4J_PIN2
    int rc = MPI_Reduce_scatter(s, r, MPI4J_P(const int*, rcounts), MPI4J_H(MPI_Datatype, type), MPI4J_H(MPI_Op, op),
                                MPI4J_H(MPI_Comm, comm));
    MPI4J_UNPIN2
}

static inline jint mpi4j_reduce_local(JNIEnv* env, jclass, MPI4J_SBUF, MPI4J_RBUF, jint count, jlong type, jlong op) {
    MPI4J_PIN2
    int rc = MPI_Reduce_local(s, r, count, MPI4J_H(MPI_Datatype, type), MPI4J_H(MPI_Op, op));
    MPI4J_UNPIN2
}

/* ---- user-defined reduction operations written in Java ----
 * MPI_User_function has no user-data argument, so each Java op takes one of a fixed set of C trampolines (a slot);
 * the trampoline hands MPI's two vectors to org.mpi4j.Op.dispatch as direct ByteBuffers over MPI's own memory (no
 * copy). Java code never runs while a heap array is pinned critically: Java stages heap arrays for user ops. */
#define MPI4J_OP_SLOTS 64
static JavaVM* mpi4j_vm = NULL;
static jclass mpi4j_op_class = NULL;
static jmethodID mpi4j_op_method = NULL;

static inline void mpi4j_op_call(int slot, void* in, void* inout, int* len, MPI_Datatype* dt) {
    JNIEnv* env = NULL;
    if (mpi4j_vm->GetEnv((void**)&env, JNI_VERSION_1_8) != JNI_OK) {
        mpi4j_vm->AttachCurrentThreadAsDaemon((void**)&env, NULL);
    }
    MPI_Aint lb = 0, extent = 0, tlb = 0, textent = 0;
    MPI_Type_get_extent(*dt, &lb, &extent);
    MPI_Type_get_true_extent(*dt, &tlb, &textent);
    jlong bytes = *len > 0 ? (jlong)(*len - 1) * extent + tlb + textent : 0;
    if (bytes < 0) bytes = 0;
    jobject a = env->NewDirectByteBuffer(in, bytes);
    jobject b = env->NewDirectByteBuffer(inout, bytes);
    env->CallStaticVoidMethod(mpi4j_op_class, mpi4j_op_method, (jint)slot, a, b, (jint)*len,
                              (jlong)(intptr_t)*dt);
    if (env->ExceptionCheck()) env->ExceptionClear(); /* Op.dispatch keeps the exception for the caller */
    env->DeleteLocalRef(a);
    env->DeleteLocalRef(b);
}
#define MPI4J_OP_SLOT(g, k) \
static void mpi4j_op_slot_##g##k(void* a, void* b, int* n, MPI_Datatype* d) { mpi4j_op_call((g - 1) * 8 + k, a, b, n, d); }
#define MPI4J_OP_SLOT8(g) MPI4J_OP_SLOT(g, 0) MPI4J_OP_SLOT(g, 1) MPI4J_OP_SLOT(g, 2) MPI4J_OP_SLOT(g, 3) \
    MPI4J_OP_SLOT(g, 4) MPI4J_OP_SLOT(g, 5) MPI4J_OP_SLOT(g, 6) MPI4J_OP_SLOT(g, 7)
MPI4J_OP_SLOT8(1) MPI4J_OP_SLOT8(2) MPI4J_OP_SLOT8(3) MPI4J_OP_SLOT8(4)
MPI4J_OP_SLOT8(5) MPI4J_OP_SLOT8(6) MPI4J_OP_SLOT8(7) MPI4J_OP_SLOT8(8)
#define MPI4J_OP_REF8(i) mpi4j_op_slot_##i##0, mpi4j_op_slot_##i##1, mpi4j_op_slot_##i##2, mpi4j_op_slot_##i##3, \
    mpi4j_op_slot_##i##4, mpi4j_op_slot_##i##5, mpi4j_op_slot_##i##6, mpi4j_op_slot_##i##7
static MPI_User_function* const mpi4j_op_table[MPI4J_OP_SLOTS] = {
    MPI4J_OP_REF8(1), MPI4J_OP_REF8(2), MPI4J_OP_REF8(3), MPI4J_OP_REF8(4),
    MPI4J_OP_REF8(5), MPI4J_OP_REF8(6), MPI4J_OP_REF8(7), MPI4J_OP_REF8(8)
};

/* Registers the Java class whose static dispatch(int, ByteBuffer, ByteBuffer, int, long) the trampolines call. */
static inline jint mpi4j_op_init(JNIEnv* env, jclass, jobject targetClass) {
    jclass target = (jclass)targetClass;
    if (mpi4j_op_class != NULL) return MPI4J_OP_SLOTS;
    env->GetJavaVM(&mpi4j_vm);
    mpi4j_op_method = env->GetStaticMethodID(target, "dispatch", "(ILjava/nio/ByteBuffer;Ljava/nio/ByteBuffer;IJ)V");
    if (mpi4j_op_method == NULL) return -1;
    mpi4j_op_class = (jclass)env->NewGlobalRef(target);
    return MPI4J_OP_SLOTS;
}

static inline jint mpi4j_op_create(jint slot, jint commute, jlong op) {
    if (slot < 0 || slot >= MPI4J_OP_SLOTS) return MPI_ERR_ARG;
    return MPI_Op_create(mpi4j_op_table[slot], commute, MPI4J_P(MPI_Op*, op));
}

/* ---- communicator attributes with Java values ----
 * A Java attribute value lives in a Java table; MPI stores its id (a jlong) as the attribute value. Every keyval
 * mpi4j creates uses these two C callbacks, which call the static copy/delete methods of the registered Java class
 * (org.mpi4j.Attributes), dispatching on the keyval there, so no per-keyval native state is needed. */
static jclass mpi4j_attr_class = NULL;
static jmethodID mpi4j_attr_copy_method = NULL;
static jmethodID mpi4j_attr_delete_method = NULL;

static inline JNIEnv* mpi4j_env() {
    JNIEnv* env = NULL;
    if (mpi4j_vm->GetEnv((void**)&env, JNI_VERSION_1_8) != JNI_OK) {
        mpi4j_vm->AttachCurrentThreadAsDaemon((void**)&env, NULL);
    }
    return env;
}

static int mpi4j_attr_copy(MPI_Comm old, int keyval, void*, void* in, void* out, int* flag) {
    JNIEnv* env = mpi4j_env();
    jlong id = env->CallStaticLongMethod(mpi4j_attr_class, mpi4j_attr_copy_method, (jlong)(intptr_t)old, (jint)keyval,
                                         (jlong)(intptr_t)in);
    if (env->ExceptionCheck()) { env->ExceptionClear(); id = -1; }
    if (id < 0) { *flag = 0; return MPI_ERR_OTHER; }
    *flag = id != 0;
    *(void**)out = (void*)(intptr_t)id;
    return MPI_SUCCESS;
}

static int mpi4j_attr_delete(MPI_Comm comm, int keyval, void* value, void*) {
    JNIEnv* env = mpi4j_env();
    jint rc = env->CallStaticIntMethod(mpi4j_attr_class, mpi4j_attr_delete_method, (jlong)(intptr_t)comm, (jint)keyval,
                                       (jlong)(intptr_t)value);
    if (env->ExceptionCheck()) { env->ExceptionClear(); rc = MPI_ERR_OTHER; }
    return rc;
}

/* Registers the Java class whose static long copy(long, int, long) and int delete(long, int, long) the callbacks call. */
static inline jint mpi4j_attr_init(JNIEnv* env, jclass, jobject targetClass) {
    jclass target = (jclass)targetClass;
    if (mpi4j_attr_class != NULL) return 0;
    if (mpi4j_vm == NULL) env->GetJavaVM(&mpi4j_vm);
    mpi4j_attr_copy_method = env->GetStaticMethodID(target, "copy", "(JIJ)J");
    mpi4j_attr_delete_method = env->GetStaticMethodID(target, "delete", "(JIJ)I");
    if (mpi4j_attr_copy_method == NULL || mpi4j_attr_delete_method == NULL) return -1;
    mpi4j_attr_class = (jclass)env->NewGlobalRef(target);
    return 0;
}

/* MPI_Comm_create_keyval with the Java-dispatching callbacks. */
static inline jint mpi4j_comm_create_keyval(jlong keyval) {
    return MPI_Comm_create_keyval(mpi4j_attr_copy, mpi4j_attr_delete, MPI4J_P(int*, keyval), NULL);
}

/* MPI_Comm_free and MPI_Comm_dup(_with_info) run attribute callbacks, i.e. Java code that may use the calling
 * thread's scratch memory; so the handles these calls read or write after the callbacks live in C locals here. */
static inline jint mpi4j_comm_free(jlong comm) {
    MPI_Comm c = MPI4J_H(MPI_Comm, comm);
    return MPI_Comm_free(&c);
}

static inline jint mpi4j_comm_dup(jlong comm, jint withInfo, jlong info, jlong newcomm) {
    MPI_Comm n = MPI_COMM_NULL;
    int rc = withInfo ? MPI_Comm_dup_with_info(MPI4J_H(MPI_Comm, comm), MPI4J_H(MPI_Info, info), &n)
                      : MPI_Comm_dup(MPI4J_H(MPI_Comm, comm), &n);
    *MPI4J_P(MPI_Comm*, newcomm) = n;
    return rc;
}

/* ---- distributed graphs: a null weights array means MPI_UNWEIGHTED; weights for no edges, MPI_WEIGHTS_EMPTY ---- */
static inline int* mpi4j_weights(int* w, int n) {
    return w == NULL ? MPI_UNWEIGHTED : n == 0 ? MPI_WEIGHTS_EMPTY : w;
}

static inline jint mpi4j_dist_graph_create_adjacent(jlong comm, jint indegree, int* sources, int* sourceweights,
        jint outdegree, int* destinations, int* destweights, jlong info, jint reorder, jlong newcomm) {
    return MPI_Dist_graph_create_adjacent(MPI4J_H(MPI_Comm, comm), indegree, sources, mpi4j_weights(sourceweights, indegree),
            outdegree, destinations, mpi4j_weights(destweights, outdegree), MPI4J_H(MPI_Info, info), reorder,
            MPI4J_P(MPI_Comm*, newcomm));
}

static inline jint mpi4j_dist_graph_create(jlong comm, jint n, int* sources, int* degrees, int* destinations,
        int* weights, jint edges, jlong info, jint reorder, jlong newcomm) {
    return MPI_Dist_graph_create(MPI4J_H(MPI_Comm, comm), n, sources, degrees, destinations, mpi4j_weights(weights, edges),
            MPI4J_H(MPI_Info, info), reorder, MPI4J_P(MPI_Comm*, newcomm));
}

/* Bytes written into file descriptor fd (a pipe) that its reader has not taken yet (Linux answers FIONREAD on either
 * end of a pipe); 0 for what is not a pipe with unread bytes, -1 when the descriptor cannot say. */
static inline int mpi4j_unread_bytes(int fd) {
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

#endif
