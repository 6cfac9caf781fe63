package org.mpi4j.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static no-argument method that every rank of a real MPI job runs (see {@link MpiTestKit}).
 * Methods of a class run in name order, all ranks together, with a barrier between them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RankTest {
}
