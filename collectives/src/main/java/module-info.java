/**
 * mpi4j, MPI for Java: communicators and everything that moves data ({@code org.mpi4j}), the buffer SPI with its
 * Java array and NIO providers ({@code org.mpi4j.buffers}) and the launcher ({@code org.mpi4j.run}). Buffer providers
 * in other jars (mpi4j-arrow, mpi4j-nd4j) are found through {@link java.util.ServiceLoader}, on the class path or the
 * module path.
 */
module org.mpi4j {
    requires transitive org.mpi4j.jni;
    requires com.esotericsoftware.kryo;
    requires org.objenesis;
    requires java.management;

    exports org.mpi4j;
    exports org.mpi4j.buffers;
    exports org.mpi4j.run;

    uses org.mpi4j.buffers.BufferProvider;
    provides org.mpi4j.buffers.BufferProvider with
            org.mpi4j.buffers.ArrayBufferProvider, org.mpi4j.buffers.NioBufferProvider, org.mpi4j.Bottom.Provider;
}
