package org.mpi4j.conformance;

import java.util.ArrayList;
import java.util.List;
import org.mpi4j.Cartcomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/** One (kind, layout, style) case on this rank: its buffers, expected values and the failures it found. */
final class Case {
    private static Cartcomm ring;

    final Intracomm world = MPI.COMM_WORLD;
    final int rank = world.getRank();
    final int size = world.getSize();
    final int next = (rank + 1) % size;
    final int prev = (rank - 1 + size) % size;
    final Kind kind;
    final Layout layout;
    final Style style;
    final int tag;
    final String label;
    private final int salt;
    private final List<String> failures;
    private final List<Side> sides = new ArrayList<>();

    Case(Kind kind, Layout layout, Style style, int index, List<String> failures) {
        this.kind = kind;
        this.layout = layout;
        this.style = style;
        this.tag = index % 32000;
        this.salt = index;
        this.failures = failures;
        this.label = kind.name() + " / " + layout + " / " + style.label + " on rank " + rank + " of " + size;
    }

    /** The periodic 1-D Cartesian ring over all ranks (in order), made once. */
    Cartcomm ring() {
        synchronized (Case.class) {
            if (ring == null) {
                ring = world.createCart(new int[] {size}, new boolean[] {true}, false);
            }
            return ring;
        }
    }

    /** Elements per block: one for a whole view, 2 per block in a multi-block collective, else 3. */
    int perBlock() {
        return layout.whole ? 1 : style.multiBlock ? 2 : 3;
    }

    Side send(int blocks, Side.Values v) {
        Side s = new Side("send", kind, layout, blocks, perBlock());
        sides.add(s);
        return s.data(v);
    }

    Side recv(int blocks) {
        Side s = new Side("recv", kind, layout, blocks, perBlock());
        sides.add(s);
        return s;
    }

    /** Double k of a block sent by {@code src} for {@code dst}: a value no other position of the case holds. */
    double v(int src, int dst, int k) {
        return v(src, dst, k, 0);
    }

    double v(int src, int dst, int k, int round) {
        return (((src * 64L + dst) * 4096 + (2L * salt + round) % 4096) * 128 + k) + 0.5;
    }

    void scribble(Side... s) {
        for (Side x : s) {
            if (x != null) {
                x.scribble(0);
            }
        }
    }

    void check(Side... s) {
        check(null, s);
    }

    void check(String round, Side... s) {
        String l = round == null ? label : kind.name() + " / " + layout + " / " + style.label + " " + round + " on rank "
                + rank + " of " + size;
        for (Side x : s) {
            if (x != null) {
                x.check(l, failures);
            }
        }
    }

    void close() {
        for (Side s : sides) {
            s.close();
        }
    }
}
