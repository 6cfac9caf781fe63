package org.mpi4j.conformance;

import java.util.ArrayList;
import java.util.List;
import org.mpi4j.MPI;

/**
 * The conformance matrix engine (issue 12): runs every layout of a {@link Kind} in every {@link Style} on this rank,
 * checking the data in the type map and that every other byte (gaps, canaries before and after) holds what the
 * program last wrote there, on the send and the receive side. Collects every failure, then fails with all of them.
 */
public final class Conformance {
    private Conformance() { }

    /** Number of cases {@link #run} runs for a kind with these layouts. */
    public static int cases(List<Layout> layouts) {
        int n = 0;
        for (Layout l : layouts) {
            n += Style.count(l.whole);
        }
        return n;
    }

    /** Number of cases for {@code standard} kinds with the standard layouts and {@code views} one-layout view kinds. */
    public static int cases(int standard, int views) {
        return standard * Layout.STANDARD_NAMES.size() * Style.count(false) + views * Style.count(true);
    }

    /** Runs the matrix for one kind on every rank of COMM_WORLD; throws an AssertionError listing every failed case. */
    public static void run(Kind kind) {
        List<String> failures = new ArrayList<>();
        List<String> failedCases = new ArrayList<>();
        List<Layout> layouts = kind.layouts();
        int index = 0;
        int ran = 0;
        for (Layout layout : layouts) {
            for (Style style : Style.values()) {
                if (layout.whole && style.multiBlock) {
                    continue; // a view is one element: it cannot hold one block per process
                }
                Case c = new Case(kind, layout, style, index++, failures);
                int before = failures.size();
                try {
                    style.run(c);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(c.label + ": threw " + e);
                } finally {
                    c.close();
                }
                ran++;
                if (failures.size() > before) {
                    failedCases.add(layout + " / " + style.label);
                }
            }
        }
        int rank = MPI.COMM_WORLD.getRank();
        int size = MPI.COMM_WORLD.getSize();
        if (rank == 0) {
            System.err.println("[conformance] " + kind.name() + ": " + ran + " cases on " + size + " ranks, " + failedCases.size()
                    + " failed on rank 0");
        }
        if (ran != cases(layouts)) {
            throw new AssertionError(kind.name() + ": ran " + ran + " cases, the matrix has " + cases(layouts));
        }
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            sb.append(kind.name()).append(": ").append(failedCases.size()).append(" of ").append(ran).append(" cases failed on rank ")
                    .append(rank).append(" of ").append(size).append(": ").append(String.join(", ", failedCases)).append('\n');
            int shown = 0;
            for (String f : failures) {
                if (shown++ == 80) {
                    sb.append("... and ").append(failures.size() - 80).append(" more\n");
                    break;
                }
                sb.append("  ").append(f).append('\n');
            }
            throw new AssertionError(sb.toString());
        }
    }
}
