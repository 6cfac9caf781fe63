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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>

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
 * The JVM loads JNI libraries (and so libmpi) with local visibility, so promote libmpi to global before MPI_Init. */
static inline jint mpi4j_promote_global() {
    Dl_info info;
    if (dladdr((void*)&MPI_Init, &info) && info.dli_fname != NULL) {
        void* h = dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
        return h != NULL ? 1 : 0;
    }
    return 0;
}

static inline jlong mpi4j_direct_address(JNIEnv* env, jclass, jobject buf) {
    return (jlong)(intptr_t)env->GetDirectBufferAddress(buf);
}

static inline jlong mpi4j_malloc(jlong bytes) { return (jlong)(intptr_t)malloc(bytes > 0 ? (size_t)bytes : 1); }
static inline void mpi4j_free(jlong addr) { free((void*)(intptr_t)addr); }
static inline void mpi4j_memcpy(jlong dst, jlong src, jlong bytes) {
    memcpy((void*)(intptr_t)dst, (const void*)(intptr_t)src, (size_t)bytes);
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

#endif
