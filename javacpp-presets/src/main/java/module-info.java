/**
 * The JNI binding of the native MPI C API that JavaCPP generates ({@link org.mpi4j.jni.LibMpi}). Users reach MPI
 * through {@code org.mpi4j}; this module is what that core module (and native code wrapped with JavaCPP) builds on.
 */
module org.mpi4j.jni {
    requires transitive org.bytedeco.javacpp;
    exports org.mpi4j.jni;
}
