package org.mpi4j.testing;

import org.mpi4j.MPI;

/** Prints MPI_Get_library_version's string, for JUnit-side tests that must know the MPI build the ranks load. */
public final class LibraryVersion {
    private LibraryVersion() { }

    /** Entry point. */
    public static void main(String[] args) {
        System.out.println(MPI.getLibraryVersion());
    }
}
