package org.mpi4j.conformance;

import java.nio.ByteOrder;
import java.util.List;

/**
 * One buffer of one case on one rank: its region, what every word of the backing should hold, and why (canary
 * before, gap, type-map data, canary after). The type-map words are the only ones MPI may write; everything else
 * must hold what the program last wrote there.
 */
final class Side {
    /** Word classes. */
    static final byte BEFORE = 0;
    static final byte GAP = 1;
    static final byte DATA = 2;
    static final byte AFTER = 3;

    /** Top nibble of every byte of a pattern (none is 0x7 or 0xF, so no pattern word is a NaN). */
    static final int CANARY_TAG = 0xC0;
    static final int GAP_TAG = 0x30;
    static final int STALE_TAG = 0xE0;
    static final int MARK_TAG = 0x50;

    /** The value of one double of a message, from its block and its index within the block. */
    interface Values {
        double value(int block, int k);
    }

    final String role;
    final Region region;
    final Layout layout;
    final int blocks;
    final int perBlock;
    private final byte[] cls;
    private final int[] where;
    private final long[] expect;

    Side(String role, Kind kind, Layout layout, int blocks, int perBlock) {
        this.role = role;
        this.layout = layout;
        this.blocks = blocks;
        this.perBlock = perBlock;
        int elements = blocks * perBlock;
        this.region = kind.allocate(layout, elements);
        int words = region.bytes() / 8;
        cls = new byte[words];
        where = new int[words];
        expect = new long[words];
        int start = region.start();
        int end = start + layout.body(elements);
        for (int w = 0; w < words; w++) {
            int b = 8 * w;
            cls[w] = b < start ? BEFORE : b >= end ? AFTER : GAP;
            where[w] = b < start || b >= end ? -1 : (b - start) / layout.extent;
        }
        int n = layout.doubles();
        for (int e = 0; e < elements; e++) {
            for (int i = 0; i < n; i++) {
                int w = (start + e * layout.extent + layout.offsets[i]) / 8;
                if (cls[w] == DATA) {
                    throw new AssertionError(layout + ": word " + w + " in the type map twice");
                }
                cls[w] = DATA;
                where[w] = e * n + i;
            }
        }
        for (int w = 0; w < words; w++) {
            expect[w] = cls[w] == DATA ? pattern(STALE_TAG, w) : cls[w] == GAP ? pattern(GAP_TAG, w) : pattern(CANARY_TAG, w);
            region.word(8 * w, expect[w]);
        }
    }

    /** A word whose byte j holds tag | ((8w + j) & 15), in memory order. */
    static long pattern(int tag, int w) {
        long bits = 0;
        boolean le = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int j = 0; j < 8; j++) {
            long b = (tag | ((8 * w + j) & 15)) & 0xFF;
            bits |= b << (le ? 8 * j : 8 * (7 - j));
        }
        return bits;
    }

    /** Writes the message data (a send buffer), and expects it to stay. */
    Side data(Values v) {
        forData((w, block, k) -> {
            expect[w] = Double.doubleToRawLongBits(v.value(block, k));
            region.word(8 * w, expect[w]);
        });
        return this;
    }

    /** Expects the type map to hold the message data after a receive. */
    void expect(Values v) {
        forData((w, block, k) -> expect[w] = Double.doubleToRawLongBits(v.value(block, k)));
    }

    /** Makes the type map stale again (a persistent receive's next round). */
    void restale() {
        forData((w, block, k) -> {
            expect[w] = pattern(STALE_TAG ^ 0x10, w);
            region.word(8 * w, expect[w]);
        });
    }

    /** Writes a fresh marker into every gap word, as a program may while an operation is pending. */
    void scribble(int round) {
        for (int w = 0; w < cls.length; w++) {
            if (cls[w] == GAP) {
                expect[w] = pattern(MARK_TAG + 0x10 * (round % 2), w);
                region.word(8 * w, expect[w]);
            }
        }
    }

    private interface DataWord {
        void at(int w, int block, int k);
    }

    private void forData(DataWord f) {
        int perBlockDoubles = perBlock * layout.doubles();
        for (int w = 0; w < cls.length; w++) {
            if (cls[w] == DATA) {
                f.at(w, where[w] / perBlockDoubles, where[w] % perBlockDoubles);
            }
        }
    }

    /** The object to hand to mpi4j. */
    Object msg() {
        return region.message(perBlock);
    }

    /** Compares every byte of the backing with what it should hold; adds one line to failures if any differ. */
    void check(String label, List<String> failures) {
        int bad = 0;
        int badWords = 0;
        StringBuilder first = new StringBuilder();
        for (int w = 0; w < cls.length; w++) {
            long got = region.word(8 * w);
            if (got == expect[w]) {
                continue;
            }
            int lo = -1;
            int hi = -1;
            for (int j = 0; j < 8; j++) {
                if (byteOf(expect[w], j) != region.byteAt(8 * w + j)) {
                    bad++;
                    lo = lo < 0 ? j : lo;
                    hi = j;
                }
            }
            if (badWords++ < 3) {
                int at = 8 * w - region.start();
                first.append("; bytes ").append(at + lo).append("..").append(at + hi).append(" (").append(describe(w))
                        .append("): expected ").append(hex(expect[w], lo, hi)).append(name(expect[w], w))
                        .append(", got ").append(hex(got, lo, hi)).append(name(got, w));
            }
        }
        if (bad > 0) {
            failures.add(label + " " + role + " side: " + bad + " of " + region.bytes() + " bytes wrong (byte numbers from the"
                    + " message start)" + first + (badWords > 3 ? "; ..." : ""));
        }
        // a correct result must not be an accident of equal patterns: data words never equal their stale value
        for (int w = 0; w < cls.length; w++) {
            if (cls[w] == DATA && (expect[w] == pattern(STALE_TAG, w) || expect[w] == pattern(STALE_TAG ^ 0x10, w))) {
                throw new AssertionError(label + ": test data equals the stale pattern");
            }
        }
    }

    private static String hex(long bits, int lo, int hi) {
        StringBuilder sb = new StringBuilder();
        for (int j = lo; j <= hi; j++) {
            sb.append(j > lo ? " " : "").append(String.format("%02x", byteOf(bits, j)));
        }
        return sb.toString();
    }

    /** What a word's value is, when it is one of the patterns the test writes. */
    private String name(long bits, int w) {
        if (bits == pattern(CANARY_TAG, w)) {
            return " [canary]";
        }
        if (bits == pattern(GAP_TAG, w)) {
            return " [the gap's value from before the call]";
        }
        if (bits == pattern(MARK_TAG, w) || bits == pattern(MARK_TAG + 0x10, w)) {
            return " [marker written while the operation was pending]";
        }
        if (bits == pattern(STALE_TAG, w) || bits == pattern(STALE_TAG ^ 0x10, w)) {
            return " [stale: nothing received]";
        }
        return cls[w] == DATA ? " [" + Double.longBitsToDouble(bits) + "]" : "";
    }

    private static int byteOf(long bits, int j) {
        int shift = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 8 * j : 8 * (7 - j);
        return (int) (bits >>> shift) & 0xFF;
    }

    private String describe(int w) {
        int perBlockDoubles = perBlock * layout.doubles();
        switch (cls[w]) {
            case BEFORE:
                return "canary before the message";
            case AFTER:
                return "canary after the message";
            case GAP:
                return "gap in element " + where[w];
            default:
                return "type map: block " + where[w] / perBlockDoubles + " double " + where[w] % perBlockDoubles;
        }
    }

    void close() {
        region.close();
    }
}
